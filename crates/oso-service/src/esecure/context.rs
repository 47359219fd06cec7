//! What eSecure's flows are handed instead of the HTTP layer's state: the callers (the API, the
//! operator commands, placing an order) each build one.

use chrono::{DateTime, Utc};

use crate::accounts::{Accounts, Links};
use crate::database::Database;
use crate::mail::Mailer;

/// What eSecure needs to act: the database, the mail and its links, and the time.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub database: &'a Database,
    pub mailer: &'a Mailer,
    pub links: &'a Links,
    /// For inviting administrators who have no login yet.
    pub accounts: &'a Accounts,
    pub now: DateTime<Utc>,
}

impl<'a> Context<'a> {
    /// With the mailer and links of `accounts`, at `now`.
    pub fn new(database: &'a Database, accounts: &'a Accounts, now: DateTime<Utc>) -> Self {
        Self {
            database,
            mailer: accounts.mailer(),
            links: accounts.links(),
            accounts,
            now,
        }
    }
}
