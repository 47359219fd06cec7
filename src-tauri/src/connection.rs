//! Whether the service answers, checked in the background and pushed to the UI when it changes.

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;
pub use oso_desktop::connection_status::{ConnectionState, ConnectionStatus};

/// How often the service is asked. Often enough that a user sees a change within seconds, rarely
/// enough to cost nothing.
const CHECK_EVERY: Duration = Duration::from_secs(2);

/// The event the UI listens to.
pub const CHANGED_EVENT: &str = "connection-changed";

pub fn spawn_monitor(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut ticks = tokio::time::interval(CHECK_EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let state = app.state::<AppState>();
            let answer = state.client.health().await;
            let changed = state.connection.send_if_modified(|status| {
                let (next_state, next_version) = match &answer {
                    Ok(health) if health.database.reachable => {
                        (ConnectionState::Connected, Some(health.version.clone()))
                    }
                    Ok(health) => (ConnectionState::Disconnected, Some(health.version.clone())),
                    Err(_) => (ConnectionState::Disconnected, status.version.clone()),
                };
                let changed = status.state != next_state || status.version != next_version;
                status.state = next_state;
                status.version = next_version;
                changed
            });
            let connected = state.connection.borrow().state == ConnectionState::Connected;
            if connected {
                // Orders confirmed while the service was away go out as soon as it answers.
                crate::outbound::send_waiting(&app, &state).await;
            }
            if changed {
                let status = state.connection.borrow().clone();
                match &answer {
                    Ok(_) => {
                        tracing::info!(state = ?status.state, version = ?status.version, "service connection changed")
                    }
                    Err(error) => tracing::warn!(%error, "service connection lost"),
                }
                if let Err(error) = app.emit(CHANGED_EVENT, status) {
                    tracing::warn!(%error, "cannot tell the UI about the connection");
                }
            }
        }
    });
}
