//! The supplies catalogue: `catalogue/catalogue.json` (compiled in) is loaded at every start and
//! upserted by SKU. Items that left the file are marked as no longer sold, never deleted, because
//! past orders refer to them. The whole-order maximum is part of the file.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
pub use oso_api::catalogue::{Catalogue, Category, Item, Size, Translated};
use sqlx::SqlitePool;

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
    pool: &SqlitePool,
    catalogue: &Catalogue,
    now: DateTime<Utc>,
) -> Result<(), CatalogueError> {
    let mut tx = crate::store::begin_write(pool).await?;
    sqlx::query!("UPDATE catalogue_items SET sold = 0")
        .execute(&mut *tx)
        .await?;
    for (position, item) in catalogue.items.iter().enumerate() {
        let definition = serde_json::to_string(item)?;
        let max = i64::from(item.max_packs_per_order);
        let position = i64::try_from(position).unwrap_or(i64::MAX);
        sqlx::query!(
            "INSERT INTO catalogue_items (sku, category, size, definition, max_packs_per_order, sold, position, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)
             ON CONFLICT (sku) DO UPDATE SET category = excluded.category, size = excluded.size,
                 definition = excluded.definition, max_packs_per_order = excluded.max_packs_per_order,
                 sold = 1, position = excluded.position, updated_at = excluded.updated_at",
            item.sku,
            item.category,
            item.size,
            definition,
            max,
            position,
            now
        )
        .execute(&mut *tx)
        .await?;
    }
    let frame = serde_json::to_string(&Catalogue {
        items: Vec::new(),
        ..catalogue.clone()
    })?;
    sqlx::query!(
        "INSERT INTO catalogue_meta (key, value) VALUES ('frame', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        frame
    )
    .execute(&mut *tx)
    .await?;
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
    pub async fn current(&self, pool: &SqlitePool) -> Result<Arc<Catalogue>, CatalogueError> {
        // The counter is read before the catalogue: a change in between makes the copy look
        // older than it is (read again next time), never newer.
        let version = sqlx::query_scalar!("SELECT value FROM catalogue_meta WHERE key = 'version'")
            .fetch_optional(pool)
            .await?
            .unwrap_or_default();
        if let Some((seen, catalogue)) = self.lock().as_ref() {
            if *seen == version {
                return Ok(Arc::clone(catalogue));
            }
        }
        let catalogue = Arc::new(read_sold(pool).await?);
        *self.lock() = Some((version, Arc::clone(&catalogue)));
        Ok(catalogue)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<KeptCatalogue>> {
        // A panic while holding the lock cannot leave half a copy: only whole values are stored.
        self.copy.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The stored frame (limits, categories, sizes) with the sold items.
#[tracing::instrument(skip_all, err)]
async fn read_sold(pool: &SqlitePool) -> Result<Catalogue, CatalogueError> {
    let frame = sqlx::query_scalar!("SELECT value FROM catalogue_meta WHERE key = 'frame'")
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| CatalogueError::Inconsistent("no catalogue loaded".into()))?;
    let mut catalogue: Catalogue = serde_json::from_str(&frame)?;
    let definitions = sqlx::query_scalar!(
        "SELECT definition FROM catalogue_items WHERE sold = 1 ORDER BY position"
    )
    .fetch_all(pool)
    .await?;
    catalogue.items = definitions
        .iter()
        .map(|definition| serde_json::from_str(definition))
        .collect::<Result<_, _>>()?;
    Ok(catalogue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_kept_catalogue_is_reused_until_the_database_changes_however_it_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let pool = crate::store::open(&dir.path().join("catalogue.sqlite3"))
            .await
            .expect("database");
        let shipped = parse(SHIPPED).expect("catalogue");
        load(&pool, &shipped, Utc::now()).await.expect("loaded");
        let cache = CatalogueCache::default();
        let first = cache.current(&pool).await.expect("read");
        assert_eq!(first.items.len(), shipped.items.len());
        let again = cache.current(&pool).await.expect("kept");
        assert!(Arc::ptr_eq(&first, &again), "unchanged: not parsed again");

        // Changed behind the service's back, as an operator's SQL would.
        let gone = &shipped.items[0].sku;
        sqlx::query("UPDATE catalogue_items SET sold = 0 WHERE sku = ?1")
            .bind(gone)
            .execute(&pool)
            .await
            .expect("unsold");
        let after = cache.current(&pool).await.expect("read again");
        assert_eq!(after.items.len(), shipped.items.len() - 1);
        assert!(after.items.iter().all(|item| &item.sku != gone));

        sqlx::query("UPDATE catalogue_meta SET value = json_set(value, '$.order_max_packs', 7) WHERE key = 'frame'")
            .execute(&pool)
            .await
            .expect("frame changed");
        assert_eq!(
            cache.current(&pool).await.expect("frame").order_max_packs,
            7
        );
    }

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
