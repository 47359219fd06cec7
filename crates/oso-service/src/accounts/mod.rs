//! Logins: registration with activation, sign-in with sessions, passwords (change, reset,
//! renewal), the profile, and "forget me". Handlers in `api/` are thin shells over [`Accounts`].

mod account_mail;
pub mod external;
mod forget;
mod identities;
mod invitation;
pub mod mail_limits;
mod one_time;
pub mod password_hash;
mod passwords;
mod profile;
mod registration;
mod sessions;
mod sign_in;
#[cfg(test)]
mod store_tests;
mod throttle;
pub mod tokens;
pub(crate) mod users;

use std::sync::Arc;

use oso_core::account_policy::{PasswordRenewal, SessionLifetime};
use oso_core::Clock;

use crate::error::ServiceError;
use crate::mail::Mailer;
pub use sign_in::SignedIn;
pub use users::{LoginStatus, UserRow};

/// Everything the account flows need.
#[derive(Debug, Clone)]
pub struct Accounts {
    database: crate::database::Database,
    clock: Arc<dyn Clock>,
    mailer: Mailer,
    links: Links,
    renewal: PasswordRenewal,
    sessions: SessionLifetime,
    /// The carrier's sign-in by name ("MyDHL+"), for mails to logins without a password.
    sign_in_provider: String,
}

/// Builds the https links put in e-mails, to pages the service itself serves.
#[derive(Debug, Clone)]
pub struct Links {
    base: String,
}

impl Links {
    pub fn new(public_url: &str) -> Self {
        Self {
            base: public_url.trim_end_matches('/').to_owned(),
        }
    }

    pub fn activation(&self, token: &str) -> String {
        format!("{}/activate?token={token}", self.base)
    }

    pub fn password_reset(&self, token: &str) -> String {
        format!("{}/reset-password?token={token}", self.base)
    }

    /// The request in the OSO app (`oso://`, which the desktop registers): the e-mail's and the
    /// Reject page's "Open in OSO". Not secret: the app shows it only to its administrators.
    pub fn esecure_request_in_app(&self, id: i64) -> String {
        format!("oso://esecure/requests/{id}")
    }

    /// The page behind an eSecure request e-mail's red Reject button.
    pub fn esecure_reject(&self, token: &str) -> String {
        format!("{}/esecure/reject?token={token}", self.base)
    }
}

impl Accounts {
    /// Deletes what has expired (the hourly job): logins still pending 48 hours after they were
    /// made (their address may register afresh), tokens, sessions, sign-in failures and mail
    /// limits no rule looks at any more. Returns how many rows went.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn purge_expired(&self) -> Result<u64, ServiceError> {
        let now = self.clock.now();
        let mut tx = self.database.begin_write().await?;
        let purged = users::purge_pending(
            &mut tx.conn(),
            now - oso_core::account_policy::ACTIVATION_TOKEN_LIFETIME,
        )
        .await?
            + one_time::purge(&mut tx.conn(), now).await?
            + sessions::purge(&mut tx.conn(), now, self.sessions).await?
            + throttle::purge(&mut tx.conn(), now).await?
            + mail_limits::purge(&mut tx.conn(), now).await?
            + identities::purge_tickets(&mut tx.conn(), now).await?
            + crate::events::purge(&mut tx.conn(), now - crate::events::KEPT_FOR).await?;
        tx.commit().await?;
        Ok(purged)
    }

    /// The links put in e-mails.
    pub fn links(&self) -> &Links {
        &self.links
    }

    /// The mailer every flow of the service sends through.
    pub fn mailer(&self) -> &Mailer {
        &self.mailer
    }

    /// The logins kept in `database`, whichever engine it is.
    pub fn on(
        database: crate::database::Database,
        clock: Arc<dyn Clock>,
        mailer: Mailer,
        links: Links,
        renewal: PasswordRenewal,
    ) -> Self {
        Self {
            database,
            clock,
            mailer,
            links,
            renewal,
            sessions: SessionLifetime::default(),
            sign_in_provider: crate::config::DEFAULT_OIDC_DISPLAY_NAME.to_owned(),
        }
    }

    /// Names the carrier's sign-in (the button's "MyDHL+") in mails to logins without a
    /// password.
    pub fn with_sign_in_provider(mut self, display_name: &str) -> Self {
        display_name.clone_into(&mut self.sign_in_provider);
        self
    }
}
