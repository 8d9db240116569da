//! `ZiggeoClient`: the C handle of a [`Client`].
//!
//! A client is created by `ziggeo_client_new` and freed by
//! `ziggeo_client_free`. It is thread-safe: one client may be used by many
//! threads at once, and it reuses keep-alive connections between calls. Free
//! it only after every call using it has returned.

use std::ffi::c_char;

use super::boundary::{guard, handle, out_arg, str_arg, write_out};
use super::error::ZiggeoError;
use super::options::ZiggeoOptions;
use super::status::ZiggeoStatus;
use crate::client::Client;

/// A client of the Ziggeo server API for one application. Opaque and
/// thread-safe: share one client between threads rather than making one per
/// call.
pub struct ZiggeoClient {
    pub(crate) inner: Client,
}

/// Creates a client; borrows every argument, and on success writes a new
/// client to `*client_out`, which the caller frees with ziggeo_client_free().
///
/// `options` may be NULL for the defaults. Nothing is sent over the network.
///
/// Returns ZIGGEO_STATUS_OK, or ZIGGEO_STATUS_INVALID_ARGUMENT for a NULL or
/// non-UTF-8 string, an empty token or key, an invalid base URL or user
/// agent, an unreadable CA bundle, or an invalid proxy URL in the environment.
///
/// Thread-safe.
///
/// # Safety
///
/// Strings are NULL or NUL-terminated; `options` is NULL or a live options
/// object; `client_out` and `error` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_client_new(
    app_token: *const c_char,
    private_key: *const c_char,
    options: *const ZiggeoOptions,
    client_out: *mut *mut ZiggeoClient,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let app_token = unsafe { str_arg(app_token, "app_token") }?;
        let private_key = unsafe { str_arg(private_key, "private_key") }?;
        // SAFETY: forwarded to the caller's promise.
        let options = unsafe { options.as_ref() };
        out_arg(client_out, "client_out")?;

        let mut builder = Client::builder(app_token, private_key);
        if let Some(options) = options {
            builder = options.apply(builder);
        }
        let client = builder.build()?;

        let raw = Box::into_raw(Box::new(ZiggeoClient { inner: client }));
        // SAFETY: checked by `out_arg` above.
        unsafe { write_out(client_out, raw) };
        Ok(())
    })
}

/// Frees a client and its connections, and zeroes its private key; takes
/// ownership of `client`. NULL is accepted and ignored.
///
/// Call it once, after every call using the client has returned.
///
/// # Safety
///
/// `client` is NULL or a live client from ziggeo_client_new(), not yet freed
/// and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_client_free(client: *mut ZiggeoClient) {
    if client.is_null() {
        return;
    }
    super::boundary::guard_value((), || {
        // SAFETY: the caller passes a pointer from `ziggeo_client_new`, not yet freed.
        drop(unsafe { Box::from_raw(client) });
    });
}

/// Borrows the client behind a handle, for the webhook calls.
///
/// # Safety
///
/// `client` is NULL or a live client.
pub(crate) unsafe fn client_ref<'a>(client: *const ZiggeoClient) -> crate::Result<&'a Client> {
    // SAFETY: forwarded to the caller's promise.
    unsafe { handle(client, "client") }.map(|client| &client.inner)
}
