//! `GET /api/v1/events`: the signed-in login's events as Server-Sent Events. What was missed
//! since `Last-Event-ID` comes first (from the table), then what happens, each eSecure event
//! followed by the login's summary. The stream ends when its session does.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use oso_api::esecure::Summary;
use oso_api::events::SUMMARY;
use tokio::sync::{broadcast, mpsc};

use super::extract::Session;
use super::{ApiError, AppState, ErrorBody};
use crate::accounts::SignedIn;
use crate::esecure::{requests, Requester};
use crate::events::{for_user_after, EventKind};

/// How often a stream checks that its session still holds (signed out, expired, forgotten).
const SESSION_CHECK_EVERY: Duration = Duration::from_secs(30);
/// A comment line this often keeps proxies from closing a quiet stream.
const KEEP_ALIVE_EVERY: Duration = Duration::from_secs(15);
/// The most missed events one reconnect replays (a day's worth for anyone but a robot).
const REPLAY_AT_MOST: i64 = 1000;

/// The login's events: `access_request`, `request_decided`, `requests_changed`, `order_status`
/// (each with an `id`), and `summary` (the eSecure summary, without an id).
#[utoipa::path(get, path = "/events", tag = "events", security(("session" = [])),
    operation_id = "stream_events",
    params(("Last-Event-ID" = Option<i64>, Header, description = "The last event id received: what came after it is sent first")),
    responses((status = 200, description = "A text/event-stream of the login's events", content_type = "text/event-stream", body = String),
              (status = 401, body = ErrorBody)))]
pub async fn stream(
    State(state): State<AppState>,
    Session(user): Session,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let last_seen = headers
        .get("last-event-id")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<i64>().ok());
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default()
        .to_owned();
    // Subscribed before the replay is read: nothing falls between the two.
    let live = state.events.subscribe();
    let (sender, receiver) = mpsc::channel(64);
    tracing::info!(user_id = user.user.id, "event stream opened");
    tokio::spawn(follow(state, user, token, last_seen, live, sender));
    let body = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|event| (Ok(event), receiver))
    });
    Ok(Sse::new(body).keep_alive(KeepAlive::new().interval(KEEP_ALIVE_EVERY)))
}

/// Feeds one stream until its client goes or its session ends.
async fn follow(
    state: AppState,
    user: SignedIn,
    token: String,
    last_seen: Option<i64>,
    mut live: broadcast::Receiver<Arc<crate::events::store::StoredEvent>>,
    sender: mpsc::Sender<Event>,
) {
    let user_id = user.user.id;
    // Without Last-Event-ID a stream starts now; with one, after it.
    let mut last = last_seen;
    if let Some(after) = last {
        match replay(&state, user_id, after, &sender).await {
            Some(newest) => last = Some(newest),
            None => return,
        }
    }
    if !send_summary(&state, &user, &sender).await {
        return;
    }
    let mut session_check = tokio::time::interval(SESSION_CHECK_EVERY);
    session_check.tick().await;
    loop {
        tokio::select! {
            received = live.recv() => match received {
                Ok(event) => {
                    if event.user_id != user_id || last.is_some_and(|last| event.id <= last) {
                        continue;
                    }
                    if event.kind == EventKind::SessionEnded.as_str() {
                        last = Some(event.id);
                        if state.accounts.authenticate(&token).await.is_err() {
                            tracing::info!(user_id, "the stream's session was signed out");
                            break;
                        }
                        continue;
                    }
                    last = Some(event.id);
                    if sender.send(as_sse(&event)).await.is_err() {
                        break;
                    }
                    if EventKind::moves_the_summary(&event.kind)
                        && !send_summary(&state, &user, &sender).await
                    {
                        break;
                    }
                }
                Err(broadcast::error::RecvError::Lagged(missed)) => {
                    tracing::info!(user_id, missed, "a slow stream reads what it missed from the table");
                    let after = last.unwrap_or(0);
                    match replay(&state, user_id, after, &sender).await {
                        Some(newest) => last = Some(newest),
                        None => break,
                    }
                }
                Err(broadcast::error::RecvError::Closed) => break,
            },
            _ = session_check.tick() => {
                if state.accounts.authenticate(&token).await.is_err() {
                    tracing::info!(user_id, "the stream's session ended");
                    break;
                }
            }
            () = sender.closed() => break,
            () = state.events.closed() => {
                tracing::info!(user_id, "the service stops: the stream ends");
                break;
            }
        }
    }
    tracing::info!(user_id, "event stream closed");
}

/// Sends the login's events after `after`; the newest id sent (or `after`), or `None` when the
/// client is gone or the table cannot be read.
async fn replay(
    state: &AppState,
    user_id: i64,
    after: i64,
    sender: &mpsc::Sender<Event>,
) -> Option<i64> {
    let missed = match for_user_after(&state.database, user_id, after, REPLAY_AT_MOST).await {
        Ok(missed) => missed,
        Err(error) => {
            tracing::warn!(%error, "cannot read the missed events");
            return None;
        }
    };
    let mut newest = after;
    for event in missed {
        newest = event.id;
        sender.send(as_sse(&event)).await.ok()?;
    }
    Some(newest)
}

fn as_sse(event: &crate::events::store::StoredEvent) -> Event {
    Event::default()
        .id(event.id.to_string())
        .event(&event.kind)
        .data(&event.payload)
}

/// The login's eSecure summary; false when the client is gone.
async fn send_summary(state: &AppState, user: &SignedIn, sender: &mpsc::Sender<Event>) -> bool {
    let summary = match requests::open_count(&state.database, &Requester::of(user)).await {
        Ok((administrator, open_requests)) => Summary {
            administrator,
            open_requests,
        },
        Err(error) => {
            tracing::warn!(%error, "no summary for the stream this time");
            return true;
        }
    };
    let data = serde_json::to_string(&summary).unwrap_or_else(|_| "{}".to_owned());
    sender
        .send(Event::default().event(SUMMARY).data(data))
        .await
        .is_ok()
}
