//! Operator tokens: made and revoked with `oso-service operators …` on the data directory, shown
//! once, kept only as SHA-256 hashes. They open `/api/v1/operator/…` and nothing else; a
//! customer's session token opens none of it.

use chrono::{DateTime, Utc};
use oso_service_postgres::operator_tokens as postgres;
use serde::Serialize;

use crate::accounts::tokens;
use crate::database::{Conn, Database};
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
#[tracing::instrument(skip(database), err(level = "info"))]
pub async fn create(
    database: &Database,
    name: &str,
    now: DateTime<Utc>,
) -> Result<SecretString, OperatorTokenError> {
    let name = checked_name(name)?;
    let token = SecretString::new(format!("{PREFIX}{}", tokens::new_token().expose()));
    let hash = tokens::hash(token.expose());
    let mut tx = database.begin_write().await?;
    // A revoked name may be used again: its old row goes.
    let inserted = match tx.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "DELETE FROM operator_tokens WHERE name = ?1 AND revoked_at IS NOT NULL",
                name
            )
            .execute(&mut *conn)
            .await?;
            sqlx::query!(
                "INSERT INTO operator_tokens (name, token_hash, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO NOTHING",
                name,
                hash,
                now
            )
            .execute(conn)
            .await?
            .rows_affected()
                == 1
        }
        Conn::Postgres(conn) => {
            postgres::delete_revoked(conn, name).await?;
            postgres::insert(conn, name, &hash, now).await?
        }
    };
    tx.commit().await?;
    if !inserted {
        return Err(OperatorTokenError::NameTaken(name.to_owned()));
    }
    Ok(token)
}

/// Revokes `name`'s token at once.
#[tracing::instrument(skip(database), err(level = "info"))]
pub async fn revoke(
    database: &Database,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(), OperatorTokenError> {
    let name = name.trim();
    let mut pooled = database.acquire().await?;
    let revoked = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "UPDATE operator_tokens SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL",
                name,
                now
            )
            .execute(conn)
            .await?
            .rows_affected()
                == 1
        }
        Conn::Postgres(conn) => postgres::revoke(conn, name, now).await?,
    };
    if !revoked {
        return Err(OperatorTokenError::UnknownName(name.to_owned()));
    }
    Ok(())
}

pub async fn list(database: &Database) -> Result<Vec<OperatorTokenRow>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    let rows = match pooled.conn() {
        Conn::Sqlite(conn) => sqlx::query!(
            r#"SELECT name, created_at AS "created_at: DateTime<Utc>",
                      revoked_at AS "revoked_at: DateTime<Utc>"
               FROM operator_tokens ORDER BY name"#
        )
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|row| (row.name, row.created_at, row.revoked_at))
        .collect(),
        Conn::Postgres(conn) => postgres::list(conn).await?,
    };
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
    database: &Database,
    token: &str,
) -> Result<Option<OperatorIdentity>, sqlx::Error> {
    if !token.starts_with(PREFIX) {
        return Ok(None);
    }
    let hash = tokens::hash(token);
    let mut pooled = database.acquire().await?;
    let name = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!(
                "SELECT name FROM operator_tokens WHERE token_hash = ?1 AND revoked_at IS NULL",
                hash
            )
            .fetch_optional(conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::name_of(conn, &hash).await?,
    };
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

    async fn a_token_opens_until_revoked_and_its_name_is_free_again(
        db: crate::database::testing::TestDatabase,
    ) {
        let database = &db.database;
        let now = Utc::now();
        let token = create(database, "supplier-1", now).await.expect("made");
        assert!(matches!(
            create(database, " supplier-1 ", now).await,
            Err(OperatorTokenError::NameTaken(_))
        ));
        let who = authenticate(database, token.expose())
            .await
            .expect("reads")
            .expect("a live token");
        assert_eq!(who.name, "supplier-1");
        assert!(authenticate(database, "oso_op_not-a-token")
            .await
            .expect("reads")
            .is_none());
        revoke(database, "supplier-1", now).await.expect("revoked");
        assert!(authenticate(database, token.expose())
            .await
            .expect("reads")
            .is_none());
        assert!(matches!(
            revoke(database, "supplier-1", now).await,
            Err(OperatorTokenError::UnknownName(_))
        ));
        let listed = list(database).await.expect("lists");
        assert_eq!(listed.len(), 1);
        assert!(listed[0].revoked_at.is_some());
        let again = create(database, "supplier-1", now)
            .await
            .expect("the name is free");
        assert_ne!(again.expose(), token.expose());
        assert_eq!(list(database).await.expect("lists").len(), 1);
    }

    crate::database::testing::on_both_engines!(
        a_token_opens_until_revoked_and_its_name_is_free_again,
    );
}
