//! "Log in via …": the service against the real OpenID provider of the tests. The test plays the
//! desktop (PKCE, state, nonce, a loopback redirect URI) and the person at the provider's login
//! page; the service redeems the code and checks the ID token.

use chrono::{Duration, Utc};
use openidconnect::{url::Url, PkceCodeChallenge};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::{active_user, sign_in, PASSWORD};
use crate::oidc_provider::{browse_to_the_redirect, AtTheProvider, OidcProvider};
use crate::support::{spawn_service_with_oidc, TestService};

const REDIRECT_URI: &str = "http://127.0.0.1:49152/callback";

/// A clock at the real time: the provider signs with the real time, and the service must agree
/// with it within two minutes.
fn clock_now() -> oso_core::ManualClock {
    oso_core::ManualClock::starting_at(Utc::now())
}

/// One sign-in as the desktop runs it, up to the answer the browser brings back.
struct Attempt {
    verifier: String,
    nonce: String,
    state: String,
    redirect: Url,
}

impl Attempt {
    fn code(&self) -> String {
        self.query("code").expect("the provider sent a code")
    }

    fn query(&self, name: &str) -> Option<String> {
        self.redirect
            .query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    }

    fn redemption(&self) -> Value {
        json!({"code": self.code(), "code_verifier": self.verifier,
               "redirect_uri": REDIRECT_URI, "nonce": self.nonce})
    }
}

async fn offer(service: &TestService) -> Value {
    let response = service.get("/api/v1/sessions/oidc").await;
    assert_eq!(response.status(), StatusCode::OK);
    let offers: Value = response.json().await.expect("json");
    offers["provider"].clone()
}

/// Sends the browser to the provider as the desktop would, and lets `person` answer there.
async fn sign_in_at_provider(service: &TestService, person: AtTheProvider<'static>) -> Attempt {
    let offer = offer(service).await;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let nonce = format!("nonce-{}", rand_suffix());
    let state = format!("state-{}", rand_suffix());
    let scopes = offer["scopes"]
        .as_array()
        .expect("scopes")
        .iter()
        .map(|scope| scope.as_str().expect("text"))
        .collect::<Vec<_>>()
        .join(" ");
    let authorization = Url::parse_with_params(
        offer["authorization_endpoint"].as_str().expect("endpoint"),
        &[
            ("client_id", offer["client_id"].as_str().expect("client")),
            ("response_type", "code"),
            ("scope", &scopes),
            ("redirect_uri", REDIRECT_URI),
            ("state", &state),
            ("nonce", &nonce),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
        ],
    )
    .expect("url");
    let redirect =
        tokio::task::spawn_blocking(move || browse_to_the_redirect(authorization.as_str(), person))
            .await
            .expect("the browser finished");
    let redirect = Url::parse(&redirect).expect("the redirect is a URL");
    assert!(redirect.as_str().starts_with(REDIRECT_URI), "{redirect}");
    Attempt {
        verifier: verifier.secret().to_owned(),
        nonce,
        state,
        redirect,
    }
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

fn person(email: &'static str) -> AtTheProvider<'static> {
    AtTheProvider::LogIn {
        email,
        name: "Pat Provider",
        locale: "fr",
    }
}

async fn redeem(service: &TestService, body: Value) -> (StatusCode, Value) {
    let response = service.post("/api/v1/sessions/oidc", body).await;
    let status = response.status();
    (status, response.json().await.expect("json"))
}

async fn register(service: &TestService, ticket: &str, company: &str) -> (StatusCode, Value) {
    let response = service
        .post(
            "/api/v1/sessions/oidc/registrations",
            json!({"ticket": ticket, "company_name": company,
                   "contact_name": "Pat Provider", "language": "fr"}),
        )
        .await;
    let status = response.status();
    (status, response.json().await.expect("json"))
}

async fn link(service: &TestService, ticket: &str, password: &str) -> (StatusCode, Value) {
    let response = service
        .post(
            "/api/v1/sessions/oidc/links",
            json!({"ticket": ticket, "password": password}),
        )
        .await;
    let status = response.status();
    (status, response.json().await.expect("json"))
}

async fn profile(service: &TestService, token: &str) -> Value {
    let response = service.send(Method::GET, "/api/v1/me", token, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

fn session_token(grant: &Value) -> String {
    grant["token"].as_str().expect("a session token").to_owned()
}

/// A new person through the whole first sign-in; returns the session token.
async fn first_sign_in(service: &TestService, email: &'static str) -> String {
    let attempt = sign_in_at_provider(service, person(email)).await;
    let (status, answer) = redeem(service, attempt.redemption()).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["outcome"], "registration_needed", "{answer}");
    let ticket = answer["ticket"].as_str().expect("ticket");
    let (status, grant) = register(service, ticket, "Provider Parcels NV").await;
    assert_eq!(status, StatusCode::CREATED, "{grant}");
    session_token(&grant)
}

#[tokio::test]
async fn a_new_person_gives_only_a_company_name_and_is_signed_in_directly_the_next_time() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    let offer = offer(&service).await;
    assert_eq!(offer["display_name"], "MyDHL+");
    assert_eq!(offer["client_id"], "oso-desktop");

    let attempt = sign_in_at_provider(&service, person("new.person@example.com")).await;
    assert_eq!(attempt.query("state"), Some(attempt.state.clone()));
    let (status, answer) = redeem(&service, attempt.redemption()).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["outcome"], "registration_needed");
    assert_eq!(answer["email"], "new.person@example.com");
    assert_eq!(answer["contact_name"], "Pat Provider");
    assert_eq!(answer["language"], "fr");
    assert_eq!(
        service.count_rows("users").await,
        0,
        "nothing made before the last step"
    );

    let (status, grant) = register(
        &service,
        answer["ticket"].as_str().expect("ticket"),
        "Provider Parcels NV",
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{grant}");
    assert_eq!(grant["password_expired"], false);
    let me = profile(&service, &session_token(&grant)).await;
    assert_eq!(me["email"], "new.person@example.com");
    assert_eq!(me["company_name"], "Provider Parcels NV");
    assert_eq!(me["language"], "fr");
    assert_eq!(me["has_password"], false);
    assert_eq!(me["password_expires_at"], Value::Null);

    let again = sign_in_at_provider(&service, person("new.person@example.com")).await;
    let (status, answer) = redeem(&service, again.redemption()).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["outcome"], "signed_in");
    assert_eq!(answer["session"]["user_id"], grant["user_id"]);
    assert_eq!(service.count_rows("users").await, 1);
}

#[tokio::test]
async fn a_password_login_links_once_with_its_password_and_then_signs_in_either_way() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    active_user(&service, "ann@example.com").await;

    let attempt = sign_in_at_provider(&service, person("Ann@Example.com")).await;
    let (status, answer) = redeem(&service, attempt.redemption()).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["outcome"], "link_needed");
    let ticket = answer["ticket"].as_str().expect("ticket");

    let (status, refused) = link(&service, ticket, "not the password at all").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["fields"]["password"], "wrong_password");
    let (status, grant) = link(&service, ticket, PASSWORD).await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "the ticket outlives a wrong password: {grant}"
    );
    let (status, _) = link(&service, ticket, PASSWORD).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a ticket links once");

    let again = sign_in_at_provider(&service, person("ann@example.com")).await;
    let (_, answer) = redeem(&service, again.redemption()).await;
    assert_eq!(answer["outcome"], "signed_in", "{answer}");
    assert_eq!(answer["session"]["user_id"], grant["user_id"]);
    let by_password = sign_in(&service, "ann@example.com", PASSWORD).await;
    assert_eq!(by_password.status(), StatusCode::CREATED);
    assert_eq!(
        profile(&service, &session_token(&grant)).await["has_password"],
        true
    );
    assert_eq!(service.count_rows("users").await, 1);
}

#[tokio::test]
async fn without_oidc_configured_there_is_no_provider_to_offer_and_nothing_to_redeem() {
    let service = crate::support::spawn_service().await;

    assert_eq!(offer(&service).await, Value::Null);
    let (status, body) = redeem(
        &service,
        json!({"code": "c", "code_verifier": "v", "redirect_uri": REDIRECT_URI, "nonce": "n"}),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
}

#[tokio::test]
async fn an_unreachable_provider_leaves_the_button_and_is_named_as_such_at_redemption() {
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let issuer = format!("http://127.0.0.1:{closed_port}");
    let service = spawn_service_with_oidc(&clock_now(), &issuer, "oso-desktop").await;

    let offer = offer(&service).await;
    assert_eq!(offer["display_name"], "MyDHL+", "the button still shows");
    assert_eq!(offer["authorization_endpoint"], Value::Null);
    let (status, body) = redeem(
        &service,
        json!({"code": "c", "code_verifier": "v", "redirect_uri": REDIRECT_URI, "nonce": "n"}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert_eq!(body["code"], "external_provider_unreachable");
}

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

#[tokio::test]
async fn a_login_without_password_is_told_so_at_password_change_and_reset() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    let token = first_sign_in(&service, "no.password@example.com").await;

    let response = service
        .send(
            Method::POST,
            "/api/v1/me/password",
            &token,
            Some(json!({"current_password": "", "new_password": "a brand new long password"})),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["code"], "no_password");

    let response = service
        .post(
            "/api/v1/password-resets",
            json!({"email": "no.password@example.com"}),
        )
        .await;
    assert!(response.status().is_success());
    let mail = service.mails_once("password-reset", 1).await.remove(0);
    assert!(mail.contains("MyDHL+"), "{mail}");
    assert!(
        !mail.contains("reset-password?token="),
        "no reset link: {mail}"
    );
    // Signing in with an empty or any password is as refused as an unknown address.
    let by_password = sign_in(&service, "no.password@example.com", "").await;
    assert!(by_password.status().is_client_error());
}

#[tokio::test]
async fn forget_me_removes_the_link_so_the_next_sign_in_starts_afresh() {
    let provider = OidcProvider::start();
    let service = spawn_service_with_oidc(&clock_now(), &provider.issuer, "oso-desktop").await;
    let token = first_sign_in(&service, "forgetful@example.com").await;

    let response = service
        .send(
            Method::POST,
            "/api/v1/me/forget",
            &token,
            Some(json!({"password": ""})),
        )
        .await;
    assert!(response.status().is_success(), "{}", response.status());
    assert_eq!(service.count_rows("external_identities").await, 0);

    let again = sign_in_at_provider(&service, person("forgetful@example.com")).await;
    let (_, answer) = redeem(&service, again.redemption()).await;
    assert_eq!(answer["outcome"], "registration_needed", "{answer}");
}
