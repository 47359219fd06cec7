//! Order placement over HTTP with 1, 8 and 64 concurrent clients (throughput, p50, p99), against
//! a baseline in the same run: the same rows (order, number, first status, lines) inserted
//! directly into a database of the same schema, one transaction each, at the same durability
//! (`synchronous = FULL`, WAL), by as many concurrent tasks.
//!
//! Every order sends its confirmation e-mail. The service is measured twice: as deployed, handing
//! its mail to an SMTP server (a sink on loopback that keeps nothing), and as the desktop's
//! embedded service, writing each mail as a file into its outbox directory. The targets are read
//! on the first; the second shows what one new file per order costs on the machine's disk.
//! `cargo bench -p oso-service --bench order_placement`; `OSO_BENCH_ORDERS` sets the orders per
//! run (default 1000).

use std::sync::Arc;
use std::time::Duration;

use oso_service::{RunningService, ServiceConfig};
use serde_json::json;
use sqlx::SqlitePool;

mod placement;
#[path = "../tests/support/smtp_sink.rs"]
mod smtp_sink;

use placement::{order_body, run_clients, Run, SKUS};

const PASSWORD: &str = "tall giraffe eats blue kites";
async fn signed_in(
    http: &reqwest::Client,
    url: &str,
    outbox: &std::path::Path,
    email: &str,
) -> String {
    http.post(format!("{url}/api/v1/registrations"))
        .json(
            &json!({"company_name": "Bench", "contact_name": "Bench", "email": email,
                      "password": PASSWORD, "language": "en"}),
        )
        .send()
        .await
        .expect("registered");
    let code = oso_service::mail::outbox::newest_code_for(outbox, "activation", email)
        .expect("outbox")
        .expect("code");
    http.post(format!("{url}/api/v1/activations"))
        .json(&json!({"email": email, "code": code}))
        .send()
        .await
        .expect("activated");
    let grant: serde_json::Value = http
        .post(format!("{url}/api/v1/sessions"))
        .json(&json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .expect("signed in")
        .json()
        .await
        .expect("grant");
    grant["token"].as_str().expect("token").to_owned()
}

/// The rows the service writes for an order, written directly, durably.
async fn raw_insert(pool: &SqlitePool, user: i64, key: &str, index: usize) {
    let mut conn = pool.acquire().await.expect("connection");
    sqlx::query("PRAGMA synchronous = FULL")
        .execute(&mut *conn)
        .await
        .expect("pragma");
    let mut tx = sqlx::Connection::begin(&mut *conn).await.expect("begin");
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO orders (user_id, idempotency_key, account_number, company, contact_person, street, number,
             postal_code, city, country, phone, ordered_by_name, ordered_by_email, created_at)
         VALUES (?1, ?2, '951234567', ?3, 'Ann', 'Meir', '1', '2000', 'Antwerpen', 'BE', '+3232234567',
                 'Bench', 'bench@oso.example', ?4) RETURNING id",
    )
    .bind(user)
    .bind(key)
    .bind(format!("Zebra {index}"))
    .bind(chrono::Utc::now())
    .fetch_one(&mut *tx)
    .await
    .expect("order");
    sqlx::query("UPDATE orders SET order_number = ?2 WHERE id = ?1")
        .bind(id)
        .bind(format!("OSO-2026-{id:06}"))
        .execute(&mut *tx)
        .await
        .expect("number");
    sqlx::query(
        "INSERT INTO order_status_changes (order_id, status, changed_at, changed_by)
         VALUES (?1, 'received', ?2, 'customer')",
    )
    .bind(id)
    .bind(chrono::Utc::now())
    .execute(&mut *tx)
    .await
    .expect("status");
    for (sku, packs) in [(SKUS[index % 3], 1 + index % 5), (SKUS[(index + 1) % 3], 1)] {
        sqlx::query("INSERT INTO order_lines (order_id, sku, packs) VALUES (?1, ?2, ?3)")
            .bind(id)
            .bind(sku)
            .bind(packs as i64)
            .execute(&mut *tx)
            .await
            .expect("line");
    }
    tx.commit().await.expect("commit");
}

/// Where a service under measurement sends its e-mail.
#[derive(Clone, Copy)]
enum MailTo {
    Smtp { port: u16 },
    Outbox,
}

impl MailTo {
    fn label(self) -> &'static str {
        match self {
            MailTo::Smtp { .. } => "SMTP",
            MailTo::Outbox => "outbox",
        }
    }
}

/// A service on a fresh database in `dir` with eight signed-in users and their tokens. The users
/// activate through the outbox; a service that mails over SMTP is then started again on the same
/// database (sessions are kept there) with SMTP configured.
async fn service_with_users(dir: &std::path::Path, mail: MailTo) -> (RunningService, Vec<String>) {
    let outbox_service = oso_service::start(ServiceConfig::embedded(dir))
        .await
        .expect("service");
    let (http, url) = (reqwest::Client::new(), outbox_service.url());
    let mut tokens = Vec::new();
    for user in 0..8 {
        let email = format!("bench{user}@oso.example");
        tokens.push(signed_in(&http, &url, outbox_service.outbox_dir(), &email).await);
    }
    let MailTo::Smtp { port } = mail else {
        return (outbox_service, tokens);
    };
    outbox_service.shutdown().await.expect("stopped");
    let config = ServiceConfig {
        smtp: Some(smtp_sink::loopback_smtp(port)),
        ..ServiceConfig::embedded(dir)
    };
    let service = oso_service::start(config).await.expect("SMTP service");
    (service, tokens)
}

async fn place_orders(
    service: &RunningService,
    tokens: &[String],
    clients: usize,
    orders: usize,
) -> Run {
    let (http, url, tokens) = (
        reqwest::Client::new(),
        service.url(),
        Arc::new(tokens.to_vec()),
    );
    run_clients(clients, orders, move |client, index| {
        let (http, url, tokens) = (http.clone(), url.clone(), Arc::clone(&tokens));
        async move {
            let key = format!("bench-{clients:02}-{index:08}");
            let response = http
                .post(format!("{url}/api/v1/orders"))
                .bearer_auth(&tokens[client % tokens.len()])
                .json(&order_body(&key, index))
                .send()
                .await
                .expect("answer");
            assert_eq!(
                response.status(),
                reqwest::StatusCode::CREATED,
                "{}",
                response.text().await.unwrap_or_default()
            );
        }
    })
    .await
}

#[tokio::main]
async fn main() {
    let orders: usize = std::env::var("OSO_BENCH_ORDERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().expect("temp dir");
    let sink = smtp_sink::SmtpSink::start_greeting_after(Duration::ZERO).await;
    let mut services = Vec::new();
    for mail in [MailTo::Smtp { port: sink.port }, MailTo::Outbox] {
        let (service, tokens) = service_with_users(&dir.path().join(mail.label()), mail).await;
        services.push((mail, service, tokens));
    }

    // The baseline's own database: the same schema, a user and the catalogue to refer to.
    let raw_dir = dir.path().join("raw");
    let raw_service = oso_service::start(ServiceConfig::embedded(&raw_dir))
        .await
        .expect("schema");
    raw_service.shutdown().await.expect("stopped");
    let raw = oso_service::store::open(&raw_dir.join("oso-service.sqlite3"))
        .await
        .expect("raw");
    sqlx::query(
        "INSERT INTO users (email, email_canonical, company_name, contact_name, language, password_hash,
                            password_changed_at, status, created_at)
         VALUES ('bench@oso.example', 'bench@oso.example', 'Bench', 'Bench', 'en', 'x', ?1, 'active', ?1)",
    )
    .bind(chrono::Utc::now())
    .execute(&raw)
    .await
    .expect("user");
    let user: i64 = sqlx::query_scalar("SELECT id FROM users")
        .fetch_one(&raw)
        .await
        .expect("id");

    println!(
        "order placement, {orders} orders per run (2 lines each), durable (synchronous = FULL), \
         each order's confirmation e-mail sent over SMTP (as deployed) or written to the outbox"
    );
    println!(
        "{:>8} {:>7} {:>14} {:>10} {:>10} {:>14} {:>10} {:>10} {:>8}",
        "clients",
        "mail",
        "service ord/s",
        "p50",
        "p99",
        "raw ord/s",
        "raw p50",
        "raw p99",
        "share"
    );
    for clients in [1, 8, 64] {
        let mut served = Vec::new();
        for (mail, service, tokens) in &services {
            served.push((*mail, place_orders(service, tokens, clients, orders).await));
        }
        let pool = raw.clone();
        let baseline =
            run_clients(clients, orders, move |_, index| {
                let pool = pool.clone();
                async move {
                    raw_insert(&pool, user, &format!("raw-{clients:02}-{index:08}"), index).await
                }
            })
            .await;
        for (mail, served) in served {
            println!(
                "{clients:>8} {:>7} {:>14.0} {:>7.2} ms {:>7.2} ms {:>14.0} {:>7.2} ms {:>7.2} ms {:>7.0}%",
                mail.label(),
                served.throughput,
                served.p50,
                served.p99,
                baseline.throughput,
                baseline.p50,
                baseline.p99,
                100.0 * served.throughput / baseline.throughput
            );
        }
    }
    for (_, service, _) in services {
        service.shutdown().await.expect("shutdown");
    }
    println!(
        "confirmation e-mails accepted by the SMTP server: {} of {}",
        sink.accepted(),
        3 * orders
    );
    // Shutting down waits for mail promised to orders, so every confirmation has left by now.
    assert_eq!(
        sink.accepted(),
        3 * orders,
        "every order's confirmation reached the SMTP server"
    );
    println!("targets (read on the SMTP rows): service throughput ≥ 50 % of raw SQLite, p99 < 50 ms at 64 clients");
}
