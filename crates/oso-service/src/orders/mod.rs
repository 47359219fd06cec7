//! Placing orders. An order is placed at most once per idempotency key, so a desktop that lost
//! the answer can send the same draft again and gets the same order back.

pub mod export;
pub mod history;
pub mod history_beside_session;
mod history_filters;
pub mod history_keyset;
pub mod lifecycle;
mod mail;
mod store;
#[cfg(test)]
mod store_tests;
mod writer;

use std::sync::Arc;

pub use oso_api::orders::{OrderDetails, OrderLine, OrderRequest, PlacedOrder};
use oso_core::{check_order_lines, AccountNumber, Address, Clock, FieldErrors, Sold};

use crate::accounts::{Accounts, SignedIn};
use crate::catalogue::{Catalogue, CatalogueCache};
use crate::error::ServiceError;

pub use store::anonymise_for_user;
pub use writer::OrderWriter;

/// What placing, showing and cancelling orders need, handed over by the caller (the API builds
/// it from its state): the database and its one writer, the logins' mail and links, the
/// catalogue, the clock and the Track & Trace link template.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub database: &'a crate::database::Database,
    pub writer: &'a OrderWriter,
    pub accounts: &'a Accounts,
    pub catalogue: &'a CatalogueCache,
    pub clock: &'a dyn Clock,
    /// `{tracking_number}` is replaced.
    pub track_and_trace_url: &'a str,
}

impl Context<'_> {
    /// What eSecure needs, at the current time.
    fn esecure(&self) -> crate::esecure::Context<'_> {
        crate::esecure::Context::new(self.database, self.accounts, self.clock.now())
    }
}

fn valid_key(key: &str) -> bool {
    (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
}

/// Checks everything the service is the truth for, naming every refused field: the key, the
/// account number, the address, the items and the limits.
async fn validate(
    cx: &Context<'_>,
    request: &OrderRequest,
) -> Result<(AccountNumber, Address, Arc<Catalogue>), ServiceError> {
    let mut fields = FieldErrors::new();
    if !valid_key(&request.idempotency_key) {
        fields.refuse("idempotency_key", "invalid");
    }
    let number = fields.check(
        "account_number",
        AccountNumber::parse(&request.account_number),
        |error| error.field_code(),
    );
    let address = Address::parse(&request.address)
        .map_err(|problems| fields.nest("address", problems))
        .ok();
    let catalogue = cx
        .catalogue
        .current(cx.database)
        .await
        .map_err(|error| ServiceError::Internal(error.to_string()))?;
    let lines: Vec<(&str, u32)> = request
        .lines
        .iter()
        .map(|line| (line.sku.as_str(), line.packs))
        .collect();
    let sold = |sku: &str| match catalogue.items.iter().find(|item| item.sku == sku) {
        Some(item) => Sold::Yes {
            max_packs: item.max_packs_per_order,
        },
        None => Sold::No,
    };
    fields.extend(check_order_lines(
        &lines,
        sold,
        Some(catalogue.order_max_packs),
    ));
    match (fields.is_empty(), number, address) {
        (true, Some(number), Some(address)) => Ok((number, address, catalogue)),
        _ => Err(ServiceError::from(fields)),
    }
}

/// Places the order (or returns the one already placed with this key) and, for a new order,
/// sends the confirmation e-mail once answered. The boolean says whether the order is new.
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn place(
    cx: &Context<'_>,
    user: &SignedIn,
    request: OrderRequest,
) -> Result<(PlacedOrder, bool), ServiceError> {
    if valid_key(&request.idempotency_key) {
        if let Some(existing) =
            store::find_by_key(cx.database, user.user.id, &request.idempotency_key).await?
        {
            return Ok((existing, false));
        }
    }
    let (number, address, catalogue) = validate(cx, &request).await?;
    // eSecure last: an order that is refused anyway must not ask administrators for anything.
    crate::esecure::asking::ask_to_use(cx.esecure(), user, number.as_str())
        .await
        .map_err(|error| error.at_field("account_number"))?;
    let order = store::NewOrder::new(user, &request, number, address, cx.clock.now());
    let placed = cx.writer.write(order).await.map_err(|error| match error {
        writer::WriteError::Store(error) => ServiceError::from(error),
        stopped @ writer::WriteError::Stopped => ServiceError::Internal(stopped.to_string()),
    })?;
    let Some(order) = placed else {
        // Another request with the same key won the race: answer with its order.
        let existing = store::find_by_key(cx.database, user.user.id, &request.idempotency_key)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        return Ok((existing, false));
    };
    mail::confirm_in_background(cx.accounts.mailer(), user, &order, catalogue).await;
    Ok((order, true))
}

/// An order the history shows the user, by its number, with its timeline and Track & Trace
/// link; `None` for any other order, alike whether it exists or not.
pub async fn find(
    cx: &Context<'_>,
    user: &SignedIn,
    order_number: &str,
) -> Result<Option<OrderDetails>, ServiceError> {
    let requester = crate::esecure::Requester::of(user);
    let Some(order) = store::find_by_number(
        cx.database,
        user.user.id,
        &requester.canonical,
        order_number,
    )
    .await?
    else {
        return Ok(None);
    };
    if !crate::esecure::may_use(cx.database, &requester, &order.account_number).await? {
        return Ok(None);
    }
    let store::Extras {
        tracking_number,
        completed_at,
        ordered_by,
    } = store::extras(cx.database, order_number).await?;
    let shown = oso_core::order_lifecycle::tracking_link_shown(completed_at, cx.clock.now());
    let track_and_trace_url = tracking_number
        .as_deref()
        .filter(|_| shown)
        .map(|number| cx.track_and_trace_url.replace("{tracking_number}", number));
    let timeline = lifecycle::timeline(cx.database, order_number).await?;
    let line_names = store::line_names(cx.database, order_number).await?;
    Ok(Some(OrderDetails {
        line_names,
        order,
        tracking_number,
        ordered_by,
        track_and_trace_url,
        timeline,
    }))
}

/// The customer cancels one of their orders, possible while it is still "received".
pub async fn cancel(
    cx: &Context<'_>,
    user: &SignedIn,
    order_number: &str,
) -> Result<(), ServiceError> {
    let request = lifecycle::Move {
        number: order_number,
        to: oso_core::OrderStatus::Cancelled,
        tracking_number: None,
        actor: lifecycle::Actor::Customer,
        user_id: Some(user.user.id),
    };
    lifecycle::move_order(cx.database, cx.accounts.mailer(), request, cx.clock.now()).await?;
    Ok(())
}
