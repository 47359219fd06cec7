//! The order history's search (order or tracking number), date range and packs column: done by
//! the service over every order, so they hold across pages and combine with the other filters
//! and every sort.

use oso_core::OrderStatus;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::support::{spawn_service_with_clock, test_clock, TestService};

/// Places an order of `packs` packs of the catalogue's first item; its order number.
async fn order_of(service: &TestService, token: &str, key: &str, packs: u32) -> String {
    let catalogue: Value = service
        .get("/api/v1/catalogue")
        .await
        .json()
        .await
        .expect("catalogue");
    let body = json!({"idempotency_key": key, "account_number": "951234567",
        "address": {"company": "Zebra", "contact_person": "Ann", "street": "Meir", "number": "1",
                    "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67"},
        "lines": [{"sku": catalogue["items"][0]["sku"], "packs": packs}]});
    let placed: Value = service
        .send(Method::POST, "/api/v1/orders", token, Some(body))
        .await
        .json()
        .await
        .expect("order");
    placed["order_number"]
        .as_str()
        .unwrap_or_else(|| panic!("placed: {placed}"))
        .to_owned()
}

async fn history(service: &TestService, token: &str, query: &str) -> Value {
    service
        .send(Method::GET, &format!("/api/v1/orders?{query}"), token, None)
        .await
        .json()
        .await
        .expect("history")
}

fn numbers(page: &Value) -> Vec<String> {
    page["orders"]
        .as_array()
        .expect("orders")
        .iter()
        .map(|row| row["order_number"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn the_history_finds_an_order_by_a_part_of_its_order_or_tracking_number_on_every_page() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    let mut placed = Vec::new();
    for index in 0..4 {
        placed.push(order_of(&service, &token, &format!("search-order-{index:04}"), 1).await);
        clock.advance(chrono::Duration::minutes(1));
    }
    service
        .operator_moves(&placed[0], OrderStatus::Shipped, Some("JD0146 0000 7777"))
        .await
        .expect("shipped");

    // Whole and in part, in any case, with or without spaces.
    let by_number = history(&service, &token, &format!("search={}", placed[2])).await;
    assert_eq!(numbers(&by_number), [placed[2].clone()]);
    let tail = &placed[3][placed[3].len() - 4..];
    let lower = placed[3].to_lowercase();
    assert_eq!(
        numbers(&history(&service, &token, &format!("search={lower}")).await),
        [placed[3].clone()]
    );
    assert!(
        numbers(&history(&service, &token, &format!("search={tail}")).await).contains(&placed[3])
    );
    let by_tracking = history(&service, &token, "search=jd0146%200000%207777").await;
    assert_eq!(numbers(&by_tracking), [placed[0].clone()]);
    assert_eq!(by_tracking["count"]["counted"], 1);

    // All orders are searched, not the page shown: the oldest is on the last page unfiltered.
    let oldest = history(&service, &token, &format!("search={}&limit=2", placed[0])).await;
    assert_eq!(numbers(&oldest), [placed[0].clone()]);

    // With the other filters: the shipped order is not "received".
    let combined = history(&service, &token, "search=JD0146&status=received").await;
    assert_eq!(combined["count"]["counted"], 0);
    // A wildcard typed by the user is only itself.
    assert_eq!(
        history(&service, &token, "search=%25").await["count"]["counted"],
        0
    );
    assert_eq!(
        history(&service, &token, "search=%20").await["count"]["counted"],
        4
    );

    let refused = service
        .send(
            Method::GET,
            &format!("/api/v1/orders?search={}", "9".repeat(65)),
            &token,
            None,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.expect("error shape");
    assert_eq!(body["fields"]["search"], "too_long", "{body}");
}

#[tokio::test]
async fn the_history_shows_the_orders_placed_within_a_date_range_and_refuses_one_that_ends_first() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    // 2 November, 3 November and 5 November 2026, 09:00 UTC.
    let first = order_of(&service, &token, "dates-order-0001", 1).await;
    clock.advance(chrono::Duration::days(1));
    let second = order_of(&service, &token, "dates-order-0002", 1).await;
    clock.advance(chrono::Duration::days(2));
    let third = order_of(&service, &token, "dates-order-0003", 1).await;

    let from_3rd = "created_from=2026-11-03T00:00:00Z";
    let before_4th = "created_before=2026-11-04T00:00:00Z";
    assert_eq!(
        numbers(&history(&service, &token, from_3rd).await),
        [third.clone(), second.clone()]
    );
    assert_eq!(
        numbers(&history(&service, &token, before_4th).await),
        [second.clone(), first.clone()]
    );
    let within = history(&service, &token, &format!("{from_3rd}&{before_4th}")).await;
    assert_eq!(numbers(&within), std::slice::from_ref(&second));
    assert_eq!(within["count"]["counted"], 1);
    // An offset in the instant counts: 09:00 UTC on the 2nd is 10:00 in Brussels.
    let brussels =
        "created_from=2026-11-02T10:00:00%2B01:00&created_before=2026-11-02T10:00:01%2B01:00";
    assert_eq!(numbers(&history(&service, &token, brussels).await), [first]);
    // The export follows the same range.
    let export: Value = service
        .send(
            Method::GET,
            &format!("/api/v1/orders/export?{from_3rd}&{before_4th}"),
            &token,
            None,
        )
        .await
        .json()
        .await
        .expect("export");
    assert_eq!(numbers(&export), [second]);

    let refused = service
        .send(
            Method::GET,
            "/api/v1/orders?created_from=2026-11-04T00:00:00Z&created_before=2026-11-03T00:00:00Z",
            &token,
            None,
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.expect("error shape");
    assert_eq!(body["fields"]["created_before"], "before_from", "{body}");
    let not_an_instant = service
        .send(
            Method::GET,
            "/api/v1/orders?created_from=yesterday",
            &token,
            None,
        )
        .await;
    assert_eq!(not_an_instant.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_history_lists_each_orders_total_packs_and_sorts_by_them_both_ways() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    let mut placed = Vec::new();
    for (index, packs) in [2, 5, 1].into_iter().enumerate() {
        placed.push(order_of(&service, &token, &format!("packs-order-{index:04}"), packs).await);
        clock.advance(chrono::Duration::minutes(1));
    }

    let newest_first = history(&service, &token, "").await;
    let packs: Vec<u64> = newest_first["orders"]
        .as_array()
        .expect("orders")
        .iter()
        .map(|row| row["packs"].as_u64().expect("packs"))
        .collect();
    assert_eq!(packs, [1, 5, 2]);
    assert_eq!(
        numbers(&history(&service, &token, "sort=packs&direction=asc").await),
        [placed[2].clone(), placed[0].clone(), placed[1].clone()]
    );
    let first = history(&service, &token, "sort=packs&direction=desc&limit=1").await;
    let after = first["next"].as_str().expect("a next page");
    assert_eq!(
        numbers(
            &history(
                &service,
                &token,
                &format!("sort=packs&direction=desc&limit=1&after={after}")
            )
            .await
        ),
        [placed[0].clone()]
    );
}

#[tokio::test]
async fn a_search_for_another_companys_order_number_finds_nothing_of_theirs() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    let anns = order_of(&service, &ann, "history-filter-other-0001", 2).await;

    let searched = history(&service, &bob, &format!("search={anns}")).await;

    assert_eq!(numbers(&searched), Vec::<String>::new(), "{searched}");
    assert_eq!(searched["count"]["counted"], 0, "{searched}");
    let own = history(&service, &ann, &format!("search={anns}")).await;
    assert_eq!(numbers(&own), vec![anns]);
}
