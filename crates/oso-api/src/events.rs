//! `GET /api/v1/events`: a Server-Sent Events stream of what concerns the signed-in login. Each
//! stored event has an `id` (send it back as `Last-Event-ID` when reconnecting to miss nothing),
//! an `event` (its kind, below) and JSON `data`. `summary` events (the login's eSecure summary)
//! carry no id: one comes when the stream opens and after every eSecure event. When the
//! stream's session ends (signed out, expired, forgotten) the service ends the stream.

use oso_core::{AccessRequestStatus, OrderStatus};
use serde::{Deserialize, Serialize};

pub const ACCESS_REQUEST: &str = "access_request";
pub const REQUEST_DECIDED: &str = "request_decided";
pub const REQUESTS_CHANGED: &str = "requests_changed";
pub const ORDER_STATUS: &str = "order_status";
pub const SUMMARY: &str = "summary";

/// To the administrators of `account_number`: someone asks to use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessRequestEvent {
    pub request_id: i64,
    pub account_number: String,
    pub email: String,
    pub company: String,
}

/// To the requester: their request for `account_number` was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestDecidedEvent {
    /// Absent when an administrator added the user directly ("Add users").
    pub request_id: Option<i64>,
    pub account_number: String,
    pub status: AccessRequestStatus,
    /// Nobody decided within 14 days: the request expired (its status is `rejected`).
    #[serde(default)]
    pub expired: bool,
}

/// To the administrators of `account_number`: one of its requests was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestsChangedEvent {
    pub account_number: String,
}

/// To an order's owner: the order moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderStatusEvent {
    pub order_number: String,
    pub status: OrderStatus,
}
