//! Which orders a history query selects: those the login may see (see [`visible_to`]), narrowed
//! by the filters of the history page (status, account number, a search by order or tracking
//! number, the days they were placed). The history's page, its count, its filter's numbers and
//! the export all select through here, so they always agree.

use chrono::{DateTime, Utc};
use oso_api::orders::HistoryQuery;
use oso_core::history_filter::check_instant_range;
use oso_core::OrderSearch;
use sqlx::{Encode, QueryBuilder, Type};

use crate::accounts::SignedIn;
use crate::database::Dialect;
use crate::error::ServiceError;
use crate::esecure::{push_may_use, Requester};

/// Refuses a status filter that names no status, a search longer than any number, and a date
/// range that ends before it starts.
pub(super) fn check_filters(query: &HistoryQuery) -> Result<(), ServiceError> {
    if let Some(status) = query.status.as_deref().filter(|status| !status.is_empty()) {
        status
            .parse::<oso_core::OrderStatus>()
            .map_err(|error| ServiceError::field("status", error.field_code()))?;
    }
    if let Some(search) = query.search.as_deref() {
        OrderSearch::parse(search)
            .map_err(|error| ServiceError::field("search", error.field_code()))?;
    }
    check_instant_range(query.created_from, query.created_before)?;
    Ok(())
}

/// The orders `user` sees: placed by them, or placed by anyone with a number they administer;
/// in either case with a number eSecure lets them use now. The saved numbers play no part: any
/// login may save any unprotected number, so they say nothing about whose orders are whose.
/// Then the query's filters (checked by [`check_filters`] first).
pub(super) fn visible_to<'a, DB>(
    builder: &mut QueryBuilder<'a, DB>,
    user: &SignedIn,
    requester: &'a Requester,
    query: &'a HistoryQuery,
) where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
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
    push_filters(builder, query);
}

/// The query's own filters, each as ` AND …`, on the orders `o`.
pub(super) fn push_filters<'a, DB>(builder: &mut QueryBuilder<'a, DB>, query: &'a HistoryQuery)
where
    DB: Dialect,
    &'a str: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
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
    if let Some(search) = query
        .search
        .as_deref()
        .and_then(|search| OrderSearch::parse(search).ok().flatten())
    {
        // Upper case on both sides: SQLite's LIKE ignores case, PostgreSQL's does not. A carrier
        // may give a tracking number in groups; the search has no spaces, so neither may it.
        let pattern = search.like_pattern();
        builder
            .push(" AND (UPPER(o.order_number) LIKE ")
            .push_bind(pattern.clone())
            .push(" ESCAPE '\\' OR REPLACE(UPPER(o.tracking_number), ' ', '') LIKE ")
            .push_bind(pattern)
            .push(" ESCAPE '\\')");
    }
    if let Some(from) = query.created_from {
        builder.push(" AND o.created_at >= ").push_bind(from);
    }
    if let Some(before) = query.created_before {
        builder.push(" AND o.created_at < ").push_bind(before);
    }
}
