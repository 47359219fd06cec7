//! The desktop reads and sends the service's bodies only through the wire contract (`oso-api`):
//! what the Tauri shell still takes from `oso_service` is the embedded service's start-up, and
//! the shipped catalogue in its tests. A wire shape imported from the service's internals again
//! would let the two sides drift apart, so it fails here. The desktop's logic (`oso-desktop`)
//! depends on neither Tauri nor the service.

use std::path::Path;

/// What `src-tauri/src` may name under `oso_service::`, and why.
const ALLOWED: [&str; 7] = [
    // Starting the embedded service (startup.rs).
    "oso_service::start",
    "oso_service::StartError",
    "oso_service::{RunningService, ServiceConfig}",
    "oso_service::RunningService",
    "oso_service::ServiceConfig",
    // The embedded service's `[oidc]`, read from settings.toml: start-up configuration, not a
    // wire shape (settings_file.rs, startup.rs).
    "oso_service::config::OidcConfig",
    // The catalogue the service ships, as a fixture of the desktop's unit tests.
    "oso_service::catalogue::",
];

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn the_desktop_takes_no_wire_shape_from_the_services_internals() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src-tauri/src"), &mut files);
    rust_files(&root.join("crates/oso-desktop/src"), &mut files);
    let mut refused = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source file");
        for (line_number, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("oso_service::") {
                let named = &rest[at..];
                if !ALLOWED.iter().any(|allowed| named.starts_with(allowed)) {
                    refused.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        line_number + 1,
                        line.trim()
                    ));
                }
                rest = &named["oso_service::".len()..];
            }
        }
    }
    assert!(
        refused.is_empty(),
        "wire shapes come from oso_api, not oso_service:\n{}",
        refused.join("\n")
    );
}

#[test]
fn the_desktops_logic_builds_without_tauri_and_without_the_service() {
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/oso-desktop/Cargo.toml"),
    )
    .expect("readable manifest");
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [dependencies] table");
    for refused in ["tauri", "oso-service", "wry", "webkit2gtk"] {
        assert!(
            !dependencies
                .lines()
                .any(|line| line.trim_start().starts_with(refused)),
            "oso-desktop depends on {refused}"
        );
    }
}
