//! The commands of `oso-service` and their options, one file each, so `main.rs` stays the list
//! of commands.

pub mod customer_accounts;
pub mod oidc_args;
pub mod operators;
pub mod orders;
pub mod serve_args;
pub mod stop_signals;
