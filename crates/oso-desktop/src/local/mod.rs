//! The desktop's own SQLite database (`oso-desktop.sqlite3` in the data directory). It holds
//! this installation's preferences, drafts and the outbound queue, and offline caches.

mod catalogue_cache;
mod drafts;
mod last_address;
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
    #[error("cannot keep the local database {path} private to this user: {source}")]
    Private {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot migrate the local database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("local database query failed: {0}")]
    Query(#[from] sqlx::Error),
    #[error("the local database holds a value this version does not understand: {0}")]
    Corrupt(String),
}

impl LocalStore {
    /// Opens (creating if needed) and migrates the database at `path`, which only this OS user
    /// may read (0600, its `-wal` and `-shm` too).
    #[tracing::instrument(err)]
    pub async fn open(path: &Path) -> Result<Self, LocalStoreError> {
        oso_files::private_database(path).map_err(|source| LocalStoreError::Private {
            path: path.display().to_string(),
            source,
        })?;
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
            // No ping before each statement (sqlx's default): for a local file it is a second
            // trip through the connection's worker thread, and such a connection cannot go stale.
            .test_before_acquire(false)
            .connect_with(options)
            .await
            .map_err(|source| LocalStoreError::Open {
                path: path.display().to_string(),
                source,
            })?;
        let ownerless = drafts_without_an_owner(&pool).await;
        sqlx::migrate!("./migrations").run(&pool).await?;
        if ownerless > 0 {
            tracing::warn!(
                ownerless,
                "drafts and queued orders saved before owners were recorded were removed unsent: \
                 whose they are cannot be known, and no other login may see or send them"
            );
        }
        Ok(Self { pool })
    }
}

/// How many drafts a database from before owners were recorded holds (0 once migrated).
async fn drafts_without_an_owner(pool: &SqlitePool) -> i64 {
    // Runtime SQL: the schema it reads is the old one, gone once migrated. An error (a new
    // database, with no table yet) means none.
    sqlx::query_scalar(
        "SELECT count(*) FROM drafts
         WHERE NOT EXISTS (SELECT 1 FROM pragma_table_info('drafts') WHERE name = 'owner')",
    )
    .fetch_one(pool)
    .await
    .unwrap_or(0)
}

impl LocalStore {
    /// Closes every connection, waiting for them to finish: after this the file is closed, as
    /// when the app has quit (the crash suite reopens it as a restarted app would).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::owner::UserId;

    /// A new store at `path` as an older version left it: every migration before `version`.
    async fn with_schema_before(path: &Path, version: i64) -> SqlitePool {
        let pool = SqlitePoolOptions::new()
            .connect_with(
                SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true),
            )
            .await
            .expect("opens");
        let mut before = sqlx::migrate!("./migrations");
        before.migrations = before
            .migrations
            .iter()
            .filter(|migration| migration.version < version)
            .cloned()
            .collect();
        before.run(&pool).await.expect("the old schema");
        pool
    }

    #[tokio::test]
    async fn a_draft_saved_before_owners_were_recorded_is_handed_to_nobody() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("local.sqlite3");
        let pool = with_schema_before(&path, 20261205000001).await;
        sqlx::query(
            "INSERT INTO drafts (id, body, state, created_at, updated_at)
             VALUES ('queued-by-someone', '{\"accountNumber\":\"951234567\"}', 'approval',
                     '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')",
        )
        .execute(&pool)
        .await
        .expect("an order waiting for approval, owner unknown");
        pool.close().await;

        let store = LocalStore::open(&path).await.expect("opens and migrates");

        let whoever = UserId::parse("c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3").expect("id");
        assert!(store.drafts(&whoever).await.expect("lists").is_empty());
        let left: i64 = sqlx::query_scalar("SELECT count(*) FROM drafts")
            .fetch_one(&store.pool)
            .await
            .expect("counts");
        assert_eq!(left, 0, "not kept for anybody either");
    }

    #[tokio::test]
    async fn a_draft_kept_in_camel_case_reads_back_in_snake_case_after_the_upgrade() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("local.sqlite3");
        let pool = with_schema_before(&path, 20261206000001).await;
        let kept = r#"{"step":2,"accountNumber":"951234567","saveAccountNumber":true,
            "addressBookId":null,"saveAddress":false,
            "address":{"company":"Zebra","contactPerson":"Ann","postalCode":"2000",
            "boxNumber":"3","driverNote":"back door"},"lines":[{"sku":"ENV-C4","packs":2}]}"#;
        let owner = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3";
        for (id, body) in [("camel", kept), ("damaged", "{not json")] {
            sqlx::query(
                "INSERT INTO drafts (id, owner, body, state, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'editing', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')",
            )
            .bind(id)
            .bind(owner)
            .bind(body)
            .execute(&pool)
            .await
            .expect("a draft kept before");
        }
        pool.close().await;

        let store = LocalStore::open(&path).await.expect("opens and migrates");

        let owner = UserId::parse(owner).expect("id");
        let stored = store
            .draft(&owner, "camel")
            .await
            .expect("reads")
            .expect("kept");
        // Read as JSON, not as the wizard's Draft: the store knows no more of a body than that.
        let body: serde_json::Value = serde_json::from_str(&stored.body).expect("JSON");
        assert_eq!(body["account_number"], "951234567");
        assert_eq!(body["save_account_number"], true);
        assert_eq!(body["save_address"], false);
        assert!(body["address_book_id"].is_null());
        assert_eq!(body["address"]["contact_person"], "Ann");
        assert_eq!(body["address"]["postal_code"], "2000");
        assert_eq!(body["address"]["box_number"], "3");
        assert_eq!(body["address"]["driver_note"], "back door");
        assert_eq!(body["address"]["company"], "Zebra");
        assert_eq!(body["lines"][0]["sku"], "ENV-C4");
        assert!(!stored.body.contains("accountNumber"), "{}", stored.body);
        assert!(!stored.body.contains("contactPerson"), "{}", stored.body);
        let damaged = store
            .draft(&owner, "damaged")
            .await
            .expect("reads")
            .expect("kept as it was");
        assert_eq!(damaged.body, "{not json");
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn the_local_database_is_for_this_user_only_even_when_it_was_left_readable() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| {
            std::fs::metadata(path)
                .expect("exists")
                .permissions()
                .mode()
                & 0o777
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("oso-desktop.sqlite3");
        let store = LocalStore::open(&path).await.expect("opens");
        let owner = UserId::parse("a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1").expect("id");
        store
            .save_draft(&owner, "d", "{}", chrono::Utc::now())
            .await
            .expect("saves");
        let files = [
            "oso-desktop.sqlite3",
            "oso-desktop.sqlite3-wal",
            "oso-desktop.sqlite3-shm",
        ];
        for file in files {
            assert_eq!(mode(&dir.path().join(file)), 0o600, "{file}");
        }

        // As an earlier version left them (still open: SQLite removes its -wal at the last close).
        for file in files {
            let loose = std::fs::Permissions::from_mode(0o644);
            std::fs::set_permissions(dir.path().join(file), loose).expect("chmod");
        }
        let reopened = LocalStore::open(&path).await.expect("reopens");
        for file in files {
            assert_eq!(mode(&dir.path().join(file)), 0o600, "{file} tightened");
        }
        reopened.close().await;
        store.close().await;
    }
}
