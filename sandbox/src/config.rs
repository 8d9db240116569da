//! Settings of one sandbox instance.

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

/// Application token of the demo pair accepted when no pair is configured.
pub const DEMO_APP_TOKEN: &str = "demo_app_token";
/// Private key of the demo pair accepted when no pair is configured.
pub const DEMO_PRIVATE_KEY: &str = "demo_private_key";

/// Settings of a sandbox: where it listens, which applications it accepts, TLS and logging.
#[derive(Clone)]
pub struct Config {
    /// Loopback address to listen on. Port 0 picks a free port.
    pub listen: SocketAddr,
    /// Accepted (application token, private key) pairs. Empty means the demo
    /// pair [`DEMO_APP_TOKEN`] / [`DEMO_PRIVATE_KEY`].
    pub apps: Vec<(String, String)>,
    /// Turns off the per-request log lines.
    pub quiet: bool,
    /// Serves HTTPS instead of HTTP when set.
    pub tls: Option<TlsConfig>,
}

/// Source of the certificate that the sandbox serves HTTPS with.
#[derive(Clone, Debug)]
pub enum TlsConfig {
    /// PEM files: a certificate chain (leaf first) and its private key.
    Files { cert: PathBuf, key: PathBuf },
    /// Generates a CA and a server certificate for `localhost`, `127.0.0.1` and
    /// `::1`, and writes `ca.pem`, `server.pem` and `server-key.pem` into `dir`.
    SelfSigned { dir: PathBuf },
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            apps: Vec::new(),
            quiet: false,
            tls: None,
        }
    }
}

impl Config {
    /// Returns the configured pairs, or the demo pair when none is configured.
    pub(crate) fn effective_apps(&self) -> Vec<(String, String)> {
        if self.apps.is_empty() {
            vec![(DEMO_APP_TOKEN.to_owned(), DEMO_PRIVATE_KEY.to_owned())]
        } else {
            self.apps.clone()
        }
    }
}

// Written by hand so that private keys never reach a log or a panic message.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tokens: Vec<&str> = self.apps.iter().map(|(token, _)| token.as_str()).collect();
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("app_tokens", &tokens)
            .field("quiet", &self.quiet)
            .field("tls", &self.tls)
            .finish()
    }
}
