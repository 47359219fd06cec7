//! E-mail texts from `locales/<language>/email.ftl`, as plain text and as simple, inline-styled
//! HTML without images or tracking.

use std::sync::OnceLock;

use askama::Template;
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
        for block in &self.blocks {
            match block {
                Block::Paragraph(paragraph) => text.push_str(paragraph),
                Block::Button { label, url, .. } => text.push_str(&format!("{label}: {url}")),
                Block::Code(code) => text.push_str(&format!("    {code}")),
            }
            text.push_str("\n\n");
        }
        text.push_str(&format!("-- \n{footer}\n"));
        let html = MailHtml {
            language: self.language.code(),
            product: &product,
            blocks: &self.blocks,
            footer: &footer,
        }
        .render()
        // askama fails only when a value's `Display`, a filter or the writer does; these are
        // strings and a bool written into a String, none of which can.
        .expect("an e-mail's HTML renders");
        MailContent {
            subject: self.subject,
            text,
            html,
        }
    }
}

/// `templates/mail.html`, which escapes every value: nothing a user typed (a name, a company)
/// can add markup to a mail.
#[derive(Template)]
#[template(path = "mail.html")]
struct MailHtml<'a> {
    language: &'a str,
    product: &'a str,
    blocks: &'a [Block],
    footer: &'a str,
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
        // askama writes numeric character references (`&#60;` for `<`, `&#38;` for `&`).
        assert!(
            mail.html.contains("&#60;b&#62;Ann&#60;/b&#62; &#38; co"),
            "{}",
            mail.html
        );
        assert!(mail.text.contains("<b>Ann</b> & co"));
        assert!(!mail.html.contains("<img"), "no tracking images");
    }

    #[test]
    fn a_company_name_with_a_script_reaches_the_html_escaped_and_the_text_as_typed() {
        let company = r#"<script>alert(1)</script> & "Ann""#;

        let mail = Composer::new(Language::En, "email-activation-subject", &[])
            .paragraph(
                "email-activation-body",
                &[("company", FluentValue::from(company))],
            )
            .finish();

        assert!(
            mail.html
                .contains("&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;Ann&#34;"),
            "{}",
            mail.html
        );
        assert!(!mail.html.contains("<script"), "{}", mail.html);
        assert!(mail.text.contains(company), "{}", mail.text);
    }

    #[test]
    fn a_link_cannot_leave_its_href_attribute() {
        let mail = Composer::new(Language::En, "email-activation-subject", &[])
            .button(
                "email-activation-button",
                r#"https://oso.example/activate?token=a&x="><script>"#,
            )
            .finish();

        assert!(
            mail.html.contains(
                r#"href="https://oso.example/activate?token=a&#38;x=&#34;&#62;&#60;script&#62;""#
            ),
            "{}",
            mail.html
        );
    }

    #[test]
    fn a_mail_shows_its_blocks_in_order_between_the_product_name_and_the_footer() {
        let mail = Composer::new(Language::En, "email-activation-subject", &[])
            .paragraph("email-greeting", &[("name", FluentValue::from("Ann"))])
            .code("K7QM-4XPA")
            .button("email-activation-button", "https://oso.example/activate")
            .danger_button("email-esecure-request-reject", "https://oso.example/reject")
            .finish();

        let order = [
            "lang=\"en\"",
            "OSO · Online Supplies Ordering</p>",
            "line-height:1.5\">Hello Ann,</p>",
            "letter-spacing:3px\">K7QM-4XPA</p>",
            "href=\"https://oso.example/activate\" style=\"display:inline-block;padding:10px 18px;background:#1f5f8b;",
            ">Activate my login</a>",
            "href=\"https://oso.example/reject\" style=\"display:inline-block;padding:10px 18px;background:#c0392b;",
            "font-size:12px;color:#5b6775\">This e-mail was sent by OSO",
            "</div>",
        ];
        let mut rest = mail.html.as_str();
        for part in order {
            let at = rest
                .find(part)
                .unwrap_or_else(|| panic!("{part} missing or out of order in {}", mail.html));
            rest = &rest[at + part.len()..];
        }
        assert_eq!(
            mail.text,
            format!(
                "Hello Ann,\n\n    K7QM-4XPA\n\nActivate my login: https://oso.example/activate\n\n\
                 {}: https://oso.example/reject\n\n-- \n{}\n",
                message(Language::En, "email-esecure-request-reject", &[]),
                message(Language::En, "email-footer", &[])
            )
        );
    }
}
