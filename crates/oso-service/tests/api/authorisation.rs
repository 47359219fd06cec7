//! Every eSecure and order endpoint, called by: no session, a user of another company, an
//! unapproved requester, an approved user and the account's administrator. Each answer is
//! checked against what that role may do.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::active_user;
use crate::operator::new_operator_token;
use crate::support::{spawn_service, TestService};

const NUMBER: &str = "951234567";

struct Roles {
    other_company: String,
    requester: String,
    approved: String,
    administrator: String,
}

impl Roles {
    /// (name, token) for each role; `None` is no session.
    fn all(&self) -> [(&'static str, Option<&str>); 5] {
        [
            ("no session", None),
            ("other company", Some(&self.other_company)),
            ("unapproved requester", Some(&self.requester)),
            ("approved user", Some(&self.approved)),
            ("administrator", Some(&self.administrator)),
        ]
    }
}

async fn answer(
    service: &TestService,
    method: &Method,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut request = service.client.request(method.clone(), service.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.expect("the service answers");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn order(key: &str) -> Value {
    json!({"idempotency_key": key, "account_number": NUMBER,
        "address": {"company": "Zebra", "contact_person": "Ann", "street": "Meir", "number": "1",
                    "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67"},
        "lines": [{"sku": "ENV-DL-50", "packs": 1}]})
}

/// A protected account administered by Ann, with Carl approved and Bob waiting.
async fn arrange(service: &TestService) -> Roles {
    let administrator = active_user(service, "ann@zebra.example").await;
    let operator = new_operator_token(service, "matrix");
    let created = service
        .send(Method::POST, "/api/v1/operator/customer-accounts", &operator,
            Some(json!({"number": NUMBER, "company": "Zebra", "protected": true,
                "administrators": [{"name": "Ann", "email": "ann@zebra.example", "language": "en"}]})))
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let requester = active_user(service, "bob@other.example").await;
    let approved = active_user(service, "carl@third.example").await;
    let other_company = active_user(service, "mallory@rival.example").await;
    let save = json!({"number": NUMBER, "name": "Zebra"});
    service
        .send(
            Method::POST,
            "/api/v1/me/account-numbers",
            &requester,
            Some(save.clone()),
        )
        .await;
    service
        .send(
            Method::POST,
            "/api/v1/esecure/users",
            &administrator,
            Some(json!({"account_number": NUMBER, "emails": ["carl@third.example"]})),
        )
        .await;
    let saved = service
        .send(
            Method::POST,
            "/api/v1/me/account-numbers",
            &approved,
            Some(save),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::CREATED);
    Roles {
        other_company,
        requester,
        approved,
        administrator,
    }
}

fn request_id(requests: &Value, email: &str) -> i64 {
    requests
        .as_array()
        .and_then(|all| all.iter().find(|r| r["email"] == email))
        .and_then(|r| r["id"].as_i64())
        .unwrap_or_else(|| panic!("no request of {email} in {requests}"))
}

#[tokio::test]
async fn every_esecure_and_order_endpoint_answers_each_role_as_it_may() {
    let service = spawn_service().await;
    let roles = arrange(&service).await;
    let (_, requests) = answer(
        &service,
        &Method::GET,
        "/api/v1/esecure/requests?status=all",
        Some(&roles.administrator),
        None,
    )
    .await;
    let (bob_request, carl_request) = (
        request_id(&requests, "bob@other.example"),
        request_id(&requests, "carl@third.example"),
    );
    let mut unexpected = Vec::new();
    let mut answers = 0;
    let mut check = |what: String, ok: bool| {
        answers += 1;
        if !ok {
            unexpected.push(what);
        }
    };

    // Orders: only the approved user and the administrator place them; the others are told why.
    let mut placed = Vec::new();
    for (role, token) in roles.all() {
        let key = format!("matrix-{}", role.replace(' ', "-"));
        let (status, body) = answer(
            &service,
            &Method::POST,
            "/api/v1/orders",
            token,
            Some(&order(&key)),
        )
        .await;
        let expected = match role {
            "no session" => (StatusCode::UNAUTHORIZED, "unauthenticated"),
            "approved user" | "administrator" => (StatusCode::CREATED, ""),
            _ => (StatusCode::FORBIDDEN, "approval_pending"),
        };
        check(
            format!("POST /orders as {role}: {status} {body}"),
            status == expected.0 && (expected.1.is_empty() || body["code"] == expected.1),
        );
        if status == StatusCode::CREATED {
            placed.push(body["order_number"].as_str().unwrap_or_default().to_owned());
        }
    }
    let admins_order = placed.last().cloned().unwrap_or_default();

    // Reading orders: the approved user sees the order they placed, the administrator every
    // order on the number; outsiders see nothing.
    for (role, token) in roles.all() {
        for path in ["/api/v1/orders", "/api/v1/orders/export"] {
            let (status, body) = answer(&service, &Method::GET, path, token, None).await;
            let seen = body["orders"].as_array().map_or(0, Vec::len);
            let ok = match role {
                "no session" => status == StatusCode::UNAUTHORIZED,
                "approved user" => status == StatusCode::OK && seen == 1,
                "administrator" => status == StatusCode::OK && seen == 2,
                _ => status == StatusCode::OK && seen == 0,
            };
            check(format!("GET {path} as {role}: {status}, {seen} orders"), ok);
        }
        let (status, _) = answer(
            &service,
            &Method::GET,
            &format!("/api/v1/orders/{admins_order}"),
            token,
            None,
        )
        .await;
        let expected = match role {
            "no session" => StatusCode::UNAUTHORIZED,
            "administrator" => StatusCode::OK,
            _ => StatusCode::NOT_FOUND,
        };
        check(
            format!("GET /orders/{{n}} as {role}: {status}"),
            status == expected,
        );
    }
    // Only whoever placed an order cancels it.
    for (role, token) in roles.all() {
        if role == "administrator" {
            continue;
        }
        let (status, _) = answer(
            &service,
            &Method::POST,
            &format!("/api/v1/orders/{admins_order}/cancel"),
            token,
            None,
        )
        .await;
        check(
            format!("cancel another's order as {role}: {status}"),
            !status.is_success(),
        );
    }

    // eSecure reads: everyone signed in may ask; only the administrator sees the account.
    for (role, token) in roles.all() {
        for path in [
            "/api/v1/esecure/accounts",
            "/api/v1/esecure/requests?status=all",
            "/api/v1/esecure/audit",
        ] {
            let (status, body) = answer(&service, &Method::GET, path, token, None).await;
            let count = body.as_array().map_or(0, Vec::len);
            let ok = match role {
                "no session" => status == StatusCode::UNAUTHORIZED,
                "administrator" => status == StatusCode::OK && count > 0,
                _ => status == StatusCode::OK && count == 0,
            };
            check(format!("GET {path} as {role}: {status}, {count} rows"), ok);
        }
        let (status, summary) = answer(
            &service,
            &Method::GET,
            "/api/v1/esecure/summary",
            token,
            None,
        )
        .await;
        check(
            format!("GET summary as {role}: {status} {summary}"),
            match role {
                "no session" => status == StatusCode::UNAUTHORIZED,
                "administrator" => summary["administrator"] == true,
                _ => summary["administrator"] == false,
            },
        );
        let (status, mine) = answer(
            &service,
            &Method::GET,
            "/api/v1/esecure/my-requests",
            token,
            None,
        )
        .await;
        check(
            format!("GET my-requests as {role}: {status} {mine}"),
            match role {
                "no session" => status == StatusCode::UNAUTHORIZED,
                "unapproved requester" => mine[0]["status"] == "pending",
                "approved user" => mine[0]["status"] == "approved",
                _ => status == StatusCode::OK,
            },
        );
    }

    // eSecure changes: nobody but the administrator, who goes last and succeeds.
    let administrators = format!("/api/v1/esecure/accounts/{NUMBER}/administrators");
    let changes: Vec<(Method, String, Option<Value>, StatusCode)> = vec![
        (
            Method::POST,
            "/api/v1/esecure/users".into(),
            Some(json!({"account_number": NUMBER, "emails": ["dora@zebra.example"]})),
            StatusCode::OK,
        ),
        (
            Method::PUT,
            format!("/api/v1/esecure/accounts/{NUMBER}/domains"),
            Some(json!({"authorised": ["zebra.example"]})),
            StatusCode::OK,
        ),
        (
            Method::POST,
            administrators.clone(),
            Some(json!({"name": "Fred", "email": "fred@zebra.example", "language": "nl"})),
            StatusCode::CREATED,
        ),
        (
            Method::DELETE,
            format!("{administrators}/fred@zebra.example"),
            None,
            StatusCode::NO_CONTENT,
        ),
        (
            Method::POST,
            "/api/v1/esecure/requests/decision".into(),
            Some(json!({"ids": [bob_request], "decision": "reject"})),
            StatusCode::OK,
        ),
        (
            Method::POST,
            format!("/api/v1/esecure/requests/{carl_request}/revoke"),
            None,
            StatusCode::NO_CONTENT,
        ),
    ];
    for (method, path, body, admin_status) in &changes {
        for (role, token) in roles.all() {
            let (status, answer_body) = answer(&service, method, path, token, body.as_ref()).await;
            let expected = match role {
                "no session" => StatusCode::UNAUTHORIZED,
                "administrator" => *admin_status,
                _ => StatusCode::NOT_FOUND,
            };
            check(
                format!("{method} {path} as {role}: {status} {answer_body}"),
                status == expected,
            );
        }
    }

    // The operator API opens to no customer session at all.
    for (role, token) in roles.all() {
        for path in [
            "/api/v1/operator/orders",
            "/api/v1/operator/customer-accounts",
        ] {
            let (status, _) = answer(&service, &Method::GET, path, token, None).await;
            check(
                format!("GET {path} as {role}: {status}"),
                status == StatusCode::UNAUTHORIZED,
            );
        }
    }
    println!(
        "{answers} answers checked over 5 roles, {} unexpected",
        unexpected.len()
    );
    assert!(
        unexpected.is_empty(),
        "unexpected answers:\n{}",
        unexpected.join("\n")
    );
}

/// The operations that need no token: signing up and in, recovering a password, the catalogue
/// and health. Any other operation without a security requirement in the API description fails
/// the test below until it is added here on purpose.
const PUBLIC: [&str; 14] = [
    "GET /api/v1/health",
    "POST /api/v1/registrations",
    "POST /api/v1/activations",
    "POST /api/v1/activations/link",
    "POST /api/v1/activations/resend",
    "POST /api/v1/sessions",
    "POST /api/v1/password-resets",
    "POST /api/v1/password-resets/confirm",
    "POST /api/v1/password-resets/link",
    "GET /api/v1/catalogue",
    // "Log in via …": the code from the provider is the credential, then a one-time ticket.
    "GET /api/v1/sessions/oidc",
    "POST /api/v1/sessions/oidc",
    "POST /api/v1/sessions/oidc/registrations",
    "POST /api/v1/sessions/oidc/links",
];

/// A plausible value for a path parameter, so each call reaches its handler.
fn filled(path: &str) -> String {
    path.replace("{order_number}", "OSO-2026-000001")
        .replace("{number}", NUMBER)
        .replace("{id}", "1")
        .replace("{email}", "ann@zebra.example")
}

#[tokio::test]
async fn every_endpoint_of_the_api_description_refuses_a_missing_or_wrong_kind_of_token() {
    let service = spawn_service().await;
    let roles = arrange(&service).await;
    let operator = new_operator_token(&service, "wrong-kind");
    let signed_out = active_user(&service, "gone@zebra.example").await;
    let (status, _) = answer(
        &service,
        &Method::DELETE,
        "/api/v1/sessions/current",
        Some(&signed_out),
        None,
    )
    .await;
    assert!(status.is_success(), "signed out: {status}");
    let (_, description) = answer(&service, &Method::GET, "/api/v1/openapi.json", None, None).await;
    let paths = description["paths"]
        .as_object()
        .expect("the description lists paths");

    let mut unexpected = Vec::new();
    let (mut operations, mut calls) = (0, 0);
    for (path, item) in paths {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let Ok(method) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            operations += 1;
            let name = format!("{method} {path}");
            let schemes: Vec<&str> = operation["security"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|requirement| requirement.as_object())
                .flat_map(|requirement| requirement.keys().map(String::as_str))
                .collect();
            if schemes.is_empty() {
                if !PUBLIC.contains(&name.as_str()) {
                    unexpected.push(format!("{name} needs no token and is not listed as public"));
                }
                continue;
            }
            let wrong_kind = if schemes.contains(&"operator") {
                (
                    "a customer administrator's session",
                    Some(roles.administrator.as_str()),
                )
            } else {
                ("an operator token", Some(operator.as_str()))
            };
            let callers = [
                ("no token", None),
                ("a made-up token", Some("oso_op_not-a-real-token-at-all")),
                ("a signed-out session", Some(signed_out.as_str())),
                wrong_kind,
            ];
            let body =
                matches!(method, Method::POST | Method::PUT | Method::PATCH).then(|| json!({}));
            for (caller, token) in callers {
                calls += 1;
                let url = filled(path);
                let (status, answered) =
                    answer(&service, &method, &url, token, body.as_ref()).await;
                if status != StatusCode::UNAUTHORIZED || answered["code"] != "unauthenticated" {
                    unexpected.push(format!("{name} with {caller}: {status} {answered}"));
                }
            }
        }
    }
    println!(
        "{operations} operations, {calls} calls with a missing or wrong token, {} unexpected",
        unexpected.len()
    );
    assert!(
        operations >= 40,
        "the description lists {operations} operations"
    );
    assert!(
        unexpected.is_empty(),
        "unexpected answers:\n{}",
        unexpected.join("\n")
    );
}
