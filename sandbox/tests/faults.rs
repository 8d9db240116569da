//! Injected faults, observed by real clients: ureq for responses, a raw
//! TcpStream where the connection itself misbehaves.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::*;
use serde_json::json;

fn queue(base: &str, faults: serde_json::Value) {
    let answer = post_json(base, "/_sandbox/faults", &faults);
    assert_eq!(answer.status, 200, "{}", answer.body);
}

fn remove_any(base: &str) -> Answer {
    post_form(
        base,
        "/v1/api/removehook",
        Some((TOKEN, KEY)),
        &[("target_url", "http://127.0.0.1:9/none")],
    )
}

/// Bytes of a removehook request that gets 404 from the sandbox.
fn raw_remove_request() -> Vec<u8> {
    let body = "target_url=http%3A%2F%2F127.0.0.1%3A9%2Fnone";
    format!(
        "POST /v1/api/removehook HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        basic_auth(TOKEN, KEY),
        body.len()
    )
    .into_bytes()
}

fn raw_connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("connects to the sandbox");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout is set");
    stream
}

/// Reads until the peer closes; returns everything received.
fn read_to_close(stream: &mut TcpStream) -> Vec<u8> {
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return received,
            Ok(n) => received.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == ErrorKind::ConnectionReset => return received,
            Err(e) => panic!("read failed before the sandbox closed the connection: {e}"),
        }
    }
}

/// Parses one response head; returns status, lowercase headers and the head's length.
fn parse_head(bytes: &[u8]) -> (u16, Vec<(String, String)>, usize) {
    let mut slots = [httparse::EMPTY_HEADER; 32];
    let mut response = httparse::Response::new(&mut slots);
    let httparse::Status::Complete(length) = response.parse(bytes).expect("valid response head") else {
        panic!("incomplete response head: {:?}", String::from_utf8_lossy(bytes));
    };
    let headers = response
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_ascii_lowercase(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    (response.code.expect("status code"), headers, length)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

#[test]
fn respond_fault_counts_down() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    queue(
        &base,
        json!({"path": "/v1/api/removehook", "count": 2, "status": 503, "body": "busy", "retry_after": "2"}),
    );

    for _ in 0..2 {
        let answer = remove_any(&base);
        assert_eq!(answer.status, 503);
        assert_eq!(answer.body, "busy");
        assert_eq!(answer.headers["retry-after"], "2");
    }
    assert_eq!(remove_any(&base).status, 404, "third request is processed normally");

    let counts = get(&base, "/_sandbox/requests").json();
    assert_eq!(counts["by_path"]["/v1/api/removehook"], 3);
}

#[test]
fn respond_fault_defaults_and_path_filter() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    queue(
        &base,
        json!([{"path": "/v1/api/confirmhook"}, {"status": 429, "retry_after": 1}]),
    );

    // The first fault only matches confirmhook, so removehook takes the second.
    let removed = remove_any(&base);
    assert_eq!(removed.status, 429);
    assert_eq!(removed.headers["retry-after"], "1");

    let confirmed = post_form(&base, "/v1/api/confirmhook", Some((TOKEN, KEY)), &[]);
    assert_eq!(confirmed.status, 500);
    assert!(confirmed.body.contains("500"), "{}", confirmed.body);
    assert!(!confirmed.headers.contains_key("retry-after"));

    assert_eq!(remove_any(&base).status, 404);
}

#[test]
fn faults_skip_admin_routes_and_precede_auth() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    queue(&base, json!({"status": 502}));

    assert_eq!(
        get(&base, "/_sandbox/webhooks").status,
        200,
        "admin routes are never faulted"
    );
    let unauthenticated = post_form(&base, "/v1/api/hook", None, &[]);
    assert_eq!(unauthenticated.status, 502);
    assert_eq!(post_form(&base, "/v1/api/hook", None, &[]).status, 401);
    assert_eq!(get(&base, "/_sandbox/requests").json()["total"], 2);
}

#[test]
fn delete_clears_queued_faults() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    queue(&base, json!({"count": 5}));
    assert_eq!(delete(&base, "/_sandbox/faults").status, 200);
    assert_eq!(remove_any(&base).status, 404);
}

#[test]
fn delay_fault_then_normal_response() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    queue(&base, json!({"action": "delay", "delay_ms": 400}));

    let started = Instant::now();
    let answer = remove_any(&base);
    assert!(
        started.elapsed() >= Duration::from_millis(400),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(answer.status, 404, "processed normally after the delay");

    queue(&base, json!({"status": 503, "delay_ms": 300}));
    let started = Instant::now();
    assert_eq!(remove_any(&base).status, 503);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn drop_fault_closes_without_response() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    queue(&base, json!({"action": "drop", "path": "/v1/api/removehook"}));

    let mut stream = raw_connect(sandbox.addr());
    stream.write_all(&raw_remove_request()).expect("request is sent");
    let received = read_to_close(&mut stream);
    assert!(received.is_empty(), "got {:?}", String::from_utf8_lossy(&received));

    assert_eq!(remove_any(&base).status, 404, "next request is served");
}

#[test]
fn drop_fault_fails_ureq_client() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    queue(&base, json!({"action": "drop"}));
    let result = agent()
        .post(format!("{base}/v1/api/removehook"))
        .header("Authorization", basic_auth(TOKEN, KEY))
        .send_form([("target_url", "x")]);
    assert!(result.is_err(), "a dropped connection is an error: {result:?}");
}

#[test]
fn close_mid_body_sends_half() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    queue(
        &base,
        json!({"action": "close_mid_body", "status": 200, "body": "0123456789abcdef"}),
    );

    let mut stream = raw_connect(sandbox.addr());
    stream.write_all(&raw_remove_request()).expect("request is sent");
    let received = read_to_close(&mut stream);
    let (status, headers, head_length) = parse_head(&received);

    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-length"), Some("16"));
    assert_eq!(&received[head_length..], b"01234567");
}

#[test]
fn hang_fault_never_responds() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    queue(&base, json!({"action": "hang"}));

    let mut stream = raw_connect(sandbox.addr());
    stream
        .set_read_timeout(Some(Duration::from_millis(700)))
        .expect("timeout is set");
    stream.write_all(&raw_remove_request()).expect("request is sent");
    let mut buffer = [0u8; 64];
    let error = stream.read(&mut buffer).expect_err("no answer arrives");
    assert!(
        matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
        "{error}"
    );

    // Other connections are still served while one hangs.
    let started = Instant::now();
    assert_eq!(remove_any(&base).status, 404);
    assert!(started.elapsed() < Duration::from_secs(1));
    drop(stream);

    let started = Instant::now();
    let short = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_millis(300)))
        .build()
        .new_agent();
    queue(&base, json!({"action": "hang"}));
    let result = short
        .post(format!("{base}/v1/api/removehook"))
        .header("Authorization", basic_auth(TOKEN, KEY))
        .send_form([("target_url", "x")]);
    assert!(matches!(result, Err(ureq::Error::Timeout(_))), "{result:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn hang_does_not_delay_shutdown() {
    let sandbox = start_sandbox();
    queue(&sandbox.base_url(), json!({"action": "hang"}));
    let mut stream = raw_connect(sandbox.addr());
    stream.write_all(&raw_remove_request()).expect("request is sent");
    std::thread::sleep(Duration::from_millis(200));

    let started = Instant::now();
    sandbox.shutdown();
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    assert!(read_to_close(&mut stream).is_empty());
}

#[test]
fn close_keepalive_closes_after_response() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();

    // Without a fault, two requests share one connection.
    let mut stream = raw_connect(sandbox.addr());
    for _ in 0..2 {
        stream.write_all(&raw_remove_request()).expect("request is sent");
        let mut buffer = [0u8; 4096];
        let n = stream.read(&mut buffer).expect("response arrives");
        let (status, headers, _) = parse_head(&buffer[..n]);
        assert_eq!(status, 404);
        assert_eq!(header(&headers, "connection"), None);
    }

    queue(&base, json!({"action": "close_keepalive"}));
    stream.write_all(&raw_remove_request()).expect("request is sent");
    let received = read_to_close(&mut stream);
    let (status, headers, head_length) = parse_head(&received);
    assert_eq!(status, 404, "processed normally");
    assert_eq!(header(&headers, "connection"), Some("close"));
    let length: usize = header(&headers, "content-length")
        .expect("length")
        .parse()
        .expect("number");
    assert_eq!(
        received.len(),
        head_length + length,
        "nothing after the answer, then close"
    );
}

#[test]
fn invalid_faults_are_rejected() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let cases = [
        (json!({"count": 0}), "count must be at least 1"),
        (json!({"count": -3}), "count must be at least 1"),
        (json!({"action": "explode"}), "unknown action \"explode\""),
        (json!({"status": 99}), "status must be"),
        (json!({"status": 600}), "status must be"),
        (json!({"path": "/_sandbox/webhooks"}), "not an API path"),
        (json!({"delay_ms": -1}), "delay_ms"),
        (json!({"delay_ms": 300_001}), "delay_ms must be at most"),
        (json!({"retry_after": "a\nb"}), "retry_after"),
        (json!({"retry_after": true}), "retry_after"),
        (json!({"stauts": 503}), "unknown field `stauts`"),
        (json!([{}, {"count": 0}]), "fault 1:"),
        (json!("respond"), "invalid fault JSON"),
    ];
    for (case, expected) in cases {
        let answer = post_json(&base, "/_sandbox/faults", &case);
        assert_eq!(answer.status, 400, "{case}");
        let error = answer.json()["error"].as_str().expect("error text").to_owned();
        assert!(error.contains(expected), "{case}: {error:?} lacks {expected:?}");
    }
    assert_eq!(remove_any(&base).status, 404, "a rejected array queues nothing");

    let queued = post_json(&base, "/_sandbox/faults", &json!([{}, {"action": "delay"}]));
    assert_eq!(queued.json(), json!({"queued": 2}));
}

#[test]
fn respond_fault_keeps_connection_open() {
    let sandbox = start_sandbox();
    queue(
        &sandbox.base_url(),
        json!({"path": "/v1/api/removehook", "action": "respond", "status": 200, "body": "hi"}),
    );

    // The body arrives in its own packet, after the fault has chosen its
    // response: the sandbox must still read it and keep the connection.
    let request = raw_remove_request();
    let split = request.windows(4).position(|w| w == b"\r\n\r\n").expect("head end") + 4;
    let mut stream = raw_connect(sandbox.addr());
    stream.write_all(&request[..split]).expect("head is sent");
    std::thread::sleep(Duration::from_millis(50));
    stream.write_all(&request[split..]).expect("body is sent");

    let mut buffer = [0u8; 4096];
    let n = stream.read(&mut buffer).expect("fault response arrives");
    let (status, headers, _) = parse_head(&buffer[..n]);
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "connection"), None);

    stream.write_all(&raw_remove_request()).expect("second request is sent");
    let n = stream.read(&mut buffer).expect("second response arrives");
    assert!(n > 0, "the connection was closed after the fault's response");
    let (status, _, _) = parse_head(&buffer[..n]);
    assert_eq!(status, 404, "processed normally on the same connection");
}
