//! Fluent catalogues: every user-visible string, in the UI and in e-mails, is a message in
//! `locales/<language>/*.ftl`, formatted here.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::Language;

/// The messages of one language, ready to format.
pub struct Catalogue {
    language: Language,
    bundle: FluentBundle<FluentResource>,
    ids: Vec<String>,
    /// The `.ftl` texts it was built from, in order: the UI builds its own bundle from them.
    source: String,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("language", &self.language)
            .field("messages", &self.ids.len())
            .finish()
    }
}

/// A broken `.ftl` file is a bug in the build, found by the tests, never a user's problem.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("{language}/{file}: Fluent syntax errors: {errors}")]
    Syntax {
        language: Language,
        file: String,
        errors: String,
    },
    #[error("{language}/{file}: message {id} is defined twice")]
    Duplicate {
        language: Language,
        file: String,
        id: String,
    },
}

impl Catalogue {
    /// Builds the catalogue of `language` from `(file name, text)` pairs.
    pub fn new(language: Language, sources: &[(&str, &str)]) -> Result<Self, CatalogueError> {
        let langid: LanguageIdentifier = language
            .code()
            .parse()
            .unwrap_or_else(|_| LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Isolation marks help right-to-left scripts; OSO's three languages do not need them and
        // they would show up in window titles and test assertions.
        bundle.set_use_isolating(false);
        let mut ids = Vec::new();
        let mut source = String::new();
        for (file, text) in sources {
            source.push_str(text);
            source.push('\n');
            let resource = FluentResource::try_new((*text).to_owned()).map_err(|(_, errors)| {
                CatalogueError::Syntax {
                    language,
                    file: (*file).to_owned(),
                    errors: format!("{errors:?}"),
                }
            })?;
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(message) = entry {
                    ids.push(message.id.name.to_owned());
                }
            }
            bundle
                .add_resource(resource)
                .map_err(|errors| CatalogueError::Duplicate {
                    language,
                    file: (*file).to_owned(),
                    id: format!("{errors:?}"),
                })?;
        }
        ids.sort();
        Ok(Self {
            language,
            bundle,
            ids,
            source,
        })
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The ids of every message, sorted.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Formats message `id` with `args`; `None` when the catalogue has no such message.
    pub fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }

    /// Formats message `id` with `args`, or gives the id itself when the catalogue lacks it
    /// (the translation tests keep every id present, so a user never sees one).
    pub fn say(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.format(id, args).unwrap_or_else(|| id.to_owned())
    }

    /// The Fluent source of every message, for a formatter of its own (the UI's).
    pub fn source(&self) -> &str {
        &self.source
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "greeting = Hallo { $name }!\nnav-order = Nieuwe opdracht\n";

    #[test]
    fn saying_a_missing_message_gives_its_id() {
        let catalogue = Catalogue::new(Language::Nl, &[("ui.ftl", SAMPLE)]).expect("valid");
        assert_eq!(catalogue.say("nav-order", &[]), "Nieuwe opdracht");
        assert_eq!(catalogue.say("no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn a_message_is_formatted_with_its_arguments() {
        let catalogue = Catalogue::new(Language::Nl, &[("ui.ftl", SAMPLE)]).expect("valid");
        let text = catalogue.format("greeting", &[("name", FluentValue::from("Ann"))]);
        assert_eq!(text.as_deref(), Some("Hallo Ann!"));
    }

    #[test]
    fn an_unknown_message_is_none_rather_than_its_id() {
        let catalogue = Catalogue::new(Language::Nl, &[("ui.ftl", SAMPLE)]).expect("valid");
        assert_eq!(catalogue.format("missing", &[]), None);
    }

    #[test]
    fn the_source_holds_every_file_in_order() {
        let catalogue = Catalogue::new(Language::Nl, &[("a.ftl", "x = 1"), ("b.ftl", "y = 2\n")])
            .expect("valid");
        assert_eq!(catalogue.source(), "x = 1\ny = 2\n\n");
        assert_eq!(catalogue.ids(), ["x", "y"]);
    }

    #[test]
    fn a_syntax_error_names_the_language_and_file() {
        let error = Catalogue::new(Language::Fr, &[("ui.ftl", "= no id\n")]).expect_err("broken");
        assert!(error.to_string().starts_with("fr/ui.ftl"), "{error}");
    }

    #[test]
    fn a_message_defined_twice_is_refused() {
        let result = Catalogue::new(Language::En, &[("a.ftl", "x = 1\n"), ("b.ftl", "x = 2\n")]);
        assert!(matches!(result, Err(CatalogueError::Duplicate { .. })));
    }
}
