//! The private key, and the `Authorization` value made from it, are zeroed
//! before libziggeo frees their memory.
//!
//! This test binary's global allocator scans every block it frees, while a
//! check is on, for the private key and for its base64 credentials. A block
//! that still contains one of them when freed is a copy that was never
//! zeroed.
//! The first test proves that the scan detects such a copy.

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::ffi::CString;
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use support::{Reply, TestServer};
use ziggeo::ffi::{self, ZiggeoStatus};
use ziggeo::Client;

const APP_TOKEN: &str = "zeroize_app_token";
const PRIVATE_KEY: &str = "zeroize-private-key-4f1c9a7e0b3d";
/// base64 of "zeroize_app_token:zeroize-private-key-4f1c9a7e0b3d".
const CREDENTIALS: &str = "emVyb2l6ZV9hcHBfdG9rZW46emVyb2l6ZS1wcml2YXRlLWtleS00ZjFjOWE3ZTBiM2Q=";

/// The system allocator, with a scan of freed blocks while `SCANNING` is on.
struct ScanningAllocator;

static SCANNING: AtomicBool = AtomicBool::new(false);
static FREED_WITH_KEY: AtomicUsize = AtomicUsize::new(0);
static FREED_WITH_CREDENTIALS: AtomicUsize = AtomicUsize::new(0);

#[global_allocator]
static ALLOCATOR: ScanningAllocator = ScanningAllocator;

// SAFETY: every call is forwarded to the system allocator unchanged; the
// scan only reads the block before it is freed, and allocates nothing.
unsafe impl GlobalAlloc for ScanningAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if SCANNING.load(Ordering::SeqCst) {
            // SAFETY: the block is live, and `layout.size()` bytes long.
            let bytes = unsafe { std::slice::from_raw_parts(block, layout.size()) };
            if contains(bytes, PRIVATE_KEY.as_bytes()) {
                FREED_WITH_KEY.fetch_add(1, Ordering::SeqCst);
            }
            if contains(bytes, CREDENTIALS.as_bytes()) {
                FREED_WITH_CREDENTIALS.fetch_add(1, Ordering::SeqCst);
            }
        }
        // SAFETY: forwarded with the caller's block and layout.
        unsafe { System.dealloc(block, layout) }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

/// What the scan found while one check was on.
#[derive(Debug, PartialEq)]
struct Found {
    key: usize,
    credentials: usize,
}

/// Serialises the tests, since the scan and its counters are global.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Runs `work` with the scan on, and returns what the freed blocks contained.
fn scan_frees(work: impl FnOnce()) -> Found {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    FREED_WITH_KEY.store(0, Ordering::SeqCst);
    FREED_WITH_CREDENTIALS.store(0, Ordering::SeqCst);

    SCANNING.store(true, Ordering::SeqCst);
    work();
    SCANNING.store(false, Ordering::SeqCst);

    Found {
        key: FREED_WITH_KEY.load(Ordering::SeqCst),
        credentials: FREED_WITH_CREDENTIALS.load(Ordering::SeqCst),
    }
}

fn client_for(server: &TestServer) -> Client {
    Client::builder(APP_TOKEN, PRIVATE_KEY)
        .base_url(&server.base_url)
        .proxy_from_env(false)
        .build()
        .expect("client")
}

#[test]
fn scan_sees_unzeroed_copies() {
    let found = scan_frees(|| {
        drop(PRIVATE_KEY.to_owned());
        drop(format!("Basic {CREDENTIALS}"));
    });

    assert_eq!(found, Found { key: 1, credentials: 1 });
}

#[test]
fn client_zeroes_key_and_credentials() {
    let server = TestServer::start(Vec::new());

    let found = scan_frees(|| {
        let client = client_for(&server);
        drop(client);
    });

    assert_eq!(found, Found { key: 0, credentials: 0 });
}

/// After a call, the credentials have also passed through ureq, which
/// copies header values and frees the copies unzeroed. So only the key is
/// checked here, because it never leaves libziggeo.
#[test]
fn client_zeroes_key_after_calls() {
    let server = TestServer::start(vec![
        Reply::Respond(200, vec![], b"true".to_vec()),
        Reply::Respond(400, vec![], b"Invalid webhook id".to_vec()),
    ]);

    let found = scan_frees(|| {
        let client = client_for(&server);
        client.webhooks().confirm("abc123", "123456").expect("confirm");
        let error = client.webhooks().confirm("abc123", "123456").expect_err("400");
        drop(error);
        drop(client);
    });

    assert_eq!(server.requests().len(), 2);
    assert_eq!(found.key, 0);
}

#[test]
fn c_client_zeroes_key_and_credentials() {
    let server = TestServer::start(Vec::new());
    let base_url = CString::new(server.base_url.clone()).expect("no NUL");
    let app_token = CString::new(APP_TOKEN).expect("no NUL");
    // The caller's own copy of the key is freed after the scan.
    let private_key = CString::new(PRIVATE_KEY).expect("no NUL");

    let found = scan_frees(|| {
        let options = ffi::ziggeo_options_new();
        let mut client = ptr::null_mut();
        // SAFETY: live options, NUL-terminated strings and a writable
        // out-parameter; the options and the client are freed once.
        unsafe {
            ffi::ziggeo_options_set_base_url(options, base_url.as_ptr(), ptr::null_mut());
            ffi::ziggeo_options_set_proxy_from_env(options, false, ptr::null_mut());
            let status = ffi::ziggeo_client_new(
                app_token.as_ptr(),
                private_key.as_ptr(),
                options,
                &mut client,
                ptr::null_mut(),
            );
            assert_eq!(status, ZiggeoStatus::Ok);
            ffi::ziggeo_options_free(options);
            ffi::ziggeo_client_free(client);
        }
    });

    assert_eq!(found, Found { key: 0, credentials: 0 });
}
