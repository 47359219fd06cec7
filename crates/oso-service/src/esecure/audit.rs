//! Every eSecure decision and change, with who made it and when, shown to the account's
//! administrators.

use chrono::{DateTime, Utc};
use oso_service_postgres::esecure_audit as postgres;
use sqlx::SqliteConnection;

pub use oso_api::esecure::AuditEntry;

use super::Requester;
use crate::database::{Conn, Database};

pub async fn record(
    conn: &mut Conn<'_>,
    account_number: &str,
    at: DateTime<Utc>,
    actor: &str,
    action: &str,
    subject: &str,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::record(conn, account_number, at, actor, action, subject).await
        }
    };
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
    database: &Database,
    admin: &Requester,
    account_number: Option<&str>,
    limit: u32,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let limit = i64::from(limit.clamp(1, 500));
    let mut pooled = database.acquire().await?;
    let conn: &mut SqliteConnection = match pooled.conn() {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::trail(conn, &admin.canonical, account_number, limit).await
        }
    };
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
    .fetch_all(conn)
    .await
}
