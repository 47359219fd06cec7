//! Dates and times as e-mails and the service's pages write them: in the reader's language and
//! time zone, the month spelled out ("6 december 2026 om 14:03 CET"), never "2026-12-06 13:03
//! UTC".
//!
//! Month names and word order come from Fluent (`email-date`, `email-moment` in
//! `locales/*/email.ftl`), so a translator sees them with every other text. A moment always
//! carries its zone's abbreviation (CET, CEST; "+09" for a zone without one): an e-mail is read
//! wherever its reader happens to be, and an hour without its zone is a guess. A date alone
//! (a password's expiry day) is the day in the reader's zone and carries none.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use fluent_bundle::FluentValue;
use oso_core::{Language, TimeZone};

use super::templates::web_message_with;

/// Who reads a date: the language and the time zone of their login (Brussels without one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub language: Language,
    pub zone: TimeZone,
}

impl Reader {
    pub fn new(language: Language, zone: TimeZone) -> Self {
        Self { language, zone }
    }

    /// A login's reader from its stored language and zone; what no longer parses falls back
    /// (English, Brussels) rather than stop a mail.
    pub fn stored(language: &str, time_zone: &str) -> Self {
        Self::new(
            language.parse().unwrap_or(Language::FALLBACK),
            TimeZone::or_default(time_zone),
        )
    }

    /// A moment in the reader's zone: "6 December 2026 at 14:03 CET".
    pub fn moment(self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&self.zone.tz());
        web_message_with(
            self.language,
            "email-moment",
            &[
                (
                    "date",
                    FluentValue::from(date(self.language, local.date_naive())),
                ),
                ("time", FluentValue::from(local.format("%H:%M").to_string())),
                ("zone", FluentValue::from(local.format("%Z").to_string())),
            ],
        )
    }

    /// The day `at` falls on in the reader's zone: "6 December 2026".
    pub fn day_of(self, at: DateTime<Utc>) -> String {
        date(
            self.language,
            at.with_timezone(&self.zone.tz()).date_naive(),
        )
    }
}

/// A calendar date in `language`: "6 december 2026", "1er décembre 2026".
pub fn date(language: Language, day: NaiveDate) -> String {
    web_message_with(
        language,
        "email-date",
        &[
            // A number, so French can select "1er"; the year as text, so it is never grouped.
            ("day", FluentValue::from(day.day())),
            ("month", FluentValue::from(day.month())),
            ("year", FluentValue::from(day.year().to_string())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an RFC 3339 instant")
    }

    fn in_brussels(language: Language) -> Reader {
        Reader::new(language, TimeZone::DEFAULT)
    }

    #[test]
    fn a_winter_moment_reads_as_brussels_wintertime_in_every_language() {
        let winter = at("2026-12-06T13:03:00Z");
        assert_eq!(
            in_brussels(Language::Nl).moment(winter),
            "6 december 2026 om 14:03 CET"
        );
        assert_eq!(
            in_brussels(Language::En).moment(winter),
            "6 December 2026 at 14:03 CET"
        );
        assert_eq!(
            in_brussels(Language::Fr).moment(winter),
            "6 décembre 2026 à 14:03 CET"
        );
    }

    #[test]
    fn a_summer_moment_reads_as_brussels_summertime_in_every_language() {
        let summer = at("2026-07-06T12:03:00Z");
        assert_eq!(
            in_brussels(Language::Nl).moment(summer),
            "6 juli 2026 om 14:03 CEST"
        );
        assert_eq!(
            in_brussels(Language::En).moment(summer),
            "6 July 2026 at 14:03 CEST"
        );
        assert_eq!(
            in_brussels(Language::Fr).moment(summer),
            "6 juillet 2026 à 14:03 CEST"
        );
    }

    #[test]
    fn the_hour_either_side_of_the_change_to_summertime_keeps_the_clock_honest() {
        // Brussels springs from 02:00 CET to 03:00 CEST on 29 March 2026 (01:00 UTC).
        let reader = in_brussels(Language::En);
        assert_eq!(
            reader.moment(at("2026-03-29T00:59:00Z")),
            "29 March 2026 at 01:59 CET"
        );
        assert_eq!(
            reader.moment(at("2026-03-29T01:00:00Z")),
            "29 March 2026 at 03:00 CEST"
        );
    }

    #[test]
    fn a_reader_elsewhere_reads_their_own_zone_and_day() {
        let tokyo = Reader::new(Language::En, TimeZone::parse("Asia/Tokyo").expect("zone"));
        let new_york = Reader::new(
            Language::Fr,
            TimeZone::parse("America/New_York").expect("zone"),
        );
        let late_evening_utc = at("2026-12-31T23:30:00Z");
        assert_eq!(
            tokyo.moment(late_evening_utc),
            "1 January 2027 at 08:30 JST"
        );
        assert_eq!(
            new_york.moment(late_evening_utc),
            "31 décembre 2026 à 18:30 EST"
        );
        assert_eq!(tokyo.day_of(late_evening_utc), "1 January 2027");
    }

    #[test]
    fn a_date_names_its_month_and_french_says_premier() {
        let first = NaiveDate::from_ymd_opt(2026, 5, 1).expect("date");
        assert_eq!(date(Language::Nl, first), "1 mei 2026");
        assert_eq!(date(Language::En, first), "1 May 2026");
        assert_eq!(date(Language::Fr, first), "1er mai 2026");
        for month in 1..=12 {
            let day = NaiveDate::from_ymd_opt(2026, month, 15).expect("date");
            for language in Language::ALL {
                let written = date(language, day);
                assert!(
                    !written.contains(&format!(" {month} ")) && written.ends_with(" 2026"),
                    "{language}: {written}"
                );
            }
        }
    }

    #[test]
    fn no_moment_is_written_in_utc() {
        let moment = in_brussels(Language::En).moment(at("2026-11-22T14:03:00Z"));
        assert_eq!(moment, "22 November 2026 at 15:03 CET");
        assert!(!moment.contains("UTC"));
    }
}
