//! Every list in a request body has a cap: one request cannot buy unbounded work (lookups, rows,
//! e-mails). A list over its cap is refused as a whole at its field, before any entry is used.

use oso_core::list_limit::{
    MAX_ADMINISTRATORS_AT_ONCE, MAX_DECISIONS_AT_ONCE, MAX_DOMAINS_PER_LIST, MAX_ORDER_LINES,
    MAX_USERS_AT_ONCE,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::esecure::{call, protected_account, NUMBER};
use crate::operator::new_operator_token;
use crate::support::spawn_service;

fn refused_as_too_many(status: StatusCode, body: &Value, field: &str) {
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["code"], "validation_failed", "{body}");
    assert_eq!(body["fields"], json!({ field: "too_many" }), "{body}");
}

#[tokio::test]
async fn adding_a_hundred_and_one_users_at_once_is_refused_and_adds_nobody() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let emails: Vec<String> = (0..=MAX_USERS_AT_ONCE)
        .map(|index| format!("user{index}@flood.example"))
        .collect();

    let (status, body) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/users",
        &admin,
        Some(json!({"account_number": NUMBER, "emails": emails})),
    )
    .await;

    refused_as_too_many(status, &body, "emails");
    let (_, audit) = call(&service, Method::GET, "/api/v1/esecure/audit", &admin, None).await;
    assert!(
        !audit.to_string().contains("flood.example"),
        "nobody was added: {audit}"
    );
}

#[tokio::test]
async fn a_hundred_users_at_once_are_still_added() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let emails: Vec<String> = (0..MAX_USERS_AT_ONCE)
        .map(|index| format!("user{index}@team.example"))
        .collect();

    let (status, body) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/users",
        &admin,
        Some(json!({"account_number": NUMBER, "emails": emails})),
    )
    .await;

    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["added"].as_array().map(Vec::len),
        Some(MAX_USERS_AT_ONCE)
    );
}

#[tokio::test]
async fn a_decision_on_more_requests_than_allowed_is_refused_as_too_many() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let ids: Vec<usize> = (1..=MAX_DECISIONS_AT_ONCE + 1).collect();

    let (status, body) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/requests/decision",
        &admin,
        Some(json!({"ids": ids, "decision": "approve"})),
    )
    .await;

    refused_as_too_many(status, &body, "ids");
}

#[tokio::test]
async fn a_domain_list_over_its_cap_is_refused_at_its_own_field() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let domains: Vec<String> = (0..=MAX_DOMAINS_PER_LIST)
        .map(|index| format!("d{index}.example"))
        .collect();

    let (status, body) = call(
        &service,
        Method::PUT,
        &format!("/api/v1/esecure/accounts/{NUMBER}/domains"),
        &admin,
        Some(json!({"authorised": [], "restricted": domains, "restrict_requests": true})),
    )
    .await;

    refused_as_too_many(status, &body, "restricted");
}

#[tokio::test]
async fn an_order_with_more_lines_than_allowed_is_refused_before_its_lines_are_looked_up() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let lines: Vec<Value> = (0..=MAX_ORDER_LINES)
        .map(|index| json!({"sku": format!("NOPE-{index}"), "packs": 1}))
        .collect();
    let address = json!({"company": "Zebra Parcels BV", "contact_person": "Ann Peeters",
        "street": "Meir", "number": "12", "postal_code": "2000", "city": "Antwerpen",
        "country": "BE", "phone": "03 223 45 67"});

    let response = service
        .send(
            Method::POST,
            "/api/v1/orders",
            &token,
            Some(
                json!({"idempotency_key": "list-cap-order-0001", "account_number": "123456789",
                "address": address, "lines": lines}),
            ),
        )
        .await;

    let status = response.status();
    let body: Value = response.json().await.expect("json");
    refused_as_too_many(status, &body, "lines");
}

#[tokio::test]
async fn the_shipped_catalogue_fits_in_one_order_of_the_most_lines_allowed() {
    let service = spawn_service().await;

    let catalogue: Value = service
        .get("/api/v1/catalogue")
        .await
        .json()
        .await
        .expect("catalogue");

    let items = catalogue["items"].as_array().expect("items").len();
    assert!(
        items <= MAX_ORDER_LINES,
        "{items} items are sold: an order with a line for each must be allowed"
    );
}

#[tokio::test]
async fn an_operator_naming_too_many_administrators_at_once_is_refused() {
    let service = spawn_service().await;
    let operator = new_operator_token(&service, "list-caps");
    let administrators: Vec<Value> = (0..=MAX_ADMINISTRATORS_AT_ONCE)
        .map(|index| {
            json!({"name": format!("Admin {index}"), "email": format!("a{index}@zebra.example"),
                   "language": "en"})
        })
        .collect();

    let response = service
        .send(
            Method::POST,
            "/api/v1/operator/customer-accounts",
            &operator,
            Some(
                json!({"number": NUMBER, "company": "Zebra Parcels BV", "protected": true,
                        "administrators": administrators}),
            ),
        )
        .await;

    let status = response.status();
    let body: Value = response.json().await.expect("json");
    refused_as_too_many(status, &body, "administrators");
    assert!(
        service.mails("esecure-welcome").is_empty(),
        "no administrator was welcomed"
    );
}
