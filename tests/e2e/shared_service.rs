//! One service several apps share (eSecure needs a requester's app and an administrator's),
//! started by the test with the supplier's operator token, as a real deployment has.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::temp_data_dir;

pub struct SharedService {
    pub runtime: tokio::runtime::Runtime,
    pub url: String,
    pub outbox: PathBuf,
    pub operator_token: String,
    service: Option<oso_service::RunningService>,
    data: tempfile::TempDir,
}

impl SharedService {
    pub fn start() -> Self {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        let data = temp_data_dir();
        let service = runtime
            .block_on(oso_service::start(oso_service::ServiceConfig::embedded(
                data.path(),
            )))
            .expect("the shared service starts");
        let operator_token = runtime.block_on(async {
            let pool = oso_service::store::open(&data.path().join("oso-service.sqlite3"))
                .await
                .expect("service database");
            oso_service::operator::tokens::create(
                &oso_service::database::Database::Sqlite(pool),
                "e2e",
                chrono::Utc::now(),
            )
            .await
            .expect("operator token")
            .expose()
            .to_owned()
        });
        Self {
            url: service.url(),
            outbox: service.outbox_dir().to_owned(),
            operator_token,
            service: Some(service),
            runtime,
            data,
        }
    }

    /// The service's own data directory (its SQLite file is `oso-service.sqlite3`).
    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }

    /// The supplier makes a protected customer account with these administrators.
    pub fn protected_account(&self, number: &str, administrators: &[&str]) {
        let administrators: Vec<Value> = administrators
            .iter()
            .map(|email| json!({ "name": "Ann Peeters", "email": email, "language": "en" }))
            .collect();
        let answer = reqwest::blocking::Client::new()
            .post(format!("{}/api/v1/operator/customer-accounts", self.url))
            .bearer_auth(&self.operator_token)
            .json(
                &json!({ "number": number, "company": "Zebra Parcels BV", "protected": true,
                "administrators": administrators }),
            )
            .send()
            .expect("the operator API answers");
        assert!(answer.status().is_success(), "{}", answer.status());
    }

    /// Stops it, waiting for its connections to end.
    pub fn stop(mut self) {
        if let Some(service) = self.service.take() {
            self.runtime
                .block_on(async { service.shutdown().await.expect("service stops") });
        }
    }
}

/// A service on a fixed port that goes away and comes back with its data, as a shared service
/// does when it restarts: the apps meet it offline in between.
pub struct IntermittentService {
    pub url: String,
    pub outbox: PathBuf,
    runtime: tokio::runtime::Runtime,
    config: oso_service::ServiceConfig,
    running: Option<oso_service::RunningService>,
    _data: tempfile::TempDir,
}

impl IntermittentService {
    pub fn start() -> Self {
        let data = temp_data_dir();
        let port = crate::app::free_port();
        let config = oso_service::ServiceConfig {
            listen: ([127, 0, 0, 1], port).into(),
            ..oso_service::ServiceConfig::embedded(data.path())
        };
        let mut service = Self {
            url: format!("http://127.0.0.1:{port}"),
            outbox: config.outbox_dir(),
            runtime: tokio::runtime::Runtime::new().expect("runtime"),
            config,
            running: None,
            _data: data,
        };
        service.come_back();
        service
    }

    /// Stops it, letting requests in flight finish.
    pub fn go_away(&mut self) {
        if let Some(running) = self.running.take() {
            self.runtime
                .block_on(running.shutdown())
                .expect("the service stops");
        }
    }

    /// Starts it again on the same port and data.
    pub fn come_back(&mut self) {
        let running = self
            .runtime
            .block_on(oso_service::start(self.config.clone()))
            .expect("service");
        self.running = Some(running);
    }
}
