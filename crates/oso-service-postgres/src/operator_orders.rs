//! `oso_service::operator` (the supplier's view of orders) on PostgreSQL.

use oso_api::operator::OperatorRow;
use oso_core::OrderStatus;
use sqlx::PgConnection;

/// Numbered orders, oldest first, optionally of one status.
pub async fn list(
    conn: &mut PgConnection,
    status: Option<OrderStatus>,
) -> Result<Vec<OperatorRow>, sqlx::Error> {
    sqlx::query_as!(
        OperatorRow,
        r#"SELECT order_number AS "order_number!", created_at, status, account_number, company,
                  tracking_number
           FROM orders
           WHERE order_number IS NOT NULL AND ($1::text IS NULL OR status = $1::text)
           ORDER BY id"#,
        status as Option<OrderStatus>
    )
    .fetch_all(conn)
    .await
}

pub async fn status_of(
    conn: &mut PgConnection,
    number: &str,
) -> Result<Option<OrderStatus>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT status AS "status: OrderStatus" FROM orders WHERE order_number = $1"#,
        number
    )
    .fetch_optional(conn)
    .await
}

/// Numbered orders that have not reached an end: (number, status).
pub async fn open(conn: &mut PgConnection) -> Result<Vec<(String, OrderStatus)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT order_number AS "order_number!", status AS "status: OrderStatus" FROM orders
           WHERE order_number IS NOT NULL AND status IN ('received', 'in_progress', 'shipped')
           ORDER BY id"#
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.order_number, row.status))
        .collect())
}
