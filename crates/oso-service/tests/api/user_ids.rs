//! Issue 17, finding 2: a client keys what belongs to a login (the desktop's drafts and queued
//! orders) by a stable id from the service, never by the e-mail text, which "forget me" frees for
//! a new, unrelated login.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::{active_user, sign_in, PASSWORD};
use crate::support::{spawn_service, TestService};

async fn granted(service: &TestService, email: &str) -> Value {
    let response = sign_in(service, email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.expect("grant")
}

async fn profile_id(service: &TestService, token: &str) -> String {
    let profile: Value = service
        .send(Method::GET, "/api/v1/me", token, None)
        .await
        .json()
        .await
        .expect("profile");
    profile["user_id"].as_str().expect("a user id").to_owned()
}

#[tokio::test]
async fn a_login_has_one_stable_id_in_every_sign_in_answer_and_its_profile() {
    let service = spawn_service().await;
    let ann_token = active_user(&service, "ann@zebra.example").await;
    let bob_token = active_user(&service, "bob@yak.example").await;

    let ann = profile_id(&service, &ann_token).await;
    let again = granted(&service, "ann@zebra.example").await;
    let bob = profile_id(&service, &bob_token).await;

    assert_eq!(ann.len(), 32, "128 random bits in hex: {ann}");
    assert!(ann.bytes().all(|byte| byte.is_ascii_hexdigit()), "{ann}");
    assert_eq!(
        again["user_id"],
        ann.as_str(),
        "the same login, the same id"
    );
    let token = again["token"].as_str().expect("token");
    assert_eq!(profile_id(&service, token).await, ann);
    assert_ne!(bob, ann);
    assert!(
        !ann.contains("zebra"),
        "the id says nothing about the address"
    );
}

#[tokio::test]
async fn a_new_login_on_a_forgotten_address_gets_another_id() {
    let service = spawn_service().await;
    let token = active_user(&service, "ann@zebra.example").await;
    let first = profile_id(&service, &token).await;
    let forgotten = service
        .send(
            Method::POST,
            "/api/v1/me/forget",
            &token,
            Some(json!({"password": PASSWORD})),
        )
        .await;
    assert_eq!(forgotten.status(), StatusCode::NO_CONTENT);

    let newcomer = active_user(&service, "ann@zebra.example").await;

    assert_ne!(
        profile_id(&service, &newcomer).await,
        first,
        "whatever the first login left on a desktop must not pass to the newcomer"
    );
}
