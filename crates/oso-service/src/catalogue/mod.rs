//! The supplies catalogue: `catalogue/catalogue.json` (compiled in) is loaded at every start and
//! upserted by SKU. Items that left the file are marked as no longer sold, never deleted, because
//! past orders refer to them. The whole-order maximum is part of the file.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
pub use oso_api::catalogue::{Catalogue, Category, Item, Size, Translated};
use oso_service_postgres::catalogue as postgres;

use crate::database::{Conn, Database};

/// The catalogue shipped with this build.
pub const SHIPPED: &str = include_str!("../../catalogue/catalogue.json");

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("the catalogue file is not valid JSON for a catalogue: {0}")]
    Parse(#[from] serde_json::Error),
    #[error("the catalogue file is inconsistent: {0}")]
    Inconsistent(String),
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

/// Parses and checks a catalogue file: unique SKUs, known categories and sizes, limits > 0.
pub fn parse(json: &str) -> Result<Catalogue, CatalogueError> {
    let catalogue: Catalogue = serde_json::from_str(json)?;
    let categories: HashSet<_> = catalogue.categories.iter().map(|c| c.id.as_str()).collect();
    let sizes: HashSet<_> = catalogue.sizes.iter().map(|s| s.id.as_str()).collect();
    let mut skus = HashSet::new();
    let problem = |text: String| Err(CatalogueError::Inconsistent(text));
    if catalogue.order_max_packs == 0 {
        return problem("order_max_packs is 0".into());
    }
    for item in &catalogue.items {
        if !skus.insert(item.sku.as_str()) {
            return problem(format!("SKU {} appears twice", item.sku));
        }
        if !categories.contains(item.category.as_str()) {
            return problem(format!("{}: unknown category {}", item.sku, item.category));
        }
        if let Some(size) = &item.size {
            if !sizes.contains(size.as_str()) {
                return problem(format!("{}: unknown size {size}", item.sku));
            }
        }
        if item.max_packs_per_order == 0 || item.units_per_pack == 0 {
            return problem(format!("{}: a limit or pack size is 0", item.sku));
        }
    }
    Ok(catalogue)
}

/// Stores `catalogue`: upserts its items, marks the others as no longer sold, keeps the rest.
#[tracing::instrument(skip_all, fields(items = catalogue.items.len()), err)]
pub async fn load(
    database: &Database,
    catalogue: &Catalogue,
    now: DateTime<Utc>,
) -> Result<(), CatalogueError> {
    let frame = serde_json::to_string(&Catalogue {
        items: Vec::new(),
        ..catalogue.clone()
    })?;
    let mut tx = database.begin_write().await?;
    match tx.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!("UPDATE catalogue_items SET sold = 0")
                .execute(&mut *conn)
                .await?;
        }
        Conn::Postgres(conn) => postgres::mark_all_unsold(conn).await?,
    }
    for (position, item) in catalogue.items.iter().enumerate() {
        let definition = serde_json::to_string(item)?;
        let row = postgres::ItemRow {
            sku: &item.sku,
            category: &item.category,
            size: item.size.as_deref(),
            definition: &definition,
            max_packs_per_order: i64::from(item.max_packs_per_order),
            position: i64::try_from(position).unwrap_or(i64::MAX),
        };
        match tx.conn() {
            Conn::Sqlite(conn) => {
                sqlx::query!(
                    "INSERT INTO catalogue_items (sku, category, size, definition,
                                                  max_packs_per_order, sold, position, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)
                     ON CONFLICT (sku) DO UPDATE SET category = excluded.category,
                         size = excluded.size, definition = excluded.definition,
                         max_packs_per_order = excluded.max_packs_per_order, sold = 1,
                         position = excluded.position, updated_at = excluded.updated_at",
                    row.sku,
                    row.category,
                    row.size,
                    row.definition,
                    row.max_packs_per_order,
                    row.position,
                    now
                )
                .execute(conn)
                .await?;
            }
            Conn::Postgres(conn) => postgres::upsert_item(conn, &row, now).await?,
        }
    }
    match tx.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "INSERT INTO catalogue_meta (key, value) VALUES ('frame', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                frame
            )
            .execute(conn)
            .await?;
        }
        Conn::Postgres(conn) => postgres::set_meta(conn, "frame", &frame).await?,
    }
    tx.commit().await?;
    Ok(())
}

/// The catalogue as sold now, parsed once per change rather than once per order: every order
/// checks its lines against it and names them in its e-mail. The database stays the truth; a
/// trigger-kept counter (`catalogue_meta.version`) says when the copy must be read again.
#[derive(Debug, Clone, Default)]
pub struct CatalogueCache {
    copy: Arc<Mutex<Option<KeptCatalogue>>>,
}

/// The version it was read at, and the catalogue.
type KeptCatalogue = (String, Arc<Catalogue>);

impl CatalogueCache {
    pub async fn current(&self, database: &Database) -> Result<Arc<Catalogue>, CatalogueError> {
        // The counter is read before the catalogue: a change in between makes the copy look
        // older than it is (read again next time), never newer.
        let version = meta(database, "version").await?.unwrap_or_default();
        if let Some((seen, catalogue)) = self.lock().as_ref() {
            if *seen == version {
                return Ok(Arc::clone(catalogue));
            }
        }
        let catalogue = Arc::new(read_sold(database).await?);
        *self.lock() = Some((version, Arc::clone(&catalogue)));
        Ok(catalogue)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<KeptCatalogue>> {
        // A panic while holding the lock cannot leave half a copy: only whole values are stored.
        self.copy.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A value of `catalogue_meta` (`version`, `frame`).
async fn meta(database: &Database, key: &str) -> Result<Option<String>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!("SELECT value FROM catalogue_meta WHERE key = ?1", key)
                .fetch_optional(conn)
                .await
        }
        Conn::Postgres(conn) => postgres::meta(conn, key).await,
    }
}

/// The stored frame (limits, categories, sizes) with the sold items.
#[tracing::instrument(skip_all, err)]
async fn read_sold(database: &Database) -> Result<Catalogue, CatalogueError> {
    let frame = meta(database, "frame")
        .await?
        .ok_or_else(|| CatalogueError::Inconsistent("no catalogue loaded".into()))?;
    let mut catalogue: Catalogue = serde_json::from_str(&frame)?;
    let mut pooled = database.acquire().await?;
    let definitions = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!(
                "SELECT definition FROM catalogue_items WHERE sold = 1 ORDER BY position"
            )
            .fetch_all(conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::sold_definitions(conn).await?,
    };
    catalogue.items = definitions
        .iter()
        .map(|definition| serde_json::from_str(definition))
        .collect::<Result<_, _>>()?;
    Ok(catalogue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::database::testing::TestDatabase;

    /// What an operator's SQL might do behind the service's back.
    async fn change_behind_the_service(
        database: &Database,
        sqlite: &str,
        postgres: &str,
        sku: &str,
    ) {
        let mut pooled = database.acquire().await.expect("connects");
        match pooled.conn() {
            Conn::Sqlite(conn) => sqlx::query(sqlite).bind(sku).execute(conn).await.map(drop),
            Conn::Postgres(conn) => sqlx::query(postgres)
                .bind(sku)
                .execute(conn)
                .await
                .map(drop),
        }
        .expect("changed");
    }

    async fn the_kept_catalogue_is_reused_until_the_database_changes_however_it_changes(
        db: TestDatabase,
    ) {
        let database = &db.database;
        let shipped = parse(SHIPPED).expect("catalogue");
        load(database, &shipped, Utc::now()).await.expect("loaded");
        // Loading again (another instance starting) changes nothing but the version.
        load(database, &shipped, Utc::now())
            .await
            .expect("loaded again");
        let cache = CatalogueCache::default();
        let first = cache.current(database).await.expect("read");
        assert_eq!(first.items.len(), shipped.items.len());
        let again = cache.current(database).await.expect("kept");
        assert!(Arc::ptr_eq(&first, &again), "unchanged: not parsed again");

        let gone = &shipped.items[0].sku;
        change_behind_the_service(
            database,
            "UPDATE catalogue_items SET sold = 0 WHERE sku = ?1",
            "UPDATE catalogue_items SET sold = FALSE WHERE sku = $1",
            gone,
        )
        .await;
        let after = cache.current(database).await.expect("read again");
        assert_eq!(after.items.len(), shipped.items.len() - 1);
        assert!(after.items.iter().all(|item| &item.sku != gone));

        change_behind_the_service(
            database,
            "UPDATE catalogue_meta SET value = json_set(value, '$.order_max_packs', 7)
             WHERE key = 'frame' AND ?1 IS NOT NULL",
            "UPDATE catalogue_meta SET value = jsonb_set(value::jsonb, '{order_max_packs}', '7')::text
             WHERE key = 'frame' AND $1::text IS NOT NULL",
            gone,
        )
        .await;
        assert_eq!(
            cache
                .current(database)
                .await
                .expect("frame")
                .order_max_packs,
            7
        );
    }

    crate::database::testing::on_both_engines!(
        the_kept_catalogue_is_reused_until_the_database_changes_however_it_changes,
    );

    #[test]
    fn the_shipped_catalogue_is_consistent_and_large_enough() {
        let catalogue = parse(SHIPPED).expect("the shipped catalogue is valid");
        assert!(
            catalogue.items.len() >= 30,
            "{} items",
            catalogue.items.len()
        );
        for category in &catalogue.categories {
            let count = catalogue
                .items
                .iter()
                .filter(|item| item.category == category.id)
                .count();
            assert!(count >= 3, "{} has {count} items", category.id);
        }
        for item in &catalogue.items {
            for text in [&item.name, &item.description, &item.material] {
                assert!(
                    !text.nl.is_empty() && !text.en.is_empty() && !text.fr.is_empty(),
                    "{}",
                    item.sku
                );
            }
        }
    }

    #[test]
    fn a_duplicate_sku_is_refused() {
        let mut catalogue = parse(SHIPPED).expect("valid");
        let first = catalogue.items[0].clone();
        catalogue.items.push(first);
        let json = serde_json::to_string(&catalogue).expect("json");
        assert!(matches!(parse(&json), Err(CatalogueError::Inconsistent(_))));
    }

    #[test]
    fn an_unknown_category_is_refused() {
        let mut catalogue = parse(SHIPPED).expect("valid");
        catalogue.items[0].category = "spaceships".into();
        let json = serde_json::to_string(&catalogue).expect("json");
        assert!(matches!(parse(&json), Err(CatalogueError::Inconsistent(_))));
    }
}
