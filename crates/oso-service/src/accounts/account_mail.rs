//! The account e-mails, in the recipient's language. The answer to a request never depends on
//! its mail: a failure to send is logged, never the caller's error, and most leave after the
//! answer, so a request takes as long whether or not a mail went.

use fluent_bundle::FluentValue;
use oso_core::Language;
use tracing::Instrument;

use super::one_time::IssuedToken;
use super::users::UserRow;
use super::Accounts;
use crate::mail::templates::Composer;
use crate::mail::{MailContent, MailKind};

/// Who a mail goes to, in which language, greeted by which name.
#[derive(Debug, Clone)]
pub(super) struct Recipient {
    pub address: String,
    pub language: Language,
    pub name: String,
}

impl Recipient {
    /// The login's own address (where codes and security notices go).
    pub fn login_of(user: &UserRow) -> Self {
        Self::at(user, &user.email)
    }

    /// `user` at another `address` (a former profile e-mail).
    pub fn at(user: &UserRow, address: &str) -> Self {
        Self {
            address: address.to_owned(),
            language: user.language.parse().unwrap_or(Language::FALLBACK),
            name: user.contact_name.clone(),
        }
    }
}

#[derive(Debug)]
pub(super) enum AccountMail {
    Activation {
        to: Recipient,
        company: String,
        issued: IssuedToken,
    },
    /// An invited administrator's way to choose a password (and so open the login).
    Invitation {
        to: Recipient,
        company: String,
        issued: IssuedToken,
    },
    AlreadyRegistered {
        to: Recipient,
    },
    PasswordReset {
        to: Recipient,
        issued: IssuedToken,
    },
    /// The answer to "forgot password" for a login that signs in with the carrier's account:
    /// there is no OSO password to reset.
    NoPasswordToReset {
        to: Recipient,
    },
    PasswordChanged {
        to: Recipient,
        login: String,
    },
    PasswordWasReset {
        to: Recipient,
        login: String,
    },
    /// Sent to the former profile e-mail.
    EmailChanged {
        to: Recipient,
        login: String,
        new_address: String,
    },
}

fn arg(value: &str) -> FluentValue<'_> {
    FluentValue::from(value)
}

impl Accounts {
    fn compose<'m>(&self, mail: &'m AccountMail) -> (MailKind, &'m Recipient, MailContent) {
        let greet = |to: &Recipient, subject: &str| {
            Composer::new(to.language, subject, &[]).paragraph(
                "email-greeting",
                &[("name", FluentValue::from(to.name.clone()))],
            )
        };
        match mail {
            AccountMail::Activation {
                to,
                company,
                issued,
            } => {
                let content = greet(to, "email-activation-subject")
                    .paragraph("email-activation-body", &[("company", arg(company))])
                    .button(
                        "email-activation-button",
                        &self.links.activation(issued.link_token.expose()),
                    )
                    .paragraph("email-activation-code", &[])
                    .code(issued.code.expose())
                    .paragraph("email-activation-expiry", &[])
                    .finish();
                (MailKind::Activation, to, content)
            }
            AccountMail::Invitation {
                to,
                company,
                issued,
            } => {
                let content = greet(to, "email-invitation-subject")
                    .paragraph("email-invitation-body", &[("company", arg(company))])
                    .button(
                        "email-invitation-button",
                        &self.links.password_reset(issued.link_token.expose()),
                    )
                    .paragraph("email-invitation-code", &[])
                    .code(issued.code.expose())
                    .paragraph("email-invitation-expiry", &[])
                    .finish();
                (MailKind::Invitation, to, content)
            }
            AccountMail::AlreadyRegistered { to } => {
                let content = greet(to, "email-already-registered-subject")
                    .paragraph("email-already-registered-body", &[])
                    .finish();
                (MailKind::AlreadyRegistered, to, content)
            }
            AccountMail::PasswordReset { to, issued } => {
                let content = greet(to, "email-reset-subject")
                    .paragraph("email-reset-body", &[])
                    .button(
                        "email-reset-button",
                        &self.links.password_reset(issued.link_token.expose()),
                    )
                    .paragraph("email-reset-code", &[])
                    .code(issued.code.expose())
                    .paragraph("email-reset-expiry", &[])
                    .finish();
                (MailKind::PasswordReset, to, content)
            }
            AccountMail::NoPasswordToReset { to } => {
                let provider = [("provider", arg(&self.sign_in_provider))];
                let content = Composer::new(to.language, "email-no-password-subject", &[])
                    .paragraph(
                        "email-greeting",
                        &[("name", FluentValue::from(to.name.clone()))],
                    )
                    .paragraph("email-no-password-body", &provider)
                    .paragraph("email-no-password-ignore", &[])
                    .finish();
                (MailKind::PasswordReset, to, content)
            }
            AccountMail::PasswordChanged { to, login } => {
                let content = greet(to, "email-password-changed-subject")
                    .paragraph("email-password-changed-body", &[("login", arg(login))])
                    .paragraph("email-not-you", &[])
                    .finish();
                (MailKind::PasswordChanged, to, content)
            }
            AccountMail::PasswordWasReset { to, login } => {
                let content = greet(to, "email-password-was-reset-subject")
                    .paragraph("email-password-was-reset-body", &[("login", arg(login))])
                    .paragraph("email-not-you", &[])
                    .finish();
                (MailKind::PasswordWasReset, to, content)
            }
            AccountMail::EmailChanged {
                to,
                login,
                new_address,
            } => {
                let content = greet(to, "email-address-changed-subject")
                    .paragraph(
                        "email-address-changed-body",
                        &[("login", arg(login)), ("address", arg(new_address))],
                    )
                    .paragraph("email-not-you", &[])
                    .finish();
                (MailKind::EmailChanged, to, content)
            }
        }
    }

    /// Sends `mail` before the answer; a failure is logged.
    pub(super) async fn send_now(&self, mail: AccountMail) {
        let (kind, to, content) = self.compose(&mail);
        if let Err(error) = self.mailer.send(kind, &to.address, content).await {
            tracing::error!(%error, kind = kind.as_str(), "account e-mail failed");
        }
    }

    /// Sends `mail` after the answer has gone; a failure is logged.
    pub(super) async fn send_after_answer(&self, mail: Option<AccountMail>) {
        let Some(mail) = mail else { return };
        let promise = self.mailer.promise().await;
        let accounts = self.clone();
        tokio::spawn(
            async move {
                let _promise = promise;
                accounts.send_now(mail).await;
            }
            .in_current_span(),
        );
    }
}
