//! The service's push (`GET /api/v1/events`) on the desktop: one stream per signed-in session,
//! read as Server-Sent Events, reconnected with backoff and jitter, resumed with
//! `Last-Event-ID` so nothing is missed.

mod backoff;
mod sse;
mod stream;

pub use backoff::Backoff;
pub use sse::{SseEvent, SseParser};
pub use stream::{connect, EventStream, StreamError, QUIET_AT_MOST};
