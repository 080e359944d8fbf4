//! The working calendar of Kazakhstan for the five-day week: which days are working days.
//!
//! Registration is kept "every day except holidays and days off" (R16, R34), requests are
//! registered on working days (R3.a) and staff deadlines count working days (R15, R20, R25),
//! so every window and deadline rests on this calendar.
//!
//! The facts are data, `data/calendar.json` (sources in `shared/data/kz-calendar.md`), so that
//! staff can add next year's Kurban Ait date and decreed transfers without touching code. The
//! rules that turn the data into days off are code:
//!
//! * Saturday and Sunday are weekend days (five-day week).
//! * A holiday that falls on a weekend makes the next working day a day off (Law on holidays,
//!   art. 5). Several such holidays move one after another, each to the next day that is not a
//!   weekend day, a holiday or a day already moved to (Nauryz 2026: Sat 21 and Sun 22 March
//!   move to Tue 24 and Wed 25 March, past the holiday of Mon 23 March). A moved-to day moves
//!   nothing further.
//! * 7 January and the first day of Kurban Ait are days off under Labour Code art. 84 para 5,
//!   not holidays under the Law, and never move (`moves_when_on_weekend: false`).
//! * Decreed transfers (Labour Code art. 85 para 3) make a weekend day a working day and a
//!   weekday a day off. They are drafted on top of the statutory moves, so they are applied
//!   last, and validated against them.
//!
//! Years outside `supported_years` are computed from the same rules on a best-effort basis
//! (no Kurban Ait date, no transfers may be known for them): [`Calendar::supports`] says
//! whether a year's answer is authoritative, and the windows refuse to open for other years.

use crate::LocalizedText;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::RangeInclusive;
use std::sync::OnceLock;
use time::{Date, Month, Weekday};

/// The data file itself, for the tests: build.rs compiles it into `compiled_data()`, which
/// `compiled_data_is_the_json_file` proves equal to this text's reading.
#[cfg(test)]
const KAZAKHSTAN_JSON: &str = include_str!("../../data/calendar.json");

// `fn compiled_data() -> CalendarData`: data/calendar.json as Rust, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/calendar_data.rs"));

/// The version of the data file's shape this code reads.
const SCHEMA: u32 = 1;

/// Years any date in the data may have: keeps precomputation small and catches typos such
/// as `202` or `20255`.
const YEARS_ALLOWED: RangeInclusive<i32> = 1990..=2200;

/// `YYYY-MM-DD`, the date format of the data file and of every serialised date here.
pub mod iso_date {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::dates::iso_date(*date))
    }

    /// Read by [`crate::dates::parse_iso_date`], not by `time`'s generic parser (size).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        crate::dates::parse_iso_date(&s).ok_or_else(|| D::Error::custom("not a YYYY-MM-DD date"))
    }

    /// The same for an optional date (`null` or absent is `None`).
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};
        use time::Date;

        pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            #[derive(Deserialize)]
            #[serde(transparent)]
            struct Wire(#[serde(with = "super")] Date);
            Ok(Option::<Wire>::deserialize(d)?.map(|w| w.0))
        }
    }
}

/// A list of dates serialised as `YYYY-MM-DD` strings.
mod iso_dates {
    use serde::ser::SerializeSeq;
    use serde::Serializer;
    use time::Date;

    pub fn serialize<S: Serializer>(dates: &[Date], s: S) -> Result<S::Ok, S::Error> {
        struct One(Date);
        impl serde::Serialize for One {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                super::iso_date::serialize(&self.0, s)
            }
        }
        let mut seq = s.serialize_seq(Some(dates.len()))?;
        for d in dates {
            seq.serialize_element(&One(*d))?;
        }
        seq.end()
    }
}

/// Why a calendar data file was rejected. Codes are stable; texts belong to the UI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// Not JSON of the expected shape (unknown field, wrong type, bad `YYYY-MM-DD` date).
    Syntax { line: usize, column: usize },
    /// `schema` is not one this code reads.
    UnsupportedSchema { found: u32 },
    /// `supported_years` is empty or outside the allowed years.
    BadSupportedYears,
    /// A year in the data is outside the allowed years.
    YearOutOfRange { year: i32 },
    /// An entry has an empty `id`.
    EmptyId,
    /// Two entries share an `id`.
    DuplicateId { id: String },
    /// A name lacks its kk, ru or en text (`transfer_name` for the transfers' name).
    EmptyName { id: String },
    /// `month`/`day` is not a date in the calendar (29 February is allowed: leap years only).
    NoSuchDate { id: String },
    /// `from_year` is after `to_year`.
    BadYearRange { id: String },
    /// Two fixed days off on the same month and day in overlapping years.
    DuplicateFixedDate { id: String, other: String },
    /// A dated day off has two dates in one year.
    DuplicateYear { id: String, year: i32 },
    /// A dated day off (Kurban Ait) has no date in a supported year.
    MissingYear { id: String, year: i32 },
    /// A transfer names no act.
    EmptyAct { day_off: Date },
    /// A transfer's working day is not a Saturday or Sunday.
    TransferWorkingDayNotWeekend { date: Date },
    /// A transfer's working day is a holiday or a moved day off.
    TransferWorkingDayIsDayOff { date: Date },
    /// A transfer's day off is not otherwise a working day.
    TransferDayOffNotWorking { date: Date },
    /// A date is used by two transfers.
    DuplicateTransferDate { date: Date },
}

impl CalendarError {
    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::Syntax { .. } => "syntax",
            CalendarError::UnsupportedSchema { .. } => "unsupported_schema",
            CalendarError::BadSupportedYears => "bad_supported_years",
            CalendarError::YearOutOfRange { .. } => "year_out_of_range",
            CalendarError::EmptyId => "empty_id",
            CalendarError::DuplicateId { .. } => "duplicate_id",
            CalendarError::EmptyName { .. } => "empty_name",
            CalendarError::NoSuchDate { .. } => "no_such_date",
            CalendarError::BadYearRange { .. } => "bad_year_range",
            CalendarError::DuplicateFixedDate { .. } => "duplicate_fixed_date",
            CalendarError::DuplicateYear { .. } => "duplicate_year",
            CalendarError::MissingYear { .. } => "missing_year",
            CalendarError::EmptyAct { .. } => "empty_act",
            CalendarError::TransferWorkingDayNotWeekend { .. } => {
                "transfer_working_day_not_weekend"
            }
            CalendarError::TransferWorkingDayIsDayOff { .. } => "transfer_working_day_is_day_off",
            CalendarError::TransferDayOffNotWorking { .. } => "transfer_day_off_not_working",
            CalendarError::DuplicateTransferDate { .. } => "duplicate_transfer_date",
        }
    }
}

/// The code followed by the data it names, for logs; not a text for people.
impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.code();
        match self {
            CalendarError::Syntax { line, column } => write!(f, "{code} at {line}:{column}"),
            CalendarError::UnsupportedSchema { found } => write!(f, "{code}: {found}"),
            CalendarError::BadSupportedYears | CalendarError::EmptyId => f.write_str(code),
            CalendarError::YearOutOfRange { year } => write!(f, "{code}: {year}"),
            CalendarError::DuplicateId { id }
            | CalendarError::EmptyName { id }
            | CalendarError::NoSuchDate { id }
            | CalendarError::BadYearRange { id } => write!(f, "{code}: {id}"),
            CalendarError::DuplicateFixedDate { id, other } => write!(f, "{code}: {id}, {other}"),
            CalendarError::DuplicateYear { id, year } | CalendarError::MissingYear { id, year } => {
                write!(f, "{code}: {id} {year}")
            }
            CalendarError::EmptyAct { day_off: date }
            | CalendarError::TransferWorkingDayNotWeekend { date }
            | CalendarError::TransferWorkingDayIsDayOff { date }
            | CalendarError::TransferDayOffNotWorking { date }
            | CalendarError::DuplicateTransferDate { date } => write!(f, "{code}: {date}"),
        }
    }
}

impl std::error::Error for CalendarError {}

/// Why a weekday is not a working day. Weekends are not listed: they are implied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayOffKind {
    /// A holiday under the Law on holidays (moves when it falls on a weekend).
    Holiday,
    /// The working day made a day off because the holiday of `moved_from` fell on a weekend.
    MovedHoliday {
        #[serde(with = "iso_date")]
        moved_from: Date,
    },
    /// A day off by a decreed transfer, worked instead on `working_day`.
    Transfer {
        #[serde(with = "iso_date")]
        working_day: Date,
    },
    /// A day off that never moves: 7 January, the first day of Kurban Ait.
    NonMovingDayOff,
}

/// A day that is not a working day although it is not a weekend day, or a holiday on a
/// weekend. Serialises as
/// `{"date":"2026-12-16","kind":"holiday","name":{"kk","ru","en"}}`; a moved day adds
/// `"moved_from"`, a transfer `"working_day"`, an estimated date `"estimated":true`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayOff {
    #[serde(with = "iso_date")]
    pub date: Date,
    #[serde(flatten)]
    pub kind: DayOffKind,
    /// The holiday's name; for a moved day, the name of the holiday that moved.
    pub name: LocalizedText,
    /// The date is an estimate, not yet an official decision (Kurban Ait, later years).
    #[serde(default, skip_serializing_if = "is_false")]
    pub estimated: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One year of the calendar, the body of `GET /api/v1/calendar/{year}`:
/// `{"year":2026,"days_off":[DayOff…],"working_weekend_days":["2025-01-05"…]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearCalendar {
    pub year: i32,
    pub days_off: Vec<DayOff>,
    #[serde(with = "iso_dates")]
    pub working_weekend_days: Vec<Date>,
}

/// The working calendar. Cheap to query: supported years are precomputed.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    rules: Rules,
    /// Years whose answers are precomputed in `days`.
    precomputed: RangeInclusive<i32>,
    days: Days,
}

impl Calendar {
    /// The calendar of Kazakhstan compiled into the crate (build.rs), validated once.
    pub fn kazakhstan() -> &'static Calendar {
        static KAZAKHSTAN: OnceLock<Calendar> = OnceLock::new();
        KAZAKHSTAN.get_or_init(|| match Calendar::from_data(compiled_data()) {
            Ok(calendar) => calendar,
            // No formatting of the error: its code is what `cargo test` shows.
            Err(_) => panic!("data/calendar.json is invalid: run `cargo test -p rules calendar::`"),
        })
    }

    /// Reads and validates calendar data of the shape of `data/calendar.json`, so that
    /// staff-supplied data can be checked before it is used.
    pub fn from_json(json: &str) -> Result<Calendar, CalendarError> {
        let data: CalendarData = serde_json::from_str(json).map_err(|e| CalendarError::Syntax {
            line: e.line(),
            column: e.column(),
        })?;
        Calendar::from_data(data)
    }

    fn from_data(data: CalendarData) -> Result<Calendar, CalendarError> {
        let rules = Rules::validate(data)?;
        // Precompute the supported years and the years of the known transfers, so that
        // every transfer can be checked against the statutory days off of its year.
        let mut lo = *rules.supported.start();
        let mut hi = *rules.supported.end();
        for t in &rules.transfers {
            for d in [t.working_day, t.day_off] {
                lo = lo.min(d.year());
                hi = hi.max(d.year());
            }
        }
        let statutory = rules.statutory(lo - 1, hi + 1);
        rules.check_transfers(&statutory)?;
        let days = rules.apply_transfers(statutory, lo - 1, hi + 1);
        Ok(Calendar {
            rules,
            precomputed: lo..=hi,
            days,
        })
    }

    /// The years this calendar knows authoritatively (2024–2028 for the compiled-in data).
    pub fn supported_years(&self) -> RangeInclusive<i32> {
        self.rules.supported.clone()
    }

    /// Whether the year's days off are known (its Kurban Ait date, its transfers).
    pub fn supports(&self, year: i32) -> bool {
        self.rules.supported.contains(&year)
    }

    /// Whether `date` is a working day of the five-day week.
    pub fn is_working_day(&self, date: Date) -> bool {
        self.with_days(date.year(), |days| days.is_working_day(date))
    }

    /// The day off on `date`, if it is one other than a plain weekend day.
    pub fn day_off(&self, date: Date) -> Option<DayOff> {
        self.with_days(date.year(), |days| days.off.get(&date).cloned())
    }

    /// The first working day strictly after `date`. (At the end of the representable dates,
    /// 9999-12-31, it returns that date: no reception is ever there.)
    pub fn next_working_day(&self, date: Date) -> Date {
        let mut d = date;
        while let Some(next) = d.next_day() {
            d = next;
            if self.is_working_day(d) {
                return d;
            }
        }
        d
    }

    /// The last working day strictly before `date` (saturating at the first representable
    /// date, like [`Calendar::next_working_day`]).
    pub fn previous_working_day(&self, date: Date) -> Date {
        let mut d = date;
        while let Some(prev) = d.previous_day() {
            d = prev;
            if self.is_working_day(d) {
                return d;
            }
        }
        d
    }

    /// `date` if it is a working day, else the last working day before it.
    pub fn working_day_on_or_before(&self, date: Date) -> Date {
        if self.is_working_day(date) {
            date
        } else {
            self.previous_working_day(date)
        }
    }

    /// The working day reached by counting `n` working days forward from `date`: exactly `n`
    /// working days lie in `(date, result]`. `n = 0` gives `date` itself.
    pub fn add_working_days(&self, date: Date, n: u32) -> Date {
        (0..n).fold(date, |d, _| self.next_working_day(d))
    }

    /// The working day reached by counting `n` working days back from `date`: exactly `n`
    /// working days lie in `[result, date)`. `n = 0` gives `date` itself.
    pub fn sub_working_days(&self, date: Date, n: u32) -> Date {
        (0..n).fold(date, |d, _| self.previous_working_day(d))
    }

    /// The days off of a supported year other than plain weekend days, in date order:
    /// holidays (also on weekends), moved days off, transfer days off, 7 Jan and Kurban Ait.
    /// `None` for a year the calendar does not support.
    pub fn days_off(&self, year: i32) -> Option<Vec<DayOff>> {
        if !self.supports(year) {
            return None;
        }
        let (first, last) = year_bounds(year)?;
        Some(
            self.days
                .off
                .range(first..=last)
                .map(|(_, d)| d.clone())
                .collect(),
        )
    }

    /// The Saturdays and Sundays a transfer made working days in a supported year, in order;
    /// empty for a year the calendar does not support.
    pub fn working_weekend_days(&self, year: i32) -> Vec<Date> {
        match year_bounds(year) {
            Some((first, last)) if self.supports(year) => {
                self.days.working.range(first..=last).copied().collect()
            }
            _ => Vec::new(),
        }
    }

    /// The whole year as served by the API; `None` for an unsupported year (a 404).
    pub fn year(&self, year: i32) -> Option<YearCalendar> {
        Some(YearCalendar {
            year,
            days_off: self.days_off(year)?,
            working_weekend_days: self.working_weekend_days(year),
        })
    }

    /// Runs `f` on the days of `year`: precomputed, or computed now from the same rules for a
    /// year outside the precomputed span (with its neighbours, for moves across New Year).
    fn with_days<T>(&self, year: i32, f: impl FnOnce(&Days) -> T) -> T {
        if self.precomputed.contains(&year) {
            f(&self.days)
        } else {
            let lo = year.saturating_sub(1);
            let hi = year.saturating_add(1);
            f(&self
                .rules
                .apply_transfers(self.rules.statutory(lo, hi), lo, hi))
        }
    }
}

fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

fn year_bounds(year: i32) -> Option<(Date, Date)> {
    Some((
        Date::from_calendar_date(year, Month::January, 1).ok()?,
        Date::from_calendar_date(year, Month::December, 31).ok()?,
    ))
}

/// Computed days: every day off other than a plain weekend day, and the weekend days made
/// working by a transfer.
#[derive(Debug, Clone, Default, PartialEq)]
struct Days {
    off: BTreeMap<Date, DayOff>,
    working: BTreeSet<Date>,
}

impl Days {
    fn is_working_day(&self, date: Date) -> bool {
        if self.off.contains_key(&date) {
            false
        } else {
            !is_weekend(date) || self.working.contains(&date)
        }
    }
}

// ---- the data file -------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarData {
    schema: u32,
    #[serde(default)]
    #[allow(dead_code)]
    about: Option<String>,
    supported_years: YearsData,
    fixed_days_off: Vec<FixedData>,
    dated_days_off: Vec<DatedData>,
    transfer_name: LocalizedText,
    transfers: Vec<TransferData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearsData {
    from: i32,
    to: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixedData {
    id: String,
    month: u8,
    day: u8,
    #[serde(default)]
    from_year: Option<i32>,
    #[serde(default)]
    to_year: Option<i32>,
    moves_when_on_weekend: bool,
    name: LocalizedText,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedData {
    id: String,
    moves_when_on_weekend: bool,
    name: LocalizedText,
    dates: Vec<DatedDateData>,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedDateData {
    #[serde(with = "iso_date")]
    date: Date,
    #[serde(default)]
    estimate: bool,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferData {
    #[serde(with = "iso_date")]
    working_day: Date,
    #[serde(with = "iso_date")]
    day_off: Date,
    act: String,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
}

// ---- validated rules -----------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
struct Rules {
    supported: RangeInclusive<i32>,
    fixed: Vec<FixedRule>,
    dated: Vec<DatedRule>,
    transfers: Vec<TransferRule>,
    transfer_name: LocalizedText,
}

#[derive(Debug, Clone, PartialEq)]
struct FixedRule {
    month: Month,
    day: u8,
    years: RangeInclusive<i32>,
    moves: bool,
    name: LocalizedText,
}

#[derive(Debug, Clone, PartialEq)]
struct DatedRule {
    date: Date,
    estimated: bool,
    moves: bool,
    name: LocalizedText,
}

#[derive(Debug, Clone, PartialEq)]
struct TransferRule {
    working_day: Date,
    day_off: Date,
}

/// A statutory day off before transfers: a holiday or day off on its date, or a day a
/// weekend holiday moved to.
#[derive(Debug, Clone)]
struct Statutory {
    name: LocalizedText,
    moves: bool,
    estimated: bool,
    moved_from: Option<Date>,
}

fn check_year(year: i32) -> Result<i32, CalendarError> {
    if YEARS_ALLOWED.contains(&year) {
        Ok(year)
    } else {
        Err(CalendarError::YearOutOfRange { year })
    }
}

impl Rules {
    fn validate(data: CalendarData) -> Result<Rules, CalendarError> {
        if data.schema != SCHEMA {
            return Err(CalendarError::UnsupportedSchema { found: data.schema });
        }
        let YearsData { from, to } = data.supported_years;
        if from > to || !YEARS_ALLOWED.contains(&from) || !YEARS_ALLOWED.contains(&to) {
            return Err(CalendarError::BadSupportedYears);
        }
        if !data.transfer_name.is_complete() {
            return Err(CalendarError::EmptyName {
                id: "transfer_name".to_owned(),
            });
        }

        let mut ids = BTreeSet::new();
        let mut check_id = |id: &str, name: &LocalizedText| {
            if id.trim().is_empty() {
                return Err(CalendarError::EmptyId);
            }
            if !ids.insert(id.to_owned()) {
                return Err(CalendarError::DuplicateId { id: id.to_owned() });
            }
            if !name.is_complete() {
                return Err(CalendarError::EmptyName { id: id.to_owned() });
            }
            Ok(())
        };

        let mut fixed: Vec<(String, FixedRule)> = Vec::new();
        for f in data.fixed_days_off {
            check_id(&f.id, &f.name)?;
            let no_such_date = || CalendarError::NoSuchDate { id: f.id.clone() };
            let month = Month::try_from(f.month).map_err(|_| no_such_date())?;
            // A leap year, so that 29 February is accepted (it then applies in leap years).
            Date::from_calendar_date(2024, month, f.day).map_err(|_| no_such_date())?;
            let first = f.from_year.map(check_year).transpose()?.unwrap_or(i32::MIN);
            let last = f.to_year.map(check_year).transpose()?.unwrap_or(i32::MAX);
            if first > last {
                return Err(CalendarError::BadYearRange { id: f.id });
            }
            let rule = FixedRule {
                month,
                day: f.day,
                years: first..=last,
                moves: f.moves_when_on_weekend,
                name: f.name,
            };
            if let Some((other, _)) = fixed.iter().find(|(_, r)| {
                r.month == rule.month
                    && r.day == rule.day
                    && r.years.start() <= rule.years.end()
                    && rule.years.start() <= r.years.end()
            }) {
                return Err(CalendarError::DuplicateFixedDate {
                    id: f.id,
                    other: other.clone(),
                });
            }
            fixed.push((f.id, rule));
        }

        let mut dated = Vec::new();
        for d in data.dated_days_off {
            check_id(&d.id, &d.name)?;
            let mut years = BTreeSet::new();
            for entry in &d.dates {
                let year = check_year(entry.date.year())?;
                if !years.insert(year) {
                    return Err(CalendarError::DuplicateYear { id: d.id, year });
                }
            }
            if let Some(year) = (from..=to).find(|y| !years.contains(y)) {
                return Err(CalendarError::MissingYear { id: d.id, year });
            }
            dated.extend(d.dates.into_iter().map(|entry| DatedRule {
                date: entry.date,
                estimated: entry.estimate,
                moves: d.moves_when_on_weekend,
                name: d.name.clone(),
            }));
        }

        let mut transfers = Vec::new();
        let mut used = BTreeSet::new();
        for t in data.transfers {
            check_year(t.working_day.year())?;
            check_year(t.day_off.year())?;
            if t.act.trim().is_empty() {
                return Err(CalendarError::EmptyAct { day_off: t.day_off });
            }
            for date in [t.working_day, t.day_off] {
                if !used.insert(date) {
                    return Err(CalendarError::DuplicateTransferDate { date });
                }
            }
            transfers.push(TransferRule {
                working_day: t.working_day,
                day_off: t.day_off,
            });
        }

        Ok(Rules {
            supported: from..=to,
            fixed: fixed.into_iter().map(|(_, r)| r).collect(),
            dated,
            transfers,
            transfer_name: data.transfer_name,
        })
    }

    /// The statutory days off of the years `lo..=hi`: the holidays and days off on their own
    /// dates, then the weekend moves (Law on holidays, art. 5).
    fn statutory(&self, lo: i32, hi: i32) -> BTreeMap<Date, Statutory> {
        let mut days: BTreeMap<Date, Statutory> = BTreeMap::new();
        let mut put = |date: Date, s: Statutory| {
            // Two days off on one date make one day off; a moving holiday wins, so that
            // its weekend move is not lost.
            match days.get(&date) {
                Some(existing) if existing.moves || !s.moves => {}
                _ => {
                    days.insert(date, s);
                }
            }
        };
        for year in lo..=hi {
            for rule in self.fixed.iter().filter(|r| r.years.contains(&year)) {
                // 29 February in a common year does not exist: nothing to add.
                if let Ok(date) = Date::from_calendar_date(year, rule.month, rule.day) {
                    put(
                        date,
                        Statutory {
                            name: rule.name.clone(),
                            moves: rule.moves,
                            estimated: false,
                            moved_from: None,
                        },
                    );
                }
            }
        }
        for rule in self
            .dated
            .iter()
            .filter(|r| (lo..=hi).contains(&r.date.year()))
        {
            put(
                rule.date,
                Statutory {
                    name: rule.name.clone(),
                    moves: rule.moves,
                    estimated: rule.estimated,
                    moved_from: None,
                },
            );
        }

        // In date order, so that chained moves fill the following working days in turn.
        let weekend_holidays: Vec<(Date, Statutory)> = days
            .iter()
            .filter(|(date, s)| s.moves && is_weekend(**date))
            .map(|(date, s)| (*date, s.clone()))
            .collect();
        for (from, holiday) in weekend_holidays {
            let mut target = from;
            while let Some(next) = target.next_day() {
                target = next;
                if !is_weekend(target) && !days.contains_key(&target) {
                    days.insert(
                        target,
                        Statutory {
                            moved_from: Some(from),
                            ..holiday
                        },
                    );
                    break;
                }
            }
        }
        days
    }

    /// Transfers are decreed knowing the statutory days off: the working day must be a plain
    /// weekend day and the day off a plain working day.
    fn check_transfers(&self, statutory: &BTreeMap<Date, Statutory>) -> Result<(), CalendarError> {
        for t in &self.transfers {
            if !is_weekend(t.working_day) {
                return Err(CalendarError::TransferWorkingDayNotWeekend {
                    date: t.working_day,
                });
            }
            if statutory.contains_key(&t.working_day) {
                return Err(CalendarError::TransferWorkingDayIsDayOff {
                    date: t.working_day,
                });
            }
            if is_weekend(t.day_off) || statutory.contains_key(&t.day_off) {
                return Err(CalendarError::TransferDayOffNotWorking { date: t.day_off });
            }
        }
        Ok(())
    }

    /// The final days of `lo..=hi`: the statutory days off with the transfers applied.
    fn apply_transfers(&self, statutory: BTreeMap<Date, Statutory>, lo: i32, hi: i32) -> Days {
        let mut days = Days::default();
        for (date, s) in statutory {
            let kind = match (s.moved_from, s.moves) {
                (Some(moved_from), _) => DayOffKind::MovedHoliday { moved_from },
                (None, true) => DayOffKind::Holiday,
                (None, false) => DayOffKind::NonMovingDayOff,
            };
            days.off.insert(
                date,
                DayOff {
                    date,
                    kind,
                    name: s.name,
                    estimated: s.estimated,
                },
            );
        }
        let years = lo..=hi;
        for t in &self.transfers {
            if years.contains(&t.day_off.year()) {
                days.off.insert(
                    t.day_off,
                    DayOff {
                        date: t.day_off,
                        kind: DayOffKind::Transfer {
                            working_day: t.working_day,
                        },
                        name: self.transfer_name.clone(),
                        estimated: false,
                    },
                );
            }
            if years.contains(&t.working_day.year()) {
                days.working.insert(t.working_day);
            }
        }
        days
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};
    use time::macros::date;
    use Weekday::*;

    fn kz() -> &'static Calendar {
        Calendar::kazakhstan()
    }

    fn off(date: Date) -> DayOff {
        kz().day_off(date)
            .unwrap_or_else(|| panic!("{date} should be a day off"))
    }

    fn assert_off(date: Date, weekday: Weekday, kind: DayOffKind) {
        assert_eq!(date.weekday(), weekday, "{date}");
        assert!(!kz().is_working_day(date), "{date} should be a day off");
        assert_eq!(off(date).kind, kind, "{date}");
    }

    fn assert_working(date: Date, weekday: Weekday) {
        assert_eq!(date.weekday(), weekday, "{date}");
        assert!(kz().is_working_day(date), "{date} should be a working day");
        assert_eq!(kz().day_off(date), None, "{date}");
    }

    fn moved(from: Date) -> DayOffKind {
        DayOffKind::MovedHoliday { moved_from: from }
    }

    /// The moved days off of a year as (moved-to, moved-from) pairs.
    fn moves(year: i32) -> Vec<(Date, Date)> {
        kz().days_off(year)
            .unwrap()
            .into_iter()
            .filter_map(|d| match d.kind {
                DayOffKind::MovedHoliday { moved_from } => Some((d.date, moved_from)),
                _ => None,
            })
            .collect()
    }

    fn compiled() -> Value {
        serde_json::from_str(KAZAKHSTAN_JSON).unwrap()
    }

    fn load(v: &Value) -> Result<Calendar, CalendarError> {
        Calendar::from_json(&v.to_string())
    }

    /// build.rs reads the file as the JSON reader does: the same rules, the same days.
    #[test]
    fn compiled_data_is_the_json_file() {
        let parsed = Calendar::from_json(KAZAKHSTAN_JSON).expect("data/calendar.json");
        assert_eq!(&parsed, kz());
    }

    #[test]
    fn compiled_in_calendar_parses() {
        let cal = Calendar::from_json(KAZAKHSTAN_JSON).expect("data/calendar.json");
        assert_eq!(cal.supported_years(), 2024..=2028);
        assert!(std::ptr::eq(kz(), Calendar::kazakhstan()), "parsed once");
    }

    #[test]
    fn supported_years_are_2024_to_2028() {
        for year in 2024..=2028 {
            assert!(kz().supports(year));
            assert!(kz().days_off(year).is_some());
            assert!(kz().year(year).is_some());
        }
        for year in [2023, 2029, 1999] {
            assert!(!kz().supports(year));
            assert_eq!(kz().days_off(year), None);
            assert_eq!(kz().working_weekend_days(year), Vec::<Date>::new());
            assert_eq!(kz().year(year), None);
        }
    }

    /// §1: the holidays of the Law, on their own dates, in every supported year.
    #[test]
    fn holidays_of_the_law_are_days_off_every_year() {
        for year in 2024..=2028 {
            for (month, day) in [
                (1, 1),
                (1, 2),
                (3, 8),
                (3, 21),
                (3, 22),
                (3, 23),
                (5, 1),
                (5, 7),
                (5, 9),
                (7, 6),
                (8, 30),
                (10, 25),
                (12, 16),
            ] {
                let date =
                    Date::from_calendar_date(year, Month::try_from(month).unwrap(), day).unwrap();
                assert_eq!(off(date).kind, DayOffKind::Holiday, "{date}");
                assert!(!kz().is_working_day(date), "{date}");
            }
        }
    }

    /// §1, the 2022 Law: 17 Dec and 1 Dec are no longer days off; 25 Oct is (national).
    #[test]
    fn changes_of_2022_17_and_1_december_are_working_days() {
        assert_working(date!(2024 - 12 - 17), Tuesday);
        assert_working(date!(2026 - 12 - 17), Thursday);
        assert_working(date!(2025 - 12 - 01), Monday);
        assert_working(date!(2026 - 12 - 01), Tuesday);
        assert_off(date!(2024 - 10 - 25), Friday, DayOffKind::Holiday);
        assert_eq!(off(date!(2024 - 10 - 25)).name.en, "Republic Day");
        // Before 2022 (best effort, outside the supported years): both days were off.
        assert!(!kz().is_working_day(date!(2021 - 12 - 17)));
        assert!(!kz().is_working_day(date!(2021 - 12 - 01)));
    }

    /// §1: 7 January and Kurban Ait are days off that are not holidays.
    #[test]
    fn orthodox_christmas_and_kurban_ait_are_non_moving_days_off() {
        assert_off(
            date!(2026 - 01 - 07),
            Wednesday,
            DayOffKind::NonMovingDayOff,
        );
        assert_off(date!(2025 - 01 - 07), Tuesday, DayOffKind::NonMovingDayOff);
        assert_off(date!(2028 - 01 - 07), Friday, DayOffKind::NonMovingDayOff);
        assert_eq!(off(date!(2026 - 01 - 07)).name.ru, "Православное Рождество");
    }

    /// §2 exceptions: Sun 7 Jan 2024 and Sun 16 Jun 2024 (Kurban Ait) move nothing.
    #[test]
    fn y2024_sunday_7_january_and_kurban_ait_do_not_move() {
        assert_off(date!(2024 - 01 - 07), Sunday, DayOffKind::NonMovingDayOff);
        assert_working(date!(2024 - 01 - 08), Monday);
        assert_off(date!(2024 - 06 - 16), Sunday, DayOffKind::NonMovingDayOff);
        assert_working(date!(2024 - 06 - 17), Monday);
        // 2027 (estimate): Kurban Ait on Sunday 16 May moves nothing either.
        assert_off(date!(2027 - 05 - 16), Sunday, DayOffKind::NonMovingDayOff);
        assert_working(date!(2027 - 05 - 17), Monday);
    }

    /// §2: Nauryz 2026 falls on Sat 21, Sun 22, Mon 23 March; the weekend days move, chained
    /// past the Monday holiday, to Tue 24 and Wed 25 March.
    #[test]
    fn y2026_nauryz_moves_chained_to_24_and_25_march() {
        assert_eq!(date!(2026 - 03 - 21).weekday(), Saturday);
        assert_eq!(date!(2026 - 03 - 22).weekday(), Sunday);
        assert_off(date!(2026 - 03 - 23), Monday, DayOffKind::Holiday);
        assert_off(date!(2026 - 03 - 24), Tuesday, moved(date!(2026 - 03 - 21)));
        assert_off(
            date!(2026 - 03 - 25),
            Wednesday,
            moved(date!(2026 - 03 - 22)),
        );
        assert_working(date!(2026 - 03 - 26), Thursday);
        assert_eq!(off(date!(2026 - 03 - 24)).name.kk, "Наурыз мейрамы");
    }

    /// §3 and §5, 2024: 25 Mar and 8 Jul moved; Sat 4 May worked for Wed 8 May.
    #[test]
    fn y2024_moves_and_transfer() {
        assert_eq!(date!(2024 - 03 - 23).weekday(), Saturday);
        assert_off(date!(2024 - 03 - 25), Monday, moved(date!(2024 - 03 - 23)));
        assert_eq!(date!(2024 - 07 - 06).weekday(), Saturday);
        assert_off(date!(2024 - 07 - 08), Monday, moved(date!(2024 - 07 - 06)));
        assert_eq!(
            moves(2024),
            [
                (date!(2024 - 03 - 25), date!(2024 - 03 - 23)),
                (date!(2024 - 07 - 08), date!(2024 - 07 - 06)),
            ]
        );
        assert_working(date!(2024 - 05 - 04), Saturday);
        assert_off(
            date!(2024 - 05 - 08),
            Wednesday,
            DayOffKind::Transfer {
                working_day: date!(2024 - 05 - 04),
            },
        );
        assert_eq!(kz().working_weekend_days(2024), [date!(2024 - 05 - 04)]);
    }

    /// §3 and §5, 2025: 10 Mar, 24+25 Mar, 7 Jul, 1 Sep, 27 Oct moved; Sun 5 Jan worked for
    /// Fri 3 Jan; no other transfer (no 8 May).
    #[test]
    fn y2025_moves_and_transfer() {
        assert_eq!(date!(2025 - 03 - 08).weekday(), Saturday);
        assert_eq!(date!(2025 - 03 - 22).weekday(), Saturday);
        assert_eq!(date!(2025 - 03 - 23).weekday(), Sunday);
        assert_eq!(date!(2025 - 07 - 06).weekday(), Sunday);
        assert_eq!(date!(2025 - 08 - 30).weekday(), Saturday);
        assert_eq!(date!(2025 - 10 - 25).weekday(), Saturday);
        let expected = [
            (date!(2025 - 03 - 10), Monday, date!(2025 - 03 - 08)),
            (date!(2025 - 03 - 24), Monday, date!(2025 - 03 - 22)),
            (date!(2025 - 03 - 25), Tuesday, date!(2025 - 03 - 23)),
            (date!(2025 - 07 - 07), Monday, date!(2025 - 07 - 06)),
            (date!(2025 - 09 - 01), Monday, date!(2025 - 08 - 30)),
            (date!(2025 - 10 - 27), Monday, date!(2025 - 10 - 25)),
        ];
        for (to, weekday, from) in expected {
            assert_off(to, weekday, moved(from));
        }
        assert_eq!(
            moves(2025),
            expected.map(|(to, _, from)| (to, from)).to_vec()
        );
        assert_working(date!(2025 - 01 - 05), Sunday);
        assert_off(
            date!(2025 - 01 - 03),
            Friday,
            DayOffKind::Transfer {
                working_day: date!(2025 - 01 - 05),
            },
        );
        assert_eq!(kz().working_weekend_days(2025), [date!(2025 - 01 - 05)]);
        assert_working(date!(2025 - 05 - 08), Thursday);
    }

    /// §4 and §5, 2025: Kurban Ait on Friday 6 June.
    #[test]
    fn y2025_kurban_ait_6_june() {
        assert_off(date!(2025 - 06 - 06), Friday, DayOffKind::NonMovingDayOff);
        assert_eq!(off(date!(2025 - 06 - 06)).name.kk, "Құрбан айт");
        assert!(!off(date!(2025 - 06 - 06)).estimated);
    }

    /// §5, 2026 (official calendar): 9 Mar, 24+25 Mar, 11 May, 31 Aug, 26 Oct moved; Kurban
    /// Ait on Wed 27 May; 16 Dec a Wednesday day off; no transfers.
    #[test]
    fn y2026_moves_kurban_ait_and_independence_day() {
        assert_eq!(date!(2026 - 03 - 08).weekday(), Sunday);
        assert_eq!(date!(2026 - 05 - 09).weekday(), Saturday);
        assert_eq!(date!(2026 - 08 - 30).weekday(), Sunday);
        assert_eq!(date!(2026 - 10 - 25).weekday(), Sunday);
        let expected = [
            (date!(2026 - 03 - 09), Monday, date!(2026 - 03 - 08)),
            (date!(2026 - 03 - 24), Tuesday, date!(2026 - 03 - 21)),
            (date!(2026 - 03 - 25), Wednesday, date!(2026 - 03 - 22)),
            (date!(2026 - 05 - 11), Monday, date!(2026 - 05 - 09)),
            (date!(2026 - 08 - 31), Monday, date!(2026 - 08 - 30)),
            (date!(2026 - 10 - 26), Monday, date!(2026 - 10 - 25)),
        ];
        for (to, weekday, from) in expected {
            assert_off(to, weekday, moved(from));
        }
        assert_eq!(
            moves(2026),
            expected.map(|(to, _, from)| (to, from)).to_vec()
        );
        assert_off(
            date!(2026 - 05 - 27),
            Wednesday,
            DayOffKind::NonMovingDayOff,
        );
        assert_off(date!(2026 - 12 - 16), Wednesday, DayOffKind::Holiday);
        assert_eq!(kz().working_weekend_days(2026), Vec::<Date>::new());
    }

    /// §5, 2026: the whole official list of weekday days off, and nothing else.
    #[test]
    fn y2026_full_list_matches_the_official_calendar() {
        let weekdays_off: Vec<Date> = kz()
            .days_off(2026)
            .unwrap()
            .into_iter()
            .map(|d| d.date)
            .filter(|d| !is_weekend(*d))
            .collect();
        assert_eq!(
            weekdays_off,
            [
                date!(2026 - 01 - 01),
                date!(2026 - 01 - 02),
                date!(2026 - 01 - 07),
                date!(2026 - 03 - 09),
                date!(2026 - 03 - 23),
                date!(2026 - 03 - 24),
                date!(2026 - 03 - 25),
                date!(2026 - 05 - 01),
                date!(2026 - 05 - 07),
                date!(2026 - 05 - 11),
                date!(2026 - 05 - 27),
                date!(2026 - 07 - 06),
                date!(2026 - 08 - 31),
                date!(2026 - 10 - 26),
                date!(2026 - 12 - 16),
            ]
        );
    }

    /// §5, 2027 (derived): 1 Jan is a Friday, 2 Jan a Saturday → Mon 4 Jan; 21 Mar (Sun) →
    /// Wed 24 Mar, past Nauryz on Mon 22 and Tue 23; 1 May (Sat) → 3 May; 9 May (Sun) → 10 May.
    #[test]
    fn y2027_moves() {
        assert_off(date!(2027 - 01 - 01), Friday, DayOffKind::Holiday);
        assert_eq!(date!(2027 - 01 - 02).weekday(), Saturday);
        assert_eq!(date!(2027 - 03 - 21).weekday(), Sunday);
        assert_off(date!(2027 - 03 - 22), Monday, DayOffKind::Holiday);
        assert_off(date!(2027 - 03 - 23), Tuesday, DayOffKind::Holiday);
        assert_eq!(date!(2027 - 05 - 01).weekday(), Saturday);
        assert_eq!(date!(2027 - 05 - 09).weekday(), Sunday);
        let expected = [
            (date!(2027 - 01 - 04), Monday, date!(2027 - 01 - 02)),
            (date!(2027 - 03 - 24), Wednesday, date!(2027 - 03 - 21)),
            (date!(2027 - 05 - 03), Monday, date!(2027 - 05 - 01)),
            (date!(2027 - 05 - 10), Monday, date!(2027 - 05 - 09)),
        ];
        for (to, weekday, from) in expected {
            assert_off(to, weekday, moved(from));
        }
        assert_eq!(
            moves(2027),
            expected.map(|(to, _, from)| (to, from)).to_vec()
        );
        assert_working(date!(2027 - 01 - 05), Tuesday);
    }

    /// §5, 2028 (derived): 1–2 Jan (Sat–Sun) → 3 and 4 Jan; 7 May (Sun) → 8 May; 16 Dec
    /// (Sat) → 18 Dec.
    #[test]
    fn y2028_moves() {
        assert_eq!(date!(2028 - 01 - 01).weekday(), Saturday);
        assert_eq!(date!(2028 - 01 - 02).weekday(), Sunday);
        assert_eq!(date!(2028 - 05 - 07).weekday(), Sunday);
        assert_eq!(date!(2028 - 12 - 16).weekday(), Saturday);
        let expected = [
            (date!(2028 - 01 - 03), Monday, date!(2028 - 01 - 01)),
            (date!(2028 - 01 - 04), Tuesday, date!(2028 - 01 - 02)),
            (date!(2028 - 05 - 08), Monday, date!(2028 - 05 - 07)),
            (date!(2028 - 12 - 18), Monday, date!(2028 - 12 - 16)),
        ];
        for (to, weekday, from) in expected {
            assert_off(to, weekday, moved(from));
        }
        assert_eq!(
            moves(2028),
            expected.map(|(to, _, from)| (to, from)).to_vec()
        );
    }

    /// §4: the first day of Kurban Ait each year; 2027 and 2028 are estimates.
    #[test]
    fn kurban_ait_dates_2024_to_2028() {
        for (date, weekday, estimated) in [
            (date!(2024 - 06 - 16), Sunday, false),
            (date!(2025 - 06 - 06), Friday, false),
            (date!(2026 - 05 - 27), Wednesday, false),
            (date!(2027 - 05 - 16), Sunday, true),
            (date!(2028 - 05 - 05), Friday, true),
        ] {
            assert_off(date, weekday, DayOffKind::NonMovingDayOff);
            let day = off(date);
            assert_eq!(day.name.en, "Kurban Ait");
            assert_eq!(day.estimated, estimated, "{date}");
        }
    }

    /// §3: the 2022 and 2023 Government transfers (outside the supported years, best effort).
    #[test]
    fn transfers_2022_and_2023() {
        assert!(kz().is_working_day(date!(2022 - 10 - 22)));
        assert!(!kz().is_working_day(date!(2022 - 10 - 24)));
        assert!(kz().is_working_day(date!(2023 - 07 - 01)));
        assert!(!kz().is_working_day(date!(2023 - 07 - 07)));
    }

    /// `days_off` and `working_weekend_days` describe exactly `is_working_day`, every day.
    #[test]
    fn lists_agree_with_is_working_day() {
        for year in 2024..=2028 {
            let off: BTreeSet<Date> = kz()
                .days_off(year)
                .unwrap()
                .into_iter()
                .map(|d| d.date)
                .collect();
            let working: BTreeSet<Date> = kz().working_weekend_days(year).into_iter().collect();
            let mut d = date!(2024 - 01 - 01).replace_year(year).unwrap();
            while d.year() == year {
                let expected = !off.contains(&d) && (!is_weekend(d) || working.contains(&d));
                assert_eq!(kz().is_working_day(d), expected, "{d}");
                d = d.next_day().unwrap();
            }
        }
    }

    #[test]
    fn next_previous_and_counting_working_days() {
        // Before Nauryz 2026: Fri 20 Mar, then Thu 26 Mar.
        assert_eq!(
            kz().next_working_day(date!(2026 - 03 - 20)),
            date!(2026 - 03 - 26)
        );
        assert_eq!(
            kz().previous_working_day(date!(2026 - 03 - 26)),
            date!(2026 - 03 - 20)
        );
        // New Year 2025: 1, 2 Jan holidays, 3 Jan transfer, Sat 4; Sunday 5 Jan is worked.
        assert_eq!(
            kz().next_working_day(date!(2024 - 12 - 31)),
            date!(2025 - 01 - 05)
        );
        assert_eq!(
            kz().add_working_days(date!(2024 - 12 - 31), 2),
            date!(2025 - 01 - 06)
        );
        assert_eq!(
            kz().sub_working_days(date!(2025 - 01 - 06), 2),
            date!(2024 - 12 - 31)
        );
        assert_eq!(
            kz().add_working_days(date!(2026 - 12 - 13), 0),
            date!(2026 - 12 - 13)
        );
        assert_eq!(
            kz().working_day_on_or_before(date!(2026 - 12 - 16)),
            date!(2026 - 12 - 15)
        );
        assert_eq!(
            kz().working_day_on_or_before(date!(2026 - 12 - 15)),
            date!(2026 - 12 - 15)
        );
        assert_eq!(kz().next_working_day(Date::MAX), Date::MAX);
        assert_eq!(kz().previous_working_day(Date::MIN), Date::MIN);
    }

    /// Outside the supported years the same rules still give an answer (no Kurban Ait).
    #[test]
    fn unsupported_years_follow_the_fixed_rules() {
        assert!(!kz().is_working_day(date!(2030 - 01 - 01)));
        assert!(!kz().is_working_day(date!(2029 - 12 - 17))); // 16 Dec 2029 is a Sunday
        assert!(kz().is_working_day(date!(2030 - 06 - 03)));
        assert_eq!(
            kz().next_working_day(date!(2030 - 12 - 31)),
            date!(2031 - 01 - 03)
        );
    }

    #[test]
    fn day_off_serialises_with_its_kind() {
        let holiday = serde_json::to_value(off(date!(2026 - 12 - 16))).unwrap();
        assert_eq!(
            holiday,
            json!({"date": "2026-12-16", "kind": "holiday",
                   "name": {"kk": "Тәуелсіздік күні", "ru": "День Независимости",
                            "en": "Independence Day"}})
        );
        let moved = serde_json::to_value(off(date!(2026 - 03 - 24))).unwrap();
        assert_eq!(moved["kind"], "moved_holiday");
        assert_eq!(moved["moved_from"], "2026-03-21");
        let transfer = serde_json::to_value(off(date!(2025 - 01 - 03))).unwrap();
        assert_eq!(transfer["kind"], "transfer");
        assert_eq!(transfer["working_day"], "2025-01-05");
        assert_eq!(transfer["name"]["en"], "Transferred day off");
        let christmas = serde_json::to_value(off(date!(2026 - 01 - 07))).unwrap();
        assert_eq!(christmas["kind"], "non_moving_day_off");
        assert_eq!(christmas.get("estimated"), None);
        let estimated = serde_json::to_value(off(date!(2028 - 05 - 05))).unwrap();
        assert_eq!(estimated["estimated"], true);
        for day in kz().days_off(2025).unwrap() {
            let back: DayOff = serde_json::from_value(serde_json::to_value(&day).unwrap()).unwrap();
            assert_eq!(back, day);
        }
    }

    /// The body of `GET /api/v1/calendar/{year}`.
    #[test]
    fn year_calendar_serialises_for_the_api() {
        let year = serde_json::to_value(kz().year(2025).unwrap()).unwrap();
        assert_eq!(year["year"], 2025);
        assert_eq!(year["working_weekend_days"], json!(["2025-01-05"]));
        let days = year["days_off"].as_array().unwrap();
        assert_eq!(days[0]["date"], "2025-01-01");
        assert!(days.iter().all(|d| d["name"]["kk"].is_string()));
    }

    /// Staff extend the data: a new transfer and a new year.
    #[test]
    fn staff_can_add_a_transfer_and_a_year() {
        let mut v = compiled();
        v["transfers"].as_array_mut().unwrap().push(json!({
            "working_day": "2026-12-19", "day_off": "2026-12-18", "act": "order"
        }));
        v["dated_days_off"][0]["dates"]
            .as_array_mut()
            .unwrap()
            .push(json!({"date": "2029-04-24", "estimate": true}));
        v["supported_years"]["to"] = json!(2029);
        let cal = load(&v).unwrap();
        assert!(!cal.is_working_day(date!(2026 - 12 - 18)));
        assert!(cal.is_working_day(date!(2026 - 12 - 19)));
        assert_eq!(cal.working_weekend_days(2026), [date!(2026 - 12 - 19)]);
        assert!(cal.supports(2029));
        assert!(!cal.is_working_day(date!(2029 - 04 - 24)));
    }

    /// A holiday on the last Sunday of a year moves into the next year, past New Year.
    #[test]
    fn a_move_crosses_new_year() {
        let mut v = compiled();
        v["fixed_days_off"].as_array_mut().unwrap().push(json!({
            "id": "test_31_dec", "month": 12, "day": 31, "moves_when_on_weekend": true,
            "name": {"kk": "k", "ru": "r", "en": "e"}
        }));
        let cal = load(&v).unwrap();
        assert_eq!(date!(2028 - 12 - 31).weekday(), Sunday);
        assert!(!cal.is_working_day(date!(2029 - 01 - 03)));
        assert!(cal.is_working_day(date!(2029 - 01 - 04)));
    }

    #[test]
    fn invalid_data_is_rejected_with_a_code() {
        type Edit = fn(&mut Value);
        let cases: [(Edit, &str); 19] = [
            (|v| *v = json!("x"), "syntax"),
            (|v| v["extra"] = json!(1), "syntax"),
            (
                |v| v["transfers"][0]["day_off"] = json!("2022-13-01"),
                "syntax",
            ),
            (|v| v["schema"] = json!(2), "unsupported_schema"),
            (
                |v| v["supported_years"]["from"] = json!(2029),
                "bad_supported_years",
            ),
            (
                |v| v["fixed_days_off"][0]["from_year"] = json!(20),
                "year_out_of_range",
            ),
            (|v| v["fixed_days_off"][0]["id"] = json!(" "), "empty_id"),
            (
                |v| v["fixed_days_off"][1]["id"] = json!("new_year_1"),
                "duplicate_id",
            ),
            (
                |v| v["dated_days_off"][0]["id"] = json!("new_year_1"),
                "duplicate_id",
            ),
            (
                |v| v["fixed_days_off"][0]["name"]["kk"] = json!(""),
                "empty_name",
            ),
            (|v| v["transfer_name"]["en"] = json!(" "), "empty_name"),
            (
                |v| v["fixed_days_off"][0]["day"] = json!(32),
                "no_such_date",
            ),
            (
                |v| v["fixed_days_off"][0]["month"] = json!(13),
                "no_such_date",
            ),
            (
                |v| v["fixed_days_off"][12]["to_year"] = json!(2000),
                "bad_year_range",
            ),
            (
                |v| v["fixed_days_off"][1]["day"] = json!(1),
                "duplicate_fixed_date",
            ),
            (
                |v| v["dated_days_off"][0]["dates"][1]["date"] = json!("2024-06-01"),
                "duplicate_year",
            ),
            (
                |v| v["dated_days_off"][0]["dates"][2]["date"] = json!("2023-06-28"),
                "missing_year",
            ),
            (|v| v["transfers"][0]["act"] = json!(""), "empty_act"),
            (
                |v| v["transfers"][1]["working_day"] = json!("2022-10-22"),
                "duplicate_transfer_date",
            ),
        ];
        for (edit, code) in cases {
            let mut v = compiled();
            edit(&mut v);
            let err = load(&v).map(|_| ()).expect_err(code);
            assert_eq!(err.code(), code, "{err}");
        }
        // 2026-02-31 does not exist; 29 February does, in leap years only.
        let mut v = compiled();
        v["fixed_days_off"][0]["month"] = json!(2);
        v["fixed_days_off"][0]["day"] = json!(29);
        let cal = load(&v).unwrap();
        assert!(!cal.is_working_day(date!(2028 - 02 - 29)));
    }

    /// §3: a transfer must swap a plain weekend day for a plain working day.
    #[test]
    fn transfers_are_checked_against_the_statutory_days_off() {
        for (working_day, day_off, code) in [
            (
                "2026-12-18",
                "2026-12-17",
                "transfer_working_day_not_weekend",
            ),
            (
                "2026-03-21",
                "2026-03-26",
                "transfer_working_day_is_day_off",
            ),
            ("2026-03-28", "2026-03-29", "transfer_day_off_not_working"),
            ("2026-03-28", "2026-03-23", "transfer_day_off_not_working"),
            ("2026-03-28", "2026-03-24", "transfer_day_off_not_working"),
            ("2026-03-28", "2026-05-27", "transfer_day_off_not_working"),
        ] {
            let mut v = compiled();
            v["transfers"].as_array_mut().unwrap().push(json!({
                "working_day": working_day, "day_off": day_off, "act": "order"
            }));
            let err = load(&v).map(|_| ()).unwrap_err();
            assert_eq!(err.code(), code, "{working_day} {day_off}");
        }
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2020i32..=2031, 1u16..=365).prop_map(|(y, d)| Date::from_ordinal_date(y, d).unwrap())
    }

    fn working_days_between(from_exclusive: Date, to_inclusive: Date) -> u32 {
        let mut n = 0;
        let mut d = from_exclusive;
        while d < to_inclusive {
            d = d.next_day().unwrap();
            n += u32::from(kz().is_working_day(d));
        }
        n
    }

    proptest! {
        /// `next_working_day(d)` is the first working day after `d`.
        #[test]
        fn next_working_day_is_the_first_working_day_after(d in any_date()) {
            let next = kz().next_working_day(d);
            prop_assert!(next > d);
            prop_assert!(kz().is_working_day(next));
            prop_assert_eq!(working_days_between(d, next), 1);
        }

        #[test]
        fn previous_working_day_is_the_last_working_day_before(d in any_date()) {
            let prev = kz().previous_working_day(d);
            prop_assert!(prev < d);
            prop_assert!(kz().is_working_day(prev));
            prop_assert_eq!(working_days_between(prev, d.previous_day().unwrap()), 0);
        }

        /// Exactly `n` working days lie in `(d, add_working_days(d, n)]`, the last one included.
        #[test]
        fn add_working_days_counts_exactly(d in any_date(), n in 1u32..40) {
            let end = kz().add_working_days(d, n);
            prop_assert!(kz().is_working_day(end));
            prop_assert_eq!(working_days_between(d, end), n);
            prop_assert_eq!(kz().sub_working_days(end, n), kz().working_day_on_or_before(d));
        }
    }
}
