//! A scripted HTTP/1.1 server on loopback for the client's integration tests.
//!
//! It records every request byte for byte and answers each one with the next
//! scripted [`Reply`], or `200 ok` when the script is empty. It reads only
//! what these tests send: a request head and a `Content-Length` body.

#![allow(dead_code)]

pub mod certs;
pub mod fuzz;
pub mod proxy;
pub mod reference;
pub mod sandbox;

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// One request as the server received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// Header names in lower case, values as sent, in order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Which TCP connection carried it, counting from 0.
    pub connection: usize,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// How the server answers one request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// Status, extra headers and body, keeping the connection open.
    Respond(u16, Vec<(&'static str, String)>, Vec<u8>),
    /// Waits, then answers 200 `late`.
    Delay(Duration),
    /// Never answers; holds the connection until the test ends.
    Hang,
    /// Answers 200 `ok`, then closes the connection after the pause.
    RespondThenClose(Duration),
    /// Closes the connection without answering.
    Drop,
    /// Writes raw bytes, then closes.
    Raw(Vec<u8>),
}

#[derive(Default)]
struct Shared {
    script: Mutex<VecDeque<Reply>>,
    recorded: Mutex<Vec<Recorded>>,
    connections: AtomicUsize,
}

/// The server; it runs until the test process ends.
pub struct TestServer {
    pub base_url: String,
    shared: Arc<Shared>,
}

impl TestServer {
    pub fn start(script: Vec<Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let base_url = format!("http://{}", listener.local_addr().expect("local address"));
        let shared = Arc::new(Shared {
            script: Mutex::new(script.into()),
            ..Default::default()
        });

        let accepting = Arc::clone(&shared);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let connection = accepting.connections.fetch_add(1, Ordering::SeqCst);
                let shared = Arc::clone(&accepting);
                thread::spawn(move || serve(stream, connection, &shared));
            }
        });
        TestServer { base_url, shared }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.recorded.lock().expect("lock").clone()
    }

    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }
}

fn serve(stream: TcpStream, connection: usize, shared: &Shared) {
    // The head and the body go out in two writes; without this, Nagle's
    // algorithm holds the body until the client's delayed ACK, 40 ms later.
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut writer = stream;

    while let Some(request) = read_request(&mut reader, connection) {
        shared.recorded.lock().expect("lock").push(request);
        let reply = shared.script.lock().expect("lock").pop_front();
        let reply = reply.unwrap_or_else(|| Reply::Respond(200, Vec::new(), b"ok".to_vec()));
        if !answer(&mut writer, reply) {
            return;
        }
    }
}

/// Answers one request; returns false when the connection is finished.
fn answer(writer: &mut TcpStream, reply: Reply) -> bool {
    match reply {
        Reply::Respond(status, headers, body) => write_response(writer, status, &headers, &body),
        Reply::Delay(pause) => {
            thread::sleep(pause);
            write_response(writer, 200, &[], b"late")
        }
        Reply::Hang => {
            thread::sleep(Duration::from_secs(600));
            false
        }
        Reply::RespondThenClose(pause) => {
            write_response(writer, 200, &[], b"ok");
            thread::sleep(pause);
            let _ = writer.shutdown(Shutdown::Both);
            false
        }
        Reply::Drop => {
            let _ = writer.shutdown(Shutdown::Both);
            false
        }
        Reply::Raw(bytes) => {
            let _ = writer.write_all(&bytes);
            let _ = writer.shutdown(Shutdown::Both);
            false
        }
    }
}

fn write_response(writer: &mut TcpStream, status: u16, headers: &[(&'static str, String)], body: &[u8]) -> bool {
    let mut head = format!("HTTP/1.1 {status} Scripted\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    writer.write_all(head.as_bytes()).is_ok() && writer.write_all(body).is_ok()
}

fn read_request(reader: &mut BufReader<TcpStream>, connection: usize) -> Option<Recorded> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();

    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }

    let length = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;

    Some(Recorded {
        method,
        path,
        headers,
        body,
        connection,
    })
}
