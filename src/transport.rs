//! One HTTP exchange with the API: the ureq agent, TLS roots, and the mapping
//! of ureq's errors to [`Error`] kinds.
//!
//! Each failure is sorted by whether the request may have reached the server.
//! A refused connection or a failed DNS look-up cannot have, so repeating it
//! is safe. A timeout or reset after the connection was made may have.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

use crate::error::{quote, Error, Result, MAX_ERROR_BODY};
use crate::proxy;
use crate::resolver::CachingResolver;

/// Largest 2xx response body accepted. The API's responses are a few bytes.
pub const MAX_RESPONSE_BODY: usize = 1024 * 1024;

/// A checked base URL and the parts the transport needs.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    /// The base URL without a trailing slash.
    pub base_url: String,
    /// `http` or `https`, lower case.
    pub scheme: String,
    /// The host name or IP address, as written.
    pub host: String,
}

impl Target {
    /// Checks that `base_url` is an absolute http(s) URL without query or
    /// fragment, and drops trailing slashes.
    pub fn parse(base_url: &str) -> Result<Self> {
        let invalid = |why: &str| {
            Error::invalid(
                "base_url",
                format!(
                    "{} {why}; use a URL such as \"https://srv-api.ziggeo.com\" or \"http://127.0.0.1:8080\"",
                    quote(base_url)
                ),
            )
        };

        let trimmed = base_url.trim_end_matches('/');
        let uri: ureq::http::Uri = trimmed.parse().map_err(|_| invalid("is not a valid URL"))?;
        let scheme = uri.scheme_str().unwrap_or_default().to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(invalid("is not an absolute http or https URL"));
        }

        let host = uri.host().unwrap_or_default();
        if host.is_empty() {
            return Err(invalid("has no host"));
        }
        let authority = uri.authority().map(|authority| authority.as_str()).unwrap_or_default();
        if authority.contains('@') {
            // Not quoted, since the part before '@' may be a password.
            return Err(Error::invalid(
                "base_url",
                "it contains a user name or password, which the client never sends; remove them, since the client authenticates with the application token and private key",
            ));
        }
        let port_text = authority
            .rsplit_once(':')
            .map(|(_, port)| port)
            .filter(|port| !port.contains(']'));
        if let Some(port_text) = port_text {
            match port_text.parse::<u16>() {
                Ok(0) => return Err(invalid("has port 0, which cannot be connected to")),
                Ok(_) => {}
                Err(_) => return Err(invalid("has a port outside 1 to 65535")),
            }
        }
        if uri.query().is_some() || trimmed.contains('#') {
            return Err(invalid("has a query or fragment, which a base URL cannot have"));
        }

        Ok(Target {
            base_url: trimmed.to_owned(),
            scheme,
            host: host.to_owned(),
        })
    }
}

/// Longest header value the client sends, in bytes; ureq's request buffer
/// takes a little over 90 KiB of headers in all.
const MAX_HEADER_VALUE: usize = 4096;

/// Checks that `value` can be sent as an HTTP header value.
pub(crate) fn check_header_value(parameter: &'static str, value: &str) -> Result<()> {
    if value.len() > MAX_HEADER_VALUE {
        return Err(Error::invalid(
            parameter,
            format!(
                "it is {} bytes long, over the limit of {MAX_HEADER_VALUE}; shorten it",
                value.len()
            ),
        ));
    }
    if ureq::http::HeaderValue::from_str(value).is_err() {
        return Err(Error::invalid(
            parameter,
            "it contains characters an HTTP header cannot carry, such as a line break; use printable ASCII",
        ));
    }
    Ok(())
}

/// The settings of the client that [`build_agent`] uses.
pub(crate) struct AgentOptions<'a> {
    pub target: &'a Target,
    pub connect_timeout: Duration,
    pub user_agent: &'a str,
    pub ca_bundle: Option<&'a Path>,
    pub proxy_from_env: bool,
}

/// The client's agent and, when it goes through one, a description of its
/// proxy for error messages, such as "the proxy 127.0.0.1:3128 from HTTPS_PROXY".
pub(crate) struct Transport {
    pub agent: ureq::Agent,
    pub proxy: Option<String>,
}

/// Builds the client's agent: keep-alive pool, no redirects, no automatic
/// status errors, verified TLS and the proxy chosen from the environment.
pub(crate) fn build_agent(options: &AgentOptions<'_>) -> Result<Transport> {
    let extra_roots = match options.ca_bundle {
        Some(path) => read_ca_bundle(path)?,
        None => Vec::new(),
    };

    let mut config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_connect(Some(options.connect_timeout))
        .user_agent(options.user_agent)
        .accept("*/*")
        .max_idle_connections_per_host(16);
    let proxy = choose_proxy(options)?;
    let description = proxy.as_ref().map(|(_, description)| description.clone());
    config = config.proxy(proxy.map(|(proxy, _)| proxy));

    if options.target.scheme == "https" {
        let mut roots = system_roots();
        roots.extend(extra_roots);
        let tls = TlsConfig::builder()
            .root_certs(RootCerts::Specific(Arc::new(roots)))
            .build();
        config = config.tls_config(tls);
    }

    let connector = ureq::unversioned::transport::DefaultConnector::new();
    Ok(Transport {
        agent: ureq::Agent::with_parts(config.build(), connector, CachingResolver::default()),
        proxy: description,
    })
}

fn choose_proxy(options: &AgentOptions<'_>) -> Result<Option<(ureq::Proxy, String)>> {
    if !options.proxy_from_env {
        return Ok(None);
    }

    let target = options.target;
    let Some(chosen) = proxy::from_env(&target.scheme, &target.host, |name| std::env::var(name).ok()) else {
        return Ok(None);
    };

    // The proxy URL may hold credentials, so it is not quoted.
    let variable = chosen.variable;
    let proxy = ureq::Proxy::new(&chosen.url).map_err(|_| {
        Error::invalid(
            "proxy",
            format!("the proxy URL in {variable} is invalid; fix it, or turn proxy_from_env off"),
        )
    })?;
    let description = format!("the proxy {}:{} from {variable}", proxy.host(), proxy.port());
    log::debug!("{} goes through {description}", target.base_url);
    Ok(Some((proxy, description)))
}

/// Loads the system trust store, which honours `SSL_CERT_FILE` and
/// `SSL_CERT_DIR`, or the built-in Mozilla roots where it is empty.
fn system_roots() -> Vec<Certificate<'static>> {
    let loaded = rustls_native_certs::load_native_certs();
    for error in &loaded.errors {
        log::debug!("skipped part of the system trust store: {error}");
    }

    let mut roots: Vec<Certificate<'static>> = loaded
        .certs
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned())
        .collect();
    if roots.is_empty() {
        log::debug!("the system trust store is empty; using the built-in roots");
        roots = webpki_root_certs::TLS_SERVER_ROOT_CERTS
            .iter()
            .map(|der| Certificate::from_der(der.as_ref()).to_owned())
            .collect();
    }
    roots
}

fn read_ca_bundle(path: &Path) -> Result<Vec<Certificate<'static>>> {
    let shown = quote(&path.to_string_lossy());
    let pem = std::fs::read(path).map_err(|error| {
        Error::invalid(
            "ca_bundle",
            format!("{shown} could not be read: {error}; pass a readable PEM file"),
        )
    })?;

    let mut certificates = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(PemItem::Certificate(certificate)) => certificates.push(certificate),
            Ok(_) => {}
            Err(error) => {
                return Err(Error::invalid(
                    "ca_bundle",
                    format!("{shown} is not valid PEM: {error}"),
                ));
            }
        }
    }

    if certificates.is_empty() {
        return Err(Error::invalid(
            "ca_bundle",
            format!("{shown} holds no PEM certificate; pass a file with \"-----BEGIN CERTIFICATE-----\" blocks"),
        ));
    }
    Ok(certificates)
}

/// One request, as the retry loop hands it to [`send`].
pub(crate) struct Exchange<'a> {
    pub call: &'static str,
    pub url: &'a str,
    pub authorization: &'a str,
    /// Values that must never reach an error: the private key and the
    /// base64 credentials. A server that echoes them back gets them cut out.
    pub secrets: [&'a str; 2],
    pub body: &'a str,
    /// Time left for this attempt.
    pub timeout: Duration,
    /// The client's limit on establishing a connection.
    pub connect_timeout: Duration,
    /// The proxy the client goes through, described for error messages.
    pub proxy: Option<&'a str>,
    /// When the whole call started, for the timeout error.
    pub started: Instant,
}

/// The outcome of one attempt.
#[derive(Debug)]
pub(crate) enum Attempt {
    /// A 2xx response with its body.
    Success(String),
    /// A complete response outside 2xx, as an [`Error::Http`].
    Status {
        error: Error,
        retry_after: Option<Duration>,
    },
    /// No usable response.
    Failed {
        error: Error,
        /// The request cannot have reached the server.
        before_send: bool,
    },
}

impl Attempt {
    /// Returns the HTTP status of a [`Attempt::Status`].
    pub fn status(&self) -> Option<u16> {
        match self {
            Attempt::Status { error, .. } => error.http_status(),
            _ => None,
        }
    }

    /// Returns a short description for the debug log.
    pub fn summary(&self) -> String {
        match self {
            Attempt::Success(_) => String::from("success"),
            Attempt::Status { error, .. } => format!("HTTP {}", error.http_status().unwrap_or_default()),
            Attempt::Failed { error, .. } => error.to_string(),
        }
    }

    /// Turns the final attempt into the call's result.
    pub fn into_result(self) -> Result<String> {
        match self {
            Attempt::Success(body) => Ok(body),
            Attempt::Status { error, .. } | Attempt::Failed { error, .. } => Err(error),
        }
    }
}

/// Sends one form POST and reads the response.
pub(crate) fn send(agent: &ureq::Agent, target: &Target, exchange: &Exchange<'_>) -> Attempt {
    let sent = agent
        .post(exchange.url)
        .header("Authorization", exchange.authorization)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .config()
        .timeout_global(Some(exchange.timeout))
        .timeout_connect(Some(connect_limit(exchange)))
        .build()
        .send(exchange.body);

    let response = match sent {
        Ok(response) => response,
        Err(error) => return classify(error, target, exchange),
    };
    read_response(response, target, exchange)
}

/// Returns the connect limit of one attempt: the client's connect timeout,
/// but ending a little before the attempt's deadline. A deadline that passes
/// while connecting is then reported as a connect timeout, which means that
/// nothing was sent, instead of a whole-call timeout, which does not.
fn connect_limit(exchange: &Exchange<'_>) -> Duration {
    const MARGIN: Duration = Duration::from_millis(10);

    let before_deadline = exchange.timeout.saturating_sub(MARGIN);
    if before_deadline.is_zero() {
        return exchange.timeout;
    }
    exchange.connect_timeout.min(before_deadline)
}

fn read_response(mut response: ureq::http::Response<ureq::Body>, target: &Target, exchange: &Exchange<'_>) -> Attempt {
    let status = response.status().as_u16();
    let location = header_text(&response, "location");
    let retry_after = header_text(&response, "retry-after").and_then(|value| crate::retry::parse_retry_after(&value));

    let success = (200..300).contains(&status);
    let cap = if success { MAX_RESPONSE_BODY } else { MAX_ERROR_BODY };
    let mut bytes = Vec::new();
    let read = response
        .body_mut()
        .with_config()
        .reader()
        .take(cap as u64 + 1)
        .read_to_end(&mut bytes);
    if let Err(error) = read {
        return classify(ureq::Error::from(error), target, exchange);
    }

    if success {
        if bytes.len() > cap {
            return Attempt::Failed {
                error: Error::InvalidResponse {
                    call: exchange.call,
                    url: target.base_url.clone(),
                    detail: format!(
                        "the response body is larger than {} MiB, which no API response is",
                        cap / (1024 * 1024)
                    ),
                    outcome_unknown: true,
                },
                before_send: false,
            };
        }
        return Attempt::Success(String::from_utf8_lossy(&bytes).into_owned());
    }

    bytes.truncate(cap);
    Attempt::Status {
        error: Error::Http {
            call: exchange.call,
            status,
            body: redact(&String::from_utf8_lossy(&bytes), &exchange.secrets),
            location: location.map(|location| redact(&location, &exchange.secrets)),
        },
        retry_after,
    }
}

/// Shortest secret that [`redact`] cuts out. Real private keys are 32
/// characters; cutting out a test key such as "key" would mangle bodies
/// like "wrong private key" and hide nothing of value.
const MIN_REDACTED_LENGTH: usize = 4;

/// Replaces every occurrence of a secret in `text` with `<redacted>`.
fn redact(text: &str, secrets: &[&str]) -> String {
    let mut clean = text.to_owned();
    for secret in secrets.iter().filter(|secret| secret.len() >= MIN_REDACTED_LENGTH) {
        clean = clean.replace(secret, "<redacted>");
    }
    clean
}

fn header_text(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    let value = response.headers().get(name)?;
    Some(String::from_utf8_lossy(value.as_bytes()).into_owned())
}

/// Sorts a ureq error into an [`Error`] kind, and decides whether the
/// request may have reached the server.
fn classify(error: ureq::Error, target: &Target, exchange: &Exchange<'_>) -> Attempt {
    use std::io::ErrorKind;
    use ureq::Timeout;

    let call = exchange.call;
    let url = target.base_url.clone();
    let failed = |error, before_send| Attempt::Failed { error, before_send };
    let unconnected = |detail: String| Attempt::Failed {
        error: connection(exchange, url.clone(), detail, false),
        before_send: true,
    };

    match error {
        ureq::Error::Timeout(kind) => {
            let before_send = matches!(kind, Timeout::Resolve | Timeout::Connect);
            let error = Error::Timeout {
                call,
                after: exchange.started.elapsed(),
                outcome_unknown: !before_send,
            };
            failed(error, before_send)
        }
        ureq::Error::HostNotFound => failed(
            Error::Dns {
                call,
                host: target.host.clone(),
            },
            true,
        ),
        ureq::Error::Tls(detail) => failed(tls(call, url, detail.to_owned()), true),
        ureq::Error::Rustls(detail) => failed(tls(call, url, detail.to_string()), true),
        ureq::Error::ConnectionFailed => unconnected(String::from("no address could be reached")),
        ureq::Error::ConnectProxyFailed(detail) => unconnected(format!("the proxy rejected the tunnel: {detail}")),
        ureq::Error::Io(io) => {
            if let Some(detail) = tls_cause(&io) {
                return failed(tls(call, url, detail), true);
            }
            let before_send = matches!(
                io.kind(),
                ErrorKind::ConnectionRefused
                    | ErrorKind::AddrNotAvailable
                    | ErrorKind::NetworkUnreachable
                    | ErrorKind::HostUnreachable
            );
            failed(connection(exchange, url, io.to_string(), !before_send), before_send)
        }
        ureq::Error::Protocol(_) | ureq::Error::LargeResponseHeader(..) | ureq::Error::BodyStalled => {
            let error = Error::InvalidResponse {
                call,
                detail: with_protocol_hint(error.to_string(), target),
                url,
                outcome_unknown: true,
            };
            failed(error, false)
        }
        other => failed(
            Error::Internal(format!("{call}: unexpected HTTP error: {other}")),
            false,
        ),
    }
}

/// Builds a connection error, naming the proxy when the client uses one,
/// since a refused connection is then the proxy's.
fn connection(exchange: &Exchange<'_>, url: String, detail: String, outcome_unknown: bool) -> Error {
    let detail = match exchange.proxy {
        Some(proxy) => format!("{detail} (connecting through {proxy})"),
        None => detail,
    };
    Error::Connection {
        call: exchange.call,
        url,
        detail,
        outcome_unknown,
    }
}

/// Builds a TLS error whose detail ends with the likely fix.
fn tls(call: &'static str, url: String, detail: String) -> Error {
    let hint = if detail.contains("InvalidContentType") || detail.contains("corrupt message") {
        "the server does not speak TLS there; if it serves plain HTTP, use an http:// base URL"
    } else {
        "if the server uses a private CA, pass its certificate as the CA bundle option or in SSL_CERT_FILE"
    };
    Error::Tls {
        call,
        url,
        detail: format!("{detail}; {hint}"),
    }
}

/// Adds a hint to a parse failure that looks like TLS bytes read as HTTP.
fn with_protocol_hint(detail: String, target: &Target) -> String {
    if target.scheme == "http" && detail.contains("invalid HTTP version") {
        format!("{detail}; if the server serves HTTPS, use an https:// base URL")
    } else {
        detail
    }
}

/// Returns the rustls error inside an I/O error, which is how a failed TLS
/// handshake reaches ureq's callers.
fn tls_cause(io: &std::io::Error) -> Option<String> {
    let inner = io.get_ref()?;
    inner.downcast_ref::<rustls::Error>().map(ToString::to_string)
}
