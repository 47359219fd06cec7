//! Registering a login and activating it with the e-mailed link or code. A pending login
//! belongs to whoever holds its activation: registering its address again re-sends that
//! activation (within the mail limits) and changes nothing.

use std::net::IpAddr;

use oso_api::accounts::RegistrationForm;
use oso_core::account_policy::ACTIVATION_TOKEN_LIFETIME;
use oso_core::text::NAME_MAX_CHARS;
use oso_core::{check_new_password, Email, Language, RequiredText};

use super::account_mail::{AccountMail, Recipient};
use super::one_time::{self, Purpose, TokenProblem};
use super::password_hash::hash_password;
use super::users::{self, NewUser, UserRow};
use super::{mail_limits, Accounts};
use crate::database::Conn;
use crate::error::ServiceError;
use crate::mail::MailKind;
use oso_core::{FieldErrors, SecretString};

struct Registration {
    company_name: RequiredText,
    contact_name: RequiredText,
    email: Email,
    password: SecretString,
    language: Language,
}

fn parse(form: RegistrationForm) -> Result<Registration, ServiceError> {
    let mut problems = FieldErrors::new();
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
        _ => Err(ServiceError::field("form", "invalid")),
    }
}

impl Accounts {
    /// Registers a login, or, when the address already has one, tells its owner by e-mail (an
    /// active login) or sends its own activation again (a pending one). The caller gets the same
    /// answer in every case, so nobody learns who has an account, and nothing of a pending login
    /// changes: it belongs to whoever holds its activation.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn register(
        &self,
        form: RegistrationForm,
        client: IpAddr,
    ) -> Result<(), ServiceError> {
        self.take_client_turn(client).await?;
        let registration = parse(form)?;
        // Hashed whatever the address, before any connection is taken: the same work for a known
        // address, and no connection waits for an argon2 turn.
        let password_hash = hash_password(&registration.password).await?;
        let now = self.clock.now();
        let canonical = registration.email.canonical();
        let mut tx = self.database.begin_write().await?;
        users::expire_pending(&mut tx.conn(), &canonical, now - ACTIVATION_TOKEN_LIFETIME).await?;
        let mail = match users::find_live_by_email(&mut tx.conn(), &canonical).await? {
            Some(owner) if owner.is_active() => mail_limits::take_recipient(
                &mut tx.conn(),
                MailKind::AlreadyRegistered,
                &canonical,
                now,
            )
            .await?
            .then(|| AccountMail::AlreadyRegistered {
                to: Recipient::at(&owner, owner.mail_address()),
            }),
            Some(pending) => {
                self.send_again_to_pending(&mut tx.conn(), &pending, now)
                    .await?
            }
            None => {
                let new_user = NewUser {
                    email: registration.email.as_str(),
                    email_canonical: &canonical,
                    company_name: registration.company_name.as_str(),
                    contact_name: registration.contact_name.as_str(),
                    language: registration.language.code(),
                    password_hash: &password_hash,
                };
                let id = users::insert_pending(&mut tx.conn(), &new_user, now).await?;
                if mail_limits::take_recipient(
                    &mut tx.conn(),
                    MailKind::Activation,
                    &canonical,
                    now,
                )
                .await?
                {
                    let issued = one_time::issue(
                        &mut tx.conn(),
                        id,
                        Purpose::Activation,
                        now,
                        ACTIVATION_TOKEN_LIFETIME,
                    )
                    .await?;
                    Some(AccountMail::Activation {
                        to: Recipient {
                            address: registration.email.as_str().to_owned(),
                            language: registration.language,
                            name: registration.contact_name.as_str().to_owned(),
                        },
                        company: registration.company_name.as_str().to_owned(),
                        issued,
                    })
                } else {
                    None
                }
            }
        };
        tx.commit().await?;
        if let Some(mail) = mail {
            self.send_now(mail).await;
        }
        Ok(())
    }

    /// What a pending login's owner gets again, when this hour's mail budget allows: its
    /// activation, or for an invited administrator the invitation. Codes sent before stay valid.
    pub(super) async fn send_again_to_pending(
        &self,
        tx: &mut Conn<'_>,
        pending: &UserRow,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Option<AccountMail>, ServiceError> {
        let canonical = Email::canonical_of(&pending.email);
        let (kind, purpose) = if users::is_invited(tx, pending.id).await? {
            (MailKind::Invitation, Purpose::PasswordReset)
        } else {
            (MailKind::Activation, Purpose::Activation)
        };
        if !mail_limits::take_recipient(tx, kind, &canonical, now).await? {
            return Ok(None);
        }
        let issued =
            one_time::issue(tx, pending.id, purpose, now, ACTIVATION_TOKEN_LIFETIME).await?;
        let (to, company) = (Recipient::login_of(pending), pending.company_name.clone());
        Ok(Some(match kind {
            MailKind::Invitation => AccountMail::Invitation {
                to,
                company,
                issued,
            },
            _ => AccountMail::Activation {
                to,
                company,
                issued,
            },
        }))
    }

    /// Counts a mail-sending request against its client's hourly budget, or refuses it.
    pub(super) async fn take_client_turn(&self, client: IpAddr) -> Result<(), ServiceError> {
        let mut tx = self.database.begin_write().await?;
        let now = self.clock.now();
        let wait = mail_limits::take_client(&mut tx.conn(), client, now).await?;
        tx.commit().await?;
        match wait {
            Some(wait) => Err(ServiceError::RateLimited(
                u64::try_from(wait.num_seconds()).unwrap_or(0).max(1),
            )),
            None => Ok(()),
        }
    }

    /// Activates with the code typed into the app. An invited administrator's login opens only
    /// through its invitation.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn activate_with_code(
        &self,
        email: &str,
        code: &SecretString,
    ) -> Result<(), ServiceError> {
        let now = self.clock.now();
        let canonical = Email::parse(email)
            .map_err(|_| ServiceError::TokenInvalid)?
            .canonical();
        let mut tx = self.database.begin_write().await?;
        let user = users::find_live_by_email(&mut tx.conn(), &canonical).await?;
        let Some(user) = user.filter(UserRow::is_pending) else {
            return Err(ServiceError::TokenInvalid);
        };
        if users::is_invited(&mut tx.conn(), user.id).await? {
            return Err(ServiceError::TokenInvalid);
        }
        let outcome = one_time::redeem_code(
            &mut tx.conn(),
            Purpose::Activation,
            user.id,
            code.expose(),
            now,
        )
        .await?;
        if outcome.is_ok() {
            users::activate(&mut tx.conn(), user.id, now).await?;
        }
        // A wrong code's count must be kept, so commit in every case.
        tx.commit().await?;
        outcome.map_err(token_error)
    }

    /// Activates with the token of the e-mailed link.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn activate_with_link(&self, link_token: &SecretString) -> Result<(), ServiceError> {
        let now = self.clock.now();
        let mut tx = self.database.begin_write().await?;
        let user_id = one_time::redeem_link(
            &mut tx.conn(),
            Purpose::Activation,
            link_token.expose(),
            now,
        )
        .await?
        .map_err(token_error)?;
        if users::is_invited(&mut tx.conn(), user_id).await? {
            return Err(ServiceError::TokenInvalid);
        }
        users::activate(&mut tx.conn(), user_id, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sends a pending login's activation (or invitation) again; answers the same for any
    /// address, at once: the mail leaves after the answer.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn resend_activation(&self, email: &str, client: IpAddr) -> Result<(), ServiceError> {
        self.take_client_turn(client).await?;
        let Ok(email) = Email::parse(email) else {
            return Ok(());
        };
        let now = self.clock.now();
        let canonical = email.canonical();
        let mut tx = self.database.begin_write().await?;
        let mail = match users::find_live_by_email(&mut tx.conn(), &canonical)
            .await?
            .filter(UserRow::is_pending)
        {
            Some(pending) => {
                self.send_again_to_pending(&mut tx.conn(), &pending, now)
                    .await?
            }
            None => {
                // The same write as for a pending login: the answer takes as long.
                mail_limits::take_recipient(&mut tx.conn(), MailKind::Activation, &canonical, now)
                    .await?;
                None
            }
        };
        tx.commit().await?;
        self.send_after_answer(mail).await;
        Ok(())
    }
}

pub(super) fn token_error(problem: TokenProblem) -> ServiceError {
    match problem {
        TokenProblem::Invalid => ServiceError::TokenInvalid,
        TokenProblem::Expired => ServiceError::TokenExpired,
    }
}
