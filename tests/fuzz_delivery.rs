//! Property-based fuzzing of the delivery parser, in Rust and through
//! `ziggeo_delivery_parse`: arbitrary bytes never panic and give either a
//! delivery or an invalid-delivery error, and the same delivery parses to
//! the same JSON whether it arrives as JSON or as a PHP-style form.
//!
//! Each target runs for `ZIGGEO_FUZZ_SECONDS` (default 2). The targets are
//! ignored by a plain `cargo test`: `make test-fuzz-smoke` runs them briefly
//! and `make fuzz` runs them longer.

mod support;

use std::ffi::CString;
use std::ptr;

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use support::fuzz::fuzz;
use ziggeo::ffi::{self, ZiggeoStatus};
use ziggeo::{Delivery, DeliveryKind, Error};

const CONTENT_TYPES: [Option<&str>; 6] = [
    None,
    Some("application/json"),
    Some("application/x-www-form-urlencoded"),
    Some("text/plain"),
    Some("Application/JSON; charset=UTF-8"),
    Some("application/vnd.ziggeo+json"),
];

/// Bodies made mostly of the bytes that deliveries are built from, so that
/// generated inputs get past the first check more often than random bytes.
fn delivery_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let alphabet = prop::sample::select(b"{}[]\":,=&%+0123456789abcdef_ ztvdx\\\n\xff\xc3".to_vec());
    prop_oneof![vec(any::<u8>(), 0..512), vec(alphabet, 0..512)]
}

fn check_parse(content_type: Option<&str>, body: &[u8]) -> Result<(), TestCaseError> {
    match Delivery::parse(content_type, body) {
        Ok(delivery) => {
            prop_assert!(delivery.json().is_object());
            if delivery.kind() == DeliveryKind::Validation {
                prop_assert!(delivery.validation_code().is_some());
            }
            if delivery.kind() == DeliveryKind::Event {
                prop_assert!(delivery.event_type().is_some());
            }
        }
        Err(Error::InvalidDelivery { detail, .. }) => prop_assert!(!detail.is_empty()),
        Err(other) => prop_assert!(false, "unexpected error kind: {other:?}"),
    }
    Ok(())
}

#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn parse_arbitrary_bodies() {
    let strategy = (prop::sample::select(CONTENT_TYPES.to_vec()), delivery_like_bytes());
    fuzz(
        "Delivery::parse on arbitrary bodies",
        strategy,
        |(content_type, body)| check_parse(content_type, &body),
    );
}

/// Valid deliveries cut short or with one byte changed.
#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn parse_mutated_deliveries() {
    let seeds = vec![
        json!({"event_type": "video_ready", "data": {"video": {"token": "abc", "tags": ["a", "b"]}}}).to_string(),
        json!({"ziggeo_validation": true, "validation_code": 123456, "webhook_id": "0f8e"}).to_string(),
        String::from("event_type=video_ready&data[video][token]=abc&data[video][tags][0]=a"),
        String::from("ziggeo_validation=true&data[webhook_id]=0f8e&data[validation_code]=012345"),
        String::from("json=%7B%22event_type%22%3A%22video_ready%22%7D"),
    ];
    let strategy = (
        prop::sample::select(seeds),
        prop::sample::select(CONTENT_TYPES.to_vec()),
        any::<prop::sample::Index>(),
        any::<u8>(),
        any::<bool>(),
    );
    fuzz(
        "Delivery::parse on mutated deliveries",
        strategy,
        |(seed, content_type, at, byte, cut)| {
            let mut body = seed.into_bytes();
            let position = at.index(body.len());
            if cut {
                body.truncate(position);
            } else {
                body[position] = byte;
            }
            check_parse(content_type, &body)
        },
    );
}

/// Arbitrary bytes, and content types that may be invalid UTF-8, through
/// the C export; every delivery and error it returns is freed.
#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn c_parse_arbitrary_input() {
    let content_type = prop_oneof![
        Just(None),
        vec(
            any::<u8>().prop_filter("no NUL inside a C string", |byte| *byte != 0),
            0..40
        )
        .prop_map(Some),
    ];
    fuzz(
        "ziggeo_delivery_parse",
        (content_type, delivery_like_bytes()),
        |(content_type, body)| {
            let c_content_type = content_type.clone().map(|bytes| CString::new(bytes).expect("no NUL"));
            let content_type_ptr = c_content_type.as_ref().map_or(ptr::null(), |text| text.as_ptr());
            let mut delivery = ptr::null_mut();
            let mut error = ptr::null_mut();

            // SAFETY: the pointers are valid for the call; the outputs are freed below.
            let status = unsafe {
                ffi::ziggeo_delivery_parse(content_type_ptr, body.as_ptr(), body.len(), &mut delivery, &mut error)
            };
            let utf8_content_type = content_type
                .as_ref()
                .is_none_or(|bytes| std::str::from_utf8(bytes).is_ok());

            let outcome = match status {
                ZiggeoStatus::Ok => {
                    // SAFETY: a live delivery from the call above.
                    let kind = unsafe { ffi::ziggeo_delivery_kind(delivery) };
                    if kind == ffi::ZiggeoDeliveryKind::None {
                        Err(TestCaseError::fail("a parsed delivery has kind NONE"))
                    } else {
                        Ok(())
                    }
                }
                ZiggeoStatus::InvalidDelivery if utf8_content_type => Ok(()),
                ZiggeoStatus::InvalidArgument if !utf8_content_type => Ok(()),
                other => Err(TestCaseError::fail(format!("unexpected status {other:?}"))),
            };
            // SAFETY: each is NULL or owned by this test, and freed once.
            unsafe {
                ffi::ziggeo_delivery_free(delivery);
                ffi::ziggeo_error_free(error);
            }
            outcome
        },
    );
}

/// A tree of strings, objects and arrays, none of them empty, since a form
/// sends no field for an empty object or array.
fn data_tree() -> impl Strategy<Value = Value> {
    let leaf = any::<String>().prop_map(Value::String);
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            btree_map("[a-z_]{1,8}", inner.clone(), 1..4).prop_map(|map| Value::Object(map.into_iter().collect())),
            vec(inner, 1..4).prop_map(Value::Array),
        ]
    })
}

/// Percent-encodes a form key segment or value as Ziggeo's forms do.
fn form_component(text: &str) -> String {
    let mut out = String::new();
    for &byte in text.as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Appends the PHP-style fields of `value` under the key `prefix`.
fn form_fields(prefix: &str, value: &Value, fields: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                form_fields(&format!("{prefix}[{}]", form_component(key)), inner, fields);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                form_fields(&format!("{prefix}[{index}]"), inner, fields);
            }
        }
        Value::String(text) => fields.push(format!("{prefix}={}", form_component(text))),
        other => fields.push(format!("{prefix}={}", form_component(&other.to_string()))),
    }
}

#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn json_and_form_agree() {
    let strategy = ("[a-z][a-z_]{0,20}", btree_map("[a-z_]{1,8}", data_tree(), 1..4));
    fuzz("JSON and form encodings agree", strategy, |(event_type, data)| {
        let data: Map<String, Value> = data.into_iter().collect();
        let document = json!({"event_type": event_type, "data": data});

        let mut fields = vec![format!("event_type={}", form_component(&event_type))];
        form_fields("data", &document["data"], &mut fields);
        let form = fields.join("&");

        let from_json = Delivery::parse(Some("application/json"), document.to_string().as_bytes());
        let from_form = Delivery::parse(Some("application/x-www-form-urlencoded"), form.as_bytes());
        let (from_json, from_form) = match (from_json, from_form) {
            (Ok(json), Ok(form)) => (json, form),
            (json, form) => return Err(TestCaseError::fail(format!("json: {json:?}, form {form:?}: {form:?}"))),
        };
        prop_assert_eq!(from_json.kind(), DeliveryKind::Event);
        prop_assert_eq!(from_form.kind(), DeliveryKind::Event);
        prop_assert_eq!(from_json.event_type(), Some(event_type.as_str()));
        prop_assert_eq!(from_json.json(), &document);
        prop_assert_eq!(from_form.json(), &document);
        Ok(())
    });
}

/// Validation calls in each encoding keep the code's digits exactly,
/// leading zeros included, and the webhook id.
#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn validation_codes_survive_every_encoding() {
    let strategy = ("[0-9]{6}", "[0-9a-f]{32}", 0..5usize);
    fuzz(
        "validation codes in every encoding",
        strategy,
        |(code, webhook_id, shape)| {
            let number = code.trim_start_matches('0');
            let (content_type, body) = match shape {
                0 if !number.is_empty() => (
                    "application/json",
                    format!(r#"{{"ziggeo_validation":true,"validation_code":{number},"webhook_id":"{webhook_id}"}}"#),
                ),
                0 | 1 => (
                    "application/json",
                    format!(r#"{{"ziggeo_validation":true,"validation_code":"{code}","webhook_id":"{webhook_id}"}}"#),
                ),
                2 => (
                    "application/json",
                    format!(r#"{{"data":{{"validation_code":"{code}","webhook_id":"{webhook_id}"}}}}"#),
                ),
                3 => (
                    "application/x-www-form-urlencoded",
                    format!("ziggeo_validation=true&data[webhook_id]={webhook_id}&data[validation_code]={code}"),
                ),
                _ => (
                    "application/x-www-form-urlencoded",
                    format!("ziggeo_validation=true&validation_code={code}&webhook_id={webhook_id}"),
                ),
            };
            let expected_code = if shape == 0 && !number.is_empty() {
                number
            } else {
                code.as_str()
            };

            let delivery = Delivery::parse(Some(content_type), body.as_bytes())
                .map_err(|error| TestCaseError::fail(format!("{body}: {error}")))?;
            prop_assert_eq!(delivery.kind(), DeliveryKind::Validation);
            let (got_id, got_code) = delivery
                .validation()
                .map_err(|error| TestCaseError::fail(format!("{body}: {error}")))?;
            prop_assert_eq!(got_id, webhook_id.as_str());
            prop_assert_eq!(got_code, expected_code);
            Ok(())
        },
    );
}
