//! The main window opens at the size and place it was left, and keeps its zoom, after a restart.

use serde_json::{json, Value};

use crate::app::{Launch, RunningApp};
use crate::temp_data_dir;

/// The width OSO first opens with (`src-tauri/src/window.rs`), in pixels at Xvfb's scale of 1.
const OPENING_WIDTH: u64 = 1120;

/// The main window's width in the state file OSO keeps in a profile's data directory.
fn remembered_width(data_dir: &std::path::Path) -> Option<u64> {
    let text = std::fs::read_to_string(data_dir.join("window-state.json")).ok()?;
    let state: Value = serde_json::from_str(&text).ok()?;
    state["main"]["width"].as_u64()
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_window_keeps_its_size_place_and_zoom_after_a_restart() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("window-state", Launch::new(data.path()));
    let opened_at = app.ui().window_rect();

    let resized = app.ui().set_window_rect(40, 30, 960, 640);
    assert_ne!(
        resized["width"], opened_at["width"],
        "{resized} {opened_at}"
    );
    let zoom = app
        .invoke("zoom_step", json!({ "step": "in" }))
        .expect("zoom in");
    app.ui().wait_until("the new size to be remembered", || {
        Ok(remembered_width(data.path())
            .filter(|width| *width != OPENING_WIDTH)
            .map(drop))
    });
    app.screenshot("resized");
    let left_at = app.ui().window_rect();
    app.close();

    let mut app = RunningApp::launch("window-state-again", Launch::new(data.path()));
    let reopened_at = app.ui().window_rect();
    app.screenshot("reopened");
    assert_eq!(
        (&reopened_at["width"], &reopened_at["height"]),
        (&left_at["width"], &left_at["height"]),
        "reopened at {reopened_at}, left at {left_at}"
    );
    assert_eq!(
        (&reopened_at["x"], &reopened_at["y"]),
        (&left_at["x"], &left_at["y"]),
        "reopened at {reopened_at}, left at {left_at}"
    );
    assert_eq!(
        app.invoke("zoom_restore", json!({})).expect("zoom"),
        zoom,
        "the zoom is kept too"
    );
}
