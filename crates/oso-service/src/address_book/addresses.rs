//! The delivery addresses saved under a login. Editing or deleting one never changes a past
//! order: an order keeps its own copy.

use chrono::{DateTime, Utc};
pub use oso_api::address_book::SavedAddress;
use oso_core::{Address, AddressInput};
use oso_service_postgres::addresses as postgres;
use oso_store::{AddressFields, AddressRow};

use crate::accounts::SignedIn;
use crate::database::{Conn, Database};
use crate::error::ServiceError;

fn saved(row: AddressRow) -> SavedAddress {
    SavedAddress {
        id: row.id,
        address: AddressInput {
            company: row.company,
            contact_person: row.contact_person,
            street: row.street,
            number: row.number,
            box_number: row.box_number.unwrap_or_default(),
            postal_code: row.postal_code,
            city: row.city,
            country: row.country,
            phone: row.phone,
            email: row.email.unwrap_or_default(),
            driver_note: row.driver_note.unwrap_or_default(),
        },
    }
}

/// The columns of a checked address, optional ones `None` when empty.
fn fields(c: &AddressInput) -> AddressFields<'_> {
    AddressFields {
        company: &c.company,
        contact_person: &c.contact_person,
        street: &c.street,
        number: &c.number,
        box_number: optional(&c.box_number),
        postal_code: &c.postal_code,
        city: &c.city,
        country: &c.country,
        phone: &c.phone,
        email: optional(&c.email),
        driver_note: optional(&c.driver_note),
    }
}

/// The address as it will be stored: validated and normalised (E.164 phone, upper-case country,
/// formatted postal code), with empty optional fields.
fn validate(input: &AddressInput) -> Result<AddressInput, ServiceError> {
    Address::parse(input)
        .map(AddressInput::from)
        .map_err(ServiceError::from)
}

/// An optional column: `None` for an empty text.
pub(crate) fn optional(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn list(database: &Database, user: &SignedIn) -> Result<Vec<SavedAddress>, ServiceError> {
    let mut pooled = database.acquire().await?;
    let rows = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                AddressRow,
                r#"SELECT id AS "id!", company, contact_person, street, number, box_number,
                          postal_code, city, country, phone, email, driver_note
                   FROM addresses WHERE user_id = ?1 ORDER BY company COLLATE NOCASE, id"#,
                user.user.id
            )
            .fetch_all(conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::list(conn, user.user.id).await?,
    };
    Ok(rows.into_iter().map(saved).collect())
}

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn add(
    database: &Database,
    user: &SignedIn,
    input: &AddressInput,
    now: DateTime<Utc>,
) -> Result<SavedAddress, ServiceError> {
    let c = validate(input)?;
    let a = fields(&c);
    let mut pooled = database.acquire().await?;
    let id = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!(
                r#"INSERT INTO addresses (user_id, company, contact_person, street, number,
                                          box_number, postal_code, city, country, phone, email,
                                          driver_note, created_at, updated_at)
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)
                   RETURNING id AS "id!""#,
                user.user.id,
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
            .await?
        }
        Conn::Postgres(conn) => postgres::insert(conn, user.user.id, &a, now).await?,
    };
    Ok(SavedAddress { id, address: c })
}

/// Replaces a saved address; `None` when the user has no address with this id.
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn replace(
    database: &Database,
    user: &SignedIn,
    id: i64,
    input: &AddressInput,
    now: DateTime<Utc>,
) -> Result<Option<SavedAddress>, ServiceError> {
    let c = validate(input)?;
    let a = fields(&c);
    let mut pooled = database.acquire().await?;
    let replaced = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "UPDATE addresses SET company = ?3, contact_person = ?4, street = ?5, number = ?6,
                                      box_number = ?7, postal_code = ?8, city = ?9, country = ?10,
                                      phone = ?11, email = ?12, driver_note = ?13, updated_at = ?14
                 WHERE id = ?1 AND user_id = ?2",
                id,
                user.user.id,
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
            .await?
            .rows_affected()
                > 0
        }
        Conn::Postgres(conn) => postgres::replace(conn, user.user.id, id, &a, now).await?,
    };
    Ok(replaced.then_some(SavedAddress { id, address: c }))
}

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn remove(database: &Database, user: &SignedIn, id: i64) -> Result<bool, ServiceError> {
    let mut pooled = database.acquire().await?;
    Ok(match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "DELETE FROM addresses WHERE id = ?1 AND user_id = ?2",
                id,
                user.user.id
            )
            .execute(conn)
            .await?
            .rows_affected()
                > 0
        }
        Conn::Postgres(conn) => postgres::remove(conn, user.user.id, id).await?,
    })
}

/// Deletes every address of the login ("forget me").
pub async fn delete_for_user(conn: &mut Conn<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!("DELETE FROM addresses WHERE user_id = ?1", user_id)
                .execute(&mut **conn)
                .await?;
            Ok(())
        }
        Conn::Postgres(conn) => postgres::delete_for_user(conn, user_id).await,
    }
}
