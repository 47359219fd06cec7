//! eSecure over HTTP: protected numbers ask the administrators, who decide in the app or reject
//! from the e-mail's page; added users, domains, administrators, revoking, the audit trail, and
//! who may see and decide what.

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::lifecycle::placed_order;
use crate::operator::new_operator_token;
use crate::support::{spawn_service, spawn_service_with_clock, test_clock, TestService};

const NUMBER: &str = "951234567";

/// A protected account administered by `admin_email`, made through the operator API.
async fn protected_account(service: &TestService, admin_email: &str) {
    let operator = new_operator_token(service, "esecure-setup");
    let created = service
        .send(
            Method::POST,
            "/api/v1/operator/customer-accounts",
            &operator,
            Some(
                json!({"number": NUMBER, "company": "Zebra Parcels BV", "protected": true,
                "administrators": [{"name": "Ann Admin", "email": admin_email, "language": "en"}]}),
            ),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
}

async fn call(
    service: &TestService,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let response = service.send(method, path, token, body).await;
    let status = response.status();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

async fn save_number(service: &TestService, token: &str) -> (StatusCode, Value) {
    call(
        service,
        Method::POST,
        "/api/v1/me/account-numbers",
        token,
        Some(json!({"number": NUMBER, "name": "Zebra"})),
    )
    .await
}

fn reject_link(mail: &str) -> String {
    let start = mail.find("http://").expect("a link");
    let link: String = mail[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<')
        .collect();
    assert!(link.contains("/esecure/reject?token="), "{link}");
    link
}

#[tokio::test]
async fn using_a_protected_number_asks_the_administrators_once_and_the_user_is_told() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;

    let (status, body) = save_number(&service, &bob).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["code"], "approval_pending");
    assert_eq!(body["fields"]["number"], "approval_pending");
    let mails = service.mails("esecure-request");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].contains("bob@other.example") && mails[0].contains("•••••4567"),
        "{}",
        mails[0]
    );
    assert!(!mails[0].contains(NUMBER), "the number is masked");

    // Trying again, or ordering, asks nobody again.
    save_number(&service, &bob).await;
    let order = service
        .send(
            Method::POST,
            "/api/v1/orders",
            &bob,
            Some(order_body("esecure-0001-bbbb")),
        )
        .await;
    assert_eq!(order.status(), StatusCode::FORBIDDEN);
    let body: Value = order.json().await.expect("json");
    assert_eq!(body["code"], "approval_pending");
    assert_eq!(body["fields"]["account_number"], "approval_pending");
    assert_eq!(service.mails("esecure-request").len(), 1);

    let (_, summary) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/summary",
        &admin,
        None,
    )
    .await;
    assert_eq!(summary, json!({"administrator": true, "open_requests": 1}));
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    assert_eq!(mine[0]["status"], "pending");
    // The administrator uses their own number freely.
    assert_eq!(save_number(&service, &admin).await.0, StatusCode::CREATED);
}

fn order_body(key: &str) -> Value {
    json!({"idempotency_key": key, "account_number": NUMBER,
        "address": {"company": "Other", "contact_person": "Bob", "street": "Meir", "number": "1",
                    "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 123 45 67"},
        "lines": [{"sku": "ENV-DL-50", "packs": 1}]})
}

#[tokio::test]
async fn the_reject_page_shows_the_request_on_get_and_rejects_only_on_its_post_once() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    save_number(&service, &bob).await;
    let link = reject_link(&service.mails("esecure-request")[0]);

    let shown = service.client.get(&link).send().await.expect("page");
    assert_eq!(shown.status(), StatusCode::OK);
    let html = shown.text().await.expect("html");
    assert!(
        html.contains("bob@other.example") && html.contains("method=\"post\""),
        "{html}"
    );
    // Opening the link (as a mail scanner does) rejected nothing.
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    assert_eq!(mine[0]["status"], "pending");

    let token = link.split("token=").nth(1).expect("token").to_owned();
    let posted = service
        .client
        .post(service.url("/esecure/reject"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("post");
    assert!(posted
        .text()
        .await
        .expect("html")
        .contains("bob@other.example"));
    let (_, mine) = call(
        &service,
        Method::GET,
        "/api/v1/esecure/my-requests",
        &bob,
        None,
    )
    .await;
    assert_eq!(mine[0]["status"], "rejected");
    let decisions = service.mails("esecure-decision");
    assert_eq!(decisions.len(), 1);
    assert!(decisions[0].contains("•••••4567"));

    let again = service
        .client
        .post(service.url("/esecure/reject"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("post");
    assert!(
        !again
            .text()
            .await
            .expect("html")
            .contains("bob@other.example"),
        "single use"
    );
    let (status, body) = save_number(&service, &bob).await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::FORBIDDEN, json!("approval_rejected"))
    );
    assert_eq!(
        service.mails("esecure-request").len(),
        1,
        "a rejected user does not ask again"
    );
}

#[tokio::test]
async fn a_reject_link_expires_and_a_forged_one_rejects_nothing() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
    save_number(&service, &bob).await;
    let link = reject_link(&service.mails("esecure-request")[0]);
    let token = link.split("token=").nth(1).expect("token").to_owned();

    for forged in ["", "x", "' OR 1=1 --", &format!("{token}x")] {
        let page = service
            .client
            .post(service.url("/esecure/reject"))
            .form(&[("token", forged)])
            .send()
            .await
            .expect("post");
        assert_eq!(page.status(), StatusCode::OK);
        assert!(!page
            .text()
            .await
            .expect("html")
            .contains("bob@other.example"));
    }
    clock.advance(Duration::days(15));
    service
        .client
        .post(service.url("/esecure/reject"))
        .form(&[("token", token.as_str())])
        .send()
        .await
        .expect("post");
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
        "an expired link rejects nothing"
    );
}

#[tokio::test]
async fn an_approved_user_orders_and_sees_the_history_until_revoked_at_once() {
    let service = spawn_service().await;
    let admin = active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user(&service, "bob@other.example").await;
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

    let (status, body) = call(
        &service,
        Method::POST,
        "/api/v1/esecure/requests/decision",
        &admin,
        Some(json!({"ids": [id], "decision": "approve"})),
    )
    .await;
    assert_eq!(
        (status, body["decided"].clone()),
        (StatusCode::OK, json!(1))
    );
    assert_eq!(service.mails("esecure-decision").len(), 1);
    assert_eq!(save_number(&service, &bob).await.0, StatusCode::CREATED);
    let number = placed_order(&service, &bob, "esecure-approved-0001").await;
    let (_, history) = call(&service, Method::GET, "/api/v1/orders", &bob, None).await;
    assert_eq!(history["orders"][0]["order_number"], number.as_str());
    // The administrator sees the order too: it was placed with their number.
    let (_, theirs) = call(&service, Method::GET, "/api/v1/orders", &admin, None).await;
    assert_eq!(
        theirs["total"], 0,
        "the admin has not saved the number under their login"
    );

    let (status, _) = call(
        &service,
        Method::POST,
        &format!("/api/v1/esecure/requests/{id}/revoke"),
        &admin,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, history) = call(&service, Method::GET, "/api/v1/orders", &bob, None).await;
    assert_eq!(
        history["total"], 0,
        "revoked: the number's history is gone at once"
    );
    let (status, _) = call(
        &service,
        Method::GET,
        &format!("/api/v1/orders/{number}"),
        &bob,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let refused = service
        .send(
            Method::POST,
            "/api/v1/orders",
            &bob,
            Some(order_body("esecure-revoked-0002")),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        service.mails("esecure-request").len(),
        2,
        "asking again after a revoke is a new request"
    );

    let (_, trail) = call(&service, Method::GET, "/api/v1/esecure/audit", &admin, None).await;
    let actions: Vec<&str> = trail
        .as_array()
        .expect("audit")
        .iter()
        .map(|e| e["action"].as_str().unwrap_or(""))
        .collect();
    for action in [
        "requested",
        "approved",
        "revoked",
        "account_created",
        "administrator_added",
    ] {
        assert!(
            actions.contains(&action),
            "{action} missing from {actions:?}"
        );
    }
}

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

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_oso-service"))
        .args(["customer-accounts", "--data-dir"])
        .arg(service.data_dir())
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
