//! The API routes over real loopback HTTP: auth, argument checks, create,
//! confirm, delete, and the request counts.

mod common;

use common::*;

#[test]
fn auth_rejects_wrong_credentials() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let fields = [("target_url", "http://127.0.0.1:9/x"), ("events", "video_ready")];

    for auth in [None, Some((TOKEN, "wrong")), Some(("unknown", KEY)), Some((TOKEN, ""))] {
        let answer = post_form(&base, "/v1/api/hook", auth, &fields);
        assert_eq!(answer.status, 401, "auth {auth:?}");
        assert!(answer.body.starts_with("unauthorized:"), "{}", answer.body);
        assert!(!answer.body.contains(KEY));
        assert!(answer.headers["www-authenticate"].starts_with("Basic"));
    }
    assert!(webhooks(&base).is_empty());
}

#[test]
fn auth_rejects_non_basic_scheme() {
    let sandbox = start_sandbox();
    let answer = agent()
        .post(format!("{}/v1/api/hook", sandbox.base_url()))
        .header("Authorization", format!("Bearer {KEY}"))
        .send_form([("events", "video_ready")])
        .expect("request reaches the sandbox");
    assert_eq!(answer.status().as_u16(), 401);
}

#[test]
fn create_returns_hex_id_and_lists_webhook() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let answer = post_form(
        &base,
        "/v1/api/hook",
        Some((TOKEN, KEY)),
        &[
            ("target_url", "http://127.0.0.1:9/hook?a=1"),
            ("events", " video_ready , video_failed "),
        ],
    );

    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(answer.headers["content-type"].starts_with("text/plain"));
    assert_eq!(answer.body.len(), 32);
    assert!(answer
        .body
        .chars()
        .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)));

    let listed = webhook(&base, &answer.body);
    assert_eq!(listed["app_token"], TOKEN);
    assert_eq!(listed["target_url"], "http://127.0.0.1:9/hook?a=1");
    assert_eq!(listed["encoding"], "json", "encoding defaults to json");
    assert_eq!(listed["events"], serde_json::json!(["video_ready", "video_failed"]));
    assert_eq!(listed["confirmed"], false);
    let code = listed["validation_code"].as_u64().expect("code is a number");
    assert!((100_000..=999_999).contains(&code), "code {code}");
}

#[test]
fn create_accepts_r1_token() {
    let sandbox = start_sandbox();
    let answer = post_form(
        &sandbox.base_url(),
        "/v1/api/hook",
        Some((OTHER_TOKEN, OTHER_KEY)),
        &[("target_url", "https://localhost:9/x"), ("events", "video_ready")],
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(webhook(&sandbox.base_url(), &answer.body)["app_token"], OTHER_TOKEN);
}

#[test]
fn create_accepts_multipart() {
    let sandbox = start_sandbox();
    let boundary = "----sandboxtestboundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"target_url\"\r\n\r\n\
         http://127.0.0.1:9/multi\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"encoding\"\r\n\r\nform\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"events\"\r\n\r\n\
         video_ready,video_delete\r\n--{boundary}--\r\n"
    );
    let answer = post_raw(
        &sandbox.base_url(),
        "/v1/api/hook",
        &format!("multipart/form-data; boundary={boundary}"),
        body.as_bytes(),
    );

    assert_eq!(answer.status, 200, "{}", answer.body);
    let listed = webhook(&sandbox.base_url(), &answer.body);
    assert_eq!(listed["target_url"], "http://127.0.0.1:9/multi");
    assert_eq!(listed["encoding"], "form");
    assert_eq!(listed["events"], serde_json::json!(["video_ready", "video_delete"]));
}

#[test]
fn create_rejects_invalid_arguments() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("events", "video_ready")], "missing target_url"),
        (&[("target_url", ""), ("events", "video_ready")], "missing target_url"),
        (
            &[("target_url", "ftp://127.0.0.1/x"), ("events", "video_ready")],
            "invalid target_url",
        ),
        (
            &[("target_url", "127.0.0.1:8080/x"), ("events", "video_ready")],
            "invalid target_url",
        ),
        (
            &[("target_url", "http://exa mple/"), ("events", "video_ready")],
            "invalid target_url",
        ),
        (&[("target_url", "http://127.0.0.1/x")], "missing events"),
        (
            &[("target_url", "http://127.0.0.1/x"), ("events", " , ,")],
            "missing events",
        ),
        (
            &[
                ("target_url", "http://127.0.0.1/x"),
                ("events", "video_ready,video_exploded"),
            ],
            "unknown event type \"video_exploded\"",
        ),
        (
            &[
                ("target_url", "http://127.0.0.1/x"),
                ("events", "video_ready"),
                ("encoding", "xml"),
            ],
            "invalid encoding \"xml\"",
        ),
        (
            &[
                ("target_url", "http://127.0.0.1/x"),
                ("events", "video_ready"),
                ("encoding", ""),
            ],
            "invalid encoding",
        ),
    ];

    for (fields, expected) in cases {
        let answer = post_form(&base, "/v1/api/hook", Some((TOKEN, KEY)), fields);
        assert_eq!(answer.status, 400, "fields {fields:?}");
        assert!(answer.headers["content-type"].starts_with("text/plain"));
        assert!(
            answer.body.contains(expected),
            "fields {fields:?}: body {:?} lacks {expected:?}",
            answer.body
        );
    }
    assert!(webhooks(&base).is_empty(), "no invalid create made a webhook");
}

#[test]
fn malformed_bodies_get_client_errors() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let form = "application/x-www-form-urlencoded";

    let bad_escape = post_raw(&base, "/v1/api/hook", form, b"target_url=%zz&events=video_ready");
    assert_eq!(bad_escape.status, 400);
    assert!(bad_escape.body.contains("malformed form body"), "{}", bad_escape.body);

    let not_utf8 = post_raw(&base, "/v1/api/hook", form, b"target_url=\xff\xfe");
    assert_eq!(not_utf8.status, 400);

    let bad_decoded = post_raw(&base, "/v1/api/hook", form, b"target_url=%ff");
    assert_eq!(bad_decoded.status, 400);

    let no_boundary = post_raw(&base, "/v1/api/hook", "multipart/form-data", b"x");
    assert_eq!(no_boundary.status, 400);

    let broken_multipart = post_raw(
        &base,
        "/v1/api/hook",
        "multipart/form-data; boundary=abc",
        b"--abc\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nunterminated",
    );
    assert_eq!(broken_multipart.status, 400, "{}", broken_multipart.body);

    let json = post_raw(&base, "/v1/api/hook", "application/json", b"{}");
    assert_eq!(json.status, 415);
    assert!(json.body.contains("application/x-www-form-urlencoded"));

    let huge = vec![b'a'; 1024 * 1024 + 1];
    let too_large = post_raw(&base, "/v1/api/hook", form, &huge);
    assert_eq!(too_large.status, 413);
}

#[test]
fn unknown_routes_and_methods() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();

    assert_eq!(get(&base, "/").status, 404);
    assert_eq!(get(&base, "/v1/api/videos").status, 404);
    assert_eq!(get(&base, "/_sandbox/nothing").status, 404);
    assert_eq!(post_form(&base, "/v1/api/hook/", Some((TOKEN, KEY)), &[]).status, 404);

    let wrong_method = get(&base, "/v1/api/hook");
    assert_eq!(wrong_method.status, 405);
    assert_eq!(wrong_method.headers["allow"], "POST");
    assert_eq!(delete(&base, "/_sandbox/webhooks").status, 405);
    assert_eq!(get(&base, "/_sandbox/reset").status, 405);
}

#[test]
fn confirm_checks_id_and_code() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let id = create_webhook(&base, "http://127.0.0.1:9/c", "json", "video_ready");
    let code = webhook(&base, &id)["validation_code"].as_u64().expect("code");
    let wrong_code = if code == 999_999 { 100_000 } else { code + 1 }.to_string();
    let confirm = |token: &str, key: &str, id: &str, code: &str| {
        post_form(
            &base,
            "/v1/api/confirmhook",
            Some((token, key)),
            &[("webhook_id", id), ("validation_code", code)],
        )
    };

    let wrong = confirm(TOKEN, KEY, &id, &wrong_code);
    assert_eq!(wrong.status, 400);
    assert!(wrong.body.contains("wrong validation_code"), "{}", wrong.body);
    assert_eq!(webhook(&base, &id)["confirmed"], false);

    let unknown = confirm(TOKEN, KEY, "0123456789abcdef0123456789abcdef", &code.to_string());
    assert_eq!(unknown.status, 404);
    assert!(unknown.body.contains("not found"), "{}", unknown.body);

    let other_app = confirm(OTHER_TOKEN, OTHER_KEY, &id, &code.to_string());
    assert_eq!(other_app.status, 404, "webhooks belong to one application token");

    let missing = post_form(&base, "/v1/api/confirmhook", Some((TOKEN, KEY)), &[("webhook_id", &id)]);
    assert_eq!(missing.status, 400);
    assert!(missing.body.contains("missing validation_code"));

    let right = confirm(TOKEN, KEY, &id, &code.to_string());
    assert_eq!(right.status, 200);
    assert_eq!(right.body, "true");
    assert_eq!(webhook(&base, &id)["confirmed"], true);
}

#[test]
fn delete_matches_exact_url_per_app() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let url = "http://127.0.0.1:9/same";
    create_webhook(&base, url, "json", "video_ready");
    create_webhook(&base, url, "form", "video_failed");
    let kept_id = create_webhook(&base, "http://127.0.0.1:9/other", "json", "video_ready");
    let other_app = post_form(
        &base,
        "/v1/api/hook",
        Some((OTHER_TOKEN, OTHER_KEY)),
        &[("target_url", url), ("events", "video_ready")],
    );
    assert_eq!(other_app.status, 200);
    let remove = |target_url: &str| {
        post_form(
            &base,
            "/v1/api/removehook",
            Some((TOKEN, KEY)),
            &[("target_url", target_url)],
        )
    };

    let trailing_slash = remove("http://127.0.0.1:9/same/");
    assert_eq!(trailing_slash.status, 404);
    assert_eq!(webhooks(&base).len(), 4);

    let upper_case = remove("HTTP://127.0.0.1:9/same");
    assert_eq!(upper_case.status, 404, "no normalisation");

    let removed = remove(url);
    assert_eq!(removed.status, 200);
    assert_eq!(removed.body, "null");

    let left: Vec<(String, String)> = webhooks(&base)
        .iter()
        .map(|w| {
            (
                w["app_token"].as_str().unwrap().to_owned(),
                w["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(left.contains(&(TOKEN.to_owned(), kept_id)));
    assert!(left.contains(&(OTHER_TOKEN.to_owned(), other_app.body)));

    assert_eq!(remove(url).status, 404, "nothing left to delete");
    let missing = post_form(&base, "/v1/api/removehook", Some((TOKEN, KEY)), &[]);
    assert_eq!(missing.status, 400);
}

#[test]
fn request_counts_and_reset() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    post_form(&base, "/v1/api/hook", None, &[]);
    post_form(&base, "/v1/api/confirmhook", Some((TOKEN, KEY)), &[]);
    post_form(&base, "/v1/api/confirmhook", Some((TOKEN, KEY)), &[]);
    create_webhook(&base, "http://127.0.0.1:9/r", "json", "video_ready");
    get(&base, "/_sandbox/webhooks");

    let counts = get(&base, "/_sandbox/requests").json();
    assert_eq!(counts["total"], 4, "admin routes are not counted: {counts}");
    assert_eq!(counts["by_path"]["/v1/api/hook"], 2);
    assert_eq!(counts["by_path"]["/v1/api/confirmhook"], 2);

    assert_eq!(post_json(&base, "/_sandbox/faults", &serde_json::json!({})).status, 200);
    let reset = post_json(&base, "/_sandbox/reset", &serde_json::json!({}));
    assert_eq!(reset.status, 200);
    assert!(webhooks(&base).is_empty());
    assert_eq!(get(&base, "/_sandbox/requests").json()["total"], 0);
    let after_reset = post_form(&base, "/v1/api/removehook", Some((TOKEN, KEY)), &[("target_url", "x")]);
    assert_eq!(after_reset.status, 404, "the queued fault was cleared by reset");
}

#[test]
fn garbage_requests_keep_server_up() {
    use std::io::{Read, Write};

    let sandbox = start_sandbox();
    let inputs: [&[u8]; 4] = [
        b"\x00\x01\x02 not http at all\r\n\r\n",
        b"POST /v1/api/hook HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
        b"GET /%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /v1/api/hook HTTP/1.1\r\nHost: x\r\nAuthorization: Basic !!!\r\nContent-Length: 0\r\n\r\n",
    ];
    for input in inputs {
        let mut stream = std::net::TcpStream::connect(sandbox.addr()).expect("connects");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .expect("timeout is set");
        stream.write_all(input).expect("bytes are sent");
        let mut response = Vec::new();
        let mut buffer = [0u8; 1024];
        while let Ok(n @ 1..) = stream.read(&mut buffer) {
            response.extend_from_slice(&buffer[..n]);
            if response.windows(4).any(|w| w == b"\r\n\r\n") {
                break;
            }
        }
        let text = String::from_utf8_lossy(&response);
        assert!(
            text.starts_with("HTTP/1.1 4"),
            "input {:?}: {text:?}",
            String::from_utf8_lossy(input)
        );
    }
    assert_eq!(get(&sandbox.base_url(), "/_sandbox/requests").status, 200);
}
