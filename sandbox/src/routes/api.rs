//! The API routes: create (`hook`), confirm (`confirmhook`) and delete
//! (`removehook`) webhooks of the authenticated application.

use std::sync::Arc;

use base64::Engine;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use hyper::{Request, Response, StatusCode};

use super::{json, method_not_allowed, read_body, text, with_content_type, ResponseBody};
use crate::delivery;
use crate::request_form::{self, Form};
use crate::state::{lock, AppState};
use crate::webhook::{new_validation_code, new_webhook_id, Encoding, Handshake, Webhook, KNOWN_EVENTS};

#[derive(Clone, Copy)]
enum Route {
    Create,
    Confirm,
    Delete,
}

pub(super) async fn handle(request: Request<Incoming>, state: &Arc<AppState>) -> Response<ResponseBody> {
    let path = request.uri().path().to_owned();
    let route = match path.as_str() {
        "/v1/api/hook" => Route::Create,
        "/v1/api/confirmhook" => Route::Confirm,
        "/v1/api/removehook" => Route::Delete,
        _ => {
            return text(
                StatusCode::NOT_FOUND,
                format!(
                    "not found: {path}; the API routes are /v1/api/hook, \
                     /v1/api/confirmhook and /v1/api/removehook"
                ),
            )
        }
    };
    if request.method() != hyper::Method::POST {
        return method_not_allowed("POST", &path);
    }

    let Some(app_token) = authenticate(&request, state) else {
        let mut response = text(
            StatusCode::UNAUTHORIZED,
            "unauthorized: unknown application token or wrong private key; send HTTP Basic \
             auth with the application token as user and the private key as password"
                .to_owned(),
        );
        response.headers_mut().insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"ziggeo-sandbox\""),
        );
        return response;
    };

    let content_type = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let body = match read_body(request).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let form = match request_form::parse(content_type.as_deref(), body).await {
        Ok(form) => form,
        Err(error) => {
            let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST);
            return text(status, error.message);
        }
    };

    match route {
        Route::Create => create(state, app_token, &form),
        Route::Confirm => confirm(state, &app_token, &form),
        Route::Delete => delete(state, &app_token, &form),
    }
}

/// Returns the application token when the request carries HTTP Basic
/// credentials of an accepted pair.
fn authenticate(request: &Request<Incoming>, state: &AppState) -> Option<String> {
    let header = request.headers().get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok()?;
    let credentials = String::from_utf8(decoded).ok()?;
    let (token, key) = credentials.split_once(':')?;
    state.is_authorized(token, key).then(|| token.to_owned())
}

fn bad_request(message: String) -> Response<ResponseBody> {
    text(StatusCode::BAD_REQUEST, message)
}

fn create(state: &Arc<AppState>, app_token: String, form: &Form) -> Response<ResponseBody> {
    let target_url = match check_target_url(form.get("target_url")) {
        Ok(url) => url,
        Err(message) => return bad_request(message),
    };
    let encoding_name = form.get("encoding").unwrap_or("json");
    let Some(encoding) = Encoding::parse(encoding_name) else {
        return bad_request(format!(
            "invalid encoding {encoding_name:?}; use json, jsonheader or form"
        ));
    };
    let events = match check_events(form.get("events")) {
        Ok(events) => events,
        Err(message) => return bad_request(message),
    };

    let webhook = Webhook {
        id: new_webhook_id(),
        app_token,
        target_url: target_url.clone(),
        encoding,
        events,
        confirmed: false,
        validation_code: new_validation_code(),
        handshake: Handshake::default(),
        deliveries: Vec::new(),
    };
    let id = webhook.id.clone();
    let code = webhook.validation_code;
    lock(&state.webhooks).push(webhook);

    delivery::spawn_handshake(Arc::clone(state), id.clone(), target_url, encoding, code);
    with_content_type(StatusCode::OK, "text/plain; charset=utf-8", id)
}

fn check_target_url(value: Option<&str>) -> Result<String, String> {
    let Some(url) = value.filter(|url| !url.is_empty()) else {
        return Err("missing target_url; send the http or https URL that receives the \
                    deliveries"
            .to_owned());
    };
    let parsed = url
        .parse::<hyper::Uri>()
        .map_err(|e| format!("invalid target_url {url:?}: {e}; send an absolute http or https URL"))?;
    let scheme_ok = matches!(parsed.scheme_str(), Some("http") | Some("https"));
    if !scheme_ok || parsed.host().is_none_or(str::is_empty) {
        return Err(format!(
            "invalid target_url {url:?}; send an absolute http or https URL such as \
             http://127.0.0.1:8080/webhook"
        ));
    }
    Ok(url.to_owned())
}

fn check_events(value: Option<&str>) -> Result<Vec<String>, String> {
    let names: Vec<String> = value
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect();
    if names.is_empty() {
        return Err("missing events; send a comma-separated list of event types such as \
                    video_ready,video_failed"
            .to_owned());
    }
    if let Some(unknown) = names.iter().find(|name| !KNOWN_EVENTS.contains(&name.as_str())) {
        return Err(format!(
            "unknown event type {unknown:?} in events; known event types: {}",
            KNOWN_EVENTS.join(", ")
        ));
    }
    Ok(names)
}

fn confirm(state: &AppState, app_token: &str, form: &Form) -> Response<ResponseBody> {
    let Some(webhook_id) = form.get("webhook_id").filter(|id| !id.is_empty()) else {
        return bad_request("missing webhook_id; send the id that create returned".to_owned());
    };
    let Some(code) = form.get("validation_code").map(str::trim).filter(|c| !c.is_empty()) else {
        return bad_request("missing validation_code; send the 6-digit code from the validation call".to_owned());
    };

    let mut webhooks = lock(&state.webhooks);
    let Some(webhook) = webhooks.get_mut(webhook_id).filter(|w| w.app_token == app_token) else {
        return text(
            StatusCode::NOT_FOUND,
            format!("webhook {webhook_id:?} not found for this application token"),
        );
    };
    if code != webhook.validation_code.to_string() {
        return bad_request(format!(
            "wrong validation_code {code:?} for webhook {webhook_id}; send the code from the \
             validation call to the target URL"
        ));
    }
    webhook.confirmed = true;
    json(StatusCode::OK, &true)
}

fn delete(state: &AppState, app_token: &str, form: &Form) -> Response<ResponseBody> {
    let Some(target_url) = form.get("target_url").filter(|url| !url.is_empty()) else {
        return bad_request("missing target_url; send the target URL of the webhooks to delete".to_owned());
    };
    let mut webhooks = lock(&state.webhooks);
    let removed = webhooks.retain(|w| !(w.app_token == app_token && w.target_url == target_url));
    if removed == 0 {
        return text(
            StatusCode::NOT_FOUND,
            format!(
                "no webhook of this application token has target URL {target_url:?}; \
                 the URL must match byte for byte"
            ),
        );
    }
    json(StatusCode::OK, &serde_json::Value::Null)
}
