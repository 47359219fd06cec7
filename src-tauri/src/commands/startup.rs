//! The page's side of start-up: waiting for the app's state, and saying when it is on screen.

use tauri::{AppHandle, State};

use crate::error::CommandError;
use crate::first_screen::{Launch, PageMilestones};
use crate::startup::Readiness;

/// Resolves once the app's state is in place (see [`Readiness`]); the page calls it before any
/// other command. Fails, with the translated reason as its message, when OSO will not start as
/// configured (the page then shows only that).
#[tauri::command(rename_all = "snake_case")]
pub async fn app_ready(readiness: State<'_, Readiness>) -> Result<(), CommandError> {
    readiness.wait().await
}

/// The UI has drawn its first screen (see [`crate::first_screen`]); `page` says when the page
/// began to load and reached each step of its start.
#[tauri::command(rename_all = "snake_case")]
pub fn first_screen_shown(app: AppHandle, launch: State<'_, Launch>, page: PageMilestones) {
    launch.first_screen_shown(&app, &page);
}
