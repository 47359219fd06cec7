//! Issue 17, finding 11: the login's owner hears of every new password and of a new profile
//! e-mail (at the old address), and a new profile e-mail needs the current password.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::{active_user, PASSWORD};
use crate::support::{spawn_service, TestService};

fn recipient(mail: &str) -> String {
    mail.lines()
        .find_map(|line| line.strip_prefix("To: "))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn profile(email: &str, current_password: Option<&str>) -> Value {
    let mut profile = json!({"email": email, "company_name": "Zebra Parcels BV",
                             "contact_name": "Ann Peeters", "phone": null, "language": "en"});
    if let Some(password) = current_password {
        profile["current_password"] = json!(password);
    }
    profile
}

async fn put_profile(service: &TestService, token: &str, body: Value) -> (StatusCode, Value) {
    let response = service
        .send(Method::PUT, "/api/v1/me", token, Some(body))
        .await;
    let status = response.status();
    (status, response.json().await.expect("json"))
}

#[tokio::test]
async fn a_password_changed_by_someone_with_the_session_is_told_to_the_login_address() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    put_profile(
        &service,
        &token,
        profile("orders@zebra.example", Some(PASSWORD)),
    )
    .await;

    let changed = service
        .send(
            Method::POST,
            "/api/v1/me/password",
            &token,
            Some(json!({"current_password": PASSWORD, "new_password": "purple otters swim north"})),
        )
        .await;

    assert_eq!(changed.status(), StatusCode::NO_CONTENT);
    let mails = service.settled_mails("password-changed").await;
    assert_eq!(mails.len(), 1, "one notice");
    assert_eq!(recipient(&mails[0]), "ann@zebra.example");
    assert!(
        mails[0].contains("Your OSO password was changed"),
        "in English: {}",
        mails[0]
    );
}

#[tokio::test]
async fn a_password_reset_by_someone_with_the_mailbox_is_told_to_the_login_address() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;
    service
        .post(
            "/api/v1/password-resets",
            json!({"email": "ann@zebra.example"}),
        )
        .await;
    let code = service.settled_mails("password-reset").await;
    let code =
        oso_service::mail::outbox::find_code(code.last().expect("reset mail")).expect("code");

    let reset = service
        .post("/api/v1/password-resets/confirm",
              json!({"email": "ann@zebra.example", "code": code, "new_password": "green lanterns at dawn"}))
        .await;

    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    let mails = service.settled_mails("password-was-reset").await;
    assert_eq!(mails.len(), 1, "one notice");
    assert_eq!(recipient(&mails[0]), "ann@zebra.example");
    assert!(
        mails[0].contains("Uw OSO-wachtwoord"),
        "in Dutch, her language: {}",
        mails[0]
    );
}

#[tokio::test]
async fn moving_the_profile_email_to_another_mailbox_needs_the_current_password_and_tells_the_old_one(
) {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;

    let (status, body) = put_profile(&service, &token, profile("mallory@evil.example", None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["fields"]["current_password"], "required");
    let (_, body) = put_profile(
        &service,
        &token,
        profile("mallory@evil.example", Some("not my password at all")),
    )
    .await;
    assert_eq!(body["fields"]["current_password"], "wrong_password");
    let unchanged: Value = service
        .send(Method::GET, "/api/v1/me", &token, None)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(unchanged["email"], "ann@zebra.example");

    let (status, saved) = put_profile(
        &service,
        &token,
        profile("orders@zebra.example", Some(PASSWORD)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["email"], "orders@zebra.example");
    let notices = service.settled_mails("email-changed").await;
    assert_eq!(notices.len(), 1);
    assert_eq!(
        recipient(&notices[0]),
        "ann@zebra.example",
        "the old address"
    );
    assert!(
        notices[0].contains("orders@zebra.example"),
        "{}",
        notices[0]
    );

    put_profile(
        &service,
        &token,
        profile("billing@zebra.example", Some(PASSWORD)),
    )
    .await;
    let notices = service.settled_mails("email-changed").await;
    assert_eq!(
        recipient(&notices[1]),
        "orders@zebra.example",
        "the old address again"
    );
}

#[tokio::test]
async fn other_profile_changes_need_no_password_and_send_no_notice() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let mut body = profile("Ann@Zebra.example", None);
    body["phone"] = json!("+32 470 12 34 56");

    let (status, saved) = put_profile(&service, &token, body).await;

    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["phone"], "+32470123456");
    assert!(service.mails("email-changed").is_empty());
}
