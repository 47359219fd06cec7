//! The catalogue, saved account numbers and the address book over HTTP.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::support::spawn_service;

#[tokio::test]
async fn the_catalogue_lists_the_supplies_in_three_languages_with_their_limits() {
    let service = spawn_service().await;

    let response = service.get("/api/v1/catalogue").await;

    assert_eq!(response.status(), StatusCode::OK);
    let catalogue: Value = response.json().await.expect("json");
    let items = catalogue["items"].as_array().expect("items");
    assert!(items.len() >= 30, "{} items", items.len());
    assert!(catalogue["order_max_packs"].as_u64().unwrap_or(0) > 0);
    let first = &items[0];
    for language in ["nl", "en", "fr"] {
        assert!(!first["name"][language]
            .as_str()
            .unwrap_or_default()
            .is_empty());
    }
    assert!(first["max_packs_per_order"].as_u64().unwrap_or(0) > 0);
}

#[tokio::test]
async fn account_numbers_are_saved_named_renamed_and_removed() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;

    let saved = service
        .send(
            Method::POST,
            "/api/v1/me/account-numbers",
            &token,
            Some(json!({"number": "95 1234 567", "name": "Antwerp warehouse"})),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::CREATED);
    let saved: Value = saved.json().await.expect("json");
    assert_eq!(saved["number"], "951234567");
    let id = saved["id"].as_i64().expect("id");

    let renamed: Value = service
        .send(
            Method::PATCH,
            &format!("/api/v1/me/account-numbers/{id}"),
            &token,
            Some(json!({"name": "Ghent"})),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(renamed["name"], "Ghent");

    let list: Value = service
        .send(Method::GET, "/api/v1/me/account-numbers", &token, None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(list.as_array().map(Vec::len), Some(1));

    let removed = service
        .send(
            Method::DELETE,
            &format!("/api/v1/me/account-numbers/{id}"),
            &token,
            None,
        )
        .await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let again = service
        .send(
            Method::DELETE,
            &format!("/api/v1/me/account-numbers/{id}"),
            &token,
            None,
        )
        .await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_account_number_that_is_not_nine_digits_is_refused_at_its_field() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;

    for (typed, expected) in [
        ("12345678", "invalid_account_number"),
        ("", "required"),
        ("95123456x", "invalid_account_number"),
    ] {
        let refused: Value = service
            .send(
                Method::POST,
                "/api/v1/me/account-numbers",
                &token,
                Some(json!({"number": typed})),
            )
            .await
            .json()
            .await
            .expect("json");
        assert_eq!(refused["fields"]["number"], expected, "{typed:?}");
    }
}

#[tokio::test]
async fn another_users_account_numbers_are_neither_listed_nor_changeable() {
    let service = spawn_service().await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    let saved: Value = service
        .send(
            Method::POST,
            "/api/v1/me/account-numbers",
            &ann,
            Some(json!({"number": "951234567"})),
        )
        .await
        .json()
        .await
        .expect("json");
    let id = saved["id"].as_i64().expect("id");

    let bobs: Value = service
        .send(Method::GET, "/api/v1/me/account-numbers", &bob, None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(bobs, json!([]));
    let rename = service
        .send(
            Method::PATCH,
            &format!("/api/v1/me/account-numbers/{id}"),
            &bob,
            Some(json!({"name": "mine"})),
        )
        .await;
    assert_eq!(rename.status(), StatusCode::NOT_FOUND);
    let delete = service
        .send(
            Method::DELETE,
            &format!("/api/v1/me/account-numbers/{id}"),
            &bob,
            None,
        )
        .await;
    assert_eq!(delete.status(), StatusCode::NOT_FOUND);
}

fn antwerp() -> Value {
    json!({"company": "Zebra Parcels BV", "contact_person": "Ann Peeters", "street": "Meir",
           "number": "12", "box_number": "3", "postal_code": "2000", "city": "Antwerpen",
           "country": "BE", "phone": "03 223 45 67", "email": "", "driver_note": "Ring twice"})
}

#[tokio::test]
async fn an_address_is_saved_validated_edited_and_deleted() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;

    let saved = service
        .send(
            Method::POST,
            "/api/v1/me/addresses",
            &token,
            Some(antwerp()),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::CREATED);
    let saved: Value = saved.json().await.expect("json");
    assert_eq!(
        saved["phone"], "+3232234567",
        "stored in E.164 with the country's code"
    );
    assert_eq!(saved["box_number"], "3");
    let id = saved["id"].as_i64().expect("id");

    let mut moved = antwerp();
    moved["city"] = json!("Gent");
    moved["postal_code"] = json!("9000");
    let edited: Value = service
        .send(
            Method::PUT,
            &format!("/api/v1/me/addresses/{id}"),
            &token,
            Some(moved),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(edited["city"], "Gent");

    let list: Value = service
        .send(Method::GET, "/api/v1/me/addresses", &token, None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    let deleted = service
        .send(
            Method::DELETE,
            &format!("/api/v1/me/addresses/{id}"),
            &token,
            None,
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn a_refused_address_names_every_bad_field() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let mut bad = antwerp();
    bad["postal_code"] = json!("20000");
    bad["phone"] = json!("12");
    bad["street"] = json!("  ");
    bad["country"] = json!("NL");
    bad["postal_code"] = json!("1234 SA");

    let refused = service
        .send(Method::POST, "/api/v1/me/addresses", &token, Some(bad))
        .await;

    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.expect("json");
    assert_eq!(body["fields"]["postal_code"], "invalid_postal_code");
    assert_eq!(body["fields"]["phone"], "invalid_phone");
    assert_eq!(body["fields"]["street"], "required");
}

#[tokio::test]
async fn another_users_address_can_be_neither_seen_nor_changed() {
    let service = spawn_service().await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    let saved: Value = service
        .send(Method::POST, "/api/v1/me/addresses", &ann, Some(antwerp()))
        .await
        .json()
        .await
        .expect("json");
    let id = saved["id"].as_i64().expect("id");

    let bobs: Value = service
        .send(Method::GET, "/api/v1/me/addresses", &bob, None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(bobs, json!([]));
    let put = service
        .send(
            Method::PUT,
            &format!("/api/v1/me/addresses/{id}"),
            &bob,
            Some(antwerp()),
        )
        .await;
    assert_eq!(put.status(), StatusCode::NOT_FOUND);
    let delete = service
        .send(
            Method::DELETE,
            &format!("/api/v1/me/addresses/{id}"),
            &bob,
            None,
        )
        .await;
    assert_eq!(delete.status(), StatusCode::NOT_FOUND);
}
