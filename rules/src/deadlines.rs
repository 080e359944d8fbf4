//! Staff deadlines around a reception of the PG and his deputies (R15, R20, R25).
//!
//! Reading of "within 3 working days before" (R15: "қарау мерзімі аяқталғанға дейін үш
//! жұмыс күні ішінде"; R20: "қабылдау басталмас бұрын үш жұмыс күні ішінде"): the note must
//! be with the Centre no later than the working day that lies three working days before the
//! end date, counting back over working days only (for a reception on Monday 14 Dec 2026:
//! Fri 11, Thu 10, Wed 9 → due Wed 9 Dec). This is the earliest, strictest reading: it
//! leaves the Centre the working days in between to study the notes, and it is distinct
//! from R25, which says "one day before" where it means the day before. The alternative
//! reading ("at some point during the last three working days") would allow a note on the
//! eve of the reception; it is not used. Note that under this reading the notes for a
//! Monday reception of the PG are due on the day its registration closes (both Wed 9 Dec
//! 2026, R16), so requests registered that last day leave the units no time: the Centre
//! should confirm the reading.
//!
//! R15 counts from "the end of the period for considering the registration request"; the
//! service counts from the reception, which ends that period at the latest
//! ([`note_due`]). Where staff set an earlier end, [`note_due_before`] takes it.

use crate::calendar::{iso_date, Calendar};
use crate::official::OfficialKind;
use serde::Serialize;
use time::Date;

/// R15, R20: the structural units' note is due this many working days before.
pub const NOTE_WORKING_DAYS: u32 = 3;

/// R15, R20: the date by which a note is due when the period ends on `period_end`: the
/// working day three working days before it (exactly three working days lie in
/// `[due, period_end)`).
pub fn note_due_before(calendar: &Calendar, period_end: Date) -> Date {
    calendar.sub_working_days(period_end, NOTE_WORKING_DAYS)
}

/// R15, R20: the date by which the structural units' notes on the registered persons are
/// due at the Centre for a reception on `reception_date`.
pub fn note_due(calendar: &Calendar, reception_date: Date) -> Date {
    note_due_before(calendar, reception_date)
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

/// The clause that sets a staff deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DeadlineClause {
    R15,
    R20,
    R25,
}

/// One staff deadline: `{"task":"notes_to_centre","clause":"R20","due":"2026-12-09"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub task: StaffTask,
    pub clause: DeadlineClause,
    #[serde(with = "iso_date")]
    pub due: Date,
}

/// The staff deadlines of a reception of `kind` on `reception_date`, in date order. Only the
/// GPO's receptions have them: the PG's notes (R20), the deputies' notes (R15) and list
/// (R25). Regional receptions (R35) set no deadline; others take no registration.
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
        OfficialKind::ProsecutorGeneralDeputy => vec![
            notes(DeadlineClause::R15),
            Deadline {
                task: StaffTask::ListToDeputyAssistants,
                clause: DeadlineClause::R25,
                due: deputies_list_due(calendar, reception_date),
            },
        ],
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

    /// R15: counted from the end of the consideration period when staff set one.
    #[test]
    fn r15_note_due_before_the_end_of_the_period() {
        assert_eq!(
            note_due_before(kz(), date!(2026 - 12 - 09)),
            date!(2026 - 12 - 04)
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

    /// R15, R20, R25 by kind of official; R35 and the walk-in kinds have none.
    #[test]
    fn r15_r20_r25_staff_deadlines_by_kind() {
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
        assert_eq!(
            serde_json::to_value(&deputy).unwrap(),
            json!([
                {"task": "notes_to_centre", "clause": "R15", "due": "2026-12-09"},
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
        /// R15, R20: exactly three working days lie in [due, reception), the first being due.
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
