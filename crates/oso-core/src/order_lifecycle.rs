//! An order's statuses and the moves between them, and the time rules of history: the Track &
//! Trace link disappears 10 days after completion, order data 30 days after the order date.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Order data is deleted this long after the order date.
pub const ORDER_RETENTION: Duration = Duration::days(30);
/// The Track & Trace link is shown until this long after the order was completed.
pub const TRACKING_LINK_LIFETIME: Duration = Duration::days(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "sqlx",
    derive(sqlx::Type),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Received,
    InProgress,
    Shipped,
    Completed,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    #[error("unknown order status {0:?}")]
    UnknownStatus(String),
    #[error("an order cannot go from {from} to {to}")]
    NotAllowed { from: OrderStatus, to: OrderStatus },
    #[error("shipping needs a tracking number")]
    TrackingNumberMissing,
}

impl LifecycleError {
    pub fn field_code(&self) -> &'static str {
        match self {
            LifecycleError::UnknownStatus(_) => "unknown_status",
            LifecycleError::NotAllowed { .. } => "not_allowed_now",
            LifecycleError::TrackingNumberMissing => "required",
        }
    }
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 5] = [
        OrderStatus::Received,
        OrderStatus::InProgress,
        OrderStatus::Shipped,
        OrderStatus::Completed,
        OrderStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Received => "received",
            OrderStatus::InProgress => "in_progress",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Completed => "completed",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    /// The next status in the normal course (`advance`), if there is one.
    pub fn next(self) -> Option<OrderStatus> {
        match self {
            OrderStatus::Received => Some(OrderStatus::InProgress),
            OrderStatus::InProgress => Some(OrderStatus::Shipped),
            OrderStatus::Shipped => Some(OrderStatus::Completed),
            OrderStatus::Completed | OrderStatus::Cancelled => None,
        }
    }

    /// Whether the supplier may move an order from `self` to `to`. Shipping needs a tracking
    /// number, checked by [`check_move`].
    pub fn may_become(self, to: OrderStatus) -> bool {
        self.next() == Some(to)
            || (to == OrderStatus::Cancelled && self == OrderStatus::Received)
            || (to == OrderStatus::Shipped && self == OrderStatus::Received)
    }

    /// The customer may cancel only while nothing has been done yet.
    pub fn customer_may_cancel(self) -> bool {
        self == OrderStatus::Received
    }
}

/// Checks a move, including that shipping carries a tracking number.
pub fn check_move(
    from: OrderStatus,
    to: OrderStatus,
    tracking_number: Option<&str>,
) -> Result<(), LifecycleError> {
    if !from.may_become(to) {
        return Err(LifecycleError::NotAllowed { from, to });
    }
    if to == OrderStatus::Shipped && tracking_number.is_none_or(|number| number.trim().is_empty()) {
        return Err(LifecycleError::TrackingNumberMissing);
    }
    Ok(())
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OrderStatus {
    type Err = LifecycleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        OrderStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or_else(|| LifecycleError::UnknownStatus(s.to_owned()))
    }
}

/// Whether an order placed at `ordered_at` is past its retention and must be deleted.
pub fn is_expired(ordered_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= ordered_at + ORDER_RETENTION
}

/// Whether the Track & Trace link is still shown for an order completed at `completed_at`
/// (always while it is not completed).
pub fn tracking_link_shown(completed_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    completed_at.is_none_or(|completed| now < completed + TRACKING_LINK_LIFETIME)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn day(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn an_order_moves_forward_one_status_at_a_time_and_ends_completed() {
        let mut status = OrderStatus::Received;
        let mut path = vec![status];
        while let Some(next) = status.next() {
            status = next;
            path.push(status);
        }
        assert_eq!(
            path,
            [
                OrderStatus::Received,
                OrderStatus::InProgress,
                OrderStatus::Shipped,
                OrderStatus::Completed
            ]
        );
    }

    #[test]
    fn only_a_received_order_can_be_cancelled() {
        assert!(OrderStatus::Received.customer_may_cancel());
        assert!(check_move(OrderStatus::Received, OrderStatus::Cancelled, None).is_ok());
        for status in [
            OrderStatus::InProgress,
            OrderStatus::Shipped,
            OrderStatus::Completed,
            OrderStatus::Cancelled,
        ] {
            assert!(!status.customer_may_cancel());
            assert!(
                check_move(status, OrderStatus::Cancelled, None).is_err(),
                "{status}"
            );
        }
    }

    #[test]
    fn shipping_needs_a_tracking_number() {
        assert_eq!(
            check_move(OrderStatus::InProgress, OrderStatus::Shipped, Some("  ")),
            Err(LifecycleError::TrackingNumberMissing)
        );
        assert!(check_move(
            OrderStatus::InProgress,
            OrderStatus::Shipped,
            Some("JD0146")
        )
        .is_ok());
    }

    #[test]
    fn nothing_goes_backwards_or_out_of_a_final_status() {
        assert!(check_move(OrderStatus::Shipped, OrderStatus::Received, None).is_err());
        assert!(check_move(OrderStatus::Completed, OrderStatus::Shipped, Some("X")).is_err());
        assert!(check_move(OrderStatus::Cancelled, OrderStatus::InProgress, None).is_err());
    }

    #[test]
    fn order_data_lives_thirty_days_and_the_tracking_link_ten_days_after_completion() {
        assert!(!is_expired(
            day(1),
            day(1) + ORDER_RETENTION - Duration::seconds(1)
        ));
        assert!(is_expired(day(1), day(1) + ORDER_RETENTION));
        assert!(tracking_link_shown(None, day(30)));
        assert!(tracking_link_shown(Some(day(1)), day(10)));
        assert!(!tracking_link_shown(Some(day(1)), day(11)));
    }

    proptest! {
        #[test]
        fn any_text_parses_to_a_status_only_when_it_names_one(text in "\\PC*") {
            if let Ok(status) = text.parse::<OrderStatus>() {
                prop_assert_eq!(status.as_str(), text.as_str());
            }
        }
    }
}
