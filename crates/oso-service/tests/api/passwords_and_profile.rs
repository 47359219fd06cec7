//! Passwords (change, reset, renewal and its warnings), the profile, and "forget me", with time
//! moved by the service's Clock and mail read back from the outbox.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::{active_user, code_of, register, sign_in, PASSWORD};
use crate::support::{spawn_service, spawn_service_with_clock, test_clock};

#[tokio::test]
async fn changing_the_password_keeps_this_session_and_ends_the_others() {
    let service = spawn_service().await;
    let this = active_user(&service, "ann@zebra.example").await;
    let other: Value = sign_in(&service, "ann@zebra.example", PASSWORD)
        .await
        .json()
        .await
        .expect("grant");
    let other = other["token"].as_str().expect("token").to_owned();

    let wrong = service
        .send(Method::POST, "/api/v1/me/password", &this,
              Some(json!({"current_password": "not it at all", "new_password": "purple otters swim north"})))
        .await;
    let body: Value = wrong.json().await.expect("json");
    assert_eq!(body["fields"]["current_password"], "wrong_password");

    let changed = service
        .send(
            Method::POST,
            "/api/v1/me/password",
            &this,
            Some(json!({"current_password": PASSWORD, "new_password": "purple otters swim north"})),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/me", &this, None)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/me", &other, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in(&service, "ann@zebra.example", "purple otters swim north")
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_reset_with_the_mailed_code_sets_the_password_and_ends_every_session() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;

    let asked = service
        .post(
            "/api/v1/password-resets",
            json!({"email": "ann@zebra.example"}),
        )
        .await;
    let unknown = service
        .post(
            "/api/v1/password-resets",
            json!({"email": "nobody@zebra.example"}),
        )
        .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    assert_eq!(unknown.status(), StatusCode::ACCEPTED);
    service.mail_settled().await;
    assert_eq!(service.mails("password-reset").len(), 1);
    let code = service.code_from_newest("password-reset");

    let reset = service
        .post("/api/v1/password-resets/confirm",
              json!({"email": "ann@zebra.example", "code": code, "new_password": "green lanterns at dawn"}))
        .await;

    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/me", &token, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in(&service, "ann@zebra.example", "green lanterns at dawn")
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_reset_code_expires_after_one_hour() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    active_user(&service, "ann@zebra.example").await;
    service
        .post(
            "/api/v1/password-resets",
            json!({"email": "ann@zebra.example"}),
        )
        .await;
    service.mail_settled().await;
    let code = service.code_from_newest("password-reset");

    clock.advance(Duration::minutes(61));
    let late = service
        .post("/api/v1/password-resets/confirm",
              json!({"email": "ann@zebra.example", "code": code, "new_password": "green lanterns at dawn"}))
        .await;

    assert_eq!(code_of(late).await, "token_expired");
}

#[tokio::test]
async fn after_sixty_days_the_password_must_be_renewed_before_anything_else() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    active_user(&service, "ann@zebra.example").await;

    clock.advance(Duration::days(60));
    let grant: Value = sign_in(&service, "ann@zebra.example", PASSWORD)
        .await
        .json()
        .await
        .expect("grant");
    assert_eq!(grant["password_expired"], true);
    let token = grant["token"].as_str().expect("token");
    let profile = json!({"email": "ann@zebra.example", "company_name": "Zebra", "contact_name": "Ann",
                         "phone": null, "language": "nl"});
    let blocked = service
        .send(Method::PUT, "/api/v1/me", token, Some(profile.clone()))
        .await;
    assert_eq!(code_of(blocked).await, "password_expired");

    let renewed = service
        .send(
            Method::POST,
            "/api/v1/me/password",
            token,
            Some(json!({"current_password": PASSWORD, "new_password": "purple otters swim north"})),
        )
        .await;
    assert_eq!(renewed.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        service
            .send(Method::PUT, "/api/v1/me", token, Some(profile))
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn expiry_warnings_go_out_seven_days_and_one_day_before_each_once() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    active_user(&service, "ann@zebra.example").await;

    clock.advance(Duration::days(52));
    assert_eq!(service.run_jobs().await, 0);
    clock.advance(Duration::days(1));
    assert_eq!(service.run_jobs().await, 1);
    assert_eq!(service.run_jobs().await, 0, "each warning once");
    clock.advance(Duration::days(6));
    assert_eq!(service.run_jobs().await, 1);
    clock.advance(Duration::days(2));
    assert_eq!(service.run_jobs().await, 0, "no warning after expiry");
    let mails = service.mails("password-expiry");
    assert_eq!(mails.len(), 2);
    assert!(mails[0].contains("vervalt op"), "{}", mails[0]);
}

#[tokio::test]
async fn the_profile_validates_the_phone_and_stores_it_in_e164() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let mut profile = json!({"email": "orders@zebra.example", "company_name": "Zebra Parcels",
                             "contact_name": "Ann Peeters", "phone": "+32 470 12 34 56", "language": "fr",
                             "current_password": PASSWORD});

    let saved: Value = service
        .send(Method::PUT, "/api/v1/me", &token, Some(profile.clone()))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(saved["phone"], "+32470123456");
    assert_eq!(saved["email"], "orders@zebra.example");
    assert_eq!(saved["login_email"], "ann@zebra.example");
    assert_eq!(saved["language"], "fr");

    profile["phone"] = json!("12");
    profile["contact_name"] = json!("");
    let refused: Value = service
        .send(Method::PUT, "/api/v1/me", &token, Some(profile))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(refused["fields"]["phone"], "invalid_phone");
    assert_eq!(refused["fields"]["contact_name"], "required");
}

#[tokio::test]
async fn forgetting_a_user_revokes_the_login_and_leaves_no_personal_data() {
    let service = spawn_service().await;
    // Quentin asks to use a protected number and is approved, so eSecure names him too.
    let admin = active_user(&service, "ann@zebra.example").await;
    crate::esecure::protected_account(&service, "ann@zebra.example").await;
    let email = "quentin.uniquename@rarecompany.example";
    service
        .post("/api/v1/registrations",
              json!({"company_name": "Xylophone Unicorn Logistics", "contact_name": "Quentin Zarathustra",
                     "email": email, "password": PASSWORD, "language": "en"}))
        .await;
    let code = service.code_from_newest("activation");
    service
        .post("/api/v1/activations", json!({"email": email, "code": code}))
        .await;
    let grant: Value = sign_in(&service, email, PASSWORD)
        .await
        .json()
        .await
        .expect("grant");
    let token = grant["token"].as_str().expect("token").to_owned();
    service
        .send(Method::PUT, "/api/v1/me", &token,
              Some(json!({"email": email, "company_name": "Xylophone Unicorn Logistics",
                          "contact_name": "Quentin Zarathustra", "phone": "+32 470 98 76 54", "language": "en"})))
        .await;

    let address = service
        .send(
            Method::POST,
            "/api/v1/me/addresses",
            &token,
            Some(json!({"company": "Xylophone Unicorn Logistics", "contact_person": "Quentin Zarathustra",
                        "street": "Meir", "number": "1", "postal_code": "2000", "city": "Antwerpen",
                        "country": "BE", "phone": "+32 470 98 76 54", "email": email})),
        )
        .await;
    assert_eq!(address.status(), StatusCode::CREATED);
    let (status, _) = crate::esecure::save_number(&service, &token).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the administrator is asked");
    let (_, requests) = crate::esecure::call(
        &service,
        Method::GET,
        "/api/v1/esecure/requests",
        &admin,
        None,
    )
    .await;
    let approve = json!({"ids": [requests[0]["id"]], "decision": "approve"});
    let (status, _) = crate::esecure::call(
        &service,
        Method::POST,
        "/api/v1/esecure/requests/decision",
        &admin,
        Some(approve),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        crate::esecure::save_number(&service, &token).await.0,
        StatusCode::CREATED
    );
    let catalogue: Value = service
        .get("/api/v1/catalogue")
        .await
        .json()
        .await
        .expect("catalogue");
    let sku = catalogue["items"][0]["sku"].clone();
    let order = service
        .send(
            Method::POST,
            "/api/v1/orders",
            &token,
            Some(json!({"idempotency_key": "forget-me-order-0001", "account_number": "951234567",
                        "address": {"company": "Xylophone Unicorn Logistics", "contact_person": "Quentin Zarathustra",
                                    "street": "Meir", "number": "1", "postal_code": "2000", "city": "Antwerpen",
                                    "country": "BE", "phone": "+32 470 98 76 54", "email": email},
                        "lines": [{"sku": sku, "packs": 1}]})),
        )
        .await;
    assert_eq!(order.status(), StatusCode::CREATED);
    let placed: Value = order.json().await.expect("order");
    let wrong = service
        .send(
            Method::POST,
            "/api/v1/me/forget",
            &token,
            Some(json!({"password": "not mine at all"})),
        )
        .await;
    assert_eq!(code_of(wrong).await, "validation_failed");
    let forgotten = service
        .send(
            Method::POST,
            "/api/v1/me/forget",
            &token,
            Some(json!({"password": PASSWORD})),
        )
        .await;
    assert_eq!(forgotten.status(), StatusCode::NO_CONTENT);

    assert_eq!(
        service
            .send(Method::GET, "/api/v1/me", &token, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        code_of(sign_in(&service, email, PASSWORD).await).await,
        "invalid_credentials"
    );
    let leaks = service
        .stored_copies_of(&[
            "quentin",
            "uniquename",
            "rarecompany",
            "Xylophone",
            "Zarathustra",
            "32470987654",
        ])
        .await;
    assert!(leaks.is_empty(), "personal data left in {leaks:?}");

    // The anonymous part of the order stays for statistics.
    let kept: (String, String, i64) = service
        .fetch_one(
            "SELECT o.account_number, o.country, l.packs FROM orders o JOIN order_lines l ON l.order_id = o.id
             WHERE o.order_number = $1",
            placed["order_number"].as_str().expect("number"),
        )
        .await;
    assert_eq!(kept, ("951234567".to_owned(), "BE".to_owned(), 1));

    // The audit trail keeps its events, with the person made unrecognisable.
    let (_, trail) =
        crate::esecure::call(&service, Method::GET, "/api/v1/esecure/audit", &admin, None).await;
    let about_him: Vec<(&str, &str)> = trail
        .as_array()
        .expect("audit")
        .iter()
        .filter(|entry| ["requested", "approved"].contains(&entry["action"].as_str().unwrap_or("")))
        .map(|entry| {
            (
                entry["actor"].as_str().unwrap_or(""),
                entry["subject"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        about_him,
        [
            ("ann@zebra.example", "forgotten"),
            ("forgotten", "forgotten")
        ]
    );

    // The address is free for a new, unrelated account, which inherits no approval.
    assert_eq!(
        register(&service, email).await.status(),
        StatusCode::ACCEPTED
    );
    let code = oso_service::mail::outbox::newest_code_for(
        &service.data_dir().join("outbox"),
        "activation",
        email,
    )
    .expect("outbox")
    .expect("a new activation mail");
    service
        .post("/api/v1/activations", json!({"email": email, "code": code}))
        .await;
    let grant: Value = sign_in(&service, email, PASSWORD)
        .await
        .json()
        .await
        .expect("grant");
    let newcomer = grant["token"].as_str().expect("token").to_owned();
    let (status, body) = crate::esecure::save_number(&service, &newcomer).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("approval_pending")),
        "a new login with the same address asks anew"
    );
}
