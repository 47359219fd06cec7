//! The Tauri commands the UI may call, one module per area. Each is a few lines: parse, call one
//! function, map the error. The capability file grants the main window exactly these.

pub mod address_book;
pub mod app_links;
pub mod autostart;
pub mod catalogue;
pub mod connection;
pub mod drafts;
pub mod esecure;
pub mod history;
pub mod history_export;
pub mod l10n;
pub mod oidc;
pub mod order_start;
pub mod profile;
pub mod reorder;
pub mod session;
pub mod startup;
pub mod zoom;
