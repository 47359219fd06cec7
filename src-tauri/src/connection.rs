//! Whether the service answers, checked in the background and pushed to the UI when it changes.

use std::time::Duration;

use reqwest::Url;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::startup::AppState;

/// How often the service is asked. Often enough that a user sees a change within seconds, rarely
/// enough to cost nothing.
const CHECK_EVERY: Duration = Duration::from_secs(2);

/// The event the UI listens to.
pub const CHANGED_EVENT: &str = "connection-changed";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionState {
    Checking,
    Connected,
    Disconnected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectionStatus {
    pub state: ConnectionState,
    /// The service's version, once it has answered.
    pub version: Option<String>,
    pub service_url: String,
    pub embedded: bool,
    /// Reached without encryption over a network (`allow_insecure_service`): the UI warns.
    pub insecure: bool,
}

impl ConnectionStatus {
    pub fn checking(url: &Url, embedded: bool, insecure: bool) -> Self {
        Self {
            state: ConnectionState::Checking,
            version: None,
            service_url: url.to_string(),
            embedded,
            insecure,
        }
    }
}

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
