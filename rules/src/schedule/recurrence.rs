//! When a schedule recurs: `weekly:mon,wed`, `monthly:2:wed`, `monthly:last:fri`, `daily`
//! (the strings of the import contract).
//!
//! A recurrence names candidate dates only; whether a reception happens on one is decided
//! with the working calendar ([`super::Schedule::occurrences`]). Weekdays are Monday to
//! Friday: a reception is held only on a working day, and a "Saturday" schedule under the
//! five-day week would almost never happen, so it is refused as a likely mistake.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use time::{Date, Weekday};

/// A weekday of the five-day working week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WorkingWeekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
}

impl WorkingWeekday {
    pub const ALL: [WorkingWeekday; 5] = [
        WorkingWeekday::Mon,
        WorkingWeekday::Tue,
        WorkingWeekday::Wed,
        WorkingWeekday::Thu,
        WorkingWeekday::Fri,
    ];

    /// The token of the contract: `mon` .. `fri`.
    pub fn code(self) -> &'static str {
        match self {
            WorkingWeekday::Mon => "mon",
            WorkingWeekday::Tue => "tue",
            WorkingWeekday::Wed => "wed",
            WorkingWeekday::Thu => "thu",
            WorkingWeekday::Fri => "fri",
        }
    }

    /// `sat` and `sun` are [`RecurrenceError::WeekendDay`], anything else `BadWeekday`.
    pub fn parse(s: &str) -> Result<WorkingWeekday, RecurrenceError> {
        match s {
            "sat" | "sun" => Err(RecurrenceError::WeekendDay),
            _ => Self::ALL
                .into_iter()
                .find(|d| d.code() == s)
                .ok_or(RecurrenceError::BadWeekday),
        }
    }

    pub fn weekday(self) -> Weekday {
        match self {
            WorkingWeekday::Mon => Weekday::Monday,
            WorkingWeekday::Tue => Weekday::Tuesday,
            WorkingWeekday::Wed => Weekday::Wednesday,
            WorkingWeekday::Thu => Weekday::Thursday,
            WorkingWeekday::Fri => Weekday::Friday,
        }
    }

    /// `None` for Saturday and Sunday.
    pub fn from_weekday(day: Weekday) -> Option<WorkingWeekday> {
        Self::ALL.into_iter().find(|d| d.weekday() == day)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A non-empty set of working weekdays (the days of a weekly schedule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WeekdaySet(u8);

impl WeekdaySet {
    /// `None` for an empty set: a weekly schedule without a day is no schedule.
    pub fn new(days: impl IntoIterator<Item = WorkingWeekday>) -> Option<WeekdaySet> {
        let bits = days.into_iter().fold(0, |bits, d| bits | d.bit());
        (bits != 0).then_some(WeekdaySet(bits))
    }

    pub fn contains(self, day: WorkingWeekday) -> bool {
        self.0 & day.bit() != 0
    }

    /// The days in week order, Monday first.
    pub fn iter(self) -> impl Iterator<Item = WorkingWeekday> {
        WorkingWeekday::ALL
            .into_iter()
            .filter(move |d| self.contains(*d))
    }
}

/// Which weekday of the month: the first to the fourth (every month has them), or the last
/// (the fourth or the fifth).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nth {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

impl Nth {
    /// `1` .. `4` or `last`.
    pub fn code(self) -> &'static str {
        match self {
            Nth::First => "1",
            Nth::Second => "2",
            Nth::Third => "3",
            Nth::Fourth => "4",
            Nth::Last => "last",
        }
    }

    pub fn parse(s: &str) -> Result<Nth, RecurrenceError> {
        [Nth::First, Nth::Second, Nth::Third, Nth::Fourth, Nth::Last]
            .into_iter()
            .find(|n| n.code() == s)
            .ok_or(RecurrenceError::BadNth)
    }

    /// Whether `date` is this occurrence of its weekday in its month.
    fn matches(self, date: Date) -> bool {
        let day = date.day();
        let index = (day - 1) / 7;
        match self {
            Nth::First => index == 0,
            Nth::Second => index == 1,
            Nth::Third => index == 2,
            Nth::Fourth => index == 3,
            Nth::Last => day + 7 > date.month().length(date.year()),
        }
    }
}

/// How a schedule recurs. Serialised as the contract string (`"monthly:last:fri"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recurrence {
    /// Every week on the given days (R26, R38: at least weekly).
    Weekly(WeekdaySet),
    /// The n-th (or last) given weekday of every month (R13: at least monthly).
    MonthlyNth { nth: Nth, weekday: WorkingWeekday },
    /// Every working day of the calendar (R37, R4, R39-2), transferred working Saturdays
    /// included.
    Daily,
}

/// Why a recurrence string was refused. Codes are stable; texts belong to the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecurrenceError {
    /// Blank.
    Empty,
    /// Not `weekly`, `monthly` or `daily`.
    UnknownKind,
    /// Wrong number of `:`-separated parts (`weekly`, `monthly:2`, `daily:mon`).
    Malformed,
    /// `weekly:` with no day.
    NoWeekday,
    /// Not one of `mon`, `tue`, `wed`, `thu`, `fri`.
    BadWeekday,
    /// `sat` or `sun`: receptions are held on working days.
    WeekendDay,
    /// A day listed twice in `weekly:`.
    DuplicateWeekday,
    /// Not `1`..`4` or `last`.
    BadNth,
}

impl RecurrenceError {
    pub fn code(self) -> &'static str {
        match self {
            RecurrenceError::Empty => "empty",
            RecurrenceError::UnknownKind => "unknown_kind",
            RecurrenceError::Malformed => "malformed",
            RecurrenceError::NoWeekday => "no_weekday",
            RecurrenceError::BadWeekday => "bad_weekday",
            RecurrenceError::WeekendDay => "weekend_day",
            RecurrenceError::DuplicateWeekday => "duplicate_weekday",
            RecurrenceError::BadNth => "bad_nth",
        }
    }
}

impl fmt::Display for RecurrenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for RecurrenceError {}

impl Recurrence {
    /// Parses the contract string. Surrounding spaces (also around weekday tokens) are
    /// ignored; tokens are lower case. Weekly days may come in any order and are
    /// normalised to week order by [`fmt::Display`].
    pub fn parse(s: &str) -> Result<Recurrence, RecurrenceError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(RecurrenceError::Empty);
        }
        let parts: Vec<&str> = s.split(':').map(str::trim).collect();
        match parts.as_slice() {
            ["daily"] => Ok(Recurrence::Daily),
            ["weekly", days] => {
                if days.is_empty() {
                    return Err(RecurrenceError::NoWeekday);
                }
                let mut seen: Vec<WorkingWeekday> = Vec::new();
                for token in days.split(',') {
                    let day = WorkingWeekday::parse(token.trim())?;
                    if seen.contains(&day) {
                        return Err(RecurrenceError::DuplicateWeekday);
                    }
                    seen.push(day);
                }
                WeekdaySet::new(seen)
                    .map(Recurrence::Weekly)
                    .ok_or(RecurrenceError::NoWeekday)
            }
            ["monthly", nth, weekday] => Ok(Recurrence::MonthlyNth {
                nth: Nth::parse(nth)?,
                weekday: WorkingWeekday::parse(weekday)?,
            }),
            ["daily" | "weekly" | "monthly", ..] => Err(RecurrenceError::Malformed),
            _ => Err(RecurrenceError::UnknownKind),
        }
    }

    /// Whether `date` is a candidate date of the recurrence, before the working calendar,
    /// the validity range and cancellations are applied.
    pub fn matches(self, date: Date) -> bool {
        match self {
            Recurrence::Weekly(days) => {
                WorkingWeekday::from_weekday(date.weekday()).is_some_and(|d| days.contains(d))
            }
            Recurrence::MonthlyNth { nth, weekday } => {
                date.weekday() == weekday.weekday() && nth.matches(date)
            }
            Recurrence::Daily => true,
        }
    }
}

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recurrence::Weekly(days) => {
                f.write_str("weekly:")?;
                for (i, d) in days.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    f.write_str(d.code())?;
                }
                Ok(())
            }
            Recurrence::MonthlyNth { nth, weekday } => {
                write!(f, "monthly:{}:{}", nth.code(), weekday.code())
            }
            Recurrence::Daily => f.write_str("daily"),
        }
    }
}

impl FromStr for Recurrence {
    type Err = RecurrenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Recurrence::parse(s)
    }
}

impl Serialize for Recurrence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Recurrence {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Recurrence::parse(&s).map_err(|e| {
            serde::de::Error::custom(format!("invalid recurrence {s:?}: {}", e.code()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use WorkingWeekday::*;

    fn weekly(days: &[WorkingWeekday]) -> Recurrence {
        Recurrence::Weekly(WeekdaySet::new(days.iter().copied()).unwrap())
    }

    /// R13 (monthly), R26/R38 (weekly), R37 (daily): the contract strings.
    #[test]
    fn r13_r26_r37_recurrence_strings_parse_and_format() {
        for (input, expected, canonical) in [
            ("weekly:mon,wed", weekly(&[Mon, Wed]), "weekly:mon,wed"),
            ("weekly:wed,mon", weekly(&[Mon, Wed]), "weekly:mon,wed"),
            ("weekly:fri", weekly(&[Fri]), "weekly:fri"),
            (
                "weekly:mon,tue,wed,thu,fri",
                weekly(&[Mon, Tue, Wed, Thu, Fri]),
                "weekly:mon,tue,wed,thu,fri",
            ),
            (" weekly: mon , thu ", weekly(&[Mon, Thu]), "weekly:mon,thu"),
            (
                "monthly:1:wed",
                Recurrence::MonthlyNth {
                    nth: Nth::First,
                    weekday: Wed,
                },
                "monthly:1:wed",
            ),
            (
                "monthly:2:wed",
                Recurrence::MonthlyNth {
                    nth: Nth::Second,
                    weekday: Wed,
                },
                "monthly:2:wed",
            ),
            (
                "monthly:4:tue",
                Recurrence::MonthlyNth {
                    nth: Nth::Fourth,
                    weekday: Tue,
                },
                "monthly:4:tue",
            ),
            (
                "monthly:last:fri",
                Recurrence::MonthlyNth {
                    nth: Nth::Last,
                    weekday: Fri,
                },
                "monthly:last:fri",
            ),
            ("daily", Recurrence::Daily, "daily"),
        ] {
            let got = Recurrence::parse(input);
            assert_eq!(got, Ok(expected), "{input:?}");
            assert_eq!(expected.to_string(), canonical, "{input:?}");
            assert_eq!(Recurrence::parse(canonical), Ok(expected), "{canonical:?}");
            let json = serde_json::to_string(&expected).unwrap();
            assert_eq!(json, format!("\"{canonical}\""));
            assert_eq!(serde_json::from_str::<Recurrence>(&json).unwrap(), expected);
        }
    }

    #[test]
    fn r13_r26_r37_bad_recurrence_strings_have_codes() {
        for (input, code) in [
            ("", "empty"),
            ("   ", "empty"),
            ("hourly", "unknown_kind"),
            ("Weekly:mon", "unknown_kind"),
            ("yearly:1:mon", "unknown_kind"),
            ("weekly", "malformed"),
            ("weekly:mon:wed", "malformed"),
            ("monthly", "malformed"),
            ("monthly:2", "malformed"),
            ("monthly:last", "malformed"),
            ("monthly:2:wed:10", "malformed"),
            ("daily:mon", "malformed"),
            ("daily:", "malformed"),
            ("weekly:", "no_weekday"),
            ("weekly:mon,,wed", "bad_weekday"),
            ("weekly:mon,", "bad_weekday"),
            ("weekly:monday", "bad_weekday"),
            ("weekly:Mon", "bad_weekday"),
            ("weekly:пн", "bad_weekday"),
            ("weekly:mon;wed", "bad_weekday"),
            ("weekly:sat", "weekend_day"),
            ("weekly:mon,sun", "weekend_day"),
            ("weekly:mon,mon", "duplicate_weekday"),
            ("weekly:wed,mon,wed", "duplicate_weekday"),
            ("monthly:0:wed", "bad_nth"),
            ("monthly:5:wed", "bad_nth"),
            ("monthly:first:wed", "bad_nth"),
            ("monthly:-1:wed", "bad_nth"),
            ("monthly:2:sun", "weekend_day"),
            ("monthly:2:wednesday", "bad_weekday"),
        ] {
            assert_eq!(
                Recurrence::parse(input).map_err(RecurrenceError::code),
                Err(code),
                "{input:?}"
            );
        }
        assert!(serde_json::from_str::<Recurrence>("\"weekly:sat\"").is_err());
    }

    #[test]
    fn r13_nth_and_last_weekday_of_the_month() {
        // December 2026 Wednesdays: 2, 9, 16, 23, 30 (five); February 2027 Fridays: 5, 12,
        // 19, 26 (four: the last is the fourth).
        for (rec, date, expected) in [
            ("monthly:1:wed", date!(2026 - 12 - 02), true),
            ("monthly:2:wed", date!(2026 - 12 - 09), true),
            ("monthly:2:wed", date!(2026 - 12 - 02), false),
            ("monthly:3:wed", date!(2026 - 12 - 16), true),
            ("monthly:4:wed", date!(2026 - 12 - 23), true),
            ("monthly:4:wed", date!(2026 - 12 - 30), false),
            ("monthly:last:wed", date!(2026 - 12 - 30), true),
            ("monthly:last:wed", date!(2026 - 12 - 23), false),
            ("monthly:last:fri", date!(2027 - 02 - 26), true),
            ("monthly:4:fri", date!(2027 - 02 - 26), true),
            ("monthly:last:fri", date!(2027 - 02 - 19), false),
            ("monthly:2:wed", date!(2026 - 12 - 10), false),
            ("weekly:mon,wed", date!(2026 - 12 - 09), true),
            ("weekly:mon,wed", date!(2026 - 12 - 10), false),
            ("weekly:mon,wed", date!(2026 - 12 - 12), false),
            ("daily", date!(2026 - 12 - 12), true),
        ] {
            assert_eq!(
                Recurrence::parse(rec).unwrap().matches(date),
                expected,
                "{rec} {date}"
            );
        }
    }

    #[test]
    fn weekday_sets_are_never_empty() {
        assert_eq!(WeekdaySet::new([]), None);
        let set = WeekdaySet::new([Fri, Mon, Fri]).unwrap();
        assert_eq!(set.iter().collect::<Vec<_>>(), [Mon, Fri]);
        assert_eq!(WorkingWeekday::from_weekday(Weekday::Saturday), None);
        assert_eq!(WorkingWeekday::from_weekday(Weekday::Thursday), Some(Thu));
    }
}
