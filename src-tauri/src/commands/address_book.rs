//! Manage account numbers, and the address book.

use oso_api::address_book::{SavedAccountNumber, SavedAddress};
use oso_core::AddressInput;
use tauri::State;

use super::profile::{signed_in_as, token};
use crate::error::CommandError;
use crate::state::AppState;
use oso_desktop::client::ClientError;
use oso_desktop::session::SignedInAs;

/// Fills the offline copies (catalogue, saved numbers, addresses) right after sign-in, so the
/// wizard works offline even if the user never opened these lists while online.
pub fn prefetch_for_offline(app: tauri::AppHandle) {
    use tauri::Manager;
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let Ok(me) = signed_in_as(&state).await else {
            return;
        };
        let _ = state.catalogue.get(&state.client, &state.local).await;
        let _ = cached(
            &state,
            &me,
            "account_numbers",
            state.client.account_numbers(&me.token),
        )
        .await;
        let _ = cached(&state, &me, "addresses", state.client.addresses(&me.token)).await;
    });
}

/// A list from the service, kept for offline use under its login; that login's kept copy when
/// the service is away.
pub(super) async fn cached<T, F>(
    state: &AppState,
    me: &SignedInAs,
    key: &str,
    fetch: F,
) -> Result<T, CommandError>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
    F: std::future::Future<Output = Result<T, ClientError>>,
{
    let fetched =
        oso_desktop::offline::online_else_kept(&state.local, &me.user, key, fetch).await?;
    Ok(fetched.into_inner())
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn account_numbers_list(
    state: State<'_, AppState>,
) -> Result<Vec<SavedAccountNumber>, CommandError> {
    let me = signed_in_as(&state).await?;
    cached(
        &state,
        &me,
        "account_numbers",
        state.client.account_numbers(&me.token),
    )
    .await
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn account_numbers_save(
    state: State<'_, AppState>,
    number: String,
    name: Option<String>,
) -> Result<SavedAccountNumber, CommandError> {
    let token = token(&state).await?;
    Ok(state
        .client
        .save_account_number(&token, &number, name.as_deref().unwrap_or_default())
        .await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn account_numbers_rename(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<SavedAccountNumber, CommandError> {
    let token = token(&state).await?;
    Ok(state
        .client
        .rename_account_number(&token, id, &name)
        .await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn account_numbers_remove(
    state: State<'_, AppState>,
    id: i64,
) -> Result<(), CommandError> {
    let token = token(&state).await?;
    Ok(state.client.remove_account_number(&token, id).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn addresses_list(state: State<'_, AppState>) -> Result<Vec<SavedAddress>, CommandError> {
    let me = signed_in_as(&state).await?;
    cached(&state, &me, "addresses", state.client.addresses(&me.token)).await
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn addresses_add(
    state: State<'_, AppState>,
    address: AddressInput,
) -> Result<SavedAddress, CommandError> {
    let token = token(&state).await?;
    Ok(state.client.add_address(&token, &address).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn addresses_update(
    state: State<'_, AppState>,
    id: i64,
    address: AddressInput,
) -> Result<SavedAddress, CommandError> {
    let token = token(&state).await?;
    Ok(state.client.update_address(&token, id, &address).await?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn addresses_remove(state: State<'_, AppState>, id: i64) -> Result<(), CommandError> {
    let token = token(&state).await?;
    Ok(state.client.remove_address(&token, id).await?)
}
