//! "Forget me" in eSecure. eSecure names people by e-mail address, so a forgotten address must
//! leave every table, or whoever registers it next inherits its approvals and administration:
//! the person's requests (and their Reject links) are deleted, their administration ends, and
//! the audit trail keeps every event with the person replaced by [`FORGOTTEN`], so the
//! administrators keep their record and the anonymous statistics stay.
//!
//! The only administrator of a protected account number is not forgotten: the account would be
//! left with nobody to decide its requests. They add another administrator first (the answer
//! says so), or the supplier's operators do.

use chrono::{DateTime, Utc};
use oso_core::Email;
use oso_service_postgres::esecure_forget::{self as postgres, AsTyped};
use sqlx::SqliteConnection;

use super::audit;
use crate::database::Conn;

/// What stands in the audit trail, and as who decided a request, for a forgotten person. It is
/// no e-mail address, so it never names anyone.
pub const FORGOTTEN: &str = "forgotten";

/// The protected account numbers whose only administrator is `canonical`.
pub async fn sole_administrator_of(
    conn: &mut Conn<'_>,
    canonical: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::sole_administrator_of(conn, canonical).await,
    };
    sqlx::query_scalar!(
        "SELECT ad.account_number FROM account_administrators ad
         JOIN customer_accounts ca ON ca.number = ad.account_number AND ca.protected = 1
         WHERE ad.email_canonical = ?1
           AND NOT EXISTS (SELECT 1 FROM account_administrators other
                           WHERE other.account_number = ad.account_number AND other.email_canonical <> ?1)
         ORDER BY ad.account_number",
        canonical,
    )
    .fetch_all(conn)
    .await
}

/// The distinct values of `column` that are `canonical` in another case. Comparing in Rust
/// folds every letter, where SQLite's `lower()` folds ASCII only.
async fn spellings_of(
    conn: &mut Conn<'_>,
    column: AsTyped,
    canonical: &str,
) -> Result<Vec<String>, sqlx::Error> {
    let values: Vec<String> = match conn {
        Conn::Postgres(conn) => postgres::distinct(conn, column).await?,
        Conn::Sqlite(conn) => match column {
            AsTyped::TokenAdministrator => {
                sqlx::query_scalar!("SELECT DISTINCT admin_email FROM access_request_tokens")
                    .fetch_all(&mut **conn)
                    .await?
            }
            AsTyped::Decider => {
                sqlx::query_scalar!(
                    r#"SELECT DISTINCT decided_by AS "decided_by!" FROM access_requests
                       WHERE decided_by IS NOT NULL"#
                )
                .fetch_all(&mut **conn)
                .await?
            }
            AsTyped::AuditActor => {
                sqlx::query_scalar!("SELECT DISTINCT actor FROM esecure_audit")
                    .fetch_all(&mut **conn)
                    .await?
            }
            AsTyped::AuditSubject => {
                sqlx::query_scalar!("SELECT DISTINCT subject FROM esecure_audit")
                    .fetch_all(&mut **conn)
                    .await?
            }
        },
    };
    Ok(values
        .into_iter()
        .filter(|value| Email::canonical_of(value) == canonical)
        .collect())
}

/// Replaces `spelling` by [`FORGOTTEN`] in `column`; a Reject link it held is deleted.
async fn replace(conn: &mut Conn<'_>, column: AsTyped, spelling: &str) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::replace(conn, column, spelling, FORGOTTEN).await,
    };
    match column {
        AsTyped::TokenAdministrator => {
            sqlx::query!(
                "DELETE FROM access_request_tokens WHERE admin_email = ?1",
                spelling
            )
            .execute(conn)
            .await?;
        }
        AsTyped::Decider => {
            sqlx::query!(
                "UPDATE access_requests SET decided_by = ?2 WHERE decided_by = ?1",
                spelling,
                FORGOTTEN,
            )
            .execute(conn)
            .await?;
        }
        AsTyped::AuditActor => {
            sqlx::query!(
                "UPDATE esecure_audit SET actor = ?2 WHERE actor = ?1",
                spelling,
                FORGOTTEN,
            )
            .execute(conn)
            .await?;
        }
        AsTyped::AuditSubject => {
            sqlx::query!(
                "UPDATE esecure_audit SET subject = ?2 WHERE subject = ?1",
                spelling,
                FORGOTTEN,
            )
            .execute(conn)
            .await?;
        }
    }
    Ok(())
}

/// Removes the person with the address `canonical` from eSecure, inside the caller's
/// transaction. The caller checked [`sole_administrator_of`] first.
pub async fn forget_person(
    conn: &mut Conn<'_>,
    canonical: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let administered: Vec<String> = match conn {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!(
                "SELECT account_number FROM account_administrators WHERE email_canonical = ?1",
                canonical,
            )
            .fetch_all(&mut **conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::administered(conn, canonical).await?,
    };
    for number in &administered {
        audit::record(
            conn,
            number,
            now,
            FORGOTTEN,
            "administrator_removed",
            FORGOTTEN,
        )
        .await?;
    }
    // Their requests go with their Reject links (ON DELETE CASCADE): an approval keyed on the
    // address must not pass to the next login with it.
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "DELETE FROM account_administrators WHERE email_canonical = ?1",
                canonical,
            )
            .execute(&mut **conn)
            .await?;
            sqlx::query!(
                "DELETE FROM access_requests WHERE email_canonical = ?1",
                canonical,
            )
            .execute(&mut **conn)
            .await?;
        }
        Conn::Postgres(conn) => postgres::remove_person(conn, canonical).await?,
    }
    // Decisions they took stand, by nobody recognisable.
    for column in [
        AsTyped::TokenAdministrator,
        AsTyped::Decider,
        AsTyped::AuditActor,
        AsTyped::AuditSubject,
    ] {
        for spelling in spellings_of(conn, column, canonical).await? {
            replace(conn, column, &spelling).await?;
        }
    }
    Ok(())
}
