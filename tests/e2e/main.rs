//! End-to-end tests of the real OSO binary in its real webview (WebKitGTK), under Xvfb and a
//! private D-Bus session. `make test` runs them (`cargo test --test e2e -- --ignored`); they are
//! ignored in a plain `cargo test`, which has no display to draw on.

mod accessibility;
mod accounts;
mod address_book;
mod app;
mod app_menu;
mod container_layout;
mod dark_mode;
mod desktop;
mod esecure;
mod export;
mod first_screen;
mod history;
mod history_filters;
mod insecure_service;
mod notification_actions;
mod notification_server;
mod oidc;
// The provider's driver is shared with the API tests, which use other parts of it.
#[allow(dead_code)]
#[path = "../../crates/oso-service/tests/support/oidc_provider.rs"]
mod oidc_provider;
mod ordering;
mod ownership;
mod processes;
mod pseudo_locale;
mod reorder;
mod roundtrip;
mod sessions;
mod shared_service;
mod webdriver;
mod window_state;
mod wizard_memory;

use app::{Launch, RunningApp};

/// The navigation tabs, in the manual's order, as CSS selectors.
const NAVIGATION: [&str; 7] = [
    "a[data-page='new-order']",
    "a[data-page='order-history']",
    "a[data-page='personal-data']",
    "a[data-page='account-numbers']",
    "a[data-page='address-book']",
    "a[data-page='esecure']",
    "#log-out",
];

const ENGLISH: [&str; 7] = [
    "New order",
    "Order history",
    "Personal data",
    "Manage account numbers",
    "Address book",
    "eSecure",
    "Log out",
];
const DUTCH: [&str; 7] = [
    "Nieuwe opdracht",
    "Bestelgeschiedenis",
    "Persoonlijke gegevens",
    "Accountnummers beheren",
    "Adresboek",
    "eSecure",
    "Uitloggen",
];
const FRENCH: [&str; 7] = [
    "Nouvelle commande",
    "Historique des commandes",
    "Données personnelles",
    "Gérer les numéros de compte",
    "Carnet d'adresses",
    "eSecure",
    "Se déconnecter",
];

fn assert_navigation_reads(app: &RunningApp, expected: [&str; 7]) {
    for (selector, label) in NAVIGATION.iter().zip(expected) {
        app.ui().wait_for_text(selector, label);
    }
}

/// Picks a language in the selector. WebDriver selects an option by clicking it directly; clicking
/// the select first would leave WebKitGTK's native pop-up open over the page.
fn choose_language(app: &RunningApp, code: &str) {
    let ui = app.ui();
    ui.click(&ui.find(&format!("#language-select option[value='{code}']")));
}

const PASSWORD: &str = "tall giraffe eats blue kites";

/// Waits until the order wizard shows step `step`.
pub(crate) fn visible_step(app: &RunningApp, step: u8) {
    app.ui()
        .find(&format!("[data-step='{step}']:not([hidden])"));
}

pub(crate) fn temp_data_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("oso-e2e-")
        .tempdir()
        .unwrap_or_else(|error| panic!("no temp dir: {error}"))
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_app_starts_its_embedded_service_and_shows_connected() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("embedded-service", Launch::new(data.path()));

    app.ui().wait_for_text("#connection-label", "Connected");
    let detail = app.ui().text_of("#connection-detail");
    assert_eq!(
        detail,
        format!("service {} · built-in service", env!("CARGO_PKG_VERSION"))
    );
    app.ui().wait_for_text("#login-submit", "Log in");
    app.screenshot("connected");

    let service_dir = data.path().join("service");
    assert!(
        service_dir.join("oso-service.sqlite3").is_file(),
        "service database in the data dir"
    );
    assert!(
        service_dir.join("outbox").is_dir(),
        "outbox in the data dir"
    );
    assert!(data.path().join("logs").is_dir(), "logs in the data dir");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_first_start_follows_the_os_language_and_falls_back_to_english() {
    let dutch_data = temp_data_dir();
    let dutch = RunningApp::launch(
        "os-language-nl",
        Launch::new(dutch_data.path()).os_language("nl_BE"),
    );
    dutch.sign_in_new_user(dutch_data.path(), "nl@zebra.example", PASSWORD);
    assert_navigation_reads(&dutch, DUTCH);
    // The window's title names the page; Ctrl+2 opens the second page of the navigation.
    let title = |app: &RunningApp| {
        app.ui()
            .execute("return document.title;", vec![])
            .ok()
            .and_then(|title| title.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    dutch.ui().wait_until("the title of the first page", || {
        Ok((title(&dutch) == "Nieuwe opdracht — OSO").then_some(()))
    });
    dutch
        .ui()
        .execute(
            "document.dispatchEvent(new KeyboardEvent('keydown', { key: '2', ctrlKey: true, bubbles: true }));",
            vec![],
        )
        .expect("Ctrl+2");
    dutch
        .ui()
        .find("a[data-page='order-history'][aria-current='page']");
    dutch.ui().wait_until("the title of the history", || {
        Ok((title(&dutch) == "Bestelgeschiedenis — OSO").then_some(()))
    });
    // F1 lists the shortcuts; Escape closes the list.
    dutch
        .ui()
        .execute(
            "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1', bubbles: true }));",
            vec![],
        )
        .expect("F1");
    dutch.ui().find("#shortcuts[open]");
    dutch.ui().wait_for_text("#shortcuts-title", "Sneltoetsen");
    dutch.ui().click_on("#shortcuts-close");
    dutch.ui().wait_until("the list closed", || {
        Ok(dutch
            .ui()
            .try_find("#shortcuts[open]")
            .ok()
            .flatten()
            .is_none()
            .then_some(()))
    });
    // Ctrl + zooms in (fewer CSS pixels across the same window), remembered for the next start.
    let width = |app: &RunningApp| {
        app.ui()
            .execute("return document.documentElement.clientWidth;", vec![])
            .ok()
            .and_then(|width| width.as_i64())
            .unwrap_or_default()
    };
    let before = width(&dutch);
    dutch
        .ui()
        .execute(
            "document.dispatchEvent(new KeyboardEvent('keydown', { key: '+', ctrlKey: true, bubbles: true }));",
            vec![],
        )
        .expect("Ctrl +");
    let zoomed = dutch.ui().wait_until("the page zoomed in", || {
        let now = width(&dutch);
        Ok((now > 0 && now < before).then_some(now))
    });
    dutch.close();
    let dutch = RunningApp::launch(
        "os-language-nl-again",
        Launch::new(dutch_data.path()).os_language("nl_BE"),
    );
    dutch.ui().wait_until("the zoom remembered", || {
        Ok((width(&dutch) == zoomed).then_some(()))
    });
    let mut dutch = dutch;
    dutch.ui().wait_for_text("#connection-label", "Verbonden");
    // A Belgian desktop writes dates the Belgian way ("6 dec. 2026"), in Dutch words.
    let l10n = dutch
        .invoke("l10n_get", serde_json::json!({}))
        .expect("l10n");
    assert_eq!(l10n["format_locale"], "nl-BE", "{}", l10n["format_locale"]);
    let belgian = dutch.ui().execute_async(
        "const done = arguments[arguments.length - 1];
         const moment = '2026-12-06T13:03:00Z';
         import('./js/lib/format.js').then((format) => done([format.dateTime(moment),
           new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(moment))]));",
        vec![],
    );
    let belgian = belgian.expect("formatted");
    assert_eq!(belgian[0], belgian[1], "{belgian}");
    dutch.screenshot("dutch-from-os");
    dutch.close();

    let german_data = temp_data_dir();
    let mut german = RunningApp::launch(
        "os-language-de",
        Launch::new(german_data.path()).os_language("de_DE"),
    );
    german.sign_in_new_user(german_data.path(), "de@zebra.example", PASSWORD);
    assert_navigation_reads(&german, ENGLISH);
    german.screenshot("english-fallback");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn switching_to_dutch_and_to_french_changes_the_navigation_labels() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("switch-language", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "switch@zebra.example", PASSWORD);
    assert_navigation_reads(&app, ENGLISH);

    choose_language(&app, "nl");
    assert_navigation_reads(&app, DUTCH);
    app.ui().wait_for_text("#connection-label", "Verbonden");
    app.screenshot("dutch");

    choose_language(&app, "fr");
    assert_navigation_reads(&app, FRENCH);
    app.ui().wait_for_text("#connection-label", "Connecté");
    let selected = app.ui().execute(
        "const s = document.getElementById('language-select'); return s.options[s.selectedIndex].text;",
        vec![],
    );
    assert_eq!(selected, Ok(serde_json::json!("Français")));
    let lang = app
        .ui()
        .execute("return document.documentElement.lang;", vec![]);
    assert_eq!(lang, Ok(serde_json::json!("fr")));
    app.screenshot("french");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_language_choice_survives_a_restart() {
    let data = temp_data_dir();
    let app = RunningApp::launch("language-restart", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "restart@zebra.example", PASSWORD);
    choose_language(&app, "fr");
    assert_navigation_reads(&app, FRENCH);
    app.close();

    let mut restarted = RunningApp::launch("language-restart", Launch::new(data.path()));
    assert_navigation_reads(&restarted, FRENCH);
    let selected = restarted.ui().execute(
        "return document.getElementById('language-select').value;",
        vec![],
    );
    assert_eq!(selected, Ok(serde_json::json!("fr")));
    restarted.screenshot("french-after-restart");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn every_tab_opens_its_page_and_is_marked_as_the_current_one() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("navigation", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "nav@zebra.example", PASSWORD);
    app.ui().wait_for_text("#connection-label", "Connected");
    for (selector, label) in NAVIGATION.iter().zip(ENGLISH).take(6) {
        let tab = app.ui().find(selector);
        app.ui().click(&tab);
        let page = selector
            .trim_start_matches("a[data-page='")
            .trim_end_matches("']");
        app.ui().wait_for_text(
            &format!(".page[data-page='{page}']:not([hidden]) h1"),
            label,
        );
        assert_eq!(
            app.ui().attribute(&tab, "aria-current").as_deref(),
            Some("page")
        );
        app.screenshot(page);
    }
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_connection_indicator_follows_a_shared_service_going_away_and_coming_back() {
    let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|error| panic!("runtime: {error}"));
    let service_data = temp_data_dir();
    let port = app::free_port();
    let config = oso_service::ServiceConfig {
        listen: ([127, 0, 0, 1], port).into(),
        ..oso_service::ServiceConfig::embedded(service_data.path())
    };
    let start = |config: oso_service::ServiceConfig| {
        runtime
            .block_on(oso_service::start(config))
            .unwrap_or_else(|error| panic!("the shared service did not start: {error}"))
    };
    let service = start(config.clone());

    let data = temp_data_dir();
    let launch = Launch::new(data.path()).service_url(format!("http://127.0.0.1:{port}"));
    let mut app = RunningApp::launch("shared-service", launch);
    app.ui().wait_for_text("#connection-label", "Connected");
    app.ui().wait_for_text(
        "#connection-detail",
        &format!("service {}", env!("CARGO_PKG_VERSION")),
    );
    assert!(
        !data.path().join("service").exists(),
        "no embedded service when a URL is given"
    );

    runtime
        .block_on(service.shutdown())
        .unwrap_or_else(|error| panic!("the shared service did not stop: {error}"));
    app.ui().wait_for_text("#connection-label", "Not connected");
    app.ui().wait_for_text(
        "#connection-detail",
        "The service cannot be reached. OSO keeps trying every few seconds.",
    );
    app.screenshot("service-gone");

    let _service = start(config);
    app.ui().wait_for_text("#connection-label", "Connected");
    app.screenshot("service-back");
}
