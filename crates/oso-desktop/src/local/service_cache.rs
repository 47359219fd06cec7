//! Offline copies of a login's lists (profile, saved account numbers, addresses, history pages),
//! each kept under its owner so no other login ever reads them, and removing everything
//! personal this desktop holds.

use chrono::{DateTime, Utc};

use super::{LocalStore, LocalStoreError};
use crate::owner::UserId;

impl LocalStore {
    pub async fn cache_put(
        &self,
        owner: &UserId,
        key: &str,
        body: &str,
        fetched_at: DateTime<Utc>,
    ) -> Result<(), LocalStoreError> {
        let owner = owner.as_str();
        sqlx::query!(
            "INSERT INTO service_cache (owner, key, body, fetched_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (owner, key) DO UPDATE SET body = excluded.body,
                                                    fetched_at = excluded.fetched_at",
            owner,
            key,
            body,
            fetched_at
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn cache_get(
        &self,
        owner: &UserId,
        key: &str,
    ) -> Result<Option<String>, LocalStoreError> {
        let owner = owner.as_str();
        Ok(sqlx::query_scalar!(
            "SELECT body FROM service_cache WHERE owner = ?1 AND key = ?2",
            owner,
            key
        )
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A session ended (sign-out, expiry, "forget me"): no login's copies stay behind.
    #[tracing::instrument(skip_all, err)]
    pub async fn clear_cached_lists(&self) -> Result<(), LocalStoreError> {
        sqlx::query!("DELETE FROM service_cache")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// "Forget me": the cached lists, every draft and queued order of `owner` and its last
    /// delivery address go, and the
    /// freed pages are overwritten (secure_delete) and checkpointed out of the write-ahead log.
    #[tracing::instrument(skip_all, err)]
    pub async fn forget_personal_data(&self, owner: &UserId) -> Result<(), LocalStoreError> {
        self.clear_cached_lists().await?;
        self.forget_drafts_of(owner).await?;
        self.forget_last_address_of(owner).await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_logins_offline_copies_are_not_read_for_another_login() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = LocalStore::open(&dir.path().join("local.sqlite3"))
            .await
            .expect("opens");
        let ann = UserId::parse("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1").expect("id");
        let bob = UserId::parse("b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2").expect("id");
        store
            .cache_put(&ann, "addresses", r#"[{"company":"Zebra"}]"#, Utc::now())
            .await
            .expect("kept");

        assert_eq!(
            store.cache_get(&bob, "addresses").await.expect("reads"),
            None
        );
        assert!(store
            .cache_get(&ann, "addresses")
            .await
            .expect("reads")
            .is_some());
        store.clear_cached_lists().await.expect("cleared");
        assert_eq!(
            store.cache_get(&ann, "addresses").await.expect("reads"),
            None
        );
    }
}
