use chrono::{DateTime, Utc};

use crate::AddressFields;

/// An order as it is written: checked, with its copy of the address and of who ordered.
#[derive(Debug, Clone, Copy)]
pub struct NewOrderRow<'a> {
    pub user_id: i64,
    pub idempotency_key: &'a str,
    pub account_number: &'a str,
    pub address: AddressFields<'a>,
    pub ordered_by_name: &'a str,
    pub ordered_by_email: &'a str,
    pub created_at: DateTime<Utc>,
    /// The year in its number: `OSO-<year>-000123`.
    pub year: &'a str,
}
