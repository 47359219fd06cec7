//! The outbound queue seen from outside the wizard: the summaries the UI lists, the event that
//! tells it the queue changed, and sending waiting orders when the service answers again (the
//! connection monitor calls [`send_waiting`], which calls [`send_queued`]), orders waiting for
//! eSecure approval included.

use oso_core::DraftState;

use serde::Serialize;
use tauri::{AppHandle, Emitter};

use crate::error::CommandError;
use crate::state::AppState;
use oso_desktop::ordering::Draft;
use oso_desktop::outbound::send_queued;
use oso_desktop::owner::UserId;

/// The event that tells the UI the queue changed; its payload is the list of queued orders.
pub const OUTBOUND_CHANGED: &str = "outbound-changed";

#[derive(Debug, Clone, Serialize)]
pub struct DraftSummary {
    pub id: String,
    pub state: DraftState,
    pub account_number: String,
    pub lines: usize,
    pub packs: u32,
    pub updated_at: String,
    pub order_number: Option<String>,
    pub refusal: Option<serde_json::Value>,
}

/// Every draft and queued order of `owner`, newest first, as the Drafts list shows them.
pub async fn summaries(
    state: &AppState,
    owner: &UserId,
) -> Result<Vec<DraftSummary>, CommandError> {
    let mut summaries = Vec::new();
    for stored in state.local.drafts(owner).await? {
        let draft = Draft::from_stored(&stored)?;
        summaries.push(DraftSummary {
            id: stored.id,
            state: stored.state,
            account_number: draft.account_number,
            lines: draft.lines.len(),
            packs: draft.lines.iter().map(|line| line.packs).sum(),
            updated_at: stored.updated_at.to_rfc3339(),
            order_number: stored.order_number,
            refusal: stored
                .refusal
                .and_then(|text| serde_json::from_str(&text).ok()),
        });
    }
    Ok(summaries)
}

/// Tells the UI the signed-in login's queue (empty when nobody is signed in).
pub async fn notify_outbound(app: &AppHandle, state: &AppState) {
    let all = match state.session.signed_in_as().await {
        Some(me) => summaries(state, &me.user).await,
        None => Ok(Vec::new()),
    };
    match all {
        Ok(all) => {
            let queued: Vec<_> = all
                .into_iter()
                .filter(|draft| draft.state != DraftState::Editing)
                .collect();
            if let Err(error) = app.emit(OUTBOUND_CHANGED, queued) {
                tracing::warn!(%error, "cannot tell the UI about the queue");
            }
        }
        Err(error) => tracing::warn!(%error, "cannot read the queue"),
    }
}

/// Sends every waiting order (called when the service answers), and every ~10 s the ones
/// waiting for approval; tells the UI when the queue changed. Returns how many changed state.
pub async fn send_waiting(app: &AppHandle, state: &AppState) -> usize {
    let Some(me) = state.session.signed_in_as().await else {
        return 0;
    };
    let changed = send_queued(&state.client, &state.local, &me, &state.approval_retry).await;
    if changed > 0 {
        tracing::info!(changed, "queued orders sent or decided");
        notify_outbound(app, state).await;
    }
    changed
}
