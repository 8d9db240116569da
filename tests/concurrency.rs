//! One client shared by 16 threads making 1,000 calls each against the
//! sandbox: every call succeeds, no webhook id comes back twice, and the
//! sandbox received exactly one request per call.
//!
//! It takes about half a minute, so it is ignored by a plain `cargo test`
//! and run by `make test-reliability`.

mod support;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use support::sandbox::TestSandbox;
use ziggeo::{CREATE_PATH, DELETE_PATH};

const THREADS: usize = 16;
const CALLS_PER_THREAD: usize = 1000;

#[test]
#[ignore = "slow: run by make test-reliability"]
fn shared_client_across_threads() {
    let sandbox = TestSandbox::start();
    let client = sandbox.client(Duration::from_secs(30), 3);
    let started = Instant::now();

    // Each thread creates a webhook for a target URL of its own, then
    // deletes it: half of its calls are creates, half deletes.
    let results: Vec<Vec<String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                let client = &client;
                let sandbox = &sandbox;
                scope.spawn(move || {
                    let mut ids = Vec::new();
                    for _ in 0..CALLS_PER_THREAD / 2 {
                        let target_url = sandbox.target_url();
                        let id = client
                            .webhooks()
                            .create(&target_url, None, "video_ready")
                            .unwrap_or_else(|error| panic!("create {target_url}: {error}"));
                        let deleted = client
                            .webhooks()
                            .delete(&target_url)
                            .unwrap_or_else(|error| panic!("delete {target_url}: {error}"));
                        assert_eq!(deleted, "null", "delete {target_url}");
                        ids.push(id);
                    }
                    ids
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a calling thread panicked"))
            .collect()
    });
    let elapsed = started.elapsed();

    let ids: Vec<&String> = results.iter().flatten().collect();
    let creates = THREADS * CALLS_PER_THREAD / 2;
    assert_eq!(ids.len(), creates);
    let unique: HashSet<&&String> = ids.iter().collect();
    assert_eq!(unique.len(), creates, "a webhook id came back twice");

    assert_eq!(
        sandbox.requests(CREATE_PATH),
        creates as u64,
        "creates lost or sent twice"
    );
    assert_eq!(
        sandbox.requests(DELETE_PATH),
        creates as u64,
        "deletes lost or sent twice"
    );
    assert_eq!(sandbox.total_requests(), (THREADS * CALLS_PER_THREAD) as u64);
    assert!(sandbox.webhooks().is_empty(), "a webhook was left behind");

    println!(
        "figures: {THREADS} threads x {CALLS_PER_THREAD} calls on one client: {} calls, {} requests received, {} distinct webhook ids, in {:.1} s",
        THREADS * CALLS_PER_THREAD,
        sandbox.total_requests(),
        unique.len(),
        elapsed.as_secs_f64()
    );
}
