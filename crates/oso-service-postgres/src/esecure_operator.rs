//! `oso_service::esecure::operator` (the supplier's customer accounts) on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

/// Creates the account, or changes its company and protection.
pub async fn upsert_account(
    conn: &mut PgConnection,
    number: &str,
    company: &str,
    protected: bool,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO customer_accounts (number, company, protected, created_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (number) DO UPDATE SET company = excluded.company,
                                            protected = excluded.protected",
        number,
        company,
        protected,
        now,
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn change_account(
    conn: &mut PgConnection,
    number: &str,
    company: &str,
    protected: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE customer_accounts SET company = $2, protected = $3 WHERE number = $1",
        number,
        company,
        protected,
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn numbers(conn: &mut PgConnection) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar!("SELECT number FROM public.customer_accounts ORDER BY number")
        .fetch_all(conn)
        .await
}
