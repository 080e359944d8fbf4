//! Schedule validation: does an official's schedule meet the minimum reception frequency
//! the Rules set for that official (or, for R38, that institution)? (R13, R26, R38.)
//!
//! The check returns *findings* for staff to act on, never a panic and never a hard error:
//! a schedule with a gap is still a schedule, and staff decide what to do about it.
//!
//! - R13: the PG and his deputies receive at least once a **month**.
//! - R26: regional prosecutors (and equated), heads of agencies, institutions and the
//!   education organisation, and their deputies, at least once a **week**.
//! - R38: a duty reception in every supervised internal-affairs body and penitentiary or
//!   special institution at least once a **week**. It is checked per institution, not per
//!   duty prosecutor (RULES.md, "Readings", 8): the caller passes the days of every duty
//!   prosecutor at one institution together ([`crate::schedule::check_rows`]).
//! - District heads and deputies (R37) and receiving prosecutors (R4, R39-2) receive every
//!   working day in working hours; their schedule is not a list of days, so no frequency
//!   finding is made from one. Unit heads (R14, R28) receive as the need arises: none either.
//!
//! **Partial months and weeks at the edges of the period are not judged.** Only calendar
//! months (1st..last day) and ISO weeks (Monday..Sunday) lying wholly within the period are
//! checked. A schedule usually follows another one; the part of an edge month outside the
//! period belongs to the neighbouring schedule, so flagging it here would be a false finding.
//! To check a boundary month, check a period that covers it (e.g. the union of both
//! schedules). A period shorter than a whole month (R13) or week (R26, R38) therefore yields
//! no findings.
//!
//! The check works on plain dates: whether a day is a working day is the calendar's
//! business, not this module's.
//!
//! Wire shape of a finding (stable, snake_case codes):
//!
//! ```json
//! {"code":"month_without_reception","clause":"R13","year":2026,"month":12}
//! {"code":"week_without_reception","clause":"R26","iso_year":2026,"week":49,"monday":"2026-11-30"}
//! ```

use crate::official::OfficialKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use time::{Date, Duration, Month, Weekday};

/// The clause that sets a weekly minimum: both R26 and R38 say "at least once a week", for
/// different officials, and a finding must cite the right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WeeklyClause {
    /// R26: regional prosecutors (and equated) and their deputies.
    R26,
    /// R38: the duty receptions at one institution.
    R38,
}

impl WeeklyClause {
    pub fn clause(self) -> &'static str {
        match self {
            WeeklyClause::R26 => "R26",
            WeeklyClause::R38 => "R38",
        }
    }
}

/// The minimum frequency of reception days an official's schedule must meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MinimumFrequency {
    /// R13: at least one reception day in every calendar month.
    Monthly,
    /// R26 / R38: at least one reception day in every ISO week (Monday..Sunday).
    Weekly(WeeklyClause),
}

impl MinimumFrequency {
    pub fn clause(self) -> &'static str {
        match self {
            MinimumFrequency::Monthly => "R13",
            MinimumFrequency::Weekly(c) => c.clause(),
        }
    }
}

/// The frequency the Rules require of this official's schedule, or `None` when the Rules
/// set none that a list of days could violate: daily walk-in reception (R37, R4, R39-2) or
/// reception as the need arises (R14, R28).
pub fn minimum_frequency(kind: OfficialKind) -> Option<MinimumFrequency> {
    match kind {
        OfficialKind::ProsecutorGeneral | OfficialKind::ProsecutorGeneralDeputy => {
            Some(MinimumFrequency::Monthly)
        }
        OfficialKind::RegionalHead | OfficialKind::RegionalDeputy => {
            Some(MinimumFrequency::Weekly(WeeklyClause::R26))
        }
        OfficialKind::DutyProsecutor => Some(MinimumFrequency::Weekly(WeeklyClause::R38)),
        OfficialKind::GpoUnitHead
        | OfficialKind::RegionalUnitHead
        | OfficialKind::DistrictHead
        | OfficialKind::DistrictDeputy
        | OfficialKind::ReceivingProsecutor => None,
    }
}

/// Why two dates do not make a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodError {
    /// `to` is before `from`: the period would be empty.
    EndsBeforeStart,
}

impl PeriodError {
    pub fn code(self) -> &'static str {
        match self {
            PeriodError::EndsBeforeStart => "ends_before_start",
        }
    }
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for PeriodError {}

/// The period a schedule covers: `from..=to`, both days included, never empty
/// (a one-day period has `from == to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    from: Date,
    to: Date,
}

impl Period {
    pub fn new(from: Date, to: Date) -> Result<Period, PeriodError> {
        if to < from {
            return Err(PeriodError::EndsBeforeStart);
        }
        Ok(Period { from, to })
    }

    pub fn from(self) -> Date {
        self.from
    }

    pub fn to(self) -> Date {
        self.to
    }

    pub fn contains(self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }

    /// The calendar months lying wholly within the period, in order (the edge months are
    /// left out unless the period starts on their 1st / ends on their last day).
    pub fn whole_months(self) -> impl Iterator<Item = CalendarMonth> {
        let first = CalendarMonth::containing(self.from).and_then(|m| {
            if m.first == self.from {
                Some(m)
            } else {
                m.next()
            }
        });
        let to = self.to;
        std::iter::successors(first, |m| m.next()).take_while(move |m| m.last <= to)
    }

    /// The ISO weeks (Monday..Sunday) lying wholly within the period, in order.
    pub fn whole_weeks(self) -> impl Iterator<Item = IsoWeek> {
        let to_monday = (7 - i64::from(self.from.weekday().number_days_from_monday())) % 7;
        let first = self
            .from
            .checked_add(Duration::days(to_monday))
            .and_then(IsoWeek::starting);
        let to = self.to;
        std::iter::successors(first, |w| w.next()).take_while(move |w| w.sunday <= to)
    }
}

/// A calendar month: from its 1st to its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarMonth {
    // Invariant: `first` is the 1st and `last` the last day of the same month.
    first: Date,
    last: Date,
}

impl CalendarMonth {
    /// The month of `day`. `None` is never returned for a date that exists; the `Option`
    /// only mirrors the fallible date arithmetic of `time`, so that nothing here can panic.
    fn containing(day: Date) -> Option<CalendarMonth> {
        let first = day.replace_day(1).ok()?;
        let last = day.replace_day(day.month().length(day.year())).ok()?;
        Some(CalendarMonth { first, last })
    }

    /// The following month, `None` past the last representable date.
    fn next(self) -> Option<CalendarMonth> {
        CalendarMonth::containing(self.last.next_day()?)
    }

    pub fn year(self) -> i32 {
        self.first.year()
    }

    pub fn month(self) -> Month {
        self.first.month()
    }

    pub fn first_day(self) -> Date {
        self.first
    }

    pub fn last_day(self) -> Date {
        self.last
    }
}

/// An ISO 8601 week: Monday to Sunday, numbered within its ISO year (which may differ from
/// the calendar year of some of its days, e.g. 2026-W53 ends on 3 January 2027).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoWeek {
    // Invariant: `monday` is a Monday and `sunday` the Sunday six days later.
    monday: Date,
    sunday: Date,
}

impl IsoWeek {
    /// The week starting on `monday`; `None` if it is not a Monday or its Sunday is past the
    /// last representable date.
    fn starting(monday: Date) -> Option<IsoWeek> {
        if monday.weekday() != Weekday::Monday {
            return None;
        }
        let sunday = monday.checked_add(Duration::days(6))?;
        Some(IsoWeek { monday, sunday })
    }

    fn next(self) -> Option<IsoWeek> {
        IsoWeek::starting(self.monday.checked_add(Duration::days(7))?)
    }

    pub fn iso_year(self) -> i32 {
        self.monday.to_iso_week_date().0
    }

    /// The week number, 1..=53.
    pub fn week(self) -> u8 {
        self.monday.to_iso_week_date().1
    }

    pub fn monday(self) -> Date {
        self.monday
    }

    pub fn sunday(self) -> Date {
        self.sunday
    }
}

/// Something staff should look at in a schedule. Each variant can only carry the clause
/// that applies to it, so a finding cannot cite the wrong rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "wire::Finding", try_from = "wire::Finding")]
pub enum Finding {
    /// R13: a calendar month wholly within the period has no reception day.
    MonthWithoutReception(CalendarMonth),
    /// R26 / R38: an ISO week wholly within the period has no reception day.
    WeekWithoutReception { clause: WeeklyClause, week: IsoWeek },
}

impl Finding {
    /// The clause id the finding cites: `"R13"`, `"R26"` or `"R38"`.
    pub fn clause(self) -> &'static str {
        match self {
            Finding::MonthWithoutReception(_) => "R13",
            Finding::WeekWithoutReception { clause, .. } => clause.clause(),
        }
    }

    /// The stable snake_case code the UI translates.
    pub fn code(self) -> &'static str {
        match self {
            Finding::MonthWithoutReception(_) => "month_without_reception",
            Finding::WeekWithoutReception { .. } => "week_without_reception",
        }
    }
}

/// Checks that the reception `days` of `kind`'s schedule over `period` meet the minimum
/// frequency (R13, R26, R38). Days outside the period are ignored, duplicates and order do
/// not matter. Findings come in date order; an empty list means nothing to flag.
pub fn check_schedule(kind: OfficialKind, period: Period, days: &[Date]) -> Vec<Finding> {
    let Some(frequency) = minimum_frequency(kind) else {
        return Vec::new();
    };
    // Only whole months/weeks inside the period are looked up, so days outside it can
    // never satisfy a requirement.
    let days: BTreeSet<Date> = days.iter().copied().collect();
    let has_day = |first: Date, last: Date| days.range(first..=last).next().is_some();
    match frequency {
        MinimumFrequency::Monthly => period
            .whole_months()
            .filter(|m| !has_day(m.first, m.last))
            .map(Finding::MonthWithoutReception)
            .collect(),
        MinimumFrequency::Weekly(clause) => period
            .whole_weeks()
            .filter(|w| !has_day(w.monday, w.sunday))
            .map(|week| Finding::WeekWithoutReception { clause, week })
            .collect(),
    }
}

/// The JSON shape of a [`Finding`]; deserialising checks it back into the typed form.
mod wire {
    use super::{CalendarMonth, IsoWeek, WeeklyClause};
    use serde::{Deserialize, Serialize};
    use std::fmt;
    use time::{Date, Month};

    use crate::calendar::iso_date;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub(super) enum Clause {
        R13,
        R26,
        R38,
    }

    #[derive(Debug, Clone, Copy, Serialize, Deserialize)]
    #[serde(tag = "code", rename_all = "snake_case", deny_unknown_fields)]
    pub(super) enum Finding {
        MonthWithoutReception {
            clause: Clause,
            year: i32,
            month: u8,
        },
        WeekWithoutReception {
            clause: Clause,
            iso_year: i32,
            week: u8,
            #[serde(with = "iso_date")]
            monday: Date,
        },
    }

    /// Why a JSON finding is not a valid [`super::Finding`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) enum Invalid {
        ClauseDoesNotMatchCode,
        NoSuchMonth,
        NotAMonday,
        WeekDoesNotMatchMonday,
    }

    impl fmt::Display for Invalid {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(match self {
                Invalid::ClauseDoesNotMatchCode => "clause_does_not_match_code",
                Invalid::NoSuchMonth => "no_such_month",
                Invalid::NotAMonday => "not_a_monday",
                Invalid::WeekDoesNotMatchMonday => "week_does_not_match_monday",
            })
        }
    }

    impl From<super::Finding> for Finding {
        fn from(f: super::Finding) -> Finding {
            match f {
                super::Finding::MonthWithoutReception(m) => Finding::MonthWithoutReception {
                    clause: Clause::R13,
                    year: m.year(),
                    month: u8::from(m.month()),
                },
                super::Finding::WeekWithoutReception { clause, week } => {
                    Finding::WeekWithoutReception {
                        clause: match clause {
                            WeeklyClause::R26 => Clause::R26,
                            WeeklyClause::R38 => Clause::R38,
                        },
                        iso_year: week.iso_year(),
                        week: week.week(),
                        monday: week.monday(),
                    }
                }
            }
        }
    }

    impl TryFrom<Finding> for super::Finding {
        type Error = Invalid;

        fn try_from(f: Finding) -> Result<super::Finding, Invalid> {
            match f {
                Finding::MonthWithoutReception {
                    clause,
                    year,
                    month,
                } => {
                    if clause != Clause::R13 {
                        return Err(Invalid::ClauseDoesNotMatchCode);
                    }
                    let month = Month::try_from(month).map_err(|_| Invalid::NoSuchMonth)?;
                    Date::from_calendar_date(year, month, 1)
                        .ok()
                        .and_then(CalendarMonth::containing)
                        .map(super::Finding::MonthWithoutReception)
                        .ok_or(Invalid::NoSuchMonth)
                }
                Finding::WeekWithoutReception {
                    clause,
                    iso_year,
                    week,
                    monday,
                } => {
                    let clause = match clause {
                        Clause::R26 => WeeklyClause::R26,
                        Clause::R38 => WeeklyClause::R38,
                        Clause::R13 => return Err(Invalid::ClauseDoesNotMatchCode),
                    };
                    let week_value = IsoWeek::starting(monday).ok_or(Invalid::NotAMonday)?;
                    if (week_value.iso_year(), week_value.week()) != (iso_year, week) {
                        return Err(Invalid::WeekDoesNotMatchMonday);
                    }
                    Ok(super::Finding::WeekWithoutReception {
                        clause,
                        week: week_value,
                    })
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn period(from: Date, to: Date) -> Period {
        Period::new(from, to).unwrap()
    }

    fn month(year: i32, month: u8) -> Finding {
        let first = Date::from_calendar_date(year, Month::try_from(month).unwrap(), 1).unwrap();
        Finding::MonthWithoutReception(CalendarMonth::containing(first).unwrap())
    }

    fn week(clause: WeeklyClause, monday: Date) -> Finding {
        Finding::WeekWithoutReception {
            clause,
            week: IsoWeek::starting(monday).unwrap(),
        }
    }

    /// Every Monday from `from` to `to` (both Mondays), skipping `skip`.
    fn mondays_except(from: Date, to: Date, skip: &[Date]) -> Vec<Date> {
        let mut out = Vec::new();
        let mut d = from;
        while d <= to {
            if !skip.contains(&d) {
                out.push(d);
            }
            d += Duration::days(7);
        }
        out
    }

    struct Case {
        name: &'static str,
        kind: OfficialKind,
        from: Date,
        to: Date,
        days: Vec<Date>,
        expected: Vec<Finding>,
    }

    fn cases() -> Vec<Case> {
        use OfficialKind::*;
        use WeeklyClause::*;
        vec![
            // --- R13: PG and deputies, at least once a month ---
            Case {
                name: "R13 PG: a reception in Nov 2026, none in Dec 2026 -> 2026-12",
                kind: ProsecutorGeneral,
                from: date!(2026 - 11 - 01),
                to: date!(2026 - 12 - 31),
                days: vec![date!(2026 - 11 - 18)],
                expected: vec![month(2026, 12)],
            },
            Case {
                name: "R13 PG deputy: one reception every month of 2026 -> none",
                kind: ProsecutorGeneralDeputy,
                from: date!(2026 - 01 - 01),
                to: date!(2026 - 12 - 31),
                days: (1..=12u8)
                    .map(|m| {
                        Date::from_calendar_date(2026, Month::try_from(m).unwrap(), 15).unwrap()
                    })
                    .collect(),
                expected: vec![],
            },
            Case {
                name: "R13 PG: empty schedule for Q1 2027 -> Jan, Feb, Mar",
                kind: ProsecutorGeneral,
                from: date!(2027 - 01 - 01),
                to: date!(2027 - 03 - 31),
                days: vec![],
                expected: vec![month(2027, 1), month(2027, 2), month(2027, 3)],
            },
            Case {
                name: "R13 partial edge months are not judged: 15 Nov 2026..10 Jan 2027 -> Dec only",
                kind: ProsecutorGeneral,
                from: date!(2026 - 11 - 15),
                to: date!(2027 - 01 - 10),
                days: vec![],
                expected: vec![month(2026, 12)],
            },
            Case {
                name: "R13 a period shorter than a whole month -> none",
                kind: ProsecutorGeneral,
                from: date!(2026 - 12 - 02),
                to: date!(2026 - 12 - 31),
                days: vec![],
                expected: vec![],
            },
            Case {
                name: "R13 leap February: 1..29 Feb 2028 is a whole month -> 2028-02",
                kind: ProsecutorGeneralDeputy,
                from: date!(2028 - 02 - 01),
                to: date!(2028 - 02 - 29),
                days: vec![],
                expected: vec![month(2028, 2)],
            },
            Case {
                name: "R13 days outside the period are ignored -> 2026-12",
                kind: ProsecutorGeneral,
                from: date!(2026 - 12 - 01),
                to: date!(2026 - 12 - 31),
                days: vec![date!(2026 - 11 - 30), date!(2027 - 01 - 01)],
                expected: vec![month(2026, 12)],
            },
            Case {
                name: "R13 duplicate and unsorted days are fine -> none",
                kind: ProsecutorGeneral,
                from: date!(2026 - 11 - 01),
                to: date!(2026 - 12 - 31),
                days: vec![
                    date!(2026 - 12 - 14),
                    date!(2026 - 11 - 18),
                    date!(2026 - 12 - 14),
                ],
                expected: vec![],
            },
            Case {
                name: "R13 the first and the last day of a month count",
                kind: ProsecutorGeneral,
                from: date!(2026 - 11 - 01),
                to: date!(2026 - 12 - 31),
                days: vec![date!(2026 - 11 - 01), date!(2026 - 12 - 31)],
                expected: vec![],
            },
            Case {
                name: "R13 a one-day period is valid and has no whole month -> none",
                kind: ProsecutorGeneral,
                from: date!(2026 - 12 - 14),
                to: date!(2026 - 12 - 14),
                days: vec![],
                expected: vec![],
            },
            // --- R26: regional heads, deputies and equated, at least once a week ---
            Case {
                name: "R26 regional head: Mondays Nov 2..Dec 7 2026 without Nov 30 -> week of 2026-11-30",
                kind: RegionalHead,
                from: date!(2026 - 11 - 02),
                to: date!(2026 - 12 - 13),
                days: mondays_except(
                    date!(2026 - 11 - 02),
                    date!(2026 - 12 - 07),
                    &[date!(2026 - 11 - 30)],
                ),
                expected: vec![week(R26, date!(2026 - 11 - 30))],
            },
            Case {
                name: "R26 regional deputy: a reception on the Sunday counts for its week",
                kind: RegionalDeputy,
                from: date!(2026 - 11 - 30),
                to: date!(2026 - 12 - 06),
                days: vec![date!(2026 - 12 - 06)],
                expected: vec![],
            },
            Case {
                name: "R26 partial edge weeks are not judged: Wed 2 Dec..Tue 15 Dec 2026 -> week of 7 Dec",
                kind: RegionalDeputy,
                from: date!(2026 - 12 - 02),
                to: date!(2026 - 12 - 15),
                days: vec![],
                expected: vec![week(R26, date!(2026 - 12 - 07))],
            },
            Case {
                name: "R26 ISO week across the new year: 28 Dec 2026..3 Jan 2027 is 2026-W53",
                kind: RegionalHead,
                from: date!(2026 - 12 - 28),
                to: date!(2027 - 01 - 03),
                days: vec![],
                expected: vec![week(R26, date!(2026 - 12 - 28))],
            },
            Case {
                name: "R26 a period shorter than a week -> none",
                kind: RegionalHead,
                from: date!(2026 - 12 - 01),
                to: date!(2026 - 12 - 06),
                days: vec![],
                expected: vec![],
            },
            // --- R38: duty prosecutors, at least once a week ---
            Case {
                name: "R38 duty prosecutor: Thursdays in Jan 2027 without 21 Jan -> week of 2027-01-18",
                kind: DutyProsecutor,
                from: date!(2027 - 01 - 04),
                to: date!(2027 - 01 - 31),
                days: vec![date!(2027 - 01 - 07), date!(2027 - 01 - 14), date!(2027 - 01 - 28)],
                expected: vec![week(R38, date!(2027 - 01 - 18))],
            },
            Case {
                name: "R38 duty prosecutor: every week covered -> none",
                kind: DutyProsecutor,
                from: date!(2027 - 01 - 04),
                to: date!(2027 - 01 - 31),
                days: vec![
                    date!(2027 - 01 - 07),
                    date!(2027 - 01 - 14),
                    date!(2027 - 01 - 21),
                    date!(2027 - 01 - 28),
                ],
                expected: vec![],
            },
            // --- R37, R4, R39-2: daily walk-in reception; R14, R28: as needed ---
            Case {
                name: "R37 district head: no frequency finding from a day list",
                kind: DistrictHead,
                from: date!(2026 - 01 - 01),
                to: date!(2026 - 12 - 31),
                days: vec![],
                expected: vec![],
            },
            Case {
                name: "R37 district deputy: none",
                kind: DistrictDeputy,
                from: date!(2026 - 01 - 01),
                to: date!(2026 - 12 - 31),
                days: vec![],
                expected: vec![],
            },
            Case {
                name: "R4 / R39-2 receiving prosecutor: none",
                kind: ReceivingProsecutor,
                from: date!(2026 - 01 - 01),
                to: date!(2026 - 12 - 31),
                days: vec![],
                expected: vec![],
            },
            Case {
                name: "R14 GPO unit head: as needed, none",
                kind: GpoUnitHead,
                from: date!(2026 - 01 - 01),
                to: date!(2026 - 12 - 31),
                days: vec![],
                expected: vec![],
            },
            Case {
                name: "R28 regional unit head: as needed, none",
                kind: RegionalUnitHead,
                from: date!(2026 - 01 - 01),
                to: date!(2026 - 12 - 31),
                days: vec![],
                expected: vec![],
            },
        ]
    }

    #[test]
    fn r13_r26_r38_schedule_cases() {
        for case in cases() {
            let got = check_schedule(case.kind, period(case.from, case.to), &case.days);
            assert_eq!(got, case.expected, "{}", case.name);
        }
    }

    /// R13, R26, R38: which officials have a minimum frequency, and which clause sets it.
    #[test]
    fn r13_r26_r38_minimum_frequency_per_kind() {
        for kind in OfficialKind::ALL {
            let expected = match kind {
                OfficialKind::ProsecutorGeneral | OfficialKind::ProsecutorGeneralDeputy => {
                    Some("R13")
                }
                OfficialKind::RegionalHead | OfficialKind::RegionalDeputy => Some("R26"),
                OfficialKind::DutyProsecutor => Some("R38"),
                _ => None,
            };
            assert_eq!(
                minimum_frequency(kind).map(MinimumFrequency::clause),
                expected,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn inverted_period_is_a_typed_error() {
        assert_eq!(
            Period::new(date!(2026 - 12 - 31), date!(2026 - 12 - 01)),
            Err(PeriodError::EndsBeforeStart)
        );
        assert_eq!(PeriodError::EndsBeforeStart.code(), "ends_before_start");
        assert_eq!(
            serde_json::to_string(&PeriodError::EndsBeforeStart).unwrap(),
            "\"ends_before_start\""
        );
    }

    /// The edges of the representable range: no panic, and only whole units are reported.
    #[test]
    fn extreme_periods_do_not_panic() {
        let all = period(Date::MIN, Date::MAX);
        for kind in [
            OfficialKind::ProsecutorGeneral,
            OfficialKind::RegionalHead,
            OfficialKind::DutyProsecutor,
        ] {
            let findings = check_schedule(kind, all, &[]);
            assert!(!findings.is_empty());
        }
        let last_week = period(date!(9999 - 12 - 27), Date::MAX);
        assert_eq!(
            check_schedule(OfficialKind::RegionalHead, last_week, &[]),
            []
        );
        let last_month = period(date!(9999 - 12 - 01), Date::MAX);
        assert_eq!(
            check_schedule(OfficialKind::ProsecutorGeneral, last_month, &[]),
            [month(9999, 12)]
        );
    }

    #[test]
    fn iso_week_accessors() {
        let w = IsoWeek::starting(date!(2026 - 12 - 28)).unwrap();
        assert_eq!((w.iso_year(), w.week()), (2026, 53));
        assert_eq!(w.sunday(), date!(2027 - 01 - 03));
        assert_eq!(IsoWeek::starting(date!(2026 - 12 - 29)), None);
        let m = CalendarMonth::containing(date!(2028 - 02 - 14)).unwrap();
        assert_eq!((m.year(), m.month()), (2028, Month::February));
        assert_eq!(
            (m.first_day(), m.last_day()),
            (date!(2028 - 02 - 01), date!(2028 - 02 - 29))
        );
    }

    #[test]
    fn finding_wire_shapes() {
        let f = month(2026, 12);
        assert_eq!((f.clause(), f.code()), ("R13", "month_without_reception"));
        assert_eq!(
            serde_json::to_value(f).unwrap(),
            serde_json::json!({"code":"month_without_reception","clause":"R13","year":2026,"month":12})
        );
        let f = week(WeeklyClause::R26, date!(2026 - 11 - 30));
        assert_eq!((f.clause(), f.code()), ("R26", "week_without_reception"));
        assert_eq!(
            serde_json::to_value(f).unwrap(),
            serde_json::json!({"code":"week_without_reception","clause":"R26","iso_year":2026,"week":49,"monday":"2026-11-30"})
        );
        let f = week(WeeklyClause::R38, date!(2027 - 01 - 18));
        assert_eq!(f.clause(), "R38");
        for f in [
            month(2026, 12),
            week(WeeklyClause::R26, date!(2026 - 11 - 30)),
            week(WeeklyClause::R38, date!(2026 - 12 - 28)),
        ] {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(serde_json::from_str::<Finding>(&json).unwrap(), f, "{json}");
        }
    }

    /// Deserialising goes through the same invariants: a finding cannot cite the wrong
    /// clause or name a week that does not exist.
    #[test]
    fn finding_wire_rejects_inconsistent_json() {
        let bad = [
            r#"{"code":"month_without_reception","clause":"R26","year":2026,"month":12}"#,
            r#"{"code":"month_without_reception","clause":"R13","year":2026,"month":13}"#,
            r#"{"code":"month_without_reception","clause":"R13","year":2026,"month":0}"#,
            r#"{"code":"month_without_reception","clause":"R13","year":100000,"month":1}"#,
            r#"{"code":"week_without_reception","clause":"R13","iso_year":2026,"week":49,"monday":"2026-11-30"}"#,
            r#"{"code":"week_without_reception","clause":"R26","iso_year":2026,"week":49,"monday":"2026-12-01"}"#,
            r#"{"code":"week_without_reception","clause":"R26","iso_year":2026,"week":50,"monday":"2026-11-30"}"#,
            r#"{"code":"week_without_reception","clause":"R26","iso_year":2027,"week":49,"monday":"2026-11-30"}"#,
            r#"{"code":"week_without_reception","clause":"R26","iso_year":2026,"week":49,"monday":"30.11.2026"}"#,
            r#"{"code":"day_without_reception","clause":"R13"}"#,
            r#"{"code":"month_without_reception","clause":"R13","year":2026,"month":12,"extra":1}"#,
        ];
        for json in bad {
            assert!(serde_json::from_str::<Finding>(json).is_err(), "{json}");
        }
    }

    fn any_date() -> impl Strategy<Value = Date> {
        // 2024-01-01 .. about 2028-12-31, the years the service plans for.
        (0i64..1_827).prop_map(|n| date!(2024 - 01 - 01) + Duration::days(n))
    }

    proptest! {
        /// R13, R26, R38 against a brute-force model: a whole month / week within the period
        /// is reported if and only if no reception day falls in it.
        #[test]
        fn findings_match_a_brute_force_model(
            a in any_date(),
            b in any_date(),
            days in prop::collection::vec(any_date(), 0..60),
            kind_index in 0usize..OfficialKind::ALL.len(),
        ) {
            let kind = OfficialKind::ALL[kind_index];
            let p = period(a.min(b), a.max(b));
            let got = check_schedule(kind, p, &days);
            let uncovered = |first: Date, last: Date| {
                !days.iter().any(|d| first <= *d && *d <= last)
            };
            let mut expected = Vec::new();
            let mut d = p.from();
            while d <= p.to() {
                match minimum_frequency(kind) {
                    Some(MinimumFrequency::Monthly) if d.day() == 1 => {
                        let m = CalendarMonth::containing(d).unwrap();
                        if m.last_day() <= p.to() && uncovered(m.first_day(), m.last_day()) {
                            expected.push(Finding::MonthWithoutReception(m));
                        }
                    }
                    Some(MinimumFrequency::Weekly(clause)) if d.weekday() == Weekday::Monday => {
                        let w = IsoWeek::starting(d).unwrap();
                        if w.sunday() <= p.to() && uncovered(w.monday(), w.sunday()) {
                            expected.push(Finding::WeekWithoutReception { clause, week: w });
                        }
                    }
                    _ => {}
                }
                d = d.next_day().unwrap();
            }
            prop_assert_eq!(got, expected);
        }
    }
}
