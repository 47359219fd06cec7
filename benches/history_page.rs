//! The order history of an eSecure administrator whose account number is busy: nine in ten of
//! the orders are on their number, placed by 40 logins of their company; the rest are their
//! own on other numbers and other companies' orders they may not see. For each sort column, the
//! first page (25 rows, with its count) and a page deep in the history (after 80 % of it, read
//! from its cursor), as the `history_list` command gets them (the app's client → the embedded
//! service's router, in process → SQLite → JSON, decoded, then encoded again for the webview), against two baselines in the same run:
//! - **raw**: the same statement the service runs for the page (a first page brings its count
//!   in its rows; the administered numbers come with the session, which the command's
//!   authentication reads), built by the service's own `history_keyset`, run directly on the
//!   service's SQLite file;
//! - **floor**: the same 25 rows read by primary key.
//!
//! `cargo bench --bench history_page`; `OSO_BENCH_ORDERS` (default `10000,100000`) the sizes,
//! `OSO_BENCH_ROUNDS` (default 200) the rounds per cell.

use std::time::{Duration, Instant};

use oso_api::orders::{Direction, HistoryQuery, SortColumn};
use oso_core::SecretString;
use oso_desktop::client::ServiceClient;
use oso_service::esecure::Requester;
use oso_service::orders::history_keyset::{self as keyset, Cursor, PageRow, Source};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

const PASSWORD: &str = "tall giraffe eats blue kites";
const ADMIN: &str = "bench@zebra.example";
const BUSY_NUMBER: &str = "951234560";
const SORTS: [(&str, SortColumn); 6] = [
    ("order_number", SortColumn::OrderNumber),
    ("created_at", SortColumn::CreatedAt),
    ("status", SortColumn::Status),
    ("account_number", SortColumn::AccountNumber),
    ("company", SortColumn::Company),
    ("packs", SortColumn::Packs),
];
const PAGE: u32 = 25;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn sizes() -> Vec<usize> {
    std::env::var("OSO_BENCH_ORDERS")
        .unwrap_or_else(|_| "10000,100000".to_owned())
        .split(',')
        .filter_map(|size| size.trim().parse().ok())
        .collect()
}

fn p50_p99(samples: &mut [Duration]) -> (f64, f64) {
    samples.sort();
    let at = |fraction: f64| {
        samples[((samples.len() as f64 - 1.0) * fraction).round() as usize].as_secs_f64() * 1000.0
    };
    (at(0.5), at(0.99))
}

/// The administrator, signed in through the real API.
async fn signed_in(client: &ServiceClient, outbox: &std::path::Path) -> SecretString {
    client
        .register(&oso_api::accounts::RegistrationForm {
            company_name: "Zebra Parcels BV".to_owned(),
            contact_name: "Ann Peeters".to_owned(),
            email: ADMIN.to_owned(),
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
    client.activate(ADMIN, &code).await.expect("activated");
    client
        .sign_in(ADMIN, &SecretString::new(PASSWORD))
        .await
        .expect("signed in")
        .token
}

/// `count` orders over the last 30 days in one transaction: 90 % on the administrator's busy,
/// protected number by 40 colleagues, 5 % their own on other numbers, 5 % of another company.
async fn seed(pool: &SqlitePool, admin: i64, count: usize) {
    let now = chrono::Utc::now();
    let mut tx = pool.begin().await.expect("begin");
    sqlx::query(
        "INSERT INTO customer_accounts (number, company, protected, created_at) VALUES (?1, 'Zebra', 1, ?2)",
    )
    .bind(BUSY_NUMBER)
    .bind(now)
    .execute(&mut *tx)
    .await
    .expect("account");
    sqlx::query(
        "INSERT INTO account_administrators (account_number, email, email_canonical, name, language, added_at)
         VALUES (?1, ?2, ?2, 'Ann', 'en', ?3)",
    )
    .bind(BUSY_NUMBER)
    .bind(ADMIN)
    .bind(now)
    .execute(&mut *tx)
    .await
    .expect("administrator");
    let mut colleagues = Vec::new();
    for index in 0..41 {
        let email = format!("colleague{index}@zebra.example");
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, email_canonical, company_name, contact_name, language,
                                password_hash, password_changed_at, status, created_at)
             VALUES (?1, ?1, 'Zebra', 'Colleague', 'en', 'x', ?2, 'active', ?2) RETURNING id",
        )
        .bind(&email)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .expect("colleague");
        colleagues.push(id);
    }
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
    for i in 0..count {
        let (user, number) = match i % 20 {
            0 => (admin, format!("95000000{}", i % 7)),
            1 => (colleagues[40], "950000999".to_owned()),
            _ => (colleagues[i % 40], BUSY_NUMBER.to_owned()),
        };
        let created =
            now - chrono::Duration::seconds((count - i) as i64 * 2_500_000 / count as i64);
        let packs = 1 + (i % 7) as i64;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO orders (user_id, idempotency_key, account_number, status, company,
                 contact_person, street, number, postal_code, city, country, phone,
                 ordered_by_name, ordered_by_email, created_at, packs)
             VALUES (?1, ?2, ?3, ?4, ?5, 'Ann', 'Meir', '1', '2000', 'Antwerpen', 'BE',
                     '+3232234567', 'Ann Peeters', ?6, ?7, ?8)
             RETURNING id",
        )
        .bind(user)
        .bind(format!("bench-order-{i:08}"))
        .bind(&number)
        .bind(statuses[i % statuses.len()])
        .bind(format!("{} {}", companies[i % companies.len()], i % 97))
        .bind(ADMIN)
        .bind(created)
        .bind(packs)
        .fetch_one(&mut *tx)
        .await
        .expect("order");
        sqlx::query("UPDATE orders SET order_number = ?2 WHERE id = ?1")
            .bind(id)
            .bind(format!("OSO-2026-{id:06}"))
            .execute(&mut *tx)
            .await
            .expect("number");
        sqlx::query("INSERT INTO order_lines (order_id, sku, packs, line_no) VALUES (?1, 'ENV-DL-50', ?2, 1)")
            .bind(id)
            .bind(packs)
            .execute(&mut *tx)
            .await
            .expect("line");
    }
    tx.commit().await.expect("commit");
    // No ANALYZE: the service never runs it (nor `PRAGMA optimize`), so its database has no
    // statistics and the planner's choice is the one `history_keyset`'s plan tests check. With
    // them, the bundled SQLite (built with STAT4) re-prepared every page statement on each run,
    // because a bound value compared to an indexed column could change its plan: 18 % of this
    // bench's samples were in `sqlite3Reprepare` (perf, see docs/benchmarks).
}

/// The numbers the administrator administers, as their session brings them to the service.
async fn administered(pool: &SqlitePool, requester: &Requester) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT account_number FROM account_administrators WHERE email_canonical = ?1
         ORDER BY account_number",
    )
    .bind(&requester.canonical)
    .fetch_all(pool)
    .await
    .expect("numbers")
}

/// What the service runs for a page, run directly: the page, and for the first its count with it.
/// Returns the page's rows.
async fn raw_page(
    pool: &SqlitePool,
    sources: &[Source],
    requester: &Requester,
    query: &HistoryQuery,
    cursor: Option<&Cursor>,
) -> Vec<PageRow> {
    if query.is_counted() {
        // The first page: its rows carry the count.
        let rows: Vec<keyset::CountedPageRow> =
            keyset::first_page_query::<Sqlite>(sources, requester, query, i64::from(PAGE) + 1)
                .build_query_as()
                .fetch_all(pool)
                .await
                .expect("first page");
        return rows
            .into_iter()
            .map(|row| {
                let (row, counted) = keyset::without_count(row);
                assert!(counted > 0);
                row
            })
            .collect();
    }
    keyset::page_query::<Sqlite>(sources, requester, query, cursor, i64::from(PAGE) + 1)
        .build_query_as()
        .fetch_all(pool)
        .await
        .expect("page")
}

/// The physical floor: the page's rows read by their primary keys.
async fn floor(pool: &SqlitePool, ids: &[i64]) -> usize {
    let mut rows = QueryBuilder::<Sqlite>::new(format!(
        "SELECT {} FROM orders o WHERE o.id IN (",
        keyset::PAGE_COLUMNS
    ));
    let mut list = rows.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    rows.push(")");
    let rows: Vec<PageRow> = rows.build_query_as().fetch_all(pool).await.expect("floor");
    rows.len()
}

/// The cursor after 80 % of the visible orders in `query`'s order (one `OFFSET` to find it).
async fn deep_cursor(pool: &SqlitePool, admin: i64, query: &HistoryQuery) -> Cursor {
    let visible: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE user_id = ?1 OR account_number = ?2")
            .bind(admin)
            .bind(BUSY_NUMBER)
            .fetch_one(pool)
            .await
            .expect("visible");
    let sources = [
        Source::Own(admin),
        Source::Administered(BUSY_NUMBER.to_owned()),
    ];
    let requester = Requester::from_address(ADMIN);
    let mut builder = keyset::page_query::<Sqlite>(&sources, &requester, query, None, visible);
    let rows: Vec<PageRow> = builder.build_query_as().fetch_all(pool).await.expect("all");
    Cursor::after(&rows[rows.len() * 4 / 5], query.sort)
}

async fn bench_size(orders: usize, rounds: usize) -> (f64, f64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = oso_service::ServiceConfig::embedded(dir.path());
    let database = config.database_path();
    let service = oso_service::start(config).await.expect("service");
    let client = oso::client_of_embedded(&service).expect("client");
    let token = signed_in(&client, service.outbox_dir()).await;
    let raw = oso_service::store::open(&database).await.expect("raw pool");
    let admin: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = ?1")
        .bind(ADMIN)
        .fetch_one(&raw)
        .await
        .expect("admin");
    seed(&raw, admin, orders).await;
    let requester = Requester::from_address(ADMIN);

    println!();
    println!(
        "SQLite, {orders} orders (the administrator sees {}), {rounds} rounds per cell",
        orders - orders / 20
    );
    println!(
        "{:<15} {:<6} {:>10} {:>10} {:>10} {:>10} {:>9} {:>9}",
        "sorted by", "page", "cmd p50", "cmd p99", "raw p50", "floor p50", "cmd/raw", "cmd/floor"
    );
    let (mut worst_p50, mut worst_ratio) = (0.0_f64, 0.0_f64);
    for (name, sort) in SORTS {
        let base = HistoryQuery {
            sort,
            direction: Direction::Desc,
            limit: Some(PAGE),
            ..HistoryQuery::default()
        };
        let deep = deep_cursor(&raw, admin, &base).await;
        let sources = keyset::sources(admin, administered(&raw, &requester).await, &base);
        // A first page (counted), the first page of the history sorted again (the count kept
        // by the caller, `count=false`), and a page from the cursor after 80 % of it.
        for (label, cursor, count) in [
            ("first", None, None),
            ("again", None, Some(false)),
            ("deep", Some(deep), None),
        ] {
            let query = HistoryQuery {
                after: cursor.as_ref().map(Cursor::to_string),
                count,
                ..base.clone()
            };
            // One warm-up of each, so none pays for a cold page cache.
            client.history(&token, &query).await.expect("page");
            let rows = raw_page(&raw, &sources, &requester, &query, cursor.as_ref()).await;
            // A full page, but for the small runs of `make test`'s harness.
            let shown = rows.len().min(PAGE as usize);
            let ids: Vec<i64> = rows.iter().take(shown).map(|row| row.0).collect();
            floor(&raw, &ids).await;
            let (mut command, mut baseline, mut physical) = (
                Vec::with_capacity(rounds),
                Vec::with_capacity(rounds),
                Vec::with_capacity(rounds),
            );
            for _ in 0..rounds {
                let start = Instant::now();
                let page = client.history(&token, &query).await.expect("page");
                let for_webview = serde_json::to_string(&page).expect("json");
                command.push(start.elapsed());
                assert_eq!(page.orders.len(), shown);
                assert_eq!(page.count.is_some(), query.is_counted());
                assert!(!for_webview.is_empty());

                let start = Instant::now();
                let rows = raw_page(&raw, &sources, &requester, &query, cursor.as_ref()).await;
                baseline.push(start.elapsed());
                assert_eq!(rows.len().min(PAGE as usize), shown);

                let start = Instant::now();
                let read = floor(&raw, &ids).await;
                physical.push(start.elapsed());
                assert_eq!(read, shown);
            }
            let (c50, c99) = p50_p99(&mut command);
            let (r50, _) = p50_p99(&mut baseline);
            let (f50, _) = p50_p99(&mut physical);
            worst_p50 = worst_p50.max(c50);
            worst_ratio = worst_ratio.max(c50 / r50);
            println!(
                "{name:<15} {label:<6} {c50:>7.3} ms {c99:>7.3} ms {r50:>7.3} ms {f50:>7.3} ms {:>8.2}× {:>8.2}×",
                c50 / r50,
                c50 / f50
            );
        }
    }
    service.shutdown().await.expect("shutdown");
    (worst_p50, worst_ratio)
}

#[tokio::main]
async fn main() {
    let rounds = env_number("OSO_BENCH_ROUNDS", 200);
    println!("history pages of an eSecure administrator's busy account number ({PAGE} rows)");
    let mut summary = Vec::new();
    for orders in sizes() {
        summary.push((orders, bench_size(orders, rounds).await));
    }
    println!();
    for (orders, (worst_p50, worst_ratio)) in summary {
        let target = if orders >= 100_000 { 3.0 } else { 1.0 };
        println!(
            "{orders} orders: worst command p50 {worst_p50:.3} ms (target < {target} ms), \
             worst command/raw {worst_ratio:.2}×"
        );
    }
}
