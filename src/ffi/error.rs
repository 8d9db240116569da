//! `ZiggeoError`: the error object a failed call hands to its caller.
//!
//! An error object is owned by the caller, immutable, and freed once with
//! `ziggeo_error_free`. Its accessors may be called from any thread; the
//! strings they return are borrowed and stay valid until the error is freed.

use std::ffi::{c_char, CString};
use std::ptr;

use super::boundary::guard_value;
use super::status::ZiggeoStatus;
use super::string::to_c_string;
use crate::error::Error;

/// The details of a failed call: status code, message, HTTP status and
/// response body. Opaque; read it with the ziggeo_error_* accessors.
pub struct ZiggeoError {
    status: ZiggeoStatus,
    message: CString,
    http_status: i32,
    body: Option<CString>,
    outcome_unknown: bool,
}

impl ZiggeoError {
    pub(crate) fn boxed(error: &Error, status: ZiggeoStatus) -> *mut ZiggeoError {
        let object = ZiggeoError {
            status,
            message: to_c_string(&error.to_string()),
            http_status: error.http_status().map(i32::from).unwrap_or(0),
            body: error.body().map(to_c_string),
            outcome_unknown: error.outcome_unknown(),
        };
        Box::into_raw(Box::new(object))
    }
}

/// Returns the status code of `error`; ZIGGEO_STATUS_INVALID_ARGUMENT when
/// `error` is NULL.
///
/// Borrows `error`. Thread-safe.
///
/// # Safety
///
/// `error` is NULL or a live error object.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_error_code(error: *const ZiggeoError) -> ZiggeoStatus {
    // SAFETY: the caller passes NULL or a live error object.
    match unsafe { error.as_ref() } {
        Some(error) => error.status,
        None => ZiggeoStatus::InvalidArgument,
    }
}

/// Returns the message of `error`, a borrowed sentence that says what failed,
/// on which value, and what to do; valid until ziggeo_error_free(error).
/// Returns NULL when `error` is NULL.
///
/// Thread-safe.
///
/// # Safety
///
/// `error` is NULL or a live error object.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_error_message(error: *const ZiggeoError) -> *const c_char {
    // SAFETY: the caller passes NULL or a live error object.
    match unsafe { error.as_ref() } {
        Some(error) => error.message.as_ptr(),
        None => ptr::null(),
    }
}

/// Returns the HTTP status of a ZIGGEO_STATUS_HTTP error, or 0 for any other
/// error and for NULL.
///
/// Borrows `error`. Thread-safe.
///
/// # Safety
///
/// `error` is NULL or a live error object.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_error_http_status(error: *const ZiggeoError) -> i32 {
    // SAFETY: the caller passes NULL or a live error object.
    unsafe { error.as_ref() }.map_or(0, |error| error.http_status)
}

/// Returns the response body of a ZIGGEO_STATUS_HTTP error, borrowed and
/// valid until ziggeo_error_free(error): UTF-8 (invalid bytes replaced),
/// at most 64 KiB. Returns NULL for other errors and for NULL.
///
/// Thread-safe.
///
/// # Safety
///
/// `error` is NULL or a live error object.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_error_body(error: *const ZiggeoError) -> *const c_char {
    // SAFETY: the caller passes NULL or a live error object.
    match unsafe { error.as_ref() }.and_then(|error| error.body.as_ref()) {
        Some(body) => body.as_ptr(),
        None => ptr::null(),
    }
}

/// Returns true when the failed request may still have reached the server
/// and taken effect (a timeout or broken connection after sending), so a
/// create may have registered the webhook. False for NULL.
///
/// Borrows `error`. Thread-safe.
///
/// # Safety
///
/// `error` is NULL or a live error object.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_error_outcome_unknown(error: *const ZiggeoError) -> bool {
    // SAFETY: the caller passes NULL or a live error object.
    unsafe { error.as_ref() }.is_some_and(|error| error.outcome_unknown)
}

/// Frees an error object; takes ownership of `error`, which must not be used
/// again, nor the strings borrowed from it. NULL is accepted and ignored.
///
/// Thread-safe for distinct errors.
///
/// # Safety
///
/// `error` is NULL or a live error object from libziggeo, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_error_free(error: *mut ZiggeoError) {
    if error.is_null() {
        return;
    }
    guard_value((), || {
        // SAFETY: the caller passes a pointer from `Box::into_raw`, not yet freed.
        drop(unsafe { Box::from_raw(error) });
    });
}
