//! The main window. It opens first thing, while the app prepares its state beside it (see
//! `startup::Readiness`); the page waits for that state before its first call.

use tauri::{AppHandle, Manager, WebviewUrl, WebviewWindowBuilder};

pub const MAIN: &str = "main";

pub fn open_main(app: &AppHandle) -> tauri::Result<()> {
    WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into()))
        .title("OSO")
        .inner_size(1120.0, 760.0)
        .min_inner_size(820.0, 560.0)
        .build()?;
    Ok(())
}

/// Brings the existing window forward (a second launch does this instead of a second window).
pub fn focus_main(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(MAIN) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
