//! The one shape of every error the API answers, with a closed set of codes. The desktop maps
//! each code to the Fluent message `error-<code>`, so what a user reads is always translated;
//! `message` is for developers and logs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request could not be read (malformed JSON, wrong content type).
    BadRequest,
    /// One or more fields were refused; `fields` says which and why.
    ValidationFailed,
    /// No valid session.
    Unauthenticated,
    /// A valid session without the right to do this.
    Forbidden,
    NotFound,
    MethodNotAllowed,
    /// The request conflicts with the current state (for example, a duplicate).
    Conflict,
    PayloadTooLarge,
    /// Too many attempts; `retry_after_seconds` says when to try again.
    RateLimited,
    /// Wrong e-mail or password; the same answer whichever it was.
    InvalidCredentials,
    /// Right password, but the account was never activated.
    AccountInactive,
    /// An activation or reset link or code that is unknown, used, or void after wrong tries.
    TokenInvalid,
    /// A link or code that was valid but has expired; a new one can be asked for.
    TokenExpired,
    /// The password is older than the renewal period: only choosing a new one is allowed.
    PasswordExpired,
    /// A dependency (the database) is not available right now.
    ServiceUnavailable,
    /// A fault on our side; the details are in the service log, never in the answer.
    Internal,
    /// eSecure: the account number is protected and its administrators were asked to approve
    /// this user (now or earlier); the answer comes by e-mail and in the app.
    ApprovalPending,
    /// eSecure: the account's administrators rejected this user.
    ApprovalRejected,
    /// eSecure: the account only accepts requests from its listed e-mail domains.
    AccessRefused,
    /// eSecure: an account keeps at least one administrator.
    LastAdministrator,
    /// The request was addressed to a host name this service does not answer for (a loopback
    /// service answers only its own address, `localhost` and its public URL's host).
    MisdirectedRequest,
    /// Signing in with the carrier's account: its identity provider could not be reached (or
    /// answered nonsense); password sign-in still works.
    ExternalProviderUnreachable,
    /// The provider refused the sign-in's code: it expired, was used already, or belongs to
    /// another sign-in. Starting again fixes it.
    ExternalCodeRefused,
    /// The provider's ID token did not pass the checks (signature, issuer, audience, nonce).
    ExternalTokenInvalid,
    /// The provider's clock and this service's differ by more than two minutes.
    ExternalClockSkew,
    /// The provider has not verified the person's e-mail address, which OSO logins (and
    /// eSecure's decisions) are known by.
    ExternalEmailUnverified,
    /// The login has no OSO password (it signs in with the carrier's account): password change
    /// and renewal do not apply.
    NoPassword,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 27] = [
        ErrorCode::BadRequest,
        ErrorCode::ValidationFailed,
        ErrorCode::Unauthenticated,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::Conflict,
        ErrorCode::PayloadTooLarge,
        ErrorCode::RateLimited,
        ErrorCode::InvalidCredentials,
        ErrorCode::AccountInactive,
        ErrorCode::TokenInvalid,
        ErrorCode::TokenExpired,
        ErrorCode::PasswordExpired,
        ErrorCode::ServiceUnavailable,
        ErrorCode::Internal,
        ErrorCode::ApprovalPending,
        ErrorCode::ApprovalRejected,
        ErrorCode::AccessRefused,
        ErrorCode::LastAdministrator,
        ErrorCode::MisdirectedRequest,
        ErrorCode::ExternalProviderUnreachable,
        ErrorCode::ExternalCodeRefused,
        ErrorCode::ExternalTokenInvalid,
        ErrorCode::ExternalClockSkew,
        ErrorCode::ExternalEmailUnverified,
        ErrorCode::NoPassword,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::Conflict => "conflict",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::AccountInactive => "account_inactive",
            ErrorCode::TokenInvalid => "token_invalid",
            ErrorCode::TokenExpired => "token_expired",
            ErrorCode::PasswordExpired => "password_expired",
            ErrorCode::ServiceUnavailable => "service_unavailable",
            ErrorCode::Internal => "internal",
            ErrorCode::ApprovalPending => "approval_pending",
            ErrorCode::ApprovalRejected => "approval_rejected",
            ErrorCode::AccessRefused => "access_refused",
            ErrorCode::LastAdministrator => "last_administrator",
            ErrorCode::MisdirectedRequest => "misdirected_request",
            ErrorCode::ExternalProviderUnreachable => "external_provider_unreachable",
            ErrorCode::ExternalCodeRefused => "external_code_refused",
            ErrorCode::ExternalTokenInvalid => "external_token_invalid",
            ErrorCode::ExternalClockSkew => "external_clock_skew",
            ErrorCode::ExternalEmailUnverified => "external_email_unverified",
            ErrorCode::NoPassword => "no_password",
        }
    }

    /// The HTTP status an answer with this code carries.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::BadRequest => 400,
            ErrorCode::ValidationFailed => 422,
            ErrorCode::Unauthenticated => 401,
            ErrorCode::Forbidden => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::Conflict => 409,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::RateLimited => 429,
            ErrorCode::InvalidCredentials => 401,
            ErrorCode::AccountInactive => 403,
            ErrorCode::TokenInvalid => 400,
            ErrorCode::TokenExpired => 410,
            ErrorCode::PasswordExpired => 403,
            ErrorCode::ServiceUnavailable => 503,
            ErrorCode::Internal => 500,
            ErrorCode::ApprovalPending | ErrorCode::ApprovalRejected | ErrorCode::AccessRefused => {
                403
            }
            ErrorCode::LastAdministrator => 409,
            ErrorCode::MisdirectedRequest => 421,
            ErrorCode::ExternalProviderUnreachable => 502,
            ErrorCode::ExternalCodeRefused
            | ErrorCode::ExternalTokenInvalid
            | ErrorCode::ExternalClockSkew => 400,
            ErrorCode::ExternalEmailUnverified | ErrorCode::NoPassword => 409,
        }
    }
}

/// The JSON body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub code: ErrorCode,
    /// English, for developers and logs; users see the translation of `code`.
    pub message: String,
    /// Field name → a field-level code such as `required` or `too_short`.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// With `rate_limited`: seconds until a new attempt is accepted (also in `Retry-After`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_serialises_as_its_documented_name() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_value(code).expect("serialises");
            assert_eq!(json, serde_json::Value::String(code.as_str().to_owned()));
        }
    }

    #[test]
    fn every_code_maps_to_an_error_status() {
        for code in ErrorCode::ALL {
            assert!((400..600).contains(&code.http_status()), "{code:?}");
        }
    }
}
