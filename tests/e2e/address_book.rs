//! Manage account numbers and the address book, through their screens.

use crate::app::{Launch, RunningApp};
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";

fn wait_for_some_text(app: &RunningApp, css: &str) -> String {
    app.ui().wait_until(&format!("text in {css}"), || {
        let text = app.ui().text_of(css);
        Ok((!text.is_empty()).then_some(text))
    })
}

fn wait_for_absence(app: &RunningApp, css: &str) {
    app.ui().wait_until(&format!("{css} to disappear"), || {
        Ok(app.ui().try_find(css)?.is_none().then_some(()))
    });
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn account_numbers_are_added_renamed_and_removed_with_bad_input_refused_at_its_field() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("account-numbers", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "numbers@zebra.example", PASSWORD);
    app.ui().click_on("a[data-page='account-numbers']");
    app.ui().find("#account-number-empty");
    app.screenshot("empty");

    app.ui().type_into("#account-number-input", "12345");
    app.ui()
        .type_into("#account-number-name", "Antwerp warehouse");
    app.ui().click_on("#account-number-submit");
    wait_for_some_text(&app, "#account-number-input-error");
    assert_eq!(
        app.ui().value_of("#account-number-name"),
        "Antwerp warehouse"
    );
    app.screenshot("refused");

    app.ui().type_into("#account-number-input", "951 234 567");
    app.ui().click_on("#account-number-submit");
    let row = "[data-account-number='951234567']";
    app.ui().find(row);
    assert!(app.ui().text_of(row).contains("Antwerp warehouse"));
    app.screenshot("added");

    app.ui().click_on(&format!("{row} [data-action='rename']"));
    app.ui()
        .type_into(&format!("{row} [data-field='name']"), "Ghent depot");
    app.ui()
        .click_on(&format!("{row} [data-action='save-name']"));
    app.ui().wait_until("the new name", || {
        Ok(app.ui().text_of(row).contains("Ghent depot").then_some(()))
    });

    app.ui().click_on(&format!("{row} [data-action='remove']"));
    app.ui()
        .click_on(&format!("{row} [data-action='confirm-remove']"));
    wait_for_absence(&app, row);
    app.ui().find("#account-number-empty");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn an_address_is_added_edited_and_deleted_and_a_bad_postal_code_is_refused_at_its_field() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("address-book", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "addresses@zebra.example", PASSWORD);
    app.ui().click_on("a[data-page='address-book']");
    app.ui().find("#address-empty");

    app.ui().click_on("#address-add");
    app.ui().type_into("#address-company", "Zebra Parcels BV");
    app.ui().type_into("#address-contact", "Ann Peeters");
    app.ui().type_into("#address-street", "Meir");
    app.ui().type_into("#address-number", "12");
    app.ui().type_into("#address-postal-code", "200");
    app.ui().type_into("#address-city", "Antwerpen");
    app.ui().click_on("#address-country option[value='BE']");
    app.ui().type_into("#address-phone", "03 223 45 67");
    app.ui().type_into("#address-note", "Ring twice");
    app.ui().click_on("#address-submit");
    wait_for_some_text(&app, "#address-postal-code-error");
    assert_eq!(
        app.ui().value_of("#address-company"),
        "Zebra Parcels BV",
        "nothing typed is lost"
    );
    app.screenshot("refused");

    app.ui().type_into("#address-postal-code", "2000");
    app.ui().click_on("#address-submit");
    app.ui().find("[data-address-id]");
    assert!(app.ui().text_of("#address-list").contains("Antwerpen"));
    assert!(
        app.ui().text_of("#address-list").contains("+3232234567")
            || app
                .ui()
                .text_of("#address-list")
                .contains("+32 3 223 45 67")
    );
    app.screenshot("added");

    app.ui().click_on("[data-address-id] [data-action='edit']");
    app.ui().type_into("#address-city", "Berchem");
    app.ui().click_on("#address-submit");
    app.ui().wait_until("the edited city", || {
        Ok(app
            .ui()
            .text_of("#address-list")
            .contains("Berchem")
            .then_some(()))
    });
    app.screenshot("edited");

    app.ui()
        .click_on("[data-address-id] [data-action='delete']");
    app.ui()
        .click_on("[data-address-id] [data-action='confirm-delete']");
    wait_for_absence(&app, "[data-address-id]");
    app.ui().find("#address-empty");
}
