//! The `ziggeo-sandbox` binary: its first stdout line, logs, signals and
//! command-line errors.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const BINARY: &str = env!("CARGO_BIN_EXE_ziggeo-sandbox");

struct Running {
    child: Child,
    stdout: BufReader<ChildStdout>,
    base_url: String,
}

/// Spawns the binary with `args` and reads its first stdout line.
fn spawn(args: &[&str]) -> Running {
    let mut child = Command::new(BINARY)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("first line reads");
    let base_url = first
        .trim_end()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_owned();
    Running {
        child,
        stdout,
        base_url,
    }
}

fn send_signal(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

/// Waits up to 10 s for the child to exit and returns its exit code.
fn wait_exit(child: &mut Child) -> Option<i32> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().expect("child status reads") {
            return status.code();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("binary did not exit within 10 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr_of(child: &mut Child) -> String {
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    stderr
}

#[test]
fn binary_prints_address_and_stops_on_sigterm() {
    let mut running = spawn(&["--listen", "127.0.0.1:0", "--app", &format!("{TOKEN}:{KEY}")]);
    let base = running.base_url.clone();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let port: u16 = base.rsplit(':').next().unwrap().parse().expect("port number");
    assert_ne!(port, 0);

    let created = post_form(
        &base,
        "/v1/api/hook",
        Some((TOKEN, KEY)),
        &[("target_url", "http://127.0.0.1:9/b"), ("events", "video_ready")],
    );
    assert_eq!(created.status, 200);
    assert_eq!(post_form(&base, "/v1/api/hook", Some((TOKEN, "nope")), &[]).status, 401);

    send_signal(&running.child, "-TERM");
    assert_eq!(wait_exit(&mut running.child), Some(0));

    let mut rest = String::new();
    running.stdout.read_to_string(&mut rest).expect("stdout reads");
    assert_eq!(rest, "", "no demo line when --app is given");

    let stderr = stderr_of(&mut running.child);
    assert!(stderr.contains("method=POST path=/v1/api/hook status=200"), "{stderr}");
    assert!(stderr.contains("status=401"), "{stderr}");
    assert!(stderr.contains("latency_ms="), "{stderr}");
    assert!(!stderr.contains(KEY), "the private key never reaches the log");
    assert!(
        !stderr.contains(&basic_auth(TOKEN, KEY)[6..]),
        "nor the Authorization header"
    );
}

#[test]
fn binary_demo_pair_and_sigint() {
    let mut running = spawn(&["--quiet"]);
    let mut second = String::new();
    running.stdout.read_line(&mut second).expect("second line reads");
    assert!(second.contains("demo_app_token"), "{second:?}");
    assert!(second.contains("demo_private_key"), "{second:?}");

    let answer = post_form(
        &running.base_url,
        "/v1/api/removehook",
        Some(("demo_app_token", "demo_private_key")),
        &[("target_url", "http://127.0.0.1:9/none")],
    );
    assert_eq!(answer.status, 404, "the demo pair is accepted");

    send_signal(&running.child, "-INT");
    assert_eq!(wait_exit(&mut running.child), Some(0));
    let stderr = stderr_of(&mut running.child);
    assert!(
        !stderr.contains("path=/v1/api/removehook"),
        "--quiet hides requests: {stderr}"
    );
}

#[test]
fn binary_serves_self_signed_tls() {
    let dir = temp_dir("binary-tls");
    let mut running = spawn(&["--quiet", "--tls-self-signed", dir.to_str().expect("UTF-8 path")]);
    assert!(
        running.base_url.starts_with("https://127.0.0.1:"),
        "{}",
        running.base_url
    );
    assert!(dir.join("ca.pem").is_file());

    send_signal(&running.child, "-TERM");
    assert_eq!(wait_exit(&mut running.child), Some(0));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn binary_rejects_bad_options() {
    let cases: &[(&[&str], &str)] = &[
        (&["--listen", "0.0.0.0:0"], "not a loopback address"),
        (&["--listen", "192.0.2.1:80"], "not a loopback address"),
        (&["--listen", "nowhere"], "invalid address"),
        (&["--app", "no-colon"], "TOKEN:PRIVATE_KEY"),
        (&["--app", "tok:"], "the private key after ':' is empty"),
        (&["--app", ":key"], "the application token before ':' is empty"),
        (&["--tls-cert", "x.pem"], "--tls-key"),
    ];
    for (args, expected) in cases {
        let output = Command::new(BINARY)
            .args(*args)
            .stdin(Stdio::null())
            .output()
            .expect("binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(stderr.contains(expected), "{args:?}: {stderr:?} lacks {expected:?}");
    }

    let secret = Command::new(BINARY)
        .args(["--app", ":secret_key_value"])
        .output()
        .expect("binary runs");
    assert_eq!(secret.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&secret.stderr).contains("secret_key_value"));
}
