//! The catalogue on the desktop: fetched from the service, kept in the local database for
//! offline use, and indexed per language so that search keeps up with typing.

use oso_api::catalogue::{Catalogue, Item, Translated};
use oso_core::{Language, SearchEntry, SearchIndex};
use tokio::sync::RwLock;

use crate::client::{ClientError, ServiceClient};
use crate::local::LocalStore;

fn text(translated: &Translated, language: Language) -> &str {
    match language {
        Language::Nl => &translated.nl,
        Language::En => &translated.en,
        Language::Fr => &translated.fr,
    }
}

/// A catalogue with one search index per language.
#[derive(Debug)]
pub struct IndexedCatalogue {
    pub catalogue: Catalogue,
    indexes: [SearchIndex; 3],
}

impl IndexedCatalogue {
    pub fn new(catalogue: Catalogue) -> Self {
        let index = |language| {
            SearchIndex::new(catalogue.items.iter().map(|item| SearchEntry {
                key: item.sku.clone(),
                texts: searchable_texts(item, language),
                category: item.category.clone(),
                size: item.size.clone(),
            }))
        };
        let indexes = [
            index(Language::Nl),
            index(Language::En),
            index(Language::Fr),
        ];
        Self { catalogue, indexes }
    }

    /// SKUs matching `query` in `language`, with the filters, in catalogue order.
    pub fn search(
        &self,
        language: Language,
        query: &str,
        category: Option<&str>,
        size: Option<&str>,
    ) -> Vec<String> {
        let index = match language {
            Language::Nl => &self.indexes[0],
            Language::En => &self.indexes[1],
            Language::Fr => &self.indexes[2],
        };
        index
            .search(query, category, size)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

/// Names and specifications in the display language: what a user may type to find an item.
pub fn searchable_texts(item: &Item, language: Language) -> Vec<String> {
    let [length, width, height] = item.outer_dimensions_mm;
    vec![
        text(&item.name, language).to_owned(),
        text(&item.description, language).to_owned(),
        text(&item.material, language).to_owned(),
        item.sku.clone(),
        format!("{length} × {width} × {height} {length}x{width}"),
    ]
}

/// The catalogue the app works with; empty until first loaded.
#[derive(Debug, Default)]
pub struct CatalogueState {
    loaded: RwLock<Option<std::sync::Arc<IndexedCatalogue>>>,
}

impl CatalogueState {
    /// The catalogue, loading it first if needed: from the service (and cached), or from the
    /// local copy when the service cannot be reached.
    pub async fn get(
        &self,
        client: &ServiceClient,
        local: &LocalStore,
    ) -> Result<std::sync::Arc<IndexedCatalogue>, ClientError> {
        if let Some(loaded) = self.loaded.read().await.as_ref() {
            return Ok(loaded.clone());
        }
        let catalogue = match client.catalogue().await {
            Ok(catalogue) => {
                if let Ok(body) = serde_json::to_string(&catalogue) {
                    if let Err(error) = local.cache_catalogue(&body, chrono::Utc::now()).await {
                        tracing::warn!(%error, "cannot keep the catalogue for offline use");
                    }
                }
                catalogue
            }
            Err(ClientError::Unreachable(cause)) => {
                match local.cached_catalogue().await.ok().flatten() {
                    Some(body) => serde_json::from_str(&body)
                        .map_err(|error| ClientError::UnexpectedAnswer(error.to_string()))?,
                    None => return Err(ClientError::Unreachable(cause)),
                }
            }
            Err(other) => return Err(other),
        };
        let indexed = std::sync::Arc::new(IndexedCatalogue::new(catalogue));
        *self.loaded.write().await = Some(indexed.clone());
        Ok(indexed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_finds_items_by_name_and_specification_in_the_display_language() {
        let catalogue =
            oso_service::catalogue::parse(oso_service::catalogue::SHIPPED).expect("shipped");
        let first = catalogue.items[0].clone();
        let indexed = IndexedCatalogue::new(catalogue);

        let by_dutch_name = indexed.search(Language::Nl, &first.name.nl.to_uppercase(), None, None);
        assert!(by_dutch_name.contains(&first.sku));
        let by_length = indexed.search(
            Language::En,
            &first.outer_dimensions_mm[0].to_string(),
            None,
            None,
        );
        assert!(by_length.contains(&first.sku));
        let filtered = indexed.search(Language::Fr, "", Some(&first.category), None);
        assert!(filtered.iter().all(|sku| sku != "nothing") && filtered.contains(&first.sku));
    }
}
