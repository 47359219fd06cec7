//! The account numbers saved under the signed-in login.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;

use super::extract::{Body, Session};
use super::{ApiError, AppState, ErrorBody, ErrorCode};
use crate::address_book::account_numbers::{
    self, AccountNumberForm, AccountNumberRename, SavedAccountNumber,
};

fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "no such saved account number")
}

/// The saved account numbers, oldest first.
#[utoipa::path(get, path = "/me/account-numbers", tag = "account numbers", security(("session" = [])),
    operation_id = "list_saved_account_numbers",
    responses((status = 200, body = Vec<SavedAccountNumber>), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Session(user): Session,
) -> Result<Json<Vec<SavedAccountNumber>>, ApiError> {
    Ok(Json(account_numbers::list(&state.database, &user).await?))
}

/// Save an account number (nine digits) with an optional name; saving it again renames it.
#[utoipa::path(post, path = "/me/account-numbers", tag = "account numbers", security(("session" = [])),
    operation_id = "save_account_number",
    request_body = AccountNumberForm,
    responses((status = 201, body = SavedAccountNumber), (status = 422, body = ErrorBody)))]
pub async fn save(
    State(state): State<AppState>,
    Session(user): Session,
    Body(form): Body<AccountNumberForm>,
) -> Result<(StatusCode, Json<SavedAccountNumber>), ApiError> {
    let saved = account_numbers::save(state.esecure(), &state.database, &user, &form).await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

/// Rename a saved account number.
#[utoipa::path(patch, path = "/me/account-numbers/{id}", tag = "account numbers", security(("session" = [])),
    operation_id = "rename_saved_account_number",
    params(("id" = i64, Path, description = "The saved number's id")), request_body = AccountNumberRename,
    responses((status = 200, body = SavedAccountNumber), (status = 404, body = ErrorBody)))]
pub async fn rename(
    State(state): State<AppState>,
    Session(user): Session,
    Path(id): Path<i64>,
    Body(rename): Body<AccountNumberRename>,
) -> Result<Json<SavedAccountNumber>, ApiError> {
    account_numbers::rename(&state.database, &user, id, &rename)
        .await?
        .map(Json)
        .ok_or_else(not_found)
}

/// Remove a saved account number; the order history does not change.
#[utoipa::path(delete, path = "/me/account-numbers/{id}", tag = "account numbers", security(("session" = [])),
    operation_id = "remove_saved_account_number",
    params(("id" = i64, Path, description = "The saved number's id")),
    responses((status = 204, description = "Removed"), (status = 404, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    Session(user): Session,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    if account_numbers::remove(&state.database, &user, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found())
    }
}
