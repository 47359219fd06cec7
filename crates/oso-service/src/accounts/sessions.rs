//! Sessions: a 256-bit bearer token handed to the desktop once, stored here as its hash.
//! SQLite's queries here, PostgreSQL's in `oso_service_postgres::sessions`.

use chrono::{DateTime, Duration, Utc};
use oso_core::account_policy::SessionLifetime;
use oso_service_postgres::sessions as postgres;
use oso_store::SessionRow;
use sqlx::SqliteConnection;

use super::tokens;
use super::users::{LoginStatus, UserRow};
use crate::database::Conn;
use oso_core::SecretString;

/// `last_seen_at` is written at most this often, so reads do not all become writes.
const TOUCH_EVERY: Duration = Duration::minutes(5);

pub async fn create(
    conn: &mut Conn<'_>,
    user_id: i64,
    now: DateTime<Utc>,
    lifetime: SessionLifetime,
) -> Result<(SecretString, DateTime<Utc>), sqlx::Error> {
    let token = tokens::new_token();
    let token_hash = tokens::hash(token.expose());
    let expires_at = lifetime.expires_at(now);
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at)
                 VALUES (?1, ?2, ?3, ?3, ?4)",
                user_id,
                token_hash,
                now,
                expires_at
            )
            .execute(&mut **conn)
            .await?;
        }
        Conn::Postgres(conn) => {
            postgres::insert(conn, user_id, &token_hash, now, expires_at).await?
        }
    }
    Ok((token, expires_at))
}

async fn find_unrevoked(
    conn: &mut SqliteConnection,
    token_hash: &[u8],
) -> Result<Option<SessionRow>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT s.id AS "session_id!", s.created_at AS "created_at: DateTime<Utc>",
                  s.last_seen_at AS "last_seen_at: DateTime<Utc>",
                  u.id AS "user_id!", u.public_id AS "public_id!", u.email, u.default_email,
                  u.company_name, u.contact_name, u.phone,
                  u.language, u.time_zone, u.password_hash,
                  u.password_changed_at AS "password_changed_at: DateTime<Utc>",
                  u.status AS "status: LoginStatus",
                  (SELECT group_concat(a.account_number) FROM account_administrators a
                   WHERE a.email_canonical = u.email_canonical) AS "administered?: String"
           FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.token_hash = ?1 AND s.revoked_at IS NULL"#,
        token_hash
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| SessionRow {
        session_id: row.session_id,
        created_at: row.created_at,
        last_seen_at: row.last_seen_at,
        user: UserRow {
            id: row.user_id,
            public_id: row.public_id,
            email: row.email,
            default_email: row.default_email,
            company_name: row.company_name,
            contact_name: row.contact_name,
            phone: row.phone,
            language: row.language,
            time_zone: row.time_zone,
            password_hash: row.password_hash,
            password_changed_at: row.password_changed_at,
            status: row.status,
        },
        administered: oso_store::administered_numbers(row.administered),
    }))
}

/// The session behind `token` while it is live, with its user and the numbers it administers
/// (in one query: every request asks): `(session id, user, administered)`.
pub async fn find_live(
    conn: &mut Conn<'_>,
    token: &str,
    now: DateTime<Utc>,
    lifetime: SessionLifetime,
) -> Result<Option<(i64, UserRow, Vec<String>)>, sqlx::Error> {
    let token_hash = tokens::hash(token);
    let found = match conn {
        Conn::Sqlite(conn) => find_unrevoked(conn, &token_hash).await?,
        Conn::Postgres(conn) => postgres::find_unrevoked(conn, &token_hash).await?,
    };
    let Some(found) = found else { return Ok(None) };
    if !lifetime.is_live(found.created_at, found.last_seen_at, now) {
        return Ok(None);
    }
    if now - found.last_seen_at >= TOUCH_EVERY {
        match conn {
            Conn::Sqlite(conn) => {
                sqlx::query!(
                    "UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1",
                    found.session_id,
                    now
                )
                .execute(&mut **conn)
                .await?;
            }
            Conn::Postgres(conn) => postgres::touch(conn, found.session_id, now).await?,
        }
    }
    Ok(Some((found.session_id, found.user, found.administered)))
}

pub async fn revoke(
    conn: &mut Conn<'_>,
    session_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::revoke(conn, session_id, now).await,
    };
    sqlx::query!(
        "UPDATE sessions SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
        session_id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends every session of the user except `keep` (the one that made the change, if any).
pub async fn revoke_all_for_user(
    conn: &mut Conn<'_>,
    user_id: i64,
    keep: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let keep = keep.unwrap_or(-1);
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::revoke_all_for_user(conn, user_id, keep, now).await
        }
    };
    sqlx::query!(
        "UPDATE sessions SET revoked_at = ?3 WHERE user_id = ?1 AND id <> ?2 AND revoked_at IS NULL",
        user_id,
        keep,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes sessions that can no longer be used (the hourly job): revoked ones, and those past
/// their absolute lifetime or idle too long.
pub async fn purge(
    conn: &mut Conn<'_>,
    now: DateTime<Utc>,
    lifetime: SessionLifetime,
) -> Result<u64, sqlx::Error> {
    let made_before = now - lifetime.absolute;
    let idle_since = now - lifetime.idle;
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::purge(conn, made_before, idle_since).await,
    };
    let deleted = sqlx::query!(
        "DELETE FROM sessions
         WHERE revoked_at IS NOT NULL OR created_at <= ?1 OR last_seen_at <= ?2",
        made_before,
        idle_since
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
    sqlx::query!("DELETE FROM sessions WHERE user_id = ?1", user_id)
        .execute(conn)
        .await?;
    Ok(())
}
