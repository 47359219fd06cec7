//! What a login keeps for ordering (`/me/account-numbers`, `/me/addresses`): its account
//! numbers and its delivery addresses.

use oso_core::AddressInput;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedAccountNumber {
    pub id: i64,
    /// Nine digits.
    pub number: String,
    /// The user's own name for it ("Antwerp warehouse"); may be empty.
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountNumberForm {
    pub number: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountNumberRename {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedAddress {
    pub id: i64,
    #[serde(flatten)]
    pub address: AddressInput,
}
