//! "Forget me" for eSecure's administrators (issue 17, finding 7): a forgotten administrator is
//! no administrator any more and leaves no trace in the database or the outbox, the audit trail
//! keeps the events with the person made unrecognisable, and the last administrator of a
//! protected account is not forgotten until another one is added. The requester's side is in
//! `passwords_and_profile` (the personal-data scan).

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::{active_user, sign_in, PASSWORD};
use crate::esecure::{call, protected_account, save_number, NUMBER};
use crate::lifecycle::placed_order;
use crate::support::{spawn_service, TestService};

const ANN: &str = "anneliese.oppenheim@zebra.example";

/// Ann, with a name, company and phone of her own (the scan looks for each), signed in.
async fn ann_signed_in(service: &TestService) -> String {
    let registered = service
        .post(
            "/api/v1/registrations",
            json!({"company_name": "Quixotic Admin Holdings", "contact_name": "Anneliese Oppenheim",
                     "email": ANN, "password": PASSWORD, "language": "en"}),
        )
        .await;
    assert_eq!(registered.status(), StatusCode::ACCEPTED);
    let code = oso_service::mail::outbox::newest_code_for(
        &service.data_dir().join("outbox"),
        "activation",
        ANN,
    )
    .expect("outbox")
    .expect("activation mail");
    service
        .post("/api/v1/activations", json!({"email": ANN, "code": code}))
        .await;
    let grant: Value = sign_in(service, ANN, PASSWORD)
        .await
        .json()
        .await
        .expect("grant");
    let token = grant["token"].as_str().expect("token").to_owned();
    let (status, _) = call(service, Method::PUT, "/api/v1/me", &token,
        Some(json!({"email": ANN, "company_name": "Quixotic Admin Holdings",
                    "contact_name": "Anneliese Oppenheim", "phone": "+32 470 55 44 33", "language": "en"})))
        .await;
    assert_eq!(status, StatusCode::OK);
    token
}

async fn forget(service: &TestService, token: &str) -> (StatusCode, Value) {
    call(
        service,
        Method::POST,
        "/api/v1/me/forget",
        token,
        Some(json!({"password": PASSWORD})),
    )
    .await
}

#[tokio::test]
async fn the_last_administrator_of_a_protected_account_is_not_forgotten_until_another_is_added() {
    let service = spawn_service().await;
    let ann = ann_signed_in(&service).await;
    protected_account(&service, ANN).await;

    let (status, body) = forget(&service, &ann).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("last_administrator")),
        "{body}"
    );
    let (status, _) = call(&service, Method::GET, "/api/v1/me", &ann, None).await;
    assert_eq!(status, StatusCode::OK, "nothing was forgotten");
    let (_, summary) = call(&service, Method::GET, "/api/v1/esecure/summary", &ann, None).await;
    assert_eq!(summary["administrator"], true);

    let (status, _) = call(
        &service,
        Method::POST,
        &format!("/api/v1/esecure/accounts/{NUMBER}/administrators"),
        &ann,
        Some(json!({"name": "Bea", "email": "bea@zebra.example", "language": "en"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = forget(&service, &ann).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
}

#[tokio::test]
async fn a_forgotten_administrator_is_no_administrator_and_leaves_no_trace() {
    let service = spawn_service().await;
    let ann = ann_signed_in(&service).await;
    protected_account(&service, ANN).await;
    let bea = active_user(&service, "bea@zebra.example").await;
    // Bea's welcome mail names Ann as who added her.
    let (status, _) = call(
        &service,
        Method::POST,
        &format!("/api/v1/esecure/accounts/{NUMBER}/administrators"),
        &ann,
        Some(json!({"name": "Bea", "email": "bea@zebra.example", "language": "en"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    // Carl asks; Ann approves him (decided by Ann) and orders herself.
    let carl = active_user(&service, "carl@third.example").await;
    assert_eq!(save_number(&service, &carl).await.0, StatusCode::FORBIDDEN);
    let (_, requests) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/requests",
        &ann,
        None,
    )
    .await;
    let (status, _) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/requests/decision",
        &ann,
        Some(json!({"ids": [requests[0]["id"]], "decision": "approve"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    placed_order(&service, &ann, "forget-admin-0001").await;
    assert!(
        !service.stored_copies_of(&["anneliese"]).await.is_empty(),
        "the scan below finds what is there"
    );

    let (status, body) = forget(&service, &ann).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");

    let leaks = service
        .stored_copies_of(&["anneliese", "oppenheim", "Quixotic", "32470554433"])
        .await;
    assert!(leaks.is_empty(), "personal data left in {leaks:?}");
    let (_, accounts) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/accounts",
        &bea,
        None,
    )
    .await;
    let admins: Vec<&str> = accounts[0]["administrators"]
        .as_array()
        .expect("administrators")
        .iter()
        .map(|admin| admin["email"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(admins, ["bea@zebra.example"]);
    let (_, trail) = call(&service, Method::GET, "/api/v1/esecure/audit", &bea, None).await;
    let newest = &trail[0];
    assert_eq!(
        (&newest["action"], &newest["actor"], &newest["subject"]),
        (
            &json!("administrator_removed"),
            &json!("forgotten"),
            &json!("forgotten")
        )
    );
    let (_, requests) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/requests?status=approved",
        &bea,
        None,
    )
    .await;
    assert_eq!(
        (&requests[0]["email"], &requests[0]["decided_by"]),
        (&json!("carl@third.example"), &json!("forgotten"))
    );
    let (status, _) = save_number(&service, &carl).await;
    assert_eq!(status, StatusCode::CREATED, "Ann's decision stands");

    // Whoever registers the address next administers nothing and reads no order on the number.
    let newcomer = ann_signed_in(&service).await;
    let (_, summary) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/summary",
        &newcomer,
        None,
    )
    .await;
    assert_eq!(summary["administrator"], false);
    let (_, history) = call(&service, Method::GET, "/api/v1/orders", &newcomer, None).await;
    assert_eq!(history["count"]["counted"], 0);
    let (status, _) = save_number(&service, &newcomer).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
