//! The outbound queue seen from outside the wizard: the summaries the UI lists, the event that
//! tells it the queue changed, and sending waiting orders when the service answers again (the
//! connection monitor calls [`send_waiting`]).

use serde::Serialize;
use tauri::{AppHandle, Emitter};

use crate::error::CommandError;
use crate::ordering::{self, Draft, Sent};
use crate::startup::AppState;

/// The event that tells the UI the queue changed; its payload is the list of queued orders.
pub const OUTBOUND_CHANGED: &str = "outbound-changed";

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftSummary {
    pub id: String,
    pub state: String,
    pub account_number: String,
    pub lines: usize,
    pub packs: u32,
    pub updated_at: String,
    pub order_number: Option<String>,
    pub refusal: Option<serde_json::Value>,
}

/// Every draft and queued order, newest first, as the Drafts list shows them.
pub async fn summaries(state: &AppState) -> Result<Vec<DraftSummary>, CommandError> {
    let mut summaries = Vec::new();
    for stored in state.local.drafts().await? {
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

pub async fn notify_outbound(app: &AppHandle, state: &AppState) {
    match summaries(state).await {
        Ok(all) => {
            let queued: Vec<_> = all
                .into_iter()
                .filter(|draft| draft.state != "editing")
                .collect();
            if let Err(error) = app.emit(OUTBOUND_CHANGED, queued) {
                tracing::warn!(%error, "cannot tell the UI about the queue");
            }
        }
        Err(error) => tracing::warn!(%error, "cannot read the queue"),
    }
}

/// Sends every waiting order (called when the service answers). Returns how many were sent.
pub async fn send_waiting(app: &AppHandle, state: &AppState) -> usize {
    let Some(token) = state.session.token().await else {
        return 0;
    };
    let Ok(drafts) = state.local.drafts().await else {
        return 0;
    };
    let mut sent = 0;
    for stored in drafts.into_iter().filter(|draft| draft.state == "waiting") {
        let Ok(draft) = Draft::from_stored(&stored) else {
            continue;
        };
        match ordering::send(&state.client, &state.local, &token, &stored.id, &draft).await {
            Ok(Sent::Waiting) => break,
            Ok(_) => sent += 1,
            Err(error) => tracing::warn!(%error, "cannot record a sent order"),
        }
    }
    if sent > 0 {
        tracing::info!(sent, "queued orders sent");
        notify_outbound(app, state).await;
    }
    sent
}
