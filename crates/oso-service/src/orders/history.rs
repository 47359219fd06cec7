//! The order history: the orders the login placed itself and, for every account number it
//! administers under eSecure, every order on that number; sortable by each column, filterable
//! (see `history_filters`), paged. Saving or removing a number changes what may be ordered with,
//! never whose orders are visible. The SQL is built at run time from whitelisted columns, so it
//! uses runtime queries with `FromRow`.

use chrono::{DateTime, Utc};
use sqlx::{Encode, Postgres, QueryBuilder, Sqlite, Type};

pub use oso_api::orders::{
    Direction, HistoryAccountNumber, HistoryCount, HistoryPage, HistoryQuery, HistoryRow,
    SortColumn,
};

pub(super) use super::history_filters::{check_filters, visible_to};
pub(super) use super::history_keyset::push_order_by as order_by;
use super::history_keyset::{self as keyset, CountedPageRow, Cursor, PageRow, COUNTED_UP_TO};
use crate::accounts::SignedIn;
use crate::database::{Database, Dialect};
use crate::error::ServiceError;
use crate::esecure::Requester;

/// All a history page depends on of its login: who it is, its address (eSecure's rules of
/// which numbers it may use) and the numbers it administers, as a session shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    pub(crate) user_id: i64,
    pub(crate) email: String,
    pub(crate) administered: Vec<String>,
}

impl Viewer {
    pub fn of(user: &SignedIn) -> Self {
        Self {
            user_id: user.user.id,
            email: user.user.email.clone(),
            administered: user.administered.clone(),
        }
    }
}

/// One page of the history `viewer` reads: the first when the query has no cursor (`after`),
/// with the count unless the query declines it; else the page after the cursor. See
/// `history_keyset` for how a page is read, and `history_beside_session` for how the API gets
/// its viewer.
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn page(
    database: &Database,
    viewer: &Viewer,
    query: &HistoryQuery,
) -> Result<HistoryPage, ServiceError> {
    check_filters(query)?;
    let cursor = query
        .after
        .as_deref()
        .map(|text| Cursor::parse(text, query.sort))
        .transpose()
        .map_err(|_| ServiceError::field("after", "invalid_cursor"))?;
    let requester = Requester::from_address(&viewer.email);
    // Read with the session (see `SignedIn::administered`): no statement of its own.
    let sources = keyset::sources(viewer.user_id, viewer.administered.clone(), query);
    let limit = i64::from(query.limit.unwrap_or(50).clamp(1, 200));
    // One row more than the page, to know whether a next page exists. On SQLite the first page
    // brings the count in its rows (`first_page_query`): one trip through a connection's
    // worker thread fewer. Later pages have no count.
    let take = limit + 1;
    // A first page is counted unless its caller has the count already (`count=false`).
    let (mut rows, counted): (Vec<PageRow>, Option<i64>) = match (database, query.is_counted()) {
        (Database::Sqlite(pool), true) => {
            let rows = keyset::first_page_query::<Sqlite>(&sources, &requester, query, take)
                .build_query_as()
                .fetch_all(pool)
                .await?;
            with_count(rows)
        }
        (Database::Sqlite(pool), false) => {
            let rows =
                keyset::page_query::<Sqlite>(&sources, &requester, query, cursor.as_ref(), take)
                    .build_query_as()
                    .fetch_all(pool)
                    .await?;
            (rows, None)
        }
        // PostgreSQL counts beside the page, on a second connection: its server runs the two
        // at once, where one statement would run them one after the other (measured: the
        // first pages at 10,000 orders took as long, or up to 1.4 ms longer, as one statement).
        (Database::Postgres(pool), true) => {
            let mut page = keyset::page_query::<Postgres>(&sources, &requester, query, None, take);
            let mut count = keyset::count_query::<Postgres>(&sources, &requester, query);
            let (rows, counted) = tokio::try_join!(
                page.build_query_as().fetch_all(pool),
                count.build_query_scalar().fetch_one(pool)
            )?;
            (rows, Some(counted))
        }
        (Database::Postgres(pool), false) => {
            let rows =
                keyset::page_query::<Postgres>(&sources, &requester, query, cursor.as_ref(), take)
                    .build_query_as()
                    .fetch_all(pool)
                    .await?;
            (rows, None)
        }
    };
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = more
        .then(|| {
            rows.last()
                .map(|row| Cursor::after(row, query.sort).to_string())
        })
        .flatten();
    let count = counted.map(|counted| HistoryCount {
        counted: counted.min(COUNTED_UP_TO),
        more: counted > COUNTED_UP_TO,
    });
    let orders = rows
        .into_iter()
        .map(
            |(_, order_number, created_at, status, account_number, company, packs)| HistoryRow {
                order_number,
                created_at,
                status,
                account_number,
                company,
                packs: u32::try_from(packs).unwrap_or(u32::MAX),
            },
        )
        .collect();
    Ok(HistoryPage {
        count,
        orders,
        next,
    })
}

/// A first page's rows and their count; none is a history without orders.
fn with_count(rows: Vec<CountedPageRow>) -> (Vec<PageRow>, Option<i64>) {
    let counted = rows.first().map_or(0, |row| row.7);
    let rows = rows
        .into_iter()
        .map(|row| keyset::without_count(row).0)
        .collect();
    (rows, Some(counted))
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
