//! `oso_service::operator::tokens` on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Frees `name` if its token was revoked.
pub async fn delete_revoked(conn: &mut PgConnection, name: &str) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM operator_tokens WHERE name = $1 AND revoked_at IS NOT NULL",
        name
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Stores a token for `name`; `false` when the name holds a live token.
pub async fn insert(
    conn: &mut PgConnection,
    name: &str,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query!(
        "INSERT INTO operator_tokens (name, token_hash, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO NOTHING",
        name,
        token_hash,
        now
    )
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// Revokes `name`'s live token; `false` when it has none.
pub async fn revoke(
    conn: &mut PgConnection,
    name: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let revoked = sqlx::query!(
        "UPDATE operator_tokens SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL",
        name,
        now
    )
    .execute(conn)
    .await?;
    Ok(revoked.rows_affected() == 1)
}

pub async fn list(
    conn: &mut PgConnection,
) -> Result<Vec<(String, DateTime<Utc>, Option<DateTime<Utc>>)>, sqlx::Error> {
    let rows =
        sqlx::query!("SELECT name, created_at, revoked_at FROM operator_tokens ORDER BY name")
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.name, row.created_at, row.revoked_at))
        .collect())
}

/// The name of the live token with this hash.
pub async fn name_of(
    conn: &mut PgConnection,
    token_hash: &[u8],
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT name FROM operator_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
        token_hash
    )
    .fetch_optional(conn)
    .await
}
