//! `oso_service::accounts::one_time` on PostgreSQL.

use chrono::{DateTime, Utc};
use oso_store::OneTimeTokenRow;
use sqlx::PgConnection;

#[allow(clippy::too_many_arguments)]
pub async fn insert(
    conn: &mut PgConnection,
    user_id: i64,
    purpose: &str,
    link_hash: &[u8],
    code_hash: &[u8],
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO one_time_tokens (user_id, purpose, link_hash, code_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
        user_id,
        purpose,
        link_hash,
        code_hash,
        now,
        expires_at
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn by_link(
    conn: &mut PgConnection,
    link_hash: &[u8],
    purpose: &str,
) -> Result<Option<OneTimeTokenRow>, sqlx::Error> {
    sqlx::query_as!(
        OneTimeTokenRow,
        "SELECT id, user_id, code_hash, expires_at, used_at, failed_attempts
         FROM one_time_tokens WHERE link_hash = $1 AND purpose = $2",
        link_hash,
        purpose
    )
    .fetch_optional(conn)
    .await
}

/// Every token of `user_id` for `purpose`, newest first.
pub async fn of_user(
    conn: &mut PgConnection,
    user_id: i64,
    purpose: &str,
) -> Result<Vec<OneTimeTokenRow>, sqlx::Error> {
    sqlx::query_as!(
        OneTimeTokenRow,
        "SELECT id, user_id, code_hash, expires_at, used_at, failed_attempts
         FROM one_time_tokens WHERE user_id = $1 AND purpose = $2
         ORDER BY id DESC",
        user_id,
        purpose
    )
    .fetch_all(conn)
    .await
}

/// Counts a wrong code against every live token of `user_id` for `purpose`.
pub async fn count_wrong_code(
    conn: &mut PgConnection,
    user_id: i64,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE one_time_tokens SET failed_attempts = failed_attempts + 1
         WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        user_id,
        purpose,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks the token used if it is unused, live and not void; `false` when it was not.
pub async fn mark_used(
    conn: &mut PgConnection,
    token_id: i64,
    now: DateTime<Utc>,
    max_attempts: i64,
) -> Result<bool, sqlx::Error> {
    let used = sqlx::query!(
        "UPDATE one_time_tokens SET used_at = $2
         WHERE id = $1 AND used_at IS NULL AND expires_at > $2 AND failed_attempts < $3",
        token_id,
        now,
        max_attempts
    )
    .execute(conn)
    .await?;
    Ok(used.rows_affected() == 1)
}

/// Uses up the other tokens of the same user and purpose as `token_id`.
pub async fn void_others(
    conn: &mut PgConnection,
    token_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE one_time_tokens SET used_at = $2
         WHERE used_at IS NULL AND (user_id, purpose) =
               (SELECT user_id, purpose FROM one_time_tokens WHERE id = $1)",
        token_id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes tokens that expired or were used before `before`; answers how many.
pub async fn purge(conn: &mut PgConnection, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let deleted = sqlx::query!(
        "DELETE FROM one_time_tokens WHERE expires_at < $1 OR used_at < $1",
        before
    )
    .execute(conn)
    .await?;
    Ok(deleted.rows_affected())
}

pub async fn delete_for_user(conn: &mut PgConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM one_time_tokens WHERE user_id = $1", user_id)
        .execute(conn)
        .await?;
    Ok(())
}
