//! How many entries each list in a request may carry. Every entry costs the service work (a
//! database lookup, a row, an e-mail), so a list without a cap lets one request buy an
//! unbounded amount of it. The caps sit well above what a person does through the app.

/// Lines of one order: the catalogue sells 45 items and a line per item is the most an order
/// can use.
pub const MAX_ORDER_LINES: usize = 100;

/// Addresses approved in one "Add users".
pub const MAX_USERS_AT_ONCE: usize = 100;

/// Access requests approved or rejected in one decision.
pub const MAX_DECISIONS_AT_ONCE: usize = 500;

/// Entries of an account's authorised, and of its restricted, domain list.
pub const MAX_DOMAINS_PER_LIST: usize = 100;

/// Administrators named when an operator creates a customer account.
pub const MAX_ADMINISTRATORS_AT_ONCE: usize = 20;

/// A list longer than its cap; refused as a whole, at the list's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("at most {max} entries are allowed, {given} were given")]
pub struct TooMany {
    pub max: usize,
    pub given: usize,
}

impl TooMany {
    pub fn field_code(&self) -> &'static str {
        "too_many"
    }
}

/// Accepts a list of `given` entries when it is within `max`.
pub fn check_list_len(given: usize, max: usize) -> Result<(), TooMany> {
    if given > max {
        Err(TooMany { max, given })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_at_its_cap_is_accepted() {
        assert_eq!(check_list_len(MAX_USERS_AT_ONCE, MAX_USERS_AT_ONCE), Ok(()));
        assert_eq!(check_list_len(0, MAX_USERS_AT_ONCE), Ok(()));
    }

    #[test]
    fn a_list_one_over_its_cap_is_refused_as_too_many() {
        let refused = check_list_len(MAX_USERS_AT_ONCE + 1, MAX_USERS_AT_ONCE)
            .expect_err("one over the cap is refused");
        assert_eq!(
            refused,
            TooMany {
                max: MAX_USERS_AT_ONCE,
                given: MAX_USERS_AT_ONCE + 1
            }
        );
        assert_eq!(refused.field_code(), "too_many");
    }
}
