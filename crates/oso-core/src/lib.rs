//! OSO's domain: validated types and the rules of the business, with no I/O.
//!
//! Everything that crosses a boundary (an HTTP request, a Tauri command, a settings file) is parsed
//! into one of these types first, so code further in never sees an invalid value.

pub mod clock;
pub mod l10n;
pub mod language;

pub use clock::{Clock, ManualClock, SystemClock};
pub use l10n::{Catalogue, CatalogueError};
pub use language::{Language, UnknownLanguage};
