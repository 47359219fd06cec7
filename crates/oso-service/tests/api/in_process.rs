//! The embedded service called in process (`RunningService::in_process`), as its desktop calls
//! it: the same router, so the same answers, guard and session rules as over HTTP.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::Value;

use crate::accounts::active_user;
use crate::support::{spawn_service, TestService};

async fn call(service: &TestService, request: Request<Body>) -> (StatusCode, Value) {
    let response = service
        .in_process()
        .call(request)
        .await
        .expect("a running service answers");
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a whole body");
    (status, serde_json::from_slice(&body).expect("a JSON body"))
}

fn get(path: &str, token: Option<&str>) -> Request<Body> {
    let mut request = Request::get(path);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    request.body(Body::empty()).expect("a request")
}

#[tokio::test]
async fn a_call_in_process_answers_the_profile_exactly_as_http_does() {
    let service = spawn_service().await;
    let token = active_user(&service, "in-process@zebra.example").await;

    let (status, in_process) = call(&service, get("/api/v1/me", Some(&token))).await;
    let over_http: Value = service
        .send(reqwest::Method::GET, "/api/v1/me", &token, None)
        .await
        .json()
        .await
        .expect("json");

    assert_eq!(status, StatusCode::OK);
    assert_eq!(in_process, over_http);
    assert_eq!(in_process["email"], "in-process@zebra.example");
}

#[tokio::test]
async fn a_call_in_process_without_a_session_or_with_a_forged_one_is_refused_as_over_http() {
    let service = spawn_service().await;

    let (status, body) = call(&service, get("/api/v1/me", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "unauthenticated");

    let (status, body) = call(&service, get("/api/v1/me", Some("forged-token"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "unauthenticated");
}

#[tokio::test]
async fn a_call_in_process_passes_the_host_guard_whatever_host_its_caller_wrote() {
    let service = spawn_service().await;
    let request = Request::get("/api/v1/health")
        .header(header::HOST, "attacker.example")
        .body(Body::empty())
        .expect("a request");

    let (status, body) = call(&service, request).await;

    // The guard checks the Host a browser sends; in process there is no browser, and the
    // service names its own listener.
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn an_unknown_path_in_process_gets_the_same_closed_error_code_as_over_http() {
    let service = spawn_service().await;

    let (status, body) = call(&service, get("/api/v1/no-such-thing", None)).await;

    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], "not_found");
}

#[tokio::test]
async fn once_the_service_stops_a_call_in_process_is_refused_as_a_connection_would_be() {
    let service = spawn_service().await;
    let handle = service.in_process();

    service.shutdown().await;

    let refused = handle.call(get("/api/v1/health", None)).await;
    assert_eq!(refused.err(), Some(oso_service::Stopped));
}

#[tokio::test]
async fn an_order_whose_caller_in_process_stopped_waiting_is_still_placed_and_confirmed() {
    let service = spawn_service().await;
    let token = active_user(&service, "gave-up@zebra.example").await;
    // Holding the write lock keeps the order waiting in the service while its caller gives up.
    let mut lock = service
        .database()
        .begin_write()
        .await
        .expect("a transaction");
    if let oso_service::database::Tx::Postgres(tx) = &mut lock {
        sqlx::query("LOCK TABLE orders IN EXCLUSIVE MODE")
            .execute(&mut **tx)
            .await
            .expect("the orders locked");
    }
    let body = crate::orders::order(
        "in-process-gone-0001",
        serde_json::json!([{"sku": "ENV-DL-50", "packs": 1}]),
    );
    let request = Request::post("/api/v1/orders")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .expect("a request");

    let handle = service.in_process();
    let gave_up =
        tokio::time::timeout(std::time::Duration::from_millis(300), handle.call(request)).await;
    assert!(gave_up.is_err(), "the order waited for the lock");
    drop(lock);

    for _ in 0..100 {
        if service.mails("order-confirmation").len() == 1 {
            let (_, history) = call(&service, get("/api/v1/orders", Some(&token))).await;
            assert_eq!(history["count"]["counted"], 1, "{history}");
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the order was dropped with its caller: no confirmation e-mail");
}
