//! The `events` table: SQLite's queries here, PostgreSQL's in `oso_service_postgres::events`.

use chrono::{DateTime, Utc};
use oso_service_postgres::events as postgres;
pub use oso_store::StoredEvent;
use sqlx::SqliteConnection;

use crate::database::{Conn, Database};

/// Whom an event is for.
#[derive(Debug, Clone, Copy)]
pub(super) enum Recipients<'a> {
    /// The login with this id.
    User(i64),
    /// The active login with this canonical address, if there is one.
    Login(&'a str),
    /// The active logins of the administrators of this account number.
    Administrators(&'a str),
}

/// Writes one event row per recipient, in the caller's transaction.
pub(super) async fn record(
    conn: &mut Conn<'_>,
    to: Recipients<'_>,
    kind: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return match to {
                Recipients::User(id) => {
                    postgres::record_for_user(conn, id, kind, payload, now).await
                }
                Recipients::Login(canonical) => {
                    postgres::record_for_login(conn, canonical, kind, payload, now).await
                }
                Recipients::Administrators(number) => {
                    postgres::record_for_administrators(conn, number, kind, payload, now).await
                }
            };
        }
    };
    match to {
        Recipients::User(user_id) => record_for_user(conn, user_id, kind, payload, now).await,
        Recipients::Login(canonical) => record_for_login(conn, canonical, kind, payload, now).await,
        Recipients::Administrators(number) => {
            record_for_administrators(conn, number, kind, payload, now).await
        }
    }
}

async fn record_for_user(
    conn: &mut SqliteConnection,
    user_id: i64,
    kind: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO events (user_id, kind, payload, created_at) VALUES (?1, ?2, ?3, ?4)",
        user_id,
        kind,
        payload,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// For the active login with the canonical address `canonical`, if there is one.
async fn record_for_login(
    conn: &mut SqliteConnection,
    canonical: &str,
    kind: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO events (user_id, kind, payload, created_at)
         SELECT id, ?2, ?3, ?4 FROM users WHERE email_canonical = ?1 AND status = 'active'",
        canonical,
        kind,
        payload,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// For the active logins of the administrators of account `number`.
async fn record_for_administrators(
    conn: &mut SqliteConnection,
    number: &str,
    kind: &str,
    payload: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO events (user_id, kind, payload, created_at)
         SELECT u.id, ?2, ?3, ?4
         FROM account_administrators a
         JOIN users u ON u.email_canonical = a.email_canonical AND u.status = 'active'
         WHERE a.account_number = ?1",
        number,
        kind,
        payload,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Every login's events after `after_id`, oldest first (the hub's read).
pub(super) async fn after(
    database: &Database,
    after_id: i64,
    limit: i64,
) -> Result<Vec<StoredEvent>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                StoredEvent,
                r#"SELECT id AS "id!", user_id, kind, payload FROM events
                   WHERE id > ?1 ORDER BY id LIMIT ?2"#,
                after_id,
                limit
            )
            .fetch_all(conn)
            .await
        }
        Conn::Postgres(conn) => postgres::after(conn, after_id, limit).await,
    }
}

/// One login's events after `after_id`, oldest first (a stream's replay).
pub async fn for_user_after(
    database: &Database,
    user_id: i64,
    after_id: i64,
    limit: i64,
) -> Result<Vec<StoredEvent>, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_as!(
                StoredEvent,
                r#"SELECT id AS "id!", user_id, kind, payload FROM events
                   WHERE user_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3"#,
                user_id,
                after_id,
                limit
            )
            .fetch_all(conn)
            .await
        }
        Conn::Postgres(conn) => postgres::for_user_after(conn, user_id, after_id, limit).await,
    }
}

pub(super) async fn newest_id(database: &Database) -> Result<i64, sqlx::Error> {
    let mut pooled = database.acquire().await?;
    match pooled.conn() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar!(r#"SELECT COALESCE(MAX(id), 0) AS "newest!: i64" FROM events"#)
                .fetch_one(conn)
                .await
        }
        Conn::Postgres(conn) => postgres::newest_id(conn).await,
    }
}

/// Deletes the events written before `before` (the hourly job).
pub async fn purge(conn: &mut Conn<'_>, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    match conn {
        Conn::Sqlite(conn) => {
            let done = sqlx::query!("DELETE FROM events WHERE created_at < ?1", before)
                .execute(&mut **conn)
                .await?;
            Ok(done.rows_affected())
        }
        Conn::Postgres(conn) => postgres::purge(conn, before).await,
    }
}

/// Other logins' events that name `address` (a request they were asked about): a forgotten
/// person's address and company leave the stream's history too.
pub async fn delete_naming(conn: &mut Conn<'_>, address: &str) -> Result<(), sqlx::Error> {
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!(
                "DELETE FROM events WHERE instr(lower(payload), lower(?1)) > 0",
                address
            )
            .execute(&mut **conn)
            .await?;
            Ok(())
        }
        Conn::Postgres(conn) => postgres::delete_naming(conn, address).await,
    }
}

/// A forgotten login's events go with it.
pub async fn delete_for_user(conn: &mut Conn<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    match conn {
        Conn::Sqlite(conn) => {
            sqlx::query!("DELETE FROM events WHERE user_id = ?1", user_id)
                .execute(&mut **conn)
                .await?;
            Ok(())
        }
        Conn::Postgres(conn) => postgres::delete_for_user(conn, user_id).await,
    }
}
