//! The history half of the PostgreSQL bench (`postgres.rs`, which says what it measures): an
//! eSecure administrator's busy account number, each sort's first and deep page over HTTP, against
//! the same statements on the driver and the same rows read by primary key, and beside the
//! cheapest signed-in request (`GET /me`: the session's statement and nothing else), which every
//! page pays before its own statements.

use std::time::Instant;

use oso_api::orders::{Direction, HistoryQuery, SortColumn};
use oso_service::esecure::Requester;
use oso_service::orders::history_keyset::{self as keyset, Cursor, PageRow, Source};
use sqlx::{PgPool, Postgres};

use super::placement::{ms, percentile};
use super::{config, env_number, new_database, users};

const ADMIN: &str = "history0@oso.example";
const BUSY_NUMBER: &str = "951234560";
const SORTS: [(&str, SortColumn); 6] = [
    ("order_number", SortColumn::OrderNumber),
    ("created_at", SortColumn::CreatedAt),
    ("status", SortColumn::Status),
    ("account_number", SortColumn::AccountNumber),
    ("company", SortColumn::Company),
    ("packs", SortColumn::Packs),
];
const PAGE: i64 = 25;

/// `count` orders over the last 30 days: 90 % on the administrator's busy, protected number by
/// 40 colleagues, 5 % their own on other numbers, 5 % of another company; one line each.
/// Vacuumed and analysed, as autovacuum leaves a table in steady use.
async fn seed_history(pool: &PgPool, count: usize) -> i64 {
    let admin: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(ADMIN)
        .fetch_one(pool)
        .await
        .expect("administrator");
    sqlx::raw_sql(&format!(
        "INSERT INTO customer_accounts (number, company, protected, created_at)
             VALUES ('{BUSY_NUMBER}', 'Zebra', true, now());
         INSERT INTO account_administrators (account_number, email, email_canonical, name, language, added_at)
             VALUES ('{BUSY_NUMBER}', '{ADMIN}', '{ADMIN}', 'Ann', 'en', now());
         INSERT INTO users (email, email_canonical, company_name, contact_name, language,
                            password_hash, password_changed_at, status, created_at)
             SELECT 'colleague' || g || '@oso.example', 'colleague' || g || '@oso.example', 'Zebra',
                    'Colleague', 'en', 'x', now(), 'active', now()
             FROM generate_series(0, 40) g;"
    ))
    .execute(pool)
    .await
    .expect("account, administrator and colleagues");
    let seconds_apart = (30 * 24 * 3600 / count.max(1)).max(1) as i64;
    sqlx::query(
        "WITH colleagues AS (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE email LIKE 'colleague%')
         INSERT INTO orders (order_number, user_id, idempotency_key, account_number, status, company,
             contact_person, street, number, postal_code, city, country, phone, ordered_by_name,
             ordered_by_email, created_at, packs)
         SELECT 'OSO-2025-' || lpad(g::text, 6, '0'),
                CASE g % 20 WHEN 0 THEN $3 WHEN 1 THEN ids[41] ELSE ids[1 + g % 40] END,
                'seed-' || g,
                CASE g % 20 WHEN 0 THEN '95000000' || (g % 7) WHEN 1 THEN '950000999' ELSE $4 END,
                (ARRAY['received', 'in_progress', 'shipped', 'completed', 'cancelled'])[1 + g % 5],
                (ARRAY['Zebra', 'alpha', 'Bravo', 'Échelle', 'delta', 'Charlie', 'foxtrot'])[1 + g % 7]
                    || ' ' || (g % 97),
                'Ann', 'Meir', '1', '2000', 'Antwerpen', 'BE', '+3232234567', 'Ann Peeters',
                'bench@zebra.example', now() - ($1 - g) * make_interval(secs => $2), 1 + g % 7
         FROM colleagues, generate_series(1, $1) g",
    )
    .bind(count as i64)
    .bind(seconds_apart as f64)
    .bind(admin)
    .bind(BUSY_NUMBER)
    .execute(pool)
    .await
    .expect("orders");
    sqlx::query(
        "INSERT INTO order_lines (order_id, sku, packs, line_no)
         SELECT o.id, (SELECT sku FROM catalogue_items WHERE sold ORDER BY position LIMIT 1), o.packs, 1
         FROM orders o",
    )
    .execute(pool)
    .await
    .expect("lines");
    sqlx::raw_sql("VACUUM ANALYZE")
        .execute(pool)
        .await
        .expect("analyzed");
    admin
}

/// The numbers the administrator administers, as their session brings them to the service.
async fn administered(pool: &PgPool, requester: &Requester) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT account_number FROM account_administrators WHERE email_canonical = $1
         ORDER BY account_number",
    )
    .bind(&requester.canonical)
    .fetch_all(pool)
    .await
    .expect("numbers")
}

/// What the service runs for a page, run directly: the page and, for the first, the count (the
/// administered numbers come with the session). Returns the page's rows.
async fn raw_page(
    pool: &PgPool,
    sources: &[Source],
    requester: &Requester,
    query: &HistoryQuery,
    cursor: Option<&Cursor>,
) -> Vec<PageRow> {
    let rows: Vec<PageRow> =
        keyset::page_query::<Postgres>(sources, requester, query, cursor, PAGE + 1)
            .build_query_as()
            .fetch_all(pool)
            .await
            .expect("page");
    if query.is_counted() {
        let counted: i64 = keyset::count_query::<Postgres>(sources, requester, query)
            .build_query_scalar()
            .fetch_one(pool)
            .await
            .expect("count");
        assert!(counted > 0);
    }
    rows
}

/// The physical floor: the page's rows read by their primary keys.
async fn floor(pool: &PgPool, ids: &[i64]) -> usize {
    let rows: Vec<PageRow> = sqlx::query_as(&format!(
        "SELECT {} FROM orders o WHERE o.id = ANY($1)",
        keyset::PAGE_COLUMNS
    ))
    .bind(ids)
    .fetch_all(pool)
    .await
    .expect("floor");
    rows.len()
}

/// The cursor after 80 % of the administrator's orders in `query`'s order.
async fn deep_cursor(pool: &PgPool, admin: i64, query: &HistoryQuery) -> Cursor {
    let sources = [
        Source::Own(admin),
        Source::Administered(BUSY_NUMBER.to_owned()),
    ];
    let requester = Requester::from_address(ADMIN);
    let rows: Vec<PageRow> =
        keyset::page_query::<Postgres>(&sources, &requester, query, None, i64::MAX)
            .build_query_as()
            .fetch_all(pool)
            .await
            .expect("all");
    Cursor::after(&rows[rows.len() * 4 / 5], query.sort)
}

/// The administrator's history at `orders` orders: each sort's first page (with its count) and
/// a page after 80 % of it, over HTTP, against the raw statements and the floor. The worst p50.
pub(super) async fn measure(cluster: &str, dir: &std::path::Path, orders: usize) -> f64 {
    let rounds = env_number("OSO_BENCH_ROUNDS", 200);
    let name = format!("bench_history_{orders}_{}", std::process::id());
    let url = new_database(cluster, &name).await;
    let setup = dir.join(format!("{name}-setup"));
    let token = users(&setup, &url, 1, "history").await[0].clone();
    let raw = PgPool::connect(&url).await.expect("raw pool");
    let admin = seed_history(&raw, orders).await;
    let service = oso_service::start(config(&dir.join(&name), &url, None))
        .await
        .expect("service");
    let http = reqwest::Client::new();
    let requester = Requester::from_address(ADMIN);

    println!(
        "\nPostgreSQL, {orders} orders (the administrator sees {}), {rounds} rounds per cell, over HTTP",
        orders - orders / 20
    );
    println!(
        "{:<15} {:<6} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9} {:>9}",
        "sorted by",
        "page",
        "svc p50",
        "svc p99",
        "raw p50",
        "floor p50",
        "/me p50",
        "svc/raw",
        "svc/floor"
    );
    let mut worst_p50: f64 = 0.0;
    for (column, sort) in SORTS {
        let base = HistoryQuery {
            sort,
            direction: Direction::Desc,
            limit: Some(PAGE as u32),
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
            let page_url = format!("{}/api/v1/orders", service.url());
            let me_url = format!("{}/api/v1/me", service.url());
            let signed_in_only = || async {
                let answer = http
                    .get(&me_url)
                    .bearer_auth(&token)
                    .send()
                    .await
                    .expect("answer");
                assert!(answer.status().is_success(), "{}", answer.status());
                answer.bytes().await.expect("profile").len()
            };
            let fetch = || async {
                let page: serde_json::Value = http
                    .get(&page_url)
                    .query(&query)
                    .bearer_auth(&token)
                    .send()
                    .await
                    .expect("answer")
                    .json()
                    .await
                    .expect("json");
                page["orders"].as_array().map_or(0, Vec::len)
            };
            // One warm-up of each, so none pays for a cold cache.
            fetch().await;
            let rows = raw_page(&raw, &sources, &requester, &query, cursor.as_ref()).await;
            let shown = rows.len().min(PAGE as usize);
            let ids: Vec<i64> = rows.iter().take(shown).map(|row| row.0).collect();
            signed_in_only().await;
            let (mut served, mut baseline, mut physical) = (Vec::new(), Vec::new(), Vec::new());
            let mut session_only = Vec::new();
            for _ in 0..rounds {
                let start = Instant::now();
                assert_eq!(fetch().await, shown);
                served.push(start.elapsed());
                let start = Instant::now();
                let rows = raw_page(&raw, &sources, &requester, &query, cursor.as_ref()).await;
                baseline.push(start.elapsed());
                assert_eq!(rows.len().min(PAGE as usize), shown);
                let start = Instant::now();
                assert_eq!(floor(&raw, &ids).await, shown);
                physical.push(start.elapsed());
                let start = Instant::now();
                signed_in_only().await;
                session_only.push(start.elapsed());
            }
            let (s50, s99) = (
                ms(percentile(&mut served, 0.5)),
                ms(percentile(&mut served, 0.99)),
            );
            let b50 = ms(percentile(&mut baseline, 0.5));
            let f50 = ms(percentile(&mut physical, 0.5));
            let me50 = ms(percentile(&mut session_only, 0.5));
            worst_p50 = worst_p50.max(s50);
            println!(
                "{column:<15} {label:<6} {s50:>7.3} ms {s99:>7.3} ms {b50:>7.3} ms {f50:>7.3} ms {me50:>7.3} ms {:>8.2}× {:>8.2}×",
                s50 / b50,
                s50 / f50
            );
        }
    }
    service.shutdown().await.expect("shutdown");
    worst_p50
}
