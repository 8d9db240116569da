//! libziggeo: a blocking client for the Ziggeo server API's webhook calls,
//! and a parser for what Ziggeo POSTs to a webhook's target URL.
//!
//! ```no_run
//! use ziggeo::{Client, Encoding};
//!
//! let client = Client::new("APP_TOKEN", "PRIVATE_KEY")?;
//! let webhook_id = client.webhooks().create(
//!     "https://example.com/ziggeo-hook",
//!     Some(Encoding::Json),
//!     "video_ready,video_delete",
//! )?;
//! client.webhooks().confirm(&webhook_id, "123456")?;
//! client.webhooks().delete("https://example.com/ziggeo-hook")?;
//! # Ok::<(), ziggeo::Error>(())
//! ```
//!
//! The same calls are exported to C by the `ffi` module and declared in
//! `include/ziggeo.h`. The Rust core knows nothing of C, and the C layer
//! knows nothing of HTTP.

mod client;
mod delivery;
mod error;
mod form;
pub mod logging;
mod proxy;
mod resolver;
mod retry;
mod transport;
mod webhooks;

pub mod ffi;

pub use client::{
    default_user_agent, region_base_url, Client, ClientBuilder, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, EU_WEST_1_BASE_URL,
};
pub use delivery::{Delivery, DeliveryKind};
pub use error::{Error, Result, MAX_ERROR_BODY};
pub use transport::MAX_RESPONSE_BODY;
pub use webhooks::{check_target_url, Encoding, Events, IntoEvents, Webhooks, CONFIRM_PATH, CREATE_PATH, DELETE_PATH};

/// The form encoder of request bodies, for the cargo-fuzz targets under
/// `fuzz/` only: cargo-fuzz builds every crate with `--cfg fuzzing`.
#[cfg(fuzzing)]
#[doc(hidden)]
pub use form::encode as fuzzing_form_encode;

/// The library's version, `MAJOR.MINOR.PATCH`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
