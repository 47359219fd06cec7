//! The first page of the order history at 10,000 orders, sorted by each column, as the
//! `history_list` command gets it (HTTP client → service → SQLite → JSON, decoded, then encoded
//! again for the webview), against a baseline in the same run: the same two SQL statements
//! (count and page, eSecure's condition included) run directly on the service's SQLite file.
//! `cargo bench --bench history_page`; `OSO_BENCH_ORDERS` (default 10000) and
//! `OSO_BENCH_ROUNDS` (default 200) set the size.

use std::time::{Duration, Instant};

use oso_api::orders::{Direction, HistoryQuery, SortColumn};
use oso_core::SecretString;
use oso_desktop::client::ServiceClient;
use oso_service::esecure::{push_may_use, Requester};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

const PASSWORD: &str = "tall giraffe eats blue kites";
const COLUMNS: [(&str, SortColumn, &str); 5] = [
    ("order_number", SortColumn::OrderNumber, "o.id"),
    ("created_at", SortColumn::CreatedAt, "o.created_at"),
    ("status", SortColumn::Status, "o.status"),
    (
        "account_number",
        SortColumn::AccountNumber,
        "o.account_number",
    ),
    ("company", SortColumn::Company, "o.company COLLATE NOCASE"),
];

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn percentile(samples: &mut [Duration], fraction: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * fraction).round() as usize]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// A signed-in user of a fresh service, through the real API.
async fn signed_in(client: &ServiceClient, outbox: &std::path::Path) -> SecretString {
    let email = "bench@zebra.example";
    client
        .register(&oso_api::accounts::RegistrationForm {
            company_name: "Zebra Parcels BV".to_owned(),
            contact_name: "Ann Peeters".to_owned(),
            email: email.to_owned(),
            password: SecretString::new(PASSWORD),
            language: "en".to_owned(),
        })
        .await
        .expect("registered");
    let mails = oso_service::mail::outbox::read_mails(outbox, "activation").expect("outbox");
    let code = mails
        .last()
        .and_then(|mail| oso_service::mail::outbox::find_code(mail))
        .expect("activation code");
    client.activate(email, &code).await.expect("activated");
    client
        .sign_in(email, &SecretString::new(PASSWORD))
        .await
        .expect("signed in")
        .token
}

/// `count` orders of the user over the last 30 days, spread over five account numbers, with
/// one to three lines each, in one transaction.
async fn seed(pool: &SqlitePool, count: usize) {
    let user: i64 = sqlx::query_scalar("SELECT id FROM users LIMIT 1")
        .fetch_one(pool)
        .await
        .expect("user");
    let skus: Vec<String> =
        sqlx::query_scalar("SELECT sku FROM catalogue_items WHERE sold = 1 ORDER BY position")
            .fetch_all(pool)
            .await
            .expect("skus");
    let statuses = [
        "received",
        "in_progress",
        "shipped",
        "completed",
        "cancelled",
    ];
    let companies = [
        "Zebra", "alpha", "Bravo", "Échelle", "delta", "Charlie", "foxtrot",
    ];
    let now = chrono::Utc::now();
    let mut tx = pool.begin().await.expect("begin");
    for i in 0..count {
        let created = now - chrono::Duration::seconds((count - i) as i64 * 250);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO orders (user_id, idempotency_key, account_number, status, company,
                 contact_person, street, number, postal_code, city, country, phone,
                 ordered_by_name, ordered_by_email, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'Ann', 'Meir', '1', '2000', 'Antwerpen', 'BE',
                     '+3232234567', 'Ann Peeters', 'bench@zebra.example', ?6)
             RETURNING id",
        )
        .bind(user)
        .bind(format!("bench-order-{i:08}"))
        .bind(format!("95123456{}", i % 5))
        .bind(statuses[i % statuses.len()])
        .bind(format!("{} {}", companies[i % companies.len()], i % 97))
        .bind(created)
        .fetch_one(&mut *tx)
        .await
        .expect("order");
        sqlx::query("UPDATE orders SET order_number = ?2 WHERE id = ?1")
            .bind(id)
            .bind(format!("OSO-2026-{id:06}"))
            .execute(&mut *tx)
            .await
            .expect("number");
        for line in 0..(1 + i % 3) {
            sqlx::query("INSERT INTO order_lines (order_id, sku, packs) VALUES (?1, ?2, ?3)")
                .bind(id)
                .bind(&skus[(i + line * 7) % skus.len()])
                .bind((1 + line) as i64)
                .execute(&mut *tx)
                .await
                .expect("line");
        }
    }
    // Protected accounts of other companies, so eSecure's condition has something to exclude.
    for i in 0..50 {
        sqlx::query(
            "INSERT INTO customer_accounts (number, company, protected, created_at) VALUES (?1, ?2, 1, ?3)",
        )
        .bind(format!("9{:08}", i))
        .bind(format!("Other company {i}"))
        .bind(now)
        .execute(&mut *tx)
        .await
        .expect("customer account");
    }
    tx.commit().await.expect("commit");
}

/// The orders the history shows the user (theirs, and those on the numbers they administer), as
/// the service's history selects them.
fn visible<'a>(builder: &mut QueryBuilder<'a, Sqlite>, user: i64, requester: &'a Requester) {
    builder
        .push(" FROM orders o WHERE (o.user_id = ")
        .push_bind(user)
        .push(
            " OR o.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ",
        )
        .push_bind(&requester.canonical)
        .push(")) AND ");
}

/// The page as the service's history builds it (eSecure's condition included), run directly.
async fn raw_page(pool: &SqlitePool, user: i64, requester: &Requester, order: &str) -> usize {
    let mut count = QueryBuilder::<Sqlite>::new("SELECT COUNT(*)");
    visible(&mut count, user, requester);
    push_may_use(&mut count, "o.account_number", requester);
    let total: i64 = count
        .build_query_scalar()
        .fetch_one(pool)
        .await
        .expect("count");
    let mut page = QueryBuilder::<Sqlite>::new(
        "SELECT o.order_number, o.created_at, o.status, o.account_number, o.company",
    );
    visible(&mut page, user, requester);
    push_may_use(&mut page, "o.account_number", requester);
    page.push(format!(
        " ORDER BY {order} DESC, o.id DESC LIMIT 25 OFFSET 0"
    ));
    let rows: Vec<(String, String, String, String, String)> =
        page.build_query_as().fetch_all(pool).await.expect("page");
    assert!(total > 0);
    rows.len()
}

#[tokio::main]
async fn main() {
    let orders = env_number("OSO_BENCH_ORDERS", 10_000);
    let rounds = env_number("OSO_BENCH_ROUNDS", 200);
    let dir = tempfile::tempdir().expect("temp dir");
    let config = oso_service::ServiceConfig::embedded(dir.path());
    let database = config.database_path();
    let service = oso_service::start(config).await.expect("service");
    let client = ServiceClient::new(service.url().parse().expect("url")).expect("client");
    let token = signed_in(&client, service.outbox_dir()).await;
    let raw = oso_service::store::open(&database).await.expect("raw pool");
    seed(&raw, orders).await;
    let user: i64 = sqlx::query_scalar("SELECT id FROM users LIMIT 1")
        .fetch_one(&raw)
        .await
        .expect("user");
    let requester = Requester::from_address("bench@zebra.example");

    println!("history first page (25 rows) at {orders} orders, {rounds} rounds per column");
    println!(
        "{:<16} {:>12} {:>12} {:>12} {:>12} {:>8}",
        "sorted by", "command p50", "command p99", "raw p50", "raw p99", "ratio"
    );
    let mut worst_ratio: f64 = 0.0;
    let mut worst_p50: f64 = 0.0;
    for (column, sort, order) in COLUMNS {
        let query = HistoryQuery {
            sort,
            direction: Direction::Desc,
            limit: Some(25),
            offset: Some(0),
            ..HistoryQuery::default()
        };
        // One warm-up of each, so neither side pays for a cold page cache.
        client.history(&token, &query).await.expect("page");
        raw_page(&raw, user, &requester, order).await;
        let mut command = Vec::with_capacity(rounds);
        let mut baseline = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let start = Instant::now();
            let page = client.history(&token, &query).await.expect("page");
            let for_webview = serde_json::to_string(&page).expect("json");
            command.push(start.elapsed());
            assert_eq!(page.orders.len(), 25.min(orders));
            assert!(!for_webview.is_empty());

            let start = Instant::now();
            let rows = raw_page(&raw, user, &requester, order).await;
            baseline.push(start.elapsed());
            assert_eq!(rows, 25.min(orders));
        }
        let (c50, c99) = (
            ms(percentile(&mut command, 0.5)),
            ms(percentile(&mut command, 0.99)),
        );
        let (b50, b99) = (
            ms(percentile(&mut baseline, 0.5)),
            ms(percentile(&mut baseline, 0.99)),
        );
        let ratio = c50 / b50;
        worst_ratio = worst_ratio.max(ratio);
        worst_p50 = worst_p50.max(c50);
        println!(
            "{column:<16} {c50:>9.3} ms {c99:>9.3} ms {b50:>9.3} ms {b99:>9.3} ms {ratio:>7.2}×"
        );
    }
    println!(
        "worst: command p50 {worst_p50:.3} ms (target < 16 ms), overhead {worst_ratio:.2}× (target < 3×)"
    );
    service.shutdown().await.expect("shutdown");
}
