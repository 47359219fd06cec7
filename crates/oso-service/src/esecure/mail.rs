//! eSecure's e-mails: the request to each administrator (with the red Reject button), the
//! decision to the requester, and the welcome to a new administrator. Each in its reader's
//! language; a mail that cannot be sent is logged and never undoes the decision it reports.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;
use oso_core::{AccountNumber, Email, Language, TimeZone};

use crate::accounts::users;
use crate::database::Database;
use crate::mail::templates::Composer;
use crate::mail::when::Reader;
use crate::mail::{MailKind, Mailer};

/// `•••••4567`: administrators and requesters see only the last four digits in mail.
pub fn masked(number: &str) -> String {
    AccountNumber::parse(number)
        .map(|number| number.masked())
        .unwrap_or_else(|_| "•••••".to_owned())
}

/// The time zone of the login with `email`, or Brussels for an administrator without one
/// (invited by e-mail, or known only by address).
pub async fn zone_of(database: &Database, email: &str) -> TimeZone {
    let canonical = Email::canonical_of(email);
    let user = match database.acquire().await {
        Ok(mut pooled) => users::find_live_by_email(&mut pooled.conn(), &canonical).await,
        Err(error) => Err(error),
    };
    user.ok()
        .flatten()
        .map(|user| TimeZone::or_default(&user.time_zone))
        .unwrap_or_default()
}

#[derive(Debug)]
pub struct RequestMail<'a> {
    pub admin_email: &'a str,
    pub admin_language: Language,
    pub requester_email: &'a str,
    pub requester_company: &'a str,
    pub account_number: &'a str,
    pub requested_at: DateTime<Utc>,
    pub reject_url: String,
    /// The request in the OSO app (`oso://esecure/requests/<id>`).
    pub open_url: String,
    /// A new request, its once-only reminder after 48 hours, or the requester's note on it.
    pub purpose: Purpose,
    /// The requester's note, when they wrote one.
    pub note: Option<&'a str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    New,
    Reminder,
    Note,
}

pub async fn send_request(database: &Database, mailer: &Mailer, mail: RequestMail<'_>) {
    let reader = Reader::new(
        mail.admin_language,
        zone_of(database, mail.admin_email).await,
    );
    let account = FluentValue::from(masked(mail.account_number));
    let (kind, subject, intro) = match mail.purpose {
        Purpose::New => (
            MailKind::EsecureRequest,
            "email-esecure-request-subject",
            None,
        ),
        Purpose::Reminder => (
            MailKind::EsecureReminder,
            "email-esecure-reminder-subject",
            Some("email-esecure-reminder-intro"),
        ),
        Purpose::Note => (MailKind::EsecureNote, "email-esecure-note-subject", None),
    };
    let mut content = Composer::new(
        mail.admin_language,
        subject,
        &[("account", account.clone())],
    );
    if let Some(intro) = intro {
        content = content.paragraph(intro, &[]);
    }
    content = content.paragraph(
        "email-esecure-request-body",
        &[
            ("email", FluentValue::from(mail.requester_email)),
            ("company", FluentValue::from(mail.requester_company)),
            ("time", FluentValue::from(reader.moment(mail.requested_at))),
            ("account", account),
        ],
    );
    if let Some(note) = mail.note {
        content = content.paragraph(
            "email-esecure-request-note",
            &[("note", FluentValue::from(note))],
        );
    }
    let content = content
        .button("email-esecure-request-open", &mail.open_url)
        .danger_button("email-esecure-request-reject", &mail.reject_url)
        .paragraph("email-esecure-request-approve-hint", &[])
        .finish();
    if let Err(error) = mailer.send(kind, mail.admin_email, content).await {
        tracing::error!(%error, "eSecure request e-mail failed");
    }
}

/// The language of the login with `email`, or English for an address without one.
pub async fn language_of(database: &Database, canonical_email: &str) -> Language {
    let user = match database.acquire().await {
        Ok(mut pooled) => users::find_live_by_email(&mut pooled.conn(), canonical_email).await,
        Err(error) => Err(error),
    };
    user.ok()
        .flatten()
        .and_then(|user| user.language.parse().ok())
        .unwrap_or(Language::FALLBACK)
}

/// Tells the requester the administrators approved or rejected them.
/// What became of a request, for its requester.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Approved,
    Rejected,
    /// Nobody decided within 14 days.
    Expired,
}

pub async fn send_decision(
    database: &Database,
    mailer: &Mailer,
    requester_email: &str,
    account_number: &str,
    approved: bool,
) {
    let outcome = if approved {
        Outcome::Approved
    } else {
        Outcome::Rejected
    };
    send_outcome(database, mailer, requester_email, account_number, outcome).await;
}

pub async fn send_outcome(
    database: &Database,
    mailer: &Mailer,
    requester_email: &str,
    account_number: &str,
    outcome: Outcome,
) {
    let language = language_of(database, &Email::canonical_of(requester_email)).await;
    let account = [("account", FluentValue::from(masked(account_number)))];
    let (subject, body) = match outcome {
        Outcome::Approved => (
            "email-esecure-approved-subject",
            "email-esecure-approved-body",
        ),
        Outcome::Rejected => (
            "email-esecure-rejected-subject",
            "email-esecure-rejected-body",
        ),
        Outcome::Expired => (
            "email-esecure-expired-subject",
            "email-esecure-expired-body",
        ),
    };
    let content = Composer::new(language, subject, &account)
        .paragraph(body, &account)
        .finish();
    if let Err(error) = mailer
        .send(MailKind::EsecureDecision, requester_email, content)
        .await
    {
        tracing::error!(%error, "eSecure decision e-mail failed");
    }
}

#[derive(Debug)]
pub struct WelcomeMail<'a> {
    pub email: &'a str,
    pub language: Language,
    pub added_by: &'a str,
    pub account_number: &'a str,
    pub company: &'a str,
    /// The link to choose a password, for an administrator who had no login.
    pub invitation: Option<&'a str>,
}

pub async fn send_welcome(mailer: &Mailer, mail: WelcomeMail<'_>) {
    let account = FluentValue::from(masked(mail.account_number));
    let mut composer = Composer::new(
        mail.language,
        "email-esecure-administrator-subject",
        &[("account", account.clone())],
    )
    .paragraph(
        "email-esecure-administrator-body",
        &[
            ("by", FluentValue::from(mail.added_by)),
            ("account", account),
            ("company", FluentValue::from(mail.company)),
        ],
    );
    if let Some(link) = mail.invitation {
        composer = composer
            .paragraph("email-esecure-administrator-no-login", &[])
            .button("email-esecure-administrator-choose-password", link);
    }
    if let Err(error) = mailer
        .send(
            MailKind::EsecureAdministrator,
            mail.email,
            composer.finish(),
        )
        .await
    {
        tracing::error!(%error, "eSecure welcome e-mail failed");
    }
}
