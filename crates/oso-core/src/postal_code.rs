//! Postal codes, checked against the format of the address's country so a parcel is not sent to
//! a code that cannot exist.
//!
//! Belgium and its neighbours get their real formats; elsewhere only a general shape is checked,
//! because keeping every country's format current is out of proportion to printing a label.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::country::CountryCode;

/// The longest and shortest code of the general shape; the longest formats in use (Brazil's
/// `12345-678`, Iran's ten digits) fit, and a single character is never a postal code.
const GENERAL_MIN_CHARS: usize = 2;
const GENERAL_MAX_CHARS: usize = 10;

/// A postal code in the form the country's post writes it: `1000`, `1234 AB`, `75001`.
///
/// Every stored code also has the general shape, which is what deserialising checks: a stored
/// code does not carry its country, and the address it came with was checked when it was parsed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PostalCode(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum PostalCodeError {
    #[error("a postal code is required")]
    Empty,
    #[error("not a valid postal code for this country")]
    Invalid,
}

impl PostalCodeError {
    /// The stable code the UI translates (`error-<code>`).
    pub fn field_code(&self) -> &'static str {
        match self {
            PostalCodeError::Empty => "required",
            PostalCodeError::Invalid => "invalid_postal_code",
        }
    }
}

impl PostalCode {
    /// Surrounding whitespace is ignored everywhere; what else is forgiven depends on the
    /// country (a lowercase Dutch suffix, Luxembourg's `L-` prefix).
    pub fn parse(input: &str, country: CountryCode) -> Result<Self, PostalCodeError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PostalCodeError::Empty);
        }
        let code = match country {
            CountryCode::BE => digits_in_range(trimmed, 4, 1000..=9999),
            CountryCode::NL => dutch(trimmed),
            CountryCode::LU => digits_in_range(without_lu_prefix(trimmed), 4, 0..=9999),
            CountryCode::FR => digits_in_range(trimmed, 5, 0..=99999),
            // 01001 and 99998 are the lowest and highest codes Deutsche Post assigns.
            CountryCode::DE => digits_in_range(trimmed, 5, 1001..=99998),
            _ => general(trimmed),
        };
        code.map(PostalCode).ok_or(PostalCodeError::Invalid)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Exactly `len` ASCII digits whose value lies in `range`.
fn digits_in_range(text: &str, len: usize, range: std::ops::RangeInclusive<u32>) -> Option<String> {
    let all_digits = text.len() == len && text.bytes().all(|b| b.is_ascii_digit());
    let value: u32 = text.parse().ok().filter(|_| all_digits)?;
    range.contains(&value).then(|| text.to_owned())
}

/// Luxembourg's codes are often written `L-1234`, after the old European country prefixes; the
/// post itself writes `L-` on letters, so people copy it. `L 1234` and `L1234` are read too.
fn without_lu_prefix(text: &str) -> &str {
    match text.strip_prefix(['L', 'l']) {
        Some(rest) => {
            let rest = rest.trim_start();
            rest.strip_prefix('-').unwrap_or(rest).trim_start()
        }
        None => text,
    }
}

/// Four digits, the first not 0, and two letters, written `1234 AB`. SA, SD and SS are not
/// issued, for their associations with the Nazi era.
fn dutch(text: &str) -> Option<String> {
    let digits = text.get(..4)?;
    let letters = text.get(4..)?.trim_start().to_ascii_uppercase();
    let digits_valid = digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0');
    let letters_valid = letters.len() == 2
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(letters.as_str(), "SA" | "SD" | "SS");
    (digits_valid && letters_valid).then(|| format!("{digits} {letters}"))
}

/// Latin letters, digits, spaces and dashes, which is how every country's post writes its codes
/// for international mail. Letters are uppercased and inner runs of whitespace become one space,
/// so the same code typed twice is stored once.
fn general(text: &str) -> Option<String> {
    let code = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_uppercase();
    let chars_allowed = code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    let has_alphanumeric = code.chars().any(|c| c.is_ascii_alphanumeric());
    let length_allowed = (GENERAL_MIN_CHARS..=GENERAL_MAX_CHARS).contains(&code.len());
    (chars_allowed && has_alphanumeric && length_allowed).then_some(code)
}

impl fmt::Display for PostalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What comes back from storage is held to the general shape only; see [`PostalCode`].
impl TryFrom<String> for PostalCode {
    type Error = PostalCodeError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        if value.trim().is_empty() {
            return Err(PostalCodeError::Empty);
        }
        general(value.trim())
            .map(PostalCode)
            .ok_or(PostalCodeError::Invalid)
    }
}

impl From<PostalCode> for String {
    fn from(code: PostalCode) -> Self {
        code.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::value::{Error as ValueError, StrDeserializer};
    use serde::de::IntoDeserializer;

    fn country(code: &str) -> CountryCode {
        CountryCode::parse(code).expect("a country code")
    }

    fn assert_accepted(country: CountryCode, cases: &[(&str, &str)]) {
        for &(input, expected) in cases {
            let stored = PostalCode::parse(input, country).map(String::from);
            assert_eq!(stored.as_deref(), Ok(expected), "{input:?} in {country}");
        }
    }

    fn assert_refused(country: CountryCode, inputs: &[&str]) {
        for &input in inputs {
            let parsed = PostalCode::parse(input, country);
            assert_eq!(
                parsed,
                Err(PostalCodeError::Invalid),
                "{input:?} in {country}"
            );
        }
    }

    #[test]
    fn belgian_codes_are_four_digits_from_1000() {
        assert_accepted(
            CountryCode::BE,
            &[("1000", "1000"), (" 9999 ", "9999"), ("2000", "2000")],
        );
        assert_refused(CountryCode::BE, &["0999", "999", "10000", "1O00", "B-1000"]);
    }

    #[test]
    fn dutch_codes_are_stored_with_a_space_and_uppercase_letters() {
        assert_accepted(
            CountryCode::NL,
            &[
                ("1234 AB", "1234 AB"),
                ("1234ab", "1234 AB"),
                ("1234 ab", "1234 AB"),
                ("9999  zz", "9999 ZZ"),
            ],
        );
    }

    #[test]
    fn dutch_codes_starting_with_zero_or_with_unissued_letters_are_refused() {
        assert_refused(
            CountryCode::NL,
            &[
                "0123 AB", "1234 SA", "1234 sd", "1234SS", "1234", "1234 A", "1234 ABC", "123 AB",
                "1234 A1", "1234 ÀB", "12345AB", "é234 AB",
            ],
        );
    }

    #[test]
    fn luxembourg_codes_may_be_typed_with_their_l_prefix() {
        assert_accepted(
            CountryCode::LU,
            &[
                ("1234", "1234"),
                ("L-1234", "1234"),
                ("l-1234", "1234"),
                ("L 1234", "1234"),
                ("L1234", "1234"),
            ],
        );
        assert_refused(
            CountryCode::LU,
            &["L-", "L--1234", "LU-1234", "12345", "L-123"],
        );
    }

    #[test]
    fn french_codes_are_five_digits() {
        assert_accepted(CountryCode::FR, &[("75001", "75001"), ("01000", "01000")]);
        assert_refused(CountryCode::FR, &["7500", "750011", "75 001", "2A004"]);
    }

    #[test]
    fn german_codes_are_five_digits_from_01001_to_99998() {
        assert_accepted(CountryCode::DE, &[("01001", "01001"), ("99998", "99998")]);
        assert_refused(
            CountryCode::DE,
            &["01000", "99999", "00000", "1001", "D-10115"],
        );
    }

    #[test]
    fn other_countries_get_the_general_shape_in_uppercase() {
        assert_accepted(
            country("GB"),
            &[("sw1a  1aa", "SW1A 1AA"), ("EC1A 1BB", "EC1A 1BB")],
        );
        assert_accepted(
            country("US"),
            &[("12345", "12345"), ("12345-6789", "12345-6789")],
        );
        assert_accepted(country("BR"), &[("01310-100", "01310-100")]);
        assert_refused(
            country("GB"),
            &[
                "1",
                "--",
                "- -",
                "12345678901",
                "SW1A_1AA",
                "Ǳ12",
                "SW1A\u{0}1AA",
            ],
        );
    }

    #[test]
    fn an_empty_or_blank_code_is_required() {
        assert_eq!(
            PostalCode::parse("", CountryCode::BE),
            Err(PostalCodeError::Empty)
        );
        assert_eq!(
            PostalCode::parse(" \t", country("IT")),
            Err(PostalCodeError::Empty)
        );
    }

    #[test]
    fn every_error_has_a_stable_field_code() {
        assert_eq!(PostalCodeError::Empty.field_code(), "required");
        assert_eq!(PostalCodeError::Invalid.field_code(), "invalid_postal_code");
    }

    #[test]
    fn deserialising_checks_the_general_shape() {
        let stored: StrDeserializer<'_, ValueError> = "1234 AB".into_deserializer();
        assert_eq!(
            PostalCode::deserialize(stored).map(String::from),
            Ok("1234 AB".to_owned())
        );
        let invalid: StrDeserializer<'_, ValueError> = "12#4".into_deserializer();
        assert!(PostalCode::deserialize(invalid).is_err());
        assert_eq!(
            PostalCode::try_from(" ".to_owned()),
            Err(PostalCodeError::Empty)
        );
    }

    /// The countries with their own format and two without.
    fn any_country() -> impl Strategy<Value = CountryCode> {
        proptest::sample::select(vec![
            CountryCode::BE,
            CountryCode::NL,
            CountryCode::LU,
            CountryCode::FR,
            CountryCode::DE,
            country("GB"),
            country("US"),
        ])
    }

    proptest! {
        #[test]
        fn parsing_any_string_never_panics_and_is_idempotent(
            text in any::<String>(),
            country in any_country(),
        ) {
            if let Ok(code) = PostalCode::parse(&text, country) {
                prop_assert_eq!(PostalCode::parse(code.as_str(), country), Ok(code.clone()));
            }
        }

        #[test]
        fn every_accepted_code_has_the_general_shape_and_reads_back_from_storage(
            text in "[lL]?[ -]?[0-9a-zA-Z -]{0,12}",
            country in any_country(),
        ) {
            if let Ok(code) = PostalCode::parse(&text, country) {
                prop_assert_eq!(PostalCode::parse(code.as_str(), country), Ok(code.clone()));
                prop_assert_eq!(PostalCode::try_from(String::from(code.clone())), Ok(code));
            }
        }

        #[test]
        fn every_dutch_code_is_accepted_in_any_case_with_or_without_a_space(
            digits in "[1-9][0-9]{3}",
            letters in "[a-zA-Z]{2}",
            space in " ?",
        ) {
            let upper = letters.to_ascii_uppercase();
            let parsed = PostalCode::parse(&format!("{digits}{space}{letters}"), CountryCode::NL);
            if matches!(upper.as_str(), "SA" | "SD" | "SS") {
                prop_assert_eq!(parsed, Err(PostalCodeError::Invalid));
            } else {
                prop_assert_eq!(parsed.map(String::from), Ok(format!("{digits} {upper}")));
            }
        }
    }
}
