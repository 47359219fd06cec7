//! Phone numbers, stored in E.164 (`+32470123456`) so the carrier's systems and SMS gateways
//! read them without guessing, and shown grouped for people.
//!
//! Whether a number exists is libphonenumber's call (the `phonenumber` crate and its numbering
//! plans of every country), not a hand-kept list of lengths.

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

impl PhoneNumber {
    /// Reads a number as people write it: spaces, dots, dashes, slashes and parentheses are
    /// ignored, `00` stands for `+`, and a `(0)` after the calling code is dropped. A number
    /// without `+` or `00` is read in the national format of `default_country`.
    ///
    /// libphonenumber's data (the `phonenumber` crate) decides whether the number exists in its
    /// country's numbering plan. What may be typed stays OSO's own rule: digits and separators
    /// after at most one `+`, because libphonenumber would also read letters (`0800-FLOWERS`),
    /// extensions and repeated plus signs, none of which belong on a shipping label.
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
        let (text, region) = match international {
            Some(_) => (format!("+{digits}"), None),
            None => (digits.to_owned(), Some(region_of(default_country)?)),
        };
        let number = phonenumber::parse(region, text).map_err(|_| PhoneError::Invalid)?;
        if !phonenumber::is_valid(&number) {
            return Err(PhoneError::Invalid);
        }
        Ok(PhoneNumber(
            number.format().mode(phonenumber::Mode::E164).to_string(),
        ))
    }

    /// The number in E.164: `+`, the calling code and the national significant number.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country calling code without `+`, such as `32` for Belgium.
    pub fn country_calling_code(&self) -> String {
        self.parsed()
            .map(|number| number.code().value().to_string())
            .unwrap_or_default()
    }

    /// The number grouped for reading as its country groups it: `+32 470 12 34 56`,
    /// `+32 2 123 45 67`, `+33 6 12 34 56 78`.
    pub fn display(&self) -> String {
        self.parsed()
            .map(|number| {
                number
                    .format()
                    .mode(phonenumber::Mode::International)
                    .to_string()
            })
            .unwrap_or_else(|| self.0.clone())
    }

    /// The stored E.164 text read back; it was valid when stored, so this does not fail.
    fn parsed(&self) -> Option<phonenumber::PhoneNumber> {
        phonenumber::parse(None, &self.0).ok()
    }
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '/' | '(' | ')')
}

/// The country whose national format a number without `+` is read in; none means such a number
/// cannot be read.
fn region_of(country: Option<CountryCode>) -> Result<phonenumber::country::Id, PhoneError> {
    country
        .and_then(|country| country.as_str().parse().ok())
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
        assert_refused(&[("+33 0 0 12 34 56 78", None)]);
    }

    #[test]
    fn belgian_numbers_have_eight_digits_or_nine_for_mobiles() {
        assert_accepted(&[
            ("02 223 45 67", BE, "+3222234567"),
            ("04 221 22 11", BE, "+3242212211"),
        ]);
        assert_refused(&[
            // Eight digits, but no Brussels number starts 02 1: the old rules, which counted
            // digits only, let it through.
            ("02 123 45 67", BE),
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
            ("+49 1512 3456789", None, "+4915123456789"),
        ]);
        assert_refused(&[
            ("06 1234567", NL),
            ("06 12 34 56 7", FR),
            // Germany's numbers vary in length, and libphonenumber takes Berlin's `030 123`,
            // which the old rules refused; two digits are too few even there.
            ("030 12", DE),
            ("+49 1512 3456 789012", None),
            // Within E.164's 15 digits, which is all the old rules checked, but too long for a
            // German mobile.
            ("+49 1512 3456 78901", None),
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
    fn other_countries_are_held_to_their_own_numbering_plans() {
        assert_accepted(&[
            ("+39 06 1234 5678", None, "+390612345678"),
            ("+1 (212) 555-0100", None, "+12125550100"),
            ("+44 20 7946 0000", None, "+442079460000"),
        ]);
        assert_refused(&[
            ("+44 20 79", None),
            ("+44 1234 5678 901234", None),
            // Nine digits passed the old rules' general limits; London numbers have ten after
            // the calling code.
            ("+44 20 7946 0", None),
        ]);
    }

    #[test]
    fn a_calling_code_no_country_uses_is_refused() {
        assert_refused(&[("+28 1234 5678", None), ("+0 32 470 12 34 56", None)]);
    }

    #[test]
    fn national_format_needs_a_default_country() {
        assert_refused(&[("0470 12 34 56", None), ("06 1234 5678", None)]);
    }

    /// libphonenumber knows every country's national format, where the old rules knew five and
    /// refused the rest; and it reads a national number whose trunk 0 was left out.
    #[test]
    fn national_format_is_read_in_any_country_and_without_its_trunk_zero() {
        let italy = Some(CountryCode::parse("IT").expect("IT"));
        assert_accepted(&[
            ("06 1234 5678", italy, "+390612345678"),
            ("470 12 34 56", BE, "+32470123456"),
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
    fn the_number_is_grouped_for_reading_as_its_country_groups_it() {
        for (input, shown, calling_code) in [
            ("+32470123456", "+32 470 12 34 56", "32"),
            ("+3222234567", "+32 2 223 45 67", "32"),
            ("+33612345678", "+33 6 12 34 56 78", "33"),
            ("+352621123456", "+352 621 123 456", "352"),
            ("+3524711", "+352 4711", "352"),
            ("+12125550100", "+1 212-555-0100", "1"),
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

    /// The countries OSO serves most, one further away, and none at all.
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
                // E.164 allows at most 15 digits; the shortest valid numbers are plan-specific
                // (libphonenumber accepts `+49 1640`, a German service number), so only the
                // upper bound is OSO's to check.
                prop_assert!(stored.starts_with('+') && stored.len() <= 16);
                prop_assert!(stored.len() > 1 + number.country_calling_code().len());
                prop_assert_eq!(PhoneNumber::parse(stored, None), Ok(number.clone()));
                prop_assert_eq!(PhoneNumber::parse(&number.display(), None), Ok(number.clone()));
                prop_assert!(stored[1..].starts_with(&number.country_calling_code()));
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
