//! The tray icon and its menu ("Open OSO", "eSecure: N open requests", the newest open requests
//! each with Approve and Reject, "Quit"), the open count as a badge on the icon and in its
//! tooltip, and desktop notifications. All are extras: where the desktop has no tray host or no
//! notification server (a bare X server in tests, say) OSO logs it and carries on.

use std::sync::{Arc, Mutex};

use oso_desktop::owner::UserId;
use tauri::image::Image;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Emitter, Manager, Theme, Wry};
use tauri_plugin_notification::NotificationExt;

use crate::request_notice::ActionTarget;
use crate::sync::lock;
use crate::window;

/// The tray glyphs, chosen by the build script from the icons that exist (see `build.rs`): a
/// light glyph for a dark panel and a dark one for a light panel.
const GLYPH_FOR_DARK_PANEL: &[u8] = include_bytes!(env!("OSO_TRAY_ICON_FOR_DARK_PANEL"));
const GLYPH_FOR_LIGHT_PANEL: &[u8] = include_bytes!(env!("OSO_TRAY_ICON_FOR_LIGHT_PANEL"));

/// The glyph that reads on the panel of a desktop in `theme`. The panel follows the desktop's
/// colour scheme on most desktops (KDE, Xfce, Cinnamon, macOS, Windows); a dark one is the
/// default where the scheme is not known.
fn glyph(theme: Option<Theme>) -> &'static [u8] {
    match theme {
        Some(Theme::Light) => GLYPH_FOR_LIGHT_PANEL,
        _ => GLYPH_FOR_DARK_PANEL,
    }
}

/// The desktop's colour scheme as the window sees it. A GTK theme chosen for the app in the
/// environment (`GTK_THEME=Adwaita:dark`, which the web view follows too) is not in the GTK
/// settings the window reads, so it is looked at first.
fn desktop_theme(app: &AppHandle) -> Option<Theme> {
    let forced = std::env::var("GTK_THEME").ok().map(|theme| {
        let theme = theme.to_ascii_lowercase();
        if theme.ends_with(":dark") || theme.ends_with("-dark") {
            Theme::Dark
        } else {
            Theme::Light
        }
    });
    forced.or_else(|| {
        app.get_webview_window(window::MAIN)
            .and_then(|main| main.theme().ok())
    })
}

/// Which glyph `theme` shows, as the status names it.
pub fn glyph_name(theme: Option<Theme>) -> &'static str {
    match theme {
        Some(Theme::Light) => "for-light-panel",
        _ => "for-dark-panel",
    }
}

pub(crate) const OPEN: &str = "open";
pub(crate) const ESECURE: &str = "esecure";
pub(crate) const QUIT: &str = "quit";
pub(crate) const APPROVE: &str = "approve:";
pub(crate) const REJECT: &str = "reject:";

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
    /// The desktop's colour scheme (the glyph follows it) and the count on the badge.
    drawn: Arc<Mutex<(Option<Theme>, i64)>>,
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
        ];
        for error in results.into_iter().filter_map(Result::err) {
            tracing::warn!(%error, "cannot update the tray");
        }
        let theme = {
            let mut drawn = lock(&self.drawn);
            drawn.1 = open_requests;
            drawn.0
        };
        self.draw(theme, open_requests);
    }

    /// Which glyph the icon shows (`for-dark-panel`, `for-light-panel`).
    pub fn glyph(&self) -> &'static str {
        glyph_name(lock(&self.drawn).0)
    }

    /// The desktop's colour scheme changed: the glyph that reads on its panel.
    pub fn follow_theme(&self, theme: Theme) {
        let open_requests = {
            let mut drawn = lock(&self.drawn);
            drawn.0 = Some(theme);
            drawn.1
        };
        self.draw(Some(theme), open_requests);
    }

    fn draw(&self, theme: Option<Theme>, open_requests: i64) {
        let drawn =
            badged_icon(theme, open_requests).and_then(|icon| self.tray.set_icon(Some(icon)));
        if let Err(error) = drawn {
            tracing::warn!(%error, "cannot draw the tray icon");
        }
    }
}

/// The glyph for `theme`'s panel with the open count drawn on it.
fn badged_icon(theme: Option<Theme>, open_requests: i64) -> tauri::Result<Image<'static>> {
    let icon = Image::from_bytes(glyph(theme))?;
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
    let theme = desktop_theme(app);
    let tray = TrayIconBuilder::with_id("oso")
        .icon(Image::from_bytes(glyph(theme))?)
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
        drawn: Arc::new(Mutex::new((theme, 0))),
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
