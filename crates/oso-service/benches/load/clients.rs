//! The load suite's clients (`benches/load.rs`): each step's request with the answer it
//! expects; any other answer is counted as an error.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::Method;
use serde_json::{json, Value};

use super::figures::{self, Expected};

const PASSWORD: &str = "tall giraffe eats blue kites";
const FREE_NUMBER: &str = "951234567";

/// The counts every client adds to.
#[derive(Debug, Default)]
pub struct Tally {
    pub requests: AtomicUsize,
    pub orders_placed: AtomicUsize,
    pub requests_for_access: AtomicUsize,
    pub approvals: AtomicUsize,
    pub rejections: AtomicUsize,
    pub revocations: AtomicUsize,
    pub sign_ins: AtomicUsize,
    pub errors: Mutex<BTreeMap<String, usize>>,
}

impl Tally {
    pub fn error(&self, what: String) {
        *self
            .errors
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(what)
            .or_default() += 1;
    }

    pub fn error_count(&self) -> usize {
        self.errors
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .values()
            .sum()
    }
}

#[derive(Clone)]
pub struct Api {
    pub http: reqwest::Client,
    pub base: String,
    pub tally: Arc<Tally>,
}

impl Api {
    /// One request; the answer's body when it is the one `expected`, else the error is counted.
    pub async fn call(
        &self,
        step: &str,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
        expected: Expected,
    ) -> Option<Value> {
        self.tally.requests.fetch_add(1, Ordering::Relaxed);
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => {
                let kind = if error.is_timeout() {
                    "timeout"
                } else {
                    "no answer"
                };
                self.tally.error(format!("{step}: {kind}"));
                return None;
            }
        };
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        match figures::unexpected(expected, status, body["code"].as_str()) {
            None => Some(body),
            Some(wrong) => {
                self.tally.error(format!("{step}: {wrong}"));
                None
            }
        }
    }
}

const CREATED: Expected = Expected {
    status: 201,
    code: None,
};
const OK: Expected = Expected {
    status: 200,
    code: None,
};
const NO_CONTENT: Expected = Expected {
    status: 204,
    code: None,
};
const PENDING: Expected = Expected {
    status: 403,
    code: Some("approval_pending"),
};
const REJECTED: Expected = Expected {
    status: 403,
    code: Some("approval_rejected"),
};

fn order(key: &str, number: &str, index: usize) -> Value {
    json!({"idempotency_key": key, "account_number": number,
        "address": {"company": format!("Zebra {}", index % 100), "contact_person": "Ann", "street": "Meir",
                    "number": "1", "postal_code": "2000", "city": "Antwerpen", "country": "BE",
                    "phone": "03 223 45 67"},
        "lines": [{"sku": "ENV-DL-50", "packs": 1 + index % 5}, {"sku": "ENV-C4-25", "packs": 1}]})
}

/// A client placing orders with a number anyone may use.
pub async fn orderer(
    api: Api,
    client: usize,
    token: String,
    pause: Duration,
    running: Arc<AtomicBool>,
) {
    let mut index = 0;
    while running.load(Ordering::Relaxed) {
        let key = format!("load-{client:02}-{index:010}");
        if api
            .call(
                "order",
                Method::POST,
                "/api/v1/orders",
                Some(&token),
                Some(order(&key, FREE_NUMBER, index)),
                CREATED,
            )
            .await
            .is_some()
        {
            api.tally.orders_placed.fetch_add(1, Ordering::Relaxed);
        }
        if index % 10 == 9 {
            tokio::time::sleep(pause).await;
            api.call(
                "history",
                Method::GET,
                "/api/v1/orders",
                Some(&token),
                None,
                OK,
            )
            .await;
        }
        index += 1;
        tokio::time::sleep(pause).await;
    }
}

/// A client signing in and out again, as desktops do at the start and end of a day.
pub async fn signing_in(api: Api, email: String, pause: Duration, running: Arc<AtomicBool>) {
    while running.load(Ordering::Relaxed) {
        let grant = api
            .call(
                "sign in",
                Method::POST,
                "/api/v1/sessions",
                None,
                Some(json!({"email": email, "password": PASSWORD})),
                CREATED,
            )
            .await;
        api.tally.sign_ins.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(pause).await;
        if let Some(token) = grant.as_ref().and_then(|grant| grant["token"].as_str()) {
            api.call(
                "sign out",
                Method::DELETE,
                "/api/v1/sessions/current",
                Some(token),
                None,
                NO_CONTENT,
            )
            .await;
            tokio::time::sleep(pause).await;
        }
    }
}

/// A client ordering with a protected number, and that number's administrator deciding.
pub struct Requester {
    pub client: usize,
    pub email: String,
    pub token: String,
    pub admin_token: String,
    pub number: String,
}

pub async fn requester(api: Api, who: Requester, pause: Duration, running: Arc<AtomicBool>) {
    let mut index = 0;
    let mut cycle = 0;
    let mut next_key = || {
        index += 1;
        format!("esecure-{:02}-{index:010}", who.client)
    };
    while running.load(Ordering::Relaxed) {
        cycle += 1;
        // Asks the administrators (again, after a revocation).
        let key = next_key();
        api.call(
            "order needing approval",
            Method::POST,
            "/api/v1/orders",
            Some(&who.token),
            Some(order(&key, &who.number, cycle)),
            PENDING,
        )
        .await;
        api.tally
            .requests_for_access
            .fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(pause).await;
        let path = format!("/api/v1/esecure/requests?account_number={}", who.number);
        let Some(pending) = api
            .call(
                "list requests",
                Method::GET,
                &path,
                Some(&who.admin_token),
                None,
                OK,
            )
            .await
        else {
            continue;
        };
        let Some(id) = pending
            .as_array()
            .into_iter()
            .flatten()
            .find(|request| request["email"] == who.email.as_str())
            .and_then(|request| request["id"].as_i64())
        else {
            api.tally
                .error("list requests: the request is not listed".into());
            tokio::time::sleep(pause).await;
            continue;
        };
        tokio::time::sleep(pause).await;
        // One request in four is rejected first, then approved after the user was refused.
        if cycle % 4 == 0 {
            api.call(
                "reject",
                Method::POST,
                "/api/v1/esecure/requests/decision",
                Some(&who.admin_token),
                Some(json!({"ids": [id], "decision": "reject"})),
                OK,
            )
            .await;
            api.tally.rejections.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(pause).await;
            let key = next_key();
            api.call(
                "order after rejection",
                Method::POST,
                "/api/v1/orders",
                Some(&who.token),
                Some(order(&key, &who.number, cycle)),
                REJECTED,
            )
            .await;
            tokio::time::sleep(pause).await;
        }
        api.call(
            "approve",
            Method::POST,
            "/api/v1/esecure/requests/decision",
            Some(&who.admin_token),
            Some(json!({"ids": [id], "decision": "approve"})),
            OK,
        )
        .await;
        api.tally.approvals.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(pause).await;
        let key = next_key();
        if api
            .call(
                "order after approval",
                Method::POST,
                "/api/v1/orders",
                Some(&who.token),
                Some(order(&key, &who.number, cycle)),
                CREATED,
            )
            .await
            .is_some()
        {
            api.tally.orders_placed.fetch_add(1, Ordering::Relaxed);
        }
        tokio::time::sleep(pause).await;
        api.call(
            "revoke",
            Method::POST,
            &format!("/api/v1/esecure/requests/{id}/revoke"),
            Some(&who.admin_token),
            None,
            NO_CONTENT,
        )
        .await;
        api.tally.revocations.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(pause).await;
    }
}

/// Registers, activates and signs in `email`; answers the session token.
pub async fn signed_in(api: &Api, outbox: &Path, email: &str) -> String {
    api.call("register", Method::POST, "/api/v1/registrations", None,
        Some(json!({"company_name": "Load", "contact_name": "Load", "email": email, "password": PASSWORD, "language": "en"})),
        Expected { status: 202, code: None }).await;
    let code = oso_service::mail::outbox::newest_code_for(outbox, "activation", email)
        .expect("outbox")
        .expect("activation code");
    api.call(
        "activate",
        Method::POST,
        "/api/v1/activations",
        None,
        Some(json!({"email": email, "code": code})),
        NO_CONTENT,
    )
    .await;
    let grant = api
        .call(
            "sign in",
            Method::POST,
            "/api/v1/sessions",
            None,
            Some(json!({"email": email, "password": PASSWORD})),
            CREATED,
        )
        .await
        .expect("signed in");
    grant["token"].as_str().expect("token").to_owned()
}
