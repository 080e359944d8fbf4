//! One office: its name, level, place in the hierarchy, contacts (only when real ones are
//! published), how it receives (R3, R4, R37), its officials and their next receptions (R5),
//! its days off and its subordinate offices.

use crate::api::{self, FetchError, OfficeDetail, Schedule};
use crate::components::days_off::DaysOff;
use crate::components::schedule::ReceptionSchedule;
use crate::components::status::Fetched;
use crate::i18n::{level, Msg};
use crate::lang::{href, use_lang};
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OfficePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let office = LocalResource::new(move || api::office(id()));
    // Asked for at the same time as the office, not after it.
    let schedule = LocalResource::new(move || api::schedule(id()));
    view! {
        <Fetched resource=office not_found=|| view! { <NotFound /> } let:detail>
            <OfficeView detail schedule />
        </Fetched>
    }
}

#[component]
fn OfficeView(
    detail: OfficeDetail,
    schedule: LocalResource<Result<Schedule, FetchError>>,
) -> impl IntoView {
    let lang = use_lang();
    let t = move |m: Msg| m.text(lang.get());
    let OfficeDetail {
        office,
        parent,
        children,
    } = detail;
    let name = office.name.clone();
    Effect::new(move |_| super::set_title(name.get(lang.get())));
    let address = office.address.clone();
    let phone = office.phone.clone();
    let not_published = move || view! { <span class="muted">{t(Msg::NotPublished)}</span> };
    let parent_crumb = parent.clone();
    view! {
        <nav class="breadcrumbs" aria-label=move || t(Msg::Breadcrumbs)>
            <ol>
                <li><a href=move || href(lang.get(), "/") rel="external">{move || t(Msg::BackToDirectory)}</a></li>
                {parent_crumb.map(|p| {
                    let id = p.id.clone();
                    view! {
                        <li><a href=move || href(lang.get(), &format!("/offices/{id}"))>{move || p.name.get(lang.get()).to_owned()}</a></li>
                    }
                })}
            </ol>
        </nav>
        <article class="office-page">
            <h1>{
                let name = office.name.clone();
                move || name.get(lang.get()).to_owned()
            }</h1>
            <p class="office-level">{move || level(office.level, lang.get())}</p>
            <dl class="facts">
                <dt>{move || t(Msg::Address)}</dt>
                <dd>{move || match &address {
                    Some(a) => a.get(lang.get()).to_owned().into_any(),
                    None => not_published().into_any(),
                }}</dd>
                <dt>{move || t(Msg::Phone)}</dt>
                <dd>{move || match &phone {
                    Some(p) => p.clone().into_any(),
                    None => not_published().into_any(),
                }}</dd>
            </dl>
            <section class="queue-entry" aria-labelledby="queue-heading">
                <h2 id="queue-heading">{move || t(Msg::QueueTitle)}</h2>
                <p>{move || t(Msg::QueueHours)}</p>
                {
                    let id = office.id.to_string();
                    // R4, R39-2: the button only while the daily reception issues tickets, by
                    // the browser's clock in Kazakhstan time (the Worker decides again on its
                    // own clock, and the ticket page says so if it is closed after all): no
                    // request, so the directory's bundle stays as it was.
                    let open = crate::clock::now().is_some_and(|now| {
                        rules::queue::is_open(rules::calendar::Calendar::kazakhstan(), now)
                    });
                    open.then(move || {
                        let id = id.clone();
                        view! {
                            <p><a class="button" rel="external"
                                href=move || href(lang.get(), &format!("/queue/{id}/take"))>
                                {move || t(Msg::QueueTakeTicket)}
                            </a></p>
                        }
                    })
                }
            </section>
            <ReceptionSchedule schedule office_id=office.id.to_string() level=office.level />
            <DaysOff />
            {(!children.is_empty()).then(|| {
                let children = children.clone();
                view! {
                    <section aria-labelledby="children-heading">
                        <h2 id="children-heading">{move || t(Msg::Subordinate)}</h2>
                        <ul class="offices">
                            {move || {
                                let lang = lang.get();
                                children
                                    .iter()
                                    .map(|c| view! {
                                        <li><a href=href(lang, &format!("/offices/{}", c.id))>{c.name.get(lang).to_owned()}</a></li>
                                    })
                                    .collect_view()
                            }}
                        </ul>
                    </section>
                }
            })}
            {parent.map(|p| view! {
                <p class="superior">
                    {move || t(Msg::Superior)}": "
                    <a href=move || href(lang.get(), &format!("/offices/{}", p.id))>{move || p.name.get(lang.get()).to_owned()}</a>
                </p>
            })}
        </article>
    }
}
