//! The address book of the signed-in login.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use oso_core::AddressInput;

use super::extract::{Body, Session};
use super::{ApiError, AppState, ErrorBody, ErrorCode};
use crate::address_book::addresses::{self, SavedAddress};

fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "no such address")
}

/// The saved delivery addresses, by company name.
#[utoipa::path(get, path = "/me/addresses", tag = "address book", security(("session" = [])),
    operation_id = "list_saved_addresses",
    responses((status = 200, body = Vec<SavedAddress>), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Session(user): Session,
) -> Result<Json<Vec<SavedAddress>>, ApiError> {
    Ok(Json(addresses::list(&state.database, &user).await?))
}

/// Save a delivery address; every refused field is named.
#[utoipa::path(post, path = "/me/addresses", tag = "address book", security(("session" = [])),
    operation_id = "add_saved_address",
    request_body = AddressInput,
    responses((status = 201, body = SavedAddress), (status = 422, body = ErrorBody)))]
pub async fn add(
    State(state): State<AppState>,
    Session(user): Session,
    Body(input): Body<AddressInput>,
) -> Result<(StatusCode, Json<SavedAddress>), ApiError> {
    let saved = addresses::add(&state.database, &user, &input, state.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

/// Change a saved address; past orders keep their own copy.
#[utoipa::path(put, path = "/me/addresses/{id}", tag = "address book", security(("session" = [])),
    operation_id = "replace_saved_address",
    params(("id" = i64, Path, description = "The address id")), request_body = AddressInput,
    responses((status = 200, body = SavedAddress), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn replace(
    State(state): State<AppState>,
    Session(user): Session,
    Path(id): Path<i64>,
    Body(input): Body<AddressInput>,
) -> Result<Json<SavedAddress>, ApiError> {
    addresses::replace(&state.database, &user, id, &input, state.clock.now())
        .await?
        .map(Json)
        .ok_or_else(not_found)
}

/// Delete a saved address; past orders keep their own copy.
#[utoipa::path(delete, path = "/me/addresses/{id}", tag = "address book", security(("session" = [])),
    operation_id = "remove_saved_address",
    params(("id" = i64, Path, description = "The address id")),
    responses((status = 204, description = "Deleted"), (status = 404, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    Session(user): Session,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    if addresses::remove(&state.database, &user, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found())
    }
}
