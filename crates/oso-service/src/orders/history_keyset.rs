//! Keyset paging of the order history. A page is read from a cursor (the sort key and the id of
//! the row before it) along an index, never by skipping rows with `OFFSET`, so the 400th page
//! costs what the first does, and an order placed while someone pages neither repeats a row nor
//! hides one.
//!
//! The orders a login sees come from a few sources: its own orders, and every order on each
//! account number it administers. Each source is read along its own index (`orders_of_user_by_*`,
//! `orders_on_number_by_*`) up to one page past the cursor; the page is the first rows of their
//! union. One `OR` over both sources would make the database find every visible order and sort
//! them all, which at 100,000 orders on a busy number is the whole cost of a page.

use chrono::{DateTime, SecondsFormat, Utc};
use oso_api::orders::{Direction, HistoryQuery, SortColumn};
use oso_core::OrderStatus;
use sqlx::{Encode, QueryBuilder, Type};

use super::history_filters::push_filters;
use crate::database::Dialect;
use crate::esecure::{push_may_use, Requester};

/// A count of the first page stops here: "more than 1,000 orders" tells a reader as much as the
/// exact number, which would cost a read of every visible order.
pub const COUNTED_UP_TO: i64 = 1_000;

/// A place in the history as sorted by one column: the sort key of a row and its id, which
/// breaks ties. Written as `<id>.<key>` for the API, where it is opaque.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    id: i64,
    key: SortKey,
}

/// A row's value of the sort column (for the order number, the id is the key).
#[derive(Debug, Clone, PartialEq)]
enum SortKey {
    Id,
    Number(i64),
    Instant(DateTime<Utc>),
    Text(String),
}

/// A cursor that is not one the history gave for this sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a cursor of this history's sort")]
pub struct InvalidCursor;

/// No sort key is longer: the longest is a company name.
const MAX_KEY_CHARS: usize = 512;

impl Cursor {
    /// Reads `text` as a cursor of the history sorted by `sort`.
    pub fn parse(text: &str, sort: SortColumn) -> Result<Self, InvalidCursor> {
        let (id, key) = text.split_once('.').ok_or(InvalidCursor)?;
        let id = id.parse::<i64>().map_err(|_| InvalidCursor)?;
        if key.chars().count() > MAX_KEY_CHARS {
            return Err(InvalidCursor);
        }
        let key = match sort {
            SortColumn::OrderNumber if key.is_empty() => SortKey::Id,
            SortColumn::OrderNumber => return Err(InvalidCursor),
            SortColumn::CreatedAt => DateTime::parse_from_rfc3339(key)
                .map(|instant| SortKey::Instant(instant.with_timezone(&Utc)))
                .map_err(|_| InvalidCursor)?,
            SortColumn::Status | SortColumn::Packs => {
                SortKey::Number(key.parse().map_err(|_| InvalidCursor)?)
            }
            SortColumn::AccountNumber | SortColumn::Company => SortKey::Text(key.to_owned()),
        };
        Ok(Cursor { id, key })
    }

    /// The cursor after a row of the history sorted by `sort`.
    pub fn after(row: &PageRow, sort: SortColumn) -> Self {
        let (id, _, created_at, status, account_number, company, packs) = row;
        let key = match sort {
            SortColumn::OrderNumber => SortKey::Id,
            SortColumn::CreatedAt => SortKey::Instant(*created_at),
            SortColumn::Status => SortKey::Number(lifecycle_rank(*status)),
            SortColumn::AccountNumber => SortKey::Text(account_number.clone()),
            SortColumn::Company => SortKey::Text(company.clone()),
            SortColumn::Packs => SortKey::Number(*packs),
        };
        Cursor { id: *id, key }
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.", self.id)?;
        match &self.key {
            SortKey::Id => Ok(()),
            SortKey::Number(number) => write!(f, "{number}"),
            SortKey::Instant(instant) => {
                f.write_str(&instant.to_rfc3339_opts(SecondsFormat::AutoSi, true))
            }
            SortKey::Text(text) => f.write_str(text),
        }
    }
}

/// Where a status stands in an order's life; the database's `orders.status_rank` (a generated
/// column) is the same, which `status_rank_in_the_database_is_the_lifecycle_rank` checks.
pub fn lifecycle_rank(status: OrderStatus) -> i64 {
    match status {
        OrderStatus::Received => 0,
        OrderStatus::InProgress => 1,
        OrderStatus::Shipped => 2,
        OrderStatus::Completed => 3,
        OrderStatus::Cancelled => 4,
    }
}

/// A row of a history page as read: id, order number, placed at, status, account number,
/// company, packs.
pub type PageRow = (i64, String, DateTime<Utc>, OrderStatus, String, String, i64);

/// The columns of [`PageRow`].
pub const PAGE_COLUMNS: &str = "o.id AS id, o.order_number AS order_number, \
     o.created_at AS created_at, o.status AS status, o.account_number AS account_number, \
     o.company AS company, o.packs AS packs";

/// The SQL a sort column orders by (whitelisted: never text from the request). Each is the
/// second column of an index of both sources, which `o.id` completes.
pub fn sort_key_sql<DB: Dialect>(column: SortColumn) -> String {
    match column {
        SortColumn::OrderNumber => "o.id".to_owned(),
        SortColumn::CreatedAt => "o.created_at".to_owned(),
        // In the order's lifecycle (received, in progress, shipped, completed; cancelled last),
        // not by the internal code, whose alphabet means nothing to a reader.
        SortColumn::Status => "o.status_rank".to_owned(),
        SortColumn::AccountNumber => "o.account_number".to_owned(),
        SortColumn::Company => DB::without_case("o.company"),
        SortColumn::Packs => "o.packs".to_owned(),
    }
}

/// ` ORDER BY <key> <direction>, o.id <direction>`: the id breaks ties, so paging is stable.
pub fn push_order_by<DB: Dialect>(builder: &mut QueryBuilder<'_, DB>, query: &HistoryQuery) {
    let direction = match query.direction {
        Direction::Asc => "ASC",
        Direction::Desc => "DESC",
    };
    builder.push(format!(
        " ORDER BY {} {direction}, o.id {direction}",
        sort_key_sql::<DB>(query.sort)
    ));
}

/// Where a login's visible orders come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The orders the login placed itself.
    Own(i64),
    /// Every order on an account number the login administers.
    Administered(String),
}

/// The sources of `user_id`'s history: their own orders and each number they administer (only
/// the one the query filters on, when it does).
pub fn sources(user_id: i64, administered: Vec<String>, query: &HistoryQuery) -> Vec<Source> {
    let only = query
        .account_number
        .as_deref()
        .filter(|number| !number.is_empty());
    std::iter::once(Source::Own(user_id))
        .chain(
            administered
                .into_iter()
                .filter(|number| only.is_none_or(|only| only == number))
                .map(Source::Administered),
        )
        .collect()
}

/// A row of a first page: a [`PageRow`] and how many orders the query shows (see
/// [`first_page_query`]).
pub type CountedPageRow = (
    i64,
    String,
    DateTime<Utc>,
    OrderStatus,
    String,
    String,
    i64,
    i64,
);

/// The [`PageRow`] of a first page's row, and the count it carries.
pub fn without_count(row: CountedPageRow) -> (PageRow, i64) {
    let (id, order_number, created_at, status, account_number, company, packs, counted) = row;
    (
        (
            id,
            order_number,
            created_at,
            status,
            account_number,
            company,
            packs,
        ),
        counted,
    )
}

/// The page: up to `take` visible orders after `cursor`, in the query's order.
pub fn page_query<'a, DB>(
    sources: &'a [Source],
    requester: &'a Requester,
    query: &'a HistoryQuery,
    cursor: Option<&'a Cursor>,
    take: i64,
) -> QueryBuilder<'a, DB>
where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
    let mut page = QueryBuilder::<DB>::new(format!("SELECT {PAGE_COLUMNS}"));
    push_page(&mut page, sources, requester, query, cursor, take);
    page
}

/// The first page, each row with the count of [`count_query`] as its last column: one
/// statement instead of two, so one trip through a connection's thread fewer (SQLite; see
/// `history::page`). The count is a subquery that does not depend on the row, which
/// both engines compute once. A first page without rows is a history without orders: no row
/// is then a count of 0.
pub fn first_page_query<'a, DB>(
    sources: &'a [Source],
    requester: &'a Requester,
    query: &'a HistoryQuery,
    take: i64,
) -> QueryBuilder<'a, DB>
where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
    let mut page = QueryBuilder::<DB>::new(format!("SELECT {PAGE_COLUMNS}, ("));
    push_count(&mut page, sources, requester, query);
    page.push(") AS counted");
    push_page(&mut page, sources, requester, query, None, take);
    page
}

/// ` FROM orders o WHERE o.id IN (<each read of each source>) ORDER BY … LIMIT take`.
fn push_page<'a, DB>(
    page: &mut QueryBuilder<'a, DB>,
    sources: &'a [Source],
    requester: &'a Requester,
    query: &'a HistoryQuery,
    cursor: Option<&'a Cursor>,
    take: i64,
) where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
    // Rows by primary key; on PostgreSQL from an array computed once (`Dialect::one_of`), as
    // with `IN (…)` it scanned every order at 10,000 orders (see docs/benchmarks).
    page.push(format!(" FROM orders o WHERE {}", DB::one_of("o.id")));
    let reads = sources.iter().flat_map(|source| {
        reads_after(source, query, cursor)
            .into_iter()
            .map(move |read| (source, read))
    });
    let mut first = true;
    for (index, (source, read)) in reads.enumerate() {
        if !std::mem::take(&mut first) {
            page.push(" UNION ALL ");
        }
        page.push("SELECT id FROM (");
        push_source(page, source, requester, query);
        push_read(page, read, query);
        push_order_by(page, query);
        page.push(" LIMIT ")
            .push_bind(take)
            .push(format!(") s{index}"));
    }
    if first {
        // Nothing to read: no source has rows after the cursor.
        page.push("SELECT CAST(NULL AS BIGINT)");
    }
    page.push(DB::ONE_OF_END);
    push_order_by(page, query);
    page.push(" LIMIT ").push_bind(take);
}

/// How many orders the query shows, as its own statement: PostgreSQL runs it beside the page,
/// on a second connection (see `history::page`).
pub fn count_query<'a, DB>(
    sources: &'a [Source],
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
    let mut count = QueryBuilder::<DB>::new("SELECT ");
    push_count(&mut count, sources, requester, query);
    count
}

/// How many orders the query shows, up to one more than [`COUNTED_UP_TO`] in each source, as
/// an expression.
fn push_count<'a, DB>(
    count: &mut QueryBuilder<'a, DB>,
    sources: &'a [Source],
    requester: &'a Requester,
    query: &'a HistoryQuery,
) where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
    // The sources counted apart and added up, each read along an index up to the limit and one
    // more. The login's own orders on a number it administers are that number's, so no order
    // counts twice. Past the limit in one source is past it in all; below it in each, the sum
    // is exact.
    let administered: Vec<&str> = sources
        .iter()
        .filter_map(|source| match source {
            Source::Administered(number) => Some(number.as_str()),
            Source::Own(_) => None,
        })
        .collect();
    for (index, source) in sources.iter().enumerate() {
        if index > 0 {
            count.push(" + ");
        }
        count.push("(SELECT COUNT(*) FROM (");
        push_source(count, source, requester, query);
        if matches!(source, Source::Own(_)) && !administered.is_empty() {
            count.push(" AND o.account_number NOT IN (");
            let mut numbers = count.separated(", ");
            for number in &administered {
                numbers.push_bind(*number);
            }
            count.push(")");
        }
        count
            .push(" LIMIT ")
            .push_bind(COUNTED_UP_TO + 1)
            .push(format!(") c{index})"));
    }
}

/// `SELECT o.id AS id FROM orders o WHERE <source> [AND <may use>] <filters>`.
fn push_source<'a, DB>(
    builder: &mut QueryBuilder<'a, DB>,
    source: &'a Source,
    requester: &'a Requester,
    query: &'a HistoryQuery,
) where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
    builder.push("SELECT o.id AS id FROM orders o WHERE ");
    match source {
        Source::Own(user_id) => {
            // The login's own orders show only on numbers eSecure lets it use now.
            builder
                .push("o.user_id = ")
                .push_bind(*user_id)
                .push(" AND ");
            push_may_use(builder, "o.account_number", requester);
        }
        // An administrator may always use the number they administer (`push_may_use` forbids
        // only protected numbers of which they are not).
        Source::Administered(number) => {
            builder
                .push("o.account_number = ")
                .push_bind(number.as_str());
        }
    }
    push_filters(builder, query);
}

/// Which rows of a source a page reads.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Read<'a> {
    /// From the top of its index: the first page.
    All,
    /// Those with the cursor's key and an id after the cursor's.
    SameKeyAfter(&'a SortKey, i64),
    /// Those with a key after the cursor's.
    KeyAfter(&'a SortKey),
    /// Those with an id after the cursor's (sorted by order number, or a source of one key).
    IdAfter(i64),
}

/// The reads of `source` that hold its rows after `cursor`: each is one range of the source's
/// index, read in order. (One condition, `(<key>, o.id) < (…)`, says the same, but SQLite reads
/// it as a range of the key alone, and then passes over every row of the cursor's key before
/// it: thousands, when the key is a status or a number of packs.)
fn reads_after<'a>(
    source: &Source,
    query: &HistoryQuery,
    cursor: Option<&'a Cursor>,
) -> Vec<Read<'a>> {
    match (cursor, source) {
        (None, _) => vec![Read::All],
        (
            Some(Cursor {
                key: SortKey::Id,
                id,
            }),
            _,
        ) => vec![Read::IdAfter(*id)],
        (
            Some(Cursor {
                key: SortKey::Text(key),
                id,
            }),
            Source::Administered(number),
        ) if query.sort == SortColumn::AccountNumber => {
            // The whole source has one key, its number: before the cursor's, at it or after.
            let position = match query.direction {
                Direction::Asc => key.as_str().cmp(number.as_str()),
                Direction::Desc => number.as_str().cmp(key.as_str()),
            };
            match position {
                std::cmp::Ordering::Less => vec![Read::All],
                std::cmp::Ordering::Equal => vec![Read::IdAfter(*id)],
                std::cmp::Ordering::Greater => vec![],
            }
        }
        (Some(Cursor { key, id }), _) => vec![Read::SameKeyAfter(key, *id), Read::KeyAfter(key)],
    }
}

/// The condition of `read`, as ` AND …`.
fn push_read<'a, DB>(builder: &mut QueryBuilder<'a, DB>, read: Read<'a>, query: &HistoryQuery)
where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
    let after = match query.direction {
        Direction::Asc => ">",
        Direction::Desc => "<",
    };
    let key = sort_key_sql::<DB>(query.sort);
    match read {
        Read::All => {}
        Read::IdAfter(id) => {
            builder.push(format!(" AND o.id {after} ")).push_bind(id);
        }
        Read::SameKeyAfter(value, id) => {
            builder.push(format!(" AND {key} = "));
            push_key(builder, query.sort, value);
            builder.push(format!(" AND o.id {after} ")).push_bind(id);
        }
        Read::KeyAfter(value) => {
            builder.push(format!(" AND {key} {after} "));
            push_key(builder, query.sort, value);
        }
    }
}

/// The cursor's key as a bound value, compared as the sort column is.
fn push_key<'a, DB>(builder: &mut QueryBuilder<'a, DB>, sort: SortColumn, key: &'a SortKey)
where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
    match key {
        // The id is the key of the order number's sort, compared by `Read::IdAfter`.
        SortKey::Id => builder.push("NULL"),
        SortKey::Number(number) => builder.push_bind(*number),
        SortKey::Instant(instant) => builder.push_bind(*instant),
        SortKey::Text(text) if sort == SortColumn::Company => {
            let (before, after) = DB::WITHOUT_CASE_AROUND;
            builder.push(before).push_bind(text.as_str()).push(after)
        }
        SortKey::Text(text) => builder.push_bind(text.as_str()),
    };
}

#[cfg(test)]
#[path = "history_keyset_tests.rs"]
mod tests;
