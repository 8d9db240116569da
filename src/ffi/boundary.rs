//! The checks and the panic barrier that every export goes through.

use std::any::Any;
use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

use super::error::ZiggeoError;
use super::status::ZiggeoStatus;
use crate::error::{Error, Result};

/// Runs an export's work, catching any panic, and reports failure: the status
/// is returned and, when `error_out` is not NULL, a new error object is
/// written to it.
pub(crate) fn guard(error_out: *mut *mut ZiggeoError, work: impl FnOnce() -> Result<()>) -> ZiggeoStatus {
    let error = match catch_unwind(AssertUnwindSafe(work)) {
        Ok(Ok(())) => return ZiggeoStatus::Ok,
        Ok(Err(error)) => error,
        Err(payload) => Error::Internal(format!("a panic was caught: {}", panic_text(payload.as_ref()))),
    };

    let status = ZiggeoStatus::of(&error);
    if !error_out.is_null() {
        // Building the error object allocates; a panic there must not unwind into C either.
        if let Ok(object) = catch_unwind(AssertUnwindSafe(|| ZiggeoError::boxed(&error, status))) {
            // SAFETY: `error_out` is not NULL, and the caller promises it points to writable storage.
            unsafe { error_out.write(object) };
        }
    }
    status
}

/// Runs an accessor that cannot report errors, returning `fallback` if it panics.
pub(crate) fn guard_value<T>(fallback: T, work: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or(fallback)
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        String::from("no message")
    }
}

/// Borrows a required string argument.
///
/// # Safety
///
/// `pointer` is NULL or points to a NUL-terminated string that outlives `'a`.
pub(crate) unsafe fn str_arg<'a>(pointer: *const c_char, parameter: &'static str) -> Result<&'a str> {
    if pointer.is_null() {
        return Err(Error::invalid(parameter, "it is missing (NULL); pass a UTF-8 string"));
    }

    // SAFETY: not NULL, and the caller promises a NUL-terminated string.
    let bytes = unsafe { CStr::from_ptr(pointer) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|error| {
        Error::invalid(
            parameter,
            format!(
                "it is not valid UTF-8 (invalid byte at offset {}); pass UTF-8 text",
                error.valid_up_to()
            ),
        )
    })
}

/// Borrows an optional string argument: NULL gives `None`.
///
/// # Safety
///
/// As [`str_arg`].
pub(crate) unsafe fn optional_str_arg<'a>(pointer: *const c_char, parameter: &'static str) -> Result<Option<&'a str>> {
    if pointer.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded to the caller's promise.
    unsafe { str_arg(pointer, parameter) }.map(Some)
}

/// Borrows a required handle.
///
/// # Safety
///
/// `pointer` is NULL or a live handle of type `T` from libziggeo.
pub(crate) unsafe fn handle<'a, T>(pointer: *const T, parameter: &'static str) -> Result<&'a T> {
    // SAFETY: the caller promises a live handle or NULL.
    unsafe { pointer.as_ref() }
        .ok_or_else(|| Error::invalid(parameter, "it is missing (NULL); pass a handle from libziggeo"))
}

/// Borrows a required handle mutably.
///
/// # Safety
///
/// `pointer` is NULL or a live handle of type `T` that no other thread uses.
pub(crate) unsafe fn handle_mut<'a, T>(pointer: *mut T, parameter: &'static str) -> Result<&'a mut T> {
    // SAFETY: the caller promises a live, unshared handle or NULL.
    unsafe { pointer.as_mut() }
        .ok_or_else(|| Error::invalid(parameter, "it is missing (NULL); pass a handle from libziggeo"))
}

/// Checks that an out-parameter is not NULL, before any work is done.
pub(crate) fn out_arg<T>(pointer: *mut T, parameter: &'static str) -> Result<()> {
    if pointer.is_null() {
        return Err(Error::invalid(
            parameter,
            "it is NULL; pass the address of a variable to receive the result",
        ));
    }
    Ok(())
}

/// Writes a result to an out-parameter checked by [`out_arg`].
///
/// # Safety
///
/// `pointer` is not NULL and points to writable storage for a `T`.
pub(crate) unsafe fn write_out<T>(pointer: *mut T, value: T) {
    // SAFETY: the caller checked `pointer` with `out_arg`, and C promises it is writable.
    unsafe { pointer.write(value) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::{ziggeo_error_code, ziggeo_error_free, ziggeo_error_message};

    #[test]
    fn guard_turns_panic_into_internal_status() {
        let mut error: *mut ZiggeoError = std::ptr::null_mut();
        let status = guard(&mut error, || panic!("boom in a test"));

        assert_eq!(status, ZiggeoStatus::Internal);
        assert!(!error.is_null());
        // SAFETY: `guard` wrote a live error object.
        unsafe {
            assert_eq!(ziggeo_error_code(error), ZiggeoStatus::Internal);
            let message = CStr::from_ptr(ziggeo_error_message(error))
                .to_string_lossy()
                .into_owned();
            assert!(message.contains("boom in a test"), "{message}");
            ziggeo_error_free(error);
        }
    }

    #[test]
    fn guard_without_error_slot_still_reports_status() {
        let status = guard(std::ptr::null_mut(), || Err(Error::invalid("x", "test")));
        assert_eq!(status, ZiggeoStatus::InvalidArgument);
    }
}
