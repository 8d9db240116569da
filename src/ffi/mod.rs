//! The C ABI: every `extern "C"` item of libziggeo, and nothing else.
//!
//! This layer converts C values to Rust ones, calls the core, and converts
//! the result back. It knows nothing of HTTP. The conventions that every
//! export follows (ownership, errors, NULL handling, panics) are written once,
//! in the header comment of `cbindgen.toml`, which opens `include/ziggeo.h`.
//!
//! Each export reads in three steps: check the inputs, do the work, write the
//! outputs. [`boundary::guard`] runs the steps, turns an `Err` into a status
//! and an error object, and turns a panic into `ZIGGEO_STATUS_INTERNAL`, so
//! no panic unwinds into C.

mod boundary;
mod client;
mod delivery;
mod error;
mod options;
mod status;
mod string;
mod webhooks;

pub use client::*;
pub use delivery::*;
pub use error::*;
pub use options::*;
pub use status::*;
pub use string::*;
pub use webhooks::*;
