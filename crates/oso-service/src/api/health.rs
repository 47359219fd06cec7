//! `GET /api/v1/health`: is the service up, which version, and does its database answer.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
pub use oso_api::health::{DatabaseHealth, Health, HealthStatus};

use super::AppState;

/// Service and database health.
#[utoipa::path(
    get,
    operation_id = "get_health",
    path = "/health",
    tag = "health",
    responses(
        (status = 200, description = "The service and its database answer", body = Health),
        (status = 503, description = "The database does not answer", body = Health)
    )
)]
#[tracing::instrument(skip(state))]
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let schema_version = match state.database.schema_version().await {
        Ok(version) => Some(version),
        Err(error) => {
            tracing::warn!(%error, "database health check failed");
            None
        }
    };
    let reachable = schema_version.is_some();
    let (status, code) = if reachable {
        (HealthStatus::Ok, StatusCode::OK)
    } else {
        (HealthStatus::Degraded, StatusCode::SERVICE_UNAVAILABLE)
    };
    let health = Health {
        status,
        version: crate::VERSION.to_owned(),
        database: DatabaseHealth {
            reachable,
            schema_version,
        },
    };
    (code, Json(health))
}
