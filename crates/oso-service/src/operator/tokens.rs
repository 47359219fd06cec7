//! Operator tokens: made and revoked with `oso-service operators …` on the data directory, shown
//! once, kept only as SHA-256 hashes. They open `/api/v1/operator/…` and nothing else; a
//! customer's session token opens none of it.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqlitePool;

use crate::accounts::tokens;
use oso_core::SecretString;

/// Operator tokens start with this, so a leaked one is recognisable (and greppable) as such.
const PREFIX: &str = "oso_op_";

#[derive(Debug, thiserror::Error)]
pub enum OperatorTokenError {
    #[error("an operator name is 1 to 64 letters, digits, dots, dashes or underscores")]
    InvalidName,
    #[error("an operator named {0:?} already has a token; revoke it first")]
    NameTaken(String),
    #[error("no operator named {0:?} has a token")]
    UnknownName(String),
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

/// The operator a request was made by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperatorIdentity {
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OperatorTokenRow {
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

fn checked_name(name: &str) -> Result<&str, OperatorTokenError> {
    let name = name.trim();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    if name.is_empty() || name.len() > 64 || !name.chars().all(allowed) {
        return Err(OperatorTokenError::InvalidName);
    }
    Ok(name)
}

/// Makes a token for `name`; the only time it is ever shown.
#[tracing::instrument(skip(pool), err(level = "info"))]
pub async fn create(
    pool: &SqlitePool,
    name: &str,
    now: DateTime<Utc>,
) -> Result<SecretString, OperatorTokenError> {
    let name = checked_name(name)?;
    let token = SecretString::new(format!("{PREFIX}{}", tokens::new_token().expose()));
    let hash = tokens::hash(token.expose());
    // A revoked name may be used again: its old row goes.
    sqlx::query("DELETE FROM operator_tokens WHERE name = ?1 AND revoked_at IS NOT NULL")
        .bind(name)
        .execute(pool)
        .await?;
    let inserted = sqlx::query(
        "INSERT INTO operator_tokens (name, token_hash, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(hash)
    .bind(now)
    .execute(pool)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(OperatorTokenError::NameTaken(name.to_owned()));
    }
    Ok(token)
}

/// Revokes `name`'s token at once.
#[tracing::instrument(skip(pool), err(level = "info"))]
pub async fn revoke(
    pool: &SqlitePool,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(), OperatorTokenError> {
    let revoked = sqlx::query(
        "UPDATE operator_tokens SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL",
    )
    .bind(name.trim())
    .bind(now)
    .execute(pool)
    .await?;
    if revoked.rows_affected() == 0 {
        return Err(OperatorTokenError::UnknownName(name.trim().to_owned()));
    }
    Ok(())
}

pub async fn list(pool: &SqlitePool) -> Result<Vec<OperatorTokenRow>, sqlx::Error> {
    let rows: Vec<(String, DateTime<Utc>, Option<DateTime<Utc>>)> =
        sqlx::query_as("SELECT name, created_at, revoked_at FROM operator_tokens ORDER BY name")
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(name, created_at, revoked_at)| OperatorTokenRow {
            name,
            created_at,
            revoked_at,
        })
        .collect())
}

/// The operator holding `token`, if it is a live operator token.
pub async fn authenticate(
    pool: &SqlitePool,
    token: &str,
) -> Result<Option<OperatorIdentity>, sqlx::Error> {
    if !token.starts_with(PREFIX) {
        return Ok(None);
    }
    let name: Option<String> = sqlx::query_scalar(
        "SELECT name FROM operator_tokens WHERE token_hash = ?1 AND revoked_at IS NULL",
    )
    .bind(tokens::hash(token))
    .fetch_optional(pool)
    .await?;
    Ok(name.map(|name| OperatorIdentity { name }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_names_are_short_plain_words() {
        assert_eq!(checked_name(" supplier-1 ").ok(), Some("supplier-1"));
        assert!(checked_name("").is_err());
        assert!(checked_name("has space").is_err());
        assert!(checked_name(&"x".repeat(65)).is_err());
    }
}
