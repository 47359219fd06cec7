//! `oso_service::catalogue` on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

pub async fn mark_all_unsold(conn: &mut PgConnection) -> Result<(), sqlx::Error> {
    sqlx::query!("UPDATE catalogue_items SET sold = FALSE")
        .execute(conn)
        .await?;
    Ok(())
}

/// An item as the catalogue file describes it, sold again if it was not.
#[derive(Debug, Clone, Copy)]
pub struct ItemRow<'a> {
    pub sku: &'a str,
    pub category: &'a str,
    pub size: Option<&'a str>,
    pub definition: &'a str,
    pub max_packs_per_order: i64,
    pub position: i64,
}

pub async fn upsert_item(
    conn: &mut PgConnection,
    item: &ItemRow<'_>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO catalogue_items (sku, category, size, definition, max_packs_per_order, sold,
                                      position, updated_at)
         VALUES ($1, $2, $3, $4, $5, TRUE, $6, $7)
         ON CONFLICT (sku) DO UPDATE SET category = excluded.category, size = excluded.size,
             definition = excluded.definition, max_packs_per_order = excluded.max_packs_per_order,
             sold = TRUE, position = excluded.position, updated_at = excluded.updated_at",
        item.sku,
        item.category,
        item.size,
        item.definition,
        item.max_packs_per_order,
        item.position,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Stores the catalogue's frame (limits, categories, sizes) under `key`.
pub async fn set_meta(conn: &mut PgConnection, key: &str, value: &str) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO catalogue_meta (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        key,
        value
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn meta(conn: &mut PgConnection, key: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!("SELECT value FROM catalogue_meta WHERE key = $1", key)
        .fetch_optional(conn)
        .await
}

/// The definitions of the items sold now, in the catalogue's order.
pub async fn sold_definitions(conn: &mut PgConnection) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar!("SELECT definition FROM catalogue_items WHERE sold ORDER BY position")
        .fetch_all(conn)
        .await
}
