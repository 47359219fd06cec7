//! Registration, activation, sign-in, passwords, profile and "forget me" over HTTP.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;

use super::extract::{AnySession, Body, Session};
use super::ClientAddress;
use super::{ApiError, AppState, ErrorBody};
use oso_api::accounts::{
    ActivationCode, Credentials, EmailOnly, LinkPasswordReset, LinkToken, PasswordChange,
    PasswordConfirmation, PasswordReset, Profile, RegistrationForm, SessionGrant,
};

/// Register a login; the activation e-mail follows. The same answer for a known address.
#[utoipa::path(post, path = "/registrations", tag = "accounts", request_body = RegistrationForm,
    operation_id = "register",
    responses((status = 202, description = "Registered, or the owner was told"), (status = 422, body = ErrorBody),
              (status = 429, body = ErrorBody)))]
pub async fn register(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Body(form): Body<RegistrationForm>,
) -> Result<StatusCode, ApiError> {
    state.accounts.register(form, client).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Activate a login with the code from the e-mail.
#[utoipa::path(post, path = "/activations", tag = "accounts", request_body = ActivationCode,
    operation_id = "activate_login",
    responses((status = 204, description = "Activated"), (status = 400, body = ErrorBody), (status = 410, body = ErrorBody)))]
pub async fn activate(
    State(state): State<AppState>,
    Body(body): Body<ActivationCode>,
) -> Result<StatusCode, ApiError> {
    state
        .accounts
        .activate_with_code(&body.email, &body.code)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Activate a login with the token of the e-mailed link (the app opened through `oso://activate`).
#[utoipa::path(post, path = "/activations/link", tag = "accounts", request_body = LinkToken,
    operation_id = "activate_login_with_link",
    responses((status = 204, description = "Activated"), (status = 400, body = ErrorBody), (status = 410, body = ErrorBody)))]
pub async fn activate_with_link(
    State(state): State<AppState>,
    Body(body): Body<LinkToken>,
) -> Result<StatusCode, ApiError> {
    state.accounts.activate_with_link(&body.token).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Send a new activation e-mail (answers the same for any address).
#[utoipa::path(post, path = "/activations/resend", tag = "accounts", request_body = EmailOnly,
    operation_id = "resend_activation_code",
    responses((status = 202, description = "Sent when the address has a pending login"), (status = 429, body = ErrorBody)))]
pub async fn resend_activation(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Body(body): Body<EmailOnly>,
) -> Result<StatusCode, ApiError> {
    state
        .accounts
        .resend_activation(&body.email, client)
        .await?;
    Ok(StatusCode::ACCEPTED)
}

/// Sign in; the answer carries the session token.
#[utoipa::path(post, path = "/sessions", tag = "sessions", request_body = Credentials,
    operation_id = "sign_in",
    responses((status = 201, body = SessionGrant), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Body(body): Body<Credentials>,
) -> Result<(StatusCode, Json<SessionGrant>), ApiError> {
    let grant = state
        .accounts
        .sign_in(&body.email, &body.password, &client.to_string())
        .await?;
    Ok((StatusCode::CREATED, Json(grant)))
}

/// Sign out: this session ends at once.
#[utoipa::path(delete, path = "/sessions/current", tag = "sessions", security(("session" = [])),
    operation_id = "sign_out",
    responses((status = 204, description = "Signed out"), (status = 401, body = ErrorBody)))]
pub async fn sign_out(
    State(state): State<AppState>,
    AnySession(session): AnySession,
) -> Result<StatusCode, ApiError> {
    state.accounts.sign_out(&session).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in user's profile.
#[utoipa::path(get, path = "/me", tag = "profile", security(("session" = [])),
    operation_id = "get_profile",
    responses((status = 200, body = Profile), (status = 401, body = ErrorBody)))]
pub async fn profile(
    State(state): State<AppState>,
    AnySession(session): AnySession,
) -> Json<Profile> {
    Json(state.accounts.profile_of(&session))
}

/// Change the profile; a new e-mail needs `current_password`, and the old address is told.
#[utoipa::path(put, path = "/me", tag = "profile", security(("session" = [])), request_body = Profile,
    operation_id = "update_profile",
    responses((status = 200, body = Profile), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn update_profile(
    State(state): State<AppState>,
    Session(session): Session,
    Body(change): Body<Profile>,
) -> Result<Json<Profile>, ApiError> {
    Ok(Json(state.accounts.update_profile(&session, change).await?))
}

/// Change the password with the current one; the user's other sessions end.
#[utoipa::path(post, path = "/me/password", tag = "profile", security(("session" = [])), request_body = PasswordChange,
    operation_id = "change_password",
    responses((status = 204, description = "Changed"), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn change_password(
    State(state): State<AppState>,
    AnySession(session): AnySession,
    Body(body): Body<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    state
        .accounts
        .change_password(&session, &body.current_password, &body.new_password)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Forget me: revoke the login and make every personal datum unrecognisable.
#[utoipa::path(post, path = "/me/forget", tag = "profile", security(("session" = [])), request_body = PasswordConfirmation,
    operation_id = "forget_me",
    responses((status = 204, description = "Forgotten"), (status = 409, description = "The last administrator of a protected account number (`last_administrator`)", body = ErrorBody),
              (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn forget(
    State(state): State<AppState>,
    AnySession(session): AnySession,
    Body(body): Body<PasswordConfirmation>,
) -> Result<StatusCode, ApiError> {
    state.accounts.forget(&session, &body.password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ask for a password-reset e-mail (answers the same for any address).
#[utoipa::path(post, path = "/password-resets", tag = "accounts", request_body = EmailOnly,
    operation_id = "request_password_reset",
    responses((status = 202, description = "Sent when the address has a login"), (status = 429, body = ErrorBody)))]
pub async fn request_password_reset(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    Body(body): Body<EmailOnly>,
) -> Result<StatusCode, ApiError> {
    state
        .accounts
        .request_password_reset(&body.email, client)
        .await?;
    Ok(StatusCode::ACCEPTED)
}

/// Choose a new password with the code from the reset e-mail; every session ends.
#[utoipa::path(post, path = "/password-resets/confirm", tag = "accounts", request_body = PasswordReset,
    operation_id = "reset_password",
    responses((status = 204, description = "Changed"), (status = 400, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reset_password(
    State(state): State<AppState>,
    Body(body): Body<PasswordReset>,
) -> Result<StatusCode, ApiError> {
    state
        .accounts
        .reset_password_with_code(&body.email, &body.code, &body.new_password)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Choose a new password with the token of the e-mailed link (the app opened through
/// `oso://reset-password`); a refused password leaves the link usable. Every session ends.
#[utoipa::path(post, path = "/password-resets/link", tag = "accounts", request_body = LinkPasswordReset,
    operation_id = "reset_password_with_link",
    responses((status = 204, description = "Changed"), (status = 400, body = ErrorBody), (status = 410, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reset_password_with_link(
    State(state): State<AppState>,
    Body(body): Body<LinkPasswordReset>,
) -> Result<StatusCode, ApiError> {
    state
        .accounts
        .reset_password_with_link(&body.token, &body.new_password)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
