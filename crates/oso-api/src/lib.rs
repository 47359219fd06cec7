//! The wire contract of the service's `/api/v1`: every request and response body, and the one
//! error shape, as both the service (which answers them) and the desktop (which sends and reads
//! them) see them. Neither side declares its own copy, so the two cannot drift apart.
//!
//! Only serde shapes live here: no HTTP, no database, no rules beyond what `oso-core`'s types
//! already enforce. With the `openapi` feature every type also describes itself for the
//! service's OpenAPI document.

pub mod accounts;
pub mod address_book;
pub mod catalogue;
pub mod error;
pub mod esecure;
pub mod events;
pub mod external_sign_in;
pub mod health;
pub mod operator;
pub mod orders;
mod secret_field;

pub use error::{ErrorBody, ErrorCode};
