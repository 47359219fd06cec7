//! A login made through the provider has no OSO password: password change, reset and "forget
//! me" say so or do without.

use super::*;

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
