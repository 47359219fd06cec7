//! The e-mail links the app received (see [`crate::app_links`]): which one waits, and using it.
//! The token never comes from the UI: these commands read it from the waiting link.

use oso_api::ErrorCode;
use oso_core::SecretString;
use tauri::State;

use crate::app_links::{LinkKind, PendingLink};
use crate::error::CommandError;
use crate::state::AppState;
use oso_desktop::client::ClientError;

/// The kind of link opened since the UI last asked (`activate`, `reset-password`), if any.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all)]
pub fn app_link_take(pending: State<'_, PendingLink>) -> Option<LinkKind> {
    pending.take_notice()
}

/// The eSecure request a link asked to show, if one is waiting (taken once signed in).
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all)]
pub fn esecure_link_take(pending: State<'_, crate::app_links::PendingRequestLink>) -> Option<i64> {
    pending.take()
}

fn waiting(pending: &PendingLink, kind: LinkKind) -> Result<SecretString, CommandError> {
    pending.token(kind).ok_or_else(|| {
        CommandError::new(
            ErrorCode::TokenInvalid.as_str(),
            "no link from an e-mail is waiting",
        )
    })
}

/// A used, unknown or expired token is gone for good; a refused password or an unreachable
/// service leaves the link to try again.
fn settle(pending: &PendingLink, token: &SecretString, outcome: &Result<(), ClientError>) {
    let spent = match outcome {
        Ok(()) => true,
        Err(ClientError::Refused(body)) => {
            matches!(body.code, ErrorCode::TokenInvalid | ErrorCode::TokenExpired)
        }
        Err(_) => false,
    };
    if spent {
        pending.settle(token);
    }
}

/// Activates the login of the waiting `oso://activate` link.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn auth_activate_link(
    state: State<'_, AppState>,
    pending: State<'_, PendingLink>,
) -> Result<(), CommandError> {
    let token = waiting(&pending, LinkKind::Activate)?;
    let outcome = state.client.activate_with_link(&token).await;
    settle(&pending, &token, &outcome);
    Ok(outcome?)
}

/// Sets a new password with the waiting `oso://reset-password` link.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn auth_reset_password_link(
    state: State<'_, AppState>,
    pending: State<'_, PendingLink>,
    new_password: SecretString,
) -> Result<(), CommandError> {
    let token = waiting(&pending, LinkKind::ResetPassword)?;
    let outcome = state
        .client
        .reset_password_with_link(&token, &new_password)
        .await;
    settle(&pending, &token, &outcome);
    Ok(outcome?)
}
