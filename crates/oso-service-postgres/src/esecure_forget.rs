//! `oso_service::esecure::forget` on PostgreSQL.

use sqlx::PgConnection;

/// The protected account numbers whose only administrator is `canonical`.
pub async fn sole_administrator_of(
    conn: &mut PgConnection,
    canonical: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT ad.account_number FROM account_administrators ad
         JOIN customer_accounts ca ON ca.number = ad.account_number AND ca.protected
         WHERE ad.email_canonical = $1
           AND NOT EXISTS (SELECT 1 FROM account_administrators other
                           WHERE other.account_number = ad.account_number
                             AND other.email_canonical <> $1)
         ORDER BY ad.account_number",
        canonical,
    )
    .fetch_all(conn)
    .await
}

/// A column that keeps addresses as typed.
#[derive(Debug, Clone, Copy)]
pub enum AsTyped {
    TokenAdministrator,
    Decider,
    AuditActor,
    AuditSubject,
}

/// The distinct values of `column`.
pub async fn distinct(
    conn: &mut PgConnection,
    column: AsTyped,
) -> Result<Vec<String>, sqlx::Error> {
    match column {
        AsTyped::TokenAdministrator => {
            sqlx::query_scalar!("SELECT DISTINCT admin_email FROM public.access_request_tokens")
                .fetch_all(conn)
                .await
        }
        AsTyped::Decider => {
            sqlx::query_scalar!(
                r#"SELECT DISTINCT decided_by AS "decided_by!" FROM public.access_requests
                   WHERE decided_by IS NOT NULL"#
            )
            .fetch_all(conn)
            .await
        }
        AsTyped::AuditActor => {
            sqlx::query_scalar!("SELECT DISTINCT actor FROM public.esecure_audit")
                .fetch_all(conn)
                .await
        }
        AsTyped::AuditSubject => {
            sqlx::query_scalar!("SELECT DISTINCT subject FROM public.esecure_audit")
                .fetch_all(conn)
                .await
        }
    }
}

/// Replaces `spelling` by `replacement` in `column` (deletes the Reject links it held).
pub async fn replace(
    conn: &mut PgConnection,
    column: AsTyped,
    spelling: &str,
    replacement: &str,
) -> Result<(), sqlx::Error> {
    match column {
        AsTyped::TokenAdministrator => {
            sqlx::query!(
                "DELETE FROM access_request_tokens WHERE admin_email = $1",
                spelling
            )
            .execute(conn)
            .await?;
        }
        AsTyped::Decider => {
            sqlx::query!(
                "UPDATE access_requests SET decided_by = $2 WHERE decided_by = $1",
                spelling,
                replacement,
            )
            .execute(conn)
            .await?;
        }
        AsTyped::AuditActor => {
            sqlx::query!(
                "UPDATE esecure_audit SET actor = $2 WHERE actor = $1",
                spelling,
                replacement,
            )
            .execute(conn)
            .await?;
        }
        AsTyped::AuditSubject => {
            sqlx::query!(
                "UPDATE esecure_audit SET subject = $2 WHERE subject = $1",
                spelling,
                replacement,
            )
            .execute(conn)
            .await?;
        }
    }
    Ok(())
}

/// The account numbers `canonical` administers.
pub async fn administered(
    conn: &mut PgConnection,
    canonical: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT account_number FROM account_administrators WHERE email_canonical = $1",
        canonical,
    )
    .fetch_all(conn)
    .await
}

/// Ends `canonical`'s administration and deletes their requests (with their Reject links).
pub async fn remove_person(conn: &mut PgConnection, canonical: &str) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM account_administrators WHERE email_canonical = $1",
        canonical,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "DELETE FROM access_requests WHERE email_canonical = $1",
        canonical
    )
    .execute(conn)
    .await?;
    Ok(())
}
