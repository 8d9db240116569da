//! A local emulator of the Ziggeo server API's webhook calls, for tests that
//! run offline.
//!
//! It serves `POST /v1/api/hook`, `/v1/api/confirmhook` and
//! `/v1/api/removehook` with HTTP Basic auth, runs the two-step handshake
//! against each new webhook's target URL, and offers admin routes under
//! `/_sandbox/` to list state, fire events and inject faults. The crate's
//! README describes every route and the exact bytes of each delivery.
//!
//! # Use from blocking Rust tests
//!
//! [`Sandbox::start`] runs the server on its own thread and tokio runtime, and
//! returns once it listens:
//!
//! ```no_run
//! let sandbox = ziggeo_sandbox::Sandbox::start(ziggeo_sandbox::Config {
//!     apps: vec![("tok".into(), "key".into())],
//!     quiet: true,
//!     ..Default::default()
//! })?;
//! let base_url = sandbox.base_url(); // "http://127.0.0.1:PORT"
//! let addr = sandbox.addr();
//! sandbox.shutdown(); // dropping it does the same
//! # Ok::<(), ziggeo_sandbox::Error>(())
//! ```
//!
//! # Use from async code
//!
//! [`Server::bind`] then [`Server::serve`] run it on the caller's tokio runtime.
//!
//! Only loopback listen addresses are accepted, and deliveries go only to
//! loopback target URLs (`localhost`, 127.0.0.0/8, `[::1]`).

mod config;
mod delivery;
mod error;
mod faults;
mod payload;
mod request_form;
mod routes;
mod sandbox;
mod server;
mod state;
mod store;
mod tls;
mod webhook;

pub use config::{Config, TlsConfig, DEMO_APP_TOKEN, DEMO_PRIVATE_KEY};
pub use error::Error;
pub use sandbox::Sandbox;
pub use server::Server;
