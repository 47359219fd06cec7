//! OSO's desktop logic without Tauri: the HTTP client over `oso-api`'s types, the local SQLite
//! store (drafts and the queue owned by a login, offline copies, settings), the session and the
//! keyring (`secrets` is the only keyring caller), the catalogue cache, and the small state the
//! shell shares (connection status, approval retries). `src-tauri` wraps these in commands,
//! the tray and the window; the fault suites drive them directly.

pub mod approval_retry;
pub mod catalogue;
pub mod client;
pub mod connection_status;
pub mod events;
pub mod local;
pub mod offline;
pub mod oidc_browser;
pub mod ordering;
pub mod outbound;
pub mod owner;
pub mod secrets;
pub mod session;
pub mod starting_address;
pub mod zoom;
