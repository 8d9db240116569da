//! A registered webhook, its encoding, the known event types and the recorded
//! outcome of each outgoing call.

use serde::Serialize;

/// Event types that `events` may name. The real server has more, and this
/// list may grow.
pub(crate) const KNOWN_EVENTS: &[&str] = &[
    "video_create",
    "video_delete",
    "video_marked_as_deleted",
    "video_restored",
    "video_ready",
    "video_transit_success",
    "video_failed",
    "video_approve",
    "video_reject",
    "video_transcription",
    "video_transcription_failed",
    "video_analysis",
    "video_nsfw_analysis",
    "video_stream_push_success",
    "video_streams_ready",
    "video_update",
    "video_stream_failed",
    "stream_ready",
    "stream_failed",
    "stream_transit_success",
    "stream_delete",
    "audio_create",
    "audio_ready",
    "audio_failed",
    "audio_delete",
    "image_create",
    "image_ready",
    "image_failed",
    "image_delete",
];

/// Body format of the deliveries to a webhook's target URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Encoding {
    Json,
    JsonHeader,
    Form,
}

impl Encoding {
    pub(crate) fn parse(value: &str) -> Option<Encoding> {
        match value {
            "json" => Some(Encoding::Json),
            "jsonheader" => Some(Encoding::JsonHeader),
            "form" => Some(Encoding::Form),
            _ => None,
        }
    }
}

/// Result of one outgoing call to a target URL: `ok` is true for a 2xx response,
/// `status` is set whenever a response arrived, `error` whenever `ok` is false.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Outcome {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Outcome {
    pub(crate) fn from_status(status: u16) -> Outcome {
        let ok = (200..300).contains(&status);
        Outcome {
            ok,
            status: Some(status),
            error: (!ok).then(|| format!("target URL responded with HTTP {status}")),
        }
    }

    pub(crate) fn failed(error: String) -> Outcome {
        Outcome {
            ok: false,
            status: None,
            error: Some(error),
        }
    }
}

/// Outcomes of the two handshake steps; `None` while a step has not finished.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct Handshake {
    pub ping: Option<Outcome>,
    pub validation: Option<Outcome>,
}

/// One event delivery to a webhook.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct DeliveryRecord {
    pub event_type: String,
    pub outcome: Outcome,
}

/// A webhook as `GET /_sandbox/webhooks` lists it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Webhook {
    pub id: String,
    pub app_token: String,
    pub target_url: String,
    pub encoding: Encoding,
    pub events: Vec<String>,
    pub confirmed: bool,
    pub validation_code: u32,
    pub handshake: Handshake,
    pub deliveries: Vec<DeliveryRecord>,
}

/// Returns a fresh webhook id: 32 lowercase hex digits.
pub(crate) fn new_webhook_id() -> String {
    format!("{:032x}", fastrand::u128(..))
}

/// Returns a fresh 6-digit validation code.
pub(crate) fn new_validation_code() -> u32 {
    fastrand::u32(100_000..=999_999)
}
