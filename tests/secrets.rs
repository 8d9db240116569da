//! Neither the private key nor the base64 `Authorization` value appears in
//! any error message, error body, `Debug` string or log line, with logging
//! at its most verbose, for every error kind that can be caused here.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine as _;
use log::LevelFilter;
use support::{Reply, TestServer};
use ziggeo::logging::{install, LineLogger};
use ziggeo::{Client, Delivery, Error};

const TOKEN: &str = "secret_test_token";
const KEY: &str = "Pr1vate-Key-That-Must-Not-Leak";

/// A writer that appends to a shared buffer, to read the log back.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn encoded_credentials() -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{TOKEN}:{KEY}"))
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(KEY), "{what} contains the private key: {text}");
    assert!(
        !text.contains(&encoded_credentials()),
        "{what} contains the Authorization value: {text}"
    );
}

fn client(base_url: &str, timeout: Duration) -> Client {
    Client::builder(TOKEN, KEY)
        .base_url(base_url)
        .timeout(timeout)
        .max_retries(1)
        .proxy_from_env(false)
        .build()
        .expect("valid client")
}

fn check_error(what: &str, error: &Error) {
    assert_clean(&format!("{what}: message"), &error.to_string());
    assert_clean(&format!("{what}: Debug"), &format!("{error:?}"));
    if let Some(body) = error.body() {
        assert_clean(&format!("{what}: body"), body);
    }
}

#[test]
fn no_secret_in_errors_or_logs() {
    let captured = Captured::default();
    assert!(install(LineLogger::new(LevelFilter::Trace, Box::new(captured.clone()))));

    // A server that echoes the credentials back in its body and Location.
    let echo = format!("you sent {KEY} and Basic {}", encoded_credentials());
    let server = TestServer::start(vec![
        Reply::Respond(401, vec![], echo.clone().into_bytes()),
        Reply::Respond(302, vec![("Location", format!("http://127.0.0.1:9/{KEY}"))], vec![]),
        Reply::Respond(503, vec![], echo.into_bytes()),
        Reply::Hang,
    ]);
    let plain = client(&server.base_url, Duration::from_millis(800));

    let http = plain.webhooks().delete("http://127.0.0.1:9/h").expect_err("401");
    assert_eq!(http.http_status(), Some(401));
    check_error("HTTP 401", &http);
    let redirect = plain.webhooks().delete("http://127.0.0.1:9/h").expect_err("302");
    check_error("redirect", &redirect);
    let unavailable = plain
        .webhooks()
        .create("http://127.0.0.1:9/h", None, "video_ready")
        .expect_err("503");
    check_error("HTTP 503", &unavailable);
    let timeout = plain.webhooks().confirm("wh", "123456").expect_err("hang");
    assert!(matches!(timeout, Error::Timeout { .. }), "{timeout:?}");
    check_error("timeout", &timeout);

    let invalid = plain
        .webhooks()
        .create("not a url", None, "video_ready")
        .expect_err("invalid");
    check_error("invalid argument", &invalid);

    let refused = client("http://127.0.0.1:9", Duration::from_secs(5))
        .webhooks()
        .delete("http://127.0.0.1:9/h")
        .expect_err("refused");
    check_error("connection", &refused);

    // HTTPS to a plain-HTTP server fails in the TLS handshake.
    let tls_server = TestServer::start(vec![Reply::Raw(b"HTTP/1.1 200 OK\r\n\r\n".to_vec())]);
    let https_url = tls_server.base_url.replace("http://", "https://");
    let tls = client(&https_url, Duration::from_secs(5))
        .webhooks()
        .delete("http://127.0.0.1:9/h")
        .expect_err("TLS");
    check_error("TLS", &tls);

    // A label over 63 bytes makes the C library's resolver fail before it
    // sends any query, so this DNS error needs no network.
    let unresolvable = format!("http://{}.invalid", "a".repeat(64));
    let dns = client(&unresolvable, Duration::from_secs(5))
        .webhooks()
        .delete("http://127.0.0.1:9/h")
        .expect_err("DNS");
    assert!(matches!(dns, Error::Dns { .. }), "{dns:?}");
    check_error("DNS", &dns);

    let delivery = Delivery::parse(Some("application/json"), b"{\"event_type\": 7}").expect_err("invalid delivery");
    assert!(matches!(delivery, Error::InvalidDelivery { .. }), "{delivery:?}");
    check_error("invalid delivery", &delivery);

    let garbage_server = TestServer::start(vec![Reply::Raw(b"\x00\x01garbage\r\n\r\n".to_vec())]);
    let garbage = client(&garbage_server.base_url, Duration::from_secs(5))
        .webhooks()
        .delete("http://127.0.0.1:9/h")
        .expect_err("garbage");
    check_error("invalid response", &garbage);

    assert_clean("client Debug", &format!("{plain:?}"));

    log::logger().flush();
    let logs = String::from_utf8_lossy(&captured.0.lock().expect("lock")).into_owned();
    assert!(logs.contains("libziggeo"), "the logger captured nothing");
    assert_clean("log", &logs);
}
