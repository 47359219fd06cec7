//! Issue 17, finding 2: two logins on one desktop. A requester's order waiting for eSecure
//! approval, and their unfinished wizard with its delivery details, belong to the requester:
//! after they sign out and the account's administrator signs in on the same desktop, nothing of
//! theirs is shown, resumed or sent under the administrator's login (the eSecure bypass); when
//! the requester signs in again, their waiting order continues and is placed under their login.

use serde_json::{json, Value};

use crate::app::{Launch, RunningApp};
use crate::shared_service::SharedService;
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";
const ADMIN: &str = "ann@zebra.example";
const REQUESTER: &str = "bob@other.example";
const NUMBER: &str = "951234567";
/// What only the requester typed: it must never show to the next login.
const SECRET_STREET: &str = "Geheimstraat";

fn draft(app: &RunningApp, street: &str, sku: &Value) -> Value {
    app.invoke(
        "draft_save",
        json!({ "draft": { "id": null, "step": 4, "account_number": NUMBER,
            "address": { "company": "Other BV", "contact_person": "Bob", "street": street,
                         "number": "1", "postal_code": "2000", "city": "Antwerpen", "country": "BE",
                         "phone": "03 223 45 67" },
            "lines": [{ "sku": sku, "packs": 1 }] } }),
    )
    .expect("draft saved")
}

/// Who placed each order the service holds, read from its database.
fn ordered_by(service: &SharedService) -> Vec<String> {
    service.runtime.block_on(async {
        let pool = oso_service::store::open(&service.data_dir().join("oso-service.sqlite3"))
            .await
            .expect("service database");
        let who: Vec<String> = sqlx::query_scalar(
            "SELECT u.email FROM orders o JOIN users u ON u.id = o.user_id ORDER BY o.id",
        )
        .fetch_all(&pool)
        .await
        .expect("orders");
        pool.close().await;
        who
    })
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn a_requesters_waiting_order_is_neither_shown_nor_sent_when_the_administrator_signs_in_next() {
    let service = SharedService::start();
    let (url, outbox) = (service.url.clone(), service.outbox.clone());
    let desktop = temp_data_dir();
    let mut app = RunningApp::launch(
        "two-logins",
        Launch::new(desktop.path()).service_url(url.clone()),
    );

    // Ann administers the protected number; Bob, on the same desktop after her, is not approved.
    app.sign_in_new_user_with_outbox(&outbox, ADMIN, PASSWORD);
    service.protected_account(NUMBER, &[ADMIN]);
    app.sign_out();
    app.sign_in_new_user_with_outbox(&outbox, REQUESTER, PASSWORD);
    let sku = app.invoke("catalogue_get", json!({})).expect("catalogue")["items"][0]["sku"].clone();
    let waiting = draft(&app, "Meir", &sku);
    let placed = app
        .invoke("order_place", json!({ "id": waiting["id"] }))
        .expect("queued");
    assert_eq!(placed["state"], "approval", "{placed}");
    let unfinished = draft(&app, SECRET_STREET, &sku);
    app.screenshot("requester-waits-for-approval");
    app.sign_out();

    // Ann signs in on the same desktop: none of Bob's drafts or queue is hers to see or send.
    app.sign_in(ADMIN, PASSWORD);
    let _ = app
        .ui()
        .execute("window.location.hash = '#/new-order';", vec![]);
    app.ui().find("#order-drafts-count");
    assert_eq!(
        app.invoke("drafts_list", json!({})).expect("drafts"),
        json!([])
    );
    assert_eq!(
        app.invoke("outbound_list", json!({})).expect("queue"),
        json!([])
    );
    assert_eq!(
        app.invoke("draft_current", json!({})).expect("resume"),
        Value::Null
    );
    assert!(
        app.invoke("draft_open", json!({ "id": unfinished["id"] }))
            .is_err(),
        "another login's draft does not open"
    );
    let page = app.ui().text_of("#content");
    assert!(!page.contains(SECRET_STREET), "{page}");
    assert!(
        !page.contains("4567"),
        "the requester's queue shows: {page}"
    );
    app.screenshot("administrator-sees-nothing-of-the-requester");
    // The queue is offered again every 10 s while the service answers: two rounds pass.
    std::thread::sleep(std::time::Duration::from_secs(22));
    assert_eq!(
        ordered_by(&service),
        Vec::<String>::new(),
        "the requester's order was placed under the administrator's login"
    );
    let requests = app
        .invoke("esecure_requests", json!({ "status": "pending" }))
        .expect("requests");
    let request = requests
        .as_array()
        .and_then(|list| list.iter().find(|request| request["email"] == REQUESTER))
        .unwrap_or_else(|| panic!("Bob's request: {requests}"))["id"]
        .clone();
    app.invoke(
        "esecure_decide",
        json!({ "ids": [request], "decision": "approve" }),
    )
    .expect("approved");
    app.sign_out();

    // Bob again: his order goes out under his own login, his unfinished wizard is his again.
    app.sign_in(REQUESTER, PASSWORD);
    let accepted = app.ui().wait_until("Bob's order to be placed", || {
        let queue = app.invoke("outbound_list", json!({})).expect("queue");
        Ok(queue
            .as_array()
            .and_then(|list| list.iter().find(|entry| entry["id"] == waiting["id"]))
            .filter(|entry| entry["state"] == "accepted")
            .cloned())
    });
    assert!(accepted["order_number"].as_str().is_some(), "{accepted}");
    assert_eq!(ordered_by(&service), vec![REQUESTER.to_owned()]);
    let resumed = app
        .invoke("draft_open", json!({ "id": unfinished["id"] }))
        .expect("his draft");
    assert_eq!(resumed["address"]["street"], SECRET_STREET);
    app.screenshot("requester-order-continues");
    app.close();
    service.stop();
}
