//! Registration, activation, sign-in and sign-out, password reset.

use oso_core::SecretString;
use serde::Deserialize;
use tauri::{Manager, State};

use crate::error::CommandError;
use crate::state::AppState;
use oso_desktop::session::SessionView;

#[derive(Debug, Deserialize)]
pub struct RegistrationForm {
    pub company_name: String,
    pub contact_name: String,
    pub email: String,
    pub password: SecretString,
    pub language: String,
}

/// Whether someone is signed in, who, and whether the keyring keeps the session.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip(state), err(level = "info"))]
pub async fn session_get(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<SessionView, CommandError> {
    let view = state.session.view(&state.client).await?;
    app.state::<crate::esecure::EsecureWatch>().wake();
    if matches!(view.state, oso_desktop::session::SessionState::SignedIn) {
        super::address_book::prefetch_for_offline(app);
    }
    Ok(view)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn auth_register(
    state: State<'_, AppState>,
    form: RegistrationForm,
) -> Result<(), CommandError> {
    let body = oso_api::accounts::RegistrationForm {
        company_name: form.company_name,
        contact_name: form.contact_name,
        email: form.email,
        password: form.password,
        language: form.language,
    };
    Ok(state.client.register(&body).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn auth_activate(
    state: State<'_, AppState>,
    email: String,
    code: String,
) -> Result<(), CommandError> {
    Ok(state.client.activate(&email, &code).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn auth_resend_activation(
    state: State<'_, AppState>,
    email: String,
) -> Result<(), CommandError> {
    Ok(state.client.resend_activation(&email).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn auth_login(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    email: String,
    password: SecretString,
    stay_signed_in: bool,
) -> Result<SessionView, CommandError> {
    let grant = state.client.sign_in(&email, &password).await?;
    state
        .session
        .begin(grant.token, grant.user, stay_signed_in)
        .await;
    app.state::<crate::esecure::EsecureWatch>().wake();
    super::address_book::prefetch_for_offline(app);
    Ok(state.session.view(&state.client).await?)
}

/// Ends the session at the service and here, keyring entry included. Signing out works even
/// when the service cannot be reached: the local copy goes in any case.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn auth_logout(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<SessionView, CommandError> {
    // The offline copies go with the session; drafts and queued orders stay with their owner,
    // unseen and unsent until that login signs in again.
    if let Some(token) = state.session.end().await {
        if let Err(error) = state.client.sign_out(&token).await {
            tracing::warn!(%error, "the service did not confirm the sign-out");
        }
    }
    // The tray and the close behaviour stop being an administrator's at once.
    app.state::<crate::esecure::EsecureWatch>().wake();
    Ok(state.session.view(&state.client).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn auth_request_password_reset(
    state: State<'_, AppState>,
    email: String,
) -> Result<(), CommandError> {
    Ok(state.client.request_password_reset(&email).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn auth_reset_password(
    state: State<'_, AppState>,
    email: String,
    code: String,
    new_password: SecretString,
) -> Result<(), CommandError> {
    Ok(state
        .client
        .reset_password(&email, &code, &new_password)
        .await?)
}
