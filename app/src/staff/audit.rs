//! The audit trail (R39-5; auditor, admin): the rows of the offices in scope, filtered by
//! office and dates, oldest first, as the Worker gives them. Times are shown in Astana time.

use super::api::{self, AuditFilter, StaffError};
use super::form::{error_text, set_title};
use super::layout::{ForRole, Waiting};
use super::offices;
use super::screen::Screen;
use super::session::use_session;
use crate::i18n::staff::{self as t, S};
use crate::lang::use_lang;
use ::api::staff::{AuditEntry, StaffMember};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::dates::{almaty, iso_date, parse_iso_date};
use rules::{Lang, Office, OfficeId};

/// The most rows one answer of `GET /api/v1/staff/audit` holds.
const AUDIT_LIMIT: usize = 1000;

/// `2026-12-07 14:03:22`, Astana time.
pub fn when(at: time::OffsetDateTime) -> String {
    let local = almaty(at);
    format!(
        "{} {:02}:{:02}:{:02}",
        iso_date(local.date()),
        local.hour(),
        local.minute(),
        local.second()
    )
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::AuditTitle);
    view! {
        <h1>{move || S::AuditTitle.text(lang.get())}</h1>
        <ForRole screen=Screen::Audit let:member>
            <Audit member />
        </ForRole>
    }
}

#[component]
fn Audit(member: StaffMember) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let directory = offices::directory();
    let root = member.office_id.clone();
    let scope = Signal::derive(move || {
        directory
            .get()
            .and_then(Result::ok)
            .map(|all| offices::below(&all, &root))
            .unwrap_or_default()
    });
    let office = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let date_error = RwSignal::new(None::<S>);
    let page = RwSignal::new(None::<Result<Vec<AuditEntry>, StaffError>>);

    let load = move || {
        let parse = |s: String| match s.trim() {
            "" => Ok(None),
            s => parse_iso_date(s).map(Some).ok_or(S::ErrInvalidDate),
        };
        let filter = match (parse(from.get_untracked()), parse(to.get_untracked())) {
            (Ok(from), Ok(to)) if from.zip(to).is_some_and(|(f, t)| t < f) => Err(S::ErrBeforeFrom),
            (Ok(from), Ok(to)) => Ok(AuditFilter {
                office: OfficeId::parse(&office.get_untracked()).ok(),
                from,
                to,
            }),
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
        date_error.set(filter.as_ref().err().copied());
        let Ok(filter) = filter else { return };
        page.set(None);
        spawn_local(async move {
            match api::audit(filter).await.map(|p| p.entries) {
                Err(e) if !session.keeps(&e) => {}
                r => page.set(Some(r)),
            }
        });
    };
    load();

    view! {
        <p class="lead">{move || t(S::AuditIntro)}</p>
        <form
            class="console-form filter"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                load();
            }
        >
            <fieldset class="group">
                <legend>{move || t(S::Filter)}</legend>
                <div class="field">
                    <label for="audit-office">{move || t(S::Office)}</label>
                    <select id="audit-office" on:change=move |ev| office.set(event_target_value(&ev))>
                        <option value="" selected=move || office.get().is_empty()>{move || t(S::AllOffices)}</option>
                        {move || {
                            scope
                                .get()
                                .into_iter()
                                .map(|o| {
                                    let id = o.id.to_string();
                                    let selected = {
                                        let id = id.clone();
                                        move || office.get() == id
                                    };
                                    view! { <option value=id selected=selected>{o.name.get(lang.get()).to_owned()}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <DateField id="audit-from" label=S::From value=from error=date_error />
                <DateField id="audit-to" label=S::To value=to error=date_error />
                <div class="actions">
                    <button type="submit">{move || t(S::Show)}</button>
                </div>
            </fieldset>
        </form>
        <div aria-live="polite">
            {move || match page.get() {
                None => view! { <Waiting /> }.into_any(),
                Some(Err(e)) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
                Some(Ok(entries)) if entries.is_empty() => view! { <p>{t(S::NoEntries)}</p> }.into_any(),
                Some(Ok(entries)) => {
                    // The Worker answers at most this many rows, oldest first.
                    let limited = entries.len() >= AUDIT_LIMIT;
                    view! {
                        {limited.then(|| view! { <p class="notice">{t(S::AuditLimit)}</p> })}
                        <AuditTable entries scope />
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

#[component]
fn DateField(
    id: &'static str,
    label: S,
    value: RwSignal<String>,
    error: RwSignal<Option<S>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field">
            <label for=id>{move || label.text(lang.get())}</label>
            <input
                type="date"
                id=id
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    error.set(None);
                }
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || error.get().map(|_| "audit-date-error")
            />
            {move || (id == "audit-to")
                .then(|| error.get())
                .flatten()
                .map(|e| view! { <p class="field-error" id="audit-date-error">{e.text(lang.get())}</p> })}
        </div>
    }
}

fn actor(entry: &AuditEntry, lang: Lang) -> String {
    match (&entry.actor_name, &entry.actor_id) {
        (Some(name), _) => name.clone(),
        (None, Some(id)) => id.clone(),
        (None, None) => S::CommandLine.text(lang).to_owned(),
    }
}

#[component]
fn AuditTable(entries: Vec<AuditEntry>, scope: Signal<Vec<Office>>) -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    view! {
        <table class="stacked audit">
            <caption class="visually-hidden">{move || t(S::AuditTitle)}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || t(S::Seq)}</th>
                    <th scope="col">{move || t(S::When)}</th>
                    <th scope="col">{move || t(S::Who)}</th>
                    <th scope="col">{move || t(S::Office)}</th>
                    <th scope="col">{move || t(S::Action)}</th>
                    <th scope="col">{move || t(S::Object)}</th>
                </tr>
            </thead>
            <tbody>
                {entries
                    .into_iter()
                    .map(|e| {
                        let office = e.office_id.clone();
                        let action = e.action.clone();
                        let entry = e.clone();
                        view! {
                            <tr>
                                <th scope="row" data-label=move || t(S::Seq)>{e.seq}</th>
                                <td data-label=move || t(S::When)>{when(e.at)}</td>
                                <td data-label=move || t(S::Who)>{move || actor(&entry, lang.get())}</td>
                                <td data-label=move || t(S::Office)>
                                    {move || office.as_ref().map(|o| offices::name_of(Some(&scope.get()), o, lang.get()))}
                                </td>
                                <td data-label=move || t(S::Action)>
                                    {move || t::action_name(&action, lang.get()).map(str::to_owned).unwrap_or_else(|| action.clone())}
                                </td>
                                <td data-label=move || t(S::Object) class="object">{e.object.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::when;
    use time::macros::datetime;

    #[test]
    fn times_in_astana() {
        assert_eq!(
            when(datetime!(2026-12-07 09:03:22 UTC)),
            "2026-12-07 14:03:22"
        );
        assert_eq!(
            when(datetime!(2026-12-07 20:00:00 UTC)),
            "2026-12-08 01:00:00"
        );
    }
}
