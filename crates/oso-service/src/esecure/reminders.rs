//! Requests left open (the hourly job): each reminds its administrators once after 48 hours,
//! with a fresh Reject button and "Open in OSO"; after 14 days it expires, a rejection nobody
//! made, and the requester is told by mail and, through the events stream, in the app (their
//! waiting order is refused).

use chrono::Duration;
use oso_core::{Email, Language};

use super::context::Context;
use super::mail::{self, Outcome, RequestMail};
use super::request_store as store;
use super::{audit, EsecureError};
use crate::accounts::tokens;

/// An open request reminds its administrators once, this long after it was made.
pub const REMIND_AFTER: Duration = Duration::hours(48);
/// An open request expires this long after it was made.
pub const EXPIRE_AFTER: Duration = Duration::days(14);

/// What one run did: reminders mailed (one per request, to each administrator) and requests
/// expired.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenRequestsWork {
    pub reminded: usize,
    pub expired: usize,
}

struct ReminderMail {
    admin_email: String,
    language: String,
    requester: String,
    company: String,
    number: String,
    requested_at: chrono::DateTime<chrono::Utc>,
    reject_url: String,
    open_url: String,
}

#[tracing::instrument(skip_all, err(Debug, level = "info"))]
pub async fn run(cx: Context<'_>) -> Result<OpenRequestsWork, EsecureError> {
    let mut tx = cx.database.begin_write().await?;
    // Expired first: a request past 14 days needs no reminder.
    let expired = store::expire_pending(&mut tx.conn(), cx.now - EXPIRE_AFTER, cx.now).await?;
    for (id, number, requester) in &expired {
        audit::record(&mut tx.conn(), number, cx.now, "OSO", "expired", requester).await?;
        crate::events::record::request_expired(
            &mut tx.conn(),
            *id,
            number,
            &Email::canonical_of(requester),
            cx.now,
        )
        .await?;
    }
    let due = store::claim_reminders(&mut tx.conn(), cx.now - REMIND_AFTER, cx.now).await?;
    let mut mails = Vec::new();
    for (id, number, requester, company, requested_at) in &due {
        for (admin_email, language) in store::administrators_to_mail(&mut tx.conn(), number).await?
        {
            let token = tokens::new_token();
            // The button lives as long as the request can still be decided.
            let expires_at = *requested_at + EXPIRE_AFTER;
            store::insert_reject_link(
                &mut tx.conn(),
                &tokens::hash(token.expose()),
                *id,
                &admin_email,
                expires_at,
            )
            .await?;
            mails.push(ReminderMail {
                admin_email,
                language,
                requester: requester.clone(),
                company: company.clone(),
                number: number.clone(),
                requested_at: *requested_at,
                reject_url: cx.links.esecure_reject(token.expose()),
                open_url: cx.links.esecure_request_in_app(*id),
            });
        }
    }
    tx.commit().await?;
    crate::events::poke();
    for reminder in &mails {
        mail::send_request(
            cx.database,
            cx.mailer,
            RequestMail {
                admin_email: &reminder.admin_email,
                admin_language: reminder.language.parse().unwrap_or(Language::FALLBACK),
                requester_email: &reminder.requester,
                requester_company: &reminder.company,
                account_number: &reminder.number,
                requested_at: reminder.requested_at,
                reject_url: reminder.reject_url.clone(),
                open_url: reminder.open_url.clone(),
                purpose: mail::Purpose::Reminder,
                note: None,
            },
        )
        .await;
    }
    for (_, number, requester) in &expired {
        mail::send_outcome(cx.database, cx.mailer, requester, number, Outcome::Expired).await;
    }
    Ok(OpenRequestsWork {
        reminded: due.len(),
        expired: expired.len(),
    })
}
