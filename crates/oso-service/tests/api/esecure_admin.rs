//! eSecure over HTTP, the administrators' side: added users and domain lists, administrators,
//! who may see and decide what, and the operator's customer accounts.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::esecure::{call, protected_account, save_number, NUMBER};
use crate::operator::new_operator_token;
use crate::support::spawn_service;

#[tokio::test]
async fn added_users_and_authorised_domains_order_without_a_request_and_restricted_domains_are_refused(
) {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let carl = active_user(&service, "carl@third.example").await;
    let dora = active_user(&service, "dora@zebra.example").await;
    let eve = active_user(&service, "eve@elsewhere.example").await;

    let (status, body) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/users",
        &admin,
        Some(json!({"account_number": NUMBER, "emails": ["carl@third.example", "not an address"]})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"]["emails.1"].is_string(), "{body}");
    let (status, body) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/users",
        &admin,
        Some(json!({"account_number": NUMBER, "emails": ["Carl@Third.example"]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(save_number(&service, &carl).await.0, StatusCode::CREATED);

    let (status, body) = call(&service, Method::PUT, &format!("/api/v1/esecure/accounts/{NUMBER}/domains"), &admin,
        Some(json!({"authorised": ["@Zebra.example", "bad domain"], "restricted": [], "restrict_requests": false}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"]["authorised.1"], "invalid_domain");
    let (status, account) = call(&service, Method::PUT, &format!("/api/v1/esecure/accounts/{NUMBER}/domains"), &admin,
        Some(json!({"authorised": ["@Zebra.example"], "restricted": ["zebra.example", "third.example"], "restrict_requests": true}))).await;
    assert_eq!(status, StatusCode::OK, "{account}");
    assert_eq!(account["authorised_domains"], json!(["zebra.example"]));
    assert_eq!(save_number(&service, &dora).await.0, StatusCode::CREATED);

    let (status, body) = save_number(&service, &eve).await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::FORBIDDEN, json!("access_refused"))
    );
    assert!(
        service.mails("esecure-request").is_empty(),
        "a refused address asks nobody"
    );
}

#[tokio::test]
async fn administrators_are_added_and_removed_but_the_last_one_stays() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let path = format!("/api/v1/esecure/accounts/{NUMBER}/administrators");

    let (status, body) = call(
        &service,
        Method::POST,
        &path,
        &admin,
        Some(json!({"name": "", "email": "nope", "language": "de"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["name", "email", "language"] {
        assert!(body["fields"][field].is_string(), "{field}: {body}");
    }
    let (status, account) = call(
        &service,
        Method::POST,
        &path,
        &admin,
        Some(json!({"name": "Fred Second", "email": "fred@zebra.example", "language": "fr"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(account["administrators"].as_array().map(Vec::len), Some(2));
    // Fred had no login: his welcome carries a link to choose a password, which opens his login.
    let welcome = service.mails("esecure-administrator");
    let fred_mail = welcome.last().expect("welcome");
    assert!(
        fred_mail.contains("administrateur"),
        "in Fred's language: {fred_mail}"
    );
    let start = fred_mail
        .find("/reset-password?token=")
        .expect("an invitation link");
    let token: String = fred_mail[start + "/reset-password?token=".len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let chosen = service
        .client
        .post(service.url("/reset-password"))
        .form(&[
            ("token", token.as_str()),
            ("new_password", "fred picks a long passphrase"),
            ("confirm_password", "fred picks a long passphrase"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(chosen.status(), StatusCode::OK);
    let grant: Value = crate::accounts::sign_in(
        &service,
        "fred@zebra.example",
        "fred picks a long passphrase",
    )
    .await
    .json()
    .await
    .expect("grant");
    let fred = grant["token"].as_str().expect("Fred signs in").to_owned();
    let (_, summary) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/summary",
        &fred,
        None,
    )
    .await;
    assert_eq!(summary["administrator"], true);

    let (status, _) = call(
        &service,
        Method::DELETE,
        &format!("{path}/fred@zebra.example"),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = call(
        &service,
        Method::DELETE,
        &format!("{path}/ann@zebra.example"),
        &admin,
        None,
    )
    .await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::CONFLICT, json!("last_administrator"))
    );
}

#[tokio::test]
async fn only_an_accounts_administrators_see_or_decide_its_requests_and_users() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    let mallory = active_user(&service, "mallory@rival.example").await;
    save_number(&service, &bob).await;
    let (_, requests) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/requests",
        &admin,
        None,
    )
    .await;
    let id = requests[0]["id"].as_i64().expect("id");

    for outsider in [&bob, &mallory] {
        let (_, summary) = call(
            &service,
            Method::GET,
            "/api/v1/esecure/summary",
            outsider,
            None,
        )
        .await;
        assert_eq!(summary["administrator"], false);
        for path in [
            "/api/v1/esecure/accounts",
            "/api/v1/esecure/requests?status=all",
            "/api/v1/esecure/audit",
        ] {
            let (status, body) = call(&service, Method::GET, path, outsider, None).await;
            assert_eq!((status, body), (StatusCode::OK, json!([])), "{path}");
        }
        let attempts = [
            (
                Method::POST,
                "/api/v1/esecure/requests/decision".to_owned(),
                Some(json!({"ids": [id], "decision": "approve"})),
            ),
            (
                Method::POST,
                format!("/api/v1/esecure/requests/{id}/revoke"),
                None,
            ),
            (
                Method::POST,
                "/api/v1/esecure/users".to_owned(),
                Some(json!({"account_number": NUMBER, "emails": ["m@rival.example"]})),
            ),
            (
                Method::POST,
                format!("/api/v1/esecure/accounts/{NUMBER}/administrators"),
                Some(json!({"name": "M", "email": "m@rival.example", "language": "en"})),
            ),
            (
                Method::DELETE,
                format!("/api/v1/esecure/accounts/{NUMBER}/administrators/ann@zebra.example"),
                None,
            ),
            (
                Method::PUT,
                format!("/api/v1/esecure/accounts/{NUMBER}/domains"),
                Some(json!({"authorised": ["rival.example"]})),
            ),
        ];
        for (method, path, body) in attempts {
            let (status, answer) = call(&service, method.clone(), &path, outsider, body).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}: {answer}");
        }
    }
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    assert_eq!(
        mine[0]["status"], "pending",
        "nothing an outsider did decided anything"
    );
    for path in [
        "/api/v1/esecure/summary",
        "/api/v1/esecure/accounts",
        "/api/v1/esecure/requests",
        "/api/v1/esecure/my-requests",
    ] {
        assert_eq!(
            service.get(path).await.status(),
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
    let (status, _) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/requests/decision",
        &admin,
        Some(json!({"ids": [], "decision": "approve"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/requests/decision",
        &admin,
        Some(json!({"ids": [id], "decision": "maybe"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_operator_protects_an_account_only_with_an_administrator_and_the_cli_does_the_same() {
    let service = spawn_service().await;
    let operator = new_operator_token(&service, "setup");
    let (status, body) = call(
        &service,
        Method::POST,
        "/api/v1/operator/customer-accounts",
        &operator,
        Some(json!({"number": "12345", "company": "", "protected": true})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = call(
        &service,
        Method::POST,
        "/api/v1/operator/customer-accounts",
        &operator,
        Some(json!({"number": NUMBER, "company": "Zebra", "protected": true})),
    )
    .await;
    assert_eq!(
        (status, body["fields"]["administrators"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("required"))
    );
    let customer = active_user(&service, "ann@zebra.example").await;
    let (status, _) = call(
        &service,
        Method::GET,
        "/api/v1/operator/customer-accounts",
        &customer,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let output = service
        .command("customer-accounts")
        .args([
            "add",
            NUMBER,
            "--company",
            "Zebra Parcels BV",
            "--protected",
            "--admin",
            "Ann Admin <ann@zebra.example>",
            "--language",
            "nl",
        ])
        .env("OSO_LOG", "warn")
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (_, accounts) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/accounts",
        &customer,
        None,
    )
    .await;
    assert_eq!(accounts[0]["number"], NUMBER);
    assert_eq!(accounts[0]["protected"], true);
    let (status, changed) = call(
        &service,
        Method::PATCH,
        &format!("/api/v1/operator/customer-accounts/{NUMBER}"),
        &operator,
        Some(json!({"protected": false})),
    )
    .await;
    assert_eq!(
        (status, changed["protected"].clone()),
        (StatusCode::OK, json!(false))
    );
}
