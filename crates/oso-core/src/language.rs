//! The three languages OSO speaks: the display language of a desktop and the language of a
//! user's e-mails are both a [`Language`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Nl,
    En,
    Fr,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}; expected nl, en or fr")]
pub struct UnknownLanguage(pub String);

impl Language {
    /// In the order the language selector lists them, as the manual does.
    pub const ALL: [Language; 3] = [Language::Nl, Language::En, Language::Fr];

    /// Used when nothing better is known (an OS locale OSO does not speak).
    pub const FALLBACK: Language = Language::En;

    /// The BCP 47 primary language subtag, also the name of the folder under `locales/`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
            Language::Fr => "fr",
        }
    }

    /// Reads a locale as operating systems and browsers write it (`nl`, `nl-BE`, `fr_BE.UTF-8`,
    /// `en_US@euro`) and keeps only the language.
    pub fn from_locale(locale: &str) -> Result<Self, UnknownLanguage> {
        let primary = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "nl" => Ok(Language::Nl),
            "en" => Ok(Language::En),
            "fr" => Ok(Language::Fr),
            _ => Err(UnknownLanguage(locale.to_owned())),
        }
    }

    /// The first language of the OS's preference list that OSO speaks, else English.
    pub fn from_os_preferences<'a>(locales: impl IntoIterator<Item = &'a str>) -> Self {
        locales
            .into_iter()
            .find_map(|locale| Language::from_locale(locale).ok())
            .unwrap_or(Language::FALLBACK)
    }
}

impl Language {
    /// The language a browser asks for in its `Accept-Language` header (`fr-BE,fr;q=0.9,en;q=0.8`):
    /// the first one OSO speaks, else English. `fluent-langneg` parses the header and matches it
    /// against OSO's languages (a region or script in the request still finds its language), in
    /// the header's order as Fluent does; the weights are not read.
    pub fn from_accept_language(header: &str) -> Self {
        // Language tags hold no whitespace, and the parser does not expect any before a `;`
        // (`nl ; q=1`), which RFC 9110 allows.
        let compact: String = header.split_whitespace().collect();
        let requested = fluent_langneg::parse_accepted_languages(&compact);
        let available =
            fluent_langneg::convert_vec_str_to_langids_lossy(Language::ALL.map(Language::code));
        fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Filtering,
        )
        .first()
        .and_then(|chosen| Language::from_locale(chosen.language.as_str()).ok())
        .unwrap_or(Language::FALLBACK)
    }

    /// The locale dates and numbers are written in: this language in the region of the first OS
    /// locale that speaks it (`nl-BE` for a Belgian desktop, `fr-BE`, `en-GB`), or the bare
    /// language when none names a region. The words stay the language's own either way.
    pub fn format_locale<'a>(self, os_locales: impl IntoIterator<Item = &'a str>) -> String {
        os_locales
            .into_iter()
            .filter(|locale| Language::from_locale(locale) == Ok(self))
            .find_map(|locale| {
                // `nl_BE.UTF-8@euro` → `BE`.
                let bare = locale.split(['.', '@']).next().unwrap_or_default();
                let region = bare.split(['_', '-']).nth(1)?;
                let fits = region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic());
                fits.then(|| format!("{}-{}", self.code(), region.to_ascii_uppercase()))
            })
            .unwrap_or_else(|| self.code().to_owned())
    }
}

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::from_locale(s)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn locales_as_the_os_writes_them_are_understood() {
        assert_eq!(Language::from_locale("nl_BE.UTF-8"), Ok(Language::Nl));
        assert_eq!(Language::from_locale("fr-BE"), Ok(Language::Fr));
        assert_eq!(Language::from_locale("en_US@euro"), Ok(Language::En));
        assert_eq!(Language::from_locale("FR"), Ok(Language::Fr));
    }

    #[test]
    fn a_language_oso_does_not_speak_is_refused() {
        assert!(Language::from_locale("de_DE.UTF-8").is_err());
        assert!(Language::from_locale("").is_err());
        assert!(Language::from_locale("C").is_err());
    }

    #[test]
    fn the_os_preference_list_is_followed_in_order_and_falls_back_to_english() {
        assert_eq!(
            Language::from_os_preferences(["de-DE", "fr-FR", "nl-NL"]),
            Language::Fr
        );
        assert_eq!(
            Language::from_os_preferences(["de-DE", "it-IT"]),
            Language::En
        );
        assert_eq!(Language::from_os_preferences([]), Language::En);
    }

    #[test]
    fn a_browser_s_accept_language_header_picks_the_first_language_oso_speaks() {
        assert_eq!(
            Language::from_accept_language("de-DE,fr-BE;q=0.8,nl;q=0.5"),
            Language::Fr
        );
        assert_eq!(Language::from_accept_language("nl-BE"), Language::Nl);
        assert_eq!(
            Language::from_accept_language(" NL ; q=1 , en"),
            Language::Nl
        );
        assert_eq!(
            Language::from_accept_language("en-GB,en;q=0.9"),
            Language::En
        );
    }

    #[test]
    fn an_accept_language_header_without_a_language_oso_speaks_falls_back_to_english() {
        assert_eq!(
            Language::from_accept_language("de-DE,it;q=0.5"),
            Language::En
        );
        assert_eq!(Language::from_accept_language("*"), Language::En);
        assert_eq!(Language::from_accept_language(""), Language::En);
        assert_eq!(Language::from_accept_language(",;;,"), Language::En);
    }

    #[test]
    fn dates_and_numbers_follow_the_region_of_the_os_locale_that_speaks_the_language() {
        assert_eq!(Language::Nl.format_locale(["nl_BE.UTF-8"]), "nl-BE");
        assert_eq!(Language::Fr.format_locale(["nl-BE", "fr-BE"]), "fr-BE");
        assert_eq!(
            Language::En.format_locale(["nl-BE", "en_GB.UTF-8"]),
            "en-GB"
        );
        // Chosen in the app, not spoken by the OS: the language alone.
        assert_eq!(Language::Fr.format_locale(["nl-BE"]), "fr");
        assert_eq!(Language::Nl.format_locale(["nl"]), "nl");
        assert_eq!(Language::Nl.format_locale(["nl_BEL"]), "nl");
    }

    #[test]
    fn every_language_reads_back_from_its_code() {
        for language in Language::ALL {
            assert_eq!(language.code().parse::<Language>(), Ok(language));
        }
    }

    proptest! {
        #[test]
        fn parsing_any_text_never_panics_and_only_accepts_the_three_languages(text in "\\PC*") {
            if let Ok(language) = Language::from_locale(&text) {
                prop_assert!(text.to_ascii_lowercase().starts_with(language.code()));
            }
        }
    }
}
