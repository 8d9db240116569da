//! Injected faults: the JSON that `POST /_sandbox/faults` accepts, its checks,
//! and the queue that API requests take faults from.

use serde::Deserialize;

/// Longest `delay_ms` accepted: 5 minutes.
const MAX_DELAY_MS: u64 = 300_000;
const DEFAULT_STATUS: u16 = 500;

/// Action the sandbox takes on a request that a fault hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FaultAction {
    /// Responds with the fault's status, body and `Retry-After`.
    Respond,
    /// Waits `delay_ms`, then processes the request normally.
    Delay,
    /// Closes the connection without a response.
    Drop,
    /// Sends the headers with the full Content-Length, half the body, then closes.
    CloseMidBody,
    /// Sends no response until the client disconnects or the sandbox stops.
    Hang,
    /// Processes the request normally, then closes the connection after the response.
    CloseKeepalive,
}

impl FaultAction {
    const NAMES: &'static str = "respond, delay, drop, close_mid_body, hang, close_keepalive";

    fn parse(name: &str) -> Option<FaultAction> {
        match name {
            "respond" => Some(FaultAction::Respond),
            "delay" => Some(FaultAction::Delay),
            "drop" => Some(FaultAction::Drop),
            "close_mid_body" => Some(FaultAction::CloseMidBody),
            "hang" => Some(FaultAction::Hang),
            "close_keepalive" => Some(FaultAction::CloseKeepalive),
            _ => None,
        }
    }
}

/// A fault taken from the queue for one request.
#[derive(Clone, Debug)]
pub(crate) struct Fault {
    pub action: FaultAction,
    pub status: u16,
    pub body: String,
    pub retry_after: Option<String>,
    pub delay_ms: u64,
}

/// One fault object as posted. `count` and `status` are wide integers so that
/// a negative or oversized value gets a clear message rather than a serde error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FaultSpec {
    path: Option<String>,
    count: Option<i64>,
    status: Option<i64>,
    body: Option<String>,
    retry_after: Option<serde_json::Value>,
    delay_ms: Option<u64>,
    action: Option<String>,
}

const FAULT_SHAPE: &str = "expected an object or an array of objects with the fields path, \
                           count, status, body, retry_after, delay_ms, action";

#[derive(Debug)]
struct QueuedFault {
    path: Option<String>,
    remaining: u64,
    fault: Fault,
}

/// Faults waiting for matching API requests, in the order they were queued.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    queued: Vec<QueuedFault>,
}

impl FaultQueue {
    /// Parses and checks a posted body, then queues all of its faults, or none
    /// of them when any is invalid. Returns how many were queued.
    pub(crate) fn push_json(&mut self, body: &[u8]) -> Result<usize, String> {
        let parsed: serde_json::Value =
            serde_json::from_slice(body).map_err(|e| format!("invalid fault JSON: {e}; {FAULT_SHAPE}"))?;
        // Items are decoded one by one so that an error names the item and the field.
        let items = match parsed {
            serde_json::Value::Array(items) => items,
            object @ serde_json::Value::Object(_) => vec![object],
            other => return Err(format!("invalid fault JSON {other}; {FAULT_SHAPE}")),
        };

        let mut checked = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let fault = serde_json::from_value::<FaultSpec>(item)
                .map_err(|e| format!("{e}; {FAULT_SHAPE}"))
                .and_then(check)
                .map_err(|message| format!("fault {index}: {message}"))?;
            checked.push(fault);
        }
        let count = checked.len();
        self.queued.extend(checked);
        Ok(count)
    }

    /// Takes the first queued fault that applies to `path`, counting it down.
    pub(crate) fn take(&mut self, path: &str) -> Option<Fault> {
        let index = self
            .queued
            .iter()
            .position(|queued| queued.path.as_deref().is_none_or(|p| p == path))?;
        let queued = &mut self.queued[index];
        let fault = queued.fault.clone();
        queued.remaining -= 1;
        if queued.remaining == 0 {
            self.queued.remove(index);
        }
        Some(fault)
    }

    pub(crate) fn clear(&mut self) {
        self.queued.clear();
    }
}

fn check(spec: FaultSpec) -> Result<QueuedFault, String> {
    if let Some(path) = &spec.path {
        if !path.starts_with("/v1/api/") {
            return Err(format!(
                "path {path:?} is not an API path; faults apply only to paths under /v1/api/, \
                 such as /v1/api/hook"
            ));
        }
    }

    let count = spec.count.unwrap_or(1);
    if count < 1 {
        return Err(format!(
            "count must be at least 1, got {count}; omit it for a single request"
        ));
    }

    let status = spec.status.unwrap_or(i64::from(DEFAULT_STATUS));
    let status = u16::try_from(status)
        .ok()
        .filter(|s| (200..=599).contains(s))
        .ok_or_else(|| format!("status must be an HTTP status from 200 to 599, got {status}"))?;

    let action_name = spec.action.as_deref().unwrap_or("respond");
    let action = FaultAction::parse(action_name)
        .ok_or_else(|| format!("unknown action {action_name:?}; use one of {}", FaultAction::NAMES))?;

    let delay_ms = spec.delay_ms.unwrap_or(0);
    if delay_ms > MAX_DELAY_MS {
        return Err(format!(
            "delay_ms must be at most {MAX_DELAY_MS} (5 minutes), got {delay_ms}"
        ));
    }

    let retry_after = match spec.retry_after {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(text)) => Some(check_retry_after(text)?),
        Some(serde_json::Value::Number(number)) if number.is_u64() => Some(number.to_string()),
        Some(other) => {
            return Err(format!(
                "retry_after must be a string such as \"2\" or a non-negative integer, got {other}"
            ))
        }
    };

    let body = spec
        .body
        .unwrap_or_else(|| format!("sandbox fault: injected HTTP {status}"));

    Ok(QueuedFault {
        path: spec.path,
        remaining: count.unsigned_abs(),
        fault: Fault {
            action,
            status,
            body,
            retry_after,
            delay_ms,
        },
    })
}

/// Accepts any text that is a valid header value, so that tests can also send
/// HTTP dates and malformed values on purpose.
fn check_retry_after(text: String) -> Result<String, String> {
    if hyper::header::HeaderValue::from_str(&text).is_err() {
        return Err(format!(
            "retry_after {text:?} is not a valid header value; use visible ASCII such as \"2\""
        ));
    }
    Ok(text)
}
