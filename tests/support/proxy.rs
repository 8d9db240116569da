//! A recording HTTP proxy on loopback. It serves `CONNECT host:port`
//! tunnels and absolute-form requests (`POST http://host:port/path`), and
//! records the request line and headers of each. It forwards only to
//! loopback hosts and responds 403 to any other, so a test can never reach
//! beyond this machine through it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

/// One request the proxy received.
#[derive(Clone, Debug)]
pub struct ProxyRecord {
    pub method: String,
    /// `host:port` for CONNECT, the absolute URL otherwise.
    pub target: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
}

impl ProxyRecord {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The proxy; it runs until the test process ends.
pub struct RecordingProxy {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    pub port: u16,
    records: Arc<Mutex<Vec<ProxyRecord>>>,
}

impl RecordingProxy {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("local address").port();
        let records = Arc::new(Mutex::new(Vec::new()));

        let shared = Arc::clone(&records);
        thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let records = Arc::clone(&shared);
                thread::spawn(move || serve(client, &records));
            }
        });
        RecordingProxy {
            url: format!("http://127.0.0.1:{port}"),
            port,
            records,
        }
    }

    pub fn records(&self) -> Vec<ProxyRecord> {
        self.records.lock().expect("lock").clone()
    }

    pub fn clear(&self) {
        self.records.lock().expect("lock").clear();
    }
}

fn serve(client: TcpStream, records: &Mutex<Vec<ProxyRecord>>) {
    let Ok(reading) = client.try_clone() else { return };
    let mut reader = BufReader::new(reading);
    let Some(record) = read_head(&mut reader) else { return };
    records.lock().expect("lock").push(record.clone());

    if record.method == "CONNECT" {
        tunnel(client, reader, &record.target);
    } else {
        forward(client, reader, &record);
    }
}

fn read_head(reader: &mut BufReader<TcpStream>) -> Option<ProxyRecord> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let target = parts.next()?.to_owned();

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
    Some(ProxyRecord {
        method,
        target,
        headers,
    })
}

/// Connects to `authority` (`host:port`) when its host is loopback.
fn connect_loopback(authority: &str) -> Option<TcpStream> {
    let (host, port) = authority.rsplit_once(':')?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let ip: IpAddr = if host.eq_ignore_ascii_case("localhost") {
        IpAddr::from([127, 0, 0, 1])
    } else {
        host.parse().ok()?
    };
    if !ip.is_loopback() {
        return None;
    }
    TcpStream::connect((ip, port.parse::<u16>().ok()?)).ok()
}

fn tunnel(mut client: TcpStream, reader: BufReader<TcpStream>, authority: &str) {
    let Some(upstream) = connect_loopback(authority) else {
        let _ = client.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        return;
    };
    if client
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .is_err()
    {
        return;
    }

    // Bytes the client sent right after the CONNECT head are in the buffer.
    let pending = reader.buffer().to_vec();
    let Ok(mut upstream_writer) = upstream.try_clone() else {
        return;
    };
    if upstream_writer.write_all(&pending).is_err() {
        return;
    }
    let mut client_reader = reader.into_inner();
    let upload = thread::spawn(move || {
        let _ = std::io::copy(&mut client_reader, &mut upstream_writer);
        let _ = upstream_writer.shutdown(Shutdown::Write);
    });
    let mut upstream_reader = upstream;
    let _ = std::io::copy(&mut upstream_reader, &mut client);
    let _ = client.shutdown(Shutdown::Write);
    let _ = upload.join();
}

/// Forwards an absolute-form request to its loopback origin, without the
/// proxy's own headers, and relays the response until the origin closes.
fn forward(mut client: TcpStream, mut reader: BufReader<TcpStream>, record: &ProxyRecord) {
    let rest = record.target.strip_prefix("http://").unwrap_or("");
    let (authority, path) = match rest.find('/') {
        Some(slash) => (&rest[..slash], &rest[slash..]),
        None => (rest, "/"),
    };
    let Some(mut upstream) = connect_loopback(authority) else {
        let _ = client.write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        return;
    };

    let length = record
        .header("content-length")
        .and_then(|value| value.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }

    let mut head = format!("{} {path} HTTP/1.1\r\n", record.method);
    for (name, value) in &record.headers {
        if !matches!(name.as_str(), "proxy-authorization" | "proxy-connection" | "connection") {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str("connection: close\r\n\r\n");
    if upstream.write_all(head.as_bytes()).is_err() || upstream.write_all(&body).is_err() {
        return;
    }
    let _ = std::io::copy(&mut upstream, &mut client);
    let _ = client.shutdown(Shutdown::Both);
}
