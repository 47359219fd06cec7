//! The notification of a new eSecure request acts, where the desktop's notification server
//! supports actions (freedesktop servers do): "Approve" and "Reject" decide the request as the
//! app's buttons do (a notification cannot offer the app's 10-second Undo, so its Reject is
//! final), and a click on the notification opens that request in the app. Several requests
//! arriving together make one notification, whose click opens the list.

use oso_core::Decision;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// The texts of one notification, in the display language.
#[derive(Debug, Clone)]
pub struct RequestNotice {
    pub title: String,
    pub body: String,
    /// The one new request, with its action labels; `None` for several.
    pub request: Option<(i64, Actions)>,
}

#[derive(Debug, Clone)]
pub struct Actions {
    pub open: String,
    pub approve: String,
    pub reject: String,
}

/// Shows it; false (logged) when the desktop cannot.
pub fn show(app: &AppHandle, notice: RequestNotice) -> bool {
    #[cfg(target_os = "linux")]
    {
        show_with_actions(app, notice)
    }
    #[cfg(not(target_os = "linux"))]
    {
        crate::tray::notify(app, &notice.title, &notice.body)
    }
}

#[cfg(target_os = "linux")]
fn show_with_actions(app: &AppHandle, notice: RequestNotice) -> bool {
    let mut notification = notify_rust::Notification::new();
    notification
        .appname("OSO")
        .summary(&notice.title)
        .body(&notice.body);
    if let Some((_, actions)) = &notice.request {
        notification
            .action("default", &actions.open)
            .action("approve", &actions.approve)
            .action("reject", &actions.reject);
    } else {
        notification.action("default", &notice.body);
    }
    let handle = match notification.show() {
        Ok(handle) => handle,
        Err(error) => {
            tracing::warn!(%error, "cannot show a desktop notification");
            return false;
        }
    };
    let app = app.clone();
    let request = notice.request.map(|(id, _)| id);
    // Waiting for the person blocks: a thread of its own, until they act or it closes.
    std::thread::spawn(move || {
        handle.wait_for_action(|action| {
            let action = action.to_owned();
            tauri::async_runtime::spawn(act(app, request, action));
        });
    });
    true
}

/// What an action on the notification (or the tray menu's Approve and Reject) does.
pub async fn act(app: AppHandle, request: Option<i64>, action: String) {
    tracing::info!(%action, ?request, "notification action");
    let decision = match (action.as_str(), request) {
        ("approve", Some(_)) => Decision::Approve,
        ("reject", Some(_)) => Decision::Reject,
        ("default", Some(id)) => return open_request(&app, id),
        ("default", None) => return crate::tray::open_esecure(&app),
        _ => return,
    };
    let Some(id) = request else { return };
    let state = app.state::<AppState>();
    let Some(token) = state.session.token().await else {
        tracing::info!("a notification action after signing out does nothing");
        return;
    };
    let watch = app.state::<crate::esecure::EsecureWatch>();
    match state.client.esecure_decide(&token, &[id], decision).await {
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
