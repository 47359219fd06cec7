//! The accounts chapters of the manual, driven through the real screens: register, activate,
//! sign in, stay signed in across a restart (OS keyring), profile, password, log out, forgotten
//! password, and "forget me".

use crate::app::{mails_once, newest_code, outbox, Launch, RunningApp};
use crate::temp_data_dir;

const EMAIL: &str = "quentin.zebrafinch@rarebird.example";
const COMPANY: &str = "Xylophone Unicorn Logistics";
const CONTACT: &str = "Quentin Zarathustra";
const PASSWORD: &str = "tall giraffe eats blue kites";
const NEW_PASSWORD: &str = "purple otters swim north";
const RESET_PASSWORD: &str = "green lanterns at dawn";

pub(crate) fn wait_for_mode(app: &RunningApp, mode: &str) {
    app.ui().wait_until(&format!("the {mode} mode"), || {
        app.ui()
            .execute("return document.body.dataset.session;", vec![])
            .map(|value| (value.as_str() == Some(mode)).then_some(()))
    });
}

pub(crate) fn wait_for_view(app: &RunningApp, view: &str) {
    app.ui()
        .find(&format!("[data-auth-view='{view}']:not([hidden])"));
}

pub(crate) fn wait_for_some_text(app: &RunningApp, css: &str) -> String {
    app.ui().wait_until(&format!("text in {css}"), || {
        let text = app.ui().text_of(css);
        Ok((!text.is_empty()).then_some(text))
    })
}

pub(crate) fn log_in(app: &RunningApp, email: &str, password: &str) {
    let ui = app.ui();
    ui.type_into("#login-email", email);
    ui.type_into("#login-password", password);
    ui.click_on("#login-submit");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn a_new_customer_registers_activates_signs_in_and_manages_their_login() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("accounts", Launch::new(data.path()));
    wait_for_view(&app, "login");
    app.screenshot("login");

    // Register, first with a password that is too short: the field says so, nothing is lost.
    app.ui().click_on("#show-register");
    wait_for_view(&app, "register");
    app.ui().type_into("#register-company", COMPANY);
    app.ui().type_into("#register-contact", CONTACT);
    app.ui().type_into("#register-email", EMAIL);
    app.ui().type_into("#register-password", "too short");
    app.ui().click_on("#register-submit");
    let error = wait_for_some_text(&app, "#register-password-error");
    assert!(error.contains("12"), "{error}");
    assert_eq!(app.ui().value_of("#register-company"), COMPANY);
    app.screenshot("register-refused");
    app.ui().type_into("#register-password", PASSWORD);
    app.ui().click_on("#register-submit");

    // Activate with the code from the e-mail in the outbox.
    wait_for_view(&app, "activate");
    assert_eq!(app.ui().value_of("#activate-email"), EMAIL);
    let code = newest_code(data.path(), "activation");
    app.ui().type_into("#activate-code", &code.to_lowercase());
    app.screenshot("activate");
    app.ui().click_on("#activate-submit");
    wait_for_view(&app, "login");
    wait_for_some_text(&app, "#login-form-status");

    // Sign in; the session is kept in the keyring, so a restart is still signed in.
    log_in(&app, EMAIL, PASSWORD);
    wait_for_mode(&app, "signed-in");
    app.screenshot("signed-in");
    app.close();
    let mut app = RunningApp::launch("accounts-restarted", Launch::new(data.path()));
    wait_for_mode(&app, "signed-in");
    assert!(app
        .ui()
        .try_find("#keyring-warning:not([hidden])")
        .ok()
        .flatten()
        .is_none());

    // Profile: a bad phone number is refused at its field, a good one stored as E.164.
    app.ui().click_on("a[data-page='personal-data']");
    app.ui().click_on("#personal-tab-profile");
    app.ui().wait_until("the profile", || {
        Ok((app.ui().value_of("#profile-contact") == CONTACT).then_some(()))
    });
    app.ui().type_into("#profile-phone", "12");
    app.ui().click_on("#profile-submit");
    wait_for_some_text(&app, "#profile-phone-error");
    assert_eq!(app.ui().value_of("#profile-phone"), "12");
    app.screenshot("profile-refused");
    // The time zone starts in Brussels and is saved with the rest.
    assert_eq!(app.ui().value_of("#profile-time-zone"), "Europe/Brussels");
    app.ui().type_into("#profile-phone", "+32 470 98 76 54");
    app.ui()
        .click_on("#profile-time-zone option[value='Asia/Tokyo']");
    app.ui().click_on("#profile-submit");
    app.ui().wait_until("the phone in E.164", || {
        Ok((app.ui().value_of("#profile-phone") == "+32470987654").then_some(()))
    });
    assert_eq!(app.ui().value_of("#profile-time-zone"), "Asia/Tokyo");
    app.screenshot("profile-saved");

    // Change the password, then log out.
    app.ui().click_on("#personal-tab-password");
    app.ui().type_into("#password-current", PASSWORD);
    app.ui().type_into("#password-new", NEW_PASSWORD);
    app.ui().type_into("#password-confirm", NEW_PASSWORD);
    app.ui().click_on("#password-submit");
    wait_for_some_text(&app, "#password-form-status");
    app.screenshot("password-changed");
    app.ui().click_on("#log-out");
    wait_for_mode(&app, "signed-out");

    // Forgot password: the e-mailed code sets a new one.
    app.ui().click_on("#show-forgot");
    wait_for_view(&app, "forgot");
    app.ui().type_into("#forgot-email", EMAIL);
    app.ui().click_on("#forgot-submit");
    wait_for_view(&app, "reset");
    let code = newest_code(data.path(), "password-reset");
    app.ui().type_into("#reset-code", &code);
    app.ui().type_into("#reset-password", RESET_PASSWORD);
    app.screenshot("reset");
    app.ui().click_on("#reset-submit");
    wait_for_view(&app, "login");
    log_in(&app, EMAIL, NEW_PASSWORD);
    let refused = wait_for_some_text(&app, "#login-form-status");
    assert!(refused.contains("incorrect"), "{refused}");
    log_in(&app, EMAIL, RESET_PASSWORD);
    wait_for_mode(&app, "signed-in");

    // Forget me: the login is gone and nothing personal is left on disk.
    app.ui().click_on("a[data-page='personal-data']");
    app.ui().click_on("#personal-tab-forget");
    app.ui().type_into("#forget-password", RESET_PASSWORD);
    app.ui().click_on("#forget-confirm");
    app.screenshot("forget-me");
    app.ui().click_on("#forget-submit");
    wait_for_mode(&app, "signed-out");
    wait_for_view(&app, "login");
    log_in(&app, EMAIL, RESET_PASSWORD);
    let refused = wait_for_some_text(&app, "#login-form-status");
    assert!(refused.contains("incorrect"), "{refused}");
    app.screenshot("forgotten");
    app.close();

    let leaks = files_containing(
        data.path(),
        &[
            "zebrafinch",
            "rarebird",
            "xylophone",
            "zarathustra",
            "32470987654",
        ],
    );
    assert!(leaks.is_empty(), "personal data left in {leaks:?}");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn moving_the_profile_email_to_another_mailbox_asks_for_the_current_password_and_loses_nothing() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("profile-email", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "ann@zebra.example", PASSWORD);
    app.ui().click_on("a[data-page='personal-data']");
    app.ui().click_on("#personal-tab-profile");
    app.ui().wait_until("the profile", || {
        Ok((app.ui().value_of("#profile-email") == "ann@zebra.example").then_some(()))
    });
    let password_field = "#profile-current-password-field:not([hidden])";
    assert!(app.ui().try_find(password_field).ok().flatten().is_none());

    // A new e-mail shows the current-password field; sent empty, it is refused at its field.
    app.ui().type_into("#profile-email", "orders@zebra.example");
    app.ui().find(password_field);
    app.ui().type_into("#profile-phone", "+32 470 12 34 56");
    app.ui().click_on("#profile-submit");
    let error = wait_for_some_text(&app, "#profile-current-password-error");
    assert!(error.contains("required"), "{error}");
    app.screenshot("profile-email-needs-password");

    // A wrong password is refused by the service, at the same field; nothing typed is lost.
    app.ui()
        .type_into("#profile-current-password", "not my password at all");
    app.ui().click_on("#profile-submit");
    app.ui().wait_until("the wrong-password error", || {
        let text = app.ui().text_of("#profile-current-password-error");
        Ok(text.contains("not correct").then_some(text))
    });
    assert_eq!(app.ui().value_of("#profile-email"), "orders@zebra.example");
    assert_eq!(app.ui().value_of("#profile-phone"), "+32 470 12 34 56");
    assert_eq!(
        app.ui().value_of("#profile-current-password"),
        "not my password at all"
    );
    app.screenshot("profile-email-wrong-password");

    // The right one saves; the field goes away, and the old address is told.
    app.ui().type_into("#profile-current-password", PASSWORD);
    app.ui().click_on("#profile-submit");
    wait_for_some_text(&app, "#profile-form-status");
    app.ui().wait_until("the field to go", || {
        Ok(app
            .ui()
            .try_find(password_field)
            .ok()
            .flatten()
            .is_none()
            .then_some(()))
    });
    assert_eq!(app.ui().value_of("#profile-phone"), "+32470123456");
    assert_eq!(app.ui().value_of("#profile-current-password"), "");
    app.screenshot("profile-email-moved");
    let notices = mails_once(&outbox(data.path()), "email-changed", 1);
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].contains("To: ann@zebra.example"),
        "{}",
        notices[0]
    );
}

/// Files under `dir` whose bytes contain any of `needles`, case-insensitively.
fn files_containing(dir: &std::path::Path, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(Result::ok).map(|entry| entry.path()) {
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let bytes = std::fs::read(&path)
                .unwrap_or_default()
                .to_ascii_lowercase();
            for needle in needles {
                if bytes
                    .windows(needle.len())
                    .any(|window| window == needle.as_bytes())
                {
                    found.push(format!("{} ({needle})", path.display()));
                }
            }
        }
    }
    found
}
