//! Exporting the visible history (with lines) as a CSV file in the user's Downloads folder, and
//! opening that file in the user's spreadsheet.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use oso_api::orders::{Direction, ExportQuery, SortColumn};
use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use super::l10n::display_language;
use super::profile::token;
use crate::error::CommandError;
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

/// `XDG_DOWNLOAD_DIR` when set, then the OS Downloads folder, then the home folder.
fn export_dir(app: &AppHandle) -> PathBuf {
    std::env::var_os("XDG_DOWNLOAD_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| app.path().download_dir().ok())
        .or_else(|| app.path().home_dir().ok())
        .unwrap_or_else(std::env::temp_dir)
}

/// Writes `contents` to `oso-orders-DATE.csv` in `dir`, or `…-2.csv` and so on: an earlier
/// export is never overwritten.
fn write_new_file(dir: &Path, date: &str, contents: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    for attempt in 1..1000 {
        let name = match attempt {
            1 => format!("oso-orders-{date}.csv"),
            n => format!("oso-orders-{date}-{n}.csv"),
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(contents.as_bytes())?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        }
    }
    Err(std::io::Error::other("too many exports today"))
}

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
) -> Result<ExportView, CommandError> {
    let (search, days) = super::history::search_and_days(search, from.as_deref(), to.as_deref())?;
    let token = token(&state).await?;
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
    let language = display_language(&state).await?;
    let text = crate::history_csv::render(&export, language, state.locales.catalogue(language));
    let date = chrono::Local::now().format("%Y-%m-%d").to_string();
    let path = write_new_file(&export_dir(&app), &date, &text).map_err(internal)?;
    tracing::info!(path = %path.display(), orders = export.orders.len(), "history exported");
    *last.0.lock().map_err(internal)? = Some(path.clone());
    Ok(ExportView {
        file_name: path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        orders: export.orders.len(),
        lines: export.orders.iter().map(|order| order.lines.len()).sum(),
        truncated: export.truncated,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_never_overwrites_an_earlier_one_of_the_same_day() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = write_new_file(dir.path(), "2026-11-21", "one").expect("first");
        let second = write_new_file(dir.path(), "2026-11-21", "two").expect("second");
        assert_eq!(
            first.file_name().expect("a name"),
            "oso-orders-2026-11-21.csv"
        );
        assert_eq!(
            second.file_name().expect("a name"),
            "oso-orders-2026-11-21-2.csv"
        );
        assert_eq!(std::fs::read_to_string(first).expect("readable"), "one");
    }
}
