//! Placing orders. An order is placed at most once per idempotency key, so a desktop that lost
//! the answer can send the same draft again and gets the same order back.

pub mod export;
pub mod history;
pub mod lifecycle;
mod mail;
mod store;
mod writer;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use oso_api::orders::{OrderDetails, OrderLine, OrderRequest, PlacedOrder};
use oso_core::list_limit::MAX_ORDER_LINES;
use oso_core::{check_list_len, check_order_limits, AccountNumber, Address, Quantity};

use crate::accounts::{AccountError, SignedIn};
use crate::api::AppState;
use crate::catalogue::Catalogue;

pub use store::anonymise_for_user;
pub use writer::OrderWriter;

fn valid_key(key: &str) -> bool {
    (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
}

/// Checks everything the service is the truth for, naming every refused field: the key, the
/// account number, the address, the items and the limits.
async fn validate(
    state: &AppState,
    request: &OrderRequest,
) -> Result<(AccountNumber, Address, Arc<Catalogue>), AccountError> {
    let mut fields = BTreeMap::new();
    if !valid_key(&request.idempotency_key) {
        fields.insert("idempotency_key".to_owned(), "invalid".to_owned());
    }
    let number = match AccountNumber::parse(&request.account_number) {
        Ok(number) => Some(number),
        Err(error) => {
            fields.insert("account_number".to_owned(), error.field_code().to_owned());
            None
        }
    };
    let address = match Address::parse(&request.address) {
        Ok(address) => Some(address),
        Err(problems) => {
            fields.extend(
                problems
                    .into_iter()
                    .map(|(field, code)| (format!("address.{field}"), code)),
            );
            None
        }
    };
    let catalogue = state
        .catalogue()
        .await
        .map_err(|error| AccountError::Internal(error.to_string()))?;
    if request.lines.is_empty() {
        fields.insert("lines".to_owned(), "required".to_owned());
    }
    if let Err(too_many) = check_list_len(request.lines.len(), MAX_ORDER_LINES) {
        // Refused before each line is looked up in the catalogue.
        fields.insert("lines".to_owned(), too_many.field_code().to_owned());
        return Err(AccountError::Invalid(fields));
    }
    let mut limits = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in &request.lines {
        let field = format!("lines.{}", line.sku);
        if !seen.insert(line.sku.as_str()) {
            fields.insert(field, "duplicate".to_owned());
            continue;
        }
        match catalogue.items.iter().find(|item| item.sku == line.sku) {
            None => {
                fields.insert(field, "not_sold".to_owned());
            }
            Some(item) => match Quantity::new(line.packs) {
                Err(error) => {
                    fields.insert(field, error.field_code().to_owned());
                }
                Ok(_) => limits.push((line.sku.clone(), line.packs, item.max_packs_per_order)),
            },
        }
    }
    for problem in check_order_limits(&limits, catalogue.order_max_packs) {
        let field = match &problem {
            oso_core::LimitProblem::ItemMaximum { sku, .. } => format!("lines.{sku}"),
            oso_core::LimitProblem::OrderMaximum { .. } => "lines".to_owned(),
        };
        fields.insert(field, problem.field_code().to_owned());
    }
    match (fields.is_empty(), number, address) {
        (true, Some(number), Some(address)) => Ok((number, address, catalogue)),
        _ => Err(AccountError::Invalid(fields)),
    }
}

/// Places the order (or returns the one already placed with this key) and, for a new order,
/// sends the confirmation e-mail once answered. The boolean says whether the order is new.
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn place(
    state: &AppState,
    user: &SignedIn,
    request: OrderRequest,
) -> Result<(PlacedOrder, bool), AccountError> {
    if valid_key(&request.idempotency_key) {
        if let Some(existing) =
            store::find_by_key(&state.pool, user.user.id, &request.idempotency_key).await?
        {
            return Ok((existing, false));
        }
    }
    let (number, address, catalogue) = validate(state, &request).await?;
    // eSecure last: an order that is refused anyway must not ask administrators for anything.
    crate::esecure::requests::ask_to_use(state.esecure(), user, number.as_str())
        .await
        .map_err(|error| error.at_field("account_number"))?;
    let order = store::NewOrder::new(user, &request, number, address, state.clock.now());
    let placed = state
        .orders
        .write(order)
        .await
        .map_err(|error| match error {
            writer::WriteError::Store(error) => AccountError::from(error),
            stopped @ writer::WriteError::Stopped => AccountError::Internal(stopped.to_string()),
        })?;
    let Some(order) = placed else {
        // Another request with the same key won the race: answer with its order.
        let existing = store::find_by_key(&state.pool, user.user.id, &request.idempotency_key)
            .await?
            .ok_or(AccountError::Unauthenticated)?;
        return Ok((existing, false));
    };
    mail::confirm_in_background(state, user, &order, catalogue).await;
    Ok((order, true))
}

/// An order the history shows the user, by its number, with its timeline and Track & Trace
/// link; `None` for any other order, alike whether it exists or not.
pub async fn find(
    state: &AppState,
    user: &SignedIn,
    order_number: &str,
) -> Result<Option<OrderDetails>, AccountError> {
    let requester = crate::esecure::Requester::of(user);
    let Some(order) = store::find_by_number(
        &state.pool,
        user.user.id,
        &requester.canonical,
        order_number,
    )
    .await?
    else {
        return Ok(None);
    };
    if !crate::esecure::may_use(&state.pool, &requester, &order.account_number).await? {
        return Ok(None);
    }
    let store::Extras {
        tracking_number,
        completed_at,
        ordered_by,
    } = store::extras(&state.pool, order_number).await?;
    let shown = oso_core::order_lifecycle::tracking_link_shown(completed_at, state.clock.now());
    let track_and_trace_url = tracking_number.as_deref().filter(|_| shown).map(|number| {
        state
            .track_and_trace_url
            .replace("{tracking_number}", number)
    });
    let timeline = lifecycle::timeline(&state.pool, order_number).await?;
    let line_names = store::line_names(&state.pool, order_number).await?;
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
    state: &AppState,
    user: &SignedIn,
    order_number: &str,
) -> Result<(), AccountError> {
    let request = lifecycle::Move {
        number: order_number,
        to: oso_core::OrderStatus::Cancelled,
        tracking_number: None,
        actor: lifecycle::Actor::Customer,
        user_id: Some(user.user.id),
    };
    lifecycle::move_order(
        &state.pool,
        state.accounts.mailer(),
        request,
        state.clock.now(),
    )
    .await?;
    Ok(())
}
