//! The moment the UI's first screen is on display (translations applied, the session known, the
//! login card or the signed-in page drawn). Every start logs how long it took; with
//! `OSO_EXIT_ON_FIRST_SCREEN=1` the app also prints `first-screen` on stdout and quits there, which
//! is how `scripts/measure-startup.py` times start-ups without a WebDriver in the way.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use tauri::AppHandle;

pub const EXIT_ENV: &str = "OSO_EXIT_ON_FIRST_SCREEN";

/// The page's side of a start: when it began to load (`performance.timeOrigin`, milliseconds
/// since the Unix epoch) and the milliseconds from then to each step of `main.js`'s boot.
#[derive(Debug, serde::Deserialize)]
pub struct PageMilestones {
    began: f64,
    milestones: BTreeMap<String, u32>,
    /// The session's mode drawn (`signed-in`, `signed-out`, `password-expired`).
    #[serde(default)]
    screen: Option<String>,
    /// The page shown (the route), signed in.
    #[serde(default)]
    page: Option<String>,
    /// The language the screen was drawn in.
    #[serde(default)]
    language: Option<String>,
}

#[derive(Debug)]
pub struct Launch {
    started: Instant,
    /// The same moment on the wall clock, which is the only clock the page shares with us.
    started_at: SystemTime,
    exit_on_first_screen: bool,
    reported: AtomicBool,
    /// Milliseconds from launch to each step of the Rust side's start (see [`Launch::mark`]).
    steps: Mutex<BTreeMap<&'static str, u128>>,
}

impl Launch {
    /// Call first thing in `run`, so the figure covers everything OSO does itself.
    pub fn now() -> Self {
        Self {
            started: Instant::now(),
            started_at: SystemTime::now(),
            exit_on_first_screen: std::env::var(EXIT_ENV).is_ok_and(|value| value == "1"),
            reported: AtomicBool::new(false),
            steps: Mutex::default(),
        }
    }

    /// Notes that the Rust side reached `step` now: the first-screen line then shows where the
    /// time before the page went (Tauri's builder and plugins, the window, the state).
    pub fn mark(&self, step: &'static str) {
        let elapsed = self.started.elapsed().as_millis();
        if let Ok(mut steps) = self.steps.lock() {
            steps.entry(step).or_insert(elapsed);
        }
    }

    /// Milliseconds from launch until the web view began to load the page.
    fn page_began_ms(&self, page: &PageMilestones) -> Option<i64> {
        let launched = self
            .started_at
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_secs_f64()
            * 1000.0;
        // Rounded to whole milliseconds: the page's clock is no finer.
        Some((page.began - launched).round() as i64)
    }

    /// Only the first call counts: a reloaded page is not a start-up.
    pub fn first_screen_shown(&self, app: &AppHandle, page: &PageMilestones) {
        if self.reported.swap(true, Ordering::SeqCst) {
            return;
        }
        tracing::info!(
            ms = self.started.elapsed().as_millis(),
            page_began_ms = self.page_began_ms(page),
            page_milestones_ms = ?page.milestones,
            app_steps_ms = ?self.steps.lock().map(|steps| steps.clone()).unwrap_or_default(),
            screen = page.screen.as_deref().unwrap_or("?"),
            page = page.page.as_deref().unwrap_or("?"),
            language = page.language.as_deref().unwrap_or("?"),
            "first screen shown"
        );
        if self.exit_on_first_screen {
            // What was drawn follows the marker, for `scripts/measure-startup.py` to check.
            let mut out = std::io::stdout().lock();
            let steps = self
                .steps
                .lock()
                .map(|steps| {
                    steps
                        .iter()
                        .map(|(step, ms)| format!(" {step}_ms={ms}"))
                        .collect::<String>()
                })
                .unwrap_or_default();
            let page_steps = self
                .page_began_ms(page)
                .map(|began| page_steps(began, &page.milestones))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "first-screen screen={} language={}{steps}{page_steps}",
                page.screen.as_deref().unwrap_or("?"),
                page.language.as_deref().unwrap_or("?")
            )
            .and_then(|()| out.flush());
            app.exit(0);
        }
    }
}

/// The page's steps in ms from launch, as the benchmark's references print theirs: when it began
/// to load (`page_ms`), when its scripts ran (`loaded_ms`, the `scripts` milestone) and when it
/// reported its first screen (`reported_ms`, the `drawn` milestone). A milestone the page did not
/// send is left out rather than guessed.
fn page_steps(began: i64, milestones: &BTreeMap<String, u32>) -> String {
    let mut line = format!(" page_ms={began}");
    for (name, mark) in [("loaded", "scripts"), ("reported", "drawn")] {
        if let Some(ms) = milestones.get(mark) {
            line.push_str(&format!(" {name}_ms={}", began + i64::from(*ms)));
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_steps_are_counted_from_launch_and_a_missing_milestone_is_left_out() {
        let milestones = BTreeMap::from([
            ("scripts".to_owned(), 80),
            ("drawn".to_owned(), 190),
            ("pages".to_owned(), 110),
        ]);
        assert_eq!(
            page_steps(300, &milestones),
            " page_ms=300 loaded_ms=380 reported_ms=490"
        );
        let without_drawn = BTreeMap::from([("scripts".to_owned(), 80)]);
        assert_eq!(
            page_steps(300, &without_drawn),
            " page_ms=300 loaded_ms=380"
        );
    }
}
