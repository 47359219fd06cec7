//! What a failed command answers to the UI: a code the UI translates as `error-<code>`, a
//! developer message for the log, and per-field codes. The codes are the service's closed set
//! ([`ErrorCode`]) plus the few that only the desktop can meet ([`DESKTOP_CODES`]).

use std::collections::BTreeMap;

use oso_api::ErrorCode;
use serde::Serialize;

use oso_desktop::client::ClientError;

/// Failures that never come from the service.
pub const UNREACHABLE: &str = "unreachable";
pub const LOCAL_STORE: &str = "local_store";
/// The session autostart entry could not be written or removed.
pub const AUTOSTART: &str = "autostart_failed";
/// The export could not be written where the user chose to save it.
pub const EXPORT_FAILED: &str = "export_failed";
/// "Log in via …": cancelled (in the browser or the app), an answer for another sign-in, or no
/// answer from the browser within 5 minutes.
pub const OIDC_CANCELLED: &str = "external_cancelled";
pub const OIDC_STATE_MISMATCH: &str = "external_state_mismatch";
pub const OIDC_TIMED_OUT: &str = "external_timed_out";
pub const DESKTOP_CODES: [&str; 7] = [
    UNREACHABLE,
    LOCAL_STORE,
    AUTOSTART,
    EXPORT_FAILED,
    OIDC_CANCELLED,
    OIDC_STATE_MISMATCH,
    OIDC_TIMED_OUT,
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    pub code: &'static str,
    pub message: String,
    pub fields: BTreeMap<String, String>,
    /// With `rate_limited`: seconds until the next attempt is accepted.
    pub retry_after_seconds: Option<u64>,
}

impl CommandError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: BTreeMap::new(),
            retry_after_seconds: None,
        }
    }

    pub fn field(field: &str, field_code: &str, message: impl Into<String>) -> Self {
        let mut error = Self::new(ErrorCode::ValidationFailed.as_str(), message);
        error.fields.insert(field.to_owned(), field_code.to_owned());
        error
    }
}

/// Fields the desktop refused before asking the service, answered as the service would.
impl From<oso_core::FieldErrors> for CommandError {
    fn from(errors: oso_core::FieldErrors) -> Self {
        let mut error = Self::new(ErrorCode::ValidationFailed.as_str(), "invalid fields");
        error.fields = errors.into_map();
        error
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl From<ClientError> for CommandError {
    fn from(error: ClientError) -> Self {
        match error {
            ClientError::Unreachable(cause) => Self::new(UNREACHABLE, cause.to_string()),
            ClientError::Refused(body) => Self {
                code: body.code.as_str(),
                message: body.message,
                fields: body.fields,
                retry_after_seconds: body.retry_after_seconds,
            },
            other => {
                tracing::error!(error = %other, "unexpected answer from the service");
                Self::new(ErrorCode::Internal.as_str(), other.to_string())
            }
        }
    }
}

impl From<oso_desktop::local::LocalStoreError> for CommandError {
    // (also used for a draft whose stored form cannot be read back)
    fn from(error: oso_desktop::local::LocalStoreError) -> Self {
        tracing::error!(%error, "local database failure");
        Self::new(LOCAL_STORE, error.to_string())
    }
}

impl From<oso_desktop::offline::OfflineError> for CommandError {
    fn from(error: oso_desktop::offline::OfflineError) -> Self {
        use oso_desktop::offline::OfflineError;
        match error {
            OfflineError::Client(error) => error.into(),
            OfflineError::Local(error) => error.into(),
            OfflineError::Unreadable(error) => Self::new(LOCAL_STORE, error.to_string()),
        }
    }
}
