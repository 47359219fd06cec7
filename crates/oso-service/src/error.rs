//! What every area of the service answers with, kept outside all of them so that none has to
//! import another's errors: [`ServiceError`] (refused fields come from
//! [`oso_core::FieldErrors`]), and eSecure's [`Refusal`] that a field error can carry.

use std::collections::BTreeMap;

use crate::mail::MailError;

/// Why eSecure refuses a user the use of a protected number (yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    ApprovalPending,
    ApprovalRejected,
    AccessRefused,
}

/// Why the service refused or failed an action, in every area (logins, orders, the address
/// book, eSecure's flows that answer per field); the API maps each to an [`crate::ErrorCode`].
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("invalid fields: {0:?}")]
    Invalid(BTreeMap<String, String>),
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    #[error("the account is not activated")]
    Inactive,
    #[error("no valid session")]
    Unauthenticated,
    #[error("the password has expired")]
    PasswordExpired,
    #[error("the token is not valid")]
    TokenInvalid,
    #[error("the token has expired")]
    TokenExpired,
    #[error("too many attempts; wait {0} s")]
    RateLimited(u64),
    #[error("database: {0}")]
    Store(#[from] sqlx::Error),
    #[error("password hashing: {0}")]
    Hash(#[from] crate::accounts::password_hash::HashError),
    #[error("mail: {0}")]
    Mail(#[from] MailError),
    #[error("{0}")]
    Internal(String),
    /// "Forget me" asked by the only administrator of a protected account number, which would
    /// be left with nobody to decide its requests.
    #[error("the only administrator of a protected account number")]
    LastAdministrator,
    /// Signing in with the carrier's account failed (see [`ExternalError`]).
    #[error("sign-in with the carrier's account: {0}")]
    External(#[from] crate::external_sign_in::ExternalError),
    /// The login has no OSO password (it signs in with the carrier's account).
    #[error("the login has no password")]
    NoPassword,
    /// The request conflicts with what is stored (the reason is for the log).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// eSecure refused the use of an account number; `field` names where it was given.
    #[error("eSecure refused the account number: {refusal:?}")]
    Access {
        refusal: Refusal,
        field: &'static str,
    },
}

impl ServiceError {
    pub fn field(field: &str, code: &str) -> Self {
        Self::Invalid(BTreeMap::from([(field.to_owned(), code.to_owned())]))
    }
}

/// The refused fields of a form, all of them at once.
impl From<oso_core::FieldErrors> for ServiceError {
    fn from(errors: oso_core::FieldErrors) -> Self {
        Self::Invalid(errors.into_map())
    }
}
