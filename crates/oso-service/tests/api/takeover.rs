//! Issue 17, finding 1: nobody takes over a login that is not yet active. A pending login belongs
//! to whoever holds its activation (or, for an invited administrator, its invitation) and nobody
//! changes it before it is activated.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::{code_of, register, sign_in, PASSWORD};
use crate::esecure::{call, protected_account};
use crate::support::{spawn_service, spawn_service_with_clock, test_clock, TestService};

const ATTACKER_PASSWORD: &str = "the attacker owns this login now";

async fn register_as_attacker(service: &TestService, email: &str) -> reqwest::Response {
    service
        .post(
            "/api/v1/registrations",
            json!({"company_name": "Evil Phishing Ltd", "contact_name": "Mallory",
                   "email": email, "password": ATTACKER_PASSWORD, "language": "en"}),
        )
        .await
}

async fn activate(service: &TestService, email: &str, code: &str) -> reqwest::Response {
    service
        .post("/api/v1/activations", json!({"email": email, "code": code}))
        .await
}

fn codes_of(service: &TestService, kind: &str) -> Vec<String> {
    service
        .mails(kind)
        .iter()
        .filter_map(|mail| oso_service::mail::outbox::find_code(mail))
        .collect()
}

fn invitation_token(mail: &str) -> String {
    let start = mail
        .find("/reset-password?token=")
        .expect("an invitation link");
    mail[start + "/reset-password?token=".len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[tokio::test]
async fn registering_a_pending_address_again_neither_replaces_its_password_nor_voids_the_owners_code(
) {
    let service = spawn_service().await;
    assert_eq!(
        register(&service, "ann@zebra.example").await.status(),
        StatusCode::ACCEPTED
    );
    let owners_code = service.code_from_newest("activation");

    let again = register_as_attacker(&service, "ann@zebra.example").await;

    assert_eq!(again.status(), StatusCode::ACCEPTED, "the same answer");
    service.mail_settled().await;
    let mails = service.mails("activation");
    let newest = mails.last().expect("an activation mail");
    assert!(
        !newest.contains("Evil Phishing") && !newest.contains("Mallory"),
        "the owner's own activation, with nothing of the attacker's: {newest}"
    );
    assert_eq!(
        activate(&service, "ann@zebra.example", &owners_code)
            .await
            .status(),
        StatusCode::NO_CONTENT,
        "the owner's first code still activates"
    );
    assert_eq!(
        code_of(sign_in(&service, "ann@zebra.example", ATTACKER_PASSWORD).await).await,
        "invalid_credentials"
    );
    let grant: Value = sign_in(&service, "ann@zebra.example", PASSWORD)
        .await
        .json()
        .await
        .expect("grant");
    let token = grant["token"].as_str().expect("the owner signs in");
    let profile: Value = service
        .send(Method::GET, "/api/v1/me", token, None)
        .await
        .json()
        .await
        .expect("profile");
    assert_eq!(profile["company_name"], "Zebra Parcels BV");
    assert_eq!(profile["contact_name"], "Ann Peeters");
}

#[tokio::test]
async fn the_owner_activating_with_the_newest_mail_after_an_attackers_registration_keeps_their_own_password(
) {
    let service = spawn_service().await;
    register(&service, "ann@zebra.example").await;
    register_as_attacker(&service, "ann@zebra.example").await;
    service.mail_settled().await;

    let newest = service.code_from_newest("activation");
    assert_eq!(
        activate(&service, "ann@zebra.example", &newest)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );

    assert_eq!(
        code_of(sign_in(&service, "ann@zebra.example", ATTACKER_PASSWORD).await).await,
        "invalid_credentials"
    );
    assert_eq!(
        sign_in(&service, "ann@zebra.example", PASSWORD)
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn registering_the_address_of_an_invited_administrator_gives_no_administrator_rights() {
    let service = spawn_service().await;
    protected_account(&service, "fred@zebra.example").await;

    assert_eq!(
        register_as_attacker(&service, "fred@zebra.example")
            .await
            .status(),
        StatusCode::ACCEPTED
    );
    service.mail_settled().await;
    // The owner trusts whatever genuine mail arrives, and uses it.
    for code in codes_of(&service, "activation") {
        activate(&service, "fred@zebra.example", &code).await;
    }

    let attacker = sign_in(&service, "fred@zebra.example", ATTACKER_PASSWORD).await;
    assert_eq!(code_of(attacker).await, "invalid_credentials");
    // Fred chooses his password with his invitation, which still works.
    let welcome = service.mails("esecure-administrator");
    let token = invitation_token(welcome.last().expect("welcome"));
    let chosen = service
        .post(
            "/api/v1/password-resets/link",
            json!({"token": token, "new_password": "fred picks a long passphrase"}),
        )
        .await;
    assert_eq!(chosen.status(), StatusCode::NO_CONTENT);
    let grant: Value = sign_in(
        &service,
        "fred@zebra.example",
        "fred picks a long passphrase",
    )
    .await
    .json()
    .await
    .expect("grant");
    let fred = grant["token"].as_str().expect("Fred signs in");
    let (_, profile) = call(&service, Method::GET, "/api/v1/me", fred, None).await;
    assert_eq!(profile["company_name"], "Zebra Parcels BV");
}

#[tokio::test]
async fn an_invited_administrator_cannot_be_activated_with_an_activation_code() {
    let service = spawn_service().await;
    protected_account(&service, "fred@zebra.example").await;

    let resent = service
        .post(
            "/api/v1/activations/resend",
            json!({"email": "fred@zebra.example"}),
        )
        .await;

    assert_eq!(resent.status(), StatusCode::ACCEPTED);
    service.mail_settled().await;
    for code in codes_of(&service, "activation") {
        assert_eq!(
            code_of(activate(&service, "fred@zebra.example", &code).await).await,
            "token_invalid",
            "an activation code never opens an invited login"
        );
    }
    // What went is the invitation again: its code (typed with a new password) opens the login.
    let code = service.code_from_newest("invitation");
    let chosen = service
        .post(
            "/api/v1/password-resets/confirm",
            json!({"email": "fred@zebra.example", "code": code,
                   "new_password": "fred picks a long passphrase"}),
        )
        .await;
    assert_eq!(chosen.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        sign_in(
            &service,
            "fred@zebra.example",
            "fred picks a long passphrase"
        )
        .await
        .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_forgotten_password_of_a_pending_login_gets_its_activation_and_then_a_reset() {
    let service = spawn_service().await;
    register(&service, "ann@zebra.example").await;

    let asked = service
        .post(
            "/api/v1/password-resets",
            json!({"email": "ann@zebra.example"}),
        )
        .await;

    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    service.mail_settled().await;
    let activations = service.mails("activation");
    assert_eq!(activations.len(), 2, "the activation is sent again");
    assert!(service.mails("password-reset").is_empty());
    let code = service.code_from_newest("activation");
    assert_eq!(
        activate(&service, "ann@zebra.example", &code)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    service
        .post(
            "/api/v1/password-resets",
            json!({"email": "ann@zebra.example"}),
        )
        .await;
    service.mail_settled().await;
    assert_eq!(service.mails("password-reset").len(), 1);
}

#[tokio::test]
async fn a_login_still_pending_after_48_hours_is_purged_and_the_address_may_register_afresh() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    register_as_attacker(&service, "ann@zebra.example").await;

    clock.advance(Duration::hours(48) + Duration::minutes(1));
    service.run_jobs().await;

    assert_eq!(
        service.count_rows("users").await,
        0,
        "the abandoned pending login is gone"
    );
    register(&service, "ann@zebra.example").await;
    service.mail_settled().await;
    let code = service.code_from_newest("activation");
    assert_eq!(
        activate(&service, "ann@zebra.example", &code)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        sign_in(&service, "ann@zebra.example", PASSWORD)
            .await
            .status(),
        StatusCode::CREATED
    );
}
