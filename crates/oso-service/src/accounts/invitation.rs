//! An invitation for someone named an eSecure administrator who has no OSO login yet: a pending
//! login with their name, company and language, and a link to choose a password, which
//! activates the login (the reset page serves both). Such a login opens only through its
//! invitation: never with an activation code, and nobody's registration changes it.

use oso_core::account_policy::ACTIVATION_TOKEN_LIFETIME;
use oso_core::{Email, Language};

use super::one_time::{self, Purpose};
use super::password_hash::hash_password;
use super::users::{self, NewUser};
use super::{tokens, Accounts};
use crate::error::ServiceError;

impl Accounts {
    /// The link to choose a password for a new pending login of `email`; `None` when the
    /// address has a login already (active or waiting for its own activation).
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn invite(
        &self,
        email: &Email,
        company: &str,
        contact: &str,
        language: Language,
    ) -> Result<Option<String>, ServiceError> {
        let now = self.clock.now();
        // Nobody knows this password; the login opens only through the e-mailed link.
        let unusable = hash_password(&tokens::new_token()).await?;
        let mut tx = self.database.begin_write().await?;
        if users::find_live_by_email(&mut tx.conn(), &email.canonical())
            .await?
            .is_some()
        {
            return Ok(None);
        }
        let canonical = email.canonical();
        let id = users::insert_pending(
            &mut tx.conn(),
            &NewUser {
                email: email.as_str(),
                email_canonical: &canonical,
                company_name: company,
                contact_name: contact,
                language: language.code(),
                password_hash: &unusable,
            },
            now,
        )
        .await?;
        users::mark_invited(&mut tx.conn(), id, now).await?;
        let issued = one_time::issue(
            &mut tx.conn(),
            id,
            Purpose::PasswordReset,
            now,
            ACTIVATION_TOKEN_LIFETIME,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(self.links.password_reset(issued.link_token.expose())))
    }
}
