//! E-mail addresses: the login of a user and where OSO sends confirmations.
//!
//! The syntax is RFC 5322's as the `email_address` crate checks it (a dot-atom or quoted local
//! part), with a domain of at least two labels that DNS could resolve. Both the desktop and the
//! service parse through here, so they agree on every address; the only real proof of an
//! address is still the confirmation mail.

use std::fmt;

use serde::{Deserialize, Serialize};

/// RFC 5321 caps a forward path at 256 octets including the angle brackets.
const ADDRESS_MAX_CHARS: usize = 254;
const LOCAL_PART_MAX_CHARS: usize = 64;
const LABEL_MAX_CHARS: usize = 63;

/// No `Name <address>` and no `[192.0.2.1]`: a login is a bare address at a domain, and a domain
/// needs at least two labels so that `user@localhost` and typos like `user@gmailcom` are caught.
const SYNTAX: email_address::Options = email_address::Options {
    minimum_sub_domains: 2,
    allow_domain_literal: false,
    allow_display_text: false,
};

/// An address with its domain in lowercase and its local part as typed: some mail servers treat
/// the local part case-sensitively, so OSO sends to what the user wrote and compares with
/// [`Email::canonical`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum EmailError {
    #[error("an e-mail address is required")]
    Empty,
    #[error("not a valid e-mail address")]
    Invalid,
    #[error("the e-mail address is too long")]
    TooLong,
}

impl EmailError {
    /// The stable code the UI translates (`error-<code>`).
    pub fn field_code(&self) -> &'static str {
        match self {
            EmailError::Empty => "required",
            EmailError::Invalid => "invalid_email",
            EmailError::TooLong => "too_long",
        }
    }
}

impl Email {
    /// Lengths are counted in characters of the stored form. A local part over 64 characters is
    /// reported as too long rather than invalid, because that is what the user can fix.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        // The last `@`, as `email_address` splits: a quoted local part may hold one.
        let (local, domain) = trimmed.rsplit_once('@').ok_or(EmailError::Invalid)?;
        // Lowercase before checking, so the stored form is exactly what was validated.
        let domain = domain.to_lowercase();
        let address = format!("{local}@{domain}");
        if address.chars().count() > ADDRESS_MAX_CHARS
            || local.chars().count() > LOCAL_PART_MAX_CHARS
        {
            return Err(EmailError::TooLong);
        }
        match email_address::EmailAddress::parse_with_options(&address, SYNTAX) {
            // The library counts bytes where OSO counts characters: an accented local part can
            // be within 64 characters and still too long.
            Err(email_address::Error::LocalPartTooLong | email_address::Error::DomainTooLong) => {
                Err(EmailError::TooLong)
            }
            Err(_) => Err(EmailError::Invalid),
            Ok(_) if !domain.split('.').all(is_hostname_label) => Err(EmailError::Invalid),
            Ok(_) => Ok(Email(address)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the `@`, in lowercase.
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map_or("", |(_, domain)| domain)
    }

    /// The whole address in lowercase: two accounts whose addresses differ only in case are the
    /// same person as far as uniqueness goes.
    pub fn canonical(&self) -> String {
        Self::canonical_of(&self.0)
    }

    /// The canonical form of an address that was parsed when it was stored (a login, a request,
    /// an administrator), or of one to look up as it is: the one place that says what makes two
    /// spellings the same address.
    pub fn canonical_of(address: &str) -> String {
        address.trim().to_lowercase()
    }
}

/// RFC 5322 lets a domain hold any character a local part may (`exa_mple`, `shop!`), but mail is
/// delivered through DNS: each label is an LDH label (letters, digits, hyphens), or an
/// internationalised one written in Unicode letters and digits rather than in its `xn--` form.
fn is_hostname_label(label: &str) -> bool {
    let chars = label.chars().count();
    (1..=LABEL_MAX_CHARS).contains(&chars)
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| {
            c == '-' || c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
        })
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> Self {
        email.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::value::{Error as ValueError, StrDeserializer};
    use serde::de::IntoDeserializer;

    fn parsed(input: &str) -> Email {
        Email::parse(input).expect("a valid address")
    }

    #[test]
    fn a_plain_address_is_accepted_and_trimmed() {
        let email = parsed("  jan.peeters+oso@example.be \n");
        assert_eq!(email.as_str(), "jan.peeters+oso@example.be");
        assert_eq!(email.domain(), "example.be");
    }

    #[test]
    fn the_domain_is_lowercased_and_the_local_part_kept() {
        let email = parsed("Jan.Peeters@Example.BE");
        assert_eq!(email.as_str(), "Jan.Peeters@example.be");
        assert_eq!(email.canonical(), "jan.peeters@example.be");
    }

    #[test]
    fn addresses_differing_only_in_case_share_a_canonical_form() {
        assert_eq!(
            parsed("An@Acme.eu").canonical(),
            parsed("an@ACME.EU").canonical()
        );
        assert_ne!(parsed("An@Acme.eu"), parsed("an@ACME.EU"));
    }

    #[test]
    fn internationalised_domains_are_accepted_in_unicode_and_punycode() {
        assert_eq!(parsed("info@Bücher.de").domain(), "bücher.de");
        assert!(Email::parse("info@xn--bcher-kva.de").is_ok());
        assert!(Email::parse("post@例え.テスト").is_ok());
    }

    #[test]
    fn an_empty_or_blank_address_is_required() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse("  \t"), Err(EmailError::Empty));
    }

    #[test]
    fn an_address_needs_exactly_one_at_sign() {
        assert_eq!(Email::parse("jan.example.be"), Err(EmailError::Invalid));
        assert_eq!(Email::parse("jan@oso@example.be"), Err(EmailError::Invalid));
    }

    #[test]
    fn a_local_part_with_whitespace_or_control_characters_is_refused() {
        for input in [
            "@example.be",
            "jan peeters@example.be",
            "jan\u{7}@example.be",
        ] {
            assert_eq!(Email::parse(input), Err(EmailError::Invalid), "{input:?}");
        }
    }

    /// The old rule took any local part without whitespace; RFC 5322 has no empty atoms.
    #[test]
    fn a_local_part_with_a_leading_trailing_or_double_dot_is_refused() {
        for input in [
            ".jan@example.be",
            "jan.@example.be",
            "jan..peeters@example.be",
            "jan(work)@example.be",
            "Jan <jan@example.be>",
        ] {
            assert_eq!(Email::parse(input), Err(EmailError::Invalid), "{input:?}");
        }
    }

    #[test]
    fn a_quoted_local_part_is_accepted() {
        assert!(Email::parse("\"jan peeters\"@example.be").is_ok());
    }

    #[test]
    fn a_domain_literal_is_refused() {
        assert_eq!(Email::parse("jan@[192.0.2.1]"), Err(EmailError::Invalid));
    }

    #[test]
    fn a_domain_without_a_dot_or_with_a_malformed_label_is_refused() {
        for input in [
            "jan@localhost",
            "jan@example..be",
            "jan@.example.be",
            "jan@example.be.",
            "jan@-example.be",
            "jan@example-.be",
            "jan@exa_mple.be",
            "jan@exa mple.be",
            "jan@example.b€",
            "jan@",
        ] {
            assert_eq!(Email::parse(input), Err(EmailError::Invalid), "{input:?}");
        }
    }

    #[test]
    fn a_label_of_63_characters_is_the_longest_allowed() {
        let label = "a".repeat(63);
        assert!(Email::parse(&format!("jan@{label}.be")).is_ok());
        assert_eq!(
            Email::parse(&format!("jan@{label}a.be")),
            Err(EmailError::Invalid)
        );
    }

    #[test]
    fn a_local_part_over_64_characters_is_too_long() {
        let local = "a".repeat(64);
        assert!(Email::parse(&format!("{local}@example.be")).is_ok());
        assert_eq!(
            Email::parse(&format!("{local}a@example.be")),
            Err(EmailError::TooLong)
        );
    }

    #[test]
    fn an_address_over_254_characters_is_too_long() {
        // Four 60-letter labels and ".be" make a 246-character domain; with "@" that leaves 7.
        let domain = format!("{}.be", vec!["a".repeat(60); 4].join("."));
        let exactly = format!("{}@{domain}", "j".repeat(7));
        assert_eq!(exactly.chars().count(), 254);
        assert!(Email::parse(&exactly).is_ok());
        assert_eq!(
            Email::parse(&format!("j{exactly}")),
            Err(EmailError::TooLong)
        );
    }

    #[test]
    fn every_error_has_a_stable_field_code() {
        assert_eq!(EmailError::Empty.field_code(), "required");
        assert_eq!(EmailError::Invalid.field_code(), "invalid_email");
        assert_eq!(EmailError::TooLong.field_code(), "too_long");
    }

    #[test]
    fn serialising_writes_the_plain_address_and_deserialising_goes_through_the_parser() {
        assert_eq!(String::from(parsed("a@B.be")), "a@b.be");
        let valid: StrDeserializer<'_, ValueError> = " a@B.be ".into_deserializer();
        assert_eq!(Email::deserialize(valid), Ok(parsed("a@b.be")));
        let invalid: StrDeserializer<'_, ValueError> = "a@b".into_deserializer();
        assert!(Email::deserialize(invalid).is_err());
    }

    proptest! {
        #[test]
        fn parsing_printable_text_never_panics_and_is_idempotent(text in "\\PC*") {
            if let Ok(email) = Email::parse(&text) {
                prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
            }
        }

        #[test]
        fn parsing_any_string_never_panics_and_is_idempotent(text in any::<String>()) {
            if let Ok(email) = Email::parse(&text) {
                prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
            }
        }

        #[test]
        fn ordinary_addresses_are_accepted_and_read_back_unchanged(
            local in "[A-Za-z0-9_%+-]{1,15}(\\.[A-Za-z0-9_%+-]{1,14})?",
            host in "[A-Za-z0-9]([A-Za-z0-9-]{0,20}[A-Za-z0-9])?",
            tld in "[A-Za-z]{2,6}",
        ) {
            let email = Email::parse(&format!("{local}@{host}.{tld}")).expect("ordinary address");
            prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
            prop_assert_eq!(email.domain(), format!("{host}.{tld}").to_lowercase());
            prop_assert_eq!(email.canonical(), email.as_str().to_lowercase());
        }
    }
}
