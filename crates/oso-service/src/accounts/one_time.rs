//! Activation and password-reset tokens: a link and a code per e-mail, single use, expiring,
//! void after too many wrong codes. Only their hashes are stored.

use chrono::{DateTime, Duration, Utc};
use oso_core::account_policy::MAX_CODE_ATTEMPTS;
use sqlx::SqliteConnection;

use super::tokens;
use crate::secret::SecretString;

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

/// Issues a new token for `user_id`, voiding the earlier unused ones of the same purpose.
pub async fn issue(
    conn: &mut SqliteConnection,
    user_id: i64,
    purpose: Purpose,
    now: DateTime<Utc>,
    lifetime: Duration,
) -> Result<IssuedToken, sqlx::Error> {
    let purpose_name = purpose.as_str();
    sqlx::query!(
        "UPDATE one_time_tokens SET used_at = ?3 WHERE user_id = ?1 AND purpose = ?2 AND used_at IS NULL",
        user_id,
        purpose_name,
        now
    )
    .execute(&mut *conn)
    .await?;
    let issued = IssuedToken {
        link_token: tokens::new_token(),
        code: tokens::new_code(),
    };
    let link_hash = tokens::hash(issued.link_token.expose());
    let code_hash = tokens::hash_code(issued.code.expose());
    let expires_at = now + lifetime;
    sqlx::query!(
        "INSERT INTO one_time_tokens (user_id, purpose, link_hash, code_hash, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        user_id,
        purpose_name,
        link_hash,
        code_hash,
        now,
        expires_at
    )
    .execute(&mut *conn)
    .await?;
    Ok(issued)
}

struct TokenRow {
    id: i64,
    user_id: i64,
    code_hash: Vec<u8>,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    failed_attempts: i64,
}

/// Uses the token behind an e-mailed link; on success returns its user.
pub async fn redeem_link(
    conn: &mut SqliteConnection,
    purpose: Purpose,
    link_token: &str,
    now: DateTime<Utc>,
) -> Result<Result<i64, TokenProblem>, sqlx::Error> {
    let purpose_name = purpose.as_str();
    let link_hash = tokens::hash(link_token);
    let row = sqlx::query_as!(
        TokenRow,
        r#"SELECT id AS "id!", user_id, code_hash, expires_at AS "expires_at: DateTime<Utc>",
                  used_at AS "used_at: DateTime<Utc>", failed_attempts
           FROM one_time_tokens WHERE link_hash = ?1 AND purpose = ?2"#,
        link_hash,
        purpose_name
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(Err(TokenProblem::Invalid));
    };
    if let Err(problem) = usable(&row, now) {
        return Ok(Err(problem));
    }
    mark_used(conn, row.id, now).await?;
    Ok(Ok(row.user_id))
}

/// Uses the newest token of `user_id` if `code` matches; a wrong code counts against it.
pub async fn redeem_code(
    conn: &mut SqliteConnection,
    purpose: Purpose,
    user_id: i64,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), TokenProblem>, sqlx::Error> {
    let purpose_name = purpose.as_str();
    let row = sqlx::query_as!(
        TokenRow,
        r#"SELECT id AS "id!", user_id, code_hash, expires_at AS "expires_at: DateTime<Utc>",
                  used_at AS "used_at: DateTime<Utc>", failed_attempts
           FROM one_time_tokens WHERE user_id = ?1 AND purpose = ?2
           ORDER BY id DESC LIMIT 1"#,
        user_id,
        purpose_name
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(Err(TokenProblem::Invalid));
    };
    if let Err(problem) = usable(&row, now) {
        return Ok(Err(problem));
    }
    if tokens::hash_code(code) != row.code_hash {
        sqlx::query!(
            "UPDATE one_time_tokens SET failed_attempts = failed_attempts + 1 WHERE id = ?1",
            row.id
        )
        .execute(&mut *conn)
        .await?;
        return Ok(Err(TokenProblem::Invalid));
    }
    mark_used(conn, row.id, now).await?;
    Ok(Ok(()))
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

async fn mark_used(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE one_time_tokens SET used_at = ?2 WHERE id = ?1",
        id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_for_user(conn: &mut SqliteConnection, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM one_time_tokens WHERE user_id = ?1", user_id)
        .execute(conn)
        .await?;
    Ok(())
}
