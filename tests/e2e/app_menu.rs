//! The application menu, which a Mac shows in its menu bar and Linux in the window with
//! OSO_APPLICATION_MENU=1: its keys reach the menu before the page, and its items run the UI's
//! actions (`runAction`) under the same rules as the keyboard.
//!
//! The keys are pressed on the X server's keyboard (`xdotool`, through XTEST), as a person
//! would: WebDriver's key actions are handed to the page itself and never reach the window's
//! menu.

use std::process::Command;

use serde_json::Value;

use crate::app::{Launch, RunningApp};
use crate::{choose_language, temp_data_dir, PASSWORD};

/// Records every key press the page receives (in the capture phase, before anything else).
const RECORD_KEYS: &str = "
    window.keysSeen = [];
    document.addEventListener('keydown', (event) => window.keysSeen.push(event.key), true);";

fn keys_seen(app: &RunningApp) -> Vec<Value> {
    app.ui()
        .execute("return window.keysSeen;", vec![])
        .expect("the recorded keys")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Presses `keys` (xdotool's names: `ctrl+2`) on the keyboard, into OSO's window.
fn press(keys: &str) {
    let status = Command::new("xdotool")
        .args([
            "search",
            "--onlyvisible",
            "--name",
            "OSO",
            "windowfocus",
            "--sync",
        ])
        .args(["key", "--clearmodifiers", keys])
        .status()
        .unwrap_or_else(|error| panic!("xdotool ({error}): scripts/setup-system.sh installs it"));
    assert!(status.success(), "xdotool could not press {keys}");
}

/// Ctrl+2 opens the history (the second page of the navigation), and Ctrl+F its search field.
fn history_and_its_search_by_keys(app: &RunningApp) {
    press("ctrl+2");
    app.ui()
        .find("a[data-page='order-history'][aria-current='page']");
    press("ctrl+f");
    app.ui().wait_until("the search field focused", || {
        let focused = app
            .ui()
            .execute("return document.activeElement?.id;", vec![])?;
        Ok((focused == "history-search").then_some(()))
    });
}

fn current_page(app: &RunningApp) -> String {
    app.ui()
        .execute("return location.hash;", vec![])
        .ok()
        .and_then(|hash| hash.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_menu_s_keys_run_the_ui_s_actions_before_the_page_sees_them() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch(
        "app-menu",
        Launch::new(data.path()).env("OSO_APPLICATION_MENU", "1"),
    );
    // Signed out, the pages are not there to open: the menu's item does nothing, as the key.
    app.ui().find("[data-auth-view='login']:not([hidden])");
    app.ui().execute(RECORD_KEYS, vec![]).expect("recording");
    press("ctrl+2");
    app.ui().find("[data-auth-view='login']:not([hidden])");
    assert!(!current_page(&app).contains("order-history"));

    app.sign_in_new_user(data.path(), "menu@zebra.example", PASSWORD);
    app.ui()
        .find("a[data-page='new-order'][aria-current='page']");
    app.ui().execute(RECORD_KEYS, vec![]).expect("recording");

    history_and_its_search_by_keys(&app);
    app.screenshot("history-from-the-menu");
    // In another language the menu is relabelled, and its keys still work.
    choose_language(&app, "nl");
    app.ui()
        .wait_for_text("a[data-page='personal-data']", "Persoonlijke gegevens");
    press("ctrl+3");
    app.ui()
        .find("a[data-page='personal-data'][aria-current='page']");
    let seen = keys_seen(&app);
    assert!(
        !seen
            .iter()
            .any(|key| key == "2" || key == "3" || key == "f"),
        "the menu took Ctrl+2, Ctrl+F and Ctrl+3 before the page: {seen:?}"
    );
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn without_the_menu_the_same_keys_reach_the_page_and_run_the_same_actions() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("no-app-menu", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "keys@zebra.example", PASSWORD);
    app.ui()
        .find("a[data-page='new-order'][aria-current='page']");
    app.ui().execute(RECORD_KEYS, vec![]).expect("recording");

    history_and_its_search_by_keys(&app);
    app.screenshot("history-from-the-keyboard");
    let seen = keys_seen(&app);
    assert!(
        seen.iter().any(|key| key == "2") && seen.iter().any(|key| key == "f"),
        "the page had Ctrl+2 and Ctrl+F: {seen:?}"
    );
}
