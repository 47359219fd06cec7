//! Signing in with the carrier's account (OpenID Connect) over HTTP.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;

use super::extract::Body;
use super::ClientAddress;
use super::{ApiError, AppState, ErrorBody};
use oso_api::accounts::SessionGrant;
use oso_api::external_sign_in::{
    ExternalCodeRedemption, ExternalLink, ExternalRegistration, ExternalSignIn,
    ExternalSignInOffers,
};

/// What the login card needs to offer "Log in via …": no provider when none is configured.
#[utoipa::path(get, path = "/sessions/oidc", tag = "sessions",
    operation_id = "external_sign_in_offer",
    responses((status = 200, body = ExternalSignInOffers)))]
pub async fn offer(State(state): State<AppState>) -> Json<ExternalSignInOffers> {
    Json(ExternalSignInOffers {
        provider: state.external.offer().await,
    })
}

/// Redeem the code the browser brought back: a session, or the ticket of a first sign-in's last
/// step (a new login's company name, or an existing login's password).
#[utoipa::path(post, path = "/sessions/oidc", tag = "sessions", request_body = ExternalCodeRedemption,
    operation_id = "external_sign_in",
    responses((status = 200, body = ExternalSignIn),
              (status = 400, description = "The code was refused (`external_code_refused`), the ID token failed its checks (`external_token_invalid`) or the clocks differ (`external_clock_skew`)", body = ErrorBody),
              (status = 404, body = ErrorBody),
              (status = 409, description = "The provider has not verified the address (`external_email_unverified`)", body = ErrorBody),
              (status = 422, body = ErrorBody),
              (status = 502, body = ErrorBody)))]
pub async fn redeem(
    State(state): State<AppState>,
    Body(body): Body<ExternalCodeRedemption>,
) -> Result<Json<ExternalSignIn>, ApiError> {
    let identity = state
        .external
        .redeem(
            &body.code,
            &body.code_verifier,
            &body.redirect_uri,
            &body.nonce,
        )
        .await?;
    Ok(Json(state.accounts.sign_in_with_identity(identity).await?))
}

/// A first sign-in's new login, without a password; the answer is its session.
#[utoipa::path(post, path = "/sessions/oidc/registrations", tag = "sessions", request_body = ExternalRegistration,
    operation_id = "external_register",
    responses((status = 201, body = SessionGrant), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 410, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn register(
    State(state): State<AppState>,
    Body(body): Body<ExternalRegistration>,
) -> Result<(StatusCode, Json<SessionGrant>), ApiError> {
    let grant = state.accounts.register_with_identity(body).await?;
    Ok((StatusCode::CREATED, Json(grant)))
}

/// A first sign-in's link to the password login with the same address; the answer is its
/// session. A wrong password keeps the ticket for another try.
#[utoipa::path(post, path = "/sessions/oidc/links", tag = "sessions", request_body = ExternalLink,
    operation_id = "external_link",
    responses((status = 201, body = SessionGrant), (status = 400, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 410, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn link(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Body(body): Body<ExternalLink>,
) -> Result<(StatusCode, Json<SessionGrant>), ApiError> {
    let grant = state
        .accounts
        .link_identity(&body.ticket, &body.password, client)
        .await?;
    Ok((StatusCode::CREATED, Json(grant)))
}
