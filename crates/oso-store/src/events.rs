//! A row of `events`: something that concerns one login, for its stream.

/// What happened (`kind`, e.g. `access_request`) and its JSON `payload`, for `user_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub payload: String,
}
