use std::time::Duration;

use axum::extract::Request;
use axum::http::header;
use axum::routing::{any, get};
use axum::{Json, Router};
use oso_api::ErrorCode;
use serde_json::{json, Value};

use super::*;
use crate::client::ServiceClient;

/// What the router saw of a request, echoed as JSON.
async fn echo(request: Request) -> Json<Value> {
    let uri = request.uri().clone();
    let (method, authorization, content_type) = {
        let headers = request.headers();
        let text = |name: header::HeaderName| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        (
            request.method().to_string(),
            text(header::AUTHORIZATION),
            text(header::CONTENT_TYPE),
        )
    };
    let body = axum::body::to_bytes(request.into_body(), usize::MAX)
        .await
        .expect("a body");
    Json(json!({
        "method": method,
        "path": uri.path(),
        "query": uri.query(),
        "authorization": authorization,
        "content_type": content_type,
        "body": String::from_utf8_lossy(&body),
    }))
}

fn local(router: Router) -> LocalService {
    LocalService::new(move |request| {
        let router = router.clone();
        Box::pin(async move {
            match tower::ServiceExt::oneshot(router, request).await {
                Ok(response) => Some(response),
                Err(never) => match never {},
            }
        })
    })
}

async fn over_http(router: Router) -> Url {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("bound");
    tokio::spawn(async move { axum::serve(listener, router).await });
    Url::parse(&format!("http://{address}/")).expect("url")
}

fn outgoing<'a>(base: &Url, token: Option<&'a SecretString>, json: Option<&str>) -> Outgoing<'a> {
    Outgoing {
        method: Method::POST,
        url: base
            .join("api/v1/echo?after=12.x%20y&sort=status")
            .expect("url"),
        token,
        json: json.map(|text| text.as_bytes().to_vec()),
        timeout: Duration::from_secs(5),
    }
}

#[tokio::test]
async fn a_request_in_process_reaches_the_router_as_the_same_request_over_http_does() {
    let router = Router::new().route("/api/v1/echo", any(echo));
    let base = over_http(router.clone()).await;
    let http = Transport::Http(reqwest::Client::new());
    let in_process = Transport::InProcess(local(router));
    let token = SecretString::new("session-token".to_owned());

    for (token, json) in [(Some(&token), Some(r#"{"packs":3}"#)), (None, None)] {
        let by_http = http.send(outgoing(&base, token, json)).await.expect("http");
        let by_call = in_process
            .send(outgoing(&base, token, json))
            .await
            .expect("in process");
        assert_eq!(by_call.status, by_http.status);
        let seen: Value = serde_json::from_slice(&by_call.body).expect("json");
        assert_eq!(
            seen,
            serde_json::from_slice::<Value>(&by_http.body).expect("json")
        );
        assert_eq!(seen["path"], "/api/v1/echo");
        assert_eq!(seen["query"], "after=12.x%20y&sort=status");
    }
    let seen: Value = serde_json::from_slice(
        &in_process
            .send(outgoing(&base, Some(&token), Some(r#"{"packs":3}"#)))
            .await
            .expect("in process")
            .body,
    )
    .expect("json");
    assert_eq!(seen["authorization"], "Bearer session-token");
    assert_eq!(seen["content_type"], "application/json");
    assert_eq!(seen["body"], r#"{"packs":3}"#);
}

#[tokio::test]
async fn a_local_service_that_does_not_answer_in_time_counts_as_unreachable() {
    let router = Router::new().route(
        "/api/v1/echo",
        any(|| async {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            "too late"
        }),
    );
    let base = Url::parse("http://127.0.0.1:1/").expect("url");
    let mut request = outgoing(&base, None, None);
    request.timeout = Duration::from_millis(20);

    match Transport::InProcess(local(router)).send(request).await {
        Err(ClientError::Unreachable(TransportError::TimedOut(waited))) => {
            assert_eq!(waited, Duration::from_millis(20));
        }
        Err(other) => panic!("expected a time-out, got {other}"),
        Ok(answer) => panic!("expected a time-out, got status {}", answer.status),
    }
}

#[tokio::test]
async fn a_refusal_in_process_comes_back_as_the_services_error_code() {
    let router = Router::new().route(
        "/api/v1/health",
        get(|| async {
            (
                StatusCode::FORBIDDEN,
                Json(json!({"code": "forbidden", "message": "not yours"})),
            )
        }),
    );
    let client = ServiceClient::in_process(
        Url::parse("http://127.0.0.1:1/").expect("url"),
        local(router),
    )
    .expect("client");

    match client.health().await {
        Err(ClientError::Refused(body)) => assert_eq!(body.code, ErrorCode::Forbidden),
        other => panic!("expected the refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn an_answer_in_process_without_an_error_body_is_reported_as_unexpected() {
    let router = Router::new().route(
        "/api/v1/health",
        get(|| async { (StatusCode::IM_A_TEAPOT, "<html>teapot</html>") }),
    );
    let client = ServiceClient::in_process(
        Url::parse("http://127.0.0.1:1/").expect("url"),
        local(router),
    )
    .expect("client");

    match client.health().await {
        Err(ClientError::UnexpectedAnswer(message)) => assert!(message.contains("418")),
        other => panic!("expected an unexpected answer, got {other:?}"),
    }
}

#[tokio::test]
async fn a_call_to_a_local_service_that_has_stopped_counts_as_unreachable() {
    let stopped = LocalService::new(|_request| Box::pin(async { None }));
    let client =
        ServiceClient::in_process(Url::parse("http://127.0.0.1:1/").expect("url"), stopped)
            .expect("client");

    match client.health().await {
        Err(ClientError::Unreachable(TransportError::Stopped)) => {}
        other => panic!("expected unreachable, got {other:?}"),
    }
}
