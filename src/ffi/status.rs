//! `ZiggeoStatus`, the result code of every fallible call.

use std::ffi::c_char;

use crate::error::Error;

/// The result of a fallible call. The numbers are fixed and never reused, so
/// they may be stored or compared across library versions.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZiggeoStatus {
    /// Success.
    Ok = 0,
    /// An argument was NULL, not UTF-8, or not a valid value; nothing was sent.
    InvalidArgument = 1,
    /// The server responded with an HTTP status outside 2xx. The error carries
    /// the status and the body.
    Http = 2,
    /// The call did not finish within its timeout.
    Timeout = 3,
    /// The connection could not be made or broke during the exchange.
    Connection = 4,
    /// A host name could not be resolved.
    Dns = 5,
    /// The TLS handshake failed, for example on an untrusted certificate.
    Tls = 6,
    /// The server's response was not usable HTTP, or was too large.
    InvalidResponse = 7,
    /// A webhook delivery body could not be parsed.
    InvalidDelivery = 8,
    /// A bug in libziggeo, such as a caught panic.
    Internal = 9,
}

impl ZiggeoStatus {
    /// Returns the status that reports `error`.
    pub(crate) fn of(error: &Error) -> Self {
        match error {
            Error::InvalidArgument { .. } => ZiggeoStatus::InvalidArgument,
            Error::Http { .. } => ZiggeoStatus::Http,
            Error::Timeout { .. } => ZiggeoStatus::Timeout,
            Error::Connection { .. } => ZiggeoStatus::Connection,
            Error::Dns { .. } => ZiggeoStatus::Dns,
            Error::Tls { .. } => ZiggeoStatus::Tls,
            Error::InvalidResponse { .. } => ZiggeoStatus::InvalidResponse,
            Error::InvalidDelivery { .. } => ZiggeoStatus::InvalidDelivery,
            Error::Internal(_) => ZiggeoStatus::Internal,
        }
    }
}

/// Returns a static, borrowed description of a status code, such as
/// "timeout". Never NULL; an unknown code gives "unknown status".
///
/// Thread-safe. The string lives as long as the library is loaded.
#[no_mangle]
pub extern "C" fn ziggeo_status_message(status: i32) -> *const c_char {
    let text: &'static [u8] = match status {
        0 => b"ok\0",
        1 => b"invalid argument\0",
        2 => b"HTTP error status\0",
        3 => b"timeout\0",
        4 => b"connection failed\0",
        5 => b"DNS lookup failed\0",
        6 => b"TLS failed\0",
        7 => b"invalid response\0",
        8 => b"invalid webhook delivery\0",
        9 => b"internal error\0",
        _ => b"unknown status\0",
    };
    text.as_ptr().cast()
}
