//! Server push: what concerns a login, as it happens (`GET /api/v1/events`). A change writes its
//! events in its own transaction ([`record`]); after the commit, the [`EventHub`] of every
//! instance reads the new rows (told by [`poke`] in this process, by `NOTIFY` on PostgreSQL, and
//! by a sweep every few seconds for writers in other processes) and hands them to the streams
//! of their logins.

mod hub;
pub mod record;
pub(crate) mod store;

pub use hub::{poke, EventHub};
pub use store::{delete_for_user, delete_naming, for_user_after, purge};

use chrono::Duration;

/// How long an event is kept for a stream that reconnects with `Last-Event-ID`.
pub const KEPT_FOR: Duration = Duration::hours(24);

/// What an event tells; its `kind` on the wire (the SSE `event:` field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// To the administrators of an account number: someone asks to use it.
    AccessRequest,
    /// To the requester: their request was approved, rejected or revoked.
    RequestDecided,
    /// To the administrators: a request of their account was decided (their open count moved).
    RequestsChanged,
    /// To an order's owner: its status changed.
    OrderStatus,
    /// To the login: one of its sessions signed out (each stream checks whether it was its).
    SessionEnded,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AccessRequest => "access_request",
            Self::RequestDecided => "request_decided",
            Self::RequestsChanged => "requests_changed",
            Self::OrderStatus => "order_status",
            Self::SessionEnded => "session_ended",
        }
    }

    /// Whether a stream follows it with the login's eSecure summary (the open count).
    pub fn moves_the_summary(kind: &str) -> bool {
        matches!(
            kind,
            "access_request" | "request_decided" | "requests_changed"
        )
    }
}
