//! The printable poster of an office's schedule (R5): who receives and on which days, in the
//! state language and in Russian side by side, on one A4 sheet for the office's building.
//! The buttons around it are for the screen only; the print stylesheet hides them.

use crate::api::{self, Reception, Schedule};
use crate::components::qr::qr_data_url;
use crate::components::schedule::{
    arrange, every_working_day_of_period, format_msg, hm, is_sample, out_of_town, place_text,
    slots, Entry, Slot,
};
use crate::components::status::Fetched;
use crate::i18n::slip::S;
use crate::i18n::{
    centre_hours, every_working_day, month_after_days, short_date, weekday_name, Msg,
};
use crate::lang::{href, use_lang};
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use rules::dates::iso_date;
use rules::official::Access;
use rules::schedule::{format_hhmm, Format, PlaceKind};
use rules::Lang;
use time::Date;

/// The poster's two languages, in the order of R5: the state language, then Russian.
const LANGS: [Lang; 2] = [Lang::Kk, Lang::Ru];

#[component]
pub fn PosterPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let schedule = LocalResource::new(move || api::schedule(id()));
    view! {
        <Fetched resource=schedule not_found=|| view! { <NotFound /> } let:s>
            <Poster schedule=s office_id=id() />
        </Fetched>
    }
}

#[component]
fn Poster(schedule: Schedule, office_id: String) -> impl IntoView {
    let lang = use_lang();
    let t = move |m: Msg| m.text(lang.get());
    let name = schedule.office.name.clone();
    Effect::new(move |_| {
        let lang = lang.get();
        super::set_title(&format!(
            "{} — {}",
            Msg::PosterTitle.text(lang),
            name.get(lang)
        ));
    });
    let office_href = {
        let id = office_id.clone();
        move || href(lang.get(), &format!("/offices/{id}"))
    };
    let print = move |_| {
        let _ = window().print();
    };
    let site = format!(
        "{}/offices/{office_id}",
        window().location().origin().unwrap_or_default()
    );
    fit_one_page_when_printed();
    view! {
        <div class="poster-tools">
            <button type="button" on:click=print>{move || t(Msg::PrintButton)}</button>
            <a href=office_href rel="external">{move || t(Msg::BackToOffice)}</a>
        </div>
        {poster(&schedule, &site)}
    }
}

/// The printable height of the sheet: A4's 297 mm less the print stylesheet's 14 + 16 mm
/// margins, at 96 CSS px per inch, with a little room for rounding.
const SHEET_PX: f64 = 267.0 / 25.4 * 96.0 - 6.0;
/// Its printable width: 210 mm less 2 × 14 mm.
const SHEET_WIDTH: &str = "182mm";

/// One A4 page for every office: when the page is laid out for print, a poster taller than
/// the sheet is scaled down to fit it (`zoom`), and back to its size on the screen. It is
/// measured at the sheet's width, whatever the window's. `data-print-fit` says it is done.
fn fit_one_page_when_printed() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Ok(Some(print)) = window().match_media("print") else {
        return;
    };
    let fit = move |printing: bool| {
        let Some(poster) = document()
            .query_selector(".poster")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let style = poster.style();
        let _ = style.remove_property("zoom");
        let _ = poster.remove_attribute("data-print-fit");
        if printing {
            let _ = style.set_property("width", SHEET_WIDTH);
            let height = f64::from(poster.scroll_height());
            let _ = style.remove_property("width");
            if height > SHEET_PX {
                let zoom = (SHEET_PX / height * 1000.0).floor() / 1000.0;
                let _ = style.set_property("zoom", &zoom.to_string());
            }
            let _ = poster.set_attribute("data-print-fit", "");
        }
    };
    let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |e: web_sys::MediaQueryListEvent| fit(e.matches()),
    );
    let _ = print.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
    let function: js_sys::Function = listener.into_js_value().unchecked_into();
    on_cleanup(move || {
        let _ = print.remove_event_listener_with_callback("change", &function);
    });
}

/// A pair of texts, Kazakh then Russian, side by side.
fn pair(class: &'static str, text: impl Fn(Lang) -> String) -> impl IntoView {
    view! {
        <div class=format!("pair {class}")>
            {LANGS.map(|l| view! { <p lang=l.code()>{text(l)}</p> })}
        </div>
    }
}

fn poster(s: &Schedule, site: &str) -> impl IntoView {
    let arranged = arrange(s);
    let office = &s.office;
    let name = office.name.clone();
    let sample = is_sample(s).then(|| pair("notice sample", |l| Msg::SampleData.text(l).into()));
    let video_only = office.video_only.as_ref().map(|v| {
        let reason = v.reason.clone();
        pair("notice video-only", move |l| {
            format!(
                "{}. {}: {}. {}",
                Msg::VideoOnlyTitle.text(l),
                Msg::Reason.text(l),
                reason.get(l).trim_end_matches('.'),
                Msg::VideoOnlyHint.text(l)
            )
        })
    });
    let centre = office.reception_centre.as_ref().map(|c| {
        let c = c.clone();
        pair("centre-hours", move |l| {
            centre_hours(&format_hhmm(c.opens), &format_hhmm(c.closes), l)
        })
    });
    let out_of_town =
        out_of_town(office.level).map(|m| pair("out-of-town", move |l| m.text(l).into()));
    let empty = (arranged.officials.is_empty() && arranged.duty.is_empty())
        .then(|| pair("muted", |l| Msg::SchedulesComing.text(l).into()));
    let officials = (!arranged.officials.is_empty()).then(|| officials_table(&arranged.officials));
    let duty = (!arranged.duty.is_empty()).then(|| {
        view! {
            <h2 class="pair poster-group">
                {LANGS.map(|l| view! { <span lang=l.code()>{Msg::DutyTitle.text(l)}</span> })}
            </h2>
            {officials_table(&arranged.duty)}
        }
    });
    let dates = || {
        arranged
            .officials
            .iter()
            .chain(&arranged.duty)
            .flat_map(|e| e.receptions.iter().map(|r| r.reception.date))
    };
    let period = dates().min().zip(dates().max()).map(|(from, to)| {
        view! {
            <p class="pair poster-period">
                {LANGS.map(|l| view! {
                    <span lang=l.code()>
                        {Msg::PosterPeriod.text(l)}": "
                        <time datetime=iso_date(from)>{short_date(from, l)}</time>
                        " – "
                        <time datetime=iso_date(to)>{short_date(to, l)}</time>
                    </span>
                })}
            </p>
        }
    });
    let site = site.to_owned();
    view! {
        <article class="poster" aria-labelledby="poster-title">
            <h1 id="poster-title" class="pair poster-office">
                {LANGS.map(|l| view! { <span lang=l.code()>{name.get(l).to_owned()}</span> })}
            </h1>
            <p class="pair poster-subtitle">
                {LANGS.map(|l| view! { <span lang=l.code()>{Msg::PosterTitle.text(l)}</span> })}
            </p>
            {period}
            {sample}
            {video_only}
            {empty}
            {officials}
            {duty}
            {centre}
            {out_of_town}
            <div class="poster-site">
                {qr_data_url(&site).map(|src| view! {
                    <img class="poster-qr" src=src width="112" height="112"
                        alt=format!("{} / {}", S::PosterQr.text(Lang::Kk), S::PosterQr.text(Lang::Ru)) />
                })}
                <div class="poster-site-text">
                    <div class="pair">
                        {LANGS.map(|l| view! { <p lang=l.code()>{Msg::PosterSite.text(l)}</p> })}
                    </div>
                    // The address on a line of its own, broken (if at all) after a slash only.
                    <p class="url">{url_with_breaks(&site)}</p>
                </div>
            </div>
        </article>
    }
}

/// «https://host/offices/<wbr>id»: a long address breaks after a slash, never inside the
/// host name.
fn url_with_breaks(url: &str) -> impl IntoView {
    let parts: Vec<String> = url.split_inclusive('/').map(str::to_owned).collect();
    parts
        .into_iter()
        .map(|p| view! { {p}<wbr /> })
        .collect_view()
}

fn officials_table(entries: &[Entry<'_>]) -> impl IntoView {
    view! {
        <table class="poster-table">
            <thead>
                <tr>
                    {LANGS.map(|l| view! { <th scope="col" lang=l.code()>{Msg::PosterColumn.text(l)}</th> })}
                </tr>
            </thead>
            <tbody>
                {entries
                    .iter()
                    .map(|e| view! {
                        <tr>{LANGS.map(|l| view! { <td lang=l.code()>{official_cell(e, l)}</td> })}</tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn official_cell(entry: &Entry<'_>, lang: Lang) -> impl IntoView {
    let o = entry.official;
    let access = match o.kind.access() {
        Access::PreRegistration => Msg::ByPreRegistration,
        Access::WalkIn => Msg::WithoutRegistration,
        Access::AsNeeded => Msg::ClosedAsNeeded,
    };
    let days = if entry.receptions.is_empty() {
        view! { <p>{Msg::NoUpcoming.text(lang)}</p> }.into_any()
    } else {
        view! {
            <ul class="poster-days">
                {slots(&entry.receptions).iter().map(|slot| slot_view(slot, lang)).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <p class="poster-name">{o.full_name()}</p>
        <p class="poster-position">{o.position.get(lang).to_owned()}</p>
        <p class="poster-access">{capitalised(access.text(lang))}</p>
        <p class="poster-days-label">{Msg::ReceptionDays.text(lang)}":"</p>
        {days}
    }
}

/// «Сейсенбі, 15:00–17:00: 1, 8, 15 желтоқсан; 5, 12 қаңтар», or «Әр жұмыс күні, 09:00–18:30»
/// for one who receives every working day (R37).
fn slot_view(slot: &Slot<'_>, lang: Lang) -> impl IntoView {
    let first = slot.first();
    let (start, end) = (hm(first.reception.start), hm(first.reception.end));
    let head = if every_working_day_of_period(slot) {
        every_working_day(&start, &end, lang)
    } else {
        let weekday = weekday_name(first.reception.date.weekday(), lang);
        capitalised(&format!("{weekday}, {start}–{end}"))
    };
    let dates = (!every_working_day_of_period(slot)).then(|| {
        view! { ": " {dates_view(&slot.receptions, lang)} }
    });
    let place = (first.reception.place.kind() != PlaceKind::Office).then(
        || view! { <span class="poster-place">{place_text(&first.reception.place, lang)}</span> },
    );
    let video = (first.reception.format == Format::Video).then(|| {
        view! { <span class="poster-place">{format_msg(first.reception.format).text(lang)}</span> }
    });
    view! {
        <li>
            <span class="poster-slot">{head}</span>
            {dates}
            {place}
            {video}
        </li>
    }
}

/// Days grouped by month: «1, 8, 15 желтоқсан; 5, 12 қаңтар», each a `<time>`.
fn dates_view(receptions: &[&Reception], lang: Lang) -> impl IntoView {
    let mut dates: Vec<Date> = receptions.iter().map(|r| r.reception.date).collect();
    dates.sort();
    dates.dedup();
    let mut months: Vec<Vec<Date>> = Vec::new();
    for d in dates {
        match months.last_mut() {
            Some(m) if m[0].month() == d.month() && m[0].year() == d.year() => m.push(d),
            _ => months.push(vec![d]),
        }
    }
    let count = months.len();
    months
        .into_iter()
        .enumerate()
        .map(|(i, days)| {
            let month = month_after_days(days[0].month(), lang);
            let n = days.len();
            view! {
                <span class="poster-month">
                    {days
                        .into_iter()
                        .enumerate()
                        .map(|(j, d)| view! {
                            <time datetime=iso_date(d)>{d.day()}</time>
                            {(j + 1 < n).then_some(", ")}
                        })
                        .collect_view()}
                    " "{month}
                </span>
                {(i + 1 < count).then_some("; ")}
            }
        })
        .collect_view()
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
