//! The tray icon and its menu ("Open OSO", "eSecure: N open requests", "Quit"), and desktop
//! notifications of new eSecure requests. Both are extras: where the desktop has no tray host or
//! no notification server (a bare X server in tests, say) OSO logs it and carries on.

use tauri::image::Image;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Wry};
use tauri_plugin_notification::NotificationExt;

use crate::window;

/// The tray icon, chosen by the build script from the icons that exist (see `build.rs`).
const ICON: &[u8] = include_bytes!(env!("OSO_TRAY_ICON"));

const OPEN: &str = "open";
const ESECURE: &str = "esecure";
const QUIT: &str = "quit";

/// Tells the UI to show the eSecure page (from the tray or a notification).
pub const OPEN_ESECURE_EVENT: &str = "esecure-open";

/// The menu's texts in the display language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrayTexts {
    pub open: String,
    pub esecure: String,
    pub quit: String,
}

/// The items whose text or state changes while OSO runs.
#[derive(Clone)]
pub struct TrayMenu {
    open: MenuItem<Wry>,
    esecure: MenuItem<Wry>,
    quit: MenuItem<Wry>,
}

impl std::fmt::Debug for TrayMenu {
    // The menu items are handles into the platform's menu, with nothing worth printing.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TrayMenu")
    }
}

impl TrayMenu {
    /// Shows the eSecure line (and the others, after a language switch).
    pub fn update(&self, texts: &TrayTexts, esecure_enabled: bool) {
        let results = [
            self.open.set_text(&texts.open),
            self.esecure.set_text(&texts.esecure),
            self.esecure.set_enabled(esecure_enabled),
            self.quit.set_text(&texts.quit),
        ];
        for error in results.into_iter().filter_map(Result::err) {
            tracing::warn!(%error, "cannot update the tray menu");
        }
    }
}

/// Brings the window forward on the eSecure page.
pub fn open_esecure(app: &AppHandle) {
    window::focus_main(app);
    if let Err(error) = app.emit(OPEN_ESECURE_EVENT, ()) {
        tracing::warn!(%error, "cannot send the UI to the eSecure page");
    }
}

/// Puts the icon in the tray; `None` (logged) when this desktop cannot show one.
pub fn show(app: &AppHandle, texts: &TrayTexts) -> Option<TrayMenu> {
    match build(app, texts) {
        Ok(menu) => Some(menu),
        Err(error) => {
            tracing::warn!(%error, "no tray icon on this desktop; closing the window quits OSO");
            None
        }
    }
}

fn build(app: &AppHandle, texts: &TrayTexts) -> tauri::Result<TrayMenu> {
    let open = MenuItem::with_id(app, OPEN, &texts.open, true, None::<&str>)?;
    let esecure = MenuItem::with_id(app, ESECURE, &texts.esecure, false, None::<&str>)?;
    let quit = MenuItem::with_id(app, QUIT, &texts.quit, true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&open, &esecure, &separator, &quit])?;
    TrayIconBuilder::with_id("oso")
        .icon(Image::from_bytes(ICON)?)
        .tooltip("OSO")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            OPEN => window::focus_main(app),
            ESECURE => open_esecure(app),
            QUIT => app.exit(0),
            _ => {}
        })
        .build(app)?;
    Ok(TrayMenu {
        open,
        esecure,
        quit,
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
