//! eSecure over HTTP, the requester's side: protected numbers ask the administrators, who decide
//! in the app or reject from the e-mail's page; approval, revoking and the audit trail. The
//! administrators' own pages are in `esecure_admin`.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::lifecycle::placed_order;
use crate::operator::new_operator_token;
use crate::support::{spawn_service, spawn_service_with_clock, test_clock, TestService};

pub(crate) const NUMBER: &str = "951234567";

/// A protected account administered by `admin_email`, made through the operator API.
pub(crate) async fn protected_account(service: &TestService, admin_email: &str) {
    let operator = new_operator_token(service, "esecure-setup");
    let created = service
        .send(
            Method::POST,
            "/api/v1/operator/customer-accounts",
            &operator,
            Some(
                json!({"number": NUMBER, "company": "Zebra Parcels BV", "protected": true,
                "administrators": [{"name": "Ann Admin", "email": admin_email, "language": "en"}]}),
            ),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
}

pub(crate) async fn call(
    service: &TestService,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let response = service.send(method, path, token, body).await;
    let status = response.status();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

pub(crate) async fn save_number(service: &TestService, token: &str) -> (StatusCode, Value) {
    call(
        service,
        Method::POST,
        "/api/v1/me/account-numbers",
        token,
        Some(json!({"number": NUMBER, "name": "Zebra"})),
    )
    .await
}

fn reject_link(mail: &str) -> String {
    let start = mail.find("http://").expect("a link");
    let link: String = mail[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<')
        .collect();
    assert!(link.contains("/esecure/reject?token="), "{link}");
    link
}

#[tokio::test]
async fn using_a_protected_number_asks_the_administrators_once_and_the_user_is_told() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;

    let (status, body) = save_number(&service, &bob).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["code"], "approval_pending");
    assert_eq!(body["fields"]["number"], "approval_pending");
    let mails = service.mails("esecure-request");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains("bob@other.example") && mails[0].contains("•••••4567"),
        "{}",
        mails[0]
    );
    assert!(!mails[0].contains(NUMBER), "the number is masked");
    let (_, requests) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/requests",
        &admin,
        None,
    )
    .await;
    let open_in_app = format!("oso://esecure/requests/{}", requests[0]["id"]);
    assert!(mails[0].contains(&open_in_app), "Open in OSO: {}", mails[0]);

    // Trying again, or ordering, asks nobody again.
    save_number(&service, &bob).await;
    let order = service
        .send(
            Method::POST,
            "/api/v1/orders",
            &bob,
            Some(order_body("esecure-0001-bbbb")),
        )
        .await;
    assert_eq!(order.status(), StatusCode::FORBIDDEN);
    let body: Value = order.json().await.expect("json");
    assert_eq!(body["code"], "approval_pending");
    assert_eq!(body["fields"]["account_number"], "approval_pending");
    assert_eq!(service.mails("esecure-request").len(), 1);

    let (_, summary) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/summary",
        &admin,
        None,
    )
    .await;
    assert_eq!(summary, json!({"administrator": true, "open_requests": 1}));
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    assert_eq!(mine[0]["status"], "pending");
    // The administrator uses their own number freely.
    assert_eq!(save_number(&service, &admin).await.0, StatusCode::CREATED);
}

pub(crate) fn order_body(key: &str) -> Value {
    json!({"idempotency_key": key, "account_number": NUMBER,
        "address": {"company": "Other", "contact_person": "Bob", "street": "Meir", "number": "1",
                    "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67"},
        "lines": [{"sku": "ENV-DL-50", "packs": 1}]})
}

#[tokio::test]
async fn the_reject_page_shows_the_request_on_get_and_rejects_only_on_its_post_once() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    save_number(&service, &bob).await;
    let link = reject_link(&service.mails("esecure-request")[0]);

    let shown = service.client.get(&link).send().await.expect("page");
    assert_eq!(shown.status(), StatusCode::OK);
    let html = shown.text().await.expect("html");
    assert!(
        html.contains("bob@other.example") && html.contains("method=\"post\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"oso://esecure/requests/"),
        "Open in OSO: {html}"
    );
    // Opening the link (as a mail scanner does) rejected nothing.
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    assert_eq!(mine[0]["status"], "pending");

    let token = link.split("token=").nth(1).expect("token").to_owned();
    let posted = service
        .client
        .post(service.url("/esecure/reject"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("post");
    assert!(posted
        .text()
        .await
        .expect("html")
        .contains("bob@other.example"));
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    assert_eq!(mine[0]["status"], "rejected");
    let decisions = service.mails("esecure-decision");
    assert_eq!(decisions.len(), 1);
    assert!(decisions[0].contains("•••••4567"));

    let again = service
        .client
        .post(service.url("/esecure/reject"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("post");
    assert!(
        !again
            .text()
            .await
            .expect("html")
            .contains("bob@other.example"),
        "single use"
    );
    let (status, body) = save_number(&service, &bob).await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::FORBIDDEN, json!("approval_rejected"))
    );
    assert_eq!(
        service.mails("esecure-request").len(),
        1,
        "a rejected user does not ask again"
    );
}

#[tokio::test]
async fn a_reject_link_expires_and_a_forged_one_rejects_nothing() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    save_number(&service, &bob).await;
    let link = reject_link(&service.mails("esecure-request")[0]);
    let token = link.split("token=").nth(1).expect("token").to_owned();

    for forged in ["", "x", "' OR 1=1 --", &format!("{token}x")] {
        let page = service
            .client
            .post(service.url("/esecure/reject"))
            .form(&[("token", forged)])
            .send()
            .await
            .expect("post");
        assert_eq!(page.status(), StatusCode::OK);
        assert!(!page
            .text()
            .await
            .expect("html")
            .contains("bob@other.example"));
    }
    clock.advance(Duration::days(15));
    service
        .client
        .post(service.url("/esecure/reject"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("post");
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    assert_eq!(
        mine[0]["status"], "pending",
        "an expired link rejects nothing"
    );
}

#[tokio::test]
async fn an_approved_user_orders_and_sees_the_history_until_revoked_at_once() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    save_number(&service, &bob).await;
    let (_, requests) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/requests",
        &admin,
        None,
    )
    .await;
    let id = requests[0]["id"].as_i64().expect("id");

    let (status, body) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/requests/decision",
        &admin,
        Some(json!({"ids": [id], "decision": "approve"})),
    )
    .await;
    assert_eq!(
        (status, body["decided"].clone()),
        (StatusCode::OK, json!(1))
    );
    assert_eq!(service.mails("esecure-decision").len(), 1);
    assert_eq!(save_number(&service, &bob).await.0, StatusCode::CREATED);
    let number = placed_order(&service, &bob, "esecure-approved-0001").await;
    let (_, history) = call(&service, Method::GET, "/api/v1/orders", &bob, None).await;
    assert_eq!(history["orders"][0]["order_number"], number.as_str());
    // The administrator sees the order too: it was placed with the number they administer.
    let (_, theirs) = call(&service, Method::GET, "/api/v1/orders", &admin, None).await;
    assert_eq!(theirs["count"]["counted"], 1, "administered, never saved");

    let (status, _) = call(
        &service,
        Method::POST,
        &format!("/api/v1/esecure/requests/{id}/revoke"),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, history) = call(&service, Method::GET, "/api/v1/orders", &bob, None).await;
    assert_eq!(
        history["count"]["counted"], 0,
        "revoked: the number's history is gone at once"
    );
    let (status, _) = call(
        &service,
        Method::GET,
        &format!("/api/v1/orders/{number}"),
        &bob,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let refused = service
        .send(
            Method::POST,
            "/api/v1/orders",
            &bob,
            Some(order_body("esecure-revoked-0002")),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        service.mails("esecure-request").len(),
        2,
        "asking again after a revoke is a new request"
    );

    let (_, trail) = call(&service, Method::GET, "/api/v1/esecure/audit", &admin, None).await;
    let actions: Vec<&str> = trail
        .as_array()
        .expect("audit")
        .iter()
        .map(|e| e["action"].as_str().unwrap_or(""))
        .collect();
    for action in [
        "requested",
        "approved",
        "revoked",
        "account_created",
        "administrator_added",
    ] {
        assert!(
            actions.contains(&action),
            "{action} missing from {actions:?}"
        );
    }
}
