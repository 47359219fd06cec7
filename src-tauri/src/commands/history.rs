//! Order history: the list, an order's details, cancelling, and its Track & Trace link. The last
//! answers are kept locally for offline viewing, under the same 30-day rule.

use oso_api::orders::{HistoryAccountNumber, HistoryPage, OrderDetails};
use oso_core::order_lifecycle::is_expired;
use oso_core::{Language, OrderStatus};
use serde::Serialize;
use tauri::State;

use super::address_book::AddressView;
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
}

#[derive(Debug, Serialize)]
pub struct HistoryView {
    pub total: i64,
    pub orders: Vec<HistoryRowView>,
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
    pub address: AddressView,
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
        })
        .collect();
    HistoryView {
        total: if offline {
            i64::try_from(orders.len()).unwrap_or(0)
        } else {
            page.total
        },
        orders,
        retention_days: oso_core::order_lifecycle::ORDER_RETENTION.num_days(),
        offline,
    }
}

/// The history's filters and sort as a URL query string; only plain words pass.
pub(super) fn filter_query(
    sort: &str,
    direction: &str,
    status: Option<&str>,
    account: Option<&str>,
) -> String {
    let safe = |value: &str| value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let mut query = String::new();
    for (key, value) in [
        ("sort", Some(sort)),
        ("direction", Some(direction)),
        ("status", status),
        ("account_number", account),
    ] {
        if let Some(value) = value.filter(|value| !value.is_empty() && safe(value)) {
            query.push_str(&format!("&{key}={value}"));
        }
    }
    query
}

fn query_string(
    sort: &str,
    direction: &str,
    status: Option<&str>,
    account: Option<&str>,
    limit: u32,
    offset: u32,
) -> String {
    let filters = filter_query(sort, direction, status, account);
    format!("limit={limit}&offset={offset}{filters}")
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
#[allow(clippy::too_many_arguments)]
pub async fn history_list(
    state: State<'_, AppState>,
    sort: Option<String>,
    direction: Option<String>,
    status: Option<String>,
    account_number: Option<String>,
    limit: Option<u32>,
    offset: Option<u32>,
) -> Result<HistoryView, CommandError> {
    let me = signed_in_as(&state).await?;
    let query = query_string(
        sort.as_deref().unwrap_or("created_at"),
        direction.as_deref().unwrap_or("desc"),
        status.as_deref(),
        account_number.as_deref(),
        limit.unwrap_or(25),
        offset.unwrap_or(0),
    );
    let key = format!("history?{query}");
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
        address: AddressView::from(oso_api::address_book::SavedAddress {
            id: 0,
            address: order.address,
        }),
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
    crate::browser::open(&url).map_err(|error| {
        CommandError::new(oso_api::ErrorCode::Internal.as_str(), error.to_string())
    })
}
