//! The delivery addresses saved under a login. Editing or deleting one never changes a past
//! order: an order keeps its own copy.

use chrono::{DateTime, Utc};
pub use oso_api::address_book::SavedAddress;
use oso_core::{Address, AddressInput};
use sqlx::SqlitePool;

use crate::accounts::SignedIn;
use crate::error::ServiceError;

struct Row {
    id: i64,
    company: String,
    contact_person: String,
    street: String,
    number: String,
    box_number: Option<String>,
    postal_code: String,
    city: String,
    country: String,
    phone: String,
    email: Option<String>,
    driver_note: Option<String>,
}

impl From<Row> for SavedAddress {
    fn from(row: Row) -> Self {
        Self {
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
pub async fn list(pool: &SqlitePool, user: &SignedIn) -> Result<Vec<SavedAddress>, ServiceError> {
    let rows = sqlx::query_as!(
        Row,
        r#"SELECT id AS "id!", company, contact_person, street, number, box_number, postal_code, city,
                  country, phone, email, driver_note
           FROM addresses WHERE user_id = ?1 ORDER BY company COLLATE NOCASE, id"#,
        user.user.id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(SavedAddress::from).collect())
}

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn add(
    pool: &SqlitePool,
    user: &SignedIn,
    input: &AddressInput,
    now: DateTime<Utc>,
) -> Result<SavedAddress, ServiceError> {
    let c = validate(input)?;
    let (box_number, email, note) = (
        optional(&c.box_number),
        optional(&c.email),
        optional(&c.driver_note),
    );
    let id = sqlx::query_scalar!(
        r#"INSERT INTO addresses (user_id, company, contact_person, street, number, box_number, postal_code,
                                  city, country, phone, email, driver_note, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)
           RETURNING id AS "id!""#,
        user.user.id,
        c.company,
        c.contact_person,
        c.street,
        c.number,
        box_number,
        c.postal_code,
        c.city,
        c.country,
        c.phone,
        email,
        note,
        now
    )
    .fetch_one(pool)
    .await?;
    Ok(SavedAddress { id, address: c })
}

/// Replaces a saved address; `None` when the user has no address with this id.
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn replace(
    pool: &SqlitePool,
    user: &SignedIn,
    id: i64,
    input: &AddressInput,
    now: DateTime<Utc>,
) -> Result<Option<SavedAddress>, ServiceError> {
    let c = validate(input)?;
    let (box_number, email, note) = (
        optional(&c.box_number),
        optional(&c.email),
        optional(&c.driver_note),
    );
    let done = sqlx::query!(
        "UPDATE addresses SET company = ?3, contact_person = ?4, street = ?5, number = ?6, box_number = ?7,
                              postal_code = ?8, city = ?9, country = ?10, phone = ?11, email = ?12,
                              driver_note = ?13, updated_at = ?14
         WHERE id = ?1 AND user_id = ?2",
        id,
        user.user.id,
        c.company,
        c.contact_person,
        c.street,
        c.number,
        box_number,
        c.postal_code,
        c.city,
        c.country,
        c.phone,
        email,
        note,
        now
    )
    .execute(pool)
    .await?;
    Ok((done.rows_affected() > 0).then_some(SavedAddress { id, address: c }))
}

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn remove(pool: &SqlitePool, user: &SignedIn, id: i64) -> Result<bool, ServiceError> {
    let done = sqlx::query!(
        "DELETE FROM addresses WHERE id = ?1 AND user_id = ?2",
        id,
        user.user.id
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() > 0)
}
