//! "Save as": the desktop's own save dialog (Tauri's dialog plugin), over the main window.
//!
//! `OSO_SAVE_DIALOG` names a program that answers in its place, for the end-to-end tests (a GTK
//! dialog cannot be driven over WebDriver): it is run with the suggested path as its one
//! argument, and the first line it prints is the chosen path; printing nothing is cancelling.
//! Only when the variable is set; otherwise the real dialog asks.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

pub const SAVE_DIALOG_ENV: &str = "OSO_SAVE_DIALOG";

/// What the dialog proposes and how it names the file type, in the display language.
#[derive(Debug)]
pub struct SaveAs<'a> {
    pub title: &'a str,
    pub suggested: &'a Path,
    pub filter_name: &'a str,
    pub extension: &'a str,
}

/// The path the user chose, or `None` when they cancelled.
pub async fn ask(app: &AppHandle, save_as: SaveAs<'_>) -> Result<Option<PathBuf>, String> {
    if let Some(program) = std::env::var_os(SAVE_DIALOG_ENV).filter(|value| !value.is_empty()) {
        let suggested = save_as.suggested.to_owned();
        return tauri::async_runtime::spawn_blocking(move || {
            run_stand_in(Path::new(&program), &suggested)
        })
        .await
        .map_err(|error| error.to_string())?;
    }
    let mut dialog = app
        .dialog()
        .file()
        .set_title(save_as.title)
        .add_filter(save_as.filter_name, &[save_as.extension]);
    if let Some(directory) = save_as.suggested.parent() {
        dialog = dialog.set_directory(directory);
    }
    if let Some(name) = save_as.suggested.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    if let Some(window) = app.get_webview_window(crate::window::MAIN) {
        dialog = dialog.set_parent(&window);
    }
    let (answer, answered) = tokio::sync::oneshot::channel();
    dialog.save_file(move |chosen| {
        let _ = answer.send(chosen);
    });
    match answered
        .await
        .map_err(|_| "the save dialog went away".to_owned())?
    {
        None => Ok(None),
        Some(chosen) => chosen
            .into_path()
            .map(Some)
            .map_err(|error| error.to_string()),
    }
}

fn run_stand_in(program: &Path, suggested: &Path) -> Result<Option<PathBuf>, String> {
    tracing::info!(program = %program.display(), "asking {SAVE_DIALOG_ENV} where to save");
    let output = Command::new(program)
        .arg(suggested)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|error| error.to_string())?;
    let answer = String::from_utf8_lossy(&output.stdout);
    Ok(answer
        .lines()
        .next()
        .filter(|line| !line.is_empty())
        .map(PathBuf::from))
}
