//! Bodies of the calls to a target URL (ping, validation, event) in each encoding.

use serde::Serialize;
use serde_json::Value;

use crate::webhook::Encoding;

/// Text of the `message` field of the ping.
pub(crate) const PING_MESSAGE: &str = "Ziggeo webhook reachability check from ziggeo-sandbox; answer with HTTP 200";

/// One outgoing POST: its Content-Type, extra headers and body.
#[derive(Clone, Debug)]
pub(crate) struct Payload {
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

const JSON: &str = "application/json";
const FORM: &str = "application/x-www-form-urlencoded";

#[derive(Serialize)]
struct Ping<'a> {
    ziggeo_validation: bool,
    message: &'a str,
}

#[derive(Serialize)]
struct Validation<'a> {
    ziggeo_validation: bool,
    validation_code: Value,
    webhook_id: &'a str,
}

#[derive(Serialize)]
struct Event<'a> {
    event_type: &'a str,
    data: &'a Value,
}

/// A form field whose key is a path: `["data", "video", "token"]` is sent as
/// `data[video][token]`.
type FormField = (Vec<String>, String);

fn field(path: &[&str], value: String) -> FormField {
    (path.iter().map(|segment| (*segment).to_owned()).collect(), value)
}

/// Builds the reachability ping, the first handshake step.
pub(crate) fn ping(encoding: Encoding) -> Payload {
    match encoding {
        Encoding::Json | Encoding::JsonHeader => json_payload(&Ping {
            ziggeo_validation: true,
            message: PING_MESSAGE,
        }),
        Encoding::Form => form_payload(&[
            field(&["ziggeo_validation"], "true".to_owned()),
            field(&["message"], PING_MESSAGE.to_owned()),
        ]),
    }
}

/// Builds the validation call, the second handshake step. `json` sends the code
/// as a JSON number, `jsonheader` as a JSON string, `form` nested under `data`.
pub(crate) fn validation(encoding: Encoding, webhook_id: &str, code: u32) -> Payload {
    match encoding {
        Encoding::Json => json_payload(&Validation {
            ziggeo_validation: true,
            validation_code: Value::from(code),
            webhook_id,
        }),
        Encoding::JsonHeader => json_payload(&Validation {
            ziggeo_validation: true,
            validation_code: Value::from(code.to_string()),
            webhook_id,
        }),
        Encoding::Form => form_payload(&[
            field(&["ziggeo_validation"], "true".to_owned()),
            field(&["data", "webhook_id"], webhook_id.to_owned()),
            field(&["data", "validation_code"], code.to_string()),
        ]),
    }
}

/// Builds an event delivery. `jsonheader` also sends `X-Ziggeo-Event`.
pub(crate) fn event(encoding: Encoding, event_type: &str, data: &Value) -> Payload {
    match encoding {
        Encoding::Json => json_payload(&Event { event_type, data }),
        Encoding::JsonHeader => {
            let mut payload = json_payload(&Event { event_type, data });
            payload.headers.push(("X-Ziggeo-Event", event_type.to_owned()));
            payload
        }
        Encoding::Form => {
            let mut fields = vec![field(&["event_type"], event_type.to_owned())];
            flatten_php_style(&mut vec!["data".to_owned()], data, &mut fields);
            form_payload(&fields)
        }
    }
}

fn json_payload(value: &impl Serialize) -> Payload {
    Payload {
        content_type: JSON,
        headers: Vec::new(),
        // Serializing these structs of strings, bools and `Value`s cannot fail.
        body: serde_json::to_vec(value).unwrap_or_default(),
    }
}

/// Encodes `fields` as a urlencoded form. Every key segment and value is
/// encoded as WHATWG `application/x-www-form-urlencoded` does (space as `+`),
/// and the brackets that nest the segments stay literal.
fn form_payload(fields: &[FormField]) -> Payload {
    let pairs: Vec<String> = fields
        .iter()
        .map(|(path, value)| format!("{}={}", encode_key(path), encode_component(value)))
        .collect();
    Payload {
        content_type: FORM,
        headers: Vec::new(),
        body: pairs.join("&").into_bytes(),
    }
}

fn encode_key(path: &[String]) -> String {
    let mut key = String::new();
    for (index, segment) in path.iter().enumerate() {
        if index == 0 {
            key.push_str(&encode_component(segment));
        } else {
            key.push('[');
            key.push_str(&encode_component(segment));
            key.push(']');
        }
    }
    key
}

fn encode_component(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Flattens `value` into PHP-style form fields: objects as `key[name]`,
/// arrays as `key[0]`, booleans as `true`/`false`, null as an empty value.
/// Empty objects and arrays produce no field, as PHP's `http_build_query` does.
fn flatten_php_style(path: &mut Vec<String>, value: &Value, out: &mut Vec<FormField>) {
    match value {
        Value::Object(map) => {
            for (name, inner) in map {
                path.push(name.clone());
                flatten_php_style(path, inner, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                path.push(index.to_string());
                flatten_php_style(path, inner, out);
                path.pop();
            }
        }
        Value::String(text) => out.push((path.clone(), text.clone())),
        Value::Bool(flag) => out.push((path.clone(), flag.to_string())),
        Value::Number(number) => out.push((path.clone(), number.to_string())),
        Value::Null => out.push((path.clone(), String::new())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_event_nests_objects_and_arrays() {
        let data = serde_json::json!({
            "video": {"token": "a b+c", "tags": ["x", "y&z"], "ok": true, "gone": null, "n": 1.5}
        });
        let payload = event(Encoding::Form, "video_ready", &data);
        let body = String::from_utf8(payload.body).unwrap();
        assert_eq!(
            body,
            "event_type=video_ready&data[video][gone]=&data[video][n]=1.5&data[video][ok]=true\
             &data[video][tags][0]=x&data[video][tags][1]=y%26z&data[video][token]=a+b%2Bc"
        );
    }

    #[test]
    fn form_key_escapes_brackets_in_names() {
        let data = serde_json::json!({"a[b]": "v"});
        let payload = event(Encoding::Form, "video_ready", &data);
        let body = String::from_utf8(payload.body).unwrap();
        assert_eq!(body, "event_type=video_ready&data[a%5Bb%5D]=v");
    }
}
