//! What a login keeps for ordering: its account numbers and its delivery addresses. Neither
//! changes past orders, which keep their own copies.

pub mod account_numbers;
pub mod addresses;
#[cfg(test)]
mod store_tests;
