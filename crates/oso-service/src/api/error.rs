//! The one shape of every error the API answers, with a closed set of codes. The desktop maps
//! each code to the Fluent message `error-<code>`, so what a user reads is always translated;
//! `message` is for developers and logs.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
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
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 21] = [
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
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::BadRequest => StatusCode::BAD_REQUEST,
            ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden => StatusCode::FORBIDDEN,
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::Conflict => StatusCode::CONFLICT,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ErrorCode::AccountInactive => StatusCode::FORBIDDEN,
            ErrorCode::TokenInvalid => StatusCode::BAD_REQUEST,
            ErrorCode::TokenExpired => StatusCode::GONE,
            ErrorCode::PasswordExpired => StatusCode::FORBIDDEN,
            ErrorCode::ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::ApprovalPending | ErrorCode::ApprovalRejected | ErrorCode::AccessRefused => {
                StatusCode::FORBIDDEN
            }
            ErrorCode::LastAdministrator => StatusCode::CONFLICT,
            ErrorCode::MisdirectedRequest => StatusCode::MISDIRECTED_REQUEST,
        }
    }
}

/// The JSON body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
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

/// An error on its way to becoming an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError(pub ErrorBody);

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self(ErrorBody {
            code,
            message: message.into(),
            fields: BTreeMap::new(),
            retry_after_seconds: None,
        })
    }

    pub fn rate_limited(retry_after_seconds: u64) -> Self {
        let mut error = Self::new(ErrorCode::RateLimited, "too many attempts");
        error.0.retry_after_seconds = Some(retry_after_seconds.max(1));
        error
    }

    /// A refused field, for example `ApiError::field("email", "invalid_email")`.
    pub fn field(field: &str, code: &str) -> Self {
        Self::new(ErrorCode::ValidationFailed, format!("{field}: {code}")).with_field(field, code)
    }

    pub fn with_field(mut self, field: impl Into<String>, code: impl Into<String>) -> Self {
        self.0.fields.insert(field.into(), code.into());
        self
    }

    /// Logs the cause and answers with nothing of it: internal details never reach a client.
    pub fn internal(cause: &dyn std::error::Error) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(ErrorCode::Internal, "internal error")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry_after = self.0.retry_after_seconds;
        let mut response = (self.0.code.status(), Json(self.0)).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

pub(crate) async fn not_found() -> ApiError {
    ApiError::new(ErrorCode::NotFound, "no such resource")
}

pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        "method not allowed on this resource",
    )
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
            assert!(code.status().is_client_error() || code.status().is_server_error());
        }
    }
}
