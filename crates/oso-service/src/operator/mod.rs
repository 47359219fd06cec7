//! The supplier's side for operators and scripts: the operator API (`/api/v1/operator/…`, with a
//! token from [`tokens`]) and `oso-service orders …`, which works on a service's database
//! directly (safe beside running instances: SQLite's WAL, PostgreSQL's row locks). Both call the
//! same functions here.

pub mod tokens;

use chrono::{DateTime, Utc};
pub use oso_api::operator::OperatorRow;
use oso_core::{LifecycleError, OrderStatus};
use oso_service_postgres::operator_orders as postgres;

use crate::config::ServiceConfig;
use crate::database::{Conn, Database};
use crate::mail::Mailer;
pub use crate::orders::lifecycle::MoveError;
use crate::orders::lifecycle::{self, Actor, Move};
use crate::start_error::StartError;

#[derive(Debug)]
pub struct Operator {
    database: Database,
    mailer: Mailer,
    links: crate::accounts::Links,
    accounts: crate::accounts::Accounts,
}

impl Operator {
    pub async fn open(config: &ServiceConfig) -> Result<Self, StartError> {
        let database = Database::open(config).await?;
        let mailer = match &config.smtp {
            Some(smtp) => Mailer::smtp(smtp, &config.mail_from)?,
            None => {
                oso_files::private_dir(&config.outbox_dir()).map_err(|source| {
                    StartError::DataDir {
                        path: config.outbox_dir(),
                        source,
                    }
                })?;
                Mailer::outbox(config.outbox_dir(), &config.mail_from)?
            }
        };
        let public_url = config
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", config.listen));
        let links = crate::accounts::Links::new(&public_url);
        let accounts = crate::accounts::Accounts::on(
            database.clone(),
            std::sync::Arc::new(oso_core::SystemClock),
            mailer.clone(),
            links.clone(),
            oso_core::account_policy::PasswordRenewal::every_days(i64::from(
                config.password_max_age_days,
            )),
        );
        Ok(Self {
            database,
            mailer,
            links,
            accounts,
        })
    }

    /// Orders, oldest first, optionally of one status.
    pub async fn list(&self, status: Option<OrderStatus>) -> Result<Vec<OperatorRow>, sqlx::Error> {
        list_orders(&self.database, status).await
    }

    pub fn database(&self) -> &Database {
        &self.database
    }

    /// What eSecure's operator functions need, at the current time.
    pub fn esecure(&self) -> crate::esecure::Context<'_> {
        crate::esecure::Context {
            database: &self.database,
            mailer: &self.mailer,
            links: &self.links,
            accounts: &self.accounts,
            now: Utc::now(),
        }
    }

    /// Moves an order to `to`; `None` means the next status in the normal course.
    pub async fn set(
        &self,
        number: &str,
        to: Option<OrderStatus>,
        tracking_number: Option<&str>,
    ) -> Result<OrderStatus, MoveError> {
        set_status(
            &self.database,
            &self.mailer,
            number,
            to,
            tracking_number,
            Utc::now(),
        )
        .await
    }
}

/// Orders, oldest first, optionally of one status.
pub async fn list_orders(
    database: &Database,
    status: Option<OrderStatus>,
) -> Result<Vec<OperatorRow>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                OperatorRow,
                r#"SELECT order_number AS "order_number!",
                          created_at AS "created_at: DateTime<Utc>", status, account_number,
                          company, tracking_number
                   FROM orders
                   WHERE order_number IS NOT NULL AND (?1 IS NULL OR status = ?1)
                   ORDER BY id"#,
                status
            )
            .fetch_all(conn)
            .await
        }
        Conn::Postgres(conn) => postgres::list(conn, status).await,
    }
}

/// Moves an order to `to`; `None` means the next status in the normal course. Answers the
/// status the order now has.
#[tracing::instrument(skip(database, mailer), err(level = "info"))]
pub async fn set_status(
    database: &Database,
    mailer: &Mailer,
    number: &str,
    to: Option<OrderStatus>,
    tracking_number: Option<&str>,
    now: DateTime<Utc>,
) -> Result<OrderStatus, MoveError> {
    let to = match to {
        Some(to) => to,
        None => {
            let mut pooled = database.acquire().await?;
            let current = match pooled.conn() {
                Conn::Sqlite(conn) => {
                    sqlx::query_scalar!(
                        r#"SELECT status AS "status: OrderStatus" FROM orders
                           WHERE order_number = ?1"#,
                        number
                    )
                    .fetch_optional(conn)
                    .await?
                }
                Conn::Postgres(conn) => postgres::status_of(conn, number).await?,
            }
            .ok_or(MoveError::NotFound)?;
            current.next().ok_or(LifecycleError::NotAllowed {
                from: current,
                to: current,
            })?
        }
    };
    let request = Move {
        number,
        to,
        tracking_number,
        actor: Actor::Operator,
        user_id: None,
    };
    lifecycle::move_order(database, mailer, request, now).await?;
    Ok(to)
}

/// DEMO ONLY: moves every open order one status further; shipped orders get a made-up tracking
/// number. Returns how many moved.
pub async fn demo_advance_all(
    database: &Database,
    mailer: &Mailer,
    now: DateTime<Utc>,
) -> Result<usize, MoveError> {
    let mut pooled = database.acquire().await?;
    let open = match pooled.conn() {
        Conn::Sqlite(conn) => sqlx::query!(
            r#"SELECT order_number AS "order_number!", status AS "status: OrderStatus"
               FROM orders
               WHERE order_number IS NOT NULL
                 AND status IN ('received', 'in_progress', 'shipped')
               ORDER BY id"#
        )
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|row| (row.order_number, row.status))
        .collect(),
        Conn::Postgres(conn) => postgres::open(conn).await?,
    };
    drop(pooled);
    let mut moved = 0;
    for (number, status) in open {
        let Some(next) = status.next() else {
            continue;
        };
        let tracking = format!("DEMO{}", number.replace(['O', 'S', '-'], ""));
        let request = Move {
            number: &number,
            to: next,
            tracking_number: (next == OrderStatus::Shipped).then_some(tracking.as_str()),
            actor: Actor::Operator,
            user_id: None,
        };
        lifecycle::move_order(database, mailer, request, now).await?;
        moved += 1;
    }
    Ok(moved)
}
