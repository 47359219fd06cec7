//! The order history's search and date range. The search finds an order by its order number or
//! its tracking number, or a part of either, whatever the case and however the number was spaced
//! ("oso-2026-0000 42" finds OSO-2026-000042). The date range is a pair of calendar days as the user sees
//! them; which instants they cover depends on the user's time zone, so only the desktop turns them
//! into the instants the service filters on.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};

use crate::FieldErrors;

/// Longer than any order or tracking number; a longer search finds nothing anyway.
pub const ORDER_SEARCH_MAX_CHARS: usize = 64;

/// A search of the history: upper case, without spaces, never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderSearch(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OrderSearchError {
    #[error("the search is longer than {ORDER_SEARCH_MAX_CHARS} characters")]
    TooLong,
}

impl OrderSearchError {
    pub fn field_code(&self) -> &'static str {
        "too_long"
    }
}

impl OrderSearch {
    /// `None` for a search of nothing (or only spaces): every order matches.
    pub fn parse(text: &str) -> Result<Option<Self>, OrderSearchError> {
        // Order and tracking numbers hold no spaces; people copy them with some, or group digits.
        let term: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect();
        if term.chars().count() > ORDER_SEARCH_MAX_CHARS {
            return Err(OrderSearchError::TooLong);
        }
        Ok((!term.is_empty()).then_some(Self(term)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A `LIKE … ESCAPE '\'` pattern matching any text that contains the search (in upper case):
    /// `%` and `_` typed by the user are matched as themselves, not as wildcards.
    pub fn like_pattern(&self) -> String {
        let mut pattern = String::with_capacity(self.0.len() + 2);
        pattern.push('%');
        for c in self.0.chars() {
            if matches!(c, '%' | '_' | '\\') {
                pattern.push('\\');
            }
            pattern.push(c);
        }
        pattern.push('%');
        pattern
    }
}

/// The days the history shows orders of, both included; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrderDateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The instants a date range covers: from (included) and before (excluded).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InstantRange {
    pub from: Option<DateTime<Utc>>,
    pub before: Option<DateTime<Utc>>,
}

impl OrderDateRange {
    /// Days as a date field gives them (`2026-11-21`); empty or absent for an open end. Refuses
    /// `from` or `to` with `invalid_date`, and a `to` before `from` with `before_from`.
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut day = |field: &str, text: Option<&str>| {
            let text = text.map(str::trim).filter(|text| !text.is_empty())?;
            errors.check(field, NaiveDate::parse_from_str(text, "%Y-%m-%d"), |_| {
                "invalid_date"
            })
        };
        let range = Self {
            from: day("from", from),
            to: day("to", to),
        };
        if let (Some(from), Some(to)) = (range.from, range.to) {
            if to < from {
                errors.refuse("to", "before_from");
            }
        }
        errors.into_result().map(|()| range)
    }

    /// The instants of these days in `zone`: from the first moment of `from` up to the first
    /// moment of the day after `to`, so an order placed at 23:59 on `to` is in.
    pub fn instants<Tz: TimeZone>(&self, zone: &Tz) -> InstantRange {
        InstantRange {
            from: self.from.and_then(|day| start_of(day, zone)),
            before: self
                .to
                .and_then(|day| day.checked_add_days(Days::new(1)))
                .and_then(|day| start_of(day, zone)),
        }
    }
}

/// The first moment of `day` in `zone`. Where a clock change skips midnight (as in some zones),
/// the day starts at the first hour that exists.
fn start_of<Tz: TimeZone>(day: NaiveDate, zone: &Tz) -> Option<DateTime<Utc>> {
    (0..24).find_map(|hour| {
        let local = day.and_hms_opt(hour, 0, 0)?;
        zone.from_local_datetime(&local)
            .earliest()
            .map(|instant| instant.with_timezone(&Utc))
    })
}

/// Refuses an instant range whose end is not after its start (`before` with `before_from`).
pub fn check_instant_range(
    from: Option<DateTime<Utc>>,
    before: Option<DateTime<Utc>>,
) -> Result<(), FieldErrors> {
    match (from, before) {
        (Some(from), Some(before)) if before <= from => {
            Err(FieldErrors::single("created_before", "before_from"))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a day")
    }

    #[test]
    fn a_search_ignores_case_and_spaces_and_an_empty_one_matches_everything() {
        let search = OrderSearch::parse("  oso-2026-0000 42 ").expect("fits");
        assert_eq!(search.map(|s| s.0), Some("OSO-2026-000042".to_owned()));
        assert_eq!(OrderSearch::parse("   ").expect("fits"), None);
        assert_eq!(OrderSearch::parse("").expect("fits"), None);
    }

    #[test]
    fn a_search_longer_than_any_number_is_refused() {
        let long = "9".repeat(ORDER_SEARCH_MAX_CHARS + 1);
        assert_eq!(OrderSearch::parse(&long), Err(OrderSearchError::TooLong));
        assert_eq!(OrderSearchError::TooLong.field_code(), "too_long");
        assert!(OrderSearch::parse(&long[1..]).is_ok());
    }

    #[test]
    fn wildcards_typed_in_a_search_match_only_themselves() {
        let search = OrderSearch::parse("50%_a\\b").expect("fits").expect("some");
        assert_eq!(search.like_pattern(), "%50\\%\\_A\\\\B%");
    }

    #[test]
    fn a_date_range_may_be_open_at_either_end() {
        assert_eq!(
            OrderDateRange::parse(None, Some("")),
            Ok(OrderDateRange::default())
        );
        assert_eq!(
            OrderDateRange::parse(Some("2026-11-02"), None),
            Ok(OrderDateRange {
                from: Some(day("2026-11-02")),
                to: None
            })
        );
        assert_eq!(
            OrderDateRange::parse(Some("2026-11-02"), Some("2026-11-02")).map(|range| range.to),
            Ok(Some(day("2026-11-02")))
        );
    }

    #[test]
    fn a_to_date_before_the_from_date_is_refused_at_the_to_field() {
        let refused = OrderDateRange::parse(Some("2026-11-20"), Some("2026-11-19"))
            .expect_err("to before from");
        assert_eq!(refused.get("to"), Some("before_from"));
        assert_eq!(refused.get("from"), None);
    }

    #[test]
    fn a_date_that_is_no_day_is_refused_at_its_own_field() {
        let refused =
            OrderDateRange::parse(Some("2026-02-30"), Some("tomorrow")).expect_err("no days");
        assert_eq!(refused.get("from"), Some("invalid_date"));
        assert_eq!(refused.get("to"), Some("invalid_date"));
    }

    #[test]
    fn the_range_covers_whole_days_in_the_users_time_zone() {
        let brussels_winter = FixedOffset::east_opt(3600).expect("an offset");
        let range = OrderDateRange::parse(Some("2026-11-02"), Some("2026-11-03")).expect("valid");
        let instants = range.instants(&brussels_winter);
        assert_eq!(
            instants.from.map(|at| at.to_rfc3339()),
            Some("2026-11-01T23:00:00+00:00".to_owned())
        );
        assert_eq!(
            instants.before.map(|at| at.to_rfc3339()),
            Some("2026-11-03T23:00:00+00:00".to_owned())
        );
        assert_eq!(
            OrderDateRange::default().instants(&Utc),
            InstantRange::default()
        );
    }

    #[test]
    fn an_instant_range_must_end_after_it_starts() {
        let at = |text: &str| {
            Some(
                DateTime::parse_from_rfc3339(text)
                    .expect("an instant")
                    .with_timezone(&Utc),
            )
        };
        assert!(
            check_instant_range(at("2026-11-02T00:00:00Z"), at("2026-11-03T00:00:00Z")).is_ok()
        );
        assert!(check_instant_range(None, at("2026-11-03T00:00:00Z")).is_ok());
        let refused = check_instant_range(at("2026-11-03T00:00:00Z"), at("2026-11-03T00:00:00Z"))
            .expect_err("empty range");
        assert_eq!(refused.get("created_before"), Some("before_from"));
    }
}
