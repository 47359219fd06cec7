use tauri::State;

use crate::connection::ConnectionStatus;
use crate::state::AppState;

/// The latest known connection to the service; changes also arrive as `connection-changed`.
#[tauri::command(rename_all = "snake_case")]
pub fn connection_status(state: State<'_, AppState>) -> ConnectionStatus {
    state.connection.borrow().clone()
}

/// Answers nothing. The baseline of the round-trip benchmark (`tests/e2e/roundtrip.rs`): what
/// crossing from the webview into Rust and back costs by itself.
#[tauri::command(rename_all = "snake_case")]
pub fn ping() {}

/// Answers nothing, on Tauri's async runtime like every command that calls the service: the
/// round-trip benchmark's second baseline, which shows what that hop adds to `ping`.
#[tauri::command(rename_all = "snake_case")]
pub async fn ping_async() {}
