//! Issue 17, finding 6: the per-login budget of wrong passwords holds under concurrency, and
//! wrong current passwords (password change, "forget me", profile e-mail) spend it as well.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::accounts::{active_user, code_of, sign_in, PASSWORD};
use crate::support::spawn_service;

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
