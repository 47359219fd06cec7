//! `oso_service::events::store` on PostgreSQL. Each write also announces itself with
//! `NOTIFY oso_events`, delivered to every instance's listener when the transaction commits.

use chrono::{DateTime, Utc};
use oso_store::StoredEvent;
use sqlx::PgConnection;

/// The channel every instance listens on.
pub const CHANNEL: &str = "oso_events";

async fn announce(conn: &mut PgConnection) -> Result<(), sqlx::Error> {
    sqlx::query!("SELECT pg_notify('oso_events', '')")
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn record_for_user(
    conn: &mut PgConnection,
    user_id: i64,
    kind: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO events (user_id, kind, payload, created_at) VALUES ($1, $2, $3, $4)",
        user_id,
        kind,
        payload,
        now
    )
    .execute(&mut *conn)
    .await?;
    announce(conn).await
}

pub async fn record_for_login(
    conn: &mut PgConnection,
    canonical: &str,
    kind: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let done = sqlx::query!(
        "INSERT INTO events (user_id, kind, payload, created_at)
         SELECT id, $2, $3, $4 FROM users WHERE email_canonical = $1 AND status = 'active'",
        canonical,
        kind,
        payload,
        now
    )
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() > 0 {
        announce(conn).await?;
    }
    Ok(())
}

pub async fn record_for_administrators(
    conn: &mut PgConnection,
    number: &str,
    kind: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let done = sqlx::query!(
        "INSERT INTO events (user_id, kind, payload, created_at)
         SELECT u.id, $2, $3, $4
         FROM account_administrators a
         JOIN users u ON u.email_canonical = a.email_canonical AND u.status = 'active'
         WHERE a.account_number = $1",
        number,
        kind,
        payload,
        now
    )
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() > 0 {
        announce(conn).await?;
    }
    Ok(())
}

pub async fn after(
    conn: &mut PgConnection,
    after_id: i64,
    limit: i64,
) -> Result<Vec<StoredEvent>, sqlx::Error> {
    sqlx::query_as!(
        StoredEvent,
        "SELECT id, user_id, kind, payload FROM events WHERE id > $1 ORDER BY id LIMIT $2",
        after_id,
        limit
    )
    .fetch_all(conn)
    .await
}

pub async fn for_user_after(
    conn: &mut PgConnection,
    user_id: i64,
    after_id: i64,
    limit: i64,
) -> Result<Vec<StoredEvent>, sqlx::Error> {
    sqlx::query_as!(
        StoredEvent,
        "SELECT id, user_id, kind, payload FROM events
         WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        user_id,
        after_id,
        limit
    )
    .fetch_all(conn)
    .await
}

pub async fn newest_id(conn: &mut PgConnection) -> Result<i64, sqlx::Error> {
    let newest = sqlx::query_scalar!(r#"SELECT COALESCE(MAX(id), 0) AS "newest!" FROM events"#)
        .fetch_one(conn)
        .await?;
    Ok(newest)
}

pub async fn purge(conn: &mut PgConnection, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM events WHERE created_at < $1", before)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

pub async fn delete_for_user(conn: &mut PgConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM events WHERE user_id = $1", user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete_naming(conn: &mut PgConnection, address: &str) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM events WHERE strpos(lower(payload), lower($1)) > 0",
        address
    )
    .execute(conn)
    .await?;
    Ok(())
}
