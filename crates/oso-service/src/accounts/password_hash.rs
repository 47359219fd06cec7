//! argon2id password hashes (m = 19456 KiB, t = 2, p = 1, OWASP's minimum), computed off the
//! async threads. The parameters are stored in each PHC string, so they can be raised later and
//! old hashes still verify.

use std::sync::OnceLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::secret::SecretString;

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("argon2: {0}")]
    Argon2(String),
    #[error("the hashing task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

fn hasher() -> Argon2<'static> {
    // The parameters are constants that argon2 accepts; a failure would be a programming error
    // caught by the tests, so fall back to the crate's defaults (the same algorithm) rather than
    // panicking.
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub async fn hash_password(password: &SecretString) -> Result<String, HashError> {
    let password = password.clone();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|error| HashError::Argon2(error.to_string()))
    })
    .await?
}

/// Checks `password` against `stored`. With no stored hash (an unknown e-mail), a dummy hash is
/// checked instead, so the answer takes as long as for a real account.
pub async fn verify_password(
    password: &SecretString,
    stored: Option<String>,
) -> Result<bool, HashError> {
    let password = password.clone();
    tokio::task::spawn_blocking(move || {
        let (stored, real) = match stored {
            Some(stored) => (stored, true),
            None => (dummy_hash().to_owned(), false),
        };
        let parsed =
            PasswordHash::new(&stored).map_err(|error| HashError::Argon2(error.to_string()))?;
        // Parameters come from the stored hash, so older, weaker hashes still verify.
        let matches = Argon2::default()
            .verify_password(password.expose().as_bytes(), &parsed)
            .is_ok();
        Ok(real && matches)
    })
    .await?
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(b"no account has this password", &salt)
            .map(|hash| hash.to_string())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let password = SecretString::new("correct horse battery staple");
        let hash = hash_password(&password).await.expect("hashes");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password(&password, Some(hash.clone()))
            .await
            .expect("verifies"));
        let wrong = SecretString::new("correct horse battery stapler");
        assert!(!verify_password(&wrong, Some(hash)).await.expect("verifies"));
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        let password = SecretString::new("no account has this password");
        assert!(!verify_password(&password, None).await.expect("verifies"));
    }
}
