//! Issue 17, finding 6: the per-login budget of wrong passwords holds under concurrency, and
//! wrong current passwords (password change, "forget me", profile e-mail) spend it as well.
//! Issue 19: behind a trusted proxy each client has its own budget, which `X-Forwarded-For`
//! cannot escape.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::accounts::{active_user, code_of, sign_in, PASSWORD};
use crate::support::{spawn_service, TestService};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_concurrent_wrong_passwords_get_at_most_five_verifications() {
    let service = std::sync::Arc::new(spawn_service().await);
    active_user(&service, "ann@zebra.example").await;

    let attempts: Vec<_> = (0..16)
        .map(|attempt| {
            let service = std::sync::Arc::clone(&service);
            tokio::spawn(async move {
                let guess = format!("guessing password number {attempt}");
                code_of(sign_in(&service, "ann@zebra.example", &guess).await).await
            })
        })
        .collect();
    let mut codes = Vec::new();
    for attempt in attempts {
        codes.push(attempt.await.expect("task"));
    }

    let verified = codes
        .iter()
        .filter(|code| *code == "invalid_credentials")
        .count();
    let throttled = codes.iter().filter(|code| *code == "rate_limited").count();
    assert!(
        verified <= 5,
        "{verified} wrong passwords were verified: {codes:?}"
    );
    assert_eq!(verified + throttled, 16, "{codes:?}");
}

async fn spend_the_budget(service: &crate::support::TestService, token: &str, path: &str) {
    for _ in 0..5 {
        let body = match path {
            "/api/v1/me/forget" => json!({"password": "not my password at all"}),
            _ => json!({"current_password": "not my password at all",
                        "new_password": "purple otters swim north"}),
        };
        let wrong = service.send(Method::POST, path, token, Some(body)).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY, "{path}");
    }
}

#[tokio::test]
async fn wrong_current_passwords_on_a_password_change_spend_the_sign_in_budget() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;

    spend_the_budget(&service, &token, "/api/v1/me/password").await;

    let sixth = service
        .send(
            Method::POST,
            "/api/v1/me/password",
            &token,
            Some(json!({"current_password": PASSWORD, "new_password": "purple otters swim north"})),
        )
        .await;
    assert_eq!(sixth.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        code_of(sign_in(&service, "ann@zebra.example", PASSWORD).await).await,
        "rate_limited",
        "the guesser cannot switch to signing in"
    );
}

#[tokio::test]
async fn wrong_passwords_for_forget_me_spend_the_sign_in_budget() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;

    spend_the_budget(&service, &token, "/api/v1/me/forget").await;

    let sixth = service
        .send(
            Method::POST,
            "/api/v1/me/forget",
            &token,
            Some(json!({"password": PASSWORD})),
        )
        .await;
    assert_eq!(code_of(sixth).await, "rate_limited");
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/me", &token, None)
            .await
            .status(),
        StatusCode::OK,
        "nothing was forgotten"
    );
    assert_eq!(
        code_of(sign_in(&service, "ann@zebra.example", PASSWORD).await).await,
        "rate_limited"
    );
}

#[tokio::test]
async fn wrong_current_passwords_for_a_new_profile_email_spend_the_sign_in_budget() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let profile = |password: &str| {
        json!({"email": "mallory@evil.example", "company_name": "Zebra Parcels BV",
               "contact_name": "Ann Peeters", "phone": null, "language": "nl",
               "current_password": password})
    };

    for _ in 0..5 {
        let wrong = service
            .send(
                Method::PUT,
                "/api/v1/me",
                &token,
                Some(profile("not my password at all")),
            )
            .await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }

    let sixth = service
        .send(Method::PUT, "/api/v1/me", &token, Some(profile(PASSWORD)))
        .await;
    assert_eq!(code_of(sixth).await, "rate_limited");
}

/// A sign-in whose request says it was forwarded for `forwarded_for`.
async fn sign_in_forwarded_for(
    service: &TestService,
    forwarded_for: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    service
        .client
        .post(service.url("/api/v1/sessions"))
        .header("X-Forwarded-For", forwarded_for)
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .expect("the service answers")
}

/// The 20 failures the per-client rule allows, each for another unknown account so that no
/// account's own budget is spent.
async fn fail_twenty_times(service: &TestService, forwarded_for: impl Fn(usize) -> String) {
    for attempt in 0..20 {
        let guess = format!("user{attempt}@elsewhere.example");
        assert_eq!(
            code_of(
                sign_in_forwarded_for(service, &forwarded_for(attempt), &guess, "some password")
                    .await
            )
            .await,
            "invalid_credentials",
            "attempt {attempt}"
        );
    }
}

#[tokio::test]
async fn without_a_trusted_proxy_a_new_forwarded_address_per_try_does_not_escape_the_throttle() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;

    fail_twenty_times(&service, |attempt| format!("203.0.113.{attempt}")).await;

    let limited =
        sign_in_forwarded_for(&service, "198.51.100.9", "ann@zebra.example", PASSWORD).await;
    assert_eq!(code_of(limited).await, "rate_limited");
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_throttle() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = oso_service::ServiceConfig {
        trusted_proxies: vec![std::net::Ipv4Addr::LOCALHOST.into()],
        ..oso_service::ServiceConfig::embedded(dir.path())
    };
    let running = oso_service::start(config)
        .await
        .expect("the service starts");
    let service = TestService::wrap(running, dir.path().to_owned());
    active_user(&service, "ann@zebra.example").await;

    fail_twenty_times(&service, |_| "203.0.113.7".to_owned()).await;

    let elsewhere =
        sign_in_forwarded_for(&service, "198.51.100.9", "ann@zebra.example", PASSWORD).await;
    assert_eq!(
        elsewhere.status(),
        StatusCode::CREATED,
        "another client is not slowed down"
    );
    let same = sign_in_forwarded_for(&service, "203.0.113.7", "ann@zebra.example", PASSWORD).await;
    assert_eq!(code_of(same).await, "rate_limited");
    let spoofed = sign_in_forwarded_for(
        &service,
        "198.51.100.9, 203.0.113.7",
        "ann@zebra.example",
        PASSWORD,
    )
    .await;
    assert_eq!(
        code_of(spoofed).await,
        "rate_limited",
        "an address the client put left of its own is not believed"
    );
}
