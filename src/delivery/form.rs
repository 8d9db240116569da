//! Decoding of `application/x-www-form-urlencoded` deliveries with PHP-style
//! nested keys, and of form fields that hold a JSON document.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{invalid, max_depth_of_members, FORM, FORM_WITH_JSON, MAX_DEPTH, MAX_FORM_FIELDS};
use crate::error::{Error, Result};

/// Maximum length of a field name quoted in an error message, in characters.
const MAX_QUOTED_CHARS: usize = 60;

/// One `name=value` pair after percent-decoding.
struct Field {
    name: String,
    value: String,
    /// Byte offset of the field in the body, for error messages.
    offset: usize,
}

/// One bracketed key of a field name: `[video]` or the appending `[]`.
enum Key<'a> {
    Name(&'a str),
    Append,
}

/// A decoded value: a leaf (a form string, or the JSON document of a JSON
/// field) or a table of named children.
enum Node {
    Leaf(Value),
    Table(Table),
}

/// Children in insertion order, indexed by key, so that each insertion costs
/// a hash lookup per level rather than a scan.
#[derive(Default)]
struct Table {
    entries: Vec<(String, Node)>,
    positions: HashMap<String, usize>,
    /// The key that `[]` appends: one more than the largest numeric key, as in PHP.
    next_index: u64,
}

/// Decodes a form body into the delivery's top-level object and returns it
/// with the name of the encoding found: `form`, or `form with a JSON field`.
pub(super) fn decode(body: &[u8]) -> Result<(Map<String, Value>, &'static str)> {
    let fields = split_fields(body)?;
    let only_field = fields.len() == 1;
    let mut root = Table::default();
    let mut encoding = FORM;

    for field in &fields {
        if is_json_candidate(field) && (only_field || field.name == "json" || field.name == "data") {
            let document = parse_json_field(field)?;
            encoding = FORM_WITH_JSON;

            // The `json` field, or a lone field, contains the whole delivery.
            // A `data` field contains the `data` object, unless it is the
            // only field and its document has the top-level fields itself.
            // NOTE: Ziggeo does not document its `jsonheader` encoding, so
            // these field names are an informed guess.
            let whole_delivery = field.name != "data"
                || (only_field && (document.contains_key("event_type") || document.contains_key("ziggeo_validation")));
            // The document's members sit at the top level of the delivery,
            // or one level lower inside `data`.
            let depth = if whole_delivery { 1 } else { 2 } + max_depth_of_members(&document);
            if depth > MAX_DEPTH {
                return Err(invalid(
                    FORM_WITH_JSON,
                    format!(
                        "the field {} at byte {} makes the delivery nest {depth} levels deep, more than the \
                         maximum of {MAX_DEPTH}",
                        quote(&field.name),
                        field.offset
                    ),
                ));
            }

            if whole_delivery {
                for (name, value) in document {
                    root.set(name, Node::Leaf(value));
                }
            } else {
                root.set(field.name.clone(), Node::Leaf(Value::Object(document)));
            }
            continue;
        }

        let keys = parse_name(field)?;
        root.insert(
            &field.name[..base_len(&field.name)],
            &keys,
            Node::Leaf(Value::String(field.value.clone())),
        )?;
    }

    Ok((root.into_object(), encoding))
}

/// Splits the body at `&` and percent-decodes each name and value.
fn split_fields(body: &[u8]) -> Result<Vec<Field>> {
    let mut fields = Vec::new();
    let mut offset = 0;

    for segment in body.split(|&byte| byte == b'&') {
        let segment_offset = offset;
        offset += segment.len() + 1;
        if segment.is_empty() {
            continue;
        }
        if fields.len() == MAX_FORM_FIELDS {
            return Err(invalid(
                FORM,
                format!("the form has more than {MAX_FORM_FIELDS} fields, the maximum for a delivery"),
            ));
        }

        let (raw_name, raw_value, value_offset) = match segment.iter().position(|&byte| byte == b'=') {
            Some(equals) => (&segment[..equals], &segment[equals + 1..], segment_offset + equals + 1),
            None => (segment, &segment[segment.len()..], segment_offset + segment.len()),
        };
        let name = decode_component(raw_name, segment_offset, "name")?;
        if name.is_empty() {
            return Err(invalid(
                FORM,
                format!("the field at byte {segment_offset} has an empty name; every field needs a name before its ="),
            ));
        }
        let value = decode_component(raw_value, value_offset, "value")?;
        fields.push(Field {
            name,
            value,
            offset: segment_offset,
        });
    }
    Ok(fields)
}

/// Percent-decodes one name or value, with `+` as a space, then checks that
/// the bytes are UTF-8. `offset` is the component's byte offset in the body.
fn decode_component(raw: &[u8], offset: usize, part: &str) -> Result<String> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut index = 0;

    while index < raw.len() {
        match raw[index] {
            b'+' => {
                bytes.push(b' ');
                index += 1;
            }
            b'%' => {
                let high = raw.get(index + 1).copied().and_then(hex_digit);
                let low = raw.get(index + 2).copied().and_then(hex_digit);
                let (Some(high), Some(low)) = (high, low) else {
                    let end = (index + 3).min(raw.len());
                    return Err(invalid(
                        FORM,
                        format!(
                            "bad percent escape {:?} at byte {} of the body; a % must be followed by two hex \
                             digits, so send a literal % as %25",
                            String::from_utf8_lossy(&raw[index..end]),
                            offset + index
                        ),
                    ));
                };
                bytes.push(high << 4 | low);
                index += 3;
            }
            byte => {
                bytes.push(byte);
                index += 1;
            }
        }
    }

    String::from_utf8(bytes).map_err(|error| {
        invalid(
            FORM,
            format!(
                "the field {part} at byte {offset} is not valid UTF-8 after percent-decoding (invalid byte at \
                 offset {} of the decoded {part}); form text must be UTF-8",
                error.utf8_error().valid_up_to()
            ),
        )
    })
}

fn hex_digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Returns the length of a field name's base, the part before the first `[`.
fn base_len(name: &str) -> usize {
    name.find('[').unwrap_or(name.len())
}

/// Parses the bracketed keys after a field name's base: `data[video][tags][]`
/// gives `video`, `tags` and an append.
fn parse_name(field: &Field) -> Result<Vec<Key<'_>>> {
    let name = field.name.as_str();
    let base = &name[..base_len(name)];
    let malformed = |problem: &str| {
        invalid(
            FORM,
            format!("the field name {} at byte {} {problem}", quote(name), field.offset),
        )
    };

    if base.is_empty() {
        return Err(malformed(
            "starts with [; a nested name is written like data[video][token]",
        ));
    }
    if base.contains(']') {
        return Err(malformed("has a ] without a matching ["));
    }

    let mut keys = Vec::new();
    let mut rest = &name[base.len()..];
    while !rest.is_empty() {
        if !rest.starts_with('[') {
            return Err(malformed("has text after a ] that is not in brackets"));
        }
        let Some(close) = rest.find(']') else {
            return Err(malformed("has a [ without a matching ]"));
        };
        let key = &rest[1..close];
        if key.contains('[') {
            return Err(malformed(
                "has a [ inside brackets; write nested keys one after another, like a[b][c]",
            ));
        }
        // The top-level object and the base's own level count too.
        if keys.len() + 2 > MAX_DEPTH {
            return Err(malformed(&format!(
                "nests more than {MAX_DEPTH} levels deep, the maximum for a delivery"
            )));
        }
        keys.push(if key.is_empty() { Key::Append } else { Key::Name(key) });
        rest = &rest[close + 1..];
    }
    Ok(keys)
}

/// Returns whether a plain field's value looks like a JSON object.
fn is_json_candidate(field: &Field) -> bool {
    !field.name.contains('[') && !field.name.contains(']') && field.value.trim_start().starts_with('{')
}

/// Parses a field's value as a JSON object.
fn parse_json_field(field: &Field) -> Result<Map<String, Value>> {
    let failed = |problem: String| {
        invalid(
            FORM_WITH_JSON,
            format!("the field {} at byte {} {problem}", quote(&field.name), field.offset),
        )
    };

    match serde_json::from_str::<Value>(&field.value) {
        Ok(Value::Object(document)) => Ok(document),
        Ok(_) => Err(failed("does not hold a JSON object".to_string())),
        Err(error) => Err(failed(format!("does not hold valid JSON: {error}"))),
    }
}

/// Quotes a field name for an error message, cut to [`MAX_QUOTED_CHARS`].
fn quote(name: &str) -> String {
    match name.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("{:?}...", &name[..cut]),
        None => format!("{name:?}"),
    }
}

impl Table {
    /// Inserts `node` under `base` and then each key in turn, replacing
    /// whatever value an earlier field left on the way, as PHP does.
    fn insert(&mut self, base: &str, keys: &[Key<'_>], node: Node) -> Result<()> {
        let Some((last, parents)) = keys.split_last() else {
            self.set(base.to_string(), node);
            return Ok(());
        };

        let mut table = self.child_table(base.to_string())?;
        for key in parents {
            let name = table.resolve(key);
            table = table.child_table(name)?;
        }
        let name = table.resolve(last);
        table.set(name, node);
        Ok(())
    }

    /// Returns the key's name, allocating the next index for `[]`.
    fn resolve(&mut self, key: &Key<'_>) -> String {
        match key {
            Key::Name(name) => name.to_string(),
            Key::Append => self.next_index.to_string(),
        }
    }

    /// Returns the position of `name`, adding an entry holding `node` if
    /// it is new, else replacing the entry's node when `replace` is set.
    fn position(&mut self, name: String, node: impl FnOnce() -> Node, replace: bool) -> usize {
        if let Some(index) = canonical_index(&name) {
            self.next_index = self.next_index.max(index.saturating_add(1));
        }
        match self.positions.get(&name) {
            Some(&position) => {
                if replace {
                    self.entries[position].1 = node();
                }
                position
            }
            None => {
                let position = self.entries.len();
                self.positions.insert(name.clone(), position);
                self.entries.push((name, node()));
                position
            }
        }
    }

    fn set(&mut self, name: String, node: Node) {
        self.position(name, || node, true);
    }

    /// Returns the child table `name`, creating it, or replacing a leaf.
    fn child_table(&mut self, name: String) -> Result<&mut Table> {
        let position = self.position(name, || Node::Table(Table::default()), false);
        let slot = &mut self.entries[position].1;
        if let Node::Leaf(_) = slot {
            *slot = Node::Table(Table::default());
        }
        match slot {
            Node::Table(table) => Ok(table),
            Node::Leaf(_) => Err(Error::Internal(
                "a form table entry is still a leaf after replacement".into(),
            )),
        }
    }

    /// Converts the table into a JSON object.
    fn into_object(self) -> Map<String, Value> {
        self.entries
            .into_iter()
            .map(|(name, node)| (name, node.into_value()))
            .collect()
    }

    /// Returns whether the keys run `0, 1, ..., n-1` in order, which makes an array.
    fn is_array(&self) -> bool {
        self.entries
            .iter()
            .enumerate()
            .all(|(position, (name, _))| canonical_index(name) == Some(position as u64))
    }
}

impl Node {
    /// Converts the node into JSON. Recursion is bounded by [`MAX_DEPTH`],
    /// which [`parse_name`] enforces.
    fn into_value(self) -> Value {
        match self {
            Node::Leaf(value) => value,
            Node::Table(table) if table.is_array() && !table.entries.is_empty() => {
                Value::Array(table.entries.into_iter().map(|(_, node)| node.into_value()).collect())
            }
            Node::Table(table) => Value::Object(table.into_object()),
        }
    }
}

/// Parses a key written as a decimal index without sign or leading zero.
fn canonical_index(name: &str) -> Option<u64> {
    let canonical =
        !name.is_empty() && name.bytes().all(|byte| byte.is_ascii_digit()) && (name == "0" || !name.starts_with('0'));
    if canonical {
        name.parse().ok()
    } else {
        None
    }
}
