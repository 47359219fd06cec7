//! Issue 17, findings 4 and 5: the endpoints that send mail answer alike for known and unknown
//! addresses, never wait for the mail server, send at most three mails of a kind an hour to one
//! address, and the hourly job purges what has expired.

use std::time::Duration as Wait;

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::accounts::{active_user, register, sign_in, PASSWORD};
use crate::smtp_sink::{loopback_smtp, SmtpSink};
use crate::support::{spawn_service, spawn_service_with_clock, test_clock, TestService};

async fn answer(response: reqwest::Response) -> (StatusCode, String) {
    let status = response.status();
    (status, response.text().await.expect("body"))
}

async fn confirm(
    service: &TestService,
    email: &str,
    code: &str,
    password: &str,
) -> (StatusCode, String) {
    answer(
        service
            .post(
                "/api/v1/password-resets/confirm",
                json!({"email": email, "code": code, "new_password": password}),
            )
            .await,
    )
    .await
}

#[tokio::test]
async fn a_reset_confirmation_tells_no_known_address_from_an_unknown_one_whatever_the_password() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;
    let unknown = confirm(&service, "nobody@zebra.example", "AAAA-AAAA", "short").await;

    for (email, password) in [
        ("ann@zebra.example", "short"),
        ("ann@zebra.example", "ann@zebra.example"),
        ("ann@zebra.example", "password1234"),
        ("ann@zebra.example", "green lanterns at dawn"),
        ("nobody@zebra.example", "green lanterns at dawn"),
    ] {
        assert_eq!(
            confirm(&service, email, "AAAA-AAAA", password).await,
            unknown,
            "{email} with {password}"
        );
    }
    assert_eq!(unknown.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_reset_code_refused_for_a_weak_password_is_not_used_up() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;
    service
        .post(
            "/api/v1/password-resets",
            json!({"email": "ann@zebra.example"}),
        )
        .await;
    service.mail_settled().await;
    let code = service.code_from_newest("password-reset");

    let weak = confirm(&service, "ann@zebra.example", &code, "password1234").await;
    assert_eq!(weak.0, StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = serde_json::from_str(&weak.1).expect("json");
    assert_eq!(body["fields"]["new_password"], "common_password");

    let better = confirm(
        &service,
        "ann@zebra.example",
        &code,
        "green lanterns at dawn",
    )
    .await;
    assert_eq!(better.0, StatusCode::NO_CONTENT);
    assert_eq!(
        sign_in(&service, "ann@zebra.example", "green lanterns at dawn")
            .await
            .status(),
        StatusCode::CREATED
    );
}

/// A data directory with an active login (ann) and a pending one (bob), made with the outbox.
async fn known_addresses(dir: &std::path::Path) {
    let service = TestService::in_dir(dir.to_owned()).await;
    active_user(&service, "ann@zebra.example").await;
    register(&service, "bob@zebra.example").await;
    service.shutdown().await;
}

async fn asked_of_every_kind_of_address(
    service: &TestService,
) -> Vec<(String, (StatusCode, String))> {
    let client = reqwest::Client::builder()
        .timeout(Wait::from_secs(20))
        .build()
        .expect("client");
    let mut answers = Vec::new();
    for path in ["/api/v1/password-resets", "/api/v1/activations/resend"] {
        for email in [
            "ann@zebra.example",
            "bob@zebra.example",
            "nobody@zebra.example",
        ] {
            let response = client
                .post(service.url(path))
                .json(&json!({"email": email}))
                .send()
                .await
                .unwrap_or_else(|error| panic!("{path} for {email} answers at once: {error}"));
            answers.push((format!("{path} {email}"), answer(response).await));
        }
    }
    answers
}

#[tokio::test]
async fn asking_a_reset_or_an_activation_answers_at_once_and_alike_while_the_mail_server_hangs() {
    let dir = tempfile::tempdir().expect("dir");
    known_addresses(dir.path()).await;
    let hanging = SmtpSink::start_greeting_after(Wait::from_secs(3600)).await;
    let mut config = crate::support::config(dir.path()).await;
    config.smtp = Some(loopback_smtp(hanging.port));
    let running = oso_service::start(config).await.expect("starts");
    let service = TestService::wrap(running, dir.path().to_owned());

    let answers = asked_of_every_kind_of_address(&service).await;

    for (asked, got) in &answers {
        assert_eq!(*got, (StatusCode::ACCEPTED, String::new()), "{asked}");
    }
    assert_eq!(
        hanging.accepted(),
        0,
        "the answers came before any mail was delivered"
    );
    drop(service);
}

#[tokio::test]
async fn a_failing_mail_server_never_turns_a_reset_or_an_activation_into_an_error() {
    let dir = tempfile::tempdir().expect("dir");
    known_addresses(dir.path()).await;
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let mut config = crate::support::config(dir.path()).await;
    config.smtp = Some(loopback_smtp(closed_port));
    let running = oso_service::start(config).await.expect("starts");
    let service = TestService::wrap(running, dir.path().to_owned());

    let answers = asked_of_every_kind_of_address(&service).await;
    let registered = answer(register(&service, "carl@zebra.example").await).await;

    for (asked, got) in &answers {
        assert_eq!(*got, (StatusCode::ACCEPTED, String::new()), "{asked}");
    }
    assert_eq!(registered, (StatusCode::ACCEPTED, String::new()));
}

#[tokio::test]
async fn thirty_requests_for_one_mailbox_send_at_most_three_mails_of_each_kind_an_hour() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    active_user(&service, "ann@zebra.example").await;
    register(&service, "bob@zebra.example").await;

    let mut statuses = Vec::new();
    for _ in 0..30 {
        statuses.push(register(&service, "ann@zebra.example").await.status());
        statuses.push(register(&service, "bob@zebra.example").await.status());
        for (path, email) in [
            ("/api/v1/password-resets", "ann@zebra.example"),
            ("/api/v1/activations/resend", "bob@zebra.example"),
        ] {
            statuses.push(service.post(path, json!({"email": email})).await.status());
        }
    }
    service.mail_settled().await;

    assert!(
        statuses
            .iter()
            .all(|status| *status == StatusCode::ACCEPTED),
        "{statuses:?}"
    );
    assert_eq!(service.mails("already-registered").len(), 3);
    assert_eq!(service.mails("password-reset").len(), 3);
    let to_bob = service
        .mails("activation")
        .into_iter()
        .filter(|mail| mail.contains("To: bob@zebra.example"))
        .count();
    assert_eq!(to_bob, 3, "bob's first and two more");
    clock.advance(Duration::minutes(61));
    service
        .post(
            "/api/v1/password-resets",
            json!({"email": "ann@zebra.example"}),
        )
        .await;
    service.mail_settled().await;
    assert_eq!(
        service.mails("password-reset").len(),
        4,
        "a new hour, a new mail"
    );
}

#[tokio::test]
async fn the_hourly_job_purges_expired_tokens_and_sessions() {
    let clock = test_clock();
    let service = spawn_service_with_clock(&clock).await;
    let token = active_user(&service, "ann@zebra.example").await;
    service
        .post(
            "/api/v1/password-resets",
            json!({"email": "ann@zebra.example"}),
        )
        .await;
    service.mail_settled().await;
    sign_in(&service, "ann@zebra.example", "a wrong password here").await;

    clock.advance(Duration::days(91));
    service.run_jobs().await;

    for table in [
        "one_time_tokens",
        "sessions",
        "sign_in_failures",
        "mail_limit_events",
    ] {
        assert_eq!(service.count_rows(table).await, 0, "{table}");
    }
    assert_eq!(
        service
            .send(Method::GET, "/api/v1/me", &token, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in(&service, "ann@zebra.example", PASSWORD)
            .await
            .status(),
        StatusCode::CREATED,
        "the login itself stays"
    );
}

fn accounts_on(
    dir: &std::path::Path,
    database: oso_service::database::Database,
    clock: &oso_core::ManualClock,
) -> oso_service::accounts::Accounts {
    let mailer =
        oso_service::mail::Mailer::outbox(dir.to_owned(), oso_service::config::DEFAULT_MAIL_FROM)
            .expect("mailer");
    oso_service::accounts::Accounts::on(
        database,
        std::sync::Arc::new(clock.clone()),
        mailer,
        oso_service::accounts::Links::new("http://127.0.0.1"),
        oso_core::account_policy::PasswordRenewal::default(),
    )
}

fn form(email: &str) -> oso_api::accounts::RegistrationForm {
    oso_api::accounts::RegistrationForm {
        company_name: "Click https://evil.example to claim".into(),
        contact_name: "Mallory".into(),
        email: email.into(),
        password: oso_core::SecretString::new(PASSWORD),
        language: "en".into(),
    }
}

#[tokio::test]
async fn one_client_relaying_mail_to_many_mailboxes_is_stopped_after_twenty_requests_an_hour() {
    let dir = tempfile::tempdir().expect("dir");
    let database = crate::support::database_in(dir.path()).await;
    let clock = test_clock();
    let accounts = accounts_on(dir.path(), database, &clock);
    let attacker: std::net::IpAddr = "203.0.113.9".parse().expect("ip");
    let office: std::net::IpAddr = "198.51.100.4".parse().expect("ip");

    for victim in 0..20 {
        let email = format!("victim{victim}@elsewhere.example");
        match victim % 3 {
            0 => accounts.register(form(&email), attacker).await,
            1 => accounts.request_password_reset(&email, attacker).await,
            _ => accounts.resend_activation(&email, attacker).await,
        }
        .expect("within the budget");
    }
    let refused = accounts
        .register(form("victim20@elsewhere.example"), attacker)
        .await;
    assert!(
        matches!(refused, Err(oso_service::error::ServiceError::RateLimited(seconds)) if (1..=3600).contains(&seconds)),
        "{refused:?}"
    );
    assert!(
        matches!(
            accounts
                .request_password_reset("victim21@elsewhere.example", attacker)
                .await,
            Err(oso_service::error::ServiceError::RateLimited(_))
        ),
        "every mail-sending request shares the budget"
    );
    accounts
        .register(form("colleague@office.example"), office)
        .await
        .expect("another client is not slowed down");
    clock.advance(Duration::minutes(61));
    accounts
        .register(form("victim22@elsewhere.example"), attacker)
        .await
        .expect("a new hour");
}

#[tokio::test]
async fn requests_from_this_machine_are_limited_per_mailbox_only() {
    let dir = tempfile::tempdir().expect("dir");
    let database = crate::support::database_in(dir.path()).await;
    let clock = test_clock();
    let accounts = accounts_on(dir.path(), database, &clock);
    let local: std::net::IpAddr = "127.0.0.1".parse().expect("ip");

    for colleague in 0..25 {
        accounts
            .register(form(&format!("colleague{colleague}@zebra.example")), local)
            .await
            .expect("the embedded desktop registers its users");
    }
}
