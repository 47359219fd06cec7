//! `oso_service::esecure::audit` on PostgreSQL.

use chrono::{DateTime, Utc};
use oso_api::esecure::AuditEntry;
use sqlx::PgConnection;

pub async fn record(
    conn: &mut PgConnection,
    account_number: &str,
    at: DateTime<Utc>,
    actor: &str,
    action: &str,
    subject: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO esecure_audit (account_number, at, actor, action, subject)
         VALUES ($1, $2, $3, $4, $5)",
        account_number,
        at,
        actor,
        action,
        subject,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The newest entries of the accounts `admin_canonical` administers, optionally of one account.
pub async fn trail(
    conn: &mut PgConnection,
    admin_canonical: &str,
    account_number: Option<&str>,
    limit: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    sqlx::query_as!(
        AuditEntry,
        "SELECT at, actor, action, subject, account_number FROM esecure_audit a
         WHERE a.account_number IN (SELECT account_number FROM account_administrators
                                    WHERE email_canonical = $1)
           AND ($2::text IS NULL OR a.account_number = $2::text)
         ORDER BY a.id DESC LIMIT $3",
        admin_canonical,
        account_number,
        limit,
    )
    .fetch_all(conn)
    .await
}
