//! Every OS-keyring call: the session token lives there and nowhere else on disk. Without a
//! keyring (no Secret Service), the session is kept in memory only and the UI says so.

use std::path::Path;

use oso_core::SecretString;

/// The keyring "service" under which OSO stores its entries.
const KEYRING_SERVICE: &str = "eu.oso.desktop";

/// How long start-up waits for the keyring to answer its first question.
const PROBE_PATIENCE: std::time::Duration = std::time::Duration::from_secs(3);

#[derive(Debug, Clone)]
pub struct SessionVault {
    account: String,
    available: bool,
}

#[derive(Debug, thiserror::Error)]
#[error("keyring: {0}")]
pub struct VaultError(String);

impl SessionVault {
    /// One entry per data directory, so side-by-side profiles (and tests) never share a session.
    pub async fn open(data_dir: &Path) -> Self {
        let account = format!("session:{}", data_dir.display());
        let probe_account = account.clone();
        let probe = tokio::task::spawn_blocking(move || {
            match keyring::Entry::new(KEYRING_SERVICE, &probe_account)
                .and_then(|entry| entry.get_password())
            {
                Ok(_) | Err(keyring::Error::NoEntry) => true,
                Err(error) => {
                    tracing::warn!(%error, "no usable OS keyring: the session will be kept in memory only");
                    false
                }
            }
        });
        // A Secret Service that does not answer must not hold up the window.
        let available = match tokio::time::timeout(PROBE_PATIENCE, probe).await {
            Ok(answer) => answer.unwrap_or(false),
            Err(_) => {
                tracing::warn!(
                    "the OS keyring did not answer: the session will be kept in memory only"
                );
                false
            }
        };
        Self { account, available }
    }

    pub fn is_available(&self) -> bool {
        self.available
    }

    fn entry(&self) -> Result<keyring::Entry, VaultError> {
        keyring::Entry::new(KEYRING_SERVICE, &self.account)
            .map_err(|error| VaultError(error.to_string()))
    }

    pub async fn load(&self) -> Result<Option<SecretString>, VaultError> {
        if !self.available {
            return Ok(None);
        }
        let entry = self.entry()?;
        let found = tokio::task::spawn_blocking(move || entry.get_password())
            .await
            .map_err(|error| VaultError(error.to_string()))?;
        match found {
            Ok(token) => Ok(Some(SecretString::new(token))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(VaultError(error.to_string())),
        }
    }

    pub async fn store(&self, token: &SecretString) -> Result<(), VaultError> {
        if !self.available {
            return Ok(());
        }
        let entry = self.entry()?;
        let token = token.clone();
        tokio::task::spawn_blocking(move || entry.set_password(token.expose()))
            .await
            .map_err(|error| VaultError(error.to_string()))?
            .map_err(|error| VaultError(error.to_string()))
    }

    pub async fn delete(&self) -> Result<(), VaultError> {
        if !self.available {
            return Ok(());
        }
        let entry = self.entry()?;
        let deleted = tokio::task::spawn_blocking(move || entry.delete_credential())
            .await
            .map_err(|error| VaultError(error.to_string()))?;
        match deleted {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(VaultError(error.to_string())),
        }
    }
}
