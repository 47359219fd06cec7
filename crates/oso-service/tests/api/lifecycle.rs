//! The order lifecycle: the supplier moves orders, the customer cancels, the timeline and the
//! Track & Trace link, and retention, with time moved by the Clock.

use chrono::Duration;
use oso_core::OrderStatus;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::support::{spawn_service_with_clock, test_clock, TestService};

pub(crate) async fn placed_order(service: &TestService, token: &str, key: &str) -> String {
    let catalogue: Value = service
        .get("/api/v1/catalogue")
        .await
        .json()
        .await
        .expect("catalogue");
    let body = json!({"idempotency_key": key, "account_number": "951234567",
        "address": {"company": "Zebra", "contact_person": "Ann", "street": "Meir", "number": "1",
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

async fn details(service: &TestService, token: &str, number: &str) -> Value {
    service
        .send(
            Method::GET,
            &format!("/api/v1/orders/{number}"),
            token,
            None,
        )
        .await
        .json()
        .await
        .expect("details")
}

#[tokio::test]
async fn the_supplier_moves_an_order_and_the_customer_sees_status_timeline_and_tracking_link() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    let number = placed_order(&service, &token, "lifecycle-0001-aaaa").await;

    clock.advance(Duration::hours(1));
    service
        .operator_moves(&number, OrderStatus::InProgress, None)
        .await
        .expect("advanced");
    let refused = service
        .operator_moves(&number, OrderStatus::Shipped, None)
        .await;
    assert!(refused.is_err(), "shipping needs a tracking number");
    clock.advance(Duration::hours(1));
    service
        .operator_moves(&number, OrderStatus::Shipped, Some("1234567890"))
        .await
        .expect("shipped");

    let order = details(&service, &token, &number).await;
    assert_eq!(order["status"], "shipped");
    assert_eq!(order["tracking_number"], "1234567890");
    assert!(order["track_and_trace_url"]
        .as_str()
        .unwrap_or_default()
        .ends_with("tracking-id=1234567890"));
    let timeline: Vec<&str> = order["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter_map(|change| change["status"].as_str())
        .collect();
    assert_eq!(timeline, ["received", "in_progress", "shipped"]);
    let shipped_mails = service.mails("order-shipped");
    assert_eq!(shipped_mails.len(), 1);
    assert!(
        shipped_mails[0].contains("is onderweg") && shipped_mails[0].contains("1234567890"),
        "{}",
        shipped_mails[0]
    );
}

#[tokio::test]
async fn the_tracking_link_disappears_ten_days_after_completion() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    let number = placed_order(&service, &token, "lifecycle-0002-aaaa").await;
    service
        .operator_moves(&number, OrderStatus::Shipped, Some("JD014600"))
        .await
        .expect("shipped");
    service
        .operator_moves(&number, OrderStatus::Completed, None)
        .await
        .expect("completed");

    clock.advance(Duration::days(10) - Duration::minutes(1));
    assert!(details(&service, &token, &number).await["track_and_trace_url"].is_string());
    clock.advance(Duration::minutes(1));
    let order = details(&service, &token, &number).await;
    assert!(order["track_and_trace_url"].is_null());
    assert_eq!(order["status"], "completed");
}

#[tokio::test]
async fn orders_are_deleted_thirty_days_after_the_order_date() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    let old = placed_order(&service, &token, "lifecycle-0003-aaaa").await;
    clock.advance(Duration::days(5));
    let newer = placed_order(&service, &token, "lifecycle-0004-aaaa").await;

    clock.advance(Duration::days(25));
    service.run_jobs().await;

    let gone = service
        .send(Method::GET, &format!("/api/v1/orders/{old}"), &token, None)
        .await;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let kept = service
        .send(
            Method::GET,
            &format!("/api/v1/orders/{newer}"),
            &token,
            None,
        )
        .await;
    assert_eq!(kept.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_customer_may_cancel_only_their_own_order_and_only_while_it_is_received() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    let first = placed_order(&service, &ann, "lifecycle-0005-aaaa").await;
    let second = placed_order(&service, &ann, "lifecycle-0006-aaaa").await;

    let foreign = service
        .send(
            Method::POST,
            &format!("/api/v1/orders/{first}/cancel"),
            &bob,
            None,
        )
        .await;
    assert_eq!(foreign.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let cancelled = service
        .send(
            Method::POST,
            &format!("/api/v1/orders/{first}/cancel"),
            &ann,
            None,
        )
        .await;
    assert_eq!(cancelled.status(), StatusCode::NO_CONTENT);
    assert_eq!(details(&service, &ann, &first).await["status"], "cancelled");

    service
        .operator_moves(&second, OrderStatus::InProgress, None)
        .await
        .expect("advanced");
    let late = service
        .send(
            Method::POST,
            &format!("/api/v1/orders/{second}/cancel"),
            &ann,
            None,
        )
        .await;
    let body: Value = late.json().await.expect("json");
    assert_eq!(body["fields"]["status"], "not_allowed_now");
}

#[tokio::test]
async fn the_operator_command_lists_and_moves_orders_beside_a_running_service() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    let number = placed_order(&service, &token, "lifecycle-cli-0001").await;
    let run = |args: &[&str]| {
        let output = service.command("orders").args(args).output().expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };

    assert!(run(&["list"]).contains(&number));
    assert_eq!(
        run(&["advance", &number]).trim(),
        format!("{number}: in_progress")
    );
    run(&["ship", &number, "--tracking", "7777777777"]);
    let listed = run(&["list", "--status", "shipped"]);
    assert!(
        listed.contains(&number) && listed.contains("7777777777"),
        "{listed}"
    );

    let order = details(&service, &token, &number).await;
    assert_eq!(order["status"], "shipped");
    assert_eq!(service.mails("order-shipped").len(), 1);
    run(&["complete", &number]);
    assert_eq!(
        details(&service, &token, &number).await["status"],
        "completed"
    );
}

#[tokio::test]
async fn the_demo_setting_moves_orders_by_itself_and_is_off_by_default() {
    assert_eq!(
        oso_service::ServiceConfig::default().demo_advance_orders_every_seconds,
        None
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let config = oso_service::ServiceConfig {
        demo_advance_orders_every_seconds: Some(1),
        ..crate::support::config(dir.path()).await
    };
    let running = oso_service::start(config).await.expect("starts");
    let service = TestService::wrap(running, dir.path().to_owned());
    let token = active_user(&service, "ann@zebra.example").await;
    let number = placed_order(&service, &token, "lifecycle-demo-0001").await;

    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let order = details(&service, &token, &number).await;
        if order["status"] == "shipped" || order["status"] == "completed" {
            assert!(order["tracking_number"]
                .as_str()
                .unwrap_or_default()
                .starts_with("DEMO"));
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the demo never shipped the order"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}
