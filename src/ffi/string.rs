//! Strings the library hands to C, and the version.

use std::ffi::{c_char, CString};

/// Frees a string that a ziggeo_* call returned as an owned `char *`; takes
/// ownership of `string`, which must not be used again. NULL is accepted and
/// ignored.
///
/// Thread-safe. Passing a pointer that did not come from libziggeo, or
/// freeing one twice, is undefined behaviour.
///
/// # Safety
///
/// `string` is NULL or an owned string from libziggeo, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_string_free(string: *mut c_char) {
    if string.is_null() {
        return;
    }
    // SAFETY: the caller passes a pointer from `CString::into_raw` (see
    // `into_owned_c_string`) that was not freed before.
    drop(unsafe { CString::from_raw(string) });
}

/// Returns the library's version as a static, borrowed string such as
/// "0.1.0", equal to ZIGGEO_VERSION_STRING of the header it was built with.
///
/// Thread-safe. The string lives as long as the library is loaded.
#[no_mangle]
pub extern "C" fn ziggeo_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// Converts `text` to a C string, replacing NUL bytes, which C strings cannot
/// hold, with U+FFFD.
pub(crate) fn to_c_string(text: &str) -> CString {
    match CString::new(text) {
        Ok(string) => string,
        Err(_) => {
            let cleaned = text.replace('\0', "\u{FFFD}");
            CString::new(cleaned).unwrap_or_default()
        }
    }
}

/// Converts `text` to an owned C string for the caller to free with
/// `ziggeo_string_free`.
pub(crate) fn into_owned_c_string(text: &str) -> *mut c_char {
    to_c_string(text).into_raw()
}
