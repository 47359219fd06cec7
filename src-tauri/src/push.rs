//! The service's events stream on this desktop: one stream while someone is signed in, reopened
//! with backoff and jitter after a failure and resumed with `Last-Event-ID`. Events replace
//! polling: an eSecure event has the watch look again (tray, notification), a decision sends
//! orders waiting for approval at once, an order's move tells the UI. While the stream is down
//! the watch and the approval retry fall back to their intervals.

use std::time::Duration;

use oso_api::events::{ACCESS_REQUEST, ORDER_STATUS, REQUESTS_CHANGED, REQUEST_DECIDED, SUMMARY};
use oso_desktop::events::{connect, Backoff, SseEvent, StreamError};
use tauri::{AppHandle, Emitter, Manager};

use crate::esecure::EsecureWatch;
use crate::state::AppState;

/// Tells the UI an order moved; its payload is the event's data (`order_number`, `status`).
pub const ORDER_STATUS_EVENT: &str = "order-status-changed";

/// How often, signed out or with the stream open, the session is looked at (locally) for a
/// sign-in, a sign-out or another login.
const SESSION_LOOK_EVERY: Duration = Duration::from_secs(1);

/// Follows the stream for as long as the app runs.
pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut backoff = Backoff::default();
        let mut last_event_id: Option<String> = None;
        let mut streamed_for: Option<String> = None;
        loop {
            let state = app.state::<AppState>();
            let Some(token) = state.session.token().await else {
                set_pushed(&app, false);
                last_event_id = None;
                // A sign-in wakes the watch, and this with it; the timer is a safety net.
                let watch = app.state::<EsecureWatch>();
                tokio::select! {
                    () = tokio::time::sleep(SESSION_LOOK_EVERY) => {}
                    () = watch.session_moved() => {}
                }
                continue;
            };
            // Another login since: its own events, from now on.
            if streamed_for.as_deref() != Some(token.expose()) {
                last_event_id = None;
                streamed_for = Some(token.expose().to_owned());
            }
            let mut stream = match connect(&state.client, &token, last_event_id.as_deref()).await {
                Ok(stream) => stream,
                Err(error) => {
                    set_pushed(&app, false);
                    let wait = match error {
                        // The session is gone: the app notices at its next call; no hurry.
                        StreamError::Unauthenticated => Duration::from_secs(30),
                        _ => backoff.next_wait(),
                    };
                    tracing::debug!(%error, ?wait, "no events stream; trying again later");
                    tokio::time::sleep(wait).await;
                    continue;
                }
            };
            tracing::info!(resumed = last_event_id.is_some(), "events stream open");
            backoff.reset();
            set_pushed(&app, true);
            // Whatever was decided while the stream was down goes now.
            state.approval_retry.release();
            crate::outbound::send_waiting(&app, &state).await;
            app.state::<EsecureWatch>().wake();
            loop {
                let next = tokio::select! {
                    next = stream.next() => next,
                    () = tokio::time::sleep(SESSION_LOOK_EVERY) => {
                        if state.session.token().await.as_ref().map(|token| token.expose()) != streamed_for.as_deref() {
                            break;
                        }
                        continue;
                    }
                };
                match next {
                    Ok(Some(event)) => {
                        if let Some(id) = &event.id {
                            last_event_id = Some(id.clone());
                        }
                        handle(&app, &event).await;
                    }
                    Ok(None) => {
                        tracing::info!("the service ended the events stream");
                        break;
                    }
                    Err(error) => {
                        tracing::info!(%error, "the events stream broke");
                        break;
                    }
                }
            }
            set_pushed(&app, false);
            tokio::time::sleep(backoff.next_wait()).await;
        }
    });
}

/// A request of this login expired without a decision: a notification says so (a rejection is
/// told by the order it refuses, or the page).
async fn tell_of_expiry(app: &AppHandle, state: &AppState, data: &str) {
    let Ok(decided) = serde_json::from_str::<oso_api::events::RequestDecidedEvent>(data) else {
        return;
    };
    if !decided.expired {
        return;
    }
    let catalogue = state
        .locales
        .catalogue(crate::l10n::display_language(&state.local).await);
    let number = crate::esecure::group(&decided.account_number);
    let title = catalogue.say("esecure-expired-notification-title", &[]);
    let body = catalogue.say(
        "esecure-expired-notification-body",
        &[("number", number.into())],
    );
    crate::tray::notify(app, &title, &body);
    app.state::<EsecureWatch>().record_order_notice(body);
}

fn set_pushed(app: &AppHandle, pushed: bool) {
    app.state::<AppState>().approval_retry.set_pushed(pushed);
    app.state::<EsecureWatch>().set_pushed(pushed);
}

async fn handle(app: &AppHandle, event: &SseEvent) {
    tracing::debug!(kind = %event.event, "event");
    match event.event.as_str() {
        // The watch reads the summary and the list, updates the tray and notifies.
        ACCESS_REQUEST | SUMMARY => app.state::<EsecureWatch>().wake(),
        // A request changed without the count moving (a decision elsewhere, a note): the page
        // reads its list again too.
        REQUESTS_CHANGED => {
            let watch = app.state::<EsecureWatch>();
            watch.wake();
            let status = watch.status();
            let summary = oso_api::esecure::Summary {
                administrator: status.administrator,
                open_requests: status.open_requests,
            };
            if let Err(error) = app.emit(crate::esecure::CHANGED_EVENT, summary) {
                tracing::warn!(%error, "cannot tell the page a request changed");
            }
        }
        REQUEST_DECIDED => {
            let state = app.state::<AppState>();
            tell_of_expiry(app, &state, &event.data).await;
            state.approval_retry.release();
            crate::outbound::send_waiting(app, &state).await;
            app.state::<EsecureWatch>().wake();
        }
        ORDER_STATUS => {
            let data: serde_json::Value =
                serde_json::from_str(&event.data).unwrap_or(serde_json::Value::Null);
            if let Err(error) = app.emit(ORDER_STATUS_EVENT, data) {
                tracing::warn!(%error, "cannot tell the UI an order moved");
            }
        }
        other => tracing::debug!(kind = other, "an event this version does not know"),
    }
}
