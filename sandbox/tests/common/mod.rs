//! Helpers shared by the integration tests: a sandbox with known applications,
//! an HTTP client, and a real receiver that records what the sandbox POSTs to it.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::Value;
use ziggeo_sandbox::{Config, Sandbox};

pub const TOKEN: &str = "test_app_token";
pub const KEY: &str = "test_private_key";
pub const OTHER_TOKEN: &str = "r1_other_app_token";
pub const OTHER_KEY: &str = "other_private_key";

/// Starts a quiet sandbox that accepts `TOKEN:KEY` and `OTHER_TOKEN:OTHER_KEY`.
pub fn start_sandbox() -> Sandbox {
    Sandbox::start(Config {
        apps: vec![(TOKEN.into(), KEY.into()), (OTHER_TOKEN.into(), OTHER_KEY.into())],
        quiet: true,
        ..Default::default()
    })
    .expect("sandbox starts on loopback")
}

pub fn basic_auth(token: &str, key: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{token}:{key}"));
    format!("Basic {encoded}")
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(15)))
        .proxy(None)
        .build()
        .into()
}

/// A response: status, headers with lowercase names, body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("answer body is JSON")
    }
}

fn to_answer(mut response: ureq::http::Response<ureq::Body>) -> Answer {
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap_or("").to_owned()))
        .collect();
    Answer {
        status: response.status().as_u16(),
        headers,
        body: response.body_mut().read_to_string().expect("body reads"),
    }
}

/// POSTs an urlencoded form with Basic auth as `token:key` (none when `auth` is None).
pub fn post_form(base_url: &str, path: &str, auth: Option<(&str, &str)>, fields: &[(&str, &str)]) -> Answer {
    let mut request = agent().post(format!("{base_url}{path}"));
    if let Some((token, key)) = auth {
        request = request.header("Authorization", basic_auth(token, key));
    }
    let response = request
        .send_form(fields.iter().copied())
        .expect("request reaches the sandbox");
    to_answer(response)
}

/// POSTs a raw body with the given Content-Type and Basic auth as TOKEN:KEY.
pub fn post_raw(base_url: &str, path: &str, content_type: &str, body: &[u8]) -> Answer {
    let response = agent()
        .post(format!("{base_url}{path}"))
        .header("Authorization", basic_auth(TOKEN, KEY))
        .header("Content-Type", content_type)
        .send(body)
        .expect("request reaches the sandbox");
    to_answer(response)
}

pub fn get(base_url: &str, path: &str) -> Answer {
    let response = agent()
        .get(format!("{base_url}{path}"))
        .call()
        .expect("request reaches the sandbox");
    to_answer(response)
}

pub fn post_json(base_url: &str, path: &str, body: &Value) -> Answer {
    let response = agent()
        .post(format!("{base_url}{path}"))
        .header("Content-Type", "application/json")
        .send(body.to_string().as_bytes())
        .expect("request reaches the sandbox");
    to_answer(response)
}

pub fn delete(base_url: &str, path: &str) -> Answer {
    let response = agent()
        .delete(format!("{base_url}{path}"))
        .call()
        .expect("request reaches the sandbox");
    to_answer(response)
}

/// Creates a webhook for TOKEN and returns its id.
pub fn create_webhook(base_url: &str, target_url: &str, encoding: &str, events: &str) -> String {
    let answer = post_form(
        base_url,
        "/v1/api/hook",
        Some((TOKEN, KEY)),
        &[("target_url", target_url), ("encoding", encoding), ("events", events)],
    );
    assert_eq!(answer.status, 200, "create failed: {}", answer.body);
    answer.body
}

pub fn webhooks(base_url: &str) -> Vec<Value> {
    let answer = get(base_url, "/_sandbox/webhooks");
    assert_eq!(answer.status, 200);
    answer.json()["webhooks"]
        .as_array()
        .expect("webhooks is an array")
        .clone()
}

pub fn webhook(base_url: &str, id: &str) -> Value {
    webhooks(base_url)
        .into_iter()
        .find(|w| w["id"] == id)
        .expect("webhook is listed")
}

/// Polls the webhook list until `done` holds for webhook `id`, for up to 10 s.
pub fn wait_for_webhook(base_url: &str, id: &str, done: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let webhook = webhook(base_url, id);
        if done(&webhook) {
            return webhook;
        }
        assert!(Instant::now() < deadline, "webhook never reached the state: {webhook}");
        thread::sleep(Duration::from_millis(20));
    }
}

/// Confirms webhook `id` with the validation code that the admin list shows.
pub fn confirm_from_listing(base_url: &str, id: &str) {
    let code = webhook(base_url, id)["validation_code"].to_string();
    let answer = post_form(
        base_url,
        "/v1/api/confirmhook",
        Some((TOKEN, KEY)),
        &[("webhook_id", id), ("validation_code", &code)],
    );
    assert_eq!(answer.status, 200, "confirm failed: {}", answer.body);
}

/// A request as the receiver got it. Header names are lowercase.
#[derive(Clone, Debug)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("delivery body is JSON")
    }
}

/// A real HTTP receiver on loopback: one thread per connection, responds to every
/// request with `status` and `Connection: close`, records what it got.
pub struct Receiver {
    pub addr: SocketAddr,
    status: Arc<AtomicU16>,
    received: Arc<(Mutex<Vec<Received>>, Condvar)>,
}

impl Receiver {
    pub fn start(status: u16) -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").expect("receiver binds");
        let addr = listener.local_addr().expect("receiver has an address");
        let status = Arc::new(AtomicU16::new(status));
        let received = Arc::new((Mutex::new(Vec::new()), Condvar::new()));
        let (thread_status, thread_received) = (Arc::clone(&status), Arc::clone(&received));
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let status = Arc::clone(&thread_status);
                let received = Arc::clone(&thread_received);
                thread::spawn(move || serve_one(stream, &status, &received));
            }
        });
        Receiver { addr, status, received }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn set_status(&self, status: u16) {
        self.status.store(status, Ordering::SeqCst);
    }

    /// Waits up to 10 s until at least `count` requests arrived, and returns all of them.
    pub fn wait_for(&self, count: usize) -> Vec<Received> {
        let (lock, condvar) = &*self.received;
        let guard = lock.lock().expect("receiver lock");
        let (guard, _) = condvar
            .wait_timeout_while(guard, Duration::from_secs(10), |got| got.len() < count)
            .expect("receiver lock");
        assert!(
            guard.len() >= count,
            "receiver got {} requests, expected {count}: {:?}",
            guard.len(),
            *guard
        );
        guard.clone()
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.0.lock().expect("receiver lock").clone()
    }
}

fn serve_one(stream: TcpStream, status: &AtomicU16, received: &(Mutex<Vec<Received>>, Condvar)) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream);
    let mut head = Vec::new();
    loop {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        head.extend_from_slice(&line);
        if line == b"\r\n" {
            break;
        }
    }

    let mut header_slots = [httparse::EMPTY_HEADER; 64];
    let mut request = httparse::Request::new(&mut header_slots);
    if !matches!(request.parse(&head), Ok(httparse::Status::Complete(_))) {
        return;
    }
    let headers: HashMap<String, String> = request
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_ascii_lowercase(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    let length: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }

    let record = Received {
        method: request.method.unwrap_or("").to_owned(),
        path: request.path.unwrap_or("").to_owned(),
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    let code = status.load(Ordering::SeqCst);
    let answer = format!("HTTP/1.1 {code} Status\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
    let _ = reader.get_mut().write_all(answer.as_bytes());

    let (lock, condvar) = received;
    lock.lock().expect("receiver lock").push(record);
    condvar.notify_all();
}

/// Returns a fresh empty directory under the system temp directory.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "ziggeo-sandbox-{name}-{}-{}",
        std::process::id(),
        fastrand::u64(..)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir is created");
    dir
}
