//! The supplier's operators (`/operator/...`, with an operator token): the orders to work on
//! and moving one along its lifecycle. eSecure's operator bodies are in [`crate::esecure`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An order as the operator API and `oso-service orders list` show it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OperatorRow {
    pub order_number: String,
    pub created_at: DateTime<Utc>,
    pub status: String,
    pub account_number: String,
    pub company: String,
    pub tracking_number: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusRequest {
    /// The status to move to; without it the order moves to the next status in the normal course.
    pub to: Option<String>,
    /// Required when the order ships.
    pub tracking_number: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusAnswer {
    pub order_number: String,
    pub status: String,
}

/// The query of `GET /operator/orders`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct OperatorOrdersQuery {
    /// Only orders with this status: received, in_progress, shipped, completed, cancelled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}
