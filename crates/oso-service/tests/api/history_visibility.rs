//! Whose orders a login reads (issue 17, finding 3): the orders it placed itself and, for an
//! account number it administers under eSecure, every order on that number. Saving or removing
//! a number changes what may be ordered with, never whose orders are visible. Every read path is
//! tried: the history and its count, the export, the details (with Track & Trace), cancelling,
//! and the numbers the history's filter offers.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::esecure::{call, protected_account, save_number, NUMBER};
use crate::lifecycle::placed_order;
use crate::support::TestService;
use crate::support::{spawn_service_with_clock, test_clock};

const UNPROTECTED: &str = "123456789";

async fn order_with(service: &TestService, token: &str, key: &str, number: &str) -> String {
    let body = json!({"idempotency_key": key, "account_number": number,
        "address": {"company": "Zebra Parcels BV", "contact_person": "Ann Peeters", "street": "Meir",
                    "number": "1", "postal_code": "2000", "city": "Antwerpen", "country": "BE",
                    "phone": "03 223 45 67", "email": "ann.private@zebra.example"},
        "lines": [{"sku": "ENV-DL-50", "packs": 1}]});
    let (status, placed) = call(service, Method::POST, "/api/v1/orders", token, Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{placed}");
    placed["order_number"].as_str().expect("number").to_owned()
}

/// The order numbers of the history, of the export, and the numbers the filter offers.
async fn what_is_read(service: &TestService, token: &str) -> (Vec<String>, Vec<String>, Value) {
    let numbers = |body: &Value| -> Vec<String> {
        let mut numbers: Vec<String> = body["orders"]
            .as_array()
            .map(|orders| {
                orders
                    .iter()
                    .map(|order| order["order_number"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default();
        numbers.sort();
        numbers
    };
    let (status, history) = call(service, Method::GET, "/api/v1/orders", token, None).await;
    assert_eq!(status, StatusCode::OK, "{history}");
    assert_eq!(
        history["count"]["counted"].as_u64(),
        history["orders"]
            .as_array()
            .map(|orders| orders.len() as u64),
        "the count counts what the page shows"
    );
    let (status, export) = call(service, Method::GET, "/api/v1/orders/export", token, None).await;
    assert_eq!(status, StatusCode::OK, "{export}");
    // Its status is left to the callers' comparisons, which come after the history's.
    let (_, filter) = call(
        service,
        Method::GET,
        "/api/v1/orders/account-numbers",
        token,
        None,
    )
    .await;
    (numbers(&history), numbers(&export), filter)
}

async fn details_status(service: &TestService, token: &str, order: &str) -> StatusCode {
    call(
        service,
        Method::GET,
        &format!("/api/v1/orders/{order}"),
        token,
        None,
    )
    .await
    .0
}

#[tokio::test]
async fn another_company_that_saves_an_unprotected_number_reads_none_of_the_orders_placed_with_it()
{
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let mallory = active_user(&service, "mallory@rival.example").await;
    let anns = order_with(&service, &ann, "visibility-a-0001", UNPROTECTED).await;
    service
        .operator_moves(&anns, oso_core::OrderStatus::InProgress, None)
        .await
        .expect("moved");
    let received = order_with(&service, &ann, "visibility-a-0002", UNPROTECTED).await;

    let (status, _) = call(
        &service,
        Method::POST,
        "/api/v1/me/account-numbers",
        &mallory,
        Some(json!({"number": UNPROTECTED, "name": "Theirs"})),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "anyone may save an unprotected number, to order with it"
    );

    let (history, export, filter) = what_is_read(&service, &mallory).await;
    assert!(history.is_empty(), "history: {history:?}");
    assert!(export.is_empty(), "export: {export:?}");
    assert_eq!(filter, json!([]), "a number saved alone is no filter");
    let (_, filtered) = call(
        &service,
        Method::GET,
        &format!("/api/v1/orders?account_number={UNPROTECTED}"),
        &mallory,
        None,
    )
    .await;
    assert_eq!(filtered["count"]["counted"], 0);
    for order in [&anns, &received] {
        assert_eq!(
            details_status(&service, &mallory, order).await,
            StatusCode::NOT_FOUND,
            "details, contact and Track & Trace of {order}"
        );
    }
    let (status, _) = call(
        &service,
        Method::POST,
        &format!("/api/v1/orders/{received}/cancel"),
        &mallory,
        None,
    )
    .await;
    assert!(!status.is_success(), "cancelling another's order: {status}");

    let (history, export, filter) = what_is_read(&service, &ann).await;
    let mut both = vec![anns.clone(), received.clone()];
    both.sort();
    assert_eq!((history, export), (both.clone(), both));
    assert_eq!(filter, json!([{"number": UNPROTECTED, "name": ""}]));
    let (_, still) = call(
        &service,
        Method::GET,
        &format!("/api/v1/orders/{received}"),
        &ann,
        None,
    )
    .await;
    assert_eq!(
        still["status"], "received",
        "mallory's cancel changed nothing"
    );
}

#[tokio::test]
async fn saving_or_removing_a_number_never_changes_whose_orders_a_colleague_sees() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let piet = active_user(&service, "piet@zebra.example").await;
    let anns = order_with(&service, &ann, "visibility-b-0001", UNPROTECTED).await;
    let (status, saved) = call(
        &service,
        Method::POST,
        "/api/v1/me/account-numbers",
        &piet,
        Some(json!({"number": UNPROTECTED, "name": "Warehouse"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (history, _, filter) = what_is_read(&service, &piet).await;
    assert!(
        history.is_empty(),
        "a colleague's saved number: {history:?}"
    );
    assert_eq!(filter, json!([]));

    let piets = order_with(&service, &piet, "visibility-b-0002", UNPROTECTED).await;
    let (history, export, filter) = what_is_read(&service, &piet).await;
    assert_eq!(
        (history, export),
        (vec![piets.clone()], vec![piets.clone()])
    );
    assert_eq!(
        filter,
        json!([{"number": UNPROTECTED, "name": "Warehouse"}])
    );
    assert_eq!(
        details_status(&service, &piet, &anns).await,
        StatusCode::NOT_FOUND
    );

    let (status, _) = call(
        &service,
        Method::DELETE,
        &format!("/api/v1/me/account-numbers/{}", saved["id"]),
        &piet,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (history, _, filter) = what_is_read(&service, &piet).await;
    assert_eq!(history, vec![piets.clone()], "removing hides nothing");
    assert_eq!(filter, json!([{"number": UNPROTECTED, "name": ""}]));
    assert_eq!(
        details_status(&service, &piet, &piets).await,
        StatusCode::OK
    );
    let (history, _, _) = what_is_read(&service, &ann).await;
    assert_eq!(history, vec![anns], "ann never saved the number");
}

#[tokio::test]
async fn an_administrator_reads_every_order_on_their_number_and_an_approved_user_only_their_own() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let carl = active_user(&service, "carl@third.example").await;
    let (status, _) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/users",
        &admin,
        Some(json!({"account_number": NUMBER, "emails": ["carl@third.example"]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(save_number(&service, &carl).await.0, StatusCode::CREATED);
    let carls = placed_order(&service, &carl, "visibility-c-0001").await;
    let admins = placed_order(&service, &admin, "visibility-c-0002").await;
    let mut both = vec![carls.clone(), admins.clone()];
    both.sort();

    let (history, export, filter) = what_is_read(&service, &admin).await;
    assert_eq!(
        (history, export),
        (both.clone(), both),
        "never saved, but administered"
    );
    assert_eq!(filter, json!([{"number": NUMBER, "name": ""}]));
    let (status, details) = call(
        &service,
        Method::GET,
        &format!("/api/v1/orders/{carls}"),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // Every test login registers as "Ann Peeters"; here it names carl.
    assert_eq!(details["ordered_by"], "Ann Peeters", "who ordered");

    let (history, export, filter) = what_is_read(&service, &carl).await;
    assert_eq!((history, export), (vec![carls.clone()], vec![carls]));
    assert_eq!(filter, json!([{"number": NUMBER, "name": "Zebra"}]));
    assert_eq!(
        details_status(&service, &carl, &admins).await,
        StatusCode::NOT_FOUND,
        "an approved user reads the orders they placed, not the administrator's"
    );
}

/// Ann, administrator of the protected number, makes Bea one too.
async fn bea_administers_the_number(service: &TestService, ann: &str) {
    let (status, _) = call(
        service,
        Method::POST,
        &format!("/api/v1/esecure/accounts/{NUMBER}/administrators"),
        ann,
        Some(json!({"name": "Bea", "email": "bea@zebra.example", "language": "en"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_removed_administrator_stops_reading_the_orders_others_placed_on_the_number() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bea = active_user(&service, "bea@zebra.example").await;
    bea_administers_the_number(&service, &ann).await;
    let anns = placed_order(&service, &ann, "visibility-d-0001").await;
    let (history, _, _) = what_is_read(&service, &bea).await;
    assert_eq!(history, vec![anns.clone()], "a second administrator");

    let (status, _) = call(
        &service,
        Method::DELETE,
        &format!("/api/v1/esecure/accounts/{NUMBER}/administrators/bea@zebra.example"),
        &ann,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (history, export, filter) = what_is_read(&service, &bea).await;
    assert!(history.is_empty() && export.is_empty(), "{history:?}");
    assert_eq!(filter, json!([]));
    assert_eq!(
        details_status(&service, &bea, &anns).await,
        StatusCode::NOT_FOUND
    );
}

// On PostgreSQL a page is read beside its session, for what the token's session showed last
// (`orders::history_beside_session`); these check that only the session read now decides.

#[tokio::test]
async fn an_administrator_added_between_two_pages_reads_the_numbers_orders_on_the_second() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bea = active_user(&service, "bea@zebra.example").await;
    let anns = placed_order(&service, &ann, "visibility-e-0001").await;
    let (history, _, _) = what_is_read(&service, &bea).await;
    assert!(history.is_empty(), "not an administrator yet: {history:?}");

    bea_administers_the_number(&service, &ann).await;

    let (history, _, _) = what_is_read(&service, &bea).await;
    assert_eq!(history, vec![anns]);
}

#[tokio::test]
async fn a_token_signed_out_right_after_reading_its_history_reads_no_more() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    placed_order(&service, &ann, "visibility-f-0001").await;
    let (history, _, _) = what_is_read(&service, &ann).await;
    assert_eq!(history.len(), 1);

    let (status, _) = call(
        &service,
        Method::DELETE,
        "/api/v1/sessions/current",
        &ann,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let (status, body) = call(&service, Method::GET, "/api/v1/orders", &ann, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["code"], "unauthenticated");
    assert!(body.get("orders").is_none(), "{body}");
}

#[tokio::test]
async fn a_history_query_that_cannot_be_read_is_refused_only_to_a_session_in_use() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let unreadable = "/api/v1/orders?limit=many";

    let (status, body) = call(&service, Method::GET, unreadable, "not-a-session", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["code"], "unauthenticated");

    let (status, body) = call(&service, Method::GET, unreadable, &ann, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "bad_request");
}
