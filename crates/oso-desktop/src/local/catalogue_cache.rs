//! The offline copy of the catalogue.

use chrono::{DateTime, Utc};

use super::{LocalStore, LocalStoreError};

impl LocalStore {
    #[tracing::instrument(skip_all, err)]
    pub async fn cached_catalogue(&self) -> Result<Option<String>, LocalStoreError> {
        Ok(
            sqlx::query_scalar!("SELECT body FROM catalogue_cache WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    #[tracing::instrument(skip_all, err)]
    pub async fn cache_catalogue(
        &self,
        body: &str,
        fetched_at: DateTime<Utc>,
    ) -> Result<(), LocalStoreError> {
        sqlx::query!(
            "INSERT INTO catalogue_cache (id, body, fetched_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at",
            body,
            fetched_at
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
