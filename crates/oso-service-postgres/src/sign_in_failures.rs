//! `oso_service::accounts::throttle` on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// The times of `subject`'s failures after `since`. Until the transaction ends, no other
/// transaction reads or counts `subject`'s failures, so the wait and the count are one step.
pub async fn failures_since(
    conn: &mut PgConnection,
    subject: &str,
    since: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, sqlx::Error> {
    crate::lock_subject(conn, subject).await?;
    sqlx::query_scalar!(
        "SELECT failed_at FROM sign_in_failures WHERE subject = $1 AND failed_at > $2",
        subject,
        since
    )
    .fetch_all(conn)
    .await
}

/// Holds off other transactions that check `subject` until this one ends.
pub async fn hold(conn: &mut PgConnection, subject: &str) -> Result<(), sqlx::Error> {
    crate::lock_subject(conn, subject).await
}

/// Counts a failure of `subject`; answers its row, to take it back.
pub async fn record(
    conn: &mut PgConnection,
    subject: &str,
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "INSERT INTO sign_in_failures (subject, failed_at) VALUES ($1, $2) RETURNING id",
        subject,
        at
    )
    .fetch_one(conn)
    .await
}

pub async fn forgive(conn: &mut PgConnection, row: i64) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM sign_in_failures WHERE id = $1", row)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes the failures before `before`; answers how many.
pub async fn purge(conn: &mut PgConnection, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let deleted = sqlx::query!("DELETE FROM sign_in_failures WHERE failed_at < $1", before)
        .execute(conn)
        .await?;
    Ok(deleted.rows_affected())
}

pub async fn clear(conn: &mut PgConnection, subject: &str) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM sign_in_failures WHERE subject = $1", subject)
        .execute(conn)
        .await?;
    Ok(())
}
