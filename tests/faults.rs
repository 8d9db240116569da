//! The retry policy under the sandbox's injected faults, for create, confirm
//! and delete, proved by counting the requests the sandbox received.
//!
//! - create is sent once whenever the request may have reached the server.
//! - confirm and delete repeat only after 429, 502, 503 and 504, with
//!   exponential backoff or the server's `Retry-After`, inside the deadline.
//! - Every error whose request may have taken effect says so, and no call
//!   runs longer than its timeout plus 1 s.
//!
//! The matrix takes about a minute, so its tests are ignored by a plain
//! `cargo test` and run by `make test-reliability`.

mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::sandbox::TestSandbox;
use ziggeo::{Client, Error, CONFIRM_PATH, CREATE_PATH, DELETE_PATH};

/// Whole-call timeout of every client here: short, to keep the suite fast.
const TIMEOUT: Duration = Duration::from_millis(1500);
const MAX_RETRIES: u32 = 3;
/// How far past its timeout a call may return.
const SLACK: Duration = Duration::from_secs(1);
/// Shortest total backoff before retries 1, 2 and 3: half of 100, 200 and
/// 400 ms, because the jitter keeps at least half of each step.
const MIN_BACKOFF_TOTAL: Duration = Duration::from_millis(350);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Call {
    Create,
    Confirm,
    Delete,
}

const CALLS: [Call; 3] = [Call::Create, Call::Confirm, Call::Delete];

impl Call {
    fn path(self) -> &'static str {
        match self {
            Call::Create => CREATE_PATH,
            Call::Confirm => CONFIRM_PATH,
            Call::Delete => DELETE_PATH,
        }
    }
}

/// The arguments of one call, made ready against the sandbox.
struct Prepared {
    target_url: String,
    webhook_id: String,
    validation_code: String,
}

/// What one call must produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Success,
    Status(u16),
    TimedOut,
    /// A connection error or an invalid response, after the request was sent.
    Broken,
}

struct Fixture {
    sandbox: TestSandbox,
    client: Client,
    /// Requests that met an injected fault, and calls made, printed for
    /// docs/RELIABILITY.md.
    faults: u64,
    calls: u64,
}

impl Fixture {
    fn start() -> Self {
        let sandbox = TestSandbox::start();
        let client = sandbox.client(TIMEOUT, MAX_RETRIES);
        Fixture {
            sandbox,
            client,
            faults: 0,
            calls: 0,
        }
    }

    /// Creates the webhook that confirm and delete work on, with a client
    /// of its own, before any fault is queued.
    fn prepare(&self, call: Call) -> Prepared {
        let target_url = self.sandbox.target_url();
        if call == Call::Create {
            return Prepared {
                target_url,
                webhook_id: String::new(),
                validation_code: String::new(),
            };
        }

        let setup = self.sandbox.client(Duration::from_secs(10), 0);
        let webhook_id = setup
            .webhooks()
            .create(&target_url, None, "video_ready")
            .expect("setup create succeeds");
        let validation_code = self.sandbox.validation_code(&webhook_id);
        Prepared {
            target_url,
            webhook_id,
            validation_code,
        }
    }

    fn run(&mut self, call: Call, prepared: &Prepared) -> (ziggeo::Result<String>, Duration) {
        self.calls += 1;
        let webhooks = self.client.webhooks();
        let started = Instant::now();
        let result = match call {
            Call::Create => webhooks.create(&prepared.target_url, None, "video_ready"),
            Call::Confirm => webhooks.confirm(&prepared.webhook_id, &prepared.validation_code),
            Call::Delete => webhooks.delete(&prepared.target_url),
        };
        (result, started.elapsed())
    }

    /// Queues `fault` for `call`, makes the call, and checks its outcome and
    /// the number of requests the sandbox received. Returns the call's
    /// duration.
    fn check(&mut self, call: Call, fault: Value, expected: Outcome, requests: u64) -> Duration {
        let label = format!("{call:?} with fault {fault}");
        let prepared = self.prepare(call);
        let before = self.sandbox.requests(call.path());

        let mut fault = fault;
        fault["path"] = json!(call.path());
        let queued = fault["count"].as_u64().unwrap_or(1);
        self.sandbox.fault(fault);

        let (result, elapsed) = self.run(call, &prepared);
        self.sandbox.clear_faults();

        assert!(
            elapsed <= TIMEOUT + SLACK,
            "{label}: the call took {elapsed:?}, more than its timeout plus 1 s"
        );
        check_outcome(&label, &result, expected);
        let seen = self.sandbox.requests(call.path()) - before;
        assert_eq!(seen, requests, "{label}: the sandbox received {seen} requests");
        // Every request of a faulted call up to the queued count met the fault.
        self.faults += seen.min(queued);
        elapsed
    }
}

fn check_outcome(label: &str, result: &ziggeo::Result<String>, expected: Outcome) {
    let error = match (result, expected) {
        (Ok(_), Outcome::Success) => return,
        (Ok(body), _) => panic!("{label}: expected {expected:?}, got success {body:?}"),
        (Err(error), _) => error,
    };

    match expected {
        Outcome::Success => panic!("{label}: expected success, got {error:?}"),
        Outcome::Status(status) => {
            assert_eq!(error.http_status(), Some(status), "{label}: {error:?}");
            assert!(!error.outcome_unknown(), "{label}: an HTTP answer leaves no doubt");
        }
        Outcome::TimedOut => {
            assert!(matches!(error, Error::Timeout { .. }), "{label}: {error:?}");
        }
        Outcome::Broken => {
            assert!(
                matches!(error, Error::Connection { .. } | Error::InvalidResponse { .. }),
                "{label}: {error:?}"
            );
        }
    }

    if matches!(expected, Outcome::TimedOut | Outcome::Broken) {
        assert!(error.outcome_unknown(), "{label}: the request was sent: {error:?}");
        assert!(
            error.to_string().contains("may have reached the server"),
            "{label}: the message does not say the outcome is unknown: {error}"
        );
    }
}

fn report(fixture: &Fixture, name: &str) {
    println!(
        "figures: {name}: {} calls, {} faults injected, {} requests received by the sandbox",
        fixture.calls,
        fixture.faults,
        fixture.sandbox.total_requests()
    );
}

/// A status that never goes away: create gives up at once, confirm and
/// delete repeat the retryable statuses up to the retry limit.
#[test]
#[ignore = "slow: run by make test-reliability"]
fn persistent_statuses() {
    let mut fixture = Fixture::start();
    for status in [500u16, 502, 503, 504, 429] {
        for call in CALLS {
            let fault = json!({"action": "respond", "status": status, "count": 10});
            let retried = call != Call::Create && status != 500;
            let requests = if retried { 1 + u64::from(MAX_RETRIES) } else { 1 };

            let elapsed = fixture.check(call, fault, Outcome::Status(status), requests);
            if retried {
                assert!(
                    elapsed >= MIN_BACKOFF_TOTAL,
                    "{call:?} after HTTP {status}: {elapsed:?} leaves no room for backoff"
                );
                assert!(
                    elapsed < TIMEOUT,
                    "{call:?} after HTTP {status}: retries ran past the deadline"
                );
            }
        }
    }
    report(&fixture, "persistent statuses");
}

/// One failed answer, then the normal one: confirm and delete succeed on
/// the retry, create reports the status and is not repeated.
#[test]
#[ignore = "slow: run by make test-reliability"]
fn transient_statuses() {
    let mut fixture = Fixture::start();
    for status in [500u16, 502, 503, 504, 429] {
        for call in CALLS {
            let fault = json!({"action": "respond", "status": status});
            let retried = call != Call::Create && status != 500;
            let (expected, requests) = if retried {
                (Outcome::Success, 2)
            } else {
                (Outcome::Status(status), 1)
            };
            fixture.check(call, fault, expected, requests);
        }
    }
    report(&fixture, "transient statuses");
}

/// `Retry-After: 1` is waited for; a second wait of 1 s would pass the
/// 1.5 s deadline, so a status that persists gets exactly one retry.
#[test]
#[ignore = "slow: run by make test-reliability"]
fn retry_after_statuses() {
    let mut fixture = Fixture::start();
    for status in [500u16, 502, 503, 504, 429] {
        for call in CALLS {
            let retried = call != Call::Create && status != 500;

            let once = json!({"action": "respond", "status": status, "retry_after": "1"});
            let (expected, requests) = if retried {
                (Outcome::Success, 2)
            } else {
                (Outcome::Status(status), 1)
            };
            let elapsed = fixture.check(call, once, expected, requests);
            if retried {
                assert!(
                    elapsed >= Duration::from_secs(1),
                    "{call:?}: Retry-After ignored, {elapsed:?}"
                );
            }

            let persistent = json!({"action": "respond", "status": status, "retry_after": "1", "count": 10});
            let requests = if retried { 2 } else { 1 };
            fixture.check(call, persistent, Outcome::Status(status), requests);
        }
    }
    report(&fixture, "statuses with Retry-After");
}

/// A `Retry-After` longer than the time left ends the call at once.
#[test]
fn retry_after_past_deadline() {
    let mut fixture = Fixture::start();
    for call in [Call::Confirm, Call::Delete] {
        let fault = json!({"action": "respond", "status": 503, "retry_after": "30"});
        let elapsed = fixture.check(call, fault, Outcome::Status(503), 1);
        assert!(elapsed < Duration::from_secs(1), "{call:?} waited {elapsed:?}");
    }
}

/// Connections dropped before the answer or closed halfway through the
/// body: no call is repeated, and each says the outcome is unknown.
#[test]
fn broken_connections() {
    let mut fixture = Fixture::start();
    for call in CALLS {
        fixture.check(call, json!({"action": "drop"}), Outcome::Broken, 1);
        let truncated = json!({"action": "close_mid_body", "status": 200, "body": "0123456789abcdef0123456789abcdef"});
        fixture.check(call, truncated, Outcome::Broken, 1);
    }
    report(&fixture, "broken connections");
}

/// An answer that never comes, or comes after the timeout: one request,
/// a timeout error, and the call returns within its timeout plus 1 s.
#[test]
#[ignore = "slow: run by make test-reliability"]
fn hangs_and_late_answers() {
    let mut fixture = Fixture::start();
    let late = TIMEOUT.as_millis() as u64 + 1000;
    for call in CALLS {
        fixture.check(call, json!({"action": "hang"}), Outcome::TimedOut, 1);
        fixture.check(call, json!({"action": "delay", "delay_ms": late}), Outcome::TimedOut, 1);
    }
    report(&fixture, "hangs and late answers");
}

/// The sandbox closes the connection after every answer, 1,000 times per
/// call: each call succeeds on a new connection and is sent exactly once.
#[test]
#[ignore = "slow: run by make test-reliability"]
fn keepalive_closed_after_every_answer() {
    const CALLS_PER_KIND: usize = 1000;
    let mut fixture = Fixture::start();
    let client = fixture.sandbox.client(Duration::from_secs(10), MAX_RETRIES);
    let webhooks = client.webhooks();
    let targets: Vec<String> = (0..CALLS_PER_KIND).map(|_| fixture.sandbox.target_url()).collect();

    for call in CALLS {
        let count = CALLS_PER_KIND as u64;
        fixture
            .sandbox
            .fault(json!({"path": call.path(), "action": "close_keepalive", "count": count}));
        fixture.faults += count;
    }

    let mut ids = Vec::new();
    for target_url in &targets {
        ids.push(webhooks.create(target_url, None, "video_ready").expect("create"));
    }
    let codes: std::collections::HashMap<String, String> = fixture
        .sandbox
        .webhooks()
        .iter()
        .map(|webhook| {
            (
                webhook["id"].as_str().unwrap_or_default().to_owned(),
                webhook["validation_code"].to_string(),
            )
        })
        .collect();
    for id in &ids {
        assert_eq!(webhooks.confirm(id, &codes[id]).expect("confirm"), "true");
    }
    for target_url in &targets {
        assert_eq!(webhooks.delete(target_url).expect("delete"), "null");
    }
    fixture.calls += 3 * CALLS_PER_KIND as u64;

    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), CALLS_PER_KIND, "create returned a webhook id twice");
    for call in CALLS {
        assert_eq!(
            fixture.sandbox.requests(call.path()),
            CALLS_PER_KIND as u64,
            "{call:?}: a request was lost or sent twice"
        );
    }
    assert!(fixture.sandbox.webhooks().is_empty(), "a webhook was left behind");
    report(&fixture, "keep-alive closed after every answer");
}
