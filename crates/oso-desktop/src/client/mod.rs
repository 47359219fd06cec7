//! The typed HTTP client for the service API. The only place that knows URLs and status codes;
//! commands call its methods and get domain values or a [`ClientError`].

mod accounts;
mod address_book;
pub mod esecure;
mod oidc;
mod orders;
mod path;

pub use accounts::Grant;
pub use oidc::OidcAnswer;
pub use path::ApiPath;

use std::time::Duration;

use oso_api::health::Health;
use oso_api::ErrorBody;
use oso_core::SecretString;
use reqwest::{Method, StatusCode, Url};
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct ServiceClient {
    http: reqwest::Client,
    /// For the events stream: no overall time limit (the stream watches its keep-alives).
    streaming: reqwest::Client,
    base: Url,
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("the service cannot be reached: {0}")]
    Unreachable(#[source] reqwest::Error),
    #[error("the service refused the request: {} ({})", .0.message, .0.code.as_str())]
    Refused(ErrorBody),
    #[error("the service gave an answer this version does not understand: {0}")]
    UnexpectedAnswer(String),
    #[error("cannot build the HTTP client: {0}")]
    Build(#[source] reqwest::Error),
}

impl ServiceClient {
    pub fn new(base: Url) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(15))
            .user_agent(concat!("oso-desktop/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(ClientError::Build)?;
        let streaming = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(3))
            .user_agent(concat!("oso-desktop/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(ClientError::Build)?;
        Ok(Self {
            http,
            streaming,
            base,
        })
    }

    /// The HTTP client of long-lived streams (`GET /events`).
    pub fn streaming_http(&self) -> &reqwest::Client {
        &self.streaming
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// `GET /api/v1/health`. A degraded service answers 503 with the same body, which is still
    /// an answer about its health rather than an error.
    #[tracing::instrument(skip(self), err(level = "debug"))]
    pub async fn health(&self) -> Result<Health, ClientError> {
        let response = self
            .http
            .get(self.endpoint(&ApiPath::from("health"))?)
            .timeout(Duration::from_secs(2))
            .send()
            .await
            .map_err(ClientError::Unreachable)?;
        match response.status() {
            StatusCode::OK | StatusCode::SERVICE_UNAVAILABLE => decode(response).await,
            _ => Err(refusal(response).await),
        }
    }

    /// Sends `body` (if any) with the session `token` (if any); a success status is `Ok`.
    async fn call<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: impl Into<ApiPath>,
        token: Option<&SecretString>,
        body: Option<&B>,
    ) -> Result<reqwest::Response, ClientError> {
        let mut request = self.http.request(method, self.endpoint(&path.into())?);
        if let Some(token) = token {
            request = request.bearer_auth(token.expose());
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.map_err(ClientError::Unreachable)?;
        if response.status().is_success() {
            Ok(response)
        } else {
            Err(refusal(response).await)
        }
    }

    fn endpoint(&self, path: &ApiPath) -> Result<Url, ClientError> {
        let path = path.as_str();
        self.base
            .join(&format!("api/v1/{path}"))
            .map_err(|error| ClientError::UnexpectedAnswer(format!("bad endpoint {path}: {error}")))
    }
}

async fn decode<T: DeserializeOwned>(response: reqwest::Response) -> Result<T, ClientError> {
    let bytes = response.bytes().await.map_err(ClientError::Unreachable)?;
    serde_json::from_slice(&bytes).map_err(|error| ClientError::UnexpectedAnswer(error.to_string()))
}

async fn refusal(response: reqwest::Response) -> ClientError {
    let status = response.status();
    match decode::<ErrorBody>(response).await {
        Ok(body) => ClientError::Refused(body),
        Err(_) => ClientError::UnexpectedAnswer(format!("status {status} without an error body")),
    }
}
