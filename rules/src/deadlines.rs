//! Staff deadlines around a request to, and a reception of, the PG and his deputies (R15,
//! R20, R25).
//!
//! Reading of "within 3 working days before" (R15: "қарау мерзімі аяқталғанға дейін үш
//! жұмыс күні ішінде"; R20: "қабылдау басталмас бұрын үш жұмыс күні ішінде"): the note must
//! be with the Centre no later than the working day that lies three working days before the
//! end date, counting back over working days only (for a reception on Monday 14 Dec 2026:
//! Fri 11, Thu 10, Wed 9 → due Wed 9 Dec). This is the earliest, strictest reading: it
//! leaves the Centre the working days in between to study the notes, and it is distinct
//! from R25, which says "one day before" where it means the day before.
//!
//! **R15 counts per request** (RULES.md, "Readings", 6): back from the end of the
//! consideration period of *the registration request*, not from the reception day. The
//! period is a value of the rule set ([`RuleSet::consideration_period`], by default 15
//! working days from receipt: the Order's para 2(2) sends consideration to the
//! Administrative Procedural Code), and it never ends after the reception's registration
//! closes (R16), since the request must be decided by then ([`consideration_ends`]). A
//! request received in the last three working days of its period would have its note due
//! before it arrived; the note is then due on the day of receipt ([`request_note_due`]).
//!
//! **R20 counts per reception**: the units' notes on everyone registered are due three
//! working days before the PG's reception ([`note_due`]). R25 sets the deputies' list.

use crate::calendar::{iso_date, Calendar};
use crate::official::OfficialKind;
use crate::ruleset::{ConsiderationPeriod, RuleSet};
use crate::window::{window, Window};
use serde::Serialize;
use time::{Date, Time};

/// R15, R20: the structural units' note is due this many working days before.
pub const NOTE_WORKING_DAYS: u32 = 3;

/// R15, R20: the date by which a note is due when the period ends on `period_end`: the
/// working day three working days before it (exactly three working days lie in
/// `[due, period_end)`).
pub fn note_due_before(calendar: &Calendar, period_end: Date) -> Date {
    calendar.sub_working_days(period_end, NOTE_WORKING_DAYS)
}

/// R20: the date by which the structural units' notes on the persons registered for the
/// PG's reception on `reception_date` are due at the Centre.
pub fn note_due(calendar: &Calendar, reception_date: Date) -> Date {
    note_due_before(calendar, reception_date)
}

/// R15: the last day of the consideration period of a registration request received
/// (registered, R3.a) on `registered_on`: `period` working days later, but never after
/// `registration_closes_on`, the last registration date of the reception asked for (R16).
pub fn consideration_ends(
    calendar: &Calendar,
    period: ConsiderationPeriod,
    registered_on: Date,
    registration_closes_on: Date,
) -> Date {
    calendar
        .add_working_days(registered_on, period.working_days)
        .min(registration_closes_on)
        .max(registered_on)
}

/// R15, R30: the day by which the responsible officer decides a registration request to an
/// official of `kind`, received on `registered_on`, for the reception on `reception_date`:
/// the end of its consideration period (RULES.md, "Readings", 6), which never falls after
/// the reception's registration closes (R16, R34). `None` for a reception that takes no
/// registration.
pub fn decision_due(
    calendar: &Calendar,
    rule_set: &RuleSet,
    kind: OfficialKind,
    registered_on: Date,
    reception_date: Date,
) -> Option<Date> {
    let Window::Registration(w) = window(calendar, kind, reception_date, Time::MIDNIGHT) else {
        return None;
    };
    Some(consideration_ends(
        calendar,
        rule_set.consideration_period,
        registered_on,
        w.last_registration_date(),
    ))
}

/// R15: the units' note on one registration request to an official of `kind` (the PG or a
/// deputy), received on `registered_on`, for the reception on `reception_date`: three
/// working days before the end of its consideration period, and not before the request was
/// received. `None` for other kinds, and for a reception that takes no registration.
pub fn request_note_due(
    calendar: &Calendar,
    rule_set: &RuleSet,
    kind: OfficialKind,
    registered_on: Date,
    reception_date: Date,
) -> Option<Deadline> {
    if !matches!(
        kind,
        OfficialKind::ProsecutorGeneral | OfficialKind::ProsecutorGeneralDeputy
    ) {
        return None;
    }
    // The start time does not move the last registration date.
    let Window::Registration(w) = window(calendar, kind, reception_date, Time::MIDNIGHT) else {
        return None;
    };
    let end = consideration_ends(
        calendar,
        rule_set.consideration_period,
        registered_on,
        w.last_registration_date(),
    );
    Some(Deadline {
        task: StaffTask::NotesToCentre,
        clause: DeadlineClause::R15,
        due: note_due_before(calendar, end).max(registered_on),
    })
}

/// R25: the date by which the list of registered persons and the notes go to the deputies'
/// assistants: "one day before" the reception, read as the last working day before it
/// (nobody is there to receive them on a day off).
pub fn deputies_list_due(calendar: &Calendar, reception_date: Date) -> Date {
    calendar.previous_working_day(reception_date)
}

/// What staff must deliver before a reception.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffTask {
    /// The structural units' notes on the substance of each matter, to the Centre.
    NotesToCentre,
    /// The list of registered persons and the notes, to the deputy's assistants.
    ListToDeputyAssistants,
}

impl StaffTask {
    /// The wire name, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            StaffTask::NotesToCentre => "notes_to_centre",
            StaffTask::ListToDeputyAssistants => "list_to_deputy_assistants",
        }
    }
}

/// The clause that sets a staff deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DeadlineClause {
    R15,
    R20,
    R25,
}

impl DeadlineClause {
    pub fn id(self) -> &'static str {
        match self {
            DeadlineClause::R15 => "R15",
            DeadlineClause::R20 => "R20",
            DeadlineClause::R25 => "R25",
        }
    }
}

/// One staff deadline: `{"task":"notes_to_centre","clause":"R20","due":"2026-12-09"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub task: StaffTask,
    pub clause: DeadlineClause,
    #[serde(with = "iso_date")]
    pub due: Date,
}

/// The staff deadlines of a reception of `kind` on `reception_date`. Only the GPO's
/// receptions have them: the PG's notes (R20) and the deputies' list (R25); the notes of R15
/// are due per request ([`request_note_due`]). Regional receptions (R35) set no deadline;
/// others take no registration.
pub fn staff_deadlines(
    calendar: &Calendar,
    kind: OfficialKind,
    reception_date: Date,
) -> Vec<Deadline> {
    let notes = |clause| Deadline {
        task: StaffTask::NotesToCentre,
        clause,
        due: note_due(calendar, reception_date),
    };
    match kind {
        OfficialKind::ProsecutorGeneral => vec![notes(DeadlineClause::R20)],
        OfficialKind::ProsecutorGeneralDeputy => vec![Deadline {
            task: StaffTask::ListToDeputyAssistants,
            clause: DeadlineClause::R25,
            due: deputies_list_due(calendar, reception_date),
        }],
        OfficialKind::GpoUnitHead
        | OfficialKind::RegionalHead
        | OfficialKind::RegionalDeputy
        | OfficialKind::RegionalUnitHead
        | OfficialKind::DistrictHead
        | OfficialKind::DistrictDeputy
        | OfficialKind::ReceivingProsecutor
        | OfficialKind::DutyProsecutor => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;
    use time::macros::date;

    fn kz() -> &'static Calendar {
        Calendar::kazakhstan()
    }

    /// R20: for a GP reception on Monday 14 Dec 2026 the notes are due Wednesday 9 Dec
    /// (Fri 11, Thu 10, Wed 9).
    #[test]
    fn r20_note_due_three_working_days_before_the_reception() {
        for (reception, due) in [
            (date!(2026 - 12 - 14), date!(2026 - 12 - 09)),
            // Skips Independence Day (Wed 16 Dec 2026): Thu 17, Tue 15, Mon 14.
            (date!(2026 - 12 - 18), date!(2026 - 12 - 14)),
            // Skips Nauryz 2026 and its moved days: Thu 26, Fri 20, Thu 19.
            (date!(2026 - 03 - 27), date!(2026 - 03 - 19)),
            // Across New Year and 7 January 2026: Tue 6, Mon 5, Wed 31 Dec 2025.
            (date!(2026 - 01 - 08), date!(2025 - 12 - 31)),
            // The worked Sunday 5 Jan 2025 counts: Sun 5, Tue 31 Dec, Mon 30 Dec.
            (date!(2025 - 01 - 06), date!(2024 - 12 - 30)),
        ] {
            assert_eq!(note_due(kz(), reception), due, "{reception}");
        }
    }

    /// R15 (RULES.md, "Readings", 6): counted back three working days from the end of the
    /// request's consideration period (15 working days from receipt), which never ends
    /// after the reception's registration closes, and never due before receipt.
    #[test]
    fn r15_note_due_counts_from_the_end_of_the_consideration_period() {
        use OfficialKind::{ProsecutorGeneral as PG, ProsecutorGeneralDeputy as PGD};
        let rules = RuleSet::current();
        // (kind, received, reception, period end, note due)
        let cases = [
            // Received Tue 1 Dec 2026 for a PG reception far ahead (Mon 18 Jan 2027): 15
            // working days skip Independence Day (16 Dec) → Wed 23 Dec; note due Fri 18 Dec.
            (
                PG,
                date!(2026 - 12 - 01),
                date!(2027 - 01 - 18),
                date!(2026 - 12 - 23),
                date!(2026 - 12 - 18),
            ),
            // The same request for Mon 14 Dec: registration closes Wed 9 Dec (R16), which
            // ends the period; note due Fri 4 Dec — not Wed 9 Dec as the reception would say.
            (
                PGD,
                date!(2026 - 12 - 01),
                date!(2026 - 12 - 14),
                date!(2026 - 12 - 09),
                date!(2026 - 12 - 04),
            ),
            // Received on the last registration day: the period ends that day, and the note
            // cannot be due before the request arrived.
            (
                PG,
                date!(2026 - 12 - 09),
                date!(2026 - 12 - 14),
                date!(2026 - 12 - 09),
                date!(2026 - 12 - 09),
            ),
        ];
        for (kind, received, reception, end, due) in cases {
            let closes = match window(kz(), kind, reception, Time::MIDNIGHT) {
                Window::Registration(w) => w.last_registration_date(),
                other => panic!("{other:?}"),
            };
            assert_eq!(
                consideration_ends(kz(), rules.consideration_period, received, closes),
                end,
                "{kind:?} {received} {reception}"
            );
            assert_eq!(
                request_note_due(kz(), rules, kind, received, reception),
                Some(Deadline {
                    task: StaffTask::NotesToCentre,
                    clause: DeadlineClause::R15,
                    due,
                }),
                "{kind:?} {received} {reception}"
            );
            // The reception day no longer decides it.
            assert!(due <= note_due(kz(), reception));
        }
        // R15 binds the GPO's Centre only; a day off takes no registration.
        for kind in OfficialKind::ALL {
            if !matches!(kind, PG | PGD) {
                let d = request_note_due(
                    kz(),
                    rules,
                    kind,
                    date!(2026 - 12 - 01),
                    date!(2026 - 12 - 14),
                );
                assert_eq!(d, None, "{kind:?}");
            }
        }
        let holiday = date!(2026 - 12 - 16);
        assert_eq!(
            request_note_due(kz(), rules, PG, date!(2026 - 12 - 01), holiday),
            None
        );
        assert_eq!(
            note_due_before(kz(), date!(2026 - 12 - 09)),
            date!(2026 - 12 - 04)
        );
    }

    /// R15, R30: a request is decided by the end of its consideration period, or by the
    /// last day of registration (R16 for the PG, R34 for a regional head) if earlier.
    #[test]
    fn r15_r30_decision_due_ends_the_consideration_period() {
        let rules = RuleSet::current();
        let received = date!(2026 - 12 - 01);
        // Far ahead: 15 working days (Independence Day skipped).
        assert_eq!(
            decision_due(
                kz(),
                rules,
                OfficialKind::ProsecutorGeneral,
                received,
                date!(2027 - 01 - 18)
            ),
            Some(date!(2026 - 12 - 23))
        );
        // R16: registration for Mon 14 Dec closes Wed 9 Dec.
        assert_eq!(
            decision_due(
                kz(),
                rules,
                OfficialKind::ProsecutorGeneral,
                received,
                date!(2026 - 12 - 14)
            ),
            Some(date!(2026 - 12 - 09))
        );
        // R34: for a regional head on Tue 8 Dec it closes on Mon 7 Dec.
        assert_eq!(
            decision_due(
                kz(),
                rules,
                OfficialKind::RegionalHead,
                received,
                date!(2026 - 12 - 08)
            ),
            Some(date!(2026 - 12 - 07))
        );
        // R37: a district office takes no registration.
        assert_eq!(
            decision_due(
                kz(),
                rules,
                OfficialKind::DistrictHead,
                received,
                date!(2026 - 12 - 08)
            ),
            None
        );
    }

    /// R25: the list and notes reach the deputies' assistants the working day before.
    #[test]
    fn r25_deputies_list_due_the_working_day_before() {
        for (reception, due) in [
            (date!(2026 - 12 - 15), date!(2026 - 12 - 14)),
            (date!(2026 - 12 - 14), date!(2026 - 12 - 11)),
            (date!(2026 - 12 - 17), date!(2026 - 12 - 15)),
            (date!(2026 - 03 - 26), date!(2026 - 03 - 20)),
        ] {
            assert_eq!(deputies_list_due(kz(), reception), due, "{reception}");
        }
    }

    /// R20, R25 by kind of official (R15 is per request); R35 and the walk-in kinds have
    /// none.
    #[test]
    fn r20_r25_staff_deadlines_by_kind() {
        let d = date!(2026 - 12 - 14);
        assert_eq!(
            staff_deadlines(kz(), OfficialKind::ProsecutorGeneral, d),
            [Deadline {
                task: StaffTask::NotesToCentre,
                clause: DeadlineClause::R20,
                due: date!(2026 - 12 - 09),
            }]
        );
        let deputy = staff_deadlines(kz(), OfficialKind::ProsecutorGeneralDeputy, d);
        for d in &deputy {
            assert_eq!(serde_json::to_value(d.task).unwrap(), d.task.code());
            assert_eq!(serde_json::to_value(d.clause).unwrap(), d.clause.id());
        }
        assert_eq!(
            serde_json::to_value(&deputy).unwrap(),
            json!([
                {"task": "list_to_deputy_assistants", "clause": "R25", "due": "2026-12-11"}
            ])
        );
        for kind in OfficialKind::ALL {
            if !matches!(
                kind,
                OfficialKind::ProsecutorGeneral | OfficialKind::ProsecutorGeneralDeputy
            ) {
                assert!(staff_deadlines(kz(), kind, d).is_empty(), "{kind:?}");
            }
        }
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2024i32..=2028, 1u16..=365).prop_map(|(y, d)| Date::from_ordinal_date(y, d).unwrap())
    }

    proptest! {
        /// R20: exactly three working days lie in [due, reception), the first being due.
        #[test]
        fn r20_note_due_leaves_exactly_three_working_days(d in any_date()) {
            let due = note_due(kz(), d);
            prop_assert!(kz().is_working_day(due));
            let mut n = 0;
            let mut day = due;
            while day < d {
                n += u32::from(kz().is_working_day(day));
                day = day.next_day().unwrap();
            }
            prop_assert_eq!(n, NOTE_WORKING_DAYS);
        }

        /// R15: the period never ends after registration closes nor before receipt, and the
        /// note is due in between.
        #[test]
        fn r15_note_due_lies_within_the_period(received in any_date(), reception in any_date()) {
            let rules = RuleSet::current();
            let kind = OfficialKind::ProsecutorGeneral;
            if let Window::Registration(w) = window(kz(), kind, reception, Time::MIDNIGHT) {
                let closes = w.last_registration_date();
                let end = consideration_ends(kz(), rules.consideration_period, received, closes);
                prop_assert!(end >= received);
                prop_assert!(end <= closes.max(received));
                let due = request_note_due(kz(), rules, kind, received, reception)
                    .map(|d| d.due);
                prop_assert!(due.is_some_and(|d| received <= d && d <= end));
            }
        }

        /// R25: the list is due on a working day before the reception, with none in between.
        #[test]
        fn r25_list_due_is_the_last_working_day_before(d in any_date()) {
            let due = deputies_list_due(kz(), d);
            prop_assert!(due < d);
            prop_assert!(kz().is_working_day(due));
            prop_assert!(kz().next_working_day(due) >= d);
        }
    }
}
