//! `oso_service::accounts::mail_limits` on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// The times of `subject`'s events after `since`, oldest first. Until the transaction ends, no
/// other transaction reads or counts `subject`'s events, so a check and its count are one step.
pub async fn events_since(
    conn: &mut PgConnection,
    subject: &str,
    since: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, sqlx::Error> {
    crate::lock_subject(conn, subject).await?;
    sqlx::query_scalar!(
        "SELECT happened_at FROM mail_limit_events
         WHERE subject = $1 AND happened_at > $2 ORDER BY happened_at",
        subject,
        since
    )
    .fetch_all(conn)
    .await
}

pub async fn record(
    conn: &mut PgConnection,
    subject: &str,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO mail_limit_events (subject, happened_at) VALUES ($1, $2)",
        subject,
        at
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes the events at or before `until`; answers how many.
pub async fn purge(conn: &mut PgConnection, until: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let deleted = sqlx::query!(
        "DELETE FROM mail_limit_events WHERE happened_at <= $1",
        until
    )
    .execute(conn)
    .await?;
    Ok(deleted.rows_affected())
}
