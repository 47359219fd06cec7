//! How a request reaches the service. A shared service is called over HTTP; the embedded one,
//! which runs in this process, through its router directly (issue 23): the same layers and the
//! same wire contract, without loopback TCP and HTTP/1 encoded and parsed on both sides, which
//! was a third of a command's round trip. Its events stream and the links in its e-mails still
//! use its listener.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http;
use oso_core::SecretString;
use reqwest::{Method, StatusCode, Url};

use super::ClientError;

pub(super) const USER_AGENT: &str = concat!("oso-desktop/", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Clone)]
pub(super) enum Transport {
    Http(reqwest::Client),
    InProcess(LocalService),
}

/// The future of a [`LocalService`]'s answer: `None` once the service has stopped, which is what
/// a refused connection is over HTTP.
pub type LocalAnswer = Pin<Box<dyn Future<Output = Option<http::Response<Body>>> + Send>>;

/// A service in this process, as a function from a request to its answer: for the embedded
/// service, its router. The Tauri shell wires it, so this crate does not depend on the service.
#[derive(Clone)]
pub struct LocalService(Arc<dyn Fn(http::Request<Body>) -> LocalAnswer + Send + Sync>);

impl LocalService {
    pub fn new(call: impl Fn(http::Request<Body>) -> LocalAnswer + Send + Sync + 'static) -> Self {
        Self(Arc::new(call))
    }
}

impl std::fmt::Debug for LocalService {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("LocalService")
    }
}

/// Why no answer came: what callers treat as offline (queue the order, show the kept copy).
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error(transparent)]
    Http(#[from] reqwest::Error),
    #[error("no answer within {0:?}")]
    TimedOut(Duration),
    #[error("the answer broke off: {0}")]
    BrokenAnswer(String),
    #[error("the service in this process has stopped")]
    Stopped,
}

/// A status and the whole body, however the request travelled.
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) body: Bytes,
}

/// One request: its target, its session and its JSON body, if any.
pub(super) struct Outgoing<'a> {
    pub(super) method: Method,
    pub(super) url: Url,
    pub(super) token: Option<&'a SecretString>,
    pub(super) json: Option<Vec<u8>>,
    /// A call's limit on waiting, also in process: a stuck database must not hold a command
    /// for ever.
    pub(super) timeout: Duration,
}

impl Transport {
    /// Sends `outgoing`; any status is an answer.
    pub(super) async fn send(&self, outgoing: Outgoing<'_>) -> Result<Answer, ClientError> {
        let unreachable = ClientError::Unreachable;
        match self {
            Transport::Http(http) => {
                let mut request = http
                    .request(outgoing.method, outgoing.url)
                    .timeout(outgoing.timeout);
                if let Some(token) = outgoing.token {
                    request = request.bearer_auth(token.expose());
                }
                if let Some(json) = outgoing.json {
                    request = request
                        .header(reqwest::header::CONTENT_TYPE, "application/json")
                        .body(json);
                }
                let response = request
                    .send()
                    .await
                    .map_err(|error| unreachable(error.into()))?;
                let status = response.status();
                let body = response
                    .bytes()
                    .await
                    .map_err(|error| unreachable(error.into()))?;
                Ok(Answer { status, body })
            }
            Transport::InProcess(service) => {
                let timeout = outgoing.timeout;
                let request = in_process_request(outgoing)?;
                let answer = async {
                    let response = (service.0)(request).await.ok_or(TransportError::Stopped)?;
                    let status = response.status();
                    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                        .await
                        .map_err(|error| TransportError::BrokenAnswer(error.to_string()))?;
                    Ok(Answer { status, body })
                };
                tokio::time::timeout(timeout, answer)
                    .await
                    .map_err(|_| unreachable(TransportError::TimedOut(timeout)))?
                    .map_err(unreachable)
            }
        }
    }
}

/// The request the HTTP client would send, as the router takes it: path and query, the bearer
/// token (marked sensitive, so no layer prints it) and a JSON body.
fn in_process_request(outgoing: Outgoing<'_>) -> Result<http::Request<Body>, ClientError> {
    let url = &outgoing.url;
    let path_and_query = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    };
    let mut request = http::Request::builder()
        .method(outgoing.method)
        .uri(path_and_query)
        .header(http::header::USER_AGENT, USER_AGENT);
    if let Some(token) = outgoing.token {
        let mut value =
            http::HeaderValue::try_from(format!("Bearer {}", token.expose())).map_err(|_| {
                ClientError::UnexpectedAnswer("a session token unfit for a header".into())
            })?;
        value.set_sensitive(true);
        request = request.header(http::header::AUTHORIZATION, value);
    }
    let body = match outgoing.json {
        Some(json) => {
            request = request.header(http::header::CONTENT_TYPE, "application/json");
            Body::from(json)
        }
        None => Body::empty(),
    };
    request
        .body(body)
        .map_err(|error| ClientError::UnexpectedAnswer(format!("request not buildable: {error}")))
}

#[cfg(test)]
#[path = "transport_tests.rs"]
mod tests;
