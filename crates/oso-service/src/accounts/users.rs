//! The `users` table.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

/// A login as stored.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    /// The stable id clients may keep (see migration `20261205000300_user_public_id`).
    pub public_id: String,
    pub email: String,
    pub default_email: Option<String>,
    pub company_name: String,
    pub contact_name: String,
    pub phone: Option<String>,
    pub language: String,
    pub password_hash: String,
    pub password_changed_at: DateTime<Utc>,
    pub status: LoginStatus,
}

/// Where a login stands; the names of the `users.status` CHECK list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(rename_all = "snake_case")]
pub enum LoginStatus {
    /// Registered or invited, not yet activated.
    Pending,
    Active,
    /// "Forget me": revoked, its personal data overwritten.
    Forgotten,
}

impl UserRow {
    pub fn is_active(&self) -> bool {
        self.status == LoginStatus::Active
    }

    pub fn is_pending(&self) -> bool {
        self.status == LoginStatus::Pending
    }

    /// Where this user's e-mails go.
    pub fn mail_address(&self) -> &str {
        self.default_email.as_deref().unwrap_or(&self.email)
    }
}

/// What registration stores.
#[derive(Debug)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub email_canonical: &'a str,
    pub company_name: &'a str,
    pub contact_name: &'a str,
    pub language: &'a str,
    pub password_hash: &'a str,
}

pub async fn find_live_by_email(
    conn: &mut SqliteConnection,
    email_canonical: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as!(
        UserRow,
        r#"SELECT id AS "id!", public_id AS "public_id!", email, default_email, company_name,
                  contact_name, phone, language,
                  password_hash, password_changed_at AS "password_changed_at: DateTime<Utc>",
                  status AS "status: LoginStatus"
           FROM users WHERE email_canonical = ?1 AND status <> 'forgotten'"#,
        email_canonical
    )
    .fetch_optional(conn)
    .await
}

pub async fn find_by_id(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as!(
        UserRow,
        r#"SELECT id AS "id!", public_id AS "public_id!", email, default_email, company_name,
                  contact_name, phone, language,
                  password_hash, password_changed_at AS "password_changed_at: DateTime<Utc>",
                  status AS "status: LoginStatus"
           FROM users WHERE id = ?1"#,
        id
    )
    .fetch_optional(conn)
    .await
}

pub async fn insert_pending(
    conn: &mut SqliteConnection,
    user: &NewUser<'_>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
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

/// Marks a pending login as an invited administrator's: it opens only through its invitation.
pub async fn mark_invited(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
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
pub async fn is_invited(conn: &mut SqliteConnection, id: i64) -> Result<bool, sqlx::Error> {
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
    conn: &mut SqliteConnection,
    made_before: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
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
    conn: &mut SqliteConnection,
    email_canonical: &str,
    made_before: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "DELETE FROM users WHERE email_canonical = ?1 AND status = 'pending' AND created_at < ?2",
        email_canonical,
        made_before
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn activate(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
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
    conn: &mut SqliteConnection,
    id: i64,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
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

/// The profile fields a user may change.
#[derive(Debug)]
pub struct ProfileChange<'a> {
    pub default_email: Option<&'a str>,
    pub company_name: &'a str,
    pub contact_name: &'a str,
    pub phone: Option<&'a str>,
    pub language: &'a str,
}

pub async fn update_profile(
    conn: &mut SqliteConnection,
    id: i64,
    change: &ProfileChange<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE users SET default_email = ?2, company_name = ?3, contact_name = ?4, phone = ?5,
                          language = ?6
         WHERE id = ?1 AND status = 'active'",
        id,
        change.default_email,
        change.company_name,
        change.contact_name,
        change.phone,
        change.language
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Makes every personal datum of the user unrecognisable, irreversibly, and frees the address.
pub async fn forget(
    conn: &mut SqliteConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let placeholder = format!("forgotten-{id}@forgotten.invalid");
    sqlx::query!(
        "UPDATE users SET email = ?2, email_canonical = ?2, default_email = NULL,
                          company_name = '', contact_name = '', phone = NULL,
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
    conn: &mut SqliteConnection,
) -> Result<Vec<(i64, DateTime<Utc>)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT id AS "id!", password_changed_at AS "password_changed_at: DateTime<Utc>"
           FROM users WHERE status = 'active'"#
    )
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.id, row.password_changed_at))
        .collect())
}
