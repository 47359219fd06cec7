//! The `users` table: SQLite's queries here, PostgreSQL's in `oso_service_postgres::users`.

use chrono::{DateTime, Utc};
use oso_service_postgres::users as postgres;
use sqlx::SqliteConnection;

use crate::database::Conn;

pub use oso_store::{LoginStatus, NewUser, ProfileChange, UserRow};

pub async fn find_live_by_email(
    conn: &mut Conn<'_>,
    email_canonical: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::find_live_by_email(conn, email_canonical).await,
    };
    sqlx::query_as!(
        UserRow,
        r#"SELECT id AS "id!", public_id AS "public_id!", email, default_email, company_name,
                  contact_name, phone, language, time_zone,
                  password_hash, password_changed_at AS "password_changed_at: DateTime<Utc>",
                  status AS "status: LoginStatus"
           FROM users WHERE email_canonical = ?1 AND status <> 'forgotten'"#,
        email_canonical
    )
    .fetch_optional(conn)
    .await
}

pub async fn find_by_id(conn: &mut Conn<'_>, id: i64) -> Result<Option<UserRow>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::find_by_id(conn, id).await,
    };
    sqlx::query_as!(
        UserRow,
        r#"SELECT id AS "id!", public_id AS "public_id!", email, default_email, company_name,
                  contact_name, phone, language, time_zone,
                  password_hash, password_changed_at AS "password_changed_at: DateTime<Utc>",
                  status AS "status: LoginStatus"
           FROM users WHERE id = ?1"#,
        id
    )
    .fetch_optional(conn)
    .await
}

pub async fn insert_pending(
    conn: &mut Conn<'_>,
    user: &NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::insert_pending(conn, user, now).await,
    };
    let id = sqlx::query_scalar!(
        r#"INSERT INTO users (email, email_canonical, company_name, contact_name, language,
                              password_hash, password_changed_at, status, created_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?7)
           RETURNING id AS "id!""#,
        user.email,
        user.email_canonical,
        user.company_name,
        user.contact_name,
        user.language,
        user.password_hash,
        now
    )
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// A login made active at once: one whose address the carrier's provider verified.
pub async fn insert_active(
    conn: &mut Conn<'_>,
    user: &NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::insert_active(conn, user, now).await,
    };
    let id = sqlx::query_scalar!(
        r#"INSERT INTO users (email, email_canonical, company_name, contact_name, language,
                              password_hash, password_changed_at, status, created_at,
                              activated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', ?7, ?7)
           RETURNING id AS "id!""#,
        user.email,
        user.email_canonical,
        user.company_name,
        user.contact_name,
        user.language,
        user.password_hash,
        now
    )
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Marks a pending login as an invited administrator's: it opens only through its invitation.
pub async fn mark_invited(
    conn: &mut Conn<'_>,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::mark_invited(conn, id, now).await,
    };
    sqlx::query!(
        "UPDATE users SET invited_at = ?2 WHERE id = ?1 AND status = 'pending'",
        id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether the login was made for an invited administrator (and not by registering).
pub async fn is_invited(conn: &mut Conn<'_>, id: i64) -> Result<bool, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::is_invited(conn, id).await,
    };
    let invited = sqlx::query_scalar!(
        r#"SELECT invited_at IS NOT NULL AS "invited!: bool" FROM users WHERE id = ?1"#,
        id
    )
    .fetch_optional(conn)
    .await?;
    Ok(invited.unwrap_or(false))
}

/// Deletes the logins still pending that were made before `made_before` (the hourly job):
/// their address may then be registered afresh. Their tokens go with them.
pub async fn purge_pending(
    conn: &mut Conn<'_>,
    made_before: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::purge_pending(conn, made_before).await,
    };
    let deleted = sqlx::query!(
        "DELETE FROM users WHERE status = 'pending' AND created_at < ?1",
        made_before
    )
    .execute(conn)
    .await?;
    Ok(deleted.rows_affected())
}

/// [`purge_pending`] for one address, before a registration looks at it, so an expired pending
/// login never waits for the hourly job to free its address.
pub async fn expire_pending(
    conn: &mut Conn<'_>,
    email_canonical: &str,
    made_before: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::expire_pending(conn, email_canonical, made_before).await
        }
    };
    sqlx::query!(
        "DELETE FROM users WHERE email_canonical = ?1 AND status = 'pending' AND created_at < ?2",
        email_canonical,
        made_before
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn activate(conn: &mut Conn<'_>, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::activate(conn, id, now).await,
    };
    sqlx::query!(
        "UPDATE users SET status = 'active', activated_at = ?2 WHERE id = ?1 AND status = 'pending'",
        id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_password(
    conn: &mut Conn<'_>,
    id: i64,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::set_password(conn, id, password_hash, now).await,
    };
    sqlx::query!(
        "UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1",
        id,
        password_hash,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn update_profile(
    conn: &mut Conn<'_>,
    id: i64,
    change: &ProfileChange<'_>,
) -> Result<(), sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::update_profile(conn, id, change).await,
    };
    sqlx::query!(
        "UPDATE users SET default_email = ?2, company_name = ?3, contact_name = ?4, phone = ?5,
                          language = ?6, time_zone = ?7
         WHERE id = ?1 AND status = 'active'",
        id,
        change.default_email,
        change.company_name,
        change.contact_name,
        change.phone,
        change.language,
        change.time_zone
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Makes every personal datum of the user unrecognisable, irreversibly, and frees the address.
pub async fn forget(conn: &mut Conn<'_>, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let placeholder = format!("forgotten-{id}@forgotten.invalid");
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::forget(conn, id, &placeholder, now).await,
    };
    sqlx::query!(
        "UPDATE users SET email = ?2, email_canonical = ?2, default_email = NULL,
                          company_name = '', contact_name = '', phone = NULL,
                          time_zone = 'Europe/Brussels',
                          password_hash = '', status = 'forgotten', forgotten_at = ?3
         WHERE id = ?1",
        id,
        placeholder,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Active users with the time their password was set, for the expiry warnings.
pub async fn active_password_ages(
    conn: &mut Conn<'_>,
) -> Result<Vec<(i64, DateTime<Utc>)>, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => return postgres::active_password_ages(conn).await,
    };
    let rows = sqlx::query!(
        r#"SELECT id AS "id!", password_changed_at AS "password_changed_at: DateTime<Utc>"
           FROM users WHERE status = 'active' AND password_hash <> ''"#
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.id, row.password_changed_at))
        .collect())
}

/// Records that the warning `days_before` the expiry of the password set at `changed_at` goes
/// out; `false` when it was recorded before, so each warning is mailed once however many
/// instances run the job.
pub async fn record_expiry_warning(
    conn: &mut Conn<'_>,
    user_id: i64,
    changed_at: DateTime<Utc>,
    days_before: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let conn: &mut SqliteConnection = match conn {
        Conn::Sqlite(conn) => conn,
        Conn::Postgres(conn) => {
            return postgres::record_expiry_warning(conn, user_id, changed_at, days_before, now)
                .await
        }
    };
    let recorded = sqlx::query!(
        "INSERT INTO password_expiry_warnings (user_id, password_changed_at, days_before, sent_at)
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        user_id,
        changed_at,
        days_before,
        now
    )
    .execute(conn)
    .await?;
    Ok(recorded.rows_affected() == 1)
}
