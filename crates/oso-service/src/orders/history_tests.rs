//! The history's pages: paging with the cursor gives every visible order once, in the order of
//! sorting them all, on both engines; the count stops at its limit; each source of a page is
//! read along its index.

use chrono::{Duration, SubsecRound, Utc};
use oso_core::OrderStatus;

use super::*;
use crate::accounts::UserRow;
use crate::database::testing::TestDatabase;
use crate::database::Conn;
use crate::orders::history_keyset::lifecycle_rank;
use crate::orders::store_tests::{login_and_items, order, start_writer};

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
        administered: Vec::new(),
    }
}

/// Ann as the service recognises her: the number she administers comes with her session.
fn ann_signed_in(id: i64) -> SignedIn {
    SignedIn {
        administered: vec![ADMINISTERED.to_owned()],
        ..signed_in_as(id)
    }
}

const ADMINISTERED: &str = "951234567";
const ANN_ALSO_USES: &str = "951234568";
const NOT_ANNS: &str = "951234569";

/// A value bound to [`run`]'s SQL.
#[derive(Clone, Copy)]
enum Bind<'a> {
    Text(&'a str),
    Int(i64),
    Instant(chrono::DateTime<Utc>),
}

/// Runs `sql` (numbered `?N` parameters, rewritten as `$N` for PostgreSQL); the id it returns
/// when it says `RETURNING id`.
async fn run(database: &Database, sql: &str, binds: &[Bind<'_>]) -> i64 {
    macro_rules! bound {
        ($query:expr) => {{
            let mut query = $query;
            for bind in binds {
                query = match *bind {
                    Bind::Text(text) => query.bind(text),
                    Bind::Int(number) => query.bind(number),
                    Bind::Instant(instant) => query.bind(instant),
                };
            }
            query
        }};
    }
    let returns = sql.contains("RETURNING id");
    let mut pooled = database.acquire().await.expect("connects");
    match pooled.conn() {
        Conn::Sqlite(conn) if returns => bound!(sqlx::query_scalar(sql)).fetch_one(conn).await,
        Conn::Sqlite(conn) => bound!(sqlx::query(sql)).execute(conn).await.map(|_| 0),
        Conn::Postgres(conn) => {
            let sql = sql.replace('?', "$");
            if returns {
                bound!(sqlx::query_scalar(&sql)).fetch_one(conn).await
            } else {
                bound!(sqlx::query(&sql)).execute(conn).await.map(|_| 0)
            }
        }
    }
    .expect(sql)
}

/// Ann (returned first), who administers a protected number; Bob of another company (second),
/// who may order on it too.
async fn ann_administers_a_number_bob_orders_on(database: &Database) -> (i64, i64) {
    let ann = login_and_items(database).await;
    let now = Bind::Instant(Utc::now());
    let bob = run(
        database,
        "INSERT INTO users (email, email_canonical, company_name, contact_name, language,
                            password_hash, password_changed_at, status, created_at)
         VALUES ('bob@other.example', 'bob@other.example', 'Other', 'Bob', 'en', 'x', ?1,
                 'active', ?1)
         RETURNING id",
        &[now],
    )
    .await;
    run(
        database,
        "INSERT INTO customer_accounts (number, company, protected, created_at)
         VALUES (?1, 'Zebra', TRUE, ?2)",
        &[Bind::Text(ADMINISTERED), now],
    )
    .await;
    run(
        database,
        "INSERT INTO account_administrators (account_number, email, email_canonical, name,
                                             language, added_at)
         VALUES (?1, 'ann@zebra.example', 'ann@zebra.example', 'Ann', 'en', ?2)",
        &[Bind::Text(ADMINISTERED), now],
    )
    .await;
    (ann, bob)
}

/// Fourteen orders: Ann's on the number she administers, on a number she merely uses and on
/// one of another company; Bob's on her number (which she sees) and on his (which she does
/// not). Companies differ in case only, two orders share each minute, and every status occurs.
async fn a_mixed_history(db: &TestDatabase) -> (i64, Vec<String>) {
    let (ann, bob) = ann_administers_a_number_bob_orders_on(&db.database).await;
    let writer = start_writer(&db.database, db.sqlite_path()).await;
    let companies = ["delta", "Alpha", "charlie", "Bravo", "alpha", "ALPHA"];
    let statuses = [
        "received",
        "in_progress",
        "shipped",
        "completed",
        "cancelled",
    ];
    let start = Utc::now().trunc_subsecs(6) - Duration::hours(1);
    let mut placed = Vec::new();
    for index in 0..14_usize {
        let user = if index % 3 == 0 { bob } else { ann };
        let number = [ADMINISTERED, ADMINISTERED, ANN_ALSO_USES, NOT_ANNS][index % 4];
        let mut new = order(user, &format!("mixed-{index:02}"), "ENV-DL-50");
        new.account_number = oso_core::AccountNumber::parse(number).expect("number");
        new.address.company = companies[index % companies.len()].to_owned();
        new.lines = (0..=index % 2)
            .map(|line| crate::orders::OrderLine {
                sku: ["ENV-DL-50", "ENV-C4-25"][line].to_owned(),
                packs: (1 + line + index % 3) as u32,
            })
            .collect();
        new.created_at = start + Duration::minutes((index / 2) as i64);
        let written = writer.write(new).await.expect("placed").expect("new");
        run(
            &db.database,
            "UPDATE orders SET status = ?1 WHERE order_number = ?2",
            &[
                Bind::Text(statuses[index % statuses.len()]),
                Bind::Text(&written.order_number),
            ],
        )
        .await;
        placed.push(written.order_number);
    }
    (ann, placed)
}

/// Every order `user` sees, sorted as `query` says: the export's query (one `OR` over the
/// sources, sorted whole), which the keyset pages must match.
async fn sorted_whole(database: &Database, user: &SignedIn, query: &HistoryQuery) -> Vec<String> {
    let requester = Requester::of(user);
    macro_rules! read {
        ($db:ty, $pool:expr) => {{
            let mut all = QueryBuilder::<$db>::new("SELECT o.order_number");
            visible_to(&mut all, user, &requester, query);
            order_by(&mut all, query);
            all.build_query_scalar()
                .fetch_all($pool)
                .await
                .expect("all")
        }};
    }
    match database {
        Database::Sqlite(pool) => read!(Sqlite, pool),
        Database::Postgres(pool) => read!(Postgres, pool),
    }
}

const EVERY_SORT: [SortColumn; 6] = [
    SortColumn::OrderNumber,
    SortColumn::CreatedAt,
    SortColumn::Status,
    SortColumn::AccountNumber,
    SortColumn::Company,
    SortColumn::Packs,
];

async fn paging_with_the_cursor_shows_every_visible_order_once_in_the_order_of_sorting_them_all(
    db: TestDatabase,
) {
    let (ann, placed) = a_mixed_history(&db).await;
    let user = ann_signed_in(ann);
    for sort in EVERY_SORT {
        for direction in [Direction::Asc, Direction::Desc] {
            let mut query = HistoryQuery {
                sort,
                direction,
                limit: Some(3),
                ..HistoryQuery::default()
            };
            let expected = sorted_whole(&db.database, &user, &query).await;
            let mut paged = Vec::new();
            let mut pages = 0;
            loop {
                let shown = page(&db.database, &Viewer::of(&user), &query)
                    .await
                    .expect("a page");
                pages += 1;
                assert!(shown.orders.len() <= 3);
                if pages == 1 {
                    let count = shown.count.expect("the first page is counted");
                    assert_eq!((count.counted, count.more), (expected.len() as i64, false));
                } else {
                    assert_eq!(shown.count, None, "only the first page is counted");
                }
                paged.extend(shown.orders.into_iter().map(|row| row.order_number));
                match shown.next {
                    Some(next) => query.after = Some(next),
                    None => break,
                }
            }
            assert_eq!(paged, expected, "{sort:?} {direction:?}");
        }
    }
    // Ann sees her own orders and every order on the number she administers; not Bob's others.
    let seen = sorted_whole(&db.database, &user, &HistoryQuery::default()).await;
    assert_eq!(seen.len(), 12, "{seen:?}");
    assert!(!seen.contains(&placed[3]), "Bob's order on his own number");
    assert!(
        !seen.contains(&placed[6]),
        "Bob's order on a number Ann only uses"
    );
}

/// A cursor is only a position: one made from another company's order (its id and key, which
/// a client may forge freely) pages through the caller's own history and shows nothing else.
async fn a_cursor_from_another_companys_order_shows_only_the_callers_orders(db: TestDatabase) {
    let (ann, placed) = a_mixed_history(&db).await;
    let (bob, anns_order) = (ann + 1, &placed[1]);
    let bob_user = SignedIn {
        user: UserRow {
            email: "bob@other.example".to_owned(),
            ..signed_in_as(bob).user
        },
        ..signed_in_as(bob)
    };
    for sort in EVERY_SORT {
        for direction in [Direction::Asc, Direction::Desc] {
            let whole = HistoryQuery {
                sort,
                direction,
                ..HistoryQuery::default()
            };
            let bobs = sorted_whole(&db.database, &bob_user, &whole).await;
            // His orders on his own number and on one he merely uses, not those on Ann's.
            let mut his = bobs.clone();
            his.sort();
            assert_eq!(his, [placed[3].clone(), placed[6].clone()]);
            let anns_row = page(&db.database, &Viewer::of(&ann_signed_in(ann)), &whole)
                .await
                .expect("Ann's page");
            let anns_row = anns_row
                .orders
                .iter()
                .find(|row| &row.order_number == anns_order)
                .expect("Ann sees her order");
            // The cursor Ann's row would give, written by hand as a client could.
            let id: i64 = anns_order
                .rsplit('-')
                .next()
                .and_then(|digits| digits.parse().ok())
                .expect("the order's sequence number");
            let key = match sort {
                SortColumn::OrderNumber => String::new(),
                SortColumn::CreatedAt => anns_row
                    .created_at
                    .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                SortColumn::Status => lifecycle_rank(anns_row.status).to_string(),
                SortColumn::AccountNumber => anns_row.account_number.clone(),
                SortColumn::Company => anns_row.company.clone(),
                SortColumn::Packs => anns_row.packs.to_string(),
            };
            let forged = HistoryQuery {
                after: Some(format!("{id}.{key}")),
                ..whole
            };
            let shown = page(&db.database, &Viewer::of(&bob_user), &forged)
                .await
                .expect("Bob's page");
            assert!(
                shown
                    .orders
                    .iter()
                    .all(|row| bobs.contains(&row.order_number)),
                "{sort:?} {direction:?}: Bob saw {:?}, his are {bobs:?}",
                shown.orders
            );
        }
    }
}

async fn a_filter_narrows_every_page_and_its_count(db: TestDatabase) {
    let (ann, _) = a_mixed_history(&db).await;
    let user = ann_signed_in(ann);
    for filters in [
        HistoryQuery {
            account_number: Some(ADMINISTERED.to_owned()),
            ..HistoryQuery::default()
        },
        HistoryQuery {
            account_number: Some(ANN_ALSO_USES.to_owned()),
            ..HistoryQuery::default()
        },
        HistoryQuery {
            status: Some("shipped".to_owned()),
            ..HistoryQuery::default()
        },
    ] {
        let mut query = HistoryQuery {
            limit: Some(2),
            ..filters
        };
        let expected = sorted_whole(&db.database, &user, &query).await;
        assert!(!expected.is_empty());
        let first = page(&db.database, &Viewer::of(&user), &query)
            .await
            .expect("page");
        assert_eq!(
            first.count.map(|count| count.counted),
            Some(expected.len() as i64)
        );
        let mut paged: Vec<String> = first
            .orders
            .into_iter()
            .map(|row| row.order_number)
            .collect();
        let mut next = first.next;
        while let Some(after) = next {
            query.after = Some(after);
            let later = page(&db.database, &Viewer::of(&user), &query)
                .await
                .expect("page");
            paged.extend(later.orders.into_iter().map(|row| row.order_number));
            next = later.next;
        }
        assert_eq!(paged, expected, "{query:?}");
    }
}

async fn a_first_page_sorted_again_without_its_count_has_the_same_rows_and_no_count(
    db: TestDatabase,
) {
    let (ann, _) = a_mixed_history(&db).await;
    let viewer = Viewer::of(&ann_signed_in(ann));
    for sort in EVERY_SORT {
        let counted = HistoryQuery {
            sort,
            limit: Some(2),
            ..HistoryQuery::default()
        };
        let declined = HistoryQuery {
            count: Some(false),
            ..counted.clone()
        };
        let with_count = page(&db.database, &viewer, &counted).await.expect("page");
        let without = page(&db.database, &viewer, &declined).await.expect("page");
        assert!(
            with_count.count.is_some(),
            "{sort:?}: a first page is counted"
        );
        assert_eq!(without.count, None, "{sort:?}: the count was declined");
        assert_eq!(without.orders, with_count.orders, "{sort:?}");
        assert_eq!(without.next, with_count.next, "{sort:?}");
        let asked = HistoryQuery {
            count: Some(true),
            ..counted.clone()
        };
        let again = page(&db.database, &viewer, &asked).await.expect("page");
        assert_eq!(
            again.count, with_count.count,
            "{sort:?}: `count=true` counts"
        );
    }
}

async fn the_first_page_counts_up_to_its_limit_and_says_there_are_more(db: TestDatabase) {
    let (ann, _) = ann_administers_a_number_bob_orders_on(&db.database).await;
    run(
        &db.database,
        "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1005)
         INSERT INTO orders (user_id, idempotency_key, account_number, company, contact_person,
                             street, number, postal_code, city, country, phone, ordered_by_name,
                             ordered_by_email, created_at, order_number, packs)
         SELECT ?1, 'many-' || i, ?2, 'Zebra', 'Ann', 'Meir', '1', '2000', 'Antwerpen', 'BE',
                '+3232234567', 'Ann', 'ann@zebra.example', ?3, 'OSO-2026-' || (100000 + i), 1
         FROM n",
        &[
            Bind::Int(ann),
            Bind::Text(ANN_ALSO_USES),
            Bind::Instant(Utc::now().trunc_subsecs(6)),
        ],
    )
    .await;
    let user = ann_signed_in(ann);
    let first = page(&db.database, &Viewer::of(&user), &HistoryQuery::default())
        .await
        .expect("page");
    assert_eq!(
        first.count,
        Some(HistoryCount {
            counted: COUNTED_UP_TO,
            more: true
        })
    );
    assert_eq!(first.orders.len(), 50);
    assert!(first.next.is_some());
}

async fn status_rank_in_the_database_is_the_lifecycle_rank(db: TestDatabase) {
    let (_, placed) = a_mixed_history(&db).await;
    for number in &placed[..5] {
        let (status, rank): (String, i64) = match &db.database {
            Database::Sqlite(pool) => {
                sqlx::query_as("SELECT status, status_rank FROM orders WHERE order_number = ?1")
                    .bind(number)
                    .fetch_one(pool)
                    .await
                    .expect("order")
            }
            Database::Postgres(pool) => {
                sqlx::query_as("SELECT status, status_rank FROM orders WHERE order_number = $1")
                    .bind(number)
                    .fetch_one(pool)
                    .await
                    .expect("order")
            }
        };
        let status: OrderStatus = status.parse().expect("a status");
        assert_eq!(rank, lifecycle_rank(status), "{status:?}");
    }
}

async fn an_order_keeps_the_sum_of_its_lines_packs(db: TestDatabase) {
    let (ann, placed) = a_mixed_history(&db).await;
    let user = ann_signed_in(ann);
    let query = HistoryQuery {
        sort: SortColumn::OrderNumber,
        direction: Direction::Asc,
        ..HistoryQuery::default()
    };
    let shown = page(&db.database, &Viewer::of(&user), &query)
        .await
        .expect("page");
    // The second order has two lines of 2 and 3 packs; the third one line of 3.
    let packs_of = |number: &str| {
        shown
            .orders
            .iter()
            .find(|row| row.order_number == number)
            .map(|row| row.packs)
    };
    assert_eq!(packs_of(&placed[1]), Some(5));
    assert_eq!(packs_of(&placed[2]), Some(3));
}

crate::database::testing::on_both_engines!(
    paging_with_the_cursor_shows_every_visible_order_once_in_the_order_of_sorting_them_all,
    a_cursor_from_another_companys_order_shows_only_the_callers_orders,
    a_filter_narrows_every_page_and_its_count,
    a_first_page_sorted_again_without_its_count_has_the_same_rows_and_no_count,
    the_first_page_counts_up_to_its_limit_and_says_there_are_more,
    status_rank_in_the_database_is_the_lifecycle_rank,
    an_order_keeps_the_sum_of_its_lines_packs,
);
