//! What the service refuses at redemption and at the ticket steps, each named by its own code,
//! and what it then has not made.

use super::*;

#[tokio::test]
async fn a_code_redeemed_twice_is_refused_the_second_time() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    let attempt = sign_in_at_provider(&service, person("twice@example.com")).await;
    let (status, _) = redeem(&service, attempt.redemption()).await;
    assert_eq!(status, StatusCode::OK);

    let (status, body) = redeem(&service, attempt.redemption()).await;

    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "external_code_refused");
}

#[tokio::test]
async fn a_code_with_another_verifier_is_refused() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    let attempt = sign_in_at_provider(&service, person("stolen.code@example.com")).await;
    let mut body = attempt.redemption();
    body["code_verifier"] = json!(PkceCodeChallenge::new_random_sha256().1.secret());

    let (status, body) = redeem(&service, body).await;

    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "external_code_refused");
    assert_eq!(service.count_rows("users").await, 0);
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-short-code").await;
    let attempt = sign_in_at_provider(&service, person("slow@example.com")).await;
    // This client's codes live under a second at the provider.
    tokio::time::sleep(std::time::Duration::from_millis(1600)).await;

    let (status, body) = redeem(&service, attempt.redemption()).await;

    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "external_code_refused");
}

#[tokio::test]
async fn an_id_token_for_another_audience_is_refused_and_makes_nothing() {
    let provider = OidcProvider::start();
    let service =
        spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-wrong-audience").await;
    let attempt = sign_in_at_provider(&service, person("audience@example.com")).await;

    let (status, body) = redeem(&service, attempt.redemption()).await;

    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["code"], "external_token_invalid");
    assert_eq!(service.count_rows("external_sign_in_tickets").await, 0);
}

#[tokio::test]
async fn an_id_token_without_this_sign_ins_nonce_is_refused() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    let attempt = sign_in_at_provider(&service, person("replayed.token@example.com")).await;
    let mut body = attempt.redemption();
    body["nonce"] = json!("another-sign-ins-nonce");

    let (status, body) = redeem(&service, body).await;

    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "external_token_invalid");
}

#[tokio::test]
async fn clocks_more_than_two_minutes_apart_are_named_as_such_both_ways() {
    let provider = OidcProvider::start();
    for off_by in [Duration::minutes(-5), Duration::hours(2)] {
        let clock = oso_core::ManualClock::starting_at(Utc::now() + off_by);
        let service = spawn_service_with_oidc(&clock, &provider.issuer, "oso-desktop").await;
        let attempt = sign_in_at_provider(&service, person("skewed@example.com")).await;

        let (status, body) = redeem(&service, attempt.redemption()).await;

        assert_eq!(status, StatusCode::BAD_REQUEST, "off by {off_by}: {body}");
        assert_eq!(body["code"], "external_clock_skew", "off by {off_by}");
    }
}

#[tokio::test]
async fn a_clock_within_two_minutes_is_accepted() {
    let provider = OidcProvider::start();
    let clock = oso_core::ManualClock::starting_at(Utc::now() - Duration::seconds(90));
    let service = spawn_service_with_oidc(&clock, &provider.issuer, "oso-desktop").await;
    let attempt = sign_in_at_provider(&service, person("close.enough@example.com")).await;

    let (status, body) = redeem(&service, attempt.redemption()).await;

    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn an_address_the_provider_has_not_verified_makes_nothing() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    active_user(&service, "unverified@example.com").await;
    let attempt = sign_in_at_provider(&service, person("unverified@example.com")).await;

    let (status, body) = redeem(&service, attempt.redemption()).await;

    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "external_email_unverified");
    assert_eq!(service.count_rows("users").await, 1);
    assert_eq!(service.count_rows("external_identities").await, 0);
    assert_eq!(service.count_rows("external_sign_in_tickets").await, 0);
}

#[tokio::test]
async fn a_redirect_that_is_not_loopback_is_refused_at_its_field() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    let attempt = sign_in_at_provider(&service, person("elsewhere@example.com")).await;
    let mut body = attempt.redemption();
    body["redirect_uri"] = json!("https://attacker.example/callback");

    let (status, body) = redeem(&service, body).await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["fields"]["redirect_uri"].is_string(), "{body}");
}

#[tokio::test]
async fn a_ticket_left_for_a_quarter_of_an_hour_has_expired_and_made_nothing() {
    let provider = OidcProvider::start();
    let clock = clock_now();
    let service = spawn_service_with_oidc(&clock, &provider.issuer, "oso-desktop").await;
    let attempt = sign_in_at_provider(&service, person("dawdler@example.com")).await;
    let (_, answer) = redeem(&service, attempt.redemption()).await;
    clock.advance(Duration::minutes(16));

    let (status, body) = register(
        &service,
        answer["ticket"].as_str().expect("ticket"),
        "Late Parcels",
    )
    .await;

    assert_eq!(status, StatusCode::GONE, "{body}");
    assert_eq!(service.count_rows("users").await, 0);
}

#[tokio::test]
async fn a_registration_without_a_company_name_says_so_and_keeps_the_ticket() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    let attempt = sign_in_at_provider(&service, person("hasty@example.com")).await;
    let (_, answer) = redeem(&service, attempt.redemption()).await;
    let ticket = answer["ticket"].as_str().expect("ticket");

    let (status, body) = register(&service, ticket, "   ").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"]["company_name"], "required");
    assert_eq!(service.count_rows("users").await, 0);

    let (status, _) = register(&service, ticket, "Hasty Parcels").await;
    assert_eq!(status, StatusCode::CREATED);
}
