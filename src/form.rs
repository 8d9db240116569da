//! `application/x-www-form-urlencoded` serialisation of request bodies.
//!
//! The bytes match what the official Python SDK sends, since it is the
//! reference for the wire format: Python's `urllib.parse.urlencode` keeps
//! ASCII letters, digits and `-._~`, turns a space into `+`, and
//! percent-encodes every other UTF-8 byte with upper-case hex digits. This is
//! the WHATWG serialisation except for `*` (encoded here) and `~` (kept here);
//! every form decoder reads both forms the same.

/// Serialises `pairs` in the given order, as `name=value` joined by `&`.
pub fn encode(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (index, (name, value)) in pairs.iter().enumerate() {
        if index > 0 {
            out.push('&');
        }
        encode_component(name, &mut out);
        out.push('=');
        encode_component(value, &mut out);
    }
    out
}

/// Appends the form encoding of one name or value to `out`.
fn encode_component(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";

    for &byte in text.as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0x0f)]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn encode_special_characters() {
        let cases = [
            ("a b", "a+b"),
            ("a+b", "a%2Bb"),
            ("a&b", "a%26b"),
            ("a=b", "a%3Db"),
            ("100%", "100%25"),
            ("é", "%C3%A9"),
            ("#frag", "%23frag"),
            ("?q", "%3Fq"),
            ("/path", "%2Fpath"),
            ("-._~", "-._~"),
            ("*", "%2A"),
            ("", ""),
        ];
        for (value, expected) in cases {
            assert_eq!(encode(&[("v", value)]), format!("v={expected}"), "value {value:?}");
        }
    }

    #[test]
    fn encode_keeps_field_order() {
        let body = encode(&[("target_url", "https://x/h"), ("encoding", "json"), ("events", "a,b")]);
        assert_eq!(body, "target_url=https%3A%2F%2Fx%2Fh&encoding=json&events=a%2Cb");
    }

    #[test]
    fn encode_matches_python_urlencode() {
        // Bytes produced by Python 3.11's urllib.parse.urlencode for the same pairs.
        let body = encode(&[("target_url", "https://example.com/hook?a=1&b=two words")]);
        assert_eq!(
            body,
            "target_url=https%3A%2F%2Fexample.com%2Fhook%3Fa%3D1%26b%3Dtwo+words"
        );
    }
}
