//! Zoom (Ctrl +, Ctrl −, Ctrl 0): the main window's webview at one of the levels of
//! [`oso_desktop::zoom`], remembered for the next start.

use oso_desktop::zoom::{self, ZoomStep};
use tauri::{Manager, State};

use crate::error::CommandError;
use crate::state::AppState;

fn apply(app: &tauri::AppHandle, level: f64) -> Result<(), CommandError> {
    let Some(window) = app.get_webview_window("main") else {
        return Ok(());
    };
    window.set_zoom(level).map_err(|error| {
        CommandError::new(oso_api::ErrorCode::Internal.as_str(), error.to_string())
    })
}

/// The remembered zoom, applied to the window (at start); answers the level.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn zoom_restore(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<f64, CommandError> {
    let level = state.local.zoom().await?;
    if (level - 1.0).abs() > f64::EPSILON {
        apply(&app, level)?;
    }
    Ok(level)
}

/// One step (`in`, `out`, `reset`), applied and remembered; answers the new level.
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip(app, state), err(level = "info"))]
pub async fn zoom_step(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    step: String,
) -> Result<f64, CommandError> {
    let step = ZoomStep::parse(&step)
        .ok_or_else(|| CommandError::field("step", "invalid", format!("no zoom step {step:?}")))?;
    let level = zoom::next(state.local.zoom().await?, step);
    apply(&app, level)?;
    state.local.set_zoom(level).await?;
    Ok(level)
}
