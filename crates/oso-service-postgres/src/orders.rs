//! `oso_service::orders::store` on PostgreSQL.

use oso_store::NewOrderRow;
use sqlx::PgConnection;

/// Inserts the order with its first status and its lines inside the caller's transaction;
/// answers its id and number, or `None` when the user placed an order with this key already.
/// Numbers come from the `order_numbers` sequence, so no two instances ever hand out the same
/// one; a key that turns out to be taken leaves a gap, which a sequence may.
pub async fn insert(
    conn: &mut PgConnection,
    order: &NewOrderRow<'_>,
    skus: &[String],
    packs: &[i64],
) -> Result<Option<(i64, String)>, sqlx::Error> {
    let a = &order.address;
    let inserted = sqlx::query!(
        r#"INSERT INTO orders (user_id, idempotency_key, account_number, company, contact_person,
                               street, number, box_number, postal_code, city, country, phone,
                               email, driver_note, ordered_by_name, ordered_by_email, created_at,
                               order_number)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                   'OSO-' || $18::text || '-' || lpad(nextval('order_numbers')::text, 6, '0'))
           ON CONFLICT (user_id, idempotency_key) DO NOTHING
           RETURNING id, order_number AS "order_number!""#,
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
        order.year
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(inserted) = inserted else {
        return Ok(None);
    };
    sqlx::query!(
        "INSERT INTO order_status_changes (order_id, status, changed_at, changed_by)
         VALUES ($1, 'received', $2, 'customer')",
        inserted.id,
        order.created_at
    )
    .execute(&mut *conn)
    .await?;
    // All lines in one statement, as on SQLite.
    sqlx::query!(
        "INSERT INTO order_lines (order_id, sku, packs)
         SELECT $1, line.sku, line.packs FROM UNNEST($2::text[], $3::bigint[]) AS line (sku, packs)",
        inserted.id,
        skus,
        packs
    )
    .execute(&mut *conn)
    .await?;
    Ok(Some((inserted.id, inserted.order_number)))
}
