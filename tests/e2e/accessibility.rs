//! An accessibility check of every page in the real webview, light and dark: axe-core (the npm
//! package in tests/a11y, installed by `scripts/setup-system.sh test`) is injected into the page
//! and must find no serious or critical violation.

use serde_json::Value;

use crate::app::{Launch, RunningApp};
use crate::{temp_data_dir, NAVIGATION};

const PASSWORD: &str = "tall giraffe eats blue kites";

fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/a11y/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "{}: {error}; `scripts/setup-system.sh test` installs axe-core",
            path.display()
        )
    })
}

/// The serious and critical violations axe finds on what the window shows now.
fn violations(app: &RunningApp, axe: &str) -> Vec<Value> {
    app.ui()
        .execute(&format!("{axe}\n;return typeof axe;"), vec![])
        .expect("axe-core loads into the page");
    let found = app
        .ui()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then((result) => done(result.violations
                 .filter((violation) => ['serious', 'critical'].includes(violation.impact))
                 .map((violation) => ({ id: violation.id, impact: violation.impact,
                   help: violation.help,
                   nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ') + ' ' + (node.failureSummary || '')) }))))
               .catch((error) => done([{ id: 'axe-failed', help: String(error) }]));",
            vec![],
        )
        .expect("axe-core runs");
    found.as_array().cloned().unwrap_or_default()
}

fn check_every_page(name: &str, launch: for<'a> fn(&'a std::path::Path) -> Launch<'a>) {
    let axe = axe_source();
    let data = temp_data_dir();
    let mut app = RunningApp::launch(name, launch(data.path()));
    let mut problems = Vec::new();
    let mut check = |app: &RunningApp, what: &str| {
        for violation in violations(app, &axe) {
            problems.push(format!("{what}: {violation}"));
        }
    };
    app.ui().find("[data-auth-view='login']:not([hidden])");
    check(&app, "login");
    app.screenshot("login");
    app.ui().click_on("[data-show-view='register']");
    app.ui().find("[data-auth-view='register']:not([hidden])");
    check(&app, "register");
    app.sign_in_new_user(data.path(), "a11y@zebra.example", PASSWORD);
    for tab in NAVIGATION.iter().filter(|tab| !tab.contains("log-out")) {
        app.ui().click_on(tab);
        app.ui().find(&format!("{tab}[aria-current='page']"));
        // Lists load after the page shows: give them their moment.
        std::thread::sleep(std::time::Duration::from_millis(300));
        check(&app, tab);
        let page = tab
            .trim_start_matches("a[data-page='")
            .trim_end_matches("']");
        // The README shows these (scripts/readme-screenshots.sh).
        app.screenshot(page);
    }
    let _ = app.ui().execute(
        "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1', bubbles: true }));",
        vec![],
    );
    app.ui().find("#shortcuts[open]");
    check(&app, "shortcuts");
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn no_page_has_a_serious_or_critical_accessibility_violation_in_the_light_theme() {
    check_every_page("a11y-light", |data| Launch::new(data));
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn no_page_has_a_serious_or_critical_accessibility_violation_in_the_dark_theme() {
    check_every_page("a11y-dark", |data| {
        Launch::new(data).env("GTK_THEME", "Adwaita:dark")
    });
}
