//! The shared service on PostgreSQL (issue 19), each figure against a baseline in the same run:
//!
//! 1. Order placement over HTTP with 1, 8 and 64 concurrent clients (throughput, p50, p99), by
//!    one instance and by two instances on the same database (clients alternating between them,
//!    as behind a load balancer), each order's confirmation sent over SMTP (a sink on loopback),
//!    against the same rows (order with its number from the sequence, first status, lines)
//!    inserted directly through the same driver, one transaction each, at the same durability
//!    (`synchronous_commit = on`), by as many concurrent tasks.
//! 2. The history's first page (25 rows) at 100,000 orders, sorted by each column, over HTTP,
//!    against the same two statements (count and page, eSecure's condition included) run
//!    directly on the database: once with the orders spread over 1,000 logins (a shared
//!    service's shape: the user's history holds 100 of them), once with every order the one
//!    user's (the worst case: their history holds all 100,000).
//!
//! Needs PostgreSQL: `scripts/with-postgres.sh cargo bench -p oso-service --bench postgres`
//! (`make bench` runs it so). `OSO_BENCH_ORDERS` (default 1000) sets the orders per placement
//! run, `OSO_BENCH_HISTORY_ORDERS` (default 100000) the history's size, `OSO_BENCH_ROUNDS`
//! (default 200) the pages per column. Without `OSO_TEST_DATABASE_URL` it says so and stops.

use std::sync::Arc;
use std::time::{Duration, Instant};

use oso_service::esecure::{push_may_use, Requester};
use oso_service::{RunningService, ServiceConfig};
use serde_json::json;
use sqlx::{Connection, PgPool, Postgres, QueryBuilder};

mod placement;
#[path = "../tests/support/smtp_sink.rs"]
mod smtp_sink;

use placement::{ms, order_body, percentile, run_clients, Run, SKUS};

const PASSWORD: &str = "tall giraffe eats blue kites";
const COLUMNS: [(&str, &str); 5] = [
    ("order_number", "o.id"),
    ("created_at", "o.created_at"),
    ("status", "o.status"),
    ("account_number", "o.account_number"),
    ("company", "lower(o.company)"),
];

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

/// `count` orders over the last 30 days, shared in turn by `logins` logins (the first the
/// measured user's, the others made here), each login's on five account numbers of its own,
/// with one to three lines each; and protected accounts of other companies for eSecure's
/// condition. Vacuumed and analysed, as autovacuum leaves a table in steady use.
async fn seed_history(pool: &PgPool, count: usize, logins: usize) -> i64 {
    let user: i64 = sqlx::query_scalar("SELECT id FROM users ORDER BY id LIMIT 1")
        .fetch_one(pool)
        .await
        .expect("user");
    sqlx::query(
        "INSERT INTO users (email, email_canonical, company_name, contact_name, language,
             password_hash, password_changed_at, status, created_at)
         SELECT 'other' || g || '@oso.example', 'other' || g || '@oso.example', 'Other', 'Other',
                'en', 'x', now(), 'active', now()
         FROM generate_series(2, $1) g",
    )
    .bind(logins as i64)
    .execute(pool)
    .await
    .expect("other logins");
    let seconds_apart = (30 * 24 * 3600 / count.max(1)).max(1) as i64;
    sqlx::query(
        "WITH logins AS (SELECT array_agg(id ORDER BY id) AS ids FROM users)
         INSERT INTO orders (order_number, user_id, idempotency_key, account_number, status, company,
             contact_person, street, number, postal_code, city, country, phone, ordered_by_name,
             ordered_by_email, created_at)
         SELECT 'OSO-2025-' || lpad(g::text, 6, '0'), ids[1 + g % cardinality(ids)], 'seed-' || g,
                '9' || lpad(((g % cardinality(ids)) * 5 + g % 5)::text, 8, '0'),
                (ARRAY['received', 'in_progress', 'shipped', 'completed', 'cancelled'])[1 + g % 5],
                (ARRAY['Zebra', 'alpha', 'Bravo', 'Échelle', 'delta', 'Charlie', 'foxtrot'])[1 + g % 7]
                    || ' ' || (g % 97),
                'Ann', 'Meir', '1', '2000', 'Antwerpen', 'BE', '+3232234567', 'Ann Peeters',
                'bench@zebra.example', now() - ($1 - g) * make_interval(secs => $2)
         FROM logins, generate_series(1, $1) g",
    )
    .bind(count as i64)
    .bind(seconds_apart as f64)
    .execute(pool)
    .await
    .expect("orders");
    sqlx::query(
        "INSERT INTO order_lines (order_id, sku, packs)
         SELECT o.id, c.sku, 1 + o.id % 3
         FROM orders o JOIN LATERAL (SELECT sku FROM catalogue_items WHERE sold
                                     ORDER BY position OFFSET o.id % 20 LIMIT 1 + o.id % 3) c ON true",
    )
    .execute(pool)
    .await
    .expect("lines");
    sqlx::query(
        "INSERT INTO customer_accounts (number, company, protected, created_at)
         SELECT '8' || lpad(g::text, 8, '0'), 'Other company ' || g, true, now()
         FROM generate_series(1, 50) g",
    )
    .execute(pool)
    .await
    .expect("customer accounts");
    sqlx::raw_sql("VACUUM ANALYZE")
        .execute(pool)
        .await
        .expect("analyzed");
    user
}

/// The page as the service's history builds it (eSecure's condition included), run directly.
async fn raw_page(pool: &PgPool, user: i64, requester: &Requester, order: &str) -> usize {
    fn visible<'a>(builder: &mut QueryBuilder<'a, Postgres>, user: i64, requester: &'a Requester) {
        builder
            .push(" FROM orders o WHERE (o.user_id = ")
            .push_bind(user)
            .push(
                " OR o.account_number = ANY (ARRAY(SELECT account_number FROM account_administrators WHERE email_canonical = ",
            )
            .push_bind(requester.canonical.as_str())
            .push("))) AND ");
        push_may_use(builder, "o.account_number", requester);
    }
    let mut count = QueryBuilder::<Postgres>::new("SELECT COUNT(*)");
    visible(&mut count, user, requester);
    let total: i64 = count
        .build_query_scalar()
        .fetch_one(pool)
        .await
        .expect("count");
    // As the service reads it: a few orders found and then sorted, many along the sort's index.
    let columns = "o.order_number, o.created_at, o.status, o.account_number, o.company";
    let mut page = QueryBuilder::<Postgres>::new(format!("SELECT {columns}"));
    if total <= 5_000 {
        page.push(format!(" FROM (SELECT o.id, {columns}"));
        visible(&mut page, user, requester);
        page.push(" OFFSET 0) o");
    } else {
        visible(&mut page, user, requester);
    }
    page.push(format!(
        " ORDER BY {order} DESC, o.id DESC LIMIT 25 OFFSET 0"
    ));
    let rows: Vec<(
        String,
        chrono::DateTime<chrono::Utc>,
        String,
        String,
        String,
    )> = page.build_query_as().fetch_all(pool).await.expect("page");
    assert!(total > 0);
    rows.len()
}

async fn history(cluster: &str, dir: &std::path::Path, logins: usize) {
    let orders = env_number("OSO_BENCH_HISTORY_ORDERS", 100_000).max(1);
    let rounds = env_number("OSO_BENCH_ROUNDS", 200);
    // Every login has an order, however small the run (the harness in `make test`).
    let logins = logins.clamp(1, orders);
    let name = format!("bench_history_{logins}_{}", std::process::id());
    let url = new_database(cluster, &name).await;
    let setup = dir.join(format!("{name}-setup"));
    let token = users(&setup, &url, 1, "history").await[0].clone();
    let raw = PgPool::connect(&url).await.expect("raw pool");
    let user = seed_history(&raw, orders, logins).await;
    let service = oso_service::start(config(&dir.join(&name), &url, None))
        .await
        .expect("service");
    let http = reqwest::Client::new();
    let requester = Requester::from_address("history0@oso.example");

    let theirs = orders / logins + usize::from(orders % logins > 0);
    println!(
        "history first page (25 rows) on PostgreSQL at {orders} orders of {logins} login(s) \
         (the user's history: {theirs} orders), {rounds} rounds per column, over HTTP"
    );
    println!(
        "{:<16} {:>12} {:>12} {:>12} {:>12} {:>8}",
        "sorted by", "service p50", "service p99", "raw p50", "raw p99", "ratio"
    );
    let mut worst_p50: f64 = 0.0;
    for (column, order) in COLUMNS {
        let page_url = format!(
            "{}/api/v1/orders?sort={column}&direction=desc&limit=25&offset=0",
            service.url()
        );
        let fetch = || async {
            let page: serde_json::Value = http
                .get(&page_url)
                .bearer_auth(&token)
                .send()
                .await
                .expect("answer")
                .json()
                .await
                .expect("json");
            page["orders"].as_array().map_or(0, Vec::len)
        };
        // One warm-up of each, so neither side pays for a cold cache.
        fetch().await;
        raw_page(&raw, user, &requester, order).await;
        let (mut served, mut baseline) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let start = Instant::now();
            assert_eq!(fetch().await, 25.min(theirs));
            served.push(start.elapsed());
            let start = Instant::now();
            assert_eq!(
                raw_page(&raw, user, &requester, order).await,
                25.min(theirs)
            );
            baseline.push(start.elapsed());
        }
        let (s50, s99) = (
            ms(percentile(&mut served, 0.5)),
            ms(percentile(&mut served, 0.99)),
        );
        let (b50, b99) = (
            ms(percentile(&mut baseline, 0.5)),
            ms(percentile(&mut baseline, 0.99)),
        );
        worst_p50 = worst_p50.max(s50);
        println!(
            "{column:<16} {s50:>9.3} ms {s99:>9.3} ms {b50:>9.3} ms {b99:>9.3} ms {:>7.2}×",
            s50 / b50
        );
    }
    println!("worst: service p50 {worst_p50:.3} ms (target < 5 ms)");
    service.shutdown().await.expect("shutdown");
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
        history(&cluster, dir.path(), 1000).await;
        history(&cluster, dir.path(), 1).await;
    }
}
