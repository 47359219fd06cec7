//! `oso_service::address_book::account_numbers` on PostgreSQL.

use chrono::{DateTime, Utc};
use oso_api::address_book::SavedAccountNumber;
use sqlx::PgConnection;

pub async fn list(
    conn: &mut PgConnection,
    user_id: i64,
) -> Result<Vec<SavedAccountNumber>, sqlx::Error> {
    sqlx::query_as!(
        SavedAccountNumber,
        "SELECT id, number, name FROM account_numbers WHERE user_id = $1 ORDER BY created_at, id",
        user_id
    )
    .fetch_all(conn)
    .await
}

/// Saves `number` under the login, or renames it when it is saved already; answers its id.
pub async fn save(
    conn: &mut PgConnection,
    user_id: i64,
    number: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "INSERT INTO account_numbers (user_id, number, name, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, number) DO UPDATE SET name = excluded.name
         RETURNING id",
        user_id,
        number,
        name,
        now
    )
    .fetch_one(conn)
    .await
}

pub async fn rename(
    conn: &mut PgConnection,
    user_id: i64,
    id: i64,
    name: &str,
) -> Result<Option<SavedAccountNumber>, sqlx::Error> {
    sqlx::query_as!(
        SavedAccountNumber,
        "UPDATE account_numbers SET name = $3 WHERE id = $1 AND user_id = $2
         RETURNING id, number, name",
        id,
        user_id,
        name
    )
    .fetch_optional(conn)
    .await
}

pub async fn remove(conn: &mut PgConnection, user_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM account_numbers WHERE id = $1 AND user_id = $2",
        id,
        user_id
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn delete_for_user(conn: &mut PgConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM account_numbers WHERE user_id = $1", user_id)
        .execute(conn)
        .await?;
    Ok(())
}
