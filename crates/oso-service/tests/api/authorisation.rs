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
                    "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 123 45 67"},
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
    let mut check = |what: String, ok: bool| {
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

    // Reading orders: the approved user saved the number and sees both; outsiders see nothing.
    for (role, token) in roles.all() {
        for path in ["/api/v1/orders", "/api/v1/orders/export"] {
            let (status, body) = answer(&service, &Method::GET, path, token, None).await;
            let seen = body["orders"].as_array().map_or(0, Vec::len);
            let ok = match role {
                "no session" => status == StatusCode::UNAUTHORIZED,
                "approved user" => status == StatusCode::OK && seen == 2,
                "administrator" => status == StatusCode::OK && seen == 1,
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
            "approved user" | "administrator" => StatusCode::OK,
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
    assert!(
        unexpected.is_empty(),
        "unexpected answers:\n{}",
        unexpected.join("\n")
    );
}
