//! Offline copies of the signed-in user's lists (saved account numbers, addresses), and
//! removing everything personal this desktop holds.

use chrono::{DateTime, Utc};

use super::{LocalStore, LocalStoreError};

impl LocalStore {
    pub async fn cache_put(
        &self,
        key: &str,
        body: &str,
        fetched_at: DateTime<Utc>,
    ) -> Result<(), LocalStoreError> {
        sqlx::query!(
            "INSERT INTO service_cache (key, body, fetched_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at",
            key,
            body,
            fetched_at
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn cache_get(&self, key: &str) -> Result<Option<String>, LocalStoreError> {
        Ok(
            sqlx::query_scalar!("SELECT body FROM service_cache WHERE key = ?1", key)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Sign-out: the next user of this desktop must not see these lists.
    #[tracing::instrument(skip_all, err)]
    pub async fn clear_cached_lists(&self) -> Result<(), LocalStoreError> {
        sqlx::query!("DELETE FROM service_cache")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// "Forget me": the cached lists and every draft and queued order go, and the freed pages
    /// are overwritten (secure_delete) and checkpointed out of the write-ahead log.
    #[tracing::instrument(skip_all, err)]
    pub async fn forget_personal_data(&self) -> Result<(), LocalStoreError> {
        self.clear_cached_lists().await?;
        sqlx::query!("DELETE FROM drafts")
            .execute(&self.pool)
            .await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
