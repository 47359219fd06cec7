//! The OSO desktop application: a Tauri 2 shell around the HTML UI in `ui/`, talking to the OSO
//! service over HTTP. With no service configured it starts one in-process (see [`startup`]).

mod app_links;
mod app_menu;
mod autostart;
mod browser;
mod commands;
mod connection;
mod error;
mod esecure;
mod export_file;
mod first_screen;
mod history_csv;
mod l10n;
mod logging;
mod outbound;
mod paths;
mod pseudo_locale;
mod push;
mod request_action;
mod request_notice;
mod save_dialog;
mod settings_file;
mod startup;
mod state;
mod sync;
mod tray;
mod tray_badge;
mod window;
mod window_state;

use tauri::Manager;

// The draft and queue paths as the commands run them, for the fault suites
// (`tests/fault_suites/crash.rs`, `tests/fault_suites/cuts.rs`) that run them outside Tauri.
pub use commands::drafts::store_draft;
pub use error::{CommandError, DESKTOP_CODES};
pub use l10n::Locales;
pub use paths::AppPaths;
pub use settings_file::{ServiceTarget, SettingsFile};
pub use startup::client_of_embedded;

/// The version shown by `oso --version`, in the UI and in the logs.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Builds and runs the application until its last window closes.
pub fn run() {
    if std::env::args()
        .skip(1)
        .any(|arg| arg == "--version" || arg == "-V")
    {
        println!("OSO {VERSION}");
        return;
    }
    let launch = first_screen::Launch::now();
    let mut builder = tauri::Builder::default();
    // First among the plugins: a second launch must hand over before anything else starts.
    if let Some(single_instance) = single_instance() {
        builder = builder.plugin(single_instance);
    }
    let app = builder
        .plugin(tauri_plugin_deep_link::init())
        .manage(app_links::PendingLink::default())
        .manage(app_links::PendingRequestLink::default())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(autostart::plugin())
        .plugin(window_state::plugin())
        .manage(window_state::Changes::default())
        .manage(esecure::EsecureWatch::default())
        .manage(pseudo_locale::PseudoLocale::from_env())
        .manage(launch)
        .manage(startup::Readiness::default())
        .manage(commands::history_export::LastExport::default())
        .manage(commands::oidc::OidcSignIn::default())
        .setup(|app| {
            app.state::<first_screen::Launch>().mark("setup");
            let beginning = startup::begin(app.handle())?;
            app.state::<first_screen::Launch>().mark("logging");
            // The window before the state: the web view starts and loads the page while the
            // state is prepared beside it, and the page's first command (`app_ready`) waits.
            window::open_main(app.handle())?;
            app.state::<first_screen::Launch>().mark("window");
            // Links only need the pending-link slot: listening from the start loses none.
            app_links::listen(app.handle());
            prepare_in_background(app.handle().clone(), beginning)?;
            Ok(())
        })
        // The application menu's items (where there is one, see `app_menu`); the tray's have
        // their own handler.
        .on_menu_event(app_menu::on_event)
        .on_window_event(|window, event| match event {
            tauri::WindowEvent::Moved(_) | tauri::WindowEvent::Resized(_)
                if window.label() == window::MAIN =>
            {
                window_state::changed(window.app_handle());
            }
            // The tray's glyph follows the desktop's colour scheme, as its panel does.
            tauri::WindowEvent::ThemeChanged(theme) => {
                window.state::<esecure::EsecureWatch>().follow_theme(*theme);
            }
            // An administrator who keeps OSO in the tray closes the window, not OSO: requests
            // keep arriving as notifications, and the tray brings the window back.
            tauri::WindowEvent::CloseRequested { api, .. } => {
                let watch = window.state::<esecure::EsecureWatch>();
                if watch.hide_on_close() {
                    api.prevent_close();
                    // Hidden in the tray, OSO may well end with the session, never quitting.
                    window_state::remember(window.app_handle());
                    if let Some((title, body)) = watch.closing_notice() {
                        tray::notify(window.app_handle(), &title, &body);
                    }
                    if let Err(error) = window.hide() {
                        tracing::warn!(%error, "cannot hide the window");
                    }
                }
            }
            _ => {}
        })
        .invoke_handler(tauri::generate_handler![
            commands::connection::connection_status,
            commands::startup::app_ready,
            commands::startup::first_screen_shown,
            commands::connection::ping,
            commands::connection::ping_async,
            commands::l10n::l10n_get,
            commands::zoom::zoom_restore,
            commands::zoom::zoom_step,
            commands::l10n::l10n_set_language,
            commands::session::session_get,
            commands::session::auth_register,
            commands::session::auth_activate,
            commands::session::auth_resend_activation,
            commands::session::auth_login,
            commands::session::auth_logout,
            commands::oidc::oidc_offer,
            commands::oidc::oidc_sign_in,
            commands::oidc::oidc_cancel,
            commands::oidc::oidc_register,
            commands::oidc::oidc_link,
            commands::session::auth_request_password_reset,
            commands::session::auth_reset_password,
            commands::app_links::app_link_take,
            commands::app_links::esecure_link_take,
            commands::app_links::auth_activate_link,
            commands::app_links::auth_reset_password_link,
            commands::autostart::autostart_get,
            commands::autostart::autostart_set,
            commands::profile::profile_get,
            commands::profile::profile_update,
            commands::profile::profile_change_password,
            commands::profile::profile_forget_me,
            commands::drafts::draft_current,
            commands::drafts::draft_save,
            commands::drafts::drafts_list,
            commands::drafts::draft_open,
            commands::drafts::draft_discard,
            commands::drafts::draft_check,
            commands::order_start::order_start_address,
            commands::drafts::order_place,
            commands::drafts::outbound_list,
            commands::history::history_list,
            commands::history::history_account_numbers,
            commands::history_export::history_export,
            commands::history_export::history_export_open,
            commands::reorder::order_again,
            commands::history::order_details,
            commands::history::order_cancel,
            commands::history::open_tracking_link,
            commands::catalogue::catalogue_get,
            commands::catalogue::catalogue_search,
            commands::address_book::account_numbers_list,
            commands::address_book::account_numbers_save,
            commands::address_book::account_numbers_rename,
            commands::address_book::account_numbers_remove,
            commands::address_book::addresses_list,
            commands::address_book::addresses_add,
            commands::address_book::addresses_update,
            commands::address_book::addresses_remove,
            commands::esecure::esecure_summary,
            commands::esecure::esecure_accounts,
            commands::esecure::esecure_requests,
            commands::esecure::esecure_decide,
            commands::esecure::esecure_revoke,
            commands::esecure::esecure_add_users,
            commands::esecure::esecure_add_administrator,
            commands::esecure::esecure_remove_administrator,
            commands::esecure::esecure_set_domains,
            commands::esecure::esecure_audit,
            commands::esecure::esecure_my_requests,
            commands::esecure::esecure_request_note,
            commands::esecure::esecure_status,
            commands::esecure::esecure_set_keep_in_tray,
        ])
        .build(tauri::generate_context!())
        .unwrap_or_else(|error| {
            eprintln!("OSO could not start: {error}");
            std::process::exit(1);
        });
    app.run(|app, event| {
        if let tauri::RunEvent::Exit = event {
            // The window is gone: a launch from now on (a link clicked just after quitting) must
            // start a new OSO rather than hand its link to this one, which is on its way out.
            tauri_plugin_single_instance::destroy(app);
            if let Some(state) = app.try_state::<state::AppState>() {
                tauri::async_runtime::block_on(state.stop_embedded_service());
            }
        }
    });
}

/// Prepares the app's state (databases, the embedded service, the session) on a thread of its
/// own, then starts what needs it (the connection monitor, eSecure and the tray) and lets the
/// page in. A failure ends the app, as a failed `setup` does.
fn prepare_in_background(
    app: tauri::AppHandle,
    beginning: startup::Beginning,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("oso-startup".into())
        .spawn(move || match startup::start(beginning) {
            Ok(state) => {
                app.manage(state);
                connection::spawn_monitor(app.clone());
                esecure::start(&app, request_action::on_request_action);
                push::start(&app);
                show_app_menu(app.clone());
                app.state::<startup::Readiness>().set_ready();
                app.state::<first_screen::Launch>().mark("state");
            }
            Err(error) => {
                // A setting OSO refuses: the window stays and says which, translated.
                if let Some(refusal) = startup::refusal_to_show(&app, &error) {
                    tracing::error!(error = format!("{error:#}"), "OSO refuses to start");
                    app.state::<startup::Readiness>().refuse(refusal);
                    return;
                }
                tracing::error!(error = format!("{error:#}"), "OSO could not start");
                eprintln!("OSO could not start: {error:#}");
                app.exit(1);
            }
        })
        .map(drop)
}

/// The application menu, in the display language (which the state knows), where the desktop
/// has one; until then a Mac shows Tauri's English default.
fn show_app_menu(app: tauri::AppHandle) {
    // Most desktops have none: then nothing is read for it at start-up.
    if !app_menu::wanted() {
        return;
    }
    tauri::async_runtime::spawn(async move {
        let state = app.state::<state::AppState>();
        let language = l10n::display_language(&state.local).await;
        app_menu::install(&app, &state.locales, language);
    });
}

/// The D-Bus name an OSO started with `OSO_DATA_DIR=data_dir` holds while it runs (on Linux; see
/// [`single_instance`]). The bus frees it a moment after the process has ended, and a launch in
/// that moment takes the closing app for a running one; the end-to-end tests wait for it.
pub fn single_instance_bus_name(data_dir: &std::path::Path) -> String {
    // As the single-instance plugin names it from the id it is given.
    format!("{}.SingleInstance", paths::instance_id(Some(data_dir)))
}

/// One OSO per user: a second launch (from the menu, or `xdg-open oso://…` for a link from an
/// e-mail) brings the running window forward and hands it its argument (the plugin's deep-link
/// feature). An instance with a data directory of its own (`OSO_DATA_DIR`: tests, side-by-side
/// profiles) is one OSO per directory: on Linux the D-Bus name carries the directory's hash, so
/// a launch on the same directory still reaches it and one on another directory does not.
/// Elsewhere the plugin can only key on the identifier, so such an instance stays on its own.
fn single_instance() -> Option<tauri::plugin::TauriPlugin<tauri::Wry>> {
    let builder = tauri_plugin_single_instance::Builder::new().callback(|app, _args, _cwd| {
        window::focus_main(app);
    });
    match paths::chosen_data_dir() {
        None => Some(builder.build()),
        Some(dir) if cfg!(target_os = "linux") => {
            Some(builder.dbus_id(paths::instance_id(Some(&dir))).build())
        }
        Some(_) => None,
    }
}
