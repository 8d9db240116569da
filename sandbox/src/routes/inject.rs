//! Responses shaped by injected faults.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::{Body, Frame};
use hyper::header::{HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use hyper::{Response, StatusCode};
use tokio::time::Sleep;

use super::{text, ResponseBody};
use crate::faults::Fault;
use crate::server::ConnectionControl;

/// Pause between sending the first half of a body and closing the connection,
/// so that the half reaches the client before the close.
const MID_BODY_PAUSE: Duration = Duration::from_millis(50);

fn status_of(fault: &Fault) -> StatusCode {
    // `faults` accepts only 200..=599, which are all valid.
    StatusCode::from_u16(fault.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Responds with the fault's status, body and `Retry-After`.
pub(super) fn respond(fault: &Fault) -> Response<ResponseBody> {
    let mut response = text(status_of(fault), fault.body.clone());
    if let Some(retry_after) = &fault.retry_after {
        if let Ok(value) = HeaderValue::from_str(retry_after) {
            response.headers_mut().insert(RETRY_AFTER, value);
        }
    }
    response
}

/// Sends the headers with the full body's Content-Length, then half the body,
/// then fails the body so that hyper closes the connection.
pub(super) fn close_mid_body(fault: &Fault) -> Response<ResponseBody> {
    let full = Bytes::from(fault.body.clone().into_bytes());
    let half = full.slice(..full.len() / 2);
    let body = TruncatedBody {
        first: Some(half),
        pause: Box::pin(tokio::time::sleep(MID_BODY_PAUSE)),
    };
    let mut response = Response::new(body.boxed());
    *response.status_mut() = status_of(fault);
    let headers = response.headers_mut();
    headers.insert(CONTENT_LENGTH, HeaderValue::from(full.len()));
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    response
}

/// Closes the connection without a response. Never returns.
pub(super) async fn drop_connection(connection: &ConnectionControl, path: &str) -> Response<ResponseBody> {
    tracing::info!(path, "fault: closing the connection without a response");
    connection.close_now();
    std::future::pending().await
}

/// Sends no response. The connection ends when the client disconnects or the
/// sandbox stops.
pub(super) async fn hang(connection: &ConnectionControl, path: &str) -> Response<ResponseBody> {
    tracing::info!(path, "fault: holding the request without a response");
    connection.mark_hanging();
    std::future::pending().await
}

struct TruncatedBody {
    first: Option<Bytes>,
    pause: Pin<Box<Sleep>>,
}

impl Body for TruncatedBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        if let Some(first) = self.first.take() {
            return Poll::Ready(Some(Ok(Frame::data(first))));
        }
        ready!(self.pause.as_mut().poll(cx));
        Poll::Ready(Some(Err(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "fault close_mid_body: closing the connection mid-body",
        ))))
    }
}
