//! "Start with my session" (see [`crate::autostart`]): whether this OS offers it, and the switch.

use serde::Serialize;
use tauri::{AppHandle, Manager};
use tauri_plugin_autostart::AutoLaunchManager;

use crate::error::{CommandError, AUTOSTART};

#[derive(Debug, Serialize)]
pub struct AutostartView {
    /// False where the plugin could not be set up: the UI then says the setting is not offered.
    pub supported: bool,
    pub enabled: bool,
}

fn failed(error: impl std::fmt::Display) -> CommandError {
    tracing::error!(%error, "cannot read or change the autostart entry");
    CommandError::new(AUTOSTART, error.to_string())
}

fn view(autostart: Option<&AutoLaunchManager>) -> Result<AutostartView, CommandError> {
    Ok(AutostartView {
        supported: autostart.is_some(),
        enabled: match autostart {
            Some(autostart) => autostart.is_enabled().map_err(failed)?,
            None => false,
        },
    })
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub fn autostart_get(app: AppHandle) -> Result<AutostartView, CommandError> {
    view(app.try_state::<AutoLaunchManager>().as_deref())
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip(app), err(level = "info"))]
pub fn autostart_set(app: AppHandle, enabled: bool) -> Result<AutostartView, CommandError> {
    let autostart = app
        .try_state::<AutoLaunchManager>()
        .ok_or_else(|| CommandError::new(AUTOSTART, "this system has no session autostart"))?;
    if enabled {
        autostart.enable().map_err(failed)?;
    } else {
        autostart.disable().map_err(failed)?;
    }
    tracing::info!(enabled, "start with the session");
    view(Some(&autostart))
}
