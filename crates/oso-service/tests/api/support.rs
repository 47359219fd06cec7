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
        let router = oso_service::api::router(oso_service::api::AppState {
            pool,
            clock,
            accounts,
        });
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

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub async fn shutdown(mut self) {
        if let Some(running) = self.running.take() {
            running.shutdown().await.expect("clean shutdown");
        }
    }
}
