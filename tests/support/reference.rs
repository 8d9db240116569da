//! Reference models of the argument rules and of the form encoding, written
//! apart from `src/` so that the fuzz targets check the library against a
//! second reading of the rules. Used by `tests/fuzz_arguments.rs`, and by the
//! delivery parser's unit tests and the cargo-fuzz targets under `fuzz/`,
//! which include this file by path, so it depends on the standard library
//! only.

#![allow(dead_code)]

/// Returns whether `name` is an event name: lower-case ASCII letters, digits
/// and underscores, at least one of them.
pub fn is_event_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'_')
}

/// Returns the trimmed names of a comma-separated event list, or None when
/// one of them is not an event name.
pub fn expected_events(list: &str) -> Option<Vec<&str>> {
    let names: Vec<&str> = list.split(',').map(str::trim).collect();
    names.iter().all(|name| is_event_name(name)).then_some(names)
}

/// Returns whether `text` is one of the three encodings, spelled exactly.
pub fn is_known_encoding(text: &str) -> bool {
    ["json", "jsonheader", "form"].contains(&text)
}

/// Returns whether `url` is a valid target URL: http or https in any case,
/// a host that is not empty and does not start with a port, and no control
/// characters.
pub fn is_valid_target_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|rest| {
        let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
        authority.rsplit('@').next().unwrap_or(authority).to_owned()
    });

    host.is_some_and(|host| !host.is_empty() && !host.starts_with(':')) && !url.chars().any(char::is_control)
}

/// Decodes an `application/x-www-form-urlencoded` body into its pairs.
/// Panics on a body that is not valid form encoding of UTF-8 text.
pub fn decode_form(body: &[u8]) -> Vec<(String, String)> {
    if body.is_empty() {
        return Vec::new();
    }

    body.split(|byte| *byte == b'&')
        .map(|pair| {
            let equals = pair.iter().position(|byte| *byte == b'=').expect("name=value");
            (decode_component(&pair[..equals]), decode_component(&pair[equals + 1..]))
        })
        .collect()
}

fn decode_component(part: &[u8]) -> String {
    let mut bytes = Vec::new();
    let mut index = 0;
    while index < part.len() {
        match part[index] {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = &part[index + 1..index + 3];
                assert!(hex.iter().all(u8::is_ascii_hexdigit), "invalid escape {hex:?}");
                let hex = std::str::from_utf8(hex).expect("ASCII escape");
                bytes.push(u8::from_str_radix(hex, 16).expect("hex escape"));
                index += 2;
            }
            byte => bytes.push(byte),
        }
        index += 1;
    }
    String::from_utf8(bytes).expect("UTF-8 value")
}

/// Encodes pairs as Python's `urllib.parse.urlencode` does, the reference
/// for the wire format: each name and value through [`quote_plus`], joined
/// as `name=value` pairs with `&`.
pub fn python_urlencode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", quote_plus(name), quote_plus(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes like Python's `urllib.parse.quote_plus`: ASCII letters,
/// digits and `_.-~` stay, a space becomes `+`, and every other UTF-8 byte
/// becomes `%XX` in upper case.
pub fn quote_plus(text: &str) -> String {
    let mut quoted = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => quoted.push(char::from(byte)),
            b' ' => quoted.push('+'),
            other => quoted.push_str(&format!("%{other:02X}")),
        }
    }
    quoted
}

/// Returns whether a form body contains only the bytes the encoder may emit.
pub fn only_form_safe_bytes(body: &[u8]) -> bool {
    body.iter()
        .all(|byte| byte.is_ascii_alphanumeric() || b"-._~%+=&".contains(byte))
}
