//! The typed client for the service API, over HTTP or, for the embedded service, in process (see
//! `transport`). The only place that knows URLs and status codes; commands call its methods and
//! get domain values or a [`ClientError`].

mod accounts;
mod address_book;
pub mod esecure;
mod oidc;
mod orders;
mod path;
mod transport;

pub use accounts::Grant;
pub use oidc::OidcAnswer;
pub use path::ApiPath;
pub use transport::{LocalAnswer, LocalService, TransportError};

use transport::{Answer, Outgoing, Transport, USER_AGENT};

use std::time::Duration;

use oso_api::health::Health;
use oso_api::ErrorBody;
use oso_core::SecretString;
use reqwest::{Method, StatusCode, Url};
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Debug, Clone)]
pub struct ServiceClient {
    transport: Transport,
    /// For the events stream: no overall time limit (the stream watches its keep-alives).
    streaming: reqwest::Client,
    base: Url,
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("the service cannot be reached: {0}")]
    Unreachable(#[source] TransportError),
    #[error("the service refused the request: {} ({})", .0.message, .0.code.as_str())]
    Refused(ErrorBody),
    #[error("the service gave an answer this version does not understand: {0}")]
    UnexpectedAnswer(String),
    #[error("cannot build the HTTP client: {0}")]
    Build(#[source] reqwest::Error),
}

/// How long a call waits for its answer; the health check is quicker to call a service gone.
const CALL_TIMEOUT: Duration = Duration::from_secs(15);
const HEALTH_TIMEOUT: Duration = Duration::from_secs(2);

impl ServiceClient {
    /// A client of the service at `base`, over HTTP.
    pub fn new(base: Url) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(3))
            .timeout(CALL_TIMEOUT)
            .user_agent(USER_AGENT)
            .build()
            .map_err(ClientError::Build)?;
        Self::with_transport(base, Transport::Http(http))
    }

    /// A client of the embedded service, called in this process; `base` is its listener, for
    /// the events stream.
    pub fn in_process(base: Url, service: LocalService) -> Result<Self, ClientError> {
        Self::with_transport(base, Transport::InProcess(service))
    }

    fn with_transport(base: Url, transport: Transport) -> Result<Self, ClientError> {
        let streaming = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(3))
            .user_agent(USER_AGENT)
            .build()
            .map_err(ClientError::Build)?;
        Ok(Self {
            transport,
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
        let answer = self
            .transport
            .send(Outgoing {
                method: Method::GET,
                url: self.endpoint(&ApiPath::from("health"))?,
                token: None,
                json: None,
                timeout: HEALTH_TIMEOUT,
            })
            .await?;
        match answer.status {
            StatusCode::OK | StatusCode::SERVICE_UNAVAILABLE => decode(answer).await,
            _ => Err(refusal(answer)),
        }
    }

    /// Sends `body` (if any) with the session `token` (if any); a success status is `Ok`.
    async fn call<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: impl Into<ApiPath>,
        token: Option<&SecretString>,
        body: Option<&B>,
    ) -> Result<Answer, ClientError> {
        let body = body.map(serde_json::to_vec).transpose().map_err(|error| {
            ClientError::UnexpectedAnswer(format!("body not encodable: {error}"))
        })?;
        let answer = self
            .transport
            .send(Outgoing {
                method,
                url: self.endpoint(&path.into())?,
                token,
                json: body,
                timeout: CALL_TIMEOUT,
            })
            .await?;
        if answer.status.is_success() {
            Ok(answer)
        } else {
            Err(refusal(answer))
        }
    }

    fn endpoint(&self, path: &ApiPath) -> Result<Url, ClientError> {
        let path = path.as_str();
        self.base
            .join(&format!("api/v1/{path}"))
            .map_err(|error| ClientError::UnexpectedAnswer(format!("bad endpoint {path}: {error}")))
    }
}

async fn decode<T: DeserializeOwned>(answer: Answer) -> Result<T, ClientError> {
    serde_json::from_slice(&answer.body)
        .map_err(|error| ClientError::UnexpectedAnswer(error.to_string()))
}

fn refusal(answer: Answer) -> ClientError {
    match serde_json::from_slice::<ErrorBody>(&answer.body) {
        Ok(body) => ClientError::Refused(body),
        Err(_) => {
            ClientError::UnexpectedAnswer(format!("status {} without an error body", answer.status))
        }
    }
}
