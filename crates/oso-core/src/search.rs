//! Catalogue search as the user types: case- and accent-insensitive ("enveloppe" finds
//! "Enveloppe", "bulle" finds "bulles", "geschenkdoos" finds "Geschenkdoos"), every typed word
//! must appear, filters narrow by category and size. The haystacks are folded once when the
//! index is built, so a keystroke only scans prepared strings.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower case, without diacritics, with runs of whitespace as one space.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut last_was_space = true;
    // Lower case first: some capitals lower to a letter plus a combining mark (İ → i̇), which the
    // decomposition step then removes, so folding twice gives the same text.
    let lowered: String = text.chars().flat_map(char::to_lowercase).collect();
    for character in lowered.nfd().filter(|c| !is_combining_mark(*c)) {
        if character.is_whitespace() {
            if !last_was_space {
                folded.push(' ');
            }
            last_was_space = true;
        } else {
            folded.push(character);
            last_was_space = false;
        }
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// One searchable item: its key, the texts a user may search in, and what filters see.
#[derive(Debug, Clone)]
pub struct SearchEntry {
    pub key: String,
    pub texts: Vec<String>,
    pub category: String,
    pub size: Option<String>,
}

#[derive(Debug, Clone)]
struct Prepared {
    key: String,
    haystack: String,
    category: String,
    size: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Prepared>,
}

impl SearchIndex {
    pub fn new(entries: impl IntoIterator<Item = SearchEntry>) -> Self {
        let entries = entries
            .into_iter()
            .map(|entry| Prepared {
                haystack: fold(&entry.texts.join(" ")),
                key: entry.key,
                category: entry.category,
                size: entry.size,
            })
            .collect();
        Self { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The keys matching `query` (all of its words) and the filters, in index order.
    pub fn search(&self, query: &str, category: Option<&str>, size: Option<&str>) -> Vec<&str> {
        let folded = fold(query);
        let words: Vec<&str> = folded.split(' ').filter(|word| !word.is_empty()).collect();
        self.entries
            .iter()
            .filter(|entry| category.is_none_or(|wanted| entry.category == wanted))
            .filter(|entry| size.is_none_or(|wanted| entry.size.as_deref() == Some(wanted)))
            .filter(|entry| words.iter().all(|word| entry.haystack.contains(word)))
            .map(|entry| entry.key.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index() -> SearchIndex {
        SearchIndex::new([
            SearchEntry {
                key: "ENV-C4".into(),
                texts: vec![
                    "Enveloppe C4".into(),
                    "Voor documenten tot A4, 324 × 229 mm".into(),
                ],
                category: "envelopes".into(),
                size: Some("m".into()),
            },
            SearchEntry {
                key: "BUBBLE".into(),
                texts: vec![
                    "Papier à bulles".into(),
                    "Protège les objets fragiles".into(),
                ],
                category: "packing".into(),
                size: None,
            },
            SearchEntry {
                key: "BOX-L".into(),
                texts: vec![
                    "Grote doos".into(),
                    "Stevig karton, 600 × 400 × 400 mm".into(),
                ],
                category: "boxes".into(),
                size: Some("l".into()),
            },
        ])
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        assert_eq!(fold("  Papier À   BULLES "), "papier a bulles");
        assert_eq!(index().search("PAPIER A BULLES", None, None), ["BUBBLE"]);
        assert_eq!(index().search("protege", None, None), ["BUBBLE"]);
    }

    #[test]
    fn every_typed_word_must_appear_in_names_or_specifications() {
        assert_eq!(index().search("doos 600", None, None), ["BOX-L"]);
        assert!(index().search("doos 700", None, None).is_empty());
        assert_eq!(index().search("324", None, None), ["ENV-C4"]);
    }

    #[test]
    fn filters_narrow_the_result_and_an_empty_query_lists_all() {
        assert_eq!(index().search("", None, None).len(), 3);
        assert_eq!(index().search("", Some("boxes"), None), ["BOX-L"]);
        assert_eq!(index().search("", None, Some("m")), ["ENV-C4"]);
        assert!(index().search("enveloppe", Some("boxes"), None).is_empty());
    }

    proptest! {
        #[test]
        fn searching_any_text_never_panics_and_folding_is_idempotent(text in "\\PC*|İ.*|ǅ.*") {
            let _ = index().search(&text, None, None);
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once);
        }
    }
}
