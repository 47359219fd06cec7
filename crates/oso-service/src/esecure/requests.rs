//! Requests to use a protected number: made when a user who may not use it tries to, decided by
//! the account's administrators (in the app, or rejected from the e-mail's page), revoked, or
//! made approved at once when an administrator adds users.

use oso_core::list_limit::{MAX_DECISIONS_AT_ONCE, MAX_USERS_AT_ONCE};
use oso_core::{check_list_len, AccessRequestStatus, Email, TimeZone};

pub use oso_api::esecure::{AccessRequest, Decision};

use super::context::Context;
use super::mail;
use super::request_store as store;
use super::{audit, EsecureError, Requester};
use crate::accounts::tokens;
use crate::database::Database;
use crate::error::ServiceError;
use crate::events::record;
use oso_core::FieldErrors;

/// The requests of the accounts `admin` administers, newest first.
pub async fn list(
    database: &Database,
    admin: &Requester,
    status: Option<&str>,
    account_number: Option<&str>,
) -> Result<Vec<AccessRequest>, EsecureError> {
    let status = status
        .map(AccessRequestStatus::parse)
        .transpose()
        .map_err(|_| ServiceError::field("status", "unknown_status"))?
        .map(AccessRequestStatus::as_str);
    let mut pooled = database.acquire().await?;
    Ok(store::list(&mut pooled.conn(), &admin.canonical, status, account_number).await?)
}

/// The requester's own requests.
pub async fn mine(
    database: &Database,
    requester: &Requester,
) -> Result<Vec<AccessRequest>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    store::mine(&mut pooled.conn(), &requester.canonical).await
}

/// How many requests wait for `admin`, and whether they administer any account.
pub async fn open_count(
    database: &Database,
    admin: &Requester,
) -> Result<(bool, i64), sqlx::Error> {
    let mut pooled = database.acquire().await?;
    let (accounts, open) = store::open_count(&mut pooled.conn(), &admin.canonical).await?;
    Ok((accounts > 0, open))
}

/// Approves or rejects requests at once, all or none: every id must be a request of an account
/// `admin` administers. Approving works on pending, rejected and revoked requests; rejecting on
/// pending ones. Each requester is mailed the decision.
#[tracing::instrument(skip(cx, admin), err(Debug, level = "info"))]
pub async fn decide(
    cx: Context<'_>,
    admin: &Requester,
    ids: &[i64],
    decision: Decision,
) -> Result<usize, EsecureError> {
    if ids.is_empty() {
        return Err(ServiceError::field("ids", "required").into());
    }
    if let Err(too_many) = check_list_len(ids.len(), MAX_DECISIONS_AT_ONCE) {
        return Err(ServiceError::field("ids", too_many.field_code()).into());
    }
    let mut tx = cx.database.begin_write().await?;
    let mut decided = Vec::new();
    for id in ids {
        let Some((number, email, status)) =
            store::administered_for_update(&mut tx.conn(), *id, &admin.canonical).await?
        else {
            return Err(EsecureError::NotFound);
        };
        let Some(to) = status.after(decision) else {
            return Err(ServiceError::field("ids", "already_decided").into());
        };
        store::set_status(&mut tx.conn(), *id, to, cx.now, &admin.email).await?;
        audit::record(
            &mut tx.conn(),
            &number,
            cx.now,
            &admin.email,
            to.as_str(),
            &email,
        )
        .await?;
        record::request_decided(
            &mut tx.conn(),
            Some(*id),
            &number,
            &Email::canonical_of(&email),
            to,
            cx.now,
        )
        .await?;
        decided.push((number, email));
    }
    tx.commit().await?;
    crate::events::poke();
    for (number, email) in &decided {
        mail::send_decision(
            cx.database,
            cx.mailer,
            email,
            number,
            decision == Decision::Approve,
        )
        .await;
    }
    Ok(decided.len())
}

/// Takes an approved user's access away at once.
pub async fn revoke(cx: Context<'_>, admin: &Requester, id: i64) -> Result<(), EsecureError> {
    let mut tx = cx.database.begin_write().await?;
    let Some((number, email, AccessRequestStatus::Approved)) =
        store::administered_for_update(&mut tx.conn(), id, &admin.canonical).await?
    else {
        return Err(EsecureError::NotFound);
    };
    let revoked = AccessRequestStatus::Revoked;
    store::set_status(&mut tx.conn(), id, revoked, cx.now, &admin.email).await?;
    audit::record(
        &mut tx.conn(),
        &number,
        cx.now,
        &admin.email,
        revoked.as_str(),
        &email,
    )
    .await?;
    record::request_decided(
        &mut tx.conn(),
        Some(id),
        &number,
        &Email::canonical_of(&email),
        revoked,
        cx.now,
    )
    .await?;
    tx.commit().await?;
    crate::events::poke();
    Ok(())
}

/// Approves `emails` for `number` at once (the manual's "Add users").
pub async fn add_users(
    cx: Context<'_>,
    admin: &Requester,
    number: &str,
    emails: &[String],
) -> Result<Vec<String>, EsecureError> {
    super::accounts::require_administrator(cx.database, admin, number).await?;
    let mut parsed = Vec::new();
    let mut problems = FieldErrors::new();
    if emails.is_empty() {
        problems.refuse("emails", "required");
    }
    if let Err(too_many) = check_list_len(emails.len(), MAX_USERS_AT_ONCE) {
        return Err(ServiceError::field("emails", too_many.field_code()).into());
    }
    for (index, email) in emails.iter().enumerate() {
        if let Some(email) =
            problems.check(format!("emails.{index}"), Email::parse(email), |error| {
                error.field_code()
            })
        {
            parsed.push(email);
        }
    }
    problems.into_result().map_err(ServiceError::from)?;
    let mut tx = cx.database.begin_write().await?;
    for email in &parsed {
        let canonical = email.canonical();
        let company = crate::accounts::users::find_live_by_email(&mut tx.conn(), &canonical)
            .await?
            .map(|user| user.company_name)
            .unwrap_or_default();
        store::approve(
            &mut tx.conn(),
            number,
            email.as_str(),
            &canonical,
            &company,
            cx.now,
            &admin.email,
        )
        .await?;
        audit::record(
            &mut tx.conn(),
            number,
            cx.now,
            &admin.email,
            "users_added",
            email.as_str(),
        )
        .await?;
        record::request_decided(
            &mut tx.conn(),
            None,
            number,
            &canonical,
            AccessRequestStatus::Approved,
            cx.now,
        )
        .await?;
    }
    tx.commit().await?;
    crate::events::poke();
    Ok(parsed
        .iter()
        .map(|email| email.as_str().to_owned())
        .collect())
}

/// What the page behind a Reject button shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectLink {
    /// The request, and the time zone of the administrator the link was mailed to: the page
    /// writes the request's time as their e-mail did.
    Open(AccessRequest, TimeZone),
    Decided,
    Invalid,
}

/// Reads a Reject link without acting on it (a GET, which mail scanners make too).
pub async fn read_reject_link(cx: Context<'_>, token: &str) -> Result<RejectLink, sqlx::Error> {
    let mut pooled = cx.database.acquire().await?;
    let link = store::reject_link(&mut pooled.conn(), &tokens::hash(token)).await?;
    let Some((id, admin_email, expires_at, used_at)) = link else {
        return Ok(RejectLink::Invalid);
    };
    if used_at.is_some() || expires_at <= cx.now {
        return Ok(RejectLink::Invalid);
    }
    let request = store::request(&mut pooled.conn(), id).await?;
    drop(pooled);
    Ok(match request {
        Some(request) if request.status == AccessRequestStatus::Pending => {
            RejectLink::Open(request, mail::zone_of(cx.database, &admin_email).await)
        }
        Some(_) => RejectLink::Decided,
        None => RejectLink::Invalid,
    })
}

/// Rejects through a Reject link (its form's POST): single use, and only while pending.
#[tracing::instrument(skip_all, err(Debug, level = "info"))]
pub async fn reject_by_link(cx: Context<'_>, token: &str) -> Result<RejectLink, EsecureError> {
    let mut tx = cx.database.begin_write().await?;
    let used = store::use_reject_link(&mut tx.conn(), &tokens::hash(token), cx.now).await?;
    let Some((id, admin_email)) = used else {
        return Ok(RejectLink::Invalid);
    };
    // The administrator may have been removed since the mail went out.
    let request = store::reject_pending(&mut tx.conn(), id, cx.now, &admin_email).await?;
    let Some(request) = request else {
        tx.commit().await?;
        return Ok(RejectLink::Decided);
    };
    audit::record(
        &mut tx.conn(),
        &request.account_number,
        cx.now,
        &admin_email,
        AccessRequestStatus::Rejected.as_str(),
        &request.email,
    )
    .await?;
    record::request_decided(
        &mut tx.conn(),
        Some(request.id),
        &request.account_number,
        &Email::canonical_of(&request.email),
        AccessRequestStatus::Rejected,
        cx.now,
    )
    .await?;
    tx.commit().await?;
    crate::events::poke();
    mail::send_decision(
        cx.database,
        cx.mailer,
        &request.email,
        &request.account_number,
        false,
    )
    .await;
    let zone = mail::zone_of(cx.database, &admin_email).await;
    Ok(RejectLink::Open(request, zone))
}

/// The longest note a requester may add to their request.
pub const NOTE_MAX_CHARS: usize = 500;

/// The requester's note on their open request ("I am the new office manager"): kept with it,
/// shown in the administrators' list and mailed to them with a fresh Reject button. An empty
/// note removes it and mails nobody.
#[tracing::instrument(skip(cx, requester, note), err(Debug, level = "info"))]
pub async fn set_note(
    cx: Context<'_>,
    requester: &Requester,
    id: i64,
    note: &str,
) -> Result<(), EsecureError> {
    let note = note.trim();
    if note.chars().count() > NOTE_MAX_CHARS {
        return Err(ServiceError::field("note", "too_long").into());
    }
    let note = (!note.is_empty()).then_some(note);
    let mut tx = cx.database.begin_write().await?;
    let Some((number, email, company, requested_at)) =
        store::set_note(&mut tx.conn(), id, &requester.canonical, note).await?
    else {
        return Err(EsecureError::NotFound);
    };
    let mut mails = Vec::new();
    if note.is_some() {
        for (admin_email, language) in
            store::administrators_to_mail(&mut tx.conn(), &number).await?
        {
            let token = tokens::new_token();
            store::insert_reject_link(
                &mut tx.conn(),
                &tokens::hash(token.expose()),
                id,
                &admin_email,
                requested_at + super::reminders::EXPIRE_AFTER,
            )
            .await?;
            mails.push((
                admin_email,
                language,
                cx.links.esecure_reject(token.expose()),
            ));
        }
    }
    record::requests_changed(&mut tx.conn(), &number, cx.now).await?;
    tx.commit().await?;
    crate::events::poke();
    for (admin_email, language, reject_url) in mails {
        mail::send_request(
            cx.database,
            cx.mailer,
            mail::RequestMail {
                admin_email: &admin_email,
                admin_language: language.parse().unwrap_or(oso_core::Language::FALLBACK),
                requester_email: &email,
                requester_company: &company,
                account_number: &number,
                requested_at,
                reject_url,
                open_url: cx.links.esecure_request_in_app(id),
                purpose: mail::Purpose::Note,
                note,
            },
        )
        .await;
    }
    Ok(())
}
