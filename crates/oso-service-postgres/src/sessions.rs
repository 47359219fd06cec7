//! `oso_service::accounts::sessions` on PostgreSQL.

use chrono::{DateTime, Utc};
use oso_store::{LoginStatus, SessionRow, UserRow};
use sqlx::PgConnection;

pub async fn insert(
    conn: &mut PgConnection,
    user_id: i64,
    token_hash: &[u8],
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $3, $4)",
        user_id,
        token_hash,
        now,
        expires_at
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The unrevoked session with this token hash, and its login.
pub async fn find_unrevoked(
    conn: &mut PgConnection,
    token_hash: &[u8],
) -> Result<Option<SessionRow>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT s.id AS session_id, s.created_at, s.last_seen_at,
                  u.id AS user_id, u.public_id, u.email, u.default_email, u.company_name,
                  u.contact_name, u.phone, u.language, u.time_zone, u.password_hash, u.password_changed_at,
                  u.status AS "status: LoginStatus",
                  (SELECT string_agg(a.account_number, ',') FROM account_administrators a
                   WHERE a.email_canonical = u.email_canonical) AS administered
           FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.token_hash = $1 AND s.revoked_at IS NULL"#,
        token_hash
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| SessionRow {
        session_id: row.session_id,
        created_at: row.created_at,
        last_seen_at: row.last_seen_at,
        user: UserRow {
            id: row.user_id,
            public_id: row.public_id,
            email: row.email,
            default_email: row.default_email,
            company_name: row.company_name,
            contact_name: row.contact_name,
            phone: row.phone,
            language: row.language,
            time_zone: row.time_zone,
            password_hash: row.password_hash,
            password_changed_at: row.password_changed_at,
            status: row.status,
        },
        administered: oso_store::administered_numbers(row.administered),
    }))
}

pub async fn touch(
    conn: &mut PgConnection,
    session_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE sessions SET last_seen_at = $2 WHERE id = $1",
        session_id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn revoke(
    conn: &mut PgConnection,
    session_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
        session_id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn revoke_all_for_user(
    conn: &mut PgConnection,
    user_id: i64,
    keep: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL",
        user_id,
        keep,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes revoked sessions and those made at or before `made_before` or idle since `idle_since`.
pub async fn purge(
    conn: &mut PgConnection,
    made_before: DateTime<Utc>,
    idle_since: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let deleted = sqlx::query!(
        "DELETE FROM sessions
         WHERE revoked_at IS NOT NULL OR created_at <= $1 OR last_seen_at <= $2",
        made_before,
        idle_since
    )
    .execute(conn)
    .await?;
    Ok(deleted.rows_affected())
}

pub async fn delete_for_user(conn: &mut PgConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM sessions WHERE user_id = $1", user_id)
        .execute(conn)
        .await?;
    Ok(())
}
