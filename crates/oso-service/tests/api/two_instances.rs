//! Two instances of the service on one PostgreSQL database, as behind a load balancer: an order
//! sent to one and retried on the other is stored once under one number, and a job both run at
//! once does its work once. Run by `make test` in the suite's PostgreSQL pass; SQLite serves one
//! instance, so in the SQLite pass these are ignored.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::orders::{order, place};
use crate::support::{second_instance, spawn_service_with_clock, test_clock, TestService};

const ORDERS_PER_INSTANCE: usize = 12;

async fn placed_number(service: &TestService, token: &str, key: &str) -> (StatusCode, String) {
    let response = place(
        service,
        token,
        order(key, json!([{"sku": "ENV-DL-50", "packs": 1}])),
    )
    .await;
    let status = response.status();
    let body: Value = response.json().await.expect("json");
    let number = body["order_number"]
        .as_str()
        .unwrap_or_else(|| panic!("no order number: {body}"))
        .to_owned();
    (status, number)
}

#[tokio::test]
#[ignore = "needs PostgreSQL: the suite's PostgreSQL pass (make test) runs it"]
async fn orders_placed_through_two_instances_at_once_and_retried_on_the_other_are_stored_once() {
    let clock = test_clock();
    let first = spawn_service_with_clock(&clock).await;
    let second = second_instance(&first, &clock).await;
    // Signed in on the first instance, known to the second: sessions live in the database.
    let token = active_user(&first, "ann@zebra.example").await;

    let mut sent = tokio::task::JoinSet::new();
    let instances = std::sync::Arc::new([first, second]);
    for index in 0..2 * ORDERS_PER_INSTANCE {
        let (instances, token) = (instances.clone(), token.clone());
        sent.spawn(async move {
            let key = format!("two-instances-{index:04}-aaaa");
            let (to, retry_on) = (&instances[index % 2], &instances[(index + 1) % 2]);
            let (status, number) = placed_number(to, &token, &key).await;
            assert_eq!(status, StatusCode::CREATED, "{key}");
            // The answer was lost on the way: the client sends it again, and the load balancer
            // hands it to the other instance.
            let (retried, again) = placed_number(retry_on, &token, &key).await;
            assert_eq!(
                retried,
                StatusCode::OK,
                "a retry is answered, not placed: {key}"
            );
            assert_eq!(again, number, "the same order from either instance: {key}");
            number
        });
    }
    let mut numbers = Vec::new();
    while let Some(number) = sent.join_next().await {
        numbers.push(number.expect("the client ran"));
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        2 * ORDERS_PER_INSTANCE,
        "one number per order"
    );

    for instance in instances.iter() {
        let history: Value = instance
            .send(
                reqwest::Method::GET,
                "/api/v1/orders?limit=200",
                &token,
                None,
            )
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(
            history["count"]["counted"],
            2 * ORDERS_PER_INSTANCE,
            "{history}"
        );
        let mut shown: Vec<String> = history["orders"]
            .as_array()
            .expect("orders")
            .iter()
            .map(|row| row["order_number"].as_str().expect("number").to_owned())
            .collect();
        shown.sort();
        assert_eq!(shown, numbers);
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL: the suite's PostgreSQL pass (make test) runs it"]
async fn the_hourly_jobs_run_by_both_instances_at_once_send_each_warning_once() {
    let clock = test_clock();
    let first = spawn_service_with_clock(&clock).await;
    let second = second_instance(&first, &clock).await;
    active_user(&first, "ann@zebra.example").await;
    active_user(&second, "bea@zebra.example").await;
    // Both passwords are a day from their seven-day warning.
    clock.advance(Duration::days(53));

    let (by_first, by_second) = tokio::join!(first.run_jobs(), second.run_jobs());

    assert_eq!(
        by_first + by_second,
        2,
        "two warnings in all, whoever sent them"
    );
    let mut mails = first.settled_mails("password-expiry").await;
    mails.extend(second.settled_mails("password-expiry").await);
    assert_eq!(mails.len(), 2, "one warning per login: {mails:#?}");
    assert_eq!(first.run_jobs().await + second.run_jobs().await, 0);
}
