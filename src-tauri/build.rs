//! Generates the Tauri context and the ACL permissions of the app's own commands, so the
//! capability file can grant the main window exactly these commands and nothing else.

/// Every command in `src/commands/`; each gets an `allow-<name>` permission.
const COMMANDS: &[&str] = &["connection_status", "l10n_get", "l10n_set_language"];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("the Tauri build step failed");
}
