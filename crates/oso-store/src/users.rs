use chrono::{DateTime, Utc};

/// A login as stored.
#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    /// The stable id clients may keep (see the SQLite migration `20261205000300_user_public_id`).
    pub public_id: String,
    pub email: String,
    pub default_email: Option<String>,
    pub company_name: String,
    pub contact_name: String,
    pub phone: Option<String>,
    pub language: String,
    /// The IANA zone its dates are written in (`Europe/Brussels` unless chosen otherwise).
    pub time_zone: String,
    pub password_hash: String,
    pub password_changed_at: DateTime<Utc>,
    pub status: LoginStatus,
}

/// Where a login stands; the names of the `users.status` CHECK list. Stored as text on both
/// engines (`type_name` is PostgreSQL's; SQLite's mapping ignores it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum LoginStatus {
    Pending,
    Active,
    Forgotten,
}

/// The `password_hash` of a login that has no OSO password: it signs in only through the
/// carrier's account (OpenID Connect). No password verifies against it.
pub const NO_PASSWORD: &str = "";

impl UserRow {
    /// Whether this login has an OSO password; one made by signing in with the carrier's account
    /// has none, so password change, renewal and reset do not apply to it.
    pub fn has_password(&self) -> bool {
        self.password_hash != NO_PASSWORD
    }

    pub fn is_active(&self) -> bool {
        self.status == LoginStatus::Active
    }

    pub fn is_pending(&self) -> bool {
        self.status == LoginStatus::Pending
    }

    /// Where this login's mail goes: the default address when set, else the login address.
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

/// The profile fields a user may change.
#[derive(Debug)]
pub struct ProfileChange<'a> {
    pub default_email: Option<&'a str>,
    pub company_name: &'a str,
    pub contact_name: &'a str,
    pub phone: Option<&'a str>,
    pub language: &'a str,
    pub time_zone: &'a str,
}
