//! TLS against the sandbox over HTTPS: untrusted, trusted, wrong-name and
//! expired certificates, and the absence of any way to turn checks off.
//!
//! One test sets `SSL_CERT_FILE`, which the client reads when it is built,
//! so every test here holds `ENV_LOCK` while it builds clients.

mod support;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use support::certs::{fresh_dir, TestCa};
use support::sandbox::{TestSandbox, KEY, TOKEN};
use ziggeo::{Client, Error};
use ziggeo_sandbox::TlsConfig;

static ENV_LOCK: Mutex<()> = Mutex::new(());

fn lock_env() -> MutexGuard<'static, ()> {
    ENV_LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn builder(base_url: &str) -> ziggeo::ClientBuilder {
    Client::builder(TOKEN, KEY)
        .base_url(base_url)
        .timeout(Duration::from_secs(10))
        .max_retries(0)
        .proxy_from_env(false)
}

/// Starts an HTTPS sandbox with a generated CA and a certificate for
/// localhost, 127.0.0.1 and ::1; returns it with the CA's PEM file.
fn self_signed_sandbox(listen: &str) -> (TestSandbox, std::path::PathBuf) {
    let dir = fresh_dir("tls-self-signed");
    let sandbox = TestSandbox::start_with(Some(TlsConfig::SelfSigned { dir: dir.clone() }), listen);
    assert!(sandbox.base_url.starts_with("https://"), "{}", sandbox.base_url);
    (sandbox, dir.join("ca.pem"))
}

fn expect_tls_error(client: &Client, what: &str, detail: &str) {
    let error = client
        .webhooks()
        .delete("http://127.0.0.1:1/never-called")
        .expect_err(what);
    match &error {
        Error::Tls { detail: got, .. } => {
            assert!(
                got.to_lowercase().contains(detail),
                "{what}: the TLS detail {got:?} does not name {detail:?}"
            );
        }
        other => panic!("{what}: expected a TLS error, got {other:?}"),
    }
    assert!(error.to_string().contains("CA bundle"), "{what}: {error}");
    assert!(!error.outcome_unknown(), "{what}: a failed handshake sent nothing");
}

#[test]
fn untrusted_self_signed_is_tls_error() {
    let _env = lock_env();
    let (sandbox, _) = self_signed_sandbox("127.0.0.1:0");
    let client = builder(&sandbox.base_url).build().expect("client");
    expect_tls_error(&client, "untrusted certificate", "unknownissuer");
}

#[test]
fn ca_bundle_option_trusts() {
    let _env = lock_env();
    let (sandbox, ca) = self_signed_sandbox("127.0.0.1:0");
    let client = builder(&sandbox.base_url).ca_bundle(&ca).build().expect("client");

    let target_url = sandbox.target_url();
    let webhook_id = client
        .webhooks()
        .create(&target_url, None, "video_ready")
        .expect("create over trusted HTTPS");
    assert_eq!(webhook_id.len(), 32, "{webhook_id}");
    assert_eq!(client.webhooks().delete(&target_url).expect("delete"), "null");
}

#[test]
fn ssl_cert_file_trusts() {
    let _env = lock_env();
    let (sandbox, ca) = self_signed_sandbox("127.0.0.1:0");

    std::env::set_var("SSL_CERT_FILE", &ca);
    let built = builder(&sandbox.base_url).build();
    std::env::remove_var("SSL_CERT_FILE");

    let client = built.expect("client");
    let target_url = sandbox.target_url();
    client
        .webhooks()
        .create(&target_url, None, "video_ready")
        .expect("create with the CA from SSL_CERT_FILE");
    assert_eq!(client.webhooks().delete(&target_url).expect("delete"), "null");

    // The variable is read when a client is built, not at each call.
    let later = builder(&sandbox.base_url).build().expect("client");
    expect_tls_error(&later, "client built after SSL_CERT_FILE was removed", "unknownissuer");
}

/// The sandbox's certificate covers 127.0.0.1 but not 127.0.0.2.
#[test]
fn wrong_address_is_tls_error() {
    let _env = lock_env();
    let (sandbox, ca) = self_signed_sandbox("127.0.0.2:0");
    assert!(sandbox.base_url.contains("127.0.0.2"), "{}", sandbox.base_url);
    let client = builder(&sandbox.base_url).ca_bundle(&ca).build().expect("client");
    expect_tls_error(&client, "certificate for another address", "not valid for name");
}

/// A certificate for the name `other.example`, reached as 127.0.0.1.
#[test]
fn wrong_host_name_is_tls_error() {
    let _env = lock_env();
    let ca = TestCa::new("tls-wrong-name");
    let server = ca.server("other", "DNS:other.example", 30);
    let sandbox = TestSandbox::start_with(
        Some(TlsConfig::Files {
            cert: server.cert,
            key: server.key,
        }),
        "127.0.0.1:0",
    );
    let client = builder(&sandbox.base_url).ca_bundle(&ca.cert).build().expect("client");
    expect_tls_error(&client, "certificate for another name", "not valid for name");
}

#[test]
fn expired_certificate_is_tls_error() {
    let _env = lock_env();
    let ca = TestCa::new("tls-expired");
    let server = ca.server("expired", "IP:127.0.0.1,DNS:localhost", -1);
    let sandbox = TestSandbox::start_with(
        Some(TlsConfig::Files {
            cert: server.cert,
            key: server.key,
        }),
        "127.0.0.1:0",
    );
    let client = builder(&sandbox.base_url).ca_bundle(&ca.cert).build().expect("client");
    expect_tls_error(&client, "expired certificate", "expired");

    // The same CA with a current certificate works, so the expiry alone failed.
    let current = ca.server("current", "IP:127.0.0.1,DNS:localhost", 30);
    let sandbox = TestSandbox::start_with(
        Some(TlsConfig::Files {
            cert: current.cert,
            key: current.key,
        }),
        "127.0.0.1:0",
    );
    let client = builder(&sandbox.base_url).ca_bundle(&ca.cert).build().expect("client");
    let error = client
        .webhooks()
        .delete(&sandbox.target_url())
        .expect_err("no such webhook");
    assert_eq!(error.http_status(), Some(404), "{error:?}");
}

/// No public option, C export or code path turns certificate checks off:
/// the words such an option would use appear nowhere in the header or the
/// core's sources, and the only TLS settings given to ureq are the roots.
#[test]
fn no_option_disables_verification() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let header = std::fs::read_to_string(root.join("include/ziggeo.h")).expect("read the header");
    let mut sources = String::new();
    for entry in walk(&root.join("src")) {
        sources.push_str(&std::fs::read_to_string(&entry).expect("read a source file"));
    }

    let forbidden = [
        "disable_verification",
        "dangerous",
        "danger_",
        "insecure",
        "accept_invalid",
        "no_verify",
        "skip_verify",
        "verify_peer",
        "ServerCertVerifier",
    ];
    for word in forbidden {
        assert!(
            !header.to_lowercase().contains(&word.to_lowercase()),
            "the header mentions {word}"
        );
        assert!(!sources.contains(word), "the core's sources mention {word}");
    }
    assert!(
        header.contains("TLS verification\n * itself cannot be turned off"),
        "the header no longer states that verification cannot be turned off"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read a source directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files
}
