//! "Log in via MyDHL+" through the real app and the real test provider (`tests/oidc-provider`):
//! the app's browser is a stand-in that records the URL; the test is the person at the
//! provider's login page, and follows the provider's redirect to the app's loopback listener.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::accounts::{log_in, wait_for_mode, wait_for_some_text, wait_for_view};
use crate::app::{make_executable, Launch, RunningApp};
use crate::oidc_provider::{browse_to_the_redirect, AtTheProvider, OidcProvider};
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";

/// `[oidc]` in the app's settings.toml (the embedded service reads it) and a browser stand-in
/// that appends each URL it is given to `opened-urls.txt`.
fn configure(data_dir: &Path, provider: &OidcProvider) -> PathBuf {
    std::fs::write(
        data_dir.join("settings.toml"),
        format!(
            "[oidc]\nissuer = \"{}\"\nclient_id = \"oso-desktop\"\ndisplay_name = \"MyDHL+\"\n",
            provider.issuer
        ),
    )
    .expect("settings.toml");
    let opened = data_dir.join("opened-urls.txt");
    let browser = data_dir.join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" >> '{}'\n", opened.display()),
    )
    .expect("browser stand-in");
    make_executable(&browser);
    browser
}

/// The URL the app handed to the browser for the `count`-th time.
fn opened_url(data_dir: &Path, count: usize) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let urls = std::fs::read_to_string(data_dir.join("opened-urls.txt")).unwrap_or_default();
        if let Some(url) = urls.lines().nth(count - 1) {
            return url.to_owned();
        }
        assert!(Instant::now() < deadline, "the app opened no browser");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Presses "Log in via MyDHL+", acts at the provider, and follows the redirect back to the
/// app's loopback listener; returns the page the browser then shows.
fn through_the_provider(
    app: &RunningApp,
    data_dir: &Path,
    count: usize,
    person: AtTheProvider<'_>,
) -> String {
    app.ui().click_on("#oidc-start");
    let authorization = opened_url(data_dir, count);
    assert!(
        authorization.contains("code_challenge_method=S256"),
        "{authorization}"
    );
    app.ui().find("#oidc-waiting:not([hidden])");
    let back_to_the_app = browse_to_the_redirect(&authorization, person);
    assert!(
        back_to_the_app.starts_with("http://127.0.0.1:"),
        "{back_to_the_app}"
    );
    reqwest::blocking::get(&back_to_the_app)
        .and_then(|response| response.text())
        .expect("the app's listener answers the browser")
}

fn on_new_order_page(app: &RunningApp) {
    app.ui()
        .find("a[data-page='new-order'][aria-current='page']");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn a_new_person_logs_in_via_the_provider_with_only_a_company_name_and_stays_signed_in() {
    let provider = OidcProvider::start();
    let data = temp_data_dir();
    let browser = configure(data.path(), &provider);
    let launch = || {
        Launch::new(data.path())
            .os_language("fr_BE")
            .browser(browser.clone())
    };
    let mut app = RunningApp::launch("oidc-new", launch());
    wait_for_view(&app, "login");
    app.ui().find("#oidc-sign-in:not([hidden])");
    app.ui()
        .wait_for_text("#oidc-start", "Connexion via MyDHL+");
    app.screenshot("login-with-provider");

    let page = through_the_provider(
        &app,
        data.path(),
        1,
        AtTheProvider::LogIn {
            email: "nouveau@zebra.example",
            name: "Camille Martin",
            locale: "fr",
        },
    );
    assert!(page.contains("Retour à OSO"), "{page}");
    assert!(page.contains("lang=\"fr\""), "{page}");

    wait_for_view(&app, "oidc-register");
    assert_eq!(
        app.ui().value_of("#oidc-register-contact"),
        "Camille Martin"
    );
    assert_eq!(app.ui().value_of("#oidc-register-language"), "fr");
    assert!(app
        .ui()
        .text_of("#oidc-register-intro")
        .contains("nouveau@zebra.example"));
    // The one thing the provider did not give: refused empty, at its field.
    app.ui().click_on("#oidc-register-submit");
    wait_for_some_text(&app, "#oidc-register-company-error");
    app.screenshot("register-company-needed");
    app.ui()
        .type_into("#oidc-register-company", "Zebra Colis SPRL");
    app.ui().click_on("#oidc-register-submit");
    wait_for_mode(&app, "signed-in");
    on_new_order_page(&app);
    app.screenshot("signed-in");

    // No OSO password: the password tab says why there is nothing to change.
    app.ui().click_on("a[data-page='personal-data']");
    app.ui().click_on("#personal-tab-password");
    app.ui().find("#password-none:not([hidden])");
    app.ui().find("#password-form[hidden]");
    app.screenshot("no-password");
    app.close();

    let app = RunningApp::launch("oidc-new-restarted", launch());
    wait_for_mode(&app, "signed-in");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn a_cancel_at_the_provider_is_told_and_a_password_login_links_once_then_works_either_way() {
    let provider = OidcProvider::start();
    let data = temp_data_dir();
    let browser = configure(data.path(), &provider);
    let mut app = RunningApp::launch("oidc-link", Launch::new(data.path()).browser(browser));
    let email = "ann@zebra.example";
    app.sign_in_new_user(data.path(), email, PASSWORD);
    app.ui().click_on("#log-out");
    wait_for_mode(&app, "signed-out");
    app.ui().find("#oidc-sign-in:not([hidden])");

    // Cancelled at the provider: the browser is sent back, the app says so.
    let page = through_the_provider(&app, data.path(), 1, AtTheProvider::Cancel);
    assert!(page.contains("did not finish"), "{page}");
    let said = wait_for_some_text(&app, "#login-form-status");
    assert!(said.contains("cancelled"), "{said}");
    app.ui().find("#oidc-waiting[hidden]");
    app.screenshot("cancelled");

    // The same address at the provider: its OSO password, once, links the two.
    through_the_provider(
        &app,
        data.path(),
        2,
        AtTheProvider::LogIn {
            email,
            name: "Ann Peeters",
            locale: "en",
        },
    );
    wait_for_view(&app, "oidc-link");
    app.ui()
        .type_into("#oidc-link-password", "not the password at all");
    app.ui().click_on("#oidc-link-submit");
    wait_for_some_text(&app, "#oidc-link-password-error");
    assert_eq!(
        app.ui().value_of("#oidc-link-password"),
        "not the password at all",
        "what was typed stays"
    );
    app.screenshot("link-wrong-password");
    app.ui().type_into("#oidc-link-password", PASSWORD);
    app.ui().click_on("#oidc-link-submit");
    wait_for_mode(&app, "signed-in");
    on_new_order_page(&app);

    // Either way from now on: the provider without a question, and the password.
    app.ui().click_on("#log-out");
    wait_for_mode(&app, "signed-out");
    through_the_provider(
        &app,
        data.path(),
        3,
        AtTheProvider::LogIn {
            email,
            name: "Ann Peeters",
            locale: "en",
        },
    );
    wait_for_mode(&app, "signed-in");
    app.ui().click_on("#log-out");
    wait_for_mode(&app, "signed-out");
    log_in(&app, email, PASSWORD);
    wait_for_mode(&app, "signed-in");
}
