//! What a start loads before its first screen: the new order's code only when that screen is the
//! new order (signed in); signed out, just after it, and signing in still finds a working page.

use serde_json::json;

use crate::accounts::{log_in, wait_for_mode, wait_for_view};
use crate::app::{newest_code_for, outbox, Launch, RunningApp};
use crate::{temp_data_dir, visible_step};

const PASSWORD: &str = "tall giraffe eats blue kites";
const EMAIL: &str = "first.screen@zebra.example";

/// When the new order's code ran (its module's `order_code` mark), and when the first screen was
/// drawn (main.js's `drawn` mark), in ms since the page began; `None` until both have happened.
/// (WebKitGTK keeps no resource timings for the app's own scheme, so the module marks itself.)
fn order_code_and_first_screen(app: &RunningApp) -> Result<Option<(f64, f64)>, String> {
    let times = app.ui().execute(
        "const code = performance.getEntriesByName('order_code', 'mark')[0];
         const drawn = performance.getEntriesByName('drawn', 'mark')[0];
         return code && drawn ? [code.startTime, drawn.startTime] : null;",
        vec![],
    )?;
    Ok(serde_json::from_value(times).ok())
}

fn when_order_code_and_first_screen(app: &RunningApp) -> (f64, f64) {
    app.ui().wait_until(
        "the new order's code run and the first screen drawn",
        || order_code_and_first_screen(app),
    )
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn signed_out_the_new_orders_code_runs_after_the_first_screen_and_signed_in_before_it() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("first-screen-signed-out", Launch::new(data.path()));
    wait_for_view(&app, "login");
    let (ran, drawn) = when_order_code_and_first_screen(&app);
    assert!(
        ran >= drawn,
        "signed out, the new order's code ran at {ran} ms, before the first screen \
         was drawn at {drawn} ms"
    );

    // Signing in through the card, in the same page: the new order, started after the first
    // screen, takes the session over and its wizard works.
    app.invoke(
        "auth_register",
        json!({ "form": { "company_name": "Zebra Parcels BV", "contact_name": "Ann Peeters",
                          "email": EMAIL, "password": PASSWORD, "language": "en" } }),
    )
    .expect("registered");
    let code = newest_code_for(&outbox(data.path()), "activation", EMAIL);
    app.invoke("auth_activate", json!({ "email": EMAIL, "code": code }))
        .expect("activated");
    log_in(&app, EMAIL, PASSWORD);
    wait_for_mode(&app, "signed-in");
    visible_step(&app, 1);
    app.ui().type_into("#order-account-number", "951 234 567");
    app.ui().click_on("#order-next");
    visible_step(&app, 2);
    app.screenshot("signed-in-step-2");
    app.close();

    // Started again signed in: the new order is the first screen, so its code runs before it.
    let mut restarted = RunningApp::launch("first-screen-signed-in", Launch::new(data.path()));
    wait_for_mode(&restarted, "signed-in");
    let (ran, drawn) = when_order_code_and_first_screen(&restarted);
    assert!(
        ran < drawn,
        "signed in, the new order's code ran at {ran} ms, after the first screen was \
         drawn at {drawn} ms"
    );
    visible_step(&restarted, 1);
    restarted.screenshot("restarted-signed-in");
    restarted.close();
}
