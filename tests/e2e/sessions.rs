//! Sessions at the edges: no OS keyring at all, and a password that expired while away.

use serde_json::json;

use crate::app::{Launch, RunningApp};
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";

fn mode(app: &RunningApp) -> String {
    app.ui()
        .execute("return document.body.dataset.session;", vec![])
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn without_a_keyring_the_app_says_so_and_keeps_the_session_in_memory_only() {
    // No session bus at all for the app, so no Secret Service either.
    let data = temp_data_dir();
    let no_bus = "unix:path=/nonexistent/oso-no-bus".to_owned();
    let launch = || Launch::new(data.path()).dbus_address(no_bus.clone());
    let mut app = RunningApp::launch("no-keyring", launch());
    app.sign_in_new_user(data.path(), "nokeyring@zebra.example", PASSWORD);

    let banner = app.ui().find("#keyring-warning:not([hidden])");
    assert!(
        !app.ui().text_of("#keyring-warning").is_empty(),
        "the banner explains"
    );
    let _ = banner;
    app.screenshot("banner");
    app.close();

    let restarted = RunningApp::launch("no-keyring-restarted", launch());
    restarted
        .ui()
        .find("[data-auth-view='login']:not([hidden])");
    assert_eq!(
        mode(&restarted),
        "signed-out",
        "nothing was kept between runs"
    );
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn signing_in_after_sixty_days_leads_straight_to_choosing_a_new_password() {
    use chrono::TimeZone;
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let clock = oso_core::ManualClock::starting_at(
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
            .single()
            .expect("valid"),
    );
    let service_data = temp_data_dir();
    let service = runtime
        .block_on(oso_service::start_with_clock(
            oso_service::ServiceConfig::embedded(service_data.path()),
            std::sync::Arc::new(clock.clone()),
        ))
        .expect("the shared service starts");
    let url = service.url();
    let http = reqwest::blocking::Client::new();
    let email = "expiry@zebra.example";
    http.post(format!("{url}/api/v1/registrations"))
        .json(
            &json!({"company_name": "Zebra", "contact_name": "Ann", "email": email,
                      "password": PASSWORD, "language": "en"}),
        )
        .send()
        .expect("registered");
    let mails =
        oso_service::mail::outbox::read_mails(service.outbox_dir(), "activation").expect("outbox");
    let code = mails
        .last()
        .and_then(|mail| oso_service::mail::outbox::find_code(mail))
        .expect("code");
    http.post(format!("{url}/api/v1/activations"))
        .json(&json!({"email": email, "code": code}))
        .send()
        .expect("activated");
    clock.advance(chrono::Duration::days(61));

    let data = temp_data_dir();
    let mut app = RunningApp::launch(
        "password-expired",
        Launch::new(data.path()).service_url(url),
    );
    app.ui().type_into("#login-email", email);
    app.ui().type_into("#login-password", PASSWORD);
    app.ui().click_on("#login-submit");
    app.ui().find("[data-auth-view='expired']:not([hidden])");
    assert_eq!(mode(&app), "password-expired");
    app.screenshot("expired");

    app.ui().type_into("#expired-current", PASSWORD);
    app.ui()
        .type_into("#expired-new", "purple otters swim north");
    app.ui().click_on("#expired-submit");
    app.ui().wait_until("the signed-in shell", || {
        Ok((mode(&app) == "signed-in").then_some(()))
    });
    app.screenshot("renewed");
    drop(service);
}
