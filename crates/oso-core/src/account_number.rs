//! The carrier's customer account number: the key under which the carrier bills an order, so a
//! typo must be caught before it reaches them rather than guessed at.

use std::fmt;

use serde::{Deserialize, Serialize};

const DIGITS: usize = 9;
/// How many trailing digits stay readable when the number is masked: enough for a customer to
/// recognise their account, too few to be useful to anyone reading over their shoulder.
const VISIBLE_DIGITS: usize = 4;

/// Exactly nine ASCII digits, without the separators they may have been typed with.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AccountNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum AccountNumberError {
    #[error("an account number is required")]
    Empty,
    #[error("an account number has exactly nine digits")]
    Invalid,
}

impl AccountNumberError {
    /// The stable code the UI translates (`error-<code>`).
    pub fn field_code(&self) -> &'static str {
        match self {
            AccountNumberError::Empty => "required",
            AccountNumberError::Invalid => "invalid_account_number",
        }
    }
}

impl AccountNumber {
    /// Reads the number as people copy it from an invoice: `95 1234 567`, `951-234-567`,
    /// `951.234.567`. Spaces may surround a dot or dash, but every separator must sit between two
    /// digits, and at most one dot or dash between the same two: `951--234567` looks like a
    /// slip of the keyboard and is refused rather than read as something the user may not mean.
    pub fn parse(input: &str) -> Result<Self, AccountNumberError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(AccountNumberError::Empty);
        }
        let mut digits = String::with_capacity(DIGITS);
        // Whether a dot or dash has been seen since the last digit.
        let mut punctuation_since_digit = false;
        for c in trimmed.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                punctuation_since_digit = false;
            } else if digits.is_empty() {
                // Trimming leaves no leading whitespace, so this is a leading dot or dash.
                return Err(AccountNumberError::Invalid);
            } else if matches!(c, '.' | '-') && !punctuation_since_digit {
                punctuation_since_digit = true;
            } else if !c.is_whitespace() {
                return Err(AccountNumberError::Invalid);
            }
        }
        // A trailing separator is refused like a leading one; trimming took trailing spaces.
        let ends_with_digit = trimmed.ends_with(|c: char| c.is_ascii_digit());
        if digits.len() != DIGITS || !ends_with_digit {
            return Err(AccountNumberError::Invalid);
        }
        Ok(AccountNumber(digits))
    }

    /// The nine digits, without separators.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number with all but its last four digits hidden (`•••••4567`), for e-mails, which
    /// can be forwarded and read by people who have no business knowing the whole number.
    pub fn masked(&self) -> String {
        let hidden = self.0.len().saturating_sub(VISIBLE_DIGITS);
        let mut masked = "•".repeat(hidden);
        masked.push_str(&self.0[hidden..]);
        masked
    }
}

impl fmt::Display for AccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for AccountNumber {
    type Error = AccountNumberError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        AccountNumber::parse(&value)
    }
}

impl From<AccountNumber> for String {
    fn from(number: AccountNumber) -> Self {
        number.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::value::{Error as ValueError, StrDeserializer};
    use serde::de::IntoDeserializer;

    fn stored(input: &str) -> Result<String, AccountNumberError> {
        AccountNumber::parse(input).map(String::from)
    }

    #[test]
    fn nine_digits_are_stored_as_typed() {
        assert_eq!(stored("951234567"), Ok("951234567".to_owned()));
        assert_eq!(stored("000000000"), Ok("000000000".to_owned()));
    }

    #[test]
    fn surrounding_whitespace_is_ignored() {
        assert_eq!(stored("  951234567 \n"), Ok("951234567".to_owned()));
        assert_eq!(stored("\t951234567\u{00A0}"), Ok("951234567".to_owned()));
    }

    #[test]
    fn spaces_dots_and_dashes_between_digit_groups_are_dropped() {
        for input in [
            "95 1234 567",
            "951-234-567",
            "951.234.567",
            "951 - 234 - 567",
            "95  1234   567",
            "9-5-1-2-3-4-5-6-7",
        ] {
            assert_eq!(stored(input), Ok("951234567".to_owned()), "{input:?}");
        }
    }

    #[test]
    fn separators_outside_the_digits_or_doubled_are_refused() {
        for input in [
            "-951234567",
            ".951234567",
            "951234567-",
            "951234567.",
            "951--234567",
            "951.-234567",
            "951 - - 234567",
        ] {
            assert_eq!(
                AccountNumber::parse(input),
                Err(AccountNumberError::Invalid),
                "{input:?}"
            );
        }
    }

    #[test]
    fn anything_but_nine_digits_is_refused() {
        for input in [
            "95123456",
            "9512345678",
            "95123456x",
            "BE951234567",
            "951/234/567",
            "951_234_567",
            "９５１２３４５６７",
            "٩٥١٢٣٤٥٦٧",
            "-",
        ] {
            assert_eq!(
                AccountNumber::parse(input),
                Err(AccountNumberError::Invalid),
                "{input:?}"
            );
        }
    }

    #[test]
    fn an_empty_or_blank_number_is_required() {
        assert_eq!(AccountNumber::parse(""), Err(AccountNumberError::Empty));
        assert_eq!(
            AccountNumber::parse(" \t\n"),
            Err(AccountNumberError::Empty)
        );
    }

    #[test]
    fn masking_hides_all_but_the_last_four_digits() {
        let number = AccountNumber::parse("95 1234 567").expect("a valid number");
        assert_eq!(number.masked(), "•••••4567");
        assert_eq!(number.to_string(), "951234567");
        assert_eq!(number.as_str(), "951234567");
    }

    #[test]
    fn every_error_has_a_stable_field_code() {
        assert_eq!(AccountNumberError::Empty.field_code(), "required");
        assert_eq!(
            AccountNumberError::Invalid.field_code(),
            "invalid_account_number"
        );
    }

    #[test]
    fn serialising_writes_the_digits_and_deserialising_goes_through_the_parser() {
        let typed: StrDeserializer<'_, ValueError> = "951-234-567".into_deserializer();
        let number = AccountNumber::deserialize(typed).expect("a valid number");
        assert_eq!(String::from(number), "951234567");
        let invalid: StrDeserializer<'_, ValueError> = "12345".into_deserializer();
        assert!(AccountNumber::deserialize(invalid).is_err());
    }

    proptest! {
        #[test]
        fn parsing_any_string_never_panics_and_is_idempotent(text in any::<String>()) {
            if let Ok(number) = AccountNumber::parse(&text) {
                prop_assert_eq!(AccountNumber::parse(number.as_str()), Ok(number.clone()));
            }
        }

        #[test]
        fn parsing_digits_and_separators_never_panics_and_is_idempotent(
            text in "[0-9 .-]{0,20}",
        ) {
            if let Ok(number) = AccountNumber::parse(&text) {
                prop_assert_eq!(number.as_str().len(), 9);
                prop_assert!(number.as_str().bytes().all(|b| b.is_ascii_digit()));
                prop_assert_eq!(AccountNumber::parse(number.as_str()), Ok(number.clone()));
            }
        }

        #[test]
        fn nine_digits_grouped_with_any_single_separator_are_accepted(
            digits in "[0-9]{9}",
            split in 1usize..9,
            separator in "( |\\.|-| - )",
        ) {
            let typed = format!("{}{separator}{}", &digits[..split], &digits[split..]);
            let number = AccountNumber::parse(&typed).expect("grouped digits");
            prop_assert_eq!(number.as_str(), digits.as_str());
            let masked = number.masked();
            prop_assert_eq!(masked.chars().filter(|&c| c == '•').count(), 5);
            prop_assert!(masked.ends_with(&digits[5..]));
        }
    }
}
