//! The `orders` and `order_lines` tables.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use oso_core::{AccountNumber, Address, AddressInput, OrderStatus};
use oso_service_postgres::orders as postgres;
use oso_store::{AddressFields, LineNameRow, NewOrderRow, OrderExtrasRow, OrderLineRow, OrderRow};
use sqlx::sqlite::SqliteConnection;

use super::{OrderLine, OrderRequest, PlacedOrder};
use crate::accounts::SignedIn;
use crate::address_book::addresses::optional;
use crate::catalogue::Translated;
use crate::database::{Conn, Database};

fn placed(row: OrderRow, lines: Vec<OrderLine>) -> PlacedOrder {
    PlacedOrder {
        order_number: row.order_number.unwrap_or_default(),
        status: row.status,
        account_number: row.account_number,
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
        lines,
        created_at: row.created_at,
    }
}

/// The order of `row` with its lines, in the order they were placed.
async fn with_lines(conn: &mut Conn<'_>, row: OrderRow) -> Result<PlacedOrder, sqlx::Error> {
    let lines = match conn {
        Conn::Sqlite(conn) => {
            // Lines stored before they were numbered read back by row id.
            sqlx::query_as!(
                OrderLineRow,
                "SELECT sku, packs FROM order_lines WHERE order_id = ?1 ORDER BY line_no, rowid",
                row.id
            )
            .fetch_all(&mut **conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::lines(conn, row.id).await?,
    };
    let lines = lines
        .into_iter()
        .map(|line| OrderLine {
            sku: line.sku,
            packs: u32::try_from(line.packs).unwrap_or(u32::MAX),
        })
        .collect();
    Ok(placed(row, lines))
}

pub async fn find_by_key(
    database: &Database,
    user_id: i64,
    key: &str,
) -> Result<Option<PlacedOrder>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    let mut conn = pooled.conn();
    let row = match &mut conn {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                OrderRow,
                r#"SELECT id AS "id!", order_number, status AS "status: OrderStatus",
                          account_number, company, contact_person, street, number, box_number,
                          postal_code, city, country, phone, email, driver_note,
                          created_at AS "created_at: DateTime<Utc>"
                   FROM orders WHERE user_id = ?1 AND idempotency_key = ?2"#,
                user_id,
                key
            )
            .fetch_optional(&mut **conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::find_by_key(conn, user_id, key).await?,
    };
    match row {
        Some(row) => Ok(Some(with_lines(&mut conn, row).await?)),
        None => Ok(None),
    }
}

/// An order the user may see, as the history does: theirs, or placed with an account number
/// they administer (`admin_canonical`, their canonical e-mail address, names them there).
pub async fn find_by_number(
    database: &Database,
    user_id: i64,
    admin_canonical: &str,
    number: &str,
) -> Result<Option<PlacedOrder>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    let mut conn = pooled.conn();
    let row = match &mut conn {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                OrderRow,
                r#"SELECT id AS "id!", order_number, status AS "status: OrderStatus",
                          account_number, company, contact_person, street, number, box_number,
                          postal_code, city, country, phone, email, driver_note,
                          created_at AS "created_at: DateTime<Utc>"
                   FROM orders
                   WHERE order_number = ?2
                     AND (user_id = ?1 OR account_number IN
                          (SELECT account_number FROM account_administrators
                           WHERE email_canonical = ?3))"#,
                user_id,
                number,
                admin_canonical
            )
            .fetch_optional(&mut **conn)
            .await?
        }
        Conn::Postgres(conn) => {
            postgres::find_by_number(conn, user_id, admin_canonical, number).await?
        }
    };
    match row {
        Some(row) => Ok(Some(with_lines(&mut conn, row).await?)),
        None => Ok(None),
    }
}

/// An order as the writer stores it: checked, with who placed it and when.
#[derive(Debug, Clone)]
pub struct NewOrder {
    pub user_id: i64,
    pub ordered_by_name: String,
    pub ordered_by_email: String,
    pub idempotency_key: String,
    pub account_number: AccountNumber,
    pub address: AddressInput,
    pub lines: Vec<OrderLine>,
    pub created_at: DateTime<Utc>,
}

impl NewOrder {
    pub fn new(
        user: &SignedIn,
        request: &OrderRequest,
        number: AccountNumber,
        address: Address,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            user_id: user.user.id,
            ordered_by_name: user.user.contact_name.clone(),
            ordered_by_email: user.user.email.clone(),
            idempotency_key: request.idempotency_key.clone(),
            account_number: number,
            address: AddressInput::from(address),
            lines: request.lines.clone(),
            created_at: now,
        }
    }
}

/// [`insert_on`] for PostgreSQL: the same order, its number from the `order_numbers` sequence.
async fn insert_on_postgres(
    conn: &mut sqlx::PgConnection,
    order: &NewOrder,
) -> Result<Option<PlacedOrder>, sqlx::Error> {
    let input = &order.address;
    let year = order.created_at.format("%Y").to_string();
    let row = NewOrderRow {
        user_id: order.user_id,
        idempotency_key: &order.idempotency_key,
        account_number: order.account_number.as_str(),
        address: AddressFields {
            company: &input.company,
            contact_person: &input.contact_person,
            street: &input.street,
            number: &input.number,
            box_number: optional(&input.box_number),
            postal_code: &input.postal_code,
            city: &input.city,
            country: &input.country,
            phone: &input.phone,
            email: optional(&input.email),
            driver_note: optional(&input.driver_note),
        },
        ordered_by_name: &order.ordered_by_name,
        ordered_by_email: &order.ordered_by_email,
        created_at: order.created_at,
        year: &year,
    };
    let skus: Vec<String> = order.lines.iter().map(|line| line.sku.clone()).collect();
    let packs: Vec<i64> = order
        .lines
        .iter()
        .map(|line| i64::from(line.packs))
        .collect();
    let Some((_, order_number)) = postgres::insert(conn, &row, &skus, &packs).await? else {
        return Ok(None);
    };
    Ok(Some(PlacedOrder {
        order_number,
        status: OrderStatus::Received,
        account_number: order.account_number.as_str().to_owned(),
        address: input.clone(),
        lines: order.lines.clone(),
        created_at: order.created_at,
    }))
}

/// Inserts the order with its lines, its number and its first status on `conn`, inside the
/// caller's transaction. `None` when the user placed an order with this key already.
pub async fn insert_on(
    conn: &mut Conn<'_>,
    order: &NewOrder,
) -> Result<Option<PlacedOrder>, sqlx::Error> {
    let input = &order.address;
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return insert_on_postgres(conn, order).await,
    };
    let (box_number, email, note) = (
        optional(&input.box_number),
        optional(&input.email),
        optional(&input.driver_note),
    );
    let account_number = order.account_number.as_str();
    let year = order.created_at.format("%Y").to_string();
    // Kept on the order for the history's sort by packs (its lines never change).
    let total_packs: i64 = order.lines.iter().map(|line| i64::from(line.packs)).sum();
    let inserted = sqlx::query!(
        r#"INSERT INTO orders (user_id, idempotency_key, account_number, company, contact_person, street, number,
                               box_number, postal_code, city, country, phone, email, driver_note,
                               ordered_by_name, ordered_by_email, created_at, order_number, packs)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                   (SELECT 'OSO-' || ?18 || '-' || printf('%06d', last + 1) FROM order_number_counter),
                   ?19)
           ON CONFLICT (user_id, idempotency_key) DO NOTHING
           RETURNING id AS "id!", order_number AS "order_number!""#,
        order.user_id,
        order.idempotency_key,
        account_number,
        input.company,
        input.contact_person,
        input.street,
        input.number,
        box_number,
        input.postal_code,
        input.city,
        input.country,
        input.phone,
        email,
        note,
        order.ordered_by_name,
        order.ordered_by_email,
        order.created_at,
        year,
        total_packs
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(inserted) = inserted else {
        return Ok(None);
    };
    let (id, order_number) = (inserted.id, inserted.order_number);
    sqlx::query!("UPDATE order_number_counter SET last = last + 1")
        .execute(&mut *conn)
        .await?;
    sqlx::query!(
        "INSERT INTO order_status_changes (order_id, status, changed_at, changed_by)
         VALUES (?1, 'received', ?2, 'customer')",
        id,
        order.created_at
    )
    .execute(&mut *conn)
    .await?;
    // All lines in one statement: one trip to SQLite's thread per order, not one per line.
    let lines =
        serde_json::to_string(&order.lines).map_err(|error| sqlx::Error::Encode(error.into()))?;
    sqlx::query!(
        "INSERT INTO order_lines (order_id, sku, packs, line_no)
         SELECT ?1, line.value ->> '$.sku', line.value ->> '$.packs', line.key + 1
         FROM json_each(?2) AS line",
        id,
        lines
    )
    .execute(&mut *conn)
    .await?;
    Ok(Some(PlacedOrder {
        order_number,
        status: OrderStatus::Received,
        account_number: account_number.to_owned(),
        address: input.clone(),
        lines: order.lines.clone(),
        created_at: order.created_at,
    }))
}

/// "Forget me" for orders: every personal column becomes unrecognisable; the lines, dates,
/// account number and country stay for statistics.
pub async fn anonymise_for_user(conn: &mut Conn<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::anonymise_for_user(conn, user_id).await,
    };
    sqlx::query!(
        "UPDATE orders SET company = '', contact_person = '', street = '', number = '', box_number = NULL,
                           postal_code = '', city = '', phone = '', email = NULL, driver_note = NULL,
                           ordered_by_name = '', ordered_by_email = ''
         WHERE user_id = ?1",
        user_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// What the lifecycle added to an order: tracking number, completion time, who ordered.
#[derive(Debug, Default)]
pub struct Extras {
    pub tracking_number: Option<String>,
    pub completed_at: Option<DateTime<Utc>>,
    pub ordered_by: String,
}

pub async fn extras(database: &Database, number: &str) -> Result<Extras, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    let row = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                OrderExtrasRow,
                r#"SELECT tracking_number, completed_at AS "completed_at: DateTime<Utc>",
                          ordered_by_name
                   FROM orders WHERE order_number = ?1"#,
                number
            )
            .fetch_optional(conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::extras(conn, number).await?,
    };
    Ok(row
        .map(|row| Extras {
            tracking_number: row.tracking_number,
            completed_at: row.completed_at,
            ordered_by: row.ordered_by_name,
        })
        .unwrap_or_default())
}

/// The names of an order's items in every language, by SKU; items no longer sold included.
pub async fn line_names(
    database: &Database,
    number: &str,
) -> Result<BTreeMap<String, Translated>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    let rows =
        match pooled.conn() {
            Conn::Sqlite(conn) => sqlx::query_as!(
                LineNameRow,
                r#"SELECT l.sku AS "sku!", json_extract(c.definition, '$.name.nl') AS "nl: String",
                          json_extract(c.definition, '$.name.en') AS "en: String",
                          json_extract(c.definition, '$.name.fr') AS "fr: String"
                   FROM order_lines l JOIN orders o ON o.id = l.order_id
                   JOIN catalogue_items c ON c.sku = l.sku
                   WHERE o.order_number = ?1"#,
                number
            )
            .fetch_all(conn)
            .await?,
            Conn::Postgres(conn) => postgres::line_names(conn, number).await?,
        };
    Ok(rows
        .into_iter()
        .map(|row| {
            let name = Translated::or_sku(&row.sku, row.nl, row.en, row.fr);
            (row.sku, name)
        })
        .collect())
}
