//! Writing what concerns whom, inside the transaction of the change; [`super::poke`] after its
//! commit hands it to the streams at once.

use chrono::{DateTime, Utc};
use oso_api::events::{
    AccessRequestEvent, OrderStatusEvent, RequestDecidedEvent, RequestsChangedEvent,
};
use oso_core::{AccessRequestStatus, OrderStatus};
use serde::Serialize;

use super::store::{self, Recipients};
use super::EventKind;
use crate::database::Conn;

fn json(payload: &impl Serialize) -> String {
    // These payloads are plain structs of strings and numbers: serialising cannot fail.
    serde_json::to_string(payload).unwrap_or_else(|_| "{}".to_owned())
}

/// A new (or reopened) request for `request.account_number`, to its administrators.
pub async fn access_request(
    conn: &mut Conn<'_>,
    request: &AccessRequestEvent,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    store::record(
        conn,
        Recipients::Administrators(&request.account_number),
        EventKind::AccessRequest.as_str(),
        &json(request),
        now,
    )
    .await
}

/// A decision on the request of the login `requester_canonical`: to the requester, and to the
/// account's administrators, whose open count moved.
pub async fn request_decided(
    conn: &mut Conn<'_>,
    request_id: Option<i64>,
    number: &str,
    requester_canonical: &str,
    status: AccessRequestStatus,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let decided = RequestDecidedEvent {
        request_id,
        account_number: number.to_owned(),
        status,
        expired: false,
    };
    decision(conn, &decided, requester_canonical, now).await
}

/// A request nobody decided within 14 days expired (a rejection nobody made).
pub async fn request_expired(
    conn: &mut Conn<'_>,
    request_id: i64,
    number: &str,
    requester_canonical: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let decided = RequestDecidedEvent {
        request_id: Some(request_id),
        account_number: number.to_owned(),
        status: AccessRequestStatus::Rejected,
        expired: true,
    };
    decision(conn, &decided, requester_canonical, now).await
}

async fn decision(
    conn: &mut Conn<'_>,
    decided: &RequestDecidedEvent,
    requester_canonical: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let number = decided.account_number.as_str();
    store::record(
        conn,
        Recipients::Login(requester_canonical),
        EventKind::RequestDecided.as_str(),
        &json(decided),
        now,
    )
    .await?;
    requests_changed(conn, number, now).await
}

/// A request of account `number` changed (its requester's note): the administrators' lists
/// follow.
pub async fn requests_changed(
    conn: &mut Conn<'_>,
    number: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let changed = RequestsChangedEvent {
        account_number: number.to_owned(),
    };
    store::record(
        conn,
        Recipients::Administrators(number),
        EventKind::RequestsChanged.as_str(),
        &json(&changed),
        now,
    )
    .await
}

/// A session of `user_id` ended: its streams check theirs at once (the others carry on).
pub async fn session_ended(
    conn: &mut Conn<'_>,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    store::record(
        conn,
        Recipients::User(user_id),
        EventKind::SessionEnded.as_str(),
        "{}",
        now,
    )
    .await
}

/// An order of `user_id` moved to `status`.
pub async fn order_status(
    conn: &mut Conn<'_>,
    user_id: i64,
    order_number: &str,
    status: OrderStatus,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let moved = OrderStatusEvent {
        order_number: order_number.to_owned(),
        status,
    };
    store::record(
        conn,
        Recipients::User(user_id),
        EventKind::OrderStatus.as_str(),
        &json(&moved),
        now,
    )
    .await
}
