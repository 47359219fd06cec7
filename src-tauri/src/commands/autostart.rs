//! "Start with my session" (see [`crate::autostart`]): whether this OS offers it, and the switch.

use serde::Serialize;

use crate::autostart::Autostart;
use crate::error::{CommandError, AUTOSTART};

#[derive(Debug, Serialize)]
pub struct AutostartView {
    /// False where the OS has no XDG autostart: the UI then hides the setting.
    pub supported: bool,
    pub enabled: bool,
}

fn view(autostart: Option<&Autostart>) -> AutostartView {
    AutostartView {
        supported: autostart.is_some(),
        enabled: autostart.is_some_and(Autostart::is_enabled),
    }
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(err(level = "info"))]
pub fn autostart_get() -> Result<AutostartView, CommandError> {
    Ok(view(Autostart::for_this_program().as_ref()))
}

#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(err(level = "info"))]
pub fn autostart_set(enabled: bool) -> Result<AutostartView, CommandError> {
    let autostart = Autostart::for_this_program()
        .ok_or_else(|| CommandError::new(AUTOSTART, "this system has no session autostart"))?;
    let outcome = if enabled {
        autostart.enable()
    } else {
        autostart.disable()
    };
    outcome.map_err(|error| {
        tracing::error!(%error, entry = %autostart.entry().display(), "cannot change the autostart entry");
        CommandError::new(AUTOSTART, error.to_string())
    })?;
    tracing::info!(enabled, entry = %autostart.entry().display(), "start with the session");
    Ok(view(Some(&autostart)))
}
