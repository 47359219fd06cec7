//! Requests to use a protected number: made when a user who may not use it tries to, decided by
//! the account's administrators (in the app, or rejected from the e-mail's page), revoked, or
//! made approved at once when an administrator adds users.

use chrono::{DateTime, Utc};
use oso_core::list_limit::{MAX_DECISIONS_AT_ONCE, MAX_USERS_AT_ONCE};
use oso_core::{check_list_len, AccessRequestStatus, Email};
use sqlx::SqlitePool;

pub use oso_api::esecure::{AccessRequest, Decision};

use super::context::Context;
use super::mail;
use super::{audit, EsecureError, Requester};
use crate::accounts::tokens;
use crate::database::Conn;
use crate::error::ServiceError;
use oso_core::FieldErrors;

/// The requests of the accounts `admin` administers, newest first.
pub async fn list(
    pool: &SqlitePool,
    admin: &Requester,
    status: Option<&str>,
    account_number: Option<&str>,
) -> Result<Vec<AccessRequest>, EsecureError> {
    let status = status
        .map(AccessRequestStatus::parse)
        .transpose()
        .map_err(|_| ServiceError::field("status", "unknown_status"))?
        .map(AccessRequestStatus::as_str);
    Ok(sqlx::query_as!(
        AccessRequest,
        r#"SELECT id AS "id!", account_number AS "account_number!", email AS "email!", company AS "company!",
                status AS "status!: AccessRequestStatus", requested_at AS "requested_at!: DateTime<Utc>",
                decided_at AS "decided_at?: DateTime<Utc>", decided_by AS "decided_by?"
         FROM access_requests r
         WHERE r.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?1)
           AND (?2 IS NULL OR r.status = ?2) AND (?3 IS NULL OR r.account_number = ?3)
         ORDER BY r.requested_at DESC, r.id DESC LIMIT 1000"#,
        admin.canonical,
        status,
        account_number,
    )
    .fetch_all(pool)
    .await?)
}

/// The requester's own requests.
pub async fn mine(
    pool: &SqlitePool,
    requester: &Requester,
) -> Result<Vec<AccessRequest>, sqlx::Error> {
    sqlx::query_as!(
        AccessRequest,
        r#"SELECT id AS "id!", account_number AS "account_number!", email AS "email!", company AS "company!",
                status AS "status!: AccessRequestStatus", requested_at AS "requested_at!: DateTime<Utc>",
                decided_at AS "decided_at?: DateTime<Utc>", decided_by AS "decided_by?"
         FROM access_requests WHERE email_canonical = ?1 ORDER BY requested_at DESC, id DESC"#,
        requester.canonical,
    )
    .fetch_all(pool)
    .await
}

/// How many requests wait for `admin`, and whether they administer any account.
pub async fn open_count(pool: &SqlitePool, admin: &Requester) -> Result<(bool, i64), sqlx::Error> {
    let counts = sqlx::query!(
        r#"SELECT (SELECT COUNT(*) FROM account_administrators WHERE email_canonical = ?1) AS "accounts!: i64",
                (SELECT COUNT(*) FROM access_requests r WHERE r.status = 'pending' AND r.account_number IN
                    (SELECT account_number FROM account_administrators WHERE email_canonical = ?1)) AS "open!: i64""#,
        admin.canonical,
    )
    .fetch_one(pool)
    .await?;
    Ok((counts.accounts > 0, counts.open))
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
    let mut tx = crate::store::begin_write(cx.pool).await?;
    let mut decided = Vec::new();
    for id in ids {
        let row = sqlx::query!(
            r#"SELECT account_number, email, status AS "status: AccessRequestStatus"
               FROM access_requests r WHERE r.id = ?1
               AND r.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?2)"#,
            id,
            admin.canonical,
        )
        .fetch_optional(&mut *tx)
        .await?;
        let Some((number, email, status)) =
            row.map(|row| (row.account_number, row.email, row.status))
        else {
            return Err(EsecureError::NotFound);
        };
        let Some(to) = status.after(decision) else {
            return Err(ServiceError::field("ids", "already_decided").into());
        };
        let to = to.as_str();
        sqlx::query!(
            "UPDATE access_requests SET status = ?2, decided_at = ?3, decided_by = ?4 WHERE id = ?1",
            id,
            to,
            cx.now,
            admin.email,
        )
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut Conn::from(&mut *tx),
            &number,
            cx.now,
            &admin.email,
            to,
            &email,
        )
        .await?;
        decided.push((number, email));
    }
    tx.commit().await?;
    for (number, email) in &decided {
        mail::send_decision(
            cx.pool,
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
    let mut tx = crate::store::begin_write(cx.pool).await?;
    let row = sqlx::query!(
        "SELECT account_number, email FROM access_requests r WHERE r.id = ?1 AND r.status = 'approved'
           AND r.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?2)",
        id,
        admin.canonical,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let (number, email) = row
        .map(|row| (row.account_number, row.email))
        .ok_or(EsecureError::NotFound)?;
    sqlx::query!(
        "UPDATE access_requests SET status = 'revoked', decided_at = ?2, decided_by = ?3 WHERE id = ?1",
        id,
        cx.now,
        admin.email,
    )
    .execute(&mut *tx)
    .await?;
    let revoked = AccessRequestStatus::Revoked.as_str();
    audit::record(
        &mut Conn::from(&mut *tx),
        &number,
        cx.now,
        &admin.email,
        revoked,
        &email,
    )
    .await?;
    tx.commit().await?;
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
    let mut tx = crate::store::begin_write(cx.pool).await?;
    for email in &parsed {
        let canonical = email.canonical();
        let company: Option<String> = sqlx::query_scalar!(
            "SELECT company_name FROM users WHERE email_canonical = ?1 AND status <> 'forgotten'",
            canonical,
        )
        .fetch_optional(&mut *tx)
        .await?;
        let (address, company) = (email.as_str(), company.unwrap_or_default());
        sqlx::query!(
            "INSERT INTO access_requests (account_number, email, email_canonical, company, status, requested_at, decided_at, decided_by)
             VALUES (?1, ?2, ?3, ?4, 'approved', ?5, ?5, ?6)
             ON CONFLICT (account_number, email_canonical) DO UPDATE SET
                status = 'approved', decided_at = excluded.decided_at, decided_by = excluded.decided_by",
            number,
            address,
            canonical,
            company,
            cx.now,
            admin.email,
        )
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut Conn::from(&mut *tx),
            number,
            cx.now,
            &admin.email,
            "users_added",
            email.as_str(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(parsed
        .iter()
        .map(|email| email.as_str().to_owned())
        .collect())
}

/// What the page behind a Reject button shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectLink {
    Open(AccessRequest),
    Decided,
    Invalid,
}

/// Reads a Reject link without acting on it (a GET, which mail scanners make too).
pub async fn read_reject_link(cx: Context<'_>, token: &str) -> Result<RejectLink, sqlx::Error> {
    let token_hash = tokens::hash(token);
    let row = sqlx::query!(
        r#"SELECT request_id, expires_at AS "expires_at: DateTime<Utc>", used_at AS "used_at: DateTime<Utc>"
           FROM access_request_tokens WHERE token_hash = ?1"#,
        token_hash,
    )
    .fetch_optional(cx.pool)
    .await?
    .map(|row| (row.request_id, row.expires_at, row.used_at));
    let Some((id, expires_at, used_at)) = row else {
        return Ok(RejectLink::Invalid);
    };
    if used_at.is_some() || expires_at <= cx.now {
        return Ok(RejectLink::Invalid);
    }
    let request: Option<AccessRequest> = sqlx::query_as!(
        AccessRequest,
        r#"SELECT id AS "id!", account_number AS "account_number!", email AS "email!", company AS "company!",
                status AS "status!: AccessRequestStatus", requested_at AS "requested_at!: DateTime<Utc>",
                decided_at AS "decided_at?: DateTime<Utc>", decided_by AS "decided_by?"
         FROM access_requests WHERE id = ?1"#,
        id,
    )
    .fetch_optional(cx.pool)
    .await?;
    Ok(match request {
        Some(request) if request.status == AccessRequestStatus::Pending => {
            RejectLink::Open(request)
        }
        Some(_) => RejectLink::Decided,
        None => RejectLink::Invalid,
    })
}

/// Rejects through a Reject link (its form's POST): single use, and only while pending.
#[tracing::instrument(skip_all, err(Debug, level = "info"))]
pub async fn reject_by_link(cx: Context<'_>, token: &str) -> Result<RejectLink, EsecureError> {
    let mut tx = crate::store::begin_write(cx.pool).await?;
    let token_hash = tokens::hash(token);
    let used = sqlx::query!(
        r#"UPDATE access_request_tokens SET used_at = ?2
         WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
         RETURNING request_id AS "request_id!", admin_email AS "admin_email!""#,
        token_hash,
        cx.now,
    )
    .fetch_optional(&mut *tx)
    .await?
    .map(|row| (row.request_id, row.admin_email));
    let Some((id, admin_email)) = used else {
        return Ok(RejectLink::Invalid);
    };
    // The administrator may have been removed since the mail went out.
    let request: Option<AccessRequest> = sqlx::query_as!(
        AccessRequest,
        r#"UPDATE access_requests SET status = 'rejected', decided_at = ?2, decided_by = ?3
         WHERE id = ?1 AND status = 'pending' AND EXISTS (SELECT 1 FROM account_administrators ad
               WHERE ad.account_number = access_requests.account_number AND ad.email_canonical = lower(?3))
         RETURNING id AS "id!", account_number AS "account_number!", email AS "email!", company AS "company!",
                status AS "status!: AccessRequestStatus", requested_at AS "requested_at!: DateTime<Utc>",
                decided_at AS "decided_at?: DateTime<Utc>", decided_by AS "decided_by?""#,
        id,
        cx.now,
        admin_email,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(request) = request else {
        tx.commit().await?;
        return Ok(RejectLink::Decided);
    };
    audit::record(
        &mut Conn::from(&mut *tx),
        &request.account_number,
        cx.now,
        &admin_email,
        AccessRequestStatus::Rejected.as_str(),
        &request.email,
    )
    .await?;
    tx.commit().await?;
    mail::send_decision(
        cx.pool,
        cx.mailer,
        &request.email,
        &request.account_number,
        false,
    )
    .await;
    Ok(RejectLink::Open(request))
}
