//! Generates the Tauri context and the ACL permissions of the app's own commands, so the
//! capability file can grant the main window exactly these commands and nothing else.

/// Every command in `src/commands/`; each gets an `allow-<name>` permission.
const COMMANDS: &[&str] = &[
    "connection_status",
    "app_ready",
    "first_screen_shown",
    "ping",
    "ping_async",
    "l10n_get",
    "zoom_restore",
    "zoom_step",
    "l10n_set_language",
    "session_get",
    "auth_register",
    "auth_activate",
    "auth_resend_activation",
    "auth_login",
    "auth_logout",
    "oidc_offer",
    "oidc_sign_in",
    "oidc_cancel",
    "oidc_register",
    "oidc_link",
    "auth_request_password_reset",
    "auth_reset_password",
    "app_link_take",
    "esecure_link_take",
    "auth_activate_link",
    "auth_reset_password_link",
    "autostart_get",
    "autostart_set",
    "profile_get",
    "profile_update",
    "profile_change_password",
    "profile_forget_me",
    "draft_current",
    "draft_save",
    "drafts_list",
    "draft_open",
    "draft_discard",
    "draft_check",
    "order_start_address",
    "order_place",
    "outbound_list",
    "history_list",
    "history_account_numbers",
    "history_export",
    "history_export_open",
    "order_again",
    "order_details",
    "order_cancel",
    "open_tracking_link",
    "catalogue_get",
    "catalogue_search",
    "account_numbers_list",
    "account_numbers_save",
    "account_numbers_rename",
    "account_numbers_remove",
    "addresses_list",
    "addresses_add",
    "addresses_update",
    "addresses_remove",
    "esecure_summary",
    "esecure_accounts",
    "esecure_requests",
    "esecure_decide",
    "esecure_revoke",
    "esecure_add_users",
    "esecure_add_administrator",
    "esecure_remove_administrator",
    "esecure_set_domains",
    "esecure_audit",
    "esecure_my_requests",
    "esecure_request_note",
    "esecure_status",
    "esecure_set_keep_in_tray",
];

/// The tray glyphs: a light one for dark panels (`tray-dark.png`) and a dark one for light
/// panels (`tray-light.png`), each falling back to its twin and then to the application icon,
/// so the build never depends on which icon set is in the tree.
const TRAY_ICONS: [(&str, [&str; 3]); 2] = [
    (
        "OSO_TRAY_ICON_FOR_DARK_PANEL",
        ["tray-dark.png", "tray-light.png", "32x32.png"],
    ),
    (
        "OSO_TRAY_ICON_FOR_LIGHT_PANEL",
        ["tray-light.png", "tray-dark.png", "32x32.png"],
    ),
];

fn choose_tray_icons() {
    let icons = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default())
        .join("icons");
    println!("cargo:rerun-if-changed={}", icons.display());
    for (variable, preference) in TRAY_ICONS {
        let chosen = preference
            .iter()
            .map(|name| icons.join(name))
            .find(|path| path.is_file())
            .expect("icons/ holds no tray icon and no 32x32.png");
        println!("cargo:rustc-env={variable}={}", chosen.display());
    }
}

fn main() {
    choose_tray_icons();
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("the Tauri build step failed");
}
