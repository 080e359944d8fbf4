//! The `app` bundle (src/main.rs): an office page, `/offices/{id}`, without Leptos — the
//! office (its level, place in the hierarchy, contacts when real ones are published), how it
//! receives (R3, R4, R37), its officials and their next receptions with their registration
//! state (R5, R11, R16, R34), its days off and its subordinate offices; any other path of
//! this bundle (it is the single-page fallback) is "not found".
//!
//! The page is written as HTML text from the same data, catalogue and `rules` decisions as
//! the other bundles' components (src/components/schedule.rs arranges the schedule), and
//! written again whole when an answer comes in: the office and its schedule are asked for at
//! once and shown as each arrives, each with its own "retry" when it fails. A page of a few
//! screens has no state a framework would need to keep; the bundle is a fraction of one built
//! with Leptos (the weight every phone downloads). Links to other pages are page loads, the
//! language switch included.

use crate::api::{FetchError, OfficeDetail, Reception, Schedule};
use crate::components::days_off::upcoming;
use crate::components::schedule::{
    arrange, closed_msg, every_working_day_of_period, format_msg, hm, is_sample, iso_instant,
    local_date, out_of_town, place_text, slots, walk_in_msg, Entry, Slot, SHOWN,
};
use crate::i18n::slip::{every_working_day_walk_in, S};
use crate::i18n::{centre_hours, date_time, level, long_date, places_left, show_all, Msg};
use crate::lang::href;
use crate::plain::{self, esc, get, load_error, loading, not_found, set_title};
use ::api::Lenient;
use rules::calendar::Calendar;
use rules::dates::iso_date;
use rules::schedule::format_hhmm;
use rules::window::RegistrationState;
use rules::{Lang, OfficeId, OfficeLevel, OfficialKind};
use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;
use time::OffsetDateTime;
use web_sys::Element;

/// What the page has received so far: `None` while a request is on its way.
#[derive(Default)]
struct State {
    office: Option<Result<OfficeDetail, FetchError>>,
    schedule: Option<Result<Schedule, FetchError>>,
    /// When the oldest answer that came from the service worker's stored copy was stored.
    as_of: Option<OffsetDateTime>,
}

struct Page {
    lang: Lang,
    id: String,
    main: Element,
    state: RefCell<State>,
}

pub fn start() {
    let Some(path) = plain::owned_path(crate::shell::Bundle::Public) else {
        return;
    };
    let Some((lang, main)) = plain::mount(&path) else {
        return;
    };
    let id = path
        .strip_prefix("/offices/")
        .filter(|id| !id.is_empty() && !id.contains('/'))
        .map(str::to_owned);
    let Some(id) = id else {
        set_title(Msg::NotFoundTitle.text(lang));
        main.set_inner_html(&not_found(lang));
        return;
    };
    let page = Rc::new(Page {
        lang,
        id,
        main,
        state: RefCell::new(State::default()),
    });
    page.render();
    page.listen();
    page.clone().fetch_office();
    page.fetch_schedule();
}

impl Page {
    fn note(&self, stored_at: Option<String>) {
        let Some(t) = stored_at.as_deref().and_then(rules::dates::parse_rfc3339) else {
            return;
        };
        let mut state = self.state.borrow_mut();
        state.as_of = Some(state.as_of.map_or(t, |o| o.min(t)));
    }

    fn fetch_office(self: Rc<Self>) {
        self.state.borrow_mut().office = None;
        wasm_bindgen_futures::spawn_local(async move {
            // Ids that cannot exist are not sent to the server at all.
            let result = match OfficeId::parse(&self.id) {
                Err(_) => Err(FetchError::NotFound),
                Ok(id) => {
                    let (body, stored_at) = get(&format!("/api/v1/offices/{id}"), false).await;
                    self.note(stored_at);
                    body.and_then(|text| {
                        crate::api::read::<::api::offices::OfficeBody>(&text).map(|b| b.office)
                    })
                }
            };
            self.state.borrow_mut().office = Some(result);
            self.render();
        });
    }

    fn fetch_schedule(self: Rc<Self>) {
        self.state.borrow_mut().schedule = None;
        wasm_bindgen_futures::spawn_local(async move {
            let result = match OfficeId::parse(&self.id) {
                Err(_) => Err(FetchError::NotFound),
                Ok(id) => {
                    // Revalidated every time, so that the places a booking or a cancel has
                    // just taken or freed show at once despite `max-age`.
                    let (body, stored_at) =
                        get(&format!("/api/v1/offices/{id}/schedule"), true).await;
                    self.note(stored_at);
                    body.and_then(|text| crate::api::read::<Schedule>(&text))
                }
            };
            self.state.borrow_mut().schedule = Some(result);
            self.render();
        });
    }

    /// The retry buttons (`data-retry="office"` or `"schedule"`).
    fn listen(self: &Rc<Self>) {
        let page = self.clone();
        plain::on_click(&self.main, "button[data-retry]", move |button| match button
            .get_attribute("data-retry")
            .as_deref()
        {
            Some("office") => {
                page.clone().fetch_office();
                page.render();
            }
            Some("schedule") => {
                page.clone().fetch_schedule();
                page.render();
            }
            _ => {}
        });
    }

    fn render(&self) {
        let lang = self.lang;
        let state = self.state.borrow();
        let mut html = String::new();
        if let Some(t) = state.as_of {
            let t = rules::dates::almaty(t);
            let hm = format!("{:02}:{:02}", t.hour(), t.minute());
            let text = crate::i18n::offline_as_of(&date_time(t.date(), &hm, lang), lang);
            let _ = write!(
                html,
                "<p class=\"status offline\" role=\"status\">{}</p>",
                esc(&text)
            );
        }
        match &state.office {
            None => html.push_str(&loading(lang)),
            Some(Err(FetchError::NotFound)) => {
                set_title(Msg::NotFoundTitle.text(lang));
                html.push_str(&not_found(lang));
            }
            Some(Err(error)) => html.push_str(&load_error(*error, "office", lang)),
            Some(Ok(detail)) => {
                set_title(detail.office.name.get(lang));
                html.push_str(&office_view(detail, &state.schedule, lang));
            }
        }
        self.main.set_inner_html(&html);
    }
}

fn office_link(lang: Lang, id: &OfficeId, name: &str) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        esc(&href(lang, &format!("/offices/{id}"))),
        esc(name)
    )
}

fn office_view(
    detail: &OfficeDetail,
    schedule: &Option<Result<Schedule, FetchError>>,
    lang: Lang,
) -> String {
    let t = |m: Msg| esc(m.text(lang));
    let OfficeDetail {
        office,
        parent,
        children,
    } = detail;
    let not_published = format!("<span class=\"muted\">{}</span>", t(Msg::NotPublished));
    let mut h = String::new();
    let _ = write!(
        h,
        "<nav class=\"breadcrumbs\" aria-label=\"{}\"><ol><li><a href=\"{}\" rel=\"external\">{}</a></li>",
        t(Msg::Breadcrumbs),
        esc(&href(lang, "/")),
        t(Msg::BackToDirectory)
    );
    if let Some(p) = parent {
        let _ = write!(h, "<li>{}</li>", office_link(lang, &p.id, p.name.get(lang)));
    }
    let _ = write!(
        h,
        "</ol></nav><article class=\"office-page\"><h1>{}</h1><p class=\"office-level\">{}</p>\
         <dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
        esc(office.name.get(lang)),
        esc(level(office.level, lang)),
        t(Msg::Address),
        office
            .address
            .as_ref()
            .map_or(not_published.clone(), |a| esc(a.get(lang))),
        t(Msg::Phone),
        office.phone.as_ref().map_or(not_published, |p| esc(p)),
    );
    // R4, R39-2: the button only while the daily reception issues tickets, by the browser's
    // clock in Kazakhstan time (the Worker decides again on its own clock, and the ticket
    // page says so if it is closed after all).
    let open =
        crate::clock::now().is_some_and(|now| rules::queue::is_open(Calendar::kazakhstan(), now));
    let _ = write!(
        h,
        "<section class=\"queue-entry\" aria-labelledby=\"queue-heading\">\
         <h2 id=\"queue-heading\">{}</h2><p>{}</p>",
        t(Msg::QueueTitle),
        t(Msg::QueueHours)
    );
    if open {
        let _ = write!(
            h,
            "<p><a class=\"button\" rel=\"external\" href=\"{}\">{}</a></p>",
            esc(&href(lang, &format!("/queue/{}/take", office.id))),
            t(Msg::QueueTakeTicket)
        );
    }
    h.push_str("</section>");
    h.push_str(&reception_section(
        schedule,
        &office.id.to_string(),
        office.level,
        lang,
    ));
    h.push_str(&days_off(lang));
    if !children.is_empty() {
        let _ = write!(
            h,
            "<section aria-labelledby=\"children-heading\"><h2 id=\"children-heading\">{}</h2>\
             <ul class=\"offices\">",
            t(Msg::Subordinate)
        );
        for c in children {
            let _ = write!(h, "<li>{}</li>", office_link(lang, &c.id, c.name.get(lang)));
        }
        h.push_str("</ul></section>");
    }
    if let Some(p) = parent {
        let _ = write!(
            h,
            "<p class=\"superior\">{}: {}</p>",
            t(Msg::Superior),
            office_link(lang, &p.id, p.name.get(lang))
        );
    }
    h.push_str("</article>");
    h
}

/// The "Personal reception" section, then the duty receptions (R6).
fn reception_section(
    schedule: &Option<Result<Schedule, FetchError>>,
    office_id: &str,
    level: OfficeLevel,
    lang: Lang,
) -> String {
    let t = |m: Msg| esc(m.text(lang));
    let intro = if level == OfficeLevel::District {
        Msg::ReceptionDistrict
    } else {
        Msg::ReceptionPreRegistration
    };
    let body = match schedule {
        None => loading(lang),
        // No schedule at that address (yet): say so.
        Some(Err(FetchError::NotFound)) => {
            format!("<p class=\"muted\">{}</p>", t(Msg::SchedulesComing))
        }
        Some(Err(error)) => load_error(*error, "schedule", lang),
        Some(Ok(s)) => schedule_body(s, office_id, lang),
    };
    let duty = match schedule {
        Some(Ok(s)) => duty_section(s, office_id, lang),
        _ => String::new(),
    };
    format!(
        "<section class=\"reception\" aria-labelledby=\"reception-heading\">\
         <h2 id=\"reception-heading\">{}</h2><p>{}</p>{body}</section>{duty}",
        t(Msg::ReceptionTitle),
        t(intro)
    )
}

fn schedule_body(s: &Schedule, office_id: &str, lang: Lang) -> String {
    let t = |m: Msg| esc(m.text(lang));
    let arranged = arrange(s);
    let mut h = String::new();
    if let Some(v) = &s.office.video_only {
        let _ = write!(
            h,
            "<div class=\"notice video-only\"><p class=\"notice-title\">{}</p><p>{}: {}</p>\
             <p>{}</p></div>",
            t(Msg::VideoOnlyTitle),
            t(Msg::Reason),
            esc(v.reason.get(lang)),
            t(Msg::VideoOnlyHint)
        );
    }
    if is_sample(s) {
        let _ = write!(h, "<p class=\"notice sample\">{}</p>", t(Msg::SampleData));
    }
    if let Some(c) = &s.office.reception_centre {
        let _ = write!(
            h,
            "<p class=\"centre-hours\">{}</p>",
            esc(&centre_hours(
                &format_hhmm(c.opens),
                &format_hhmm(c.closes),
                lang
            ))
        );
        // R39-1: where the Centre is.
        if let Some(r) = &c.room {
            let _ = write!(
                h,
                "<p class=\"centre-room\">{}: {}</p>",
                t(Msg::CentreRoom),
                esc(r.get(lang))
            );
        }
    }
    // The Order's para 2(1): whom to call ("not published yet" until the office gives a
    // number, never an invented one).
    let phone = match &s.office.responsible_phone {
        Some(p) => esc(p),
        None => format!("<span class=\"muted\">{}</span>", t(Msg::NotPublished)),
    };
    let _ = write!(
        h,
        "<p class=\"responsible-phone\">{}: {phone}</p>",
        t(Msg::ResponsiblePhone)
    );
    if let Some(m) = out_of_town(s.office.level) {
        let _ = write!(h, "<p>{}</p>", t(m));
    }
    h.push_str("<ul class=\"schedule-actions\">");
    if !s.receptions.is_empty() {
        let _ = write!(
            h,
            "<li><a href=\"{}\" rel=\"external\" type=\"text/calendar\">{}</a></li>",
            esc(&crate::api::schedule_ics_url(office_id)),
            esc(S::SubscribeCalendar.text(lang))
        );
    }
    // The poster is a bundle of its own (src/bin/poster.rs): a page load.
    let _ = write!(
        h,
        "<li><a href=\"{}\" rel=\"external\">{}</a></li></ul>",
        esc(&href(lang, &format!("/offices/{office_id}/print"))),
        t(Msg::PosterLink)
    );
    if arranged.officials.is_empty() && arranged.duty.is_empty() {
        let _ = write!(h, "<p class=\"muted\">{}</p>", t(Msg::SchedulesComing));
    } else if !arranged.officials.is_empty() {
        h.push_str("<ul class=\"officials\">");
        for e in &arranged.officials {
            h.push_str(&official_view(e, office_id, lang));
        }
        h.push_str("</ul>");
    }
    h
}

fn duty_section(s: &Schedule, office_id: &str, lang: Lang) -> String {
    let arranged = arrange(s);
    if arranged.duty.is_empty() {
        return String::new();
    }
    let mut h = format!(
        "<section class=\"duty\" aria-labelledby=\"duty-heading\"><h2 id=\"duty-heading\">{}</h2>\
         <p>{}</p><ul class=\"officials\">",
        esc(Msg::DutyTitle.text(lang)),
        esc(Msg::DutyIntro.text(lang))
    );
    for e in &arranged.duty {
        h.push_str(&official_view(e, office_id, lang));
    }
    h.push_str("</ul></section>");
    h
}

fn official_view(entry: &Entry<'_>, office_id: &str, lang: Lang) -> String {
    let o = entry.official;
    let upcoming = esc(Msg::UpcomingReceptions.text(lang));
    let mut h = format!(
        "<li class=\"official\"><h3 id=\"official-{}\">{}</h3><p class=\"position\">{}</p>",
        esc(o.id.as_str()),
        esc(&o.full_name()),
        esc(o.position.get(lang))
    );
    if !o.competence.is_empty() {
        let _ = write!(
            h,
            "<div class=\"competence\"><p class=\"label\">{}:</p><ul>",
            esc(Msg::Competence.text(lang))
        );
        for c in &o.competence {
            let _ = write!(h, "<li>{}</li>", esc(c.get(lang)));
        }
        h.push_str("</ul></div>");
    }
    // R37: one who receives every working day without registration is one line, not a card
    // per day; their other receptions (if any) stay cards.
    let mut daily = String::new();
    let mut cards: Vec<&Reception> = Vec::new();
    for slot in slots(&entry.receptions) {
        if every_working_day_of_period(&slot) {
            daily.push_str(&daily_view(&slot, lang));
        } else {
            cards.extend(slot.receptions);
        }
    }
    cards.sort_by_key(|r| r.reception.start);
    if !daily.is_empty() {
        let _ = write!(
            h,
            "<ul class=\"receptions daily\" aria-label=\"{upcoming}\">{daily}</ul>"
        );
    }
    if entry.receptions.is_empty() {
        let _ = write!(
            h,
            "<p class=\"muted\">{}</p>",
            esc(Msg::NoUpcoming.text(lang))
        );
    } else if !cards.is_empty() {
        let (first, rest) = cards.split_at(cards.len().min(SHOWN));
        let _ = write!(h, "<ul class=\"receptions\" aria-label=\"{upcoming}\">");
        for r in first {
            h.push_str(&reception_view(r, o.kind, office_id, lang));
        }
        h.push_str("</ul>");
        if !rest.is_empty() {
            let _ = write!(
                h,
                "<details class=\"more\"><summary>{}</summary>\
                 <ul class=\"receptions\" aria-label=\"{upcoming}\">",
                esc(&show_all(cards.len(), lang))
            );
            for r in rest {
                h.push_str(&reception_view(r, o.kind, office_id, lang));
            }
            h.push_str("</ul></details>");
        }
    }
    h.push_str("</li>");
    h
}

/// «Каждый рабочий день 09:00–18:30, без записи», with the place and format.
fn daily_view(slot: &Slot<'_>, lang: Lang) -> String {
    let r = &slot.first().reception;
    format!(
        "<li class=\"reception reception-daily\"><p class=\"when\">{}</p>\
         <p class=\"where\">{} · <span class=\"format\">{}</span></p></li>",
        esc(&every_working_day_walk_in(&hm(r.start), &hm(r.end), lang)),
        esc(&place_text(&r.place, lang)),
        esc(format_msg(r.format).text(lang))
    )
}

fn reception_view(sr: &Reception, kind: OfficialKind, office_id: &str, lang: Lang) -> String {
    let t = |m: Msg| esc(m.text(lang));
    let r = &sr.reception;
    let open = matches!(
        sr.registration,
        Lenient::Known(RegistrationState::Open { .. })
    );
    let (state_class, state) = match &sr.registration {
        Lenient::Known(RegistrationState::Open { closes_at }) => (
            "reg reg-open",
            format!(
                "{} <time datetime=\"{}\">{}</time>",
                t(Msg::RegOpen),
                iso_instant(*closes_at),
                esc(&date_time(local_date(*closes_at), &hm(*closes_at), lang))
            ),
        ),
        Lenient::Known(RegistrationState::Closed { reason }) => (
            "reg reg-closed",
            esc(&format!(
                "{}: {}.",
                Msg::RegClosed.text(lang),
                closed_msg(*reason).text(lang)
            )),
        ),
        Lenient::Known(RegistrationState::WalkIn) => {
            ("reg reg-walk-in", t(walk_in_msg(kind, r.place.kind())))
        }
        // A state a newer Worker sends: said generically, and not bookable here.
        Lenient::Unknown(_) => ("reg", t(Msg::RegUnknown)),
    };
    let when = format!("{}, {}", long_date(r.date, lang), hm(r.start));
    let mut h = format!(
        "<li class=\"reception\" data-reception=\"{id}\"><p class=\"when\">\
         <time datetime=\"{date}\">{long}</time>, \
         <time datetime=\"{start}\">{start_hm}</time>–<time datetime=\"{end}\">{end_hm}</time></p>\
         <p class=\"where\">{place} · <span class=\"format\">{format}</span></p>\
         <p class=\"{state_class}\">{state}</p>",
        id = esc(&r.id),
        date = iso_date(r.date),
        long = esc(&long_date(r.date, lang)),
        start = iso_instant(r.start),
        start_hm = hm(r.start),
        end = iso_instant(r.end),
        end_hm = hm(r.end),
        place = esc(&place_text(&r.place, lang)),
        format = t(format_msg(r.format)),
    );
    let places = match (open, sr.places_left()) {
        (true, 0) => Some(Msg::NoPlacesLeft.text(lang).to_owned()),
        (true, left) => Some(places_left(left, u32::from(sr.capacity.get()), lang)),
        (false, _) => None,
    };
    if let Some(p) = places {
        let _ = write!(h, "<p class=\"places\">{}</p>", esc(&p));
    }
    // R3, R16, R34: a reception open for registration, with a place left, is booked here;
    // the wizard is the `booking` bundle: a page load.
    if open && sr.places_left() > 0 && kind.takes_pre_registration() {
        let _ = write!(
            h,
            "<p class=\"register\"><a class=\"button\" href=\"{}\" rel=\"external\">{}\
             <span class=\"visually-hidden\">: {}</span></a></p>",
            esc(&href(lang, &format!("/register/{office_id}/{}", r.id))),
            t(Msg::Register),
            esc(&when)
        );
    }
    let _ = write!(
        h,
        "<p class=\"reception-calendar\"><a href=\"{}\" rel=\"external\" type=\"text/calendar\" \
         download=\"{}.ics\">{}<span class=\"visually-hidden\">: {}</span></a></p></li>",
        esc(&crate::api::reception_ics_url(office_id, &r.id, lang)),
        esc(&r.id),
        esc(S::AddThisToCalendar.text(lang)),
        esc(&when)
    );
    h
}

/// The working calendar computed in the browser by `rules::calendar` (the same code the
/// Worker uses for the registration windows, R3.a, R16, R34): the next days off that fall
/// on weekdays.
fn days_off(lang: Lang) -> String {
    let t = |m: Msg| esc(m.text(lang));
    let calendar = Calendar::kazakhstan();
    let Some(today) = crate::clock::today().filter(|d| calendar.supports(d.year())) else {
        return String::new();
    };
    let working = calendar.is_working_day(today);
    let mut h = format!(
        "<section class=\"days-off\" aria-labelledby=\"days-off-heading\">\
         <h2 id=\"days-off-heading\">{}</h2><p>{}</p><p class=\"muted\">{}</p><ul>",
        t(Msg::DaysOffTitle),
        t(if working {
            Msg::TodayWorking
        } else {
            Msg::TodayOff
        }),
        t(Msg::DaysOffIntro)
    );
    for d in upcoming(calendar, today, 4) {
        let _ = write!(
            h,
            "<li><span class=\"date\">{}</span> — <span>{}</span></li>",
            esc(&long_date(d.date, lang)),
            esc(d.name.get(lang))
        );
    }
    h.push_str("</ul></section>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reception(registration: &str, booked: u32) -> Reception {
        crate::api::read(&format!(
            r#"{{"id": "gpo-pg-monthly-20261209", "official_id": "gpo-pg", "date": "2026-12-09",
                "start": "2026-12-09T10:00:00+05:00", "end": "2026-12-09T13:00:00+05:00",
                "place": {{"kind": "outreach", "name": {{"kk": "<b>", "ru": "<b>", "en": "<b>"}},
                           "address": {{"kk": "a & b", "ru": "a & b", "en": "a & b"}}}},
                "format": "in_person", "capacity": 10, "booked": {booked},
                "registration": {registration}}}"#
        ))
        .unwrap()
    }

    const OPEN: &str = r#"{"state": "open", "closes_at": "2026-12-04T18:30:00+05:00"}"#;

    /// R3, R16: an open reception with places left links to its registration, in the page's
    /// language, and its own calendar file; what the data says is text, never markup.
    #[test]
    fn r3_r16_open_reception_links_to_registration_and_escapes_the_data() {
        let html = reception_view(
            &reception(OPEN, 3),
            OfficialKind::ProsecutorGeneral,
            "gpo",
            Lang::Ru,
        );
        assert!(html.contains("href=\"/register/gpo/gpo-pg-monthly-20261209?lang=ru\""));
        assert!(html.contains(
            "href=\"/api/v1/offices/gpo/schedule.ics?reception=gpo-pg-monthly-20261209&amp;lang=ru\""
        ));
        assert!(html.contains("<time datetime=\"2026-12-09\">"));
        assert!(html.contains("<time datetime=\"2026-12-09T10:00:00+05:00\">10:00</time>"));
        assert!(html.contains("&lt;b&gt;, a &amp; b"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("class=\"reg reg-open\""));
    }

    /// R16: no place left, no registration link; R14/R28: a newer state is said generically.
    #[test]
    fn r16_full_or_unknown_reception_offers_no_registration() {
        let full = reception_view(
            &reception(OPEN, 10),
            OfficialKind::ProsecutorGeneral,
            "gpo",
            Lang::Kk,
        );
        assert!(!full.contains("/register/"));
        assert!(full.contains(Msg::NoPlacesLeft.text(Lang::Kk)));
        let unknown = reception_view(
            &reception(r#"{"state": "waitlist"}"#, 0),
            OfficialKind::ProsecutorGeneral,
            "gpo",
            Lang::En,
        );
        assert!(!unknown.contains("/register/"));
        assert!(unknown.contains(&esc(Msg::RegUnknown.text(Lang::En))));
    }

    /// A failure offers the retry of what failed; "not found" links back to the directory.
    #[test]
    fn failures_offer_a_way_forward() {
        let html = load_error(FetchError::Network, "schedule", Lang::Ru);
        assert!(html.contains("role=\"alert\""));
        assert!(html.contains("data-retry=\"schedule\""));
        assert!(html.contains(Msg::Offline.text(Lang::Ru)));
        assert!(!load_error(FetchError::Server, "office", Lang::Ru)
            .contains(Msg::Offline.text(Lang::Ru)));
        assert!(not_found(Lang::En).contains("<a href=\"/?lang=en\" rel=\"external\">"));
    }
}
