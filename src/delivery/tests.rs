use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;

#[path = "../../tests/support/reference.rs"]
mod reference;

use reference::quote_plus as encode;

const JSON_TYPE: Option<&str> = Some("application/json");
const FORM_TYPE: Option<&str> = Some("application/x-www-form-urlencoded");

/// A title with a space, `+`, the literal text `%2B`, `&` and non-ASCII text.
const TITLE: &str = "Zoë 東京 a+b %2B & more";

/// Returns the encoding and detail of an [`Error::InvalidDelivery`], and
/// fails the test on success or on another error.
fn delivery_error(content_type: Option<&str>, body: &[u8]) -> (&'static str, String) {
    match Delivery::parse(content_type, body) {
        Err(Error::InvalidDelivery { encoding, detail }) => (encoding, detail),
        Err(other) => panic!(
            "expected InvalidDelivery for {:?}, got {other:?}",
            String::from_utf8_lossy(body)
        ),
        Ok(delivery) => panic!(
            "expected an error for {:?}, got {delivery:?}",
            String::from_utf8_lossy(body)
        ),
    }
}

fn parse(content_type: Option<&str>, body: &str) -> Delivery {
    match Delivery::parse(content_type, body.as_bytes()) {
        Ok(delivery) => delivery,
        Err(error) => panic!("parsing {body:?} with {content_type:?} failed: {error}"),
    }
}

/// Returns the `video_ready` event used by the encoding table, with string values
/// only, since a form cannot carry other JSON types.
fn video_ready() -> Value {
    json!({
        "event_type": "video_ready",
        "data": {
            "video": {
                "token": "abc123",
                "title": TITLE,
                "tags": ["one two", "x+y"],
                "duration": "12.5"
            }
        }
    })
}

#[test]
fn same_event_in_every_encoding() {
    let document = video_ready().to_string();
    let data = video_ready()["data"].to_string();

    // Written by hand, with brackets both raw and percent-encoded.
    let literal_form = "event_type=video_ready&data%5Bvideo%5D%5Btoken%5D=abc123\
        &data[video][title]=Zo%C3%AB+%E6%9D%B1%E4%BA%AC+a%2Bb+%252B+%26+more\
        &data[video][tags][0]=one+two&data[video][tags][1]=x%2By&data[video][duration]=12.5";
    let appended_form = format!(
        "data[video][token]=abc123&data[video][title]={}&data[video][tags][]=one+two&data[video][tags][]=x%2By\
         &event_type=video_ready&data[video][duration]=12.5",
        encode(TITLE)
    );
    // The same title with its non-ASCII text sent unencoded.
    let raw_utf8_form = "event_type=video_ready&data[video][token]=abc123\
        &data[video][title]=Zoë+東京+a%2Bb+%252B+%26+more\
        &data[video][tags][0]=one+two&data[video][tags][1]=x%2By&data[video][duration]=12.5";

    let cases: Vec<(&str, Option<&str>, String, &str)> = vec![
        ("json", JSON_TYPE, document.clone(), JSON),
        ("json without content type", None, format!("\n  {document}"), JSON),
        (
            "json with byte order mark",
            JSON_TYPE,
            format!("\u{FEFF}{document}"),
            JSON,
        ),
        ("literal form", FORM_TYPE, literal_form.to_string(), FORM),
        ("form without content type", None, literal_form.to_string(), FORM),
        ("appended form", FORM_TYPE, appended_form, FORM),
        ("raw UTF-8 form", FORM_TYPE, raw_utf8_form.to_string(), FORM),
        (
            "json field",
            FORM_TYPE,
            format!("json={}", encode(&document)),
            FORM_WITH_JSON,
        ),
        (
            "lone field",
            FORM_TYPE,
            format!("payload={}", encode(&document)),
            FORM_WITH_JSON,
        ),
        (
            "lone data field",
            FORM_TYPE,
            format!("data={}", encode(&document)),
            FORM_WITH_JSON,
        ),
        (
            "data field",
            FORM_TYPE,
            format!("event_type=video_ready&data={}", encode(&data)),
            FORM_WITH_JSON,
        ),
        ("json body sent as form", FORM_TYPE, document.clone(), JSON),
    ];

    for (name, content_type, body, encoding) in cases {
        let delivery = parse(content_type, &body);
        assert_eq!(delivery.encoding(), encoding, "{name}: encoding");
        assert_eq!(delivery.kind(), DeliveryKind::Event, "{name}: kind");
        assert_eq!(delivery.event_type(), Some("video_ready"), "{name}: event_type");
        assert_eq!(delivery.json(), &video_ready(), "{name}: json");
    }
}

#[test]
fn form_decodes_special_characters() {
    let body = "event_type=video_ready&data[video][title]=Zo%C3%AB+%E6%9D%B1%E4%BA%AC+a%2Bb+%252B+%26+more";
    let delivery = parse(FORM_TYPE, body);
    assert_eq!(delivery.json()["data"]["video"]["title"], TITLE);
}

#[test]
fn form_helper_encodes_title() {
    assert_eq!(encode(TITLE), "Zo%C3%AB+%E6%9D%B1%E4%BA%AC+a%2Bb+%252B+%26+more");
}

#[test]
fn ping_in_json_and_form() {
    let cases = [
        (
            JSON_TYPE,
            r#"{"ziggeo_validation": true, "message": "Hello from Ziggeo"}"#,
        ),
        (FORM_TYPE, "ziggeo_validation=true&message=Hello+from+Ziggeo"),
        (FORM_TYPE, "ziggeo_validation=1&message=Hello+from+Ziggeo"),
        (None, "ziggeo_validation=TRUE&message=Hello%20from%20Ziggeo"),
    ];
    for (content_type, body) in cases {
        let delivery = parse(content_type, body);
        assert_eq!(delivery.kind(), DeliveryKind::Ping, "{body}");
        assert_eq!(delivery.message(), Some("Hello from Ziggeo"), "{body}");
        assert_eq!(delivery.validation_code(), None, "{body}");
        assert_eq!(delivery.webhook_id(), None, "{body}");
    }
}

#[test]
fn false_marker_is_not_ping() {
    for body in [r#"{"ziggeo_validation": false}"#, r#"{"ziggeo_validation": "0"}"#] {
        let (encoding, detail) = delivery_error(JSON_TYPE, body.as_bytes());
        assert_eq!(encoding, JSON);
        assert!(detail.contains("neither event_type nor validation_code"), "{detail}");
    }
}

#[test]
fn validation_call_variants() {
    // (description, content type, body, expected webhook id, expected code)
    let cases = [
        (
            "numeric code, top level, marker",
            JSON_TYPE,
            r#"{"ziggeo_validation": true, "validation_code": 482913, "webhook_id": "wh_1"}"#,
            "wh_1",
            "482913",
        ),
        (
            "string code, top level, marker",
            JSON_TYPE,
            r#"{"ziggeo_validation": true, "validation_code": "012345", "webhook_id": "wh_2"}"#,
            "wh_2",
            "012345",
        ),
        (
            "string code, top level, no marker",
            JSON_TYPE,
            r#"{"validation_code": "000042", "webhook_id": "wh_3"}"#,
            "wh_3",
            "000042",
        ),
        (
            "numeric code, under data, no marker",
            JSON_TYPE,
            r#"{"data": {"validation_code": 482913, "webhook_id": "wh_4"}}"#,
            "wh_4",
            "482913",
        ),
        (
            "string code, under data, no marker",
            None,
            r#"{"data": {"validation_code": "012345", "webhook_id": "wh_5"}}"#,
            "wh_5",
            "012345",
        ),
        (
            "string code, under data, marker",
            JSON_TYPE,
            r#"{"ziggeo_validation": true, "data": {"validation_code": "054321", "webhook_id": "wh_6"}}"#,
            "wh_6",
            "054321",
        ),
        (
            "code at top level, webhook id under data",
            JSON_TYPE,
            r#"{"validation_code": 123456, "data": {"webhook_id": "wh_7"}}"#,
            "wh_7",
            "123456",
        ),
        (
            "numeric webhook id",
            JSON_TYPE,
            r#"{"validation_code": 123456, "webhook_id": 98765}"#,
            "98765",
            "123456",
        ),
        (
            "form, top level, marker",
            FORM_TYPE,
            "ziggeo_validation=true&validation_code=012345&webhook_id=wh_8",
            "wh_8",
            "012345",
        ),
        (
            "form, under data, no marker",
            FORM_TYPE,
            "data%5Bvalidation_code%5D=012345&data%5Bwebhook_id%5D=wh_9",
            "wh_9",
            "012345",
        ),
    ];

    for (name, content_type, body, webhook_id, code) in cases {
        let delivery = parse(content_type, body);
        assert_eq!(delivery.kind(), DeliveryKind::Validation, "{name}: kind");
        assert_eq!(delivery.webhook_id(), Some(webhook_id), "{name}: webhook_id");
        assert_eq!(delivery.validation_code(), Some(code), "{name}: validation_code");
        assert_eq!(
            delivery.validation().ok(),
            Some((webhook_id, code)),
            "{name}: validation()"
        );
    }
}

#[test]
fn validation_json_is_kept_whole() {
    let body = r#"{"data": {"validation_code": "012345", "webhook_id": "wh_1"}}"#;
    let from_json = parse(JSON_TYPE, body);
    let from_form = parse(FORM_TYPE, "data[validation_code]=012345&data[webhook_id]=wh_1");
    let from_data_field = parse(
        FORM_TYPE,
        &format!(
            "data={}",
            encode(r#"{"validation_code": "012345", "webhook_id": "wh_1"}"#)
        ),
    );

    assert_eq!(from_json.json(), &serde_json::from_str::<Value>(body).unwrap());
    assert_eq!(from_form.json(), from_json.json());
    assert_eq!(from_data_field.json(), from_json.json());
    assert_eq!(from_data_field.kind(), DeliveryKind::Validation);
}

#[test]
fn event_with_data_code_stays_event() {
    let delivery = parse(
        JSON_TYPE,
        r#"{"event_type": "video_ready", "data": {"validation_code": "1", "video": {}}}"#,
    );
    assert_eq!(delivery.kind(), DeliveryKind::Event);
    assert_eq!(delivery.validation_code(), None);
}

#[test]
fn validation_without_webhook_id() {
    let delivery = parse(JSON_TYPE, r#"{"ziggeo_validation": true, "validation_code": 123456}"#);
    assert_eq!(delivery.kind(), DeliveryKind::Validation);
    match delivery.validation() {
        Err(Error::InvalidArgument { parameter, reason }) => {
            assert_eq!(parameter, "delivery");
            assert!(reason.contains("no webhook_id"), "{reason}");
        }
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

#[test]
fn validation_rejects_ping_and_event() {
    let ping = parse(JSON_TYPE, r#"{"ziggeo_validation": true, "message": "hi"}"#);
    let event = parse(JSON_TYPE, r#"{"event_type": "video_ready", "data": {}}"#);
    let cases = [(ping, "reachability ping"), (event, "event (video_ready)")];

    for (delivery, expected) in cases {
        match delivery.validation() {
            Err(Error::InvalidArgument { parameter, reason }) => {
                assert_eq!(parameter, "delivery");
                assert!(reason.contains(expected), "{reason}");
                assert!(reason.contains("validation_code"), "{reason}");
            }
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
    }
}

#[test]
fn content_type_variants() {
    let json_body = r#"{"event_type": "video_create"}"#;
    let form_body = "event_type=video_create";
    let cases = [
        (None, json_body, JSON),
        (Some("Application/JSON"), json_body, JSON),
        (Some("application/json; charset=UTF-8"), json_body, JSON),
        (Some("  application/json ;charset=utf-8"), json_body, JSON),
        (Some("application/vnd.ziggeo+json"), json_body, JSON),
        (Some("text/plain"), json_body, JSON),
        (None, form_body, FORM),
        (
            Some("APPLICATION/X-WWW-FORM-URLENCODED; charset=UTF-8"),
            form_body,
            FORM,
        ),
        (Some("text/plain"), form_body, FORM),
        (Some(""), form_body, FORM),
    ];
    for (content_type, body, encoding) in cases {
        let delivery = parse(content_type, body);
        assert_eq!(delivery.encoding(), encoding, "{content_type:?}");
        assert_eq!(delivery.event_type(), Some("video_create"), "{content_type:?}");
    }
}

#[test]
fn declared_json_rejects_form_body() {
    let (encoding, detail) = delivery_error(Some("Application/Json"), b"event_type=video_ready");
    assert_eq!(encoding, JSON);
    assert!(detail.contains("not valid JSON"), "{detail}");
}

#[test]
fn json_errors_name_encoding() {
    let cases: [(&[u8], &str); 7] = [
        (b"", "the body is empty"),
        (b"  \r\n ", "the body is empty"),
        (
            b"{\"event_type\": \"video_\xFF\"}",
            "not valid UTF-8: invalid byte at offset 22",
        ),
        (b"{\"event_type\": }", "not valid JSON"),
        (b"{\"event_type\": \"video_ready\"", "not valid JSON"),
        (b"[{\"event_type\": \"video_ready\"}]", "JSON array"),
        (b"\"video_ready\"", "JSON string"),
    ];
    for (body, expected) in cases {
        let (encoding, detail) = delivery_error(JSON_TYPE, body);
        assert_eq!(encoding, JSON, "{expected}");
        assert!(detail.contains(expected), "expected {expected:?} in {detail:?}");
    }
}

#[test]
fn form_errors_name_encoding() {
    let cases: [(&[u8], &str); 11] = [
        (b"", "the body is empty"),
        (b"event_type=video%G1ready", "bad percent escape \"%G1\" at byte 16"),
        (b"event_type=video_ready%4", "bad percent escape \"%4\" at byte 22"),
        (b"event_type=video_ready&data[video=x", "has a [ without a matching ]"),
        (b"event_type=video_ready&data]=x", "has a ] without a matching ["),
        (b"event_type=video_ready&[video]=x", "starts with ["),
        (b"event_type=video_ready&data[video]x=1", "text after a ]"),
        (b"event_type=video_ready&data[a[b]]=1", "[ inside brackets"),
        (
            b"event_type=video_ready&title=%FF",
            "not valid UTF-8 after percent-decoding",
        ),
        (
            b"event_type=video_ready&title=\xC3",
            "not valid UTF-8 after percent-decoding",
        ),
        (b"event_type=video_ready&=x", "empty name"),
    ];
    for (body, expected) in cases {
        let (encoding, detail) = delivery_error(FORM_TYPE, body);
        assert_eq!(encoding, FORM, "{expected}");
        assert!(detail.contains(expected), "expected {expected:?} in {detail:?}");
    }
}

#[test]
fn json_field_errors_name_encoding() {
    let cases = [
        (
            "json=%7B%22event_type%22%3A",
            "field \"json\" at byte 0 does not hold valid JSON",
        ),
        (
            "event_type=video_ready&data=%7Bnot+json%7D",
            "field \"data\" at byte 23 does not hold valid JSON",
        ),
    ];
    for (body, expected) in cases {
        let (encoding, detail) = delivery_error(FORM_TYPE, body.as_bytes());
        assert_eq!(encoding, FORM_WITH_JSON, "{body}");
        assert!(detail.contains(expected), "expected {expected:?} in {detail:?}");
    }
}

#[test]
fn unknown_delivery_is_rejected() {
    let cases = [
        (JSON_TYPE, r#"{"video": {"token": "abc"}}"#, JSON),
        (FORM_TYPE, "video[token]=abc", FORM),
        (FORM_TYPE, "json=%7B%22video%22%3A%7B%7D%7D", FORM_WITH_JSON),
    ];
    for (content_type, body, expected_encoding) in cases {
        let (encoding, detail) = delivery_error(content_type, body.as_bytes());
        assert_eq!(encoding, expected_encoding, "{body}");
        assert!(
            detail.contains("neither event_type nor validation_code nor ziggeo_validation"),
            "{detail}"
        );
    }
}

#[test]
fn invalid_field_types_are_rejected() {
    let cases = [
        (r#"{"event_type": 5}"#, "event_type is a JSON number"),
        (r#"{"event_type": ""}"#, "event_type is empty"),
        (
            r#"{"validation_code": 4829.13, "webhook_id": "w"}"#,
            "validation_code is the number 4829.13",
        ),
        (
            r#"{"validation_code": -482913, "webhook_id": "w"}"#,
            "validation_code is the number -482913",
        ),
        (
            r#"{"validation_code": true, "webhook_id": "w"}"#,
            "validation_code is the boolean true",
        ),
        (
            r#"{"validation_code": "", "webhook_id": "w"}"#,
            "validation_code is empty",
        ),
        (
            r#"{"validation_code": "1", "webhook_id": ["w"]}"#,
            "webhook_id is a JSON array",
        ),
        (
            r#"{"data": {"validation_code": {}}}"#,
            "validation_code is a JSON object",
        ),
    ];
    for (body, expected) in cases {
        let (encoding, detail) = delivery_error(JSON_TYPE, body.as_bytes());
        assert_eq!(encoding, JSON, "{body}");
        assert!(detail.contains(expected), "expected {expected:?} in {detail:?}");
    }
}

#[test]
fn null_fields_count_as_missing() {
    let delivery = parse(
        JSON_TYPE,
        r#"{"ziggeo_validation": true, "validation_code": null, "webhook_id": null, "message": "hi"}"#,
    );
    assert_eq!(delivery.kind(), DeliveryKind::Ping);
}

#[test]
fn form_arrays_and_objects() {
    let cases = [
        ("a[0]=x&a[1]=y", json!(["x", "y"])),
        ("a[]=x&a[]=y", json!(["x", "y"])),
        ("a[0]=x&a[]=y", json!(["x", "y"])),
        ("a[1]=x&a[0]=y", json!({"1": "x", "0": "y"})),
        ("a[1]=x&a[2]=y", json!({"1": "x", "2": "y"})),
        ("a[01]=x", json!({"01": "x"})),
        ("a[x]=1&a[]=2", json!({"x": "1", "0": "2"})),
        ("a[5]=x&a[]=y", json!({"5": "x", "6": "y"})),
        ("a[][b]=1&a[][b]=2", json!([{"b": "1"}, {"b": "2"}])),
        ("a=1&a=2", json!("2")),
        ("a=1&a[b]=2", json!({"b": "2"})),
        ("a[b]=2&a=1", json!("1")),
        ("a", json!("")),
        ("a=", json!("")),
        ("a=b=c", json!("b=c")),
    ];
    for (fields, expected) in cases {
        let delivery = parse(FORM_TYPE, &format!("event_type=video_ready&&{fields}&"));
        assert_eq!(delivery.json()["a"], expected, "{fields}");
    }
}

/// Builds a JSON body whose `data` nests to `depth` levels, counting the
/// top-level object.
fn nested_json(depth: usize) -> String {
    let mut inner = String::from("\"x\"");
    for _ in 1..depth {
        inner = format!("{{\"a\": {inner}}}");
    }
    format!("{{\"event_type\": \"video_ready\", \"data\": {inner}}}")
}

/// Builds a form body whose `data` nests to `depth` levels.
fn nested_form(depth: usize) -> String {
    format!("event_type=video_ready&data{}=x", "[a]".repeat(depth.saturating_sub(1)))
}

#[test]
fn nesting_depth_is_limited() {
    let json_ok = parse(JSON_TYPE, &nested_json(MAX_DEPTH));
    let form_ok = parse(FORM_TYPE, &nested_form(MAX_DEPTH));
    assert_eq!(json_ok.json(), form_ok.json());

    let data_field = format!(
        "event_type=video_ready&data={}",
        encode(&json_ok.json()["data"].to_string())
    );
    assert_eq!(parse(FORM_TYPE, &data_field).json(), json_ok.json());

    let (encoding, detail) = delivery_error(JSON_TYPE, nested_json(MAX_DEPTH + 1).as_bytes());
    assert_eq!(encoding, JSON);
    assert!(detail.contains("nests 33 levels deep"), "{detail}");

    let (encoding, detail) = delivery_error(FORM_TYPE, nested_form(MAX_DEPTH + 1).as_bytes());
    assert_eq!(encoding, FORM);
    assert!(detail.contains("nests more than 32 levels deep"), "{detail}");

    let too_deep_data = format!(
        "event_type=video_ready&data={}",
        encode(&format!("{{\"a\": {}}}", json_ok.json()["data"]))
    );
    let (encoding, detail) = delivery_error(FORM_TYPE, too_deep_data.as_bytes());
    assert_eq!(encoding, FORM_WITH_JSON);
    assert!(detail.contains("nest 33 levels deep"), "{detail}");
}

#[test]
fn very_deep_bodies_fail_cleanly() {
    let json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (encoding, detail) = delivery_error(None, format!("{{\"a\":{json}}}").as_bytes());
    assert_eq!(encoding, JSON);
    assert!(detail.contains("recursion limit"), "{detail}");

    let form = format!("data{}=x", "[a]".repeat(100_000));
    let (encoding, _) = delivery_error(FORM_TYPE, form.as_bytes());
    assert_eq!(encoding, FORM);

    let field = format!("json={}", "%7B%22a%22%3A".repeat(10_000));
    let (encoding, detail) = delivery_error(FORM_TYPE, field.as_bytes());
    assert_eq!(encoding, FORM_WITH_JSON);
    assert!(detail.contains("does not hold valid JSON"), "{detail}");
}

#[test]
fn form_field_count_is_limited() {
    let fields_at_limit = format!(
        "event_type=video_ready{}",
        "&data[tags][]=x".repeat(MAX_FORM_FIELDS - 1)
    );
    let delivery = parse(FORM_TYPE, &fields_at_limit);
    assert_eq!(
        delivery.json()["data"]["tags"].as_array().map(Vec::len),
        Some(MAX_FORM_FIELDS - 1)
    );

    let (encoding, detail) = delivery_error(FORM_TYPE, format!("{fields_at_limit}&b=1").as_bytes());
    assert_eq!(encoding, FORM);
    assert!(detail.contains("more than 10000 fields"), "{detail}");
}

#[test]
fn long_field_name_is_cut_in_error() {
    let body = format!("event_type=video_ready&{}[=x", "n".repeat(500));
    let (_, detail) = delivery_error(FORM_TYPE, body.as_bytes());
    assert!(detail.contains(&format!("\"{}\"...", "n".repeat(60))), "{detail}");
    assert!(detail.len() < 300, "{detail}");
}

#[test]
fn delivery_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<Delivery>();
}

/// Content types that each select a different path through the parser.
const CONTENT_TYPES: [Option<&str>; 5] = [
    None,
    Some("application/json"),
    Some("Application/X-WWW-Form-Urlencoded; charset=UTF-8"),
    Some("text/plain"),
    Some("multipart/form-data; boundary=x"),
];

proptest! {
    #[test]
    fn parse_never_panics_on_bytes(body in proptest::collection::vec(any::<u8>(), 0..512), which in 0..CONTENT_TYPES.len()) {
        let _ = Delivery::parse(CONTENT_TYPES[which], &body);
    }

    #[test]
    fn parse_never_panics_on_form_like_text(body in "[a-z0-9_\\[\\]%=&+{}\":, ]{0,200}", which in 0..CONTENT_TYPES.len()) {
        let _ = Delivery::parse(CONTENT_TYPES[which], body.as_bytes());
    }

    #[test]
    fn form_value_round_trips(value in "\\PC{0,40}") {
        let body = format!("event_type=video_ready&data[video][title]={}", encode(&value));
        let delivery = Delivery::parse(FORM_TYPE, body.as_bytes());
        prop_assert!(delivery.is_ok(), "{:?}", delivery);
        if let Ok(delivery) = delivery {
            prop_assert_eq!(&delivery.json()["data"]["video"]["title"], &Value::String(value));
        }
    }
}
