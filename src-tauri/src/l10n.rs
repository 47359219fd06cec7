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
            (
                "auth.ftl",
                include_str!(concat!("../../locales/", $lang, "/auth.ftl")),
            ),
            (
                "personal.ftl",
                include_str!(concat!("../../locales/", $lang, "/personal.ftl")),
            ),
            (
                "address-book.ftl",
                include_str!(concat!("../../locales/", $lang, "/address-book.ftl")),
            ),
            (
                "order.ftl",
                include_str!(concat!("../../locales/", $lang, "/order.ftl")),
            ),
            (
                "history.ftl",
                include_str!(concat!("../../locales/", $lang, "/history.ftl")),
            ),
            (
                "esecure.ftl",
                include_str!(concat!("../../locales/", $lang, "/esecure.ftl")),
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

/// The display language: the user's choice, or the OS language until they make one (also
/// when the local store cannot be read, which must not silence a notification).
pub async fn display_language(local: &oso_desktop::local::LocalStore) -> Language {
    match local.ui_language().await {
        Ok(Some(chosen)) => chosen,
        Ok(None) => os_language(),
        Err(error) => {
            tracing::warn!(%error, "cannot read the display language; the OS language instead");
            os_language()
        }
    }
}

/// The locale the UI writes dates and numbers in for `language` (see
/// [`Language::format_locale`]).
pub fn format_locale(language: Language) -> String {
    let locales: Vec<String> = sys_locale::get_locales().collect();
    language.format_locale(locales.iter().map(String::as_str))
}

/// The language the OS asks for, when OSO speaks it; English otherwise.
pub fn os_language() -> Language {
    let locales: Vec<String> = sys_locale::get_locales().collect();
    Language::from_os_preferences(locales.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files the service renders (e-mails and its web pages); every other file is the UI's.
    const SERVICE_FILES: [&str; 2] = ["email.ftl", "web.ftl"];

    #[test]
    fn every_ui_message_file_in_locales_is_compiled_in() {
        let locales = Locales::load().expect("the shipped catalogues are valid");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
        let mut defined = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("locales/en").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".ftl") || SERVICE_FILES.contains(&name.as_str()) {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).expect("readable");
            defined.extend(
                text.lines()
                    .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
                    .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_owned())),
            );
        }
        let compiled = locales.catalogue(Language::En).ids();
        let missing: Vec<_> = defined.iter().filter(|id| !compiled.contains(id)).collect();
        assert!(
            missing.is_empty(),
            "in locales/en but not compiled in: {missing:?}"
        );
    }

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
