//! `spawn_service()`: a real service on 127.0.0.1:0 with a temp data directory, on SQLite, or on
//! a PostgreSQL database of its own when the suite runs on PostgreSQL (`make test` runs it both
//! ways; see [`on_postgres`]).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use oso_service::database::Database;
use oso_service::{RunningService, ServiceConfig};

pub struct TestService {
    pub client: reqwest::Client,
    pub address: SocketAddr,
    running: Option<RunningService>,
    data_dir: PathBuf,
    _temp: Option<tempfile::TempDir>,
}

/// Whether this run of the suite is on PostgreSQL: `OSO_TEST_API_ON_POSTGRES` set, under
/// `scripts/with-postgres.sh`, which names the cluster in `OSO_TEST_DATABASE_URL`.
pub fn on_postgres() -> bool {
    std::env::var_os("OSO_TEST_API_ON_POSTGRES").is_some()
}

/// The embedded configuration for a test's data directory; on PostgreSQL with a database of the
/// directory's own, the same one each time for the same directory (tests that restart).
pub async fn config(data_dir: &Path) -> ServiceConfig {
    let mut config = ServiceConfig::embedded(data_dir);
    if on_postgres() {
        config.database_url = Some(oso_core::SecretString::new(
            postgres_database_for(data_dir).await,
        ));
    }
    config
}

/// The PostgreSQL databases of the tests' data directories.
static DATABASES: std::sync::Mutex<Vec<(PathBuf, String)>> = std::sync::Mutex::new(Vec::new());

fn known_database(data_dir: &Path) -> Option<String> {
    DATABASES
        .lock()
        .expect("not poisoned")
        .iter()
        .find(|(dir, _)| dir == data_dir)
        .map(|(_, url)| url.clone())
}

async fn postgres_database_for(data_dir: &Path) -> String {
    use sqlx::Connection;
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    if let Some(url) = known_database(data_dir) {
        return url;
    }
    let cluster = std::env::var("OSO_TEST_DATABASE_URL")
        .expect("OSO_TEST_DATABASE_URL: run through scripts/with-postgres.sh");
    let name = format!(
        "api_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let mut admin = sqlx::PgConnection::connect(&cluster)
        .await
        .expect("connects to the test cluster");
    sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("creates a database");
    let (server, _) = cluster.rsplit_once('/').expect("a database in the URL");
    let url = format!("{server}/{name}");
    DATABASES
        .lock()
        .expect("not poisoned")
        .push((data_dir.to_owned(), url.clone()));
    url
}

/// Another instance of `first`'s service: its own data directory (outbox) and listener, the
/// same database, the same clock. On PostgreSQL only: SQLite serves one instance.
pub async fn second_instance(first: &TestService, clock: &oso_core::ManualClock) -> TestService {
    assert!(
        on_postgres(),
        "several instances share a PostgreSQL database"
    );
    let temp = tempfile::tempdir().expect("temp dir");
    let url = postgres_database_for(&first.data_dir).await;
    let mut config = ServiceConfig::embedded(temp.path());
    config.database_url = Some(oso_core::SecretString::new(url));
    let running = oso_service::start_with_clock(config, Arc::new(clock.clone()))
        .await
        .expect("the second instance starts");
    let mut service = TestService::wrap(running, temp.path().to_owned());
    service._temp = Some(temp);
    service
}

/// The database a service in `data_dir` would use, opened and migrated, for tests that work
/// below the HTTP layer.
pub async fn database_in(data_dir: &Path) -> Database {
    Database::open(&config(data_dir).await)
        .await
        .expect("the database opens")
}

/// The start of every test clock: a fixed, ordinary moment.
pub fn test_clock() -> oso_core::ManualClock {
    use chrono::TimeZone;
    oso_core::ManualClock::starting_at(
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 2, 9, 0, 0)
            .single()
            .expect("valid"),
    )
}

/// A service whose time moves only when the test moves `clock`.
pub async fn spawn_service_with_clock(clock: &oso_core::ManualClock) -> TestService {
    let temp = tempfile::tempdir().expect("temp dir");
    let running = oso_service::start_with_clock(config(temp.path()).await, Arc::new(clock.clone()))
        .await
        .expect("the service starts");
    TestService {
        client: reqwest::Client::new(),
        address: running.address(),
        running: Some(running),
        data_dir: temp.path().to_owned(),
        _temp: Some(temp),
    }
}

/// A service that offers "Log in via MyDHL+" with the provider at `issuer` as `client_id`.
pub async fn spawn_service_with_oidc(
    clock: &oso_core::ManualClock,
    issuer: &str,
    client_id: &str,
) -> TestService {
    let temp = tempfile::tempdir().expect("temp dir");
    let mut config = config(temp.path()).await;
    config.oidc = Some(oso_service::config::OidcConfig {
        issuer: issuer.to_owned(),
        client_id: client_id.to_owned(),
        client_secret: None,
        display_name: oso_service::config::DEFAULT_OIDC_DISPLAY_NAME.to_owned(),
        scopes: oso_service::config::default_oidc_scopes(),
    });
    let running = oso_service::start_with_clock(config, Arc::new(clock.clone()))
        .await
        .expect("the service starts");
    let mut service = TestService::wrap(running, temp.path().to_owned());
    service._temp = Some(temp);
    service
}

impl TestService {
    /// A test handle on a service started by the test itself (with a special configuration).
    pub fn wrap(running: RunningService, data_dir: PathBuf) -> Self {
        TestService {
            client: reqwest::Client::new(),
            address: running.address(),
            running: Some(running),
            data_dir,
            _temp: None,
        }
    }
}

pub async fn spawn_service() -> TestService {
    let temp = tempfile::tempdir().expect("temp dir");
    let mut service = TestService::in_dir(temp.path().to_owned()).await;
    service._temp = Some(temp);
    service
}

impl TestService {
    pub async fn in_dir(data_dir: PathBuf) -> Self {
        let running = oso_service::start(config(&data_dir).await)
            .await
            .expect("the service starts");
        Self {
            client: reqwest::Client::new(),
            address: running.address(),
            running: Some(running),
            data_dir,
            _temp: None,
        }
    }

    /// A router over a database pool that is already closed: every query fails.
    pub async fn with_closed_database() -> Self {
        let temp = tempfile::tempdir().expect("temp dir");
        let database = database_in(temp.path()).await;
        database.close().await;
        let clock: Arc<dyn oso_core::Clock> = Arc::new(oso_core::SystemClock);
        let mailer = oso_service::mail::Mailer::outbox(
            temp.path().to_owned(),
            oso_service::config::DEFAULT_MAIL_FROM,
        )
        .expect("mailer");
        let accounts = oso_service::accounts::Accounts::on(
            database.clone(),
            Arc::clone(&clock),
            mailer,
            oso_service::accounts::Links::new("http://127.0.0.1"),
            oso_core::account_policy::PasswordRenewal::default(),
        );
        // The order writer has a connection of its own; the session check fails before it.
        let orders = oso_service::orders::OrderWriter::start_on(&database)
            .await
            .expect("order writer");
        let router = oso_service::api::router(
            oso_service::api::AppState {
                database: database.clone(),
                external: oso_service::external_sign_in::Provider::new(None, Arc::clone(&clock)),
                clock,
                accounts,
                track_and_trace_url: Arc::from(oso_service::config::DEFAULT_TRACK_AND_TRACE_URL),
                catalogue: oso_service::catalogue::CatalogueCache::default(),
                events: oso_service::events::EventHub::start(database.clone()),
                orders,
                recent_viewers: Arc::default(),
            },
            oso_service::api::AllowedHosts::any(),
            oso_service::api::TrustedProxies::none(),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binds");
        let address = listener.local_addr().expect("address");
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self {
            client: reqwest::Client::new(),
            address,
            running: None,
            data_dir: temp.path().to_owned(),
            _temp: Some(temp),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// The running service's router, to call in process as the desktop calls its embedded one.
    pub fn in_process(&self) -> oso_service::InProcess {
        self.running
            .as_ref()
            .expect("a running service")
            .in_process()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("the service answers")
    }

    pub async fn post(&self, path: &str, body: serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(&body)
            .send()
            .await
            .expect("the service answers")
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
    ) -> reqwest::Response {
        let request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(token);
        let request = match body {
            Some(body) => request.json(&body),
            None => request,
        };
        request.send().await.expect("the service answers")
    }

    /// Moves an order as the supplier does.
    pub async fn operator_moves(
        &self,
        number: &str,
        to: oso_core::OrderStatus,
        tracking: Option<&str>,
    ) -> Result<(), oso_service::orders::lifecycle::MoveError> {
        self.running
            .as_ref()
            .expect("running")
            .move_order(number, to, tracking)
            .await
    }

    /// Returns once every mail promised to requests already answered has been written (mail of
    /// password resets and activations leaves after the answer).
    pub async fn mail_settled(&self) {
        self.running
            .as_ref()
            .expect("running")
            .promised_mail_sent()
            .await;
    }

    /// The mails of `kind` once every promised mail has been written.
    pub async fn settled_mails(&self, kind: &str) -> Vec<String> {
        self.mail_settled().await;
        self.mails(kind)
    }

    pub async fn run_jobs(&self) -> usize {
        self.running
            .as_ref()
            .expect("running")
            .run_background_jobs()
            .await
            .expect("jobs run")
    }

    /// The decoded text of every outbox mail whose file name contains `kind`, oldest first.
    pub fn mails(&self, kind: &str) -> Vec<String> {
        oso_service::mail::outbox::read_mails(&self.data_dir.join("outbox"), kind).expect("outbox")
    }

    /// The mails of `kind` once there are `count` of them: an order's confirmation leaves after
    /// its answer. After ten seconds, whatever there is (and the caller's assertion says why).
    pub async fn mails_once(&self, kind: &str, count: usize) -> Vec<String> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let mails = self.mails(kind);
            if mails.len() >= count || std::time::Instant::now() > deadline {
                return mails;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// The code in the newest mail of `kind`.
    pub fn code_from_newest(&self, kind: &str) -> String {
        let mails = self.mails(kind);
        let mail = mails.last().unwrap_or_else(|| panic!("no {kind} mail"));
        oso_service::mail::outbox::find_code(mail).unwrap_or_else(|| panic!("no code in {mail}"))
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The database this service serves from.
    pub fn database(&self) -> &Database {
        self.running.as_ref().expect("running").database()
    }

    /// How many rows `table` holds now.
    pub async fn count_rows(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        match self.database() {
            Database::Sqlite(pool) => sqlx::query_scalar(&sql).fetch_one(pool).await,
            Database::Postgres(pool) => sqlx::query_scalar(&sql).fetch_one(pool).await,
        }
        .expect("counts")
    }

    /// The one row `sql` reads, its `$1` bound to `value` (written `?1` for SQLite here).
    pub async fn fetch_one<T>(&self, sql: &str, value: &str) -> T
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
    {
        match self.database() {
            Database::Sqlite(pool) => {
                sqlx::query_as(&sql.replace("$1", "?1"))
                    .bind(value)
                    .fetch_one(pool)
                    .await
            }
            Database::Postgres(pool) => sqlx::query_as(sql).bind(value).fetch_one(pool).await,
        }
        .expect("one row")
    }

    /// `oso-service SUBCOMMAND` on this service's data directory and database, as an operator
    /// runs it beside the service.
    pub fn command(&self, subcommand: &str) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_oso-service"));
        command
            .arg(subcommand)
            .arg("--data-dir")
            .arg(&self.data_dir)
            .env("OSO_LOG", "warn");
        if let Some(url) = known_database(&self.data_dir) {
            command.env("OSO_SERVICE_DATABASE_URL", url);
        }
        command
    }

    /// Where any of `needles` is kept (compared case-insensitively): files under the data
    /// directory (the SQLite database and its log, the outbox) and, on PostgreSQL, rows of the
    /// database's tables as they read now.
    pub async fn stored_copies_of(&self, needles: &[&str]) -> Vec<String> {
        let mut found = files_containing(&self.data_dir, needles);
        let running = self.running.as_ref().expect("running");
        if let oso_service::database::Database::Postgres(pool) = running.database() {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'",
            )
            .fetch_all(pool)
            .await
            .expect("tables");
            for table in tables {
                for needle in needles {
                    let rows: i64 = sqlx::query_scalar(&format!(
                        "SELECT count(*) FROM {table} t WHERE strpos(lower(t::text), $1) > 0"
                    ))
                    .bind(needle.to_lowercase())
                    .fetch_one(pool)
                    .await
                    .expect("counts");
                    if rows > 0 {
                        found.push(format!("{rows} rows of {table} ({needle})"));
                    }
                }
            }
        }
        found
    }

    pub async fn shutdown(mut self) {
        if let Some(running) = self.running.take() {
            running.shutdown().await.expect("clean shutdown");
        }
    }
}

/// Files under `dir` (database, WAL, outbox, …) whose bytes contain any of `needles`,
/// compared case-insensitively.
pub fn files_containing(dir: &Path, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("readable dir")
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let bytes = std::fs::read(&path)
                .unwrap_or_default()
                .to_ascii_lowercase();
            for needle in needles {
                let needle = needle.to_ascii_lowercase();
                if bytes
                    .windows(needle.len())
                    .any(|window| window == needle.as_bytes())
                {
                    found.push(format!("{} ({needle})", path.display()));
                }
            }
        }
    }
    found
}
