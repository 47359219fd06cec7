//! The history's CSV export asks where to save. The save dialog is the desktop's own, which
//! WebDriver cannot drive, so a stand-in answers for it (`OSO_SAVE_DIALOG`): it notes what OSO
//! suggested and answers what the test wrote in `answer.txt` (nothing: the user cancelled).

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::app::{downloads, make_executable, Launch, RunningApp};
use crate::{temp_data_dir, PASSWORD};

/// A save dialog that answers `answer.txt` and notes each suggestion in `asked.txt`.
fn scripted_save_dialog(data_dir: &Path) -> PathBuf {
    let program = data_dir.join("save-dialog.sh");
    let script = format!(
        "#!/bin/sh\necho \"$1\" >> '{asked}'\ncat '{answer}'\n",
        asked = data_dir.join("asked.txt").display(),
        answer = data_dir.join("answer.txt").display(),
    );
    std::fs::write(&program, script).expect("save dialog stand-in");
    make_executable(&program);
    program
}

fn answer_with(data_dir: &Path, answer: &str) {
    std::fs::write(data_dir.join("answer.txt"), answer).expect("answer");
}

fn times_asked(data_dir: &Path) -> Vec<String> {
    std::fs::read_to_string(data_dir.join("asked.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn place_an_order(app: &RunningApp) -> String {
    let catalogue = app.invoke("catalogue_get", json!({})).expect("catalogue");
    let draft = app
        .invoke("draft_save", json!({ "draft": { "id": null, "step": 4, "account_number": "951234567",
            "address": { "company": "Zebra NV", "contact_person": "Ann", "street": "Meir", "number": "1",
                         "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67" },
            "lines": [{ "sku": catalogue["items"][0]["sku"], "packs": 1 }] } }))
        .expect("draft");
    let placed = app
        .invoke("order_place", json!({ "id": draft["id"] }))
        .expect("placed");
    placed["order_number"]
        .as_str()
        .expect("order number")
        .to_owned()
}

/// Clicks Export and waits until the dialog was asked and the button is free again.
fn export(app: &RunningApp, data_dir: &Path) {
    let asked_before = times_asked(data_dir).len();
    app.ui().click_on("#history-export");
    app.ui().wait_until("the export to finish", || {
        let done = app.ui().execute(
            "const b = document.getElementById('history-export'); return !b.disabled && !b.classList.contains('is-busy');",
            vec![],
        )?;
        Ok((times_asked(data_dir).len() > asked_before && done == json!(true)).then_some(()))
    });
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
#[ignore = "end-to-end: run by `make test`"]
fn the_export_asks_where_to_save_cancelling_saves_nothing_and_a_failed_write_is_said() {
    let data = temp_data_dir();
    let launch = Launch::new(data.path()).save_dialog(scripted_save_dialog(data.path()));
    let mut app = RunningApp::launch("export", launch);
    app.sign_in_new_user(data.path(), "export@zebra.example", PASSWORD);
    let number = place_an_order(&app);
    app.ui().click_on("a[data-page='order-history']");
    app.ui()
        .find(&format!("tr[data-order-number='{number}'] td"));

    // Saved where the user chose; a name typed without an extension gets .csv.
    let chosen_dir = data.path().join("chosen");
    std::fs::create_dir_all(&chosen_dir).expect("chosen folder");
    answer_with(
        data.path(),
        &format!("{}\n", chosen_dir.join("my orders").display()),
    );
    export(&app, data.path());
    let saved = chosen_dir.join("my orders.csv");
    app.ui().wait_until("the saved path on the page", || {
        let status = app.ui().text_of("#history-export-status");
        Ok(status.contains(&saved.display().to_string()).then_some(()))
    });
    app.screenshot("saved-where-chosen");
    let suggested = times_asked(data.path()).pop().expect("asked");
    let dated = regex::Regex::new(r"/oso-orders-\d{4}-\d{2}-\d{2}\.csv$").expect("regex");
    assert!(
        suggested.starts_with(&downloads(data.path()).display().to_string())
            && dated.is_match(&suggested),
        "suggested {suggested}"
    );
    let text = std::fs::read_to_string(&saved).expect("the file");
    assert!(text.contains(&number), "{text}");
    assert!(
        app.ui()
            .try_find("#history-export-open:not([hidden])")
            .expect("query")
            .is_some(),
        "the file can be opened"
    );

    // Cancelled: nothing written, nothing said; the page still shows the last export.
    let said = app.ui().text_of("#history-export-status");
    answer_with(data.path(), "");
    export(&app, data.path());
    app.screenshot("cancelled");
    assert_eq!(app.ui().text_of("#history-export-status"), said);
    assert_eq!(files_in(&chosen_dir), vec![saved.clone()]);
    assert!(files_in(&downloads(data.path())).is_empty());

    // A place that cannot be written: said on the page, translated.
    let not_a_folder = data.path().join("not-a-folder");
    std::fs::write(&not_a_folder, "").expect("a file");
    answer_with(
        data.path(),
        &not_a_folder.join("orders.csv").display().to_string(),
    );
    export(&app, data.path());
    app.ui().wait_for_text(
        "#history-export-status",
        "The file could not be saved there. Choose another folder, or close the file if a spreadsheet has it open.",
    );
    app.screenshot("cannot-write");
}
