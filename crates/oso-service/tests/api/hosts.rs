//! Whom the service answers: a page on a rebound name (DNS rebinding) gets nothing from a
//! loopback service, and no answer can be sniffed into another content type.

use reqwest::header::{HOST, X_CONTENT_TYPE_OPTIONS};
use reqwest::StatusCode;
use serde_json::Value;

use crate::support::spawn_service;

#[tokio::test]
async fn a_dns_rebinding_page_is_refused_by_a_loopback_service() {
    let service = spawn_service().await;

    // What a browser sends for http://attacker.example:PORT/ once the name points to 127.0.0.1.
    let response = reqwest::Client::new()
        .get(service.url("/api/v1/health"))
        .header(HOST, format!("attacker.example:{}", service.address.port()))
        .send()
        .await
        .expect("answer");

    assert_eq!(response.status(), StatusCode::MISDIRECTED_REQUEST);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["code"], "misdirected_request");
}

#[tokio::test]
async fn a_rebound_name_cannot_reach_the_pages_behind_e_mailed_links_either() {
    let service = spawn_service().await;

    let response = reqwest::Client::new()
        .get(service.url("/activate?token=x"))
        .header(HOST, "attacker.example")
        .send()
        .await
        .expect("answer");

    assert_eq!(response.status(), StatusCode::MISDIRECTED_REQUEST);
}

#[tokio::test]
async fn a_loopback_service_answers_its_own_address_and_localhost() {
    let service = spawn_service().await;
    let port = service.address.port();

    for host in [format!("127.0.0.1:{port}"), format!("localhost:{port}")] {
        let response = reqwest::Client::new()
            .get(service.url("/api/v1/health"))
            .header(HOST, &host)
            .send()
            .await
            .expect("answer");
        assert_eq!(response.status(), StatusCode::OK, "{host}");
    }
}

#[tokio::test]
async fn every_kind_of_answer_forbids_content_sniffing() {
    let service = spawn_service().await;

    let answers = [
        service.get("/api/v1/health").await,
        service.get("/api/v1/openapi.json").await,
        service.get("/api/v1/no-such-route").await,
        service.get("/api/v1/me").await,
        service.get("/activate?token=unknown").await,
        reqwest::Client::new()
            .get(service.url("/api/v1/health"))
            .header(HOST, "attacker.example")
            .send()
            .await
            .expect("answer"),
    ];

    for answer in answers {
        assert_eq!(
            answer
                .headers()
                .get(X_CONTENT_TYPE_OPTIONS)
                .map(|value| value.as_bytes()),
            Some(&b"nosniff"[..]),
            "{} {}",
            answer.url(),
            answer.status()
        );
    }
}
