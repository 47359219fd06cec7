//! `oso_service::orders::store` on PostgreSQL.

use chrono::{DateTime, Utc};
use oso_core::OrderStatus;
use oso_store::{
    LineNameRow, LoginStatus, NewOrderRow, OrderExtrasRow, OrderLineRow, OrderRow, ShippedMailRow,
};
use sqlx::PgConnection;

/// Inserts the order with its first status and its lines inside the caller's transaction;
/// answers its id and number, or `None` when the user placed an order with this key already.
/// Numbers come from the `order_numbers` sequence, so no two instances ever hand out the same
/// one; a key that turns out to be taken leaves a gap, which a sequence may.
///
/// One statement for the three tables (data-modifying CTEs): the order writer sends it once per
/// order, instead of three round trips. The lines' and status's references to the new order are
/// checked at the statement's end, when the order is there; a taken key inserts nothing at all.
pub async fn insert(
    conn: &mut PgConnection,
    order: &NewOrderRow<'_>,
    skus: &[String],
    packs: &[i64],
) -> Result<Option<(i64, String)>, sqlx::Error> {
    let a = &order.address;
    let inserted = sqlx::query!(
        r#"WITH placed AS (
               INSERT INTO orders (user_id, idempotency_key, account_number, company, contact_person,
                                   street, number, box_number, postal_code, city, country, phone,
                                   email, driver_note, ordered_by_name, ordered_by_email, created_at,
                                   order_number, packs)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                       'OSO-' || $18::text || '-' || lpad(nextval('order_numbers')::text, 6, '0'),
                       (SELECT COALESCE(SUM(line_packs), 0) FROM UNNEST($20::bigint[]) AS line_packs))
               ON CONFLICT (user_id, idempotency_key) DO NOTHING
               RETURNING id, order_number),
           first_status AS (
               INSERT INTO order_status_changes (order_id, status, changed_at, changed_by)
               SELECT id, 'received', $17, 'customer' FROM placed),
           lines AS (
               INSERT INTO order_lines (order_id, sku, packs, line_no)
               SELECT placed.id, line.sku, line.packs, line.line_no
               FROM placed, UNNEST($19::text[], $20::bigint[]) WITH ORDINALITY AS line (sku, packs, line_no))
           SELECT id AS "id!", order_number AS "order_number!" FROM placed"#,
        order.user_id,
        order.idempotency_key,
        order.account_number,
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
        order.ordered_by_name,
        order.ordered_by_email,
        order.created_at,
        order.year,
        skus,
        packs
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(inserted.map(|row| (row.id, row.order_number)))
}

/// The order the user placed with `key`, if any.
pub async fn find_by_key(
    conn: &mut PgConnection,
    user_id: i64,
    key: &str,
) -> Result<Option<OrderRow>, sqlx::Error> {
    sqlx::query_as!(
        OrderRow,
        r#"SELECT id, order_number, status AS "status: OrderStatus", account_number, company,
                  contact_person, street, number, box_number, postal_code, city, country, phone,
                  email, driver_note, created_at
           FROM orders WHERE user_id = $1 AND idempotency_key = $2"#,
        user_id,
        key
    )
    .fetch_optional(conn)
    .await
}

/// The order `number` if the user may see it: theirs, or placed with an account number they
/// administer (`admin_canonical` names them there).
pub async fn find_by_number(
    conn: &mut PgConnection,
    user_id: i64,
    admin_canonical: &str,
    number: &str,
) -> Result<Option<OrderRow>, sqlx::Error> {
    sqlx::query_as!(
        OrderRow,
        r#"SELECT id, order_number, status AS "status: OrderStatus", account_number, company,
                  contact_person, street, number, box_number, postal_code, city, country, phone,
                  email, driver_note, created_at
           FROM orders
           WHERE order_number = $2
             AND (user_id = $1 OR account_number IN
                  (SELECT account_number FROM account_administrators WHERE email_canonical = $3))"#,
        user_id,
        number,
        admin_canonical
    )
    .fetch_optional(conn)
    .await
}

/// The order's lines in the order they were placed.
pub async fn lines(
    conn: &mut PgConnection,
    order_id: i64,
) -> Result<Vec<OrderLineRow>, sqlx::Error> {
    sqlx::query_as!(
        OrderLineRow,
        "SELECT sku, packs FROM order_lines WHERE order_id = $1 ORDER BY line_no",
        order_id
    )
    .fetch_all(conn)
    .await
}

pub async fn extras(
    conn: &mut PgConnection,
    number: &str,
) -> Result<Option<OrderExtrasRow>, sqlx::Error> {
    sqlx::query_as!(
        OrderExtrasRow,
        "SELECT tracking_number, completed_at, ordered_by_name FROM orders WHERE order_number = $1",
        number
    )
    .fetch_optional(conn)
    .await
}

/// The names of the order's items in every language, from the catalogue's definitions.
pub async fn line_names(
    conn: &mut PgConnection,
    number: &str,
) -> Result<Vec<LineNameRow>, sqlx::Error> {
    sqlx::query_as!(
        LineNameRow,
        r#"SELECT l.sku, c.definition::jsonb #>> '{name,nl}' AS nl,
                  c.definition::jsonb #>> '{name,en}' AS en,
                  c.definition::jsonb #>> '{name,fr}' AS fr
           FROM order_lines l JOIN orders o ON o.id = l.order_id
           JOIN catalogue_items c ON c.sku = l.sku
           WHERE o.order_number = $1"#,
        number
    )
    .fetch_all(conn)
    .await
}

/// "Forget me" for orders: the personal columns of every order of the user are blanked.
pub async fn anonymise_for_user(conn: &mut PgConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE orders SET company = '', contact_person = '', street = '', number = '',
                           box_number = NULL, postal_code = '', city = '', phone = '', email = NULL,
                           driver_note = NULL, ordered_by_name = '', ordered_by_email = ''
         WHERE user_id = $1",
        user_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The order's id, status and owner, locked until the transaction ends, so two instances moving
/// it at once take turns (each sees the status the other left).
pub async fn lock_for_move(
    conn: &mut PgConnection,
    number: &str,
) -> Result<Option<(i64, OrderStatus, i64)>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT id, status AS "status: OrderStatus", user_id FROM orders
           WHERE order_number = $1 FOR UPDATE"#,
        number
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| (row.id, row.status, row.user_id)))
}

pub async fn record_move(
    conn: &mut PgConnection,
    order_id: i64,
    to: OrderStatus,
    tracking: Option<&str>,
    completed_at: Option<DateTime<Utc>>,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE orders SET status = $2, tracking_number = COALESCE($3, tracking_number),
                           completed_at = COALESCE($4, completed_at)
         WHERE id = $1",
        order_id,
        to as OrderStatus,
        tracking,
        completed_at
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO order_status_changes (order_id, status, changed_at, changed_by)
         VALUES ($1, $2, $3, $4)",
        order_id,
        to as OrderStatus,
        now,
        by
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn shipped_mail(
    conn: &mut PgConnection,
    order_id: i64,
) -> Result<ShippedMailRow, sqlx::Error> {
    sqlx::query_as!(
        ShippedMailRow,
        r#"SELECT o.order_number AS "order_number!", o.tracking_number, u.language, u.contact_name,
                  COALESCE(u.default_email, u.email) AS "email!",
                  u.status AS "user_status: LoginStatus"
           FROM orders o JOIN users u ON u.id = o.user_id WHERE o.id = $1"#,
        order_id
    )
    .fetch_one(conn)
    .await
}

/// The order's status changes, oldest first.
pub async fn timeline(
    conn: &mut PgConnection,
    number: &str,
) -> Result<Vec<(OrderStatus, DateTime<Utc>)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT c.status AS "status: OrderStatus", c.changed_at
           FROM order_status_changes c JOIN orders o ON o.id = c.order_id
           WHERE o.order_number = $1 ORDER BY c.id"#,
        number
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.status, row.changed_at))
        .collect())
}

/// Deletes the orders placed at or before `cutoff` (lines and timeline with them).
pub async fn delete_placed_until(
    conn: &mut PgConnection,
    cutoff: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM orders WHERE created_at <= $1", cutoff)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
