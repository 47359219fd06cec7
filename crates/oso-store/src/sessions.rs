use chrono::{DateTime, Utc};

use crate::UserRow;

/// A session found by its token's hash, with its login: every request asks, in one query.
#[derive(Debug, Clone)]
pub struct SessionRow {
    pub session_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub user: UserRow,
    /// The account numbers the login administers under eSecure, in number order: read in the
    /// same query, so a page that needs them (the history) costs no statement of its own.
    pub administered: Vec<String>,
}

/// The numbers of a `,`-joined list, as the session query aggregates them, in number order.
pub fn administered_numbers(joined: Option<String>) -> Vec<String> {
    let mut numbers: Vec<String> = joined
        .unwrap_or_default()
        .split(',')
        .filter(|number| !number.is_empty())
        .map(str::to_owned)
        .collect();
    numbers.sort();
    numbers
}
