//! The office's public schedule (R5): who receives, when, where, in which format (R11), and
//! whether one can register now (R16, R34, R37), as the Worker computed it with `rules`.
//! The same grouping and texts feed the office page (src/office_page.rs) and the printed
//! poster.

use crate::api::{Official, Reception, Schedule};
use crate::i18n::Msg;
use ::api::Lenient;
use rules::calendar::Calendar;
use rules::dates::almaty;
use rules::schedule::{Format, Place, PlaceKind};
use rules::window::{AsNeededClause, ClosedReason, RegistrationState, WindowClause};
use rules::{Lang, OfficeLevel, OfficialKind};
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

/// Receptions shown per official before "show all".
pub const SHOWN: usize = 3;

/// "10:00", in Kazakhstan's time whatever offset the wire used.
pub fn hm(t: OffsetDateTime) -> String {
    let t = almaty(t);
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The local date of an instant in Kazakhstan.
pub fn local_date(t: OffsetDateTime) -> Date {
    almaty(t).date()
}

/// RFC 3339, for `<time datetime>`.
pub fn iso_instant(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// Where a reception is held, in one line.
pub fn place_text(place: &Place, lang: Lang) -> String {
    place_line(place.kind(), &place.details(lang), lang)
}

/// The line of a place of `kind` with its details in one language (`Place::details`, as
/// the Worker gives them on the wizard's reception card).
pub fn place_line<S: AsRef<str>>(kind: PlaceKind, details: &[S], lang: Lang) -> String {
    let msg = match kind {
        PlaceKind::Office => Msg::PlaceOffice,
        PlaceKind::ReceptionCentre => Msg::PlaceCentre,
        PlaceKind::Outreach => Msg::PlaceOutreach,
        PlaceKind::Institution => Msg::PlaceInstitution,
    };
    if details.is_empty() {
        return msg.text(lang).to_owned();
    }
    let details: Vec<&str> = details.iter().map(AsRef::as_ref).collect();
    format!("{}: {}", msg.text(lang), details.join(", "))
}

pub fn format_msg(format: Format) -> Msg {
    match format {
        Format::InPerson => Msg::FormatInPerson,
        Format::Video => Msg::FormatVideo,
    }
}

/// Why registration is closed, in words, by the reason `rules` gave (R3.a, R14, R16, R28,
/// R34).
pub fn closed_msg(why: ClosedReason) -> Msg {
    match why {
        ClosedReason::WindowPassed {
            clause: WindowClause::R16,
        } => Msg::ClosedR16,
        ClosedReason::WindowPassed {
            clause: WindowClause::R34,
        } => Msg::ClosedR34,
        ClosedReason::Started { .. } => Msg::ClosedStarted,
        ClosedReason::NotAWorkingDay => Msg::ClosedNotWorkingDay,
        ClosedReason::NoPublicRegistration {
            clause: AsNeededClause::R14,
        } => Msg::ClosedAsNeededR14,
        ClosedReason::NoPublicRegistration {
            clause: AsNeededClause::R28,
        } => Msg::ClosedAsNeededR28,
        ClosedReason::CalendarNotAvailable => Msg::ClosedNoCalendar,
    }
}

/// An official with their receptions, in the order the Worker sorted them (by start).
pub struct Entry<'a> {
    pub official: &'a Official,
    pub receptions: Vec<&'a Reception>,
}

/// The schedule arranged for display: the office's officials, then the duty prosecutors at
/// institutions (R6) under their own heading. Officials in the order of R2 (the PG first).
pub struct Arranged<'a> {
    pub officials: Vec<Entry<'a>>,
    pub duty: Vec<Entry<'a>>,
}

pub fn arrange(schedule: &Schedule) -> Arranged<'_> {
    // Receptions that are over are left out: the list may be older than the page. So are
    // those that have started, unless one may still walk in: no one can register for them
    // (R16, R34), and they are not what a person looks for first.
    let now = crate::clock::now();
    let mut officials: Vec<&Official> = schedule.officials.iter().collect();
    officials.sort_by_key(|o| o.kind);
    let (mut regular, mut duty) = (Vec::new(), Vec::new());
    for official in officials {
        let receptions: Vec<&Reception> = schedule
            .receptions
            .iter()
            .filter(|r| r.reception.official_id == official.id)
            .filter(|r| {
                now.is_none_or(|now| {
                    r.reception.end > now
                        && (r.reception.start > now
                            || matches!(r.registration, Lenient::Known(RegistrationState::WalkIn)))
                })
            })
            .collect();
        let is_duty = official.kind == OfficialKind::DutyProsecutor
            || (!receptions.is_empty()
                && receptions
                    .iter()
                    .all(|r| r.reception.place.kind() == PlaceKind::Institution));
        let entry = Entry {
            official,
            receptions,
        };
        if is_duty {
            duty.push(entry);
        } else {
            regular.push(entry);
        }
    }
    Arranged {
        officials: regular,
        duty,
    }
}

/// Receptions on the same weekday at the same hours, place and format (or, for one who
/// receives every working day, on any day): one line of the poster.
pub struct Slot<'a> {
    pub receptions: Vec<&'a Reception>,
}

impl Slot<'_> {
    pub fn first(&self) -> &Reception {
        self.receptions[0]
    }

    fn matches(&self, r: &Reception, by_weekday: bool) -> bool {
        let f = self.first();
        (!by_weekday || r.reception.date.weekday() == f.reception.date.weekday())
            && hm(r.reception.start) == hm(f.reception.start)
            && hm(r.reception.end) == hm(f.reception.end)
            && r.reception.format == f.reception.format
            && r.reception.place == f.reception.place
    }
}

pub fn slots<'a>(receptions: &[&'a Reception]) -> Vec<Slot<'a>> {
    fn group<'a>(receptions: &[&'a Reception], by_weekday: bool) -> Vec<Slot<'a>> {
        let mut slots: Vec<Slot<'a>> = Vec::new();
        for r in receptions {
            match slots.iter_mut().find(|s| s.matches(r, by_weekday)) {
                Some(slot) => slot.receptions.push(r),
                None => slots.push(Slot {
                    receptions: vec![*r],
                }),
            }
        }
        slots
    }
    let mut slots = Vec::new();
    for slot in group(receptions, false) {
        if every_working_day_of_period(&slot) {
            slots.push(slot);
        } else {
            let mut by_weekday = group(&slot.receptions, true);
            by_weekday
                .sort_by_key(|s| s.first().reception.date.weekday().number_days_from_monday());
            slots.extend(by_weekday);
        }
    }
    slots
}

/// Whether the slot's receptions, without registration, fall on every working day from its
/// first to its last (a district's daily reception, R37).
pub fn every_working_day_of_period(slot: &Slot<'_>) -> bool {
    let walk_in = slot
        .receptions
        .iter()
        .all(|r| matches!(r.registration, Lenient::Known(RegistrationState::WalkIn)));
    if !walk_in || slot.receptions.len() < 5 {
        return false;
    }
    let (first, last) = (
        slot.first().reception.date,
        slot.receptions[slot.receptions.len() - 1].reception.date,
    );
    let calendar = Calendar::kazakhstan();
    let mut working_days = 0;
    let mut day = first;
    while day <= last {
        if !calendar.supports(day.year()) {
            return false;
        }
        if calendar.is_working_day(day) {
            working_days += 1;
        }
        match day.next_day() {
            Some(next) => day = next,
            None => return false,
        }
    }
    let mut dates: Vec<Date> = slot.receptions.iter().map(|r| r.reception.date).collect();
    dates.dedup();
    dates.len() == working_days
}

/// Whether the schedule (or any part of it) is sample data.
pub fn is_sample(schedule: &Schedule) -> bool {
    schedule.sample || schedule.officials.iter().any(|o| o.sample)
}

/// R8: who receives people from another town on the day they come.
pub fn out_of_town(level: OfficeLevel) -> Option<Msg> {
    match level {
        OfficeLevel::General => None,
        OfficeLevel::Regional => Some(Msg::OutOfTownRegional),
        OfficeLevel::District => Some(Msg::OutOfTownDistrict),
    }
}

/// R37: district prosecutors and deputies receive at their office any working day; other
/// receptions without registration (duty, outreach) are held at their hours only.
pub fn walk_in_msg(kind: OfficialKind, place: PlaceKind) -> Msg {
    match (kind, place) {
        (OfficialKind::DistrictHead | OfficialKind::DistrictDeputy, PlaceKind::Office) => {
            Msg::RegWalkIn
        }
        _ => Msg::RegWalkInHours,
    }
}
