//! The history export: every visible order matching the history's filters, in its order, with
//! its lines (item names in every language, also for items no longer sold) and delivery address,
//! so customers can keep records for longer than the service keeps orders.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use oso_core::OrderStatus;
use sqlx::{Encode, Postgres, QueryBuilder, Sqlite, Type};

pub use oso_api::orders::{ExportQuery, ExportedLine, ExportedOrder, HistoryExport};

use super::history::{self, HistoryQuery};
use crate::accounts::SignedIn;
use crate::catalogue::Translated;
use crate::database::{Database, Dialect};
use crate::error::ServiceError;
use crate::esecure::Requester;

/// At most this many orders in one export (more than 30 days of a busy account).
pub const EXPORT_MAX_ORDERS: i64 = 10_000;

/// An exported order as read, with the id its lines are found by.
#[derive(sqlx::FromRow)]
struct OrderRow {
    id: i64,
    order_number: String,
    created_at: DateTime<Utc>,
    status: OrderStatus,
    account_number: String,
    company: String,
    contact_person: String,
    street: String,
    number: String,
    box_number: Option<String>,
    postal_code: String,
    city: String,
    country: String,
    ordered_by: String,
    tracking_number: Option<String>,
}

impl OrderRow {
    fn exported(self, lines: Vec<ExportedLine>) -> ExportedOrder {
        ExportedOrder {
            order_number: self.order_number,
            created_at: self.created_at,
            status: self.status,
            account_number: self.account_number,
            company: self.company,
            contact_person: self.contact_person,
            street: self.street,
            number: self.number,
            box_number: self.box_number,
            postal_code: self.postal_code,
            city: self.city,
            country: self.country,
            ordered_by: self.ordered_by,
            tracking_number: self.tracking_number,
            lines,
        }
    }
}

#[derive(sqlx::FromRow)]
struct LineRow {
    order_id: i64,
    sku: String,
    packs: i64,
    name_nl: Option<String>,
    name_en: Option<String>,
    name_fr: Option<String>,
}

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn export(
    database: &Database,
    user: &SignedIn,
    query: &ExportQuery,
) -> Result<HistoryExport, ServiceError> {
    let filters = HistoryQuery {
        sort: query.sort,
        direction: query.direction,
        status: query.status.clone(),
        account_number: query.account_number.clone(),
        search: query.search.clone(),
        created_from: query.created_from,
        created_before: query.created_before,
        limit: None,
        after: None,
        count: None,
    };
    history::check_filters(&filters)?;
    let requester = Requester::of(user);
    let (mut orders, lines): (Vec<OrderRow>, Vec<LineRow>) = match database {
        Database::Sqlite(pool) => {
            let (mut orders, mut lines) = export_queries::<Sqlite>(user, &requester, &filters);
            let orders = orders.build_query_as().fetch_all(pool).await?;
            (orders, lines.build_query_as().fetch_all(pool).await?)
        }
        Database::Postgres(pool) => {
            let (mut orders, mut lines) = export_queries::<Postgres>(user, &requester, &filters);
            let orders = orders.build_query_as().fetch_all(pool).await?;
            (orders, lines.build_query_as().fetch_all(pool).await?)
        }
    };
    let truncated = orders.len() as i64 > EXPORT_MAX_ORDERS;
    orders.truncate(EXPORT_MAX_ORDERS as usize);
    let mut by_order: HashMap<i64, Vec<ExportedLine>> = HashMap::new();
    for line in lines {
        let exported = ExportedLine {
            name: Translated::or_sku(&line.sku, line.name_nl, line.name_en, line.name_fr),
            sku: line.sku,
            packs: u32::try_from(line.packs).unwrap_or(0),
        };
        by_order.entry(line.order_id).or_default().push(exported);
    }
    let orders = orders
        .into_iter()
        .map(|order| {
            let lines = by_order.remove(&order.id).unwrap_or_default();
            order.exported(lines)
        })
        .collect();
    Ok(HistoryExport { orders, truncated })
}

/// The visible orders the filters select (one more than exported, to tell a cut), and their lines.
fn export_queries<'a, DB>(
    user: &SignedIn,
    requester: &'a Requester,
    filters: &'a HistoryQuery,
) -> (QueryBuilder<'a, DB>, QueryBuilder<'a, DB>)
where
    DB: Dialect,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
    DateTime<Utc>: Encode<'a, DB> + Type<DB>,
{
    let mut orders = QueryBuilder::<DB>::new(
        "SELECT o.id AS id, o.order_number AS order_number, o.created_at AS created_at,
                o.status AS status, o.account_number AS account_number, o.company AS company,
                o.contact_person AS contact_person, o.street AS street, o.number AS number,
                o.box_number AS box_number, o.postal_code AS postal_code, o.city AS city,
                o.country AS country, o.ordered_by_name AS ordered_by,
                o.tracking_number AS tracking_number",
    );
    history::visible_to(&mut orders, user, requester, filters);
    history::order_by(&mut orders, filters);
    orders.push(" LIMIT ").push_bind(EXPORT_MAX_ORDERS + 1);

    let name = |language| DB::json_text("c.definition", &["name", language]);
    let mut lines = QueryBuilder::<DB>::new(format!(
        "SELECT l.order_id AS order_id, l.sku AS sku, l.packs AS packs,
                {} AS name_nl, {} AS name_en, {} AS name_fr
         FROM order_lines l JOIN catalogue_items c ON c.sku = l.sku
         WHERE l.order_id IN (SELECT o.id",
        name("nl"),
        name("en"),
        name("fr"),
    ));
    history::visible_to(&mut lines, user, requester, filters);
    lines.push(") ORDER BY l.order_id, c.position");
    (orders, lines)
}
