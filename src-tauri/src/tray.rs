//! The tray icon and its menu ("Open OSO", "eSecure: N open requests", the newest open requests
//! each with Approve and Reject, "Quit"), the open count as a badge on the icon and in its
//! tooltip, and desktop notifications. All are extras: where the desktop has no tray host or no
//! notification server (a bare X server in tests, say) OSO logs it and carries on.

use std::sync::{Arc, Mutex};

use oso_desktop::owner::UserId;
use tauri::image::Image;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Emitter, Wry};
use tauri_plugin_notification::NotificationExt;

use crate::request_notice::ActionTarget;
use crate::sync::lock;
use crate::window;

/// The tray icon, chosen by the build script from the icons that exist (see `build.rs`).
const ICON: &[u8] = include_bytes!(env!("OSO_TRAY_ICON"));

const OPEN: &str = "open";
const ESECURE: &str = "esecure";
const QUIT: &str = "quit";
const APPROVE: &str = "approve:";
const REJECT: &str = "reject:";

/// Tells the UI to show the eSecure page (from the tray or a notification).
pub const OPEN_ESECURE_EVENT: &str = "esecure-open";

/// The menu's texts in the display language, and the newest open requests it lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrayTexts {
    pub open: String,
    pub esecure: String,
    pub quit: String,
    /// "OSO: 3 open requests".
    pub tooltip: String,
    pub approve: String,
    pub reject: String,
    /// The newest open requests: (id, "who · which number"), newest first.
    pub requests: Vec<(i64, String)>,
    /// The login whose requests those are: the menu's Approve and Reject act for them only.
    pub listed_for: Option<UserId>,
}

/// The tray icon, whose menu, tooltip and badge follow the status.
#[derive(Clone)]
pub struct TrayMenu {
    app: AppHandle,
    tray: TrayIcon<Wry>,
    /// Whose requests the menu lists now, read when one of them is pressed.
    listed_for: Arc<Mutex<Option<UserId>>>,
}

impl std::fmt::Debug for TrayMenu {
    // The menu items are handles into the platform's menu, with nothing worth printing.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TrayMenu")
    }
}

impl TrayMenu {
    /// Shows the count (menu line, tooltip, badge) and the newest requests, in the display
    /// language.
    pub fn update(&self, texts: &TrayTexts, esecure_enabled: bool, open_requests: i64) {
        *lock(&self.listed_for) = texts.listed_for.clone();
        let menu = menu(&self.app, texts, esecure_enabled);
        let results = [
            menu.and_then(|menu| self.tray.set_menu(Some(menu))),
            self.tray.set_tooltip(Some(&texts.tooltip)),
            badged_icon(open_requests).and_then(|icon| self.tray.set_icon(Some(icon))),
        ];
        for error in results.into_iter().filter_map(Result::err) {
            tracing::warn!(%error, "cannot update the tray");
        }
    }
}

/// The icon with the open count drawn on it.
fn badged_icon(open_requests: i64) -> tauri::Result<Image<'static>> {
    let icon = Image::from_bytes(ICON)?;
    let rgba = crate::tray_badge::draw(icon.rgba(), icon.width(), icon.height(), open_requests);
    Ok(Image::new_owned(rgba, icon.width(), icon.height()))
}

fn menu(app: &AppHandle, texts: &TrayTexts, esecure_enabled: bool) -> tauri::Result<Menu<Wry>> {
    let open = MenuItem::with_id(app, OPEN, &texts.open, true, None::<&str>)?;
    let esecure = MenuItem::with_id(app, ESECURE, &texts.esecure, esecure_enabled, None::<&str>)?;
    let quit = MenuItem::with_id(app, QUIT, &texts.quit, true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &esecure])?;
    for (id, label) in &texts.requests {
        let approve = MenuItem::with_id(
            app,
            format!("{APPROVE}{id}"),
            &texts.approve,
            true,
            None::<&str>,
        )?;
        let reject = MenuItem::with_id(
            app,
            format!("{REJECT}{id}"),
            &texts.reject,
            true,
            None::<&str>,
        )?;
        let request = Submenu::with_items(app, label, true, &[&approve, &reject])?;
        menu.append(&request)?;
    }
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    menu.append(&quit)?;
    Ok(menu)
}

/// A request's Approve or Reject in the menu: `approve:12`, `reject:12`.
fn request_action(id: &str) -> Option<(&'static str, i64)> {
    if let Some(request) = id.strip_prefix(APPROVE) {
        return request.parse().ok().map(|request| ("approve", request));
    }
    id.strip_prefix(REJECT)?
        .parse()
        .ok()
        .map(|request| ("reject", request))
}

/// Brings the window forward on the eSecure page.
pub fn open_esecure(app: &AppHandle) {
    window::focus_main(app);
    if let Err(error) = app.emit(OPEN_ESECURE_EVENT, ()) {
        tracing::warn!(%error, "cannot send the UI to the eSecure page");
    }
}

/// Puts the icon in the tray; `None` (logged) when this desktop cannot show one.
pub fn show(
    app: &AppHandle,
    texts: &TrayTexts,
    on_action: crate::request_notice::OnAction,
) -> Option<TrayMenu> {
    match build(app, texts, on_action) {
        Ok(menu) => Some(menu),
        Err(error) => {
            tracing::warn!(%error, "no tray icon on this desktop; closing the window quits OSO");
            None
        }
    }
}

fn build(
    app: &AppHandle,
    texts: &TrayTexts,
    on_action: crate::request_notice::OnAction,
) -> tauri::Result<TrayMenu> {
    let listed_for = Arc::new(Mutex::new(texts.listed_for.clone()));
    let pressed_for = Arc::clone(&listed_for);
    let tray = TrayIconBuilder::with_id("oso")
        .icon(Image::from_bytes(ICON)?)
        .tooltip(&texts.tooltip)
        .menu(&menu(app, texts, false)?)
        .on_menu_event(move |app, event| match event.id().as_ref() {
            OPEN => window::focus_main(app),
            ESECURE => open_esecure(app),
            QUIT => app.exit(0),
            other => {
                if let Some((action, request)) = request_action(other) {
                    let target = ActionTarget {
                        shown_to: lock(&pressed_for).clone(),
                        request: Some(request),
                    };
                    on_action(app.clone(), target, action.to_owned());
                }
            }
        })
        .build(app)?;
    Ok(TrayMenu {
        app: app.clone(),
        tray,
        listed_for,
    })
}

/// A click on any of OSO's notifications opens the eSecure page: they are all about requests.
pub fn follow_notification_clicks(app: &AppHandle) {
    let handle = app.clone();
    if let Err(error) = app
        .notification()
        .on_action(move |_performed| open_esecure(&handle))
    {
        tracing::warn!(%error, "notification clicks will not open OSO");
    }
}

/// Shows a desktop notification; false (logged) when the desktop cannot show it.
pub fn notify(app: &AppHandle, title: &str, body: &str) -> bool {
    match app.notification().builder().title(title).body(body).show() {
        Ok(()) => true,
        Err(error) => {
            tracing::warn!(%error, "cannot show a desktop notification");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_s_menu_items_name_their_action_and_request() {
        assert_eq!(request_action("approve:12"), Some(("approve", 12)));
        assert_eq!(request_action("reject:7"), Some(("reject", 7)));
        assert_eq!(request_action("reject:x"), None);
        assert_eq!(request_action("quit"), None);
    }
}
