//! Where a new order's delivery address starts (see `oso_desktop::starting_address`).

use oso_core::AddressInput;
use serde::Serialize;
use tauri::State;

use super::profile::signed_in_as;
use crate::error::CommandError;
use crate::state::AppState;
use oso_desktop::starting_address::starting_address;

#[derive(Debug, Serialize)]
pub struct StartingAddress {
    pub address: AddressInput,
    /// Whether it starts from the last order (else from the profile alone), as the page says.
    pub from_last_order: bool,
}

/// The last placed order's address with the profile filling its gaps. Offline the profile is
/// left out (the last address is on this computer), never an error: it only saves typing.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn order_start_address(
    state: State<'_, AppState>,
) -> Result<StartingAddress, CommandError> {
    let me = signed_in_as(&state).await?;
    let last = state.local.last_address(&me.user).await?;
    let profile = match state.client.profile(&me.token).await {
        Ok(profile) => Some(profile),
        Err(error) => {
            tracing::info!(%error, "no profile to start the address from");
            None
        }
    };
    Ok(StartingAddress {
        from_last_order: last.is_some(),
        address: starting_address(last, profile.as_ref()),
    })
}
