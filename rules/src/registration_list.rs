//! The registration list of a reception (R20, R25, R35): the persons registered for it,
//! provisional while its registration window is open — a request may still take a place —
//! and frozen once the window closes (R16, R34), when it goes to the units for their notes
//! (R20, R35) and to the deputies' assistants (R25) by the deadlines of
//! [`crate::deadlines::staff_deadlines`]. Open or closed is [`crate::window`]'s decision,
//! never decided again here.

use crate::calendar::Calendar;
use crate::official::OfficialKind;
use crate::window::{window, RegistrationState, Window};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, Time};

/// `{"state":"provisional","closes_at":…}` or `{"state":"frozen","closed_at":…}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ListState {
    /// Registration is open: the list may still grow until `closes_at`.
    Provisional {
        #[serde(with = "time::serde::rfc3339")]
        closes_at: OffsetDateTime,
    },
    /// Registration closed at `closed_at`: the list is final (R20, R35).
    Frozen {
        #[serde(with = "time::serde::rfc3339")]
        closed_at: OffsetDateTime,
    },
}

impl ListState {
    pub fn is_frozen(self) -> bool {
        matches!(self, ListState::Frozen { .. })
    }
}

/// The state at `now` of the list of a reception of `kind` on `date` starting at `start`
/// (local time); `None` for a reception that takes no registration (R37, R14, R28, a day
/// off, a year the calendar does not cover), which has no list.
pub fn list_state(
    calendar: &Calendar,
    kind: OfficialKind,
    date: Date,
    start: Time,
    now: OffsetDateTime,
) -> Option<ListState> {
    let Window::Registration(w) = window(calendar, kind, date, start) else {
        return None;
    };
    Some(match w.state_at(now) {
        RegistrationState::Open { closes_at } => ListState::Provisional { closes_at },
        RegistrationState::Closed { .. } | RegistrationState::WalkIn => ListState::Frozen {
            closed_at: w.closes_at(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use time::macros::{date, datetime, time};

    fn kz() -> &'static Calendar {
        Calendar::kazakhstan()
    }

    /// R34 (regional): the list of Tuesday 15 Dec 2026 is provisional until 18:30 on Monday
    /// 14 Dec and frozen from then on, also once the reception has started (R35).
    #[test]
    fn r35_a_regional_list_freezes_when_registration_closes() {
        let (d, start) = (date!(2026 - 12 - 15), time!(10:00));
        let at = |now| list_state(kz(), OfficialKind::RegionalHead, d, start, now);
        let closes = datetime!(2026-12-14 18:30 +05:00);
        assert_eq!(
            at(datetime!(2026-12-14 18:29:59 +05:00)),
            Some(ListState::Provisional { closes_at: closes })
        );
        for now in [
            closes,
            datetime!(2026-12-15 10:30 +05:00),
            datetime!(2026-12-20 00:00 +05:00),
        ] {
            assert_eq!(at(now), Some(ListState::Frozen { closed_at: closes }));
        }
        assert_eq!(
            serde_json::to_value(at(closes)).unwrap(),
            json!({"state": "frozen", "closed_at": "2026-12-14T18:30:00+05:00"})
        );
    }

    /// R16, R20 (the PG): frozen from 18:30 on the last working day on or before D − 5.
    #[test]
    fn r20_the_pgs_list_freezes_five_days_before() {
        let d = date!(2026 - 12 - 14);
        let at = |now| list_state(kz(), OfficialKind::ProsecutorGeneral, d, time!(10:00), now);
        assert!(matches!(
            at(datetime!(2026-12-09 18:29 +05:00)),
            Some(ListState::Provisional { .. })
        ));
        assert!(at(datetime!(2026-12-09 18:30 +05:00)).is_some_and(ListState::is_frozen));
    }

    /// R37, R14: no registration, no list; nor on a day off.
    #[test]
    fn receptions_without_registration_have_no_list() {
        let now = datetime!(2026-12-01 12:00 +05:00);
        for kind in [OfficialKind::DistrictHead, OfficialKind::GpoUnitHead] {
            assert_eq!(
                list_state(kz(), kind, date!(2026 - 12 - 15), time!(10:00), now),
                None
            );
        }
        let holiday = date!(2026 - 12 - 16);
        assert_eq!(
            list_state(kz(), OfficialKind::RegionalHead, holiday, time!(10:00), now),
            None
        );
    }
}
