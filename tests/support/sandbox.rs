//! An in-process sandbox with a receiver for its handshakes, and its admin
//! routes (fault injection, request counts, webhook list) over raw loopback
//! HTTP, so that no proxy variable a test sets can redirect them.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;
use ziggeo::Client;
use ziggeo_sandbox::{Config, Sandbox, TlsConfig};

use super::TestServer;

pub const TOKEN: &str = "reliability_app_token";
pub const KEY: &str = "reliability-private-key-0123456789";

/// A running sandbox and a receiver that responds 200 to its deliveries.
pub struct TestSandbox {
    pub sandbox: Sandbox,
    pub base_url: String,
    pub receiver: TestServer,
    next_target: AtomicUsize,
}

impl TestSandbox {
    /// Starts a quiet sandbox over plain HTTP that accepts `TOKEN:KEY`.
    pub fn start() -> Self {
        Self::start_with(None, "127.0.0.1:0")
    }

    /// Starts a quiet sandbox on `listen` (a loopback address), over HTTPS
    /// when `tls` is set.
    pub fn start_with(tls: Option<TlsConfig>, listen: &str) -> Self {
        let sandbox = Sandbox::start(Config {
            listen: listen.parse().expect("listen address"),
            apps: vec![(TOKEN.into(), KEY.into())],
            quiet: true,
            tls,
        })
        .expect("sandbox starts on loopback");
        let base_url = sandbox.base_url();
        TestSandbox {
            sandbox,
            base_url,
            receiver: TestServer::start(Vec::new()),
            next_target: AtomicUsize::new(0),
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.sandbox.addr()
    }

    /// Returns a new target URL on the receiver, different on every call.
    pub fn target_url(&self) -> String {
        let index = self.next_target.fetch_add(1, Ordering::SeqCst);
        format!("{}/hook-{index}", self.receiver.base_url)
    }

    /// Returns a client of the sandbox with the proxy variables ignored.
    pub fn client(&self, timeout: Duration, max_retries: u32) -> Client {
        Client::builder(TOKEN, KEY)
            .base_url(&self.base_url)
            .timeout(timeout)
            .max_retries(max_retries)
            .proxy_from_env(false)
            .build()
            .expect("valid client")
    }

    /// Sends one admin request and returns the status and the JSON body.
    /// Works only for a sandbox over plain HTTP.
    pub fn admin(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let (status, text) = raw_exchange(self.addr(), method, path, body.map(Value::to_string).as_deref());
        let json = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, json)
    }

    /// Queues one fault or an array of faults.
    pub fn fault(&self, fault: Value) {
        let (status, answer) = self.admin("POST", "/_sandbox/faults", Some(&fault));
        assert_eq!(status, 200, "fault {fault} was rejected: {answer}");
    }

    pub fn clear_faults(&self) {
        let (status, answer) = self.admin("DELETE", "/_sandbox/faults", None);
        assert_eq!(status, 200, "clearing faults failed: {answer}");
    }

    /// Returns how many API requests the sandbox received on `path`.
    pub fn requests(&self, path: &str) -> u64 {
        let (_, answer) = self.admin("GET", "/_sandbox/requests", None);
        answer["by_path"][path].as_u64().unwrap_or(0)
    }

    /// Returns how many API requests the sandbox received in all.
    pub fn total_requests(&self) -> u64 {
        let (_, answer) = self.admin("GET", "/_sandbox/requests", None);
        answer["total"].as_u64().expect("total in /_sandbox/requests")
    }

    /// Returns the webhooks the sandbox holds, as its admin route lists them.
    pub fn webhooks(&self) -> Vec<Value> {
        let (_, answer) = self.admin("GET", "/_sandbox/webhooks", None);
        answer["webhooks"].as_array().cloned().unwrap_or_default()
    }

    /// Returns the webhooks whose target URL is `target_url`.
    pub fn webhooks_for(&self, target_url: &str) -> Vec<Value> {
        self.webhooks()
            .into_iter()
            .filter(|webhook| webhook["target_url"] == target_url)
            .collect()
    }

    /// Returns the validation code the sandbox generated for `webhook_id`.
    pub fn validation_code(&self, webhook_id: &str) -> String {
        let webhook = self
            .webhooks()
            .into_iter()
            .find(|webhook| webhook["id"] == webhook_id)
            .unwrap_or_else(|| panic!("webhook {webhook_id} is not in the sandbox"));
        webhook["validation_code"].to_string()
    }

    /// Polls `condition` every 50 ms until it is true or `limit` passes.
    pub fn wait_until(&self, limit: Duration, condition: impl Fn(&Self) -> bool) -> bool {
        let started = Instant::now();
        while started.elapsed() < limit {
            if condition(self) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        condition(self)
    }
}

/// Sends one HTTP/1.1 request with `Connection: close` to `addr` and returns
/// the status and the body. Reads to the end of the stream, so it suits only
/// servers that close after answering, as the sandbox does when asked.
pub fn raw_exchange(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect to the sandbox");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("read timeout");
    let body = body.unwrap_or("");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("send admin request");

    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("read admin answer");
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, rest) = answer.split_once("\r\n\r\n").expect("answer has a head");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("answer has a status");

    let chunked = head.to_ascii_lowercase().contains("transfer-encoding: chunked");
    let body = if chunked { dechunk(rest) } else { rest.to_owned() };
    (status, body)
}

fn dechunk(mut rest: &str) -> String {
    let mut body = String::new();
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || tail.len() < size {
            break;
        }
        body.push_str(&tail[..size]);
        rest = tail[size..].trim_start_matches("\r\n");
    }
    body
}
