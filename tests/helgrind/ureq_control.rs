//! The second control for the helgrind check (`make test-helgrind`): a data
//! race on purpose, in memory that this program owns and lends to ureq. Two
//! threads read response bodies through ureq into one static buffer with no
//! lock, so both sides of the race are ureq-proto frames. The check must
//! still fail it, because the memory is not ureq's: this is how a fault in
//! libziggeo's unsafe code would look. Built as an example and run only
//! under helgrind.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::ptr::addr_of_mut;
use std::thread;

const THREADS: usize = 2;
const BODIES_PER_THREAD: usize = 20;
const BODY: [u8; 64] = [b'x'; 64];

/// The buffer both threads lend to ureq at once.
static mut SHARED_BODY: [u8; 64] = [0; 64];

fn main() {
    let url = serve();
    let agent = ureq::Agent::new_with_defaults();

    let threads: Vec<_> = (0..THREADS)
        .map(|_| {
            let agent = agent.clone();
            let url = url.clone();
            thread::spawn(move || {
                for _ in 0..BODIES_PER_THREAD {
                    read_into_shared_body(&agent, &url);
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("a reading thread panicked");
    }

    println!("helgrind ureq control: {THREADS} threads read {BODIES_PER_THREAD} bodies each into one buffer");
}

fn read_into_shared_body(agent: &ureq::Agent, url: &str) {
    let mut response = agent.get(url).call().expect("GET from the loopback server");
    let mut reader = response.body_mut().as_reader();

    // SAFETY: none. Both threads write this buffer at once, which is the
    // data race the control exists to show.
    let buffer = unsafe { &mut *addr_of_mut!(SHARED_BODY) };
    while reader.read(buffer).expect("read the body") > 0 {}
}

/// Starts a loopback server that responds to every request with a 64-byte
/// body and keeps the connection open, and returns its URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let url = format!("http://{}/", listener.local_addr().expect("local address"));
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            thread::spawn(move || answer(stream));
        }
    });
    url
}

/// Responds to each request on one connection until the client closes it.
fn answer(stream: TcpStream) {
    let Ok(reading) = stream.try_clone() else {
        return;
    };
    let mut requests = BufReader::new(reading);
    let mut writer = stream;
    let mut line = String::new();
    loop {
        // A GET has no body: the request ends at the empty line.
        loop {
            line.clear();
            if requests.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if line == "\r\n" {
                break;
            }
        }

        let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", BODY.len());
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.write_all(&BODY))
            .is_err()
        {
            return;
        }
    }
}
