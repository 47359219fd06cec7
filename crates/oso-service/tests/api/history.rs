//! The order history: sorting by each column both ways, filters, paging, the export. Who sees
//! which orders is in `history_visibility`.

use oso_core::OrderStatus;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::support::{spawn_service_with_clock, test_clock, TestService};

async fn order(
    service: &TestService,
    token: &str,
    key: &str,
    account: &str,
    company: &str,
) -> String {
    let catalogue: Value = service
        .get("/api/v1/catalogue")
        .await
        .json()
        .await
        .expect("catalogue");
    let body = json!({"idempotency_key": key, "account_number": account,
        "address": {"company": company, "contact_person": "Ann", "street": "Meir", "number": "1",
                    "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67"},
        "lines": [{"sku": catalogue["items"][0]["sku"], "packs": 1}]});
    let placed: Value = service
        .send(Method::POST, "/api/v1/orders", token, Some(body))
        .await
        .json()
        .await
        .expect("order");
    placed["order_number"].as_str().expect("number").to_owned()
}

async fn history(service: &TestService, token: &str, query: &str) -> Value {
    service
        .send(Method::GET, &format!("/api/v1/orders?{query}"), token, None)
        .await
        .json()
        .await
        .expect("history")
}

fn column(page: &Value, name: &str) -> Vec<String> {
    page["orders"]
        .as_array()
        .expect("orders")
        .iter()
        .map(|row| row[name].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn the_history_lists_newest_first_and_sorts_by_every_column_both_ways() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    let first = order(&service, &token, "history-0001-aaaa", "951234567", "Bravo").await;
    clock.advance(chrono::Duration::hours(1));
    let second = order(&service, &token, "history-0002-aaaa", "111222333", "alpha").await;
    clock.advance(chrono::Duration::hours(1));
    let third = order(
        &service,
        &token,
        "history-0003-aaaa",
        "999888777",
        "Charlie",
    )
    .await;
    service
        .operator_moves(&first, OrderStatus::InProgress, None)
        .await
        .expect("moved");

    let newest_first = history(&service, &token, "").await;
    assert_eq!(newest_first["count"]["counted"], 3);
    assert_eq!(
        column(&newest_first, "order_number"),
        [third.clone(), second.clone(), first.clone()]
    );

    for (sort, name) in [
        ("order_number", "order_number"),
        ("created_at", "order_number"),
        ("status", "status"),
        ("account_number", "account_number"),
        ("company", "company"),
    ] {
        let ascending = column(
            &history(&service, &token, &format!("sort={sort}&direction=asc")).await,
            name,
        );
        let mut descending = column(
            &history(&service, &token, &format!("sort={sort}&direction=desc")).await,
            name,
        );
        descending.reverse();
        assert_eq!(ascending, descending, "{sort} reverses");
        let mut sorted = ascending.clone();
        sorted.sort_by_key(|value| value.to_lowercase());
        if sort == "status" {
            // The lifecycle's order, not the codes' alphabet (which puts in_progress first).
            assert_eq!(
                ascending,
                ["received", "received", "in_progress"],
                "status ascending"
            );
        } else if sort != "created_at" {
            assert_eq!(ascending, sorted, "{sort} ascending");
        }
    }
}

#[tokio::test]
async fn the_history_filters_by_status_and_account_number_and_pages() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    for index in 0..5 {
        order(
            &service,
            &token,
            &format!("history-paging-{index:04}"),
            "951234567",
            "Zebra",
        )
        .await;
    }
    let other = order(
        &service,
        &token,
        "history-paging-9999",
        "111222333",
        "Zebra",
    )
    .await;
    service
        .operator_moves(&other, OrderStatus::InProgress, None)
        .await
        .expect("moved");

    assert_eq!(
        history(&service, &token, "status=in_progress").await["count"]["counted"],
        1
    );
    assert_eq!(
        history(&service, &token, "account_number=951234567").await["count"]["counted"],
        5
    );
    // Three pages of two, each read from the cursor the page before gave; only the first is
    // counted, and the last gives no cursor.
    let first = history(&service, &token, "limit=2").await;
    assert_eq!(
        first["count"],
        serde_json::json!({ "counted": 6, "more": false })
    );
    // Sorted again with the count kept by the caller: the same page, not counted.
    let uncounted = history(&service, &token, "limit=2&count=false").await;
    assert!(uncounted.get("count").is_none(), "{uncounted}");
    assert_eq!(uncounted["orders"], first["orders"]);
    assert_eq!(
        history(&service, &token, "limit=2&count=true").await["count"],
        first["count"]
    );
    let mut seen = column(&first, "order_number");
    let mut next = first["next"].as_str().map(str::to_owned);
    let mut pages = 1;
    while let Some(after) = next {
        let later = history(&service, &token, &format!("limit=2&after={after}")).await;
        assert!(later.get("count").is_none(), "{later}");
        assert_eq!(later["orders"].as_array().map(Vec::len), Some(2));
        seen.extend(column(&later, "order_number"));
        next = later["next"].as_str().map(str::to_owned);
        pages += 1;
    }
    assert_eq!(pages, 3);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 6, "every order once: {seen:?}");
    let refused = service
        .send(
            Method::GET,
            "/api/v1/orders?after=not-a-cursor",
            &token,
            None,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.expect("error shape");
    assert_eq!(body["fields"]["after"], "invalid_cursor");
    let refused = service
        .send(Method::GET, "/api/v1/orders?sort=sideways", &token, None)
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let body: Value = refused.json().await.expect("error shape");
    assert_eq!(body["code"], "bad_request");
}

#[tokio::test]
async fn the_export_holds_every_filtered_order_with_its_lines_and_address_and_nothing_of_others() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    let first = order(&service, &ann, "export-0001-aaaa", "951234567", "Bravo").await;
    clock.advance(chrono::Duration::hours(1));
    let second = order(&service, &ann, "export-0002-aaaa", "951234567", "Alpha").await;
    order(&service, &bob, "export-0003-bbbb", "951234568", "Other").await;
    service
        .operator_moves(&first, OrderStatus::Cancelled, None)
        .await
        .expect("cancelled");

    let export = |token: String, query: &'static str| {
        let service = &service;
        async move {
            service
                .send(
                    Method::GET,
                    &format!("/api/v1/orders/export?{query}"),
                    &token,
                    None,
                )
                .await
        }
    };
    let all: Value = export(ann.clone(), "").await.json().await.expect("json");
    assert_eq!(
        column(&all, "order_number"),
        [second.clone(), first.clone()]
    );
    assert_eq!(all["truncated"], false);
    let order = &all["orders"][0];
    assert_eq!(order["city"], "Antwerpen");
    assert_eq!(order["contact_person"], "Ann");
    assert_eq!(order["lines"][0]["packs"], 1);
    assert!(!order["lines"][0]["name"]["fr"]
        .as_str()
        .unwrap_or("")
        .is_empty());

    let cancelled: Value = export(ann.clone(), "status=cancelled&sort=company&direction=asc")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(column(&cancelled, "order_number"), [first]);

    let bobs: Value = export(bob, "").await.json().await.expect("json");
    assert!(!column(&bobs, "order_number").contains(&second));

    let refused = export(ann, "status=lost").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        service.get("/api/v1/orders/export").await.status(),
        StatusCode::UNAUTHORIZED
    );
}
