//! Order history: the list, an order's details, cancelling, and its Track & Trace link. The last
//! answers are kept locally for offline viewing, under the same 30-day rule.

use oso_api::orders::{
    Direction, HistoryAccountNumber, HistoryCount, HistoryPage, HistoryQuery, OrderDetails,
    SortColumn,
};
use oso_core::history_filter::InstantRange;
use oso_core::order_lifecycle::is_expired;
use oso_core::{AddressInput, FieldErrors, Language, OrderDateRange, OrderSearch, OrderStatus};
use oso_desktop::client::ApiPath;
use serde::Serialize;
use tauri::State;

use super::catalogue::pick;
use super::l10n::display_language;
use super::profile::{signed_in_as, token};
use crate::error::CommandError;
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct HistoryRowView {
    pub order_number: String,
    pub created_at: String,
    pub status: OrderStatus,
    pub account_number: String,
    pub company: String,
    pub packs: u32,
}

#[derive(Debug, Serialize)]
pub struct HistoryView {
    /// How many orders match: on the first page only, and only up to the service's limit.
    pub count: Option<HistoryCount>,
    pub orders: Vec<HistoryRowView>,
    /// The cursor of the next page (to give as `after`); absent on the last.
    pub next: Option<String>,
    pub retention_days: i64,
    /// The copy kept on this computer, shown because the service is away.
    pub offline: bool,
}

#[derive(Debug, Serialize)]
pub struct LineView {
    pub sku: String,
    pub packs: u32,
    pub name: Option<String>,
    pub sold: bool,
}

#[derive(Debug, Serialize)]
pub struct TimelineEntry {
    pub status: OrderStatus,
    pub changed_at: String,
}

#[derive(Debug, Serialize)]
pub struct DetailsView {
    pub order_number: String,
    pub created_at: String,
    pub status: OrderStatus,
    pub account_number: String,
    pub address: AddressInput,
    pub ordered_by: Option<String>,
    pub lines: Vec<LineView>,
    pub timeline: Vec<TimelineEntry>,
    pub tracking_number: Option<String>,
    pub track_and_trace_url: Option<String>,
    pub can_cancel: bool,
}

fn history_view(page: HistoryPage, offline: bool) -> HistoryView {
    let now = chrono::Utc::now();
    // A copy kept offline follows the service's deletion rule too.
    let shown = page.orders.len();
    let orders: Vec<_> = page
        .orders
        .into_iter()
        .filter(|row| !offline || !is_expired(row.created_at, now))
        .map(|row| HistoryRowView {
            order_number: row.order_number,
            created_at: row.created_at.to_rfc3339(),
            status: row.status,
            account_number: row.account_number,
            company: row.company,
            packs: row.packs,
        })
        .collect();
    let expired = i64::try_from(shown - orders.len()).unwrap_or(0);
    HistoryView {
        count: page.count.map(|count| HistoryCount {
            counted: count.counted - expired,
            ..count
        }),
        orders,
        next: page.next,
        retention_days: oso_core::order_lifecycle::ORDER_RETENTION.num_days(),
        offline,
    }
}

/// The search and the days of the history's filters, checked here too so that bad input is
/// refused at its field offline as well: the days (`2026-11-21`, as a date field gives them)
/// become the instants they cover on this computer's clock, which the service filters on.
pub(super) fn search_and_days(
    search: Option<String>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(Option<String>, InstantRange), CommandError> {
    let mut errors = FieldErrors::new();
    let search = errors
        .check(
            "search",
            OrderSearch::parse(search.as_deref().unwrap_or("")),
            |error| error.field_code(),
        )
        .flatten()
        .map(|search| search.as_str().to_owned());
    let days = OrderDateRange::parse(from, to).unwrap_or_else(|refused| {
        errors.extend(refused);
        OrderDateRange::default()
    });
    errors.into_result()?;
    Ok((search, days.instants(&chrono::Local)))
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
#[allow(clippy::too_many_arguments)]
pub async fn history_list(
    state: State<'_, AppState>,
    sort: Option<SortColumn>,
    direction: Option<Direction>,
    status: Option<String>,
    account_number: Option<String>,
    search: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<u32>,
    after: Option<String>,
    count: Option<bool>,
) -> Result<HistoryView, CommandError> {
    let (search, days) = search_and_days(search, from.as_deref(), to.as_deref())?;
    let me = signed_in_as(&state).await?;
    let query = HistoryQuery {
        sort: sort.unwrap_or_default(),
        direction: direction.unwrap_or_default(),
        status,
        account_number,
        search,
        created_from: days.from,
        created_before: days.before,
        limit: Some(limit.unwrap_or(25)),
        after,
        count,
    };
    let key = kept_copy_key(&query)?;
    // Kept under the login, like every offline copy: another login never reads these pages.
    let fetched = oso_desktop::offline::online_else_kept(
        &state.local,
        &me.user,
        &key,
        state.client.history(&me.token, &query),
    )
    .await?;
    let offline = fetched.is_kept();
    Ok(history_view(fetched.into_inner(), offline))
}

/// Where a page is kept for offline viewing: the request's own path, so one copy per page, sort
/// and filter. Whether the count was asked for is left out: the rows are the same, and the
/// history sorted again offline must find the copy kept when it was counted, and the other way
/// round.
fn kept_copy_key(query: &HistoryQuery) -> Result<String, CommandError> {
    let rows_only = HistoryQuery {
        count: None,
        ..query.clone()
    };
    Ok(ApiPath::from("orders")
        .with_query(&rows_only)?
        .as_str()
        .to_owned())
}

/// The numbers the history's filter offers (those of the orders it shows, and the numbers this
/// login administers), with the login's own names for them; the kept copy when offline.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn history_account_numbers(
    state: State<'_, AppState>,
) -> Result<Vec<HistoryAccountNumber>, CommandError> {
    let me = signed_in_as(&state).await?;
    super::address_book::cached(
        &state,
        &me,
        "history_account_numbers",
        state.client.history_account_numbers(&me.token),
    )
    .await
}

async fn details_view(state: &AppState, details: OrderDetails) -> DetailsView {
    let language = display_language(state).await.unwrap_or(Language::FALLBACK);
    let catalogue = state.catalogue.get(&state.client, &state.local).await.ok();
    let order = details.order;
    let lines = order
        .lines
        .iter()
        .map(|line| {
            let item = catalogue.as_ref().and_then(|catalogue| {
                catalogue
                    .catalogue
                    .items
                    .iter()
                    .find(|item| item.sku == line.sku)
            });
            LineView {
                sku: line.sku.clone(),
                packs: line.packs,
                name: item
                    .map(|item| &item.name)
                    .or_else(|| details.line_names.get(&line.sku))
                    .map(|name| pick(name, language)),
                sold: item.is_some(),
            }
        })
        .collect();
    DetailsView {
        can_cancel: order.status.customer_may_cancel(),
        order_number: order.order_number,
        created_at: order.created_at.to_rfc3339(),
        status: order.status,
        account_number: order.account_number,
        address: order.address,
        ordered_by: Some(details.ordered_by).filter(|name| !name.is_empty()),
        lines,
        timeline: details
            .timeline
            .into_iter()
            .map(|change| TimelineEntry {
                status: change.status,
                changed_at: change.changed_at.to_rfc3339(),
            })
            .collect(),
        tracking_number: details.tracking_number,
        track_and_trace_url: details.track_and_trace_url,
    }
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn order_details(
    state: State<'_, AppState>,
    order_number: String,
) -> Result<DetailsView, CommandError> {
    let token = token(&state).await?;
    let details = state.client.order_details(&token, &order_number).await?;
    Ok(details_view(&state, details).await)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn order_cancel(
    state: State<'_, AppState>,
    order_number: String,
) -> Result<DetailsView, CommandError> {
    let token = token(&state).await?;
    state.client.cancel_order(&token, &order_number).await?;
    let details = state.client.order_details(&token, &order_number).await?;
    Ok(details_view(&state, details).await)
}

/// Opens the order's Track & Trace link in the system browser, never inside the app.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn open_tracking_link(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    order_number: String,
) -> Result<(), CommandError> {
    let token = token(&state).await?;
    let details = state.client.order_details(&token, &order_number).await?;
    let url = details
        .track_and_trace_url
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
        .ok_or_else(|| {
            CommandError::new(oso_api::ErrorCode::NotFound.as_str(), "no tracking link")
        })?;
    crate::browser::open(&app, &url)
        .map_err(|error| CommandError::new(oso_api::ErrorCode::Internal.as_str(), error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_kept_under_one_key_whether_or_not_its_count_was_asked_for() {
        let counted = HistoryQuery {
            sort: SortColumn::Company,
            limit: Some(25),
            ..HistoryQuery::default()
        };
        let declined = HistoryQuery {
            count: Some(false),
            ..counted.clone()
        };
        let asked = HistoryQuery {
            count: Some(true),
            ..counted.clone()
        };
        let key = kept_copy_key(&counted).expect("key");
        assert_eq!(kept_copy_key(&declined).expect("key"), key);
        assert_eq!(kept_copy_key(&asked).expect("key"), key);
        assert!(!key.contains("count"), "{key}");
        let other_sort = HistoryQuery {
            sort: SortColumn::Status,
            ..counted
        };
        assert_ne!(
            kept_copy_key(&other_sort).expect("key"),
            key,
            "one copy per sort"
        );
    }
}
