use chrono::{DateTime, Utc};

/// An activation or password-reset token as stored (its hashes only).
#[derive(Debug, Clone)]
pub struct OneTimeTokenRow {
    pub id: i64,
    pub user_id: i64,
    pub code_hash: Vec<u8>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub failed_attempts: i64,
}
