//! This installation's preferences, one row each in `settings`.

use oso_core::Language;

use super::{LocalStore, LocalStoreError};

const LANGUAGE: &str = "ui_language";

impl LocalStore {
    /// The display language chosen on this desktop, if one was ever chosen.
    #[tracing::instrument(skip(self), err)]
    pub async fn ui_language(&self) -> Result<Option<Language>, LocalStoreError> {
        let stored = sqlx::query_scalar!("SELECT value FROM settings WHERE key = ?1", LANGUAGE)
            .fetch_optional(&self.pool)
            .await?;
        stored
            .map(|code| code.parse().map_err(|_| LocalStoreError::Corrupt(code)))
            .transpose()
    }

    #[tracing::instrument(skip(self), err)]
    pub async fn set_ui_language(&self, language: Language) -> Result<(), LocalStoreError> {
        let code = language.code();
        sqlx::query!(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            LANGUAGE,
            code
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_chosen_language_is_remembered_across_reopening() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("local.sqlite3");
        let store = LocalStore::open(&path).await.expect("opens");
        assert_eq!(store.ui_language().await.expect("reads"), None);

        store.set_ui_language(Language::Fr).await.expect("writes");
        store
            .set_ui_language(Language::Nl)
            .await
            .expect("overwrites");
        drop(store);

        let reopened = LocalStore::open(&path).await.expect("reopens");
        assert_eq!(
            reopened.ui_language().await.expect("reads"),
            Some(Language::Nl)
        );
    }
}
