//! Form fields of an API request, from an `application/x-www-form-urlencoded`
//! or a `multipart/form-data` body.

use bytes::Bytes;

/// Reason a body could not be read as a form, with the HTTP status to respond with.
#[derive(Debug)]
pub(crate) struct FormError {
    pub status: u16,
    pub message: String,
}

impl FormError {
    fn malformed(message: String) -> FormError {
        FormError { status: 400, message }
    }
}

/// Fields of a form in the order received. A repeated name keeps its last value,
/// as PHP does.
#[derive(Debug, Default)]
pub(crate) struct Form {
    fields: Vec<(String, String)>,
}

impl Form {
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Parses `body` according to `content_type`. A missing Content-Type is read as
/// urlencoded, as most servers do.
pub(crate) async fn parse(content_type: Option<&str>, body: Bytes) -> Result<Form, FormError> {
    let media_type = content_type
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase());
    match media_type.as_deref() {
        None | Some("") | Some("application/x-www-form-urlencoded") => parse_urlencoded(&body),
        Some("multipart/form-data") => {
            // `media_type` is only set when `content_type` is.
            parse_multipart(content_type.unwrap_or_default(), body).await
        }
        Some(other) => Err(FormError {
            status: 415,
            message: format!(
                "unsupported Content-Type {other:?}; send the fields as \
                 application/x-www-form-urlencoded or multipart/form-data"
            ),
        }),
    }
}

/// Parses a urlencoded body strictly: it must be UTF-8, every `%` must start a
/// two-digit hex escape, and the decoded text must be UTF-8.
fn parse_urlencoded(body: &[u8]) -> Result<Form, FormError> {
    let text = std::str::from_utf8(body)
        .map_err(|_| FormError::malformed("malformed form body: it is not valid UTF-8".to_owned()))?;
    let mut form = Form::default();
    for pair in text.split('&').filter(|pair| !pair.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode_component(raw_key)?;
        let value = decode_component(raw_value)?;
        form.fields.push((key, value));
    }
    Ok(form)
}

fn decode_component(raw: &str) -> Result<String, FormError> {
    let bytes = raw.as_bytes();
    for (index, byte) in bytes.iter().enumerate() {
        let is_valid_escape = bytes
            .get(index + 1..index + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit));
        if *byte == b'%' && !is_valid_escape {
            return Err(FormError::malformed(format!(
                "malformed form body: {raw:?} has a '%' that is not followed by two hex digits; \
                 encode '%' as %25"
            )));
        }
    }
    let plus_as_space = raw.replace('+', " ");
    percent_encoding::percent_decode_str(&plus_as_space)
        .decode_utf8()
        .map(|decoded| decoded.into_owned())
        .map_err(|_| FormError::malformed(format!("malformed form body: {raw:?} does not decode to valid UTF-8")))
}

async fn parse_multipart(content_type: &str, body: Bytes) -> Result<Form, FormError> {
    let boundary = multer::parse_boundary(content_type)
        .map_err(|e| FormError::malformed(format!("malformed multipart/form-data Content-Type: {e}")))?;
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut form = Form::default();
    loop {
        let field = multipart
            .next_field()
            .await
            .map_err(|e| FormError::malformed(format!("malformed multipart/form-data body: {e}")))?;
        let Some(field) = field else {
            return Ok(form);
        };
        let name = field.name().unwrap_or_default().to_owned();
        let value = field
            .text()
            .await
            .map_err(|e| FormError::malformed(format!("malformed multipart/form-data body in field {name:?}: {e}")))?;
        form.fields.push((name, value));
    }
}
