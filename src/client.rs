//! The API client: credentials, options, region routing and the retry loop.
//!
//! A [`Client`] owns one HTTP agent with a keep-alive pool, so calls made
//! through one client reuse connections. `Client` is `Send + Sync`: share one
//! client between threads (behind an `Arc` or a reference) rather than
//! building one per call.

use std::fmt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use base64::Engine as _;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::retry;
use crate::transport::{self, Exchange, Target, Transport};
use crate::webhooks::Webhooks;

/// Base URL of the Ziggeo server API.
pub const DEFAULT_BASE_URL: &str = "https://srv-api.ziggeo.com";
/// Base URL for applications in the EU region, whose tokens start with `r1`.
pub const EU_WEST_1_BASE_URL: &str = "https://srv-api-eu-west-1.ziggeo.com";
/// Default limit on establishing a connection, TLS included.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default limit on one call, retries and waits included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default number of retries after the first attempt.
pub const DEFAULT_MAX_RETRIES: u32 = 3;
/// Longest application token or private key accepted, in bytes. Ziggeo's
/// are 32 characters; much longer values overflow the request's headers.
const MAX_CREDENTIAL_LENGTH: usize = 1024;

/// Returns the base URL that serves an application token: the EU region for
/// tokens starting with `r1`, the default region for any other.
pub fn region_base_url(app_token: &str) -> &'static str {
    if app_token.starts_with("r1") {
        EU_WEST_1_BASE_URL
    } else {
        DEFAULT_BASE_URL
    }
}

/// Whether a failed attempt may be sent again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Replay {
    /// Only when the request cannot have reached the server (create).
    Never,
    /// Also after 429, 502, 503 and 504 responses (confirm and delete).
    OnRetryableStatus,
}

/// Settings of a [`Client`], set through [`ClientBuilder`].
#[derive(Clone)]
struct Settings {
    app_token: String,
    private_key: Zeroizing<String>,
    base_url: Option<String>,
    connect_timeout: Duration,
    timeout: Duration,
    max_retries: u32,
    user_agent: Option<String>,
    ca_bundle: Option<PathBuf>,
    proxy_from_env: bool,
}

/// Builds a [`Client`]; obtained from [`Client::builder`].
#[derive(Clone)]
pub struct ClientBuilder {
    settings: Settings,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("ClientBuilder")
            .field("app_token", &self.settings.app_token)
            .field("private_key", &"<redacted>")
            .field("base_url", &self.settings.base_url)
            .field("connect_timeout", &self.settings.connect_timeout)
            .field("timeout", &self.settings.timeout)
            .field("max_retries", &self.settings.max_retries)
            .field("user_agent", &self.settings.user_agent)
            .field("ca_bundle", &self.settings.ca_bundle)
            .field("proxy_from_env", &self.settings.proxy_from_env)
            .finish()
    }
}

impl ClientBuilder {
    /// Overrides the base URL, for a proxy, a test server or the sandbox.
    /// Without it the application token's region decides.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.settings.base_url = Some(base_url.into());
        self
    }

    /// Sets the limit on establishing a connection, TLS included.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.settings.connect_timeout = timeout;
        self
    }

    /// Sets the limit on a whole call, including retries and their waits.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.settings.timeout = timeout;
        self
    }

    /// Sets how many times a failed attempt may be repeated, where repeating
    /// is safe. 0 turns retries off.
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.settings.max_retries = max_retries;
        self
    }

    /// Replaces the default `User-Agent`, which names libziggeo and its version.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.settings.user_agent = Some(user_agent.into());
        self
    }

    /// Trusts the certificates of a PEM file in addition to the system's.
    pub fn ca_bundle(mut self, path: impl Into<PathBuf>) -> Self {
        self.settings.ca_bundle = Some(path.into());
        self
    }

    /// Chooses whether `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and
    /// `NO_PROXY` apply (the default) or are ignored.
    pub fn proxy_from_env(mut self, enabled: bool) -> Self {
        self.settings.proxy_from_env = enabled;
        self
    }

    /// Checks the settings and builds the client.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] naming the bad setting: an empty token or
    /// key, a base URL that is not absolute http(s), a zero timeout, a user
    /// agent or key that cannot be sent in a header, an unreadable CA bundle
    /// or one without certificates, or an invalid proxy URL.
    pub fn build(self) -> Result<Client> {
        crate::logging::init_from_env();
        let settings = self.settings;
        check_credentials(&settings)?;
        check_timeouts(&settings)?;

        let base_url = settings
            .base_url
            .clone()
            .unwrap_or_else(|| region_base_url(&settings.app_token).to_owned());
        let target = Target::parse(&base_url)?;

        let user_agent = settings.user_agent.clone().unwrap_or_else(default_user_agent);
        transport::check_header_value("user_agent", &user_agent)?;

        let http = transport::build_agent(&transport::AgentOptions {
            target: &target,
            connect_timeout: settings.connect_timeout,
            user_agent: &user_agent,
            ca_bundle: settings.ca_bundle.as_deref(),
            proxy_from_env: settings.proxy_from_env,
        })?;

        let authorization = basic_authorization(&settings.app_token, &settings.private_key);

        log::debug!(
            "libziggeo client for application {} at {}",
            settings.app_token,
            target.base_url
        );
        Ok(Client {
            settings,
            target,
            authorization,
            transport: http,
        })
    }
}

/// Builds the `Authorization` value, "Basic " and the base64 of
/// "app_token:private_key". Every buffer that contains the key or the
/// credentials is sized up front and zeroed when dropped, so no copy is
/// left in freed memory. tests/zeroize.rs checks this.
fn basic_authorization(app_token: &str, private_key: &str) -> Zeroizing<String> {
    const SCHEME: &str = "Basic ";

    let mut credentials = Zeroizing::new(String::with_capacity(app_token.len() + 1 + private_key.len()));
    credentials.push_str(app_token);
    credentials.push(':');
    credentials.push_str(private_key);

    // Both credentials are at most 1 KiB, so the length cannot overflow.
    let encoded_len = base64::encoded_len(credentials.len(), true).unwrap_or_default();
    let mut authorization = Zeroizing::new(String::with_capacity(SCHEME.len() + encoded_len));
    authorization.push_str(SCHEME);
    base64::engine::general_purpose::STANDARD.encode_string(credentials.as_bytes(), &mut authorization);
    authorization
}

fn check_credentials(settings: &Settings) -> Result<()> {
    if settings.app_token.is_empty() {
        return Err(Error::invalid(
            "app_token",
            "it is empty; pass the application token from the Ziggeo dashboard",
        ));
    }
    if settings.private_key.is_empty() {
        return Err(Error::invalid(
            "private_key",
            "it is empty; pass the private key from the Ziggeo dashboard",
        ));
    }
    for (parameter, value) in [
        ("app_token", settings.app_token.as_str()),
        ("private_key", settings.private_key.as_str()),
    ] {
        if value.len() > MAX_CREDENTIAL_LENGTH {
            return Err(Error::invalid(
                parameter,
                format!(
                    "it is {} bytes long, over the limit of {MAX_CREDENTIAL_LENGTH}; Ziggeo's are 32 characters, so check that the right value is passed",
                    value.len()
                ),
            ));
        }
    }
    if settings.app_token.contains(':') {
        return Err(Error::invalid(
            "app_token",
            "it contains ':', which HTTP Basic auth cannot carry in a user name; check that token and key are not swapped or joined",
        ));
    }

    let has_control = |text: &str| text.chars().any(char::is_control);
    if has_control(&settings.app_token) {
        return Err(Error::invalid(
            "app_token",
            "it contains a control character; remove it",
        ));
    }
    if has_control(&settings.private_key) {
        // The key itself is never quoted.
        return Err(Error::invalid(
            "private_key",
            "it contains a control character; remove it",
        ));
    }
    Ok(())
}

fn check_timeouts(settings: &Settings) -> Result<()> {
    if settings.timeout.is_zero() {
        return Err(Error::invalid(
            "timeout",
            "it is zero; give the whole-call limit in milliseconds, such as 60000",
        ));
    }
    if settings.connect_timeout.is_zero() {
        return Err(Error::invalid(
            "connect_timeout",
            "it is zero; give the connect limit in milliseconds, such as 10000",
        ));
    }
    Ok(())
}

/// Returns the default `User-Agent`: `libziggeo/VERSION`.
pub fn default_user_agent() -> String {
    format!("libziggeo/{}", env!("CARGO_PKG_VERSION"))
}

/// A client of the Ziggeo server API for one application.
///
/// Build it with [`Client::new`] or [`Client::builder`]; make the webhook
/// calls through [`Client::webhooks`]. It is `Send + Sync` and keeps a pool of
/// keep-alive connections, so share one client between threads. The private
/// key is zeroed in memory when the client is dropped, and never appears in
/// `Debug` output or errors.
pub struct Client {
    settings: Settings,
    target: Target,
    authorization: Zeroizing<String>,
    transport: Transport,
}

impl fmt::Debug for Client {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("Client")
            .field("app_token", &self.settings.app_token)
            .field("private_key", &"<redacted>")
            .field("base_url", &self.target.base_url)
            .field("timeout", &self.settings.timeout)
            .field("connect_timeout", &self.settings.connect_timeout)
            .field("max_retries", &self.settings.max_retries)
            .finish()
    }
}

impl Client {
    /// Starts a builder for a client of the application `app_token`, which
    /// authenticates with `private_key`.
    pub fn builder(app_token: impl Into<String>, private_key: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            settings: Settings {
                app_token: app_token.into(),
                private_key: Zeroizing::new(private_key.into()),
                base_url: None,
                connect_timeout: DEFAULT_CONNECT_TIMEOUT,
                timeout: DEFAULT_TIMEOUT,
                max_retries: DEFAULT_MAX_RETRIES,
                user_agent: None,
                ca_bundle: None,
                proxy_from_env: true,
            },
        }
    }

    /// Builds a client with the default options.
    ///
    /// # Errors
    ///
    /// As [`ClientBuilder::build`].
    pub fn new(app_token: impl Into<String>, private_key: impl Into<String>) -> Result<Self> {
        Self::builder(app_token, private_key).build()
    }

    /// Returns the webhook calls.
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks::new(self)
    }

    /// Returns the base URL that requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.target.base_url
    }

    /// Returns the application token.
    pub fn app_token(&self) -> &str {
        &self.settings.app_token
    }

    /// Returns the base64 part of the `Authorization` value.
    fn encoded_credentials(&self) -> &str {
        self.authorization.strip_prefix("Basic ").unwrap_or_default()
    }

    /// Sends one form POST to `path` and returns the 2xx body, retrying where
    /// `replay` and the failure allow, within the whole-call timeout.
    pub(crate) fn post(&self, call: &'static str, path: &str, body: String, replay: Replay) -> Result<String> {
        let started = Instant::now();
        let deadline = started + self.settings.timeout;
        let url = format!("{}{}", self.target.base_url, path);
        let mut retries = 0;

        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                // Only a retry's wait can end here, and a call is retried only
                // after an attempt that took no effect, so none did.
                return Err(Error::Timeout {
                    call,
                    after: started.elapsed(),
                    outcome_unknown: false,
                });
            }

            let exchange = Exchange {
                call,
                url: &url,
                authorization: &self.authorization,
                secrets: [&self.settings.private_key, self.encoded_credentials()],
                body: &body,
                timeout: remaining,
                connect_timeout: self.settings.connect_timeout,
                proxy: self.transport.proxy.as_deref(),
                started,
            };
            let attempt = transport::send(&self.transport.agent, &self.target, &exchange);

            match retry::decide(&attempt, replay, retries, self.settings.max_retries, deadline) {
                Some(wait) => {
                    log::debug!(
                        "{call}: attempt {} failed ({}); retrying in {wait:?}",
                        retries + 1,
                        attempt.summary()
                    );
                    std::thread::sleep(wait);
                    retries += 1;
                }
                None => return attempt.into_result(),
            }
        }
    }
}
