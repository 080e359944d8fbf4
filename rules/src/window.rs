//! Registration windows: until when a request may still take a given reception (R3.a, R16,
//! R34, R37).
//!
//! * Time is Asia/Almaty, a fixed UTC+05:00 for the whole country since 2024-03-01, so a
//!   fixed offset replaces a time zone database (`shared/data/kz-calendar.md` §6).
//! * R3.a: requests are registered on working days 09:00–18:30. A request is registered on
//!   the day it arrives if that is a working day and it arrives before 18:30; otherwise on
//!   the next working day (at 09:00).
//! * A reception is held only on a working day.
//! * R16 (PG and deputies): a request may take a reception on day D only if it is
//!   registered no later than D − 5 calendar days; R34 (regional heads and deputies): no
//!   later than D − 1. Registration is kept on working days only, so the window closes at
//!   18:30 on the last working day ≤ D − k.
//! * R37: district officials (and receiving and duty prosecutors) take no registration.
//! * R14, R28: unit heads receive "as the need arises", arranged through the responsible
//!   unit; there is nothing the public can register for, so their receptions are reported as
//!   closed with `no_public_registration` (not as walk-in, which would send people to a
//!   door that is not open to them).
//!
//! The current instant is always a parameter: the SPA passes the browser's clock for display
//! and the Worker its own clock for the decision.

use crate::calendar::Calendar;
use crate::office::OfficeLevel;
use crate::official::{Access, OfficialKind};
use serde::{Deserialize, Serialize};
use time::macros::time;
use time::{Date, Duration, OffsetDateTime, Time};

pub use crate::dates::ALMATY;

/// R3.a: registration starts at 09:00 on working days.
pub const REGISTRATION_OPENS: Time = time!(09:00);

/// R3.a: registration ends at 18:30 on working days; a request arriving at 18:30 or later
/// is registered the next working day.
pub const REGISTRATION_CLOSES: Time = time!(18:30);

/// The clause that sets a pre-registration window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WindowClause {
    /// PG and deputies: registration closes 5 days before the reception.
    R16,
    /// Regional heads, deputies and those equated: closes 1 day before the reception.
    R34,
}

impl WindowClause {
    pub fn id(self) -> &'static str {
        match self {
            WindowClause::R16 => "R16",
            WindowClause::R34 => "R34",
        }
    }

    /// The "k" of "registered no later than D − k calendar days".
    pub fn days_before(self) -> u8 {
        match self {
            WindowClause::R16 => 5,
            WindowClause::R34 => 1,
        }
    }

    /// The latest registration date that may take a reception on `reception_date`, before
    /// working days are considered: D − k.
    fn latest_date(self, reception_date: Date) -> Date {
        reception_date.saturating_sub(Duration::days(i64::from(self.days_before())))
    }
}

/// The clause under which an official receives as the need arises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AsNeededClause {
    /// Heads of GPO structural units.
    R14,
    /// Heads of regional structural units and senior assistants.
    R28,
}

impl AsNeededClause {
    pub fn id(self) -> &'static str {
        match self {
            AsNeededClause::R14 => "R14",
            AsNeededClause::R28 => "R28",
        }
    }
}

/// Why a reception takes no registration at all, whatever the instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoRegistration {
    /// R14, R28: the official receives as the need arises, not on public registration.
    NoPublicRegistration { clause: AsNeededClause },
    /// A reception is held only on a working day (a holiday, a weekend, a day off).
    NotAWorkingDay,
    /// The calendar does not know the reception's year (its Kurban Ait date, its
    /// transfers), so no promise can be made; staff extend `data/calendar.json`.
    CalendarNotAvailable,
}

/// An open-able pre-registration window (R16, R34). Built only by [`window`], so it always
/// closes before its reception starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegistrationWindow {
    clause: WindowClause,
    last_registration_date: Date,
    closes_at: OffsetDateTime,
    starts_at: OffsetDateTime,
}

impl RegistrationWindow {
    pub fn clause(&self) -> WindowClause {
        self.clause
    }

    /// The last working day ≤ D − k: requests registered on it or earlier qualify.
    pub fn last_registration_date(&self) -> Date {
        self.last_registration_date
    }

    /// 18:30 (UTC+05:00) on the last registration date.
    pub fn closes_at(&self) -> OffsetDateTime {
        self.closes_at
    }

    /// The reception's start (UTC+05:00).
    pub fn starts_at(&self) -> OffsetDateTime {
        self.starts_at
    }

    /// Whether a request registered on `registered_on` may take this reception (R16, R34):
    /// for requests whose registration date is already known (paper, egov, call centre).
    pub fn accepts(&self, registered_on: Date) -> bool {
        registered_on <= self.last_registration_date
    }

    /// The state of the window at `now`.
    pub fn state_at(&self, now: OffsetDateTime) -> RegistrationState {
        if now >= self.starts_at {
            RegistrationState::Closed {
                reason: ClosedReason::Started {
                    clause: self.clause,
                },
            }
        } else if now >= self.closes_at {
            RegistrationState::Closed {
                reason: ClosedReason::WindowPassed {
                    clause: self.clause,
                },
            }
        } else {
            RegistrationState::Open {
                closes_at: self.closes_at,
            }
        }
    }
}

/// How a reception may be reached, independent of the instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// By pre-registration until `closes_at` (R16, R34).
    Registration(RegistrationWindow),
    /// Without registration (R37).
    WalkIn,
    /// Not by registration at all.
    NoRegistration(NoRegistration),
}

/// Why registration for a reception is closed. Serialised flat into the state:
/// `{"state":"closed","reason":"window_passed","clause":"R16"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum ClosedReason {
    /// The window of R16 / R34 closed: a request now is registered too late.
    WindowPassed { clause: WindowClause },
    /// The reception has started (or is over); its window (R16 / R34) closed before it.
    Started { clause: WindowClause },
    /// A reception is held only on a working day.
    NotAWorkingDay,
    /// R14, R28: the official receives as the need arises, not on public registration.
    NoPublicRegistration { clause: AsNeededClause },
    /// The calendar does not cover the reception's year yet.
    CalendarNotAvailable,
}

impl ClosedReason {
    /// The clause that closes registration: R16 / R34 for a passed window or a started
    /// reception, R14 / R28 for officials received as the need arises, R3.a for a day that
    /// is not a working day (registration and reception on working days); none when the
    /// calendar of the year is not published yet.
    pub fn clause(self) -> Option<&'static str> {
        match self {
            ClosedReason::WindowPassed { clause } | ClosedReason::Started { clause } => {
                Some(clause.id())
            }
            ClosedReason::NoPublicRegistration { clause } => Some(clause.id()),
            ClosedReason::NotAWorkingDay => Some("R3.a"),
            ClosedReason::CalendarNotAvailable => None,
        }
    }

    /// The stable wire code of the reason, as serialised in `reason`.
    pub fn code(self) -> &'static str {
        match self {
            ClosedReason::WindowPassed { .. } => "window_passed",
            ClosedReason::Started { .. } => "started",
            ClosedReason::NotAWorkingDay => "not_a_working_day",
            ClosedReason::NoPublicRegistration { .. } => "no_public_registration",
            ClosedReason::CalendarNotAvailable => "calendar_not_available",
        }
    }
}

impl From<NoRegistration> for ClosedReason {
    fn from(reason: NoRegistration) -> ClosedReason {
        match reason {
            NoRegistration::NoPublicRegistration { clause } => {
                ClosedReason::NoPublicRegistration { clause }
            }
            NoRegistration::NotAWorkingDay => ClosedReason::NotAWorkingDay,
            NoRegistration::CalendarNotAvailable => ClosedReason::CalendarNotAvailable,
        }
    }
}

/// Whether a request made now can take a reception:
/// `{"state":"open","closes_at":"2026-12-09T18:30:00+05:00"}`,
/// `{"state":"closed","reason":"not_a_working_day"}` or `{"state":"walk_in"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    try_from = "RegistrationWire"
)]
pub enum RegistrationState {
    /// A request arriving now is registered in time; `closes_at` is in UTC+05:00.
    Open {
        #[serde(with = "crate::dates::rfc3339")]
        closes_at: OffsetDateTime,
    },
    Closed {
        #[serde(flatten)]
        reason: ClosedReason,
    },
    /// No registration: come during working hours (R37).
    WalkIn,
}

/// `instant` in Almaty time. (At the very end of representable time, where +05:00 cannot be
/// represented, the instant is kept in its own offset.)
fn local(instant: OffsetDateTime) -> OffsetDateTime {
    crate::dates::almaty(instant)
}

/// R3.a: the date on which a request arriving at `arrival` is registered: the arrival's
/// day (UTC+05:00) if that is a working day and it arrives before 18:30, else the next
/// working day.
pub fn registration_date(calendar: &Calendar, arrival: OffsetDateTime) -> Date {
    let local = local(arrival);
    let day = local.date();
    if calendar.is_working_day(day) && local.time() < REGISTRATION_CLOSES {
        day
    } else {
        calendar.next_working_day(day)
    }
}

/// The window of a reception of `kind` on `reception_date` starting at `reception_start`
/// (local time, UTC+05:00).
pub fn window(
    calendar: &Calendar,
    kind: OfficialKind,
    reception_date: Date,
    reception_start: Time,
) -> Window {
    match kind.access() {
        Access::WalkIn => Window::WalkIn,
        Access::AsNeeded => Window::NoRegistration(NoRegistration::NoPublicRegistration {
            clause: match kind.level() {
                OfficeLevel::General => AsNeededClause::R14,
                OfficeLevel::Regional | OfficeLevel::District => AsNeededClause::R28,
            },
        }),
        Access::PreRegistration => {
            if !calendar.supports(reception_date.year()) {
                return Window::NoRegistration(NoRegistration::CalendarNotAvailable);
            }
            if !calendar.is_working_day(reception_date) {
                return Window::NoRegistration(NoRegistration::NotAWorkingDay);
            }
            // Equated offices follow their level; only the GPO's officials have R16.
            let clause = match kind.level() {
                OfficeLevel::General => WindowClause::R16,
                OfficeLevel::Regional | OfficeLevel::District => WindowClause::R34,
            };
            let last = calendar.working_day_on_or_before(clause.latest_date(reception_date));
            Window::Registration(RegistrationWindow {
                clause,
                last_registration_date: last,
                closes_at: last.with_time(REGISTRATION_CLOSES).assume_offset(ALMATY),
                starts_at: reception_date
                    .with_time(reception_start)
                    .assume_offset(ALMATY),
            })
        }
    }
}

/// The registration state, at `now`, of a reception of `kind` on `reception_date` starting
/// at `reception_start` (local time).
pub fn state_at(
    calendar: &Calendar,
    kind: OfficialKind,
    reception_date: Date,
    reception_start: Time,
    now: OffsetDateTime,
) -> RegistrationState {
    match window(calendar, kind, reception_date, reception_start) {
        Window::Registration(w) => w.state_at(now),
        Window::WalkIn => RegistrationState::WalkIn,
        Window::NoRegistration(reason) => RegistrationState::Closed {
            reason: reason.into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;
    use time::macros::{date, datetime};
    use time::Weekday;
    use OfficialKind::*;

    fn kz() -> &'static Calendar {
        Calendar::kazakhstan()
    }

    const TEN: Time = time!(10:00);

    fn registration(kind: OfficialKind, date: Date) -> RegistrationWindow {
        match window(kz(), kind, date, TEN) {
            Window::Registration(w) => w,
            other => panic!("{kind:?} on {date}: {other:?}"),
        }
    }

    fn closed(reason: ClosedReason) -> RegistrationState {
        RegistrationState::Closed { reason }
    }

    /// DESIGN.md: a GP reception on Wednesday 16 Dec 2026 (Independence Day) is not a
    /// reception day at all.
    #[test]
    fn r16_gp_reception_on_independence_day_2026_is_not_a_reception_day() {
        let d = date!(2026 - 12 - 16);
        assert_eq!(d.weekday(), Weekday::Wednesday);
        assert_eq!(
            window(kz(), ProsecutorGeneral, d, TEN),
            Window::NoRegistration(NoRegistration::NotAWorkingDay)
        );
        let state = state_at(
            kz(),
            ProsecutorGeneral,
            d,
            TEN,
            datetime!(2026-12-01 12:00 +5),
        );
        assert_eq!(state, closed(ClosedReason::NotAWorkingDay));
        assert_eq!(
            serde_json::to_value(state).unwrap(),
            json!({"state": "closed", "reason": "not_a_working_day"})
        );
    }

    /// DESIGN.md: for a GP reception on Monday 14 Dec 2026, requests registered up to
    /// Wednesday 9 Dec qualify (D − 5); the window closes on 9 Dec at 18:30 +05:00.
    #[test]
    fn r16_gp_reception_monday_14_dec_2026_closes_wednesday_9_dec_1830() {
        let w = registration(ProsecutorGeneral, date!(2026 - 12 - 14));
        assert_eq!(w.clause(), WindowClause::R16);
        assert_eq!(w.last_registration_date(), date!(2026 - 12 - 09));
        assert_eq!(w.closes_at(), datetime!(2026-12-09 18:30 +5));
        assert_eq!(w.starts_at(), datetime!(2026-12-14 10:00 +5));
        assert!(w.accepts(date!(2026 - 12 - 09)));
        // Five calendar days, not working days: Thu 10 and Fri 11 Dec are too late.
        assert!(!w.accepts(date!(2026 - 12 - 10)));
        assert!(!w.accepts(date!(2026 - 12 - 11)));
        let state = state_at(
            kz(),
            ProsecutorGeneral,
            date!(2026 - 12 - 14),
            TEN,
            datetime!(2026-12-01 12:00 +5),
        );
        assert_eq!(
            serde_json::to_value(state).unwrap(),
            json!({"state": "open", "closes_at": "2026-12-09T18:30:00+05:00"})
        );
    }

    /// R3.a + R16: arriving Wed 9 Dec 2026 at 18:29 local qualifies for Mon 14 Dec; 18:30
    /// and 18:31 do not (registered Thu 10 Dec). The instant may come in any offset.
    #[test]
    fn r3a_r16_arrival_at_1829_qualifies_1831_does_not() {
        let d = date!(2026 - 12 - 14);
        let w = registration(ProsecutorGeneral, d);
        let at_1829 = datetime!(2026-12-09 13:29 UTC);
        assert_eq!(registration_date(kz(), at_1829), date!(2026 - 12 - 09));
        assert!(w.accepts(registration_date(kz(), at_1829)));
        assert_eq!(
            state_at(kz(), ProsecutorGeneral, d, TEN, at_1829),
            RegistrationState::Open {
                closes_at: datetime!(2026-12-09 18:30 +5)
            }
        );
        for late in [
            datetime!(2026-12-09 18:30 +5),
            datetime!(2026-12-09 18:31 +5),
            datetime!(2026-12-09 13:31 UTC),
        ] {
            assert_eq!(registration_date(kz(), late), date!(2026 - 12 - 10));
            assert!(!w.accepts(registration_date(kz(), late)));
            let state = state_at(kz(), ProsecutorGeneral, d, TEN, late);
            assert_eq!(
                state,
                closed(ClosedReason::WindowPassed {
                    clause: WindowClause::R16
                })
            );
            assert_eq!(
                serde_json::to_value(state).unwrap(),
                json!({"state": "closed", "reason": "window_passed", "clause": "R16"})
            );
        }
    }

    /// R3.a: registration only on working days before 18:30; otherwise the next working day.
    #[test]
    fn r3a_registration_date_skips_evenings_weekends_and_days_off() {
        for (arrival, registered) in [
            // Saturday → Monday.
            (datetime!(2026-12-12 10:00 +5), date!(2026 - 12 - 14)),
            // Sunday → Monday.
            (datetime!(2026-12-13 23:59 +5), date!(2026 - 12 - 14)),
            // Friday evening → Monday.
            (datetime!(2026-12-11 18:45 +5), date!(2026 - 12 - 14)),
            // Early morning of a working day → that day (processed from 09:00).
            (datetime!(2026-12-14 07:00 +5), date!(2026 - 12 - 14)),
            // 23:30 UTC on Monday is 04:30 on Tuesday in Almaty.
            (datetime!(2026-12-14 23:30 UTC), date!(2026 - 12 - 15)),
            // Independence Day (Wed 16 Dec 2026) → Thursday.
            (datetime!(2026-12-16 11:00 +5), date!(2026 - 12 - 17)),
            // Nauryz 2026 with its moved days: Fri 20 Mar evening → Thu 26 Mar.
            (datetime!(2026-03-20 19:00 +5), date!(2026 - 03 - 26)),
            // Transfer 2025: Fri 3 Jan is off, Sun 5 Jan is a working day.
            (datetime!(2025-01-03 12:00 +5), date!(2025 - 01 - 05)),
            (datetime!(2025-01-05 12:00 +5), date!(2025 - 01 - 05)),
        ] {
            assert_eq!(registration_date(kz(), arrival), registered, "{arrival}");
        }
    }

    /// R34: a regional reception on Tuesday closes on Monday at 18:30.
    #[test]
    fn r34_regional_reception_tuesday_closes_monday_1830() {
        let w = registration(RegionalHead, date!(2026 - 12 - 15));
        assert_eq!(w.clause(), WindowClause::R34);
        assert_eq!(w.closes_at(), datetime!(2026-12-14 18:30 +5));
        let w = registration(RegionalDeputy, date!(2026 - 12 - 15));
        assert_eq!(w.last_registration_date(), date!(2026 - 12 - 14));
    }

    /// R34: a regional reception on Monday closes the previous Friday at 18:30 (D − 1 is a
    /// Sunday; registration is kept only on working days).
    #[test]
    fn r34_regional_reception_monday_closes_previous_friday_1830() {
        let w = registration(RegionalHead, date!(2026 - 12 - 14));
        assert_eq!(w.last_registration_date(), date!(2026 - 12 - 11));
        assert_eq!(w.closes_at(), datetime!(2026-12-11 18:30 +5));
        let saturday = datetime!(2026-12-12 10:00 +5);
        assert!(!w.accepts(registration_date(kz(), saturday)));
        assert_eq!(
            w.state_at(saturday),
            closed(ClosedReason::WindowPassed {
                clause: WindowClause::R34
            })
        );
    }

    /// R16/R34 around Nauryz 2026 (21–23 Mar, moved days 24–25 Mar).
    #[test]
    fn r16_r34_windows_around_nauryz_2026() {
        // Sat 28 Mar 2026 is no reception day; nor is the moved day off Tue 24 Mar.
        for d in [date!(2026 - 03 - 28), date!(2026 - 03 - 24)] {
            assert_eq!(
                window(kz(), ProsecutorGeneral, d, TEN),
                Window::NoRegistration(NoRegistration::NotAWorkingDay)
            );
        }
        // GP on Mon 30 Mar: D − 5 is Wed 25 Mar (a moved day off) → closes Fri 20 Mar.
        let w = registration(ProsecutorGeneralDeputy, date!(2026 - 03 - 30));
        assert_eq!(w.closes_at(), datetime!(2026-03-20 18:30 +5));
        // GP on Fri 27 Mar: D − 5 is Sun 22 Mar → Fri 20 Mar.
        let w = registration(ProsecutorGeneral, date!(2026 - 03 - 27));
        assert_eq!(w.last_registration_date(), date!(2026 - 03 - 20));
        // Regional on Thu 26 Mar: D − 1 is Wed 25 Mar (off) → Fri 20 Mar.
        let w = registration(RegionalHead, date!(2026 - 03 - 26));
        assert_eq!(w.closes_at(), datetime!(2026-03-20 18:30 +5));
        // GP on Tue 31 Mar: D − 5 is Thu 26 Mar, a working day.
        let w = registration(ProsecutorGeneral, date!(2026 - 03 - 31));
        assert_eq!(w.last_registration_date(), date!(2026 - 03 - 26));
    }

    /// R16/R34 around Independence Day 2026 (Wed 16 Dec).
    #[test]
    fn r16_r34_windows_around_independence_day_2026() {
        let w = registration(ProsecutorGeneral, date!(2026 - 12 - 21));
        assert_eq!(w.last_registration_date(), date!(2026 - 12 - 15));
        let w = registration(RegionalDeputy, date!(2026 - 12 - 17));
        assert_eq!(w.closes_at(), datetime!(2026-12-15 18:30 +5));
    }

    /// A worked Sunday (transfer of 2025) is a working day, so a reception may be held on it.
    #[test]
    fn r16_reception_on_a_worked_sunday_2025() {
        let w = registration(ProsecutorGeneral, date!(2025 - 01 - 05));
        assert_eq!(w.last_registration_date(), date!(2024 - 12 - 31));
        assert_eq!(
            window(kz(), ProsecutorGeneral, date!(2025 - 01 - 03), TEN),
            Window::NoRegistration(NoRegistration::NotAWorkingDay)
        );
    }

    /// R37 (and R4, R6): district officials, receiving and duty prosecutors take no
    /// registration.
    #[test]
    fn r37_district_kinds_are_walk_in() {
        for kind in [
            DistrictHead,
            DistrictDeputy,
            ReceivingProsecutor,
            DutyProsecutor,
        ] {
            assert_eq!(
                window(kz(), kind, date!(2026 - 12 - 14), TEN),
                Window::WalkIn
            );
            let state = state_at(
                kz(),
                kind,
                date!(2026 - 12 - 14),
                TEN,
                datetime!(2026-12-14 11:00 +5),
            );
            assert_eq!(state, RegistrationState::WalkIn);
            assert_eq!(
                serde_json::to_value(state).unwrap(),
                json!({"state": "walk_in"})
            );
        }
    }

    /// R14, R28: unit heads receive as the need arises: no public registration.
    #[test]
    fn r14_r28_unit_heads_have_no_public_registration() {
        for (kind, clause, code) in [
            (GpoUnitHead, AsNeededClause::R14, "R14"),
            (RegionalUnitHead, AsNeededClause::R28, "R28"),
        ] {
            let state = state_at(
                kz(),
                kind,
                date!(2026 - 12 - 14),
                TEN,
                datetime!(2026-12-01 11:00 +5),
            );
            assert_eq!(state, closed(ClosedReason::NoPublicRegistration { clause }));
            assert_eq!(
                serde_json::to_value(state).unwrap(),
                json!({"state": "closed", "reason": "no_public_registration", "clause": code})
            );
        }
    }

    #[test]
    fn started_reception_is_closed_as_started() {
        let d = date!(2026 - 12 - 14);
        for now in [
            datetime!(2026-12-14 10:00 +5),
            datetime!(2026-12-14 15:00 +5),
            datetime!(2026-12-20 10:00 +5),
        ] {
            let state = state_at(kz(), RegionalHead, d, TEN, now);
            let started = ClosedReason::Started {
                clause: WindowClause::R34,
            };
            assert_eq!(state, closed(started));
            assert_eq!(
                serde_json::to_value(state).unwrap(),
                json!({"state": "closed", "reason": "started", "clause": "R34"})
            );
        }
        // Between the close and the start: the window has passed.
        assert_eq!(
            state_at(kz(), RegionalHead, d, TEN, datetime!(2026-12-14 09:59 +5)),
            closed(ClosedReason::WindowPassed {
                clause: WindowClause::R34
            })
        );
    }

    /// Every closed reason names its clause, and its code is the serialised `reason`
    /// (R3.a, R14, R16, R28, R34; none for a calendar not yet published).
    #[test]
    fn r3a_r14_r16_r28_r34_closed_reasons_name_their_clause() {
        let cases = [
            (
                ClosedReason::WindowPassed {
                    clause: WindowClause::R16,
                },
                Some("R16"),
            ),
            (
                ClosedReason::WindowPassed {
                    clause: WindowClause::R34,
                },
                Some("R34"),
            ),
            (
                ClosedReason::Started {
                    clause: WindowClause::R16,
                },
                Some("R16"),
            ),
            (
                ClosedReason::Started {
                    clause: WindowClause::R34,
                },
                Some("R34"),
            ),
            (ClosedReason::NotAWorkingDay, Some("R3.a")),
            (
                ClosedReason::NoPublicRegistration {
                    clause: AsNeededClause::R14,
                },
                Some("R14"),
            ),
            (
                ClosedReason::NoPublicRegistration {
                    clause: AsNeededClause::R28,
                },
                Some("R28"),
            ),
            (ClosedReason::CalendarNotAvailable, None),
        ];
        for (reason, clause) in cases {
            assert_eq!(reason.clause(), clause, "{reason:?}");
            let json = serde_json::to_value(closed(reason)).unwrap();
            assert_eq!(json["reason"], reason.code(), "{reason:?}");
        }
        // A started GPO reception closed under R16.
        let state = state_at(
            kz(),
            ProsecutorGeneral,
            date!(2026 - 12 - 14),
            TEN,
            datetime!(2026-12-14 10:00 +5),
        );
        assert_eq!(
            state,
            closed(ClosedReason::Started {
                clause: WindowClause::R16
            })
        );
    }

    /// RULES.md, "Readings", 7: R16 and R34 count calendar days back from D, then go back
    /// to the last working day; R15 and R20 count working days (see `deadlines`).
    #[test]
    fn r16_r34_reading_7_count_calendar_days() {
        // (kind, D, last registration date)
        let cases = [
            // Mon 14 Dec 2026 − 5 calendar days = Wed 9 Dec (5 working days would be 7 Dec).
            (
                ProsecutorGeneral,
                date!(2026 - 12 - 14),
                date!(2026 - 12 - 09),
            ),
            // Fri 18 Dec − 5 = Sun 13 Dec → Fri 11 Dec.
            (
                ProsecutorGeneralDeputy,
                date!(2026 - 12 - 18),
                date!(2026 - 12 - 11),
            ),
            // Thu 17 Dec − 1 = Wed 16 Dec (Independence Day) → Tue 15 Dec.
            (RegionalHead, date!(2026 - 12 - 17), date!(2026 - 12 - 15)),
            // Tue 15 Dec − 1 = Mon 14 Dec.
            (RegionalDeputy, date!(2026 - 12 - 15), date!(2026 - 12 - 14)),
        ];
        for (kind, d, last) in cases {
            let w = registration(kind, d);
            assert_eq!(w.last_registration_date(), last, "{kind:?} {d}");
            assert_eq!(
                w.closes_at(),
                last.with_time(REGISTRATION_CLOSES).assume_offset(ALMATY)
            );
        }
    }

    /// A year the calendar does not cover: no promise is made.
    #[test]
    fn reception_in_an_unsupported_year_is_closed() {
        let state = state_at(
            kz(),
            ProsecutorGeneral,
            date!(2029 - 01 - 15),
            TEN,
            datetime!(2028-12-01 10:00 +5),
        );
        assert_eq!(state, closed(ClosedReason::CalendarNotAvailable));
        assert_eq!(
            serde_json::to_value(state).unwrap(),
            json!({"state": "closed", "reason": "calendar_not_available"})
        );
    }

    #[test]
    fn states_round_trip_through_json() {
        for state in [
            RegistrationState::Open {
                closes_at: datetime!(2026-12-09 18:30 +5),
            },
            RegistrationState::WalkIn,
            closed(ClosedReason::WindowPassed {
                clause: WindowClause::R34,
            }),
            closed(ClosedReason::NoPublicRegistration {
                clause: AsNeededClause::R14,
            }),
            closed(ClosedReason::Started {
                clause: WindowClause::R16,
            }),
        ] {
            let text = serde_json::to_string(&state).unwrap();
            let back: RegistrationState = serde_json::from_str(&text).unwrap();
            assert_eq!(back, state, "{text}");
        }
    }

    fn pre_registration_kind() -> impl Strategy<Value = OfficialKind> {
        prop::sample::select(vec![
            ProsecutorGeneral,
            ProsecutorGeneralDeputy,
            RegionalHead,
            RegionalDeputy,
        ])
    }

    fn reception_date() -> impl Strategy<Value = Date> {
        (2024i32..=2028, 1u16..=365).prop_map(|(y, d)| Date::from_ordinal_date(y, d).unwrap())
    }

    fn start_time() -> impl Strategy<Value = Time> {
        (0u8..24, 0u8..60).prop_map(|(h, m)| Time::from_hms(h, m, 0).unwrap())
    }

    /// 2023-12-01 to 2029-01-01, any instant, in UTC.
    fn instant() -> impl Strategy<Value = OffsetDateTime> {
        (1_701_388_800i64..1_861_920_000)
            .prop_map(|t| OffsetDateTime::from_unix_timestamp(t).unwrap())
    }

    proptest! {
        /// A window never closes after its reception starts; it closes on the last working
        /// day ≤ D − k (R16, R34).
        #[test]
        fn window_never_closes_after_its_reception_starts(
            kind in pre_registration_kind(),
            d in reception_date(),
            start in start_time(),
        ) {
            match window(kz(), kind, d, start) {
                Window::Registration(w) => {
                    prop_assert!(w.closes_at() < w.starts_at());
                    let latest = w.clause().latest_date(d);
                    let last = w.last_registration_date();
                    prop_assert!(kz().is_working_day(last));
                    prop_assert!(last <= latest);
                    prop_assert!(kz().next_working_day(last) > latest);
                    prop_assert_eq!(w.closes_at().offset(), ALMATY);
                }
                Window::NoRegistration(NoRegistration::NotAWorkingDay) => {
                    prop_assert!(!kz().is_working_day(d));
                }
                other => prop_assert!(false, "{:?}", other),
            }
        }

        /// The state at an instant agrees with the clause read literally: open exactly when a
        /// request arriving then is registered no later than D − k (R3.a, R16, R34).
        #[test]
        fn open_exactly_when_a_request_now_would_qualify(
            kind in pre_registration_kind(),
            d in reception_date(),
            start in start_time(),
            minutes_before_start in -1_440i64..20 * 1_440,
        ) {
            prop_assume!(kz().is_working_day(d));
            let Window::Registration(w) = window(kz(), kind, d, start) else {
                return Err(TestCaseError::fail("no window"));
            };
            let starts_at = d.with_time(start).assume_offset(ALMATY);
            // The same instant, as the Worker would see it: in UTC.
            let now = (starts_at - Duration::minutes(minutes_before_start))
                .to_offset(time::UtcOffset::UTC);
            let registered = registration_date(kz(), now);
            let qualifies = now < starts_at && registered <= w.clause().latest_date(d);
            let open = matches!(state_at(kz(), kind, d, start, now), RegistrationState::Open { .. });
            prop_assert_eq!(open, qualifies);
        }

        /// R3.a: the registration date is the arrival's working day before 18:30, else the
        /// next working day.
        #[test]
        fn registration_date_is_a_working_day_on_or_after_arrival(now in instant()) {
            let local = now.to_offset(ALMATY);
            let registered = registration_date(kz(), now);
            prop_assert!(kz().is_working_day(registered));
            prop_assert!(registered >= local.date());
            if registered == local.date() {
                prop_assert!(local.time() < REGISTRATION_CLOSES);
            } else {
                prop_assert_eq!(registered, kz().next_working_day(local.date()));
            }
        }
    }
}

/// [`RegistrationState`] read flat: its internal tag and the flattened reason would buffer
/// each state through serde's generic content, a cost the SPA's first screen pays in size.
#[derive(Deserialize)]
struct RegistrationWire {
    state: String,
    #[serde(default, with = "crate::dates::rfc3339::option")]
    closes_at: Option<OffsetDateTime>,
    reason: Option<String>,
    clause: Option<String>,
}

impl TryFrom<RegistrationWire> for RegistrationState {
    type Error = &'static str;

    fn try_from(w: RegistrationWire) -> Result<RegistrationState, &'static str> {
        let window = |c: &Option<String>| {
            [WindowClause::R16, WindowClause::R34]
                .into_iter()
                .find(|k| Some(k.id()) == c.as_deref())
                .ok_or("unknown window clause")
        };
        let as_needed = |c: &Option<String>| {
            [AsNeededClause::R14, AsNeededClause::R28]
                .into_iter()
                .find(|k| Some(k.id()) == c.as_deref())
                .ok_or("unknown clause")
        };
        Ok(match (w.state.as_str(), w.reason.as_deref()) {
            ("open", None) => RegistrationState::Open {
                closes_at: w.closes_at.ok_or("closes_at missing")?,
            },
            ("walk_in", None) => RegistrationState::WalkIn,
            ("closed", Some(reason)) => RegistrationState::Closed {
                reason: match reason {
                    "window_passed" => ClosedReason::WindowPassed {
                        clause: window(&w.clause)?,
                    },
                    "started" => ClosedReason::Started {
                        clause: window(&w.clause)?,
                    },
                    "not_a_working_day" => ClosedReason::NotAWorkingDay,
                    "no_public_registration" => ClosedReason::NoPublicRegistration {
                        clause: as_needed(&w.clause)?,
                    },
                    "calendar_not_available" => ClosedReason::CalendarNotAvailable,
                    _ => return Err("unknown reason"),
                },
            },
            _ => return Err("unknown registration state"),
        })
    }
}
