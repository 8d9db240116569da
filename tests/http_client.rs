//! The client's requests and its handling of answers, over real loopback
//! HTTP against a scripted server.

mod support;

use std::time::{Duration, Instant};

use base64::Engine as _;
use support::{Reply, TestServer};
use ziggeo::{Client, Encoding, Error};

const TOKEN: &str = "r1app_token_abc";
const KEY: &str = "priv key/+=";
const TARGET_URL: &str = "https://example.com/hook?a=1&b=two words";

fn client_for(server: &TestServer) -> Client {
    Client::builder(TOKEN, KEY)
        .base_url(&server.base_url)
        .proxy_from_env(false)
        .build()
        .expect("valid client")
}

fn expected_authorization() -> String {
    let credentials = format!("{TOKEN}:{KEY}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(credentials)
    )
}

#[test]
fn create_sends_exact_request() {
    let server = TestServer::start(vec![Reply::Respond(200, vec![], b"0123abcd".to_vec())]);
    let client = client_for(&server);

    let body = client
        .webhooks()
        .create(TARGET_URL, Some(Encoding::JsonHeader), "video_create,video_delete")
        .expect("create succeeds");
    assert_eq!(body, "0123abcd");

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/v1/api/hook");
    assert_eq!(
        request.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(request.header("authorization"), Some(expected_authorization().as_str()));
    assert_eq!(
        request.header("user-agent"),
        Some(format!("libziggeo/{}", ziggeo::VERSION).as_str())
    );
    assert_eq!(
        String::from_utf8_lossy(&request.body),
        "target_url=https%3A%2F%2Fexample.com%2Fhook%3Fa%3D1%26b%3Dtwo+words&encoding=jsonheader&events=video_create%2Cvideo_delete"
    );
}

#[test]
fn create_without_encoding_omits_field() {
    let server = TestServer::start(vec![]);
    client_for(&server)
        .webhooks()
        .create("http://127.0.0.1:9/h", None, ["video_ready"])
        .expect("create succeeds");

    let body = String::from_utf8(server.requests()[0].body.clone()).expect("UTF-8 body");
    assert_eq!(body, "target_url=http%3A%2F%2F127.0.0.1%3A9%2Fh&events=video_ready");
}

#[test]
fn confirm_sends_exact_request() {
    let server = TestServer::start(vec![Reply::Respond(200, vec![], b"true".to_vec())]);
    let body = client_for(&server)
        .webhooks()
        .confirm("wh_token_123", "012345")
        .expect("confirm succeeds");
    assert_eq!(body, "true");

    let request = &server.requests()[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/v1/api/confirmhook");
    assert_eq!(request.header("authorization"), Some(expected_authorization().as_str()));
    assert_eq!(request.body, b"webhook_id=wh_token_123&validation_code=012345");
}

#[test]
fn delete_sends_exact_request() {
    let server = TestServer::start(vec![Reply::Respond(200, vec![], b"null".to_vec())]);
    let body = client_for(&server)
        .webhooks()
        .delete(TARGET_URL)
        .expect("delete succeeds");
    assert_eq!(body, "null");

    let request = &server.requests()[0];
    assert_eq!(request.path, "/v1/api/removehook");
    assert_eq!(
        request.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        request.body,
        b"target_url=https%3A%2F%2Fexample.com%2Fhook%3Fa%3D1%26b%3Dtwo+words".to_vec()
    );
}

#[test]
fn error_status_and_body_propagate() {
    for status in [400u16, 401, 500] {
        let body = format!("error body for {status}");
        let server = TestServer::start(vec![Reply::Respond(status, vec![], body.clone().into_bytes())]);
        let error = client_for(&server)
            .webhooks()
            .delete(TARGET_URL)
            .expect_err("non-2xx is an error");

        assert_eq!(error.http_status(), Some(status), "{error}");
        assert_eq!(error.body(), Some(body.as_str()));
        assert!(error.to_string().contains(&body), "message {error} shows the body");
        assert!(!error.to_string().contains(KEY), "message {error} hides the key");
        assert_eq!(server.requests().len(), 1, "status {status} is not retried");
    }
}

#[test]
fn error_body_capped() {
    let huge = vec![b'x'; 200 * 1024];
    let server = TestServer::start(vec![Reply::Respond(500, vec![], huge)]);
    let error = client_for(&server).webhooks().delete(TARGET_URL).expect_err("500");
    assert_eq!(error.body().map(str::len), Some(ziggeo::MAX_ERROR_BODY));
}

#[test]
fn never_answering_server_times_out() {
    let server = TestServer::start(vec![Reply::Hang]);
    let client = Client::builder(TOKEN, KEY)
        .base_url(&server.base_url)
        .timeout(Duration::from_millis(1500))
        .build()
        .expect("valid client");

    let started = Instant::now();
    let error = client.webhooks().delete(TARGET_URL).expect_err("no answer");
    let elapsed = started.elapsed();

    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
    assert!(elapsed < Duration::from_millis(2500), "returned after {elapsed:?}");
}

#[test]
fn late_create_sent_once() {
    let server = TestServer::start(vec![Reply::Delay(Duration::from_millis(2500))]);
    let client = Client::builder(TOKEN, KEY)
        .base_url(&server.base_url)
        .timeout(Duration::from_millis(1000))
        .max_retries(5)
        .build()
        .expect("valid client");

    let error = client
        .webhooks()
        .create("http://127.0.0.1:9/h", None, "video_ready")
        .expect_err("answer comes too late");

    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
    assert!(error.outcome_unknown());
    assert!(error.to_string().contains("may have been created"), "{error}");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(server.requests().len(), 1, "create must never be re-sent");
}

#[test]
fn delete_retries_after_503() {
    let server = TestServer::start(vec![
        Reply::Respond(503, vec![], b"busy".to_vec()),
        Reply::Respond(200, vec![], b"null".to_vec()),
    ]);
    let body = client_for(&server)
        .webhooks()
        .delete(TARGET_URL)
        .expect("second attempt succeeds");
    assert_eq!(body, "null");
    assert_eq!(server.requests().len(), 2, "exactly one retry");
}

#[test]
fn create_never_retries_503() {
    let server = TestServer::start(vec![Reply::Respond(503, vec![], b"busy".to_vec())]);
    let error = client_for(&server)
        .webhooks()
        .create("http://127.0.0.1:9/h", None, "video_ready")
        .expect_err("503");
    assert_eq!(error.http_status(), Some(503));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn retry_after_is_waited() {
    let server = TestServer::start(vec![
        Reply::Respond(429, vec![("Retry-After", String::from("1"))], b"slow down".to_vec()),
        Reply::Respond(200, vec![], b"true".to_vec()),
    ]);
    let started = Instant::now();
    client_for(&server)
        .webhooks()
        .confirm("wh", "123456")
        .expect("retry succeeds");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn retries_limited_by_max_retries() {
    let replies = (0..5)
        .map(|_| Reply::Respond(502, vec![], b"bad gateway".to_vec()))
        .collect();
    let server = TestServer::start(replies);
    let client = Client::builder(TOKEN, KEY)
        .base_url(&server.base_url)
        .max_retries(2)
        .build()
        .expect("valid client");

    let error = client.webhooks().delete(TARGET_URL).expect_err("always 502");
    assert_eq!(error.http_status(), Some(502));
    assert_eq!(server.requests().len(), 3, "first attempt plus two retries");
}

#[test]
fn stale_pooled_connection_recovers() {
    let server = TestServer::start(vec![Reply::RespondThenClose(Duration::from_millis(50))]);
    let client = client_for(&server);

    client.webhooks().delete(TARGET_URL).expect("first call");
    // The server closes the idle keep-alive connection meanwhile.
    std::thread::sleep(Duration::from_millis(300));
    client
        .webhooks()
        .delete(TARGET_URL)
        .expect("second call on a fresh connection");

    assert_eq!(server.requests().len(), 2, "no request was sent twice");
    assert_eq!(server.connections(), 2);
}

#[test]
fn connection_reused_between_calls() {
    let server = TestServer::start(vec![]);
    let client = client_for(&server);
    for _ in 0..5 {
        client.webhooks().delete(TARGET_URL).expect("call succeeds");
    }
    assert_eq!(server.connections(), 1, "keep-alive reuses one connection");
}

#[test]
fn redirect_not_followed() {
    for status in [301u16, 302, 307, 308] {
        let location = String::from("http://127.0.0.2:9/elsewhere");
        let server = TestServer::start(vec![Reply::Respond(
            status,
            vec![("Location", location.clone())],
            vec![],
        )]);
        let error = client_for(&server).webhooks().delete(TARGET_URL).expect_err("redirect");

        match &error {
            Error::Http {
                status: got,
                location: Some(got_location),
                ..
            } => {
                assert_eq!(*got, status);
                assert_eq!(got_location, &location);
            }
            other => panic!("expected an HTTP error with Location, got {other:?}"),
        }
        assert!(error.to_string().contains("not followed"), "{error}");
        assert_eq!(server.requests().len(), 1);
    }
}

#[test]
fn dropped_connection_after_send_is_outcome_unknown() {
    let server = TestServer::start(vec![Reply::Drop]);
    let error = client_for(&server)
        .webhooks()
        .create("http://127.0.0.1:9/h", None, "video_ready")
        .expect_err("dropped");
    assert!(error.outcome_unknown(), "{error:?}");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn garbage_response_is_invalid_response() {
    let server = TestServer::start(vec![Reply::Raw(b"NOT HTTP AT ALL\r\n\r\n".to_vec())]);
    let error = client_for(&server).webhooks().delete(TARGET_URL).expect_err("garbage");
    assert!(
        matches!(error, Error::InvalidResponse { .. } | Error::Connection { .. }),
        "{error:?}"
    );
}

#[test]
fn refused_connection_is_retried_then_reported() {
    // Bind and drop a listener to find a loopback port with nothing on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port();
    let client = Client::builder(TOKEN, KEY)
        .base_url(format!("http://127.0.0.1:{port}"))
        .max_retries(2)
        .build()
        .expect("valid client");

    let error = client
        .webhooks()
        .create("http://127.0.0.1:9/h", None, "video_ready")
        .expect_err("refused");
    assert!(matches!(error, Error::Connection { .. }), "{error:?}");
    assert!(!error.outcome_unknown());
}

/// A host name whose look-up fails is a DNS error, and nothing was sent.
/// A label over 63 bytes makes the C library's resolver fail before it
/// sends any query, so the test needs no network.
#[test]
fn unresolvable_host_is_dns_error() {
    let host = format!("{}.invalid", "a".repeat(64));
    let client = Client::builder(TOKEN, KEY)
        .base_url(format!("http://{host}"))
        .proxy_from_env(false)
        .build()
        .expect("valid client");

    let error = client
        .webhooks()
        .create("http://127.0.0.1:9/h", None, "video_ready")
        .expect_err("unresolvable");
    assert!(
        matches!(&error, Error::Dns { host: named, .. } if *named == host),
        "{error:?}"
    );
    assert!(!error.outcome_unknown());
    assert!(error.to_string().contains("could not be resolved"), "{error}");
}

/// Fills a loopback listener's accept queue, so that further connection
/// attempts get no answer. Returns the listener's URL and what keeps it full.
fn unanswered_listener() -> (String, std::net::TcpListener, Vec<std::net::TcpStream>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let address = listener.local_addr().expect("local address");
    let mut held = Vec::new();
    for _ in 0..1024 {
        match std::net::TcpStream::connect_timeout(&address, Duration::from_millis(200)) {
            Ok(stream) => held.push(stream),
            Err(_) => return (format!("http://{address}"), listener, held),
        }
    }
    panic!("the accept queue never filled");
}

#[test]
fn deadline_while_connecting_sent_nothing() {
    let (base_url, _listener, _held) = unanswered_listener();
    let client = Client::builder(TOKEN, KEY)
        .base_url(base_url)
        .timeout(Duration::from_millis(400))
        .build()
        .expect("valid client");

    let started = Instant::now();
    let error = client
        .webhooks()
        .create("http://127.0.0.1:9/h", None, "video_ready")
        .expect_err("no connection");

    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
    assert!(!error.outcome_unknown(), "nothing was sent, yet: {error}");
    assert!(error.to_string().contains("before the request was sent"), "{error}");
    assert!(
        started.elapsed() < Duration::from_millis(1400),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn create_with_empty_body_is_an_error() {
    let server = TestServer::start(vec![Reply::Respond(200, vec![], Vec::new())]);
    let error = client_for(&server)
        .webhooks()
        .create("http://127.0.0.1:9/h", None, "video_ready")
        .expect_err("no webhook id");
    assert!(matches!(error, Error::InvalidResponse { .. }), "{error:?}");
    assert!(error.outcome_unknown(), "the webhook may exist: {error}");
}
