//! The three webhook calls: argument checks and form bodies.
//!
//! Every argument is checked before a request is sent. Values go on the wire
//! exactly as given: no URL normalisation and no numeric conversion, so a
//! validation code `012345` stays `012345`.

use std::fmt;
use std::str::FromStr;

use crate::client::{Client, Replay};
use crate::error::{quote, Error, Result};
use crate::form;

/// Path of the call that registers a webhook.
pub const CREATE_PATH: &str = "/v1/api/hook";
/// Path of the call that confirms a webhook with its validation code.
pub const CONFIRM_PATH: &str = "/v1/api/confirmhook";
/// Path of the call that removes every webhook with a target URL.
pub const DELETE_PATH: &str = "/v1/api/removehook";

/// The encoding of the deliveries Ziggeo POSTs to a webhook's target URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// A JSON body.
    Json,
    /// A JSON body, with the event type also in a header.
    JsonHeader,
    /// A urlencoded form with PHP-style nested keys (`data[video][token]`).
    Form,
}

impl Encoding {
    /// Returns the name the API uses for this encoding.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Json => "json",
            Encoding::JsonHeader => "jsonheader",
            Encoding::Form => "form",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

impl FromStr for Encoding {
    type Err = Error;

    /// Parses `json`, `jsonheader` or `form`, exactly as the API spells them.
    fn from_str(text: &str) -> Result<Self> {
        match text {
            "json" => Ok(Encoding::Json),
            "jsonheader" => Ok(Encoding::JsonHeader),
            "form" => Ok(Encoding::Form),
            other => Err(Error::invalid(
                "encoding",
                format!("{} is not an encoding; use \"json\", \"jsonheader\" or \"form\", or leave it out for the server's default", quote(other)),
            )),
        }
    }
}

/// A checked list of event names, sent as one comma-separated value.
///
/// Names are trimmed of surrounding whitespace and must be non-empty and made
/// of `a-z`, `0-9` and `_`. Names the library does not know are allowed,
/// because Ziggeo adds events over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Events(Vec<String>);

impl Events {
    /// Checks a comma-separated list such as `"video_ready, video_delete"`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] naming the first bad item.
    pub fn parse(list: &str) -> Result<Self> {
        if list.trim().is_empty() {
            return Self::from_names(std::iter::empty::<&str>());
        }
        Self::from_names(list.split(','))
    }

    /// Checks a list of names, one name per item.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] naming the first bad item.
    pub fn from_names<I, S>(names: I) -> Result<Self>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut checked = Vec::new();
        for (index, name) in names.into_iter().enumerate() {
            checked.push(check_event_name(index, name.as_ref())?);
        }

        if checked.is_empty() {
            return Err(Error::invalid(
                "events",
                "the list is empty; name at least one event, for example \"video_ready\"",
            ));
        }
        Ok(Events(checked))
    }

    /// Returns the names, trimmed, in the given order.
    pub fn names(&self) -> &[String] {
        &self.0
    }

    /// Returns the comma-separated form sent to the API.
    pub fn to_csv(&self) -> String {
        self.0.join(",")
    }
}

fn check_event_name(index: usize, raw: &str) -> Result<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(Error::invalid(
            "events",
            format!(
                "item {} is empty; remove the extra comma or name an event there",
                index + 1
            ),
        ));
    }

    let valid = name
        .bytes()
        .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'_');
    if !valid {
        return Err(Error::invalid(
            "events",
            format!(
                "{} is not an event name; names use only a-z, 0-9 and _, such as \"video_ready\"",
                quote(name)
            ),
        ));
    }
    Ok(name.to_owned())
}

/// Values that can be turned into a checked [`Events`] list: a
/// comma-separated string, or a slice, array or vector of names.
pub trait IntoEvents {
    /// Checks the names and returns them as [`Events`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] naming the first bad item.
    fn into_events(self) -> Result<Events>;
}

impl IntoEvents for Events {
    fn into_events(self) -> Result<Events> {
        Ok(self)
    }
}

impl IntoEvents for &Events {
    fn into_events(self) -> Result<Events> {
        Ok(self.clone())
    }
}

impl IntoEvents for &str {
    fn into_events(self) -> Result<Events> {
        Events::parse(self)
    }
}

impl IntoEvents for &String {
    fn into_events(self) -> Result<Events> {
        Events::parse(self)
    }
}

impl<S: AsRef<str>> IntoEvents for &[S] {
    fn into_events(self) -> Result<Events> {
        Events::from_names(self)
    }
}

impl<S: AsRef<str>, const N: usize> IntoEvents for [S; N] {
    fn into_events(self) -> Result<Events> {
        Events::from_names(self)
    }
}

impl<S: AsRef<str>> IntoEvents for Vec<S> {
    fn into_events(self) -> Result<Events> {
        Events::from_names(self)
    }
}

/// Checks that `url` is an absolute http or https URL with a host.
///
/// The URL is not normalised, so the caller can send it byte for byte.
pub fn check_target_url(url: &str) -> Result<()> {
    let rest = strip_scheme(url).ok_or_else(|| {
        Error::invalid(
            "target_url",
            format!("{} is not an absolute http or https URL; write it in full, such as \"https://example.com/ziggeo-hook\"", quote(url)),
        )
    })?;

    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    if host.is_empty() || host.starts_with(':') {
        return Err(Error::invalid(
            "target_url",
            format!(
                "{} has no host; write the host after the scheme, such as \"https://example.com/ziggeo-hook\"",
                quote(url)
            ),
        ));
    }

    if let Some(position) = url.find(|c: char| c.is_control()) {
        return Err(Error::invalid(
            "target_url",
            format!(
                "{} contains a control character at byte {position}; remove it or percent-encode it",
                quote(url)
            ),
        ));
    }
    Ok(())
}

fn strip_scheme(url: &str) -> Option<&str> {
    ["https://", "http://"].iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        if head.eq_ignore_ascii_case(scheme) {
            url.get(scheme.len()..)
        } else {
            None
        }
    })
}

fn check_non_empty(parameter: &'static str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid(
            parameter,
            format!(
                "it is empty; pass the {} that Ziggeo sent to the target URL",
                parameter.replace('_', " ")
            ),
        ));
    }
    Ok(())
}

/// The webhook calls of one [`Client`], returned by [`Client::webhooks`].
///
/// It borrows the client and is as thread-safe as the client is.
#[derive(Clone, Copy, Debug)]
pub struct Webhooks<'a> {
    client: &'a Client,
}

impl<'a> Webhooks<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Webhooks { client }
    }

    /// Registers a webhook: Ziggeo will POST the listed events to
    /// `target_url`. Returns the response body, which is the webhook id.
    ///
    /// `encoding` `None` leaves the field out, so the server's default
    /// applies. create is never sent twice once the request may have reached
    /// the server, because several webhooks may share a URL.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a bad argument, before anything is
    /// sent, and any transport or HTTP error. A timeout or broken connection
    /// after sending has [`Error::outcome_unknown`] set: the webhook may exist.
    pub fn create(&self, target_url: &str, encoding: Option<Encoding>, events: impl IntoEvents) -> Result<String> {
        check_target_url(target_url)?;
        let events = events.into_events()?.to_csv();

        let mut pairs = vec![("target_url", target_url)];
        if let Some(encoding) = encoding {
            pairs.push(("encoding", encoding.as_str()));
        }
        pairs.push(("events", &events));

        let webhook_id = self
            .client
            .post("create", CREATE_PATH, form::encode(&pairs), Replay::Never)?;
        if webhook_id.trim().is_empty() {
            return Err(Error::InvalidResponse {
                call: "create",
                url: self.client.base_url().to_owned(),
                detail: String::from("the server responded 2xx with an empty body instead of the webhook id"),
                outcome_unknown: true,
            });
        }
        Ok(webhook_id)
    }

    /// Confirms a webhook with the validation code Ziggeo sent to its target
    /// URL. Returns the response body.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for an empty argument, and any transport or
    /// HTTP error.
    pub fn confirm(&self, webhook_id: &str, validation_code: &str) -> Result<String> {
        check_non_empty("webhook_id", webhook_id)?;
        check_non_empty("validation_code", validation_code)?;

        let body = form::encode(&[("webhook_id", webhook_id), ("validation_code", validation_code)]);
        self.client
            .post("confirm", CONFIRM_PATH, body, Replay::OnRetryableStatus)
    }

    /// Removes every webhook whose target URL is exactly `target_url`.
    /// Returns the response body.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a bad URL, and any transport or HTTP
    /// error.
    pub fn delete(&self, target_url: &str) -> Result<String> {
        check_target_url(target_url)?;

        let body = form::encode(&[("target_url", target_url)]);
        self.client.post("delete", DELETE_PATH, body, Replay::OnRetryableStatus)
    }

    /// Confirms the webhook named in a parsed validation delivery.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when the delivery is not a validation call
    /// or lacks the webhook id or code, and any error of [`Webhooks::confirm`].
    pub fn confirm_delivery(&self, delivery: &crate::Delivery) -> Result<String> {
        let (webhook_id, validation_code) = delivery.validation()?;
        self.confirm(webhook_id, validation_code)
    }
}

#[cfg(test)]
mod tests;
