//! Every eSecure decision and change, with who made it and when, shown to the account's
//! administrators.

use chrono::{DateTime, Utc};
pub use oso_api::esecure::AuditEntry;
use sqlx::{SqliteConnection, SqlitePool};

use super::Requester;

pub async fn record(
    conn: &mut SqliteConnection,
    account_number: &str,
    at: DateTime<Utc>,
    actor: &str,
    action: &str,
    subject: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO esecure_audit (account_number, at, actor, action, subject)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )
    .bind(account_number)
    .bind(at)
    .bind(actor)
    .bind(action)
    .bind(subject)
    .execute(conn)
    .await?;
    Ok(())
}

/// The newest entries of the accounts `admin` administers, optionally of one account.
pub async fn trail(
    pool: &SqlitePool,
    admin: &Requester,
    account_number: Option<&str>,
    limit: u32,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows: Vec<(DateTime<Utc>, String, String, String, String)> = sqlx::query_as(
        "SELECT at, actor, action, subject, account_number FROM esecure_audit a
         WHERE a.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?1)
           AND (?2 IS NULL OR a.account_number = ?2)
         ORDER BY a.id DESC LIMIT ?3",
    )
    .bind(&admin.canonical)
    .bind(account_number)
    .bind(i64::from(limit.clamp(1, 500)))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, actor, action, subject, account_number)| AuditEntry {
            at,
            actor,
            action,
            subject,
            account_number,
        })
        .collect())
}
