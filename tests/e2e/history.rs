//! Order history in the real app: newest first, sorting both ways, the supplier ships an order
//! and its status, progress line and Track & Trace link (opened in the system browser) show; another
//! company that saves the same account number sees none of the orders placed with it.

use serde_json::json;

use crate::app::{make_executable, outbox, Launch, RunningApp};
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn orders_appear_newest_first_sort_both_ways_and_a_shipped_order_shows_its_tracking_link() {
    let data = temp_data_dir();
    let opened = data.path().join("opened-urls.txt");
    let browser = data.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" >> '{}'\n", opened.display()),
    )
    .expect("browser stand-in");
    make_executable(&browser);
    let mut app = RunningApp::launch("history", Launch::new(data.path()).browser(browser));
    app.sign_in_new_user(data.path(), "history@zebra.example", PASSWORD);
    let catalogue = app.invoke("catalogue_get", json!({})).expect("catalogue");
    let sku = catalogue["items"][0]["sku"].clone();
    let mut numbers = Vec::new();
    for (index, company) in ["Bravo BV", "Alpha NV", "Charlie SA"].iter().enumerate() {
        let draft = app
            .invoke("draft_save", json!({ "draft": { "id": null, "step": 4, "account_number": format!("95123456{index}"),
                "address": { "company": company, "contact_person": "Ann", "street": "Meir", "number": "1",
                             "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67" },
                "lines": [{ "sku": sku, "packs": 1 }] } }))
            .expect("draft");
        let placed = app
            .invoke("order_place", json!({ "id": draft["id"] }))
            .expect("placed");
        numbers.push(placed["order_number"].as_str().expect("number").to_owned());
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }

    app.ui().click_on("a[data-page='order-history']");
    let first_row = "#history-table tbody tr[data-order-number]";
    app.ui().wait_until("the newest order first", || {
        Ok(app
            .ui()
            .attribute(&app.ui().find(first_row), "data-order-number")
            .filter(|n| *n == numbers[2]))
    });
    app.screenshot("newest-first");

    for column in [
        "order_number",
        "created_at",
        "status",
        "account_number",
        "company",
        "packs",
    ] {
        app.ui().click_on(&format!("button[data-sort='{column}']"));
        app.ui().wait_until(&format!("{column} ascending"), || {
            let sort = app.ui().execute(
                "const b = document.querySelector(`button[data-sort='${arguments[0]}']`); return b.closest('th').getAttribute('aria-sort');",
                vec![json!(column)],
            )?;
            Ok((sort == json!("ascending")).then_some(()))
        });
        app.ui().click_on(&format!("button[data-sort='{column}']"));
        app.ui().wait_until(&format!("{column} descending"), || {
            let sort = app.ui().execute(
                "const b = document.querySelector(`button[data-sort='${arguments[0]}']`); return b.closest('th').getAttribute('aria-sort');",
                vec![json!(column)],
            )?;
            Ok((sort == json!("descending")).then_some(()))
        });
    }
    app.ui().click_on("button[data-sort='company']");
    app.ui().wait_until("companies A to Z", || {
        let text = app.ui().text_of("#history-table tbody");
        let (alpha, charlie) = (text.find("Alpha"), text.find("Charlie"));
        Ok(alpha.zip(charlie).filter(|(a, c)| a < c).map(|_| ()))
    });
    app.screenshot("sorted-by-company");

    // The supplier ships the first order (what `oso-service orders ship` does, as a library).
    let service_dir = data.path().join("service");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let operator = oso_service::operator::Operator::open(
            &oso_service::ServiceConfig::embedded(&service_dir),
        )
        .await
        .expect("operator");
        operator
            .set(
                &numbers[0],
                Some(oso_core::OrderStatus::Shipped),
                Some("5555555555"),
            )
            .await
            .expect("shipped");
    });
    assert_eq!(
        oso_service::mail::outbox::read_mails(&outbox(data.path()), "order-shipped")
            .expect("outbox")
            .len(),
        1
    );

    app.ui()
        .click_on(&format!("tr[data-order-number='{}'] td", numbers[0]));
    app.ui().wait_until("the shipped status", || {
        Ok((!app.ui().text_of("#order-details-status").is_empty()
            && app
                .ui()
                .try_find("#order-details-progress [data-status='shipped'][aria-current='step']")?
                .is_some())
        .then_some(()))
    });
    app.ui().click_on("#order-details-track");
    app.ui().wait_until("the browser to be asked", || {
        Ok(std::fs::read_to_string(&opened)
            .ok()
            .filter(|urls| urls.contains("5555555555"))
            .map(|_| ()))
    });
    app.screenshot("shipped-details");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_tracking_link_goes_ten_days_after_completion_and_the_order_thirty_days_after_it_was_placed()
{
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
    let data = temp_data_dir();
    let mut app = RunningApp::launch(
        "history-time",
        Launch::new(data.path()).service_url(service.url()),
    );
    app.sign_in_new_user_with_outbox(service.outbox_dir(), "time@zebra.example", PASSWORD);
    let catalogue = app.invoke("catalogue_get", json!({})).expect("catalogue");
    let draft = app
        .invoke("draft_save", json!({ "draft": { "id": null, "step": 4, "account_number": "951234567",
            "address": { "company": "Zebra", "contact_person": "Ann", "street": "Meir", "number": "1",
                         "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67" },
            "lines": [{ "sku": catalogue["items"][0]["sku"], "packs": 1 }] } }))
        .expect("draft");
    let placed = app
        .invoke("order_place", json!({ "id": draft["id"] }))
        .expect("placed");
    let number = placed["order_number"].as_str().expect("number").to_owned();
    runtime.block_on(async {
        service
            .move_order(&number, oso_core::OrderStatus::Shipped, Some("4444444444"))
            .await
            .expect("shipped");
        service
            .move_order(&number, oso_core::OrderStatus::Completed, None)
            .await
            .expect("completed");
    });

    let show_details = |app: &RunningApp| {
        let _ = app
            .ui()
            .execute("window.location.hash = '#/new-order';", vec![]);
        app.ui().click_on("a[data-page='order-history']");
        app.ui()
            .click_on(&format!("tr[data-order-number='{number}'] td"));
        app.ui().wait_until("the completed order", || {
            Ok((!app.ui().text_of("#order-details-progress").is_empty()).then_some(()))
        });
    };
    show_details(&app);
    app.ui().find("#order-details-track");
    app.screenshot("link-shown");

    clock.advance(chrono::Duration::days(10));
    show_details(&app);
    assert!(
        app.ui()
            .try_find("#order-details-track")
            .expect("query")
            .is_none(),
        "the link is gone"
    );
    app.screenshot("link-gone");

    clock.advance(chrono::Duration::days(20));
    runtime
        .block_on(service.run_background_jobs())
        .expect("jobs");
    let _ = app
        .ui()
        .execute("window.location.hash = '#/new-order';", vec![]);
    app.ui().click_on("a[data-page='order-history']");
    app.ui().find("#history-empty");
    app.screenshot("order-gone");
}

/// Issue 17, finding 3: company A orders with an unprotected account number; company B saves the
/// same number in its own app and must see none of A's orders: not in the history, its filter,
/// the export, the details (contact, phone, e-mail, who ordered) nor "Order again".
#[test]
#[ignore = "end-to-end: run by `make test`"]
fn another_company_that_saves_an_unprotected_number_sees_none_of_the_orders_placed_with_it() {
    const NUMBER: &str = "123456789";
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let service_data = temp_data_dir();
    let service = runtime
        .block_on(oso_service::start(oso_service::ServiceConfig::embedded(
            service_data.path(),
        )))
        .expect("the shared service starts");
    let (data_a, data_b) = (temp_data_dir(), temp_data_dir());
    let mut a = RunningApp::launch(
        "history-company-a",
        Launch::new(data_a.path()).service_url(service.url()),
    );
    a.sign_in_new_user_with_outbox(service.outbox_dir(), "ann@zebra.example", PASSWORD);
    let catalogue = a.invoke("catalogue_get", json!({})).expect("catalogue");
    let draft = a
        .invoke("draft_save", json!({ "draft": { "id": null, "step": 4, "account_number": NUMBER,
            "address": { "company": "Zebra Parcels BV", "contact_person": "Ann Peeters", "street": "Meir",
                         "number": "1", "postal_code": "2000", "city": "Antwerpen", "country": "BE",
                         "phone": "03 223 45 67", "email": "ann.private@zebra.example" },
            "lines": [{ "sku": catalogue["items"][0]["sku"], "packs": 1 }] } }))
        .expect("draft");
    let placed = a
        .invoke("order_place", json!({ "id": draft["id"] }))
        .expect("placed");
    let order = placed["order_number"].as_str().expect("number").to_owned();

    let mut b = RunningApp::launch(
        "history-company-b",
        Launch::new(data_b.path()).service_url(service.url()),
    );
    b.sign_in_new_user_with_outbox(service.outbox_dir(), "mallory@rival.example", PASSWORD);
    b.ui().click_on("a[data-page='account-numbers']");
    b.ui().find("#account-number-empty");
    b.ui().type_into("#account-number-input", "123 456 789");
    b.ui().click_on("#account-number-submit");
    b.ui().find(&format!("[data-account-number='{NUMBER}']"));
    b.screenshot("other-company-saved-the-number");

    b.ui().click_on("a[data-page='order-history']");
    b.ui().find("#history-empty");
    assert_eq!(
        b.invoke("history_account_numbers", json!({}))
            .expect("filter numbers"),
        json!([]),
        "a number saved alone is no filter"
    );
    assert!(
        b.ui()
            .try_find(&format!("#history-account option[value='{NUMBER}']"))
            .expect("query")
            .is_none(),
        "the filter does not offer the number"
    );
    b.screenshot("other-company-sees-nothing");
    let filtered = b
        .invoke("history_list", json!({ "account_number": NUMBER }))
        .expect("history");
    assert_eq!(filtered["count"]["counted"], 0, "{filtered}");
    let export = b.invoke("history_export", json!({})).expect("export");
    assert_eq!(export["orders"], 0, "{export}");
    let csv = std::fs::read_to_string(export["path"].as_str().expect("path")).expect("csv");
    for secret in [
        order.as_str(),
        "Ann Peeters",
        "ann.private",
        "223 45 67",
        "2234567",
    ] {
        assert!(!csv.contains(secret), "{secret} in the export: {csv}");
    }
    for command in ["order_details", "order_again", "open_tracking_link"] {
        let refused = b
            .invoke(command, json!({ "order_number": order }))
            .expect_err(command);
        assert_eq!(refused["code"], "not_found", "{command}: {refused}");
    }

    // Company A sees its order, and its history's filter offers the number it ordered with.
    a.ui().click_on("a[data-page='order-history']");
    a.ui().find(&format!("tr[data-order-number='{order}'] td"));
    a.ui()
        .find(&format!("#history-account option[value='{NUMBER}']"));
    a.screenshot("own-company-sees-its-order");

    // A filter that matches nothing offers to clear the filters; clearing shows the order again.
    a.ui()
        .execute(
            "const select = document.getElementById('history-status'); select.value = 'cancelled'; \
             select.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .expect("filtered");
    a.ui()
        .find("#history-empty #history-empty-clear:not([hidden])");
    a.screenshot("filtered-to-nothing");
    a.ui().click_on("#history-empty-clear");
    a.ui().find(&format!("tr[data-order-number='{order}'] td"));
    assert_eq!(a.ui().value_of("#history-status"), "");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn more_than_a_page_of_orders_pages_forward_and_back_and_a_new_sort_starts_at_the_first_page() {
    let data = temp_data_dir();
    let mut app = RunningApp::launch("history-paging", Launch::new(data.path()));
    app.sign_in_new_user(data.path(), "paging@zebra.example", PASSWORD);
    let catalogue = app.invoke("catalogue_get", json!({})).expect("catalogue");
    let sku = catalogue["items"][0]["sku"].clone();
    for index in 0..27 {
        let draft = app
            .invoke("draft_save", json!({ "draft": { "id": null, "step": 4, "account_number": "951234567",
                "address": { "company": format!("Company {index:02}"), "contact_person": "Ann", "street": "Meir",
                             "number": "1", "postal_code": "2000", "city": "Antwerpen", "country": "BE",
                             "phone": "03 223 45 67" },
                "lines": [{ "sku": sku, "packs": 1 }] } }))
            .expect("draft");
        app.invoke("order_place", json!({ "id": draft["id"] }))
            .expect("placed");
    }
    app.ui().click_on("a[data-page='order-history']");
    let rows = "#history-table tbody tr[data-order-number]";
    let shown = |app: &RunningApp| {
        let count = app
            .ui()
            .execute(
                "return document.querySelectorAll(arguments[0]).length",
                vec![json!(rows)],
            )
            .ok()
            .and_then(|count| count.as_u64())
            .unwrap_or(0);
        (app.ui().text_of("#history-range"), count)
    };
    app.ui().wait_until("the first page, counted", || {
        Ok(Some(shown(&app)).filter(|(range, count)| range == "1–25 of 27" && *count == 25))
    });
    let first_page = app.ui().text_of("#history-table tbody");
    app.ui().click_on("#history-next");
    app.ui().wait_until("the second page, from the cursor", || {
        Ok(Some(shown(&app)).filter(|(range, count)| range == "26–27 of 27" && *count == 2))
    });
    assert_eq!(
        app.ui()
            .execute(
                "return document.getElementById('history-next').disabled",
                vec![]
            )
            .expect("the next button"),
        json!(true),
        "no page after the last"
    );
    app.screenshot("second-page");
    app.ui().click_on("#history-prev");
    app.ui().wait_until("back on the first page", || {
        Ok(Some(shown(&app)).filter(|(range, count)| range == "1–25 of 27" && *count == 25))
    });
    assert_eq!(app.ui().text_of("#history-table tbody"), first_page);
    // Another sort starts again at its own first page.
    app.ui().click_on("#history-next");
    app.ui().wait_until("the second page again", || {
        Ok(Some(shown(&app)).filter(|(range, _)| range == "26–27 of 27"))
    });
    app.ui().click_on("button[data-sort='company']");
    app.ui().wait_until("companies A to Z from the first", || {
        let text = app.ui().text_of("#history-table tbody");
        Ok(Some(shown(&app))
            .filter(|(range, count)| range == "1–25 of 27" && *count == 25)
            .filter(|_| text.contains("Company 00") && !text.contains("Company 26")))
    });
}
