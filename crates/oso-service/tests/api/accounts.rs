//! Registration, activation, sign-in, passwords, profile and "forget me", with time moved by the
//! service's Clock and mail read back from the outbox.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::support::{spawn_service, spawn_service_with_clock, test_clock, TestService};

pub(crate) const PASSWORD: &str = "tall giraffe eats blue kites";

pub(crate) async fn register(service: &TestService, email: &str) -> reqwest::Response {
    register_for(service, email, "Zebra Parcels BV").await
}

pub(crate) async fn register_for(
    service: &TestService,
    email: &str,
    company: &str,
) -> reqwest::Response {
    service
        .post(
            "/api/v1/registrations",
            json!({"company_name": company, "contact_name": "Ann Peeters",
                   "email": email, "password": PASSWORD, "language": "nl"}),
        )
        .await
}

pub(crate) async fn sign_in(
    service: &TestService,
    email: &str,
    password: &str,
) -> reqwest::Response {
    service
        .post(
            "/api/v1/sessions",
            json!({"email": email, "password": password}),
        )
        .await
}

pub(crate) async fn code_of(response: reqwest::Response) -> String {
    let body: Value = response.json().await.expect("json");
    body["code"].as_str().unwrap_or_default().to_owned()
}

/// A registered, activated user; returns a session token.
pub(crate) async fn active_user(service: &TestService, email: &str) -> String {
    active_user_of(service, email, "Zebra Parcels BV").await
}

/// A registered, activated user of `company`; returns a session token.
pub(crate) async fn active_user_of(service: &TestService, email: &str, company: &str) -> String {
    assert_eq!(
        register_for(service, email, company).await.status(),
        StatusCode::ACCEPTED
    );
    let code = service.code_from_newest("activation");
    let activated = service
        .post("/api/v1/activations", json!({"email": email, "code": code}))
        .await;
    assert_eq!(activated.status(), StatusCode::NO_CONTENT);
    let grant: Value = sign_in(service, email, PASSWORD)
        .await
        .json()
        .await
        .expect("grant");
    grant["token"].as_str().expect("token").to_owned()
}

#[tokio::test]
async fn registering_then_activating_with_the_mailed_code_lets_the_user_sign_in() {
    let service = spawn_service().await;

    assert_eq!(
        register(&service, "ann@zebra.example").await.status(),
        StatusCode::ACCEPTED
    );
    let mail = &service.mails("activation")[0];
    assert!(
        mail.contains("Activeer uw OSO-login"),
        "mail in the chosen language: {mail}"
    );
    assert!(mail.contains("/activate?token="), "{mail}");
    assert_eq!(
        code_of(sign_in(&service, "ann@zebra.example", PASSWORD).await).await,
        "account_inactive"
    );

    let code = service
        .code_from_newest("activation")
        .to_lowercase()
        .replace('-', " ");
    let activated = service
        .post(
            "/api/v1/activations",
            json!({"email": "Ann@Zebra.example", "code": code}),
        )
        .await;
    assert_eq!(activated.status(), StatusCode::NO_CONTENT);

    let signed_in = sign_in(&service, "ann@zebra.example", PASSWORD).await;
    assert_eq!(signed_in.status(), StatusCode::CREATED);
    let grant: Value = signed_in.json().await.expect("grant");
    assert!(
        grant["token"].as_str().unwrap_or_default().len() >= 43,
        "≥ 256 bits"
    );
    assert_eq!(grant["password_expired"], false);
}

#[tokio::test]
async fn registering_a_known_address_answers_the_same_and_mails_the_owner() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;

    let again = register(&service, "ann@zebra.example").await;

    assert_eq!(again.status(), StatusCode::ACCEPTED);
    assert_eq!(service.mails("already-registered").len(), 1);
    assert_eq!(
        service.mails("activation").len(),
        1,
        "no new activation for a live login"
    );
}

#[tokio::test]
async fn registration_names_every_refused_field() {
    let service = spawn_service().await;
    let response = service
        .post(
            "/api/v1/registrations",
            json!({"company_name": "  ", "contact_name": "Ann", "email": "not-an-address",
                   "password": "short", "language": "de"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["code"], "validation_failed");
    assert_eq!(body["fields"]["company_name"], "required");
    assert_eq!(body["fields"]["email"], "invalid_email");
    assert_eq!(body["fields"]["password"], "too_short");
    assert_eq!(body["fields"]["language"], "unknown_language");
}

#[tokio::test]
async fn common_passwords_and_the_address_itself_are_refused() {
    let service = spawn_service().await;
    for (password, expected) in [
        ("password1234", "common_password"),
        ("ann@zebra.example", "password_like_identity"),
        (&"x".repeat(129)[..], "too_long"),
    ] {
        let response = service
            .post(
                "/api/v1/registrations",
                json!({"company_name": "Zebra", "contact_name": "Ann", "email": "ann@zebra.example",
                       "password": password, "language": "en"}),
            )
            .await;
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["fields"]["password"], expected, "{password}");
    }
}

#[tokio::test]
async fn an_activation_code_expires_after_48_hours_and_a_new_one_can_be_sent() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    register(&service, "ann@zebra.example").await;
    let code = service.code_from_newest("activation");

    clock.advance(Duration::hours(48));
    let late = service
        .post(
            "/api/v1/activations",
            json!({"email": "ann@zebra.example", "code": code}),
        )
        .await;
    assert_eq!(late.status(), StatusCode::GONE);
    assert_eq!(code_of(late).await, "token_expired");

    service
        .post(
            "/api/v1/activations/resend",
            json!({"email": "ann@zebra.example"}),
        )
        .await;
    service.mail_settled().await;
    let fresh = service.code_from_newest("activation");
    let activated = service
        .post(
            "/api/v1/activations",
            json!({"email": "ann@zebra.example", "code": fresh}),
        )
        .await;
    assert_eq!(activated.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn five_wrong_codes_void_the_activation_even_for_the_right_code() {
    let service = spawn_service().await;
    register(&service, "ann@zebra.example").await;
    let code = service.code_from_newest("activation");

    for _ in 0..5 {
        let wrong = service
            .post(
                "/api/v1/activations",
                json!({"email": "ann@zebra.example", "code": "AAAA-AAAA"}),
            )
            .await;
        assert_eq!(code_of(wrong).await, "token_invalid");
    }
    let right = service
        .post(
            "/api/v1/activations",
            json!({"email": "ann@zebra.example", "code": code}),
        )
        .await;
    assert_eq!(code_of(right).await, "token_invalid");
}

#[tokio::test]
async fn a_used_code_cannot_be_used_again() {
    let service = spawn_service().await;
    register(&service, "ann@zebra.example").await;
    let code = service.code_from_newest("activation");
    service
        .post(
            "/api/v1/activations",
            json!({"email": "ann@zebra.example", "code": code}),
        )
        .await;

    let again = service
        .post(
            "/api/v1/activations",
            json!({"email": "ann@zebra.example", "code": code}),
        )
        .await;

    assert_eq!(code_of(again).await, "token_invalid");
}

#[tokio::test]
async fn an_unknown_address_and_a_wrong_password_get_the_same_answer() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;

    let unknown = sign_in(&service, "nobody@zebra.example", PASSWORD).await;
    let wrong = sign_in(&service, "ann@zebra.example", "wrong password entirely").await;

    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let unknown: Value = unknown.json().await.expect("json");
    let wrong: Value = wrong.json().await.expect("json");
    assert_eq!(unknown, wrong);
}

#[tokio::test]
async fn repeated_failures_impose_a_growing_wait_that_passes_with_time() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    active_user(&service, "ann@zebra.example").await;
    for _ in 0..5 {
        assert_eq!(
            code_of(sign_in(&service, "ann@zebra.example", "not the password!").await).await,
            "invalid_credentials"
        );
    }

    let limited = sign_in(&service, "ann@zebra.example", PASSWORD).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.headers().contains_key("retry-after"));
    let body: Value = limited.json().await.expect("json");
    let wait = body["retry_after_seconds"].as_i64().expect("seconds");
    assert!((1..=31).contains(&wait), "{wait}");

    clock.advance(Duration::seconds(wait));
    assert_eq!(
        sign_in(&service, "ann@zebra.example", PASSWORD)
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn signing_out_revokes_the_session_at_once() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/me", &token, None)
            .await
            .status(),
        StatusCode::OK
    );

    let out = service
        .send(Method::DELETE, "/api/v1/sessions/current", &token, None)
        .await;

    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    let after = service.send(Method::GET, "/api/v1/me", &token, None).await;
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(code_of(after).await, "unauthenticated");
}

#[tokio::test]
async fn the_activation_page_activates_only_when_its_button_is_pressed() {
    let service = spawn_service().await;
    register(&service, "ann@zebra.example").await;
    let mail = &service.mails("activation")[0];
    let link = mail
        .split_whitespace()
        .find(|word| word.contains("/activate?token="))
        .expect("a link")
        .trim_end_matches(['"', '>', '.'])
        .to_owned();
    let token = link
        .split("token=")
        .nth(1)
        .expect("token")
        .split(['"', '&'])
        .next()
        .expect("token")
        .to_owned();

    let page = service
        .client
        .get(&link)
        .header("accept-language", "fr-BE,fr;q=0.9")
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    assert!(page
        .text()
        .await
        .expect("html")
        .contains("Activer mon identifiant"));
    assert_eq!(
        code_of(sign_in(&service, "ann@zebra.example", PASSWORD).await).await,
        "account_inactive"
    );

    let pressed = service
        .client
        .post(service.url("/activate"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("post");
    assert!(pressed
        .text()
        .await
        .expect("html")
        .contains("Your login is active"));
    assert_eq!(
        sign_in(&service, "ann@zebra.example", PASSWORD)
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_request_without_a_valid_session_is_refused_everywhere_it_needs_one() {
    let service = spawn_service().await;
    for (method, path) in [
        (Method::GET, "/api/v1/me"),
        (Method::PUT, "/api/v1/me"),
        (Method::POST, "/api/v1/me/password"),
        (Method::POST, "/api/v1/me/forget"),
        (Method::DELETE, "/api/v1/sessions/current"),
    ] {
        let response = service
            .send(method.clone(), path, "made-up-token", Some(json!({})))
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{method} {path}"
        );
    }
}

#[tokio::test]
async fn a_malformed_body_answers_bad_request_in_the_error_shape() {
    let service = spawn_service().await;
    let response = service
        .client
        .post(service.url("/api/v1/registrations"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(code_of(response).await, "bad_request");
}

#[tokio::test]
async fn many_failures_from_one_client_slow_it_down_for_every_account() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    active_user(&service, "ann@zebra.example").await;
    for attempt in 0..20 {
        let guess = format!("user{attempt}@elsewhere.example");
        assert_eq!(
            code_of(sign_in(&service, &guess, "some password here").await).await,
            "invalid_credentials"
        );
    }

    let limited = sign_in(&service, "ann@zebra.example", PASSWORD).await;

    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    clock.advance(Duration::minutes(16));
    assert_eq!(
        sign_in(&service, "ann@zebra.example", PASSWORD)
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_session_ends_after_thirty_idle_days_or_ninety_days_in_all() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let idle = active_user(&service, "ann@zebra.example").await;
    let grant: Value = sign_in(&service, "ann@zebra.example", PASSWORD)
        .await
        .json()
        .await
        .expect("grant");
    let busy = grant["token"].as_str().expect("token").to_owned();

    for _ in 0..3 {
        clock.advance(Duration::days(29));
        assert_eq!(
            service
                .send(Method::GET, "/api/v1/me", &busy, None)
                .await
                .status(),
            StatusCode::OK
        );
    }
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/me", &idle, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );

    clock.advance(Duration::days(4));
    let too_old = service.send(Method::GET, "/api/v1/me", &busy, None).await;
    assert_eq!(
        too_old.status(),
        StatusCode::UNAUTHORIZED,
        "ninety days after sign-in, however busy"
    );
}
