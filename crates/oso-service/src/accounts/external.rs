//! A checked identity from the carrier's provider becomes an OSO session: at once when it is
//! linked to a login, else after one step that links it to the password login with the same
//! (verified) address or makes a login without a password. Nothing is made before that step.

use std::net::IpAddr;

use chrono::Duration;
use oso_api::accounts::SessionGrant;
use oso_api::external_sign_in::{ExternalRegistration, ExternalSignIn};
use oso_core::account_policy::SignInThrottle;
use oso_core::text::NAME_MAX_CHARS;
use oso_core::{Email, FieldErrors, Language, RequiredText, SecretString};
use oso_store::{ExternalTicketRow, UserRow, NO_PASSWORD};

use super::password_hash::verify_password;
use super::users::{self, NewUser};
use super::{identities, sessions, throttle, tokens, Accounts};
use crate::database::Tx;
use crate::error::ServiceError;
use crate::external_sign_in::{ExternalError, VerifiedIdentity};

/// How long a first sign-in may take over its last step (a company name, a password).
pub const TICKET_LIFETIME: Duration = Duration::minutes(15);

impl Accounts {
    /// Signs in the provider's person, or hands out the ticket of a first sign-in's last step.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn sign_in_with_identity(
        &self,
        identity: VerifiedIdentity,
    ) -> Result<ExternalSignIn, ServiceError> {
        let now = self.clock.now();
        let mut tx = self.database.begin_write().await?;
        if let Some(user) =
            identities::find_user(&mut tx.conn(), &identity.issuer, &identity.subject).await?
        {
            if !user.is_active() {
                return Err(ServiceError::Inactive);
            }
            let session = self.grant_session(&mut tx, &user).await?;
            tx.commit().await?;
            tracing::info!(user_id = user.id, "signed in with the carrier's account");
            return Ok(ExternalSignIn::SignedIn { session });
        }
        // Logins are known by their address (eSecure decides by it): an address the provider
        // has not verified could be anyone's.
        let email = match (&identity.email, identity.email_verified) {
            (Some(email), true) => Email::parse(email)
                .map_err(|_| ServiceError::External(ExternalError::EmailUnverified))?,
            _ => return Err(ServiceError::External(ExternalError::EmailUnverified)),
        };
        let existing = users::find_live_by_email(&mut tx.conn(), &email.canonical()).await?;
        let ticket = tokens::new_token();
        let row = ExternalTicketRow {
            issuer: identity.issuer,
            subject: identity.subject,
            email: email.as_str().to_owned(),
            contact_name: identity.name.unwrap_or_default(),
            language: identity.language,
            expires_at: now + TICKET_LIFETIME,
        };
        identities::insert_ticket(&mut tx.conn(), &tokens::hash(ticket.expose()), &row, now)
            .await?;
        tx.commit().await?;
        Ok(match existing {
            Some(_) => ExternalSignIn::LinkNeeded {
                ticket,
                email: row.email,
            },
            None => ExternalSignIn::RegistrationNeeded {
                ticket,
                email: row.email,
                contact_name: row.contact_name,
                language: row.language,
            },
        })
    }

    /// A first sign-in's new login: active at once (the provider verified the address), with
    /// no password, linked to the provider's person.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn register_with_identity(
        &self,
        form: ExternalRegistration,
    ) -> Result<SessionGrant, ServiceError> {
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
        let language = problems.check("language", form.language.parse::<Language>(), |_| {
            "unknown_language"
        });
        problems.into_result()?;
        let (Some(company_name), Some(contact_name), Some(language)) =
            (company_name, contact_name, language)
        else {
            return Err(ServiceError::field("form", "invalid"));
        };
        let now = self.clock.now();
        let mut tx = self.database.begin_write().await?;
        let ticket = take_live_ticket(&mut tx, &form.ticket, now).await?;
        let email = Email::parse(&ticket.email).map_err(|_| ServiceError::TokenInvalid)?;
        let canonical = email.canonical();
        if users::find_live_by_email(&mut tx.conn(), &canonical)
            .await?
            .is_some()
        {
            // Registered meanwhile (by password or another first sign-in): linking is the way.
            return Err(ServiceError::Conflict("a login with this address exists"));
        }
        let new_user = NewUser {
            email: email.as_str(),
            email_canonical: &canonical,
            company_name: company_name.as_str(),
            contact_name: contact_name.as_str(),
            language: language.code(),
            password_hash: NO_PASSWORD,
        };
        let id = users::insert_active(&mut tx.conn(), &new_user, now).await?;
        if !identities::link(&mut tx.conn(), &ticket.issuer, &ticket.subject, id, now).await? {
            return Err(ServiceError::Conflict(
                "this person is linked to a login already",
            ));
        }
        let user = users::find_by_id(&mut tx.conn(), id)
            .await?
            .ok_or_else(|| ServiceError::Internal("the new login vanished".into()))?;
        let session = self.grant_session(&mut tx, &user).await?;
        tx.commit().await?;
        tracing::info!(user_id = id, "login made with the carrier's account");
        Ok(session)
    }

    /// A first sign-in's link to the password login with the same address: its password, once,
    /// counted against the same budget as signing in. A wrong password keeps the ticket.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn link_identity(
        &self,
        ticket: &SecretString,
        password: &SecretString,
        client: IpAddr,
    ) -> Result<SessionGrant, ServiceError> {
        if password.expose().is_empty() {
            return Err(ServiceError::field("password", "required"));
        }
        let ticket_hash = tokens::hash(ticket.expose());
        let now = self.clock.now();
        let (found, user) = {
            let mut conn = self.database.acquire().await?;
            let found = identities::find_ticket(&mut conn.conn(), &ticket_hash)
                .await?
                .ok_or(ServiceError::TokenInvalid)?;
            if found.expires_at <= now {
                return Err(ServiceError::TokenExpired);
            }
            let canonical = Email::canonical_of(&found.email);
            let user = users::find_live_by_email(&mut conn.conn(), &canonical).await?;
            (found, user)
        };
        let Some(user) = user else {
            // Forgotten meanwhile: a first sign-in makes a new login instead.
            return Err(ServiceError::TokenInvalid);
        };
        if !user.has_password() {
            return Err(ServiceError::NoPassword);
        }
        let account_subject = throttle::account_subject(&Email::canonical_of(&user.email));
        let client_subject = throttle::client_subject(&client.to_string());
        let reserved = self
            .reserve_attempt(&[
                (account_subject.as_str(), SignInThrottle::PER_ACCOUNT),
                (client_subject.as_str(), SignInThrottle::PER_CLIENT),
            ])
            .await?;
        if !verify_password(password, Some(user.password_hash.clone())).await? {
            return Err(ServiceError::field("password", "wrong_password"));
        }
        if user.is_pending() {
            self.forgive(&reserved).await?;
            return Err(ServiceError::Inactive);
        }
        let mut tx = self.database.begin_write().await?;
        throttle::forgive(&mut tx.conn(), &reserved).await?;
        throttle::clear(&mut tx.conn(), &account_subject).await?;
        let taken = take_live_ticket(&mut tx, ticket, now).await?;
        if taken.subject != found.subject
            || !identities::link(&mut tx.conn(), &taken.issuer, &taken.subject, user.id, now)
                .await?
        {
            return Err(ServiceError::Conflict(
                "this login or this person is linked already",
            ));
        }
        let session = self.grant_session(&mut tx, &user).await?;
        tx.commit().await?;
        tracing::info!(user_id = user.id, "login linked to the carrier's account");
        Ok(session)
    }

    async fn grant_session(
        &self,
        tx: &mut Tx,
        user: &UserRow,
    ) -> Result<SessionGrant, ServiceError> {
        let now = self.clock.now();
        let (token, expires_at) =
            sessions::create(&mut tx.conn(), user.id, now, self.sessions).await?;
        Ok(SessionGrant {
            token: token.expose().to_owned(),
            expires_at,
            password_expired: self.password_expired(user, now),
            user_id: user.public_id.clone(),
        })
    }
}

async fn take_live_ticket(
    tx: &mut Tx,
    ticket: &SecretString,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ExternalTicketRow, ServiceError> {
    let taken = identities::take_ticket(&mut tx.conn(), &tokens::hash(ticket.expose()))
        .await?
        .ok_or(ServiceError::TokenInvalid)?;
    if taken.expires_at <= now {
        return Err(ServiceError::TokenExpired);
    }
    Ok(taken)
}
