//! Outgoing calls to target URLs: the two-step handshake after a webhook is
//! created, and event deliveries. Each call runs on tokio's blocking pool with
//! ureq and a 5 s timeout, so a target URL that does not respond blocks nothing else.

use std::sync::Arc;
use std::time::Duration;

use hyper::Uri;
use serde_json::Value;

use crate::payload::{self, Payload};
use crate::state::{lock, AppState};
use crate::webhook::{DeliveryRecord, Encoding, Outcome};

/// Time limit of one outgoing call, from connecting to reading the response.
const CALL_TIMEOUT: Duration = Duration::from_secs(5);

/// Builds the HTTP client for outgoing calls: no proxy, no redirects, no
/// connection reuse, and every status returned as a response rather than an error.
pub(crate) fn new_agent() -> ureq::Agent {
    let user_agent = concat!("ziggeo-sandbox/", env!("CARGO_PKG_VERSION"));
    ureq::Agent::config_builder()
        .timeout_global(Some(CALL_TIMEOUT))
        .http_status_as_error(false)
        .proxy(None)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .max_idle_connections(0)
        .max_idle_connections_per_host(0)
        .user_agent(user_agent)
        .build()
        .into()
}

/// Returns the reason `target_url` may not be called, or `None` when its host is
/// loopback. The sandbox only sends to this machine: `localhost`, 127.0.0.0/8, `[::1]`.
fn non_loopback_reason(target_url: &str) -> Option<String> {
    let host = match target_url.parse::<Uri>() {
        Ok(uri) => uri.host().map(|h| h.to_ascii_lowercase()),
        Err(_) => None,
    };
    let Some(host) = host else {
        return Some(format!("not sent: target URL {target_url:?} has no host"));
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let is_loopback = bare == "localhost" || bare.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    (!is_loopback).then(|| {
        format!(
            "not sent: host {host} is not loopback; the sandbox only calls localhost, \
             127.0.0.0/8 and [::1]"
        )
    })
}

/// Sends one POST to `target_url` and returns its outcome. Blocks for up to 5 s.
fn send_blocking(agent: &ureq::Agent, target_url: &str, payload: &Payload) -> Outcome {
    if let Some(reason) = non_loopback_reason(target_url) {
        return Outcome::failed(reason);
    }
    let mut request = agent.post(target_url).header("Content-Type", payload.content_type);
    for (name, value) in &payload.headers {
        request = request.header(*name, value);
    }
    match request.send(&payload.body[..]) {
        Ok(response) => Outcome::from_status(response.status().as_u16()),
        Err(ureq::Error::Timeout(_)) => Outcome::failed(format!("timed out after {} s", CALL_TIMEOUT.as_secs())),
        Err(error) => Outcome::failed(error.to_string()),
    }
}

/// Sends `payload` on the blocking pool and returns its outcome.
async fn send(state: &Arc<AppState>, target_url: String, payload: Payload) -> Outcome {
    let agent = state.agent.clone();
    tokio::task::spawn_blocking(move || send_blocking(&agent, &target_url, &payload))
        .await
        .unwrap_or_else(|e| Outcome::failed(format!("delivery task failed: {e}")))
}

/// Runs the handshake of a new webhook in the background: the ping, then, once
/// the ping got a 2xx response, the validation call. Records both outcomes.
pub(crate) fn spawn_handshake(
    state: Arc<AppState>,
    webhook_id: String,
    target_url: String,
    encoding: Encoding,
    validation_code: u32,
) {
    tokio::spawn(async move {
        let ping = send(&state, target_url.clone(), payload::ping(encoding)).await;
        log_outcome("ping", &webhook_id, &ping);
        let ping_ok = ping.ok;
        record_handshake(&state, &webhook_id, |handshake| handshake.ping = Some(ping));

        let validation = if ping_ok {
            let body = payload::validation(encoding, &webhook_id, validation_code);
            send(&state, target_url, body).await
        } else {
            Outcome::failed("not sent because the ping did not get a 2xx response".to_owned())
        };
        log_outcome("validation", &webhook_id, &validation);
        record_handshake(&state, &webhook_id, |handshake| handshake.validation = Some(validation));
    });
}

fn record_handshake(state: &AppState, webhook_id: &str, update: impl FnOnce(&mut crate::webhook::Handshake)) {
    // The webhook may have been deleted or reset while the call ran.
    if let Some(webhook) = lock(&state.webhooks).get_mut(webhook_id) {
        update(&mut webhook.handshake);
    }
}

fn log_outcome(step: &str, webhook_id: &str, outcome: &Outcome) {
    if outcome.ok {
        tracing::debug!(step, webhook_id, status = ?outcome.status, "delivered");
    } else {
        tracing::warn!(
            step,
            webhook_id,
            error = outcome.error.as_deref().unwrap_or(""),
            "delivery failed"
        );
    }
}

/// Counts of an event's deliveries.
#[derive(Debug, Default, serde::Serialize)]
pub(crate) struct FireSummary {
    pub delivered: u64,
    pub failed: u64,
}

/// Delivers an event to every confirmed webhook subscribed to `event_type`
/// (of `app_token` only, when given), all at once, and waits for every call.
pub(crate) async fn fire_event(
    state: &Arc<AppState>,
    event_type: &str,
    data: &Value,
    app_token: Option<&str>,
) -> FireSummary {
    let targets: Vec<(String, String, Encoding)> = lock(&state.webhooks)
        .iter()
        .filter(|w| w.confirmed && w.events.iter().any(|e| e == event_type))
        .filter(|w| app_token.is_none_or(|token| w.app_token == token))
        .map(|w| (w.id.clone(), w.target_url.clone(), w.encoding))
        .collect();

    let mut calls = tokio::task::JoinSet::new();
    for (webhook_id, target_url, encoding) in targets {
        let body = payload::event(encoding, event_type, data);
        let state = Arc::clone(state);
        calls.spawn(async move {
            let outcome = send(&state, target_url, body).await;
            (webhook_id, outcome)
        });
    }

    let mut summary = FireSummary::default();
    while let Some(joined) = calls.join_next().await {
        let (webhook_id, outcome) = match joined {
            Ok(result) => result,
            Err(e) => {
                tracing::warn!(error = %e, "event delivery task failed");
                summary.failed += 1;
                continue;
            }
        };
        log_outcome(event_type, &webhook_id, &outcome);
        if outcome.ok {
            summary.delivered += 1;
        } else {
            summary.failed += 1;
        }
        if let Some(webhook) = lock(&state.webhooks).get_mut(&webhook_id) {
            webhook.deliveries.push(DeliveryRecord {
                event_type: event_type.to_owned(),
                outcome,
            });
        }
    }
    summary
}
