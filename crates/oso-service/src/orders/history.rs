//! The order history: the orders the login placed itself and, for every account number it
//! administers under eSecure, every order on that number; sortable by each column, filterable,
//! paged. Saving or removing a number changes what may be ordered with, never whose orders are
//! visible. The SQL is built at run time from whitelisted columns, so it uses runtime queries
//! with `FromRow`.

use chrono::{DateTime, Utc};
use oso_core::OrderStatus;
use sqlx::{Encode, Postgres, QueryBuilder, Sqlite, Type};

pub use oso_api::orders::{
    Direction, HistoryAccountNumber, HistoryPage, HistoryQuery, HistoryRow, SortColumn,
};

use crate::accounts::SignedIn;
use crate::database::{Database, Dialect};
use crate::error::ServiceError;
use crate::esecure::{push_may_use, Requester};

/// The SQL a sort column orders by (whitelisted: never text from the request).
fn sort_sql<DB: Dialect>(column: SortColumn) -> String {
    match column {
        SortColumn::OrderNumber => "o.id".to_owned(),
        SortColumn::CreatedAt => "o.created_at".to_owned(),
        // In the order's lifecycle (received, in progress, shipped, completed; cancelled last),
        // not by the internal code, whose alphabet means nothing to a reader.
        SortColumn::Status => "CASE o.status WHEN 'received' THEN 0 WHEN 'in_progress' THEN 1 \
                               WHEN 'shipped' THEN 2 WHEN 'completed' THEN 3 ELSE 4 END"
            .to_owned(),
        SortColumn::AccountNumber => "o.account_number".to_owned(),
        SortColumn::Company => DB::without_case("o.company"),
    }
}

/// The orders `user` sees: placed by them, or placed by anyone with a number they administer;
/// in either case with a number eSecure lets them use now. The saved numbers play no part: any
/// login may save any unprotected number, so they say nothing about whose orders are whose.
pub(super) fn visible_to<'a, DB>(
    builder: &mut QueryBuilder<'a, DB>,
    user: &SignedIn,
    requester: &'a Requester,
    query: &'a HistoryQuery,
) where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
{
    builder
        .push(" FROM orders o WHERE (o.user_id = ")
        .push_bind(user.user.id)
        .push(format!(
            " OR {}SELECT account_number FROM account_administrators WHERE email_canonical = ",
            DB::one_of("o.account_number")
        ))
        .push_bind(requester.canonical.as_str())
        .push(DB::ONE_OF_END)
        .push(") AND ");
    push_may_use(builder, "o.account_number", requester);
    if let Some(status) = query.status.as_deref().filter(|status| !status.is_empty()) {
        builder.push(" AND o.status = ").push_bind(status);
    }
    if let Some(number) = query
        .account_number
        .as_deref()
        .filter(|number| !number.is_empty())
    {
        builder.push(" AND o.account_number = ").push_bind(number);
    }
}

/// Refuses a status filter that names no status.
pub(super) fn check_filters(query: &HistoryQuery) -> Result<(), ServiceError> {
    if let Some(status) = query.status.as_deref().filter(|status| !status.is_empty()) {
        status
            .parse::<oso_core::OrderStatus>()
            .map_err(|error| ServiceError::field("status", error.field_code()))?;
    }
    Ok(())
}

pub(super) fn order_by<DB: Dialect>(builder: &mut QueryBuilder<'_, DB>, query: &HistoryQuery) {
    let direction = match query.direction {
        Direction::Asc => "ASC",
        Direction::Desc => "DESC",
    };
    // The id breaks ties, so paging is stable whatever the sort.
    builder.push(format!(
        " ORDER BY {} {direction}, o.id {direction}",
        sort_sql::<DB>(query.sort)
    ));
}

/// Up to this many visible orders, PostgreSQL reads a page by finding them all through the
/// indexes of login and number and sorting them; beyond it, along the sort column's index.
/// Left to itself the planner walks the sort's index for the few orders of one login among many
/// (70 ms at 100,000 orders, where finding and sorting its 100 takes 1 ms).
const FIND_THEN_SORT_UP_TO: i64 = 5_000;

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn page(
    database: &Database,
    user: &SignedIn,
    query: &HistoryQuery,
) -> Result<HistoryPage, ServiceError> {
    check_filters(query)?;
    let requester = Requester::of(user);
    let (total, rows): (i64, Vec<PageRow>) = match database {
        Database::Sqlite(pool) => {
            let total = count_query::<Sqlite>(user, &requester, query)
                .build_query_scalar()
                .fetch_one(pool)
                .await?;
            let mut rows = rows_query::<Sqlite>(user, &requester, query, false);
            (total, rows.build_query_as().fetch_all(pool).await?)
        }
        Database::Postgres(pool) => {
            let total = count_query::<Postgres>(user, &requester, query)
                .build_query_scalar()
                .fetch_one(pool)
                .await?;
            let find_then_sort = total <= FIND_THEN_SORT_UP_TO;
            let mut rows = rows_query::<Postgres>(user, &requester, query, find_then_sort);
            (total, rows.build_query_as().fetch_all(pool).await?)
        }
    };
    let orders = rows
        .into_iter()
        .map(
            |(order_number, created_at, status, account_number, company)| HistoryRow {
                order_number,
                created_at,
                status,
                account_number,
                company,
            },
        )
        .collect();
    Ok(HistoryPage { total, orders })
}

/// The row of a history page as read.
type PageRow = (String, DateTime<Utc>, OrderStatus, String, String);

/// How many orders `query` shows.
pub(super) fn count_query<'a, DB>(
    user: &SignedIn,
    requester: &'a Requester,
    query: &'a HistoryQuery,
) -> QueryBuilder<'a, DB>
where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
{
    let mut count = QueryBuilder::<DB>::new("SELECT COUNT(*)");
    visible_to(&mut count, user, requester, query);
    count
}

/// The page of orders `query` asks for. `find_then_sort` selects the visible orders in a
/// subquery the planner may not merge into the sort ([`Dialect::KEEP_APART`]), so they are found through
/// the indexes of their conditions and then sorted (see [`FIND_THEN_SORT_UP_TO`]).
pub(super) fn rows_query<'a, DB>(
    user: &SignedIn,
    requester: &'a Requester,
    query: &'a HistoryQuery,
    find_then_sort: bool,
) -> QueryBuilder<'a, DB>
where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
{
    let limit = i64::from(query.limit.unwrap_or(50).clamp(1, 200));
    let offset = i64::from(query.offset.unwrap_or(0));
    const COLUMNS: &str = "o.order_number AS order_number, o.created_at AS created_at, \
         o.status AS status, o.account_number AS account_number, o.company AS company";
    let mut rows = QueryBuilder::<DB>::new(format!("SELECT {COLUMNS}"));
    if find_then_sort {
        rows.push(format!(" FROM (SELECT o.id AS id, {COLUMNS}"));
        visible_to(&mut rows, user, requester, query);
        rows.push(DB::KEEP_APART).push(") o");
    } else {
        visible_to(&mut rows, user, requester, query);
    }
    order_by(&mut rows, query);
    rows.push(" LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    rows
}

/// The numbers the history's filter offers: those of the orders the history shows, and those
/// the user administers, in number order. A number that is only saved is not one of them.
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn account_numbers(
    database: &Database,
    user: &SignedIn,
) -> Result<Vec<HistoryAccountNumber>, ServiceError> {
    let requester = Requester::of(user);
    let everything = HistoryQuery::default();
    let rows: Vec<(String, String)> = match database {
        Database::Sqlite(pool) => {
            numbers_query::<Sqlite>(user, &requester, &everything)
                .build_query_as()
                .fetch_all(pool)
                .await?
        }
        Database::Postgres(pool) => {
            numbers_query::<Postgres>(user, &requester, &everything)
                .build_query_as()
                .fetch_all(pool)
                .await?
        }
    };
    Ok(rows
        .into_iter()
        .map(|(number, name)| HistoryAccountNumber { number, name })
        .collect())
}

fn numbers_query<'a, DB>(
    user: &SignedIn,
    requester: &'a Requester,
    everything: &'a HistoryQuery,
) -> QueryBuilder<'a, DB>
where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
{
    let mut query = QueryBuilder::<DB>::new(
        "SELECT shown.number AS number, COALESCE(saved.name, '') AS name
         FROM (SELECT o.account_number AS number",
    );
    visible_to(&mut query, user, requester, everything);
    query
        .push(" UNION SELECT account_number FROM account_administrators WHERE email_canonical = ")
        .push_bind(requester.canonical.as_str())
        .push(") shown LEFT JOIN account_numbers saved ON saved.user_id = ")
        .push_bind(user.user.id)
        .push(" AND saved.number = shown.number ORDER BY shown.number");
    query
}

#[cfg(test)]
mod tests {
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
        ];
        for sort in sorts {
            let query = HistoryQuery {
                sort,
                status: Some("shipped".to_owned()),
                ..HistoryQuery::default()
            };
            let mut count = QueryBuilder::<Sqlite>::new("EXPLAIN QUERY PLAN SELECT COUNT(*)");
            visible_to(&mut count, &user, &requester, &query);
            let mut rows = QueryBuilder::<Sqlite>::new(
                "EXPLAIN QUERY PLAN SELECT o.order_number, o.created_at, o.status, o.account_number, o.company",
            );
            visible_to(&mut rows, &user, &requester, &query);
            order_by(&mut rows, &query);
            rows.push(" LIMIT 50");
            for plan in [plan(&pool, count).await, plan(&pool, rows).await] {
                let order_lines: Vec<&str> =
                    plan.lines().filter(|line| line.contains(" o ")).collect();
                assert_eq!(
                    order_lines,
                    [
                        "SEARCH o USING COVERING INDEX orders_history_by_user (user_id=?)",
                        "SEARCH o USING COVERING INDEX orders_history_by_account_number (account_number=?)",
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
        type Row = (String, DateTime<Utc>, OrderStatus, String, String);
        for sort in [
            SortColumn::OrderNumber,
            SortColumn::CreatedAt,
            SortColumn::Status,
            SortColumn::AccountNumber,
            SortColumn::Company,
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
                        Database::Sqlite(pool) => rows_query::<sqlx::Sqlite>(
                            &signed_in,
                            &requester,
                            &query,
                            find_then_sort,
                        )
                        .build_query_as()
                        .fetch_all(pool)
                        .await
                        .expect("a page"),
                        Database::Postgres(pool) => rows_query::<sqlx::Postgres>(
                            &signed_in,
                            &requester,
                            &query,
                            find_then_sort,
                        )
                        .build_query_as()
                        .fetch_all(pool)
                        .await
                        .expect("a page"),
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
}
