//! Changing, resetting and renewing passwords. Every new password ends the user's other sessions.

use fluent_bundle::FluentValue;
use oso_core::account_policy::{PasswordRenewal, PASSWORD_RESET_TOKEN_LIFETIME};
use oso_core::{check_new_password, Email, Language};

use super::one_time::{self, Purpose};
use super::password_hash::{hash_password, verify_password};
use super::registration::token_error;
use super::users::{self, UserRow};
use super::{sessions, AccountError, Accounts, SignedIn};
use crate::mail::templates::Composer;
use crate::mail::MailKind;
use crate::secret::SecretString;

fn language_of(user: &UserRow) -> Language {
    user.language.parse().unwrap_or(Language::FALLBACK)
}

fn check_policy(password: &SecretString, user: &UserRow, field: &str) -> Result<(), AccountError> {
    check_new_password(password.expose(), &user.email, &user.company_name)
        .map_err(|problem| AccountError::field(field, problem.field_code()))
}

impl Accounts {
    /// Changes the password of the signed-in user, who proves it with the current one. This
    /// session stays; all others end.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn change_password(
        &self,
        signed_in: &SignedIn,
        current: &SecretString,
        new: &SecretString,
    ) -> Result<(), AccountError> {
        let user = &signed_in.user;
        if !verify_password(current, Some(user.password_hash.clone())).await? {
            return Err(AccountError::field("current_password", "wrong_password"));
        }
        check_policy(new, user, "new_password")?;
        if current == new {
            return Err(AccountError::field("new_password", "same_as_current"));
        }
        let hash = hash_password(new).await?;
        let now = self.clock.now();
        let mut tx = crate::store::begin_write(&self.pool).await?;
        users::set_password(&mut tx, user.id, &hash, now).await?;
        sessions::revoke_all_for_user(&mut tx, user.id, Some(signed_in.session_id), now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// E-mails a reset link and code to an active login; answers the same for any address.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn request_password_reset(&self, email: &str) -> Result<(), AccountError> {
        let Ok(email) = Email::parse(email) else {
            return Ok(());
        };
        let now = self.clock.now();
        let mut tx = crate::store::begin_write(&self.pool).await?;
        let user = users::find_live_by_email(&mut tx, &email.canonical()).await?;
        let Some(user) = user.filter(UserRow::is_active) else {
            return Ok(());
        };
        let issued = one_time::issue(
            &mut tx,
            user.id,
            Purpose::PasswordReset,
            now,
            PASSWORD_RESET_TOKEN_LIFETIME,
        )
        .await?;
        tx.commit().await?;
        let mail = Composer::new(language_of(&user), "email-reset-subject", &[])
            .paragraph(
                "email-greeting",
                &[("name", FluentValue::from(user.contact_name.as_str()))],
            )
            .paragraph("email-reset-body", &[])
            .button(
                "email-reset-button",
                &self.links.password_reset(issued.link_token.expose()),
            )
            .paragraph("email-reset-code", &[])
            .code(issued.code.expose())
            .paragraph("email-reset-expiry", &[])
            .finish();
        self.mailer
            .send(MailKind::PasswordReset, &user.email, mail)
            .await?;
        Ok(())
    }

    /// Sets a new password with the e-mailed code; every session of the user ends.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn reset_password_with_code(
        &self,
        email: &str,
        code: &SecretString,
        new: &SecretString,
    ) -> Result<(), AccountError> {
        let canonical = Email::parse(email)
            .map_err(|_| AccountError::TokenInvalid)?
            .canonical();
        let mut conn = self.pool.acquire().await?;
        let user = users::find_live_by_email(&mut conn, &canonical)
            .await?
            .filter(UserRow::is_active)
            .ok_or(AccountError::TokenInvalid)?;
        drop(conn);
        check_policy(new, &user, "new_password")?;
        let hash = hash_password(new).await?;
        let now = self.clock.now();
        let mut tx = crate::store::begin_write(&self.pool).await?;
        let outcome =
            one_time::redeem_code(&mut tx, Purpose::PasswordReset, user.id, code.expose(), now)
                .await?;
        if outcome.is_ok() {
            users::set_password(&mut tx, user.id, &hash, now).await?;
            sessions::revoke_all_for_user(&mut tx, user.id, None, now).await?;
        }
        tx.commit().await?;
        outcome.map_err(token_error)
    }

    /// Sets a new password with the token of the e-mailed link (the service's reset page).
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn reset_password_with_link(
        &self,
        link_token: &SecretString,
        new: &SecretString,
    ) -> Result<(), AccountError> {
        let now = self.clock.now();
        let mut tx = crate::store::begin_write(&self.pool).await?;
        let user_id =
            one_time::redeem_link(&mut tx, Purpose::PasswordReset, link_token.expose(), now)
                .await?
                .map_err(token_error)?;
        let user = users::find_by_id(&mut tx, user_id)
            .await?
            .ok_or(AccountError::TokenInvalid)?;
        // Refusing the password must not use up the link: nothing is committed on this path.
        check_policy(new, &user, "new_password")?;
        let hash = hash_password(new).await?;
        users::set_password(&mut tx, user.id, &hash, now).await?;
        // An invited administrator's login opens by choosing its password.
        users::activate(&mut tx, user.id, now).await?;
        sessions::revoke_all_for_user(&mut tx, user.id, None, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sends each due expiry warning (7 and 1 days before) once. Returns how many were sent.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn send_password_expiry_warnings(&self) -> Result<usize, AccountError> {
        let now = self.clock.now();
        let mut conn = self.pool.acquire().await?;
        let mut sent = 0;
        for (user_id, changed_at) in users::active_password_ages(&mut conn).await? {
            let Some(days_before) = self.renewal.warning_due(changed_at, now) else {
                continue;
            };
            let recorded = sqlx::query!(
                "INSERT INTO password_expiry_warnings (user_id, password_changed_at, days_before, sent_at)
                 VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                user_id,
                changed_at,
                days_before,
                now
            )
            .execute(&mut *conn)
            .await?;
            if recorded.rows_affected() == 0 {
                continue;
            }
            let Some(user) = users::find_by_id(&mut conn, user_id).await? else {
                continue;
            };
            self.mail_expiry_warning(&user).await?;
            sent += 1;
        }
        Ok(sent)
    }

    async fn mail_expiry_warning(&self, user: &UserRow) -> Result<(), AccountError> {
        let language = language_of(user);
        let expires_on = self.renewal.expires_at(user.password_changed_at);
        let date = match language {
            Language::En => expires_on.format("%-d %B %Y").to_string(),
            Language::Nl | Language::Fr => expires_on.format("%d/%m/%Y").to_string(),
        };
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
