//! The history's SQL: which indexes it reads, and that both ways of reading a page agree.

use chrono::Utc;

use super::*;
use crate::accounts::UserRow;
use crate::database::testing::TestDatabase;
use crate::orders::store_tests::{login_and_items, order, start_writer};

fn signed_in() -> SignedIn {
    signed_in_as(1)
}

fn signed_in_as(id: i64) -> SignedIn {
    SignedIn {
        session_id: 1,
        user: UserRow {
            id,
            public_id: "0123456789abcdef0123456789abcdef".to_owned(),
            email: "ann@zebra.example".to_owned(),
            default_email: None,
            company_name: "Zebra".to_owned(),
            contact_name: "Ann".to_owned(),
            phone: None,
            language: "en".to_owned(),
            time_zone: "Europe/Brussels".to_owned(),
            password_hash: "x".to_owned(),
            password_changed_at: Utc::now(),
            status: crate::accounts::LoginStatus::Active,
        },
        password_expired: false,
    }
}

async fn plan(pool: &sqlx::SqlitePool, mut query: QueryBuilder<'_, Sqlite>) -> String {
    let rows: Vec<(i64, i64, i64, String)> =
        query.build_query_as().fetch_all(pool).await.expect("plan");
    rows.into_iter()
        .map(|(_, _, _, detail)| detail)
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn every_history_count_and_page_reads_orders_through_the_covering_indexes_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pool = crate::store::open(&dir.path().join("history.sqlite3"))
        .await
        .expect("database");
    let user = signed_in();
    let requester = Requester::of(&user);
    let sorts = [
        SortColumn::OrderNumber,
        SortColumn::CreatedAt,
        SortColumn::Status,
        SortColumn::AccountNumber,
        SortColumn::Company,
        SortColumn::Packs,
    ];
    for sort in sorts {
        // The days the orders were placed on narrow the search of both indexes.
        let query = HistoryQuery {
            sort,
            status: Some("shipped".to_owned()),
            created_from: Some(Utc::now() - chrono::Duration::days(7)),
            created_before: Some(Utc::now()),
            ..HistoryQuery::default()
        };
        let mut count = QueryBuilder::<Sqlite>::new("EXPLAIN QUERY PLAN SELECT COUNT(*)");
        visible_to(&mut count, &user, &requester, &query);
        let mut rows =
            QueryBuilder::<Sqlite>::new(format!("EXPLAIN QUERY PLAN SELECT {PAGE_COLUMNS}"));
        visible_to(&mut rows, &user, &requester, &query);
        order_by(&mut rows, &query);
        rows.push(" LIMIT 50");
        for plan in [plan(&pool, count).await, plan(&pool, rows).await] {
            let order_lines: Vec<&str> = plan.lines().filter(|line| line.contains(" o ")).collect();
            assert_eq!(
                order_lines,
                [
                    "SEARCH o USING COVERING INDEX orders_history_by_user (user_id=? AND created_at>? AND created_at<?)",
                    "SEARCH o USING COVERING INDEX orders_history_by_account_number (account_number=? AND created_at>? AND created_at<?)",
                ],
                "sorted by {sort:?}:\n{plan}"
            );
        }
    }
}

/// The history reads a page either way (found then sorted, or along the sort's index, see
/// `history::FIND_THEN_SORT_UP_TO`); both ways give the same page for every sort.
async fn a_history_page_is_the_same_found_then_sorted_or_read_along_the_sort(db: TestDatabase) {
    let user = login_and_items(&db.database).await;
    let writer = start_writer(&db.database, db.sqlite_path()).await;
    for (index, company) in ["delta", "Alpha", "charlie", "Bravo", "echo", "alpha"]
        .into_iter()
        .enumerate()
    {
        let mut placed = order(user, &format!("history-both-ways-{index:04}"), "ENV-DL-50");
        placed.address.company = company.to_owned();
        writer.write(placed).await.expect("placed").expect("new");
    }
    let signed_in = signed_in_as(user);
    let requester = Requester::of(&signed_in);
    type Row = PageRow;
    for sort in [
        SortColumn::OrderNumber,
        SortColumn::CreatedAt,
        SortColumn::Status,
        SortColumn::AccountNumber,
        SortColumn::Company,
        SortColumn::Packs,
    ] {
        for direction in [Direction::Asc, Direction::Desc] {
            let query = HistoryQuery {
                sort,
                direction,
                limit: Some(4),
                offset: Some(1),
                ..HistoryQuery::default()
            };
            let mut pages: Vec<Vec<Row>> = Vec::new();
            for find_then_sort in [false, true] {
                pages.push(match &db.database {
                    Database::Sqlite(pool) => {
                        rows_query::<sqlx::Sqlite>(&signed_in, &requester, &query, find_then_sort)
                            .build_query_as()
                            .fetch_all(pool)
                            .await
                            .expect("a page")
                    }
                    Database::Postgres(pool) => {
                        rows_query::<sqlx::Postgres>(&signed_in, &requester, &query, find_then_sort)
                            .build_query_as()
                            .fetch_all(pool)
                            .await
                            .expect("a page")
                    }
                });
            }
            assert_eq!(pages[0].len(), 4, "{sort:?} {direction:?}");
            assert_eq!(pages[0], pages[1], "{sort:?} {direction:?}");
        }
    }
}

crate::database::testing::on_both_engines!(
    a_history_page_is_the_same_found_then_sorted_or_read_along_the_sort
);
