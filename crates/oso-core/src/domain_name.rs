//! An e-mail domain for eSecure's authorised and restricted lists (`zebra.example`): typed as an
//! administrator would (`@Zebra.Example ` too), kept in lower case.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an e-mail domain")]
pub struct DomainNameError;

impl DomainNameError {
    pub fn field_code(&self) -> &'static str {
        "invalid_domain"
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DomainName(String);

impl DomainName {
    pub fn parse(input: &str) -> Result<Self, DomainNameError> {
        let domain = input.trim().trim_start_matches('@').to_ascii_lowercase();
        let labels: Vec<&str> = domain.split('.').collect();
        let label_ok = |label: &&str| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        if domain.len() > 253 || labels.len() < 2 || !labels.iter().all(label_ok) {
            return Err(DomainNameError);
        }
        // The last label is a top-level domain: never all digits (that is an IP address).
        if labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
        {
            return Err(DomainNameError);
        }
        Ok(Self(domain))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DomainName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_domain_is_kept_in_lower_case_without_a_leading_at() {
        assert_eq!(
            DomainName::parse(" @Zebra.Example ").map(|d| d.0),
            Ok("zebra.example".to_owned())
        );
        assert!(DomainName::parse("mail.zebra-parcels.be").is_ok());
    }

    #[test]
    fn addresses_single_labels_ip_addresses_and_odd_characters_are_refused() {
        for bad in [
            "",
            "zebra",
            "ann@zebra.example",
            "10.0.0.1",
            "-zebra.example",
            "zebra..example",
            "zeb ra.example",
            "zebra.example/x",
        ] {
            assert_eq!(DomainName::parse(bad), Err(DomainNameError), "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_is_idempotent(input in "\\PC{0,80}") {
            if let Ok(domain) = DomainName::parse(&input) {
                prop_assert_eq!(DomainName::parse(domain.as_str()), Ok(domain.clone()));
            }
        }
    }
}
