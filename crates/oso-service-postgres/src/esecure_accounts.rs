//! `oso_service::esecure::accounts` on PostgreSQL.

use chrono::{DateTime, Utc};
use oso_api::esecure::Administrator;
use sqlx::PgConnection;

pub async fn is_administrator(
    conn: &mut PgConnection,
    number: &str,
    canonical: &str,
) -> Result<bool, sqlx::Error> {
    let found = sqlx::query_scalar!(
        r#"SELECT 1 AS "found!" FROM account_administrators
           WHERE account_number = $1 AND email_canonical = $2"#,
        number,
        canonical,
    )
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// The account's number, company, protection and request restriction.
pub async fn account(
    conn: &mut PgConnection,
    number: &str,
) -> Result<Option<(String, String, bool, bool)>, sqlx::Error> {
    let row = sqlx::query!(
        "SELECT number, company, protected, restrict_requests FROM customer_accounts
         WHERE number = $1",
        number,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| {
        (
            row.number,
            row.company,
            row.protected,
            row.restrict_requests,
        )
    }))
}

/// The account's domains as (kind, domain), by domain.
pub async fn domains(
    conn: &mut PgConnection,
    number: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows = sqlx::query!(
        "SELECT kind, domain FROM account_domains WHERE account_number = $1 ORDER BY domain",
        number,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|row| (row.kind, row.domain)).collect())
}

pub async fn administrators(
    conn: &mut PgConnection,
    number: &str,
) -> Result<Vec<Administrator>, sqlx::Error> {
    sqlx::query_as!(
        Administrator,
        r#"SELECT ad.email, ad.name, ad.language,
                  EXISTS (SELECT 1 FROM users u WHERE u.email_canonical = ad.email_canonical
                                                  AND u.status <> 'forgotten') AS "has_login!"
           FROM account_administrators ad WHERE ad.account_number = $1
           ORDER BY ad.added_at, ad.email"#,
        number,
    )
    .fetch_all(conn)
    .await
}

pub async fn administered_numbers(
    conn: &mut PgConnection,
    canonical: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT account_number FROM public.account_administrators WHERE email_canonical = $1
         ORDER BY account_number",
        canonical,
    )
    .fetch_all(conn)
    .await
}

#[allow(clippy::too_many_arguments)]
pub async fn upsert_administrator(
    conn: &mut PgConnection,
    number: &str,
    email: &str,
    canonical: &str,
    name: &str,
    language: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO account_administrators (account_number, email, email_canonical, name,
                                             language, added_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (account_number, email_canonical)
         DO UPDATE SET name = excluded.name, language = excluded.language",
        number,
        email,
        canonical,
        name,
        language,
        now,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Locks the account until the transaction ends, so two instances changing its administrators
/// at once take turns (each counts what the other left).
pub async fn lock_account(conn: &mut PgConnection, number: &str) -> Result<(), sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT number AS "number!" FROM customer_accounts WHERE number = $1 FOR UPDATE"#,
        number
    )
    .fetch_optional(conn)
    .await?;
    Ok(())
}

pub async fn count_administrators(
    conn: &mut PgConnection,
    number: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT COUNT(*) AS "count!" FROM account_administrators WHERE account_number = $1"#,
        number,
    )
    .fetch_one(conn)
    .await
}

pub async fn delete_administrator(
    conn: &mut PgConnection,
    number: &str,
    canonical: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM account_administrators WHERE account_number = $1 AND email_canonical = $2",
        number,
        canonical,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces the account's domain lists and whether requests are restricted to its domains.
pub async fn replace_domains(
    conn: &mut PgConnection,
    number: &str,
    lists: &[(&str, Vec<&str>)],
    restrict_requests: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM account_domains WHERE account_number = $1",
        number
    )
    .execute(&mut *conn)
    .await?;
    for (kind, domains) in lists {
        for domain in domains {
            sqlx::query!(
                "INSERT INTO account_domains (account_number, domain, kind) VALUES ($1, $2, $3)",
                number,
                domain,
                kind,
            )
            .execute(&mut *conn)
            .await?;
        }
    }
    sqlx::query!(
        "UPDATE customer_accounts SET restrict_requests = $2 WHERE number = $1",
        number,
        restrict_requests,
    )
    .execute(conn)
    .await?;
    Ok(())
}
