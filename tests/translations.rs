//! Every message exists in Dutch, English and French; every message the UI or the code asks for
//! exists; and no message sits unused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

const LANGUAGES: [&str; 3] = ["nl", "en", "fr"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                // Vendored libraries (ui/vendor) ask for no messages of ours.
                if !path.ends_with("vendor") {
                    pending.push(path);
                }
            } else if path
                .extension()
                .and_then(|extension| extension.to_str())
                .is_some_and(|extension| extensions.contains(&extension))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path:?}: {error}"))
}

/// Message ids per language, from `locales/<lang>/*.ftl` (terms, starting with `-`, excluded).
fn ids_by_language() -> BTreeMap<&'static str, BTreeSet<String>> {
    let definition = Regex::new(r"(?m)^([A-Za-z][A-Za-z0-9_-]*)\s*=").expect("regex");
    LANGUAGES
        .iter()
        .map(|language| {
            let ids = files_under(&root().join("locales").join(language), &["ftl"])
                .iter()
                .flat_map(|file| {
                    definition
                        .captures_iter(&read(file))
                        .map(|capture| capture[1].to_owned())
                        .collect::<Vec<_>>()
                })
                .collect();
            (*language, ids)
        })
        .collect()
}

/// Ids the UI asks for by name: `data-i18n*="id"` attributes, `t("id")` calls and the `label:` /
/// `help:` of a field described as data (ui/js/lib/address.js). An attribute filled in from such
/// data (`data-i18n="${entry.label}"`) is checked through the data, not here.
fn ids_requested_by_the_ui() -> BTreeSet<String> {
    let attribute = Regex::new(r#"data-i18n(?:-[a-z-]+)?="([^"$]+)""#).expect("regex");
    let call = Regex::new(r#"\bt\(\s*["'`]([^"'`$]+)["'`]"#).expect("regex");
    let described = Regex::new(r#"\b(?:label|help):\s*"([^"]+)""#).expect("regex");
    files_under(&root().join("ui"), &["html", "js"])
        .iter()
        .flat_map(|file| {
            let text = read(file);
            attribute
                .captures_iter(&text)
                .chain(call.captures_iter(&text))
                .chain(described.captures_iter(&text))
                .map(|capture| capture[1].to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Ids the code builds from error codes: `error-<code>` for every code a user can meet.
fn error_ids() -> BTreeSet<String> {
    oso_api::ErrorCode::ALL
        .iter()
        .map(|code| code.as_str())
        .chain(oso::DESKTOP_CODES)
        .map(|code| format!("error-{code}"))
        .collect()
}

/// Every quoted string in the UI and the Rust sources: an id is used when one of them names it.
fn quoted_strings_in_sources() -> BTreeSet<String> {
    let quoted = Regex::new(r#""([A-Za-z0-9_-]+)"|'([A-Za-z0-9_-]+)'"#).expect("regex");
    let mut sources = files_under(&root().join("ui"), &["html", "js"]);
    sources.extend(files_under(&root().join("src-tauri").join("src"), &["rs"]));
    sources.extend(files_under(&root().join("crates"), &["rs"]));
    sources
        .iter()
        .flat_map(|file| {
            quoted
                .captures_iter(&read(file))
                .filter_map(|capture| capture.get(1).or(capture.get(2)))
                .map(|found| found.as_str().to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_message_exists_in_all_three_languages() {
    let ids = ids_by_language();
    let all: BTreeSet<&String> = ids.values().flatten().collect();
    for (language, defined) in &ids {
        let missing: Vec<_> = all.iter().filter(|id| !defined.contains(**id)).collect();
        assert!(missing.is_empty(), "locales/{language} lacks {missing:?}");
    }
}

#[test]
fn every_message_the_ui_asks_for_exists() {
    let english = &ids_by_language()["en"];
    let requested = ids_requested_by_the_ui();
    assert!(
        !requested.is_empty(),
        "the UI asks for no messages: the scan is broken"
    );
    let missing: Vec<_> = requested.difference(english).collect();
    assert!(
        missing.is_empty(),
        "the UI asks for undefined messages {missing:?}"
    );
}

#[test]
fn every_error_code_has_a_message() {
    let english = &ids_by_language()["en"];
    let missing: Vec<_> = error_ids()
        .into_iter()
        .filter(|id| !english.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "error codes without a message: {missing:?}"
    );
}

#[test]
fn no_message_is_unused() {
    let english = &ids_by_language()["en"];
    let mut used = quoted_strings_in_sources();
    used.extend(ids_requested_by_the_ui());
    used.extend(error_ids());
    let unused: Vec<_> = english.difference(&used).collect();
    assert!(unused.is_empty(), "messages nothing uses: {unused:?}");
}

#[test]
fn the_ui_contains_no_hard_coded_visible_text() {
    // Text between tags in the HTML shell, in the pages' markup modules
    // (ui/js/pages/<page>/markup.js) and in the markup the address fields are built from, must
    // come from data-i18n, not be written in. `${…}` between tags is markup built elsewhere.
    let text_between_tags = Regex::new(r">\s*([^<\s][^<]*?)\s*<").expect("regex");
    let interpolated = Regex::new(r"^(\$\{[^}]*\}\s*)+$").expect("regex");
    let markup_modules = files_under(&root().join("ui").join("js"), &["js"])
        .into_iter()
        .filter(|file| file.ends_with("markup.js") || file.ends_with("lib/address.js"));
    for file in files_under(&root().join("ui"), &["html"])
        .into_iter()
        .chain(markup_modules)
    {
        let html = read(&file);
        let bodies: Vec<&str> = match html.split_once("<body") {
            Some((_, body)) => vec![body],
            // A markup module: its template literals, between backquotes.
            None => html.split('`').skip(1).step_by(2).collect(),
        };
        let written: Vec<_> = bodies
            .iter()
            .flat_map(|body| text_between_tags.captures_iter(body))
            .map(|capture| capture[1].to_owned())
            .filter(|text| !interpolated.is_match(text))
            .collect();
        assert!(
            written.is_empty(),
            "{file:?} has text written into it: {written:?}"
        );
    }
}
