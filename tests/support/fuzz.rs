//! A time-bounded proptest loop: the stable-toolchain stand-in for
//! cargo-fuzz. It runs a property on generated inputs for
//! `ZIGGEO_FUZZ_SECONDS` seconds (default 2), in batches, and prints the
//! number of executions. A failure panics with the shrunk input.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// The environment variable that sets how long each fuzz target runs.
pub const FUZZ_SECONDS_ENV: &str = "ZIGGEO_FUZZ_SECONDS";

fn budget() -> Duration {
    let seconds = std::env::var(FUZZ_SECONDS_ENV)
        .ok()
        .and_then(|value| value.trim().parse::<f64>().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(seconds.max(0.1))
}

/// Runs `property` on inputs from `strategy` until the time budget is
/// spent, and prints `figures: fuzz NAME: N executions in S s`.
pub fn fuzz<S, F>(name: &str, strategy: S, property: F)
where
    S: Strategy,
    S::Value: std::fmt::Debug,
    F: Fn(S::Value) -> Result<(), TestCaseError>,
{
    let executions = AtomicU64::new(0);
    let counted = |value: S::Value| {
        executions.fetch_add(1, Ordering::Relaxed);
        property(value)
    };

    let config = Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    };
    let started = Instant::now();
    let limit = budget();
    while started.elapsed() < limit {
        // A runner stops after `cases` successes, so each batch gets a new
        // one, seeded from the system's random source.
        let mut runner = TestRunner::new(config.clone());
        if let Err(failure) = runner.run(&strategy, counted) {
            panic!("fuzz {name}: {failure}");
        }
    }

    println!(
        "figures: fuzz {name}: {} executions in {:.1} s",
        executions.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
}
