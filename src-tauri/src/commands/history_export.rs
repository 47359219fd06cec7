//! Exporting the visible history (with lines) as a CSV file where the user chooses in the save
//! dialog, and opening that file in the user's spreadsheet.

use std::path::PathBuf;
use std::sync::Mutex;

use oso_api::orders::{Direction, ExportQuery, SortColumn};
use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use super::l10n::display_language;
use super::profile::token;
use crate::error::{CommandError, EXPORT_FAILED};
use crate::export_file;
use crate::save_dialog::{self, SaveAs};
use crate::state::AppState;

/// The file the last export wrote: the only file `history_export_open` opens.
#[derive(Debug, Default)]
pub struct LastExport(Mutex<Option<PathBuf>>);

#[derive(Debug, Serialize)]
pub struct ExportView {
    pub path: String,
    pub file_name: String,
    pub orders: usize,
    pub lines: usize,
    /// More orders matched than one export holds.
    pub truncated: bool,
}

fn internal(error: impl ToString) -> CommandError {
    CommandError::new(oso_api::ErrorCode::Internal.as_str(), error.to_string())
}

/// Where the dialog starts: `XDG_DOWNLOAD_DIR` when set, then the OS Downloads folder, then the
/// home folder; the first of them that exists.
fn export_dir(app: &AppHandle) -> PathBuf {
    std::env::var_os("XDG_DOWNLOAD_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute() && dir.is_dir())
        .or_else(|| app.path().download_dir().ok().filter(|dir| dir.is_dir()))
        .or_else(|| app.path().home_dir().ok())
        .unwrap_or_else(std::env::temp_dir)
}

/// Asks where to save, then writes the export there. Answers nothing when the user cancelled the
/// dialog: then nothing is asked of the service and nothing is written.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
#[allow(clippy::too_many_arguments)]
pub async fn history_export(
    app: AppHandle,
    state: State<'_, AppState>,
    last: State<'_, LastExport>,
    sort: Option<SortColumn>,
    direction: Option<Direction>,
    status: Option<String>,
    account_number: Option<String>,
    search: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<Option<ExportView>, CommandError> {
    // Refused filters are said before the dialog asks anything.
    let (search, days) = super::history::search_and_days(search, from.as_deref(), to.as_deref())?;
    let token = token(&state).await?;
    let language = display_language(&state).await?;
    let messages = state.locales.catalogue(language);
    let say = |id| messages.say(id, &[]);
    let date = chrono::Local::now().format("%Y-%m-%d").to_string();
    let suggested = export_file::suggested_path(&export_dir(&app), &date);
    let (title, file_type) = (
        say("history-export-dialog-title"),
        say("history-export-file-type"),
    );
    let save_as = SaveAs {
        title: &title,
        suggested: &suggested,
        filter_name: &file_type,
        extension: "csv",
    };
    let Some(chosen) = save_dialog::ask(&app, save_as).await.map_err(internal)? else {
        tracing::info!("export cancelled in the save dialog");
        return Ok(None);
    };
    let path = export_file::with_extension(chosen, "csv");

    let query = ExportQuery {
        sort: sort.unwrap_or_default(),
        direction: direction.unwrap_or_default(),
        status,
        account_number,
        search,
        created_from: days.from,
        created_before: days.before,
    };
    let export = state.client.history_export(&token, &query).await?;
    let text = crate::history_csv::render(&export, language, messages).map_err(|error| {
        tracing::warn!(%error, "cannot write the export as CSV");
        CommandError::new(EXPORT_FAILED, error.to_string())
    })?;
    export_file::write_whole(&path, &text).map_err(|error| {
        tracing::warn!(%error, path = %path.display(), "cannot write the export");
        CommandError::new(EXPORT_FAILED, error.to_string())
    })?;
    tracing::info!(path = %path.display(), orders = export.orders.len(), "history exported");
    *last.0.lock().map_err(internal)? = Some(path.clone());
    Ok(Some(ExportView {
        file_name: path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        orders: export.orders.len(),
        lines: export.orders.iter().map(|order| order.lines.len()).sum(),
        truncated: export.truncated,
    }))
}

/// Opens the last exported file with the desktop's program for CSV files.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn history_export_open(
    app: tauri::AppHandle,
    last: State<'_, LastExport>,
) -> Result<(), CommandError> {
    let path = last.0.lock().map_err(internal)?.clone().ok_or_else(|| {
        CommandError::new(oso_api::ErrorCode::NotFound.as_str(), "nothing exported")
    })?;
    crate::browser::open_file(&app, &path.display().to_string()).map_err(internal)
}
