//! How many packs of a supply a customer orders, and the carrier's limits on an order.
//!
//! Limits are reported, never applied: an order quietly trimmed to its maximum would ship
//! something other than what the customer asked for, so they are told and decide themselves.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The most packs of one item a single line can hold; well above any carrier's item maximum, it
/// only keeps a typo (an extra zero or two) from becoming an order.
pub const MAX_QUANTITY: u32 = 9999;

/// A number of packs, from 1 to [`MAX_QUANTITY`]. It serialises as a JSON number, not a string:
/// it is a count, and the UI sends and shows it as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Quantity(u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum QuantityError {
    #[error("a quantity is required")]
    Empty,
    #[error("the quantity is not a whole number")]
    NotANumber,
    #[error("the quantity must be at least 1")]
    Zero,
    #[error("the quantity is larger than {MAX_QUANTITY}")]
    TooLarge,
}

impl QuantityError {
    /// The stable code the UI translates (`error-<code>`).
    pub fn field_code(&self) -> &'static str {
        match self {
            QuantityError::Empty => "required",
            QuantityError::NotANumber => "invalid_quantity",
            QuantityError::Zero => "too_small",
            QuantityError::TooLarge => "too_large",
        }
    }
}

impl Quantity {
    pub fn new(packs: u32) -> Result<Self, QuantityError> {
        match packs {
            0 => Err(QuantityError::Zero),
            1..=MAX_QUANTITY => Ok(Quantity(packs)),
            _ => Err(QuantityError::TooLarge),
        }
    }

    /// Reads a whole number of ASCII digits, with surrounding whitespace ignored. A negative
    /// number is reported as too small and a huge one as too large rather than as not a number,
    /// because that says what the user should change. Decimals and thousands separators are
    /// refused: `1.000` means one in some languages OSO speaks and a thousand in others.
    pub fn parse(input: &str) -> Result<Self, QuantityError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(QuantityError::Empty);
        }
        let (negative, digits) = match trimmed.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(QuantityError::NotANumber);
        }
        if negative {
            return Err(QuantityError::Zero);
        }
        // Only overflow can fail here, the digits having been checked.
        let packs = digits.parse::<u32>().map_err(|_| QuantityError::TooLarge)?;
        Quantity::new(packs)
    }

    pub fn get(&self) -> u32 {
        self.0
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl TryFrom<u32> for Quantity {
    type Error = QuantityError;

    fn try_from(packs: u32) -> Result<Self, Self::Error> {
        Quantity::new(packs)
    }
}

impl From<Quantity> for u32 {
    fn from(quantity: Quantity) -> Self {
        quantity.0
    }
}

/// Why an order cannot be placed as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LimitProblem {
    #[error("more than {max} packs of {sku}")]
    ItemMaximum { sku: String, max: u32 },
    /// `total` is a `u64` so the sum of many lines is reported exactly, never wrapped.
    #[error("{total} packs in the order, more than {max}")]
    OrderMaximum { max: u32, total: u64 },
}

impl LimitProblem {
    /// The stable code the UI translates (`error-<code>`).
    pub fn field_code(&self) -> &'static str {
        match self {
            LimitProblem::ItemMaximum { .. } => "over_item_maximum",
            LimitProblem::OrderMaximum { .. } => "over_order_maximum",
        }
    }
}

/// Checks an order's lines, each `(sku, packs, item maximum)`, against their item maximums and the
/// order's total against `order_max`; an empty result means the order is within its limits.
///
/// Lines with the same SKU are added up before their maximum is checked, so splitting an item
/// over two lines does not get around it; such an item is reported once, where it first
/// appears, against the smallest maximum given for it. Item problems come in the order of the
/// lines, the order's total last.
pub fn check_order_limits(lines: &[(String, u32, u32)], order_max: u32) -> Vec<LimitProblem> {
    // (sku, packs, maximum) per SKU in order of first appearance; a Vec keeps that order, and an
    // order has too few lines for the linear search to matter.
    let mut per_sku: Vec<(&str, u64, u32)> = Vec::new();
    for (sku, packs, max) in lines {
        match per_sku.iter_mut().find(|(seen, _, _)| seen == sku) {
            Some((_, total, smallest_max)) => {
                *total += u64::from(*packs);
                *smallest_max = (*smallest_max).min(*max);
            }
            None => per_sku.push((sku, u64::from(*packs), *max)),
        }
    }
    let mut problems: Vec<LimitProblem> = per_sku
        .iter()
        .filter(|(_, packs, max)| *packs > u64::from(*max))
        .map(|(sku, _, max)| LimitProblem::ItemMaximum {
            sku: (*sku).to_owned(),
            max: *max,
        })
        .collect();
    let total: u64 = lines.iter().map(|(_, packs, _)| u64::from(*packs)).sum();
    if total > u64::from(order_max) {
        problems.push(LimitProblem::OrderMaximum {
            max: order_max,
            total,
        });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn line(sku: &str, packs: u32, max: u32) -> (String, u32, u32) {
        (sku.to_owned(), packs, max)
    }

    #[test]
    fn whole_numbers_from_one_to_9999_are_accepted() {
        for (input, packs) in [
            ("1", 1),
            (" 25 ", 25),
            ("9999", 9999),
            ("007", 7),
            ("+3", 3),
        ] {
            assert_eq!(
                Quantity::parse(input).map(|q| q.get()),
                Ok(packs),
                "{input:?}"
            );
        }
    }

    #[test]
    fn an_empty_or_blank_quantity_is_required() {
        assert_eq!(Quantity::parse(""), Err(QuantityError::Empty));
        assert_eq!(Quantity::parse(" \t"), Err(QuantityError::Empty));
    }

    #[test]
    fn text_decimals_and_separators_are_not_a_number() {
        for input in [
            "ten", "1.5", "1,5", "1.000", "1 000", "1e3", "0x10", "-", "+", "--1", "+-1", "١٢",
        ] {
            assert_eq!(
                Quantity::parse(input),
                Err(QuantityError::NotANumber),
                "{input:?}"
            );
        }
    }

    #[test]
    fn zero_and_negative_numbers_are_too_small() {
        for input in ["0", "000", "-1", "-0", "-99999999999999999999"] {
            assert_eq!(
                Quantity::parse(input),
                Err(QuantityError::Zero),
                "{input:?}"
            );
        }
        assert_eq!(Quantity::new(0), Err(QuantityError::Zero));
    }

    #[test]
    fn numbers_over_9999_are_too_large_however_many_digits_they_have() {
        for input in ["10000", "4294967295", "4294967296", "99999999999999999999"] {
            assert_eq!(
                Quantity::parse(input),
                Err(QuantityError::TooLarge),
                "{input:?}"
            );
        }
        assert_eq!(Quantity::new(10_000), Err(QuantityError::TooLarge));
        assert_eq!(Quantity::new(9999).map(u32::from), Ok(9999));
    }

    #[test]
    fn every_error_has_a_stable_field_code() {
        assert_eq!(QuantityError::Empty.field_code(), "required");
        assert_eq!(QuantityError::NotANumber.field_code(), "invalid_quantity");
        assert_eq!(QuantityError::Zero.field_code(), "too_small");
        assert_eq!(QuantityError::TooLarge.field_code(), "too_large");
    }

    #[test]
    fn deserialising_a_number_goes_through_the_constructor() {
        use serde::de::value::{Error as ValueError, U32Deserializer};
        use serde::de::IntoDeserializer;
        let valid: U32Deserializer<ValueError> = 12u32.into_deserializer();
        assert_eq!(Quantity::deserialize(valid).map(u32::from), Ok(12));
        let zero: U32Deserializer<ValueError> = 0u32.into_deserializer();
        assert!(Quantity::deserialize(zero).is_err());
        assert_eq!(
            Quantity::new(12).map(|q| q.to_string()),
            Ok("12".to_owned())
        );
    }

    #[test]
    fn an_order_within_its_limits_has_no_problems() {
        let lines = [line("BOX-S", 10, 10), line("TAPE", 5, 20)];
        assert_eq!(check_order_limits(&lines, 15), vec![]);
        assert_eq!(check_order_limits(&[], 0), vec![]);
    }

    #[test]
    fn every_line_over_its_item_maximum_is_named() {
        let lines = [
            line("BOX-S", 11, 10),
            line("TAPE", 5, 20),
            line("BAG", 3, 2),
        ];
        assert_eq!(
            check_order_limits(&lines, 100),
            vec![
                LimitProblem::ItemMaximum {
                    sku: "BOX-S".to_owned(),
                    max: 10
                },
                LimitProblem::ItemMaximum {
                    sku: "BAG".to_owned(),
                    max: 2
                },
            ]
        );
    }

    #[test]
    fn an_order_over_its_maximum_is_reported_with_its_total_after_the_items() {
        let lines = [line("BOX-S", 11, 10), line("TAPE", 20, 20)];
        assert_eq!(
            check_order_limits(&lines, 30),
            vec![
                LimitProblem::ItemMaximum {
                    sku: "BOX-S".to_owned(),
                    max: 10
                },
                LimitProblem::OrderMaximum { max: 30, total: 31 },
            ]
        );
    }

    #[test]
    fn splitting_an_item_over_two_lines_does_not_get_around_its_maximum() {
        let lines = [
            line("BOX-S", 6, 10),
            line("TAPE", 1, 5),
            line("BOX-S", 6, 10),
        ];
        assert_eq!(
            check_order_limits(&lines, 100),
            vec![LimitProblem::ItemMaximum {
                sku: "BOX-S".to_owned(),
                max: 10
            }]
        );
    }

    #[test]
    fn totals_beyond_u32_are_reported_exactly() {
        let lines = [line("A", u32::MAX, u32::MAX), line("B", 1, u32::MAX)];
        assert_eq!(
            check_order_limits(&lines, u32::MAX),
            vec![LimitProblem::OrderMaximum {
                max: u32::MAX,
                total: 1 << 32
            }]
        );
    }

    #[test]
    fn every_limit_problem_has_a_stable_field_code() {
        let item = LimitProblem::ItemMaximum {
            sku: "A".to_owned(),
            max: 1,
        };
        let order = LimitProblem::OrderMaximum { max: 1, total: 2 };
        assert_eq!(item.field_code(), "over_item_maximum");
        assert_eq!(order.field_code(), "over_order_maximum");
    }

    proptest! {
        #[test]
        fn parsing_any_string_never_panics_and_is_idempotent(text in any::<String>()) {
            if let Ok(quantity) = Quantity::parse(&text) {
                prop_assert_eq!(Quantity::parse(&quantity.to_string()), Ok(quantity));
            }
        }

        #[test]
        fn parsing_signed_digits_agrees_with_the_range(text in "[+-]?[0-9]{1,12}") {
            let value: i128 = text.parse().expect("signed digits");
            let expected = match value {
                ..=0 => Err(QuantityError::Zero),
                1..=9999 => Ok(value),
                _ => Err(QuantityError::TooLarge),
            };
            prop_assert_eq!(Quantity::parse(&text).map(|q| i128::from(q.get())), expected);
        }

        #[test]
        fn new_accepts_exactly_one_to_9999(packs in any::<u32>()) {
            let quantity = Quantity::new(packs);
            prop_assert_eq!(quantity.is_ok(), (1..=MAX_QUANTITY).contains(&packs));
            if let Ok(quantity) = quantity {
                prop_assert_eq!(Quantity::parse(&quantity.to_string()), Ok(quantity));
            }
        }

        #[test]
        fn limits_are_reported_never_reduced(
            lines in proptest::collection::vec(("[A-C]", 0u32..50, 0u32..50), 0..8),
            order_max in 0u32..200,
        ) {
            let problems = check_order_limits(&lines, order_max);
            let total: u64 = lines.iter().map(|(_, packs, _)| u64::from(*packs)).sum();
            let order_problem = problems
                .iter()
                .any(|p| matches!(p, LimitProblem::OrderMaximum { total: t, .. } if *t == total));
            prop_assert_eq!(order_problem, total > u64::from(order_max));
            for (sku, packs, max) in &lines {
                if packs > max {
                    let named = problems.iter().any(
                        |p| matches!(p, LimitProblem::ItemMaximum { sku: s, .. } if s == sku),
                    );
                    prop_assert!(named, "{sku} over its maximum is not reported");
                }
            }
        }
    }
}
