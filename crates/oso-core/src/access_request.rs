//! An eSecure access request's state machine: a user asks to use a protected account number, an
//! administrator approves or rejects, and an approved user's access can be revoked. The same
//! names are in the `access_requests.status` CHECK list and on the wire.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "sqlx",
    derive(sqlx::Type),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum AccessRequestStatus {
    /// Asked; no administrator has decided yet.
    Pending,
    Approved,
    Rejected,
    /// Approved once, then taken away.
    Revoked,
}

/// What an administrator decides on requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Reject,
}

/// A status name this version does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown access request status {0:?}")]
pub struct UnknownAccessRequestStatus(pub String);

impl AccessRequestStatus {
    pub const ALL: [AccessRequestStatus; 4] = [
        AccessRequestStatus::Pending,
        AccessRequestStatus::Approved,
        AccessRequestStatus::Rejected,
        AccessRequestStatus::Revoked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccessRequestStatus::Pending => "pending",
            AccessRequestStatus::Approved => "approved",
            AccessRequestStatus::Rejected => "rejected",
            AccessRequestStatus::Revoked => "revoked",
        }
    }

    pub fn parse(name: &str) -> Result<Self, UnknownAccessRequestStatus> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == name)
            .ok_or_else(|| UnknownAccessRequestStatus(name.to_owned()))
    }

    /// The status a decision leaves a request in, when the decision may be taken on a request
    /// in this status: approving works on pending, rejected and revoked requests (an
    /// administrator may change their mind), rejecting on pending ones only (an approved user
    /// is revoked instead, which says what happened).
    pub fn after(self, decision: Decision) -> Option<AccessRequestStatus> {
        use AccessRequestStatus::*;
        match (decision, self) {
            (Decision::Approve, Pending | Rejected | Revoked) => Some(Approved),
            (Decision::Reject, Pending) => Some(Rejected),
            _ => None,
        }
    }
}

impl std::fmt::Display for AccessRequestStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AccessRequestStatus::*;

    #[test]
    fn every_status_reads_back_from_its_name_on_the_wire_and_in_the_database() {
        for status in AccessRequestStatus::ALL {
            assert_eq!(AccessRequestStatus::parse(status.as_str()), Ok(status));
            let wire = serde_json::to_string(&status).expect("serialises");
            assert_eq!(wire, format!("\"{status}\""));
        }
        assert!(AccessRequestStatus::parse("all").is_err());
    }

    #[test]
    fn approving_reopens_any_request_but_an_approved_one() {
        for status in [Pending, Rejected, Revoked] {
            assert_eq!(status.after(Decision::Approve), Some(Approved));
        }
        assert_eq!(Approved.after(Decision::Approve), None);
    }

    #[test]
    fn only_a_pending_request_can_be_rejected() {
        assert_eq!(Pending.after(Decision::Reject), Some(Rejected));
        for status in [Approved, Rejected, Revoked] {
            assert_eq!(status.after(Decision::Reject), None);
        }
    }
}
