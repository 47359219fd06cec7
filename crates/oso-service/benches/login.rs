//! Sign-in latency against its baseline, one argon2id verification, measured in the same run:
//! `cargo bench -p oso-service --bench login` (release profile). Prints medians and the ratio.
//! `OSO_BENCH_ROUNDS` sets the number of rounds (default 30).

use std::time::{Duration, Instant};

use oso_core::SecretString;
use oso_service::accounts::password_hash::{hash_password, verify_password};
use oso_service::ServiceConfig;
use serde_json::json;

const PASSWORD: &str = "tall giraffe eats blue kites";

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let rounds: usize = std::env::var("OSO_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::tempdir().expect("temp dir");
    let service = oso_service::start(ServiceConfig::embedded(dir.path()))
        .await
        .expect("service");
    let http = reqwest::Client::new();
    let url = service.url();
    http.post(format!("{url}/api/v1/registrations"))
        .json(
            &json!({"company_name": "Bench", "contact_name": "Bench", "email": "bench@oso.example",
                      "password": PASSWORD, "language": "en"}),
        )
        .send()
        .await
        .expect("registered");
    let mails =
        oso_service::mail::outbox::read_mails(service.outbox_dir(), "activation").expect("outbox");
    let code = mails
        .last()
        .and_then(|mail| oso_service::mail::outbox::find_code(mail))
        .expect("code");
    http.post(format!("{url}/api/v1/activations"))
        .json(&json!({"email": "bench@oso.example", "code": code}))
        .send()
        .await
        .expect("activated");

    let secret = SecretString::new(PASSWORD);
    let stored = hash_password(&secret).await.expect("hash");
    let mut hashes = Vec::new();
    let mut verifications = Vec::new();
    let mut logins = Vec::new();
    for _ in 0..rounds {
        let start = Instant::now();
        hash_password(&secret).await.expect("hash");
        hashes.push(start.elapsed());

        let start = Instant::now();
        assert!(verify_password(&secret, Some(stored.clone()))
            .await
            .expect("verify"));
        verifications.push(start.elapsed());

        let start = Instant::now();
        let response = http
            .post(format!("{url}/api/v1/sessions"))
            .json(&json!({"email": "bench@oso.example", "password": PASSWORD}))
            .send()
            .await
            .expect("login");
        assert_eq!(response.status(), reqwest::StatusCode::CREATED);
        logins.push(start.elapsed());
    }
    let (hash, verify, login) = (median(hashes), median(verifications), median(logins));
    println!("rounds: {rounds}");
    println!(
        "argon2id hash (m=19456 KiB, t=2, p=1), median: {:.1} ms",
        millis(hash)
    );
    println!(
        "argon2id verification (baseline), median:    {:.1} ms",
        millis(verify)
    );
    println!(
        "sign-in over HTTP, median:                   {:.1} ms",
        millis(login)
    );
    println!(
        "ratio sign-in / verification:                {:.2}",
        login.as_secs_f64() / verify.as_secs_f64()
    );
    service.shutdown().await.expect("shutdown");
}
