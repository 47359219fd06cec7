//! Changing, resetting and renewing passwords. Every new password ends the user's other
//! sessions and is told to the login's address.

use std::net::IpAddr;

use fluent_bundle::FluentValue;
use oso_core::account_policy::{PasswordRenewal, PASSWORD_RESET_TOKEN_LIFETIME};
use oso_core::{check_new_password, Email};

use super::account_mail::{AccountMail, Recipient};
use super::one_time::{self, Purpose};
use super::password_hash::hash_password;
use super::registration::token_error;
use super::users::{self, UserRow};
use super::{mail_limits, sessions, Accounts, SignedIn};
use crate::error::ServiceError;
use crate::mail::templates::Composer;
use crate::mail::when::Reader;
use crate::mail::MailKind;
use oso_core::SecretString;

fn check_policy(password: &SecretString, user: &UserRow, field: &str) -> Result<(), ServiceError> {
    check_new_password(password.expose(), &user.email, &user.company_name)
        .map_err(|problem| ServiceError::field(field, problem.field_code()))
}

impl Accounts {
    /// Changes the password of the signed-in user, who proves it with the current one (counted
    /// against the sign-in budget). This session stays; all others end.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn change_password(
        &self,
        signed_in: &SignedIn,
        current: &SecretString,
        new: &SecretString,
    ) -> Result<(), ServiceError> {
        let user = &signed_in.user;
        self.verify_current_password(user, current, "current_password")
            .await?;
        check_policy(new, user, "new_password")?;
        if current == new {
            return Err(ServiceError::field("new_password", "same_as_current"));
        }
        let hash = hash_password(new).await?;
        let now = self.clock.now();
        let mut tx = self.database.begin_write().await?;
        users::set_password(&mut tx.conn(), user.id, &hash, now).await?;
        sessions::revoke_all_for_user(&mut tx.conn(), user.id, Some(signed_in.session_id), now)
            .await?;
        tx.commit().await?;
        self.send_after_answer(Some(AccountMail::PasswordChanged {
            to: Recipient::login_of(user),
            login: user.email.clone(),
        }))
        .await;
        Ok(())
    }

    /// E-mails a reset link and code to an active login, or a pending login's own activation
    /// (or invitation) again: a pending login's password changes only through its invitation.
    /// Answers the same for any address, at once: the mail leaves after the answer.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn request_password_reset(
        &self,
        email: &str,
        client: IpAddr,
    ) -> Result<(), ServiceError> {
        self.take_client_turn(client).await?;
        let Ok(email) = Email::parse(email) else {
            return Ok(());
        };
        let now = self.clock.now();
        let canonical = email.canonical();
        let mut tx = self.database.begin_write().await?;
        let mail = match users::find_live_by_email(&mut tx.conn(), &canonical).await? {
            Some(pending) if pending.is_pending() => {
                self.send_again_to_pending(&mut tx.conn(), &pending, now)
                    .await?
            }
            user => {
                // Counted for an unknown address too: the same write, the same answer.
                let allowed = mail_limits::take_recipient(
                    &mut tx.conn(),
                    MailKind::PasswordReset,
                    &canonical,
                    now,
                )
                .await?;
                match user.filter(|_| allowed) {
                    Some(user) if !user.has_password() => Some(AccountMail::NoPasswordToReset {
                        to: Recipient::login_of(&user),
                    }),
                    Some(user) => {
                        let issued = one_time::issue(
                            &mut tx.conn(),
                            user.id,
                            Purpose::PasswordReset,
                            now,
                            PASSWORD_RESET_TOKEN_LIFETIME,
                        )
                        .await?;
                        Some(AccountMail::PasswordReset {
                            to: Recipient::login_of(&user),
                            issued,
                        })
                    }
                    None => None,
                }
            }
        };
        tx.commit().await?;
        self.send_after_answer(mail).await;
        Ok(())
    }

    /// Sets a new password with the e-mailed code (of a reset, or of an invitation, which opens
    /// the login); every session of the user ends. The code is checked first: an unknown address
    /// and a wrong code answer alike, and only a right code has its new password judged. A
    /// refused password leaves the code usable.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn reset_password_with_code(
        &self,
        email: &str,
        code: &SecretString,
        new: &SecretString,
    ) -> Result<(), ServiceError> {
        let canonical = Email::parse(email)
            .map_err(|_| ServiceError::TokenInvalid)?
            .canonical();
        let now = self.clock.now();
        let mut tx = self.database.begin_write().await?;
        let Some(user) = users::find_live_by_email(&mut tx.conn(), &canonical).await? else {
            return Err(ServiceError::TokenInvalid);
        };
        // A self-registered pending login holds no reset codes; an invited one, its invitation.
        let found = one_time::check_code(
            &mut tx.conn(),
            Purpose::PasswordReset,
            user.id,
            code.expose(),
            now,
        )
        .await?;
        // A wrong code's count must be kept, so commit in every case.
        tx.commit().await?;
        let (token_id, _) = found.map_err(token_error)?;
        self.set_password_with_token(&user, token_id, new).await
    }

    /// Sets a new password with the token of the e-mailed link (the service's reset page, or
    /// the app); a refused password leaves the link usable.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn reset_password_with_link(
        &self,
        link_token: &SecretString,
        new: &SecretString,
    ) -> Result<(), ServiceError> {
        let now = self.clock.now();
        let mut conn = self.database.acquire().await?;
        let (token_id, user_id) = one_time::check_link(
            &mut conn.conn(),
            Purpose::PasswordReset,
            link_token.expose(),
            now,
        )
        .await?
        .map_err(token_error)?;
        let user = users::find_by_id(&mut conn.conn(), user_id)
            .await?
            .ok_or(ServiceError::TokenInvalid)?;
        drop(conn);
        self.set_password_with_token(&user, token_id, new).await
    }

    /// Judges `new`, hashes it with no connection held, then uses the token and sets the
    /// password in one write. An invited administrator's login opens by choosing its password.
    async fn set_password_with_token(
        &self,
        user: &UserRow,
        token_id: i64,
        new: &SecretString,
    ) -> Result<(), ServiceError> {
        check_policy(new, user, "new_password")?;
        let hash = hash_password(new).await?;
        let now = self.clock.now();
        let mut tx = self.database.begin_write().await?;
        if !one_time::use_token(&mut tx.conn(), token_id, now).await? {
            return Err(ServiceError::TokenInvalid);
        }
        users::set_password(&mut tx.conn(), user.id, &hash, now).await?;
        users::activate(&mut tx.conn(), user.id, now).await?;
        sessions::revoke_all_for_user(&mut tx.conn(), user.id, None, now).await?;
        tx.commit().await?;
        if user.is_active() {
            self.send_after_answer(Some(AccountMail::PasswordWasReset {
                to: Recipient::login_of(user),
                login: user.email.clone(),
            }))
            .await;
        }
        Ok(())
    }

    /// Sends each due expiry warning (7 and 1 days before) once. Returns how many were sent.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn send_password_expiry_warnings(&self) -> Result<usize, ServiceError> {
        let now = self.clock.now();
        let mut conn = self.database.acquire().await?;
        let mut sent = 0;
        for (user_id, changed_at) in users::active_password_ages(&mut conn.conn()).await? {
            let Some(days_before) = self.renewal.warning_due(changed_at, now) else {
                continue;
            };
            if !users::record_expiry_warning(
                &mut conn.conn(),
                user_id,
                changed_at,
                days_before,
                now,
            )
            .await?
            {
                continue;
            }
            let Some(user) = users::find_by_id(&mut conn.conn(), user_id).await? else {
                continue;
            };
            self.mail_expiry_warning(&user).await?;
            sent += 1;
        }
        Ok(sent)
    }

    async fn mail_expiry_warning(&self, user: &UserRow) -> Result<(), ServiceError> {
        let reader = Reader::stored(&user.language, &user.time_zone);
        let language = reader.language;
        let date = reader.day_of(self.renewal.expires_at(user.password_changed_at));
        let max_days = self.renewal.max_age.num_days();
        let mail = Composer::new(
            language,
            "email-expiry-subject",
            &[("date", FluentValue::from(date.as_str()))],
        )
        .paragraph(
            "email-greeting",
            &[("name", FluentValue::from(user.contact_name.as_str()))],
        )
        .paragraph(
            "email-expiry-body",
            &[
                ("date", FluentValue::from(date.as_str())),
                ("max_days", FluentValue::from(max_days)),
            ],
        )
        .paragraph("email-expiry-action", &[])
        .finish();
        self.mailer
            .send(MailKind::PasswordExpiryWarning, user.mail_address(), mail)
            .await?;
        Ok(())
    }

    pub fn password_renewal(&self) -> PasswordRenewal {
        self.renewal
    }
}
