//! The moment the UI's first screen is on display (translations applied, the session known, the
//! login card or the signed-in page drawn). Every start logs how long it took; with
//! `OSO_EXIT_ON_FIRST_SCREEN=1` the app also prints `first-screen` on stdout and quits there, which
//! is how `scripts/measure-startup.py` times start-ups without a WebDriver in the way.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use tauri::AppHandle;

pub const EXIT_ENV: &str = "OSO_EXIT_ON_FIRST_SCREEN";

#[derive(Debug)]
pub struct Launch {
    started: Instant,
    exit_on_first_screen: bool,
    reported: AtomicBool,
}

impl Launch {
    /// Call first thing in `run`, so the figure covers everything OSO does itself.
    pub fn now() -> Self {
        Self {
            started: Instant::now(),
            exit_on_first_screen: std::env::var(EXIT_ENV).is_ok_and(|value| value == "1"),
            reported: AtomicBool::new(false),
        }
    }

    /// Only the first call counts: a reloaded page is not a start-up.
    pub fn first_screen_shown(&self, app: &AppHandle) {
        if self.reported.swap(true, Ordering::SeqCst) {
            return;
        }
        tracing::info!(
            ms = self.started.elapsed().as_millis(),
            "first screen shown"
        );
        if self.exit_on_first_screen {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "first-screen").and_then(|()| out.flush());
            app.exit(0);
        }
    }
}
