//! Fuzzes the form encoder of request bodies with any names and values:
//! the body is byte for byte what Python's `urlencode` sends, contains only
//! the bytes a form may carry, and decodes back to exactly the pairs, in
//! order.

#![no_main]

#[path = "../../tests/support/reference.rs"]
mod reference;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|pairs: Vec<(String, String)>| {
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let body = ziggeo::fuzzing_form_encode(&borrowed);

    assert_eq!(body, reference::python_urlencode(&borrowed));
    assert!(reference::only_form_safe_bytes(body.as_bytes()), "{body:?}");
    assert_eq!(reference::decode_form(body.as_bytes()), pairs);
});
