//! Admin routes under `/_sandbox/`: no authentication, JSON in and out.

use std::sync::Arc;

use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{json, method_not_allowed, read_body, ResponseBody};
use crate::delivery;
use crate::state::{lock, AppState};
use crate::webhook::Webhook;

pub(super) async fn handle(request: Request<Incoming>, state: &Arc<AppState>) -> Response<ResponseBody> {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    match (path.as_str(), method) {
        ("/_sandbox/webhooks", Method::GET) => {
            let webhooks = lock(&state.webhooks).to_vec();
            json(StatusCode::OK, &WebhookList { webhooks })
        }
        ("/_sandbox/webhooks", _) => method_not_allowed("GET", &path),

        ("/_sandbox/events", Method::POST) => fire_event(request, state).await,
        ("/_sandbox/events", _) => method_not_allowed("POST", &path),

        ("/_sandbox/faults", Method::POST) => queue_faults(request, state).await,
        ("/_sandbox/faults", Method::DELETE) => {
            lock(&state.faults).clear();
            json(StatusCode::OK, &json!({ "cleared": true }))
        }
        ("/_sandbox/faults", _) => method_not_allowed("POST, DELETE", &path),

        ("/_sandbox/requests", Method::GET) => {
            let counts = lock(&state.requests).clone();
            json(StatusCode::OK, &counts)
        }
        ("/_sandbox/requests", _) => method_not_allowed("GET", &path),

        ("/_sandbox/reset", Method::POST) => {
            state.reset();
            json(StatusCode::OK, &json!({ "reset": true }))
        }
        ("/_sandbox/reset", _) => method_not_allowed("POST", &path),

        _ => error(
            StatusCode::NOT_FOUND,
            format!(
                "not found: {path}; the admin routes are /_sandbox/webhooks, /_sandbox/events, \
                 /_sandbox/faults, /_sandbox/requests and /_sandbox/reset"
            ),
        ),
    }
}

fn error(status: StatusCode, message: String) -> Response<ResponseBody> {
    json(status, &json!({ "error": message }))
}

/// Response body of `GET /_sandbox/webhooks`. A struct, not `json!`, so that each
/// webhook's fields keep their declared order.
#[derive(Serialize)]
struct WebhookList {
    webhooks: Vec<Webhook>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FireRequest {
    event_type: String,
    #[serde(default = "empty_object")]
    data: Value,
    app_token: Option<String>,
}

fn empty_object() -> Value {
    Value::Object(serde_json::Map::new())
}

async fn fire_event(request: Request<Incoming>, state: &Arc<AppState>) -> Response<ResponseBody> {
    let body = match read_body(request).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let fire: FireRequest = match serde_json::from_slice(&body) {
        Ok(fire) => fire,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!(
                    "invalid event JSON ({e}); expected {{\"event_type\": \"video_ready\", \
                     \"data\": {{...}}, \"app_token\": \"optional\"}}"
                ),
            )
        }
    };
    let valid_name = !fire.event_type.is_empty()
        && fire
            .event_type
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !valid_name {
        return error(
            StatusCode::BAD_REQUEST,
            format!(
                "invalid event_type {:?}; use lowercase letters, digits and '_', such as \
                 video_ready",
                fire.event_type
            ),
        );
    }

    let summary = delivery::fire_event(state, &fire.event_type, &fire.data, fire.app_token.as_deref()).await;
    json(StatusCode::OK, &summary)
}

async fn queue_faults(request: Request<Incoming>, state: &Arc<AppState>) -> Response<ResponseBody> {
    let body = match read_body(request).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let queued = lock(&state.faults).push_json(&body);
    match queued {
        Ok(count) => json(StatusCode::OK, &json!({ "queued": count })),
        Err(message) => error(StatusCode::BAD_REQUEST, message),
    }
}
