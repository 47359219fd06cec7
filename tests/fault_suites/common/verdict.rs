//! What the fault suites (`tests/fault_suites/crash.rs`, `tests/fault_suites/cuts.rs`) conclude from what they saw:
//! pure functions over the acknowledgements a desktop gave and what the databases hold, so each
//! way of failing is tested on its own (`tests/fault_verdicts.rs`) without crashing anything.

use oso_core::DraftState;
use std::collections::BTreeMap;

/// What a desktop acknowledged about one draft before it was killed: its last save returned,
/// confirming it returned (it is queued), sending it returned an order number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Acknowledged {
    pub revision: u64,
    pub queued: bool,
    pub order_number: Option<String>,
}

/// One draft as the reopened database holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// `None`: its body no longer reads as a draft.
    pub revision: Option<u64>,
    pub state: DraftState,
    pub order_number: Option<String>,
}

/// The drafts after a crash against what was acknowledged before it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftCheck {
    pub checked: usize,
    /// Gone from the database.
    pub missing: usize,
    /// Older than the last save that returned.
    pub stale: usize,
    /// Newer than any save that was started (a save cannot run ahead of the one in flight).
    pub invented: usize,
    pub unreadable: usize,
    /// Confirmed (queued) but back to editing: the order would never be sent.
    pub unqueued: usize,
    /// Sent with an order number, but the database lost that number or holds another.
    pub forgotten_numbers: usize,
}

impl DraftCheck {
    pub fn add(&mut self, other: &DraftCheck) {
        self.checked += other.checked;
        self.missing += other.missing;
        self.stale += other.stale;
        self.invented += other.invented;
        self.unreadable += other.unreadable;
        self.unqueued += other.unqueued;
        self.forgotten_numbers += other.forgotten_numbers;
    }

    pub fn failures(&self) -> Vec<String> {
        [
            (self.missing, "drafts missing"),
            (self.stale, "drafts older than their last acknowledged save"),
            (self.invented, "drafts newer than any save started"),
            (self.unreadable, "drafts that no longer read"),
            (self.unqueued, "queued orders back to editing"),
            (self.forgotten_numbers, "sent orders whose number was lost"),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, what)| format!("{count} {what}"))
        .collect()
    }
}

/// Every acknowledged draft must be kept at its last acknowledged revision or the one save that
/// may have been in flight when the process died.
pub fn check_drafts(
    acknowledged: &BTreeMap<String, Acknowledged>,
    kept: &BTreeMap<String, Kept>,
) -> DraftCheck {
    let mut check = DraftCheck::default();
    for (id, ack) in acknowledged {
        check.checked += 1;
        let Some(draft) = kept.get(id) else {
            check.missing += 1;
            continue;
        };
        match draft.revision {
            None => check.unreadable += 1,
            Some(revision) if revision < ack.revision => check.stale += 1,
            Some(revision) if revision > ack.revision + 1 => check.invented += 1,
            Some(_) => {}
        }
        if ack.queued && draft.state == DraftState::Editing {
            check.unqueued += 1;
        }
        if ack.order_number.is_some() && draft.order_number != ack.order_number {
            check.forgotten_numbers += 1;
        }
    }
    check
}

/// What the service holds for one idempotency key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub count: usize,
    pub order_number: String,
}

/// The orders a desktop queued (by idempotency key, with the order number it was finally told,
/// if any) against the orders the service holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderCheck {
    pub queued: usize,
    pub exactly_once: usize,
    /// Held more than once for one key.
    pub duplicates: usize,
    /// Queued but not at the service.
    pub lost: usize,
    /// Queued, but the desktop was never told an order number (still waiting, or refused).
    pub unanswered: usize,
    /// The desktop was told another number than the one stored for its key.
    pub wrong_answers: usize,
    /// At the service under a key the desktop never queued.
    pub unexpected: usize,
}

impl OrderCheck {
    pub fn failures(&self) -> Vec<String> {
        [
            (self.duplicates, "orders placed more than once"),
            (self.lost, "queued orders lost"),
            (self.unanswered, "queued orders never answered"),
            (self.wrong_answers, "clients told another order number"),
            (self.unexpected, "orders nobody queued"),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, what)| format!("{count} {what}"))
        .collect()
    }
}

pub fn check_orders(
    told: &BTreeMap<String, Option<String>>,
    held: &BTreeMap<String, Held>,
) -> OrderCheck {
    let mut check = OrderCheck {
        queued: told.len(),
        ..OrderCheck::default()
    };
    for (key, number) in told {
        match held.get(key) {
            None => check.lost += 1,
            Some(held) if held.count > 1 => check.duplicates += 1,
            Some(held) => match number {
                None => check.unanswered += 1,
                Some(number) if *number != held.order_number => check.wrong_answers += 1,
                Some(_) => check.exactly_once += 1,
            },
        }
    }
    check.unexpected = held.keys().filter(|key| !told.contains_key(*key)).count();
    check
}
