//! Whether the service answers, as the UI is told: kept in the app's state, updated by the
//! connection monitor ([`crate::connection`]).

use reqwest::Url;
use serde::Serialize;

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
