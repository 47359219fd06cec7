//! OSO's domain: validated types and the rules of the business, with no I/O.
//!
//! Everything that crosses a boundary (an HTTP request, a Tauri command, a settings file) is parsed
//! into one of these types first, so code further in never sees an invalid value.

pub mod access_request;
pub mod account_number;
pub mod account_policy;
pub mod address;
pub mod clock;
pub mod country;
pub mod domain_name;
pub mod draft_state;
pub mod email;
pub mod field_errors;
pub mod history_filter;
pub mod l10n;
pub mod language;
pub mod list_limit;
pub mod order_lifecycle;
pub mod order_lines;
pub mod password;
pub mod phone;
pub mod postal_code;
pub mod quantity;
pub mod search;
pub mod secret;
pub mod text;
pub mod time_zone;

pub use access_request::{AccessRequestStatus, Decision, UnknownAccessRequestStatus};
pub use account_number::{AccountNumber, AccountNumberError};
pub use address::{Address, AddressInput, DRIVER_NOTE_MAX_CHARS, HOUSE_NUMBER_MAX_CHARS};
pub use clock::{Clock, ManualClock, SystemClock};
pub use country::{CountryCode, CountryError};
pub use domain_name::{DomainName, DomainNameError};
pub use draft_state::{DraftState, UnknownDraftState};
pub use email::{Email, EmailError};
pub use field_errors::FieldErrors;
pub use history_filter::{OrderDateRange, OrderSearch};
pub use l10n::{Catalogue, CatalogueError};
pub use language::{Language, UnknownLanguage};
pub use list_limit::{check_list_len, TooMany};
pub use order_lifecycle::{check_move, LifecycleError, OrderStatus};
pub use order_lines::{check_order_lines, Sold};
pub use password::{check_new_password, PasswordProblem, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
pub use phone::{PhoneError, PhoneNumber};
pub use postal_code::{PostalCode, PostalCodeError};
pub use quantity::{check_order_limits, LimitProblem, Quantity, QuantityError, MAX_QUANTITY};
pub use search::{fold, SearchEntry, SearchIndex};
pub use secret::SecretString;
pub use text::{RequiredText, TextError, NAME_MAX_CHARS};
pub use time_zone::{TimeZone, UnknownTimeZone};
