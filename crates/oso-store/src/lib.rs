//! The rows the OSO service's stores read, shared by both engines' SQL: `oso-service` reads them
//! from SQLite, `oso-service-postgres` from PostgreSQL, and the rules above never see which.
//! Rows only: no SQL (sqlx checks one crate's queries against one database) and no rules.

mod addresses;
mod events;
mod external;
mod one_time;
mod orders;
mod sessions;
mod users;

pub use addresses::{AddressFields, AddressRow};
pub use events::StoredEvent;
pub use external::ExternalTicketRow;
pub use one_time::OneTimeTokenRow;
pub use orders::{
    LineNameRow, NewOrderRow, OrderExtrasRow, OrderLineRow, OrderRow, ShippedMailRow,
};
pub use sessions::{administered_numbers, SessionRow};
pub use users::{LoginStatus, NewUser, ProfileChange, UserRow, NO_PASSWORD};
