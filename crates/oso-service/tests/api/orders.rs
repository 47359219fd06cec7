//! Placing orders: validation in the service, limits, idempotency, confirmation e-mail.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::support::{spawn_service, TestService};

pub(crate) fn address() -> Value {
    json!({"company": "Zebra Parcels BV", "contact_person": "Ann Peeters", "street": "Meir",
           "number": "12", "postal_code": "2000", "city": "Antwerpen", "country": "BE",
           "phone": "03 223 45 67"})
}

async fn catalogue(service: &TestService) -> Value {
    service
        .get("/api/v1/catalogue")
        .await
        .json()
        .await
        .expect("catalogue")
}

pub(crate) async fn place(service: &TestService, token: &str, body: Value) -> reqwest::Response {
    service
        .send(Method::POST, "/api/v1/orders", token, Some(body))
        .await
}

pub(crate) fn order(key: &str, lines: Value) -> Value {
    json!({"idempotency_key": key, "account_number": "951234567", "address": address(), "lines": lines})
}

#[tokio::test]
async fn placing_an_order_answers_its_number_and_mails_a_confirmation_in_the_users_language() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let catalogue = catalogue(&service).await;
    let sku = catalogue["items"][0]["sku"]
        .as_str()
        .expect("sku")
        .to_owned();
    let dutch_name = catalogue["items"][0]["name"]["nl"]
        .as_str()
        .expect("name")
        .to_owned();

    let response = place(
        &service,
        &token,
        order("draft-0001-aaaa-bbbb", json!([{"sku": sku, "packs": 2}])),
    )
    .await;

    assert_eq!(response.status(), StatusCode::CREATED);
    let placed: Value = response.json().await.expect("json");
    let number = placed["order_number"].as_str().expect("number").to_owned();
    assert!(number.starts_with("OSO-"), "{number}");
    assert_eq!(placed["status"], "received");
    assert_eq!(placed["address"]["phone"], "+3232234567");
    let mails = service.mails_once("order-confirmation", 1).await;
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains(&number) && mails[0].contains(&dutch_name),
        "{}",
        mails[0]
    );
    let read: Value = service
        .send(
            Method::GET,
            &format!("/api/v1/orders/{number}"),
            &token,
            None,
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(read["lines"], json!([{"sku": sku, "packs": 2}]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_key_places_the_order_only_once_even_when_sent_at_the_same_time() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let sku = catalogue(&service).await["items"][1]["sku"]
        .as_str()
        .expect("sku")
        .to_owned();
    let body = order("draft-0002-aaaa-bbbb", json!([{"sku": sku, "packs": 1}]));

    let mut tries = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let (client, url, token, body) = (
            service.client.clone(),
            service.url("/api/v1/orders"),
            token.clone(),
            body.clone(),
        );
        tries.spawn(async move {
            client
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .expect("answers")
        });
    }
    let mut numbers = Vec::new();
    while let Some(answer) = tries.join_next().await {
        let answer = answer.expect("task");
        assert!(
            answer.status() == StatusCode::CREATED || answer.status() == StatusCode::OK,
            "{}",
            answer.status()
        );
        let placed: Value = answer.json().await.expect("json");
        numbers.push(placed["order_number"].as_str().expect("number").to_owned());
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 1, "one order for one key: {numbers:?}");
    // A second confirmation would have been written by the time a third mail is waited for.
    assert_eq!(
        service.mails_once("order-confirmation", 2).await.len(),
        1,
        "one confirmation"
    );
}

#[tokio::test]
async fn an_item_or_order_over_its_maximum_is_refused_never_silently_reduced() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let catalogue = catalogue(&service).await;
    let item = &catalogue["items"][0];
    let sku = item["sku"].as_str().expect("sku");
    let max = item["max_packs_per_order"].as_u64().expect("max");

    let over_item: Value = place(
        &service,
        &token,
        order(
            "draft-0003-aaaa-bbbb",
            json!([{"sku": sku, "packs": max + 1}]),
        ),
    )
    .await
    .json()
    .await
    .expect("json");
    assert_eq!(
        over_item["fields"][format!("lines.{sku}")],
        "over_item_maximum"
    );

    let order_max = catalogue["order_max_packs"].as_u64().expect("order max");
    let mut lines = Vec::new();
    let mut total = 0;
    for item in catalogue["items"].as_array().expect("items") {
        if total > order_max {
            break;
        }
        let packs = item["max_packs_per_order"].as_u64().expect("max");
        total += packs;
        lines.push(json!({"sku": item["sku"], "packs": packs}));
    }
    let over_order = place(
        &service,
        &token,
        order("draft-0004-aaaa-bbbb", Value::Array(lines)),
    )
    .await;
    assert_eq!(over_order.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = over_order.json().await.expect("json");
    assert_eq!(body["fields"]["lines"], "over_order_maximum");
    assert!(
        service.mails("order-confirmation").is_empty(),
        "nothing was placed"
    );
}

#[tokio::test]
async fn every_bad_part_of_an_order_is_named() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let sku = catalogue(&service).await["items"][0]["sku"]
        .as_str()
        .expect("sku")
        .to_owned();
    let mut bad_address = address();
    bad_address["postal_code"] = json!("99");
    let body = json!({"idempotency_key": "short", "account_number": "12",
                      "address": bad_address,
                      "lines": [{"sku": "NO-SUCH-THING", "packs": 1}, {"sku": sku, "packs": 0}]});

    let refused: Value = place(&service, &token, body)
        .await
        .json()
        .await
        .expect("json");

    let fields = &refused["fields"];
    assert_eq!(fields["idempotency_key"], "invalid");
    assert_eq!(fields["account_number"], "invalid_account_number");
    assert_eq!(fields["address.postal_code"], "invalid_postal_code");
    assert_eq!(fields["lines.NO-SUCH-THING"], "not_sold");
    assert_eq!(fields[format!("lines.{sku}")], "too_small");

    let empty: Value = place(&service, &token, order("draft-0005-aaaa-bbbb", json!([])))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(empty["fields"]["lines"], "required");
    let twice = json!([{"sku": sku, "packs": 1}, {"sku": sku, "packs": 1}]);
    let duplicate: Value = place(&service, &token, order("draft-0006-aaaa-bbbb", twice))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(duplicate["fields"][format!("lines.{sku}")], "duplicate");
}

#[tokio::test]
async fn an_order_keeps_its_address_when_the_address_book_changes_and_is_private() {
    let service = spawn_service().await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    let sku = catalogue(&service).await["items"][0]["sku"]
        .as_str()
        .expect("sku")
        .to_owned();
    let saved: Value = service
        .send(Method::POST, "/api/v1/me/addresses", &ann, Some(address()))
        .await
        .json()
        .await
        .expect("json");
    let placed: Value = place(
        &service,
        &ann,
        order("draft-0007-aaaa-bbbb", json!([{"sku": sku, "packs": 1}])),
    )
    .await
    .json()
    .await
    .expect("json");
    let number = placed["order_number"].as_str().expect("number");

    let mut moved = address();
    moved["city"] = json!("Gent");
    moved["postal_code"] = json!("9000");
    service
        .send(
            Method::PUT,
            &format!("/api/v1/me/addresses/{}", saved["id"]),
            &ann,
            Some(moved),
        )
        .await;

    let read: Value = service
        .send(Method::GET, &format!("/api/v1/orders/{number}"), &ann, None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(read["address"]["city"], "Antwerpen");
    let foreign = service
        .send(Method::GET, &format!("/api/v1/orders/{number}"), &bob, None)
        .await;
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    let anonymous = service
        .client
        .get(service.url(&format!("/api/v1/orders/{number}")))
        .send()
        .await
        .expect("answers");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_whole_order_maximum_is_a_service_setting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = oso_service::ServiceConfig {
        order_max_packs: Some(3),
        ..crate::support::config(dir.path()).await
    };
    let running = oso_service::start(config).await.expect("starts");
    let catalogue: Value = reqwest::get(format!("{}/api/v1/catalogue", running.url()))
        .await
        .expect("answers")
        .json()
        .await
        .expect("json");
    assert_eq!(catalogue["order_max_packs"], 3);
}

#[tokio::test]
async fn an_order_whose_client_went_away_before_the_answer_is_still_placed_and_confirmed() {
    use tokio::io::AsyncWriteExt;
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    // Holding the write lock keeps the order waiting in the service while its client goes away.
    let lock = service
        .database()
        .begin_write()
        .await
        .expect("a transaction");
    let mut lock = lock;
    if let oso_service::database::Tx::Postgres(tx) = &mut lock {
        sqlx::query("LOCK TABLE orders IN EXCLUSIVE MODE")
            .execute(&mut **tx)
            .await
            .expect("the orders locked");
    }
    let body = order(
        "client-gone-0001-aaaa",
        json!([{"sku": "ENV-DL-50", "packs": 1}]),
    )
    .to_string();
    let mut client = tokio::net::TcpStream::connect(service.address)
        .await
        .expect("connects");
    let request = format!(
        "POST /api/v1/orders HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        service.address,
        body.len()
    );
    client
        .write_all(request.as_bytes())
        .await
        .expect("request sent");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    drop(client);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    drop(lock);

    let mut confirmed = false;
    for _ in 0..100 {
        if service.mails("order-confirmation").len() == 1 {
            confirmed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(confirmed, "the confirmation e-mail was sent");
    let history: Value = service
        .send(Method::GET, "/api/v1/orders", &token, None)
        .await
        .json()
        .await
        .expect("history");
    assert_eq!(history["count"]["counted"], 1, "{history}");
}
