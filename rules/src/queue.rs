//! Electronic queue ordering (R39-3, R9) and the same-day duty to out-of-town visitors (R8).
//!
//! R9: reception is in order of arrival, except that the persons it lists are received
//! **out of turn**. The e-queue therefore calls every out-of-turn ticket before every other
//! ticket, and within each of the two classes goes by arrival: `issued_at` (as an instant,
//! whatever its UTC offset), then the ticket `number` as the tie-break. R9 ranks none of its
//! categories above another, so all of them form one class ordered by arrival.
//!
//! **Only a verified claim puts a ticket out of turn.** The applicant claims a category when
//! taking the ticket and staff verify it when the document is shown (RULES.md, R9: "Priority
//! is claimed by the applicant and verified by staff (document shown)"; R10). Letting a bare
//! claim count would move a ticket ahead of people whose right is their place in line (R9,
//! first sentence), and a later revocation cannot undo a call already made. Verification is
//! quick and happens on arrival; from that moment the ticket is out of turn *with its
//! original `issued_at`*, so a verified person loses no place among the other out-of-turn
//! tickets. Unverified claims are visible to staff ([`awaiting_verification`]) so that they
//! are checked promptly.
//!
//! **R8 does not reorder the queue.** An out-of-town visitor is owed reception *on the day
//! they come, regardless of the schedule* by the officials R8 names, not a place ahead of
//! others. The queue keeps their arrival order; [`must_be_received_today`] tells the caller
//! that such a ticket must not be sent home when the scheduled reception hours end.
//!
//! **When tickets are issued (R4, R37, R39-2).** The daily reception by authorised staff is
//! held on working days 09:00–18:30 Kazakhstan time ([`is_open`]); a ticket is issued then
//! and only then, and belongs to that day's queue. Calling is not cut off at 18:30: the
//! persons who took a ticket in time are received, and R8's visitors the same day.

use crate::calendar::Calendar;
use crate::lang::Tr;
use crate::office::Specialisation;
use crate::official::OfficialKind;
use crate::tr;
use crate::window::ALMATY;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use time::macros::time;
use time::{OffsetDateTime, Time};

/// R4, R39-2: the daily reception opens at 09:00 …
pub const RECEPTION_OPENS: Time = time!(09:00);
/// … and closes at 18:30 (a ticket at 18:30 or later is refused, as R3.a's registration).
pub const RECEPTION_CLOSES: Time = time!(18:30);

/// R4, R37, R39-2: whether the daily reception takes a ticket at `at` (any offset, judged in
/// Kazakhstan time): a working day of `calendar`, from 09:00 to before 18:30.
pub fn is_open(calendar: &Calendar, at: OffsetDateTime) -> bool {
    let local = at.to_offset(ALMATY);
    calendar.is_working_day(local.date())
        && (RECEPTION_OPENS..RECEPTION_CLOSES).contains(&local.time())
}

/// The out-of-turn categories of R9, by their wire names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriorityCategory {
    /// Participants of the Great Patriotic War (WWII) and persons equated to them.
    WarVeteranOrEquated,
    /// Persons with disabilities.
    Disability,
    /// Pregnant women.
    Pregnancy,
    /// Holders of the order "Altyn Kyran".
    AltynKyran,
    /// Holders of the title "Halyk Kaharmany" (People's Hero).
    HalykKaharmany,
    /// Holders of the title "Kazakstannyn Enbek Eri" (Hero of Labour).
    EnbekEri,
}

impl PriorityCategory {
    pub const ALL: [PriorityCategory; 6] = [
        PriorityCategory::WarVeteranOrEquated,
        PriorityCategory::Disability,
        PriorityCategory::Pregnancy,
        PriorityCategory::AltynKyran,
        PriorityCategory::HalykKaharmany,
        PriorityCategory::EnbekEri,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PriorityCategory::WarVeteranOrEquated => "war_veteran_or_equated",
            PriorityCategory::Disability => "disability",
            PriorityCategory::Pregnancy => "pregnancy",
            PriorityCategory::AltynKyran => "altyn_kyran",
            PriorityCategory::HalykKaharmany => "halyk_kaharmany",
            PriorityCategory::EnbekEri => "enbek_eri",
        }
    }

    pub fn parse(s: &str) -> Option<PriorityCategory> {
        Self::ALL.into_iter().find(|c| c.code() == s)
    }

    /// The category as R9 names it, for the ticket form, the kiosk and the staff.
    pub fn name(self) -> Tr {
        match self {
            PriorityCategory::WarVeteranOrEquated => tr! {
                kk: "Ұлы Отан соғысының қатысушылары және оларға теңестірілген адамдар",
                ru: "Участники Великой Отечественной войны и приравненные к ним лица",
                en: "Participants of the Great Patriotic War and persons equated to them",
            },
            PriorityCategory::Disability => tr! {
                kk: "Мүгедектігі бар адамдар",
                ru: "Лица с инвалидностью",
                en: "Persons with disabilities",
            },
            PriorityCategory::Pregnancy => tr! {
                kk: "Жүкті әйелдер",
                ru: "Беременные женщины",
                en: "Pregnant women",
            },
            PriorityCategory::AltynKyran => tr! {
                kk: "«Алтын Қыран» орденімен наградталғандар",
                ru: "Награждённые орденом «Алтын Қыран»",
                en: "Holders of the order \"Altyn Kyran\"",
            },
            PriorityCategory::HalykKaharmany => tr! {
                kk: "«Халық Қаһарманы» атағына ие болғандар",
                ru: "Удостоенные звания «Халық Қаһарманы»",
                en: "Holders of the title \"Halyk Kaharmany\" (People's Hero)",
            },
            PriorityCategory::EnbekEri => tr! {
                kk: "«Қазақстанның Еңбек Ері» атағына ие болғандар",
                ru: "Удостоенные звания «Қазақстанның Еңбек Ері»",
                en: "Holders of the title \"Kazakstannyn Enbek Eri\" (Hero of Labour)",
            },
        }
    }
}

/// An applicant's R9 claim and whether staff have seen the document that proves it.
/// A claim staff reject is removed from the ticket (the audit log keeps the action, R39-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PriorityClaim {
    pub category: PriorityCategory,
    pub verified: bool,
}

/// An e-queue ticket (R39-3).
///
/// JSON: `{"number":12,"issued_at":"2026-12-14T09:05:00+05:00",
/// "priority":{"category":"disability","verified":true},"out_of_town":false}`;
/// `priority` may be `null` or absent, `out_of_town` absent means `false`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ticket {
    pub number: u32,
    #[serde(with = "crate::dates::rfc3339")]
    pub issued_at: OffsetDateTime,
    #[serde(default)]
    pub priority: Option<PriorityClaim>,
    #[serde(default)]
    pub out_of_town: bool,
}

/// The two classes of R9, in calling order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueClass {
    /// A verified R9 category: called before every in-turn ticket.
    OutOfTurn,
    /// Everyone else, including unverified claims and out-of-town visitors (R8).
    InTurn,
}

impl Ticket {
    /// R9: out of turn only with a verified category (see the module docs).
    pub fn class(&self) -> QueueClass {
        match self.priority {
            Some(PriorityClaim { verified: true, .. }) => QueueClass::OutOfTurn,
            _ => QueueClass::InTurn,
        }
    }

    /// The calling order (R9): class, then arrival (`issued_at` as an instant), then number.
    /// Two tickets compare equal only if all three are equal; [`order`] then keeps them in
    /// input order, so the result is still deterministic.
    pub fn queue_cmp(&self, other: &Ticket) -> Ordering {
        (self.class(), self.issued_at, self.number).cmp(&(
            other.class(),
            other.issued_at,
            other.number,
        ))
    }
}

/// The tickets in calling order (R9, R39-3): every verified out-of-turn ticket first, each
/// class by arrival. Stable: tickets equal by [`Ticket::queue_cmp`] keep their input order.
pub fn order(tickets: &[Ticket]) -> Vec<&Ticket> {
    let mut ordered: Vec<&Ticket> = tickets.iter().collect();
    ordered.sort_by(|a, b| a.queue_cmp(b));
    ordered
}

/// The ticket staff call next: the first of [`order`], without sorting everything.
pub fn next_to_call(tickets: &[Ticket]) -> Option<&Ticket> {
    // `min_by` returns the first of equal minima, as the stable sort in `order` does.
    tickets.iter().min_by(|a, b| a.queue_cmp(b))
}

/// Tickets with an R9 claim that staff have not verified yet, in arrival order, so that
/// they can be checked before those persons lose time in the queue.
pub fn awaiting_verification(tickets: &[Ticket]) -> Vec<&Ticket> {
    let mut waiting: Vec<&Ticket> = tickets
        .iter()
        .filter(|t| {
            matches!(
                t.priority,
                Some(PriorityClaim {
                    verified: false,
                    ..
                })
            )
        })
        .collect();
    waiting.sort_by(|a, b| a.queue_cmp(b));
    waiting
}

/// R8: whether an official of `kind`, in an office of `specialisation`, is one who must do
/// everything possible to receive out-of-town visitors on the day they come, regardless of
/// the schedule.
///
/// R8 names (RULES.md, "Readings", 5) heads of regional structural units
/// ([`OfficialKind::RegionalUnitHead`]), heads of the service's agencies, institutions and
/// education organisation (a [`OfficialKind::RegionalHead`] of an office whose
/// [`Specialisation::is_service_body`]: the kind alone cannot say it, since such heads are
/// equated to regional prosecutors), and district prosecutors and equated
/// ([`OfficialKind::DistrictHead`]) — not their deputies. Not included either: regional
/// prosecutors themselves, the PG and deputies, GPO unit heads, receiving and duty
/// prosecutors (not named; R3, R4, R6, R14). The kind `RegionalUnitHead` also covers
/// senior assistants (R28), whom R8 does not name; the kind cannot tell them apart.
pub fn receives_out_of_town_same_day(
    kind: OfficialKind,
    specialisation: Option<Specialisation>,
) -> bool {
    match kind {
        OfficialKind::RegionalUnitHead | OfficialKind::DistrictHead => true,
        OfficialKind::RegionalHead => specialisation.is_some_and(Specialisation::is_service_body),
        OfficialKind::ProsecutorGeneral
        | OfficialKind::ProsecutorGeneralDeputy
        | OfficialKind::GpoUnitHead
        | OfficialKind::RegionalDeputy
        | OfficialKind::DistrictDeputy
        | OfficialKind::ReceivingProsecutor
        | OfficialKind::DutyProsecutor => false,
    }
}

/// R8: this ticket, in a queue to an official of `kind` in an office of `specialisation`,
/// must be received today even if the scheduled hours end first. It does not change the
/// ticket's place in the queue.
pub fn must_be_received_today(
    ticket: &Ticket,
    kind: OfficialKind,
    specialisation: Option<Specialisation>,
) -> bool {
    ticket.out_of_town && receives_out_of_town_same_day(kind, specialisation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;
    use time::{Duration, UtcOffset};

    fn ticket(number: u32, issued_at: OffsetDateTime) -> Ticket {
        Ticket {
            number,
            issued_at,
            priority: None,
            out_of_town: false,
        }
    }

    fn verified(mut t: Ticket, category: PriorityCategory) -> Ticket {
        t.priority = Some(PriorityClaim {
            category,
            verified: true,
        });
        t
    }

    fn claimed(mut t: Ticket, category: PriorityCategory) -> Ticket {
        t.priority = Some(PriorityClaim {
            category,
            verified: false,
        });
        t
    }

    fn out_of_town(mut t: Ticket) -> Ticket {
        t.out_of_town = true;
        t
    }

    fn numbers(tickets: &[&Ticket]) -> Vec<u32> {
        tickets.iter().map(|t| t.number).collect()
    }

    #[test]
    fn r9_r39_3_ordering_cases() {
        use PriorityCategory::*;
        let cases: Vec<(&str, Vec<Ticket>, Vec<u32>)> = vec![
            (
                "R9 arrival order without priority, whatever the input order",
                vec![
                    ticket(3, datetime!(2026-12-14 09:10 +5)),
                    ticket(1, datetime!(2026-12-14 09:00 +5)),
                    ticket(2, datetime!(2026-12-14 09:05 +5)),
                ],
                vec![1, 2, 3],
            ),
            (
                "R9 a verified disability ticket is called before earlier arrivals",
                vec![
                    ticket(1, datetime!(2026-12-14 09:00 +5)),
                    ticket(2, datetime!(2026-12-14 09:05 +5)),
                    verified(ticket(3, datetime!(2026-12-14 09:30 +5)), Disability),
                ],
                vec![3, 1, 2],
            ),
            (
                "R9 an unverified claim keeps its arrival place",
                vec![
                    ticket(1, datetime!(2026-12-14 09:00 +5)),
                    claimed(ticket(2, datetime!(2026-12-14 09:05 +5)), Pregnancy),
                    ticket(3, datetime!(2026-12-14 09:10 +5)),
                ],
                vec![1, 2, 3],
            ),
            (
                "R9 out-of-turn tickets among themselves by arrival, no ranking of categories",
                vec![
                    ticket(1, datetime!(2026-12-14 09:00 +5)),
                    verified(
                        ticket(2, datetime!(2026-12-14 09:20 +5)),
                        WarVeteranOrEquated,
                    ),
                    verified(ticket(3, datetime!(2026-12-14 09:10 +5)), EnbekEri),
                    verified(ticket(4, datetime!(2026-12-14 09:15 +5)), Pregnancy),
                ],
                vec![3, 4, 2, 1],
            ),
            (
                "R9 same issue time: the ticket number breaks the tie",
                vec![
                    ticket(8, datetime!(2026-12-14 09:00 +5)),
                    ticket(7, datetime!(2026-12-14 09:00 +5)),
                    verified(ticket(9, datetime!(2026-12-14 09:00 +5)), AltynKyran),
                    verified(ticket(6, datetime!(2026-12-14 09:00 +5)), HalykKaharmany),
                ],
                vec![6, 9, 7, 8],
            ),
            (
                "R9 arrival compares instants: 04:02 UTC is after 09:01 +05",
                vec![
                    ticket(1, datetime!(2026-12-14 04:02 UTC)),
                    ticket(2, datetime!(2026-12-14 09:01 +5)),
                ],
                vec![2, 1],
            ),
            (
                "R8 an out-of-town visitor does not jump the queue",
                vec![
                    ticket(1, datetime!(2026-12-14 09:00 +5)),
                    out_of_town(ticket(2, datetime!(2026-12-14 09:05 +5))),
                    ticket(3, datetime!(2026-12-14 09:10 +5)),
                ],
                vec![1, 2, 3],
            ),
            (
                "R8 + R9 an out-of-town visitor with a verified category is out of turn by R9",
                vec![
                    ticket(1, datetime!(2026-12-14 09:00 +5)),
                    verified(
                        out_of_town(ticket(2, datetime!(2026-12-14 09:05 +5))),
                        Disability,
                    ),
                ],
                vec![2, 1],
            ),
            ("R39-3 an empty queue", vec![], vec![]),
        ];
        for (name, tickets, expected) in cases {
            assert_eq!(numbers(&order(&tickets)), expected, "{name}");
            assert_eq!(
                next_to_call(&tickets).map(|t| t.number),
                expected.first().copied(),
                "{name}"
            );
        }
    }

    /// R9: each of the six categories puts a verified ticket out of turn, and none does
    /// unverified.
    #[test]
    fn r9_every_category_counts_once_verified() {
        let early = ticket(1, datetime!(2026-12-14 09:00 +5));
        for category in PriorityCategory::ALL {
            let late = ticket(2, datetime!(2026-12-14 17:00 +5));
            let v = verified(late, category);
            assert_eq!(v.class(), QueueClass::OutOfTurn, "{category:?}");
            assert_eq!(numbers(&order(&[early, v])), [2, 1], "{category:?}");
            let c = claimed(late, category);
            assert_eq!(c.class(), QueueClass::InTurn, "{category:?}");
            assert_eq!(numbers(&order(&[early, c])), [1, 2], "{category:?}");
        }
    }

    #[test]
    fn r9_unverified_claims_are_listed_for_staff() {
        let tickets = [
            claimed(
                ticket(4, datetime!(2026-12-14 09:20 +5)),
                PriorityCategory::Disability,
            ),
            verified(
                ticket(2, datetime!(2026-12-14 09:05 +5)),
                PriorityCategory::Pregnancy,
            ),
            ticket(1, datetime!(2026-12-14 09:00 +5)),
            claimed(
                ticket(3, datetime!(2026-12-14 09:10 +5)),
                PriorityCategory::EnbekEri,
            ),
        ];
        assert_eq!(numbers(&awaiting_verification(&tickets)), [3, 4]);
    }

    /// R8 (RULES.md, "Readings", 5): heads of regional structural units, heads of the
    /// service's agencies, institutions and education organisation, and district
    /// prosecutors (and equated) receive out-of-town visitors the same day; their deputies,
    /// regional prosecutors and the others R8 does not name do not have that duty.
    #[test]
    fn r8_must_be_received_today_per_official() {
        use OfficialKind::*;
        use Specialisation::*;
        let local = ticket(1, datetime!(2026-12-14 18:00 +5));
        let visitor = out_of_town(local);
        // Bound whatever the office: the unit heads and district prosecutors (and equated).
        let always = [RegionalUnitHead, DistrictHead];
        // Bound as heads of a service body (equated to regional by kind).
        let heads = [Agency, ServiceInstitution, EducationOrganisation];
        let specialisations = std::iter::once(None).chain(Specialisation::ALL.map(Some));
        for specialisation in specialisations {
            for kind in OfficialKind::ALL {
                let expected = always.contains(&kind)
                    || (kind == RegionalHead && specialisation.is_some_and(|s| heads.contains(&s)));
                assert_eq!(
                    receives_out_of_town_same_day(kind, specialisation),
                    expected,
                    "{kind:?} {specialisation:?}"
                );
                assert_eq!(
                    must_be_received_today(&visitor, kind, specialisation),
                    expected,
                    "{kind:?} {specialisation:?}"
                );
                assert!(!must_be_received_today(&local, kind, specialisation));
            }
        }
        // Named in the reading: deputies are not bound, whatever the office.
        for deputy in [DistrictDeputy, RegionalDeputy] {
            for s in [None, Some(Agency), Some(EducationOrganisation)] {
                assert!(!receives_out_of_town_same_day(deputy, s), "{deputy:?}");
            }
        }
        // A regional prosecutor (and equated specialised office) is not named by R8.
        for s in [None, Some(Military), Some(Transport), Some(Other)] {
            assert!(!receives_out_of_town_same_day(RegionalHead, s), "{s:?}");
        }
    }

    #[test]
    fn r9_wire_names() {
        let codes: Vec<String> = PriorityCategory::ALL
            .iter()
            .map(|c| serde_json::to_string(c).unwrap())
            .collect();
        assert_eq!(
            codes,
            [
                "\"war_veteran_or_equated\"",
                "\"disability\"",
                "\"pregnancy\"",
                "\"altyn_kyran\"",
                "\"halyk_kaharmany\"",
                "\"enbek_eri\""
            ]
        );
        for c in PriorityCategory::ALL {
            assert_eq!(PriorityCategory::parse(c.code()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.code())
            );
        }
        assert_eq!(PriorityCategory::parse("veteran"), None);
    }

    #[test]
    fn r39_3_ticket_wire_shape() {
        let t = verified(
            ticket(12, datetime!(2026-12-14 09:05 +5)),
            PriorityCategory::Disability,
        );
        let json = serde_json::to_value(t).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "number": 12,
                "issued_at": "2026-12-14T09:05:00+05:00",
                "priority": {"category": "disability", "verified": true},
                "out_of_town": false
            })
        );
        assert_eq!(serde_json::from_value::<Ticket>(json).unwrap(), t);
        let minimal: Ticket =
            serde_json::from_str(r#"{"number":1,"issued_at":"2026-12-14T09:00:00+05:00"}"#)
                .unwrap();
        assert_eq!(minimal, ticket(1, datetime!(2026-12-14 09:00 +5)));
        assert!(serde_json::from_str::<Ticket>(
            r#"{"number":1,"issued_at":"2026-12-14T09:00:00+05:00","priority":{"category":"veteran","verified":true}}"#
        )
        .is_err());
        assert!(
            serde_json::from_str::<Ticket>(r#"{"number":1,"issued_at":"14.12.2026"}"#).is_err()
        );
    }

    /// Calls `next_to_call` on the waiting tickets and removes the one called, as the
    /// Worker's "call next" does.
    fn call(waiting: &mut Vec<Ticket>) -> Option<u32> {
        let number = next_to_call(waiting)?.number;
        waiting.retain(|t| t.number != number);
        Some(number)
    }

    /// R9, R39-3, the issue's example: 1 plain, 2 an unverified claim, 3 a verified
    /// priority, 4 plain and out of town (R8: no place ahead) are called 3, 1, 2, 4; if 2's
    /// claim is verified before 1 is called, 2 comes right after 3.
    #[test]
    fn r9_r8_calling_order_3_1_2_4() {
        let at = |m: i64| datetime!(2026-12-14 09:00 +5) + Duration::minutes(m);
        let queue = vec![
            ticket(1, at(0)),
            claimed(ticket(2, at(1)), PriorityCategory::Disability),
            verified(ticket(3, at(2)), PriorityCategory::Pregnancy),
            out_of_town(ticket(4, at(3))),
        ];
        let mut waiting = queue.clone();
        let called: Vec<u32> = std::iter::from_fn(|| call(&mut waiting)).collect();
        assert_eq!(called, [3, 1, 2, 4]);

        let mut waiting = queue;
        assert_eq!(call(&mut waiting), Some(3));
        for t in &mut waiting {
            if t.number == 2 {
                t.priority = Some(PriorityClaim {
                    category: PriorityCategory::Disability,
                    verified: true,
                });
            }
        }
        let rest: Vec<u32> = std::iter::from_fn(|| call(&mut waiting)).collect();
        assert_eq!(rest, [2, 1, 4]);
    }

    /// R4, R37, R39-2: tickets on working days from 09:00 to before 18:30, Kazakhstan time.
    #[test]
    fn r4_r39_2_the_queue_is_open_in_working_hours_of_working_days() {
        let calendar = Calendar::kazakhstan();
        let cases = [
            (datetime!(2026-12-14 09:00 +5), true, "Monday 09:00"),
            (datetime!(2026-12-14 08:59:59 +5), false, "before 09:00"),
            (datetime!(2026-12-14 18:29:59 +5), true, "18:29:59"),
            (datetime!(2026-12-14 18:30 +5), false, "18:30"),
            (datetime!(2026-12-14 18:31 +5), false, "18:31"),
            (
                datetime!(2026-12-16 10:00 +5),
                false,
                "16 December, Independence Day",
            ),
            (datetime!(2026-12-12 10:00 +5), false, "a Saturday"),
            (datetime!(2026-12-14 05:00 UTC), true, "10:00 in Kazakhstan"),
            (
                datetime!(2026-12-14 13:31 UTC),
                false,
                "18:31 in Kazakhstan",
            ),
        ];
        for (at, open, name) in cases {
            assert_eq!(is_open(calendar, at), open, "{name}");
        }
    }

    #[test]
    fn r9_every_category_has_its_three_names() {
        for c in PriorityCategory::ALL {
            let n = c.name();
            assert!(!n.kk.is_empty() && !n.ru.is_empty() && !n.en.is_empty());
            assert_ne!(n.kk, n.ru, "{c:?}");
        }
    }

    /// A day of the queue: tickets arrive (some with a claim, some out of town), claims are
    /// verified or rejected, and "next" is called, in any interleaving.
    #[derive(Debug, Clone)]
    enum Event {
        Arrive {
            claim: Option<usize>,
            out_of_town: bool,
        },
        Verify {
            pick: usize,
            accept: bool,
        },
        Call,
    }

    fn any_event() -> impl Strategy<Value = Event> {
        prop_oneof![
            3 => (prop::option::of(0usize..PriorityCategory::ALL.len()), any::<bool>())
                .prop_map(|(claim, out_of_town)| Event::Arrive { claim, out_of_town }),
            1 => (any::<usize>(), any::<bool>())
                .prop_map(|(pick, accept)| Event::Verify { pick, accept }),
            2 => Just(Event::Call),
        ]
    }

    fn any_ticket() -> impl Strategy<Value = Ticket> {
        // Few distinct times, numbers and offsets so that ties are common.
        (
            0u32..20,
            0i64..30,
            prop::sample::select(vec![0i8, 5, 6]),
            prop::option::of((0usize..PriorityCategory::ALL.len(), any::<bool>())),
            any::<bool>(),
        )
            .prop_map(|(number, minute, offset_hours, priority, out_of_town)| {
                let offset = UtcOffset::from_hms(offset_hours, 0, 0).unwrap();
                Ticket {
                    number,
                    issued_at: (datetime!(2026-12-14 04:00 UTC) + Duration::minutes(minute))
                        .to_offset(offset),
                    priority: priority.map(|(i, verified)| PriorityClaim {
                        category: PriorityCategory::ALL[i],
                        verified,
                    }),
                    out_of_town,
                }
            })
    }

    proptest! {
        /// R9, R39-3: the order is a permutation of the input; every out-of-turn ticket
        /// precedes every other; each class is ordered by (issued_at, number); equal keys
        /// keep input order; `next_to_call` is the head.
        #[test]
        fn r9_order_properties(tickets in prop::collection::vec(any_ticket(), 0..40)) {
            let ordered = order(&tickets);

            // A permutation: every input position used exactly once.
            let mut positions: Vec<usize> = ordered
                .iter()
                .map(|t| tickets.iter().position(|u| std::ptr::eq(*t, u)).unwrap())
                .collect();
            let in_output_order = positions.clone();
            positions.sort_unstable();
            prop_assert_eq!(positions, (0..tickets.len()).collect::<Vec<_>>());

            let first_in_turn = ordered
                .iter()
                .position(|t| t.class() == QueueClass::InTurn)
                .unwrap_or(ordered.len());
            prop_assert!(ordered[..first_in_turn].iter().all(|t| t.class() == QueueClass::OutOfTurn));
            prop_assert!(ordered[first_in_turn..].iter().all(|t| t.class() == QueueClass::InTurn));

            for (i, pair) in ordered.windows(2).enumerate() {
                let (a, b) = (pair[0], pair[1]);
                if a.class() == b.class() {
                    prop_assert!((a.issued_at, a.number) <= (b.issued_at, b.number));
                    if (a.issued_at, a.number) == (b.issued_at, b.number) {
                        prop_assert!(in_output_order[i] < in_output_order[i + 1]);
                    }
                }
            }

            prop_assert_eq!(
                next_to_call(&tickets).map(|t| t as *const Ticket),
                ordered.first().map(|t| *t as *const Ticket)
            );
        }

        /// Deterministic: reversing the input changes nothing but the order of tickets with
        /// equal keys.
        #[test]
        fn r9_order_does_not_depend_on_input_order(tickets in prop::collection::vec(any_ticket(), 0..40)) {
            let reversed: Vec<Ticket> = tickets.iter().rev().copied().collect();
            let key = |t: &&Ticket| (t.class(), t.issued_at, t.number);
            let a: Vec<_> = order(&tickets).iter().map(key).collect();
            let b: Vec<_> = order(&reversed).iter().map(key).collect();
            prop_assert_eq!(a, b);
        }

        /// R9, R39-3 over a whole day: "next" never calls an in-turn ticket while a verified
        /// priority ticket waits, never calls a ticket while an earlier one of the same
        /// class waits, and calls every ticket exactly once by the end of the day (R8: no
        /// one is left for another day).
        #[test]
        fn r9_calls_never_skip_a_verified_priority_or_an_earlier_arrival(
            events in prop::collection::vec(any_event(), 0..80)
        ) {
            let start = datetime!(2026-12-14 09:00 +5);
            let mut waiting: Vec<Ticket> = Vec::new();
            let mut issued = 0u32;
            let mut called: Vec<u32> = Vec::new();
            let check = |waiting: &[Ticket], number: u32| -> Result<(), TestCaseError> {
                let t = waiting.iter().find(|t| t.number == number).unwrap();
                if t.class() == QueueClass::InTurn {
                    prop_assert!(waiting.iter().all(|w| w.class() == QueueClass::InTurn));
                }
                // Numbers follow arrival, so "earlier" is "a smaller number".
                prop_assert!(waiting
                    .iter()
                    .filter(|w| w.class() == t.class())
                    .all(|w| w.number >= number));
                Ok(())
            };
            for event in events {
                match event {
                    Event::Arrive { claim, out_of_town } => {
                        issued += 1;
                        let mut t = ticket(issued, start + Duration::seconds(i64::from(issued) / 2));
                        t.out_of_town = out_of_town;
                        t.priority = claim.map(|i| PriorityClaim {
                            category: PriorityCategory::ALL[i],
                            verified: false,
                        });
                        waiting.push(t);
                    }
                    Event::Verify { pick, accept } => {
                        let claims: Vec<usize> = (0..waiting.len())
                            .filter(|&i| matches!(waiting[i].priority, Some(PriorityClaim { verified: false, .. })))
                            .collect();
                        if !claims.is_empty() {
                            let i = claims[pick % claims.len()];
                            if accept {
                                waiting[i].priority.as_mut().unwrap().verified = true;
                            } else {
                                waiting[i].priority = None;
                            }
                        }
                    }
                    Event::Call => {
                        if let Some(number) = next_to_call(&waiting).map(|t| t.number) {
                            check(&waiting, number)?;
                            waiting.retain(|t| t.number != number);
                            called.push(number);
                        } else {
                            prop_assert!(waiting.is_empty());
                        }
                    }
                }
            }
            while let Some(number) = next_to_call(&waiting).map(|t| t.number) {
                check(&waiting, number)?;
                waiting.retain(|t| t.number != number);
                called.push(number);
            }
            called.sort_unstable();
            prop_assert_eq!(called, (1..=issued).collect::<Vec<_>>());
        }
    }
}
