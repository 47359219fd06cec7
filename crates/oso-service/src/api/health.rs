//! `GET /api/v1/health`: is the service up, which version, and does its database answer.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::AppState;
use crate::store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// `ok` when everything answers, `degraded` when the database does not.
    pub status: HealthStatus,
    pub version: String,
    pub database: DatabaseHealth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    Ok,
    Degraded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DatabaseHealth {
    pub reachable: bool,
    /// The newest migration applied, when the database answered.
    pub schema_version: Option<i64>,
}

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
    let schema_version = match store::schema_version(&state.pool).await {
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
