//! The main window opens where and as large as it was left, through Tauri's window-state plugin.
//!
//! Only size, position and maximised are remembered. Visibility is not: a window hidden in the
//! tray would otherwise come back hidden at the next start. The zoom is the web view's, not the
//! window's, and stays in the local store (`commands::zoom`).
//!
//! The plugin writes its file only when the app exits normally. OSO also writes it a moment after
//! the window was last moved or resized, and when the window goes to the tray: an administrator
//! who keeps OSO in the tray never quits it, and the session's end (or a crash) kills it without
//! an exit.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

const REMEMBERED: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// The file name beside the other settings of this installation.
pub const FILE_NAME: &str = "window-state.json";

/// How long the window must stay put before its place is written: a drag sends many events.
const SETTLE: Duration = Duration::from_millis(400);

/// The plugin. With a data directory of its own (`OSO_DATA_DIR`: tests, side-by-side profiles)
/// the file lives there, like everything else of that profile; otherwise in the OS config
/// directory of the app, where the plugin keeps it.
pub fn plugin() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let builder = tauri_plugin_window_state::Builder::new().with_state_flags(REMEMBERED);
    // The plugin joins the name to the config directory, and joining an absolute path replaces
    // the directory (`Path::join`).
    let in_data_dir = crate::paths::chosen_data_dir()
        .and_then(|dir| std::path::absolute(dir).ok())
        .and_then(|dir| dir.join(FILE_NAME).to_str().map(str::to_owned));
    builder
        .with_filename(in_data_dir.unwrap_or_else(|| FILE_NAME.to_owned()))
        .build()
}

/// Counts moves and resizes, so only the last of a burst writes the file.
#[derive(Debug, Default)]
pub struct Changes(AtomicU64);

/// The window moved or changed size: write its place once it has settled.
pub fn changed(app: &AppHandle) {
    let Some(changes) = app.try_state::<Changes>() else {
        return;
    };
    let this_change = changes.0.fetch_add(1, Ordering::SeqCst) + 1;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(SETTLE).await;
        if app.state::<Changes>().0.load(Ordering::SeqCst) == this_change {
            // On the main thread: the plugin's writer reads the window while it holds its cache,
            // and from any other thread each read waits for the main thread, which may itself be
            // waiting for that cache in the plugin's handler of a new resize.
            let on_main = app.clone();
            if let Err(error) = app.run_on_main_thread(move || remember(&on_main)) {
                tracing::warn!(%error, "cannot remember the window's size and place");
            }
        }
    });
}

/// Writes the window's place now. Only on the main thread (see [`changed`]).
pub fn remember(app: &AppHandle) {
    if let Err(error) = app.save_window_state(REMEMBERED) {
        tracing::warn!(%error, "cannot remember the window's size and place");
    }
}
