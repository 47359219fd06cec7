//! The operator API: only operator tokens open it; operators list and move orders over HTTP.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::lifecycle::placed_order;
use crate::support::{spawn_service, TestService};

/// Runs `oso-service operators …` on the service's data directory and answers its output.
fn operators(service: &TestService, args: &[&str]) -> std::process::Output {
    service
        .command("operators")
        .args(args)
        .output()
        .expect("runs")
}

pub(crate) fn new_operator_token(service: &TestService, name: &str) -> String {
    let output = operators(service, &["create-token", name]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let token = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    assert!(token.starts_with("oso_op_"), "{token}");
    token
}

async fn move_order(
    service: &TestService,
    token: &str,
    number: &str,
    body: Value,
) -> reqwest::Response {
    service
        .send(
            Method::POST,
            &format!("/api/v1/operator/orders/{number}/status"),
            token,
            Some(body),
        )
        .await
}

#[tokio::test]
async fn the_operator_api_refuses_no_token_a_customer_session_and_a_revoked_token() {
    let service = spawn_service().await;
    let customer = active_user(&service, "ann@zebra.example").await;
    let operator = new_operator_token(&service, "supplier");

    assert_eq!(
        service.get("/api/v1/operator/orders").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let as_customer = service
        .send(Method::GET, "/api/v1/operator/orders", &customer, None)
        .await;
    assert_eq!(as_customer.status(), StatusCode::UNAUTHORIZED);
    let body: Value = as_customer.json().await.expect("json");
    assert_eq!(body["code"], "unauthenticated");
    let forged = format!("{}x", operator);
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/operator/orders", &forged, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    // An operator token is no customer session either.
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/orders", &operator, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/operator/orders", &operator, None)
            .await
            .status(),
        StatusCode::OK
    );

    let revoked = operators(&service, &["revoke", "supplier"]);
    assert!(revoked.status.success());
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/operator/orders", &operator, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let listed = String::from_utf8_lossy(&operators(&service, &["list"]).stdout).into_owned();
    assert!(
        listed.contains("supplier") && listed.contains("revoked"),
        "{listed}"
    );
}

#[tokio::test]
async fn an_operator_name_is_given_one_live_token_and_odd_names_are_refused() {
    let service = spawn_service().await;
    new_operator_token(&service, "warehouse");
    let again = operators(&service, &["create-token", "warehouse"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has a token"));
    let odd = operators(&service, &["create-token", "two words"]);
    assert!(!odd.status.success());
    let unknown = operators(&service, &["revoke", "nobody"]);
    assert!(!unknown.status.success());
}

#[tokio::test]
async fn an_operator_lists_and_moves_orders_over_http_and_the_customer_is_mailed_on_shipping() {
    let service = spawn_service().await;
    let customer = active_user(&service, "ann@zebra.example").await;
    let number = placed_order(&service, &customer, "operator-api-0001").await;
    let operator = new_operator_token(&service, "supplier");

    let listed: Value = service
        .send(
            Method::GET,
            "/api/v1/operator/orders?status=received",
            &operator,
            None,
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(listed[0]["order_number"], number.as_str());
    assert_eq!(listed[0]["status"], "received");

    let advanced = move_order(&service, &operator, &number, json!({})).await;
    assert_eq!(advanced.status(), StatusCode::OK);
    let advanced: Value = advanced.json().await.expect("json");
    assert_eq!(advanced["status"], "in_progress");

    let untracked = move_order(&service, &operator, &number, json!({"to": "shipped"})).await;
    assert_eq!(untracked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let shipped = move_order(
        &service,
        &operator,
        &number,
        json!({"to": "shipped", "tracking_number": "3SABC1234567"}),
    )
    .await;
    assert_eq!(shipped.status(), StatusCode::OK);
    assert_eq!(service.mails("order-shipped").len(), 1);

    let backwards = move_order(&service, &operator, &number, json!({"to": "received"})).await;
    assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let nonsense = move_order(&service, &operator, &number, json!({"to": "teleported"})).await;
    assert_eq!(nonsense.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = nonsense.json().await.expect("json");
    assert_eq!(body["fields"]["to"], "unknown_status");
    let missing = move_order(&service, &operator, "OSO-2026-999999", json!({})).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let bad_filter = service
        .send(
            Method::GET,
            "/api/v1/operator/orders?status=lost",
            &operator,
            None,
        )
        .await;
    assert_eq!(bad_filter.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let order: Value = service
        .send(
            Method::GET,
            &format!("/api/v1/orders/{number}"),
            &customer,
            None,
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(order["status"], "shipped");
}
