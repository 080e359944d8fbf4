//! The working calendar on an office page, computed in the browser by `rules::calendar`
//! (the same code the Worker uses for the registration windows, R3.a, R16, R34).

use crate::clock;
use crate::i18n::{long_date, Msg};
use crate::lang::use_lang;
use leptos::prelude::*;
use rules::calendar::{Calendar, DayOff};
use time::{Date, Weekday};

/// The next days off that fall on weekdays, when an office is unexpectedly closed.
fn upcoming(calendar: &Calendar, today: Date, count: usize) -> Vec<DayOff> {
    (today.year()..=today.year() + 1)
        .filter_map(|year| calendar.days_off(year))
        .flatten()
        .filter(|d| {
            d.date >= today && !matches!(d.date.weekday(), Weekday::Saturday | Weekday::Sunday)
        })
        .take(count)
        .collect()
}

#[component]
pub fn DaysOff() -> impl IntoView {
    let lang = use_lang();
    let t = move |m: Msg| m.text(lang.get());
    let calendar = Calendar::kazakhstan();
    let Some(today) = clock::today().filter(|d| calendar.supports(d.year())) else {
        return ().into_any();
    };
    let working = calendar.is_working_day(today);
    let days = upcoming(calendar, today, 4);
    view! {
        <section class="days-off" aria-labelledby="days-off-heading">
            <h2 id="days-off-heading">{move || t(Msg::DaysOffTitle)}</h2>
            <p>{move || t(if working { Msg::TodayWorking } else { Msg::TodayOff })}</p>
            <p class="muted">{move || t(Msg::DaysOffIntro)}</p>
            <ul>
                {move || {
                    let lang = lang.get();
                    days.iter()
                        .map(|d| view! {
                            <li>
                                <span class="date">{long_date(d.date, lang)}</span>
                                " — "
                                <span>{d.name.get(lang).to_owned()}</span>
                            </li>
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
    .into_any()
}
