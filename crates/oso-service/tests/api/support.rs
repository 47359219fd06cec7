//! `spawn_service()`: a real service on 127.0.0.1:0 with a temp data directory.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use oso_service::{RunningService, ServiceConfig};

pub struct TestService {
    pub client: reqwest::Client,
    pub address: SocketAddr,
    running: Option<RunningService>,
    data_dir: PathBuf,
    _temp: Option<tempfile::TempDir>,
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
    let running = oso_service::start_with_clock(
        ServiceConfig::embedded(temp.path()),
        Arc::new(clock.clone()),
    )
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
        let running = oso_service::start(ServiceConfig::embedded(&data_dir))
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
        let pool = oso_service::store::open(&temp.path().join("db.sqlite3"))
            .await
            .expect("opens");
        pool.close().await;
        let clock: Arc<dyn oso_core::Clock> = Arc::new(oso_core::SystemClock);
        let mailer = oso_service::mail::Mailer::outbox(
            temp.path().to_owned(),
            oso_service::config::DEFAULT_MAIL_FROM,
        )
        .expect("mailer");
        let accounts = oso_service::accounts::Accounts::new(
            pool.clone(),
            Arc::clone(&clock),
            mailer,
            oso_service::accounts::Links::new("http://127.0.0.1"),
            oso_core::account_policy::PasswordRenewal::default(),
        );
        // The order writer has a connection of its own; the session check fails before it.
        let orders = oso_service::orders::OrderWriter::start(&oso_service::store::options(
            &temp.path().join("db.sqlite3"),
        ))
        .await
        .expect("order writer");
        let router = oso_service::api::router(
            oso_service::api::AppState {
                database: oso_service::database::Database::Sqlite(pool.clone()),
                pool,
                clock,
                accounts,
                track_and_trace_url: Arc::from(oso_service::config::DEFAULT_TRACK_AND_TRACE_URL),
                catalogue: oso_service::catalogue::CatalogueCache::default(),
                orders,
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
