//! "Forget me": the login is revoked at once and every personal datum becomes unrecognisable,
//! irreversibly: the profile, the address book, the orders' personal columns, eSecure's
//! requests, administration and audit entries, and the outbox copies of mail to the person or
//! naming them. Anonymous facts (that an account existed, when, what was ordered) stay for
//! statistics. The only administrator of a protected account number is refused until another
//! administrator is added (see [`crate::esecure::forget`]).

use oso_core::{Email, SecretString};

use super::{identities, one_time, sessions, throttle, users, Accounts, SignedIn};
use crate::error::ServiceError;

impl Accounts {
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn forget(
        &self,
        signed_in: &SignedIn,
        password: &SecretString,
    ) -> Result<(), ServiceError> {
        let user = &signed_in.user;
        // A login without a password (it signs in with the carrier's account) confirms with its
        // session alone: there is nothing else to ask for.
        if user.has_password() {
            self.verify_current_password(user, password, "password")
                .await?;
        }
        let now = self.clock.now();
        let canonical = Email::canonical_of(&user.email);
        let mut tx = self.database.begin_write().await?;
        if !crate::esecure::forget::sole_administrator_of(&mut tx.conn(), &canonical)
            .await?
            .is_empty()
        {
            return Err(ServiceError::LastAdministrator);
        }
        sessions::delete_for_user(&mut tx.conn(), user.id).await?;
        // The provider's person no longer signs in to this login (a new first sign-in would make
        // a new, unrelated one).
        identities::delete_for_user(&mut tx.conn(), user.id).await?;
        crate::events::delete_for_user(&mut tx.conn(), user.id).await?;
        crate::events::delete_naming(&mut tx.conn(), &user.email).await?;
        one_time::delete_for_user(&mut tx.conn(), user.id).await?;
        throttle::clear(&mut tx.conn(), &throttle::account_subject(&canonical)).await?;
        // The address book holds other people's and the user's own details; saved account
        // numbers are of no use to a revoked login.
        crate::address_book::addresses::delete_for_user(&mut tx.conn(), user.id).await?;
        crate::address_book::account_numbers::delete_for_user(&mut tx.conn(), user.id).await?;
        crate::orders::anonymise_for_user(&mut tx.conn(), user.id).await?;
        crate::esecure::forget::forget_person(&mut tx.conn(), &canonical, now).await?;
        users::forget(&mut tx.conn(), user.id, now).await?;
        tx.commit().await?;
        self.database.checkpoint().await?;
        for address in [Some(user.email.as_str()), user.default_email.as_deref()]
            .into_iter()
            .flatten()
        {
            self.mailer.forget_recipient(address).await?;
            self.mailer.forget_mentions_of(address).await?;
        }
        tracing::info!(user_id = user.id, "user forgotten");
        Ok(())
    }
}
