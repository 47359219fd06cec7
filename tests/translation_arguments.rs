//! The UI formats its messages with Fluent itself (`ui/js/lib/i18n.js`), so a message may use
//! arguments, selectors and plurals. These tests fail on one the UI cannot format: a variable
//! no call gives, a message with variables named in a `data-i18n` attribute (which passes none),
//! a translation using a variable the English message does not have, or a placeable Fluent
//! cannot resolve (an unknown function, term or message) with any count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use regex::Regex;

const LANGUAGES: [&str; 3] = ["nl", "en", "fr"];
/// The counts every selector is tried with: zero, one, a few and many.
const COUNTS: [i64; 5] = [0, 1, 2, 5, 1234];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path:?}: {error}"))
}

fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|found| found == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The `.ftl` sources of `language`, as one text per file.
fn sources(language: &str) -> Vec<String> {
    files_under(&root().join("locales").join(language), "ftl")
        .iter()
        .map(|file| read(file))
        .collect()
}

#[derive(Debug, Default)]
struct Variables {
    all: BTreeSet<String>,
    /// Those a selector chooses by (a count, given as a number).
    selectors: BTreeSet<String>,
}

fn walk_pattern(pattern: &ast::Pattern<&str>, found: &mut Variables) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, found);
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, found: &mut Variables) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            if let ast::InlineExpression::VariableReference { id } = selector {
                found.selectors.insert(id.name.to_owned());
            }
            walk_inline(selector, found);
            for variant in variants {
                walk_pattern(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, found),
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, found: &mut Variables) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.all.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, found);
            }
            for named in &arguments.named {
                walk_inline(&named.value, found);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, found),
        _ => {}
    }
}

/// Every message of `language` with the variables it uses.
fn variables(language: &str) -> BTreeMap<String, Variables> {
    let mut messages = BTreeMap::new();
    for source in sources(language) {
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{language}: {errors:?}"));
        for entry in &resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut found = Variables::default();
                if let Some(value) = &message.value {
                    walk_pattern(value, &mut found);
                }
                messages.insert(message.id.name.to_owned(), found);
            }
        }
    }
    messages
}

/// The JavaScript of the UI (the vendored Fluent library excluded).
fn ui_scripts() -> Vec<(PathBuf, String)> {
    files_under(&root().join("ui").join("js"), "js")
        .into_iter()
        .map(|file| {
            let text = read(&file);
            (file, text)
        })
        .collect()
}

/// The argument names of an object literal's text (`{ count, name: x }` without its braces),
/// split at its top-level commas.
fn keys_of(object: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut depth = 0;
    let mut part = String::new();
    for character in object.chars().chain([',']) {
        match character {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                let key = part.split(':').next().unwrap_or_default().trim();
                if !key.is_empty() {
                    keys.insert(key.trim_matches('"').to_owned());
                }
                part.clear();
                continue;
            }
            _ => {}
        }
        part.push(character);
    }
    keys
}

/// Each `t("id", { … })` of the UI: the id with the keys it passes (none without an object).
/// A call given its arguments in a variable (`t(id, args)`) cannot be read here and is left out.
fn calls() -> Vec<(String, BTreeSet<String>, String)> {
    let call = Regex::new(r#"\bt\(\s*"([a-z0-9-]+)"\s*(?:,\s*(\{|[A-Za-z_$]))?"#).expect("regex");
    let mut found = Vec::new();
    for (file, text) in ui_scripts() {
        for capture in call.captures_iter(&text) {
            let id = capture[1].to_owned();
            let whole = capture.get(0).expect("match");
            let keys = if capture.get(2).is_some_and(|after| after.as_str() != "{") {
                continue;
            } else if capture.get(2).is_some() {
                let rest = &text[whole.end()..];
                let mut depth = 1;
                let end = rest
                    .char_indices()
                    .find(|(_, character)| {
                        match character {
                            '{' => depth += 1,
                            '}' => depth -= 1,
                            _ => {}
                        }
                        depth == 0
                    })
                    .map_or(rest.len(), |(at, _)| at);
                keys_of(&rest[..end])
            } else {
                BTreeSet::new()
            };
            found.push((id, keys, file.display().to_string()));
        }
    }
    found
}

#[test]
fn every_variable_a_message_uses_is_given_by_each_call_of_the_ui() {
    let english = variables("en");
    let calls = calls();
    assert!(calls.len() > 100, "the scan of t() calls is broken");
    let mut problems = Vec::new();
    for (id, keys, file) in &calls {
        let Some(message) = english.get(id) else {
            continue;
        };
        let missing: Vec<_> = message.all.difference(keys).collect();
        if !missing.is_empty() {
            problems.push(format!("{file}: t(\"{id}\") does not give {missing:?}"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_message_named_in_a_data_i18n_attribute_uses_no_variables() {
    let english = variables("en");
    let attribute = Regex::new(r#"data-i18n(?:-[a-z-]+)?="([^"$]+)""#).expect("regex");
    let mut sources = ui_scripts();
    let index = root().join("ui").join("index.html");
    sources.push((index.clone(), read(&index)));
    let mut problems = Vec::new();
    for (file, text) in sources {
        for capture in attribute.captures_iter(&text) {
            if let Some(message) = english.get(&capture[1]) {
                if !message.all.is_empty() {
                    problems.push(format!(
                        "{}: {} needs {:?}",
                        file.display(),
                        &capture[1],
                        message.all
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_translation_uses_a_variable_the_english_message_lacks() {
    let english = variables("en");
    for language in ["nl", "fr"] {
        for (id, message) in variables(language) {
            let Some(original) = english.get(&id) else {
                continue;
            };
            let extra: Vec<_> = message.all.difference(&original.all).collect();
            assert!(extra.is_empty(), "{language}: {id} uses {extra:?}");
        }
    }
}

#[test]
fn every_message_formats_without_errors_with_any_count_in_all_three_languages() {
    for language in LANGUAGES {
        let langid = language.parse().expect("language id");
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        for source in sources(language) {
            let resource = FluentResource::try_new(source).expect("valid Fluent");
            bundle.add_resource(resource).expect("no duplicates");
        }
        for (id, message_variables) in variables(language) {
            let message = bundle.get_message(&id).expect("defined");
            let Some(pattern) = message.value() else {
                continue;
            };
            for count in COUNTS {
                let mut args = FluentArgs::new();
                for name in &message_variables.all {
                    if message_variables.selectors.contains(name) {
                        args.set(name.as_str(), FluentValue::from(count));
                    } else {
                        args.set(name.as_str(), "x");
                    }
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(
                    errors.is_empty(),
                    "{language}: {id} with {count}: {errors:?} ({text})"
                );
            }
        }
    }
}

#[test]
fn a_selected_plural_differs_between_one_and_many_in_english() {
    // The plural forms are chosen by Fluent now: the English pack count says so.
    let mut bundle = FluentBundle::new(vec!["en".parse().expect("id")]);
    bundle.set_use_isolating(false);
    for source in sources("en") {
        bundle
            .add_resource(FluentResource::try_new(source).expect("valid"))
            .expect("no duplicates");
    }
    let say = |count: i64| {
        let mut args = FluentArgs::new();
        args.set("count", count);
        let pattern = bundle
            .get_message("order-packs")
            .and_then(|message| message.value())
            .expect("order-packs");
        bundle
            .format_pattern(pattern, Some(&args), &mut Vec::new())
            .into_owned()
    };
    assert_eq!(say(1), "1 pack");
    assert_eq!(say(12), "12 packs");
}
