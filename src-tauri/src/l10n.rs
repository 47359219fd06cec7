//! The UI's messages in the three languages, compiled into the binary from `locales/` so an
//! installed app can never miss a file.

use oso_core::{Catalogue, CatalogueError, Language};

/// The `.ftl` files the desktop uses, per language, in the order they are added.
macro_rules! desktop_sources {
    ($lang:literal) => {
        [
            (
                "ui.ftl",
                include_str!(concat!("../../locales/", $lang, "/ui.ftl")),
            ),
            (
                "errors.ftl",
                include_str!(concat!("../../locales/", $lang, "/errors.ftl")),
            ),
        ]
    };
}

#[derive(Debug)]
pub struct Locales {
    nl: Catalogue,
    en: Catalogue,
    fr: Catalogue,
}

impl Locales {
    pub fn load() -> Result<Self, CatalogueError> {
        Ok(Self {
            nl: Catalogue::new(Language::Nl, &desktop_sources!("nl"))?,
            en: Catalogue::new(Language::En, &desktop_sources!("en"))?,
            fr: Catalogue::new(Language::Fr, &desktop_sources!("fr"))?,
        })
    }

    pub fn catalogue(&self, language: Language) -> &Catalogue {
        match language {
            Language::Nl => &self.nl,
            Language::En => &self.en,
            Language::Fr => &self.fr,
        }
    }
}

/// The language the OS asks for, when OSO speaks it; English otherwise.
pub fn os_language() -> Language {
    let locales: Vec<String> = sys_locale::get_locales().collect();
    Language::from_os_preferences(locales.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_catalogues_load_and_define_the_same_messages() {
        let locales = Locales::load().expect("the shipped catalogues are valid");
        let english = locales.catalogue(Language::En).ids();
        assert!(!english.is_empty());
        for language in Language::ALL {
            assert_eq!(locales.catalogue(language).ids(), english, "{language}");
        }
    }
}
