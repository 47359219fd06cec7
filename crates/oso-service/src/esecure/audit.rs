//! Every eSecure decision and change, with who made it and when, shown to the account's
//! administrators.

use chrono::{DateTime, Utc};
use sqlx::{SqliteConnection, SqlitePool};

pub use oso_api::esecure::AuditEntry;

use super::Requester;

pub async fn record(
    conn: &mut SqliteConnection,
    account_number: &str,
    at: DateTime<Utc>,
    actor: &str,
    action: &str,
    subject: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO esecure_audit (account_number, at, actor, action, subject)
         VALUES (?1, ?2, ?3, ?4, ?5)",
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

/// The newest entries of the accounts `admin` administers, optionally of one account.
pub async fn trail(
    pool: &SqlitePool,
    admin: &Requester,
    account_number: Option<&str>,
    limit: u32,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let limit = i64::from(limit.clamp(1, 500));
    sqlx::query_as!(
        AuditEntry,
        r#"SELECT at AS "at: DateTime<Utc>", actor, action, subject, account_number FROM esecure_audit a
         WHERE a.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?1)
           AND (?2 IS NULL OR a.account_number = ?2)
         ORDER BY a.id DESC LIMIT ?3"#,
        admin.canonical,
        account_number,
        limit,
    )
    .fetch_all(pool)
    .await
}
