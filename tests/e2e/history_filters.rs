//! The order history's search (order or tracking number), date range, packs column, a colour
//! per status and the progress line of an order, in the real app; light and dark.

use chrono::TimeZone;
use oso_core::OrderStatus;
use serde_json::json;

use crate::app::{Launch, RunningApp};
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";
const TRACKING: &str = "JD014600007777";

/// Four orders, each in another status: `[shipped 2 Nov (1 pack), in progress 3 Nov (5 packs),
/// received 5 Nov (2 packs), cancelled 5 Nov (3 packs)]`, placed on the service's clock.
struct FourOrders {
    numbers: [String; 4],
}

/// Fields drop in this order: the app, then the service, then the runtime it runs on.
struct History {
    app: RunningApp,
    _service: oso_service::RunningService,
    _data: tempfile::TempDir,
    _service_data: tempfile::TempDir,
    _runtime: tokio::runtime::Runtime,
}

fn place(app: &RunningApp, sku: &serde_json::Value, packs: u32) -> String {
    let draft = app
        .invoke("draft_save", json!({ "draft": { "id": null, "step": 4, "account_number": "951234567",
            "address": { "company": "Zebra Parcels BV", "contact_person": "Ann", "street": "Meir", "number": "1",
                         "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67" },
            "lines": [{ "sku": sku, "packs": packs }] } }))
        .expect("draft");
    let placed = app
        .invoke("order_place", json!({ "id": draft["id"] }))
        .expect("placed");
    placed["order_number"].as_str().expect("number").to_owned()
}

/// An app on a service whose clock starts on 2 November 2026, with [`FourOrders`].
fn history_with_four_orders(name: &str, dark: bool) -> (History, FourOrders) {
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
    let mut launch = Launch::new(data.path()).service_url(service.url());
    if dark {
        launch = launch.env("GTK_THEME", "Adwaita:dark");
    }
    let app = RunningApp::launch(name, launch);
    app.sign_in_new_user_with_outbox(service.outbox_dir(), "filters@zebra.example", PASSWORD);
    let catalogue = app.invoke("catalogue_get", json!({})).expect("catalogue");
    let sku = &catalogue["items"][0]["sku"];
    let shipped = place(&app, sku, 1);
    clock.advance(chrono::Duration::days(1));
    let in_progress = place(&app, sku, 5);
    clock.advance(chrono::Duration::days(2));
    let received = place(&app, sku, 2);
    let cancelled = place(&app, sku, 3);
    app.invoke("order_cancel", json!({ "order_number": cancelled }))
        .expect("cancelled");
    runtime.block_on(async {
        service
            .move_order(&shipped, OrderStatus::Shipped, Some(TRACKING))
            .await
            .expect("shipped");
        service
            .move_order(&in_progress, OrderStatus::InProgress, None)
            .await
            .expect("in progress");
    });
    let history = History {
        app,
        _service: service,
        _data: data,
        _service_data: service_data,
        _runtime: runtime,
    };
    let orders = FourOrders {
        numbers: [shipped, in_progress, received, cancelled],
    };
    (history, orders)
}

fn shown_numbers(app: &RunningApp) -> Vec<String> {
    app.ui()
        .execute(
            "return [...document.querySelectorAll('#history-rows tr')].map((row) => row.dataset.orderNumber);",
            vec![],
        )
        .ok()
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default()
}

fn wait_for_rows(app: &RunningApp, what: &str, expected: &[&String]) {
    let expected: Vec<String> = expected.iter().map(|number| (*number).clone()).collect();
    app.ui().wait_until(what, || {
        let shown = shown_numbers(app);
        Ok((shown == expected).then_some(()))
    });
}

/// Sets a date field as its picker does, and leaves it.
fn set_date(app: &RunningApp, css: &str, day: &str) {
    app.ui()
        .execute(
            "const input = document.querySelector(arguments[0]); input.value = arguments[1]; \
             input.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(css), json!(day)],
        )
        .expect("a date set");
}

/// Each status badge's text on its background: at least 4.5:1 (WCAG AA), as drawn.
fn assert_badges_read_well(app: &RunningApp) {
    let ratios = app
        .ui()
        .execute(
            "const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
             const luminance = (css) => { const [r, g, b] = css.match(/\\d+/g).map(Number);
               return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
             return [...document.querySelectorAll('#history-rows .history-badge')].map((badge) => {
               const style = getComputedStyle(badge);
               const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
               return (a + 0.05) / (b + 0.05); });",
            vec![],
        )
        .expect("contrast");
    let ratios: Vec<f64> = serde_json::from_value(ratios).expect("numbers");
    assert_eq!(ratios.len(), 4);
    assert!(ratios.iter().all(|ratio| *ratio >= 4.5), "{ratios:?}");
}

fn open_history(app: &RunningApp) {
    app.ui().click_on("a[data-page='order-history']");
}

/// The states of the progress line's steps, as `status:state`.
fn progress(app: &RunningApp) -> Vec<String> {
    app.ui()
        .execute(
            "return [...document.querySelectorAll('#order-details-progress li')].map((step) => `${step.dataset.status}:${step.dataset.state}`);",
            vec![],
        )
        .ok()
        .and_then(|value| serde_json::from_value(value).ok())
        .unwrap_or_default()
}

/// Opens the details of order `number` and waits for its progress line, scrolled into view.
fn open_details(app: &RunningApp, number: &str, expected: &[&str]) {
    app.ui()
        .click_on(&format!("tr[data-order-number='{number}'] td"));
    app.ui().wait_until("the progress line", || {
        Ok((progress(app) == expected).then_some(()))
    });
    let line = app.ui().find("#order-details-progress");
    app.ui().scroll_into_view(&line);
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_history_is_searched_by_order_or_tracking_number_filtered_by_date_sorted_by_packs_and_shows_progress(
) {
    let (mut history, orders) = history_with_four_orders("history-filters", false);
    let [shipped, in_progress, received, cancelled] = &orders.numbers;
    let app = &mut history.app;
    open_history(app);
    wait_for_rows(
        app,
        "every order, newest first",
        &[cancelled, received, in_progress, shipped],
    );
    let packs = app
        .ui()
        .execute(
            "return [...document.querySelectorAll('#history-rows td[data-column=packs]')].map((cell) => cell.textContent);",
            vec![],
        )
        .expect("packs");
    assert_eq!(packs, json!(["3", "2", "5", "1"]), "each order's packs");
    // Every status has a colour of its own.
    let colours = app
        .ui()
        .execute(
            "return [...document.querySelectorAll('#history-rows .history-badge')].map((badge) => getComputedStyle(badge).backgroundColor);",
            vec![],
        )
        .expect("colours");
    let colours: std::collections::BTreeSet<String> =
        serde_json::from_value(colours).expect("a list");
    assert_eq!(colours.len(), 4, "{colours:?}");
    assert_badges_read_well(app);
    app.screenshot("every-status");

    // A part of the tracking number, typed with spaces; then an order number in lower case.
    app.ui().type_into("#history-search", "0000 7777");
    wait_for_rows(
        app,
        "the shipped order found by tracking number",
        &[shipped],
    );
    app.screenshot("found-by-tracking-number");
    app.ui()
        .type_into("#history-search", &in_progress.to_lowercase());
    wait_for_rows(app, "the order found by number", &[in_progress]);
    // Emptied, then Enter (the form's submit) searches at once.
    app.ui()
        .execute(
            "document.getElementById('history-search').value = ''; \
             document.getElementById('history-filters').requestSubmit();",
            vec![],
        )
        .expect("submitted");
    wait_for_rows(
        app,
        "every order again",
        &[cancelled, received, in_progress, shipped],
    );

    // The date range, with the status filter too.
    set_date(app, "#history-from", "2026-11-03");
    set_date(app, "#history-to", "2026-11-05");
    wait_for_rows(
        app,
        "the orders of 3 to 5 November",
        &[cancelled, received, in_progress],
    );
    app.ui()
        .execute(
            "const select = document.getElementById('history-status'); select.value = 'received'; \
             select.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .expect("filtered");
    wait_for_rows(app, "the received order of those days", &[received]);
    app.screenshot("date-range-and-status");

    // A "to" before "from" is told at the field, keeps what was typed, and changes nothing.
    set_date(app, "#history-to", "2026-11-01");
    let error = app.ui().wait_until("the date error", || {
        let text = app.ui().text_of("#history-to-error");
        Ok((!text.is_empty()).then_some(text))
    });
    assert!(error.contains("before"), "{error}");
    assert_eq!(app.ui().value_of("#history-to"), "2026-11-01");
    assert_eq!(
        app.ui()
            .attribute(&app.ui().find("#history-to"), "aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(shown_numbers(app), std::slice::from_ref(received));
    app.screenshot("to-before-from");

    // Days without orders offer to clear every filter, the search and dates included.
    set_date(app, "#history-from", "2026-11-20");
    set_date(app, "#history-to", "2026-11-21");
    app.ui()
        .find("#history-empty #history-empty-clear:not([hidden])");
    app.screenshot("no-orders-those-days");
    app.ui().click_on("#history-empty-clear");
    wait_for_rows(
        app,
        "every order after clearing",
        &[cancelled, received, in_progress, shipped],
    );
    for field in [
        "#history-search",
        "#history-from",
        "#history-to",
        "#history-status",
    ] {
        assert_eq!(app.ui().value_of(field), "", "{field}");
    }

    // The packs column, both ways.
    app.ui().click_on("button[data-sort='packs']");
    wait_for_rows(
        app,
        "fewest packs first",
        &[shipped, received, cancelled, in_progress],
    );
    assert_eq!(
        app.ui()
            .text_of("tr[data-order-number] td[data-column='packs']"),
        "1"
    );
    app.ui().click_on("button[data-sort='packs']");
    wait_for_rows(
        app,
        "most packs first",
        &[in_progress, cancelled, received, shipped],
    );
    app.screenshot("sorted-by-packs");

    // The progress line: passed, current and future steps; a cancelled order ends there.
    open_details(
        app,
        in_progress,
        &[
            "received:done",
            "in_progress:current",
            "shipped:todo",
            "completed:todo",
        ],
    );
    app.screenshot("progress-in-progress");
    open_details(
        app,
        shipped,
        &[
            "received:done",
            "in_progress:done",
            "shipped:current",
            "completed:todo",
        ],
    );
    app.screenshot("progress-shipped");
    open_details(app, cancelled, &["received:done", "cancelled:cancelled"]);
    assert_eq!(
        app.ui()
            .attribute(
                &app.ui()
                    .find("#order-details-progress [aria-current='step']"),
                "data-status"
            )
            .as_deref(),
        Some("cancelled")
    );
    app.screenshot("progress-cancelled");

    // The line runs across a wide details panel and down a narrow one: in the smallest window
    // (the sidebar still beside it) the panel, not the window, is what is narrow.
    let direction = |app: &RunningApp| {
        app.ui().execute(
            "return getComputedStyle(document.getElementById('order-details-progress')).flexDirection;",
            vec![],
        )
    };
    assert_eq!(direction(app), Ok(json!("row")));
    app.ui().set_window_rect(0, 0, 820, 560);
    app.ui().wait_until("the progress line to run down", || {
        Ok((direction(app)? == json!("column")).then_some(()))
    });
    // Brought into view, the progress line scrolls the details panel, never the window itself
    // (whose top bar would then slide out of sight).
    let document_scrolled = app.ui().execute(
        "document.getElementById('order-details-progress').scrollIntoView({ block: 'center' });
         const root = document.scrollingElement;
         return [root.scrollTop, root.scrollLeft];",
        vec![],
    );
    assert_eq!(document_scrolled, Ok(json!([0, 0])), "the window scrolled");
    app.screenshot("progress-narrow-panel");
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn with_a_dark_desktop_the_history_shows_every_status_in_its_own_colour_and_the_progress_line() {
    let (mut history, orders) = history_with_four_orders("history-filters-dark", true);
    let [shipped, in_progress, received, cancelled] = &orders.numbers;
    let app = &mut history.app;
    open_history(app);
    wait_for_rows(
        app,
        "every order, newest first",
        &[cancelled, received, in_progress, shipped],
    );
    assert_badges_read_well(app);
    app.screenshot("dark-every-status");
    app.ui().type_into("#history-search", "7777");
    wait_for_rows(app, "the shipped order found", &[shipped]);
    open_details(
        app,
        shipped,
        &[
            "received:done",
            "in_progress:done",
            "shipped:current",
            "completed:todo",
        ],
    );
    app.screenshot("dark-progress-shipped");
    set_date(app, "#history-from", "2026-11-05");
    set_date(app, "#history-to", "2026-11-04");
    app.ui().wait_until("the date error", || {
        Ok((!app.ui().text_of("#history-to-error").is_empty()).then_some(()))
    });
    let filters = app.ui().find("#history-filters");
    app.ui().scroll_into_view(&filters);
    app.screenshot("dark-to-before-from");
}
