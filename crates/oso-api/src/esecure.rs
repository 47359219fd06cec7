//! eSecure (`/esecure/...`, and the operator's `/operator/customer-accounts`): protected
//! account numbers, their administrators and domain lists, the requests to use them, the
//! decisions on those requests and the audit trail.

use chrono::{DateTime, Utc};
pub use oso_core::{AccessRequestStatus, Decision};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Summary {
    /// Whether the user administers any customer account.
    pub administrator: bool,
    /// Requests waiting for the user's decision.
    pub open_requests: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Administrator {
    pub email: String,
    pub name: String,
    pub language: String,
    /// Whether the address has an OSO login (without one they cannot approve in the app yet).
    pub has_login: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerAccount {
    pub number: String,
    pub company: String,
    pub protected: bool,
    pub restrict_requests: bool,
    pub authorised_domains: Vec<String>,
    pub restricted_domains: Vec<String>,
    pub administrators: Vec<Administrator>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdministratorForm {
    pub name: String,
    pub email: String,
    pub language: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DomainsForm {
    #[serde(default)]
    pub authorised: Vec<String>,
    #[serde(default)]
    pub restricted: Vec<String>,
    #[serde(default)]
    pub restrict_requests: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessRequest {
    pub id: i64,
    pub account_number: String,
    pub email: String,
    pub company: String,
    pub status: AccessRequestStatus,
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<String>,
    /// The requester's note to the administrators ("I am the new office manager").
    #[serde(default)]
    pub note: Option<String>,
    /// Nobody decided within 14 days: it expired (its status is `rejected`).
    #[serde(default)]
    pub expired: bool,
}

/// The requester's note on their open request.
#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestNote {
    /// At most 500 characters; empty removes it.
    pub note: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionForm {
    pub ids: Vec<i64>,
    pub decision: Decision,
}

#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decided {
    pub decided: usize,
}

#[derive(Debug, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UsersForm {
    pub account_number: String,
    pub emails: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UsersAdded {
    pub added: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// The e-mail address of who acted (`operator:<name>` for the supplier's operators).
    pub actor: String,
    /// requested, approved, rejected, revoked, users_added, administrator_added,
    /// administrator_removed, domains_changed, refused, account_created, account_changed.
    pub action: String,
    /// Whom or what it concerned (an e-mail address, a domain list).
    pub subject: String,
    pub account_number: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerAccountForm {
    pub number: String,
    pub company: String,
    #[serde(default)]
    pub protected: bool,
    #[serde(default)]
    pub administrators: Vec<AdministratorForm>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerAccountChange {
    pub company: Option<String>,
    pub protected: Option<bool>,
}

/// The query of `GET /esecure/requests`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct RequestsQuery {
    /// pending (default), approved, rejected, revoked or all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
}

/// The query of `GET /esecure/audit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
pub struct AuditQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// 1 to 500; default 50.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}
