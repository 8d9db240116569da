//! Property-based fuzzing of the argument checks and of the form encoder:
//! the checks agree with a reference model of the rules, and every value
//! that passes arrives byte for byte at a loopback server, through the Rust
//! API and through the C exports.
//!
//! Each target runs for `ZIGGEO_FUZZ_SECONDS` (default 2). The targets are
//! ignored by a plain `cargo test`: `make test-fuzz-smoke` runs them briefly
//! and `make fuzz` runs them longer.

mod support;

use std::ffi::CString;
use std::ptr;
use std::str::FromStr;

use proptest::collection::vec;
use proptest::prelude::*;
use support::fuzz::fuzz;
use support::reference::{
    decode_form, expected_events, is_known_encoding, is_valid_target_url, only_form_safe_bytes, python_urlencode,
};
use support::TestServer;
use ziggeo::ffi::{self, ZiggeoStatus};
use ziggeo::{check_target_url, Client, Encoding, Error, Events};

/// Strings built mostly from the characters the checks look at.
fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-zA-Z0-9_ ,:/.?#@%&=+\\-\t\n\u{7f}\u{e9}]{0,40}"]
}

#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn events_match_reference_rules() {
    fuzz("Events::parse", tricky_text(), |list| {
        let expected = expected_events(&list);
        match Events::parse(&list) {
            Ok(events) => {
                prop_assert!(expected.is_some(), "{list:?} was accepted");
                let expected = expected.unwrap_or_default();
                prop_assert_eq!(events.names().to_vec(), expected.clone());
                prop_assert_eq!(events.to_csv(), expected.join(","));
            }
            Err(Error::InvalidArgument { parameter, reason }) => {
                prop_assert!(expected.is_none(), "{list:?} was rejected: {reason}");
                prop_assert_eq!(parameter, "events");
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
        Ok(())
    });
}

#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn encodings_match_reference_rules() {
    let strategy = prop_oneof![
        tricky_text(),
        prop::sample::select(vec!["json", "jsonheader", "form", "JSON", "json ", "xml"]).prop_map(String::from),
    ];
    fuzz("Encoding::from_str", strategy, |text| {
        let known = is_known_encoding(&text);
        match Encoding::from_str(&text) {
            Ok(encoding) => prop_assert_eq!(encoding.as_str(), text.as_str()),
            Err(error) => {
                prop_assert!(!known, "{text:?} was rejected");
                let named = matches!(
                    error,
                    Error::InvalidArgument {
                        parameter: "encoding",
                        ..
                    }
                );
                prop_assert!(named, "{:?}", error);
            }
        }
        Ok(())
    });
}

#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn target_urls_match_reference_rules() {
    let strategy = prop_oneof![
        tricky_text(),
        ("(http|https|HTTP|ftp|)://", tricky_text()).prop_map(|(scheme, rest)| format!("{scheme}{rest}")),
    ];
    fuzz("check_target_url", strategy, |url| {
        let valid = is_valid_target_url(&url);

        match check_target_url(&url) {
            Ok(()) => prop_assert!(valid, "{url:?} was accepted"),
            Err(error) => {
                prop_assert!(!valid, "{url:?} was rejected: {error}");
                let named = matches!(
                    error,
                    Error::InvalidArgument {
                        parameter: "target_url",
                        ..
                    }
                );
                prop_assert!(named, "{:?}", error);
            }
        }
        Ok(())
    });
}

/// Checks the form encoder on the wire: what confirm and create send
/// decodes to exactly the arguments, in order.
#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn form_bodies_round_trip() {
    let server = TestServer::start(Vec::new());
    let client = Client::builder("fuzz_token", "fuzz-private-key")
        .base_url(&server.base_url)
        .proxy_from_env(false)
        .build()
        .expect("client");
    let strategy = (
        any::<String>().prop_filter("non-empty", |text| !text.is_empty()),
        any::<String>().prop_filter("non-empty", |text| !text.is_empty()),
        "[a-zA-Z0-9 &=+%/?#;~*'()!é€-]{0,30}",
    );

    fuzz(
        "form encoder on the wire",
        strategy,
        |(webhook_id, validation_code, path)| {
            let before = server.requests().len();
            client
                .webhooks()
                .confirm(&webhook_id, &validation_code)
                .map_err(|error| TestCaseError::fail(error.to_string()))?;
            let target_url = format!("https://example.com/{path}");
            client
                .webhooks()
                .create(&target_url, Some(Encoding::Form), "video_ready, video_delete")
                .map_err(|error| TestCaseError::fail(error.to_string()))?;

            let requests = server.requests();
            prop_assert_eq!(requests.len(), before + 2);
            let confirm = &requests[before].body;
            let create = &requests[before + 1].body;
            let expected_confirm =
                python_urlencode(&[("webhook_id", &webhook_id), ("validation_code", &validation_code)]);
            prop_assert_eq!(String::from_utf8_lossy(confirm), expected_confirm);
            prop_assert!(only_form_safe_bytes(confirm), "{}", String::from_utf8_lossy(confirm));
            prop_assert!(only_form_safe_bytes(create), "{}", String::from_utf8_lossy(create));
            prop_assert_eq!(
                decode_form(confirm),
                vec![
                    ("webhook_id".to_owned(), webhook_id.clone()),
                    ("validation_code".to_owned(), validation_code.clone()),
                ]
            );
            prop_assert_eq!(
                decode_form(create),
                vec![
                    ("target_url".to_owned(), target_url),
                    ("encoding".to_owned(), "form".to_owned()),
                    ("events".to_owned(), "video_ready,video_delete".to_owned()),
                ]
            );
            Ok(())
        },
    );
}

/// Byte strings, valid UTF-8 or not, through `ziggeo_webhooks_confirm`:
/// invalid UTF-8 and empty values are argument errors naming the
/// parameter, and anything else is sent.
#[test]
#[ignore = "fuzzing: run by make test-fuzz-smoke and make fuzz"]
fn c_confirm_arguments() {
    let server = TestServer::start(Vec::new());
    let base_url = CString::new(server.base_url.clone()).expect("no NUL");
    let options = ffi::ziggeo_options_new();
    let token = CString::new("fuzz_token").expect("no NUL");
    let key = CString::new("fuzz-private-key").expect("no NUL");
    let mut client = ptr::null_mut();
    // SAFETY: valid strings and out-parameters; options is freed once.
    unsafe {
        assert_eq!(
            ffi::ziggeo_options_set_base_url(options, base_url.as_ptr(), ptr::null_mut()),
            ZiggeoStatus::Ok
        );
        ffi::ziggeo_options_set_proxy_from_env(options, false, ptr::null_mut());
        assert_eq!(
            ffi::ziggeo_client_new(token.as_ptr(), key.as_ptr(), options, &mut client, ptr::null_mut()),
            ZiggeoStatus::Ok
        );
        ffi::ziggeo_options_free(options);
    }

    let bytes = || {
        vec(
            any::<u8>().prop_filter("no NUL inside a C string", |byte| *byte != 0),
            0..24,
        )
    };
    fuzz(
        "ziggeo_webhooks_confirm arguments",
        (bytes(), bytes()),
        |(webhook_id, validation_code)| {
            let id_text = std::str::from_utf8(&webhook_id).ok();
            let code_text = std::str::from_utf8(&validation_code).ok();
            let c_id = CString::new(webhook_id.clone()).expect("no NUL");
            let c_code = CString::new(validation_code.clone()).expect("no NUL");
            let mut body = ptr::null_mut();
            let mut error = ptr::null_mut();

            // SAFETY: valid pointers for the call; outputs are freed below.
            let status =
                unsafe { ffi::ziggeo_webhooks_confirm(client, c_id.as_ptr(), c_code.as_ptr(), &mut body, &mut error) };
            // SAFETY: a live error or NULL.
            let message = unsafe { ffi::ziggeo_error_message(error) };
            let message = if message.is_null() {
                String::new()
            } else {
                // SAFETY: a NUL-terminated string that lives until the error is freed.
                unsafe { std::ffi::CStr::from_ptr(message) }
                    .to_string_lossy()
                    .into_owned()
            };
            // SAFETY: each is NULL or owned here, and freed once.
            unsafe {
                ffi::ziggeo_string_free(body);
                ffi::ziggeo_error_free(error);
            }

            // The C layer checks the encoding of both strings before the core
            // checks that neither is empty, so the first failing rule names
            // the parameter.
            let rejected = match (id_text, code_text) {
                (None, _) => Some("webhook_id"),
                (_, None) => Some("validation_code"),
                (Some(""), _) => Some("webhook_id"),
                (_, Some("")) => Some("validation_code"),
                _ => None,
            };
            match rejected {
                None => prop_assert_eq!(status, ZiggeoStatus::Ok, "{}", message),
                Some(parameter) => {
                    prop_assert_eq!(status, ZiggeoStatus::InvalidArgument);
                    prop_assert!(message.contains(parameter), "{} does not name {}", message, parameter);
                }
            }
            Ok(())
        },
    );

    // SAFETY: the client is live and no longer used.
    unsafe { ffi::ziggeo_client_free(client) };
}
