//! The delivery address of a login's last placed order, where the next order starts.

use chrono::{DateTime, Utc};
use oso_core::AddressInput;

use super::{LocalStore, LocalStoreError};
use crate::owner::UserId;

impl LocalStore {
    /// `address` was used for an order of `owner` just placed.
    pub async fn set_last_address(
        &self,
        owner: &UserId,
        address: &AddressInput,
        used_at: DateTime<Utc>,
    ) -> Result<(), LocalStoreError> {
        let owner = owner.as_str();
        let body = serde_json::to_string(address)
            .map_err(|error| LocalStoreError::Corrupt(error.to_string()))?;
        sqlx::query!(
            "INSERT INTO last_addresses (owner, body, used_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (owner) DO UPDATE SET body = excluded.body, used_at = excluded.used_at",
            owner,
            body,
            used_at
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The address of `owner`'s last placed order, if any (an unreadable one counts as none:
    /// it only saves typing).
    pub async fn last_address(
        &self,
        owner: &UserId,
    ) -> Result<Option<AddressInput>, LocalStoreError> {
        let owner = owner.as_str();
        let body = sqlx::query_scalar!("SELECT body FROM last_addresses WHERE owner = ?1", owner)
            .fetch_optional(&self.pool)
            .await?;
        Ok(body.and_then(|body| serde_json::from_str(&body).ok()))
    }

    pub(super) async fn forget_last_address_of(
        &self,
        owner: &UserId,
    ) -> Result<(), LocalStoreError> {
        let owner = owner.as_str();
        sqlx::query!("DELETE FROM last_addresses WHERE owner = ?1", owner)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(street: &str) -> AddressInput {
        AddressInput {
            company: "Zebra Parcels BV".into(),
            street: street.into(),
            ..AddressInput::default()
        }
    }

    #[tokio::test]
    async fn the_last_address_is_the_newest_one_and_only_its_owners() {
        let dir = tempfile::tempdir().expect("dir");
        let local = LocalStore::open(&dir.path().join("local.sqlite3"))
            .await
            .expect("store");
        let (ann, bob) = (
            UserId::parse("ann").expect("id"),
            UserId::parse("bob").expect("id"),
        );
        assert_eq!(local.last_address(&ann).await.expect("read"), None);
        local
            .set_last_address(&ann, &address("Meir"), Utc::now())
            .await
            .expect("kept");
        local
            .set_last_address(&ann, &address("Kouter"), Utc::now())
            .await
            .expect("kept");
        assert_eq!(
            local.last_address(&ann).await.expect("read"),
            Some(address("Kouter"))
        );
        assert_eq!(local.last_address(&bob).await.expect("read"), None);
        local.forget_personal_data(&ann).await.expect("forgotten");
        assert_eq!(local.last_address(&ann).await.expect("read"), None);
    }
}
