//! Asking to use a protected number, the one entry for every use of one (saving it, placing an
//! order), in three parts: the rule ([`next_step`]: what the user's try leads to, from the
//! account's domain restriction and their earlier request), the storage ([`store_request`]:
//! the request, its audit entry and a Reject link per administrator, in one transaction) and the
//! notification ([`notify_administrators`]: the e-mails, once that transaction is committed).

use chrono::Duration;
use oso_core::{AccessRequestStatus, Language};

use super::context::Context;
use super::mail::{self, RequestMail};
use super::request_store as store;
use super::{audit, may_use, EsecureError, Requester};
use crate::accounts::{tokens, SignedIn};

/// How long the Reject button in a request e-mail works.
pub const REJECT_LINK_LIFETIME: Duration = Duration::days(14);

/// Allowed, or refused with the reason, after asking the administrators when this user has not
/// asked before (or was revoked since).
#[tracing::instrument(skip(cx, user), err(Debug, level = "info"))]
pub async fn ask_to_use(
    cx: Context<'_>,
    user: &SignedIn,
    number: &str,
) -> Result<(), EsecureError> {
    let requester = Requester::of(user);
    if may_use(cx.database, &requester, number).await? {
        return Ok(());
    }
    let refused_by_domain = refused_by_domain(cx, &requester, number).await?;
    let earlier = earlier_request(cx, &requester, number).await?;
    let company = &user.user.company_name;
    let mails = match next_step(refused_by_domain, earlier)? {
        // Approved meanwhile (the rule above raced with a decision).
        Step::Allowed => return Ok(()),
        Step::Ask(ask) => store_request(cx, &requester, company, number, ask).await?,
    };
    notify_administrators(cx, &requester, company, number, mails).await;
    Err(EsecureError::ApprovalPending)
}

/// What a try to use a number leads to, once [`may_use`] said no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Approved since the rule was asked.
    Allowed,
    /// The administrators are asked.
    Ask(Ask),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    /// A revoked request asked again: a new request, and the administrators hear of it.
    Reopen(i64),
    /// The first request of this user for this account.
    New,
}

/// The rule: refused when the account takes requests from its own domains only and the user's
/// is not one of them; a pending or rejected request stands (nobody is mailed twice).
fn next_step(
    refused_by_domain: bool,
    earlier: Option<(i64, AccessRequestStatus)>,
) -> Result<Step, EsecureError> {
    if refused_by_domain {
        return Err(EsecureError::AccessRefused);
    }
    match earlier {
        None => Ok(Step::Ask(Ask::New)),
        Some((_, AccessRequestStatus::Pending)) => Err(EsecureError::ApprovalPending),
        Some((_, AccessRequestStatus::Rejected)) => Err(EsecureError::ApprovalRejected),
        Some((_, AccessRequestStatus::Approved)) => Ok(Step::Allowed),
        Some((id, AccessRequestStatus::Revoked)) => Ok(Step::Ask(Ask::Reopen(id))),
    }
}

/// Whether the account restricts requests to its domains and the requester's is not listed.
async fn refused_by_domain(
    cx: Context<'_>,
    requester: &Requester,
    number: &str,
) -> Result<bool, sqlx::Error> {
    let mut pooled = cx.database.acquire().await?;
    store::refused_by_domain(&mut pooled.conn(), number, &requester.domain).await
}

/// The requester's earlier request for `number`: its id and status.
async fn earlier_request(
    cx: Context<'_>,
    requester: &Requester,
    number: &str,
) -> Result<Option<(i64, AccessRequestStatus)>, sqlx::Error> {
    let mut pooled = cx.database.acquire().await?;
    store::earlier(&mut pooled.conn(), number, &requester.canonical).await
}

/// A request e-mail to one administrator, made with its Reject link in the transaction.
#[derive(Debug)]
struct AdministratorMail {
    email: String,
    language: String,
    reject_url: String,
    open_url: String,
}

/// The storage: the new or reopened request, its audit entry and one Reject link per
/// administrator, all or none. Another try of the same user that got there first stored (and
/// mails) it: this one answers `ApprovalPending` and mails nobody.
async fn store_request(
    cx: Context<'_>,
    requester: &Requester,
    company: &str,
    number: &str,
    ask: Ask,
) -> Result<Vec<AdministratorMail>, EsecureError> {
    let mut tx = cx.database.begin_write().await?;
    let id = match ask {
        Ask::Reopen(id) => {
            if !store::reopen(&mut tx.conn(), id, cx.now, company).await? {
                return Err(EsecureError::ApprovalPending);
            }
            id
        }
        Ask::New => store::insert_pending(
            &mut tx.conn(),
            number,
            &requester.email,
            &requester.canonical,
            company,
            cx.now,
        )
        .await?
        .ok_or(EsecureError::ApprovalPending)?,
    };
    audit::record(
        &mut tx.conn(),
        number,
        cx.now,
        &requester.email,
        "requested",
        &requester.email,
    )
    .await?;
    let news = oso_api::events::AccessRequestEvent {
        request_id: id,
        account_number: number.to_owned(),
        email: requester.email.clone(),
        company: company.to_owned(),
    };
    crate::events::record::access_request(&mut tx.conn(), &news, cx.now).await?;
    let admins = store::administrators_to_mail(&mut tx.conn(), number).await?;
    let mut mails = Vec::with_capacity(admins.len());
    for (email, language) in admins {
        let token = tokens::new_token();
        let expires_at = cx.now + REJECT_LINK_LIFETIME;
        store::insert_reject_link(
            &mut tx.conn(),
            &tokens::hash(token.expose()),
            id,
            &email,
            expires_at,
        )
        .await?;
        mails.push(AdministratorMail {
            email,
            language,
            reject_url: cx.links.esecure_reject(token.expose()),
            open_url: cx.links.esecure_request_in_app(id),
        });
    }
    tx.commit().await?;
    crate::events::poke();
    Ok(mails)
}

/// The notification: each administrator's request e-mail, in their language. A mail that
/// cannot be sent is logged (see [`mail::send_request`]); the request stands.
async fn notify_administrators(
    cx: Context<'_>,
    requester: &Requester,
    company: &str,
    number: &str,
    mails: Vec<AdministratorMail>,
) {
    for admin in mails {
        mail::send_request(
            cx.database,
            cx.mailer,
            RequestMail {
                admin_email: &admin.email,
                admin_language: admin.language.parse().unwrap_or(Language::FALLBACK),
                requester_email: &requester.email,
                requester_company: company,
                account_number: number,
                requested_at: cx.now,
                reject_url: admin.reject_url,
                open_url: admin.open_url,
                purpose: mail::Purpose::New,
                note: None,
            },
        )
        .await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn earlier(status: AccessRequestStatus) -> Option<(i64, AccessRequestStatus)> {
        Some((7, status))
    }

    #[test]
    fn a_first_try_is_a_new_request() {
        assert_eq!(next_step(false, None).expect("asks"), Step::Ask(Ask::New));
    }

    #[test]
    fn a_pending_or_rejected_request_stands_and_nobody_is_asked_again() {
        assert!(matches!(
            next_step(false, earlier(AccessRequestStatus::Pending)),
            Err(EsecureError::ApprovalPending)
        ));
        assert!(matches!(
            next_step(false, earlier(AccessRequestStatus::Rejected)),
            Err(EsecureError::ApprovalRejected)
        ));
    }

    #[test]
    fn a_revoked_request_is_asked_again_and_an_approved_one_allows() {
        assert_eq!(
            next_step(false, earlier(AccessRequestStatus::Revoked)).expect("asks"),
            Step::Ask(Ask::Reopen(7))
        );
        assert_eq!(
            next_step(false, earlier(AccessRequestStatus::Approved)).expect("allows"),
            Step::Allowed
        );
    }

    #[test]
    fn an_address_outside_the_restricted_domains_is_refused_whatever_it_asked_before() {
        for before in [
            None,
            earlier(AccessRequestStatus::Pending),
            earlier(AccessRequestStatus::Approved),
        ] {
            assert!(matches!(
                next_step(true, before),
                Err(EsecureError::AccessRefused)
            ));
        }
    }
}
