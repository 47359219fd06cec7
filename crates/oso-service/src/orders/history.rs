//! The order history: the orders the login placed itself and, for every account number it
//! administers under eSecure, every order on that number; sortable by each column, filterable
//! (see `history_filters`), paged. Saving or removing a number changes what may be ordered with,
//! never whose orders are visible. The SQL is built at run time from whitelisted columns, so it
//! uses runtime queries with `FromRow`.

use chrono::{DateTime, Utc};
use oso_core::OrderStatus;
use sqlx::{Encode, Postgres, QueryBuilder, Sqlite, Type};

pub use oso_api::orders::{
    Direction, HistoryAccountNumber, HistoryPage, HistoryQuery, HistoryRow, SortColumn,
};

pub(super) use super::history_filters::{check_filters, visible_to};
use crate::accounts::SignedIn;
use crate::database::{Database, Dialect};
use crate::error::ServiceError;
use crate::esecure::Requester;

/// An order's total packs, over its lines (read through the lines' primary key, per order); a
/// macro so that [`PAGE_COLUMNS`] can hold it too.
macro_rules! packs_of_order {
    () => {
        "(SELECT CAST(COALESCE(SUM(l.packs), 0) AS BIGINT) FROM order_lines l WHERE l.order_id = o.id)"
    };
}
const PACKS_OF_ORDER: &str = packs_of_order!();

/// The SQL a sort column orders by (whitelisted: never text from the request); `packs` is how
/// the query reads an order's total packs.
fn sort_sql<DB: Dialect>(column: SortColumn, packs: &str) -> String {
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
        SortColumn::Packs => packs.to_owned(),
    }
}

pub(super) fn order_by<DB: Dialect>(builder: &mut QueryBuilder<'_, DB>, query: &HistoryQuery) {
    order_by_reading(builder, query, PACKS_OF_ORDER);
}

/// [`order_by`] where the query has read each order's packs as `packs` already.
fn order_by_reading<DB: Dialect>(
    builder: &mut QueryBuilder<'_, DB>,
    query: &HistoryQuery,
    packs: &str,
) {
    let direction = match query.direction {
        Direction::Asc => "ASC",
        Direction::Desc => "DESC",
    };
    // The id breaks ties, so paging is stable whatever the sort.
    builder.push(format!(
        " ORDER BY {} {direction}, o.id {direction}",
        sort_sql::<DB>(query.sort, packs)
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
            |(order_number, created_at, status, account_number, company, packs)| HistoryRow {
                order_number,
                created_at,
                status,
                account_number,
                company,
                packs: u32::try_from(packs).unwrap_or(u32::MAX),
            },
        )
        .collect();
    Ok(HistoryPage { total, orders })
}

/// The row of a history page as read.
pub(super) type PageRow = (String, DateTime<Utc>, OrderStatus, String, String, i64);

/// The columns of a history row, as [`PageRow`] reads them.
pub(super) const PAGE_COLUMNS: &str = concat!(
    "o.order_number AS order_number, o.created_at AS created_at, o.status AS status, ",
    "o.account_number AS account_number, o.company AS company, ",
    packs_of_order!(),
    " AS packs"
);

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
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
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
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
    let limit = i64::from(query.limit.unwrap_or(50).clamp(1, 200));
    let offset = i64::from(query.offset.unwrap_or(0));
    let mut rows = QueryBuilder::<DB>::new("SELECT ");
    if find_then_sort {
        // Each order's packs read once, inside, and sorted on outside.
        rows.push(format!(
            "o.order_number, o.created_at, o.status, o.account_number, o.company, o.packs \
             FROM (SELECT o.id AS id, {PAGE_COLUMNS}"
        ));
        visible_to(&mut rows, user, requester, query);
        rows.push(DB::KEEP_APART).push(") o");
        order_by_reading(&mut rows, query, "o.packs");
    } else {
        rows.push(PAGE_COLUMNS);
        visible_to(&mut rows, user, requester, query);
        order_by(&mut rows, query);
    }
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
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
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
#[path = "history_tests.rs"]
mod tests;
