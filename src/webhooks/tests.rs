use super::*;
use crate::client::{region_base_url, Client, DEFAULT_BASE_URL, EU_WEST_1_BASE_URL};

fn invalid_parameter(result: Result<impl std::fmt::Debug>) -> (&'static str, String) {
    match result {
        Err(Error::InvalidArgument { parameter, reason }) => (parameter, reason),
        other => panic!("expected an invalid-argument error, got {other:?}"),
    }
}

#[test]
fn region_routing_by_token_prefix() {
    assert_eq!(region_base_url("r1abc"), EU_WEST_1_BASE_URL);
    assert_eq!(region_base_url("r1"), EU_WEST_1_BASE_URL);
    assert_eq!(region_base_url("abc"), DEFAULT_BASE_URL);
    assert_eq!(region_base_url("R1abc"), DEFAULT_BASE_URL);
    assert_eq!(region_base_url("xr1"), DEFAULT_BASE_URL);
}

#[test]
fn client_uses_region_unless_overridden() {
    let eu = Client::new("r1token", "key").expect("valid client");
    assert_eq!(eu.base_url(), EU_WEST_1_BASE_URL);

    let us = Client::new("token", "key").expect("valid client");
    assert_eq!(us.base_url(), DEFAULT_BASE_URL);

    let local = Client::builder("r1token", "key")
        .base_url("http://127.0.0.1:9/")
        .build()
        .expect("valid client");
    assert_eq!(local.base_url(), "http://127.0.0.1:9");
}

#[test]
fn target_url_accepts_http_and_https() {
    for url in [
        "http://example.com",
        "https://example.com/hook",
        "HTTPS://example.com/hook?a=1&b=two words",
        "https://user@example.com:8443/x#frag",
        "http://127.0.0.1:8080/",
        "http://[::1]:8080/hook",
    ] {
        assert!(check_target_url(url).is_ok(), "{url} should be accepted");
    }
}

#[test]
fn target_url_rejections_name_the_value() {
    for url in [
        "",
        "example.com/hook",
        "ftp://example.com/hook",
        "https://",
        "https:///path",
        "https://:80/path",
        "//example.com/hook",
        "https://example.com/\nhook",
    ] {
        let (parameter, reason) = invalid_parameter(check_target_url(url));
        assert_eq!(parameter, "target_url", "{url:?}");
        assert!(
            reason.contains(&format!("{url:?}")),
            "{url:?}: reason {reason:?} should quote the value"
        );
    }
}

#[test]
fn encoding_names() {
    assert_eq!("json".parse::<Encoding>().ok(), Some(Encoding::Json));
    assert_eq!("jsonheader".parse::<Encoding>().ok(), Some(Encoding::JsonHeader));
    assert_eq!("form".parse::<Encoding>().ok(), Some(Encoding::Form));
    for bad in ["", "JSON", "xml", "json "] {
        let (parameter, reason) = invalid_parameter(bad.parse::<Encoding>());
        assert_eq!(parameter, "encoding");
        assert!(
            reason.contains("jsonheader"),
            "reason {reason:?} should list the encodings"
        );
    }
}

#[test]
fn events_trimmed_and_joined() {
    let events = Events::parse(" video_ready ,video_delete,  custom_event_2 ").expect("valid list");
    assert_eq!(events.names(), ["video_ready", "video_delete", "custom_event_2"]);
    assert_eq!(events.to_csv(), "video_ready,video_delete,custom_event_2");
}

#[test]
fn events_from_list_types() {
    assert_eq!(["video_ready"].into_events().expect("array").to_csv(), "video_ready");
    assert_eq!(vec!["a", " b "].into_events().expect("vec").to_csv(), "a,b");
    let owned = vec![String::from("video_create")];
    assert_eq!(owned.as_slice().into_events().expect("slice").to_csv(), "video_create");
}

#[test]
fn unknown_well_formed_event_allowed() {
    assert!(Events::parse("video_something_new_2027").is_ok());
}

#[test]
fn events_rejections_name_the_item() {
    let cases: [(&str, &str); 7] = [
        ("", "the list is empty"),
        ("   ", "the list is empty"),
        ("a,,b", "item 2 is empty"),
        ("video_ready,", "item 2 is empty"),
        ("Video_Ready", "\"Video_Ready\""),
        ("video-ready", "\"video-ready\""),
        ("video ready", "\"video ready\""),
    ];
    for (list, expected) in cases {
        let (parameter, reason) = invalid_parameter(Events::parse(list));
        assert_eq!(parameter, "events", "{list:?}");
        assert!(
            reason.contains(expected),
            "{list:?}: reason {reason:?} should contain {expected:?}"
        );
    }

    let empty: [&str; 0] = [];
    let (_, reason) = invalid_parameter(Events::from_names(empty));
    assert!(reason.contains("list is empty"), "{reason}");
}

#[test]
fn confirm_rejects_empty_values() {
    let client = Client::builder("token", "key")
        .base_url("http://127.0.0.1:9")
        .build()
        .expect("valid client");

    let (parameter, _) = invalid_parameter(client.webhooks().confirm("", "123456"));
    assert_eq!(parameter, "webhook_id");
    let (parameter, _) = invalid_parameter(client.webhooks().confirm("wh", ""));
    assert_eq!(parameter, "validation_code");
}

#[test]
fn create_checks_before_sending() {
    // Port 9 (discard) on loopback: a check that passed would try to connect.
    let client = Client::builder("token", "key")
        .base_url("http://127.0.0.1:9")
        .max_retries(0)
        .build()
        .expect("valid client");

    let (parameter, _) = invalid_parameter(client.webhooks().create("not a url", None, "video_ready"));
    assert_eq!(parameter, "target_url");
    let (parameter, _) = invalid_parameter(client.webhooks().create("https://x.example/h", None, "a,,b"));
    assert_eq!(parameter, "events");
    let (parameter, _) = invalid_parameter(client.webhooks().delete("relative/path"));
    assert_eq!(parameter, "target_url");
}

#[test]
fn client_settings_rejections() {
    let cases = [
        (Client::builder("", "key"), "app_token"),
        (Client::builder("token", ""), "private_key"),
        (Client::builder("to:ken", "key"), "app_token"),
        (Client::builder("token", "key").base_url("ftp://x"), "base_url"),
        (Client::builder("token", "key").base_url("not a url"), "base_url"),
        (Client::builder("token", "key").base_url("http://x/?q=1"), "base_url"),
        (
            Client::builder("token", "key").timeout(std::time::Duration::ZERO),
            "timeout",
        ),
        (
            Client::builder("token", "key").connect_timeout(std::time::Duration::ZERO),
            "connect_timeout",
        ),
        (Client::builder("token", "key").user_agent("a\nb"), "user_agent"),
        (
            Client::builder("token", "key").ca_bundle("/nonexistent/ca.pem"),
            "ca_bundle",
        ),
    ];
    for (builder, expected) in cases {
        let (parameter, _) = invalid_parameter(builder.build());
        assert_eq!(parameter, expected);
    }
}

#[test]
fn private_key_never_in_debug_or_errors() {
    let secret = "s3cr3t-private-key";
    let builder = Client::builder("token", secret).base_url("http://127.0.0.1:9");
    assert!(!format!("{builder:?}").contains(secret));

    let client = builder.build().expect("valid client");
    assert!(!format!("{client:?}").contains(secret));

    let error = Client::builder("token", "bad\u{7}key")
        .build()
        .expect_err("control character");
    assert!(!error.to_string().contains("bad\u{7}key"));
}

#[test]
fn huge_argument_quoted_short() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let (_, reason) = invalid_parameter(check_target_url(&huge));
    assert!(reason.len() < 1024, "message is {} bytes", reason.len());
    assert!(reason.contains("10485760 bytes in all"), "{}", &reason[..200]);

    let (_, reason) = invalid_parameter(huge.parse::<Encoding>());
    assert!(reason.len() < 1024, "message is {} bytes", reason.len());
}

#[test]
fn base_url_rejections() {
    let cases = [
        ("http://127.0.0.1:99999", "port outside"),
        ("http://127.0.0.1:0", "port 0"),
        ("http://user:secret@127.0.0.1:8080", "user name or password"),
    ];
    for (base_url, expected) in cases {
        let (parameter, reason) = invalid_parameter(Client::builder("token", "key").base_url(base_url).build());
        assert_eq!(parameter, "base_url");
        assert!(reason.contains(expected), "{base_url}: {reason}");
        assert!(!reason.contains("secret"), "the password is quoted: {reason}");
    }
}

#[test]
fn oversized_credentials_rejected() {
    let long = "t".repeat(100_000);
    let (parameter, reason) = invalid_parameter(Client::builder(long.as_str(), "key").build());
    assert_eq!(parameter, "app_token");
    assert!(reason.contains("100000 bytes"), "{reason}");

    let (parameter, reason) = invalid_parameter(Client::builder("token", long.as_str()).build());
    assert_eq!(parameter, "private_key");
    assert!(!reason.contains(&long[..50]), "the key is quoted");

    let (parameter, _) = invalid_parameter(Client::builder("token", "key").user_agent(long.as_str()).build());
    assert_eq!(parameter, "user_agent");
}
