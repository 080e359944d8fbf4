//! Validating an import of schedules (`cargo xtask import-schedules FILE`, CSV or JSON):
//! one row per schedule, the official's fields repeated on each of the official's rows.
//!
//! [`parse_row`] checks one row and reports every wrong field of it at once, by its column
//! name; [`check_rows`] checks the rows together: unique schedule ids, the rows of one
//! official agreeing, and the minimum reception frequency (R13, R26, R38) over the coming
//! year. The caller loads nothing if either reports a problem, and maps row indexes to line
//! numbers. Codes are stable snake_case ids; texts belong to the tool.

use super::ids::{OfficialId, ScheduleId};
use super::model::{Official, Schedule, ScheduleParts};
use super::parts::{parse_hhmm, Capacity, Format, Hours, Place, PlaceKind};
use super::recurrence::Recurrence;
use crate::calendar::Calendar;
use crate::official::OfficialKind;
use crate::schedule_check::{check_schedule, minimum_frequency, Finding, Period};
use crate::values::PersonName;
use crate::{LocalizedText, OfficeId};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use time::{Date, Duration};

/// One import row: CSV columns or JSON object keys, all strings, empty meaning absent.
/// Unknown keys are refused, so a misspelt column cannot be silently ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScheduleRow {
    pub office_id: String,
    pub official_id: String,
    pub official_kind: String,
    pub surname: String,
    pub given_name: String,
    pub patronymic: String,
    pub position_kk: String,
    pub position_ru: String,
    pub position_en: String,
    pub competence_kk: String,
    pub competence_ru: String,
    pub competence_en: String,
    pub schedule_id: String,
    pub recurrence: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub place_name_kk: String,
    pub place_name_ru: String,
    pub place_name_en: String,
    pub place_address_kk: String,
    pub place_address_ru: String,
    pub place_address_en: String,
    pub format: String,
    pub capacity: String,
    pub valid_from: String,
    pub valid_to: String,
    pub cancelled: String,
    /// Single receptions held on another day: `2026-12-16>2026-12-17`, `;`-separated.
    pub moved: String,
    pub sample: String,
}

impl ScheduleRow {
    /// The column names in the contract's order (the CSV header).
    pub const COLUMNS: [&'static str; 30] = [
        "office_id",
        "official_id",
        "official_kind",
        "surname",
        "given_name",
        "patronymic",
        "position_kk",
        "position_ru",
        "position_en",
        "competence_kk",
        "competence_ru",
        "competence_en",
        "schedule_id",
        "recurrence",
        "start",
        "end",
        "place",
        "place_name_kk",
        "place_name_ru",
        "place_name_en",
        "place_address_kk",
        "place_address_ru",
        "place_address_en",
        "format",
        "capacity",
        "valid_from",
        "valid_to",
        "cancelled",
        "moved",
        "sample",
    ];
}

/// A problem with one field of a row: the column name and a stable code.
/// Serialised as `{"field":"capacity","code":"out_of_range"}`.
///
/// Codes: `required` (empty but needed), `not_allowed` (a place name or address for
/// `office` / `reception_centre`), `unknown_value` (`official_kind`, `place`, `format`,
/// `sample`), the id codes of [`OfficeId::parse`] (`too_long`, `bad_character`,
/// `bad_hyphen`), the name codes of [`PersonName::parse`] (`too_long`, `bad_character`,
/// `bad_punctuation`), the [`super::RecurrenceError`] codes, `bad_time` (`start`, `end`:
/// not `HH:MM`), `end_not_after_start` (`end`), `bad_number` / `out_of_range`
/// (`capacity`), `bad_date` (not `YYYY-MM-DD`), `before_valid_from` (`valid_to`),
/// `empty_item` (an empty `;`-separated item of `competence_*` or `cancelled`),
/// `count_mismatch` (`competence_*`: a language with another number of areas than the
/// others), `outside_validity` (`cancelled`: a date outside `valid_from..=valid_to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RowError {
    pub field: &'static str,
    pub code: &'static str,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.code)
    }
}

/// The errors of a row, in column order.
struct Errors(Vec<RowError>);

impl Errors {
    fn push(&mut self, field: &'static str, code: &'static str) {
        self.0.push(RowError { field, code });
    }

    /// The trimmed value, or `required` when it is empty.
    fn required<'a>(&mut self, field: &'static str, value: &'a str) -> Option<&'a str> {
        let v = value.trim();
        if v.is_empty() {
            self.push(field, "required");
            None
        } else {
            Some(v)
        }
    }

    fn check<T>(&mut self, field: &'static str, r: Result<T, &'static str>) -> Option<T> {
        r.map_err(|code| self.push(field, code)).ok()
    }

    /// A required field parsed by `parse`.
    fn parse<T>(
        &mut self,
        field: &'static str,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, &'static str>,
    ) -> Option<T> {
        let v = self.required(field, value)?;
        self.check(field, parse(v))
    }

    /// Three language columns: all empty is `Some(None)` (absent), all set is the text;
    /// anything in between reports `required` for each empty column. When `needed`, all
    /// empty reports `required` for each too.
    fn text(
        &mut self,
        columns: [(&'static str, &str); 3],
        needed: bool,
    ) -> Option<Option<LocalizedText>> {
        let [kk, ru, en] = columns.map(|(f, v)| (f, v.trim()));
        let empty = [kk, ru, en].iter().filter(|(_, v)| v.is_empty()).count();
        if empty == 3 && !needed {
            return Some(None);
        }
        if empty > 0 {
            for (f, v) in [kk, ru, en] {
                if v.is_empty() {
                    self.push(f, "required");
                }
            }
            return None;
        }
        Some(Some(LocalizedText {
            kk: kk.1.to_owned(),
            ru: ru.1.to_owned(),
            en: en.1.to_owned(),
        }))
    }

    /// Columns that must stay empty.
    fn absent(&mut self, columns: [(&'static str, &str); 3]) {
        for (f, v) in columns {
            if !v.trim().is_empty() {
                self.push(f, "not_allowed");
            }
        }
    }
}

/// `YYYY-MM-DD` exactly (no sign, no other widths).
fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    let month = u8::try_from(digits(5..7)?).ok()?.try_into().ok()?;
    let day = u8::try_from(digits(8..10)?).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

fn date(s: &str) -> Result<Date, &'static str> {
    parse_iso_date(s).ok_or("bad_date")
}

/// The `;`-separated items of a column, trimmed; an empty column has none.
fn items(value: &str) -> Vec<&str> {
    let v = value.trim();
    if v.is_empty() {
        Vec::new()
    } else {
        v.split(';').map(str::trim).collect()
    }
}

/// `competence_kk/ru/en`: the same number of areas in each language, none empty (R22,
/// R27: the areas are published in every language).
fn competence(errs: &mut Errors, row: &ScheduleRow) -> Option<Vec<LocalizedText>> {
    let columns = [
        ("competence_kk", items(&row.competence_kk)),
        ("competence_ru", items(&row.competence_ru)),
        ("competence_en", items(&row.competence_en)),
    ];
    let before = errs.0.len();
    for (f, list) in &columns {
        if list.iter().any(|s| s.is_empty()) {
            errs.push(f, "empty_item");
        }
    }
    // A column is out of step when no other column has its count: with two agreeing the
    // odd one is named, with all three different all are.
    let counts = columns.each_ref().map(|(_, l)| l.len());
    for (i, (f, _)) in columns.iter().enumerate() {
        let agrees = (0..3).any(|j| j != i && counts[j] == counts[i]);
        if !agrees {
            errs.push(f, "count_mismatch");
        }
    }
    if errs.0.len() > before {
        return None;
    }
    let [(_, kk), (_, ru), (_, en)] = columns;
    Some(
        kk.into_iter()
            .zip(ru)
            .zip(en)
            .map(|((kk, ru), en)| LocalizedText {
                kk: kk.to_owned(),
                ru: ru.to_owned(),
                en: en.to_owned(),
            })
            .collect(),
    )
}

fn place(errs: &mut Errors, row: &ScheduleRow) -> Option<Place> {
    let kind = errs.parse("place", &row.place, |s| {
        PlaceKind::parse(s).ok_or("unknown_value")
    });
    let name = [
        ("place_name_kk", row.place_name_kk.as_str()),
        ("place_name_ru", row.place_name_ru.as_str()),
        ("place_name_en", row.place_name_en.as_str()),
    ];
    let address = [
        ("place_address_kk", row.place_address_kk.as_str()),
        ("place_address_ru", row.place_address_ru.as_str()),
        ("place_address_en", row.place_address_en.as_str()),
    ];
    match kind? {
        // The office's own address is published with the office: no text here.
        PlaceKind::Office => {
            errs.absent(name);
            errs.absent(address);
            Some(Place::Office)
        }
        PlaceKind::ReceptionCentre => {
            errs.absent(name);
            errs.absent(address);
            Some(Place::ReceptionCentre)
        }
        PlaceKind::Outreach => {
            let settlement = errs.text(name, true);
            let address = errs.text(address, true);
            Some(Place::Outreach {
                settlement: settlement??,
                address: address??,
            })
        }
        PlaceKind::Institution => {
            let name = errs.text(name, true);
            let address = errs.text(address, false);
            Some(Place::Institution {
                name: name??,
                address: address?,
            })
        }
    }
}

/// Parses and checks one import row into the official and the schedule it describes.
/// Every wrong field of the row is reported, in column order, not just the first.
pub fn parse_row(row: &ScheduleRow) -> Result<(Official, Schedule), Vec<RowError>> {
    let mut e = Errors(Vec::new());
    let office_id = e.parse("office_id", &row.office_id, |s| {
        OfficeId::parse(s).map_err(|e| e.code())
    });
    let official_id = e.parse("official_id", &row.official_id, |s| {
        OfficialId::parse(s).map_err(|e| e.code())
    });
    let kind = e.parse("official_kind", &row.official_kind, |s| {
        OfficialKind::parse(s).ok_or("unknown_value")
    });
    let name = |s: &str| PersonName::parse(s).map_err(|e| e.code());
    let surname = e.parse("surname", &row.surname, name);
    let given_name = e.parse("given_name", &row.given_name, name);
    let patronymic = match row.patronymic.trim() {
        "" => Some(None),
        s => e.check("patronymic", name(s)).map(Some),
    };
    let position = e.text(
        [
            ("position_kk", &row.position_kk),
            ("position_ru", &row.position_ru),
            ("position_en", &row.position_en),
        ],
        true,
    );
    let competence = competence(&mut e, row);
    let schedule_id = e.parse("schedule_id", &row.schedule_id, |s| {
        ScheduleId::parse(s).map_err(|e| e.code())
    });
    let recurrence = e.parse("recurrence", &row.recurrence, |s| {
        Recurrence::parse(s).map_err(|e| e.code())
    });
    let start = e.parse("start", &row.start, |s| parse_hhmm(s).ok_or("bad_time"));
    let end = e.parse("end", &row.end, |s| parse_hhmm(s).ok_or("bad_time"));
    let hours = match (start, end) {
        (Some(start), Some(end)) => e.check("end", Hours::new(start, end).map_err(|e| e.code())),
        _ => None,
    };
    let place = place(&mut e, row);
    let format = e.parse("format", &row.format, |s| {
        Format::parse(s).ok_or("unknown_value")
    });
    let capacity = e.parse("capacity", &row.capacity, |s| {
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err("bad_number");
        }
        // All digits: too many of them is out of range, not a bad number.
        let n = s.parse::<u32>().unwrap_or(u32::MAX);
        Capacity::new(n).map_err(|e| e.code())
    });
    let valid_from = e.parse("valid_from", &row.valid_from, date);
    let valid_to = match row.valid_to.trim() {
        "" => Some(None),
        s => e
            .check("valid_to", date(s))
            .and_then(|to| match valid_from {
                Some(from) if to < from => {
                    e.push("valid_to", "before_valid_from");
                    None
                }
                _ => Some(Some(to)),
            }),
    };
    let cancelled = {
        let mut dates = BTreeSet::new();
        let mut ok = true;
        for item in items(&row.cancelled) {
            let code = if item.is_empty() {
                Some("empty_item")
            } else {
                match parse_iso_date(item) {
                    None => Some("bad_date"),
                    Some(d) => {
                        let outside = valid_from.is_some_and(|from| d < from)
                            || valid_to.flatten().is_some_and(|to| d > to);
                        dates.insert(d);
                        outside.then_some("outside_validity")
                    }
                }
            };
            if let Some(code) = code {
                ok = false;
                // One report per code: a long list with the same mistake is one problem.
                if !e.0.iter().any(|r| r.field == "cancelled" && r.code == code) {
                    e.push("cancelled", code);
                }
            }
        }
        ok.then_some(dates)
    };
    let moved = {
        let mut moves = BTreeMap::new();
        let mut ok = true;
        for item in items(&row.moved) {
            let code = match item.split_once('>') {
                _ if item.is_empty() => Some("empty_item"),
                None => Some("malformed"),
                Some((a, b)) => match (parse_iso_date(a.trim()), parse_iso_date(b.trim())) {
                    (Some(a), Some(b)) => {
                        let outside = valid_from.is_some_and(|from| a < from)
                            || valid_to.flatten().is_some_and(|to| a > to);
                        let code = if a == b {
                            Some("moved_to_same_day")
                        } else if outside {
                            Some("outside_validity")
                        } else {
                            None
                        };
                        moves.insert(a, b);
                        code
                    }
                    _ => Some("bad_date"),
                },
            };
            if let Some(code) = code {
                ok = false;
                if !e.0.iter().any(|r| r.field == "moved" && r.code == code) {
                    e.push("moved", code);
                }
            }
        }
        ok.then_some(moves)
    };
    let sample = match row.sample.trim() {
        "" | "false" => Some(false),
        "true" => Some(true),
        _ => {
            e.push("sample", "unknown_value");
            None
        }
    };

    let (
        Some(office_id),
        Some(official_id),
        Some(kind),
        Some(surname),
        Some(given_name),
        Some(patronymic),
        Some(Some(position)),
        Some(competence),
        Some(schedule_id),
        Some(recurrence),
        Some(hours),
        Some(place),
        Some(format),
        Some(capacity),
        Some(valid_from),
        Some(valid_to),
        Some(cancelled),
        Some(moved),
        Some(sample),
    ) = (
        office_id,
        official_id,
        kind,
        surname,
        given_name,
        patronymic,
        position,
        competence,
        schedule_id,
        recurrence,
        hours,
        place,
        format,
        capacity,
        valid_from,
        valid_to,
        cancelled,
        moved,
        sample,
    )
    else {
        return Err(e.0);
    };
    if !e.0.is_empty() {
        return Err(e.0);
    }
    let schedule = Schedule::new(ScheduleParts {
        id: schedule_id,
        official_id: official_id.clone(),
        recurrence,
        hours,
        place,
        format,
        capacity,
        valid_from,
        valid_to,
        cancelled,
        moved,
    })
    .map_err(|err| {
        vec![RowError {
            field: "valid_to",
            code: err.code(),
        }]
    })?;
    let official = Official {
        id: official_id,
        office_id,
        kind,
        surname,
        given_name,
        patronymic,
        position,
        competence,
        sample,
    };
    Ok((official, schedule))
}

/// What is wrong with a set of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SetProblem {
    /// Two or more rows have the same `schedule_id`.
    DuplicateScheduleId,
    /// Rows of one `official_id` disagree on an official's field (or a schedule names
    /// another official than its row's).
    OfficialMismatch,
    /// The official's schedules leave a month (R13) or a week (R26, R38) without a
    /// reception.
    Frequency(Finding),
}

impl SetProblem {
    pub fn code(self) -> &'static str {
        match self {
            SetProblem::DuplicateScheduleId => "duplicate_schedule_id",
            SetProblem::OfficialMismatch => "official_mismatch",
            SetProblem::Frequency(f) => f.code(),
        }
    }

    pub fn clause(self) -> Option<&'static str> {
        match self {
            SetProblem::DuplicateScheduleId | SetProblem::OfficialMismatch => None,
            SetProblem::Frequency(f) => Some(f.clause()),
        }
    }
}

/// Flat: `{"code":"official_mismatch"}`, or the [`Finding`]'s own shape
/// (`{"code":"month_without_reception","clause":"R13","year":2027,"month":3}`).
impl Serialize for SetProblem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match self {
            SetProblem::Frequency(f) => f.serialize(s),
            other => {
                let mut st = s.serialize_struct("SetProblem", 1)?;
                st.serialize_field("code", other.code())?;
                st.end()
            }
        }
    }
}

/// A problem of the set of rows: the 0-based indexes of the rows involved (ascending), the
/// column to look at, and what is wrong. Serialised as
/// `{"rows":[0,1],"field":"valid_to","code":"month_without_reception","clause":"R13",
/// "year":2027,"month":3}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetError {
    pub rows: Vec<usize>,
    pub field: &'static str,
    #[serde(flatten)]
    pub problem: SetProblem,
}

impl SetError {
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    pub fn clause(&self) -> Option<&'static str> {
        self.problem.clause()
    }
}

/// How far ahead the frequency rules are checked: a year from today.
pub const FREQUENCY_HORIZON_DAYS: i64 = 365;

/// Groups of row indexes by key, in the order each key first appears.
fn groups<K: PartialEq>(keys: impl Iterator<Item = K>) -> Vec<(K, Vec<usize>)> {
    let mut out: Vec<(K, Vec<usize>)> = Vec::new();
    for (i, k) in keys.enumerate() {
        match out.iter_mut().find(|(g, _)| *g == k) {
            Some((_, rows)) => rows.push(i),
            None => out.push((k, vec![i])),
        }
    }
    out
}

/// The official's fields that differ, by column name.
fn differences(a: &Official, b: &Official) -> Vec<&'static str> {
    let lang = |t: &LocalizedText| [t.kk.clone(), t.ru.clone(), t.en.clone()];
    let comp = |o: &Official, i: usize| -> Vec<String> {
        o.competence.iter().map(|t| lang(t)[i].clone()).collect()
    };
    let (pa, pb) = (lang(&a.position), lang(&b.position));
    let mut out = Vec::new();
    let mut diff = |field, differs: bool| {
        if differs {
            out.push(field);
        }
    };
    diff("office_id", a.office_id != b.office_id);
    diff("official_kind", a.kind != b.kind);
    diff("surname", a.surname != b.surname);
    diff("given_name", a.given_name != b.given_name);
    diff("patronymic", a.patronymic != b.patronymic);
    diff("position_kk", pa[0] != pb[0]);
    diff("position_ru", pa[1] != pb[1]);
    diff("position_en", pa[2] != pb[2]);
    diff("competence_kk", comp(a, 0) != comp(b, 0));
    diff("competence_ru", comp(a, 1) != comp(b, 1));
    diff("competence_en", comp(a, 2) != comp(b, 2));
    diff("sample", a.sample != b.sample);
    out
}

/// The first and last day of the month or week a finding names.
fn unit(finding: Finding) -> (Date, Date) {
    match finding {
        Finding::MonthWithoutReception(m) => (m.first_day(), m.last_day()),
        Finding::WeekWithoutReception { week, .. } => (week.monday(), week.sunday()),
    }
}

/// Which rows and column a frequency gap in `first..=last` is about:
/// * on some day of it no schedule of the official is valid (none at all, or one ends or
///   starts inside it, e.g. a row valid to a Monday before its Tuesday) → the schedules
///   valid in part of it and those ending just before and starting just after it,
///   `valid_to` (extend the one or bring forward the other);
/// * a cancelled date removed the only reception → the rows with that cancellation,
///   `cancelled`;
/// * else the recurrence misses it (e.g. its day is a holiday that week) → the rows valid
///   then, `recurrence`.
fn gap_cause(
    calendar: &Calendar,
    schedules: &[(usize, &Schedule)],
    first: Date,
    last: Date,
) -> (Vec<usize>, &'static str) {
    let valid_on = |s: &Schedule, from: Date, to: Date| {
        s.valid_from() <= to && s.valid_to().is_none_or(|end| from <= end)
    };
    let valid: Vec<&(usize, &Schedule)> = schedules
        .iter()
        .filter(|(_, s)| valid_on(s, first, last))
        .collect();
    let uncovered = std::iter::successors(Some(first), |d| d.next_day())
        .take_while(|d| *d <= last)
        .any(|d| !valid.iter().any(|(_, s)| valid_on(s, d, d)));
    if uncovered {
        let ends_before = schedules
            .iter()
            .filter_map(|(_, s)| s.valid_to())
            .filter(|to| *to < first)
            .max();
        let starts_after = schedules
            .iter()
            .map(|(_, s)| s.valid_from())
            .filter(|from| *from > last)
            .min();
        let rows = schedules
            .iter()
            .filter(|(_, s)| {
                valid_on(s, first, last)
                    || (ends_before.is_some() && s.valid_to() == ends_before)
                    || Some(s.valid_from()) == starts_after
            })
            .map(|(i, _)| *i)
            .collect();
        return (rows, "valid_to");
    }
    let cancelling: Vec<usize> = valid
        .iter()
        .filter(|(_, s)| {
            s.cancelled()
                .range(first..=last)
                .any(|d| s.is_scheduled_on(calendar, *d))
        })
        .map(|(i, _)| *i)
        .collect();
    if !cancelling.is_empty() {
        return (cancelling, "cancelled");
    }
    (valid.iter().map(|(i, _)| *i).collect(), "recurrence")
}

/// Checks the rows of an import together; `rows[i]` is the result of [`parse_row`] on the
/// i-th row. Problems come grouped (duplicate ids, then official mismatches, then
/// frequency gaps), each group in row order:
///
/// * `duplicate_schedule_id` (field `schedule_id`): all rows with that id.
/// * `official_mismatch`: a later row of an official against its first row, one error per
///   differing column (`surname`, `position_ru`, …); field `official_id` when a schedule
///   names another official than its row.
/// * R13 (PG and deputies: a reception every calendar month) and R26 (regional heads and
///   deputies: every ISO week), checked with [`check_schedule`] on the union of the
///   official's receptions (working days only, cancellations removed) over
///   `max(today, earliest valid_from) ..= min(latest valid_to, today + 365 days)`
///   (open-ended schedules: `today + 365 days`).
/// * R38 (every ISO week) per institution, not per duty prosecutor (RULES.md, "Readings",
///   8): the union of every duty prosecutor's receptions at one institution (an
///   institution place, R6, of one office, by its name) over the same kind of period.
///   A duty prosecutor's schedule elsewhere is no institution's duty reception.
///
/// Codes `month_without_reception` / `week_without_reception` with the clause; rows and
/// field as explained below. Months and weeks only partly in that period are not judged
/// (see [`crate::schedule_check`]).
///
/// Outreach and institution places without their names cannot reach here: [`Place`] has
/// no such state and [`parse_row`] reports them as `required`.
pub fn check_rows(
    rows: &[(Official, Schedule)],
    calendar: &Calendar,
    today: Date,
) -> Vec<SetError> {
    let mut out = Vec::new();

    for (_, idxs) in groups(rows.iter().map(|(_, s)| s.id())) {
        if idxs.len() > 1 {
            out.push(SetError {
                rows: idxs,
                field: "schedule_id",
                problem: SetProblem::DuplicateScheduleId,
            });
        }
    }

    let officials = groups(rows.iter().map(|(o, _)| &o.id));
    for (i, (official, schedule)) in rows.iter().enumerate() {
        if schedule.official_id() != &official.id {
            out.push(SetError {
                rows: vec![i],
                field: "official_id",
                problem: SetProblem::OfficialMismatch,
            });
        }
    }
    for (_, idxs) in &officials {
        let first = &rows[idxs[0]].0;
        for &i in &idxs[1..] {
            for field in differences(first, &rows[i].0) {
                out.push(SetError {
                    rows: vec![idxs[0], i],
                    field,
                    problem: SetProblem::OfficialMismatch,
                });
            }
        }
    }

    let horizon = today.saturating_add(Duration::days(FREQUENCY_HORIZON_DAYS));
    for (_, idxs) in &officials {
        let kind = rows[idxs[0]].0.kind;
        // R38 is checked per institution below.
        if minimum_frequency(kind).is_none() || kind == OfficialKind::DutyProsecutor {
            continue;
        }
        frequency_gaps(rows, idxs, kind, calendar, today, horizon, &mut out);
    }
    let institutions = groups(rows.iter().map(|(official, schedule)| {
        match (official.kind, &schedule.parts().place) {
            (OfficialKind::DutyProsecutor, Place::Institution { name, .. }) => Some((
                official.office_id.as_str(),
                name.kk.as_str(),
                name.ru.as_str(),
                name.en.as_str(),
            )),
            _ => None,
        }
    }));
    for (institution, idxs) in &institutions {
        if institution.is_some() {
            let kind = OfficialKind::DutyProsecutor;
            frequency_gaps(rows, idxs, kind, calendar, today, horizon, &mut out);
        }
    }
    out
}

/// The R13 / R26 / R38 gaps of the receptions of `rows[idxs]` taken together, as if one
/// official of `kind` held them all.
fn frequency_gaps(
    rows: &[(Official, Schedule)],
    idxs: &[usize],
    kind: OfficialKind,
    calendar: &Calendar,
    today: Date,
    horizon: Date,
    out: &mut Vec<SetError>,
) {
    let schedules: Vec<(usize, &Schedule)> = idxs.iter().map(|&i| (i, &rows[i].1)).collect();
    let Some(earliest) = schedules.iter().map(|(_, s)| s.valid_from()).min() else {
        return;
    };
    let latest = schedules
        .iter()
        .map(|(_, s)| s.valid_to().unwrap_or(horizon))
        .max()
        .unwrap_or(horizon);
    let Ok(period) = Period::new(today.max(earliest), latest.min(horizon)) else {
        // Every schedule has ended: nothing ahead to check.
        return;
    };
    let days: Vec<Date> = schedules
        .iter()
        .flat_map(|(_, s)| s.occurrences(calendar, period.from(), period.to()))
        .map(|o| o.date())
        .collect();
    for finding in check_schedule(kind, period, &days) {
        let (first, last) = unit(finding);
        let (rows, field) = gap_cause(calendar, &schedules, first, last);
        out.push(SetError {
            rows,
            field,
            problem: SetProblem::Frequency(finding),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule_check::WeeklyClause;
    use serde_json::json;
    use time::macros::date;

    fn kz() -> &'static Calendar {
        Calendar::kazakhstan()
    }

    /// A valid row: the (sample) Prosecutor General, second Wednesday of every month.
    fn pg_row() -> ScheduleRow {
        ScheduleRow {
            office_id: "gpo".into(),
            official_id: "gpo-pg".into(),
            official_kind: "prosecutor_general".into(),
            surname: "Үлгіев".into(),
            given_name: "Үлгі".into(),
            patronymic: "".into(),
            position_kk: "Бас прокурор (үлгі)".into(),
            position_ru: "Генеральный прокурор (образец)".into(),
            position_en: "Prosecutor General (sample)".into(),
            competence_kk: "Азаматтардың құқықтары; Сыбайлас жемқорлық".into(),
            competence_ru: "Права граждан; Коррупция".into(),
            competence_en: "Citizens' rights; Corruption".into(),
            schedule_id: "gpo-pg-monthly".into(),
            recurrence: "monthly:2:wed".into(),
            start: "10:00".into(),
            end: "13:00".into(),
            place: "office".into(),
            format: "in_person".into(),
            capacity: "10".into(),
            valid_from: "2026-01-01".into(),
            sample: "true".into(),
            ..ScheduleRow::default()
        }
    }

    fn with(f: impl FnOnce(&mut ScheduleRow)) -> ScheduleRow {
        let mut row = pg_row();
        f(&mut row);
        row
    }

    fn errors(row: &ScheduleRow) -> Vec<(&'static str, &'static str)> {
        match parse_row(row) {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|e| (e.field, e.code)).collect(),
        }
    }

    fn parsed(rows: &[ScheduleRow]) -> Vec<(Official, Schedule)> {
        rows.iter()
            .map(|r| parse_row(r).unwrap_or_else(|e| panic!("{r:?}: {e:?}")))
            .collect()
    }

    #[test]
    fn r5_a_valid_row_gives_the_official_and_the_schedule() {
        let (official, schedule) = parse_row(&pg_row()).unwrap();
        assert_eq!(official.office_id.as_str(), "gpo");
        assert_eq!(schedule.id().as_str(), "gpo-pg-monthly");
        assert_eq!(schedule.recurrence().to_string(), "monthly:2:wed");
        assert_eq!(schedule.valid_to(), None);
        assert!(schedule.cancelled().is_empty());
        assert_eq!(
            serde_json::to_value(&official).unwrap(),
            json!({
                "id": "gpo-pg",
                "kind": "prosecutor_general",
                "surname": "Үлгіев",
                "given_name": "Үлгі",
                "patronymic": null,
                "position": {"kk": "Бас прокурор (үлгі)", "ru": "Генеральный прокурор (образец)", "en": "Prosecutor General (sample)"},
                "competence": [
                    {"kk": "Азаматтардың құқықтары", "ru": "Права граждан", "en": "Citizens' rights"},
                    {"kk": "Сыбайлас жемқорлық", "ru": "Коррупция", "en": "Corruption"}
                ],
                "sample": true
            })
        );
        // Optional columns, and surrounding spaces.
        let (official, schedule) = parse_row(&with(|r| {
            r.patronymic = " Үлгіұлы ".into();
            r.competence_kk.clear();
            r.competence_ru.clear();
            r.competence_en.clear();
            r.valid_to = "2027-06-30".into();
            r.cancelled = "2026-12-09; 2027-01-13".into();
            r.sample = "".into();
            r.start = " 10:00".into();
        }))
        .unwrap();
        assert_eq!(official.patronymic.unwrap().as_str(), "Үлгіұлы");
        assert!(official.competence.is_empty());
        assert!(!official.sample);
        assert_eq!(schedule.valid_to(), Some(date!(2027 - 06 - 30)));
        assert_eq!(schedule.cancelled().len(), 2);
    }

    /// R6, R29, R38, R39-1: the places of the contract and their texts.
    #[test]
    fn r6_r29_r38_r39_1_places_in_rows() {
        let text = |r: &mut ScheduleRow, name: bool, address: bool| {
            if name {
                r.place_name_kk = "Үлгі ауылы".into();
                r.place_name_ru = "Село Образец".into();
                r.place_name_en = "Sample village".into();
            }
            if address {
                r.place_address_kk = "Үлгі көшесі".into();
                r.place_address_ru = "улица Образцовая".into();
                r.place_address_en = "Sample street".into();
            }
        };
        let place = |row: ScheduleRow| parse_row(&row).map(|(_, s)| s.place().kind());
        assert_eq!(
            place(with(|r| r.place = "reception_centre".into())),
            Ok(PlaceKind::ReceptionCentre)
        );
        assert_eq!(
            place(with(|r| {
                r.place = "outreach".into();
                text(r, true, true);
            })),
            Ok(PlaceKind::Outreach)
        );
        for address in [false, true] {
            let (_, s) = parse_row(&with(|r| {
                r.place = "institution".into();
                text(r, true, address);
            }))
            .unwrap();
            assert_eq!(s.place().address().is_some(), address);
        }
        for (row, expected) in [
            (
                with(|r| r.place = "outreach".into()),
                vec![
                    ("place_name_kk", "required"),
                    ("place_name_ru", "required"),
                    ("place_name_en", "required"),
                    ("place_address_kk", "required"),
                    ("place_address_ru", "required"),
                    ("place_address_en", "required"),
                ],
            ),
            (
                with(|r| {
                    r.place = "outreach".into();
                    text(r, true, true);
                    r.place_address_en.clear();
                }),
                vec![("place_address_en", "required")],
            ),
            (
                with(|r| {
                    r.place = "institution".into();
                    text(r, false, true);
                }),
                vec![
                    ("place_name_kk", "required"),
                    ("place_name_ru", "required"),
                    ("place_name_en", "required"),
                ],
            ),
            (
                with(|r| {
                    r.place = "institution".into();
                    text(r, true, false);
                    r.place_address_ru = "улица".into();
                }),
                vec![
                    ("place_address_kk", "required"),
                    ("place_address_en", "required"),
                ],
            ),
            (
                with(|r| text(r, true, false)),
                vec![
                    ("place_name_kk", "not_allowed"),
                    ("place_name_ru", "not_allowed"),
                    ("place_name_en", "not_allowed"),
                ],
            ),
            (
                with(|r| {
                    r.place = "reception_centre".into();
                    r.place_address_ru = "улица".into();
                }),
                vec![("place_address_ru", "not_allowed")],
            ),
            (
                with(|r| r.place = "home".into()),
                vec![("place", "unknown_value")],
            ),
        ] {
            assert_eq!(errors(&row), expected, "{row:?}");
        }
    }

    /// One wrong field at a time: the field and its code.
    #[test]
    fn r13_r26_r11_row_field_errors() {
        type Edit = fn(&mut ScheduleRow);
        let cases: Vec<(Edit, (&str, &str))> = vec![
            (|r| r.office_id.clear(), ("office_id", "required")),
            (
                |r| r.office_id = "GPO".into(),
                ("office_id", "bad_character"),
            ),
            (
                |r| r.official_id = "gpo--pg".into(),
                ("official_id", "bad_hyphen"),
            ),
            (
                |r| r.official_id = "a".repeat(81),
                ("official_id", "too_long"),
            ),
            (
                |r| r.official_kind = "judge".into(),
                ("official_kind", "unknown_value"),
            ),
            (|r| r.surname = "  ".into(), ("surname", "required")),
            (
                |r| r.surname = "Agent 007".into(),
                ("surname", "bad_character"),
            ),
            (
                |r| r.given_name = "-Үлгі".into(),
                ("given_name", "bad_punctuation"),
            ),
            (
                |r| r.patronymic = "Ү2".into(),
                ("patronymic", "bad_character"),
            ),
            (|r| r.position_ru.clear(), ("position_ru", "required")),
            (
                |r| r.competence_en = "Citizens' rights".into(),
                ("competence_en", "count_mismatch"),
            ),
            (
                |r| r.competence_ru = "Права граждан;".into(),
                ("competence_ru", "empty_item"),
            ),
            (
                |r| r.schedule_id = "gpo pg".into(),
                ("schedule_id", "bad_character"),
            ),
            (|r| r.recurrence.clear(), ("recurrence", "required")),
            (
                |r| r.recurrence = "weekly:sat".into(),
                ("recurrence", "weekend_day"),
            ),
            (
                |r| r.recurrence = "monthly:5:wed".into(),
                ("recurrence", "bad_nth"),
            ),
            (
                |r| r.recurrence = "fortnightly".into(),
                ("recurrence", "unknown_kind"),
            ),
            (|r| r.start = "10".into(), ("start", "bad_time")),
            (|r| r.end = "25:00".into(), ("end", "bad_time")),
            (|r| r.end = "10:00".into(), ("end", "end_not_after_start")),
            (|r| r.end = "09:30".into(), ("end", "end_not_after_start")),
            (|r| r.format = "phone".into(), ("format", "unknown_value")),
            (|r| r.format.clear(), ("format", "required")),
            (|r| r.capacity = "0".into(), ("capacity", "out_of_range")),
            (|r| r.capacity = "501".into(), ("capacity", "out_of_range")),
            (
                |r| r.capacity = "99999999999".into(),
                ("capacity", "out_of_range"),
            ),
            (|r| r.capacity = "ten".into(), ("capacity", "bad_number")),
            (|r| r.capacity = "+5".into(), ("capacity", "bad_number")),
            (|r| r.capacity = "-1".into(), ("capacity", "bad_number")),
            (|r| r.valid_from.clear(), ("valid_from", "required")),
            (
                |r| r.valid_from = "01.01.2026".into(),
                ("valid_from", "bad_date"),
            ),
            (
                |r| r.valid_from = "2026-02-30".into(),
                ("valid_from", "bad_date"),
            ),
            (
                |r| r.valid_to = "2025-12-31".into(),
                ("valid_to", "before_valid_from"),
            ),
            (
                |r| r.valid_to = "2026-1-31".into(),
                ("valid_to", "bad_date"),
            ),
            (
                |r| r.cancelled = "2026-12-09;;2027-01-13".into(),
                ("cancelled", "empty_item"),
            ),
            (
                |r| r.cancelled = "2026-12-9".into(),
                ("cancelled", "bad_date"),
            ),
            (|r| r.moved = "2026-12-09".into(), ("moved", "malformed")),
            (
                |r| r.moved = "2026-12-09>2026-12-32".into(),
                ("moved", "bad_date"),
            ),
            (
                |r| r.moved = "2026-12-09>2026-12-09".into(),
                ("moved", "moved_to_same_day"),
            ),
            (
                |r| r.moved = "2025-12-10>2025-12-11".into(),
                ("moved", "outside_validity"),
            ),
            (
                |r| r.cancelled = "2025-12-10".into(),
                ("cancelled", "outside_validity"),
            ),
            (|r| r.sample = "yes".into(), ("sample", "unknown_value")),
        ];
        for (edit, expected) in cases {
            let row = with(edit);
            assert_eq!(errors(&row), [expected], "{row:?}");
        }
        // Outside the validity range at its end.
        assert_eq!(
            errors(&with(|r| {
                r.valid_to = "2026-12-31".into();
                r.cancelled = "2027-01-13".into();
            })),
            [("cancelled", "outside_validity")]
        );
    }

    /// All the wrong fields of a row are reported, in column order.
    #[test]
    fn r5_row_parsing_collects_all_field_errors() {
        let row = ScheduleRow {
            official_id: "Gpo".into(),
            official_kind: "judge".into(),
            given_name: "Ivan1".into(),
            position_kk: "Бас прокурор".into(),
            competence_kk: "a;b".into(),
            competence_ru: "a".into(),
            recurrence: "weekly:".into(),
            start: "13:00".into(),
            end: "10:00".into(),
            place: "outreach".into(),
            place_name_kk: "Ауыл".into(),
            capacity: "0".into(),
            valid_from: "2026-13-01".into(),
            valid_to: "2026-01-01".into(),
            cancelled: "x".into(),
            sample: "maybe".into(),
            ..ScheduleRow::default()
        };
        assert_eq!(
            errors(&row),
            [
                ("office_id", "required"),
                ("official_id", "bad_character"),
                ("official_kind", "unknown_value"),
                ("surname", "required"),
                ("given_name", "bad_character"),
                ("position_ru", "required"),
                ("position_en", "required"),
                ("competence_kk", "count_mismatch"),
                ("competence_ru", "count_mismatch"),
                ("competence_en", "count_mismatch"),
                ("schedule_id", "required"),
                ("recurrence", "no_weekday"),
                ("end", "end_not_after_start"),
                ("place_name_ru", "required"),
                ("place_name_en", "required"),
                ("place_address_kk", "required"),
                ("place_address_ru", "required"),
                ("place_address_en", "required"),
                ("format", "required"),
                ("capacity", "out_of_range"),
                ("valid_from", "bad_date"),
                ("cancelled", "bad_date"),
                ("sample", "unknown_value"),
            ]
        );
        let all = errors(&ScheduleRow::default());
        assert_eq!(
            all.iter().filter(|(_, code)| *code == "required").count(),
            all.len()
        );
        assert_eq!(
            parse_row(&row).unwrap_err()[0].to_string(),
            "office_id: required"
        );
    }

    #[test]
    fn rows_deserialise_with_the_contract_column_names_only() {
        let row: ScheduleRow =
            serde_json::from_value(json!({"office_id": "gpo", "schedule_id": "x"})).unwrap();
        assert_eq!((row.office_id.as_str(), row.end.as_str()), ("gpo", ""));
        assert!(serde_json::from_value::<ScheduleRow>(json!({"office": "gpo"})).is_err());
        let value = serde_json::to_value(ScheduleRow::default()).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut columns = ScheduleRow::COLUMNS.to_vec();
        columns.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, columns);
        assert_eq!(
            serde_json::to_value(RowError {
                field: "capacity",
                code: "out_of_range"
            })
            .unwrap(),
            json!({"field": "capacity", "code": "out_of_range"})
        );
    }

    fn row_of(
        official: &str,
        kind: &str,
        schedule: &str,
        recurrence: &str,
        from: &str,
        to: &str,
    ) -> ScheduleRow {
        with(|r| {
            r.official_id = official.into();
            r.official_kind = kind.into();
            r.schedule_id = schedule.into();
            r.recurrence = recurrence.into();
            r.valid_from = from.into();
            r.valid_to = to.into();
        })
    }

    fn set(
        errors: &[SetError],
    ) -> Vec<(Vec<usize>, &'static str, &'static str, Option<&'static str>)> {
        errors
            .iter()
            .map(|e| (e.rows.clone(), e.field, e.code(), e.clause()))
            .collect()
    }

    /// Issue 5 acceptance: PG rows valid Jan–Feb and Apr–Jun 2027 leave March without a
    /// reception; the error names both rows (the caller turns them into line numbers).
    #[test]
    fn r13_pg_rows_that_skip_march_2027_are_refused() {
        let rows = parsed(&[
            row_of(
                "gpo-pg",
                "prosecutor_general",
                "pg-h1",
                "monthly:2:wed",
                "2027-01-01",
                "2027-02-28",
            ),
            row_of(
                "gpo-pg",
                "prosecutor_general",
                "pg-h2",
                "monthly:2:wed",
                "2027-04-01",
                "2027-06-30",
            ),
        ]);
        let got = check_rows(&rows, kz(), date!(2026 - 12 - 01));
        assert_eq!(
            set(&got),
            [(
                vec![0, 1],
                "valid_to",
                "month_without_reception",
                Some("R13")
            )]
        );
        assert_eq!(
            serde_json::to_value(&got[0]).unwrap(),
            json!({"rows": [0, 1], "field": "valid_to", "code": "month_without_reception",
                   "clause": "R13", "year": 2027, "month": 3})
        );
        // Closing the gap clears it; a row of another official in between changes nothing.
        let rows = parsed(&[
            row_of(
                "gpo-pg",
                "prosecutor_general",
                "pg-h1",
                "monthly:2:wed",
                "2027-01-01",
                "2027-03-31",
            ),
            row_of(
                "gpo-pg",
                "prosecutor_general",
                "pg-h2",
                "monthly:2:wed",
                "2027-04-01",
                "2027-06-30",
            ),
        ]);
        assert_eq!(check_rows(&rows, kz(), date!(2026 - 12 - 01)), []);
    }

    /// R13: a monthly date that is a day off leaves the month without a reception: the
    /// third Wednesday of December 2026 is Independence Day.
    #[test]
    fn r13_pg_deputy_monthly_date_on_a_day_off_is_a_gap() {
        let rows = parsed(&[
            row_of(
                "gpo-pg",
                "prosecutor_general",
                "pg",
                "monthly:2:wed",
                "2026-01-01",
                "",
            ),
            row_of(
                "gpo-dep",
                "prosecutor_general_deputy",
                "dep",
                "monthly:3:wed",
                "2026-01-01",
                "2027-02-28",
            ),
        ]);
        let got = check_rows(&rows, kz(), date!(2026 - 11 - 25));
        assert_eq!(
            set(&got),
            [(
                vec![1],
                "recurrence",
                "month_without_reception",
                Some("R13")
            )]
        );
        assert_eq!(
            got[0].problem,
            SetProblem::Frequency(
                check_schedule(
                    OfficialKind::ProsecutorGeneralDeputy,
                    Period::new(date!(2026 - 12 - 01), date!(2026 - 12 - 31)).unwrap(),
                    &[]
                )[0]
            )
        );
    }

    /// R26: a regional head receiving on Mondays misses the weeks of 8 March (International
    /// Women's Day) and of 22 March 2027 (Nauryz).
    #[test]
    fn r26_regional_head_weekly_gaps() {
        let rows = parsed(&[
            row_of(
                "almaty-head",
                "regional_head",
                "almaty-head-mon",
                "weekly:mon",
                "2027-03-01",
                "2027-03-31",
            ),
            row_of(
                "almaty-dep",
                "regional_deputy",
                "almaty-dep-tue-thu",
                "weekly:tue,thu",
                "2027-03-01",
                "2027-03-31",
            ),
        ]);
        let got = check_rows(&rows, kz(), date!(2027 - 02 - 15));
        assert_eq!(
            set(&got),
            [
                (vec![0], "recurrence", "week_without_reception", Some("R26")),
                (vec![0], "recurrence", "week_without_reception", Some("R26")),
            ]
        );
        let mondays: Vec<Date> = got
            .iter()
            .map(|e| match e.problem {
                SetProblem::Frequency(Finding::WeekWithoutReception { clause, week }) => {
                    assert_eq!(clause, WeeklyClause::R26);
                    week.monday()
                }
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(mondays, [date!(2027 - 03 - 08), date!(2027 - 03 - 22)]);
        // A one-day extra schedule in each of those weeks closes the gaps.
        let mut more = rows.clone();
        more.extend(parsed(&[
            row_of(
                "almaty-head",
                "regional_head",
                "almaty-head-0309",
                "weekly:tue",
                "2027-03-09",
                "2027-03-09",
            ),
            row_of(
                "almaty-head",
                "regional_head",
                "almaty-head-0325",
                "weekly:thu",
                "2027-03-25",
                "2027-03-25",
            ),
        ]));
        assert_eq!(check_rows(&more, kz(), date!(2027 - 02 - 15)), []);
    }

    /// R26: a row valid to a Monday, before its Tuesday, and the next row from the following
    /// Monday leave that week without a reception: a gap between the rows (`valid_to`), not
    /// a recurrence that misses the week.
    #[test]
    fn r26_a_row_ending_on_the_monday_before_its_day_is_a_gap_of_validity() {
        let rows = parsed(&[
            row_of(
                "almaty-head",
                "regional_head",
                "almaty-head-a",
                "weekly:tue",
                "2027-01-11",
                "2027-02-01",
            ),
            row_of(
                "almaty-head",
                "regional_head",
                "almaty-head-b",
                "weekly:tue",
                "2027-02-08",
                "2027-02-28",
            ),
        ]);
        assert_eq!(
            set(&check_rows(&rows, kz(), date!(2027 - 01 - 04))),
            [(
                vec![0, 1],
                "valid_to",
                "week_without_reception",
                Some("R26")
            )]
        );
    }

    /// A duty prosecutor's row at an institution (R6) of the sample office.
    fn duty_row(
        official: &str,
        schedule: &str,
        institution: &str,
        recurrence: &str,
        from: &str,
        to: &str,
    ) -> ScheduleRow {
        let mut r = row_of(official, "duty_prosecutor", schedule, recurrence, from, to);
        r.place = "institution".into();
        r.place_name_kk = format!("{institution} мекемесі");
        r.place_name_ru = format!("Учреждение {institution}");
        r.place_name_en = format!("Institution {institution}");
        r
    }

    /// R38 (RULES.md, "Readings", 8): the weekly duty reception is checked per institution:
    /// two duty prosecutors taking turns at one institution cover it; one duty prosecutor
    /// taking turns between two institutions leaves each without a reception every other
    /// week.
    #[test]
    fn r38_weekly_duty_reception_per_institution() {
        let today = date!(2027 - 01 - 20);
        // February 2027: ISO weeks 5 (1 Feb) to 8 (22 Feb) lie wholly in it.
        // (case, rows, expected gaps as (rows, field, Monday of the week))
        type Gap = (Vec<usize>, &'static str, &'static str);
        let cases: Vec<(&str, Vec<ScheduleRow>, Vec<Gap>)> = vec![
            (
                "two prosecutors alternating at one institution: covered",
                vec![
                    duty_row(
                        "duty-a",
                        "duty-a-1",
                        "A",
                        "weekly:thu",
                        "2027-02-01",
                        "2027-02-07",
                    ),
                    duty_row(
                        "duty-b",
                        "duty-b-1",
                        "A",
                        "weekly:thu",
                        "2027-02-08",
                        "2027-02-14",
                    ),
                    duty_row(
                        "duty-a",
                        "duty-a-2",
                        "A",
                        "weekly:thu",
                        "2027-02-15",
                        "2027-02-21",
                    ),
                    duty_row(
                        "duty-b",
                        "duty-b-2",
                        "A",
                        "weekly:thu",
                        "2027-02-22",
                        "2027-02-28",
                    ),
                ],
                vec![],
            ),
            (
                "one prosecutor alternating between two institutions: each has gaps",
                vec![
                    duty_row(
                        "duty-a",
                        "duty-a-1",
                        "A",
                        "weekly:thu",
                        "2027-02-01",
                        "2027-02-07",
                    ),
                    duty_row(
                        "duty-a",
                        "duty-a-2",
                        "B",
                        "weekly:thu",
                        "2027-02-08",
                        "2027-02-14",
                    ),
                    duty_row(
                        "duty-a",
                        "duty-a-3",
                        "A",
                        "weekly:thu",
                        "2027-02-15",
                        "2027-02-21",
                    ),
                    duty_row(
                        "duty-a",
                        "duty-a-4",
                        "B",
                        "weekly:thu",
                        "2027-02-22",
                        "2027-02-28",
                    ),
                ],
                vec![
                    // A: week of 8 Feb between rows 0 and 2; B: week of 15 Feb.
                    (vec![0, 2], "valid_to", "2027-02-08"),
                    (vec![1, 3], "valid_to", "2027-02-15"),
                ],
            ),
            (
                "a cancelled Thursday leaves its week empty",
                vec![{
                    let mut r = duty_row(
                        "duty-a",
                        "duty-a-1",
                        "A",
                        "weekly:thu",
                        "2027-02-01",
                        "2027-02-28",
                    );
                    r.cancelled = "2027-02-11".into();
                    r
                }],
                vec![(vec![0], "cancelled", "2027-02-08")],
            ),
            (
                "a duty schedule away from an institution is no institution's duty reception",
                vec![row_of(
                    "duty-a",
                    "duty_prosecutor",
                    "duty-a-1",
                    "weekly:thu",
                    "2027-02-01",
                    "2027-02-07",
                )],
                vec![],
            ),
        ];
        for (name, rows, expected) in cases {
            let got = check_rows(&parsed(&rows), kz(), today);
            let got: Vec<(Vec<usize>, &str, String)> = got
                .iter()
                .map(|e| {
                    assert_eq!(e.code(), "week_without_reception", "{name}");
                    assert_eq!(e.clause(), Some("R38"), "{name}");
                    let json = serde_json::to_value(e).unwrap();
                    (
                        e.rows.clone(),
                        e.field,
                        json["monday"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            let expected: Vec<(Vec<usize>, &str, String)> = expected
                .into_iter()
                .map(|(rows, field, monday)| (rows, field, monday.to_owned()))
                .collect();
            assert_eq!(got, expected, "{name}");
        }
        // The wire shape of an R38 finding.
        let rows = parsed(&[
            duty_row(
                "duty-a",
                "duty-a-1",
                "A",
                "weekly:wed",
                "2027-02-01",
                "2027-02-14",
            ),
            duty_row(
                "duty-b",
                "duty-b-1",
                "A",
                "weekly:wed",
                "2027-02-22",
                "2027-03-07",
            ),
        ]);
        let got = check_rows(&rows, kz(), today);
        assert_eq!(
            serde_json::to_value(&got).unwrap(),
            json!([{"rows": [0, 1], "field": "valid_to", "code": "week_without_reception",
                   "clause": "R38", "iso_year": 2027, "week": 7, "monday": "2027-02-15"}])
        );
    }

    /// R37, R14: district officials (daily walk-in) and unit heads have no frequency rule;
    /// schedules that have all ended are not checked.
    #[test]
    fn r37_no_frequency_rule_and_ended_schedules() {
        let rows = parsed(&[
            row_of(
                "district-head",
                "district_head",
                "d",
                "monthly:1:mon",
                "2027-01-01",
                "",
            ),
            row_of(
                "unit-head",
                "gpo_unit_head",
                "u",
                "monthly:1:mon",
                "2027-01-01",
                "",
            ),
            row_of(
                "gpo-pg",
                "prosecutor_general",
                "pg-old",
                "monthly:1:mon",
                "2025-01-01",
                "2025-12-31",
            ),
        ]);
        assert_eq!(check_rows(&rows, kz(), date!(2026 - 12 - 01)), []);
    }

    #[test]
    fn duplicate_schedule_ids_and_official_mismatches() {
        let rows = parsed(&[
            row_of(
                "gpo-pg",
                "prosecutor_general",
                "pg",
                "monthly:2:wed",
                "2026-01-01",
                "",
            ),
            row_of(
                "gpo-dep",
                "prosecutor_general_deputy",
                "dep",
                "weekly:mon",
                "2026-01-01",
                "",
            ),
            with(|r| {
                r.schedule_id = "pg".into();
                r.surname = "Басқаев".into();
                r.position_ru = "Другая должность".into();
                r.competence_en = "Rights; Graft".into();
            }),
            with(|r| {
                r.schedule_id = "dep".into();
                r.official_id = "gpo-dep".into();
                r.official_kind = "prosecutor_general_deputy".into();
            }),
        ]);
        let got = check_rows(&rows, kz(), date!(2026 - 12 - 01));
        assert_eq!(
            set(&got),
            [
                (vec![0, 2], "schedule_id", "duplicate_schedule_id", None),
                (vec![1, 3], "schedule_id", "duplicate_schedule_id", None),
                (vec![0, 2], "surname", "official_mismatch", None),
                (vec![0, 2], "position_ru", "official_mismatch", None),
                (vec![0, 2], "competence_en", "official_mismatch", None),
            ]
        );
        assert_eq!(
            serde_json::to_value(&got[0]).unwrap(),
            json!({"rows": [0, 2], "field": "schedule_id", "code": "duplicate_schedule_id"})
        );
        // A schedule naming another official than its row's.
        let (official, schedule) = parse_row(&pg_row()).unwrap();
        let mut other = official.clone();
        other.id = OfficialId::parse("someone-else").unwrap();
        let got = check_rows(
            &[(official, schedule.clone()), (other, schedule)],
            kz(),
            date!(2026 - 12 - 01),
        );
        assert!(
            set(&got).contains(&(vec![1], "official_id", "official_mismatch", None)),
            "{got:?}"
        );
    }
}
