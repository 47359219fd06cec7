//! Issue 17, finding 10: an unencrypted service on another machine. Refused by default, and the
//! window says why and which setting decides, in the user's language; accepted with
//! `allow_insecure_service = true` in `settings.toml`, under a warning on every screen.

use crate::app::{Launch, RunningApp};
use crate::temp_data_dir;

/// TEST-NET-1 (RFC 5737): never a real host, never this machine.
const REMOTE_HTTP: &str = "http://192.0.2.10:8480";

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn an_unencrypted_service_on_another_machine_is_refused_in_the_window_naming_the_setting() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch(
        "insecure-service-refused",
        Launch::new(data.path())
            .os_language("nl_BE")
            .service_url(REMOTE_HTTP.to_owned()),
    );

    let message = app.ui().wait_until("the refusal", || {
        let text = app
            .ui()
            .text_of("#start-refused:not([hidden]) #start-refused-message");
        Ok((!text.is_empty()).then_some(text))
    });
    assert!(message.contains("allow_insecure_service"), "{message}");
    assert!(message.contains("settings.toml"), "{message}");
    assert!(message.contains("192.0.2.10"), "{message}");
    assert!(
        message.contains("versleuteld"),
        "in the OS language (Dutch): {message}"
    );
    assert!(
        app.ui()
            .execute("return document.getElementById('auth').hidden;", vec![])
            .ok()
            .and_then(|hidden| hidden.as_bool())
            .unwrap_or(false),
        "no sign-in card: nothing is sent to that address"
    );
    app.screenshot("refused");
    app.close();
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn allowing_an_insecure_service_in_settings_shows_a_warning_on_every_screen() {
    let data = temp_data_dir();
    std::fs::write(
        data.path().join("settings.toml"),
        format!("service_url = \"{REMOTE_HTTP}\"\nallow_insecure_service = true\n"),
    )
    .expect("settings.toml");
    let mut app = RunningApp::launch("insecure-service-allowed", Launch::new(data.path()));

    let warning = app.ui().wait_until("the warning", || {
        let text = app
            .ui()
            .text_of("#insecure-service-warning:not([hidden]) #insecure-service-text");
        Ok((!text.is_empty()).then_some(text))
    });
    assert!(warning.contains("192.0.2.10"), "{warning}");
    assert!(warning.contains("allow_insecure_service"), "{warning}");
    app.ui().find("[data-auth-view='login']:not([hidden])");
    app.screenshot("warning-over-sign-in");
    app.close();
}
