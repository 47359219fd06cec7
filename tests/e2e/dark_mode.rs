//! Dark mode follows the desktop: with GTK's dark theme the page reports
//! `prefers-color-scheme: dark` and draws every page on the dark palette (screenshots of each);
//! the tray glyph follows the colour scheme too.

use crate::app::{Launch, RunningApp};
use crate::{temp_data_dir, NAVIGATION};

const PASSWORD: &str = "tall giraffe eats blue kites";

fn background_of_body(app: &RunningApp) -> String {
    app.ui()
        .execute(
            "return getComputedStyle(document.body).backgroundColor;",
            vec![],
        )
        .ok()
        .and_then(|colour| colour.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The tray glyph the app drew, once the tray is up.
fn tray_glyph(app: &RunningApp) -> String {
    app.ui().wait_until("the tray drawn", || {
        let glyph = crate::esecure::status(app)["tray_glyph"].clone();
        Ok(glyph
            .as_str()
            .filter(|glyph| !glyph.is_empty())
            .map(str::to_owned))
    })
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn with_a_light_desktop_the_tray_glyph_is_the_dark_one_for_its_light_panel() {
    let data = temp_data_dir();
    let app = RunningApp::launch("light-tray", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "light@zebra.example", PASSWORD);
    assert_eq!(tray_glyph(&app), "for-light-panel");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn with_a_dark_desktop_every_page_is_drawn_dark() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch(
        "dark",
        Launch::new(data.path()).env("GTK_THEME", "Adwaita:dark"),
    );
    app.ui().find("[data-auth-view='login']:not([hidden])");
    let dark = app
        .ui()
        .execute(
            "return matchMedia('(prefers-color-scheme: dark)').matches;",
            vec![],
        )
        .expect("a media query");
    assert_eq!(
        dark,
        serde_json::json!(true),
        "the desktop's dark theme reaches the page"
    );
    assert_eq!(
        background_of_body(&app),
        "rgb(17, 22, 28)",
        "the dark background"
    );
    app.screenshot("login");
    app.sign_in_new_user(data.path(), "dark@zebra.example", PASSWORD);
    assert_eq!(tray_glyph(&app), "for-dark-panel");
    for tab in NAVIGATION.iter().filter(|tab| !tab.contains("log-out")) {
        app.ui().click_on(tab);
        app.ui().find(&format!("{tab}[aria-current='page']"));
        let page = tab
            .trim_start_matches("a[data-page='")
            .trim_end_matches("']");
        app.screenshot(page);
    }
}
