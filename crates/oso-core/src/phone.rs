//! Phone numbers, stored in E.164 (`+32470123456`) so the carrier's systems and SMS gateways
//! read them without guessing, and shown grouped for people.
//!
//! The countries OSO serves (Belgium and its neighbours) get their real lengths checked; any
//! other number is held to E.164's general limits only, because a full numbering plan per
//! country is out of proportion to what OSO does with a phone number (print it on a label).

use serde::{Deserialize, Serialize};

use crate::country::CountryCode;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum PhoneError {
    #[error("a phone number is required")]
    Empty,
    #[error("not a valid phone number")]
    Invalid,
}

impl PhoneError {
    /// The stable code the UI translates (`error-<code>`).
    pub fn field_code(&self) -> &'static str {
        match self {
            PhoneError::Empty => "required",
            PhoneError::Invalid => "invalid_phone",
        }
    }
}

/// The countries whose numbering plan OSO knows, with their calling codes.
const KNOWN_PLANS: [(CountryCode, &str); 5] = [
    (CountryCode::BE, "32"),
    (CountryCode::NL, "31"),
    (CountryCode::LU, "352"),
    (CountryCode::FR, "33"),
    (CountryCode::DE, "49"),
];

/// Whether a known plan allows `national`, the national significant number (what follows the
/// calling code); `None` when OSO does not know the plan of `calling_code`.
fn known_plan_allows(calling_code: &str, national: &str) -> Option<bool> {
    let len = national.len();
    let length_allowed = match calling_code {
        // Landlines have 8 digits; mobiles (04xx) have 9.
        "32" => len == 8 || (len == 9 && national.starts_with('4')),
        "31" | "33" => len == 9,
        "352" => (4..=11).contains(&len),
        "49" => (6..=13).contains(&len),
        _ => return None,
    };
    // No national significant number of these plans starts with 0: that is the trunk prefix.
    Some(length_allowed && !national.starts_with('0'))
}

/// Whether numbers are dialled at home with a leading `0` that E.164 leaves out. Luxembourg has
/// no such prefix, and countries such as Italy keep their `0` after the calling code, so only
/// the plans known to use one are listed.
fn has_trunk_zero(calling_code: &str) -> bool {
    matches!(calling_code, "32" | "31" | "33" | "49")
}

/// The country calling codes in use, one per line; see `data/README.md` for the source. No code
/// is a prefix of another, which is what makes `+3247…` readable as 32 then 47….
const CALLING_CODES: &str = include_str!("../data/country-calling-codes.txt");

impl PhoneNumber {
    /// Reads a number as people write it: spaces, dots, dashes, slashes and parentheses are
    /// ignored, `00` stands for `+`, and a `(0)` after the calling code is dropped. A number
    /// without `+` or `00` is read in the national format of `default_country`, which must be
    /// one of the countries whose plan OSO knows.
    pub fn parse(input: &str, default_country: Option<CountryCode>) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        let compact: String = trimmed.chars().filter(|&c| !is_separator(c)).collect();
        let international = compact
            .strip_prefix('+')
            .or_else(|| compact.strip_prefix("00"));
        let digits = international.unwrap_or(&compact);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PhoneError::Invalid);
        }
        if international.is_some() {
            from_international(digits)
        } else {
            from_national(digits, default_country)
        }
    }

    /// The number in E.164: `+`, the calling code and the national significant number.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country calling code without `+`, such as `32` for Belgium.
    pub fn country_calling_code(&self) -> &str {
        // Every stored number starts with `+` and an assigned code, so the fallback is never used.
        calling_code_of(&self.0[1..]).unwrap_or_default()
    }

    /// The number grouped for reading: `+32 470 12 34 56`, `+33 6 12 34 56 78`.
    pub fn display(&self) -> String {
        let calling_code = self.country_calling_code();
        let national = &self.0[1 + calling_code.len()..];
        // French numbers are read as a single digit then pairs; elsewhere an odd leading digit
        // joins the first pair, which gives the usual grouping of Belgian mobiles.
        let first_group = match (calling_code, national.len() % 2) {
            ("33", _) => 1,
            (_, 1) => 3,
            _ => 2,
        };
        let mut shown = format!("+{calling_code} ");
        for (position, digit) in national.chars().enumerate() {
            if position >= first_group && (position - first_group) % 2 == 0 {
                shown.push(' ');
            }
            shown.push(digit);
        }
        shown
    }
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '/' | '(' | ')')
}

fn calling_code_of(digits: &str) -> Option<&str> {
    (1..=3).filter_map(|len| digits.get(..len)).find(|prefix| {
        CALLING_CODES
            .split_ascii_whitespace()
            .any(|code| code == *prefix)
    })
}

fn from_international(digits: &str) -> Result<PhoneNumber, PhoneError> {
    let calling_code = calling_code_of(digits).ok_or(PhoneError::Invalid)?;
    let mut national = &digits[calling_code.len()..];
    if has_trunk_zero(calling_code) {
        // `+32 (0)470…` keeps the trunk 0 people are used to dialling; E.164 does not.
        national = national.strip_prefix('0').unwrap_or(national);
    }
    // Elsewhere only E.164's own limit of 15 digits applies, and a floor of 8 below which no
    // real number falls.
    known_plan_allows(calling_code, national)
        .unwrap_or_else(|| (8..=15).contains(&digits.len()) && !national.is_empty())
        .then(|| PhoneNumber(format!("+{calling_code}{national}")))
        .ok_or(PhoneError::Invalid)
}

/// Only the known plans have a national format; elsewhere OSO cannot tell a trunk prefix from
/// the number itself.
fn from_national(digits: &str, country: Option<CountryCode>) -> Result<PhoneNumber, PhoneError> {
    let (_, calling_code) = KNOWN_PLANS
        .into_iter()
        .find(|(known, _)| Some(*known) == country)
        .ok_or(PhoneError::Invalid)?;
    let national = if has_trunk_zero(calling_code) {
        digits.strip_prefix('0').ok_or(PhoneError::Invalid)?
    } else {
        digits
    };
    (known_plan_allows(calling_code, national) == Some(true))
        .then(|| PhoneNumber(format!("+{calling_code}{national}")))
        .ok_or(PhoneError::Invalid)
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        PhoneNumber::parse(&value, None)
    }
}

impl From<PhoneNumber> for String {
    fn from(number: PhoneNumber) -> Self {
        number.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::value::{Error as ValueError, StrDeserializer};

    const BE: Option<CountryCode> = Some(CountryCode::BE);
    const NL: Option<CountryCode> = Some(CountryCode::NL);
    const LU: Option<CountryCode> = Some(CountryCode::LU);
    const FR: Option<CountryCode> = Some(CountryCode::FR);
    const DE: Option<CountryCode> = Some(CountryCode::DE);

    /// Each case is what was typed, the default country, and the E.164 form it must become.
    fn assert_accepted(cases: &[(&str, Option<CountryCode>, &str)]) {
        for &(input, country, expected) in cases {
            let stored = PhoneNumber::parse(input, country).map(String::from);
            assert_eq!(stored.as_deref(), Ok(expected), "{input:?}");
        }
    }

    fn assert_refused(cases: &[(&str, Option<CountryCode>)]) {
        for &(input, country) in cases {
            let parsed = PhoneNumber::parse(input, country);
            assert_eq!(parsed, Err(PhoneError::Invalid), "{input:?} in {country:?}");
        }
    }

    #[test]
    fn a_belgian_mobile_in_national_format_becomes_e164() {
        assert_accepted(&[
            ("0470 12 34 56", BE, "+32470123456"),
            ("0470/12.34.56", BE, "+32470123456"),
            ("(0470) 12-34-56", BE, "+32470123456"),
        ]);
    }

    #[test]
    fn international_prefixes_plus_and_double_zero_mean_the_same() {
        assert_accepted(&[
            ("+32 470 12 34 56", None, "+32470123456"),
            ("0032 470 12 34 56", None, "+32470123456"),
            ("0032 470 12 34 56", FR, "+32470123456"),
        ]);
    }

    #[test]
    fn a_trunk_zero_written_after_the_calling_code_is_dropped() {
        assert_accepted(&[
            ("+32 (0)470 12 34 56", None, "+32470123456"),
            ("+49 (0)30 1234567", None, "+49301234567"),
        ]);
        assert_refused(&[("+32 00 470 12 34 56", None), ("+33 0 0 12 34 56 78", None)]);
    }

    #[test]
    fn belgian_numbers_have_eight_digits_or_nine_for_mobiles() {
        assert_accepted(&[
            ("02 123 45 67", BE, "+3221234567"),
            ("04 221 22 11", BE, "+3242212211"),
        ]);
        assert_refused(&[
            ("02 123 45 678", BE),
            ("0470 12 34 567", BE),
            ("02 123 456", BE),
        ]);
    }

    #[test]
    fn neighbouring_countries_have_their_own_lengths() {
        assert_accepted(&[
            ("06 12345678", NL, "+31612345678"),
            ("06 12 34 56 78", FR, "+33612345678"),
            ("030 123456", DE, "+4930123456"),
            ("+49 1512 3456 78901", None, "+491512345678901"),
        ]);
        assert_refused(&[
            ("06 1234567", NL),
            ("06 12 34 56 7", FR),
            ("030 123", DE),
            ("+49 1512 3456 789012", None),
        ]);
    }

    #[test]
    fn luxembourg_numbers_are_typed_without_a_trunk_zero() {
        assert_accepted(&[
            ("621 123 456", LU, "+352621123456"),
            ("4711", LU, "+3524711"),
        ]);
        assert_refused(&[("0621 123 456", LU), ("+352 471", None)]);
    }

    #[test]
    fn other_countries_are_accepted_internationally_with_the_general_limits() {
        assert_accepted(&[
            ("+39 06 1234 5678", None, "+390612345678"),
            ("+1 (212) 555-0100", None, "+12125550100"),
            ("+44 20 7946 0", None, "+442079460"),
        ]);
        assert_refused(&[("+44 20 79", None), ("+44 1234 5678 901234", None)]);
    }

    #[test]
    fn a_calling_code_no_country_uses_is_refused() {
        assert_refused(&[("+28 1234 5678", None), ("+0 32 470 12 34 56", None)]);
    }

    #[test]
    fn national_format_needs_a_default_country_with_a_known_plan() {
        let italy = Some(CountryCode::parse("IT").expect("IT"));
        assert_refused(&[
            ("0470 12 34 56", None),
            ("06 1234 5678", italy),
            ("470 12 34 56", BE),
        ]);
    }

    #[test]
    fn letters_and_stray_plus_signs_are_refused() {
        assert_refused(&[
            ("0470 12 34 5x", BE),
            ("+32 470 +12 34 56", BE),
            ("++32470123456", BE),
            ("+", BE),
            ("()", BE),
            ("0800-FLOWERS", BE),
        ]);
    }

    #[test]
    fn an_empty_or_blank_number_is_required() {
        assert_eq!(PhoneNumber::parse("", BE), Err(PhoneError::Empty));
        assert_eq!(PhoneNumber::parse(" \t", BE), Err(PhoneError::Empty));
    }

    #[test]
    fn the_number_is_grouped_for_reading_after_its_calling_code() {
        for (input, shown, calling_code) in [
            ("+32470123456", "+32 470 12 34 56", "32"),
            ("+3221234567", "+32 21 23 45 67", "32"),
            ("+33612345678", "+33 6 12 34 56 78", "33"),
            ("+352621123456", "+352 621 12 34 56", "352"),
            ("+3524711", "+352 47 11", "352"),
            ("+12125550100", "+1 21 25 55 01 00", "1"),
        ] {
            let number = PhoneNumber::parse(input, None).expect("a valid number");
            assert_eq!(number.display(), shown);
            assert_eq!(number.country_calling_code(), calling_code);
        }
    }

    #[test]
    fn every_error_has_a_stable_field_code() {
        assert_eq!(PhoneError::Empty.field_code(), "required");
        assert_eq!(PhoneError::Invalid.field_code(), "invalid_phone");
    }

    #[test]
    fn deserialising_goes_through_the_parser() {
        let from_text = |text| PhoneNumber::deserialize(StrDeserializer::<ValueError>::new(text));
        let number = from_text("+32 470 12 34 56").expect("an international number");
        assert_eq!(String::from(number), "+32470123456");
        assert!(from_text("0470123456").is_err(), "no country to read it in");
    }

    /// The known plans, a country without one, and none at all.
    fn any_country() -> impl Strategy<Value = Option<CountryCode>> {
        let us = CountryCode::parse("US").ok();
        proptest::sample::select(vec![None, BE, NL, LU, FR, DE, us])
    }

    proptest! {
        #[test]
        fn parsing_printable_text_never_panics_and_is_idempotent(
            text in "\\PC*",
            country in any_country(),
        ) {
            if let Ok(number) = PhoneNumber::parse(&text, country) {
                prop_assert_eq!(PhoneNumber::parse(number.as_str(), None), Ok(number.clone()));
                prop_assert_eq!(PhoneNumber::parse(&number.display(), None), Ok(number.clone()));
            }
        }

        #[test]
        fn parsing_any_string_never_panics(text in any::<String>(), country in any_country()) {
            let _ = PhoneNumber::parse(&text, country);
        }

        #[test]
        fn numbers_made_of_digits_and_separators_parse_idempotently(
            text in "(\\+|00|0)?[0-9 ./()-]{0,20}",
            country in any_country(),
        ) {
            if let Ok(number) = PhoneNumber::parse(&text, country) {
                let stored = number.as_str();
                prop_assert!(stored.starts_with('+') && (8..=16).contains(&stored.len()));
                prop_assert_eq!(PhoneNumber::parse(stored, None), Ok(number.clone()));
                prop_assert_eq!(PhoneNumber::parse(&number.display(), None), Ok(number.clone()));
                prop_assert!(stored[1..].starts_with(number.country_calling_code()));
                prop_assert!(!number.country_calling_code().is_empty());
            }
        }

        #[test]
        fn every_belgian_mobile_is_accepted_however_it_is_written(
            digits in "4[6-9][0-9]{7}",
            separator in "[ ./-]?",
        ) {
            let grouped = format!("0{}{separator}{}{separator}{}", &digits[..3], &digits[3..6], &digits[6..]);
            let number = PhoneNumber::parse(&grouped, BE).expect("a Belgian mobile");
            prop_assert_eq!(number.as_str(), format!("+32{digits}"));
        }
    }
}
