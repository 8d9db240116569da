//! `ZiggeoOptions`: an opaque builder of client options.
//!
//! Create one with `ziggeo_options_new`, set what differs from the defaults,
//! pass it to `ziggeo_client_new` (which only borrows it), and free it with
//! `ziggeo_options_free`. One options object may serve several clients. It is
//! not thread-safe: do not set options from two threads at once.

use std::ffi::c_char;
use std::time::Duration;

use super::boundary::{guard, handle_mut, str_arg};
use super::error::ZiggeoError;
use super::status::ZiggeoStatus;
use crate::client::ClientBuilder;
use crate::error::Error;

/// Client options, opaque. An option left unset keeps its default: the
/// token's region, a 10 s connect timeout, a 60 s timeout, 3 retries, the
/// libziggeo user agent, no extra CA bundle, and proxy variables honoured.
#[derive(Clone, Debug)]
pub struct ZiggeoOptions {
    base_url: Option<String>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    max_retries: Option<u32>,
    user_agent: Option<String>,
    ca_bundle: Option<String>,
    proxy_from_env: bool,
}

impl ZiggeoOptions {
    /// Applies the options that were set to a client builder.
    pub(crate) fn apply(&self, mut builder: ClientBuilder) -> ClientBuilder {
        if let Some(base_url) = &self.base_url {
            builder = builder.base_url(base_url.clone());
        }
        if let Some(timeout) = self.timeout {
            builder = builder.timeout(timeout);
        }
        if let Some(timeout) = self.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        if let Some(max_retries) = self.max_retries {
            builder = builder.max_retries(max_retries);
        }
        if let Some(user_agent) = &self.user_agent {
            builder = builder.user_agent(user_agent.clone());
        }
        if let Some(path) = &self.ca_bundle {
            builder = builder.ca_bundle(path.clone());
        }
        builder.proxy_from_env(self.proxy_from_env)
    }
}

/// Creates an options object with every option at its default. The caller
/// owns the result and frees it with ziggeo_options_free(). Never NULL.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn ziggeo_options_new() -> *mut ZiggeoOptions {
    let options = ZiggeoOptions {
        base_url: None,
        timeout: None,
        connect_timeout: None,
        max_retries: None,
        user_agent: None,
        ca_bundle: None,
        proxy_from_env: true,
    };
    Box::into_raw(Box::new(options))
}

/// Frees an options object; takes ownership of `options`. NULL is accepted.
/// Clients built from it are not affected.
///
/// # Safety
///
/// `options` is NULL or a live options object, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_options_free(options: *mut ZiggeoOptions) {
    if options.is_null() {
        return;
    }
    // SAFETY: the caller passes a pointer from `ziggeo_options_new`, not yet freed.
    drop(unsafe { Box::from_raw(options) });
}

/// Sets the base URL, such as "http://127.0.0.1:8080" for the sandbox;
/// borrows `base_url`. Without it, the application token's region decides.
/// The URL is checked by ziggeo_client_new().
///
/// Returns ZIGGEO_STATUS_OK, or ZIGGEO_STATUS_INVALID_ARGUMENT for a NULL or
/// non-UTF-8 argument.
///
/// # Safety
///
/// `options` is NULL or a live options object; `base_url` is NULL or a
/// NUL-terminated string; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_options_set_base_url(
    options: *mut ZiggeoOptions,
    base_url: *const c_char,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let options = unsafe { handle_mut(options, "options") }?;
        let base_url = unsafe { str_arg(base_url, "base_url") }?;

        options.base_url = Some(base_url.to_owned());
        Ok(())
    })
}

/// Sets the limit on a whole call, retries and waits included, in
/// milliseconds (default 60000).
///
/// Returns ZIGGEO_STATUS_OK, or ZIGGEO_STATUS_INVALID_ARGUMENT for a NULL
/// `options` or a zero timeout.
///
/// # Safety
///
/// `options` is NULL or a live options object; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_options_set_timeout_ms(
    options: *mut ZiggeoOptions,
    timeout_ms: u64,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promise.
        let options = unsafe { handle_mut(options, "options") }?;
        options.timeout = Some(positive_millis("timeout_ms", timeout_ms)?);
        Ok(())
    })
}

/// Sets the limit on establishing a connection, TLS included, in
/// milliseconds (default 10000).
///
/// Returns ZIGGEO_STATUS_OK, or ZIGGEO_STATUS_INVALID_ARGUMENT for a NULL
/// `options` or a zero timeout.
///
/// # Safety
///
/// `options` is NULL or a live options object; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_options_set_connect_timeout_ms(
    options: *mut ZiggeoOptions,
    connect_timeout_ms: u64,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promise.
        let options = unsafe { handle_mut(options, "options") }?;
        options.connect_timeout = Some(positive_millis("connect_timeout_ms", connect_timeout_ms)?);
        Ok(())
    })
}

/// Sets how many times a failed attempt may be repeated where repeating
/// cannot duplicate work (default 3); 0 turns retries off.
///
/// Returns ZIGGEO_STATUS_OK, or ZIGGEO_STATUS_INVALID_ARGUMENT for a NULL
/// `options`.
///
/// # Safety
///
/// `options` is NULL or a live options object; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_options_set_max_retries(
    options: *mut ZiggeoOptions,
    max_retries: u32,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promise.
        let options = unsafe { handle_mut(options, "options") }?;
        options.max_retries = Some(max_retries);
        Ok(())
    })
}

/// Sets the User-Agent header (default "libziggeo/VERSION"); borrows
/// `user_agent`.
///
/// Returns ZIGGEO_STATUS_OK, or ZIGGEO_STATUS_INVALID_ARGUMENT for a NULL or
/// non-UTF-8 argument. Characters a header cannot carry are rejected by
/// ziggeo_client_new().
///
/// # Safety
///
/// `options` is NULL or a live options object; `user_agent` is NULL or a
/// NUL-terminated string; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_options_set_user_agent(
    options: *mut ZiggeoOptions,
    user_agent: *const c_char,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let options = unsafe { handle_mut(options, "options") }?;
        let user_agent = unsafe { str_arg(user_agent, "user_agent") }?;

        options.user_agent = Some(user_agent.to_owned());
        Ok(())
    })
}

/// Sets a PEM file of CA certificates to trust in addition to the system's;
/// borrows `path`. The file is read by ziggeo_client_new(). TLS verification
/// itself cannot be turned off.
///
/// Returns ZIGGEO_STATUS_OK, or ZIGGEO_STATUS_INVALID_ARGUMENT for a NULL or
/// non-UTF-8 argument.
///
/// # Safety
///
/// `options` is NULL or a live options object; `path` is NULL or a
/// NUL-terminated string; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_options_set_ca_bundle(
    options: *mut ZiggeoOptions,
    path: *const c_char,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promises.
        let options = unsafe { handle_mut(options, "options") }?;
        let path = unsafe { str_arg(path, "path") }?;

        options.ca_bundle = Some(path.to_owned());
        Ok(())
    })
}

/// Chooses whether HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY (upper or
/// lower case) apply (true, the default) or are ignored (false).
///
/// Returns ZIGGEO_STATUS_OK, or ZIGGEO_STATUS_INVALID_ARGUMENT for a NULL
/// `options`.
///
/// # Safety
///
/// `options` is NULL or a live options object; `error` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ziggeo_options_set_proxy_from_env(
    options: *mut ZiggeoOptions,
    enabled: bool,
    error: *mut *mut ZiggeoError,
) -> ZiggeoStatus {
    guard(error, || {
        // SAFETY: forwarded to the caller's promise.
        let options = unsafe { handle_mut(options, "options") }?;
        options.proxy_from_env = enabled;
        Ok(())
    })
}

fn positive_millis(parameter: &'static str, millis: u64) -> Result<Duration, Error> {
    if millis == 0 {
        return Err(Error::invalid(
            parameter,
            "it is 0; give a positive number of milliseconds",
        ));
    }
    Ok(Duration::from_millis(millis))
}
