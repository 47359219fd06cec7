//! Requests to use a protected number: made when a user who may not use it tries to, decided by
//! the account's administrators (in the app, or rejected from the e-mail's page), revoked, or
//! made approved at once when an administrator adds users.

use chrono::{DateTime, Duration, Utc};
use oso_core::list_limit::{MAX_DECISIONS_AT_ONCE, MAX_USERS_AT_ONCE};
use oso_core::{check_list_len, Email, Language};
use sqlx::SqlitePool;

pub use oso_api::esecure::{AccessRequest, Decision};

use super::mail::{self, RequestMail};
use super::{audit, may_use, EsecureError, Requester};
use crate::accounts::{tokens, AccountError, FieldProblems, Links, SignedIn};
use crate::mail::Mailer;

/// How long the Reject button in a request e-mail works.
pub const REJECT_LINK_LIFETIME: Duration = Duration::days(14);

/// What eSecure needs to act: the database, the mail and its links, and the time.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub pool: &'a SqlitePool,
    pub mailer: &'a Mailer,
    pub links: &'a Links,
    /// For inviting administrators who have no login yet.
    pub accounts: &'a crate::accounts::Accounts,
    pub now: DateTime<Utc>,
}

/// A request as read; the wire's [`AccessRequest`] has the same fields.
#[derive(sqlx::FromRow)]
struct AccessRequestRow {
    id: i64,
    account_number: String,
    email: String,
    company: String,
    status: String,
    requested_at: DateTime<Utc>,
    decided_at: Option<DateTime<Utc>>,
    decided_by: Option<String>,
}

impl From<AccessRequestRow> for AccessRequest {
    fn from(row: AccessRequestRow) -> Self {
        Self {
            id: row.id,
            account_number: row.account_number,
            email: row.email,
            company: row.company,
            status: row.status,
            requested_at: row.requested_at,
            decided_at: row.decided_at,
            decided_by: row.decided_by,
        }
    }
}

/// The one entry for every use of a number: allowed, or refused with the reason, after asking
/// the administrators when this user has not asked before.
#[tracing::instrument(skip(cx, user), err(Debug, level = "info"))]
pub async fn ask_to_use(
    cx: Context<'_>,
    user: &SignedIn,
    number: &str,
) -> Result<(), EsecureError> {
    let requester = Requester::of(user);
    if may_use(cx.pool, &requester, number).await? {
        return Ok(());
    }
    let restricted: Option<i64> =
        sqlx::query_scalar("SELECT restrict_requests FROM customer_accounts WHERE number = ?1")
            .bind(number)
            .fetch_optional(cx.pool)
            .await?;
    if restricted == Some(1) {
        let listed: Option<String> = sqlx::query_scalar(
            "SELECT domain FROM account_domains WHERE account_number = ?1 AND kind = 'restricted' AND domain = ?2",
        )
        .bind(number)
        .bind(&requester.domain)
        .fetch_optional(cx.pool)
        .await?;
        if listed.is_none() {
            return Err(EsecureError::AccessRefused);
        }
    }
    let existing: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, status FROM access_requests WHERE account_number = ?1 AND email_canonical = ?2",
    )
    .bind(number)
    .bind(&requester.canonical)
    .fetch_optional(cx.pool)
    .await?;
    let company = &user.user.company_name;
    let mut tx = crate::store::begin_write(cx.pool).await?;
    let id = match existing {
        Some((_, status)) if status == "pending" => return Err(EsecureError::ApprovalPending),
        Some((_, status)) if status == "rejected" => return Err(EsecureError::ApprovalRejected),
        // Approved meanwhile (the rule above raced with a decision).
        Some((_, status)) if status == "approved" => return Ok(()),
        // Revoked: asking again is a new request, and the administrators hear of it.
        Some((id, _)) => {
            let reopened = sqlx::query(
                "UPDATE access_requests SET status = 'pending', requested_at = ?2, company = ?3,
                        decided_at = NULL, decided_by = NULL
                 WHERE id = ?1 AND status = 'revoked'",
            )
            .bind(id)
            .bind(cx.now)
            .bind(company)
            .execute(&mut *tx)
            .await?;
            if reopened.rows_affected() == 0 {
                return Err(EsecureError::ApprovalPending);
            }
            id
        }
        None => {
            let inserted: Option<i64> = sqlx::query_scalar(
                "INSERT INTO access_requests (account_number, email, email_canonical, company, status, requested_at)
                 VALUES (?1, ?2, ?3, ?4, 'pending', ?5)
                 ON CONFLICT (account_number, email_canonical) DO NOTHING RETURNING id",
            )
            .bind(number)
            .bind(&requester.email)
            .bind(&requester.canonical)
            .bind(company)
            .bind(cx.now)
            .fetch_optional(&mut *tx)
            .await?;
            // Another try of the same user got there first: it mails, this one does not.
            let Some(id) = inserted else {
                return Err(EsecureError::ApprovalPending);
            };
            id
        }
    };
    audit::record(
        &mut tx,
        number,
        cx.now,
        &requester.email,
        "requested",
        &requester.email,
    )
    .await?;
    let admins: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, language FROM account_administrators WHERE account_number = ?1",
    )
    .bind(number)
    .fetch_all(&mut *tx)
    .await?;
    let mut mails = Vec::with_capacity(admins.len());
    for (email, language) in admins {
        let token = tokens::new_token();
        sqlx::query(
            "INSERT INTO access_request_tokens (token_hash, request_id, admin_email, expires_at)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(tokens::hash(token.expose()))
        .bind(id)
        .bind(&email)
        .bind(cx.now + REJECT_LINK_LIFETIME)
        .execute(&mut *tx)
        .await?;
        mails.push((email, language, cx.links.esecure_reject(token.expose())));
    }
    tx.commit().await?;
    for (email, language, reject_url) in mails {
        mail::send_request(
            cx.mailer,
            RequestMail {
                admin_email: &email,
                admin_language: language.parse().unwrap_or(Language::FALLBACK),
                requester_email: &requester.email,
                requester_company: company,
                account_number: number,
                requested_at: cx.now,
                reject_url,
            },
        )
        .await;
    }
    Err(EsecureError::ApprovalPending)
}

/// The requests of the accounts `admin` administers, newest first.
pub async fn list(
    pool: &SqlitePool,
    admin: &Requester,
    status: Option<&str>,
    account_number: Option<&str>,
) -> Result<Vec<AccessRequest>, EsecureError> {
    if let Some(status) = status {
        if !["pending", "approved", "rejected", "revoked"].contains(&status) {
            return Err(AccountError::field("status", "unknown_status").into());
        }
    }
    let rows: Vec<AccessRequestRow> = sqlx::query_as(
        "SELECT id, account_number, email, company, status, requested_at, decided_at, decided_by
         FROM access_requests r
         WHERE r.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?1)
           AND (?2 IS NULL OR r.status = ?2) AND (?3 IS NULL OR r.account_number = ?3)
         ORDER BY r.requested_at DESC, r.id DESC LIMIT 1000",
    )
    .bind(&admin.canonical)
    .bind(status)
    .bind(account_number)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(AccessRequest::from).collect())
}

/// The requester's own requests.
pub async fn mine(
    pool: &SqlitePool,
    requester: &Requester,
) -> Result<Vec<AccessRequest>, sqlx::Error> {
    let rows: Vec<AccessRequestRow> = sqlx::query_as(
        "SELECT id, account_number, email, company, status, requested_at, decided_at, decided_by
         FROM access_requests WHERE email_canonical = ?1 ORDER BY requested_at DESC, id DESC",
    )
    .bind(&requester.canonical)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(AccessRequest::from).collect())
}

/// How many requests wait for `admin`, and whether they administer any account.
pub async fn open_count(pool: &SqlitePool, admin: &Requester) -> Result<(bool, i64), sqlx::Error> {
    let (accounts, open): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM account_administrators WHERE email_canonical = ?1),
                (SELECT COUNT(*) FROM access_requests r WHERE r.status = 'pending' AND r.account_number IN
                    (SELECT account_number FROM account_administrators WHERE email_canonical = ?1))",
    )
    .bind(&admin.canonical)
    .fetch_one(pool)
    .await?;
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
        return Err(AccountError::field("ids", "required").into());
    }
    if let Err(too_many) = check_list_len(ids.len(), MAX_DECISIONS_AT_ONCE) {
        return Err(AccountError::field("ids", too_many.field_code()).into());
    }
    let (to, from): (&str, &[&str]) = match decision {
        Decision::Approve => ("approved", &["pending", "rejected", "revoked"]),
        Decision::Reject => ("rejected", &["pending"]),
    };
    let mut tx = crate::store::begin_write(cx.pool).await?;
    let mut decided = Vec::new();
    for id in ids {
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT account_number, email, status FROM access_requests r WHERE r.id = ?1
               AND r.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?2)",
        )
        .bind(id)
        .bind(&admin.canonical)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((number, email, status)) = row else {
            return Err(EsecureError::NotFound);
        };
        if !from.contains(&status.as_str()) {
            return Err(AccountError::field("ids", "already_decided").into());
        }
        sqlx::query(
            "UPDATE access_requests SET status = ?2, decided_at = ?3, decided_by = ?4 WHERE id = ?1",
        )
        .bind(id)
        .bind(to)
        .bind(cx.now)
        .bind(&admin.email)
        .execute(&mut *tx)
        .await?;
        audit::record(&mut tx, &number, cx.now, &admin.email, to, &email).await?;
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
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT account_number, email FROM access_requests r WHERE r.id = ?1 AND r.status = 'approved'
           AND r.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?2)",
    )
    .bind(id)
    .bind(&admin.canonical)
    .fetch_optional(&mut *tx)
    .await?;
    let (number, email) = row.ok_or(EsecureError::NotFound)?;
    sqlx::query(
        "UPDATE access_requests SET status = 'revoked', decided_at = ?2, decided_by = ?3 WHERE id = ?1",
    )
    .bind(id)
    .bind(cx.now)
    .bind(&admin.email)
    .execute(&mut *tx)
    .await?;
    audit::record(&mut tx, &number, cx.now, &admin.email, "revoked", &email).await?;
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
    super::accounts::require_administrator(cx.pool, admin, number).await?;
    let mut parsed = Vec::new();
    let mut problems = FieldProblems::default();
    if emails.is_empty() {
        problems.refuse("emails", "required");
    }
    if let Err(too_many) = check_list_len(emails.len(), MAX_USERS_AT_ONCE) {
        return Err(AccountError::field("emails", too_many.field_code()).into());
    }
    for (index, email) in emails.iter().enumerate() {
        if let Some(email) =
            problems.check(&format!("emails.{index}"), Email::parse(email), |error| {
                error.field_code()
            })
        {
            parsed.push(email);
        }
    }
    problems.into_result()?;
    let mut tx = crate::store::begin_write(cx.pool).await?;
    for email in &parsed {
        let company: Option<String> = sqlx::query_scalar(
            "SELECT company_name FROM users WHERE email_canonical = ?1 AND status <> 'forgotten'",
        )
        .bind(email.canonical())
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO access_requests (account_number, email, email_canonical, company, status, requested_at, decided_at, decided_by)
             VALUES (?1, ?2, ?3, ?4, 'approved', ?5, ?5, ?6)
             ON CONFLICT (account_number, email_canonical) DO UPDATE SET
                status = 'approved', decided_at = excluded.decided_at, decided_by = excluded.decided_by",
        )
        .bind(number)
        .bind(email.as_str())
        .bind(email.canonical())
        .bind(company.unwrap_or_default())
        .bind(cx.now)
        .bind(&admin.email)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
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
    let row: Option<(i64, DateTime<Utc>, Option<DateTime<Utc>>)> = sqlx::query_as(
        "SELECT request_id, expires_at, used_at FROM access_request_tokens WHERE token_hash = ?1",
    )
    .bind(tokens::hash(token))
    .fetch_optional(cx.pool)
    .await?;
    let Some((id, expires_at, used_at)) = row else {
        return Ok(RejectLink::Invalid);
    };
    if used_at.is_some() || expires_at <= cx.now {
        return Ok(RejectLink::Invalid);
    }
    let request: Option<AccessRequestRow> = sqlx::query_as(
        "SELECT id, account_number, email, company, status, requested_at, decided_at, decided_by
         FROM access_requests WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(cx.pool)
    .await?;
    let request = request.map(AccessRequest::from);
    Ok(match request {
        Some(request) if request.status == "pending" => RejectLink::Open(request),
        Some(_) => RejectLink::Decided,
        None => RejectLink::Invalid,
    })
}

/// Rejects through a Reject link (its form's POST): single use, and only while pending.
#[tracing::instrument(skip_all, err(Debug, level = "info"))]
pub async fn reject_by_link(cx: Context<'_>, token: &str) -> Result<RejectLink, EsecureError> {
    let mut tx = crate::store::begin_write(cx.pool).await?;
    let used: Option<(i64, String)> = sqlx::query_as(
        "UPDATE access_request_tokens SET used_at = ?2
         WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
         RETURNING request_id, admin_email",
    )
    .bind(tokens::hash(token))
    .bind(cx.now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, admin_email)) = used else {
        return Ok(RejectLink::Invalid);
    };
    // The administrator may have been removed since the mail went out.
    let request: Option<AccessRequestRow> = sqlx::query_as(
        "UPDATE access_requests SET status = 'rejected', decided_at = ?2, decided_by = ?3
         WHERE id = ?1 AND status = 'pending' AND EXISTS (SELECT 1 FROM account_administrators ad
               WHERE ad.account_number = access_requests.account_number AND ad.email_canonical = lower(?3))
         RETURNING id, account_number, email, company, status, requested_at, decided_at, decided_by",
    )
    .bind(id)
    .bind(cx.now)
    .bind(&admin_email)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(request) = request.map(AccessRequest::from) else {
        tx.commit().await?;
        return Ok(RejectLink::Decided);
    };
    audit::record(
        &mut tx,
        &request.account_number,
        cx.now,
        &admin_email,
        "rejected",
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
