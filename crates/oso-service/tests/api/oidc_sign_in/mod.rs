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

mod first_sign_in;
mod refused;
mod without_password;
