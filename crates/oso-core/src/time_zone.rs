//! The time zone a person reads dates in: an IANA name (`Europe/Brussels`) that `chrono-tz`
//! knows. E-mails and the service's pages write every moment in the reader's zone.

use std::fmt;
use std::str::FromStr;

use chrono_tz::Tz;

/// A known IANA time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeZone(Tz);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown time zone {0:?}; expected an IANA name such as Europe/Brussels")]
pub struct UnknownTimeZone(pub String);

impl TimeZone {
    /// OSO's customers are Belgian first: a login that never chose a zone reads Brussels time,
    /// and so does an address without a login (an administrator invited by e-mail).
    pub const DEFAULT: TimeZone = TimeZone(Tz::Europe__Brussels);

    /// Reads an IANA name exactly as the tz database spells it (`Europe/Brussels`); the
    /// desktop offers names from a list, so no guessing at case or aliases is needed.
    pub fn parse(name: &str) -> Result<Self, UnknownTimeZone> {
        name.trim()
            .parse::<Tz>()
            .map(TimeZone)
            .map_err(|_| UnknownTimeZone(name.to_owned()))
    }

    /// A stored name, or [`TimeZone::DEFAULT`] when it is no longer known (a zone removed from
    /// a later tz database must not stop a mail).
    pub fn or_default(name: &str) -> Self {
        Self::parse(name).unwrap_or(Self::DEFAULT)
    }

    pub fn tz(self) -> Tz {
        self.0
    }

    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl Default for TimeZone {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl FromStr for TimeZone {
    type Err = UnknownTimeZone;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::parse(name)
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iana_name_parses_and_keeps_its_spelling() {
        let zone = TimeZone::parse(" America/New_York ").expect("known zone");
        assert_eq!(zone.name(), "America/New_York");
        assert_eq!(TimeZone::default().name(), "Europe/Brussels");
    }

    #[test]
    fn an_unknown_or_empty_name_is_refused() {
        for name in ["Europe/Brusels", "", "CET+1", "Mars/Olympus_Mons"] {
            assert!(TimeZone::parse(name).is_err(), "{name:?}");
        }
    }

    #[test]
    fn a_stored_name_no_longer_known_reads_as_brussels() {
        assert_eq!(TimeZone::or_default("Atlantis/Capital"), TimeZone::DEFAULT);
        assert_eq!(TimeZone::or_default("Asia/Tokyo").name(), "Asia/Tokyo");
    }
}
