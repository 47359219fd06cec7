//! Request extractors: JSON bodies whose rejections answer in the error shape, and the session
//! behind `Authorization: Bearer <token>`.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use oso_core::SecretString;

use super::{ApiError, AppState, ErrorCode};
use crate::accounts::SignedIn;
use crate::error::ServiceError;
use crate::esecure::{EsecureError, Refusal};
use crate::external_sign_in::ExternalError;
use crate::operator::tokens::{self as operator_tokens, OperatorIdentity};

/// `axum::Json`, but a body that cannot be read answers `bad_request` in the error shape.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Body<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError::new(ErrorCode::BadRequest, rejection.body_text())
    }
}

/// `axum::extract::Query`, but a query string that cannot be read answers `bad_request` in the
/// error shape.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Params<T>(pub T);

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::new(ErrorCode::BadRequest, rejection.body_text())
    }
}

/// A signed-in user whose password has not expired.
#[derive(Debug)]
pub struct Session(pub SignedIn);

/// A signed-in user, even one who must first choose a new password.
#[derive(Debug)]
pub struct AnySession(pub SignedIn);

fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|token| !token.is_empty())
}

/// The token of `Authorization: Bearer <token>`, for a handler that reads its session itself
/// ([`session_in_use`]); none answers `unauthenticated`.
#[derive(Debug)]
pub struct BearerToken(SecretString);

impl BearerToken {
    pub fn expose(&self) -> &str {
        self.0.expose()
    }
}

impl FromRequestParts<AppState> for BearerToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        let token = bearer(parts).ok_or_else(|| ApiError::from(ServiceError::Unauthenticated))?;
        Ok(BearerToken(SecretString::new(token)))
    }
}

/// What [`Session`] checks: the signed-in user behind `token`, whose password has not expired.
pub async fn session_in_use(state: &AppState, token: &str) -> Result<SignedIn, ApiError> {
    let signed_in = state.accounts.authenticate(token).await?;
    if signed_in.password_expired {
        return Err(ServiceError::PasswordExpired.into());
    }
    Ok(signed_in)
}

impl FromRequestParts<AppState> for AnySession {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let BearerToken(token) = BearerToken::from_request_parts(parts, state).await?;
        Ok(AnySession(
            state.accounts.authenticate(token.expose()).await?,
        ))
    }
}

impl FromRequestParts<AppState> for Session {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let BearerToken(token) = BearerToken::from_request_parts(parts, state).await?;
        Ok(Session(session_in_use(state, token.expose()).await?))
    }
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::Invalid(fields) => {
                let mut api =
                    ApiError::new(ErrorCode::ValidationFailed, "some fields were refused");
                api.0.fields = fields;
                api
            }
            ServiceError::InvalidCredentials => {
                ApiError::new(ErrorCode::InvalidCredentials, "wrong e-mail or password")
            }
            ServiceError::Inactive => {
                ApiError::new(ErrorCode::AccountInactive, "the account is not activated")
            }
            ServiceError::Unauthenticated => {
                ApiError::new(ErrorCode::Unauthenticated, "no valid session")
            }
            ServiceError::PasswordExpired => {
                ApiError::new(ErrorCode::PasswordExpired, "choose a new password first")
            }
            ServiceError::TokenInvalid => {
                ApiError::new(ErrorCode::TokenInvalid, "the link or code is not valid")
            }
            ServiceError::TokenExpired => {
                ApiError::new(ErrorCode::TokenExpired, "the link or code has expired")
            }
            ServiceError::RateLimited(seconds) => ApiError::rate_limited(seconds),
            ServiceError::Store(ref cause) => ApiError::internal(cause),
            ServiceError::Hash(ref cause) => ApiError::internal(cause),
            ServiceError::Mail(ref cause) => ApiError::internal(cause),
            ServiceError::Access { refusal, field } => {
                let (code, message) = match refusal {
                    Refusal::ApprovalPending => (
                        ErrorCode::ApprovalPending,
                        "the account's administrators were asked to approve this user",
                    ),
                    Refusal::ApprovalRejected => (
                        ErrorCode::ApprovalRejected,
                        "the account's administrators rejected this user",
                    ),
                    Refusal::AccessRefused => (
                        ErrorCode::AccessRefused,
                        "the account takes requests from its own domains only",
                    ),
                };
                let mut api = ApiError::new(code, message);
                api.0
                    .fields
                    .insert(field.to_owned(), code.as_str().to_owned());
                api
            }
            ServiceError::LastAdministrator => ApiError::new(
                ErrorCode::LastAdministrator,
                "the only administrator of a protected account number stays until another is added",
            ),
            ServiceError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                ApiError::new(ErrorCode::Internal, "internal error")
            }
            ServiceError::External(external) => external.into(),
            ServiceError::NoPassword => ApiError::new(
                ErrorCode::NoPassword,
                "this login signs in with the carrier's account and has no password",
            ),
            ServiceError::Conflict(reason) => ApiError::new(ErrorCode::Conflict, reason),
        }
    }
}

impl From<ExternalError> for ApiError {
    fn from(error: ExternalError) -> Self {
        // The provider's own words go to the log, not to the client.
        tracing::info!(%error, "sign-in with the carrier's account refused");
        let (code, message) = match error {
            ExternalError::NotConfigured => (
                ErrorCode::NotFound,
                "signing in with the carrier's account is not configured",
            ),
            ExternalError::Unreachable(_) => (
                ErrorCode::ExternalProviderUnreachable,
                "the identity provider cannot be reached",
            ),
            ExternalError::CodeRefused(_) => (
                ErrorCode::ExternalCodeRefused,
                "the identity provider refused the code (expired or used)",
            ),
            ExternalError::TokenInvalid(_) => (
                ErrorCode::ExternalTokenInvalid,
                "the ID token did not pass the checks",
            ),
            ExternalError::ClockSkew(_) => (
                ErrorCode::ExternalClockSkew,
                "the identity provider's clock differs by more than two minutes",
            ),
            ExternalError::EmailUnverified => (
                ErrorCode::ExternalEmailUnverified,
                "the identity provider has not verified the e-mail address",
            ),
            ExternalError::Field { field, code } => return ApiError::field(field, code),
        };
        ApiError::new(code, message)
    }
}

/// An operator, by the operator token in `Authorization: Bearer oso_op_…`.
#[derive(Debug)]
pub struct OperatorSession(pub OperatorIdentity);

impl FromRequestParts<AppState> for OperatorSession {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let unauthenticated = || ApiError::new(ErrorCode::Unauthenticated, "no operator token");
        let token = bearer(parts).ok_or_else(unauthenticated)?;
        operator_tokens::authenticate(&state.database, token)
            .await
            .map_err(|cause| ApiError::internal(&cause))?
            .map(OperatorSession)
            .ok_or_else(unauthenticated)
    }
}

impl From<EsecureError> for ApiError {
    fn from(error: EsecureError) -> Self {
        match error {
            EsecureError::NotFound => {
                ApiError::new(ErrorCode::NotFound, "no such account or request")
            }
            EsecureError::LastAdministrator => ApiError::new(
                ErrorCode::LastAdministrator,
                "an account keeps at least one administrator",
            ),
            other => other.at_field("account_number").into(),
        }
    }
}
