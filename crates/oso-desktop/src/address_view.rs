//! An address as the UI reads and sends it (a saved address with its id beside the fields), and
//! as a draft keeps it in the local store.

use oso_api::address_book::SavedAddress;
use oso_core::AddressInput;
use serde::{Deserialize, Serialize};

/// A saved address as the UI reads and sends it; also the address of a draft in the local store,
/// whose aliases read drafts kept before the UI spoke snake_case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddressView {
    #[serde(skip_deserializing)]
    pub id: i64,
    pub company: String,
    #[serde(alias = "contactPerson")]
    pub contact_person: String,
    pub street: String,
    pub number: String,
    #[serde(alias = "boxNumber")]
    pub box_number: String,
    #[serde(alias = "postalCode")]
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub phone: String,
    pub email: String,
    #[serde(alias = "driverNote")]
    pub driver_note: String,
}

impl Default for AddressView {
    fn default() -> Self {
        Self::from(SavedAddress {
            id: 0,
            address: AddressInput::default(),
        })
    }
}

impl From<SavedAddress> for AddressView {
    fn from(saved: SavedAddress) -> Self {
        let a = saved.address;
        Self {
            id: saved.id,
            company: a.company,
            contact_person: a.contact_person,
            street: a.street,
            number: a.number,
            box_number: a.box_number,
            postal_code: a.postal_code,
            city: a.city,
            country: a.country,
            phone: a.phone,
            email: a.email,
            driver_note: a.driver_note,
        }
    }
}

impl From<AddressView> for AddressInput {
    fn from(view: AddressView) -> Self {
        Self {
            company: view.company,
            contact_person: view.contact_person,
            street: view.street,
            number: view.number,
            box_number: view.box_number,
            postal_code: view.postal_code,
            city: view.city,
            country: view.country,
            phone: view.phone,
            email: view.email,
            driver_note: view.driver_note,
        }
    }
}
