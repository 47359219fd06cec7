//! The supplies catalogue as `GET /catalogue` answers it (the same shape as the catalogue file
//! the service ships and loads).

use serde::{Deserialize, Serialize};

/// A text in each of OSO's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Translated {
    pub nl: String,
    pub en: String,
    pub fr: String,
}

impl Translated {
    /// An item's names as read from its stored definition; a missing one reads as the SKU, so a
    /// past order's line is never nameless.
    pub fn or_sku(sku: &str, nl: Option<String>, en: Option<String>, fr: Option<String>) -> Self {
        let or_sku = |name: Option<String>| name.unwrap_or_else(|| sku.to_owned());
        Self {
            nl: or_sku(nl),
            en: or_sku(en),
            fr: or_sku(fr),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: Translated,
    pub icon: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Size {
    pub id: String,
    pub name: Translated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub sku: String,
    pub category: String,
    pub size: Option<String>,
    pub name: Translated,
    pub description: Translated,
    /// Length, width, height in millimetres (height 0 for flat items).
    pub outer_dimensions_mm: [u32; 3],
    pub inner_dimensions_mm: Option<[u32; 3]>,
    pub max_content_weight_g: Option<u32>,
    pub material: Translated,
    pub units_per_pack: u32,
    pub max_packs_per_order: u32,
    pub icon: String,
}

/// The catalogue file, and what `GET /api/v1/catalogue` answers (with only the items sold).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub version: u32,
    /// The most packs one order may hold, all items together.
    pub order_max_packs: u32,
    pub categories: Vec<Category>,
    pub sizes: Vec<Size>,
    pub items: Vec<Item>,
}
