//! The webhook calls: create, confirm, delete, and confirm from a delivery.
//!
//! Each call blocks until the server responds, the timeout passes, or the
//! arguments are rejected. All are thread-safe on a shared client.

use std::ffi::c_char;

use super::boundary::{guard, handle, optional_str_arg, out_arg, str_arg, write_out};
use super::client::{client_ref, ZiggeoClient};
use super::delivery::ZiggeoDelivery;
use super::error::ZiggeoError;
use super::status::ZiggeoStatus;
use super::string::into_owned_c_string;
use crate::webhooks::Encoding;

/// Registers a webhook; borrows every argument, and on success writes the
/// response body (the webhook id) to `*body_out`, owned by the caller and
/// freed with ziggeo_string_free().
///
/// `target_url` is an absolute http(s) URL, sent byte for byte. `encoding`
/// is "json", "jsonheader", "form", or NULL for the server's default.
/// `events` is a comma-separated list such as "video_ready,video_delete";
/// names are trimmed and must use a-z, 0-9 and _, and an empty item, such as
/// one after a trailing comma, is rejected. A create is never sent
/// twice once it may have reached the server; when a failure leaves that
/// open, ziggeo_error_outcome_unknown() is true and the webhook may exist.
///
/// Returns ZIGGEO_STATUS_OK; ZIGGEO_STATUS_INVALID_ARGUMENT (nothing sent);
/// ZIGGEO_STATUS_HTTP with the status and body; ZIGGEO_STATUS_TIMEOUT,
/// ZIGGEO_STATUS_CONNECTION, ZIGGEO_STATUS_DNS, ZIGGEO_STATUS_TLS or
/// ZIGGEO_STATUS_INVALID_RESPONSE; ZIGGEO_STATUS_INTERNAL.
///
/// Thread-safe.
///
/// # Safety
///
/// `client` is NULL or a live client; strings are NULL or NUL-terminated;
/// `body_out` and `error` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_webhooks_create(
    client: *const ZiggeoClient,
    target_url: *const c_char,
    encoding: *const c_char,
    events: *const c_char,
    body_out: *mut *mut c_char,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let client = unsafe { client_ref(client) }?;
        let target_url = unsafe { str_arg(target_url, "target_url") }?;
        let encoding = unsafe { optional_str_arg(encoding, "encoding") }?;
        let events = unsafe { str_arg(events, "events") }?;
        out_arg(body_out, "body_out")?;

        let encoding = encoding.map(str::parse::<Encoding>).transpose()?;
        let body = client.webhooks().create(target_url, encoding, events)?;

        // SAFETY: checked by `out_arg` above.
        unsafe { write_out(body_out, into_owned_c_string(&body)) };
        Ok(())
    })
}

/// Confirms a webhook with the validation code Ziggeo sent to its target
/// URL; borrows every argument, and on success writes the response body to
/// `*body_out`, owned by the caller and freed with ziggeo_string_free().
///
/// Both values are sent exactly as given ("012345" stays "012345"). A 429,
/// 502, 503 or 504 response is retried with backoff within the timeout.
///
/// Returns ZIGGEO_STATUS_OK; ZIGGEO_STATUS_INVALID_ARGUMENT for a NULL,
/// non-UTF-8 or empty argument (nothing sent); ZIGGEO_STATUS_HTTP with the
/// status and body; ZIGGEO_STATUS_TIMEOUT, ZIGGEO_STATUS_CONNECTION,
/// ZIGGEO_STATUS_DNS, ZIGGEO_STATUS_TLS or ZIGGEO_STATUS_INVALID_RESPONSE;
/// ZIGGEO_STATUS_INTERNAL.
///
/// Thread-safe.
///
/// # Safety
///
/// `client` is NULL or a live client; strings are NULL or NUL-terminated;
/// `body_out` and `error` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_webhooks_confirm(
    client: *const ZiggeoClient,
    webhook_id: *const c_char,
    validation_code: *const c_char,
    body_out: *mut *mut c_char,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let client = unsafe { client_ref(client) }?;
        let webhook_id = unsafe { str_arg(webhook_id, "webhook_id") }?;
        let validation_code = unsafe { str_arg(validation_code, "validation_code") }?;
        out_arg(body_out, "body_out")?;

        let body = client.webhooks().confirm(webhook_id, validation_code)?;

        // SAFETY: checked by `out_arg` above.
        unsafe { write_out(body_out, into_owned_c_string(&body)) };
        Ok(())
    })
}

/// Removes every webhook whose target URL is exactly `target_url`; borrows
/// every argument, and on success writes the response body to `*body_out`,
/// owned by the caller and freed with ziggeo_string_free().
///
/// A 429, 502, 503 or 504 response is retried with backoff within the timeout.
///
/// Returns ZIGGEO_STATUS_OK; ZIGGEO_STATUS_INVALID_ARGUMENT (nothing sent);
/// ZIGGEO_STATUS_HTTP with the status and body; ZIGGEO_STATUS_TIMEOUT,
/// ZIGGEO_STATUS_CONNECTION, ZIGGEO_STATUS_DNS, ZIGGEO_STATUS_TLS or
/// ZIGGEO_STATUS_INVALID_RESPONSE; ZIGGEO_STATUS_INTERNAL.
///
/// Thread-safe.
///
/// # Safety
///
/// `client` is NULL or a live client; `target_url` is NULL or
/// NUL-terminated; `body_out` and `error` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_webhooks_delete(
    client: *const ZiggeoClient,
    target_url: *const c_char,
    body_out: *mut *mut c_char,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let client = unsafe { client_ref(client) }?;
        let target_url = unsafe { str_arg(target_url, "target_url") }?;
        out_arg(body_out, "body_out")?;

        let body = client.webhooks().delete(target_url)?;

        // SAFETY: checked by `out_arg` above.
        unsafe { write_out(body_out, into_owned_c_string(&body)) };
        Ok(())
    })
}

/// Confirms the webhook named in a parsed validation delivery; borrows both
/// handles, and on success writes the response body to `*body_out`, owned by
/// the caller and freed with ziggeo_string_free().
///
/// Returns what ziggeo_webhooks_confirm() returns, and
/// ZIGGEO_STATUS_INVALID_ARGUMENT when the delivery is not a validation call.
///
/// Thread-safe.
///
/// # Safety
///
/// `client` and `delivery` are NULL or live handles; `body_out` and `error`
/// are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_webhooks_confirm_delivery(
    client: *const ZiggeoClient,
    delivery: *const ZiggeoDelivery,
    body_out: *mut *mut c_char,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let client = unsafe { client_ref(client) }?;
        let delivery = unsafe { handle(delivery, "delivery") }?;
        out_arg(body_out, "body_out")?;

        let body = client.webhooks().confirm_delivery(&delivery.inner)?;

        // SAFETY: checked by `out_arg` above.
        unsafe { write_out(body_out, into_owned_c_string(&body)) };
        Ok(())
    })
}
