//! What the wizard remembers: "save for next time" saves the account number and the address as
//! soon as their step is left (not only when the order is confirmed), the page says so, and the
//! next order's delivery address starts from the profile and the last order's address. Offline,
//! the page says the number waits, and it is saved once the service answers again.

use serde_json::{json, Value};

use crate::app::{Launch, RunningApp};
use crate::shared_service::IntermittentService;
use crate::{temp_data_dir, visible_step};

const PASSWORD: &str = "tall giraffe eats blue kites";
const EMAIL: &str = "memory@zebra.example";

fn new_order(app: &RunningApp) {
    let _ = app
        .ui()
        .execute("window.location.hash = '#/new-order';", vec![]);
    visible_step(app, 1);
}

fn saved_numbers(app: &RunningApp) -> Vec<Value> {
    app.invoke("account_numbers_list", json!({}))
        .expect("saved numbers")
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn wait_for_value(app: &RunningApp, css: &str, expected: &str) {
    app.ui()
        .wait_until(&format!("{css} to read {expected}"), || {
            Ok((app.ui().value_of(css) == expected).then_some(()))
        });
}

fn drafts_panel_height(app: &RunningApp) -> f64 {
    app.ui()
        .execute(
            "return document.getElementById('order-drafts-panel').getBoundingClientRect().height;",
            vec![],
        )
        .ok()
        .and_then(|height| height.as_f64())
        .expect("the drafts panel's height")
}

/// Types a number in step 1 with "save for next time" ticked, and goes on.
fn number_saved_on_leaving(app: &RunningApp, number: &str, name: &str) {
    // Once the saved numbers have been read: their list moves the box down when it appears.
    app.ui().find("#order-saved-numbers-loading[hidden]");
    app.ui().type_into("#order-account-number", number);
    app.ui().click_on("#order-save-account-number");
    app.ui().find("#order-account-name-field:not([hidden])");
    app.ui().type_into("#order-account-name", name);
    app.ui().click_on("#order-next");
    visible_step(app, 2);
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn ticked_choices_are_saved_as_their_step_is_left_and_the_next_order_starts_from_the_last_address()
{
    let data = temp_data_dir();
    let mut app = RunningApp::launch("wizard-memory", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), EMAIL, PASSWORD);
    new_order(&app);

    // Step 1 left with the box ticked: saved now, before any order. The first draft, saved
    // while the number is typed, does not shrink the drafts panel below the step: with the page
    // scrolled to its end, that moved the box down under the click (this test's rare failure).
    let no_drafts = app.ui().find("#order-drafts-empty");
    app.ui().scroll_into_view(&no_drafts);
    app.screenshot("step-1-no-drafts-yet");
    let empty_panel = drafts_panel_height(&app);
    number_saved_on_leaving(&app, "951 234 567", "Antwerp");
    app.ui().find("#order-drafts .order-draft");
    let one_draft_panel = drafts_panel_height(&app);
    assert!(
        one_draft_panel >= empty_panel,
        "the drafts panel shrank from {empty_panel} to {one_draft_panel} px"
    );
    app.ui().wait_for_text(
        "#order-step-2-status",
        "Account number 951 234 567 is saved for next time.",
    );
    let numbers = saved_numbers(&app);
    assert_eq!(numbers.len(), 1, "{numbers:?}");
    assert_eq!(numbers[0]["number"], "951234567");
    assert_eq!(numbers[0]["name"], "Antwerp");

    // Step 2 starts from the profile: company, contact and e-mail as registered.
    wait_for_value(&app, "#order-address-company", "Zebra Parcels BV");
    assert_eq!(app.ui().value_of("#order-address-contact"), "Ann Peeters");
    assert_eq!(app.ui().value_of("#order-address-email"), EMAIL);
    app.ui().wait_for_text(
        "#order-address-prefilled:not([hidden])",
        "Filled in from your profile. Check it and complete the address.",
    );
    app.screenshot("step-2-from-profile");
    for (field, text) in [
        ("street", "Meir"),
        ("number", "12"),
        ("postal-code", "2000"),
        ("city", "Antwerpen"),
        ("phone", "03 223 45 67"),
    ] {
        app.ui().type_into(&format!("#order-address-{field}"), text);
    }
    app.ui().click_on("#order-save-address");
    app.ui().click_on("#order-next");
    visible_step(&app, 3);
    app.ui().wait_for_text(
        "#order-step-3-status",
        "The address of Zebra Parcels BV is saved in your address book.",
    );
    let book = app.invoke("addresses_list", json!({})).expect("book");
    assert_eq!(book.as_array().map(Vec::len), Some(1), "{book}");
    assert_eq!(book[0]["street"], "Meir");
    app.screenshot("step-3-address-saved");
    // Ctrl+F goes to the page's search field.
    let focused = app.ui().execute(
        "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true }));
         return document.activeElement?.id;",
        vec![],
    );
    assert_eq!(focused, Ok(json!("order-search")));

    // The order goes out; nothing is saved a second time.
    let catalogue = app.invoke("catalogue_get", json!({})).expect("catalogue");
    let sku = catalogue["items"][0]["sku"]
        .as_str()
        .expect("sku")
        .to_owned();
    app.ui()
        .type_into(&format!("[data-sku='{sku}'] input[data-quantity]"), "1");
    app.ui().click_on("#order-next");
    visible_step(&app, 4);
    app.ui().click_on("#order-confirm");
    app.ui().wait_until("the order number", || {
        let text = app.ui().text_of("#order-number");
        Ok((!text.is_empty()).then_some(()))
    });
    assert_eq!(saved_numbers(&app).len(), 1);
    let book = app.invoke("addresses_list", json!({})).expect("book");
    assert_eq!(book.as_array().map(Vec::len), Some(1), "{book}");

    // The next order starts from the last order's address.
    app.ui().click_on("#order-new");
    visible_step(&app, 1);
    app.ui()
        .click_on("input[name='order-saved-number'][value='951234567']");
    app.ui().click_on("#order-next");
    visible_step(&app, 2);
    wait_for_value(&app, "#order-address-street", "Meir");
    assert_eq!(app.ui().value_of("#order-address-city"), "Antwerpen");
    assert_eq!(app.ui().value_of("#order-address-contact"), "Ann Peeters");
    app.ui().wait_for_text(
        "#order-address-prefilled:not([hidden])",
        "Filled in from your profile and your last order. Check it and change what is different this time.",
    );
    app.screenshot("step-2-from-last-order");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn a_number_ticked_while_offline_is_said_to_wait_and_is_saved_when_the_service_answers() {
    let mut service = IntermittentService::start();
    let data = temp_data_dir();
    let mut app = RunningApp::launch(
        "wizard-memory-offline",
        Launch::new(data.path()).service_url(service.url.clone()),
    );
    app.sign_in_new_user_with_outbox(&service.outbox, EMAIL, PASSWORD);
    app.invoke("account_numbers_list", json!({}))
        .expect("numbers kept for offline use");

    service.go_away();
    new_order(&app);
    app.ui().find("#order-offline-banner");
    number_saved_on_leaving(&app, "951 234 568", "Gent");
    app.ui().wait_for_text(
        "#order-step-2-status",
        "OSO is offline: the account number will be saved for next time as soon as the service answers again.",
    );
    app.screenshot("step-2-number-waits");

    service.come_back();
    app.ui().wait_for_text(
        "#order-step-2-status",
        "Account number 951 234 568 is saved for next time.",
    );
    let numbers = saved_numbers(&app);
    assert_eq!(numbers.len(), 1, "{numbers:?}");
    assert_eq!(numbers[0]["name"], "Gent");
    // Saved once: the draft (kept within a moment of every change) no longer asks for it.
    app.ui().wait_until("the draft to stop asking", || {
        let draft = app.invoke("draft_current", json!({})).expect("draft");
        Ok((draft["save_account_number"] == false).then_some(()))
    });
}
