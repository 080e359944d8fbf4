//! Registration lists (R20, R25, R35; registrar): the office's receptions of the coming weeks
//! (`GET /api/v1/staff/receptions`), and the chosen reception's list of registered persons —
//! provisional while registration is open, frozen once it closes (R16, R34) — on screen,
//! printed on A4 with Kazakh and Russian headings (style/staff.css's print rules), and as CSV
//! from the Worker. The list holds personal data: the Worker audits each read; the console
//! keeps nothing of it beyond the screen.

use super::api::{self, StaffError};
use super::audit::when;
use super::form::{error_text, set_title};
use super::layout::{ForRole, Waiting};
use super::screen::Screen;
use super::session::use_session;
use crate::i18n::staff::{self as t, S};
use crate::lang::use_lang;
use ::api::desk::{Channel, DeskReception, ListEntry, ListState, RegistrationList};
use ::api::Lenient;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::booking::BookingStatus;
use rules::dates::{almaty, iso_date};
use rules::schedule::Format;
use rules::Lang;

/// A text in Kazakh and Russian, for the printed sheet (R20, R35: the list goes to the
/// units and the official in both languages).
pub fn both(s: S) -> String {
    format!("{} / {}", s.text(Lang::Kk), s.text(Lang::Ru))
}

/// `2026-12-07 10:00`, Astana time.
fn start_of(reception: &DeskReception) -> String {
    let local = almaty(reception.reception.reception.start);
    format!(
        "{} {:02}:{:02}",
        iso_date(local.date()),
        local.hour(),
        local.minute()
    )
}

fn status_text(status: &Lenient<BookingStatus>) -> S {
    match status {
        Lenient::Known(BookingStatus::Confirmed) => S::StatusConfirmed,
        Lenient::Known(BookingStatus::Requested) => S::StatusRequested,
        _ => S::StatusOther,
    }
}

fn channel_text(channel: &Lenient<Channel>) -> S {
    match channel {
        Lenient::Known(Channel::Online) => S::ChannelOnline,
        Lenient::Known(Channel::Egov) => S::ChannelEgov,
        Lenient::Known(Channel::Paper) => S::ChannelPaper,
        Lenient::Known(Channel::CallCentre) => S::ChannelCallCentre,
        Lenient::Known(Channel::Referral) => S::ChannelReferral,
        Lenient::Unknown(_) => S::StatusOther,
    }
}

fn format_text(format: Format) -> S {
    match format {
        Format::InPerson => S::FormatInPerson,
        Format::Video => S::FormatVideo,
    }
}

fn full_name(e: &ListEntry) -> String {
    [Some(&e.surname), Some(&e.given_name), e.patronymic.as_ref()]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn ListsPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::ListsTitle);
    view! {
        <h1>
            <span class="screen-only">{move || S::ListsTitle.text(lang.get())}</span>
            <span class="print-only">{both(S::ListsTitle)}</span>
        </h1>
        <ForRole screen=Screen::Lists let:_member>
            <Lists />
        </ForRole>
    }
}

#[component]
fn Lists() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let receptions = RwSignal::new(None::<Result<Vec<DeskReception>, StaffError>>);
    let chosen = RwSignal::new(String::new());
    let list = RwSignal::new(None::<Result<RegistrationList, StaffError>>);
    let loading = RwSignal::new(false);

    spawn_local(async move {
        match api::desk_receptions().await.map(|r| r.receptions) {
            Err(e) if !session.keeps(&e) => {}
            r => receptions.set(Some(r)),
        }
    });

    let show = move || {
        let id = chosen.get_untracked();
        if id.is_empty() {
            return;
        }
        list.set(None);
        loading.set(true);
        spawn_local(async move {
            let answer = api::registration_list(&id).await;
            loading.set(false);
            match answer {
                Err(e) if !session.keeps(&e) => {}
                r => list.set(Some(r)),
            }
        });
    };

    view! {
        <p class="lead screen-only">{move || t(S::ListsIntro)}</p>
        {move || match receptions.get() {
            None => view! { <Waiting /> }.into_any(),
            Some(Err(e)) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
            Some(Ok(all)) if all.is_empty() => view! { <p>{t(S::NoReceptions)}</p> }.into_any(),
            Some(Ok(all)) => {
                let options = all
                    .into_iter()
                    .map(|r| {
                        let id = r.reception.reception.id.clone();
                        let label = move || {
                            t::reception_option(
                                &start_of(&r),
                                r.reception.reception.official_id.as_str(),
                                r.requested,
                                r.confirmed,
                                lang.get(),
                            )
                        };
                        view! { <option value=id>{label}</option> }
                    })
                    .collect_view();
                view! {
                    <form
                        class="console-form filter screen-only"
                        novalidate
                        on:submit=move |ev| {
                            ev.prevent_default();
                            show();
                        }
                    >
                        <div class="field">
                            <label for="list-reception">{move || t(S::Reception)}</label>
                            <select id="list-reception" on:change=move |ev| chosen.set(event_target_value(&ev))>
                                <option value="" selected=move || chosen.get().is_empty()>{move || t(S::ChooseReception)}</option>
                                {options}
                            </select>
                        </div>
                        <div class="actions">
                            <button type="submit" disabled=move || chosen.get().is_empty() || loading.get()>{move || t(S::Show)}</button>
                        </div>
                    </form>
                }
                .into_any()
            }
        }}
        <div aria-live="polite">
            {move || match list.get() {
                None if loading.get() => Some(view! { <Waiting /> }.into_any()),
                None => None,
                Some(Err(e)) => Some(view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any()),
                Some(Ok(l)) => Some(view! { <ListView list=l /> }.into_any()),
            }}
        </div>
    }
}

/// One reception's list: what it is, its state and deadlines, the tools, the table.
#[component]
fn ListView(list: RegistrationList) -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    let reception = &list.reception.reception;
    let local = almaty(reception.start);
    let date = iso_date(local.date());
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    let official = list.official.full_name();
    let position = list.official.position.clone();
    let csv = api::registration_list_csv(&reception.id);
    let state = list.list;
    let state_text = move |l: Lang| match state {
        ListState::Provisional { closes_at } => t::list_provisional(&when(closes_at), l),
        ListState::Frozen { closed_at } => t::list_frozen(&when(closed_at), l),
    };
    let deadlines = list
        .deadlines
        .iter()
        .map(|d| {
            let due = iso_date(d.due);
            let task = d.task.clone();
            let clause = d.clause.clone();
            view! {
                <li>
                    <span class="screen-only">{move || t::deadline(&task, &clause, &due, lang.get())}</span>
                    <span class="print-only">{t::deadline(&d.task, &d.clause, &iso_date(d.due), Lang::Kk)} " / " {t::deadline(&d.task, &d.clause, &iso_date(d.due), Lang::Ru)}</span>
                </li>
            }
        })
        .collect_view();
    let has_deadlines = !list.deadlines.is_empty();
    let entries = list.entries;
    let empty = entries.is_empty();
    let rows = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let status = status_text(&e.status);
            let channel = channel_text(&e.channel);
            let format = format_text(e.format);
            let agreement = (!e.agreements.is_empty()).then_some(if e.agreement_recorded {
                S::AgreementRecorded
            } else {
                S::AgreementNeeded
            });
            let document = e.iin.clone().or(e.passport.clone()).unwrap_or_default();
            view! {
                <tr>
                    <td>{i + 1}</td>
                    <td class="code">{e.code.clone()}</td>
                    <td>{full_name(&e)}</td>
                    <td>{document}</td>
                    <td>{e.phone.clone()}</td>
                    <td>
                        {move || t(status)}
                        {agreement.map(|a| view! { <br /><span class="agreement">{move || t(a)}</span> })}
                    </td>
                    <td>{move || t(channel)} ", " {move || t(format)}</td>
                    <td class="substance">{e.substance.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let head = |s: S| {
        view! {
            <th scope="col">
                <span class="screen-only">{move || s.text(lang.get())}</span>
                <span class="print-only">{both(s)}</span>
            </th>
        }
    };
    view! {
        <section class="registration-list" aria-labelledby="list-heading">
            <h2 id="list-heading">{format!("{date} {time} — {official}")}</h2>
            <p>{move || position.get(lang.get()).to_owned()}</p>
            <p class="notice">
                <span class="screen-only">{move || state_text(lang.get())}</span>
                <span class="print-only">{state_text(Lang::Kk)} " / " {state_text(Lang::Ru)}</span>
            </p>
            {has_deadlines.then(|| view! { <ul class="deadlines">{deadlines}</ul> })}
            <div class="actions list-tools">
                <button type="button" on:click=move |_| print()>{move || t(S::PrintList)}</button>
                {csv.map(|href| view! { <a class="button secondary" href=href download="">{move || t(S::DownloadCsv)}</a> })}
            </div>
            {if empty {
                view! { <p>{move || t(S::NoRegistered)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="list-heading">
                        <table class="list-table">
                            <thead>
                                <tr>
                                    {head(S::ColNo)}
                                    {head(S::ColCode)}
                                    {head(S::ColName)}
                                    {head(S::ColDocument)}
                                    {head(S::ColPhone)}
                                    {head(S::ColStatus)}
                                    {head(S::ColChannel)}
                                    {head(S::ColSubstance)}
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

/// The browser's print dialogue; the print stylesheet lays the list out on A4.
fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_headings_are_kazakh_and_russian_r20() {
        assert_eq!(
            both(S::ColName),
            format!(
                "{} / {}",
                S::ColName.text(Lang::Kk),
                S::ColName.text(Lang::Ru)
            )
        );
        assert_ne!(S::ColName.text(Lang::Kk), S::ColName.text(Lang::Ru));
    }

    #[test]
    fn statuses_and_channels_are_named() {
        assert_eq!(
            status_text(&Lenient::Known(BookingStatus::Confirmed)),
            S::StatusConfirmed
        );
        assert_eq!(
            channel_text(&Lenient::Known(Channel::CallCentre)),
            S::ChannelCallCentre
        );
    }
}
