//! Shared state of a running sandbox: accepted applications, webhooks, queued
//! faults and request counts.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use serde::Serialize;

use crate::faults::FaultQueue;
use crate::store::WebhookStore;

pub(crate) struct AppState {
    apps: Vec<(String, String)>,
    pub quiet: bool,
    pub webhooks: Mutex<WebhookStore>,
    pub faults: Mutex<FaultQueue>,
    pub requests: Mutex<RequestCounts>,
    pub agent: ureq::Agent,
}

/// Counts of API requests received, including those hit by faults or rejected.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct RequestCounts {
    pub total: u64,
    pub by_path: BTreeMap<String, u64>,
}

impl RequestCounts {
    pub(crate) fn record(&mut self, path: &str) {
        self.total += 1;
        *self.by_path.entry(path.to_owned()).or_insert(0) += 1;
    }
}

impl AppState {
    pub(crate) fn new(apps: Vec<(String, String)>, quiet: bool) -> AppState {
        AppState {
            apps,
            quiet,
            webhooks: Mutex::new(WebhookStore::default()),
            faults: Mutex::new(FaultQueue::default()),
            requests: Mutex::new(RequestCounts::default()),
            agent: crate::delivery::new_agent(),
        }
    }

    /// Returns true when `token` and `key` are one of the accepted pairs.
    pub(crate) fn is_authorized(&self, token: &str, key: &str) -> bool {
        self.apps
            .iter()
            .any(|(known_token, known_key)| known_token == token && constant_time_eq(known_key, key))
    }

    /// Clears webhooks, faults and request counts.
    pub(crate) fn reset(&self) {
        lock(&self.webhooks).clear();
        lock(&self.faults).clear();
        *lock(&self.requests) = RequestCounts::default();
    }
}

/// Locks `mutex`, recovering the data when another thread panicked while holding it:
/// every critical section leaves the data consistent, so it is still usable.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Compares two secrets in time that depends only on their lengths.
fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
