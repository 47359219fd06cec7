//! The account numbers saved under a login for new orders, and the one decision of whether a
//! user may use a number is eSecure's ([`crate::esecure::asking::ask_to_use`]).

pub use oso_api::address_book::{AccountNumberForm, AccountNumberRename, SavedAccountNumber};
use oso_core::text::NAME_MAX_CHARS;
use oso_core::AccountNumber;
use oso_service_postgres::account_numbers as postgres;

use crate::accounts::SignedIn;
use crate::database::{Conn, Database};
use crate::error::ServiceError;

fn parse_name(name: &str) -> Result<String, ServiceError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(ServiceError::field("name", "too_long"));
    }
    if name.chars().any(char::is_control) {
        return Err(ServiceError::field("name", "invalid_characters"));
    }
    Ok(name)
}

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn list(
    database: &Database,
    user: &SignedIn,
) -> Result<Vec<SavedAccountNumber>, ServiceError> {
    let mut pooled = database.acquire().await?;
    Ok(match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                SavedAccountNumber,
                r#"SELECT id AS "id!", number, name FROM account_numbers WHERE user_id = ?1
                   ORDER BY created_at, id"#,
                user.user.id
            )
            .fetch_all(conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::list(conn, user.user.id).await?,
    })
}

/// Saves a number (or renames it, when it is saved already).
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn save(
    cx: crate::esecure::Context<'_>,
    database: &Database,
    user: &SignedIn,
    form: &AccountNumberForm,
) -> Result<SavedAccountNumber, ServiceError> {
    let now = cx.now;
    let number = AccountNumber::parse(&form.number)
        .map_err(|error| ServiceError::field("number", error.field_code()))?;
    let name = parse_name(&form.name)?;
    crate::esecure::asking::ask_to_use(cx, user, number.as_str())
        .await
        .map_err(|error| error.at_field("number"))?;
    let digits = number.as_str();
    let mut pooled = database.acquire().await?;
    let id = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!(
                r#"INSERT INTO account_numbers (user_id, number, name, created_at)
                   VALUES (?1, ?2, ?3, ?4)
                   ON CONFLICT (user_id, number) DO UPDATE SET name = excluded.name
                   RETURNING id AS "id!""#,
                user.user.id,
                digits,
                name,
                now
            )
            .fetch_one(conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::save(conn, user.user.id, digits, &name, now).await?,
    };
    Ok(SavedAccountNumber {
        id,
        number: digits.to_owned(),
        name,
    })
}

#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn rename(
    database: &Database,
    user: &SignedIn,
    id: i64,
    rename: &AccountNumberRename,
) -> Result<Option<SavedAccountNumber>, ServiceError> {
    let name = parse_name(&rename.name)?;
    let mut pooled = database.acquire().await?;
    Ok(match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                SavedAccountNumber,
                r#"UPDATE account_numbers SET name = ?3 WHERE id = ?1 AND user_id = ?2
                   RETURNING id AS "id!", number, name"#,
                id,
                user.user.id,
                name
            )
            .fetch_optional(conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::rename(conn, user.user.id, id, &name).await?,
    })
}

/// Removes a saved number; past orders with it are untouched. `false` when there was none.
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn remove(database: &Database, user: &SignedIn, id: i64) -> Result<bool, ServiceError> {
    let mut pooled = database.acquire().await?;
    Ok(match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "DELETE FROM account_numbers WHERE id = ?1 AND user_id = ?2",
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

/// Deletes every number the login saved ("forget me").
pub async fn delete_for_user(conn: &mut Conn<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!("DELETE FROM account_numbers WHERE user_id = ?1", user_id)
                .execute(&mut **conn)
                .await?;
            Ok(())
        }
        Conn::Postgres(conn) => postgres::delete_for_user(conn, user_id).await,
    }
}
