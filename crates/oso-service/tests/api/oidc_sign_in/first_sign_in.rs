//! A first sign-in through the provider: a new login, or a link to a password login; and the
//! provider missing or unreachable.

use super::*;

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
