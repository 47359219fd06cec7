//! The two database engines the service's stores speak: SQLite (the embedded default, one
//! instance) and PostgreSQL (a shared service of several instances, issue 19). A store function
//! takes a [`Conn`] and runs its own SQL for the engine behind it: SQLite's next to the store in
//! this crate, PostgreSQL's in `oso-service-postgres`. The rules above the stores never ask which
//! engine runs.
//!
//! Stores move onto this boundary one at a time; those not moved yet take a SQLite connection.

use sqlx::pool::PoolConnection;
use sqlx::postgres::PgConnectOptions;
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction};

use crate::config::ServiceConfig;
use crate::store::StoreError;

/// A pool of either engine.
#[derive(Debug, Clone)]
pub enum Database {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A write transaction of either engine; dropped without [`Tx::commit`], it rolls back.
#[derive(Debug)]
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// A connection taken from either engine's pool, for reads and single-statement writes.
#[derive(Debug)]
pub enum Pooled {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

/// One connection of either engine (a pooled one or a transaction's), for a store function.
#[derive(Debug)]
pub enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

/// Connections a PostgreSQL pool keeps per instance (the order writer has one more of its own).
pub const POSTGRES_CONNECTIONS: u32 = 16;

impl Database {
    /// The database `config` names: PostgreSQL at `database_url`, or else the SQLite file in the
    /// data directory; opened and migrated.
    pub async fn open(config: &ServiceConfig) -> Result<Database, StoreError> {
        match &config.database_url {
            Some(url) => {
                let options: PgConnectOptions = url.expose().parse().map_err(StoreError::Url)?;
                let pool = oso_service_postgres::open(options, POSTGRES_CONNECTIONS).await?;
                Ok(Database::Postgres(pool))
            }
            None => Ok(Database::Sqlite(
                crate::store::open(&config.database_path()).await?,
            )),
        }
    }

    /// Where the database is, for logs: the SQLite file, or PostgreSQL's host, port and
    /// database (never its user or password).
    pub fn describe(&self) -> String {
        match self {
            Database::Sqlite(pool) => pool.connect_options().get_filename().display().to_string(),
            Database::Postgres(pool) => {
                let options = pool.connect_options();
                format!(
                    "postgresql://{}:{}/{}",
                    options.get_host(),
                    options.get_port(),
                    options.get_database().unwrap_or_default()
                )
            }
        }
    }

    /// The newest migration applied: proof that the database answers and is the expected schema.
    pub async fn schema_version(&self) -> Result<i64, StoreError> {
        match self {
            Database::Sqlite(pool) => crate::store::schema_version(pool).await,
            Database::Postgres(pool) => Ok(oso_service_postgres::schema_version(pool).await?),
        }
    }

    pub async fn close(&self) {
        match self {
            Database::Sqlite(pool) => pool.close().await,
            Database::Postgres(pool) => pool.close().await,
        }
    }

    /// A connection from the pool, for reads and single-statement writes.
    pub async fn acquire(&self) -> Result<Pooled, sqlx::Error> {
        Ok(match self {
            Database::Sqlite(pool) => Pooled::Sqlite(pool.acquire().await?),
            Database::Postgres(pool) => Pooled::Postgres(pool.acquire().await?),
        })
    }

    /// On SQLite, moves what was overwritten (secure_delete) out of the write-ahead log too, so
    /// "forget me" leaves no copy there. PostgreSQL keeps old row versions until they are
    /// vacuumed; its autovacuum removes them.
    pub async fn checkpoint(&self) -> Result<(), sqlx::Error> {
        if let Database::Sqlite(pool) = self {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(pool)
                .await?;
        }
        Ok(())
    }

    /// Begins a write transaction: on SQLite with the write lock taken at once
    /// ([`crate::store::begin_write`]); on PostgreSQL an ordinary one, whose stores lock what
    /// they check before they count it.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Database::Sqlite(pool) => Tx::Sqlite(crate::store::begin_write(pool).await?),
            Database::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }
}

impl Pooled {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Pooled::Sqlite(conn) => Conn::Sqlite(conn),
            Pooled::Postgres(conn) => Conn::Postgres(conn),
        }
    }
}

impl Tx {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(tx) => Conn::Sqlite(tx),
            Tx::Postgres(tx) => Conn::Postgres(tx),
        }
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }
}

/// What the engines write differently in the SQL built at run time (the history, its export),
/// whose text is otherwise the same for both.
pub trait Dialect: sqlx::Database {
    /// `column` as it sorts regardless of case.
    fn without_case(column: &str) -> String {
        let (before, after) = Self::WITHOUT_CASE_AROUND;
        format!("{before}{column}{after}")
    }
    /// What [`Dialect::without_case`] writes before and after a column or a bound value.
    const WITHOUT_CASE_AROUND: (&'static str, &'static str);
    /// The text at `path` (`["name", "nl"]`) in the JSON text of `column`.
    fn json_text(column: &str, path: &[&str]) -> String;
    /// The start of "`column` is one of the values of a subquery", which the caller writes and
    /// then closes with [`Dialect::ONE_OF_END`].
    fn one_of(column: &str) -> String;
    const ONE_OF_END: &'static str;
}

impl Dialect for Sqlite {
    const WITHOUT_CASE_AROUND: (&'static str, &'static str) = ("", " COLLATE NOCASE");

    fn json_text(column: &str, path: &[&str]) -> String {
        format!("json_extract({column}, '$.{}')", path.join("."))
    }

    fn one_of(column: &str) -> String {
        format!("{column} IN (")
    }
    const ONE_OF_END: &'static str = ")";
}

impl Dialect for Postgres {
    const WITHOUT_CASE_AROUND: (&'static str, &'static str) = ("lower(", ")");

    fn json_text(column: &str, path: &[&str]) -> String {
        format!("({column}::jsonb #>> '{{{}}}')", path.join(","))
    }

    /// As an array computed once: `x = ANY (ARRAY(…))` is a condition an index can answer, so
    /// `a = 1 OR x = ANY (…)` reads two indexes (a bitmap OR) where `x IN (…)` read every row
    /// (the history at 100,000 orders: 27 ms against 0.9 ms).
    fn one_of(column: &str) -> String {
        format!("{column} = ANY (ARRAY(")
    }
    const ONE_OF_END: &'static str = "))";
}

impl<'c> From<&'c mut SqliteConnection> for Conn<'c> {
    fn from(conn: &'c mut SqliteConnection) -> Self {
        Conn::Sqlite(conn)
    }
}

impl<'c> From<&'c mut PgConnection> for Conn<'c> {
    fn from(conn: &'c mut PgConnection) -> Self {
        Conn::Postgres(conn)
    }
}

/// Databases for tests: a SQLite file in a temporary directory, and a fresh PostgreSQL database
/// on the cluster `scripts/with-postgres.sh` starts (`OSO_TEST_DATABASE_URL`). Tests on
/// PostgreSQL are `#[ignore]`d in a plain `cargo test`; `make test` runs them through that script.
#[cfg(test)]
pub(crate) mod testing {
    use std::sync::atomic::{AtomicU32, Ordering};

    use sqlx::{Connection, PgConnection};

    use super::Database;

    pub struct TestDatabase {
        pub database: Database,
        /// The SQLite file, for what opens connections of its own (the order writer).
        sqlite_file: Option<std::path::PathBuf>,
        _dir: Option<tempfile::TempDir>,
    }

    impl TestDatabase {
        pub fn sqlite_path(&self) -> Option<&std::path::Path> {
            self.sqlite_file.as_deref()
        }
    }

    pub async fn sqlite() -> TestDatabase {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("service.sqlite3");
        let pool = crate::store::open(&file).await.expect("opens");
        TestDatabase {
            database: Database::Sqlite(pool),
            sqlite_file: Some(file),
            _dir: Some(dir),
        }
    }

    /// A database of its own on the test cluster, with the schema: tests never share rows.
    pub async fn postgres() -> TestDatabase {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let url = std::env::var("OSO_TEST_DATABASE_URL")
            .expect("OSO_TEST_DATABASE_URL: run through scripts/with-postgres.sh");
        let name = format!(
            "unit_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::connect(&url).await.expect("connects");
        sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("creates a database");
        let (server, _) = url.rsplit_once('/').expect("a database in the URL");
        let options = format!("{server}/{name}").parse().expect("a URL");
        let pool = oso_service_postgres::open(options, 16)
            .await
            .expect("opens and migrates");
        TestDatabase {
            database: Database::Postgres(pool),
            sqlite_file: None,
            _dir: None,
        }
    }

    /// Runs each named `async fn(TestDatabase)` as a test on SQLite and, `#[ignore]`d in a plain
    /// `cargo test`, on PostgreSQL: `sqlite::name` and `postgres::name`.
    macro_rules! on_both_engines {
        ($($test:ident),* $(,)?) => {
            mod sqlite {
                $(
                    #[tokio::test]
                    async fn $test() {
                        super::$test($crate::database::testing::sqlite().await).await;
                    }
                )*
            }
            mod postgres {
                $(
                    #[tokio::test]
                    #[ignore = "needs PostgreSQL: scripts/with-postgres.sh (make test runs it)"]
                    async fn $test() {
                        super::$test($crate::database::testing::postgres().await).await;
                    }
                )*
            }
        };
    }
    pub(crate) use on_both_engines;
}

#[cfg(test)]
mod pool_tests {
    use sqlx::{Connection, PgConnection};

    use super::{testing, Database};

    #[tokio::test]
    #[ignore = "needs PostgreSQL: scripts/with-postgres.sh (make test runs it)"]
    async fn a_connection_the_server_cut_while_it_was_idle_is_replaced_before_it_is_used() {
        let test = testing::postgres().await;
        let Database::Postgres(pool) = &test.database else {
            unreachable!("a PostgreSQL test database")
        };
        assert!(test.database.schema_version().await.is_ok());

        // The server ends every connection of the pool, as a restart would.
        let mut other = PgConnection::connect_with(&pool.connect_options())
            .await
            .expect("connects");
        sqlx::query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        )
        .execute(&mut other)
        .await
        .expect("ends the pool's connections");
        tokio::time::sleep(oso_service_postgres::PING_WHEN_IDLE_FOR).await;

        // Idle that long, the cut connection is pinged, found dead and replaced.
        for _ in 0..3 {
            test.database
                .schema_version()
                .await
                .expect("answered on a new connection");
        }
    }
}
