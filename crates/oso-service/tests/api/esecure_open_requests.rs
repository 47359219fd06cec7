//! eSecure requests left open: one reminder to the administrators after 48 hours, expiry after
//! 14 days (a rejection nobody made), with the requester told by mail and on their stream; and
//! the requester's note on an open request, mailed to the administrators and in their list.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::accounts::{active_user, sign_in, PASSWORD};
use crate::esecure::{call, protected_account, save_number};
use crate::support::{spawn_service_with_clock, test_clock, TestService};

async fn fresh_session(service: &TestService, email: &str) -> String {
    let grant: Value = sign_in(service, email, PASSWORD)
        .await
        .json()
        .await
        .expect("grant");
    grant["token"].as_str().expect("token").to_owned()
}

#[tokio::test]
async fn an_open_request_reminds_once_after_two_days_and_expires_after_fourteen() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    save_number(&service, &bob).await;

    clock.advance(Duration::hours(47));
    service.run_jobs().await;
    assert!(service.mails("esecure-reminder").is_empty(), "not yet");

    clock.advance(Duration::hours(2));
    service.run_jobs().await;
    let reminders = service.mails_once("esecure-reminder", 1).await;
    assert_eq!(reminders.len(), 1);
    assert!(
        reminders[0].contains("Reminder"),
        "in Ann's language (en): {}",
        reminders[0]
    );
    assert!(
        reminders[0].contains("oso://esecure/requests/"),
        "{}",
        reminders[0]
    );
    assert!(
        reminders[0].contains("/esecure/reject?token="),
        "{}",
        reminders[0]
    );
    clock.advance(Duration::hours(24));
    service.run_jobs().await;
    assert_eq!(service.mails("esecure-reminder").len(), 1, "once only");

    clock.advance(Duration::days(12));
    service.run_jobs().await;
    let told = service.mails_once("esecure-decision", 1).await;
    assert_eq!(told.len(), 1);
    assert!(
        told[0].contains("vervallen"),
        "expired, in Bob's language: {}",
        told[0]
    );
    let bob = fresh_session(&service, "bob@other.example").await;
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    assert_eq!(mine[0]["status"], "rejected", "{mine}");
    assert_eq!(mine[0]["decided_by"], Value::Null, "nobody decided: {mine}");
    let (status, refused) = save_number(&service, &bob).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(refused["code"], "approval_rejected");
    let ann = fresh_session(&service, "ann@zebra.example").await;
    let (_, audit) = call(&service, Method::GET, "/api/v1/esecure/audit", &ann, None).await;
    assert!(
        audit.to_string().contains("\"expired\""),
        "the audit trail says it expired: {audit}"
    );
    // On the requester's stream: replayed from the start, the decision says it expired.
    let response = service
        .client
        .get(service.url("/api/v1/events"))
        .bearer_auth(&bob)
        .header("Last-Event-ID", "0")
        .send()
        .await
        .expect("stream");
    let mut response = response;
    let mut text = String::new();
    while !text.contains("\"expired\":true") {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(10), response.chunk())
            .await
            .expect("an event before the timeout")
            .expect("readable")
            .expect("the stream is open");
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
}

async fn put_note(
    service: &TestService,
    token: &str,
    id: &Value,
    note: &str,
) -> (StatusCode, Value) {
    call(
        service,
        Method::PUT,
        &format!("/api/v1/esecure/my-requests/{id}/note"),
        token,
        Some(serde_json::json!({ "note": note })),
    )
    .await
}

#[tokio::test]
async fn a_requesters_note_reaches_the_administrators_by_mail_and_in_their_list() {
    let service = crate::support::spawn_service().await;
    let ann = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    save_number(&service, &bob).await;
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    let id = mine[0]["id"].clone();

    let (status, refused) = put_note(&service, &bob, &id, &"x".repeat(501)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["fields"]["note"], "too_long");
    let carol = active_user(&service, "carol@third.example").await;
    let (status, _) = put_note(&service, &carol, &id, "not my request").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "only the requester writes its note"
    );

    let (status, _) = put_note(&service, &bob, &id, "  I am the new office manager ").await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let mailed = service.mails_once("esecure-note", 1).await;
    assert_eq!(mailed.len(), 1);
    assert!(
        mailed[0].contains("I am the new office manager"),
        "{}",
        mailed[0]
    );
    assert!(
        mailed[0].contains("/esecure/reject?token="),
        "{}",
        mailed[0]
    );
    let (_, listed) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/requests",
        &ann,
        None,
    )
    .await;
    assert_eq!(listed[0]["note"], "I am the new office manager");

    let (status, _) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/requests/decision",
        &ann,
        Some(serde_json::json!({"ids": [id], "decision": "approve"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = put_note(&service, &bob, &id, "too late").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a decided request takes no note"
    );
}
