//! `GET /api/v1/catalogue`: the supplies on sale, in every language, with their limits.

use axum::extract::State;
use axum::Json;

use super::{ApiError, AppState, ErrorBody};
use crate::catalogue::Catalogue;

/// The catalogue as sold now. Not personal, so no session is needed; desktops cache it.
#[utoipa::path(get, path = "/catalogue", tag = "catalogue",
    operation_id = "get_catalogue",
    responses((status = 200, body = Catalogue), (status = 500, body = ErrorBody)))]
pub async fn catalogue(State(state): State<AppState>) -> Result<Json<Catalogue>, ApiError> {
    state
        .catalogue()
        .await
        .map(|catalogue| Json(Catalogue::clone(&catalogue)))
        .map_err(|error| ApiError::internal(&error))
}
