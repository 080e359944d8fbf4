//! Officials, their schedules, and the dated receptions (occurrences) a schedule yields.

use super::ids::{OfficialId, ScheduleId};
use super::parts::{hhmm, Capacity, Format, Hours, Place};
use super::recurrence::Recurrence;
use crate::calendar::{iso_date, Calendar};
use crate::official::OfficialKind;
use crate::values::PersonName;
use crate::window::{self, RegistrationState, ALMATY};
use crate::{LocalizedText, OfficeId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use time::{Date, Duration, OffsetDateTime, Time};

/// An official who receives (R2), as published on the office's schedule (R5: full name,
/// patronymic if any). Serialised in the contract's `officials` shape:
/// `{"id","kind","surname","given_name","patronymic"|null,"position":{kk,ru,en},
/// "competence":[{kk,ru,en}],"sample":bool}`; `office_id` is left out because officials
/// are published under their office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Official {
    pub id: OfficialId,
    #[serde(skip_serializing)]
    pub office_id: OfficeId,
    pub kind: OfficialKind,
    pub surname: PersonName,
    pub given_name: PersonName,
    pub patronymic: Option<PersonName>,
    pub position: LocalizedText,
    /// The areas the official handles (R22, R27), in kk/ru/en.
    pub competence: Vec<LocalizedText>,
    /// Sample data, shown as such until a real office replaces it.
    pub sample: bool,
}

/// The fields of a [`Schedule`], checked together by [`Schedule::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleParts {
    pub id: ScheduleId,
    pub official_id: OfficialId,
    pub recurrence: Recurrence,
    pub hours: Hours,
    pub place: Place,
    pub format: Format,
    pub capacity: Capacity,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    /// Single dates on which the reception does not take place.
    pub cancelled: BTreeSet<Date>,
    /// Single receptions held on another day: the scheduled date → the day it moves to.
    pub moved: BTreeMap<Date, Date>,
}

/// Why [`ScheduleParts`] do not make a [`Schedule`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScheduleError {
    /// `valid_to` is before `valid_from`.
    ValidToBeforeValidFrom,
    /// A reception "moved" to its own date.
    MovedToSameDay,
    /// A moved reception's scheduled date lies outside the validity range.
    MovedOutsideValidity,
}

impl ScheduleError {
    pub fn code(self) -> &'static str {
        match self {
            ScheduleError::ValidToBeforeValidFrom => "before_valid_from",
            ScheduleError::MovedToSameDay => "moved_to_same_day",
            ScheduleError::MovedOutsideValidity => "outside_validity",
        }
    }
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for ScheduleError {}

/// A reception schedule of one official: a recurrence at given hours and place, valid over
/// `valid_from..=valid_to` (open-ended without `valid_to`), minus cancelled dates.
///
/// Fields are private so that the validity range is never inverted; read them with the
/// accessors. Serialised (for storage) as
/// `{"id","official_id","recurrence":"weekly:mon,wed","start":"10:00","end":"13:00",
/// "place":{…},"format","capacity","valid_from","valid_to"|null,"cancelled":["YYYY-MM-DD"…]}`;
/// deserialising goes through [`Schedule::new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ScheduleWire", into = "ScheduleWire")]
pub struct Schedule {
    parts: ScheduleParts,
}

impl Schedule {
    pub fn new(parts: ScheduleParts) -> Result<Schedule, ScheduleError> {
        if parts.valid_to.is_some_and(|to| to < parts.valid_from) {
            return Err(ScheduleError::ValidToBeforeValidFrom);
        }
        let schedule = Schedule { parts };
        for (&from, &to) in &schedule.parts.moved {
            if from == to {
                return Err(ScheduleError::MovedToSameDay);
            }
            if !schedule.is_valid_on(from) {
                return Err(ScheduleError::MovedOutsideValidity);
            }
        }
        Ok(schedule)
    }

    pub fn parts(&self) -> &ScheduleParts {
        &self.parts
    }

    pub fn into_parts(self) -> ScheduleParts {
        self.parts
    }

    pub fn id(&self) -> &ScheduleId {
        &self.parts.id
    }

    pub fn official_id(&self) -> &OfficialId {
        &self.parts.official_id
    }

    pub fn recurrence(&self) -> Recurrence {
        self.parts.recurrence
    }

    pub fn hours(&self) -> Hours {
        self.parts.hours
    }

    pub fn place(&self) -> &Place {
        &self.parts.place
    }

    pub fn format(&self) -> Format {
        self.parts.format
    }

    pub fn capacity(&self) -> Capacity {
        self.parts.capacity
    }

    pub fn valid_from(&self) -> Date {
        self.parts.valid_from
    }

    pub fn valid_to(&self) -> Option<Date> {
        self.parts.valid_to
    }

    pub fn cancelled(&self) -> &BTreeSet<Date> {
        &self.parts.cancelled
    }

    /// Whether `date` lies in `valid_from..=valid_to`.
    pub fn is_valid_on(&self, date: Date) -> bool {
        self.parts.valid_from <= date && self.parts.valid_to.is_none_or(|to| date <= to)
    }

    /// Whether the recurrence would hold a reception on `date` (a working day of the
    /// calendar within the validity range), before cancellations.
    pub fn is_scheduled_on(&self, calendar: &Calendar, date: Date) -> bool {
        self.is_valid_on(date)
            && self.parts.recurrence.matches(date)
            && calendar.is_working_day(date)
    }

    /// The receptions of the schedule within `from..=to` (both included) and its validity
    /// range, in date order. Never on a day that is not a working day of `calendar`: a
    /// holiday moves nothing but the day off itself, so a reception that falls on a day off
    /// simply does not take place that week or month (DESIGN: 16 Dec 2026) unless the
    /// office moves it explicitly (`moved`, to a working day). Cancelled dates are left out.
    pub fn occurrences(&self, calendar: &Calendar, from: Date, to: Date) -> Vec<Occurrence> {
        let first = from.max(self.parts.valid_from);
        let last = self.parts.valid_to.map_or(to, |v| v.min(to));
        let mut out = Vec::new();
        let mut day = first;
        while day <= last {
            // Cheap checks first: the calendar is looked up only for candidate dates.
            if self.parts.recurrence.matches(day)
                && !self.parts.cancelled.contains(&day)
                && !self.parts.moved.contains_key(&day)
                && calendar.is_working_day(day)
            {
                out.push(self.occurrence_on(day));
            }
            match day.next_day() {
                Some(next) => day = next,
                None => break,
            }
        }
        // A move takes a reception the recurrence holds (a day off included: that is what
        // moving is for) to another working day; never a second one on a day that has one.
        for (&scheduled, &target) in &self.parts.moved {
            let held = self.parts.recurrence.matches(scheduled)
                && !self.parts.cancelled.contains(&scheduled);
            if held
                && (from..=to).contains(&target)
                && calendar.is_working_day(target)
                && !out.iter().any(|o| o.date == target)
            {
                out.push(self.occurrence_on(target));
            }
        }
        out.sort_by_key(|o| o.date);
        out
    }

    fn occurrence_on(&self, date: Date) -> Occurrence {
        Occurrence {
            schedule_id: self.parts.id.clone(),
            official_id: self.parts.official_id.clone(),
            date,
            hours: self.parts.hours,
            place: self.parts.place.clone(),
            format: self.parts.format,
            capacity: self.parts.capacity,
        }
    }
}

/// The storage shape of a [`Schedule`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScheduleWire {
    id: ScheduleId,
    official_id: OfficialId,
    recurrence: Recurrence,
    #[serde(with = "hhmm")]
    start: Time,
    #[serde(with = "hhmm")]
    end: Time,
    place: Place,
    format: Format,
    capacity: Capacity,
    #[serde(with = "iso_date")]
    valid_from: Date,
    #[serde(with = "iso_date::option", default)]
    valid_to: Option<Date>,
    #[serde(default)]
    cancelled: Vec<IsoDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    moved: Vec<(IsoDate, IsoDate)>,
}

#[derive(Serialize, Deserialize)]
#[serde(transparent)]
struct IsoDate(#[serde(with = "iso_date")] Date);

/// Why stored schedule JSON was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScheduleWireError {
    Hours(super::parts::HoursError),
    Schedule(ScheduleError),
}

impl fmt::Display for ScheduleWireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScheduleWireError::Hours(e) => f.write_str(e.code()),
            ScheduleWireError::Schedule(e) => f.write_str(e.code()),
        }
    }
}

impl From<Schedule> for ScheduleWire {
    fn from(s: Schedule) -> ScheduleWire {
        let p = s.parts;
        ScheduleWire {
            id: p.id,
            official_id: p.official_id,
            recurrence: p.recurrence,
            start: p.hours.start(),
            end: p.hours.end(),
            place: p.place,
            format: p.format,
            capacity: p.capacity,
            valid_from: p.valid_from,
            valid_to: p.valid_to,
            cancelled: p.cancelled.into_iter().map(IsoDate).collect(),
            moved: p
                .moved
                .into_iter()
                .map(|(a, b)| (IsoDate(a), IsoDate(b)))
                .collect(),
        }
    }
}

impl TryFrom<ScheduleWire> for Schedule {
    type Error = ScheduleWireError;
    fn try_from(w: ScheduleWire) -> Result<Schedule, ScheduleWireError> {
        Schedule::new(ScheduleParts {
            id: w.id,
            official_id: w.official_id,
            recurrence: w.recurrence,
            hours: Hours::new(w.start, w.end).map_err(ScheduleWireError::Hours)?,
            place: w.place,
            format: w.format,
            capacity: w.capacity,
            valid_from: w.valid_from,
            valid_to: w.valid_to,
            cancelled: w.cancelled.into_iter().map(|d| d.0).collect(),
            moved: w.moved.into_iter().map(|(a, b)| (a.0, b.0)).collect(),
        })
        .map_err(ScheduleWireError::Schedule)
    }
}

/// One dated reception of a schedule. Built only by [`Schedule::occurrences`], so its date
/// is always a working day of the calendar it was computed with.
///
/// Serialised as the contract's reception object without the Worker's `booked` and
/// `registration`: `{"id":"gpo-pg-monthly-20261209","official_id","date":"2026-12-09",
/// "start":"2026-12-09T10:00:00+05:00","end":"2026-12-09T13:00:00+05:00","place":{…},
/// "format","capacity"}` (flatten it into the Worker's object).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    schedule_id: ScheduleId,
    official_id: OfficialId,
    date: Date,
    hours: Hours,
    place: Place,
    format: Format,
    capacity: Capacity,
}

impl Occurrence {
    pub fn schedule_id(&self) -> &ScheduleId {
        &self.schedule_id
    }

    pub fn official_id(&self) -> &OfficialId {
        &self.official_id
    }

    pub fn date(&self) -> Date {
        self.date
    }

    pub fn hours(&self) -> Hours {
        self.hours
    }

    pub fn place(&self) -> &Place {
        &self.place
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn capacity(&self) -> Capacity {
        self.capacity
    }

    /// The stable reception id of the contract, `{schedule_id}-{YYYYMMDD}`
    /// (`gpo-pg-monthly-20261209`): the same schedule and date give the same id on every
    /// rebuild, so bookings and calendar UIDs stay attached.
    pub fn reception_id(&self) -> String {
        reception_id(&self.schedule_id, self.date)
    }

    /// The start in Almaty time (UTC+05:00).
    pub fn starts_at(&self) -> OffsetDateTime {
        self.date
            .with_time(self.hours.start())
            .assume_offset(ALMATY)
    }

    /// The end in Almaty time (UTC+05:00).
    pub fn ends_at(&self) -> OffsetDateTime {
        self.date.with_time(self.hours.end()).assume_offset(ALMATY)
    }

    /// The registration state at `now` for an official of `kind` ([`window::state_at`]):
    /// the Worker passes its clock, the SPA the browser's.
    pub fn registration(
        &self,
        calendar: &Calendar,
        kind: OfficialKind,
        now: OffsetDateTime,
    ) -> RegistrationState {
        window::state_at(calendar, kind, self.date, self.hours.start(), now)
    }
}

impl Serialize for Occurrence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            id: String,
            official_id: &'a OfficialId,
            #[serde(with = "iso_date")]
            date: Date,
            #[serde(with = "crate::dates::rfc3339")]
            start: OffsetDateTime,
            #[serde(with = "crate::dates::rfc3339")]
            end: OffsetDateTime,
            place: &'a Place,
            format: Format,
            capacity: Capacity,
        }
        Wire {
            id: self.reception_id(),
            official_id: &self.official_id,
            date: self.date,
            start: self.starts_at(),
            end: self.ends_at(),
            place: &self.place,
            format: self.format,
            capacity: self.capacity,
        }
        .serialize(s)
    }
}

/// `{schedule_id}-{YYYYMMDD}`.
pub fn reception_id(schedule_id: &ScheduleId, date: Date) -> String {
    format!(
        "{}-{:04}{:02}{:02}",
        schedule_id,
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Splits a reception id back into its schedule id and date; `None` if it is not
/// `{schedule_id}-{YYYYMMDD}` with a valid id and date. The date is always the last nine
/// characters, so schedule ids ending in digits (`astana-2`) stay unambiguous.
pub fn parse_reception_id(s: &str) -> Option<(ScheduleId, Date)> {
    let split = s.len().checked_sub(9)?;
    let (id, tail) = (s.get(..split)?, s.get(split..)?);
    let digits = tail.strip_prefix('-')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = digits[..4].parse().ok()?;
    let month: u8 = digits[4..6].parse().ok()?;
    let day: u8 = digits[6..].parse().ok()?;
    let date = Date::from_calendar_date(year, month.try_into().ok()?, day).ok()?;
    Some((ScheduleId::parse(id).ok()?, date))
}

/// The horizon for published receptions: the next eight weeks.
pub const UPCOMING_WEEKS: u32 = 8;

/// The receptions of `schedules` in the `weeks` weeks starting `today` (`today..today +
/// 7·weeks` days, `today` included), sorted by date, start time and schedule id, so that
/// every rebuild publishes them in the same order.
pub fn upcoming<'a>(
    schedules: impl IntoIterator<Item = &'a Schedule>,
    calendar: &Calendar,
    today: Date,
    weeks: u32,
) -> Vec<Occurrence> {
    if weeks == 0 {
        return Vec::new();
    }
    let to = today.saturating_add(Duration::days(i64::from(weeks) * 7 - 1));
    let mut all: Vec<Occurrence> = schedules
        .into_iter()
        .flat_map(|s| s.occurrences(calendar, today, to))
        .collect();
    all.sort_by(|a, b| {
        (a.date, a.hours.start(), &a.schedule_id).cmp(&(b.date, b.hours.start(), &b.schedule_id))
    });
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Capacity, Format, Hours, Place};
    use crate::window::{ClosedReason, RegistrationState};
    use proptest::prelude::*;
    use serde_json::json;
    use time::macros::{date, datetime, time};

    fn kz() -> &'static Calendar {
        Calendar::kazakhstan()
    }

    fn schedule(
        id: &str,
        recurrence: &str,
        valid_from: Date,
        valid_to: Option<Date>,
        cancelled: &[Date],
    ) -> Schedule {
        Schedule::new(ScheduleParts {
            id: ScheduleId::parse(id).unwrap(),
            official_id: OfficialId::parse("gpo-pg").unwrap(),
            recurrence: Recurrence::parse(recurrence).unwrap(),
            hours: Hours::new(time!(10:00), time!(13:00)).unwrap(),
            place: Place::Office,
            format: Format::InPerson,
            capacity: Capacity::new(10).unwrap(),
            valid_from,
            valid_to,
            cancelled: cancelled.iter().copied().collect(),
            moved: BTreeMap::new(),
        })
        .unwrap()
    }

    /// A reception that would fall on a day off, or that the office reschedules, is held on
    /// the day it is moved to; the scheduled day has none.
    #[test]
    fn a_moved_reception_is_held_on_its_new_day() {
        // Weekly on Wednesdays: 16 Dec 2026 is Independence Day, moved to Thursday 17 Dec;
        // 9 Dec is moved to Friday 11 Dec.
        let mut parts = open("gpo-pg-weekly", "weekly:wed").into_parts();
        parts
            .moved
            .insert(date!(2026 - 12 - 16), date!(2026 - 12 - 17));
        parts
            .moved
            .insert(date!(2026 - 12 - 09), date!(2026 - 12 - 11));
        let s = Schedule::new(parts).unwrap();
        assert_eq!(
            dates(&s, date!(2026 - 12 - 01), date!(2026 - 12 - 31)),
            [
                date!(2026 - 12 - 02),
                date!(2026 - 12 - 11),
                date!(2026 - 12 - 17),
                date!(2026 - 12 - 23),
                date!(2026 - 12 - 30)
            ]
        );
        // Not to a day off, and only within the asked range.
        let mut parts = open("gpo-pg-weekly", "weekly:wed").into_parts();
        parts
            .moved
            .insert(date!(2026 - 12 - 09), date!(2026 - 12 - 16));
        let s = Schedule::new(parts).unwrap();
        assert!(!dates(&s, date!(2026 - 12 - 01), date!(2026 - 12 - 31))
            .contains(&date!(2026 - 12 - 16)));
        assert_eq!(
            dates(&s, date!(2026 - 12 - 10), date!(2026 - 12 - 10)),
            Vec::<Date>::new()
        );
    }

    #[test]
    fn moves_are_checked() {
        let mut parts = open("gpo-pg-weekly", "weekly:wed").into_parts();
        parts
            .moved
            .insert(date!(2026 - 12 - 09), date!(2026 - 12 - 09));
        assert_eq!(Schedule::new(parts), Err(ScheduleError::MovedToSameDay));
        let mut parts = open("gpo-pg-weekly", "weekly:wed").into_parts();
        parts
            .moved
            .insert(date!(2025 - 12 - 10), date!(2025 - 12 - 11));
        assert_eq!(
            Schedule::new(parts),
            Err(ScheduleError::MovedOutsideValidity)
        );
    }

    fn open(id: &str, recurrence: &str) -> Schedule {
        schedule(id, recurrence, date!(2026 - 01 - 01), None, &[])
    }

    fn dates(s: &Schedule, from: Date, to: Date) -> Vec<Date> {
        s.occurrences(kz(), from, to)
            .iter()
            .map(Occurrence::date)
            .collect()
    }

    /// The days off of the examples: Independence Day (Wed 16 Dec 2026), New Year (Fri 1
    /// and Sat 2 Jan 2027), Orthodox Christmas (Thu 7 Jan 2027).
    const DAYS_OFF: [Date; 4] = [
        date!(2026 - 12 - 16),
        date!(2027 - 01 - 01),
        date!(2027 - 01 - 02),
        date!(2027 - 01 - 07),
    ];

    /// R37 (daily), R26/R38 (weekly), R13 (monthly): no reception on a day off, ever.
    #[test]
    fn r13_r26_r37_no_reception_on_16_dec_2026_1_2_7_jan_2027() {
        for day in DAYS_OFF {
            assert!(!kz().is_working_day(day), "{day}");
        }
        for rec in [
            "daily",
            "weekly:wed",
            "weekly:thu",
            "weekly:fri",
            "weekly:mon,tue,wed,thu,fri",
            "monthly:3:wed",
            "monthly:1:fri",
            "monthly:1:thu",
        ] {
            let got = dates(
                &open("s", rec),
                date!(2026 - 12 - 01),
                date!(2027 - 01 - 31),
            );
            for day in DAYS_OFF {
                assert!(!got.contains(&day), "{rec}: {day}");
            }
            for day in &got {
                assert!(kz().is_working_day(*day), "{rec}: {day}");
            }
        }
    }

    /// A holiday moves nothing else: the Wednesday reception of 16 Dec 2026 is not moved to
    /// Thursday, it does not take place; daily receptions go on either side of the day.
    #[test]
    fn r26_r37_a_holiday_moves_no_reception() {
        for (rec, from, to, expected) in [
            (
                "weekly:wed",
                date!(2026 - 12 - 01),
                date!(2026 - 12 - 31),
                vec![
                    date!(2026 - 12 - 02),
                    date!(2026 - 12 - 09),
                    date!(2026 - 12 - 23),
                    date!(2026 - 12 - 30),
                ],
            ),
            (
                "daily",
                date!(2026 - 12 - 14),
                date!(2026 - 12 - 20),
                vec![
                    date!(2026 - 12 - 14),
                    date!(2026 - 12 - 15),
                    date!(2026 - 12 - 17),
                    date!(2026 - 12 - 18),
                ],
            ),
            (
                "weekly:thu,fri",
                date!(2026 - 12 - 28),
                date!(2027 - 01 - 10),
                vec![date!(2026 - 12 - 31), date!(2027 - 01 - 08)],
            ),
        ] {
            assert_eq!(dates(&open("s", rec), from, to), expected, "{rec}");
        }
    }

    /// R13: the n-th and the last weekday of the month; a date that is a day off is not
    /// replaced that month.
    #[test]
    fn r13_monthly_nth_and_last() {
        for (rec, from, to, expected) in [
            (
                "monthly:2:wed",
                date!(2026 - 12 - 01),
                date!(2027 - 02 - 28),
                vec![
                    date!(2026 - 12 - 09),
                    date!(2027 - 01 - 13),
                    date!(2027 - 02 - 10),
                ],
            ),
            // 16 Dec 2026 is the third Wednesday: no reception in December.
            (
                "monthly:3:wed",
                date!(2026 - 12 - 01),
                date!(2027 - 01 - 31),
                vec![date!(2027 - 01 - 20)],
            ),
            // 1 Jan 2027 is the first Friday, 7 Jan the first Thursday.
            (
                "monthly:1:fri",
                date!(2027 - 01 - 01),
                date!(2027 - 02 - 28),
                vec![date!(2027 - 02 - 05)],
            ),
            (
                "monthly:1:thu",
                date!(2027 - 01 - 01),
                date!(2027 - 01 - 31),
                vec![],
            ),
            // Five Wednesdays in December 2026: the last is the fifth.
            (
                "monthly:last:wed",
                date!(2026 - 12 - 01),
                date!(2026 - 12 - 31),
                vec![date!(2026 - 12 - 30)],
            ),
            (
                "monthly:4:wed",
                date!(2026 - 12 - 01),
                date!(2026 - 12 - 31),
                vec![date!(2026 - 12 - 23)],
            ),
            // Four Fridays in February 2027: the last is the fourth.
            (
                "monthly:last:fri",
                date!(2027 - 01 - 01),
                date!(2027 - 02 - 28),
                vec![date!(2027 - 01 - 29), date!(2027 - 02 - 26)],
            ),
        ] {
            assert_eq!(dates(&open("s", rec), from, to), expected, "{rec}");
        }
    }

    #[test]
    fn cancelled_dates_are_removed_and_the_validity_range_is_honoured() {
        let dec = (date!(2026 - 12 - 01), date!(2026 - 12 - 31));
        let s = schedule(
            "s",
            "weekly:wed",
            date!(2026 - 01 - 01),
            None,
            &[date!(2026 - 12 - 09), date!(2026 - 12 - 10)],
        );
        assert_eq!(
            dates(&s, dec.0, dec.1),
            [
                date!(2026 - 12 - 02),
                date!(2026 - 12 - 23),
                date!(2026 - 12 - 30)
            ]
        );
        let s = schedule(
            "s",
            "weekly:wed",
            date!(2026 - 12 - 09),
            Some(date!(2026 - 12 - 23)),
            &[],
        );
        assert_eq!(
            dates(&s, dec.0, dec.1),
            [date!(2026 - 12 - 09), date!(2026 - 12 - 23)]
        );
        // A query range inside or outside the validity range.
        assert_eq!(dates(&s, date!(2026 - 12 - 10), date!(2026 - 12 - 22)), []);
        assert_eq!(dates(&s, date!(2027 - 01 - 01), date!(2027 - 01 - 31)), []);
        assert_eq!(dates(&s, date!(2026 - 12 - 31), date!(2026 - 12 - 01)), []);
        assert!(s.is_valid_on(date!(2026 - 12 - 09)) && s.is_valid_on(date!(2026 - 12 - 23)));
        assert!(!s.is_valid_on(date!(2026 - 12 - 08)) && !s.is_valid_on(date!(2026 - 12 - 24)));
        // A one-day schedule.
        let one = schedule(
            "s",
            "weekly:tue",
            date!(2027 - 01 - 05),
            Some(date!(2027 - 01 - 05)),
            &[],
        );
        assert_eq!(
            dates(&one, date!(2027 - 01 - 01), date!(2027 - 01 - 31)),
            [date!(2027 - 01 - 05)]
        );
    }

    #[test]
    fn valid_to_before_valid_from_is_refused() {
        let mut parts = open("s", "daily").into_parts();
        parts.valid_to = Some(date!(2025 - 12 - 31));
        assert_eq!(
            Schedule::new(parts).map_err(ScheduleError::code),
            Err("before_valid_from")
        );
    }

    /// The contract's reception id and object; the same schedule and date always give the
    /// same id.
    #[test]
    fn reception_ids_are_stable() {
        let s = open("gpo-pg-monthly", "monthly:2:wed");
        let occ = s.occurrences(kz(), date!(2026 - 12 - 01), date!(2026 - 12 - 31));
        assert_eq!(occ.len(), 1);
        let o = &occ[0];
        assert_eq!(o.reception_id(), "gpo-pg-monthly-20261209");
        assert_eq!(
            s.occurrences(kz(), date!(2026 - 11 - 01), date!(2027 - 01 - 31))[1].reception_id(),
            "gpo-pg-monthly-20261209"
        );
        assert_eq!(o.starts_at(), datetime!(2026-12-09 10:00 +5));
        assert_eq!(o.ends_at(), datetime!(2026-12-09 13:00 +5));
        assert_eq!(
            serde_json::to_value(o).unwrap(),
            json!({
                "id": "gpo-pg-monthly-20261209",
                "official_id": "gpo-pg",
                "date": "2026-12-09",
                "start": "2026-12-09T10:00:00+05:00",
                "end": "2026-12-09T13:00:00+05:00",
                "place": {"kind": "office", "name": null, "address": null},
                "format": "in_person",
                "capacity": 10
            })
        );
        let id = ScheduleId::parse("astana-2").unwrap();
        assert_eq!(
            reception_id(&id, date!(2027 - 01 - 05)),
            "astana-2-20270105"
        );
        assert_eq!(
            parse_reception_id("astana-2-20270105"),
            Some((id, date!(2027 - 01 - 05)))
        );
        for bad in [
            "",
            "20270105",
            "-20270105",
            "astana-2-2027015",
            "astana-2-20271305",
            "astana-2-20270230",
            "astana-2_20270105",
            "Astana-20270105",
            "astana--20270105",
            "astana-2-2027010５",
        ] {
            assert_eq!(parse_reception_id(bad), None, "{bad:?}");
        }
    }

    /// Issue 5 acceptance (R13): a PG monthly schedule has a reception in each of the next
    /// two calendar months, seen from 25 Nov 2026, within the 8 published weeks.
    #[test]
    fn r13_pg_monthly_has_a_reception_in_each_of_the_next_two_months_from_2026_11_25() {
        let pg = open("gpo-pg-monthly", "monthly:2:wed");
        let got = upcoming([&pg], kz(), date!(2026 - 11 - 25), UPCOMING_WEEKS);
        let ids: Vec<String> = got.iter().map(Occurrence::reception_id).collect();
        assert_eq!(ids, ["gpo-pg-monthly-20261209", "gpo-pg-monthly-20270113"]);
        for (year, month) in [(2026, time::Month::December), (2027, time::Month::January)] {
            assert!(
                got.iter()
                    .any(|o| o.date().year() == year && o.date().month() == month),
                "{year}-{month}"
            );
        }
        // The horizon: today plus 8·7 − 1 days, today included.
        assert_eq!(
            upcoming([&open("d", "daily")], kz(), date!(2026 - 11 - 25), 8)
                .last()
                .map(Occurrence::date),
            Some(date!(2027 - 01 - 19))
        );
        assert_eq!(upcoming([&pg], kz(), date!(2026 - 11 - 25), 0), []);
    }

    #[test]
    fn upcoming_is_sorted_by_date_start_and_schedule_id() {
        let mut late = open("a-late", "weekly:mon").into_parts();
        late.hours = Hours::new(time!(15:00), time!(17:00)).unwrap();
        let late = Schedule::new(late).unwrap();
        let schedules = [
            open("z-first", "weekly:mon,tue"),
            late,
            open("b-early", "weekly:mon"),
        ];
        let got: Vec<String> = upcoming(&schedules, kz(), date!(2026 - 11 - 30), 1)
            .iter()
            .take(4)
            .map(|o| format!("{} {}", o.reception_id(), format_hhmm_of(o)))
            .collect();
        assert_eq!(
            got,
            [
                "b-early-20261130 10:00",
                "z-first-20261130 10:00",
                "a-late-20261130 15:00",
                "z-first-20261201 10:00",
            ]
        );
    }

    fn format_hhmm_of(o: &Occurrence) -> String {
        crate::schedule::format_hhmm(o.hours().start())
    }

    /// R16 through an occurrence: a PG reception on Mon 14 Dec 2026 closes on 9 Dec 18:30.
    #[test]
    fn r16_occurrence_registration_state() {
        let pg = open("gpo-pg-monthly", "monthly:2:mon");
        let occ = pg.occurrences(kz(), date!(2026 - 12 - 01), date!(2026 - 12 - 31));
        assert_eq!(occ[0].date(), date!(2026 - 12 - 14));
        let now = datetime!(2026-12-01 12:00 +5);
        assert_eq!(
            occ[0].registration(kz(), OfficialKind::ProsecutorGeneral, now),
            RegistrationState::Open {
                closes_at: datetime!(2026-12-09 18:30 +5)
            }
        );
        assert_eq!(
            occ[0].registration(kz(), OfficialKind::DistrictHead, now),
            RegistrationState::WalkIn
        );
        assert_eq!(
            occ[0].registration(
                kz(),
                OfficialKind::ProsecutorGeneral,
                datetime!(2026-12-10 09:00 +5)
            ),
            RegistrationState::Closed {
                reason: ClosedReason::WindowPassed {
                    clause: crate::window::WindowClause::R16
                }
            }
        );
    }

    #[test]
    fn schedules_round_trip_through_json_and_deserialising_validates() {
        let s = schedule(
            "gpo-pg-monthly",
            "monthly:last:fri",
            date!(2026 - 01 - 01),
            Some(date!(2027 - 06 - 30)),
            &[date!(2026 - 12 - 25)],
        );
        let wire = json!({
            "id": "gpo-pg-monthly",
            "official_id": "gpo-pg",
            "recurrence": "monthly:last:fri",
            "start": "10:00",
            "end": "13:00",
            "place": {"kind": "office", "name": null, "address": null},
            "format": "in_person",
            "capacity": 10,
            "valid_from": "2026-01-01",
            "valid_to": "2027-06-30",
            "cancelled": ["2026-12-25"]
        });
        assert_eq!(serde_json::to_value(&s).unwrap(), wire);
        assert_eq!(serde_json::from_value::<Schedule>(wire.clone()).unwrap(), s);
        for (key, value) in [
            ("valid_to", json!("2025-12-31")),
            ("end", json!("09:00")),
            ("recurrence", json!("weekly:sun")),
            ("capacity", json!(0)),
            ("id", json!("Bad Id")),
            ("unknown", json!(1)),
        ] {
            let mut bad = wire.clone();
            bad[key] = value;
            assert!(serde_json::from_value::<Schedule>(bad).is_err(), "{key}");
        }
    }

    fn recurrence() -> impl Strategy<Value = Recurrence> {
        prop_oneof![
            Just("daily".to_owned()),
            prop::sample::subsequence(vec!["mon", "tue", "wed", "thu", "fri"], 1..=5)
                .prop_map(|days| format!("weekly:{}", days.join(","))),
            (
                prop::sample::select(vec!["1", "2", "3", "4", "last"]),
                prop::sample::select(vec!["mon", "tue", "wed", "thu", "fri"]),
            )
                .prop_map(|(n, d)| format!("monthly:{n}:{d}")),
        ]
        .prop_map(|s| Recurrence::parse(&s).unwrap())
    }

    fn any_date() -> impl Strategy<Value = Date> {
        // The supported years of the calendar, 2024..=2028.
        (0i64..1_827).prop_map(|n| date!(2024 - 01 - 01) + Duration::days(n))
    }

    proptest! {
        /// Occurrences are working days, in the query and validity ranges, scheduled by
        /// the recurrence, not cancelled, strictly increasing; and none is missing.
        #[test]
        fn occurrences_are_working_days_in_range_and_sorted(
            rec in recurrence(),
            a in any_date(),
            b in any_date(),
            span in 0i64..120,
            valid_days in prop::option::of(0i64..400),
            cancelled in prop::collection::vec(any_date(), 0..10),
        ) {
            let valid_to = valid_days.map(|n| a + Duration::days(n));
            let mut s = open("s", "daily").into_parts();
            s.recurrence = rec;
            s.valid_from = a;
            s.valid_to = valid_to;
            s.cancelled = cancelled.iter().copied().collect();
            let s = Schedule::new(s).unwrap();
            let (from, to) = (b, b + Duration::days(span));
            let got = s.occurrences(kz(), from, to);
            for pair in got.windows(2) {
                prop_assert!(pair[0].date() < pair[1].date());
            }
            let mut expected = Vec::new();
            let mut d = from;
            while d <= to {
                if s.is_valid_on(d) && rec.matches(d) && kz().is_working_day(d)
                    && !s.cancelled().contains(&d)
                {
                    expected.push(d);
                }
                d = d.next_day().unwrap();
            }
            let dates: Vec<Date> = got.iter().map(Occurrence::date).collect();
            prop_assert_eq!(&dates, &expected);
            for o in &got {
                prop_assert!(kz().is_working_day(o.date()));
                prop_assert!(from <= o.date() && o.date() <= to);
                prop_assert!(s.is_valid_on(o.date()));
                prop_assert!(!s.cancelled().contains(&o.date()));
                prop_assert_eq!(o.starts_at().offset(), ALMATY);
                prop_assert!(o.starts_at() < o.ends_at());
                prop_assert_eq!(
                    parse_reception_id(&o.reception_id()),
                    Some((s.id().clone(), o.date()))
                );
            }
        }
    }
}
