//! The OSO service's SQL for PostgreSQL, one module per store of `oso-service`, each mirroring
//! the SQLite queries of that store. Only SQL lives here: the rules (how many mails an hour, how
//! long a sign-in waits) stay in `oso-service`, which calls these functions for a PostgreSQL
//! database and its own SQLite queries for the embedded one.
//!
//! A crate of its own because sqlx checks a crate's queries against one database at a time: this
//! crate's against PostgreSQL, `oso-service`'s against SQLite (`cargo run -p xtask --
//! sqlx-prepare` under `scripts/with-postgres.sh` prepares both).
//!
//! sqlx names a query's prepared data by a hash of its text, in one `.sqlx/` for both engines: a
//! query here whose text is the very text of a SQLite query (one without parameters, say) names
//! its tables with their schema (`public.`), so that the two texts differ.
//!
//! Writes that check before they count (mail limits, the sign-in throttle) take a transaction
//! advisory lock on their subject first: under PostgreSQL's READ COMMITTED two transactions
//! would otherwise both read the same count and both write, which SQLite's single writer rules
//! out by itself.

pub mod account_numbers;
pub mod addresses;
pub mod catalogue;
pub mod esecure_accounts;
pub mod esecure_audit;
pub mod esecure_forget;
pub mod esecure_operator;
pub mod esecure_requests;
pub mod events;
pub mod external_identities;
pub mod job_leads;
pub mod mail_limits;
pub mod one_time_tokens;
pub mod operator_orders;
pub mod operator_tokens;
pub mod orders;
pub mod sessions;
pub mod sign_in_failures;
pub mod users;

use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;

/// A pooled connection idle this long is pinged before it is lent out (see [`open`]).
pub const PING_WHEN_IDLE_FOR: Duration = Duration::from_secs(1);

/// The schema, kept side by side with the SQLite migrations of `oso-service`.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot connect to PostgreSQL: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("cannot migrate the PostgreSQL database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Connects to the database `options` names and brings its schema up to date. Several service
/// instances may do this at once: sqlx's migrator takes an advisory lock while it runs.
pub async fn open(options: PgConnectOptions, max_connections: u32) -> Result<PgPool, OpenError> {
    let pool = PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        // sqlx pings every connection it lends out by default: a round trip to the server before
        // each statement's own (issue 23: half of a history page's time on loopback). A
        // connection in steady use is known to work; one that sat idle may have been cut (a
        // restart of the server, a firewall), so only that one is pinged, and replaced if dead.
        .test_before_acquire(false)
        .before_acquire(|connection, metadata| {
            Box::pin(async move {
                if metadata.idle_for >= PING_WHEN_IDLE_FOR {
                    sqlx::Connection::ping(connection).await?;
                }
                Ok(true)
            })
        })
        .connect_with(options)
        .await
        .map_err(OpenError::Connect)?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// The newest migration applied: proof that the database answers and is the expected schema.
pub async fn schema_version(pool: &PgPool) -> Result<i64, sqlx::Error> {
    let version =
        sqlx::query_scalar!("SELECT MAX(version) FROM public._sqlx_migrations WHERE success")
            .fetch_one(pool)
            .await?;
    Ok(version.unwrap_or(0))
}

/// Holds other transactions that ask for the same `subject` until this one ends.
pub(crate) async fn lock_subject(
    conn: &mut sqlx::PgConnection,
    subject: &str,
) -> Result<(), sqlx::Error> {
    // The function in FROM: a `void` result column is not a type sqlx can describe.
    sqlx::query_scalar!(
        "SELECT true AS locked FROM pg_advisory_xact_lock(hashtextextended($1, 0))",
        subject
    )
    .fetch_one(conn)
    .await?;
    Ok(())
}
