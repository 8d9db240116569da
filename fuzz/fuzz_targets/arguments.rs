//! Fuzzes the argument checks with any text: `Events::parse`,
//! `Encoding::from_str` and `check_target_url` each accept exactly what the
//! reference rules in tests/support/reference.rs accept, and reject the
//! rest with an invalid-argument error that names the parameter.

#![no_main]

#[path = "../../tests/support/reference.rs"]
mod reference;

use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use ziggeo::{check_target_url, Encoding, Error, Events};

fuzz_target!(|text: &str| {
    check_events(text);
    check_encoding(text);
    check_url(text);
});

fn check_events(list: &str) {
    let expected = reference::expected_events(list);
    match Events::parse(list) {
        Ok(events) => {
            let expected = expected.unwrap_or_else(|| panic!("{list:?} was accepted"));
            assert_eq!(events.names().to_vec(), expected);
            assert_eq!(events.to_csv(), expected.join(","));
        }
        Err(error) => {
            assert!(expected.is_none(), "{list:?} was rejected: {error}");
            assert_parameter(&error, "events");
        }
    }
}

fn check_encoding(text: &str) {
    match Encoding::from_str(text) {
        Ok(encoding) => assert_eq!(encoding.as_str(), text),
        Err(error) => {
            assert!(!reference::is_known_encoding(text), "{text:?} was rejected: {error}");
            assert_parameter(&error, "encoding");
        }
    }
}

fn check_url(url: &str) {
    let valid = reference::is_valid_target_url(url);
    match check_target_url(url) {
        Ok(()) => assert!(valid, "{url:?} was accepted"),
        Err(error) => {
            assert!(!valid, "{url:?} was rejected: {error}");
            assert_parameter(&error, "target_url");
        }
    }
}

fn assert_parameter(error: &Error, expected: &str) {
    match error {
        Error::InvalidArgument { parameter, reason } => {
            assert_eq!(*parameter, expected);
            assert!(!reason.is_empty());
        }
        other => panic!("expected an invalid-argument error, got {other:?}"),
    }
}
