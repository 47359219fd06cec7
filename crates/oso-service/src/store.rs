//! The service's SQLite database: opened with the pragmas the design asks for, migrated at start.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {path}: {source}")]
    Open { path: String, source: sqlx::Error },
    #[error("cannot keep the database {path} private to this user: {source}")]
    Private {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("the database URL is not a PostgreSQL URL: {0}")]
    Url(#[source] sqlx::Error),
    #[error(transparent)]
    Postgres(#[from] oso_service_postgres::OpenError),
    #[error(transparent)]
    Query(#[from] sqlx::Error),
}

/// How every connection to the database at `path` is opened.
///
/// The service runs no `ANALYZE` (nor `PRAGMA optimize`), on purpose: the plans it needs come
/// from its indexes alone (`history_keyset`'s plan tests), and once statistics exist the bundled
/// SQLite, built with STAT4, prepares every statement that compares a bound value with an
/// indexed column again on each run, because the value might change its plan. That took a history
/// page from 0.2–0.6 ms to 0.5–1.1 ms (`benches/history_page.rs`; docs/benchmarks, issue 23).
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
        // 512 KiB of page cache per connection instead of SQLite's 2 MiB. In WAL mode a write by
        // one connection empties the others' caches, which then refill page by page; with nine
        // connections under load (issue 8's load suite) the refills were the largest short-lived
        // allocations (heaptrack: 28 MiB of cache pages at the peak) and kept the service growing
        // (150 s: +18.6 % with 2 MiB, +11.8 % and flattening with 512 KiB, same throughput). A
        // page not cached is read from the OS's file cache, which holds the database anyway.
        .pragma("cache_size", "-512")
        .busy_timeout(Duration::from_secs(5))
}

/// Opens (creating if needed) and migrates the database at `path`, which only this OS user may
/// read (its `-wal` and `-shm` files too: SQLite gives them the database's mode).
#[tracing::instrument(err)]
pub async fn open(path: &Path) -> Result<SqlitePool, StoreError> {
    oso_files::private_database(path).map_err(|source| StoreError::Private {
        path: path.display().to_string(),
        source,
    })?;
    let options = options(path);
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        // sqlx pings every connection it lends out by default: for SQLite a second trip through
        // the connection's worker thread, as long as the statement itself (78 µs for `SELECT 1`
        // on a release build, issue 23). A connection to a local file cannot go stale the way a
        // network one can; a failed statement still closes it.
        .test_before_acquire(false)
        .connect_with(options)
        .await
        .map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
    sqlx::migrate!("./migrations").run(&pool).await?;
    Ok(pool)
}

/// How every write transaction begins. IMMEDIATE takes SQLite's write lock at once, waiting for
/// it up to the busy timeout. A deferred transaction (sqlx's default) that reads before it writes
/// cannot wait: when another connection holds the lock or wrote since the read, its first write
/// fails at once with "database is locked" (the load suite saw eSecure decisions answer 500).
pub const BEGIN_WRITE: &str = "BEGIN IMMEDIATE";

/// Begins a write transaction on the pool (see [`BEGIN_WRITE`]), in a task of its own. sqlx checks
/// a custom BEGIN at a second await after SQLite ran it; a caller stopped there (a request whose
/// client went away) would leave the transaction open on a pooled connection, holding the write
/// lock for good, and every write after it failed (the crash suite). In its own task the begin
/// always completes, and a transaction nobody takes any more is rolled back when dropped.
pub async fn begin_write(pool: &SqlitePool) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
    let pool = pool.clone();
    tokio::spawn(async move { pool.begin_with(BEGIN_WRITE).await })
        .await
        .map_err(|error| sqlx::Error::Protocol(format!("beginning a transaction: {error}")))?
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

#[cfg(test)]
mod tests {
    use std::future::Future;

    use super::*;

    /// Two transactions that each read, then write, interleaved as concurrent requests are.
    async fn read_then_write_twice(begin: &'static str) -> Result<(), sqlx::Error> {
        let dir = tempfile::tempdir().expect("temp dir");
        let pool = open(&dir.path().join("db.sqlite3")).await.expect("opens");
        sqlx::query("CREATE TABLE decisions (who TEXT NOT NULL)")
            .execute(&pool)
            .await?;
        let read = "SELECT COUNT(*) FROM decisions";
        let write = "INSERT INTO decisions (who) VALUES (?1)";
        let mut first = pool.begin_with(begin).await?;
        sqlx::query(read).execute(&mut *first).await?;
        let second = tokio::spawn({
            let pool = pool.clone();
            async move {
                let mut second = pool.begin_with(begin).await?;
                sqlx::query(read).execute(&mut *second).await?;
                sqlx::query(write)
                    .bind("second")
                    .execute(&mut *second)
                    .await?;
                second.commit().await
            }
        });
        // Let the second one start (and read, when it can) before the first one writes.
        tokio::time::sleep(Duration::from_millis(100)).await;
        sqlx::query(write)
            .bind("first")
            .execute(&mut *first)
            .await?;
        first.commit().await?;
        second.await.expect("task")
    }

    #[tokio::test]
    async fn a_write_transaction_abandoned_while_it_begins_leaves_no_lock_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let pool = open(&dir.path().join("db.sqlite3")).await.expect("opens");
        sqlx::query("CREATE TABLE decisions (who TEXT NOT NULL)")
            .execute(&pool)
            .await
            .expect("table");
        // Abandoned at every point of beginning: the first polls, then later and later.
        for polls in 1..50 {
            let mut begin = std::pin::pin!(begin_write(&pool));
            for _ in 0..polls {
                let waker = std::task::Waker::noop();
                if begin
                    .as_mut()
                    .poll(&mut std::task::Context::from_waker(waker))
                    .is_ready()
                {
                    break;
                }
                tokio::task::yield_now().await;
            }
        }
        let mut tx = tokio::time::timeout(Duration::from_secs(10), begin_write(&pool))
            .await
            .expect("the write lock is free again")
            .expect("begins");
        sqlx::query("INSERT INTO decisions (who) VALUES ('after')")
            .execute(&mut *tx)
            .await
            .expect("writes");
        tx.commit().await.expect("commits");
    }

    #[tokio::test]
    async fn write_transactions_that_read_first_wait_for_each_other_instead_of_failing() {
        read_then_write_twice(BEGIN_WRITE)
            .await
            .expect("both commit, one after the other");
        let deferred = read_then_write_twice("BEGIN").await;
        assert!(
            deferred.is_err(),
            "the deferred default fails one of them: {deferred:?}"
        );
    }
}
