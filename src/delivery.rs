//! Parsing of what Ziggeo POSTs to a webhook's target URL.
//!
//! After a webhook is created, Ziggeo sends three kinds of delivery:
//!
//! - the reachability **ping**, `{"ziggeo_validation": true, "message": "..."}`,
//!   which the receiver must acknowledge with HTTP 200;
//! - the **validation** call, carrying `validation_code` and `webhook_id`,
//!   which the receiver passes to confirm. Newer calls put both at the top
//!   level next to the `ziggeo_validation` marker. Older calls nest them
//!   under `data` and lack the marker. The code arrives as a JSON number
//!   (`482913`) or as a string (`"012345"`);
//! - **events**, `{"event_type": "video_ready", "data": {"video": {...}}}`.
//!
//! # Accepted encodings
//!
//! - `json`: a JSON object as the body.
//! - `form`: an `application/x-www-form-urlencoded` body with PHP-style
//!   nested keys. `data[video][token]=abc` becomes
//!   `{"data": {"video": {"token": "abc"}}}`. Numeric keys that run
//!   `0, 1, ..., n-1` in order build an array, other keys an object, and an
//!   empty `[]` appends the next index. A repeated key keeps the last value,
//!   as in PHP. A form cannot carry JSON types, so every value is a string:
//!   numbers and booleans arrive as `"482913"` or `"true"`.
//! - `form with a JSON field` (Ziggeo's undocumented `jsonheader` encoding is
//!   handled by this and by `json`): a form whose `json` field, or whose only
//!   field, holds the whole delivery as a JSON object, or whose `data` field
//!   holds the `data` object as JSON next to plain fields such as
//!   `event_type`.
//!
//! The same delivery gives the same [`Delivery::json`] in every encoding,
//! except that a form turns JSON numbers and booleans into strings.
//!
//! The `Content-Type` header selects the encoding. Its media type is compared
//! case-insensitively and its parameters (`; charset=UTF-8`) are ignored.
//! `application/json`, `text/json` and any `+json` type select `json`, and
//! `application/x-www-form-urlencoded` selects a form. When the header is
//! missing or names another type, the body is sniffed: a body whose first
//! non-whitespace byte is `{` is read as JSON, anything else as a form. A
//! form-typed body that is itself one JSON object is also read as JSON.
//!
//! Nesting is limited to [`MAX_DEPTH`] levels and a form to
//! [`MAX_FORM_FIELDS`] fields, so no body makes the parser recurse without
//! limit or run for long; parsing takes time linear in the body's size.
//!
//! # Ownership and threads
//!
//! [`Delivery::parse`] borrows the body only for the call and returns a
//! `Delivery` that owns all its values. A `Delivery` is immutable, `Send` and
//! `Sync`, so it can be shared between threads without locking.

mod form;
#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// Maximum nesting depth of a delivery, counting the top-level object as 1.
///
/// An event nests three levels deep (the top level, `data`, `video`), so the
/// limit leaves ample room while it bounds recursion.
pub const MAX_DEPTH: usize = 32;

/// Maximum number of fields in a form-encoded delivery.
pub const MAX_FORM_FIELDS: usize = 10_000;

/// Name of the `json` encoding in errors and in [`Delivery::encoding`].
const JSON: &str = "json";
/// Name of the `form` encoding in errors and in [`Delivery::encoding`].
const FORM: &str = "form";
/// Name of the form-with-a-JSON-field encoding in errors and in [`Delivery::encoding`].
const FORM_WITH_JSON: &str = "form with a JSON field";

/// The kind of a delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeliveryKind {
    /// The reachability ping after create, to be acknowledged with HTTP 200.
    Ping,
    /// The validation call carrying the webhook id and validation code.
    Validation,
    /// An event such as `video_ready`.
    Event,
}

/// A parsed delivery: its kind, the fields that identify it, and the whole
/// body as one JSON document.
#[derive(Clone, Debug)]
pub struct Delivery {
    kind: DeliveryKind,
    encoding: &'static str,
    event_type: Option<String>,
    webhook_id: Option<String>,
    validation_code: Option<String>,
    message: Option<String>,
    json: Value,
}

/// The body encoding that the `Content-Type` header selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DeclaredEncoding {
    Json,
    Form,
    /// No header, or a media type that names neither JSON nor a form.
    Unknown,
}

impl Delivery {
    /// Parses a delivery body, given the request's `Content-Type` header if
    /// it had one.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDelivery`], naming the encoding that was tried, when
    /// the body is empty, is not valid UTF-8, is not valid JSON, is not a
    /// JSON object, is a malformed form (a bad percent escape, unbalanced
    /// brackets in a field name), nests deeper than [`MAX_DEPTH`], has more
    /// than [`MAX_FORM_FIELDS`] fields, or is neither a ping, a validation
    /// call nor an event.
    pub fn parse(content_type: Option<&str>, body: &[u8]) -> Result<Self> {
        let declared = declared_encoding(content_type);
        let content = strip_utf8_bom(body);
        let starts_with_brace = first_non_whitespace(content) == Some(b'{');

        if first_non_whitespace(content).is_none() {
            let encoding = if declared == DeclaredEncoding::Json { JSON } else { FORM };
            return Err(invalid(
                encoding,
                "the body is empty; a delivery is a JSON object or form fields".to_string(),
            ));
        }

        let (root, encoding) = match declared {
            DeclaredEncoding::Json => (parse_json(content)?, JSON),
            DeclaredEncoding::Unknown if starts_with_brace => (parse_json(content)?, JSON),
            DeclaredEncoding::Form if starts_with_brace => match parse_json(content) {
                // A form body that is one JSON object is read as JSON: as
                // a form it would be a single field named after the whole
                // document, with an empty value.
                Ok(root) => (root, JSON),
                Err(_) => form::decode(content)?,
            },
            DeclaredEncoding::Form | DeclaredEncoding::Unknown => form::decode(content)?,
        };

        Self::from_root(root, encoding)
    }

    /// Classifies a decoded top-level object and extracts its identifying fields.
    fn from_root(root: Map<String, Value>, encoding: &'static str) -> Result<Self> {
        let data = root.get("data").and_then(Value::as_object);
        let marker = root.get("ziggeo_validation").is_some_and(is_true);
        let event_type = event_type_field(&root, encoding)?;

        let top_code = identifier_field(&root, "validation_code", encoding)?;
        let data_code = match data {
            Some(data) => identifier_field(data, "validation_code", encoding)?,
            None => None,
        };

        // A code at the top level always makes a validation call. A code
        // under `data` does so only without an event_type (older validation
        // calls), or with the marker, because an event's `data` is the
        // event's own payload.
        let validation_code = match (top_code, data_code) {
            (Some(code), _) => Some((code, &root)),
            (None, Some(code)) if marker || event_type.is_none() => Some((code, data.unwrap_or(&root))),
            _ => None,
        };

        let message = root.get("message").and_then(Value::as_str).map(str::to_string);

        let (kind, webhook_id, validation_code) = if let Some((code, source)) = validation_code {
            // The webhook id is taken from the object that contains the code,
            // else from the other of the two places.
            let webhook_id = match identifier_field(source, "webhook_id", encoding)? {
                Some(id) => Some(id),
                None => {
                    let other = if std::ptr::eq(source, &root) { data } else { Some(&root) };
                    match other {
                        Some(other) => identifier_field(other, "webhook_id", encoding)?,
                        None => None,
                    }
                }
            };
            (DeliveryKind::Validation, webhook_id, Some(code))
        } else if marker {
            (DeliveryKind::Ping, None, None)
        } else if event_type.is_some() {
            let webhook_id = root.get("webhook_id").and_then(Value::as_str).map(str::to_string);
            (DeliveryKind::Event, webhook_id, None)
        } else {
            return Err(invalid(
                encoding,
                "it has neither event_type nor validation_code nor ziggeo_validation, so it is none of \
                 a ping, a validation call and an event"
                    .to_string(),
            ));
        };

        Ok(Delivery {
            kind,
            encoding,
            event_type,
            webhook_id,
            validation_code,
            message,
            json: Value::Object(root),
        })
    }

    /// Returns the kind.
    pub fn kind(&self) -> DeliveryKind {
        self.kind
    }

    /// Returns the encoding the body was read as: `json`, `form` or
    /// `form with a JSON field`.
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// Returns the top-level `event_type`, if the delivery has one.
    pub fn event_type(&self) -> Option<&str> {
        self.event_type.as_deref()
    }

    /// Returns the webhook id of a validation call, at the top level or
    /// under `data`, or the top-level `webhook_id` of another delivery.
    pub fn webhook_id(&self) -> Option<&str> {
        self.webhook_id.as_deref()
    }

    /// Returns the validation code of a validation call, exactly as sent: a
    /// string keeps its leading zeros, and a number is its decimal text.
    pub fn validation_code(&self) -> Option<&str> {
        self.validation_code.as_deref()
    }

    /// Returns the top-level `message`, which the ping carries.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Returns the whole delivery as one JSON object, the same for every
    /// encoding except that form values are strings.
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// Returns the webhook id and validation code of a validation call, the
    /// two arguments of confirm.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] on `delivery` when this is a ping or an
    /// event, or a validation call without a webhook id.
    pub fn validation(&self) -> Result<(&str, &str)> {
        match (self.kind, self.webhook_id(), self.validation_code()) {
            (DeliveryKind::Validation, Some(webhook_id), Some(code)) => Ok((webhook_id, code)),
            (DeliveryKind::Validation, _, _) => Err(Error::invalid(
                "delivery",
                "the validation call has a validation_code but no webhook_id, neither at the top level \
                 nor under data, so it cannot be confirmed",
            )),
            (DeliveryKind::Ping, _, _) => Err(Error::invalid(
                "delivery",
                "it is the reachability ping, which has no validation_code or webhook_id; answer it with \
                 HTTP 200 and wait for the validation call",
            )),
            (DeliveryKind::Event, _, _) => {
                let event_type = self.event_type().unwrap_or("unknown");
                Err(Error::invalid(
                    "delivery",
                    format!(
                        "it is an event ({event_type}), not a validation call, so it has no validation_code \
                         or webhook_id to confirm"
                    ),
                ))
            }
        }
    }
}

/// Builds an [`Error::InvalidDelivery`].
fn invalid(encoding: &'static str, detail: String) -> Error {
    Error::InvalidDelivery { encoding, detail }
}

/// Reads the media type of a `Content-Type` header, ignoring case and parameters.
fn declared_encoding(content_type: Option<&str>) -> DeclaredEncoding {
    let Some(content_type) = content_type else {
        return DeclaredEncoding::Unknown;
    };
    let media_type = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();

    if media_type == "application/json" || media_type == "text/json" || media_type.ends_with("+json") {
        DeclaredEncoding::Json
    } else if media_type == "application/x-www-form-urlencoded" {
        DeclaredEncoding::Form
    } else {
        if !media_type.is_empty() {
            log::debug!("webhook delivery has Content-Type {content_type:?}; sniffing the body's encoding");
        }
        DeclaredEncoding::Unknown
    }
}

fn strip_utf8_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
}

fn first_non_whitespace(body: &[u8]) -> Option<u8> {
    body.iter().copied().find(|byte| !byte.is_ascii_whitespace())
}

/// Parses a JSON body that must be one object within [`MAX_DEPTH`].
fn parse_json(body: &[u8]) -> Result<Map<String, Value>> {
    let text = std::str::from_utf8(body).map_err(|error| {
        invalid(
            JSON,
            format!(
                "the body is not valid UTF-8: invalid byte at offset {}; JSON must be sent as UTF-8",
                error.valid_up_to()
            ),
        )
    })?;
    let value: Value =
        serde_json::from_str(text).map_err(|error| invalid(JSON, format!("the body is not valid JSON: {error}")))?;

    let Value::Object(root) = value else {
        return Err(invalid(
            JSON,
            format!(
                "the body is a JSON {}, but a delivery must be a JSON object such as {{\"event_type\": ...}}",
                json_type_name(&value)
            ),
        ));
    };

    let depth = 1 + max_depth_of_members(&root);
    if depth > MAX_DEPTH {
        return Err(invalid(
            JSON,
            format!("the body nests {depth} levels deep, more than the maximum of {MAX_DEPTH}"),
        ));
    }
    Ok(root)
}

/// Returns the nesting depth below an object's members: 0 when no member
/// is an object or array. Iterative, so it needs no stack for deep values.
fn max_depth_of_members(object: &Map<String, Value>) -> usize {
    let mut deepest = 0;
    let mut pending: Vec<(&Value, usize)> = object.values().map(|value| (value, 1)).collect();

    while let Some((value, depth)) = pending.pop() {
        match value {
            Value::Object(members) => {
                deepest = deepest.max(depth);
                pending.extend(members.values().map(|child| (child, depth + 1)));
            }
            Value::Array(items) => {
                deepest = deepest.max(depth);
                pending.extend(items.iter().map(|child| (child, depth + 1)));
            }
            _ => {}
        }
    }
    deepest
}

fn json_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Returns whether a `ziggeo_validation` marker is set: JSON `true`, the
/// number 1, or the form strings `"true"` and `"1"`.
fn is_true(marker: &Value) -> bool {
    match marker {
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.as_u64() == Some(1),
        Value::String(text) => text.eq_ignore_ascii_case("true") || text == "1",
        _ => false,
    }
}

/// Reads `event_type`, which must be a non-empty string; `null` counts as missing.
fn event_type_field(object: &Map<String, Value>, encoding: &'static str) -> Result<Option<String>> {
    match object.get("event_type") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.is_empty() => Err(invalid(
            encoding,
            "event_type is empty; it must name an event such as video_ready".to_string(),
        )),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(other) => Err(invalid(
            encoding,
            format!(
                "event_type is a JSON {}, but it must be a string such as \"video_ready\"",
                json_type_name(other)
            ),
        )),
    }
}

/// Reads `webhook_id` or `validation_code`, which must be a non-empty string
/// or a whole number; `null` counts as missing.
///
/// A JSON integer has no sign, fraction, exponent or leading zero, and
/// serde_json prints a `u64` back as the same digits, so a numeric code is
/// kept exactly as sent.
fn identifier_field(object: &Map<String, Value>, name: &str, encoding: &'static str) -> Result<Option<String>> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.is_empty() => Err(invalid(
            encoding,
            format!("{name} is empty; it must be the value to pass to confirm"),
        )),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(Value::Number(number)) if number.is_u64() => Ok(Some(number.to_string())),
        Some(other) => Err(invalid(
            encoding,
            format!(
                "{name} is {}, but it must be a string or a whole number",
                describe_value(other)
            ),
        )),
    }
}

/// Describes a JSON value for an error message, quoting short scalars.
fn describe_value(value: &Value) -> String {
    match value {
        Value::Number(number) => format!("the number {number}"),
        Value::Bool(flag) => format!("the boolean {flag}"),
        other => format!("a JSON {}", json_type_name(other)),
    }
}
