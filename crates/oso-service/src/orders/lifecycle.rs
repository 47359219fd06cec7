//! Moving orders through their statuses (the supplier's side, and the customer's cancel), the
//! timeline, the shipped e-mail, and deleting orders past their retention.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;
pub use oso_api::orders::StatusChange;
use oso_core::order_lifecycle::{is_expired, ORDER_RETENTION};
use oso_core::{check_move, Language, LifecycleError, OrderStatus};
use oso_service_postgres::orders as postgres;
use oso_store::{LoginStatus, ShippedMailRow};

use crate::database::{Conn, Database, Tx};
use crate::error::ServiceError;
use crate::mail::templates::Composer;
use crate::mail::{MailKind, Mailer};

/// Who made a status change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Customer,
    Operator,
}

impl Actor {
    fn as_str(self) -> &'static str {
        match self {
            Actor::Customer => "customer",
            Actor::Operator => "operator",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error("no such order")]
    NotFound,
    #[error(transparent)]
    Lifecycle(#[from] LifecycleError),
    #[error(transparent)]
    Store(#[from] sqlx::Error),
}

impl From<MoveError> for ServiceError {
    fn from(error: MoveError) -> Self {
        match error {
            MoveError::NotFound => ServiceError::field("order_number", "not_found"),
            MoveError::Lifecycle(problem) => ServiceError::field("status", problem.field_code()),
            MoveError::Store(cause) => ServiceError::Store(cause),
        }
    }
}

/// A status change asked for.
#[derive(Debug, Clone, Copy)]
pub struct Move<'a> {
    pub number: &'a str,
    pub to: OrderStatus,
    /// Required when shipping.
    pub tracking_number: Option<&'a str>,
    pub actor: Actor,
    /// Limits the move to this customer's orders (a customer's cancel).
    pub user_id: Option<i64>,
}

/// The order's id, status and owner; on PostgreSQL locked until the transaction ends (SQLite's
/// write transaction holds every other writer off by itself).
async fn current(tx: &mut Tx, number: &str) -> Result<Option<(i64, OrderStatus, i64)>, MoveError> {
    match tx.conn() {
        Conn::Sqlite(conn) => {
            let row = sqlx::query!(
                r#"SELECT id AS "id!", status AS "status: OrderStatus", user_id
                   FROM orders WHERE order_number = ?1"#,
                number
            )
            .fetch_optional(conn)
            .await?;
            Ok(row.map(|row| (row.id, row.status, row.user_id)))
        }
        Conn::Postgres(conn) => Ok(postgres::lock_for_move(conn, number).await?),
    }
}

/// Moves an order, records the change, and mails the customer when it ships.
#[tracing::instrument(skip(database, mailer), err(level = "info"))]
pub async fn move_order(
    database: &Database,
    mailer: &Mailer,
    request: Move<'_>,
    now: DateTime<Utc>,
) -> Result<(), MoveError> {
    let Move {
        number,
        to,
        tracking_number,
        actor,
        user_id,
    } = request;
    let mut tx = database.begin_write().await?;
    let (id, from, owner) = current(&mut tx, number)
        .await?
        .filter(|(_, _, owner)| user_id.is_none_or(|user| user == *owner))
        .ok_or(MoveError::NotFound)?;
    if actor == Actor::Customer && !(to == OrderStatus::Cancelled && from.customer_may_cancel()) {
        return Err(LifecycleError::NotAllowed { from, to }.into());
    }
    check_move(from, to, tracking_number)?;
    let tracking = tracking_number.map(str::trim);
    let completed_at = (to == OrderStatus::Completed).then_some(now);
    let by = actor.as_str();
    match tx.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "UPDATE orders SET status = ?2, tracking_number = COALESCE(?3, tracking_number),
                                   completed_at = COALESCE(?4, completed_at)
                 WHERE id = ?1",
                id,
                to,
                tracking,
                completed_at
            )
            .execute(&mut *conn)
            .await?;
            sqlx::query!(
                "INSERT INTO order_status_changes (order_id, status, changed_at, changed_by)
                 VALUES (?1, ?2, ?3, ?4)",
                id,
                to,
                now,
                by
            )
            .execute(conn)
            .await?;
        }
        Conn::Postgres(conn) => {
            postgres::record_move(conn, id, to, tracking, completed_at, by, now).await?;
        }
    }
    crate::events::record::order_status(&mut tx.conn(), owner, number, to, now).await?;
    tx.commit().await?;
    crate::events::poke();
    if to == OrderStatus::Shipped {
        if let Err(error) = mail_shipped(database, mailer, id).await {
            // The status stands; the mail is logged as lost rather than undoing the move.
            tracing::error!(%error, number, "shipped e-mail failed");
        }
    }
    Ok(())
}

async fn mail_shipped(
    database: &Database,
    mailer: &Mailer,
    order_id: i64,
) -> Result<(), ServiceError> {
    let mut pooled = database.acquire().await?;
    let row = match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                ShippedMailRow,
                r#"SELECT o.order_number AS "order_number!", o.tracking_number, u.language,
                          u.contact_name, COALESCE(u.default_email, u.email) AS "email!: String",
                          u.status AS "user_status: LoginStatus"
                   FROM orders o JOIN users u ON u.id = o.user_id WHERE o.id = ?1"#,
                order_id
            )
            .fetch_one(conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::shipped_mail(conn, order_id).await?,
    };
    drop(pooled);
    if row.user_status != LoginStatus::Active {
        return Ok(());
    }
    let language: Language = row.language.parse().unwrap_or(Language::FALLBACK);
    let number = FluentValue::from(row.order_number.as_str());
    let tracking = FluentValue::from(row.tracking_number.unwrap_or_default());
    let mail = Composer::new(
        language,
        "email-shipped-subject",
        &[("number", number.clone())],
    )
    .paragraph(
        "email-greeting",
        &[("name", FluentValue::from(row.contact_name.as_str()))],
    )
    .paragraph(
        "email-shipped-body",
        &[("number", number), ("tracking", tracking)],
    )
    .paragraph("email-order-follow", &[])
    .finish();
    mailer
        .send(MailKind::OrderShipped, &row.email, mail)
        .await?;
    Ok(())
}

/// The order's status changes, oldest first.
pub async fn timeline(database: &Database, number: &str) -> Result<Vec<StatusChange>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                StatusChange,
                r#"SELECT c.status AS "status: OrderStatus",
                          c.changed_at AS "changed_at: DateTime<Utc>"
                   FROM order_status_changes c JOIN orders o ON o.id = c.order_id
                   WHERE o.order_number = ?1 ORDER BY c.id"#,
                number
            )
            .fetch_all(conn)
            .await
        }
        Conn::Postgres(conn) => Ok(postgres::timeline(conn, number)
            .await?
            .into_iter()
            .map(|(status, changed_at)| StatusChange { status, changed_at })
            .collect()),
    }
}

/// Deletes every order placed 30 days ago or earlier (lines and timeline with it).
#[tracing::instrument(skip(database), err)]
pub async fn delete_expired(database: &Database, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let cutoff = now - ORDER_RETENTION;
    debug_assert!(is_expired(cutoff, now));
    let mut pooled = database.acquire().await?;
    match pooled.conn() {
        Conn::Sqlite(conn) => {
            let done = sqlx::query!("DELETE FROM orders WHERE created_at <= ?1", cutoff)
                .execute(conn)
                .await?;
            Ok(done.rows_affected())
        }
        Conn::Postgres(conn) => postgres::delete_placed_until(conn, cutoff).await,
    }
}
