//! A delivery address, checked as a whole: the postal code and the phone number are read in the
//! address's country, and every refused field is named at once so a form can mark them all.

use serde::{Deserialize, Serialize};

use crate::country::CountryCode;
use crate::email::Email;
use crate::field_errors::FieldErrors;
use crate::phone::{PhoneError, PhoneNumber};
use crate::postal_code::PostalCode;
use crate::text::{RequiredText, TextError, NAME_MAX_CHARS};

/// House numbers such as `123bis` or `12-14`, and box numbers such as `B 3`, fit with room to
/// spare; the limit keeps them to the small field they have on a label.
pub const HOUSE_NUMBER_MAX_CHARS: usize = 10;
/// What fits in the note field of the carrier's driver app.
pub const DRIVER_NOTE_MAX_CHARS: usize = 200;

/// The fields of an address as plain strings, an empty one being a field left blank: what a
/// form sends, and also what [`Address`] serialises into, so that a copy stored with an order
/// (which must keep the address it was shipped to after the customer changes theirs) reads back
/// through [`Address::parse`] and is held to the rules a new address is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct AddressInput {
    pub company: String,
    pub contact_person: String,
    pub street: String,
    pub number: String,
    pub box_number: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub phone: String,
    pub email: String,
    pub driver_note: String,
}

/// An address every field of which was checked, the postal code and phone number against its
/// country. The fields are private so no code can pair them with another country afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(into = "AddressInput")]
pub struct Address {
    company: RequiredText,
    contact_person: RequiredText,
    street: RequiredText,
    number: RequiredText,
    box_number: Option<String>,
    postal_code: PostalCode,
    city: RequiredText,
    country: CountryCode,
    phone: PhoneNumber,
    email: Option<Email>,
    driver_note: Option<String>,
}

/// The address's rules answer with the field code itself.
struct Refusals<'a>(&'a mut FieldErrors);

impl Refusals<'_> {
    fn check<T>(&mut self, field: &str, result: Result<T, &'static str>) -> Option<T> {
        self.0.check(field, result, |code| *code)
    }
}

impl Address {
    /// Checks every field and, when any is refused, returns all of them as field name (as in
    /// [`AddressInput`]) → field code.
    pub fn parse(input: &AddressInput) -> Result<Address, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut refused = Refusals(&mut errors);
        let text = |value: &str, max| RequiredText::parse(value, max).map_err(|e| e.field_code());
        let name = |value: &str| text(value, NAME_MAX_CHARS);
        let company = refused.check("company", name(&input.company));
        let contact_person = refused.check("contact_person", name(&input.contact_person));
        let street = refused.check("street", name(&input.street));
        let number = refused.check("number", text(&input.number, HOUSE_NUMBER_MAX_CHARS));
        let short = |value: &str| optional_text(value, HOUSE_NUMBER_MAX_CHARS);
        let box_number = refused.check("box_number", short(&input.box_number));
        let city = refused.check("city", name(&input.city));
        let country = refused.check("country", parse_country(&input.country));
        let postal_code = parse_postal_code(&input.postal_code, country);
        let postal_code = refused.check("postal_code", postal_code);
        let phone = refused.check("phone", parse_phone(&input.phone, country));
        let email = refused.check("email", parse_optional_email(&input.email));
        let note = optional_text(&input.driver_note, DRIVER_NOTE_MAX_CHARS);
        let driver_note = refused.check("driver_note", note);
        // Every field was checked above, so a refused one has its entry whatever comes of this.
        let assemble = || {
            Some(Address {
                company: company?,
                contact_person: contact_person?,
                street: street?,
                number: number?,
                box_number: box_number?,
                postal_code: postal_code?,
                city: city?,
                country: country?,
                phone: phone?,
                email: email?,
                driver_note: driver_note?,
            })
        };
        assemble().ok_or(errors)
    }

    pub fn company(&self) -> &RequiredText {
        &self.company
    }
    pub fn contact_person(&self) -> &RequiredText {
        &self.contact_person
    }
    pub fn street(&self) -> &RequiredText {
        &self.street
    }
    pub fn number(&self) -> &RequiredText {
        &self.number
    }
    pub fn box_number(&self) -> Option<&str> {
        self.box_number.as_deref()
    }
    pub fn postal_code(&self) -> &PostalCode {
        &self.postal_code
    }
    pub fn city(&self) -> &RequiredText {
        &self.city
    }
    pub fn country(&self) -> CountryCode {
        self.country
    }
    pub fn phone(&self) -> &PhoneNumber {
        &self.phone
    }
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }
    pub fn driver_note(&self) -> Option<&str> {
        self.driver_note.as_deref()
    }
}

/// Optional text follows the rules of [`RequiredText`] (one line, no control characters), with
/// a blank field meaning none; a note's line breaks become spaces, which is how it is printed.
fn optional_text(value: &str, max_chars: usize) -> Result<Option<String>, &'static str> {
    match RequiredText::parse(value, max_chars) {
        Ok(text) => Ok(Some(text.into())),
        Err(TextError::Empty) => Ok(None),
        Err(problem) => Err(problem.field_code()),
    }
}

/// `CountryError` has no empty case, yet a blank country is a required field left out.
fn parse_country(value: &str) -> Result<CountryCode, &'static str> {
    if value.trim().is_empty() {
        return Err("required");
    }
    CountryCode::parse(value).map_err(|e| e.field_code())
}

/// Without a valid country only the shape every country's codes share can be checked; that still
/// catches a blank field or one that could be no country's postal code.
fn parse_postal_code(
    value: &str,
    country: Option<CountryCode>,
) -> Result<PostalCode, &'static str> {
    match country {
        Some(country) => PostalCode::parse(value, country),
        None => PostalCode::try_from(value.to_owned()),
    }
    .map_err(|e| e.field_code())
}

/// Without a valid country, a number is refused only when none of the countries OSO serves most
/// could read it in their national format, so no error is shown that the right country would
/// remove.
fn parse_phone(value: &str, country: Option<CountryCode>) -> Result<PhoneNumber, &'static str> {
    let known = [
        CountryCode::BE,
        CountryCode::NL,
        CountryCode::LU,
        CountryCode::FR,
        CountryCode::DE,
    ];
    match PhoneNumber::parse(value, country) {
        Err(PhoneError::Invalid) if country.is_none() => known
            .into_iter()
            .find_map(|known| PhoneNumber::parse(value, Some(known)).ok())
            .ok_or(PhoneError::Invalid.field_code()),
        parsed => parsed.map_err(|e| e.field_code()),
    }
}

fn parse_optional_email(value: &str) -> Result<Option<Email>, &'static str> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    Email::parse(value).map(Some).map_err(|e| e.field_code())
}

/// The phone is written in E.164, which reads back without its country.
impl From<Address> for AddressInput {
    fn from(address: Address) -> Self {
        AddressInput {
            company: address.company.into(),
            contact_person: address.contact_person.into(),
            street: address.street.into(),
            number: address.number.into(),
            box_number: address.box_number.unwrap_or_default(),
            postal_code: address.postal_code.into(),
            city: address.city.into(),
            country: address.country.into(),
            phone: address.phone.into(),
            email: address.email.map(String::from).unwrap_or_default(),
            driver_note: address.driver_note.unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn belgian() -> AddressInput {
        AddressInput {
            company: " Acme  BV ".to_owned(),
            contact_person: "Jan Peeters".to_owned(),
            street: "Wetstraat".to_owned(),
            number: "16".to_owned(),
            postal_code: "1000".to_owned(),
            city: "Brussel".to_owned(),
            country: "be".to_owned(),
            phone: "0470 12 34 56".to_owned(),
            ..AddressInput::default()
        }
    }

    fn refused(input: &AddressInput) -> BTreeMap<String, String> {
        Address::parse(input)
            .err()
            .map(FieldErrors::into_map)
            .unwrap_or_default()
    }

    fn codes(expected: &[(&str, &str)]) -> BTreeMap<String, String> {
        let owned = expected.iter().map(|&(f, c)| (f.to_owned(), c.to_owned()));
        owned.collect()
    }

    #[test]
    fn a_complete_address_is_normalised_and_read_in_its_country() {
        let address = Address::parse(&belgian()).expect("a valid address");
        assert_eq!(address.company().as_str(), "Acme BV");
        assert_eq!(address.country(), CountryCode::BE);
        assert_eq!(address.phone().as_str(), "+32470123456");
        assert_eq!(address.postal_code().as_str(), "1000");
        let optional = (address.box_number(), address.email(), address.driver_note());
        assert_eq!(optional, (None, None, None));
    }

    #[test]
    fn an_empty_form_names_every_required_field() {
        let required = "company contact_person street number postal_code city country phone";
        let expected = required
            .split(' ')
            .map(|f| (f.to_owned(), "required".to_owned()));
        let expected: BTreeMap<String, String> = expected.collect();
        assert_eq!(refused(&AddressInput::default()), expected);
    }

    #[test]
    fn every_refused_field_is_named_with_its_code_at_once() {
        let mut input = belgian();
        input.number = "12345678901".to_owned();
        input.box_number = "B\u{7}".to_owned();
        input.postal_code = "1234 AB".to_owned();
        input.email = "jan@localhost".to_owned();
        input.driver_note = "x".repeat(DRIVER_NOTE_MAX_CHARS + 1);
        input.phone = "0612345678".to_owned();
        let expected = codes(&[
            ("box_number", "invalid_characters"),
            ("driver_note", "too_long"),
            ("email", "invalid_email"),
            ("number", "too_long"),
            ("phone", "invalid_phone"),
            ("postal_code", "invalid_postal_code"),
        ]);
        assert_eq!(refused(&input), expected);
    }

    #[test]
    fn the_postal_code_and_phone_follow_the_country_of_the_address() {
        let mut dutch = belgian();
        dutch.postal_code = "1234ab".to_owned();
        dutch.country = "NL".to_owned();
        dutch.phone = "06 12345678".to_owned();
        let address = Address::parse(&dutch).expect("a Dutch address");
        assert_eq!(address.postal_code().as_str(), "1234 AB");
        assert_eq!(address.phone().as_str(), "+31612345678");
    }

    #[test]
    fn without_a_valid_country_only_what_no_country_allows_is_refused() {
        let mut input = belgian();
        input.country = "Belgium".to_owned();
        assert_eq!(refused(&input), codes(&[("country", "invalid_country")]));
        input.postal_code = "#".to_owned();
        input.phone = "12".to_owned();
        let expected = codes(&[
            ("country", "invalid_country"),
            ("phone", "invalid_phone"),
            ("postal_code", "invalid_postal_code"),
        ]);
        assert_eq!(refused(&input), expected);
    }

    #[test]
    fn optional_fields_are_kept_and_everything_serialises_to_strings_that_parse_back() {
        let mut input = belgian();
        input.box_number = " B 3 ".to_owned();
        input.email = "Jan@Acme.BE".to_owned();
        input.driver_note = "Ring twice,\nthen use\tthe back door".to_owned();
        let address = Address::parse(&input).expect("a valid address");
        assert_eq!(address.box_number(), Some("B 3"));
        assert_eq!(address.email().map(Email::as_str), Some("Jan@acme.be"));
        let note = Some("Ring twice, then use the back door");
        assert_eq!(address.driver_note(), note);
        let stored = AddressInput::from(address.clone());
        let phone_and_country = (stored.phone.as_str(), stored.country.as_str());
        assert_eq!(phone_and_country, ("+32470123456", "BE"));
        assert_eq!(Address::parse(&stored), Ok(address));
    }

    #[test]
    fn missing_fields_deserialise_as_left_blank() {
        use serde::de::value::{Error as ValueError, MapDeserializer};
        let sent = MapDeserializer::<_, ValueError>::new([("city", "Gent")].into_iter());
        let input = AddressInput::deserialize(sent).expect("a partial form");
        assert_eq!((input.city.as_str(), input.company.as_str()), ("Gent", ""));
    }

    /// Forms close enough to valid that many pass, so the round trip is exercised: the country,
    /// postal code and phone come in pairs that fit together, and a few that do not.
    fn plausible() -> impl Strategy<Value = AddressInput> {
        let place = proptest::sample::select(vec![
            ("BE", "1000", "0470 12 34 56"),
            ("nl", "1234ab", "06 12345678"),
            ("LU", "L-1234", "621 123 456"),
            ("FR", "75001", "+33 6 12 34 56 78"),
            ("DE", "10115", "030 123456"),
            ("gb", "sw1a  1aa", "+44 20 7946 0"),
            ("BE", "0999", "0470 12 34 56"),
            ("Belgium", "1000", "12"),
        ]);
        let text = "[A-Za-z0-9 .\t-]{0,14}";
        let number = "[0-9a-z ]{0,12}";
        let email = "([a-z]{1,5}@[a-z]{1,5}\\.be)?";
        ((text, text, number, place), (email, text)).prop_map(|(typed, (email, note))| {
            let (name, street, number, (country, postal_code, phone)) = typed;
            AddressInput {
                company: name.clone(),
                contact_person: name.clone(),
                street,
                number,
                box_number: note.chars().take(4).collect(),
                postal_code: postal_code.to_owned(),
                city: name,
                country: country.to_owned(),
                phone: phone.to_owned(),
                email,
                driver_note: note,
            }
        })
    }

    proptest! {
        #[test]
        fn parsing_any_fields_never_panics(fields in proptest::collection::vec(any::<String>(), 11)) {
            let mut fields = fields.into_iter();
            let mut next = || fields.next().unwrap_or_default();
            let input = AddressInput {
                company: next(), contact_person: next(), street: next(), number: next(),
                box_number: next(), postal_code: next(), city: next(), country: next(),
                phone: next(), email: next(), driver_note: next(),
            };
            if let Ok(address) = Address::parse(&input) {
                prop_assert_eq!(Address::parse(&address.clone().into()), Ok(address));
            }
        }

        #[test]
        fn a_parsed_address_parses_back_from_its_stored_form_unchanged(input in plausible()) {
            match Address::parse(&input) {
                Ok(address) => prop_assert_eq!(Address::parse(&address.clone().into()), Ok(address)),
                Err(codes) => prop_assert!(!codes.is_empty()),
            }
        }
    }
}
