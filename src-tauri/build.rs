//! Generates the Tauri context and the ACL permissions of the app's own commands, so the
//! capability file can grant the main window exactly these commands and nothing else.

/// Every command in `src/commands/`; each gets an `allow-<name>` permission.
const COMMANDS: &[&str] = &[
    "connection_status",
    "l10n_get",
    "l10n_set_language",
    "session_get",
    "auth_register",
    "auth_activate",
    "auth_resend_activation",
    "auth_login",
    "auth_logout",
    "auth_request_password_reset",
    "auth_reset_password",
    "app_link_take",
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
    "order_place",
    "outbound_list",
    "history_list",
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
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("the Tauri build step failed");
}
