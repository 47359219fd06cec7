//! Signing in with the carrier's existing account (OpenID Connect). [`Provider`] talks to the
//! identity provider: discovery, the code exchange, the ID token's checks. What a checked
//! identity may do (sign in, link a login, make one) is `accounts::external`'s.

mod provider;

pub use provider::Provider;

/// A person as the provider vouched for them in a checked ID token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedIdentity {
    /// The token's `iss`: with `subject`, the key of the person at the provider.
    pub issuer: String,
    /// The token's `sub`: stable for the person at this issuer, unlike their e-mail address.
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
    pub name: Option<String>,
    /// The token's `locale` when it is one of OSO's languages.
    pub language: Option<String>,
}

/// Why a sign-in with the provider did not give a checked identity.
#[derive(Debug, thiserror::Error)]
pub enum ExternalError {
    #[error("the identity provider is not configured")]
    NotConfigured,
    #[error("the identity provider cannot be reached: {0}")]
    Unreachable(String),
    #[error("the identity provider refused the code: {0}")]
    CodeRefused(String),
    #[error("the ID token is not valid: {0}")]
    TokenInvalid(String),
    #[error("the provider's clock differs from ours by more than the allowed skew: {0}")]
    ClockSkew(String),
    /// The provider has not verified the person's address, which OSO logins are known by.
    #[error("the provider has not verified the e-mail address")]
    EmailUnverified,
    /// A field of the request itself (the redirect URI, an empty code) was refused.
    #[error("{field}: {code}")]
    Field {
        field: &'static str,
        code: &'static str,
    },
}
