//! The service's SQLite database: opened with the pragmas the design asks for, migrated at start.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}")]
    Open { path: String, source: sqlx::Error },
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Query(#[from] sqlx::Error),
}

/// How every connection to the database at `path` is opened.
pub fn options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // NORMAL in WAL mode never corrupts the database; it may lose the last commits on a power
        // cut, which is acceptable for everything but orders; their writer uses FULL.
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        // Deleted and overwritten content is zeroed on disk, so "forget me" leaves no trace.
        .pragma("secure_delete", "on")
        .busy_timeout(Duration::from_secs(5))
}

/// Opens (creating if needed) and migrates the database at `path`.
#[tracing::instrument(err)]
pub async fn open(path: &Path) -> Result<SqlitePool, StoreError> {
    let options = options(path);
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// The newest migration applied: proof that the database answers and is the expected schema.
#[tracing::instrument(skip(pool), err)]
pub async fn schema_version(pool: &SqlitePool) -> Result<i64, StoreError> {
    let version = sqlx::query_scalar!(
        r#"SELECT MAX(version) AS "version: i64" FROM _sqlx_migrations WHERE success = 1"#
    )
    .fetch_one(pool)
    .await?;
    Ok(version.unwrap_or(0))
}
