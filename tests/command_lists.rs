//! A command is named in four places: the handler list the app registers
//! (`tauri::generate_handler!` in src-tauri/src/lib.rs), the permissions the build generates
//! (`COMMANDS` in src-tauri/build.rs), what the main window may call (its capability), and the
//! UI's gateway (ui/js/lib/gateway.js). A name missing in one of them fails only at run time,
//! as a refused or unknown command, so these tests read the four as text and compare them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use regex::Regex;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path:?}: {error}"))
}

/// The text between `start` and the first `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str, what: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{what}: `{start}` not found"))
        + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("{what}: no `{end}` after `{start}`"));
    &text[from..from + to]
}

/// `commands::drafts::draft_save,` → `draft_save`, for each entry of `generate_handler![…]`.
fn registered() -> BTreeSet<String> {
    let source = read(&root().join("src-tauri/src/lib.rs"));
    let list = between(&source, "tauri::generate_handler![", "]", "lib.rs");
    let entry = Regex::new(r"([A-Za-z_][A-Za-z0-9_:]*)\s*,?").expect("regex");
    entry
        .captures_iter(list)
        .map(|capture| {
            let path = &capture[1];
            path.rsplit("::").next().unwrap_or(path).to_owned()
        })
        .collect()
}

fn built() -> BTreeSet<String> {
    let source = read(&root().join("src-tauri/build.rs"));
    let list = between(&source, "const COMMANDS: &[&str] = &[", "];", "build.rs");
    let name = Regex::new(r#""([a-z0-9_]+)""#).expect("regex");
    name.captures_iter(list)
        .map(|capture| capture[1].to_owned())
        .collect()
}

/// The app's own `allow-<command>` permissions granted by any capability, as command names.
fn granted() -> BTreeSet<String> {
    let dir = root().join("src-tauri/capabilities");
    let mut found = BTreeSet::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{dir:?}: {error}"));
    for entry in entries {
        let path = entry.expect("a capability file").path();
        if path.extension().and_then(|extension| extension.to_str()) != Some("json") {
            continue;
        }
        let capability: serde_json::Value =
            serde_json::from_str(&read(&path)).unwrap_or_else(|error| panic!("{path:?}: {error}"));
        let permissions = capability["permissions"]
            .as_array()
            .unwrap_or_else(|| panic!("{path:?} has no permissions list"));
        for permission in permissions {
            // A permission is a string or `{ "identifier": …, "allow": … }`.
            let identifier = permission
                .as_str()
                .or_else(|| permission["identifier"].as_str())
                .unwrap_or_else(|| panic!("{path:?}: a permission without identifier"));
            // Plugins' and core permissions are `prefix:…`; the app's own have no prefix.
            if let Some(command) = identifier.strip_prefix("allow-") {
                found.insert(command.replace('-', "_"));
            }
        }
    }
    found
}

/// Every command the UI's gateway invokes.
fn invoked() -> BTreeSet<String> {
    let source = read(&root().join("ui/js/lib/gateway.js"));
    let call = Regex::new(r#"\binvoke\(\s*"([a-z0-9_]+)""#).expect("regex");
    call.captures_iter(&source)
        .map(|capture| capture[1].to_owned())
        .collect()
}

fn assert_same(left: (&str, &BTreeSet<String>), right: (&str, &BTreeSet<String>)) {
    let only_left: Vec<_> = left.1.difference(right.1).collect();
    let only_right: Vec<_> = right.1.difference(left.1).collect();
    assert!(
        only_left.is_empty() && only_right.is_empty(),
        "{} and {} disagree: only in {}: {only_left:?}; only in {}: {only_right:?}",
        left.0,
        right.0,
        left.0,
        right.0,
    );
}

#[test]
fn every_registered_command_has_a_built_permission_and_no_other_does() {
    let registered = registered();
    assert!(
        registered.len() > 40,
        "the scan of generate_handler! found too little: {registered:?}"
    );
    assert_same(
        ("generate_handler! in src-tauri/src/lib.rs", &registered),
        ("COMMANDS in src-tauri/build.rs", &built()),
    );
}

#[test]
fn the_main_window_is_granted_exactly_the_registered_commands() {
    assert_same(
        ("generate_handler! in src-tauri/src/lib.rs", &registered()),
        (
            "the allow- permissions in src-tauri/capabilities",
            &granted(),
        ),
    );
}

#[test]
fn the_ui_gateway_has_a_function_for_every_registered_command_and_for_no_other() {
    assert_same(
        ("generate_handler! in src-tauri/src/lib.rs", &registered()),
        ("the invoke calls in ui/js/lib/gateway.js", &invoked()),
    );
}

#[test]
fn the_gateway_is_the_only_module_that_invokes_a_command() {
    let call = Regex::new(r"__TAURI__|\binvoke\(").expect("regex");
    let mut pending = vec![root().join("ui/js")];
    let mut offenders = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{dir:?}: {error}")) {
            let path = entry.expect("a UI file").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().and_then(|extension| extension.to_str()) == Some("js")
                && !path.ends_with("lib/gateway.js")
                && call.is_match(&read(&path))
            {
                offenders.push(path);
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "only ui/js/lib/gateway.js may call Tauri; these do too: {offenders:?}"
    );
}

/// Tauri renames camelCase argument keys to snake_case parameters by default; every command opts
/// out of that, so an argument is spelled the same in the gateway and in Rust.
#[test]
fn every_command_takes_its_arguments_by_their_snake_case_names() {
    let attribute = Regex::new(r"#\[tauri::command(\([^)]*\))?\]").expect("regex");
    let mut pending = vec![root().join("src-tauri/src")];
    let mut renaming = Vec::new();
    let mut commands = 0;
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{dir:?}: {error}")) {
            let path = entry.expect("a source file").path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if path.extension().and_then(|extension| extension.to_str()) != Some("rs") {
                continue;
            }
            for found in attribute.find_iter(&read(&path)) {
                commands += 1;
                if found.as_str() != r#"#[tauri::command(rename_all = "snake_case")]"# {
                    renaming.push(format!("{}: {}", path.display(), found.as_str()));
                }
            }
        }
    }
    assert_eq!(
        commands,
        registered().len(),
        "one attribute per registered command"
    );
    assert!(
        renaming.is_empty(),
        "declare these with #[tauri::command(rename_all = \"snake_case\")]: {renaming:?}"
    );

    let call = Regex::new(r#"\binvoke\(\s*"([a-z0-9_]+)",\s*\{([^}]*)\}"#).expect("regex");
    let snake = Regex::new(r"^[a-z][a-z0-9_]*$").expect("regex");
    let gateway = read(&root().join("ui/js/lib/gateway.js"));
    for capture in call.captures_iter(&gateway) {
        for argument in capture[2]
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
        {
            let key = argument.split(':').next().unwrap_or(argument).trim();
            assert!(
                snake.is_match(key),
                "{}: the argument `{key}` is not spelled as its Rust parameter",
                &capture[1]
            );
        }
    }
}

/// What crosses the boundary keeps serde's own snake_case names: a `rename_all = "camelCase"`
/// would bring back a view of the same data under other names.
#[test]
fn no_type_in_the_desktop_renames_its_fields_to_camel_case() {
    let renaming = Regex::new(r"#\[serde\([^\]]*camelCase").expect("regex");
    let mut pending = vec![root().join("src-tauri/src")];
    let mut found = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{dir:?}: {error}")) {
            let path = entry.expect("a source file").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().and_then(|extension| extension.to_str()) == Some("rs")
                && renaming.is_match(&read(&path))
            {
                found.push(path);
            }
        }
    }
    assert!(found.is_empty(), "camelCase renaming in {found:?}");
}
