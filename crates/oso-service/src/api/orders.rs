//! Placing an order, and reading one back.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

use super::extract::{session_in_use, BearerToken, Body, Params, Session};
use super::{ApiError, AppState, ErrorBody, ErrorCode};
use crate::orders::export::{self, ExportQuery, HistoryExport};
use crate::orders::history::{self, HistoryAccountNumber, HistoryPage, HistoryQuery};
use crate::orders::history_beside_session;
use crate::orders::{self, OrderDetails, OrderRequest, PlacedOrder};

/// Place an order. The same `idempotency_key` again answers 200 with the order placed first,
/// so a retry after a lost answer never creates a second order.
#[utoipa::path(post, path = "/orders", tag = "orders", security(("session" = [])), request_body = OrderRequest,
    operation_id = "place_order",
    responses((status = 201, body = PlacedOrder), (status = 200, description = "Placed earlier with this key", body = PlacedOrder),
              (status = 422, body = ErrorBody)))]
pub async fn place(
    State(state): State<AppState>,
    Session(user): Session,
    Body(request): Body<OrderRequest>,
) -> Result<(StatusCode, Json<PlacedOrder>), ApiError> {
    let (order, new) = orders::place(&state.ordering(), &user, request).await?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(order)))
}

/// One of the signed-in user's orders, with its timeline and Track & Trace link.
#[utoipa::path(get, path = "/orders/{order_number}", tag = "orders", security(("session" = [])),
    operation_id = "get_order",
    params(("order_number" = String, Path, description = "e.g. OSO-2026-000042")),
    responses((status = 200, body = OrderDetails), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    Session(user): Session,
    Path(order_number): Path<String>,
) -> Result<Json<OrderDetails>, ApiError> {
    orders::find(&state.ordering(), &user, &order_number)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "no such order"))
}

/// Cancel an order while it is still "received".
#[utoipa::path(post, path = "/orders/{order_number}/cancel", tag = "orders", security(("session" = [])),
    operation_id = "cancel_order",
    params(("order_number" = String, Path, description = "e.g. OSO-2026-000042")),
    responses((status = 204, description = "Cancelled"), (status = 422, body = ErrorBody)))]
pub async fn cancel(
    State(state): State<AppState>,
    Session(user): Session,
    Path(order_number): Path<String>,
) -> Result<StatusCode, ApiError> {
    orders::cancel(&state.ordering(), &user, &order_number).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The order history: the orders this login placed, and every order on the account numbers it
/// administers under eSecure; newest first by default, sortable by each column, filterable by
/// status and account number, paged.
#[utoipa::path(get, path = "/orders", tag = "orders", security(("session" = [])), params(HistoryQuery),
    operation_id = "list_order_history",
    responses((status = 200, body = HistoryPage), (status = 422, body = ErrorBody)))]
pub async fn history(
    State(state): State<AppState>,
    token: BearerToken,
    query: Result<Params<HistoryQuery>, ApiError>,
) -> Result<Json<HistoryPage>, ApiError> {
    let session = session_in_use(&state, token.expose());
    let Params(query) = match query {
        Ok(query) => query,
        // As everywhere, a query that cannot be read is refused only to a session in use.
        Err(refused) => return Err(session.await.err().unwrap_or(refused)),
    };
    let page = history_beside_session::page(
        &state.database,
        &state.recent_viewers,
        token.expose(),
        session,
        &query,
    )
    .await?;
    Ok(Json(page))
}

/// Every order the history shows with these filters, in its order, with lines and delivery
/// address: for keeping records longer than the service keeps orders.
#[utoipa::path(get, path = "/orders/export", tag = "orders", security(("session" = [])), params(ExportQuery),
    operation_id = "export_order_history",
    responses((status = 200, body = HistoryExport), (status = 422, body = ErrorBody)))]
pub async fn export(
    State(state): State<AppState>,
    Session(user): Session,
    Params(query): Params<ExportQuery>,
) -> Result<Json<HistoryExport>, ApiError> {
    Ok(Json(export::export(&state.database, &user, &query).await?))
}

/// The account numbers the history can be filtered on: those of the orders it shows and those
/// this login administers (with the login's own name for a number it saved).
#[utoipa::path(get, path = "/orders/account-numbers", tag = "orders", security(("session" = [])),
    operation_id = "list_order_history_account_numbers",
    responses((status = 200, body = Vec<HistoryAccountNumber>)))]
pub async fn history_account_numbers(
    State(state): State<AppState>,
    Session(user): Session,
) -> Result<Json<Vec<HistoryAccountNumber>>, ApiError> {
    Ok(Json(
        history::account_numbers(&state.database, &user).await?,
    ))
}
