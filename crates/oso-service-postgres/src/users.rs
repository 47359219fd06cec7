//! `oso_service::accounts::users` on PostgreSQL.

use chrono::{DateTime, Utc};
use oso_store::{LoginStatus, NewUser, ProfileChange, UserRow};
use sqlx::PgConnection;

pub async fn find_live_by_email(
    conn: &mut PgConnection,
    email_canonical: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as!(
        UserRow,
        r#"SELECT id, public_id, email, default_email, company_name, contact_name, phone, language,
                  time_zone, password_hash, password_changed_at, status AS "status: LoginStatus"
           FROM users WHERE email_canonical = $1 AND status <> 'forgotten'"#,
        email_canonical
    )
    .fetch_optional(conn)
    .await
}

pub async fn find_by_id(conn: &mut PgConnection, id: i64) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as!(
        UserRow,
        r#"SELECT id, public_id, email, default_email, company_name, contact_name, phone, language,
                  time_zone, password_hash, password_changed_at, status AS "status: LoginStatus"
           FROM users WHERE id = $1"#,
        id
    )
    .fetch_optional(conn)
    .await
}

pub async fn insert_pending(
    conn: &mut PgConnection,
    user: &NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "INSERT INTO users (email, email_canonical, company_name, contact_name, language,
                            password_hash, password_changed_at, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $7)
         RETURNING id",
        user.email,
        user.email_canonical,
        user.company_name,
        user.contact_name,
        user.language,
        user.password_hash,
        now
    )
    .fetch_one(conn)
    .await
}

/// A login made active at once: one whose address the carrier's provider verified.
pub async fn insert_active(
    conn: &mut PgConnection,
    user: &NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "INSERT INTO users (email, email_canonical, company_name, contact_name, language,
                            password_hash, password_changed_at, status, created_at, activated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $7, $7)
         RETURNING id",
        user.email,
        user.email_canonical,
        user.company_name,
        user.contact_name,
        user.language,
        user.password_hash,
        now
    )
    .fetch_one(conn)
    .await
}

pub async fn mark_invited(
    conn: &mut PgConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET invited_at = $2 WHERE id = $1 AND status = 'pending'",
        id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn is_invited(conn: &mut PgConnection, id: i64) -> Result<bool, sqlx::Error> {
    let invited = sqlx::query_scalar!(
        r#"SELECT invited_at IS NOT NULL AS "invited!" FROM users WHERE id = $1"#,
        id
    )
    .fetch_optional(conn)
    .await?;
    Ok(invited.unwrap_or(false))
}

pub async fn purge_pending(
    conn: &mut PgConnection,
    made_before: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let deleted = sqlx::query!(
        "DELETE FROM users WHERE status = 'pending' AND created_at < $1",
        made_before
    )
    .execute(conn)
    .await?;
    Ok(deleted.rows_affected())
}

pub async fn expire_pending(
    conn: &mut PgConnection,
    email_canonical: &str,
    made_before: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM users WHERE email_canonical = $1 AND status = 'pending' AND created_at < $2",
        email_canonical,
        made_before
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn activate(
    conn: &mut PgConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET status = 'active', activated_at = $2 WHERE id = $1 AND status = 'pending'",
        id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_password(
    conn: &mut PgConnection,
    id: i64,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1",
        id,
        password_hash,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn update_profile(
    conn: &mut PgConnection,
    id: i64,
    change: &ProfileChange<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET default_email = $2, company_name = $3, contact_name = $4, phone = $5,
                          language = $6, time_zone = $7
         WHERE id = $1 AND status = 'active'",
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

/// Overwrites the login's personal data with `placeholder` and blanks, and marks it forgotten.
pub async fn forget(
    conn: &mut PgConnection,
    id: i64,
    placeholder: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET email = $2, email_canonical = $2, default_email = NULL,
                          company_name = '', contact_name = '', phone = NULL,
                          time_zone = 'Europe/Brussels',
                          password_hash = '', status = 'forgotten', forgotten_at = $3
         WHERE id = $1",
        id,
        placeholder,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn active_password_ages(
    conn: &mut PgConnection,
) -> Result<Vec<(i64, DateTime<Utc>)>, sqlx::Error> {
    let rows = sqlx::query!(
        "SELECT id, password_changed_at FROM users
         WHERE status = 'active' AND password_hash <> ''"
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.id, row.password_changed_at))
        .collect())
}

/// Records that the warning `days_before` the expiry of the password set at `changed_at` goes
/// out; `false` when it was recorded before (by this or another instance).
pub async fn record_expiry_warning(
    conn: &mut PgConnection,
    user_id: i64,
    changed_at: DateTime<Utc>,
    days_before: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let recorded = sqlx::query!(
        "INSERT INTO password_expiry_warnings (user_id, password_changed_at, days_before, sent_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        user_id,
        changed_at,
        days_before,
        now
    )
    .execute(conn)
    .await?;
    Ok(recorded.rows_affected() == 1)
}
