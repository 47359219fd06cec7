//! How often orders waiting for an eSecure approval are offered to the service again.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often an order waiting for eSecure approval is offered again: soon enough that it goes
/// out within seconds of the approval, rarely enough to cost the service nothing.
pub const APPROVAL_RETRY_EVERY: Duration = Duration::from_secs(10);

/// When orders waiting for approval were last offered again.
#[derive(Debug, Default)]
pub struct ApprovalRetry(Mutex<Option<Instant>>);

impl ApprovalRetry {
    /// Whether they are due now; if so, the next time starts counting.
    pub fn due(&self, now: Instant) -> bool {
        let mut last = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let due = last.is_none_or(|last| now.duration_since(last) >= APPROVAL_RETRY_EVERY);
        if due {
            *last = Some(now);
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_waiting_for_approval_are_offered_again_every_ten_seconds() {
        let retry = ApprovalRetry::default();
        let start = Instant::now();
        assert!(retry.due(start), "the first time at once");
        assert!(!retry.due(start + Duration::from_secs(2)));
        assert!(!retry.due(start + Duration::from_secs(9)));
        assert!(retry.due(start + APPROVAL_RETRY_EVERY));
        assert!(!retry.due(start + APPROVAL_RETRY_EVERY + Duration::from_secs(1)));
    }
}
