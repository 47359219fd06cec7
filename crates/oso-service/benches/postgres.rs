//! The shared service on PostgreSQL (issue 19), each figure against a baseline in the same run:
//!
//! 1. Order placement over HTTP with 1, 8 and 64 concurrent clients (throughput, p50, p99), by
//!    one instance and by two instances on the same database (clients alternating between them,
//!    as behind a load balancer), each order's confirmation sent over SMTP (a sink on loopback),
//!    against the same rows (order with its number from the sequence, first status, lines)
//!    inserted directly through the same driver, one transaction each, at the same durability
//!    (`synchronous_commit = on`), by as many concurrent tasks.
//! 2. The history of an eSecure administrator whose account number is busy (90 % of 10,000 and of
//!    100,000 orders), sorted by each column: the first page (25 rows, with its count) and a
//!    page after 80 % of it, read from its cursor, over HTTP, against the same statements built
//!    by the service's `history_keyset` and run directly on the database, and against the
//!    physical floor, the same 25 rows read by primary key.
//!
//! Needs PostgreSQL: `scripts/with-postgres.sh cargo bench -p oso-service --bench postgres`
//! (`make bench` runs it so). `OSO_BENCH_ORDERS` (default 1000) sets the orders per placement
//! run, `OSO_BENCH_HISTORY_ORDERS` (default `10000,100000`) the history's sizes, `OSO_BENCH_ROUNDS`
//! (default 200) the pages per column. Without `OSO_TEST_DATABASE_URL` it says so and stops.

use std::sync::Arc;
use std::time::Duration;

use oso_service::{RunningService, ServiceConfig};
use serde_json::json;
use sqlx::{Connection, PgPool};

#[path = "postgres/history.rs"]
mod history;
mod placement;
#[path = "../tests/support/smtp_sink.rs"]
mod smtp_sink;

use placement::{order_body, run_clients, Run, SKUS};

const PASSWORD: &str = "tall giraffe eats blue kites";

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// A fresh database on the cluster, its URL.
async fn new_database(cluster: &str, name: &str) -> String {
    let mut admin = sqlx::PgConnection::connect(cluster)
        .await
        .expect("connects to the cluster");
    sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("creates a database");
    let (server, _) = cluster.rsplit_once('/').expect("a database in the URL");
    format!("{server}/{name}")
}

fn config(dir: &std::path::Path, url: &str, smtp_port: Option<u16>) -> ServiceConfig {
    let mut config = ServiceConfig::embedded(dir);
    config.database_url = Some(oso_core::SecretString::new(url));
    config.smtp = smtp_port.map(smtp_sink::loopback_smtp);
    config
}

async fn signed_in(http: &reqwest::Client, service: &RunningService, email: &str) -> String {
    let url = service.url();
    http.post(format!("{url}/api/v1/registrations"))
        .json(
            &json!({"company_name": "Bench", "contact_name": "Bench", "email": email,
                      "password": PASSWORD, "language": "en"}),
        )
        .send()
        .await
        .expect("registered");
    service.promised_mail_sent().await;
    let code =
        oso_service::mail::outbox::newest_code_for(service.outbox_dir(), "activation", email)
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

/// `users` signed-in users of the database at `url`, made through an instance that mails to its
/// outbox (where the activation codes are read), stopped again.
async fn users(dir: &std::path::Path, url: &str, users: usize, prefix: &str) -> Vec<String> {
    let service = oso_service::start(config(dir, url, None))
        .await
        .expect("service");
    let http = reqwest::Client::new();
    let mut tokens = Vec::new();
    for user in 0..users {
        tokens.push(signed_in(&http, &service, &format!("{prefix}{user}@oso.example")).await);
    }
    service.shutdown().await.expect("stopped");
    tokens
}

/// Places `orders` orders through `urls`, client `c` sending to `urls[c % urls.len()]`.
async fn place_orders(
    label: &'static str,
    urls: Vec<String>,
    tokens: &[String],
    clients: usize,
    orders: usize,
) -> Run {
    let (http, urls, tokens) = (
        reqwest::Client::new(),
        Arc::new(urls),
        Arc::new(tokens.to_vec()),
    );
    run_clients(clients, orders, move |client, index| {
        let (http, urls, tokens) = (http.clone(), Arc::clone(&urls), Arc::clone(&tokens));
        async move {
            let key = format!("bench-{label}-{clients:02}-{index:08}");
            let url = &urls[client % urls.len()];
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

/// The rows the service writes for an order, written directly, in one durable transaction.
async fn raw_insert(pool: &PgPool, user: i64, key: &str, index: usize) {
    let mut tx = pool.begin().await.expect("begin");
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO orders (user_id, idempotency_key, account_number, company, contact_person, street,
             number, postal_code, city, country, phone, ordered_by_name, ordered_by_email, created_at,
             order_number)
         VALUES ($1, $2, '951234567', $3, 'Ann', 'Meir', '1', '2000', 'Antwerpen', 'BE', '+3232234567',
                 'Bench', 'bench@oso.example', $4,
                 'OSO-2026-' || lpad(nextval('order_numbers')::text, 6, '0'))
         RETURNING id",
    )
    .bind(user)
    .bind(key)
    .bind(format!("Zebra {index}"))
    .bind(chrono::Utc::now())
    .fetch_one(&mut *tx)
    .await
    .expect("order");
    sqlx::query(
        "INSERT INTO order_status_changes (order_id, status, changed_at, changed_by)
         VALUES ($1, 'received', $2, 'customer')",
    )
    .bind(id)
    .bind(chrono::Utc::now())
    .execute(&mut *tx)
    .await
    .expect("status");
    for (sku, packs) in [(SKUS[index % 3], 1 + index % 5), (SKUS[(index + 1) % 3], 1)] {
        sqlx::query("INSERT INTO order_lines (order_id, sku, packs) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(sku)
            .bind(packs as i64)
            .execute(&mut *tx)
            .await
            .expect("line");
    }
    tx.commit().await.expect("commit");
}

async fn placement(cluster: &str, dir: &std::path::Path) {
    let orders = env_number("OSO_BENCH_ORDERS", 1000);
    let url = new_database(cluster, &format!("bench_placement_{}", std::process::id())).await;
    let tokens = users(&dir.join("setup"), &url, 8, "bench").await;
    let sink = smtp_sink::SmtpSink::start_greeting_after(Duration::ZERO).await;
    let mut instances = Vec::new();
    for instance in ["a", "b"] {
        let service = oso_service::start(config(&dir.join(instance), &url, Some(sink.port)))
            .await
            .expect("an instance");
        instances.push(service);
    }
    let raw = sqlx::postgres::PgPoolOptions::new()
        .max_connections(64)
        .connect(&url)
        .await
        .expect("raw pool");
    let durability: String = sqlx::query_scalar("SHOW synchronous_commit")
        .fetch_one(&raw)
        .await
        .expect("setting");
    let user: i64 = sqlx::query_scalar("SELECT id FROM users ORDER BY id LIMIT 1")
        .fetch_one(&raw)
        .await
        .expect("a user");

    println!(
        "order placement on PostgreSQL, {orders} orders per run (2 lines each), \
         synchronous_commit = {durability}, each order's confirmation e-mail sent over SMTP"
    );
    println!(
        "{:>8} {:>10} {:>14} {:>10} {:>10} {:>14} {:>10} {:>10} {:>8}",
        "clients",
        "instances",
        "service ord/s",
        "p50",
        "p99",
        "raw ord/s",
        "raw p50",
        "raw p99",
        "share"
    );
    let one = vec![instances[0].url()];
    let both: Vec<String> = instances.iter().map(RunningService::url).collect();
    for clients in [1, 8, 64] {
        let by_one = place_orders("one", one.clone(), &tokens, clients, orders).await;
        let by_two = place_orders("two", both.clone(), &tokens, clients, orders).await;
        let pool = raw.clone();
        let baseline =
            run_clients(clients, orders, move |_, index| {
                let pool = pool.clone();
                async move {
                    raw_insert(&pool, user, &format!("raw-{clients:02}-{index:08}"), index).await
                }
            })
            .await;
        for (count, served) in [(1, by_one), (2, by_two)] {
            println!(
                "{clients:>8} {count:>10} {:>14.0} {:>7.2} ms {:>7.2} ms {:>14.0} {:>7.2} ms {:>7.2} ms {:>7.0}%",
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
    for service in instances {
        service.shutdown().await.expect("shutdown");
    }
    let numbers: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT order_number) FROM orders WHERE idempotency_key LIKE 'bench-%'",
    )
    .fetch_one(&raw)
    .await
    .expect("counts");
    println!(
        "orders stored by the service: {numbers} of {}, each with a number of its own; \
         confirmation e-mails accepted by the SMTP server: {} of {}",
        6 * orders,
        sink.accepted(),
        6 * orders
    );
    assert_eq!(
        numbers,
        6 * orders as i64,
        "every order once, one number each"
    );
    assert_eq!(sink.accepted(), 6 * orders, "every confirmation sent");
    println!(
        "targets: service throughput ≥ 50 % of raw at 64 clients, p99 < 50 ms (one and two instances)"
    );
}

#[tokio::main]
async fn main() {
    let Ok(cluster) = std::env::var("OSO_TEST_DATABASE_URL") else {
        println!("needs PostgreSQL: scripts/with-postgres.sh cargo bench -p oso-service --bench postgres");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let only = std::env::var("OSO_BENCH_POSTGRES_ONLY").unwrap_or_default();
    if only != "history" {
        placement(&cluster, dir.path()).await;
    }
    if only != "placement" {
        let sizes =
            std::env::var("OSO_BENCH_HISTORY_ORDERS").unwrap_or_else(|_| "10000,100000".to_owned());
        let mut worst = Vec::new();
        for orders in sizes.split(',').filter_map(|size| size.trim().parse().ok()) {
            worst.push((orders, history::measure(&cluster, dir.path(), orders).await));
        }
        println!();
        for (orders, p50) in worst {
            let target = if orders >= 100_000 { 3.0 } else { 1.0 };
            println!("{orders} orders: worst service p50 {p50:.3} ms (target < {target} ms)");
        }
    }
}
