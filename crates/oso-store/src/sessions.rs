use chrono::{DateTime, Utc};

use crate::UserRow;

/// A session found by its token's hash, with its login: every request asks, in one query.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub session_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub user: UserRow,
}
