//! Where a new order's delivery address starts. The manual keeps the profile "voor uw
//! bestellingen": the wizard starts from the last placed order's address, and what the profile
//! knows (contact name, phone, e-mail, and the company for a first order) fills what that
//! leaves empty. The person changes anything before going on.

use oso_api::accounts::Profile;
use oso_core::AddressInput;

/// The country an address starts in when nothing says otherwise.
const DEFAULT_COUNTRY: &str = "BE";

pub fn starting_address(last: Option<AddressInput>, profile: Option<&Profile>) -> AddressInput {
    let mut address = last.unwrap_or_default();
    if let Some(profile) = profile {
        fill(&mut address.company, &profile.company_name);
        fill(&mut address.contact_person, &profile.contact_name);
        fill(
            &mut address.phone,
            profile.phone.as_deref().unwrap_or_default(),
        );
        fill(&mut address.email, &profile.email);
    }
    fill(&mut address.country, DEFAULT_COUNTRY);
    address
}

fn fill(field: &mut String, with: &str) {
    if field.trim().is_empty() {
        with.trim().clone_into(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        serde_json::from_value(serde_json::json!({
            "email": "ann@zebra.example", "company_name": "Zebra Parcels BV",
            "contact_name": "Ann Peeters", "phone": "+32470123456", "language": "nl" }))
        .expect("a profile")
    }

    #[test]
    fn a_first_order_starts_from_the_profile() {
        let address = starting_address(None, Some(&profile()));
        assert_eq!(address.company, "Zebra Parcels BV");
        assert_eq!(address.contact_person, "Ann Peeters");
        assert_eq!(address.phone, "+32470123456");
        assert_eq!(address.email, "ann@zebra.example");
        assert_eq!(address.country, "BE");
        assert_eq!(address.street, "");
    }

    #[test]
    fn the_last_address_wins_and_the_profile_fills_only_what_it_left_empty() {
        let last = AddressInput {
            company: "Warehouse Gent".into(),
            contact_person: "Piet".into(),
            street: "Kouter".into(),
            number: "7".into(),
            postal_code: "9000".into(),
            city: "Gent".into(),
            country: "BE".into(),
            ..AddressInput::default()
        };
        let address = starting_address(Some(last.clone()), Some(&profile()));
        assert_eq!(address.company, "Warehouse Gent");
        assert_eq!(address.contact_person, "Piet");
        assert_eq!(address.street, "Kouter");
        assert_eq!(address.phone, "+32470123456");
        assert_eq!(address.email, "ann@zebra.example");
        // Offline, without the profile: the last address alone.
        assert_eq!(starting_address(Some(last.clone()), None), last);
    }

    #[test]
    fn with_nothing_known_the_address_is_empty_in_belgium() {
        let address = starting_address(None, None);
        assert_eq!(
            address,
            AddressInput {
                country: "BE".into(),
                ..AddressInput::default()
            }
        );
    }
}
