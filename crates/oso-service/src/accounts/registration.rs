//! Registering a login and activating it with the e-mailed link or code.

use fluent_bundle::FluentValue;
use oso_core::account_policy::ACTIVATION_TOKEN_LIFETIME;
use oso_core::text::NAME_MAX_CHARS;
use oso_core::{check_new_password, Email, Language, RequiredText};
use serde::Deserialize;
use utoipa::ToSchema;

use super::one_time::{self, IssuedToken, Purpose, TokenProblem};
use super::password_hash::hash_password;
use super::users::{self, NewUser, UserRow};
use super::{AccountError, Accounts, FieldProblems};
use crate::mail::templates::Composer;
use crate::mail::{MailContent, MailKind};
use crate::secret::SecretString;

#[derive(Debug, Deserialize, ToSchema)]
pub struct RegistrationForm {
    pub company_name: String,
    pub contact_name: String,
    pub email: String,
    #[schema(value_type = String, format = Password)]
    pub password: SecretString,
    /// The language of e-mails: nl, en or fr.
    pub language: String,
}

struct Registration {
    company_name: RequiredText,
    contact_name: RequiredText,
    email: Email,
    password: SecretString,
    language: Language,
}

fn parse(form: RegistrationForm) -> Result<Registration, AccountError> {
    let mut problems = FieldProblems::default();
    let company_name = problems.check(
        "company_name",
        RequiredText::parse(&form.company_name, NAME_MAX_CHARS),
        |error| error.field_code(),
    );
    let contact_name = problems.check(
        "contact_name",
        RequiredText::parse(&form.contact_name, NAME_MAX_CHARS),
        |error| error.field_code(),
    );
    let email = problems.check("email", Email::parse(&form.email), |error| {
        error.field_code()
    });
    problems.check(
        "password",
        check_new_password(form.password.expose(), &form.email, &form.company_name),
        |problem| problem.field_code(),
    );
    let language = problems.check("language", form.language.parse::<Language>(), |_| {
        "unknown_language"
    });
    problems.into_result()?;
    match (company_name, contact_name, email, language) {
        (Some(company_name), Some(contact_name), Some(email), Some(language)) => Ok(Registration {
            company_name,
            contact_name,
            email,
            password: form.password,
            language,
        }),
        _ => Err(AccountError::field("form", "invalid")),
    }
}

impl Accounts {
    /// Registers a login, or, when the address already has one, tells its owner by e-mail. The
    /// caller gets the same answer either way, so nobody learns who has an account.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn register(&self, form: RegistrationForm) -> Result<(), AccountError> {
        let registration = parse(form)?;
        let password_hash = hash_password(&registration.password).await?;
        let now = self.clock.now();
        let canonical = registration.email.canonical();
        let new_user = NewUser {
            email: registration.email.as_str(),
            email_canonical: &canonical,
            company_name: registration.company_name.as_str(),
            contact_name: registration.contact_name.as_str(),
            language: registration.language.code(),
            password_hash: &password_hash,
        };
        let mut tx = crate::store::begin_write(&self.pool).await?;
        let existing = users::find_live_by_email(&mut tx, &canonical).await?;
        let user_id = match &existing {
            Some(user) if user.is_active() => None,
            Some(pending) => {
                users::replace_pending(&mut tx, pending.id, &new_user, now).await?;
                Some(pending.id)
            }
            None => Some(users::insert_pending(&mut tx, &new_user, now).await?),
        };
        let issued = match user_id {
            Some(id) => Some(
                one_time::issue(
                    &mut tx,
                    id,
                    Purpose::Activation,
                    now,
                    ACTIVATION_TOKEN_LIFETIME,
                )
                .await?,
            ),
            None => None,
        };
        tx.commit().await?;

        match (issued, existing) {
            (Some(issued), _) => {
                let mail = self.activation_mail(
                    registration.language,
                    registration.contact_name.as_str(),
                    registration.company_name.as_str(),
                    &issued,
                );
                self.mailer
                    .send(MailKind::Activation, registration.email.as_str(), mail)
                    .await?;
            }
            (None, Some(owner)) => self.mail_already_registered(&owner).await?,
            (None, None) => {}
        }
        Ok(())
    }

    async fn mail_already_registered(&self, owner: &UserRow) -> Result<(), AccountError> {
        let language = owner.language.parse().unwrap_or(Language::FALLBACK);
        let mail = Composer::new(language, "email-already-registered-subject", &[])
            .paragraph(
                "email-greeting",
                &[("name", FluentValue::from(owner.contact_name.as_str()))],
            )
            .paragraph("email-already-registered-body", &[])
            .finish();
        self.mailer
            .send(MailKind::AlreadyRegistered, owner.mail_address(), mail)
            .await?;
        Ok(())
    }

    /// Activates with the code typed into the app.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn activate_with_code(
        &self,
        email: &str,
        code: &SecretString,
    ) -> Result<(), AccountError> {
        let now = self.clock.now();
        let canonical = Email::parse(email)
            .map_err(|_| AccountError::TokenInvalid)?
            .canonical();
        let mut tx = crate::store::begin_write(&self.pool).await?;
        let user = users::find_live_by_email(&mut tx, &canonical).await?;
        let Some(user) = user.filter(UserRow::is_pending) else {
            return Err(AccountError::TokenInvalid);
        };
        let outcome =
            one_time::redeem_code(&mut tx, Purpose::Activation, user.id, code.expose(), now)
                .await?;
        if outcome.is_ok() {
            users::activate(&mut tx, user.id, now).await?;
        }
        // A wrong code's count must be kept, so commit in every case.
        tx.commit().await?;
        outcome.map_err(token_error)
    }

    /// Activates with the token of the e-mailed link.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn activate_with_link(&self, link_token: &SecretString) -> Result<(), AccountError> {
        let now = self.clock.now();
        let mut tx = crate::store::begin_write(&self.pool).await?;
        let user_id = one_time::redeem_link(&mut tx, Purpose::Activation, link_token.expose(), now)
            .await?
            .map_err(token_error)?;
        users::activate(&mut tx, user_id, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sends a fresh activation e-mail to a pending login; answers the same for any address.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn resend_activation(&self, email: &str) -> Result<(), AccountError> {
        let Ok(email) = Email::parse(email) else {
            return Ok(());
        };
        let now = self.clock.now();
        let mut tx = crate::store::begin_write(&self.pool).await?;
        let user = users::find_live_by_email(&mut tx, &email.canonical()).await?;
        let Some(user) = user.filter(UserRow::is_pending) else {
            return Ok(());
        };
        let issued = one_time::issue(
            &mut tx,
            user.id,
            Purpose::Activation,
            now,
            ACTIVATION_TOKEN_LIFETIME,
        )
        .await?;
        tx.commit().await?;
        let language = user.language.parse().unwrap_or(Language::FALLBACK);
        let mail = self.activation_mail(language, &user.contact_name, &user.company_name, &issued);
        self.mailer
            .send(MailKind::Activation, &user.email, mail)
            .await?;
        Ok(())
    }

    fn activation_mail(
        &self,
        language: Language,
        contact_name: &str,
        company_name: &str,
        issued: &IssuedToken,
    ) -> MailContent {
        Composer::new(language, "email-activation-subject", &[])
            .paragraph(
                "email-greeting",
                &[("name", FluentValue::from(contact_name))],
            )
            .paragraph(
                "email-activation-body",
                &[("company", FluentValue::from(company_name))],
            )
            .button(
                "email-activation-button",
                &self.links.activation(issued.link_token.expose()),
            )
            .paragraph("email-activation-code", &[])
            .code(issued.code.expose())
            .paragraph("email-activation-expiry", &[])
            .finish()
    }
}

pub(super) fn token_error(problem: TokenProblem) -> AccountError {
    match problem {
        TokenProblem::Invalid => AccountError::TokenInvalid,
        TokenProblem::Expired => AccountError::TokenExpired,
    }
}
