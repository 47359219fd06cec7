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

/// A stored order without its lines.
#[derive(Debug, Clone)]
pub struct OrderRow {
    pub id: i64,
    pub order_number: Option<String>,
    pub status: oso_core::OrderStatus,
    pub account_number: String,
    pub company: String,
    pub contact_person: String,
    pub street: String,
    pub number: String,
    pub box_number: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub phone: String,
    pub email: Option<String>,
    pub driver_note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One line of a stored order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLineRow {
    pub sku: String,
    pub packs: i64,
}

/// What the lifecycle added to an order: tracking number, completion time, who ordered.
#[derive(Debug, Clone, Default)]
pub struct OrderExtrasRow {
    pub tracking_number: Option<String>,
    pub completed_at: Option<DateTime<Utc>>,
    pub ordered_by_name: String,
}

/// An item's name in each language, read from the catalogue's definition of it.
#[derive(Debug, Clone)]
pub struct LineNameRow {
    pub sku: String,
    pub nl: Option<String>,
    pub en: Option<String>,
    pub fr: Option<String>,
}

/// What the shipped e-mail needs of an order and its customer.
#[derive(Debug, Clone)]
pub struct ShippedMailRow {
    pub order_number: String,
    pub tracking_number: Option<String>,
    pub language: String,
    pub contact_name: String,
    pub email: String,
    pub user_status: crate::LoginStatus,
}
