//! Locks shared by the UI's threads and the background tasks.

use std::sync::{Mutex, MutexGuard};

/// Locks `mutex`, carrying on past a panic elsewhere: every value behind these locks is
/// whole after each assignment, so a poisoned lock holds nothing half-written.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
