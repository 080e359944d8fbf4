//! The office's public schedule (R5): who receives, when, where, in which format (R11), and
//! whether one can register now (R16, R34, R37), as the Worker computed it with `rules`.
//! The same grouping and texts feed the office page and the printed poster.

use crate::api::{self, FetchError, Official, Reception, Schedule};
use crate::components::status::Fetched;
use crate::i18n::slip::{every_working_day_walk_in, S};
use crate::i18n::{centre_hours, date_time, long_date, places_left, show_all, Msg};
use crate::lang::{href, use_lang};
use ::api::Lenient;
use leptos::prelude::*;
use rules::calendar::Calendar;
use rules::dates::{almaty, iso_date};
use rules::schedule::{format_hhmm, Format, Place, PlaceKind};
use rules::window::{AsNeededClause, ClosedReason, RegistrationState, WindowClause};
use rules::{Lang, OfficeLevel, OfficialKind};
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

/// Receptions shown per official before "show all".
const SHOWN: usize = 3;

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
    let (msg, details) = match place {
        Place::Office => (Msg::PlaceOffice, [None, None]),
        Place::ReceptionCentre => (Msg::PlaceCentre, [None, None]),
        Place::Outreach {
            settlement,
            address,
        } => (Msg::PlaceOutreach, [Some(settlement), Some(address)]),
        Place::Institution { name, address } => {
            (Msg::PlaceInstitution, [Some(name), address.as_ref()])
        }
    };
    let details: Vec<&str> = details
        .into_iter()
        .flatten()
        .map(|t| t.get(lang).trim())
        .filter(|s| !s.is_empty())
        .collect();
    if details.is_empty() {
        msg.text(lang).to_owned()
    } else {
        format!("{}: {}", msg.text(lang), details.join(", "))
    }
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

/// The "Personal reception" section of an office page, then the duty receptions (R6).
/// `schedule` is the office's `api::schedule`, requested by the page alongside the office.
#[component]
pub fn ReceptionSchedule(
    schedule: LocalResource<Result<Schedule, FetchError>>,
    office_id: String,
    level: OfficeLevel,
) -> impl IntoView {
    let lang = use_lang();
    let t = move |m: Msg| m.text(lang.get());
    let intro = if level == OfficeLevel::District {
        Msg::ReceptionDistrict
    } else {
        Msg::ReceptionPreRegistration
    };
    let duty_office = office_id.clone();
    // No schedule at that address (yet): say so, as before schedules existed.
    let coming = move || view! { <p class="muted">{move || t(Msg::SchedulesComing)}</p> };
    let duty = move || match schedule.get() {
        Some(Ok(s)) => {
            let id = duty_office.clone();
            (move || duty_section(&s, &id, lang.get())).into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <section class="reception" aria-labelledby="reception-heading">
            <h2 id="reception-heading">{move || t(Msg::ReceptionTitle)}</h2>
            <p>{move || t(intro)}</p>
            <Fetched resource=schedule not_found=coming let:s>
                {
                    let id = office_id.clone();
                    move || schedule_body(&s, &id, lang.get())
                }
            </Fetched>
        </section>
        {duty}
    }
}

fn schedule_body(s: &Schedule, office_id: &str, lang: Lang) -> AnyView {
    let t = |m: Msg| m.text(lang);
    let arranged = arrange(s);
    let has_receptions = !s.receptions.is_empty();
    let video_only = s.office.video_only.as_ref().map(|v| {
        view! {
            <div class="notice video-only">
                <p class="notice-title">{t(Msg::VideoOnlyTitle)}</p>
                <p>{t(Msg::Reason)}": "{v.reason.get(lang).to_owned()}</p>
                <p>{t(Msg::VideoOnlyHint)}</p>
            </div>
        }
    });
    let sample = is_sample(s).then(|| view! { <p class="notice sample">{t(Msg::SampleData)}</p> });
    let centre =
        s.office.reception_centre.as_ref().map(
            |c| view! { <p class="centre-hours">{centre_hours(&format_hhmm(c.opens), &format_hhmm(c.closes), lang)}</p> },
        );
    // R39-1: where the Centre is; the Order's para 2(1): whom to call ("not published yet"
    // until the office gives a number, never an invented one).
    let room = s
        .office
        .reception_centre
        .as_ref()
        .and_then(|c| c.room.as_ref())
        .map(|r| view! { <p class="centre-room">{t(Msg::CentreRoom)}": "{r.get(lang).to_owned()}</p> });
    let responsible_phone = match &s.office.responsible_phone {
        Some(p) => p.clone().into_any(),
        None => view! { <span class="muted">{t(Msg::NotPublished)}</span> }.into_any(),
    };
    let out_of_town = out_of_town(s.office.level).map(|m| view! { <p>{t(m)}</p> });
    let officials = if arranged.officials.is_empty() && arranged.duty.is_empty() {
        view! { <p class="muted">{t(Msg::SchedulesComing)}</p> }.into_any()
    } else if arranged.officials.is_empty() {
        ().into_any()
    } else {
        view! {
            <ul class="officials">
                {arranged.officials.iter().map(|e| official_view(e, office_id, lang)).collect_view()}
            </ul>
        }
        .into_any()
    };
    let poster = href(lang, &format!("/offices/{office_id}/print"));
    let ics = api::schedule_ics_url(office_id);
    view! {
        {video_only}
        {sample}
        {centre}
        {room}
        <p class="responsible-phone">{t(Msg::ResponsiblePhone)}": "{responsible_phone}</p>
        {out_of_town}
        <ul class="schedule-actions">
            {has_receptions.then(|| view! {
                <li>
                    <a href=ics rel="external" type="text/calendar">{S::SubscribeCalendar.text(lang)}</a>
                </li>
            })}
            // The poster is a bundle of its own (src/bin/poster.rs): a page load.
            <li><a href=poster rel="external">{t(Msg::PosterLink)}</a></li>
        </ul>
        {officials}
    }
    .into_any()
}

fn duty_section(s: &Schedule, office_id: &str, lang: Lang) -> AnyView {
    let arranged = arrange(s);
    if arranged.duty.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="duty" aria-labelledby="duty-heading">
            <h2 id="duty-heading">{Msg::DutyTitle.text(lang)}</h2>
            <p>{Msg::DutyIntro.text(lang)}</p>
            <ul class="officials">
                {arranged.duty.iter().map(|e| official_view(e, office_id, lang)).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

fn official_view(entry: &Entry<'_>, office_id: &str, lang: Lang) -> impl IntoView {
    let o = entry.official;
    let heading_id = format!("official-{}", o.id);
    let competence = (!o.competence.is_empty()).then(|| {
        view! {
            <div class="competence">
                <p class="label">{Msg::Competence.text(lang)}":"</p>
                <ul>
                    {o.competence.iter().map(|c| view! { <li>{c.get(lang).to_owned()}</li> }).collect_view()}
                </ul>
            </div>
        }
    });
    // R37: one who receives every working day without registration is one line, not a
    // card per day; their other receptions (if any) stay cards.
    let mut daily = Vec::new();
    let mut cards: Vec<&Reception> = Vec::new();
    for slot in slots(&entry.receptions) {
        if every_working_day_of_period(&slot) {
            daily.push(daily_view(&slot, lang));
        } else {
            cards.extend(slot.receptions);
        }
    }
    cards.sort_by_key(|r| r.reception.start);
    let daily = (!daily.is_empty()).then(|| {
        view! {
            <ul class="receptions daily" aria-label=Msg::UpcomingReceptions.text(lang)>{daily}</ul>
        }
    });
    let receptions = if entry.receptions.is_empty() {
        view! { <p class="muted">{Msg::NoUpcoming.text(lang)}</p> }.into_any()
    } else if cards.is_empty() {
        ().into_any()
    } else {
        let (first, rest) = cards.split_at(cards.len().min(SHOWN));
        let more = (!rest.is_empty()).then(|| {
            view! {
                <details class="more">
                    <summary>{show_all(cards.len(), lang)}</summary>
                    <ul class="receptions" aria-label=Msg::UpcomingReceptions.text(lang)>
                        {rest.iter().map(|r| reception_view(r, o.kind, office_id, lang)).collect_view()}
                    </ul>
                </details>
            }
        });
        view! {
            <ul class="receptions" aria-label=Msg::UpcomingReceptions.text(lang)>
                {first.iter().map(|r| reception_view(r, o.kind, office_id, lang)).collect_view()}
            </ul>
            {more}
        }
        .into_any()
    };
    view! {
        <li class="official">
            <h3 id=heading_id>{o.full_name()}</h3>
            <p class="position">{o.position.get(lang).to_owned()}</p>
            {competence}
            {daily}
            {receptions}
        </li>
    }
}

/// «Каждый рабочий день 09:00–18:30, без записи», with the place and format.
fn daily_view(slot: &Slot<'_>, lang: Lang) -> impl IntoView {
    let r = &slot.first().reception;
    view! {
        <li class="reception reception-daily">
            <p class="when">{every_working_day_walk_in(&hm(r.start), &hm(r.end), lang)}</p>
            <p class="where">
                {place_text(&r.place, lang)}
                " · "
                <span class="format">{format_msg(r.format).text(lang)}</span>
            </p>
        </li>
    }
}

/// R37: district prosecutors and deputies receive at their office any working day; other
/// receptions without registration (duty, outreach) are held at their hours only.
fn walk_in_msg(kind: OfficialKind, place: PlaceKind) -> Msg {
    match (kind, place) {
        (OfficialKind::DistrictHead | OfficialKind::DistrictDeputy, PlaceKind::Office) => {
            Msg::RegWalkIn
        }
        _ => Msg::RegWalkInHours,
    }
}

fn reception_view(
    sr: &Reception,
    kind: OfficialKind,
    office_id: &str,
    lang: Lang,
) -> impl IntoView {
    let t = |m: Msg| m.text(lang);
    let r = &sr.reception;
    let open = matches!(
        sr.registration,
        Lenient::Known(RegistrationState::Open { .. })
    );
    let (state_class, state) = match &sr.registration {
        Lenient::Known(RegistrationState::Open { closes_at }) => (
            "reg reg-open",
            view! {
                {t(Msg::RegOpen)}" "
                <time datetime=iso_instant(*closes_at)>
                    {date_time(local_date(*closes_at), &hm(*closes_at), lang)}
                </time>
            }
            .into_any(),
        ),
        Lenient::Known(RegistrationState::Closed { reason }) => {
            let text = format!("{}: {}.", t(Msg::RegClosed), t(closed_msg(*reason)));
            ("reg reg-closed", text.into_any())
        }
        Lenient::Known(RegistrationState::WalkIn) => (
            "reg reg-walk-in",
            t(walk_in_msg(kind, r.place.kind())).into_any(),
        ),
        // A state a newer Worker sends: said generically, and not bookable here.
        Lenient::Unknown(_) => ("reg", t(Msg::RegUnknown).into_any()),
    };
    let places = match (open, sr.places_left()) {
        (true, 0) => Some(t(Msg::NoPlacesLeft).to_owned()),
        (true, left) => Some(places_left(left, u32::from(sr.capacity.get()), lang)),
        (false, _) => None,
    };
    // R3, R16, R34: a reception open for registration, with a place left, is booked here.
    let register = (open
        && sr.places_left() > 0
        && kind.takes_pre_registration())
    .then(|| {
        // The wizard is the `booking` bundle (lib.rs): a full page load.
        let path = href(lang, &format!("/register/{office_id}/{}", r.id));
        view! {
            <p class="register">
                <a class="button" href=path rel="external">
                    {Msg::Register.text(lang)}
                    <span class="visually-hidden">": "{long_date(r.date, lang)}", "{hm(r.start)}</span>
                </a>
            </p>
        }
    });
    view! {
        <li class="reception" data-reception=r.id.clone()>
            <p class="when">
                <time datetime=iso_date(r.date)>{long_date(r.date, lang)}</time>
                ", "
                <time datetime=iso_instant(r.start)>{hm(r.start)}</time>
                "–"
                <time datetime=iso_instant(r.end)>{hm(r.end)}</time>
            </p>
            <p class="where">
                {place_text(&r.place, lang)}
                " · "
                <span class="format">{t(format_msg(r.format))}</span>
            </p>
            <p class=state_class>{state}</p>
            {places.map(|p| view! { <p class="places">{p}</p> })}
            {register}
            <p class="reception-calendar">
                <a href=api::reception_ics_url(office_id, &r.id, lang) rel="external" type="text/calendar"
                    download=format!("{}.ics", r.id)>
                    {S::AddThisToCalendar.text(lang)}
                    <span class="visually-hidden">": "{long_date(r.date, lang)}", "{hm(r.start)}</span>
                </a>
            </p>
        </li>
    }
}
