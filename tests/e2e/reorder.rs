//! Keeping records and ordering again in the real app: the visible history exported as CSV, and
//! "Order again" opening the wizard prefilled, pointing out an item that is no longer sold.

use serde_json::json;

use crate::app::{Launch, RunningApp};
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_history_exports_as_csv_and_order_again_prefills_the_wizard_and_names_items_gone() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let service_data = temp_data_dir();
    let service = runtime
        .block_on(oso_service::start(oso_service::ServiceConfig::embedded(
            service_data.path(),
        )))
        .expect("the shared service starts");
    let data = temp_data_dir();
    let launch = || Launch::new(data.path()).service_url(service.url());
    let mut app = RunningApp::launch("reorder", launch());
    app.sign_in_new_user_with_outbox(service.outbox_dir(), "again@zebra.example", PASSWORD);
    let catalogue = app.invoke("catalogue_get", json!({})).expect("catalogue");
    let (kept, gone) = (&catalogue["items"][0], &catalogue["items"][1]);
    let draft = app
        .invoke("draft_save", json!({ "draft": { "id": null, "step": 4, "account_number": "951234567",
            "address": { "company": "Zebra; Partners", "contact_person": "Ann", "street": "Meir", "number": "1",
                         "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67" },
            "lines": [{ "sku": kept["sku"], "packs": 2 }, { "sku": gone["sku"], "packs": 1 }] } }))
        .expect("draft");
    let placed = app
        .invoke("order_place", json!({ "id": draft["id"] }))
        .expect("placed");
    let number = placed["order_number"].as_str().expect("number").to_owned();

    app.ui().click_on("a[data-page='order-history']");
    app.ui()
        .find(&format!("tr[data-order-number='{number}'] td"));
    app.ui().click_on("#history-export");
    app.ui().wait_until("the export to be saved", || {
        Ok(app
            .ui()
            .text_of("#history-export-status")
            .contains(".csv")
            .then_some(()))
    });
    app.screenshot("exported");
    let downloads = data.path().join("downloads");
    let file = std::fs::read_dir(&downloads)
        .expect("downloads")
        .map(|entry| entry.expect("entry").path())
        .find(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .expect("a CSV file");
    let text = std::fs::read_to_string(&file).expect("csv");
    let rows: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        rows[0].starts_with("Order number,Order date,Status,"),
        "{}",
        rows[0]
    );
    assert_eq!(rows.len(), 3, "one row per line: {rows:?}");
    for (row, item, packs) in [(rows[1], kept, 2), (rows[2], gone, 1)] {
        assert!(row.starts_with(&number), "{row}");
        assert!(
            row.contains("\"Zebra; Partners\"") || row.contains("Zebra; Partners"),
            "{row}"
        );
        let ending = format!(
            ",{},{},{packs}",
            item["sku"].as_str().expect("sku"),
            item["name"].as_str().expect("name")
        );
        assert!(row.ends_with(&ending), "{row} does not end with {ending}");
    }

    // The supplier stops selling the second item; the app learns it at its next start.
    app.close();
    runtime.block_on(async {
        let pool = oso_service::store::open(&service_data.path().join("oso-service.sqlite3"))
            .await
            .expect("service database");
        sqlx::query("UPDATE catalogue_items SET sold = 0 WHERE sku = ?1")
            .bind(gone["sku"].as_str())
            .execute(&pool)
            .await
            .expect("no longer sold");
    });
    let mut app = RunningApp::launch("reorder-again", launch());
    app.ui().click_on("a[data-page='order-history']");
    app.ui()
        .click_on(&format!("tr[data-order-number='{number}'] td"));
    app.ui().click_on("#order-details-again");
    app.ui().wait_until("the wizard with the copied order", || {
        Ok(app
            .ui()
            .text_of("#order-reorder-notice")
            .contains(&number)
            .then_some(()))
    });
    let notice = app.ui().text_of("#order-reorder-list");
    assert!(
        notice.contains(gone["name"].as_str().expect("name")) && notice.contains("1 pack"),
        "{notice}"
    );
    let prefilled = app.invoke("draft_current", json!({})).expect("draft");
    assert_eq!(prefilled["account_number"], "951234567");
    assert_eq!(prefilled["address"]["company"], "Zebra; Partners");
    assert_eq!(
        prefilled["lines"],
        json!([{ "sku": kept["sku"], "packs": 2 }])
    );
    assert_eq!(
        prefilled["step"], 3,
        "the supplies step comes first when items are gone"
    );
    app.screenshot("order-again");
    app.close();
    runtime
        .block_on(service.shutdown())
        .expect("clean shutdown");
}
