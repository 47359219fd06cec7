use chrono::{DateTime, Utc};

/// A first sign-in with the carrier's account, waiting for its last step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalTicketRow {
    pub issuer: String,
    pub subject: String,
    pub email: String,
    pub contact_name: String,
    pub language: Option<String>,
    pub expires_at: DateTime<Utc>,
}
