//! One open events stream: its response body read chunk by chunk into events.

use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION};
use reqwest::StatusCode;

use super::sse::{SseEvent, SseParser};
use crate::client::ServiceClient;
use oso_core::SecretString;

/// The service sends a keep-alive every 15 s: three missed ones mean the connection is dead
/// (a sleeping laptop, a dropped network) even if no error said so.
pub const QUIET_AT_MOST: Duration = Duration::from_secs(45);

#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error("the service cannot be reached: {0}")]
    Unreachable(String),
    /// The session is not (or no longer) valid: no use reconnecting with it.
    #[error("the session was refused")]
    Unauthenticated,
    #[error("the service answered {0}")]
    Refused(StatusCode),
    #[error("nothing came for {0:?}")]
    Quiet(Duration),
}

#[derive(Debug)]
pub struct EventStream {
    response: reqwest::Response,
    parser: SseParser,
    ready: std::collections::VecDeque<SseEvent>,
}

/// Opens the stream of the session `token`, resuming after `last_event_id` when given.
pub async fn connect(
    client: &ServiceClient,
    token: &SecretString,
    last_event_id: Option<&str>,
) -> Result<EventStream, StreamError> {
    let url = client
        .base_url()
        .join("api/v1/events")
        .map_err(|error| StreamError::Unreachable(error.to_string()))?;
    let mut request = client
        .streaming_http()
        .get(url)
        .header(ACCEPT, "text/event-stream")
        .header(AUTHORIZATION, format!("Bearer {}", token.expose()));
    if let Some(id) = last_event_id {
        request = request.header("Last-Event-ID", id);
    }
    let response = request
        .send()
        .await
        .map_err(|error| StreamError::Unreachable(error.to_string()))?;
    match response.status() {
        StatusCode::OK => Ok(EventStream {
            response,
            parser: SseParser::default(),
            ready: Default::default(),
        }),
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Err(StreamError::Unauthenticated),
        other => Err(StreamError::Refused(other)),
    }
}

impl EventStream {
    /// The next event; `Ok(None)` when the service ended the stream.
    pub async fn next(&mut self) -> Result<Option<SseEvent>, StreamError> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Ok(Some(event));
            }
            let chunk = tokio::time::timeout(QUIET_AT_MOST, self.response.chunk())
                .await
                .map_err(|_| StreamError::Quiet(QUIET_AT_MOST))?
                .map_err(|error| StreamError::Unreachable(error.to_string()))?;
            match chunk {
                Some(bytes) => self.ready.extend(self.parser.feed(&bytes)),
                None => return Ok(None),
            }
        }
    }
}
