//! Errors that stop a sandbox from starting.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Reason a sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "listen address {0} is not a loopback address; use 127.0.0.1:PORT or [::1]:PORT \
         (the sandbox only serves this machine)"
    )]
    NonLoopbackListen(SocketAddr),

    #[error("failed to listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },

    #[error(
        "invalid application for token {token:?}: the application token and the private key \
         must both be non-empty, and the token must not contain ':'"
    )]
    InvalidApp { token: String },

    #[error("failed to read {path}: {source}")]
    ReadFile { path: PathBuf, source: std::io::Error },

    #[error("failed to write {path}: {source}")]
    WriteFile { path: PathBuf, source: std::io::Error },

    #[error("invalid TLS setup: {0}")]
    Tls(String),

    #[error("failed to start the sandbox runtime: {0}")]
    Runtime(std::io::Error),

    #[error("the sandbox thread stopped before it was ready")]
    ThreadStopped,
}
