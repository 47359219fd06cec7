//! This installation's preferences, one row each in `settings`.

use oso_core::Language;

use super::{LocalStore, LocalStoreError};

const LANGUAGE: &str = "ui_language";
/// "Keep running in the tray when the window is closed"; absent until the user chooses.
const KEEP_IN_TRAY: &str = "keep_in_tray";
/// The window's zoom level (see [`crate::zoom`]); absent at 100 %.
const ZOOM: &str = "zoom";

impl LocalStore {
    // Every setting goes through these two statements, so one prepared query serves them all.
    async fn setting(&self, key: &str) -> Result<Option<String>, LocalStoreError> {
        Ok(
            sqlx::query_scalar!("SELECT value FROM settings WHERE key = ?1", key)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn set_setting(&self, key: &str, value: &str) -> Result<(), LocalStoreError> {
        sqlx::query!(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            key,
            value
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The display language chosen on this desktop, if one was ever chosen.
    #[tracing::instrument(skip(self), err)]
    pub async fn ui_language(&self) -> Result<Option<Language>, LocalStoreError> {
        self.setting(LANGUAGE)
            .await?
            .map(|code| code.parse().map_err(|_| LocalStoreError::Corrupt(code)))
            .transpose()
    }

    #[tracing::instrument(skip(self), err)]
    pub async fn set_ui_language(&self, language: Language) -> Result<(), LocalStoreError> {
        self.set_setting(LANGUAGE, language.code()).await
    }

    /// Whether closing the window keeps OSO in the tray; `None` until the user has chosen.
    #[tracing::instrument(skip(self), err)]
    pub async fn keep_in_tray(&self) -> Result<Option<bool>, LocalStoreError> {
        self.setting(KEEP_IN_TRAY)
            .await?
            .map(|value| match value.as_str() {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(LocalStoreError::Corrupt(value)),
            })
            .transpose()
    }

    /// The zoom level chosen last; 1.0 until one is.
    pub async fn zoom(&self) -> Result<f64, LocalStoreError> {
        Ok(self
            .setting(ZOOM)
            .await?
            .and_then(|text| crate::zoom::parse_level(&text))
            .unwrap_or(1.0))
    }

    pub async fn set_zoom(&self, level: f64) -> Result<(), LocalStoreError> {
        self.set_setting(ZOOM, &level.to_string()).await
    }

    #[tracing::instrument(skip(self), err)]
    pub async fn set_keep_in_tray(&self, keep: bool) -> Result<(), LocalStoreError> {
        self.set_setting(KEEP_IN_TRAY, if keep { "true" } else { "false" })
            .await
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

    #[tokio::test]
    async fn keeping_oso_in_the_tray_is_unset_until_chosen_and_then_remembered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("local.sqlite3");
        let store = LocalStore::open(&path).await.expect("opens");
        assert_eq!(store.keep_in_tray().await.expect("reads"), None);

        store.set_keep_in_tray(false).await.expect("writes");
        drop(store);

        let reopened = LocalStore::open(&path).await.expect("reopens");
        assert_eq!(reopened.keep_in_tray().await.expect("reads"), Some(false));
        assert_eq!(reopened.ui_language().await.expect("reads"), None);
    }
}
