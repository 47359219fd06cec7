//! The history export: every visible order matching the history's filters, in its order, with
//! its lines (item names in every language, also for items no longer sold) and delivery address,
//! so customers can keep records for longer than the service keeps orders.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};
use utoipa::{IntoParams, ToSchema};

use super::history::{self, Direction, HistoryQuery, SortColumn};
use crate::accounts::SignedIn;
use crate::catalogue::Translated;
use crate::error::ServiceError;
use crate::esecure::Requester;

/// At most this many orders in one export (more than 30 days of a busy account).
pub const EXPORT_MAX_ORDERS: i64 = 10_000;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ExportQuery {
    pub sort: SortColumn,
    pub direction: Direction,
    pub status: Option<String>,
    pub account_number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ExportedLine {
    pub sku: String,
    pub packs: u32,
    pub name: Translated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::FromRow)]
pub struct ExportedOrder {
    #[serde(skip)]
    pub id: i64,
    pub order_number: String,
    pub created_at: DateTime<Utc>,
    pub status: String,
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
    #[sqlx(skip)]
    pub lines: Vec<ExportedLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HistoryExport {
    pub orders: Vec<ExportedOrder>,
    /// More orders matched than one export holds; narrow the filters.
    pub truncated: bool,
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
    pool: &SqlitePool,
    user: &SignedIn,
    query: &ExportQuery,
) -> Result<HistoryExport, ServiceError> {
    let filters = HistoryQuery {
        sort: query.sort,
        direction: query.direction,
        status: query.status.clone(),
        account_number: query.account_number.clone(),
        limit: None,
        offset: None,
    };
    history::check_filters(&filters)?;
    let requester = Requester::of(user);
    let mut rows = QueryBuilder::<Sqlite>::new(
        "SELECT o.id AS id, o.order_number AS order_number, o.created_at AS created_at,
                o.status AS status, o.account_number AS account_number, o.company AS company,
                o.contact_person AS contact_person, o.street AS street, o.number AS number,
                o.box_number AS box_number, o.postal_code AS postal_code, o.city AS city,
                o.country AS country, o.ordered_by_name AS ordered_by,
                o.tracking_number AS tracking_number",
    );
    history::visible_to(&mut rows, user, &requester, &filters);
    history::order_by(&mut rows, &filters);
    rows.push(" LIMIT ").push_bind(EXPORT_MAX_ORDERS + 1);
    let mut orders = rows
        .build_query_as::<ExportedOrder>()
        .fetch_all(pool)
        .await?;
    let truncated = orders.len() as i64 > EXPORT_MAX_ORDERS;
    orders.truncate(EXPORT_MAX_ORDERS as usize);

    let mut lines = QueryBuilder::<Sqlite>::new(
        "SELECT l.order_id AS order_id, l.sku AS sku, l.packs AS packs,
                json_extract(c.definition, '$.name.nl') AS name_nl,
                json_extract(c.definition, '$.name.en') AS name_en,
                json_extract(c.definition, '$.name.fr') AS name_fr
         FROM order_lines l JOIN catalogue_items c ON c.sku = l.sku
         WHERE l.order_id IN (SELECT o.id",
    );
    history::visible_to(&mut lines, user, &requester, &filters);
    lines.push(") ORDER BY l.order_id, c.position");
    let mut by_order: HashMap<i64, Vec<ExportedLine>> = HashMap::new();
    for line in lines.build_query_as::<LineRow>().fetch_all(pool).await? {
        let exported = ExportedLine {
            name: Translated::or_sku(&line.sku, line.name_nl, line.name_en, line.name_fr),
            sku: line.sku,
            packs: u32::try_from(line.packs).unwrap_or(0),
        };
        by_order.entry(line.order_id).or_default().push(exported);
    }
    for order in &mut orders {
        order.lines = by_order.remove(&order.id).unwrap_or_default();
    }
    Ok(HistoryExport { orders, truncated })
}
