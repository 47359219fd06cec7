//! When orders waiting for an eSecure approval are offered to the service again: the moment a
//! decision arrives on the events stream (and when the stream (re)connects, in case one came
//! while it was down), and only while the stream is down, every 10 s.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often an order waiting for eSecure approval is offered again while the events stream is
/// down: soon enough that it goes out within seconds of the approval, rarely enough to cost the
/// service nothing.
pub const APPROVAL_RETRY_EVERY: Duration = Duration::from_secs(10);

#[derive(Debug, Default)]
pub struct ApprovalRetry {
    /// When orders waiting for approval were last offered again.
    last: Mutex<Option<Instant>>,
    /// The events stream is open: decisions arrive on it, no need to ask.
    pushed: AtomicBool,
    /// A decision (or a reconnect) arrived: offer them again at the next chance.
    released: AtomicBool,
}

impl ApprovalRetry {
    /// Whether they are due now; if so, the next time starts counting.
    pub fn due(&self, now: Instant) -> bool {
        let mut last = self
            .last
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let released = self.released.swap(false, Ordering::AcqRel);
        let due = released
            || (!self.pushed.load(Ordering::Acquire)
                && last.is_none_or(|last| now.duration_since(last) >= APPROVAL_RETRY_EVERY));
        if due {
            *last = Some(now);
        }
        due
    }

    /// A decision on one of this login's requests arrived: try at once.
    pub fn release(&self) {
        self.released.store(true, Ordering::Release);
    }

    /// Whether the events stream is open (decisions come by themselves) or down (ask every 10 s).
    pub fn set_pushed(&self, pushed: bool) {
        self.pushed.store(pushed, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_stream_orders_waiting_for_approval_are_offered_again_every_ten_seconds() {
        let retry = ApprovalRetry::default();
        let start = Instant::now();
        assert!(retry.due(start), "the first time at once");
        assert!(!retry.due(start + Duration::from_secs(2)));
        assert!(!retry.due(start + Duration::from_secs(9)));
        assert!(retry.due(start + APPROVAL_RETRY_EVERY));
        assert!(!retry.due(start + APPROVAL_RETRY_EVERY + Duration::from_secs(1)));
    }

    #[test]
    fn with_the_stream_open_they_go_only_when_a_decision_arrives_and_at_once() {
        let retry = ApprovalRetry::default();
        retry.set_pushed(true);
        let start = Instant::now();
        assert!(!retry.due(start));
        assert!(!retry.due(start + Duration::from_secs(60)));

        retry.release();

        assert!(retry.due(start + Duration::from_secs(61)));
        assert!(
            !retry.due(start + Duration::from_secs(62)),
            "once per decision"
        );
    }
}
