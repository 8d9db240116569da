//! `ZiggeoDelivery`: a parsed webhook delivery, for the receiving side.
//!
//! `ziggeo_delivery_parse` creates one from the body Ziggeo POSTed to a
//! target URL; `ziggeo_delivery_free` releases it. A delivery is immutable,
//! so its accessors may be called from several threads at once. Borrowed
//! strings stay valid until the delivery is freed.

use std::ffi::{c_char, CString};
use std::ptr;

use super::boundary::{guard, guard_value, handle, optional_str_arg, out_arg, write_out};
use super::error::ZiggeoError;
use super::status::ZiggeoStatus;
use super::string::{into_owned_c_string, to_c_string};
use crate::delivery::{Delivery, DeliveryKind};
use crate::error::Error;

/// The kind of a delivery.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZiggeoDeliveryKind {
    /// No delivery: the handle was NULL.
    None = 0,
    /// The reachability ping after create. Respond to it with HTTP 200.
    Ping = 1,
    /// The validation call with the webhook id and validation code. Respond
    /// 200 and pass both to ziggeo_webhooks_confirm_delivery().
    Validation = 2,
    /// An event such as video_ready.
    Event = 3,
}

/// A parsed webhook delivery. Opaque and immutable.
pub struct ZiggeoDelivery {
    pub(crate) inner: Delivery,
    event_type: Option<CString>,
    webhook_id: Option<CString>,
    validation_code: Option<CString>,
}

impl ZiggeoDelivery {
    fn new(inner: Delivery) -> Self {
        ZiggeoDelivery {
            event_type: inner.event_type().map(to_c_string),
            webhook_id: inner.webhook_id().map(to_c_string),
            validation_code: inner.validation_code().map(to_c_string),
            inner,
        }
    }
}

/// Parses the body of a request Ziggeo POSTed to a webhook's target URL;
/// borrows every argument, and on success writes a new delivery to
/// `*delivery_out`, which the caller frees with ziggeo_delivery_free().
///
/// `content_type` is the request's Content-Type header, or NULL when absent;
/// case and parameters such as "; charset=UTF-8" do not matter. `body` points
/// to `body_len` bytes, and may be NULL only when `body_len` is 0. JSON
/// bodies, urlencoded forms with PHP-style keys (data[video][token]) and
/// forms whose field contains a JSON document are accepted. Documents may
/// nest 32 levels and forms hold 10,000 fields at most. A form carries only
/// strings, so numbers and booleans in a form delivery arrive as strings.
///
/// Returns ZIGGEO_STATUS_OK; ZIGGEO_STATUS_INVALID_DELIVERY naming the
/// encoding tried, for a body that is not a delivery; or
/// ZIGGEO_STATUS_INVALID_ARGUMENT for NULL pointers.
///
/// Thread-safe.
///
/// # Safety
///
/// `content_type` is NULL or NUL-terminated; `body` is NULL or points to
/// `body_len` readable bytes; `delivery_out` and `error` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_delivery_parse(
    content_type: *const c_char,
    body: *const u8,
    body_len: usize,
    delivery_out: *mut *mut ZiggeoDelivery,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let content_type = unsafe { optional_str_arg(content_type, "content_type") }?;
        let body = unsafe { body_arg(body, body_len) }?;
        out_arg(delivery_out, "delivery_out")?;

        let delivery = Delivery::parse(content_type, body)?;

        let raw = Box::into_raw(Box::new(ZiggeoDelivery::new(delivery)));
        // SAFETY: checked by `out_arg` above.
        unsafe { write_out(delivery_out, raw) };
        Ok(())
    })
}

/// Borrows the body bytes; NULL is allowed only with a length of 0.
///
/// # Safety
///
/// `body` is NULL or points to `body_len` readable bytes.
unsafe fn body_arg<'a>(body: *const u8, body_len: usize) -> crate::Result<&'a [u8]> {
    if body.is_null() {
        if body_len == 0 {
            return Ok(&[]);
        }
        return Err(Error::invalid(
            "body",
            "it is NULL but body_len is not 0; pass the body's bytes",
        ));
    }
    // SAFETY: not NULL, and the caller promises `body_len` readable bytes.
    Ok(unsafe { std::slice::from_raw_parts(body, body_len) })
}

/// Returns what the delivery is; ZIGGEO_DELIVERY_KIND_NONE for NULL.
///
/// Borrows `delivery`. Thread-safe.
///
/// # Safety
///
/// `delivery` is NULL or a live delivery.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_delivery_kind(delivery: *const ZiggeoDelivery) -> ZiggeoDeliveryKind {
    // SAFETY: the caller passes NULL or a live delivery.
    match unsafe { delivery.as_ref() }.map(|delivery| delivery.inner.kind()) {
        Some(DeliveryKind::Ping) => ZiggeoDeliveryKind::Ping,
        Some(DeliveryKind::Validation) => ZiggeoDeliveryKind::Validation,
        Some(DeliveryKind::Event) => ZiggeoDeliveryKind::Event,
        None => ZiggeoDeliveryKind::None,
    }
}

/// Returns the event type of an event delivery, such as "video_ready",
/// borrowed and valid until ziggeo_delivery_free(delivery); NULL when the
/// delivery has none or is NULL.
///
/// Thread-safe.
///
/// # Safety
///
/// `delivery` is NULL or a live delivery.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_delivery_event_type(delivery: *const ZiggeoDelivery) -> *const c_char {
    // SAFETY: the caller passes NULL or a live delivery.
    borrowed(unsafe { delivery.as_ref() }.and_then(|delivery| delivery.event_type.as_ref()))
}

/// Returns the webhook id of a validation delivery, borrowed and valid until
/// ziggeo_delivery_free(delivery); NULL when the delivery has none or is NULL.
///
/// Thread-safe.
///
/// # Safety
///
/// `delivery` is NULL or a live delivery.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_delivery_webhook_id(delivery: *const ZiggeoDelivery) -> *const c_char {
    // SAFETY: the caller passes NULL or a live delivery.
    borrowed(unsafe { delivery.as_ref() }.and_then(|delivery| delivery.webhook_id.as_ref()))
}

/// Returns the validation code of a validation delivery, as the digits that
/// were sent ("012345" keeps its zero), borrowed and valid until
/// ziggeo_delivery_free(delivery); NULL when the delivery has none or is NULL.
///
/// Thread-safe.
///
/// # Safety
///
/// `delivery` is NULL or a live delivery.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_delivery_validation_code(delivery: *const ZiggeoDelivery) -> *const c_char {
    // SAFETY: the caller passes NULL or a live delivery.
    borrowed(unsafe { delivery.as_ref() }.and_then(|delivery| delivery.validation_code.as_ref()))
}

fn borrowed(string: Option<&CString>) -> *const c_char {
    string.map_or(ptr::null(), |string| string.as_ptr())
}

/// Writes the whole delivery, normalised to one JSON document, to
/// `*json_out`; borrows `delivery`, and the caller owns the string and frees
/// it with ziggeo_string_free().
///
/// Returns ZIGGEO_STATUS_OK, or ZIGGEO_STATUS_INVALID_ARGUMENT for NULL
/// pointers.
///
/// Thread-safe.
///
/// # Safety
///
/// `delivery` is NULL or a live delivery; `json_out` and `error` are NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_delivery_json(
    delivery: *const ZiggeoDelivery,
    json_out: *mut *mut c_char,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let delivery = unsafe { handle(delivery, "delivery") }?;
        out_arg(json_out, "json_out")?;

        let json = delivery.inner.json().to_string();

        // SAFETY: checked by `out_arg` above.
        unsafe { write_out(json_out, into_owned_c_string(&json)) };
        Ok(())
    })
}

/// Frees a delivery; takes ownership of `delivery`, which must not be used
/// again, nor the strings borrowed from it. NULL is accepted and ignored.
///
/// # Safety
///
/// `delivery` is NULL or a live delivery from ziggeo_delivery_parse(), not
/// yet freed and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_delivery_free(delivery: *mut ZiggeoDelivery) {
    if delivery.is_null() {
        return;
    }
    guard_value((), || {
        // SAFETY: the caller passes a pointer from `ziggeo_delivery_parse`, not yet freed.
        drop(unsafe { Box::from_raw(delivery) });
    });
}
