//! `oso_service::address_book::addresses` on PostgreSQL.

use chrono::{DateTime, Utc};
use oso_store::{AddressFields, AddressRow};
use sqlx::PgConnection;

/// The login's addresses by company (case-insensitively), then as saved.
pub async fn list(conn: &mut PgConnection, user_id: i64) -> Result<Vec<AddressRow>, sqlx::Error> {
    sqlx::query_as!(
        AddressRow,
        "SELECT id, company, contact_person, street, number, box_number, postal_code, city,
                country, phone, email, driver_note
         FROM addresses WHERE user_id = $1 ORDER BY lower(company), id",
        user_id
    )
    .fetch_all(conn)
    .await
}

pub async fn insert(
    conn: &mut PgConnection,
    user_id: i64,
    a: &AddressFields<'_>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "INSERT INTO addresses (user_id, company, contact_person, street, number, box_number,
                                postal_code, city, country, phone, email, driver_note, created_at,
                                updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
         RETURNING id",
        user_id,
        a.company,
        a.contact_person,
        a.street,
        a.number,
        a.box_number,
        a.postal_code,
        a.city,
        a.country,
        a.phone,
        a.email,
        a.driver_note,
        now
    )
    .fetch_one(conn)
    .await
}

/// Replaces the login's address `id`; `false` when it has none with that id.
pub async fn replace(
    conn: &mut PgConnection,
    user_id: i64,
    id: i64,
    a: &AddressFields<'_>,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE addresses SET company = $3, contact_person = $4, street = $5, number = $6,
                              box_number = $7, postal_code = $8, city = $9, country = $10,
                              phone = $11, email = $12, driver_note = $13, updated_at = $14
         WHERE id = $1 AND user_id = $2",
        id,
        user_id,
        a.company,
        a.contact_person,
        a.street,
        a.number,
        a.box_number,
        a.postal_code,
        a.city,
        a.country,
        a.phone,
        a.email,
        a.driver_note,
        now
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn remove(conn: &mut PgConnection, user_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "DELETE FROM addresses WHERE id = $1 AND user_id = $2",
        id,
        user_id
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub async fn delete_for_user(conn: &mut PgConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM addresses WHERE user_id = $1", user_id)
        .execute(conn)
        .await?;
    Ok(())
}
