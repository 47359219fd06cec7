/// A saved delivery address as stored (optional fields are NULL when empty).
#[derive(Debug, Clone)]
pub struct AddressRow {
    pub id: i64,
    pub company: String,
    pub contact_person: String,
    pub street: String,
    pub number: String,
    pub box_number: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    pub phone: String,
    pub email: Option<String>,
    pub driver_note: Option<String>,
}

/// An address as it is written: validated, optional fields `None` when empty.
#[derive(Debug, Clone, Copy)]
pub struct AddressFields<'a> {
    pub company: &'a str,
    pub contact_person: &'a str,
    pub street: &'a str,
    pub number: &'a str,
    pub box_number: Option<&'a str>,
    pub postal_code: &'a str,
    pub city: &'a str,
    pub country: &'a str,
    pub phone: &'a str,
    pub email: Option<&'a str>,
    pub driver_note: Option<&'a str>,
}
