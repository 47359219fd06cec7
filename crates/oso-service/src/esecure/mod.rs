//! eSecure: customer accounts whose numbers are protected, their administrators, the requests of
//! users who want to use a protected number, and the decisions on them, kept in an audit trail.
//! [`access`] holds the one rule of who may use a number.

pub mod access;
pub mod accounts;
pub mod asking;
pub mod audit;
pub mod context;
pub mod forget;
pub mod mail;
pub mod operator;
pub mod reminders;
mod request_store;
pub mod requests;
#[cfg(test)]
mod store_tests;

pub use crate::error::Refusal;
pub use access::{may_use, push_may_use, Requester};
pub use context::Context;

impl EsecureError {
    /// As an [`ServiceError`](crate::error::ServiceError) naming `field`, for the flows
    /// (saving a number, placing an order) that answer in that shape.
    pub fn at_field(self, field: &'static str) -> crate::error::ServiceError {
        use crate::error::ServiceError;
        let refusal = match self {
            EsecureError::ApprovalPending => Refusal::ApprovalPending,
            EsecureError::ApprovalRejected => Refusal::ApprovalRejected,
            EsecureError::AccessRefused => Refusal::AccessRefused,
            EsecureError::Invalid(error) => return error,
            EsecureError::Store(error) => return ServiceError::Store(error),
            other => return ServiceError::Internal(other.to_string()),
        };
        ServiceError::Access { refusal, field }
    }
}

/// Why eSecure refuses an action.
#[derive(Debug, thiserror::Error)]
pub enum EsecureError {
    /// The administrators were asked (now or earlier) and have not answered.
    #[error("waiting for the administrators' approval")]
    ApprovalPending,
    #[error("the administrators rejected this user")]
    ApprovalRejected,
    /// The account takes requests from its listed domains only.
    #[error("the account does not take requests from this address")]
    AccessRefused,
    /// Not an administrator of the account, or no such account or request: the same answer,
    /// so nobody learns which accounts or requests exist.
    #[error("no such account or request")]
    NotFound,
    #[error("an account keeps at least one administrator")]
    LastAdministrator,
    #[error(transparent)]
    Invalid(#[from] crate::error::ServiceError),
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}
