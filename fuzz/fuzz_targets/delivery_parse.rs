//! Fuzzes `ziggeo_delivery_parse`, the C export, with any Content-Type and
//! any body. Every input gives either a delivery whose accessors agree with
//! its kind, or an invalid-delivery error with a message. Invalid UTF-8 in
//! the Content-Type is the only argument error. The Rust parser must reach
//! the same verdict and the same JSON.

#![no_main]

use std::ffi::{c_char, CStr, CString};
use std::ptr;

use libfuzzer_sys::fuzz_target;
use ziggeo::ffi::{self, ZiggeoDelivery, ZiggeoDeliveryKind, ZiggeoError, ZiggeoStatus};
use ziggeo::Delivery;

const CONTENT_TYPES: [&[u8]; 3] = [b"application/json", b"application/x-www-form-urlencoded", b"text/plain"];

fuzz_target!(|input: (u8, Vec<u8>, &[u8])| {
    let (choice, raw_content_type, body) = input;

    // A C caller's string ends at its first NUL byte.
    let content_type = match choice % 5 {
        0 => None,
        1..=3 => Some(CONTENT_TYPES[usize::from(choice % 5) - 1].to_vec()),
        _ => Some(
            raw_content_type
                .split(|byte| *byte == 0)
                .next()
                .unwrap_or_default()
                .to_vec(),
        ),
    };
    let content_type = content_type.map(|bytes| CString::new(bytes).expect("NUL bytes were cut"));
    let content_type_ptr = content_type.as_ref().map_or(ptr::null(), |text| text.as_ptr());

    let mut delivery: *mut ZiggeoDelivery = ptr::null_mut();
    let mut error: *mut ZiggeoError = ptr::null_mut();
    // SAFETY: a NUL-terminated string or NULL, a body of `body.len()`
    // readable bytes, and two writable out-parameters.
    let status =
        unsafe { ffi::ziggeo_delivery_parse(content_type_ptr, body.as_ptr(), body.len(), &mut delivery, &mut error) };

    let content_type_text = content_type.as_ref().map(|text| text.to_str());
    match content_type_text {
        Some(Err(_)) => check_argument_error(status, delivery, error),
        Some(Ok(text)) => check_parse(status, delivery, error, Delivery::parse(Some(text), body)),
        None => check_parse(status, delivery, error, Delivery::parse(None, body)),
    }
});

/// Checks that a non-UTF-8 Content-Type was rejected as an argument.
fn check_argument_error(status: ZiggeoStatus, delivery: *mut ZiggeoDelivery, error: *mut ZiggeoError) {
    assert_eq!(status, ZiggeoStatus::InvalidArgument);
    assert!(delivery.is_null(), "no delivery is written on an error");
    assert!(error_message(error).contains("content_type"));

    // SAFETY: the error came from the call above and is freed once.
    unsafe { ffi::ziggeo_error_free(error) };
}

/// Checks the C result against the Rust parser's, then frees it.
fn check_parse(
    status: ZiggeoStatus,
    delivery: *mut ZiggeoDelivery,
    error: *mut ZiggeoError,
    expected: ziggeo::Result<Delivery>,
) {
    match expected {
        Ok(expected) => {
            assert_eq!(
                status,
                ZiggeoStatus::Ok,
                "C rejected what Rust accepted: {}",
                error_message(error)
            );
            check_delivery(delivery, &expected);

            // SAFETY: the delivery came from the call above and is freed once.
            unsafe { ffi::ziggeo_delivery_free(delivery) };
        }
        Err(expected) => {
            assert_eq!(
                status,
                ZiggeoStatus::InvalidDelivery,
                "Rust rejected it with {expected}"
            );
            assert!(delivery.is_null(), "no delivery is written on an error");
            assert_eq!(error_message(error), expected.to_string());

            // SAFETY: the error came from the call above and is freed once.
            unsafe { ffi::ziggeo_error_free(error) };
        }
    }
}

/// Checks that a parsed delivery's accessors agree with its kind and with
/// the Rust parser's delivery.
fn check_delivery(delivery: *mut ZiggeoDelivery, expected: &Delivery) {
    assert!(!delivery.is_null());

    // SAFETY: `delivery` is live until the caller frees it.
    let (kind, event_type, webhook_id, validation_code) = unsafe {
        (
            ffi::ziggeo_delivery_kind(delivery),
            borrowed(ffi::ziggeo_delivery_event_type(delivery)),
            borrowed(ffi::ziggeo_delivery_webhook_id(delivery)),
            borrowed(ffi::ziggeo_delivery_validation_code(delivery)),
        )
    };
    assert_ne!(kind, ZiggeoDeliveryKind::None);
    if kind == ZiggeoDeliveryKind::Validation {
        assert!(validation_code.is_some(), "a validation delivery has a validation code");
    }
    if kind == ZiggeoDeliveryKind::Event {
        assert!(event_type.is_some(), "an event delivery has an event type");
    }
    assert_eq!(event_type.is_some(), expected.event_type().is_some());
    assert_eq!(webhook_id.is_some(), expected.webhook_id().is_some());
    assert_eq!(validation_code.is_some(), expected.validation_code().is_some());

    let mut json: *mut c_char = ptr::null_mut();
    // SAFETY: a live delivery and a writable out-parameter.
    let status = unsafe { ffi::ziggeo_delivery_json(delivery, &mut json, ptr::null_mut()) };
    assert_eq!(status, ZiggeoStatus::Ok);

    // SAFETY: the call wrote an owned, NUL-terminated string.
    let text = unsafe { CStr::from_ptr(json) }.to_str().expect("UTF-8 JSON").to_owned();
    // SAFETY: the string is freed once, after its last use.
    unsafe { ffi::ziggeo_string_free(json) };
    let value: serde_json::Value = serde_json::from_str(&text).expect("the JSON parses");
    assert!(value.is_object());
    assert_eq!(&value, expected.json());
}

/// Copies a borrowed C string, or None for NULL.
///
/// # Safety
///
/// `text` is NULL or a NUL-terminated string.
unsafe fn borrowed(text: *const c_char) -> Option<String> {
    if text.is_null() {
        return None;
    }
    // SAFETY: not NULL, and NUL-terminated by the caller's promise.
    Some(
        unsafe { CStr::from_ptr(text) }
            .to_str()
            .expect("UTF-8 string")
            .to_owned(),
    )
}

/// Returns an error's message, which must not be empty.
fn error_message(error: *mut ZiggeoError) -> String {
    assert!(!error.is_null(), "a failed call writes an error");

    // SAFETY: a live error; its message is borrowed until it is freed.
    let message = unsafe { borrowed(ffi::ziggeo_error_message(error)) }.expect("an error has a message");
    assert!(!message.is_empty());
    message
}
