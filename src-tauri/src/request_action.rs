//! What an action on a request's notification or in the tray menu does: Approve and Reject
//! decide it as the app's buttons do, the click opens it. A notification outlives the session
//! it was shown in, so a decision is taken only while the login it was shown to is still the
//! one signed in; otherwise it is dropped (and logged), never taken in someone else's name.

use oso_core::Decision;
use tauri::{AppHandle, Emitter, Manager};

use crate::esecure::EsecureWatch;
use crate::request_notice::ActionTarget;
use crate::state::AppState;

/// As [`crate::request_notice::OnAction`]: `approve`, `reject` or `default` (open it).
pub fn on_request_action(app: AppHandle, target: ActionTarget, action: String) {
    tauri::async_runtime::spawn(act(app, target, action));
}

async fn act(app: AppHandle, target: ActionTarget, action: String) {
    tracing::info!(%action, request = ?target.request, "notification action");
    let state = app.state::<AppState>();
    let signed_in = state.session.signed_in_as().await;
    let same_login = target.shown_to.is_some()
        && signed_in.as_ref().map(|me| &me.user) == target.shown_to.as_ref();
    let decision = match (action.as_str(), target.request) {
        ("approve", Some(_)) => Decision::Approve,
        ("reject", Some(_)) => Decision::Reject,
        // Shown to someone else: the window, but not their request.
        ("default", _) if !same_login => return crate::window::focus_main(&app),
        ("default", Some(id)) => return open_request(&app, id),
        ("default", None) => return crate::tray::open_esecure(&app),
        _ => return,
    };
    let watch = app.state::<EsecureWatch>();
    let (Some(id), Some(me), true) = (target.request, signed_in, same_login) else {
        tracing::warn!(
            request = ?target.request,
            "a decision pressed on a notification shown to another login (or after signing \
             out) is dropped"
        );
        watch.record_dropped_action();
        return;
    };
    match state
        .client
        .esecure_decide(&me.token, &[id], decision)
        .await
    {
        Ok(_) => {
            watch.record_action(&action, id);
            // The tray, the count and the page follow (the watch tells the page), as after a
            // decision in the app.
            watch.wake();
        }
        Err(error) => {
            // Decided meanwhile in the app or by another administrator: the request shows why.
            tracing::info!(%error, "the notification's decision was refused");
            open_request(&app, id);
        }
    }
}

/// Shows request `id` in the window, as its e-mail's "Open in OSO" does.
fn open_request(app: &AppHandle, id: i64) {
    app.state::<crate::app_links::PendingRequestLink>()
        .offer(id);
    crate::window::focus_main(app);
    if let Err(error) = app.emit(crate::app_links::REQUEST_EVENT, ()) {
        tracing::warn!(%error, "cannot tell the window about the request");
    }
}
