//! Personal data: the profile, the password, and "forget me".

use oso_core::SecretString;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;
use oso_desktop::session::{ProfileView, SessionView, SignedInAs};

/// The session token, or `unauthenticated` when nobody is signed in.
pub(super) async fn token(state: &AppState) -> Result<SecretString, CommandError> {
    state.session.token().await.ok_or_else(|| {
        CommandError::new(
            oso_api::ErrorCode::Unauthenticated.as_str(),
            "not signed in",
        )
    })
}

/// The session with its login, or `unauthenticated` when nobody is signed in or the service has
/// not yet named the login of a session kept by an older OSO: drafts, the queue and offline
/// copies are only ever reached through this.
pub(super) async fn signed_in_as(state: &AppState) -> Result<SignedInAs, CommandError> {
    state.session.signed_in_as().await.ok_or_else(|| {
        CommandError::new(
            oso_api::ErrorCode::Unauthenticated.as_str(),
            "not signed in",
        )
    })
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn profile_get(state: State<'_, AppState>) -> Result<ProfileView, CommandError> {
    let token = token(&state).await?;
    Ok(state.client.profile(&token).await?.into())
}

/// Stores the profile; a new e-mail comes with the current password, which the service checks.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn profile_update(
    state: State<'_, AppState>,
    profile: ProfileView,
    current_password: Option<SecretString>,
) -> Result<ProfileView, CommandError> {
    let token = token(&state).await?;
    Ok(state
        .client
        .update_profile(&token, &profile.into(), current_password.as_ref())
        .await?
        .into())
}

/// Changes the password (also the way out of an expired one); the user's other sessions end.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn profile_change_password(
    state: State<'_, AppState>,
    current_password: SecretString,
    new_password: SecretString,
) -> Result<SessionView, CommandError> {
    let token = token(&state).await?;
    state
        .client
        .change_password(&token, &current_password, &new_password)
        .await?;
    Ok(state.session.view(&state.client).await?)
}

/// Forget me: the service revokes the login and anonymises; this desktop drops its copy.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn profile_forget_me(
    state: State<'_, AppState>,
    password: SecretString,
) -> Result<SessionView, CommandError> {
    let me = signed_in_as(&state).await?;
    state.client.forget(&me.token, &password).await?;
    state.session.end().await;
    state.local.forget_personal_data(&me.user).await?;
    Ok(state.session.view(&state.client).await?)
}
