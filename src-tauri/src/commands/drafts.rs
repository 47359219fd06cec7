//! The order wizard: drafts saved on every change, step checks, placing an order (or queueing
//! it while the service is away), and the list of queued orders.

use oso_core::DraftState;
use std::collections::BTreeMap;

use chrono::Utc;
use serde::Serialize;
use tauri::{AppHandle, State};

use super::profile::signed_in_as;
use crate::error::CommandError;
use crate::outbound::{notify_outbound, summaries, DraftSummary};
use crate::state::AppState;
use oso_desktop::local::LocalStore;
use oso_desktop::ordering::{self, Draft, Sent};
use oso_desktop::owner::UserId;

#[derive(Debug, Serialize)]
pub struct StepCheck {
    pub fields: BTreeMap<String, String>,
}

#[derive(Debug, Serialize)]
pub struct PlaceOutcome {
    pub state: DraftState,
    pub order_number: Option<String>,
    /// What the result names ("the administrators of account number ••••• 4567 were asked").
    pub account_number: String,
}

/// The most recently changed unfinished draft with something in it, to offer to resume.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn draft_current(state: State<'_, AppState>) -> Result<Option<Draft>, CommandError> {
    let me = signed_in_as(&state).await?;
    for stored in state.local.drafts(&me.user).await? {
        if stored.state == DraftState::Editing {
            let draft = Draft::from_stored(&stored)?;
            if draft.has_content() {
                return Ok(Some(draft));
            }
        }
    }
    Ok(None)
}

/// Saves the wizard's state; called on every change.
#[tauri::command(rename_all = "snake_case")]
pub async fn draft_save(state: State<'_, AppState>, draft: Draft) -> Result<Draft, CommandError> {
    let me = signed_in_as(&state).await?;
    store_draft(&state.local, &me.user, draft).await
}

/// Saves `draft` of `owner` (a new one when it has no id yet) and answers it as stored. When
/// this returns, the save is on disk (`synchronous = FULL`).
pub async fn store_draft(
    local: &LocalStore,
    owner: &UserId,
    draft: Draft,
) -> Result<Draft, CommandError> {
    let id = draft.id.clone().unwrap_or_else(ordering::new_draft_id);
    let body = serde_json::to_string(&Draft {
        id: None,
        updated_at: None,
        ..draft
    })
    .map_err(|error| CommandError::new(crate::error::LOCAL_STORE, error.to_string()))?;
    if !local.save_draft(owner, &id, &body, Utc::now()).await? {
        return Err(CommandError::new(
            oso_api::ErrorCode::Conflict.as_str(),
            "this order was sent already",
        ));
    }
    let stored = local
        .draft(owner, &id)
        .await?
        .ok_or_else(|| CommandError::new(crate::error::LOCAL_STORE, "lost draft"))?;
    Ok(Draft::from_stored(&stored)?)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn drafts_list(state: State<'_, AppState>) -> Result<Vec<DraftSummary>, CommandError> {
    let me = signed_in_as(&state).await?;
    summaries(&state, &me.user).await
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn draft_open(state: State<'_, AppState>, id: String) -> Result<Draft, CommandError> {
    let me = signed_in_as(&state).await?;
    let stored =
        state.local.draft(&me.user, &id).await?.ok_or_else(|| {
            CommandError::new(oso_api::ErrorCode::NotFound.as_str(), "no such draft")
        })?;
    Ok(Draft::from_stored(&stored)?)
}

/// Discards a draft, removes a sent one from the list, or withdraws an order waiting for
/// approval (it was never placed). An order waiting to be sent stays.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn draft_discard(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<(), CommandError> {
    let me = signed_in_as(&state).await?;
    if !state.local.discard_draft(&me.user, &id).await?
        && state
            .local
            .withdraw_awaiting_approval(&me.user, &id)
            .await?
    {
        notify_outbound(&app, &state).await;
    }
    Ok(())
}

/// The refused fields of one step, checked here by the service's own rules (works offline).
#[tauri::command(rename_all = "snake_case")]
pub async fn draft_check(
    state: State<'_, AppState>,
    step: u8,
    draft: Draft,
) -> Result<StepCheck, CommandError> {
    let catalogue = state.catalogue.get(&state.client, &state.local).await.ok();
    Ok(StepCheck {
        fields: ordering::check_step(step, &draft, catalogue.as_deref()),
    })
}

/// Confirms a draft: checks it, saves the account number and address when asked, and places
/// the order; while the service is away the order waits in the queue and goes out later.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn order_place(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<PlaceOutcome, CommandError> {
    let me = signed_in_as(&state).await?;
    let stored =
        state.local.draft(&me.user, &id).await?.ok_or_else(|| {
            CommandError::new(oso_api::ErrorCode::NotFound.as_str(), "no such draft")
        })?;
    let draft = Draft::from_stored(&stored)?;
    let catalogue = state.catalogue.get(&state.client, &state.local).await.ok();
    let mut fields = BTreeMap::new();
    for step in 1..=3 {
        fields.extend(ordering::check_step(step, &draft, catalogue.as_deref()));
    }
    if !fields.is_empty() {
        let mut error = CommandError::new(
            oso_api::ErrorCode::ValidationFailed.as_str(),
            "the order has refused fields",
        );
        error.fields = fields;
        return Err(error);
    }
    let sent = ordering::confirm(&state.client, &state.local, &me, &id, &draft).await?;
    let outcome = match sent {
        Sent::Accepted(number) => PlaceOutcome {
            state: DraftState::Accepted,
            order_number: Some(number),
            account_number: draft.account_number,
        },
        Sent::Waiting => PlaceOutcome {
            state: DraftState::Waiting,
            order_number: None,
            account_number: draft.account_number,
        },
        // Kept in the queue: the administrators were asked, and it goes out once they approve.
        Sent::AwaitingApproval => PlaceOutcome {
            state: DraftState::Approval,
            order_number: None,
            account_number: draft.account_number,
        },
        Sent::Refused(body) => {
            // Refused while the user is there: back to editing, the reasons at their fields.
            state
                .local
                .set_draft_state(&me.user, &id, DraftState::Editing, None, None, Utc::now())
                .await?;
            return Err(oso_desktop::client::ClientError::Refused(body).into());
        }
    };
    notify_outbound(&app, &state).await;
    Ok(outcome)
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn outbound_list(state: State<'_, AppState>) -> Result<Vec<DraftSummary>, CommandError> {
    let me = signed_in_as(&state).await?;
    Ok(summaries(&state, &me.user)
        .await?
        .into_iter()
        .filter(|draft| draft.state != DraftState::Editing)
        .collect())
}
