//! The OSO service: the supplier-side party every desktop talks to over HTTP.
//!
//! The desktop starts it in-process on 127.0.0.1 by default ([`start`]); the `oso-service` binary
//! runs the same thing standalone for many desktops. Either way it owns one SQLite database and
//! one outbox folder inside its data directory.

pub mod accounts;
pub mod address_book;
pub mod api;
pub mod catalogue;
pub mod config;
pub mod database;
pub mod error;
pub mod esecure;
pub mod events;
pub mod external_sign_in;
mod in_process;
pub mod job_lead;
mod jobs;
pub mod mail;
pub mod operator;
pub mod orders;
mod running;
mod start_error;
pub mod store;

pub use api::error::ApiError;
pub use config::{ConfigError, ServiceConfig};
pub use in_process::{InProcess, Stopped};
pub use running::{start, start_with_clock, RunningService};
pub use start_error::StartError;

/// The service's version, reported by `GET /api/v1/health` and `oso-service --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
