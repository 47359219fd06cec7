//! The history export as a CSV file for spreadsheets: one row per order line, headers and
//! statuses in the display language, dates in local time.
//!
//! Spreadsheets read it without an import dialog: UTF-8 with a byte-order mark (accents), and the
//! separator the language's spreadsheets expect (`,` in English, `;` in Dutch and French, whose
//! decimal comma takes the `,`). Cells that a spreadsheet would run as a formula are defused.

use chrono::{DateTime, Local, Utc};
use oso_api::orders::{ExportedOrder, HistoryExport};
use oso_core::{Catalogue, Language};

const COLUMNS: [&str; 17] = [
    "history-csv-order_number",
    "history-csv-created_at",
    "history-csv-status",
    "history-csv-account_number",
    "history-csv-company",
    "history-csv-contact_person",
    "history-csv-street",
    "history-csv-number",
    "history-csv-box_number",
    "history-csv-postal_code",
    "history-csv-city",
    "history-csv-country",
    "history-csv-ordered_by",
    "history-csv-tracking_number",
    "history-csv-sku",
    "history-csv-item",
    "history-csv-packs",
];

pub fn separator(language: Language) -> char {
    match language {
        Language::En => ',',
        Language::Nl | Language::Fr => ';',
    }
}

/// One cell: quoted when it holds the separator, a quote or a line break; a leading `=`, `+`,
/// `-`, `@`, tab or carriage return gets a `'` so no spreadsheet runs it as a formula.
fn cell(text: &str, separator: char) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if defused.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn local_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn order_cells(order: &ExportedOrder, messages: &Catalogue) -> Vec<String> {
    let status = messages
        .format(&format!("history-status-{}", order.status), &[])
        .unwrap_or_else(|| order.status.to_string());
    vec![
        order.order_number.clone(),
        local_time(order.created_at),
        status,
        order.account_number.clone(),
        order.company.clone(),
        order.contact_person.clone(),
        order.street.clone(),
        order.number.clone(),
        order.box_number.clone().unwrap_or_default(),
        order.postal_code.clone(),
        order.city.clone(),
        order.country.clone(),
        order.ordered_by.clone(),
        order.tracking_number.clone().unwrap_or_default(),
    ]
}

/// The whole file, byte-order mark included; lines end in CRLF as RFC 4180 says.
pub fn render(export: &HistoryExport, language: Language, messages: &Catalogue) -> String {
    let separator = separator(language);
    let mut text = String::from('\u{feff}');
    let mut row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c, separator)).collect();
        text.push_str(&cells.join(&separator.to_string()));
        text.push_str("\r\n");
    };
    let headers: Vec<String> = COLUMNS
        .iter()
        .map(|id| messages.format(id, &[]).unwrap_or_else(|| (*id).to_owned()))
        .collect();
    row(&headers);
    for order in &export.orders {
        let base = order_cells(order, messages);
        if order.lines.is_empty() {
            let mut cells = base.clone();
            cells.extend([String::new(), String::new(), String::new()]);
            row(&cells);
        }
        for line in &order.lines {
            let name = crate::commands::catalogue::pick(&line.name, language);
            let mut cells = base.clone();
            cells.extend([line.sku.clone(), name, line.packs.to_string()]);
            row(&cells);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_stays_as_it_is() {
        assert_eq!(cell("Zebra NV", ';'), "Zebra NV");
    }

    #[test]
    fn a_cell_with_the_separator_a_quote_or_a_line_break_is_quoted() {
        assert_eq!(cell("Zebra; NV", ';'), "\"Zebra; NV\"");
        assert_eq!(cell("Zebra, NV", ';'), "Zebra, NV");
        assert_eq!(cell("Zebra, NV", ','), "\"Zebra, NV\"");
        assert_eq!(cell("the \"best\"", ','), "\"the \"\"best\"\"\"");
        assert_eq!(cell("two\nlines", ','), "\"two\nlines\"");
    }

    #[test]
    fn a_cell_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")", ';'), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+32 3 123 45 67", ';'), "'+32 3 123 45 67");
        assert_eq!(cell("@SUM(A1)", ';'), "'@SUM(A1)");
        assert_eq!(cell("-1", ';'), "'-1");
    }

    fn export() -> HistoryExport {
        let json = serde_json::json!({"truncated": false, "orders": [{
        "order_number": "OSO-2026-000001", "created_at": "2026-11-21T09:30:00Z",
        "status": "shipped", "account_number": "951234567", "company": "Zebra; NV",
        "contact_person": "Ann", "street": "Meir", "number": "1", "box_number": null,
        "postal_code": "2000", "city": "Antwerpen", "country": "BE", "ordered_by": "Ann",
        "tracking_number": "3SABC", "lines": [
            {"sku": "ENV-1", "packs": 2, "name": {"nl": "Envelop", "en": "Envelope", "fr": "Enveloppe"}},
            {"sku": "BOX-1", "packs": 1, "name": {"nl": "Doos", "en": "Box", "fr": "Boîte"}}
        ]}]});
        serde_json::from_value(json).expect("export")
    }

    #[test]
    fn the_file_has_translated_headers_and_one_row_per_line_in_the_display_language() {
        let locales = crate::l10n::Locales::load().expect("locales");
        let text = render(&export(), Language::Nl, locales.catalogue(Language::Nl));
        assert!(text.starts_with('\u{feff}'));
        let rows: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert!(
            rows[0].starts_with("Bestelnummer;Besteldatum;Status;"),
            "{}",
            rows[0]
        );
        assert!(rows[1].contains(";Verzonden;"), "{}", rows[1]);
        assert!(rows[1].contains("\"Zebra; NV\""), "{}", rows[1]);
        assert!(rows[1].ends_with(";ENV-1;Envelop;2"), "{}", rows[1]);
        assert!(rows[2].ends_with(";BOX-1;Doos;1"), "{}", rows[2]);
        assert_eq!(rows[3], "");
    }

    #[test]
    fn english_uses_commas_and_dutch_and_french_semicolons() {
        assert_eq!(separator(Language::En), ',');
        assert_eq!(separator(Language::Nl), ';');
        assert_eq!(separator(Language::Fr), ';');
    }
}
