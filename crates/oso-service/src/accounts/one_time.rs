//! Activation and password-reset tokens: a link and a code per e-mail, single use, expiring,
//! void after too many wrong codes. Only their hashes are stored. The rules are here, with
//! SQLite's queries; PostgreSQL's are in `oso_service_postgres::one_time_tokens`.

use chrono::{DateTime, Duration, Utc};
use oso_core::account_policy::MAX_CODE_ATTEMPTS;
use oso_service_postgres::one_time_tokens as postgres;
use oso_store::OneTimeTokenRow as TokenRow;
use sqlx::SqliteConnection;

use super::tokens;
use crate::database::Conn;
use oso_core::SecretString;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Activation,
    PasswordReset,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Activation => "activation",
            Purpose::PasswordReset => "password_reset",
        }
    }
}

/// The secrets to put in the e-mail; never stored.
#[derive(Debug)]
pub struct IssuedToken {
    pub link_token: SecretString,
    pub code: SecretString,
}

/// Why a token cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// Unknown, already used, or void after wrong codes.
    Invalid,
    Expired,
}

/// Issues a new token for `user_id`. Codes sent earlier stay valid until they expire or one
/// of them is used (using one voids the others), so a mail sent again changes nothing for the
/// owner: their first mail still works.
pub async fn issue(
    conn: &mut Conn<'_>,
    user_id: i64,
    purpose: Purpose,
    now: DateTime<Utc>,
    lifetime: Duration,
) -> Result<IssuedToken, sqlx::Error> {
    let purpose_name = purpose.as_str();
    let issued = IssuedToken {
        link_token: tokens::new_token(),
        code: tokens::new_code(),
    };
    let link_hash = tokens::hash(issued.link_token.expose());
    let code_hash = tokens::hash_code(issued.code.expose());
    let expires_at = now + lifetime;
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "INSERT INTO one_time_tokens (user_id, purpose, link_hash, code_hash, created_at,
                                              expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                user_id,
                purpose_name,
                link_hash,
                code_hash,
                now,
                expires_at
            )
            .execute(&mut **conn)
            .await?;
        }
        Conn::Postgres(conn) => {
            postgres::insert(
                conn,
                user_id,
                purpose_name,
                &link_hash,
                &code_hash,
                now,
                expires_at,
            )
            .await?;
        }
    }
    Ok(issued)
}

/// A token that may be used, found but not yet used: `(token id, user id)`.
pub type Usable = (i64, i64);

/// Finds the token behind an e-mailed link without using it.
pub async fn check_link(
    conn: &mut Conn<'_>,
    purpose: Purpose,
    link_token: &str,
    now: DateTime<Utc>,
) -> Result<Result<Usable, TokenProblem>, sqlx::Error> {
    let purpose_name = purpose.as_str();
    let link_hash = tokens::hash(link_token);
    let row = match conn {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                TokenRow,
                r#"SELECT id AS "id!", user_id, code_hash,
                          expires_at AS "expires_at: DateTime<Utc>",
                          used_at AS "used_at: DateTime<Utc>", failed_attempts
                   FROM one_time_tokens WHERE link_hash = ?1 AND purpose = ?2"#,
                link_hash,
                purpose_name
            )
            .fetch_optional(&mut **conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::by_link(conn, &link_hash, purpose_name).await?,
    };
    let Some(row) = row else {
        return Ok(Err(TokenProblem::Invalid));
    };
    Ok(usable(&row, now).map(|()| (row.id, row.user_id)))
}

/// Uses the token behind an e-mailed link; on success returns its user.
pub async fn redeem_link(
    conn: &mut Conn<'_>,
    purpose: Purpose,
    link_token: &str,
    now: DateTime<Utc>,
) -> Result<Result<i64, TokenProblem>, sqlx::Error> {
    let (token_id, user_id) = match check_link(conn, purpose, link_token, now).await? {
        Ok(found) => found,
        Err(problem) => return Ok(Err(problem)),
    };
    if !use_token(conn, token_id, now).await? {
        return Ok(Err(TokenProblem::Invalid));
    }
    Ok(Ok(user_id))
}

/// Finds which live token of `user_id` `code` belongs to, without using it; a wrong code counts
/// against every live one.
pub async fn check_code(
    conn: &mut Conn<'_>,
    purpose: Purpose,
    user_id: i64,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Result<Usable, TokenProblem>, sqlx::Error> {
    let purpose_name = purpose.as_str();
    let rows = match conn {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                TokenRow,
                r#"SELECT id AS "id!", user_id, code_hash,
                          expires_at AS "expires_at: DateTime<Utc>",
                          used_at AS "used_at: DateTime<Utc>", failed_attempts
                   FROM one_time_tokens WHERE user_id = ?1 AND purpose = ?2
                   ORDER BY id DESC"#,
                user_id,
                purpose_name
            )
            .fetch_all(&mut **conn)
            .await?
        }
        Conn::Postgres(conn) => postgres::of_user(conn, user_id, purpose_name).await?,
    };
    let hash = tokens::hash_code(code);
    if let Some(row) = rows.iter().find(|row| row.code_hash == hash) {
        // Only whoever holds a code learns that it expired: anyone else hears "invalid", as for
        // an address without codes.
        match usable(row, now) {
            Ok(()) => return Ok(Ok((row.id, row.user_id))),
            Err(TokenProblem::Expired) => return Ok(Err(TokenProblem::Expired)),
            Err(TokenProblem::Invalid) => {}
        }
    }
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "UPDATE one_time_tokens SET failed_attempts = failed_attempts + 1
                 WHERE user_id = ?1 AND purpose = ?2 AND used_at IS NULL AND expires_at > ?3",
                user_id,
                purpose_name,
                now
            )
            .execute(&mut **conn)
            .await?;
        }
        Conn::Postgres(conn) => {
            postgres::count_wrong_code(conn, user_id, purpose_name, now).await?;
        }
    }
    Ok(Err(TokenProblem::Invalid))
}

/// Uses the live token of `user_id` that `code` belongs to; a wrong code counts against them.
pub async fn redeem_code(
    conn: &mut Conn<'_>,
    purpose: Purpose,
    user_id: i64,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), TokenProblem>, sqlx::Error> {
    let (token_id, _) = match check_code(conn, purpose, user_id, code, now).await? {
        Ok(found) => found,
        Err(problem) => return Ok(Err(problem)),
    };
    if !use_token(conn, token_id, now).await? {
        return Ok(Err(TokenProblem::Invalid));
    }
    Ok(Ok(()))
}

/// Uses a token found by [`check_code`] or [`check_link`] if it is still unused and live, and
/// voids the other codes of its user and purpose. `false` when another request used it first.
pub async fn use_token(
    conn: &mut Conn<'_>,
    token_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            if !postgres::mark_used(conn, token_id, now, MAX_CODE_ATTEMPTS).await? {
                return Ok(false);
            }
            postgres::void_others(conn, token_id, now).await?;
            return Ok(true);
        }
    };
    let used = sqlx::query!(
        "UPDATE one_time_tokens SET used_at = ?2
         WHERE id = ?1 AND used_at IS NULL AND expires_at > ?2 AND failed_attempts < ?3",
        token_id,
        now,
        MAX_CODE_ATTEMPTS
    )
    .execute(&mut *conn)
    .await?;
    if used.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query!(
        "UPDATE one_time_tokens SET used_at = ?2
         WHERE used_at IS NULL AND (user_id, purpose) =
               (SELECT user_id, purpose FROM one_time_tokens WHERE id = ?1)",
        token_id,
        now
    )
    .execute(conn)
    .await?;
    Ok(true)
}

fn usable(row: &TokenRow, now: DateTime<Utc>) -> Result<(), TokenProblem> {
    if row.used_at.is_some() || row.failed_attempts >= MAX_CODE_ATTEMPTS {
        Err(TokenProblem::Invalid)
    } else if now >= row.expires_at {
        Err(TokenProblem::Expired)
    } else {
        Ok(())
    }
}

/// Deletes tokens that can no longer be used (the hourly job); a day later, so a late click
/// still says "expired" rather than "invalid".
pub async fn purge(conn: &mut Conn<'_>, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let before = now - Duration::days(1);
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::purge(conn, before).await,
    };
    let deleted = sqlx::query!(
        "DELETE FROM one_time_tokens WHERE expires_at < ?1 OR used_at < ?1",
        before
    )
    .execute(conn)
    .await?;
    Ok(deleted.rows_affected())
}

pub async fn delete_for_user(conn: &mut Conn<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::delete_for_user(conn, user_id).await,
    };
    sqlx::query!("DELETE FROM one_time_tokens WHERE user_id = ?1", user_id)
        .execute(conn)
        .await?;
    Ok(())
}
