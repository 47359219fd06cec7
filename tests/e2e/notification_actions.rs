//! Approving where the administrator is: a request made in one app reaches the administrator's
//! app by the service's push and shows as a desktop notification with Approve and Reject, on a
//! real notification server on the test's session bus; pressing Approve there decides it, and
//! the requester's waiting order goes out at once, with a notification naming its number.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::app::{newest_code_for, Launch, RunningApp};
use crate::esecure::{place, queued, status, wait_for_state, ADMIN};
use crate::notification_server::{NotificationServer, Shown};
use crate::shared_service::SharedService;
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";
const REQUESTER: &str = "carol@third.example";
const NUMBER: &str = "951234570";
/// A second account: its request's notification is clicked (which opens the request) rather
/// than decided.
const CLICKED_NUMBER: &str = "951234571";
/// Administered by Ann and a colleague, who signs in on Ann's computer after her.
const SHARED_NUMBER: &str = "951234572";
const COLLEAGUE: &str = "dirk@zebra.example";
/// Long enough for anything that works; the figures are printed, never asserted.
const PATIENCE: Duration = Duration::from_secs(10);

fn wait_for_notification(server: &NotificationServer, matching: impl Fn(&Shown) -> bool) -> Shown {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(found) = server.shown().into_iter().find(|shown| matching(shown)) {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "no such notification before the timeout: {:?}",
            server.shown()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Presses `action` on `shown` as a person would: once the app has shown it and listens for its
/// actions.
fn press(app: &RunningApp, server: &NotificationServer, shown: &Shown, action: &str) {
    wait_until_listening(app, shown);
    server.invoke(shown.id, action);
}

/// The app subscribes to the action signal just after the notification appears; a signal sent
/// in between would be lost, which no person is quick enough to cause.
fn wait_until_listening(app: &RunningApp, shown: &Shown) {
    app.ui()
        .wait_until("the app to have shown the notification", || {
            Ok((status(app)["last_notification"] == shown.body.as_str()).then_some(()))
        });
    std::thread::sleep(Duration::from_millis(500));
}

/// An activated login made without an app (the apps here are signed in already).
fn register_over_the_api(url: &str, outbox: &std::path::Path, email: &str) {
    let client = reqwest::blocking::Client::new();
    let registered = client
        .post(format!("{url}/api/v1/registrations"))
        .json(
            &json!({ "company_name": "Zebra Parcels BV", "contact_name": "Dirk Claes",
            "email": email, "password": PASSWORD, "language": "en" }),
        )
        .send()
        .expect("the service answers");
    assert!(registered.status().is_success(), "{}", registered.status());
    let code = newest_code_for(outbox, "activation", email);
    let activated = client
        .post(format!("{url}/api/v1/activations"))
        .json(&json!({ "email": email, "code": code }))
        .send()
        .expect("the service answers");
    assert!(activated.status().is_success(), "{}", activated.status());
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_administrator_approves_from_the_notification_and_the_waiting_order_goes_out_at_once() {
    let server = NotificationServer::start();
    let service = SharedService::start();
    let (url, outbox) = (service.url.clone(), service.outbox.clone());
    let (admin_data, requester_data) = (temp_data_dir(), temp_data_dir());
    let mut admin = RunningApp::launch(
        "notification-admin",
        Launch::new(admin_data.path()).service_url(url.clone()),
    );
    admin.sign_in_new_user_with_outbox(&outbox, ADMIN, PASSWORD);
    service.protected_account(NUMBER, &[ADMIN]);
    service.protected_account(CLICKED_NUMBER, &[ADMIN]);
    admin.invoke("session_get", json!({})).expect("session");
    admin
        .ui()
        .wait_until("the app to know Ann administers accounts", || {
            Ok((status(&admin)["administrator"] == true).then_some(()))
        });
    let mut requester = RunningApp::launch(
        "notification-requester",
        Launch::new(requester_data.path()).service_url(url.clone()),
    );
    requester.sign_in_new_user_with_outbox(&outbox, REQUESTER, PASSWORD);
    let catalogue = requester
        .invoke("catalogue_get", json!({}))
        .expect("catalogue");
    let sku = catalogue["items"][0]["sku"].clone();
    // Both apps follow the service's events (rather than polling).
    for app in [&admin, &requester] {
        app.ui().wait_until("the events stream open", || {
            Ok((status(app)["events_stream"] == true).then_some(()))
        });
    }

    // A click on a request's notification opens that request in the administrator's app.
    let clicked = place(&requester, CLICKED_NUMBER, &sku);
    assert_eq!(clicked["outcome"]["state"], "approval", "{clicked}");
    let first = wait_for_notification(&server, |shown| {
        shown.actions.iter().any(|(key, _)| key == "default") && shown.body.contains("571")
    });
    press(&admin, &server, &first, "default");
    let linked = format!(
        "#esecure-requests-rows tr[data-email='{REQUESTER}'][data-linked='true'][data-status='pending']"
    );
    admin.ui().find(&linked);
    admin.ui().wait_until("the clicked request focused", || {
        admin
            .ui()
            .execute(
                "return document.activeElement === document.querySelector(arguments[0]);",
                vec![json!(linked)],
            )
            .map(|focused| focused.as_bool().filter(|focused| *focused))
    });
    admin.screenshot("opened-from-notification");

    // The request, made in the second app, reaches the administrator as a notification.
    let asked = Instant::now();
    let waiting = place(&requester, NUMBER, &sku);
    assert_eq!(waiting["outcome"]["state"], "approval", "{waiting}");
    let notice = wait_for_notification(&server, |shown| {
        shown.id != first.id
            && shown.body.contains(REQUESTER)
            && shown.actions.iter().any(|(key, _)| key == "approve")
    });
    println!(
        "figure: request to notification {} ms",
        notice.at.duration_since(asked).as_millis()
    );
    let keys: Vec<&str> = notice.actions.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(keys, ["default", "approve", "reject"], "{notice:?}");
    let labels: Vec<&str> = notice
        .actions
        .iter()
        .map(|(_, label)| label.as_str())
        .collect();
    assert_eq!(labels, ["Open in OSO", "Approve", "Reject"]);

    // The tray says it too: the count in the tooltip, the request in the menu.
    let watch = admin.ui().wait_until("the tray to show the request", || {
        let watch = status(&admin);
        Ok((watch["tray_tooltip"] == "OSO: 2 open requests").then_some(watch))
    });
    assert_eq!(
        watch["tray_requests"].as_array().map(Vec::len),
        Some(2),
        "{watch}"
    );

    // Approve, pressed on the notification: decided, and the order goes out at once.
    let decided = Instant::now();
    press(&admin, &server, &notice, "approve");
    admin.ui().wait_until("the app to record the decision", || {
        let watch = status(&admin);
        Ok((watch["notification_actions"] == 1).then_some(()))
    });
    let accepted = wait_for_state(&requester, &waiting["id"], "accepted");
    let placed = Instant::now();
    let took = placed.duration_since(decided).as_millis();
    println!(
        "figure: decision to placed order {took} ms, {:.3}× the 10 000 ms the retry it replaces could wait",
        took as f64 / 10_000.0
    );
    let order_number = accepted["order_number"]
        .as_str()
        .expect("a number")
        .to_owned();
    let told = wait_for_notification(&server, |shown| shown.body.contains(&order_number));
    assert_eq!(told.summary, "Order placed", "{told:?}");
    requester.screenshot("approved-from-notification");
    admin.ui().wait_until("the tray to count the one left", || {
        let watch = status(&admin);
        Ok((watch["open_requests"] == 1
            && watch["tray_tooltip"] == "OSO: 1 open request"
            && watch["tray_requests"].as_array().map(Vec::len) == Some(1))
        .then_some(()))
    });

    // A notification outlives the session it was shown in. Ann signs out and her colleague,
    // who administers the same number, signs in on her computer: Approve, pressed on Ann's
    // notification now, decides nothing in either name.
    register_over_the_api(&url, &outbox, COLLEAGUE);
    service.protected_account(SHARED_NUMBER, &[ADMIN, COLLEAGUE]);
    let shared = place(&requester, SHARED_NUMBER, &sku);
    assert_eq!(shared["outcome"]["state"], "approval", "{shared}");
    let for_ann = wait_for_notification(&server, |shown| {
        shown.body.contains("572") && shown.actions.iter().any(|(key, _)| key == "approve")
    });
    wait_until_listening(&admin, &for_ann);
    admin.sign_out();
    admin.sign_in(COLLEAGUE, PASSWORD);
    admin.ui().wait_until("the colleague's summary", || {
        let watch = status(&admin);
        Ok((watch["administrator"] == true && watch["open_requests"] == 1).then_some(()))
    });
    let dropped_before = status(&admin)["notification_actions_dropped"].clone();
    server.invoke(for_ann.id, "approve");
    admin.ui().wait_until("the app to drop the decision", || {
        let watch = status(&admin);
        Ok((watch["notification_actions_dropped"] != dropped_before).then_some(()))
    });
    assert_eq!(queued(&requester, &shared["id"])["state"], "approval");
    assert_eq!(status(&admin)["open_requests"], 1, "still open");
}
