//! Request dispatch: API routes under `/v1/api/` (counted, and subject to
//! injected faults), admin routes under `/_sandbox/`, and the shared helpers.

mod admin;
mod api;
mod inject;

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ALLOW, CONNECTION, CONTENT_TYPE};
use hyper::{Request, Response, StatusCode};

use crate::faults::FaultAction;
use crate::server::ConnectionControl;
use crate::state::{lock, AppState};

/// Largest request body accepted: 1 MiB. Larger bodies get 413.
const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Largest oversized body read and discarded before the 413 response.
const MAX_DRAINED_BYTES: usize = 16 * 1024 * 1024;
/// Time limit for receiving a request body.
const BODY_TIMEOUT: Duration = Duration::from_secs(30);

pub(crate) type ResponseBody = BoxBody<Bytes, std::io::Error>;

/// Handles one request and logs it, unless the sandbox is quiet.
pub(crate) async fn handle(
    request: Request<Incoming>,
    state: Arc<AppState>,
    connection: Arc<ConnectionControl>,
) -> Result<Response<ResponseBody>, Infallible> {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();

    let response = dispatch(request, &state, &connection).await;

    if !state.quiet {
        tracing::info!(
            method = %method,
            path = %path,
            status = response.status().as_u16(),
            latency_ms = format_args!("{:.3}", started.elapsed().as_secs_f64() * 1000.0),
            "request"
        );
    }
    Ok(response)
}

async fn dispatch(
    request: Request<Incoming>,
    state: &Arc<AppState>,
    connection: &ConnectionControl,
) -> Response<ResponseBody> {
    let path = request.uri().path().to_owned();
    if path.starts_with("/_sandbox/") {
        return admin::handle(request, state).await;
    }
    if !path.starts_with("/v1/api/") {
        return text(
            StatusCode::NOT_FOUND,
            format!(
                "not found: {path}; the sandbox serves /v1/api/hook, /v1/api/confirmhook, \
                 /v1/api/removehook and admin routes under /_sandbox/"
            ),
        );
    }

    lock(&state.requests).record(&path);
    let fault = lock(&state.faults).take(&path);
    let Some(fault) = fault else {
        return api::handle(request, state).await;
    };

    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    match fault.action {
        FaultAction::Respond => {
            drain_body(request).await;
            inject::respond(&fault)
        }
        FaultAction::CloseMidBody => {
            drain_body(request).await;
            inject::close_mid_body(&fault)
        }
        FaultAction::Drop => inject::drop_connection(connection, &path).await,
        FaultAction::Hang => inject::hang(connection, &path).await,
        FaultAction::Delay => api::handle(request, state).await,
        FaultAction::CloseKeepalive => {
            let mut response = api::handle(request, state).await;
            response
                .headers_mut()
                .insert(CONNECTION, HeaderValue::from_static("close"));
            response
        }
    }
}

/// Reads and discards the request body before a fault's response. hyper
/// closes a keep-alive connection whose request body was left unread, and
/// without a `Connection: close` header, so the client would find its pooled
/// connection closed under it.
async fn drain_body(request: Request<Incoming>) {
    // The response is the fault's, whatever the body was.
    let _ = read_body(request).await;
}

/// Reads the whole request body, or returns the error response: 413 above
/// 1 MiB, 408 when it takes over 30 s, 400 when the client stopped sending.
///
/// An oversized body is still read and discarded, up to 16 MiB, so that clients
/// which send the whole body before reading the response (ureq, for one) get the
/// 413 instead of a broken pipe.
async fn read_body(request: Request<Incoming>) -> Result<Bytes, Response<ResponseBody>> {
    let mut body = request.into_body();
    let read_all = async {
        let mut collected = BytesMut::new();
        let mut total: usize = 0;
        while let Some(frame) = body.frame().await {
            let frame = frame?;
            let Ok(data) = frame.into_data() else {
                continue;
            };
            total = total.saturating_add(data.len());
            if total <= MAX_BODY_BYTES {
                collected.extend_from_slice(&data);
            } else if total > MAX_DRAINED_BYTES {
                break;
            }
        }
        Ok::<_, hyper::Error>((collected.freeze(), total))
    };
    match tokio::time::timeout(BODY_TIMEOUT, read_all).await {
        Ok(Ok((bytes, total))) if total <= MAX_BODY_BYTES => Ok(bytes),
        Ok(Ok(_)) => {
            let mut response = too_large();
            response
                .headers_mut()
                .insert(CONNECTION, HeaderValue::from_static("close"));
            Err(response)
        }
        Ok(Err(error)) => Err(text(
            StatusCode::BAD_REQUEST,
            format!("failed to read the request body: {error}"),
        )),
        Err(_) => Err(text(
            StatusCode::REQUEST_TIMEOUT,
            format!("the request body did not arrive within {} s", BODY_TIMEOUT.as_secs()),
        )),
    }
}

fn too_large() -> Response<ResponseBody> {
    text(
        StatusCode::PAYLOAD_TOO_LARGE,
        "request body is larger than 1 MiB (1048576 bytes); send a smaller body".to_owned(),
    )
}

fn method_not_allowed(allow: &'static str, path: &str) -> Response<ResponseBody> {
    let mut response = text(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("method not allowed on {path}; use {allow}"),
    );
    response.headers_mut().insert(ALLOW, HeaderValue::from_static(allow));
    response
}

fn full_body(bytes: impl Into<Bytes>) -> ResponseBody {
    Full::new(bytes.into()).map_err(|never| match never {}).boxed()
}

fn with_content_type(status: StatusCode, content_type: &'static str, body: impl Into<Bytes>) -> Response<ResponseBody> {
    let mut response = Response::new(full_body(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

/// Builds a `text/plain` response.
fn text(status: StatusCode, body: String) -> Response<ResponseBody> {
    with_content_type(status, "text/plain; charset=utf-8", body)
}

/// Builds an `application/json` response.
fn json(status: StatusCode, value: &impl serde::Serialize) -> Response<ResponseBody> {
    match serde_json::to_vec(value) {
        Ok(body) => with_content_type(status, "application/json", body),
        Err(e) => text(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("failed to encode the JSON response: {e}"),
        ),
    }
}
