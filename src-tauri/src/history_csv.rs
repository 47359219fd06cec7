//! The history export as a CSV file for spreadsheets: one row per order line, headers and
//! statuses in the display language, dates in local time.
//!
//! Spreadsheets read it without an import dialog: UTF-8 with a byte-order mark (accents), and the
//! separator the language's spreadsheets expect (`,` in English, `;` in Dutch and French, whose
//! decimal comma takes the `,`). Cells that a spreadsheet would run as a formula are defused.

use std::borrow::Cow;

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

/// A cell a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage
/// return) gets a `'` in front. The `csv` writer quotes what needs quoting afterwards; it knows
/// nothing of spreadsheets' formulas, so this part stays ours.
fn defused(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The writer of the file's rows: the language's separator, quotes only where a cell holds the
/// separator, a quote or a line break, and lines ending in CRLF as RFC 4180 says.
fn writer(separator: char) -> csv::Writer<Vec<u8>> {
    let bytes = "\u{feff}".as_bytes().to_vec();
    csv::WriterBuilder::new()
        .delimiter(separator as u8)
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(bytes)
}

fn write_row(rows: &mut csv::Writer<Vec<u8>>, cells: &[String]) -> csv::Result<()> {
    rows.write_record(cells.iter().map(|cell| defused(cell).into_owned()))
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

/// The whole file, byte-order mark included (so spreadsheets read the accents as UTF-8).
pub fn render(
    export: &HistoryExport,
    language: Language,
    messages: &Catalogue,
) -> Result<String, csv::Error> {
    let mut rows = writer(separator(language));
    let headers: Vec<String> = COLUMNS
        .iter()
        .map(|id| messages.format(id, &[]).unwrap_or_else(|| (*id).to_owned()))
        .collect();
    write_row(&mut rows, &headers)?;
    for order in &export.orders {
        let base = order_cells(order, messages);
        if order.lines.is_empty() {
            let mut cells = base.clone();
            cells.extend([String::new(), String::new(), String::new()]);
            write_row(&mut rows, &cells)?;
        }
        for line in &order.lines {
            let name = crate::commands::catalogue::pick(&line.name, language);
            let mut cells = base.clone();
            cells.extend([line.sku.clone(), name, line.packs.to_string()]);
            write_row(&mut rows, &cells)?;
        }
    }
    let bytes = rows.into_inner().map_err(|error| error.into_error())?;
    String::from_utf8(bytes)
        .map_err(|error| std::io::Error::new(std::io::ErrorKind::InvalidData, error).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One cell as the file writes it, without the byte-order mark and the line end.
    fn cell(text: &str, separator: char) -> String {
        let mut rows = writer(separator);
        write_row(&mut rows, &[text.to_owned()]).expect("row");
        let bytes = rows.into_inner().expect("bytes");
        let line = String::from_utf8(bytes).expect("utf-8");
        line.trim_start_matches('\u{feff}')
            .trim_end_matches("\r\n")
            .to_owned()
    }

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
        assert_eq!(cell("+32 3 223 45 67", ';'), "'+32 3 223 45 67");
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
        let text =
            render(&export(), Language::Nl, locales.catalogue(Language::Nl)).expect("render");
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
