//! The desktop's own SQLite database (`oso-desktop.sqlite3` in the data directory). It holds
//! this installation's preferences, drafts and the outbound queue, and offline caches.

mod catalogue_cache;
mod drafts;
mod service_cache;
mod settings;

pub use drafts::StoredDraft;

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

#[derive(Debug, Clone)]
pub struct LocalStore {
    pool: SqlitePool,
}

#[derive(Debug, thiserror::Error)]
pub enum LocalStoreError {
    #[error("cannot open the local database {path}: {source}")]
    Open { path: String, source: sqlx::Error },
    #[error("cannot migrate the local database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("local database query failed: {0}")]
    Query(#[from] sqlx::Error),
    #[error("the local database holds a value this version does not understand: {0}")]
    Corrupt(String),
}

impl LocalStore {
    #[tracing::instrument(err)]
    pub async fn open(path: &Path) -> Result<Self, LocalStoreError> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: what the user just typed (a draft, a queued order) must survive a power cut.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Deleted drafts and caches are zeroed on disk ("forget me" leaves no trace).
            .pragma("secure_delete", "on")
            .busy_timeout(Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|source| LocalStoreError::Open {
                path: path.display().to_string(),
                source,
            })?;
        sqlx::migrate!("./src-tauri/migrations").run(&pool).await?;
        Ok(Self { pool })
    }

    /// Closes every connection, waiting for them to finish: after this the file is closed, as
    /// when the app has quit (the crash suite reopens it as a restarted app would).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
