//! The one error type of the crate, and its mapping to the C status codes.
//!
//! Every message is a plain sentence that names what failed, on which value,
//! and what to do next. No message ever contains the private key or the
//! `Authorization` header: the only values quoted are arguments the caller
//! passed in the clear, URLs, and what the server sent back.

use std::time::Duration;

/// Largest number of response-body bytes kept in [`Error::Http`].
pub const MAX_ERROR_BODY: usize = 64 * 1024;

/// Longest part of an argument quoted in an error message, in characters.
const MAX_QUOTED_CHARS: usize = 200;

/// Quotes an argument for an error message, as Rust's `Debug` does, cut to
/// its first 200 characters so that a huge argument cannot make a huge
/// message.
pub(crate) fn quote(value: &str) -> String {
    match value.char_indices().nth(MAX_QUOTED_CHARS) {
        None => format!("{value:?}"),
        Some((end, _)) => format!("{:?}... ({} bytes in all)", &value[..end], value.len()),
    }
}

/// Result alias used throughout the crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong in a call to the Ziggeo API or in parsing a
/// webhook delivery.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An argument was rejected before any request was sent.
    #[error("invalid {parameter}: {reason}")]
    InvalidArgument {
        /// The parameter's name, as in the API (`target_url`, `events`, ...).
        parameter: &'static str,
        /// The reason it was rejected, and how to fix it.
        reason: String,
    },

    /// The server responded with a status outside 2xx.
    #[error("{call} failed: the server responded with HTTP {status}{}{}", body_clause(.body), location_clause(.location))]
    Http {
        /// The call that failed (`create`, `confirm`, `delete`).
        call: &'static str,
        /// The HTTP status code.
        status: u16,
        /// The response body, lossily decoded as UTF-8 and cut at
        /// [`MAX_ERROR_BODY`] bytes.
        body: String,
        /// The `Location` header of a redirect, which is never followed.
        location: Option<String>,
    },

    /// The call did not complete within its timeout.
    #[error("{call} timed out after {}{}", format_duration(*.after), timeout_clause(.outcome_unknown))]
    Timeout {
        /// The call that timed out.
        call: &'static str,
        /// How long the call ran.
        after: Duration,
        /// The request may have reached the server and been processed.
        outcome_unknown: bool,
    },

    /// The TCP connection could not be made, or broke during the exchange.
    #[error("{call} failed: connection to {url} failed: {detail}{}", outcome_clause(.outcome_unknown))]
    Connection {
        /// The call that failed.
        call: &'static str,
        /// The base URL the client talks to.
        url: String,
        /// The failure the operating system or the HTTP layer reported.
        detail: String,
        /// The request may have reached the server and been processed.
        outcome_unknown: bool,
    },

    /// The host name of the base URL or of the proxy could not be resolved.
    #[error("{call} failed: the host {host} could not be resolved; check the base URL and the DNS setup")]
    Dns {
        /// The call that failed.
        call: &'static str,
        /// The host name that was looked up.
        host: String,
    },

    /// The TLS handshake failed, for example on an untrusted certificate.
    #[error("{call} failed: TLS with {url} failed: {detail}")]
    Tls {
        /// The call that failed.
        call: &'static str,
        /// The base URL the client talks to.
        url: String,
        /// The failure the TLS layer reported, with a hint at the likely fix.
        detail: String,
    },

    /// The server sent something that is not a usable HTTP response: garbage,
    /// a truncated message, or a body larger than the limit.
    #[error("{call} failed: invalid response from {url}: {detail}{}", outcome_clause(.outcome_unknown))]
    InvalidResponse {
        /// The call that failed.
        call: &'static str,
        /// The base URL the client talks to.
        url: String,
        /// The problem with the response.
        detail: String,
        /// The request may have reached the server and been processed.
        outcome_unknown: bool,
    },

    /// A webhook delivery body could not be parsed.
    #[error("invalid webhook delivery (tried {encoding}): {detail}")]
    InvalidDelivery {
        /// The encoding that was tried: `json`, `form` or `form with a JSON field`.
        encoding: &'static str,
        /// The problem with the body.
        detail: String,
    },

    /// A bug in libziggeo, such as a caught panic. Please report it.
    #[error("internal error in libziggeo: {0}; please report this as a bug")]
    Internal(String),
}

impl Error {
    /// Builds an [`Error::InvalidArgument`].
    pub(crate) fn invalid(parameter: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidArgument {
            parameter,
            reason: reason.into(),
        }
    }

    /// Returns true when the request may have reached the server and been
    /// processed, so the caller must check the server's state before
    /// repeating a call that is not idempotent (create).
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Error::Timeout { outcome_unknown, .. }
            | Error::Connection { outcome_unknown, .. }
            | Error::InvalidResponse { outcome_unknown, .. } => *outcome_unknown,
            _ => false,
        }
    }

    /// Returns the HTTP status of an [`Error::Http`], if this is one.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Error::Http { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Returns the response body of an [`Error::Http`], if this is one.
    pub fn body(&self) -> Option<&str> {
        match self {
            Error::Http { body, .. } => Some(body),
            _ => None,
        }
    }
}

fn location_clause(location: &Option<String>) -> String {
    match location {
        Some(location) => {
            format!(". It redirects to {location}, which is not followed: set the base URL to the final address")
        }
        None => String::new(),
    }
}

fn body_clause(body: &str) -> String {
    if body.is_empty() {
        String::from(" with an empty body")
    } else {
        format!(": {body}")
    }
}

fn outcome_clause(outcome_unknown: &bool) -> &'static str {
    if *outcome_unknown {
        "; the request may have reached the server, so the webhook may have been created, confirmed or deleted: check before repeating the call"
    } else {
        ""
    }
}

fn timeout_clause(outcome_unknown: &bool) -> &'static str {
    if *outcome_unknown {
        outcome_clause(outcome_unknown)
    } else {
        " before the request was sent; check that the server is reachable, or raise the timeout"
    }
}

fn format_duration(duration: Duration) -> String {
    let millis = duration.as_millis();
    if millis < 1000 {
        format!("{millis} ms")
    } else if millis % 1000 == 0 {
        format!("{} s", millis / 1000)
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quote_short_value_whole() {
        assert_eq!(quote("a \"b\""), "\"a \\\"b\\\"\"");
    }

    #[test]
    fn quote_long_value_cut() {
        let long = "é".repeat(10_000);
        let quoted = quote(&long);
        let expected_start = format!("{:?}", "é".repeat(200));
        assert!(quoted.starts_with(&expected_start), "{quoted}");
        assert!(quoted.ends_with("... (20000 bytes in all)"), "{quoted}");
        assert!(quoted.len() < 600);
    }
}
