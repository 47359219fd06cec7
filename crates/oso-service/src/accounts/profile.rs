//! The profile of the signed-in user: the details used for orders and e-mails. Moving its
//! e-mail to another mailbox needs the current password and is told to the old one.

use oso_api::accounts::Profile;
use oso_core::text::NAME_MAX_CHARS;
use oso_core::{Email, Language, PhoneNumber, RequiredText, TimeZone};

use super::account_mail::{AccountMail, Recipient};
use super::users::{self, ProfileChange};
use super::{Accounts, SignedIn};
use crate::error::ServiceError;
use oso_core::FieldErrors;

impl Accounts {
    pub fn profile_of(&self, signed_in: &SignedIn) -> Profile {
        let user = &signed_in.user;
        Profile {
            email: user.mail_address().to_owned(),
            company_name: user.company_name.clone(),
            contact_name: user.contact_name.clone(),
            phone: user.phone.clone(),
            language: user.language.clone(),
            time_zone: TimeZone::or_default(&user.time_zone).name().to_owned(),
            login_email: user.email.clone(),
            user_id: user.public_id.clone(),
            password_expires_at: user
                .has_password()
                .then(|| self.renewal.expires_at(user.password_changed_at)),
            password_expired: signed_in.password_expired,
            has_password: user.has_password(),
            current_password: None,
        }
    }

    /// Validates and stores a profile; every refused field is named at once.
    #[tracing::instrument(skip_all, err(level = "info"))]
    pub async fn update_profile(
        &self,
        signed_in: &SignedIn,
        change: Profile,
    ) -> Result<Profile, ServiceError> {
        let mut problems = FieldErrors::new();
        let email = problems.check("email", Email::parse(&change.email), |error| {
            error.field_code()
        });
        let company_name = problems.check(
            "company_name",
            RequiredText::parse(&change.company_name, NAME_MAX_CHARS),
            |error| error.field_code(),
        );
        let contact_name = problems.check(
            "contact_name",
            RequiredText::parse(&change.contact_name, NAME_MAX_CHARS),
            |error| error.field_code(),
        );
        let phone = match change
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|phone| !phone.is_empty())
        {
            None => Some(None),
            Some(typed) => problems
                .check("phone", PhoneNumber::parse(typed, None), |error| {
                    error.field_code()
                })
                .map(Some),
        };
        let language = problems.check("language", change.language.parse::<Language>(), |_| {
            "unknown_language"
        });
        // Empty: a client that predates the field, which leaves the zone as it is.
        let time_zone = match change.time_zone.trim() {
            "" => Some(TimeZone::or_default(&signed_in.user.time_zone)),
            name => problems.check("time_zone", TimeZone::parse(name), |_| "invalid_time_zone"),
        };
        let old_address = signed_in.user.mail_address();
        let moves_mailbox = email
            .as_ref()
            .is_some_and(|email| email.canonical() != Email::canonical_of(old_address));
        let current_password = change
            .current_password
            .as_ref()
            .filter(|password| !password.expose().is_empty());
        if moves_mailbox && current_password.is_none() {
            problems.refuse("current_password", "required");
        }
        problems.into_result()?;
        if let (true, Some(password)) = (moves_mailbox, current_password) {
            self.verify_current_password(&signed_in.user, password, "current_password")
                .await?;
        }
        let (
            Some(email),
            Some(company_name),
            Some(contact_name),
            Some(phone),
            Some(language),
            Some(time_zone),
        ) = (
            email,
            company_name,
            contact_name,
            phone,
            language,
            time_zone,
        )
        else {
            return Err(ServiceError::field("form", "invalid"));
        };
        let default_email = (email.canonical()
            != Email::parse(&signed_in.user.email)
                .map(|login| login.canonical())
                .unwrap_or_default())
        .then(|| email.as_str().to_owned());
        let phone = phone.map(|phone| phone.as_str().to_owned());
        let mut conn = self.database.acquire().await?;
        users::update_profile(
            &mut conn.conn(),
            signed_in.user.id,
            &ProfileChange {
                default_email: default_email.as_deref(),
                company_name: company_name.as_str(),
                contact_name: contact_name.as_str(),
                phone: phone.as_deref(),
                language: language.code(),
                time_zone: time_zone.name(),
            },
        )
        .await?;
        let user = users::find_by_id(&mut conn.conn(), signed_in.user.id)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        drop(conn);
        if moves_mailbox {
            self.send_after_answer(Some(AccountMail::EmailChanged {
                to: Recipient::at(&signed_in.user, old_address),
                login: user.email.clone(),
                new_address: user.mail_address().to_owned(),
            }))
            .await;
        }
        Ok(self.profile_of(&SignedIn {
            user,
            ..signed_in.clone()
        }))
    }
}
