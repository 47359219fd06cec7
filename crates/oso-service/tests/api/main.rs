//! The service over real HTTP: a real listener on port 0 and a temp SQLite database per test.

mod accounts;
mod address_book;
mod app_links;
mod authorisation;
mod escaping;
mod esecure;
mod esecure_admin;
mod esecure_open_requests;
mod events;
mod file_modes;
mod forget_esecure;
mod history;
mod history_filters;
mod history_visibility;
mod hosts;
mod in_process;
mod lifecycle;
mod list_caps;
mod mail_limits;
mod notices;
// Each test binary uses a part of the provider's driver.
#[allow(dead_code)]
#[path = "../support/oidc_provider.rs"]
mod oidc_provider;
mod oidc_sign_in;
mod operator;
mod orders;
mod passwords_and_profile;
#[path = "../support/smtp_sink.rs"]
mod smtp_sink;
mod support;
mod takeover;
mod throttle;
mod time_zones;
mod two_instances;
mod user_ids;

use reqwest::StatusCode;
use serde_json::Value;
use support::{spawn_service, TestService};

#[tokio::test]
async fn health_reports_the_version_and_that_the_database_answers() {
    let service = spawn_service().await;

    let response = service.get("/api/v1/health").await;

    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], oso_service::VERSION);
    assert_eq!(body["database"]["reachable"], true);
    assert!(body["database"]["schema_version"].as_i64().unwrap_or(0) > 0);
}

#[tokio::test]
async fn health_answers_degraded_with_503_when_the_database_is_gone() {
    let service = TestService::with_closed_database().await;

    let response = service.get("/api/v1/health").await;

    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["status"], "degraded");
    assert_eq!(body["database"]["reachable"], false);
    assert_eq!(body["database"]["schema_version"], Value::Null);
}

#[tokio::test]
async fn an_unknown_path_answers_not_found_in_the_error_shape() {
    let service = spawn_service().await;

    for path in ["/api/v1/nothing-here", "/elsewhere", "/"] {
        let response = service.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let body: oso_api::ErrorBody = response.json().await.expect("an error body");
        assert_eq!(body.code, oso_api::ErrorCode::NotFound);
        assert!(body.fields.is_empty());
    }
}

#[tokio::test]
async fn a_wrong_method_answers_method_not_allowed_in_the_error_shape() {
    let service = spawn_service().await;

    let response = service
        .client
        .delete(service.url("/api/v1/health"))
        .send()
        .await
        .expect("sent");

    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: oso_api::ErrorBody = response.json().await.expect("an error body");
    assert_eq!(body.code, oso_api::ErrorCode::MethodNotAllowed);
}

#[tokio::test]
async fn every_answer_carries_a_request_id_for_the_logs() {
    let service = spawn_service().await;

    let first = service.get("/api/v1/health").await;
    let second = service.get("/api/v1/nothing").await;

    let id = |response: &reqwest::Response| {
        response
            .headers()
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    assert!(id(&first).is_some());
    assert!(id(&second).is_some());
    assert_ne!(id(&first), id(&second));
}

#[tokio::test]
async fn the_openapi_description_lists_every_route_and_each_one_answers() {
    let service = spawn_service().await;

    let response = service.get("/api/v1/openapi.json").await;

    assert_eq!(response.status(), StatusCode::OK);
    let document: Value = response.json().await.expect("json");
    assert!(document["openapi"]
        .as_str()
        .unwrap_or_default()
        .starts_with("3."));
    let paths = document["paths"].as_object().expect("paths");
    assert!(paths.contains_key("/api/v1/health"), "{paths:?}");
    assert!(document["components"]["schemas"]["ErrorBody"].is_object());
    for (path, item) in paths {
        if item.get("get").is_some() && !path.contains('{') {
            let status = service.get(path).await.status();
            assert_ne!(
                status,
                StatusCode::NOT_FOUND,
                "{path} is documented but not served"
            );
        }
    }
}

/// OpenAPI requires operationIds to be unique (generated clients name their methods after
/// them); utoipa takes the handler's function name when none is given, and `list` and `remove`
/// were each two handlers. (scripts/validate-openapi.py checks the whole document against the
/// OpenAPI 3.1 schema; this catches the commonest mistake without Python.)
#[tokio::test]
async fn every_operation_has_its_own_operation_id() {
    let service = spawn_service().await;
    let document: Value = service
        .get("/api/v1/openapi.json")
        .await
        .json()
        .await
        .expect("json");

    let mut routes_by_id = std::collections::BTreeMap::<String, Vec<String>>::new();
    let mut without_id = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            let route = format!("{} {path}", method.to_uppercase());
            match operation["operationId"].as_str() {
                Some(id) => routes_by_id.entry(id.to_owned()).or_default().push(route),
                None => without_id.push(route),
            }
        }
    }

    let shared: Vec<_> = routes_by_id
        .iter()
        .filter(|(_, routes)| routes.len() > 1)
        .collect();
    assert!(shared.is_empty(), "operationIds used twice: {shared:?}");
    assert!(
        without_id.is_empty(),
        "without an operationId: {without_id:?}"
    );
    assert!(routes_by_id.len() > 40, "{routes_by_id:?}");
}

#[tokio::test]
async fn every_documented_path_parameter_is_a_placeholder_of_its_path_and_the_rest_are_queries() {
    let service = spawn_service().await;
    let document: Value = service
        .get("/api/v1/openapi.json")
        .await
        .json()
        .await
        .expect("json");

    let mut misplaced = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                let name = parameter["name"].as_str().unwrap_or_default();
                let placeholder = path.contains(&format!("{{{name}}}"));
                if (parameter["in"] == "path") != placeholder {
                    misplaced.push(format!("{method} {path}: {name} in {}", parameter["in"]));
                }
            }
        }
    }
    assert!(misplaced.is_empty(), "{misplaced:#?}");
    let history = &document["paths"]["/api/v1/orders"]["get"]["parameters"];
    assert!(history
        .as_array()
        .expect("the history's parameters")
        .iter()
        .any(|parameter| parameter["name"] == "sort" && parameter["in"] == "query"));
}

#[tokio::test]
async fn a_shut_down_service_stops_answering_and_a_restart_keeps_its_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let service = TestService::in_dir(dir.path().to_owned()).await;
    let url = service.url("/api/v1/health");
    let client = service.client.clone();
    async fn created_at(service: &TestService) -> String {
        let (value,): (String,) = service
            .fetch_one(
                "SELECT value FROM service_meta WHERE key = $1",
                "created_at",
            )
            .await;
        value
    }
    let before = created_at(&service).await;

    service.shutdown().await;

    assert!(
        client.get(&url).send().await.is_err(),
        "still answering after shutdown"
    );
    let restarted = TestService::in_dir(dir.path().to_owned()).await;
    assert_eq!(
        restarted.get("/api/v1/health").await.status(),
        StatusCode::OK
    );
    assert_eq!(created_at(&restarted).await, before);
}

#[tokio::test]
async fn the_database_and_the_outbox_are_created_in_the_data_dir() {
    let service = spawn_service().await;

    // On PostgreSQL the database is elsewhere: no SQLite file may appear beside the outbox.
    assert_eq!(
        service.data_dir().join("oso-service.sqlite3").is_file(),
        !crate::support::on_postgres()
    );
    assert!(service.data_dir().join("outbox").is_dir());
}

#[tokio::test]
async fn the_database_is_opened_in_wal_mode_with_foreign_keys_and_a_small_page_cache() {
    let service = spawn_service().await;
    let pool = match service.database() {
        oso_service::database::Database::Sqlite(pool) => pool.clone(),
        oso_service::database::Database::Postgres(pool) => {
            // PostgreSQL's counterpart: every commit waits for the disk.
            let durable: String = sqlx::query_scalar("SHOW synchronous_commit")
                .fetch_one(pool)
                .await
                .expect("setting");
            assert_eq!(durable, "on");
            return;
        }
    };

    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&pool)
        .await
        .expect("pragma");
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&pool)
        .await
        .expect("pragma");

    let cache_size: i64 = sqlx::query_scalar("PRAGMA cache_size")
        .fetch_one(&pool)
        .await
        .expect("pragma");

    assert_eq!(journal, "wal");
    assert_eq!(foreign_keys, 1);
    assert_eq!(
        cache_size, -512,
        "512 KiB per connection (see store::options)"
    );
}

#[tokio::test]
async fn starting_on_an_address_in_use_fails_with_a_clear_error() {
    let service = spawn_service().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let config = oso_service::ServiceConfig {
        listen: service.address,
        ..crate::support::config(dir.path()).await
    };

    let error = oso_service::start(config)
        .await
        .expect_err("the port is taken");

    assert!(error.to_string().starts_with("cannot listen on"), "{error}");
}
