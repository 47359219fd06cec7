//! Free text a user must fill in, such as a person's or a company's name.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The longest name OSO accepts; long enough for any real company name, short enough to fit on a
/// shipping label and in an e-mail greeting.
pub const NAME_MAX_CHARS: usize = 120;

/// Non-empty text on one line: trimmed, with every run of whitespace (tabs and line breaks
/// pasted from elsewhere included) reduced to one space, and without control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RequiredText(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum TextError {
    #[error("this field is required")]
    Empty,
    #[error("the text is too long")]
    TooLong,
    #[error("the text contains characters that are not allowed")]
    InvalidCharacters,
}

impl TextError {
    /// The stable code the UI translates (`error-<code>`).
    pub fn field_code(&self) -> &'static str {
        match self {
            TextError::Empty => "required",
            TextError::TooLong => "too_long",
            TextError::InvalidCharacters => "invalid_characters",
        }
    }
}

impl RequiredText {
    /// Normalises the whitespace first, so `max_chars` (counted in Unicode characters) applies to
    /// what is stored, not to what was typed.
    pub fn parse(input: &str, max_chars: usize) -> Result<Self, TextError> {
        let mut normalised = String::with_capacity(input.len());
        for word in input.split_whitespace() {
            if !normalised.is_empty() {
                normalised.push(' ');
            }
            normalised.push_str(word);
        }
        if normalised.is_empty() {
            return Err(TextError::Empty);
        }
        if normalised.chars().any(is_refused) {
            return Err(TextError::InvalidCharacters);
        }
        if normalised.chars().count() > max_chars {
            return Err(TextError::TooLong);
        }
        Ok(RequiredText(normalised))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Control characters have no place in a name. Bidirectional embeddings, overrides and isolates
/// are refused too: they can reorder what a reader sees in an e-mail or on a label (a name that
/// displays as something it is not), and no one needs them to write a name.
fn is_refused(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl fmt::Display for RequiredText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The length limit is the policy of each field, checked where that field is parsed; what comes
/// back from storage is held to everything else a `RequiredText` guarantees.
impl TryFrom<String> for RequiredText {
    type Error = TextError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        RequiredText::parse(&value, usize::MAX)
    }
}

impl From<RequiredText> for String {
    fn from(text: RequiredText) -> Self {
        text.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::value::{Error as ValueError, StrDeserializer};
    use serde::de::IntoDeserializer;

    fn parse_name(input: &str) -> Result<String, TextError> {
        RequiredText::parse(input, NAME_MAX_CHARS).map(String::from)
    }

    #[test]
    fn surrounding_spaces_are_trimmed_and_inner_runs_collapse_to_one_space() {
        assert_eq!(
            parse_name("  Acme \t  Shipping\n\nBVBA  "),
            Ok("Acme Shipping BVBA".to_owned())
        );
    }

    #[test]
    fn names_in_any_script_are_kept_as_typed() {
        assert_eq!(
            parse_name("Zoë Ñúñez-Ørsted"),
            Ok("Zoë Ñúñez-Ørsted".to_owned())
        );
        assert_eq!(parse_name("株式会社 オソ"), Ok("株式会社 オソ".to_owned()));
    }

    #[test]
    fn empty_or_blank_text_is_required() {
        assert_eq!(parse_name(""), Err(TextError::Empty));
        assert_eq!(parse_name(" \t\n\u{00A0}"), Err(TextError::Empty));
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(parse_name("Acme\u{0}BV"), Err(TextError::InvalidCharacters));
        assert_eq!(parse_name("Acme\u{7}"), Err(TextError::InvalidCharacters));
        assert_eq!(
            parse_name("Acme\u{1B}[31m"),
            Err(TextError::InvalidCharacters)
        );
    }

    #[test]
    fn bidirectional_overrides_are_refused() {
        assert_eq!(
            parse_name("Acme\u{202E}gpj.exe"),
            Err(TextError::InvalidCharacters)
        );
        assert_eq!(
            parse_name("\u{2067}Acme"),
            Err(TextError::InvalidCharacters)
        );
    }

    #[test]
    fn the_limit_counts_characters_after_normalising() {
        let exactly = "é".repeat(NAME_MAX_CHARS);
        assert!(parse_name(&exactly).is_ok());
        assert_eq!(parse_name(&format!("{exactly}é")), Err(TextError::TooLong));
        assert!(RequiredText::parse("a      b", 3).is_ok());
    }

    #[test]
    fn every_error_has_a_stable_field_code() {
        assert_eq!(TextError::Empty.field_code(), "required");
        assert_eq!(TextError::TooLong.field_code(), "too_long");
        assert_eq!(
            TextError::InvalidCharacters.field_code(),
            "invalid_characters"
        );
    }

    #[test]
    fn deserialising_goes_through_the_parser() {
        let messy: StrDeserializer<'_, ValueError> = "  Acme   BV ".into_deserializer();
        assert_eq!(
            RequiredText::deserialize(messy).map(String::from),
            Ok("Acme BV".to_owned())
        );
        let blank: StrDeserializer<'_, ValueError> = "   ".into_deserializer();
        assert!(RequiredText::deserialize(blank).is_err());
    }

    proptest! {
        #[test]
        fn parsing_printable_text_never_panics_and_is_idempotent(
            text in "\\PC*",
            max in 0usize..200,
        ) {
            if let Ok(parsed) = RequiredText::parse(&text, max) {
                prop_assert_eq!(RequiredText::parse(parsed.as_str(), max), Ok(parsed.clone()));
                prop_assert!(parsed.as_str().chars().count() <= max);
            }
        }

        #[test]
        fn parsing_any_string_never_panics_and_is_idempotent(text in any::<String>()) {
            if let Ok(parsed) = RequiredText::parse(&text, NAME_MAX_CHARS) {
                prop_assert_eq!(
                    RequiredText::parse(parsed.as_str(), NAME_MAX_CHARS),
                    Ok(parsed.clone())
                );
            }
        }

        #[test]
        fn accepted_text_is_trimmed_on_one_line_and_free_of_double_spaces(text in any::<String>()) {
            if let Ok(parsed) = RequiredText::parse(&text, usize::MAX) {
                let stored = parsed.as_str();
                prop_assert_eq!(stored, stored.trim());
                prop_assert!(!stored.contains("  "));
                prop_assert!(!stored.chars().any(|c| c.is_whitespace() && c != ' '));
            }
        }
    }
}
