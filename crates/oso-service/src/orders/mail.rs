//! The order confirmation e-mail, in the language of the user who ordered.

use std::sync::Arc;

use fluent_bundle::FluentValue;
use oso_core::Language;
use tracing::Instrument;

use super::PlacedOrder;
use crate::accounts::SignedIn;
use crate::catalogue::Catalogue;
use crate::error::ServiceError;
use crate::mail::templates::Composer;
use crate::mail::when::Reader;
use crate::mail::{MailKind, Mailer};

/// Sends the confirmation of a new order after its answer has gone: the customer never waits for
/// the mail server. The order stands whatever happens to its mail; a failure is logged.
pub async fn confirm_in_background(
    mailer: &Mailer,
    user: &SignedIn,
    order: &PlacedOrder,
    catalogue: Arc<Catalogue>,
) {
    let (mailer, user, order) = (mailer.clone(), user.clone(), order.clone());
    let promise = mailer.promise().await;
    tokio::spawn(
        async move {
            let _promise = promise;
            if let Err(error) = send_confirmation(&mailer, &user, &order, &catalogue).await {
                tracing::error!(%error, order = %order.order_number, "order confirmation e-mail failed");
            }
        }
        .in_current_span(),
    );
}

async fn send_confirmation(
    mailer: &Mailer,
    user: &SignedIn,
    order: &PlacedOrder,
    catalogue: &Catalogue,
) -> Result<(), ServiceError> {
    let reader = Reader::stored(&user.user.language, &user.user.time_zone);
    let language = reader.language;
    let number = FluentValue::from(order.order_number.as_str());
    let mut mail = Composer::new(
        language,
        "email-order-subject",
        &[("number", number.clone())],
    )
    .paragraph(
        "email-greeting",
        &[("name", FluentValue::from(user.user.contact_name.as_str()))],
    )
    .paragraph(
        "email-order-body",
        &[
            ("number", number),
            ("account", FluentValue::from(order.account_number.as_str())),
        ],
    )
    .paragraph(
        "email-order-placed",
        &[("time", FluentValue::from(reader.moment(order.created_at)))],
    )
    .paragraph("email-order-lines-title", &[]);
    for line in &order.lines {
        let name = catalogue
            .items
            .iter()
            .find(|item| item.sku == line.sku)
            .map(|item| match language {
                Language::Nl => item.name.nl.clone(),
                Language::En => item.name.en.clone(),
                Language::Fr => item.name.fr.clone(),
            })
            .unwrap_or_else(|| line.sku.clone());
        mail = mail.paragraph(
            "email-order-line",
            &[
                ("packs", FluentValue::from(line.packs)),
                ("name", FluentValue::from(name)),
                ("sku", FluentValue::from(line.sku.as_str())),
            ],
        );
    }
    let a = &order.address;
    let street = if a.box_number.is_empty() {
        format!("{} {}", a.street, a.number)
    } else {
        format!("{} {} / {}", a.street, a.number, a.box_number)
    };
    let address = format!(
        "{}, {}, {street}, {} {}, {}",
        a.company, a.contact_person, a.postal_code, a.city, a.country
    );
    let content = mail
        .paragraph(
            "email-order-address",
            &[("address", FluentValue::from(address))],
        )
        .paragraph("email-order-follow", &[])
        .finish();
    mailer
        .send(
            MailKind::OrderConfirmation,
            user.user.mail_address(),
            content,
        )
        .await?;
    Ok(())
}
