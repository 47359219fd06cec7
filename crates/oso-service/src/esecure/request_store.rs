//! The `access_requests` and `access_request_tokens` tables: SQLite's queries here,
//! PostgreSQL's in `oso_service_postgres::esecure_requests`. On SQLite a write transaction holds
//! the one write lock from its start, so a decision's read and write cannot interleave with
//! another's; PostgreSQL's queries lock the request they decide.

use chrono::{DateTime, Utc};
use oso_api::esecure::AccessRequest;
use oso_core::AccessRequestStatus;
use oso_service_postgres::esecure_requests as postgres;
use sqlx::SqliteConnection;

use crate::database::Conn;

/// The requests of the accounts `admin_canonical` administers, newest first.
pub async fn list(
    conn: &mut Conn<'_>,
    admin_canonical: &str,
    status: Option<&str>,
    account_number: Option<&str>,
) -> Result<Vec<AccessRequest>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::list(conn, admin_canonical, status, account_number).await
        }
    };
    sqlx::query_as!(
        AccessRequest,
        r#"SELECT id AS "id!", account_number AS "account_number!", email AS "email!", company AS "company!",
                status AS "status!: AccessRequestStatus", requested_at AS "requested_at!: DateTime<Utc>",
                decided_at AS "decided_at?: DateTime<Utc>", decided_by AS "decided_by?",
                note AS "note?", expired_at IS NOT NULL AS "expired!: bool"
         FROM access_requests r
         WHERE r.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?1)
           AND (?2 IS NULL OR r.status = ?2) AND (?3 IS NULL OR r.account_number = ?3)
         ORDER BY r.requested_at DESC, r.id DESC LIMIT 1000"#,
        admin_canonical,
        status,
        account_number,
    )
    .fetch_all(conn)
    .await
}

/// The requests of the login with `canonical`, newest first.
pub async fn mine(conn: &mut Conn<'_>, canonical: &str) -> Result<Vec<AccessRequest>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::mine(conn, canonical).await,
    };
    sqlx::query_as!(
        AccessRequest,
        r#"SELECT id AS "id!", account_number AS "account_number!", email AS "email!", company AS "company!",
                status AS "status!: AccessRequestStatus", requested_at AS "requested_at!: DateTime<Utc>",
                decided_at AS "decided_at?: DateTime<Utc>", decided_by AS "decided_by?",
                note AS "note?", expired_at IS NOT NULL AS "expired!: bool"
         FROM access_requests WHERE email_canonical = ?1 ORDER BY requested_at DESC, id DESC"#,
        canonical,
    )
    .fetch_all(conn)
    .await
}

/// How many accounts `admin_canonical` administers, and how many requests wait for them.
pub async fn open_count(
    conn: &mut Conn<'_>,
    admin_canonical: &str,
) -> Result<(i64, i64), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::open_count(conn, admin_canonical).await,
    };
    let counts = sqlx::query!(
        r#"SELECT (SELECT COUNT(*) FROM account_administrators WHERE email_canonical = ?1) AS "accounts!: i64",
                (SELECT COUNT(*) FROM access_requests r WHERE r.status = 'pending' AND r.account_number IN
                    (SELECT account_number FROM account_administrators WHERE email_canonical = ?1)) AS "open!: i64""#,
        admin_canonical,
    )
    .fetch_one(conn)
    .await?;
    Ok((counts.accounts, counts.open))
}

/// A request of an account `admin_canonical` administers (locked on PostgreSQL until the
/// transaction ends): its number, the requester's address and its status.
pub async fn administered_for_update(
    conn: &mut Conn<'_>,
    id: i64,
    admin_canonical: &str,
) -> Result<Option<(String, String, AccessRequestStatus)>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::administered_for_update(conn, id, admin_canonical).await
        }
    };
    let row = sqlx::query!(
        r#"SELECT account_number, email, status AS "status: AccessRequestStatus"
           FROM access_requests r WHERE r.id = ?1
           AND r.account_number IN (SELECT account_number FROM account_administrators WHERE email_canonical = ?2)"#,
        id,
        admin_canonical,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| (row.account_number, row.email, row.status)))
}

pub async fn set_status(
    conn: &mut Conn<'_>,
    id: i64,
    status: AccessRequestStatus,
    at: DateTime<Utc>,
    by: &str,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::set_status(conn, id, status, at, by).await,
    };
    let status = status.as_str();
    sqlx::query!(
        "UPDATE access_requests SET status = ?2, decided_at = ?3, decided_by = ?4 WHERE id = ?1",
        id,
        status,
        at,
        by,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Approves `canonical` for `number` at once, whatever it asked before.
#[allow(clippy::too_many_arguments)]
pub async fn approve(
    conn: &mut Conn<'_>,
    number: &str,
    email: &str,
    canonical: &str,
    company: &str,
    at: DateTime<Utc>,
    by: &str,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::approve(conn, number, email, canonical, company, at, by).await
        }
    };
    sqlx::query!(
        "INSERT INTO access_requests (account_number, email, email_canonical, company, status, requested_at, decided_at, decided_by)
         VALUES (?1, ?2, ?3, ?4, 'approved', ?5, ?5, ?6)
         ON CONFLICT (account_number, email_canonical) DO UPDATE SET
            status = 'approved', decided_at = excluded.decided_at, decided_by = excluded.decided_by",
        number,
        email,
        canonical,
        company,
        at,
        by,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A Reject link's request, expiry and use.
/// The link's request, the administrator it was mailed to, its expiry and when it was used.
pub async fn reject_link(
    conn: &mut Conn<'_>,
    token_hash: &[u8],
) -> Result<Option<(i64, String, DateTime<Utc>, Option<DateTime<Utc>>)>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::reject_link(conn, token_hash).await,
    };
    let row = sqlx::query!(
        r#"SELECT request_id, admin_email, expires_at AS "expires_at: DateTime<Utc>",
                  used_at AS "used_at: DateTime<Utc>"
           FROM access_request_tokens WHERE token_hash = ?1"#,
        token_hash,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| (row.request_id, row.admin_email, row.expires_at, row.used_at)))
}

pub async fn request(conn: &mut Conn<'_>, id: i64) -> Result<Option<AccessRequest>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::request(conn, id).await,
    };
    sqlx::query_as!(
        AccessRequest,
        r#"SELECT id AS "id!", account_number AS "account_number!", email AS "email!", company AS "company!",
                status AS "status!: AccessRequestStatus", requested_at AS "requested_at!: DateTime<Utc>",
                decided_at AS "decided_at?: DateTime<Utc>", decided_by AS "decided_by?",
                note AS "note?", expired_at IS NOT NULL AS "expired!: bool"
         FROM access_requests WHERE id = ?1"#,
        id,
    )
    .fetch_optional(conn)
    .await
}

/// Marks a Reject link used, when it is unused and unexpired: its request and administrator.
pub async fn use_reject_link(
    conn: &mut Conn<'_>,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::use_reject_link(conn, token_hash, now).await,
    };
    let row = sqlx::query!(
        r#"UPDATE access_request_tokens SET used_at = ?2
         WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
         RETURNING request_id AS "request_id!", admin_email AS "admin_email!""#,
        token_hash,
        now,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| (row.request_id, row.admin_email)))
}

/// Rejects a pending request for `admin_email`, while they still administer its account.
pub async fn reject_pending(
    conn: &mut Conn<'_>,
    id: i64,
    now: DateTime<Utc>,
    admin_email: &str,
) -> Result<Option<AccessRequest>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::reject_pending(conn, id, now, admin_email).await,
    };
    sqlx::query_as!(
        AccessRequest,
        r#"UPDATE access_requests SET status = 'rejected', decided_at = ?2, decided_by = ?3
         WHERE id = ?1 AND status = 'pending' AND EXISTS (SELECT 1 FROM account_administrators ad
               WHERE ad.account_number = access_requests.account_number AND ad.email_canonical = lower(?3))
         RETURNING id AS "id!", account_number AS "account_number!", email AS "email!", company AS "company!",
                status AS "status!: AccessRequestStatus", requested_at AS "requested_at!: DateTime<Utc>",
                decided_at AS "decided_at?: DateTime<Utc>", decided_by AS "decided_by?",
                note AS "note?", expired_at IS NOT NULL AS "expired!: bool""#,
        id,
        now,
        admin_email,
    )
    .fetch_optional(conn)
    .await
}

/// Whether the account takes requests from its listed domains only, and `domain` is not one.
pub async fn refused_by_domain(
    conn: &mut Conn<'_>,
    number: &str,
    domain: &str,
) -> Result<bool, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::refused_by_domain(conn, number, domain).await,
    };
    let refused = sqlx::query_scalar!(
        r#"SELECT NOT EXISTS (SELECT 1 FROM account_domains d
                   WHERE d.account_number = ca.number AND d.kind = 'restricted' AND d.domain = ?2)
                  AS "refused!: bool"
           FROM customer_accounts ca WHERE ca.number = ?1 AND ca.restrict_requests"#,
        number,
        domain,
    )
    .fetch_optional(conn)
    .await?;
    Ok(refused == Some(true))
}

/// The requester's earlier request for `number`: its id and status.
pub async fn earlier(
    conn: &mut Conn<'_>,
    number: &str,
    canonical: &str,
) -> Result<Option<(i64, AccessRequestStatus)>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::earlier(conn, number, canonical).await,
    };
    let row = sqlx::query!(
        r#"SELECT id AS "id!", status AS "status: AccessRequestStatus"
           FROM access_requests WHERE account_number = ?1 AND email_canonical = ?2"#,
        number,
        canonical,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| (row.id, row.status)))
}

/// Asks again after a revocation: whether the request was still revoked.
pub async fn reopen(
    conn: &mut Conn<'_>,
    id: i64,
    now: DateTime<Utc>,
    company: &str,
) -> Result<bool, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::reopen(conn, id, now, company).await,
    };
    let reopened = sqlx::query!(
        "UPDATE access_requests SET status = 'pending', requested_at = ?2, company = ?3,
                decided_at = NULL, decided_by = NULL
         WHERE id = ?1 AND status = 'revoked'",
        id,
        now,
        company,
    )
    .execute(conn)
    .await?;
    Ok(reopened.rows_affected() == 1)
}

/// A new pending request; `None` when another try of the same user stored one first.
pub async fn insert_pending(
    conn: &mut Conn<'_>,
    number: &str,
    email: &str,
    canonical: &str,
    company: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::insert_pending(conn, number, email, canonical, company, now).await
        }
    };
    sqlx::query_scalar!(
        r#"INSERT INTO access_requests (account_number, email, email_canonical, company, status, requested_at)
         VALUES (?1, ?2, ?3, ?4, 'pending', ?5)
         ON CONFLICT (account_number, email_canonical) DO NOTHING RETURNING id AS "id!""#,
        number,
        email,
        canonical,
        company,
        now,
    )
    .fetch_optional(conn)
    .await
}

/// The account's administrators as (e-mail address, language).
pub async fn administrators_to_mail(
    conn: &mut Conn<'_>,
    number: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::administrators_to_mail(conn, number).await,
    };
    let rows = sqlx::query!(
        "SELECT email, language FROM account_administrators WHERE account_number = ?1",
        number,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.email, row.language))
        .collect())
}

pub async fn insert_reject_link(
    conn: &mut Conn<'_>,
    token_hash: &[u8],
    request_id: i64,
    admin_email: &str,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::insert_reject_link(
                conn,
                token_hash,
                request_id,
                admin_email,
                expires_at,
            )
            .await
        }
    };
    sqlx::query!(
        "INSERT INTO access_request_tokens (token_hash, request_id, admin_email, expires_at)
         VALUES (?1, ?2, ?3, ?4)",
        token_hash,
        request_id,
        admin_email,
        expires_at,
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A pending request claimed for its reminder: (id, number, requester, company, asked at).
pub type Reminder = (i64, String, String, String, DateTime<Utc>);

/// Claims the pending requests asked before `before` that reminded nobody yet (each once, even
/// with several instances running the job).
pub async fn claim_reminders(
    conn: &mut Conn<'_>,
    before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<Reminder>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::claim_reminders(conn, before, now).await,
    };
    let rows = sqlx::query!(
        r#"UPDATE access_requests SET reminded_at = ?2
         WHERE status = 'pending' AND reminded_at IS NULL AND requested_at <= ?1
         RETURNING id AS "id!", account_number AS "account_number!", email AS "email!",
                   company AS "company!", requested_at AS "requested_at!: DateTime<Utc>""#,
        before,
        now,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            (
                row.id,
                row.account_number,
                row.email,
                row.company,
                row.requested_at,
            )
        })
        .collect())
}

/// Expires the pending requests asked before `before`: a rejection nobody made.
/// Answers (id, number, requester).
pub async fn expire_pending(
    conn: &mut Conn<'_>,
    before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::expire_pending(conn, before, now).await,
    };
    let rows = sqlx::query!(
        r#"UPDATE access_requests
         SET status = 'rejected', decided_at = ?2, decided_by = NULL, expired_at = ?2
         WHERE status = 'pending' AND requested_at <= ?1
         RETURNING id AS "id!", account_number AS "account_number!", email AS "email!""#,
        before,
        now,
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.id, row.account_number, row.email))
        .collect())
}

/// Sets the note of `requester_canonical`'s open request `id`: (number, requester, company,
/// asked at), or `None` when it is not theirs or not open.
pub async fn set_note(
    conn: &mut Conn<'_>,
    id: i64,
    requester_canonical: &str,
    note: Option<&str>,
) -> Result<Option<(String, String, String, DateTime<Utc>)>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::set_note(conn, id, requester_canonical, note).await
        }
    };
    let row = sqlx::query!(
        r#"UPDATE access_requests SET note = ?3
         WHERE id = ?1 AND email_canonical = ?2 AND status = 'pending'
         RETURNING account_number AS "account_number!", email AS "email!", company AS "company!",
                   requested_at AS "requested_at!: DateTime<Utc>""#,
        id,
        requester_canonical,
        note,
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| (row.account_number, row.email, row.company, row.requested_at)))
}
