//! The e-mailed links as the installed app uses them: the same token, handed over through the
//! `oso://` URL scheme, redeemed over the API; and the link pages offering that hand-over.

use reqwest::StatusCode;
use serde_json::json;

use crate::accounts::{active_user, code_of, register, sign_in, PASSWORD};
use crate::support::{spawn_service, TestService};

fn newest_link_token(service: &TestService, kind: &str, path: &str) -> String {
    let mails = service.mails(kind);
    let mail = mails.last().unwrap_or_else(|| panic!("no {kind} mail"));
    oso_service::mail::outbox::find_link_token(mail, path)
        .unwrap_or_else(|| panic!("no {path} link in {mail}"))
}

pub(crate) async fn page_html(service: &TestService, path: &str) -> String {
    let page = service.get(path).await;
    assert_eq!(page.status(), StatusCode::OK);
    page.text().await.expect("html")
}

#[tokio::test]
async fn the_activation_link_token_activates_over_the_api_once() {
    let service = spawn_service().await;
    register(&service, "ann@zebra.example").await;
    let token = newest_link_token(&service, "activation", "/activate");

    let activated = service
        .post("/api/v1/activations/link", json!({ "token": token }))
        .await;
    let again = service
        .post("/api/v1/activations/link", json!({ "token": token }))
        .await;

    assert_eq!(activated.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        sign_in(&service, "ann@zebra.example", PASSWORD)
            .await
            .status(),
        StatusCode::CREATED
    );
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_eq!(code_of(again).await, "token_invalid");
}

#[tokio::test]
async fn a_refused_password_leaves_the_reset_link_usable_and_a_good_one_uses_it_up() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;
    service
        .post(
            "/api/v1/password-resets",
            json!({ "email": "ann@zebra.example" }),
        )
        .await;
    service.mail_settled().await;
    let token = newest_link_token(&service, "password-reset", "/reset-password");
    let reset = |password: &'static str| {
        service.post(
            "/api/v1/password-resets/link",
            json!({ "token": token, "new_password": password }),
        )
    };

    let too_short = reset("short").await;
    let accepted = reset("seven purple owls sing loudly").await;
    let reused = reset("eight green frogs hum softly").await;

    assert_eq!(too_short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(accepted.status(), StatusCode::NO_CONTENT);
    assert_eq!(code_of(reused).await, "token_invalid");
    assert_eq!(
        sign_in(
            &service,
            "ann@zebra.example",
            "seven purple owls sing loudly"
        )
        .await
        .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn the_link_pages_offer_to_continue_in_the_app_with_the_same_token() {
    let service = spawn_service().await;

    let activation = page_html(&service, "/activate?token=Ab-9_z").await;
    let reset = page_html(&service, "/reset-password?token=Ab-9_z").await;
    let odd = page_html(&service, "/activate?token=%22%3E%3Cscript%3E").await;

    assert!(
        activation.contains("href=\"oso://activate?token=Ab-9_z\""),
        "{activation}"
    );
    assert!(activation.contains("Open in the OSO app"), "{activation}");
    assert!(
        reset.contains("href=\"oso://reset-password?token=Ab-9_z\""),
        "{reset}"
    );
    assert!(
        !odd.contains("oso://"),
        "no app link for a non-token: {odd}"
    );
}
