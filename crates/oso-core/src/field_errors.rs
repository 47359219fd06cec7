//! The refused fields of one form or request, collected while the other fields are still checked,
//! so that one answer names every field the user has to fix (field name → field code, the code
//! the UI translates as `field-error-<code>`). Written once for the service's requests, the
//! address and the desktop's wizard steps.

use std::collections::BTreeMap;

/// Field name → field code. A field keeps the first code it was refused with: the first rule a
/// value breaks is the one worth telling.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// One refused field.
    pub fn single(field: impl Into<String>, code: &str) -> Self {
        let mut errors = Self::new();
        errors.refuse(field, code);
        errors
    }

    /// The value of `result`, or `None` with `field` refused with the error's code.
    pub fn check<T, E>(
        &mut self,
        field: impl Into<String>,
        result: Result<T, E>,
        code: impl Fn(&E) -> &'static str,
    ) -> Option<T> {
        result
            .map_err(|error| self.refuse(field, code(&error)))
            .ok()
    }

    /// Refuses `field` with `code` (unless it was refused already).
    pub fn refuse(&mut self, field: impl Into<String>, code: &str) {
        self.0
            .entry(field.into())
            .or_insert_with(|| code.to_owned());
    }

    /// Takes in the refusals of a part of the form under `prefix` (`address` → `address.city`).
    pub fn nest(&mut self, prefix: &str, part: FieldErrors) {
        for (field, code) in part.0 {
            self.refuse(format!("{prefix}.{field}"), &code);
        }
    }

    /// Takes in the refusals of another check of the same form.
    pub fn extend(&mut self, other: FieldErrors) {
        for (field, code) in other.0 {
            self.refuse(field, &code);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The code `field` was refused with.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// `Ok` when nothing was refused.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// As the wire's `fields` map.
    pub fn into_map(self) -> BTreeMap<String, String> {
        self.0
    }
}

impl From<FieldErrors> for BTreeMap<String, String> {
    fn from(errors: FieldErrors) -> Self {
        errors.0
    }
}

impl IntoIterator for FieldErrors {
    type Item = (String, String);
    type IntoIter = std::collections::btree_map::IntoIter<String, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_keeps_the_first_code_it_was_refused_with() {
        let mut errors = FieldErrors::new();
        errors.refuse("lines", "required");
        errors.refuse("lines", "too_many");
        assert_eq!(errors.get("lines"), Some("required"));
    }

    #[test]
    fn a_checked_value_passes_through_and_a_refused_one_is_named() {
        let mut errors = FieldErrors::new();
        let kept = errors.check("packs", Ok::<u32, ()>(3), |_| "unused");
        let refused = errors.check("city", Err::<u32, &str>("too_long"), |code| code);
        assert_eq!((kept, refused), (Some(3), None));
        assert_eq!(errors.into_map().len(), 1);
    }

    #[test]
    fn a_nested_part_is_named_under_its_prefix() {
        let mut errors = FieldErrors::single("account_number", "invalid_account_number");
        errors.nest("address", FieldErrors::single("city", "required"));
        let fields: Vec<(String, String)> = errors.into_iter().collect();
        assert_eq!(
            fields,
            [
                (
                    "account_number".to_owned(),
                    "invalid_account_number".to_owned()
                ),
                ("address.city".to_owned(), "required".to_owned()),
            ]
        );
    }

    #[test]
    fn nothing_refused_is_ok_and_anything_refused_is_not() {
        assert!(FieldErrors::new().into_result().is_ok());
        assert!(FieldErrors::single("email", "required")
            .into_result()
            .is_err());
    }
}
