//! Errors on their way to becoming answers. Their shape ([`ErrorBody`], [`ErrorCode`]) is the
//! wire contract's (`oso-api`); this module turns one into an HTTP response.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
pub use oso_api::{ErrorBody, ErrorCode};

/// An error on its way to becoming an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError(pub ErrorBody);

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self(ErrorBody {
            code,
            message: message.into(),
            fields: Default::default(),
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
        let status = StatusCode::from_u16(self.0.code.http_status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, Json(self.0)).into_response();
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
