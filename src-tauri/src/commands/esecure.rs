//! eSecure: the administrator's requests, users, administrators, domains and audit trail, the
//! requester's own requests, and the tray's state. Each command is one call to the service;
//! those that change something ask the background watch to look again at once.

use oso_api::esecure::{AdministratorForm, AuditQuery, Decision, RequestsQuery};
use serde::Deserialize;
use tauri::{AppHandle, Manager, State};

use super::profile::token;
use crate::error::CommandError;
use crate::esecure::{EsecureWatch, WatchStatus};
use crate::state::AppState;
use oso_desktop::client::esecure::{
    AccessRequest, AuditEntry, CustomerAccount, DomainsForm, Summary,
};

fn look_again(app: &AppHandle) {
    app.state::<EsecureWatch>().wake();
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_summary(state: State<'_, AppState>) -> Result<Summary, CommandError> {
    let token = token(&state).await?;
    Ok(state.client.esecure_summary(&token).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_accounts(
    state: State<'_, AppState>,
) -> Result<Vec<CustomerAccount>, CommandError> {
    let token = token(&state).await?;
    Ok(state.client.esecure_accounts(&token).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_requests(
    state: State<'_, AppState>,
    status: Option<String>,
    account_number: Option<String>,
) -> Result<Vec<AccessRequest>, CommandError> {
    let token = token(&state).await?;
    let query = RequestsQuery {
        status,
        account_number,
    };
    Ok(state.client.esecure_requests(&token, &query).await?)
}

/// Approves or rejects every checked request at once; answers how many were decided.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_decide(
    app: AppHandle,
    state: State<'_, AppState>,
    ids: Vec<i64>,
    decision: String,
) -> Result<i64, CommandError> {
    let decision = match decision.as_str() {
        "approve" => Decision::Approve,
        "reject" => Decision::Reject,
        _ => {
            return Err(CommandError::field(
                "decision",
                "invalid",
                "approve or reject",
            ))
        }
    };
    let token = token(&state).await?;
    let decided = state.client.esecure_decide(&token, &ids, decision).await?;
    look_again(&app);
    Ok(decided)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_revoke(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<(), CommandError> {
    let token = token(&state).await?;
    state.client.esecure_revoke(&token, id).await?;
    look_again(&app);
    Ok(())
}

/// Approves `emails` for `account_number` at once. A bad address is refused as `emails.<index>`,
/// its place in the list, which the UI turns back into the address.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_add_users(
    app: AppHandle,
    state: State<'_, AppState>,
    account_number: String,
    emails: Vec<String>,
) -> Result<Vec<String>, CommandError> {
    let token = token(&state).await?;
    let added = state
        .client
        .esecure_add_users(&token, &account_number, &emails)
        .await?;
    look_again(&app);
    Ok(added)
}

#[derive(Debug, Deserialize)]
pub struct NewAdministrator {
    pub name: String,
    pub email: String,
    pub language: String,
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_add_administrator(
    state: State<'_, AppState>,
    account_number: String,
    administrator: NewAdministrator,
) -> Result<(), CommandError> {
    let token = token(&state).await?;
    let body = AdministratorForm {
        name: administrator.name.trim().to_owned(),
        email: administrator.email.trim().to_owned(),
        language: administrator.language,
    };
    Ok(state
        .client
        .esecure_add_administrator(&token, &account_number, &body)
        .await?)
}

/// Refused with `last_administrator` for an account's only administrator.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_remove_administrator(
    app: AppHandle,
    state: State<'_, AppState>,
    account_number: String,
    email: String,
) -> Result<(), CommandError> {
    let token = token(&state).await?;
    state
        .client
        .esecure_remove_administrator(&token, &account_number, &email)
        .await?;
    // Removing oneself may end being an administrator.
    look_again(&app);
    Ok(())
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_set_domains(
    state: State<'_, AppState>,
    account_number: String,
    domains: DomainsForm,
) -> Result<CustomerAccount, CommandError> {
    let token = token(&state).await?;
    Ok(state
        .client
        .esecure_set_domains(&token, &account_number, &domains)
        .await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_audit(
    state: State<'_, AppState>,
    account_number: Option<String>,
    limit: Option<u32>,
) -> Result<Vec<AuditEntry>, CommandError> {
    let token = token(&state).await?;
    let query = AuditQuery {
        account_number,
        limit: Some(limit.unwrap_or(50).min(500)),
    };
    Ok(state.client.esecure_audit(&token, &query).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_my_requests(
    state: State<'_, AppState>,
) -> Result<Vec<AccessRequest>, CommandError> {
    let token = token(&state).await?;
    Ok(state.client.esecure_my_requests(&token).await?)
}

/// The note on the user's own open request, for its administrators (mailed to them).
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip(state, note), err(level = "info"))]
pub async fn esecure_request_note(
    state: State<'_, AppState>,
    id: i64,
    note: String,
) -> Result<(), CommandError> {
    let token = token(&state).await?;
    Ok(state.client.esecure_set_note(&token, id, &note).await?)
}

/// What the background watch knows: administrator, open requests, the tray's line, the
/// notifications shown, and whether closing the window keeps OSO in the tray.
#[tauri::command(rename_all = "snake_case")]
pub async fn esecure_status(watch: State<'_, EsecureWatch>) -> Result<WatchStatus, CommandError> {
    Ok(watch.status())
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn esecure_set_keep_in_tray(
    app: AppHandle,
    state: State<'_, AppState>,
    keep: bool,
) -> Result<WatchStatus, CommandError> {
    state.local.set_keep_in_tray(keep).await?;
    crate::esecure::refresh(&app).await;
    Ok(app.state::<EsecureWatch>().status())
}
