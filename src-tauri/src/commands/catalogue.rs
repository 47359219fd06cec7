//! The catalogue in the display language, and search as the user types.

use oso_api::catalogue::{Item, Translated};
use oso_core::Language;
use serde::Serialize;
use tauri::State;

use super::l10n::display_language;
use crate::error::CommandError;
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct NamedView {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct ItemView {
    pub sku: String,
    pub category: String,
    pub size: Option<String>,
    pub name: String,
    pub description: String,
    pub outer_dimensions_mm: [u32; 3],
    pub inner_dimensions_mm: Option<[u32; 3]>,
    pub max_content_weight_g: Option<u32>,
    pub material: String,
    pub units_per_pack: u32,
    pub max_packs_per_order: u32,
    pub icon: String,
}

#[derive(Debug, Serialize)]
pub struct CatalogueView {
    pub order_max_packs: u32,
    pub categories: Vec<NamedView>,
    pub sizes: Vec<NamedView>,
    pub items: Vec<ItemView>,
}

/// `translated` in `language`.
pub(crate) fn pick(translated: &Translated, language: Language) -> String {
    match language {
        Language::Nl => translated.nl.clone(),
        Language::En => translated.en.clone(),
        Language::Fr => translated.fr.clone(),
    }
}

fn item_view(item: &Item, language: Language) -> ItemView {
    ItemView {
        sku: item.sku.clone(),
        category: item.category.clone(),
        size: item.size.clone(),
        name: pick(&item.name, language),
        description: pick(&item.description, language),
        outer_dimensions_mm: item.outer_dimensions_mm,
        inner_dimensions_mm: item.inner_dimensions_mm,
        max_content_weight_g: item.max_content_weight_g,
        material: pick(&item.material, language),
        units_per_pack: item.units_per_pack,
        max_packs_per_order: item.max_packs_per_order,
        icon: item.icon.clone(),
    }
}

/// The catalogue in the display language (from the local copy when the service is away).
#[tauri::command(rename_all = "snake_case")]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn catalogue_get(state: State<'_, AppState>) -> Result<CatalogueView, CommandError> {
    let language = display_language(&state).await?;
    let indexed = state.catalogue.get(&state.client, &state.local).await?;
    let catalogue = &indexed.catalogue;
    Ok(CatalogueView {
        order_max_packs: catalogue.order_max_packs,
        categories: catalogue
            .categories
            .iter()
            .map(|category| NamedView {
                id: category.id.clone(),
                name: pick(&category.name, language),
            })
            .collect(),
        sizes: catalogue
            .sizes
            .iter()
            .map(|size| NamedView {
                id: size.id.clone(),
                name: pick(&size.name, language),
            })
            .collect(),
        items: catalogue
            .items
            .iter()
            .map(|item| item_view(item, language))
            .collect(),
    })
}

/// The SKUs matching what the user typed and the filters, in catalogue order. Called on every
/// keystroke; the work is a scan of strings folded when the catalogue was loaded.
#[tauri::command(rename_all = "snake_case")]
pub async fn catalogue_search(
    state: State<'_, AppState>,
    query: String,
    category: Option<String>,
    size: Option<String>,
) -> Result<Vec<String>, CommandError> {
    let language = display_language(&state).await?;
    let indexed = state.catalogue.get(&state.client, &state.local).await?;
    Ok(indexed.search(language, &query, category.as_deref(), size.as_deref()))
}
