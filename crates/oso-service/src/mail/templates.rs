//! E-mail texts from `locales/<language>/email.ftl`, as plain text and as simple, inline-styled
//! HTML without images or tracking.

use std::sync::OnceLock;

use fluent_bundle::FluentValue;
use oso_core::{Catalogue, Language};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Activation,
    Invitation,
    AlreadyRegistered,
    PasswordReset,
    PasswordChanged,
    PasswordWasReset,
    EmailChanged,
    PasswordExpiryWarning,
    OrderConfirmation,
    OrderShipped,
    EsecureRequest,
    EsecureReminder,
    EsecureNote,
    EsecureDecision,
    EsecureAdministrator,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Activation => "activation",
            MailKind::Invitation => "invitation",
            MailKind::AlreadyRegistered => "already-registered",
            MailKind::PasswordReset => "password-reset",
            // No kind's name may contain another's: the outbox is searched by name.
            MailKind::PasswordChanged => "password-changed",
            MailKind::PasswordWasReset => "password-was-reset",
            MailKind::EmailChanged => "email-changed",
            MailKind::PasswordExpiryWarning => "password-expiry",
            MailKind::OrderConfirmation => "order-confirmation",
            MailKind::OrderShipped => "order-shipped",
            MailKind::EsecureRequest => "esecure-request",
            MailKind::EsecureReminder => "esecure-reminder",
            MailKind::EsecureNote => "esecure-note",
            MailKind::EsecureDecision => "esecure-decision",
            MailKind::EsecureAdministrator => "esecure-administrator",
        }
    }

    /// The kinds whose text names a person other than their recipient by e-mail address: the
    /// request to administrators names the requester, the welcome names who added the new
    /// administrator. "Forget me" reads these to remove the copies that name the person.
    pub const NAMING_OTHERS: [MailKind; 4] = [
        MailKind::EsecureRequest,
        MailKind::EsecureReminder,
        MailKind::EsecureNote,
        MailKind::EsecureAdministrator,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailContent {
    pub subject: String,
    pub text: String,
    pub html: String,
}

macro_rules! email_source {
    ($lang:literal) => {
        [
            (
                "email.ftl",
                include_str!(concat!("../../../../locales/", $lang, "/email.ftl")),
            ),
            (
                "web.ftl",
                include_str!(concat!("../../../../locales/", $lang, "/web.ftl")),
            ),
        ]
    };
}

fn catalogue(language: Language) -> &'static Catalogue {
    static CATALOGUES: OnceLock<[Catalogue; 3]> = OnceLock::new();
    let all = CATALOGUES.get_or_init(|| {
        // The files are compiled in and checked by the tests; a broken one is a build defect.
        let load = |language, sources: &[(&str, &str)]| {
            Catalogue::new(language, sources).unwrap_or_else(|error| panic!("{error}"))
        };
        [
            load(Language::Nl, &email_source!("nl")),
            load(Language::En, &email_source!("en")),
            load(Language::Fr, &email_source!("fr")),
        ]
    });
    match language {
        Language::Nl => &all[0],
        Language::En => &all[1],
        Language::Fr => &all[2],
    }
}

/// One block of an e-mail.
#[derive(Debug)]
pub enum Block {
    Paragraph(String),
    /// A prominent link, drawn as a button in HTML.
    Button {
        label: String,
        url: String,
        /// Red: an action that refuses something (eSecure's Reject).
        danger: bool,
    },
    /// A code to type, set apart.
    Code(String),
}

/// Builds the text and HTML forms of a message from translated blocks.
#[derive(Debug)]
pub struct Composer {
    language: Language,
    subject: String,
    blocks: Vec<Block>,
}

impl Composer {
    pub fn new(language: Language, subject_id: &str, args: &[(&str, FluentValue<'_>)]) -> Self {
        Self {
            language,
            subject: message(language, subject_id, args),
            blocks: Vec::new(),
        }
    }

    pub fn paragraph(mut self, id: &str, args: &[(&str, FluentValue<'_>)]) -> Self {
        self.blocks
            .push(Block::Paragraph(message(self.language, id, args)));
        self
    }

    pub fn button(mut self, label_id: &str, url: &str) -> Self {
        self.blocks.push(Block::Button {
            label: message(self.language, label_id, &[]),
            url: url.to_owned(),
            danger: false,
        });
        self
    }

    /// A red button, for an action that refuses something.
    pub fn danger_button(mut self, label_id: &str, url: &str) -> Self {
        self.blocks.push(Block::Button {
            label: message(self.language, label_id, &[]),
            url: url.to_owned(),
            danger: true,
        });
        self
    }

    pub fn code(mut self, code: &str) -> Self {
        self.blocks.push(Block::Code(code.to_owned()));
        self
    }

    pub fn finish(self) -> MailContent {
        let footer = message(self.language, "email-footer", &[]);
        let product = message(self.language, "email-product", &[]);
        let mut text = String::new();
        let mut html = format!(
            "<!doctype html><html lang=\"{}\"><body style=\"margin:0;padding:24px;background:#f4f6f9;\
             font-family:Arial,Helvetica,sans-serif;color:#1d2733\"><div style=\"max-width:560px;\
             margin:0 auto;background:#fff;border:1px solid #d9dee5;border-radius:6px;padding:24px\">\
             <p style=\"margin:0 0 16px;font-weight:bold;color:#1f5f8b;font-size:18px\">{}</p>",
            self.language.code(),
            escape(&product)
        );
        for block in &self.blocks {
            match block {
                Block::Paragraph(paragraph) => {
                    text.push_str(paragraph);
                    html.push_str(&format!(
                        "<p style=\"margin:0 0 16px;line-height:1.5\">{}</p>",
                        escape(paragraph)
                    ));
                }
                Block::Button { label, url, danger } => {
                    let colour = if *danger { "#c0392b" } else { "#1f5f8b" };
                    text.push_str(&format!("{label}: {url}"));
                    html.push_str(&format!(
                        "<p style=\"margin:0 0 16px\"><a href=\"{}\" style=\"display:inline-block;\
                         padding:10px 18px;background:{colour};color:#fff;text-decoration:none;\
                         border-radius:6px;font-weight:bold\">{}</a></p>",
                        escape(url),
                        escape(label)
                    ));
                }
                Block::Code(code) => {
                    text.push_str(&format!("    {code}"));
                    html.push_str(&format!(
                        "<p style=\"margin:0 0 16px;font-family:monospace;font-size:22px;\
                         letter-spacing:3px\">{}</p>",
                        escape(code)
                    ));
                }
            }
            text.push_str("\n\n");
        }
        text.push_str(&format!("-- \n{footer}\n"));
        html.push_str(&format!(
            "<p style=\"margin:24px 0 0;font-size:12px;color:#5b6775\">{}</p></div></body></html>",
            escape(&footer)
        ));
        MailContent {
            subject: self.subject,
            text,
            html,
        }
    }
}

fn message(language: Language, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    catalogue(language).format(id, args).unwrap_or_else(|| {
        tracing::error!(id, %language, "missing e-mail message");
        id.to_owned()
    })
}

/// A text of the service's web pages (`web.ftl`).
pub fn web_message(language: Language, id: &str) -> String {
    message(language, id, &[])
}

/// A text of the service's web pages with arguments.
pub fn web_message_with(language: Language, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    message(language, id, args)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every variable any e-mail or web message uses.
    fn variables() -> Vec<String> {
        let source = concat!(
            include_str!("../../../../locales/en/email.ftl"),
            include_str!("../../../../locales/en/web.ftl")
        );
        let mut names: Vec<String> = source
            .split("{ $")
            .skip(1)
            .filter_map(|rest| rest.split([' ', '}']).next())
            .map(str::to_owned)
            .collect();
        names.sort();
        names.dedup();
        names
    }

    proptest! {
        // 256 cases a run, each formatting every message of every language.
        #[test]
        fn no_argument_breaks_a_message_or_reaches_the_html_unescaped(value in "\\PC{0,40}<b>\\PC{0,40}") {
            let names = variables();
            for language in [Language::Nl, Language::En, Language::Fr] {
                for id in catalogue(language).ids() {
                    let args: Vec<(&str, FluentValue<'_>)> = names
                        .iter()
                        .map(|name| (name.as_str(), FluentValue::from(value.as_str())))
                        .collect();
                    let mail = Composer::new(language, id, &args).paragraph(id, &args).finish();
                    prop_assert!(!mail.html.contains("<b>"), "{id} put the argument in the HTML unescaped");
                    prop_assert!(!mail.subject.is_empty());
                }
            }
        }
    }

    #[test]
    fn the_email_catalogues_define_the_same_messages_in_every_language() {
        let english = catalogue(Language::En).ids().to_vec();
        assert!(!english.is_empty());
        for language in Language::ALL {
            assert_eq!(catalogue(language).ids(), english.as_slice(), "{language}");
        }
    }

    #[test]
    fn html_escapes_what_users_typed() {
        let mail = Composer::new(Language::En, "email-activation-subject", &[])
            .paragraph(
                "email-greeting",
                &[("name", FluentValue::from("<b>Ann</b> & co"))],
            )
            .finish();
        assert!(
            mail.html.contains("&lt;b&gt;Ann&lt;/b&gt; &amp; co"),
            "{}",
            mail.html
        );
        assert!(mail.text.contains("<b>Ann</b> & co"));
        assert!(!mail.html.contains("<img"), "no tracking images");
    }
}
