//! What the sandbox POSTs to target URLs: the handshake in each encoding and
//! event deliveries, checked as a real receiver got them.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::json;

const PING_MESSAGE: &str = "Ziggeo webhook reachability check from ziggeo-sandbox; answer with HTTP 200";

#[test]
fn handshake_json_sends_code_as_number() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let receiver = Receiver::start(200);
    let id = create_webhook(&base, &receiver.url("/hook"), "json", "video_ready");

    let got = receiver.wait_for(2);
    assert_eq!(got.len(), 2);
    let code = webhook(&base, &id)["validation_code"].as_u64().expect("code");

    assert_eq!(got[0].method, "POST");
    assert_eq!(got[0].path, "/hook");
    assert_eq!(got[0].header("content-type"), Some("application/json"));
    assert_eq!(got[0].header("x-ziggeo-event"), None);
    assert_eq!(
        got[0].json(),
        json!({"ziggeo_validation": true, "message": PING_MESSAGE})
    );

    assert_eq!(got[1].header("content-type"), Some("application/json"));
    assert_eq!(
        got[1].json(),
        json!({"ziggeo_validation": true, "validation_code": code, "webhook_id": id})
    );
    assert!(got[1].json()["validation_code"].is_u64());

    let listed = wait_for_webhook(&base, &id, |w| !w["handshake"]["validation"].is_null());
    assert_eq!(listed["handshake"]["ping"], json!({"ok": true, "status": 200}));
    assert_eq!(listed["handshake"]["validation"], json!({"ok": true, "status": 200}));
}

#[test]
fn handshake_jsonheader_sends_code_as_string() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let receiver = Receiver::start(200);
    let id = create_webhook(&base, &receiver.url("/jh"), "jsonheader", "video_ready");

    let got = receiver.wait_for(2);
    let code = webhook(&base, &id)["validation_code"].as_u64().expect("code");

    assert_eq!(got[0].header("content-type"), Some("application/json"));
    assert_eq!(
        got[0].json(),
        json!({"ziggeo_validation": true, "message": PING_MESSAGE})
    );
    assert_eq!(got[1].header("content-type"), Some("application/json"));
    assert_eq!(
        got[1].json(),
        json!({"ziggeo_validation": true, "validation_code": code.to_string(), "webhook_id": id})
    );
}

#[test]
fn handshake_form_nests_validation_under_data() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let receiver = Receiver::start(200);
    let id = create_webhook(&base, &receiver.url("/form"), "form", "video_ready");

    let got = receiver.wait_for(2);
    let code = webhook(&base, &id)["validation_code"].as_u64().expect("code");

    let form_type = Some("application/x-www-form-urlencoded");
    assert_eq!(got[0].header("content-type"), form_type);
    assert_eq!(
        got[0].body,
        "ziggeo_validation=true&message=Ziggeo+webhook+reachability+check+from+\
         ziggeo-sandbox%3B+answer+with+HTTP+200"
    );
    assert_eq!(got[1].header("content-type"), form_type);
    assert_eq!(
        got[1].body,
        format!("ziggeo_validation=true&data[webhook_id]={id}&data[validation_code]={code}")
    );
}

#[test]
fn failed_ping_skips_validation() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let receiver = Receiver::start(503);
    let id = create_webhook(&base, &receiver.url("/down"), "json", "video_ready");

    let listed = wait_for_webhook(&base, &id, |w| !w["handshake"]["validation"].is_null());
    assert_eq!(listed["handshake"]["ping"]["ok"], false);
    assert_eq!(listed["handshake"]["ping"]["status"], 503);
    assert_eq!(listed["handshake"]["validation"]["ok"], false);
    assert!(listed["handshake"]["validation"].get("status").is_none());
    assert_eq!(receiver.received().len(), 1, "only the ping was sent");
}

#[test]
fn unreachable_target_records_error() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    // Bind then drop a listener, so the port is very likely closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let id = create_webhook(&base, &format!("http://127.0.0.1:{port}/gone"), "json", "video_ready");

    let listed = wait_for_webhook(&base, &id, |w| !w["handshake"]["ping"].is_null());
    assert_eq!(listed["handshake"]["ping"]["ok"], false);
    assert!(listed["handshake"]["ping"]["error"]
        .as_str()
        .is_some_and(|e| !e.is_empty()));
}

#[test]
fn non_loopback_target_is_not_called() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    // 192.0.2.0/24 is reserved for documentation; nothing is sent there.
    let id = create_webhook(&base, "http://192.0.2.1/hook", "json", "video_ready");

    let listed = wait_for_webhook(&base, &id, |w| !w["handshake"]["ping"].is_null());
    let error = listed["handshake"]["ping"]["error"].as_str().expect("error text");
    assert!(error.contains("not loopback"), "{error}");
}

#[test]
fn silent_target_blocks_nothing_else() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    // Accepts connections (the kernel backlog does) but never responds.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let silent_url = format!("http://{}/silent", silent.local_addr().expect("addr"));

    let started = Instant::now();
    let id = create_webhook(&base, &silent_url, "json", "video_ready");
    let second = create_webhook(&base, "http://127.0.0.1:9/other", "json", "video_ready");
    assert_ne!(id, second);
    assert!(webhooks(&base).len() == 2);
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());

    let listed = wait_for_webhook(&base, &id, |w| !w["handshake"]["ping"].is_null());
    let error = listed["handshake"]["ping"]["error"].as_str().expect("error text");
    assert!(error.contains("timed out"), "{error}");
    assert!(started.elapsed() >= Duration::from_secs(5));
    drop(silent);
}

#[test]
fn events_reach_only_confirmed_subscribers() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let json_receiver = Receiver::start(200);
    let header_receiver = Receiver::start(200);
    let form_receiver = Receiver::start(200);
    let unconfirmed_receiver = Receiver::start(200);
    let other_event_receiver = Receiver::start(200);
    let failing_receiver = Receiver::start(200);

    let json_id = create_webhook(&base, &json_receiver.url("/j"), "json", "video_ready");
    let header_id = create_webhook(&base, &header_receiver.url("/h"), "jsonheader", "video_ready");
    let form_id = create_webhook(&base, &form_receiver.url("/f"), "form", "video_failed,video_ready");
    create_webhook(&base, &unconfirmed_receiver.url("/u"), "json", "video_ready");
    let other_id = create_webhook(&base, &other_event_receiver.url("/o"), "json", "video_delete");
    let failing_id = create_webhook(&base, &failing_receiver.url("/x"), "json", "video_ready");
    for (id, receiver) in [
        (&json_id, &json_receiver),
        (&header_id, &header_receiver),
        (&form_id, &form_receiver),
        (&other_id, &other_event_receiver),
        (&failing_id, &failing_receiver),
    ] {
        receiver.wait_for(2);
        confirm_from_listing(&base, id);
    }
    unconfirmed_receiver.wait_for(2);
    failing_receiver.set_status(500);

    let data =
        json!({"video": {"token": "v tok&1", "tags": ["a", "b c"], "approved": true, "title": null, "length": 12.5}});
    let fired = post_json(
        &base,
        "/_sandbox/events",
        &json!({"event_type": "video_ready", "data": data}),
    );
    assert_eq!(fired.status, 200, "{}", fired.body);
    assert_eq!(fired.json(), json!({"delivered": 3, "failed": 1}));

    let event = json!({"event_type": "video_ready", "data": data});
    let got_json = json_receiver.wait_for(3);
    assert_eq!(got_json[2].header("content-type"), Some("application/json"));
    assert_eq!(got_json[2].header("x-ziggeo-event"), None);
    assert_eq!(got_json[2].json(), event);

    let got_header = header_receiver.wait_for(3);
    assert_eq!(got_header[2].header("x-ziggeo-event"), Some("video_ready"));
    assert_eq!(got_header[2].json(), event);

    let got_form = form_receiver.wait_for(3);
    assert_eq!(
        got_form[2].header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        got_form[2].body,
        "event_type=video_ready&data[video][approved]=true&data[video][length]=12.5\
         &data[video][tags][0]=a&data[video][tags][1]=b+c&data[video][title]=\
         &data[video][token]=v+tok%261"
    );

    assert_eq!(unconfirmed_receiver.received().len(), 2, "unconfirmed gets no event");
    assert_eq!(other_event_receiver.received().len(), 2, "unsubscribed gets no event");

    let failing = webhook(&base, &failing_id);
    assert_eq!(
        failing["deliveries"],
        json!([{"event_type": "video_ready", "outcome": {"ok": false, "status": 500, "error": "target URL responded with HTTP 500"}}])
    );
    assert_eq!(
        webhook(&base, &json_id)["deliveries"],
        json!([{"event_type": "video_ready", "outcome": {"ok": true, "status": 200}}])
    );
}

#[test]
fn events_filter_by_app_token() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let receiver = Receiver::start(200);
    let id = create_webhook(&base, &receiver.url("/a"), "json", "video_ready");
    receiver.wait_for(2);
    confirm_from_listing(&base, &id);

    let other = post_json(
        &base,
        "/_sandbox/events",
        &json!({"event_type": "video_ready", "app_token": OTHER_TOKEN}),
    );
    assert_eq!(other.json(), json!({"delivered": 0, "failed": 0}));

    let own = post_json(
        &base,
        "/_sandbox/events",
        &json!({"event_type": "video_ready", "app_token": TOKEN}),
    );
    assert_eq!(own.json(), json!({"delivered": 1, "failed": 0}));
    let got = receiver.wait_for(3);
    assert_eq!(got[2].json(), json!({"event_type": "video_ready", "data": {}}));
}

#[test]
fn events_reject_invalid_json() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let cases = [
        json!({"data": {}}),
        json!({"event_type": ""}),
        json!({"event_type": "Video Ready"}),
        json!({"event_type": "video_ready", "extra": 1}),
        json!([1, 2]),
    ];
    for case in cases {
        let answer = post_json(&base, "/_sandbox/events", &case);
        assert_eq!(answer.status, 400, "{case}");
        assert!(answer.json()["error"].is_string(), "{case}");
    }
}
