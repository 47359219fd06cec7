//! `GET /api/v1/events`: each login hears what concerns it, nothing else, at once; a reconnect
//! with `Last-Event-ID` misses nothing; a stream ends with its session; on PostgreSQL a decision
//! taken on one instance reaches a stream held by another.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::esecure::{call, protected_account, save_number, NUMBER};
use crate::support::{
    on_postgres, second_instance, spawn_service, spawn_service_with_clock, test_clock, TestService,
};

/// Long enough for anything that works; the tests assert arrival, never a time.
const PATIENCE: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
struct Received {
    id: Option<String>,
    kind: String,
    data: Value,
}

/// An open stream, read as Server-Sent Events.
struct Stream {
    response: reqwest::Response,
    pending: String,
    ready: std::collections::VecDeque<Received>,
}

async fn open(service: &TestService, token: &str, last_event_id: Option<&str>) -> Stream {
    let mut request = service
        .client
        .get(service.url("/api/v1/events"))
        .bearer_auth(token);
    if let Some(id) = last_event_id {
        request = request.header("Last-Event-ID", id);
    }
    let response = request.send().await.expect("the service answers");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"]
        .to_str()
        .expect("ascii")
        .starts_with("text/event-stream"));
    Stream {
        response,
        pending: String::new(),
        ready: Default::default(),
    }
}

impl Stream {
    /// The next event, or `None` when the service ended the stream.
    async fn next(&mut self) -> Option<Received> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Some(event);
            }
            let chunk = tokio::time::timeout(PATIENCE, self.response.chunk())
                .await
                .expect("an event before the timeout")
                .ok()??;
            self.pending.push_str(&String::from_utf8_lossy(&chunk));
            while let Some(end) = self.pending.find("\n\n") {
                let block: String = self.pending.drain(..end + 2).collect();
                let (mut id, mut kind, mut data) = (None, String::new(), String::new());
                for line in block.lines() {
                    if let Some(value) = line.strip_prefix("id:") {
                        id = Some(value.trim().to_owned());
                    } else if let Some(value) = line.strip_prefix("event:") {
                        value.trim().clone_into(&mut kind);
                    } else if let Some(value) = line.strip_prefix("data:") {
                        data.push_str(value.trim());
                    }
                }
                if !data.is_empty() {
                    let data = serde_json::from_str(&data).expect("json data");
                    self.ready.push_back(Received { id, kind, data });
                }
            }
        }
    }

    /// The next event of `kind`, skipping others.
    async fn next_of(&mut self, kind: &str) -> Received {
        loop {
            let event = self.next().await.expect("the stream is open");
            if event.kind == kind {
                return event;
            }
        }
    }
}

/// An administrator of `NUMBER` (Ann) and a user who is not (Bob), both signed in.
async fn ann_and_bob(service: &TestService) -> (String, String) {
    let admin = active_user(service, "ann@zebra.example").await;
    protected_account(service, "ann@zebra.example").await;
    let bob = active_user(service, "bob@other.example").await;
    (admin, bob)
}

async fn decide(service: &TestService, admin: &str, id: i64, decision: &str) {
    let (status, _) = call(
        service,
        Method::POST,
        "/api/v1/esecure/requests/decision",
        admin,
        Some(json!({"ids": [id], "decision": decision})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_stream_opens_with_the_summary_and_refuses_a_missing_session() {
    let service = spawn_service().await;
    let (admin, _) = ann_and_bob(&service).await;

    let mut stream = open(&service, &admin, None).await;
    let first = stream.next().await.expect("a first event");

    assert_eq!(first.kind, "summary");
    assert_eq!(first.id, None, "a summary carries no id");
    assert_eq!(
        first.data,
        json!({"administrator": true, "open_requests": 0})
    );
    let anonymous = service.get("/api/v1/events").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_administrator_hears_of_a_request_and_the_requester_of_the_decision() {
    let service = spawn_service().await;
    let (admin, bob) = ann_and_bob(&service).await;
    let mut ann_hears = open(&service, &admin, None).await;
    let mut bob_hears = open(&service, &bob, None).await;
    ann_hears.next_of("summary").await;
    bob_hears.next_of("summary").await;

    save_number(&service, &bob).await;
    let asked = ann_hears.next_of("access_request").await;
    assert_eq!(asked.data["account_number"], NUMBER);
    assert_eq!(asked.data["email"], "bob@other.example");
    assert!(asked.id.is_some());
    let summary = ann_hears.next_of("summary").await;
    assert_eq!(summary.data["open_requests"], 1);

    let id = asked.data["request_id"].as_i64().expect("id");
    decide(&service, &admin, id, "approve").await;
    let decided = bob_hears.next_of("request_decided").await;
    assert_eq!(decided.data["status"], "approved");
    assert_eq!(decided.data["request_id"], id);
    let changed = ann_hears.next_of("requests_changed").await;
    assert_eq!(changed.data["account_number"], NUMBER);
    assert_eq!(ann_hears.next_of("summary").await.data["open_requests"], 0);
}

#[tokio::test]
async fn a_login_hears_nothing_of_anothers_events() {
    let service = spawn_service().await;
    let (admin, bob) = ann_and_bob(&service).await;
    let carol = active_user(&service, "carol@third.example").await;
    let mut carol_hears = open(&service, &carol, None).await;
    carol_hears.next_of("summary").await;

    save_number(&service, &bob).await;
    let bobs = open_request_of(&service, &admin, "bob@other.example").await;
    decide(&service, &admin, bobs, "reject").await;
    // Carol's own decision, after Bob's: had his events reached her, they would come first.
    save_number(&service, &carol).await;
    let carols = open_request_of(&service, &admin, "carol@third.example").await;
    decide(&service, &admin, carols, "approve").await;

    let first = carol_hears.next().await.expect("an event");
    assert_eq!(first.kind, "request_decided", "{first:?}");
    assert_eq!(first.data["request_id"], carols);
}

/// The id of `email`'s open request, as the administrator lists them.
async fn open_request_of(service: &TestService, admin: &str, email: &str) -> i64 {
    let (_, requests) = call(
        service,
        Method::GET,
        "/api/v1/esecure/requests",
        admin,
        None,
    )
    .await;
    requests
        .as_array()
        .expect("a list")
        .iter()
        .find(|request| request["email"] == email && request["status"] == "pending")
        .and_then(|request| request["id"].as_i64())
        .expect("an open request")
}

#[tokio::test]
async fn a_reconnect_with_last_event_id_gets_what_it_missed_and_nothing_twice() {
    let service = spawn_service().await;
    let (admin, bob) = ann_and_bob(&service).await;
    let mut first = open(&service, &admin, None).await;
    first.next_of("summary").await;
    save_number(&service, &bob).await;
    let seen = first.next_of("access_request").await;
    drop(first);

    // Meanwhile, while no stream is open: Carol asks too.
    let carol = active_user(&service, "carol@third.example").await;
    save_number(&service, &carol).await;
    let mut resumed = open(&service, &admin, seen.id.as_deref()).await;

    let missed = resumed.next().await.expect("the missed event");
    assert_eq!(missed.kind, "access_request");
    assert_eq!(missed.data["email"], "carol@third.example");
    assert_eq!(resumed.next().await.expect("then").kind, "summary");
}

#[tokio::test]
async fn an_order_that_moves_is_told_to_its_owner() {
    let service = spawn_service().await;
    let token = active_user(&service, "dirk@zebra.example").await;
    let number = crate::lifecycle::placed_order(&service, &token, "events-order-0001").await;
    let mut hears = open(&service, &token, None).await;
    hears.next_of("summary").await;

    service
        .operator_moves(&number, oso_core::OrderStatus::InProgress, None)
        .await
        .expect("moved");

    let moved = hears.next_of("order_status").await;
    assert_eq!(moved.data["order_number"], number.as_str());
    assert_eq!(moved.data["status"], "in_progress");
}

#[tokio::test]
async fn a_stream_ends_when_its_session_is_signed_out() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let (admin, _) = ann_and_bob(&service).await;
    let mut stream = open(&service, &admin, None).await;
    stream.next_of("summary").await;

    let signed_out = service
        .send(Method::DELETE, "/api/v1/sessions/current", &admin, None)
        .await;
    assert!(signed_out.status().is_success());

    let deadline = tokio::time::Instant::now() + Duration::from_secs(40);
    loop {
        match tokio::time::timeout_at(deadline, stream.response.chunk()).await {
            Ok(Ok(None)) | Ok(Err(_)) => break,
            Ok(Ok(Some(_))) => continue,
            Err(_) => panic!("the stream outlived its session"),
        }
    }
}

#[tokio::test]
async fn on_postgres_a_decision_on_one_instance_reaches_a_stream_on_another() {
    if !on_postgres() {
        return;
    }
    let clock = test_clock();
    let first = spawn_service_with_clock(&clock).await;
    let second = second_instance(&first, &clock).await;
    let (admin, bob) = ann_and_bob(&first).await;
    let mut bob_hears = open(&second, &bob, None).await;
    let mut ann_hears = open(&second, &admin, None).await;
    bob_hears.next_of("summary").await;
    ann_hears.next_of("summary").await;

    save_number(&first, &bob).await;
    let asked = ann_hears.next_of("access_request").await;
    decide(
        &first,
        &admin,
        asked.data["request_id"].as_i64().expect("id"),
        "approve",
    )
    .await;

    assert_eq!(
        bob_hears.next_of("request_decided").await.data["status"],
        "approved"
    );
}

#[tokio::test]
async fn stopping_the_service_ends_its_streams_rather_than_waiting_for_them() {
    let service = spawn_service().await;
    let (admin, _) = ann_and_bob(&service).await;
    let mut stream = open(&service, &admin, None).await;
    stream.next_of("summary").await;

    // A stream is an open connection; a graceful stop that waited for it would never end.
    tokio::time::timeout(PATIENCE, service.shutdown())
        .await
        .expect("the service stops with a stream open");
    let ended = tokio::time::timeout(PATIENCE, stream.response.chunk()).await;
    assert!(
        matches!(ended, Ok(Ok(None)) | Ok(Err(_))),
        "the stream ended with the service"
    );
}
