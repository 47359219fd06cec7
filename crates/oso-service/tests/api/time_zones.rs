//! The profile's time zone, and dates in e-mails written in the reader's language and zone
//! (Brussels unless the profile says otherwise), never in UTC.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::esecure::{protected_account, save_number};
use crate::orders::{order, place};
use crate::support::{spawn_service, spawn_service_with_clock, test_clock, TestService};

fn profile(time_zone: Option<&str>) -> Value {
    let mut profile = json!({"email": "ann@zebra.example", "company_name": "Zebra Parcels",
                             "contact_name": "Ann Peeters", "phone": null, "language": "nl"});
    if let Some(zone) = time_zone {
        profile["time_zone"] = json!(zone);
    }
    profile
}

async fn put_profile(service: &TestService, token: &str, body: Value) -> reqwest::Response {
    service
        .send(Method::PUT, "/api/v1/me", token, Some(body))
        .await
}

async fn read_profile(service: &TestService, token: &str) -> Value {
    service
        .send(Method::GET, "/api/v1/me", token, None)
        .await
        .json()
        .await
        .expect("profile")
}

#[tokio::test]
async fn a_profiles_time_zone_starts_in_brussels_round_trips_and_an_unknown_one_is_refused_at_its_field(
) {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    assert_eq!(
        read_profile(&service, &token).await["time_zone"],
        "Europe/Brussels"
    );

    let saved = put_profile(&service, &token, profile(Some("America/New_York"))).await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(
        read_profile(&service, &token).await["time_zone"],
        "America/New_York"
    );

    let refused = put_profile(&service, &token, profile(Some("Europe/Brusels"))).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused: Value = refused.json().await.expect("error body");
    assert_eq!(refused["fields"]["time_zone"], "invalid_time_zone");
    assert_eq!(
        read_profile(&service, &token).await["time_zone"],
        "America/New_York"
    );

    // A client that predates the field sends none, and leaves the zone as it is.
    let old_client = put_profile(&service, &token, profile(None)).await;
    assert_eq!(old_client.status(), StatusCode::OK);
    assert_eq!(
        read_profile(&service, &token).await["time_zone"],
        "America/New_York"
    );
}

#[tokio::test]
async fn an_order_confirmation_says_when_it_was_placed_in_brussels_time_and_not_in_utc() {
    // The test clock starts at 2 November 2026, 09:00 UTC: 10:00 in Brussels (wintertime).
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    let sku = first_sku(&service).await;

    let placed = place(
        &service,
        &token,
        order("draft-tz-0001-aaaa", json!([{"sku": sku, "packs": 1}])),
    )
    .await;

    assert_eq!(placed.status(), StatusCode::CREATED);
    let mails = service.mails_once("order-confirmation", 1).await;
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains("Geplaatst op 2 november 2026 om 10:00 CET."),
        "{}",
        mails[0]
    );
    assert!(!mails[0].contains("UTC"), "{}", mails[0]);
}

#[tokio::test]
async fn a_reader_in_another_zone_gets_their_own_time_and_language() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    let sku = first_sku(&service).await;
    let mut english_in_tokyo = profile(Some("Asia/Tokyo"));
    english_in_tokyo["language"] = json!("en");
    assert_eq!(
        put_profile(&service, &token, english_in_tokyo)
            .await
            .status(),
        StatusCode::OK
    );
    place(
        &service,
        &token,
        order("draft-tz-0002-aaaa", json!([{"sku": sku, "packs": 1}])),
    )
    .await;
    service.mails_once("order-confirmation", 1).await;
    let mut french_in_brussels = profile(Some("Europe/Brussels"));
    french_in_brussels["language"] = json!("fr");
    put_profile(&service, &token, french_in_brussels).await;
    clock.advance(Duration::hours(5));
    place(
        &service,
        &token,
        order("draft-tz-0003-aaaa", json!([{"sku": sku, "packs": 1}])),
    )
    .await;

    let mails = service.mails_once("order-confirmation", 2).await;
    assert_eq!(mails.len(), 2);
    assert!(
        mails[0].contains("Placed on 2 November 2026 at 18:00 JST."),
        "{}",
        mails[0]
    );
    assert!(
        mails[1].contains("Passée le 2 novembre 2026 à 15:00 CET."),
        "{}",
        mails[1]
    );
}

#[tokio::test]
async fn a_request_mail_gives_the_request_time_in_the_administrators_own_zone() {
    // 2 November 2026, 09:00 UTC: 18:00 in Tokyo, where Ann administers from.
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let ann = active_user(&service, "ann@zebra.example").await;
    let mut in_tokyo = profile(Some("Asia/Tokyo"));
    in_tokyo["language"] = json!("en");
    assert_eq!(
        put_profile(&service, &ann, in_tokyo).await.status(),
        StatusCode::OK
    );
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;

    let (status, _) = save_number(&service, &bob).await;

    assert_eq!(status, StatusCode::FORBIDDEN, "the administrator is asked");
    let mails = service.mails("esecure-request");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains("2 November 2026 at 18:00 JST"),
        "{}",
        mails[0]
    );
    assert!(!mails[0].contains("UTC"), "{}", mails[0]);
}

async fn first_sku(service: &TestService) -> String {
    let catalogue: Value = service
        .get("/api/v1/catalogue")
        .await
        .json()
        .await
        .expect("catalogue");
    catalogue["items"][0]["sku"]
        .as_str()
        .expect("sku")
        .to_owned()
}
