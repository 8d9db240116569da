//! Many concurrent keep-alive clients: 50 threads × 200 requests, none failing.

mod common;

use std::thread;

use common::*;

const CLIENTS: usize = 50;
const REQUESTS_PER_CLIENT: usize = 200;

#[test]
fn concurrent_clients_all_succeed() {
    let sandbox = start_sandbox();
    let base = sandbox.base_url();
    let id = create_webhook(&base, "http://127.0.0.1:9/load", "json", "video_ready");

    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let base = base.clone();
            let id = id.clone();
            thread::spawn(move || {
                // One agent per thread, so each client reuses its own connection.
                let agent = agent();
                let auth = basic_auth(TOKEN, KEY);
                let mut failures = Vec::new();
                for request in 0..REQUESTS_PER_CLIENT {
                    // A wrong code gets 400 and changes no state.
                    let result = agent
                        .post(format!("{base}/v1/api/confirmhook"))
                        .header("Authorization", &auth)
                        .send_form([("webhook_id", id.as_str()), ("validation_code", "1")]);
                    match result {
                        Ok(response) if response.status().as_u16() == 400 => {}
                        Ok(response) => failures.push(format!(
                            "client {client} request {request}: status {}",
                            response.status()
                        )),
                        Err(e) => failures.push(format!("client {client} request {request}: {e}")),
                    }
                }
                failures
            })
        })
        .collect();

    let failures: Vec<String> = clients
        .into_iter()
        .flat_map(|client| client.join().expect("client thread finishes"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} failed, first: {:?}",
        failures.len(),
        failures.first()
    );

    let counts = get(&base, "/_sandbox/requests").json();
    let expected = (CLIENTS * REQUESTS_PER_CLIENT) as u64;
    assert_eq!(counts["by_path"]["/v1/api/confirmhook"], expected);
    assert_eq!(counts["total"], expected + 1);
}
