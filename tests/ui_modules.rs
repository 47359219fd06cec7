//! `ui/index.html` preloads (`<link rel="modulepreload">`) exactly the modules `js/main.js`
//! imports, directly or through other modules, so the web view fetches them all at once at
//! start instead of one level of imports after the other.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use regex::Regex;

fn ui() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path:?}: {error}"))
}

/// `base/../x/./y.js` as `x/y.js`, relative to `ui/`.
fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                parts.pop();
            }
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// Every module reachable from `js/main.js` through static imports and re-exports, main.js
/// itself excluded. A dynamic `import("…")` is not followed: what it loads comes when asked for.
fn imported_modules() -> BTreeSet<String> {
    let import =
        Regex::new(r#"(?m)^\s*(?:import|export)[\s{*][^;"]*?(?:from\s+)?"(\.{1,2}/[^"]+)""#)
            .expect("regex");
    let mut found = BTreeSet::new();
    let mut pending = vec!["js/main.js".to_owned()];
    while let Some(module) = pending.pop() {
        let source = read(&ui().join(&module));
        let dir = Path::new(&module).parent().unwrap_or(Path::new(""));
        for capture in import.captures_iter(&source) {
            let target = normalise(&dir.join(&capture[1]));
            if found.insert(target.clone()) {
                pending.push(target);
            }
        }
    }
    found.remove("js/main.js");
    found
}

fn preloaded_modules() -> BTreeSet<String> {
    let link = Regex::new(r#"<link rel="modulepreload" href="([^"]+)">"#).expect("regex");
    link.captures_iter(&read(&ui().join("index.html")))
        .map(|capture| capture[1].to_owned())
        .collect()
}

#[test]
fn index_preloads_every_module_main_imports_and_nothing_else() {
    let imported = imported_modules();
    let preloaded = preloaded_modules();
    assert!(
        imported.len() > 10,
        "the import scan found too little: {imported:?}"
    );
    let missing: Vec<_> = imported.difference(&preloaded).collect();
    let extra: Vec<_> = preloaded.difference(&imported).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "ui/index.html should preload every imported module and no other: add \
         <link rel=\"modulepreload\" href=\"…\"> for {missing:?}, remove it for {extra:?}"
    );
}

#[test]
fn every_preloaded_module_exists() {
    for module in preloaded_modules() {
        assert!(
            ui().join(&module).is_file(),
            "{module} is preloaded but missing"
        );
    }
}
