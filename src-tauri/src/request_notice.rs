//! The notification of a new eSecure request acts, where the desktop's notification server
//! supports actions (freedesktop servers do): "Approve" and "Reject" decide the request as the
//! app's buttons do (a notification cannot offer the app's 10-second Undo, so its Reject is
//! final), and a click on the notification opens that request in the app. Several requests
//! arriving together make one notification, whose click opens the list.

use oso_desktop::owner::UserId;
use tauri::AppHandle;

/// What an action does, given by the caller (see `request_action`): the app, what the action is
/// about and the action's key (`default`, `approve`, `reject`). A function rather than a call
/// into the watch, so this module stays a leaf.
pub type OnAction = fn(AppHandle, ActionTarget, String);

/// What a notification's (or the tray menu's) action is about: the request (none for a
/// notification of several) and the login it was shown to. A notification outlives a sign-out,
/// so the action may only decide while that same login is signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionTarget {
    pub shown_to: Option<UserId>,
    pub request: Option<i64>,
}

/// The texts of one notification, in the display language.
#[derive(Debug, Clone)]
pub struct RequestNotice {
    pub title: String,
    pub body: String,
    /// The login whose requests these are.
    pub shown_to: Option<UserId>,
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
pub fn show(app: &AppHandle, notice: RequestNotice, on_action: OnAction) -> bool {
    #[cfg(target_os = "linux")]
    {
        show_with_actions(app, notice, on_action)
    }
    #[cfg(not(target_os = "linux"))]
    {
        // Elsewhere the plugin shows it, and its click opens the eSecure page.
        let _ = on_action;
        use tauri_plugin_notification::NotificationExt;
        app.notification()
            .builder()
            .title(&notice.title)
            .body(&notice.body)
            .show()
            .is_ok()
    }
}

#[cfg(target_os = "linux")]
fn show_with_actions(app: &AppHandle, notice: RequestNotice, on_action: OnAction) -> bool {
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
    let target = ActionTarget {
        shown_to: notice.shown_to,
        request: notice.request.map(|(id, _)| id),
    };
    // Waiting for the person blocks: a thread of its own, until they act or it closes.
    std::thread::spawn(move || {
        handle.wait_for_action(|action| on_action(app, target, action.to_owned()));
    });
    true
}
