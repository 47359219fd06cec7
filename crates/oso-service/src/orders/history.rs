//! The order history: the orders the login placed itself and, for every account number it
//! administers under eSecure, every order on that number; sortable by each column, filterable,
//! paged. Saving or removing a number changes what may be ordered with, never whose orders are
//! visible. The SQL is built at run time from whitelisted columns, so it uses runtime queries
//! with `FromRow`.

use chrono::{DateTime, Utc};
use oso_core::OrderStatus;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

pub use oso_api::orders::{
    Direction, HistoryAccountNumber, HistoryPage, HistoryQuery, HistoryRow, SortColumn,
};

use crate::accounts::SignedIn;
use crate::error::ServiceError;
use crate::esecure::{push_may_use, Requester};

/// The SQL a sort column orders by (whitelisted: never text from the request).
fn sort_sql(column: SortColumn) -> &'static str {
    match column {
        SortColumn::OrderNumber => "o.id",
        SortColumn::CreatedAt => "o.created_at",
        SortColumn::Status => "o.status",
        SortColumn::AccountNumber => "o.account_number",
        SortColumn::Company => "o.company COLLATE NOCASE",
    }
}

/// The orders `user` sees: placed by them, or placed by anyone with a number they administer;
/// in either case with a number eSecure lets them use now. The saved numbers play no part: any
/// login may save any unprotected number, so they say nothing about whose orders are whose.
pub(super) fn visible_to<'a>(
    builder: &mut QueryBuilder<'a, Sqlite>,
    user: &SignedIn,
    requester: &'a Requester,
    query: &'a HistoryQuery,
) {
    builder
        .push(" FROM orders o WHERE (o.user_id = ")
        .push_bind(user.user.id)
        .push(
            " OR o.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ",
        )
        .push_bind(&requester.canonical)
        .push(")) AND ");
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

pub(super) fn order_by(builder: &mut QueryBuilder<'_, Sqlite>, query: &HistoryQuery) {
    let direction = match query.direction {
        Direction::Asc => "ASC",
        Direction::Desc => "DESC",
    };
    // The id breaks ties, so paging is stable whatever the sort.
    builder.push(format!(
        " ORDER BY {} {direction}, o.id {direction}",
        sort_sql(query.sort)
    ));
}

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn page(
    pool: &SqlitePool,
    user: &SignedIn,
    query: &HistoryQuery,
) -> Result<HistoryPage, ServiceError> {
    check_filters(query)?;
    let requester = Requester::of(user);
    let limit = i64::from(query.limit.unwrap_or(50).clamp(1, 200));
    let offset = i64::from(query.offset.unwrap_or(0));

    let mut count = QueryBuilder::<Sqlite>::new("SELECT COUNT(*)");
    visible_to(&mut count, user, &requester, query);
    let total: i64 = count.build_query_scalar().fetch_one(pool).await?;

    let mut rows = QueryBuilder::<Sqlite>::new(
        "SELECT o.order_number AS order_number, o.created_at AS created_at, o.status AS status,
                o.account_number AS account_number, o.company AS company",
    );
    visible_to(&mut rows, user, &requester, query);
    order_by(&mut rows, query);
    rows.push(" LIMIT ")
        .push_bind(limit)
        .push(" OFFSET ")
        .push_bind(offset);
    let orders = rows
        .build_query_as::<(String, DateTime<Utc>, OrderStatus, String, String)>()
        .fetch_all(pool)
        .await?
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

/// The numbers the history's filter offers: those of the orders the history shows, and those
/// the user administers, in number order. A number that is only saved is not one of them.
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn account_numbers(
    pool: &SqlitePool,
    user: &SignedIn,
) -> Result<Vec<HistoryAccountNumber>, ServiceError> {
    let requester = Requester::of(user);
    let everything = HistoryQuery::default();
    let mut query = QueryBuilder::<Sqlite>::new(
        "SELECT shown.number AS number, COALESCE(saved.name, '') AS name
         FROM (SELECT o.account_number AS number",
    );
    visible_to(&mut query, user, &requester, &everything);
    query
        .push(" UNION SELECT account_number FROM account_administrators WHERE email_canonical = ")
        .push_bind(&requester.canonical)
        .push(") shown LEFT JOIN account_numbers saved ON saved.user_id = ")
        .push_bind(user.user.id)
        .push(" AND saved.number = shown.number ORDER BY shown.number");
    Ok(query
        .build_query_as::<(String, String)>()
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|(number, name)| HistoryAccountNumber { number, name })
        .collect())
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::accounts::UserRow;

    fn signed_in() -> SignedIn {
        SignedIn {
            session_id: 1,
            user: UserRow {
                id: 1,
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

    async fn plan(pool: &SqlitePool, mut query: QueryBuilder<'_, Sqlite>) -> String {
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
}
