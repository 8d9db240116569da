//! The proxy variables, through two recording proxies on loopback: which
//! variable wins, `NO_PROXY`, proxy credentials, and the option that
//! ignores the environment.
//!
//! The variables are read when a client is built, and they are process-wide,
//! so every test holds `ENV_LOCK` and clears them before and after.
//!
//! ureq, the HTTP layer, reaches the origin through a `CONNECT` tunnel for
//! `http` and `https` base URLs alike; the tests assert the method so that a
//! change of that behaviour shows.

mod support;

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use base64::Engine as _;
use support::certs::fresh_dir;
use support::proxy::RecordingProxy;
use support::sandbox::{TestSandbox, KEY, TOKEN};
use support::TestServer;
use ziggeo::Client;
use ziggeo_sandbox::TlsConfig;

const PROXY_VARIABLES: [&str; 8] = [
    "https_proxy",
    "HTTPS_PROXY",
    "http_proxy",
    "HTTP_PROXY",
    "all_proxy",
    "ALL_PROXY",
    "no_proxy",
    "NO_PROXY",
];

static ENV_LOCK: Mutex<()> = Mutex::new(());

/// Holds the lock on the environment and clears the proxy variables when
/// it is created and when it is dropped.
struct ProxyEnv {
    _guard: MutexGuard<'static, ()>,
}

impl ProxyEnv {
    fn new(variables: &[(&str, &str)]) -> Self {
        let guard = ENV_LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        clear_proxy_variables();
        for (name, value) in variables {
            std::env::set_var(name, value);
        }
        ProxyEnv { _guard: guard }
    }
}

impl Drop for ProxyEnv {
    fn drop(&mut self) {
        clear_proxy_variables();
    }
}

fn clear_proxy_variables() {
    for name in PROXY_VARIABLES {
        std::env::remove_var(name);
    }
}

/// An HTTPS sandbox with its CA file, and two proxies.
struct Setup {
    https: TestSandbox,
    ca: std::path::PathBuf,
    http: TestSandbox,
    first: RecordingProxy,
    second: RecordingProxy,
}

impl Setup {
    fn start() -> Self {
        let dir = fresh_dir("proxies");
        let https = TestSandbox::start_with(Some(TlsConfig::SelfSigned { dir: dir.clone() }), "127.0.0.1:0");
        Setup {
            https,
            ca: dir.join("ca.pem"),
            http: TestSandbox::start(),
            first: RecordingProxy::start(),
            second: RecordingProxy::start(),
        }
    }

    fn https_client(&self, base_url: &str) -> Client {
        builder(base_url).ca_bundle(&self.ca).build().expect("client")
    }

    fn http_client(&self) -> Client {
        builder(&self.http.base_url).build().expect("client")
    }
}

fn builder(base_url: &str) -> ziggeo::ClientBuilder {
    Client::builder(TOKEN, KEY)
        .base_url(base_url)
        .timeout(Duration::from_secs(10))
        .max_retries(0)
}

/// Makes one call that the sandbox rejects with 404: the response proves the
/// request arrived, whichever way it went.
fn call(client: &Client, sandbox: &TestSandbox) {
    let error = client
        .webhooks()
        .delete(&sandbox.target_url())
        .expect_err("no webhook has this target URL");
    assert_eq!(error.http_status(), Some(404), "{error:?}");
}

fn assert_tunnel(proxy: &RecordingProxy, sandbox: &TestSandbox, what: &str) {
    let records = proxy.records();
    assert_eq!(records.len(), 1, "{what}: the proxy saw {records:?}");
    assert_eq!(records[0].method, "CONNECT", "{what}");
    assert_eq!(records[0].target, sandbox.addr().to_string(), "{what}");
}

fn assert_unused(proxy: &RecordingProxy, what: &str) {
    assert!(
        proxy.records().is_empty(),
        "{what}: this proxy saw {:?}",
        proxy.records()
    );
}

#[test]
fn https_proxy_beats_all_proxy() {
    let setup = Setup::start();
    let _env = ProxyEnv::new(&[("HTTPS_PROXY", &setup.first.url), ("ALL_PROXY", &setup.second.url)]);

    call(&setup.https_client(&setup.https.base_url), &setup.https);
    assert_tunnel(&setup.first, &setup.https, "HTTPS_PROXY");
    assert_unused(&setup.second, "ALL_PROXY");
}

#[test]
fn all_proxy_is_the_fallback() {
    let setup = Setup::start();
    let _env = ProxyEnv::new(&[("ALL_PROXY", &setup.second.url)]);

    call(&setup.https_client(&setup.https.base_url), &setup.https);
    assert_tunnel(&setup.second, &setup.https, "ALL_PROXY");
}

#[test]
fn lower_case_is_honoured() {
    let setup = Setup::start();
    {
        let _env = ProxyEnv::new(&[("https_proxy", &setup.first.url)]);
        call(&setup.https_client(&setup.https.base_url), &setup.https);
        assert_tunnel(&setup.first, &setup.https, "https_proxy alone");
    }

    setup.first.clear();
    let _env = ProxyEnv::new(&[("https_proxy", &setup.first.url), ("HTTPS_PROXY", &setup.second.url)]);
    call(&setup.https_client(&setup.https.base_url), &setup.https);
    assert_tunnel(&setup.first, &setup.https, "https_proxy over HTTPS_PROXY");
    assert_unused(&setup.second, "HTTPS_PROXY beside https_proxy");
}

#[test]
fn http_base_url_uses_http_proxy() {
    let setup = Setup::start();
    let _env = ProxyEnv::new(&[("http_proxy", &setup.first.url), ("HTTPS_PROXY", &setup.second.url)]);

    call(&setup.http_client(), &setup.http);
    assert_tunnel(&setup.first, &setup.http, "http_proxy");
    assert_unused(&setup.second, "HTTPS_PROXY for an http base URL");
}

/// `NO_PROXY` by address, by host name, in a list, and `*`; a suffix that
/// matches no label boundary still goes through the proxy.
#[test]
fn no_proxy_goes_direct() {
    let setup = Setup::start();
    let port = setup.https.addr().port();
    let by_name = format!("https://localhost:{port}");

    let direct = [
        ("127.0.0.1", setup.https.base_url.clone()),
        ("*", setup.https.base_url.clone()),
        ("example.com, 127.0.0.1", setup.https.base_url.clone()),
        ("localhost", by_name.clone()),
        (".localhost", by_name.clone()),
    ];
    for (no_proxy, base_url) in direct {
        setup.first.clear();
        let _env = ProxyEnv::new(&[("HTTPS_PROXY", &setup.first.url), ("no_proxy", no_proxy)]);
        call(&setup.https_client(&base_url), &setup.https);
        assert_unused(&setup.first, &format!("NO_PROXY={no_proxy} for {base_url}"));
    }

    for no_proxy in ["example.com", "host"] {
        setup.first.clear();
        let _env = ProxyEnv::new(&[("HTTPS_PROXY", &setup.first.url), ("NO_PROXY", no_proxy)]);
        call(&setup.https_client(&by_name), &setup.https);
        let records = setup.first.records();
        assert_eq!(records.len(), 1, "NO_PROXY={no_proxy}: the proxy saw {records:?}");
        assert_eq!(records[0].target, format!("localhost:{port}"), "NO_PROXY={no_proxy}");
    }
}

/// Credentials in the proxy URL go to the proxy as `Proxy-Authorization`;
/// the origin sees only the API's `Authorization`, and the proxy never sees
/// that one.
#[test]
fn proxy_credentials_reach_only_the_proxy() {
    let proxy = RecordingProxy::start();
    let origin = TestServer::start(Vec::new());
    let proxy_url = format!("http://proxy-user:proxy-pass@127.0.0.1:{}", proxy.port);
    let _env = ProxyEnv::new(&[("HTTP_PROXY", &proxy_url)]);

    let client = builder(&origin.base_url).build().expect("client");
    client
        .webhooks()
        .delete("https://example.com/hook")
        .expect("the origin answers 200");

    let records = proxy.records();
    assert_eq!(records.len(), 1, "{records:?}");
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("proxy-user:proxy-pass")
    );
    assert_eq!(records[0].header("proxy-authorization"), Some(expected.as_str()));
    assert_eq!(
        records[0].header("authorization"),
        None,
        "the API credentials went to the proxy"
    );

    let requests = origin.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].header("proxy-authorization"),
        None,
        "the proxy credentials reached the origin"
    );
    let api = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{TOKEN}:{KEY}"))
    );
    assert_eq!(requests[0].header("authorization"), Some(api.as_str()));
}

/// A proxy that is set but turned off by the option is never contacted,
/// even when it is the only way a variable points.
#[test]
fn option_ignores_the_environment() {
    let setup = Setup::start();
    let _env = ProxyEnv::new(&[
        ("HTTPS_PROXY", &setup.first.url),
        ("HTTP_PROXY", &setup.first.url),
        ("ALL_PROXY", &setup.second.url),
    ]);

    let https = builder(&setup.https.base_url)
        .ca_bundle(&setup.ca)
        .proxy_from_env(false)
        .build()
        .expect("client");
    call(&https, &setup.https);
    let http = builder(&setup.http.base_url)
        .proxy_from_env(false)
        .build()
        .expect("client");
    call(&http, &setup.http);

    assert_unused(&setup.first, "HTTPS_PROXY and HTTP_PROXY with the option off");
    assert_unused(&setup.second, "ALL_PROXY with the option off");
}

/// An invalid proxy URL is an argument error when the client is built, and
/// the message does not quote the URL, which may hold a password.
#[test]
fn invalid_proxy_url_is_rejected() {
    let _env = ProxyEnv::new(&[("HTTPS_PROXY", "http://user:s3cret@[not a host")]);
    let error = builder("https://127.0.0.1:1").build().expect_err("invalid proxy URL");
    assert!(
        matches!(error, ziggeo::Error::InvalidArgument { parameter: "proxy", .. }),
        "{error:?}"
    );
    assert!(!error.to_string().contains("s3cret"), "{error}");
}

#[test]
fn socks_proxy_refused_is_a_connection_error() {
    // Nothing listens on the proxy's port; the call must fail cleanly, naming
    // the proxy, where it once panicked for want of SOCKS support.
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port();
    let _env = ProxyEnv::new(&[("ALL_PROXY", &format!("socks5h://127.0.0.1:{closed_port}"))]);
    let client = builder("http://127.0.0.1:9")
        .build()
        .expect("a SOCKS proxy is accepted");

    let error = client
        .webhooks()
        .delete("http://127.0.0.1:9/h")
        .expect_err("proxy is down");
    assert!(matches!(error, ziggeo::Error::Connection { .. }), "{error:?}");
    assert!(error.to_string().contains("from ALL_PROXY"), "{error}");
}

#[test]
fn invalid_proxy_names_the_variable() {
    let _env = ProxyEnv::new(&[("http_proxy", "http://[not a host")]);
    let error = builder("http://127.0.0.1:9").build().expect_err("invalid proxy URL");
    assert!(error.to_string().contains("http_proxy"), "{error}");
}
