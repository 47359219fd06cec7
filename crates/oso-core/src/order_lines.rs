//! The one check of an order's lines, used by the service when an order arrives and by the
//! desktop's wizard at step 3 and before queueing, so both refuse the same lines with the same
//! field codes (`lines` for the order as a whole, `lines.<sku>` for one line).

use crate::field_errors::FieldErrors;
use crate::list_limit::{check_list_len, MAX_ORDER_LINES};
use crate::quantity::{check_order_limits, LimitProblem, Quantity};

/// What the catalogue says of a SKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sold {
    /// Sold, at most `max_packs` per order.
    Yes { max_packs: u32 },
    /// Not (or no longer) in the catalogue.
    No,
    /// No catalogue at hand (the desktop offline before its first download): only what needs no
    /// catalogue is checked; the service checks the rest when the order arrives.
    Unknown,
}

/// The refused fields of `lines`, each `(sku, packs)`. `order_max` is the most packs an order may
/// hold, when the catalogue is known.
pub fn check_order_lines<'a>(
    lines: &[(&'a str, u32)],
    sold: impl Fn(&str) -> Sold,
    order_max: Option<u32>,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if lines.is_empty() {
        errors.refuse("lines", "required");
        return errors;
    }
    if let Err(too_many) = check_list_len(lines.len(), MAX_ORDER_LINES) {
        // Refused before any line is looked up: a long list must not buy the lookups.
        errors.refuse("lines", too_many.field_code());
        return errors;
    }
    let mut limits = Vec::new();
    let mut seen: Vec<&'a str> = Vec::with_capacity(lines.len());
    for &(sku, packs) in lines {
        let field = format!("lines.{sku}");
        if seen.contains(&sku) {
            errors.refuse(field, "duplicate");
            continue;
        }
        seen.push(sku);
        let sold = sold(sku);
        if sold == Sold::No {
            errors.refuse(field, "not_sold");
            continue;
        }
        if let Err(error) = Quantity::new(packs) {
            errors.refuse(field, error.field_code());
            continue;
        }
        if let Sold::Yes { max_packs } = sold {
            limits.push((sku.to_owned(), packs, max_packs));
        }
    }
    if let Some(order_max) = order_max {
        for problem in check_order_limits(&limits, order_max) {
            let field = match &problem {
                LimitProblem::ItemMaximum { sku, .. } => format!("lines.{sku}"),
                LimitProblem::OrderMaximum { .. } => "lines".to_owned(),
            };
            errors.refuse(field, problem.field_code());
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue(sku: &str) -> Sold {
        match sku {
            "ENV-DL-50" => Sold::Yes { max_packs: 10 },
            "BOX-S" => Sold::Yes { max_packs: 3 },
            _ => Sold::No,
        }
    }

    fn refused(lines: &[(&str, u32)], order_max: Option<u32>) -> Vec<(String, String)> {
        check_order_lines(lines, catalogue, order_max)
            .into_iter()
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        let owned = expected.iter().map(|&(f, c)| (f.to_owned(), c.to_owned()));
        owned.collect()
    }

    #[test]
    fn an_order_within_its_limits_is_refused_nothing() {
        assert!(refused(&[("ENV-DL-50", 10), ("BOX-S", 3)], Some(20)).is_empty());
    }

    #[test]
    fn an_order_without_lines_is_refused_at_its_lines() {
        assert_eq!(refused(&[], Some(20)), pairs(&[("lines", "required")]));
    }

    #[test]
    fn the_same_item_twice_is_refused_at_the_second_line() {
        let lines = [("BOX-S", 1), ("BOX-S", 1)];
        assert_eq!(
            refused(&lines, Some(20)),
            pairs(&[("lines.BOX-S", "duplicate")])
        );
    }

    #[test]
    fn an_item_not_sold_and_a_quantity_out_of_range_are_named_at_their_lines() {
        let lines = [("GONE", 1), ("ENV-DL-50", 0)];
        let codes = refused(&lines, Some(20));
        assert_eq!(codes.len(), 2);
        assert_eq!(codes[1], ("lines.GONE".to_owned(), "not_sold".to_owned()));
    }

    #[test]
    fn an_item_and_an_order_over_their_maximums_are_both_named() {
        let lines = [("ENV-DL-50", 10), ("BOX-S", 4)];
        assert_eq!(
            refused(&lines, Some(12)),
            pairs(&[
                ("lines", "over_order_maximum"),
                ("lines.BOX-S", "over_item_maximum")
            ])
        );
    }

    #[test]
    fn without_a_catalogue_only_what_needs_none_is_checked() {
        let codes = check_order_lines(&[("ANY", 5), ("ANY", 1)], |_| Sold::Unknown, None);
        assert_eq!(codes.get("lines.ANY"), Some("duplicate"));
        assert!(check_order_lines(&[("ANY", 500)], |_| Sold::Unknown, None).is_empty());
    }

    #[test]
    fn more_lines_than_an_order_may_hold_are_refused_before_any_is_looked_up() {
        let skus: Vec<String> = (0..=MAX_ORDER_LINES).map(|n| format!("SKU-{n}")).collect();
        let lines: Vec<(&str, u32)> = skus.iter().map(|sku| (sku.as_str(), 1)).collect();
        let looked_up = std::cell::Cell::new(0);
        let errors = check_order_lines(
            &lines,
            |_| {
                looked_up.set(looked_up.get() + 1);
                Sold::No
            },
            Some(20),
        );
        assert_eq!(errors.get("lines"), Some("too_many"));
        assert_eq!(looked_up.get(), 0);
    }
}
