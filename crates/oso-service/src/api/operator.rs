//! The operator API: the supplier's side of orders (and, with eSecure, customer accounts),
//! opened only by operator tokens.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use oso_api::operator::{OperatorOrdersQuery, StatusAnswer, StatusRequest};
use oso_core::OrderStatus;

use super::extract::{Body, OperatorSession, Params};
use super::{ApiError, AppState, ErrorBody, ErrorCode};
use crate::error::ServiceError;
use crate::esecure::accounts::CustomerAccount;
use crate::esecure::operator::{
    self as esecure_operator, CustomerAccountChange, CustomerAccountForm,
};
use crate::operator::{self, OperatorRow};

fn parse_status(field: &str, text: &str) -> Result<OrderStatus, ApiError> {
    text.parse::<OrderStatus>()
        .map_err(|_| ServiceError::field(field, "unknown_status").into())
}

/// Every order, oldest first, optionally of one status.
#[utoipa::path(get, path = "/operator/orders", tag = "operator", security(("operator" = [])),
    operation_id = "operator_list_orders",
    params(OperatorOrdersQuery),
    responses((status = 200, body = Vec<OperatorRow>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip(state, query), fields(operator = %who.0.name), err(Debug, level = "info"))]
pub async fn orders(
    State(state): State<AppState>,
    who: OperatorSession,
    Params(query): Params<OperatorOrdersQuery>,
) -> Result<Json<Vec<OperatorRow>>, ApiError> {
    let status = query
        .status
        .as_deref()
        .map(|text| parse_status("status", text))
        .transpose()?;
    let rows = operator::list_orders(&state.database, status)
        .await
        .map_err(|cause| ApiError::internal(&cause))?;
    Ok(Json(rows))
}

/// Move an order: to the next status, or to the one named (shipping needs a tracking number).
#[utoipa::path(post, path = "/operator/orders/{order_number}/status", tag = "operator",
    operation_id = "operator_move_order",
    security(("operator" = [])), request_body = StatusRequest,
    params(("order_number" = String, Path, description = "e.g. OSO-2026-000042")),
    responses((status = 200, body = StatusAnswer), (status = 401, body = ErrorBody),
              (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip(state, request), fields(operator = %who.0.name), err(Debug, level = "info"))]
pub async fn move_order(
    State(state): State<AppState>,
    who: OperatorSession,
    Path(order_number): Path<String>,
    Body(request): Body<StatusRequest>,
) -> Result<Json<StatusAnswer>, ApiError> {
    let to = request
        .to
        .as_deref()
        .map(|text| parse_status("to", text))
        .transpose()?;
    let status = operator::set_status(
        &state.database,
        state.accounts.mailer(),
        &order_number,
        to,
        request.tracking_number.as_deref(),
        state.clock.now(),
    )
    .await
    .map_err(|error| match error {
        operator::MoveError::NotFound => ApiError::new(ErrorCode::NotFound, "no such order"),
        other => ServiceError::from(other).into(),
    })?;
    Ok(Json(StatusAnswer {
        order_number,
        status: status.as_str().to_owned(),
    }))
}

/// Every customer account with its protection, administrators and domain lists.
#[utoipa::path(get, path = "/operator/customer-accounts", tag = "operator", security(("operator" = [])),
    operation_id = "operator_list_customer_accounts",
    responses((status = 200, body = Vec<CustomerAccount>), (status = 401, body = ErrorBody)))]
pub async fn customer_accounts(
    State(state): State<AppState>,
    _who: OperatorSession,
) -> Result<Json<Vec<CustomerAccount>>, ApiError> {
    Ok(Json(
        esecure_operator::list_accounts(state.esecure())
            .await
            .map_err(|cause| ApiError::internal(&cause))?,
    ))
}

/// Create (or update) a customer account; a protected one needs an administrator. Each new
/// administrator is welcomed by e-mail.
#[utoipa::path(post, path = "/operator/customer-accounts", tag = "operator", security(("operator" = [])),
    operation_id = "operator_create_customer_account",
    request_body = CustomerAccountForm,
    responses((status = 201, body = CustomerAccount), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip(state, form), fields(operator = %who.0.name), err(Debug, level = "info"))]
pub async fn create_customer_account(
    State(state): State<AppState>,
    who: OperatorSession,
    Body(form): Body<CustomerAccountForm>,
) -> Result<(StatusCode, Json<CustomerAccount>), ApiError> {
    let account = esecure_operator::create_account(state.esecure(), &who.0.name, &form).await?;
    Ok((StatusCode::CREATED, Json(account)))
}

/// Change a customer account's company name or protection.
#[utoipa::path(patch, path = "/operator/customer-accounts/{number}", tag = "operator",
    operation_id = "operator_change_customer_account",
    security(("operator" = [])), request_body = CustomerAccountChange, params(("number" = String, Path)),
    responses((status = 200, body = CustomerAccount), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_customer_account(
    State(state): State<AppState>,
    who: OperatorSession,
    Path(number): Path<String>,
    Body(change): Body<CustomerAccountChange>,
) -> Result<Json<CustomerAccount>, ApiError> {
    Ok(Json(
        esecure_operator::change_account(state.esecure(), &who.0.name, &number, &change).await?,
    ))
}
