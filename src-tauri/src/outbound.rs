//! The outbound queue seen from outside the wizard: the summaries the UI lists, the event that
//! tells it the queue changed, and sending waiting orders when the service answers again (the
//! connection monitor calls [`send_waiting`], which calls [`send_queued`]), orders waiting for
//! eSecure approval included.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Serialize;
use tauri::{AppHandle, Emitter};

use crate::client::ServiceClient;
use crate::error::CommandError;
use crate::local::LocalStore;
use crate::ordering::{self, Draft, Sent};
use crate::startup::AppState;
use oso_service::secret::SecretString;

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

/// How often an order waiting for eSecure approval is offered again: soon enough that it goes
/// out within seconds of the approval, rarely enough to cost the service nothing.
pub const APPROVAL_RETRY_EVERY: Duration = Duration::from_secs(10);

/// When orders waiting for approval were last offered again.
#[derive(Debug, Default)]
pub struct ApprovalRetry(Mutex<Option<Instant>>);

impl ApprovalRetry {
    /// Whether they are due now; if so, the next time starts counting.
    fn due(&self, now: Instant) -> bool {
        let mut last = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let due = last.is_none_or(|last| now.duration_since(last) >= APPROVAL_RETRY_EVERY);
        if due {
            *last = Some(now);
        }
        due
    }
}

/// Sends every waiting order (called when the service answers), and every ~10 s the ones
/// waiting for approval; tells the UI when the queue changed. Returns how many changed state.
pub async fn send_waiting(app: &AppHandle, state: &AppState) -> usize {
    let Some(token) = state.session.token().await else {
        return 0;
    };
    let changed = send_queued(&state.client, &state.local, &token, &state.approval_retry).await;
    if changed > 0 {
        tracing::info!(changed, "queued orders sent or decided");
        notify_outbound(app, state).await;
    }
    changed
}

/// Sends the queue, oldest first, up to the first order the service cannot take now: every
/// waiting order, and the ones waiting for approval when `approval_retry` says they are due.
/// Returns how many changed state (sent, or refused for good).
pub async fn send_queued(
    client: &ServiceClient,
    local: &LocalStore,
    token: &SecretString,
    approval_retry: &ApprovalRetry,
) -> usize {
    let Ok(drafts) = local.drafts().await else {
        return 0;
    };
    let approvals_due =
        drafts.iter().any(|draft| draft.state == "approval") && approval_retry.due(Instant::now());
    let mut changed = 0;
    // Oldest first: orders go out in the order they were confirmed.
    for stored in drafts
        .into_iter()
        .rev()
        .filter(|draft| draft.state == "waiting" || (approvals_due && draft.state == "approval"))
    {
        let Ok(draft) = Draft::from_stored(&stored) else {
            continue;
        };
        let awaiting = stored.state == "approval";
        match ordering::send(client, local, token, &stored.id, &draft, awaiting).await {
            Ok(Sent::Waiting) => break,
            Ok(Sent::AwaitingApproval) if awaiting => {}
            Ok(_) => changed += 1,
            Err(error) => tracing::warn!(%error, "cannot record a sent order"),
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_waiting_for_approval_are_offered_again_every_ten_seconds() {
        let retry = ApprovalRetry::default();
        let start = Instant::now();
        assert!(retry.due(start), "the first time at once");
        assert!(!retry.due(start + Duration::from_secs(2)));
        assert!(!retry.due(start + Duration::from_secs(9)));
        assert!(retry.due(start + APPROVAL_RETRY_EVERY));
        assert!(!retry.due(start + APPROVAL_RETRY_EVERY + Duration::from_secs(1)));
    }
}
