//! eSecure in two real apps against one service: a requester's order on a protected account
//! number waits for approval while the administrator's app counts and announces the request;
//! a rejection through the e-mail's page reaches the requester; an approval in the app lets the
//! waiting order through exactly once; an added user orders without asking; a second
//! administrator is added and the last one cannot be removed, nor forget themselves.

use serde_json::{json, Value};

use crate::app::{Launch, RunningApp};
use crate::shared_service::SharedService;
use crate::temp_data_dir;

const PASSWORD: &str = "tall giraffe eats blue kites";
pub(crate) const ADMIN: &str = "ann@zebra.example";
const REQUESTER: &str = "bob@other.example";
const REJECTED_NUMBER: &str = "951234567";
const APPROVED_NUMBER: &str = "951234568";
const ADDED_NUMBER: &str = "951234569";

pub(crate) fn place(app: &RunningApp, number: &str, sku: &Value) -> Value {
    let draft = app
        .invoke("draft_save", json!({ "draft": { "id": null, "step": 4, "account_number": number,
            "address": { "company": "Other BV", "contact_person": "Bob", "street": "Meir", "number": "1",
                         "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67" },
            "lines": [{ "sku": sku, "packs": 1 }] } }))
        .expect("draft");
    let outcome = app
        .invoke("order_place", json!({ "id": draft["id"] }))
        .expect("placed or queued");
    json!({ "id": draft["id"], "outcome": outcome })
}

pub(crate) fn queued(app: &RunningApp, id: &Value) -> Value {
    let list = app.invoke("outbound_list", json!({})).expect("queue");
    list.as_array()
        .and_then(|list| list.iter().find(|entry| entry["id"] == *id).cloned())
        .unwrap_or(Value::Null)
}

pub(crate) fn wait_for_state(app: &RunningApp, id: &Value, state: &str) -> Value {
    app.ui()
        .wait_until(&format!("the order to be {state}"), || {
            let entry = queued(app, id);
            Ok((entry["state"] == state).then_some(entry))
        })
}

/// Scrolls to the element first, as a person would: the page is longer than the window.
fn press(app: &RunningApp, css: &str) {
    let element = app.ui().find(css);
    app.ui().scroll_into_view(&element);
    app.ui().click(&element);
}

pub(crate) fn status(app: &RunningApp) -> Value {
    app.invoke("esecure_status", json!({})).expect("status")
}

/// The link in the newest request mail whose path contains `path`.
fn link_in_request_mail(outbox: &std::path::Path, path: &str) -> String {
    let mails = oso_service::mail::outbox::read_mails(outbox, "esecure-request").expect("outbox");
    let mail = mails.last().expect("a request mail");
    let link = regex::Regex::new(r#"(https?|oso)://[^\s"<>]+"#).expect("regex");
    let found = link
        .find_iter(mail)
        .map(|found| found.as_str().to_owned())
        .find(|url| url.contains(path));
    found.unwrap_or_else(|| panic!("no {path} link in {mail}"))
}

/// Opens the mail's reject page, then sends its form, as a browser would.
fn reject_through_the_mail(outbox: &std::path::Path) {
    let link = link_in_request_mail(outbox, "reject");
    let client = reqwest::blocking::Client::new();
    let page = client
        .get(&link)
        .send()
        .expect("the page")
        .text()
        .expect("html");
    let form =
        regex::Regex::new(r#"(?is)<form[^>]*method="post"[^>]*>(.*?)</form>"#).expect("regex");
    let action = regex::Regex::new(r#"(?is)<form[^>]*action="([^"]*)""#).expect("regex");
    let input =
        regex::Regex::new(r#"(?is)<input[^>]*name="([^"]+)"[^>]*value="([^"]*)""#).expect("regex");
    let body = form
        .captures(&page)
        .map(|c| c[1].to_owned())
        .unwrap_or_else(|| panic!("no form in {page}"));
    let fields: Vec<(String, String)> = input
        .captures_iter(&body)
        .map(|c| (c[1].to_owned(), c[2].replace("&#38;", "&")))
        .collect();
    let target = action
        .captures(&page)
        .map(|c| c[1].replace("&#38;", "&"))
        .filter(|action| !action.is_empty())
        .map(|action| {
            reqwest::Url::parse(&link)
                .and_then(|base| base.join(&action))
                .expect("url")
                .to_string()
        })
        .unwrap_or(link.clone());
    let answer = client
        .post(target)
        .form(&fields)
        .send()
        .expect("the form is sent");
    assert!(answer.status().is_success(), "{}", answer.status());
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn a_protected_account_number_is_approved_or_rejected_by_its_administrator() {
    let service = SharedService::start();
    let (url, outbox) = (service.url.clone(), service.outbox.clone());

    let (admin_data, requester_data) = (temp_data_dir(), temp_data_dir());
    let mut admin = RunningApp::launch(
        "esecure-admin",
        Launch::new(admin_data.path()).service_url(url.clone()),
    );
    admin.sign_in_new_user_with_outbox(&outbox, ADMIN, PASSWORD);
    for number in [REJECTED_NUMBER, APPROVED_NUMBER, ADDED_NUMBER] {
        service.protected_account(number, &[ADMIN]);
    }
    // Someone who administers nothing is asked every 30 s; reading the session asks at once.
    admin.invoke("session_get", json!({})).expect("session");
    admin
        .ui()
        .wait_until("the app to know Ann administers accounts", || {
            Ok((status(&admin)["administrator"] == true).then_some(()))
        });
    let mut requester = RunningApp::launch(
        "esecure-requester",
        Launch::new(requester_data.path()).service_url(url.clone()),
    );
    requester.sign_in_new_user_with_outbox(&outbox, REQUESTER, PASSWORD);
    let catalogue = requester
        .invoke("catalogue_get", json!({}))
        .expect("catalogue");
    let sku = catalogue["items"][0]["sku"].clone();

    // The requester's order waits for approval; the administrator's app hears of it at once.
    let first = place(&requester, REJECTED_NUMBER, &sku);
    assert_eq!(first["outcome"]["state"], "approval", "{first}");
    requester
        .ui()
        .wait_until("the queue to show the order waiting for approval", || {
            Ok(requester
                .ui()
                .text_of("#order-drafts")
                .contains("••••• 4567")
                .then_some(()))
        });
    requester.screenshot("waiting-for-approval");
    // Within 5 s is the app's design (it polls every 3 s); a test never asserts on the clock.
    let seen = admin
        .ui()
        .wait_until("the administrator's app to count the request", || {
            let status = status(&admin);
            Ok((status["open_requests"] == 1
                && status["notifications"].as_u64() >= Some(1)
                && status["tray_label"] == "eSecure: 1 open request")
                .then_some(status))
        });
    assert!(
        seen["last_notification"]
            .as_str()
            .unwrap_or_default()
            .contains(REQUESTER),
        "{seen}"
    );
    admin.ui().wait_for_text("#nav-esecure-count", "1");
    press(&admin, "a[data-page='esecure']");
    admin.ui().find(&format!(
        "#esecure-requests-rows tr[data-email='{REQUESTER}']"
    ));
    admin.screenshot("open-request");

    // Rejected through the e-mail's page: the requester's order is refused, naming the number.
    reject_through_the_mail(&outbox);
    let refused = wait_for_state(&requester, &first["id"], "refused");
    assert_eq!(refused["refusal"]["code"], "approval_rejected", "{refused}");
    requester
        .ui()
        .wait_until("the requester told of the refusal, once", || {
            let told = status(&requester);
            let once = told["order_notices"] == 1
                && told["last_order_notice"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("not approved");
            // The last status is the failure's "last error": told twice, or not at all.
            once.then_some(()).map(Some).ok_or_else(|| told.to_string())
        });
    requester.ui().wait_until("the refusal in the queue", || {
        Ok(requester
            .ui()
            .text_of("#order-drafts")
            .contains("rejected")
            .then_some(()))
    });
    requester.screenshot("rejected");
    press(&requester, "a[data-page='esecure']");
    requester
        .ui()
        .wait_until("the requester's own rejected request", || {
            requester.ui().try_find(&format!(
            "#esecure-my-list [data-account-number='{REJECTED_NUMBER}'][data-status='rejected']"
        ))
        });
    requester.screenshot("my-requests");

    // Saving a protected number asks its administrators too, and says so at the field.
    press(&requester, "a[data-page='account-numbers']");
    requester
        .ui()
        .type_into("#account-number-input", APPROVED_NUMBER);
    press(&requester, "#account-number-submit");
    requester
        .ui()
        .wait_until("the eSecure message at the field", || {
            Ok(requester
                .ui()
                .text_of("#account-number-input-error")
                .contains("asked to approve you")
                .then_some(()))
        });
    requester.screenshot("save-asks-approval");
    // A note for the administrators, on the requester's own open request.
    press(&requester, "a[data-page='esecure']");
    let note_form = "#esecure-my-list li[data-status='pending'] .esecure-note-form";
    requester.ui().find(note_form);
    requester.ui().type_into(
        &format!("{note_form} textarea"),
        "I am the new office manager",
    );
    press(&requester, &format!("{note_form} button[type='submit']"));
    requester.ui().wait_until("the note sent", || {
        Ok(requester
            .ui()
            .text_of(&format!("{note_form} .form-status"))
            .contains("sent to the administrators")
            .then_some(()))
    });
    requester.screenshot("note-sent");
    press(&requester, "a[data-page='new-order']");

    // A new request, approved in the app: the waiting order goes through exactly once.
    let second = place(&requester, APPROVED_NUMBER, &sku);
    assert_eq!(second["outcome"]["state"], "approval", "{second}");
    let row = format!("#esecure-requests-rows tr[data-email='{REQUESTER}'][data-status='pending']");
    admin.ui().find(&row);
    // The requester's note shows with the request.
    admin
        .ui()
        .wait_until("the requester's note in the list", || {
            Ok(admin
                .ui()
                .text_of(&format!("{row} .esecure-note"))
                .contains("I am the new office manager")
                .then_some(()))
        });
    // The request e-mail's "Open in OSO" shows that very request in the running app.
    let open_in_app = link_in_request_mail(&outbox, "oso://esecure/requests/");
    crate::app::open_link(admin_data.path(), &open_in_app);
    let linked = format!("{row}[data-linked='true']");
    admin.ui().find(&linked);
    admin.ui().wait_until("the linked request focused", || {
        admin
            .ui()
            .execute(
                "return document.activeElement === document.querySelector(arguments[0]);",
                vec![json!(linked)],
            )
            .map(|focused| focused.as_bool().filter(|focused| *focused))
    });
    admin.screenshot("opened-from-mail");
    press(&admin, &format!("{row} .esecure-check"));
    admin.screenshot("request-ticked");
    // The bulk Reject asks once; cancelled, nothing happens.
    press(&admin, "#esecure-reject");
    admin.ui().find("#esecure-reject-confirm:not([hidden])");
    assert!(admin
        .ui()
        .text_of("#esecure-reject-confirm-text")
        .contains("Reject 1 request?"));
    admin.screenshot("bulk-reject-asks");
    press(&admin, "#esecure-reject-confirm-no");
    admin.ui().find("#esecure-reject-confirm[hidden]");
    // The row's own Reject waits 10 seconds under an Undo; undone, the request is open again.
    press(&admin, &format!("{row} [data-action='reject-one']"));
    admin.ui().find("#esecure-undo:not([hidden])");
    admin.screenshot("reject-undo");
    press(&admin, "#esecure-undo-button");
    admin.ui().find("#esecure-undo[hidden]");
    admin
        .ui()
        .find(&format!("{row} [data-action='approve-one']"));
    // A on the focused row approves it, as its Approve button does.
    let focused = admin.ui().execute(
        "const row = document.querySelector(arguments[0]); row.focus(); return document.activeElement === row;",
        vec![json!(row)],
    );
    assert_eq!(focused, Ok(json!(true)));
    admin.ui().execute(
        "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));",
        vec![],
    ).expect("a key");
    admin.ui().wait_until("the approval to be confirmed", || {
        Ok(admin
            .ui()
            .text_of("#esecure-requests-status")
            .contains("approved")
            .then_some(()))
    });
    admin.screenshot("approved");
    let accepted = wait_for_state(&requester, &second["id"], "accepted");
    let order_number = accepted["order_number"]
        .as_str()
        .expect("placed")
        .to_owned();
    // The requester is told, with the number, by a desktop notification (after the one that
    // told of the rejection above).
    requester
        .ui()
        .wait_until("the requester's notification", || {
            let told = status(&requester);
            Ok((told["order_notices"] == 2
                && told["last_order_notice"]
                    .as_str()
                    .unwrap_or_default()
                    .contains(&order_number))
            .then_some(()))
        });
    std::thread::sleep(std::time::Duration::from_secs(12)); // as long as the old retry round, which must not order again
    let history = requester
        .invoke("history_list", json!({ "account_number": APPROVED_NUMBER }))
        .expect("history");
    assert_eq!(
        history["count"]["counted"], 1,
        "exactly one order: {history}"
    );

    // A user the administrator adds orders without a request.
    // "Toevoegen" beside the requests opens adding users, as the guide's steps say.
    press(&admin, "#esecure-tab-requests");
    press(&admin, "#esecure-requests-add");
    admin.ui().find("#esecure-panel-add-users:not([hidden])");
    press(
        &admin,
        &format!("#esecure-users-account option[value='{ADDED_NUMBER}']"),
    );
    admin.ui().type_into(
        "#esecure-users-emails",
        &format!("{REQUESTER}, not-an-address"),
    );
    press(&admin, "#esecure-users-submit");
    admin
        .ui()
        .wait_until("the bad address named at the field", || {
            Ok(admin
                .ui()
                .text_of("#esecure-users-emails-error")
                .contains("not-an-address")
                .then_some(()))
        });
    admin.screenshot("add-users-error");
    admin.ui().type_into("#esecure-users-emails", REQUESTER);
    press(&admin, "#esecure-users-submit");
    admin.ui().wait_until("the user to be added", || {
        Ok(admin
            .ui()
            .text_of("#esecure-users-form-status")
            .contains(REQUESTER)
            .then_some(()))
    });
    admin.screenshot("user-added");
    let third = place(&requester, ADDED_NUMBER, &sku);
    assert_eq!(third["outcome"]["state"], "accepted", "{third}");

    // A second administrator; the last one of an account cannot be removed.
    press(&admin, "#esecure-tab-administrators");
    admin
        .ui()
        .click_on(&format!("#esecure-account-{REJECTED_NUMBER}-check"));
    press(&admin, "#esecure-administrator-add");
    admin
        .ui()
        .type_into("#esecure-administrator-name", "Carl Claes");
    admin
        .ui()
        .type_into("#esecure-administrator-email", "carl@zebra.example");
    press(&admin, "#esecure-administrator-submit");
    admin.ui().find(&format!(".esecure-account[data-number='{REJECTED_NUMBER}'] .esecure-administrator[data-email='carl@zebra.example']"));
    admin.screenshot("second-administrator");
    let only = format!(".esecure-account[data-number='{APPROVED_NUMBER}'] .esecure-administrator[data-email='{ADMIN}']");
    admin
        .ui()
        .click_on(&format!("{only} [data-action='remove']"));
    admin
        .ui()
        .click_on(&format!("{only} [data-action='confirm-remove']"));
    admin.ui().wait_until("the last administrator to stay", || {
        Ok(admin
            .ui()
            .text_of("#esecure-administrators-status")
            .contains("at least one administrator")
            .then_some(()))
    });
    admin.screenshot("last-administrator");
    press(&admin, "#esecure-tab-audit");
    admin
        .ui()
        .find("#esecure-audit-rows tr[data-action='rejected']");
    admin.ui().find("#esecure-tab-audit[aria-selected='true']");
    admin.screenshot("audit");

    // Closing the window keeps an administrator's OSO in the tray, unless they turn it off.
    let before = status(&admin);
    assert_eq!(
        before["keep_in_tray"], true,
        "on by default for administrators: {before}"
    );
    if before["tray_shown"] == true {
        press(&admin, "#esecure-keep-in-tray");
        admin.ui().wait_until("the setting to be kept", || {
            Ok((status(&admin)["keep_in_tray"] == false).then_some(()))
        });
    }

    // Ann is still the only administrator of the other numbers: she is not forgotten yet, and
    // the form says what to do first.
    admin.ui().click_on("a[data-page='personal-data']");
    admin.ui().click_on("#personal-tab-forget");
    admin.ui().type_into("#forget-password", PASSWORD);
    press(&admin, "#forget-confirm");
    press(&admin, "#forget-submit");
    admin.ui().wait_until("forget-me to be refused", || {
        Ok(admin
            .ui()
            .text_of("#forget-form-status")
            .contains("only administrator")
            .then_some(()))
    });
    admin.screenshot("forget-me-refused-last-administrator");
    let profile = admin.invoke("profile_get", json!({}));
    assert!(profile.is_ok(), "still signed in: {profile:?}");

    requester.close();
    admin.close();
    service.stop();
}
