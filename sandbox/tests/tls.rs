//! HTTPS with a generated CA: clients that trust `ca.pem` connect, others fail.

mod common;

use std::sync::Arc;

use common::*;
use ureq::tls::{Certificate, RootCerts, TlsConfig};
use ziggeo_sandbox::{Config, Sandbox};

fn agent_trusting(ca_pem: &[u8]) -> ureq::Agent {
    let ca = Certificate::from_pem(ca_pem)
        .expect("ca.pem is a PEM certificate")
        .to_owned();
    let tls = TlsConfig::builder()
        .root_certs(RootCerts::Specific(Arc::new(vec![ca])))
        .build();
    ureq::Agent::config_builder()
        .tls_config(tls)
        .http_status_as_error(false)
        .proxy(None)
        .build()
        .into()
}

#[test]
fn self_signed_tls_serves_trusting_clients() {
    let dir = temp_dir("tls");
    let sandbox = Sandbox::start(Config {
        apps: vec![(TOKEN.into(), KEY.into())],
        quiet: true,
        tls: Some(ziggeo_sandbox::TlsConfig::SelfSigned { dir: dir.clone() }),
        ..Default::default()
    })
    .expect("sandbox starts with TLS");
    let base = sandbox.base_url();
    assert!(base.starts_with("https://127.0.0.1:"), "{base}");
    for file in ["ca.pem", "server.pem", "server-key.pem"] {
        assert!(dir.join(file).is_file(), "{file} is written");
    }

    let ca_pem = std::fs::read(dir.join("ca.pem")).expect("ca.pem reads");
    let trusting = agent_trusting(&ca_pem);
    let by_ip = trusting
        .post(format!("{base}/v1/api/hook"))
        .header("Authorization", basic_auth(TOKEN, KEY))
        .send_form([("target_url", "http://127.0.0.1:9/t"), ("events", "video_ready")])
        .expect("TLS request succeeds");
    assert_eq!(by_ip.status().as_u16(), 200);

    let by_name = format!("https://localhost:{}/_sandbox/webhooks", sandbox.addr().port());
    let mut listed = trusting
        .get(&by_name)
        .call()
        .expect("localhost matches the certificate");
    let body = listed.body_mut().read_to_string().expect("body reads");
    assert!(body.contains("http://127.0.0.1:9/t"), "{body}");

    let untrusting = ureq::Agent::config_builder().proxy(None).build().new_agent();
    let rejected = untrusting.get(format!("{base}/_sandbox/webhooks")).call();
    assert!(rejected.is_err(), "a client without ca.pem rejects the certificate");

    sandbox.shutdown();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn tls_files_serve_and_bad_files_fail() {
    let dir = temp_dir("tls-files");
    // Generate a pair with one sandbox, then serve it from files with another.
    let generator = Sandbox::start(Config {
        quiet: true,
        tls: Some(ziggeo_sandbox::TlsConfig::SelfSigned { dir: dir.clone() }),
        ..Default::default()
    })
    .expect("sandbox starts with TLS");
    generator.shutdown();

    let sandbox = Sandbox::start(Config {
        quiet: true,
        tls: Some(ziggeo_sandbox::TlsConfig::Files {
            cert: dir.join("server.pem"),
            key: dir.join("server-key.pem"),
        }),
        ..Default::default()
    })
    .expect("sandbox starts from PEM files");
    let ca_pem = std::fs::read(dir.join("ca.pem")).expect("ca.pem reads");
    let answer = agent_trusting(&ca_pem)
        .get(format!("{}/_sandbox/requests", sandbox.base_url()))
        .call()
        .expect("TLS request succeeds");
    assert_eq!(answer.status().as_u16(), 200);
    sandbox.shutdown();

    let missing = Sandbox::start(Config {
        tls: Some(ziggeo_sandbox::TlsConfig::Files {
            cert: dir.join("absent.pem"),
            key: dir.join("server-key.pem"),
        }),
        ..Default::default()
    });
    let message = missing.err().expect("a missing file fails").to_string();
    assert!(message.contains("absent.pem"), "{message}");

    let swapped = Sandbox::start(Config {
        tls: Some(ziggeo_sandbox::TlsConfig::Files {
            cert: dir.join("server-key.pem"),
            key: dir.join("server.pem"),
        }),
        ..Default::default()
    });
    let message = swapped.err().expect("swapped files fail").to_string();
    assert!(message.contains("invalid TLS setup"), "{message}");
    assert!(
        !message.contains("PRIVATE KEY-----"),
        "no key bytes in errors: {message}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
