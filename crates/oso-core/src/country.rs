//! Countries as ISO 3166-1 alpha-2 codes (`BE`, `NL`, …): the country of an address and the
//! country whose national phone format a user types in.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Two uppercase ASCII letters.
///
/// Whether ISO has assigned the code is not checked: the list changes over time and the carrier
/// decides where it delivers, so the type only guarantees the shape every consumer relies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum CountryError {
    #[error("not a two-letter ISO 3166-1 country code")]
    Invalid,
}

impl CountryError {
    /// The stable code the UI translates (`error-<code>`).
    pub fn field_code(&self) -> &'static str {
        match self {
            CountryError::Invalid => "invalid_country",
        }
    }
}

impl CountryCode {
    pub const BE: CountryCode = CountryCode(*b"BE");
    pub const NL: CountryCode = CountryCode(*b"NL");
    pub const LU: CountryCode = CountryCode(*b"LU");
    pub const FR: CountryCode = CountryCode(*b"FR");
    pub const DE: CountryCode = CountryCode(*b"DE");

    /// Accepts two ASCII letters in any case (`be`, `Be`), with surrounding spaces ignored.
    pub fn parse(input: &str) -> Result<Self, CountryError> {
        match input.trim().as_bytes() {
            &[first, second] if first.is_ascii_alphabetic() && second.is_ascii_alphabetic() => {
                Ok(CountryCode([
                    first.to_ascii_uppercase(),
                    second.to_ascii_uppercase(),
                ]))
            }
            _ => Err(CountryError::Invalid),
        }
    }

    pub fn as_str(&self) -> &str {
        // The bytes are always two ASCII letters (only `parse` and the constants build one), so
        // the fallback is unreachable; it exists because the lints forbid both unwrap and unsafe.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CountryCode {
    type Error = CountryError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        CountryCode::parse(&value)
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> Self {
        code.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::value::{Error as ValueError, StrDeserializer};
    use serde::de::IntoDeserializer;

    #[test]
    fn a_code_in_any_case_is_stored_in_uppercase() {
        assert_eq!(CountryCode::parse("be"), Ok(CountryCode::BE));
        assert_eq!(CountryCode::parse("Nl"), Ok(CountryCode::NL));
        assert_eq!(CountryCode::parse(" lu "), Ok(CountryCode::LU));
        assert_eq!(
            CountryCode::parse("fr").map(|code| code.to_string()),
            Ok("FR".to_owned())
        );
    }

    #[test]
    fn the_constants_read_as_their_codes() {
        let codes = [
            CountryCode::BE,
            CountryCode::NL,
            CountryCode::LU,
            CountryCode::FR,
            CountryCode::DE,
        ];
        let names: Vec<&str> = codes.iter().map(CountryCode::as_str).collect();
        assert_eq!(names, ["BE", "NL", "LU", "FR", "DE"]);
    }

    #[test]
    fn anything_but_two_ascii_letters_is_refused() {
        for input in ["", "B", "BEL", "B1", "12", "É1", "ÉÉ", "B E", "be\u{0}"] {
            assert_eq!(
                CountryCode::parse(input),
                Err(CountryError::Invalid),
                "{input:?}"
            );
        }
    }

    #[test]
    fn the_error_has_a_stable_field_code() {
        assert_eq!(CountryError::Invalid.field_code(), "invalid_country");
    }

    #[test]
    fn deserialising_goes_through_the_parser() {
        let valid: StrDeserializer<'_, ValueError> = "de".into_deserializer();
        assert_eq!(CountryCode::deserialize(valid), Ok(CountryCode::DE));
        let invalid: StrDeserializer<'_, ValueError> = "Germany".into_deserializer();
        assert!(CountryCode::deserialize(invalid).is_err());
        assert_eq!(String::from(CountryCode::DE), "DE");
    }

    proptest! {
        #[test]
        fn parsing_printable_text_never_panics_and_is_idempotent(text in "\\PC*") {
            if let Ok(code) = CountryCode::parse(&text) {
                prop_assert_eq!(CountryCode::parse(code.as_str()), Ok(code));
            }
        }

        #[test]
        fn parsing_any_string_never_panics(text in any::<String>()) {
            let _ = CountryCode::parse(&text);
        }

        #[test]
        fn every_pair_of_ascii_letters_is_accepted(text in "[a-zA-Z]{2}") {
            let code = CountryCode::parse(&text).expect("two letters are a code");
            prop_assert_eq!(code.as_str(), text.to_ascii_uppercase());
        }
    }
}
