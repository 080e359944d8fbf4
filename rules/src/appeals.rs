//! Written appeals received at a reception and kept on control (R39-6, R40, R41, R42, R44).
//!
//! - R44: every registered written appeal is on control until a final reasoned answer. Its
//!   consideration is due [`default_due`] — the rule set's consideration period
//!   ([`RuleSet::consideration_period`]: the Order's para 2(2) sends consideration to the
//!   Administrative Procedural Code, 15 working days by default) counted in working days from
//!   the day it is registered. The officer may set another date, never before the
//!   registration, and only with a reason ([`check_due`]).
//! - R44: the control list shows overdue appeals first, then by due date ([`control_order`]).
//! - R42: an appeal is not assigned to an employee recorded as having decided an earlier
//!   appeal of the same person on the same matter ([`check_assignment`]). "The same person on
//!   the same matter" is what staff record when they register the appeal as a repeat of an
//!   earlier one (its thread); the rule is checked against the deciders of that thread.
//! - R42: the applicant is told of the answer by registered letter or by another means that
//!   records the notification: either way with its reference ([`Notification`]).

use crate::calendar::Calendar;
use crate::ruleset::RuleSet;
use std::cmp::Ordering;
use time::Date;

/// Reasons and references are at most this many characters.
pub const MAX_TEXT: usize = 500;
/// A registration number or an answer's reference: at most this many characters.
pub const MAX_REFERENCE: usize = 64;

/// R44: the day the consideration of an appeal registered on `registered_on` is due, by the
/// rule set's default.
pub fn default_due(rule_set: &RuleSet, calendar: &Calendar, registered_on: Date) -> Date {
    calendar.add_working_days(registered_on, rule_set.consideration_period.working_days)
}

/// Why a due date the officer set is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueError {
    /// The date lies before the appeal was registered.
    BeforeRegistration,
    /// Another date than the rule set's default, without a reason.
    ReasonRequired,
}

impl DueError {
    pub fn code(self) -> &'static str {
        match self {
            DueError::BeforeRegistration => "before_registration",
            DueError::ReasonRequired => "required",
        }
    }
}

/// R44: the due date of an appeal: the default, or the officer's own date with a reason
/// (a reason given with the default date is kept too). The reason is trimmed; blank is none.
pub fn check_due(
    rule_set: &RuleSet,
    calendar: &Calendar,
    registered_on: Date,
    asked: Option<Date>,
    reason: Option<&str>,
) -> Result<(Date, Option<String>), DueError> {
    let default = default_due(rule_set, calendar, registered_on);
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    match asked {
        None => Ok((default, reason.map(str::to_owned))),
        Some(due) if due < registered_on => Err(DueError::BeforeRegistration),
        Some(due) if due != default && reason.is_none() => Err(DueError::ReasonRequired),
        Some(due) => Ok((due, reason.map(str::to_owned))),
    }
}

/// R44: the officer changes the due date of an appeal already on control: never before its
/// registration, and always with a reason (a change is the officer's, not the rule set's,
/// even back to the default). The reason is trimmed; blank is none.
pub fn change_due(
    registered_on: Date,
    asked: Date,
    reason: Option<&str>,
) -> Result<(Date, String), DueError> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    match reason {
        _ if asked < registered_on => Err(DueError::BeforeRegistration),
        None => Err(DueError::ReasonRequired),
        Some(r) => Ok((asked, r.to_owned())),
    }
}

/// R44: past its due date and still on control.
pub fn is_overdue(due: Date, today: Date) -> bool {
    today > due
}

/// R44: the control list's order: overdue first, then the earliest due, then the earliest
/// registered.
pub fn control_order(today: Date, a: (Date, Date), b: (Date, Date)) -> Ordering {
    let key = |(due, registered): (Date, Date)| (!is_overdue(due, today), due, registered);
    key(a).cmp(&key(b))
}

/// R42: the assignee decided an earlier appeal of the same person on the same matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviouslyDecided;

impl PreviouslyDecided {
    pub const CLAUSE: &'static str = "R42";
}

/// R42: whether the appeal may be assigned to `assignee`, given who decided the earlier
/// appeals of its thread (the same person on the same matter).
pub fn check_assignment<'a>(
    assignee: &str,
    earlier_deciders: impl IntoIterator<Item = &'a str>,
) -> Result<(), PreviouslyDecided> {
    if earlier_deciders.into_iter().any(|d| d == assignee) {
        Err(PreviouslyDecided)
    } else {
        Ok(())
    }
}

/// R42: how the applicant was told of the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notification {
    /// A registered letter, by its number.
    RegisteredLetter,
    /// Another means that records the notification (handed over against signature, a
    /// recorded e-mail, …), by its record.
    Other,
}

/// A reference (a registration number, an answer's outgoing number, a letter's number):
/// trimmed, 1–[`MAX_REFERENCE`] characters, no control characters. `None` when missing or
/// blank; `Err` when present but unusable.
pub fn reference(value: Option<&str>) -> Result<Option<String>, ReferenceError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().count() > MAX_REFERENCE {
        return Err(ReferenceError::TooLong);
    }
    if v.chars().any(char::is_control) {
        return Err(ReferenceError::ForbiddenCharacter);
    }
    Ok(Some(v.to_owned()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceError {
    TooLong,
    ForbiddenCharacter,
}

impl ReferenceError {
    pub fn code(self) -> &'static str {
        match self {
            ReferenceError::TooLong => "too_long",
            ReferenceError::ForbiddenCharacter => "forbidden_character",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn r44_default_due_is_the_rule_sets_period_in_working_days() {
        let cal = Calendar::kazakhstan();
        // Registered Tue 1 Dec 2026; 15 working days skip the weekends and 16–17 December
        // (Independence Day): due Wed 23 Dec.
        let due = default_due(RuleSet::current(), cal, date!(2026 - 12 - 01));
        assert_eq!(due, cal.add_working_days(date!(2026 - 12 - 01), 15));
        assert!(due > date!(2026 - 12 - 21));
    }

    #[test]
    fn r44_another_due_date_needs_a_reason_and_never_precedes_registration() {
        let cal = Calendar::kazakhstan();
        let rs = RuleSet::current();
        let on = date!(2026 - 12 - 01);
        let default = default_due(rs, cal, on);
        assert_eq!(check_due(rs, cal, on, None, None), Ok((default, None)));
        assert_eq!(
            check_due(rs, cal, on, Some(default), Some("  ")),
            Ok((default, None))
        );
        assert_eq!(
            check_due(rs, cal, on, Some(date!(2027 - 01 - 29)), None),
            Err(DueError::ReasonRequired)
        );
        assert_eq!(
            check_due(
                rs,
                cal,
                on,
                Some(date!(2027 - 01 - 29)),
                Some(" extra check ")
            ),
            Ok((date!(2027 - 01 - 29), Some("extra check".into())))
        );
        assert_eq!(
            check_due(rs, cal, on, Some(date!(2026 - 11 - 30)), Some("x")),
            Err(DueError::BeforeRegistration)
        );
    }

    #[test]
    fn r44_a_changed_due_date_always_has_a_reason() {
        let cal = Calendar::kazakhstan();
        let on = date!(2026 - 12 - 01);
        let default = default_due(RuleSet::current(), cal, on);
        // Even back to the default: the change is the officer's.
        assert_eq!(change_due(on, default, None), Err(DueError::ReasonRequired));
        assert_eq!(
            change_due(on, date!(2027 - 01 - 29), Some("  ")),
            Err(DueError::ReasonRequired)
        );
        assert_eq!(
            change_due(on, date!(2027 - 01 - 29), Some(" expert opinion ")),
            Ok((date!(2027 - 01 - 29), "expert opinion".to_owned()))
        );
        assert_eq!(
            change_due(on, on, Some("same day")),
            Ok((on, "same day".into()))
        );
        assert_eq!(
            change_due(on, date!(2026 - 11 - 30), Some("x")),
            Err(DueError::BeforeRegistration)
        );
    }

    #[test]
    fn r44_overdue_first_then_by_due_date() {
        let today = date!(2026 - 12 - 10);
        let mut items = [
            (date!(2026 - 12 - 20), date!(2026 - 12 - 01)),
            (date!(2026 - 12 - 09), date!(2026 - 11 - 20)),
            (date!(2026 - 12 - 10), date!(2026 - 11 - 25)),
            (date!(2026 - 12 - 01), date!(2026 - 11 - 10)),
        ];
        items.sort_by(|a, b| control_order(today, *a, *b));
        let dues: Vec<Date> = items.iter().map(|i| i.0).collect();
        assert_eq!(
            dues,
            [
                date!(2026 - 12 - 01),
                date!(2026 - 12 - 09),
                date!(2026 - 12 - 10),
                date!(2026 - 12 - 20)
            ]
        );
        assert!(!is_overdue(date!(2026 - 12 - 10), today));
        assert!(is_overdue(date!(2026 - 12 - 09), today));
    }

    #[test]
    fn r42_an_earlier_decider_of_the_thread_is_refused() {
        assert_eq!(
            check_assignment("st_a", ["st_b", "st_a"]),
            Err(PreviouslyDecided)
        );
        assert_eq!(check_assignment("st_c", ["st_b", "st_a"]), Ok(()));
        assert_eq!(check_assignment("st_a", []), Ok(()));
    }

    #[test]
    fn r40_r44_references_are_trimmed_and_bounded() {
        assert_eq!(reference(None), Ok(None));
        assert_eq!(reference(Some("  ")), Ok(None));
        assert_eq!(reference(Some(" ЖТ-12/345 ")), Ok(Some("ЖТ-12/345".into())));
        assert_eq!(
            reference(Some(&"1".repeat(65))),
            Err(ReferenceError::TooLong)
        );
        assert_eq!(
            reference(Some("a\u{0}b")),
            Err(ReferenceError::ForbiddenCharacter)
        );
    }
}
