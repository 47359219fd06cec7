//! The four-step order wizard, drafts that survive a kill, and orders made offline.

use std::path::Path;

use serde_json::{json, Value};

use crate::app::{Launch, RunningApp};
use crate::shared_service::IntermittentService;
use crate::{temp_data_dir, visible_step};

const PASSWORD: &str = "tall giraffe eats blue kites";

fn wait_for_some_text(app: &RunningApp, css: &str) -> String {
    app.ui().wait_until(&format!("text in {css}"), || {
        let text = app.ui().text_of(css);
        Ok((!text.is_empty()).then_some(text))
    })
}

fn set_up_user(app: &RunningApp, data: &Path, email: &str) -> (Value, i64) {
    app.sign_in_new_user(data, email, PASSWORD);
    app.invoke(
        "account_numbers_save",
        json!({ "number": "951234567", "name": "Antwerp" }),
    )
    .unwrap_or_else(|error| panic!("saving a number: {error}"));
    let address = app
        .invoke(
            "addresses_add",
            json!({ "address": { "company": "Zebra Parcels BV", "contact_person": "Ann Peeters",
                    "street": "Meir", "number": "12", "postal_code": "2000", "city": "Antwerpen",
                    "country": "BE", "phone": "03 223 45 67" } }),
        )
        .unwrap_or_else(|error| panic!("saving an address: {error}"));
    let catalogue = app
        .invoke("catalogue_get", json!({}))
        .unwrap_or_else(|error| panic!("catalogue: {error}"));
    (catalogue, address["id"].as_i64().expect("address id"))
}

/// Kills the app's process as a crash would (SIGKILL), found by its data directory.
fn kill_hard(data: &Path) {
    let wanted = format!("OSO_DATA_DIR={}", data.display());
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        let matches = environ
            .split(|byte| *byte == 0)
            .any(|var| var == wanted.as_bytes());
        let name = std::fs::read_to_string(entry.path().join("comm")).unwrap_or_default();
        if matches && name.trim() == "oso" {
            let pid = entry.file_name().to_string_lossy().into_owned();
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid])
                .status();
        }
    }
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn a_user_orders_with_search_filters_and_the_address_book_and_edits_from_the_review() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("order-wizard", Launch::new(data.path()));
    let (catalogue, address_id) = set_up_user(&app, data.path(), "wizard@zebra.example");
    let item = &catalogue["items"][0];
    let sku = item["sku"].as_str().expect("sku").to_owned();
    let max = item["max_packs_per_order"].as_u64().expect("max");
    let _ = app
        .ui()
        .execute("window.location.hash = '#/new-order';", vec![]);

    // 1. A saved account number. Required fields carry the manual's check mark, which a legend
    // explains; each of them is `required` for screen readers too.
    visible_step(&app, 1);
    assert!(
        app.ui()
            .text_of("#order-step-1 .required-legend")
            .contains('✓'),
        "the legend of the mark"
    );
    let marks = app
        .ui()
        .execute(
            "return [...document.querySelectorAll('#order-form .required-mark')].map((mark) => {
               const control = document.getElementById(mark.closest('label').htmlFor);
               return [mark.textContent, mark.getAttribute('aria-hidden'), control.required || control.getAttribute('aria-required') === 'true'];
             });",
            vec![],
        )
        .expect("the marks");
    let marks: Vec<(String, String, bool)> = serde_json::from_value(marks).expect("a list");
    assert!(marks.len() >= 7, "{marks:?}");
    assert!(
        marks
            .iter()
            .all(|(text, hidden, required)| text == "✓" && hidden == "true" && *required),
        "{marks:?}"
    );
    app.ui()
        .click_on("input[name='order-saved-number'][value='951234567']");
    app.screenshot("step-1");
    app.ui().click_on("#order-next");

    // 2. An address from the address book.
    visible_step(&app, 2);
    app.ui().click_on("#order-choose-address");
    app.ui()
        .click_on(&format!("[data-choose-address='{address_id}']"));
    app.ui().wait_until("the chosen address", || {
        Ok((app.ui().value_of("#order-address-city") == "Antwerpen").then_some(()))
    });
    app.screenshot("step-2");
    app.ui().click_on("#order-next");

    // 3. Search, filter, and the item maximum.
    visible_step(&app, 3);
    let name = item["name"].as_str().expect("name");
    app.ui().type_into("#order-search", &name.to_uppercase());
    let row = format!("[data-sku='{sku}']");
    app.ui().find(&format!("{row}:not([hidden])"));
    // The manual's Search button runs the search too (here on a text set without typing, so
    // only the button can have searched), and tells how many items it found.
    app.ui()
        .execute(
            "document.getElementById('order-search').value = 'zzz-no-such-item';",
            vec![],
        )
        .expect("text set");
    app.ui().click_on("#order-search-button");
    app.ui().find("#order-supplies-empty:not([hidden])");
    app.screenshot("step-3-search-button-nothing-found");
    app.ui()
        .execute(
            "document.getElementById('order-search').value = arguments[0];",
            vec![json!(name.to_uppercase())],
        )
        .expect("text set");
    app.ui().click_on("#order-search-button");
    app.ui().find(&format!("{row}:not([hidden])"));
    let count = wait_for_some_text(&app, "#order-results-count");
    assert!(count.starts_with(char::is_numeric), "{count}");
    app.screenshot("step-3-searched");
    app.ui().click_on(&format!(
        "#order-category option[value='{}']",
        item["category"].as_str().expect("category")
    ));
    app.ui().type_into(
        &format!("{row} input[data-quantity]"),
        &(max + 1).to_string(),
    );
    let limit = wait_for_some_text(&app, &format!("{row} [data-limit-message]"));
    assert!(limit.contains(&max.to_string()), "{limit}");
    assert_eq!(
        app.ui().value_of(&format!("{row} input[data-quantity]")),
        (max + 1).to_string(),
        "never silently reduced"
    );
    app.screenshot("step-3-over-maximum");
    app.ui()
        .type_into(&format!("{row} input[data-quantity]"), "1");
    app.ui().click_on("#order-next");

    // 4. Review, edit the quantity and come back, confirm.
    visible_step(&app, 4);
    assert!(app.ui().text_of("#order-review").contains("951"));
    app.ui().click_on("[data-edit-step='3']");
    visible_step(&app, 3);
    app.ui()
        .type_into(&format!("{row} input[data-quantity]"), "2");
    app.ui().click_on("#order-back-to-review");
    visible_step(&app, 4);
    app.screenshot("review");
    app.ui().click_on("#order-confirm");
    let number = wait_for_some_text(&app, "#order-number");
    assert!(number.contains("OSO-"), "{number}");
    app.screenshot("placed");

    let mails = crate::app::mails_once(&crate::app::outbox(data.path()), "order-confirmation", 1);
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains(number.trim()), "{}", mails[0]);
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn a_draft_killed_mid_wizard_is_offered_again_and_resumes_where_it_was() {
    let data = temp_data_dir();
    let app = RunningApp::launch("order-draft", Launch::new(data.path()));
    set_up_user(&app, data.path(), "draft@zebra.example");
    let _ = app
        .ui()
        .execute("window.location.hash = '#/new-order';", vec![]);
    visible_step(&app, 1);
    app.ui().type_into("#order-account-number", "951 234 567");
    app.ui().click_on("#order-next");
    visible_step(&app, 2);
    app.ui()
        .type_into("#order-address-company", "Typed Before The Crash BV");
    // Saving happens on every change; give the last one its moment before the crash.
    app.ui().wait_until("the draft to be saved", || {
        let drafts = app.invoke("drafts_list", json!({})).unwrap_or_default();
        Ok(drafts
            .as_array()
            .filter(|list| !list.is_empty())
            .map(|_| ()))
    });
    std::thread::sleep(std::time::Duration::from_millis(500));

    kill_hard(data.path());
    drop(app);

    let mut restarted = RunningApp::launch("order-draft-restarted", Launch::new(data.path()));
    let _ = restarted
        .ui()
        .execute("window.location.hash = '#/new-order';", vec![]);
    restarted.ui().find("#order-resume-banner:not([hidden])");
    restarted.screenshot("resume-offered");
    restarted.ui().click_on("#order-resume");
    visible_step(&restarted, 2);
    assert_eq!(
        restarted.ui().value_of("#order-address-company"),
        "Typed Before The Crash BV"
    );
    restarted.screenshot("resumed");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn an_order_made_offline_waits_and_is_accepted_exactly_once_when_the_service_returns() {
    let mut service = IntermittentService::start();
    let outbox = service.outbox.clone();

    let data = temp_data_dir();
    let mut app = RunningApp::launch(
        "order-offline",
        Launch::new(data.path()).service_url(service.url.clone()),
    );
    app.invoke(
        "auth_register",
        json!({ "form": { "company_name": "Zebra", "contact_name": "Ann",
        "email": "offline@zebra.example", "password": PASSWORD, "language": "en" } }),
    )
    .expect("registered");
    let code = crate::app::newest_code_in(&outbox, "activation");
    app.invoke(
        "auth_activate",
        json!({ "email": "offline@zebra.example", "code": code }),
    )
    .expect("activated");
    let address = app
        .invoke(
            "auth_login",
            json!({ "email": "offline@zebra.example", "password": PASSWORD, "stay_signed_in": true }),
        )
        .and_then(|_| {
            app.invoke(
                "account_numbers_save",
                json!({ "number": "951234567", "name": "Antwerp" }),
            )
        })
        .and_then(|_| {
            app.invoke(
                "addresses_add",
                json!({ "address": { "company": "Zebra Parcels BV",
            "contact_person": "Ann Peeters", "street": "Meir", "number": "12", "postal_code": "2000",
            "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67" } }),
            )
        })
        .expect("set up");
    let address_id = address["id"].as_i64().expect("address id");
    let catalogue = app.invoke("catalogue_get", json!({})).expect("catalogue");
    let sku = catalogue["items"][1]["sku"]
        .as_str()
        .expect("sku")
        .to_owned();
    // The lists are kept for offline use when they are read while online (after sign-in).
    app.invoke("account_numbers_list", json!({}))
        .expect("numbers");
    app.invoke("addresses_list", json!({})).expect("addresses");

    // The service goes away before the order is even started.
    service.go_away();
    let _ = app.ui().execute(
        "window.location.hash = '#/new-order'; window.location.reload();",
        vec![],
    );
    app.ui().find("#order-offline-banner");
    app.ui()
        .wait_for_text("#session-email", "offline@zebra.example");
    visible_step(&app, 1);
    app.ui()
        .click_on("input[name='order-saved-number'][value='951234567']");
    app.ui().click_on("#order-next");
    visible_step(&app, 2);
    app.ui().click_on("#order-choose-address");
    app.ui()
        .click_on(&format!("[data-choose-address='{address_id}']"));
    app.ui().click_on("#order-next");
    visible_step(&app, 3);
    app.ui()
        .type_into(&format!("[data-sku='{sku}'] input[data-quantity]"), "1");
    app.ui().click_on("#order-next");
    visible_step(&app, 4);
    app.screenshot("offline-review");
    app.ui().click_on("#order-confirm");
    app.ui().find("#order-result [data-state='waiting']");
    app.screenshot("waiting");

    service.come_back();
    let number = wait_for_some_text(&app, "#order-number");
    assert!(number.contains("OSO-"), "{number}");
    app.screenshot("accepted");
    std::thread::sleep(std::time::Duration::from_secs(3));
    let confirmations =
        oso_service::mail::outbox::read_mails(&outbox, "order-confirmation").expect("outbox");
    assert_eq!(confirmations.len(), 1, "accepted exactly once");
}
