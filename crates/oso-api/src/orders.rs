//! Orders (`/orders`): placing one, the history's pages and filters, one order's details and
//! the history's export.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use oso_core::AddressInput;
pub use oso_core::OrderStatus;
use serde::{Deserialize, Serialize};

use crate::catalogue::Translated;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderLine {
    pub sku: String,
    pub packs: u32,
}

/// What the desktop sends to place an order.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderRequest {
    /// Chosen by the desktop per draft (16–64 letters, digits, dashes); the same key places
    /// the same order at most once.
    pub idempotency_key: String,
    pub account_number: String,
    pub address: AddressInput,
    pub lines: Vec<OrderLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlacedOrder {
    pub order_number: String,
    pub status: OrderStatus,
    pub account_number: String,
    pub address: AddressInput,
    pub lines: Vec<OrderLine>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    pub status: OrderStatus,
    pub changed_at: DateTime<Utc>,
}

/// An order with its lifecycle: what the order history's details show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderDetails {
    #[serde(flatten)]
    pub order: PlacedOrder,
    pub tracking_number: Option<String>,
    /// The name of who placed the order (empty once they asked to be forgotten).
    pub ordered_by: String,
    /// The Track & Trace link, while it exists (until 10 days after completion).
    pub track_and_trace_url: Option<String>,
    pub timeline: Vec<StatusChange>,
    /// Each line's item name in every language, by SKU, also for items no longer sold.
    #[serde(default)]
    pub line_names: BTreeMap<String, Translated>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SortColumn {
    OrderNumber,
    #[default]
    CreatedAt,
    Status,
    AccountNumber,
    Company,
    /// The order's total number of packs, over all its lines.
    Packs,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Asc,
    #[default]
    Desc,
}

/// The query of `GET /orders`: sort, filters and paging; newest first unless asked otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
#[serde(default)]
pub struct HistoryQuery {
    pub sort: SortColumn,
    pub direction: Direction,
    /// One order status; empty or absent for every status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// An order number or tracking number, or a part of one; case and spaces do not matter.
    /// Empty or absent for every order. At most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    /// Only orders placed at or after this instant (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_from: Option<DateTime<Utc>>,
    /// Only orders placed before this instant (RFC 3339); must be after `created_from`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_before: Option<DateTime<Utc>>,
    /// 1 to 200; default 50.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The page after the one that gave this cursor (its `next`); absent for the first page.
    /// Opaque: it is only valid with the same sort and direction. Pages are read from the cursor
    /// on (keyset paging), so a later page costs what the first does, and an order placed
    /// meanwhile neither repeats nor skips a row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// `false` leaves the count out of a first page, for a caller that has it already for the
    /// same filters: the count does not depend on the sort, so the history sorted again need not
    /// count again. Absent or `true`: a first page is counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<bool>,
}

impl HistoryQuery {
    /// Whether the answer counts the orders: a first page whose caller did not decline it.
    pub fn is_counted(&self) -> bool {
        self.after.is_none() && self.count != Some(false)
    }
}

/// The query of `GET /orders/export`: the history's sort and filters, without paging.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "openapi",
    derive(utoipa::IntoParams),
    into_params(parameter_in = Query)
)]
#[serde(default)]
pub struct ExportQuery {
    pub sort: SortColumn,
    pub direction: Direction,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// An order number or tracking number, or a part of one; case and spaces do not matter.
    /// Empty or absent for every order. At most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    /// Only orders placed at or after this instant (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_from: Option<DateTime<Utc>>,
    /// Only orders placed before this instant (RFC 3339); must be after `created_from`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_before: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryRow {
    pub order_number: String,
    pub created_at: DateTime<Utc>,
    pub status: OrderStatus,
    pub account_number: String,
    pub company: String,
    /// The order's total number of packs (absent from pages kept before it was listed).
    #[serde(default)]
    pub packs: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryPage {
    /// How many orders match, over all pages: counted for the first page only (a query without
    /// `after`), and only up to a limit; absent on later pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<HistoryCount>,
    pub orders: Vec<HistoryRow>,
    /// The cursor of the next page, to give as `after`; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// How many orders a history query matches. Counting stops at a limit, because a count of
/// every order of a busy account number would cost more than the page it heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryCount {
    /// The orders counted: all of them, or the limit when `more` is set.
    pub counted: i64,
    /// More orders match than `counted`.
    pub more: bool,
}

/// An account number the history can be filtered on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryAccountNumber {
    /// Nine digits.
    pub number: String,
    /// The user's own name for it when they saved it; empty otherwise.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedLine {
    pub sku: String,
    pub packs: u32,
    pub name: Translated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedOrder {
    pub order_number: String,
    pub created_at: DateTime<Utc>,
    pub status: OrderStatus,
    pub account_number: String,
    pub company: String,
    pub contact_person: String,
    pub street: String,
    pub number: String,
    pub box_number: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub ordered_by: String,
    pub tracking_number: Option<String>,
    pub lines: Vec<ExportedLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryExport {
    pub orders: Vec<ExportedOrder>,
    /// More orders matched than one export holds; narrow the filters.
    pub truncated: bool,
}
