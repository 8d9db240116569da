//! The benchmark driver for libziggeo's Rust API.
//!
//! Makes the calls described by the `ZIGGEO_BENCH_*` environment variables
//! (see benches/README.md) from one or more threads sharing one client, and
//! prints one JSON line of results on stdout. A failed call ends the run with
//! exit status 1 and the error on stderr.

use std::env;
use std::process::ExitCode;
use std::thread;
use std::time::Instant;

use ziggeo::{Client, Encoding, Error};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Create,
    Confirm,
    Delete,
}

struct Bench {
    client: Client,
    op: Op,
    target_url: String,
    encoding: Encoding,
    events: String,
    webhook_id: String,
    validation_code: String,
    /// One target URL per call, for `Op::Delete`.
    delete_urls: Vec<String>,
}

impl Bench {
    /// Makes call number `index` and checks its response body.
    fn call(&self, index: usize) -> Result<(), String> {
        let webhooks = self.client.webhooks();
        let (result, expected) = match self.op {
            Op::Create => (
                webhooks.create(&self.target_url, Some(self.encoding), &self.events),
                None,
            ),
            Op::Confirm => (webhooks.confirm(&self.webhook_id, &self.validation_code), Some("true")),
            Op::Delete => (webhooks.delete(&self.delete_urls[index]), Some("null")),
        };
        let body = result.map_err(|error: Error| format!("call {index} failed: {error}"))?;
        let ok = match expected {
            Some(expected) => body == expected,
            None => body.len() == 32,
        };
        if ok {
            Ok(())
        } else {
            Err(format!("call {index} returned an unexpected body: {body}"))
        }
    }
}

fn env_or(name: &str, fallback: &str) -> String {
    env::var(name)
        .ok()
        .filter(|value| !value.is_empty())
        .unwrap_or_else(|| fallback.to_owned())
}

fn env_required(name: &str) -> Result<String, String> {
    env::var(name)
        .ok()
        .filter(|value| !value.is_empty())
        .ok_or_else(|| format!("missing environment variable {name}; see benches/README.md"))
}

fn env_count(name: &str, fallback: usize) -> Result<usize, String> {
    match env::var(name) {
        Ok(value) if !value.is_empty() => value
            .parse()
            .map_err(|_| format!("{name}={value:?} is not a whole number")),
        _ => Ok(fallback),
    }
}

fn cpu_seconds() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |time: libc::timeval| time.tv_sec as f64 + time.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

fn rss_kb() -> i64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(-1)
}

/// Nearest-rank percentile of sorted seconds, in microseconds.
fn percentile_us(sorted: &[f64], fraction: f64) -> f64 {
    let rank = (fraction * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank - 1] * 1e6
}

fn parse_op(name: &str) -> Result<Op, String> {
    match name {
        "create" => Ok(Op::Create),
        "confirm" => Ok(Op::Confirm),
        "delete" => Ok(Op::Delete),
        other => Err(format!("ZIGGEO_BENCH_OP={other:?}; use create, confirm or delete")),
    }
}

fn new_client() -> Result<Client, String> {
    let mut builder = Client::builder(
        env_required("ZIGGEO_BENCH_APP_TOKEN")?,
        env_required("ZIGGEO_BENCH_PRIVATE_KEY")?,
    )
    .base_url(env_required("ZIGGEO_BENCH_BASE_URL")?)
    .proxy_from_env(false);
    if let Ok(ca_file) = env_required("ZIGGEO_BENCH_CA_FILE") {
        builder = builder.ca_bundle(ca_file);
    }
    builder
        .build()
        .map_err(|error| format!("creating the client failed: {error}"))
}

/// Returns one latency buffer per thread, splitting `calls` between `threads`.
///
/// The buffers are written now, before the first RSS reading, so that RSS
/// growth counts the library's memory and not theirs.
fn latency_buffers(calls: usize, threads: usize) -> Vec<Vec<f64>> {
    (0..threads)
        .map(|t| vec![f64::NAN; calls / threads + usize::from(t < calls % threads)])
        .collect()
}

/// Makes the calls numbered from `first` on one thread per buffer, each
/// filling its buffer with latencies in seconds; returns them all.
fn run_threads(bench: &Bench, first: usize, buffers: Vec<Vec<f64>>) -> Result<Vec<f64>, String> {
    thread::scope(|scope| {
        let mut handles = Vec::new();
        let mut next = first;
        for mut latencies in buffers {
            let share = latencies.len();
            let start = next;
            next += share;
            handles.push(scope.spawn(move || {
                for (slot, index) in latencies.iter_mut().zip(start..start + share) {
                    let began = Instant::now();
                    bench.call(index)?;
                    *slot = began.elapsed().as_secs_f64();
                }
                Ok::<_, String>(latencies)
            }));
        }
        let mut all = Vec::new();
        for handle in handles {
            all.extend(handle.join().map_err(|_| "a benchmark thread panicked".to_owned())??);
        }
        Ok(all)
    })
}

fn run() -> Result<String, String> {
    let calls = env_count("ZIGGEO_BENCH_CALLS", 1000)?;
    let warmup = env_count("ZIGGEO_BENCH_WARMUP", 20)?;
    let threads = env_count("ZIGGEO_BENCH_THREADS", 1)?;
    if calls == 0 || !(1..=64).contains(&threads) {
        return Err("ZIGGEO_BENCH_CALLS must be at least 1 and ZIGGEO_BENCH_THREADS 1 to 64".to_owned());
    }
    let op_name = env_or("ZIGGEO_BENCH_OP", "create");
    let target_url = env_required("ZIGGEO_BENCH_TARGET_URL")?;

    let init_start = Instant::now();
    let client = new_client()?;
    let init_ms = init_start.elapsed().as_secs_f64() * 1e3;

    let mut bench = Bench {
        client,
        op: parse_op(&op_name)?,
        encoding: env_or("ZIGGEO_BENCH_ENCODING", "json")
            .parse()
            .map_err(|e: Error| e.to_string())?,
        events: env_or("ZIGGEO_BENCH_EVENTS", "video_ready"),
        webhook_id: env_or("ZIGGEO_BENCH_WEBHOOK_ID", ""),
        validation_code: env_or("ZIGGEO_BENCH_VALIDATION_CODE", ""),
        delete_urls: Vec::new(),
        target_url,
    };
    if bench.op == Op::Delete {
        // One webhook per call, at TARGET_URL/INDEX, made before the clock starts.
        for index in 0..warmup + calls {
            let url = format!("{}/{index}", bench.target_url);
            bench
                .client
                .webhooks()
                .create(&url, Some(bench.encoding), &bench.events)
                .map_err(|error| format!("create before delete failed: {error}"))?;
            bench.delete_urls.push(url);
        }
    }
    for index in 0..warmup {
        bench.call(index)?;
    }

    let buffers = latency_buffers(calls, threads);
    let rss_before = rss_kb();
    let cpu_start = cpu_seconds();
    let wall_start = Instant::now();
    let mut latencies = run_threads(&bench, warmup, buffers)?;
    let wall = wall_start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_start;
    let rss_after = rss_kb();

    latencies.sort_by(f64::total_cmp);
    Ok(format!(
        "{{\"client\":\"rust\",\"op\":\"{op_name}\",\"threads\":{threads},\"calls\":{calls},\"wall_s\":{wall:.6},\
         \"cpu_s\":{cpu:.6},\"p50_us\":{:.1},\"p99_us\":{:.1},\"init_ms\":{init_ms:.3},\
         \"rss_before_kb\":{rss_before},\"rss_after_kb\":{rss_after}}}",
        percentile_us(&latencies, 0.50),
        percentile_us(&latencies, 0.99),
    ))
}

fn main() -> ExitCode {
    match run() {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("bench-rust: {message}");
            ExitCode::FAILURE
        }
    }
}
