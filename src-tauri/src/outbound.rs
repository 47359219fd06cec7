//! The outbound queue seen from outside the wizard: the summaries the UI lists, the event that
//! tells it the queue changed, and sending waiting orders when the service answers again (the
//! connection monitor calls [`send_waiting`], which calls [`send_queued`]), orders waiting for
//! eSecure approval included.

use oso_core::DraftState;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::error::CommandError;
use crate::state::AppState;
use oso_desktop::ordering::Draft;
use oso_desktop::outbound::{send_queued_with_news, ApprovalNews};
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
            // Waiting for approval or not any more: whether closing keeps OSO in the tray.
            crate::esecure::refresh(app).await;
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

/// Sends every waiting order (called when the service answers), and the ones waiting for
/// approval when a decision arrived (or every ~10 s while the events stream is down); tells the
/// UI when the queue changed, and the user, by a desktop notification, what became of an order
/// that waited for approval. Returns how many changed state.
pub async fn send_waiting(app: &AppHandle, state: &AppState) -> usize {
    // One at a time. Two at once (the connection coming back as a decision is pushed, say)
    // both sent an order that waits for approval, both read its refusal, and the user was told
    // twice; the second now finds it decided and leaves it.
    let _one_sending = state.sending.lock().await;
    let Some(me) = state.session.signed_in_as().await else {
        return 0;
    };
    let (changed, news) =
        send_queued_with_news(&state.client, &state.local, &me, &state.approval_retry).await;
    if changed > 0 {
        tracing::info!(changed, "queued orders sent or decided");
        notify_outbound(app, state).await;
    }
    for news in news {
        tell_of_approval(app, state, &news).await;
    }
    changed
}

/// "Your order … was approved and placed" or "… was not approved", in the display language.
async fn tell_of_approval(app: &AppHandle, state: &AppState, news: &ApprovalNews) {
    let catalogue = state
        .locales
        .catalogue(crate::l10n::display_language(&state.local).await);
    let (title, body) = match news {
        ApprovalNews::Placed {
            order_number,
            account_number,
        } => (
            catalogue.say("order-approved-notification-title", &[]),
            catalogue.say(
                "order-approved-notification-body",
                &[
                    ("number", order_number.clone().into()),
                    ("account", account_number.clone().into()),
                ],
            ),
        ),
        ApprovalNews::Refused { account_number } => (
            catalogue.say("order-refused-notification-title", &[]),
            catalogue.say(
                "order-refused-notification-body",
                &[("account", account_number.clone().into())],
            ),
        ),
    };
    tracing::info!(
        ?news,
        "telling the user what became of an order that waited for approval"
    );
    crate::tray::notify(app, &title, &body);
    app.state::<crate::esecure::EsecureWatch>()
        .record_order_notice(body);
}
