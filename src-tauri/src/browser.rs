//! Opening a web page (or an exported file) with the desktop's own program, through Tauri's
//! opener plugin: links to other sites never open inside the app. `OSO_BROWSER` names a program
//! to run instead, with the URL as its one argument (the end-to-end tests record it there).

use std::process::{Command, Stdio};

use tauri_plugin_opener::OpenerExt;

pub const BROWSER_ENV: &str = "OSO_BROWSER";

/// Opens `url` in the user's browser.
pub fn open(app: &tauri::AppHandle, url: &str) -> Result<(), String> {
    if let Some(program) = stand_in() {
        return run_stand_in(&program, url);
    }
    tracing::info!("opening a link in the browser");
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|error| error.to_string())
}

/// Opens the file at `path` with the program the desktop uses for its type.
pub fn open_file(app: &tauri::AppHandle, path: &str) -> Result<(), String> {
    if let Some(program) = stand_in() {
        return run_stand_in(&program, path);
    }
    tracing::info!("opening a file with the desktop's program for it");
    app.opener()
        .open_path(path, None::<&str>)
        .map_err(|error| error.to_string())
}

fn stand_in() -> Option<String> {
    std::env::var(BROWSER_ENV)
        .ok()
        .filter(|program| !program.is_empty())
}

/// The URL is passed as one argument, never through a shell.
fn run_stand_in(program: &str, target: &str) -> Result<(), String> {
    tracing::info!(%program, "handing a link to {BROWSER_ENV}");
    Command::new(program)
        .arg(target)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|error| error.to_string())
}
