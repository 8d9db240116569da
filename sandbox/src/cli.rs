//! Command-line options of the `ziggeo-sandbox` binary.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};

use ziggeo_sandbox::{Config, TlsConfig};

/// Local emulator of the Ziggeo server API's webhook calls.
///
/// Prints `listening on http://ADDR` as the first line on stdout once it is
/// ready. Stops on SIGINT or SIGTERM.
#[derive(Parser)]
#[command(name = "ziggeo-sandbox", version)]
pub(crate) struct Cli {
    /// Loopback address to listen on; port 0 picks a free port.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:0", value_parser = parse_listen)]
    pub listen: SocketAddr,

    /// Accepted application: TOKEN:PRIVATE_KEY. Repeat for several. Without
    /// any, the demo pair demo_app_token:demo_private_key is accepted.
    // Kept as text and checked in `into_config`, because clap's own error for a
    // rejected value would print the value, private key included.
    #[arg(long = "app", value_name = "TOKEN:PRIVATE_KEY")]
    pub apps: Vec<String>,

    /// PEM certificate chain to serve HTTPS with (needs --tls-key).
    #[arg(long, value_name = "FILE", requires = "tls_key", conflicts_with = "tls_self_signed")]
    pub tls_cert: Option<PathBuf>,

    /// PEM private key of --tls-cert.
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// Generates a CA (DIR/ca.pem) and a server certificate for localhost,
    /// 127.0.0.1 and ::1 (DIR/server.pem, DIR/server-key.pem), and serves HTTPS
    /// with them. Clients trust DIR/ca.pem.
    #[arg(long, value_name = "DIR")]
    pub tls_self_signed: Option<PathBuf>,

    /// Turns off the per-request log lines and the warnings about failed
    /// deliveries on stderr; errors still print.
    #[arg(long)]
    pub quiet: bool,
}

impl Cli {
    /// Turns the options into a sandbox configuration, or exits with status 2
    /// and a message that leaves private keys out.
    pub(crate) fn into_config(self) -> Config {
        let mut apps = Vec::with_capacity(self.apps.len());
        for value in &self.apps {
            match parse_app(value) {
                Ok(pair) => apps.push(pair),
                Err(message) => Cli::command()
                    .error(
                        ErrorKind::ValueValidation,
                        format!("invalid value for '--app <TOKEN:PRIVATE_KEY>': {message}"),
                    )
                    .exit(),
            }
        }
        let tls = match (self.tls_cert, self.tls_key, self.tls_self_signed) {
            (Some(cert), Some(key), _) => Some(TlsConfig::Files { cert, key }),
            (_, _, Some(dir)) => Some(TlsConfig::SelfSigned { dir }),
            _ => None,
        };
        Config {
            listen: self.listen,
            apps,
            quiet: self.quiet,
            tls,
        }
    }
}

/// Parses an `IP:PORT` address; `localhost:PORT` means 127.0.0.1.
fn parse_listen(value: &str) -> Result<SocketAddr, String> {
    if let Some(port) = value.strip_prefix("localhost:") {
        let port: u16 = port
            .parse()
            .map_err(|_| format!("invalid port {port:?}; use a number from 0 to 65535"))?;
        return Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, port)));
    }
    value
        .parse()
        .map_err(|_| format!("invalid address {value:?}; use IP:PORT such as 127.0.0.1:0 or [::1]:8080"))
}

/// Parses `TOKEN:PRIVATE_KEY`. Messages never repeat the private key.
fn parse_app(value: &str) -> Result<(String, String), String> {
    let Some((token, private_key)) = value.split_once(':') else {
        return Err(
            "expected TOKEN:PRIVATE_KEY, with a ':' between the application token and the \
             private key"
                .to_owned(),
        );
    };
    if token.is_empty() {
        return Err(String::from(
            "the application token before ':' is empty; write TOKEN:PRIVATE_KEY",
        ));
    }
    if private_key.is_empty() {
        return Err(format!(
            "the private key after ':' is empty for application token {token:?}; write TOKEN:PRIVATE_KEY"
        ));
    }
    Ok((token.to_owned(), private_key.to_owned()))
}
