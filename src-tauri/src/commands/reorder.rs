//! "Order again": a new draft with a past order's account number, delivery address and lines.
//! Items no longer sold are left out of the draft and named to the user, never dropped silently.

use serde::Serialize;
use tauri::State;

use super::catalogue::pick;
use super::drafts::store_draft;
use super::l10n::display_language;
use super::profile::signed_in_as;
use crate::error::CommandError;
use crate::state::AppState;
use oso_desktop::ordering::{Draft, DraftLine};

#[derive(Debug, Serialize)]
pub struct UnavailableLine {
    pub sku: String,
    pub name: String,
    pub packs: u32,
}

#[derive(Debug, Serialize)]
pub struct ReorderView {
    pub draft: Draft,
    pub unavailable: Vec<UnavailableLine>,
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip(state), err(level = "info"))]
pub async fn order_again(
    state: State<'_, AppState>,
    order_number: String,
) -> Result<ReorderView, CommandError> {
    let me = signed_in_as(&state).await?;
    let details = state.client.order_details(&me.token, &order_number).await?;
    let catalogue = state.catalogue.get(&state.client, &state.local).await?;
    let language = display_language(&state).await?;
    let sold = |sku: &str| catalogue.catalogue.items.iter().any(|item| item.sku == sku);
    let (lines, gone): (Vec<_>, Vec<_>) =
        details.order.lines.iter().partition(|line| sold(&line.sku));
    let unavailable: Vec<UnavailableLine> = gone
        .into_iter()
        .map(|line| UnavailableLine {
            sku: line.sku.clone(),
            name: details
                .line_names
                .get(&line.sku)
                .map(|name| pick(name, language))
                .unwrap_or_else(|| line.sku.clone()),
            packs: line.packs,
        })
        .collect();
    let draft = Draft {
        // The review shows everything at once; with items gone, the supplies step comes first.
        step: if unavailable.is_empty() { 4 } else { 3 },
        account_number: details.order.account_number.clone(),
        address: details.order.address.clone(),
        lines: lines
            .into_iter()
            .map(|line| DraftLine {
                sku: line.sku.clone(),
                packs: line.packs,
            })
            .collect(),
        ..Draft::default()
    };
    let draft = store_draft(&state.local, &me.user, draft).await?;
    Ok(ReorderView { draft, unavailable })
}
