//! Each way the fault suites (`tests/fault_suites/crash.rs`, `tests/fault_suites/cuts.rs`) can fail is noticed: their
//! verdicts on made-up observations, and the integrity check on a damaged database file.

#[path = "fault_suites/common/mod.rs"]
mod common;

use oso_core::DraftState;
use std::collections::BTreeMap;

use common::verdict::{check_drafts, check_orders, Acknowledged, Held, Kept};

fn acknowledged(revision: u64, queued: bool, number: Option<&str>) -> Acknowledged {
    Acknowledged {
        revision,
        queued,
        order_number: number.map(str::to_owned),
    }
}

fn kept(revision: Option<u64>, state: DraftState, number: Option<&str>) -> Kept {
    Kept {
        revision,
        state,
        order_number: number.map(str::to_owned),
    }
}

fn one<T>(id: &str, value: T) -> BTreeMap<String, T> {
    BTreeMap::from([(id.to_owned(), value)])
}

#[test]
fn a_draft_at_its_last_acknowledged_save_or_the_one_in_flight_passes() {
    for revision in [4, 5] {
        let check = check_drafts(
            &one("d", acknowledged(4, false, None)),
            &one("d", kept(Some(revision), DraftState::Editing, None)),
        );
        assert_eq!(check.checked, 1);
        assert!(check.failures().is_empty(), "{revision}: {check:?}");
    }
}

#[test]
fn a_draft_older_than_its_last_acknowledged_save_is_stale() {
    let check = check_drafts(
        &one("d", acknowledged(4, false, None)),
        &one("d", kept(Some(3), DraftState::Editing, None)),
    );
    assert_eq!(check.stale, 1);
    assert_eq!(
        check.failures(),
        ["1 drafts older than their last acknowledged save"]
    );
}

#[test]
fn a_draft_gone_newer_than_any_save_or_unreadable_after_a_crash_fails() {
    let acked = one("d", acknowledged(4, false, None));
    assert_eq!(check_drafts(&acked, &BTreeMap::new()).missing, 1);
    assert_eq!(
        check_drafts(&acked, &one("d", kept(Some(6), DraftState::Editing, None))).invented,
        1
    );
    assert_eq!(
        check_drafts(&acked, &one("d", kept(None, DraftState::Editing, None))).unreadable,
        1
    );
}

#[test]
fn a_queued_order_back_in_editing_or_without_its_number_fails() {
    let check = check_drafts(
        &one("d", acknowledged(2, true, None)),
        &one("d", kept(Some(2), DraftState::Editing, None)),
    );
    assert_eq!(check.unqueued, 1);
    let check = check_drafts(
        &one("d", acknowledged(2, true, Some("OSO-2026-000001"))),
        &one("d", kept(Some(2), DraftState::Waiting, None)),
    );
    assert_eq!(check.forgotten_numbers, 1);
    assert!(!check.failures().is_empty());
}

#[test]
fn an_order_held_once_under_the_number_told_passes() {
    let check = check_orders(
        &one("k", Some("OSO-2026-000001".to_owned())),
        &one("k", held(1, "OSO-2026-000001")),
    );
    assert_eq!(check.exactly_once, 1);
    assert!(check.failures().is_empty());
}

fn held(count: usize, number: &str) -> Held {
    Held {
        count,
        order_number: number.to_owned(),
    }
}

#[test]
fn an_order_held_twice_is_a_duplicate_and_one_not_held_is_lost() {
    let told = one("k", Some("OSO-2026-000001".to_owned()));
    let check = check_orders(&told, &one("k", held(2, "OSO-2026-000001")));
    assert_eq!(check.duplicates, 1);
    assert_eq!(check.failures(), ["1 orders placed more than once"]);
    let check = check_orders(&told, &BTreeMap::new());
    assert_eq!(check.lost, 1);
    assert_eq!(check.failures(), ["1 queued orders lost"]);
}

#[test]
fn a_client_told_another_number_or_none_or_an_order_nobody_queued_fails() {
    let held_one = one("k", held(1, "OSO-2026-000001"));
    let check = check_orders(&one("k", Some("OSO-2026-000002".to_owned())), &held_one);
    assert_eq!(check.wrong_answers, 1);
    let check = check_orders(&one("k", None), &held_one);
    assert_eq!(check.unanswered, 1);
    let check = check_orders(&BTreeMap::new(), &held_one);
    assert_eq!(check.unexpected, 1);
    assert_eq!(check.failures(), ["1 orders nobody queued"]);
}

#[tokio::test]
async fn a_database_file_with_a_damaged_page_fails_the_integrity_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("oso-desktop.sqlite3");
    let store = oso_desktop::local::LocalStore::open(&path)
        .await
        .expect("opens");
    let owner = oso_desktop::owner::UserId::parse("0123456789abcdef0123456789abcdef").expect("id");
    for n in 0..200 {
        store
            .save_draft(
                &owner,
                &format!("draft-{n:04}"),
                &"x".repeat(500),
                chrono::Utc::now(),
            )
            .await
            .expect("saved");
    }
    store.close().await;
    assert_eq!(common::databases::integrity(&path).await, "ok");

    // Every page after the first two overwritten with rubbish: the header still reads, the
    // tables no longer do.
    let mut bytes = std::fs::read(&path).expect("read");
    assert!(
        bytes.len() > 3 * 4096,
        "the drafts were checkpointed into the file"
    );
    for byte in &mut bytes[2 * 4096..] {
        *byte = 0x5a;
    }
    std::fs::write(&path, bytes).expect("written");
    assert_ne!(common::databases::integrity(&path).await, "ok");
}
