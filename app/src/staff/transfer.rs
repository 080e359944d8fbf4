//! What the registrar does with a request besides deciding it: record the units' agreement
//! before confirming (R19, R33), forward it to a lower prosecutor's office (R3.d), or
//! delegate it to a deputy of the same office (R27). The receptions to move to come from
//! the public schedules (`GET /api/v1/offices/{id}`, `…/schedule`); the Worker checks the
//! move again, in scope, and audits it.

use super::api::{self, StaffError};
use super::form::{error_text, refused_text};
use super::session::use_session;
use crate::api::{self as public_api, Schedule};
use crate::i18n::staff::{self as t, S};
use crate::lang::use_lang;
use ::api::decisions::{ForwardInput, ReassignInput, StaffBooking};
use ::api::Lenient;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::dates::{almaty, iso_date};
use rules::window::RegistrationState;
use rules::{OfficeId, OfficialKind};

/// A reception one may move a request to: open for registration, of an official the filter
/// accepts (and who takes pre-registration), with its label `2026-12-07 10:00 — Name`.
pub fn open_receptions(
    schedule: &Schedule,
    accept: impl Fn(OfficialKind) -> bool,
    except: &str,
) -> Vec<(String, String)> {
    schedule
        .receptions
        .iter()
        .filter(|r| {
            matches!(
                r.registration,
                Lenient::Known(RegistrationState::Open { .. })
            )
        })
        .filter(|r| r.reception.id != except)
        .filter_map(|r| {
            let official = schedule
                .officials
                .iter()
                .find(|o| o.id == r.reception.official_id)?;
            (official.kind.takes_pre_registration() && accept(official.kind)).then(|| {
                let local = almaty(r.reception.start);
                let label = format!(
                    "{} {:02}:{:02} — {}",
                    iso_date(local.date()),
                    local.hour(),
                    local.minute(),
                    official.full_name()
                );
                (r.reception.id.clone(), label)
            })
        })
        .collect()
}

fn is_deputy(kind: OfficialKind) -> bool {
    matches!(
        kind,
        OfficialKind::ProsecutorGeneralDeputy | OfficialKind::RegionalDeputy
    )
}

/// A select of receptions (or a line saying there is none).
#[component]
fn ReceptionSelect(
    id: &'static str,
    choices: Vec<(String, String)>,
    chosen: RwSignal<String>,
) -> impl IntoView {
    let lang = use_lang();
    if choices.is_empty() {
        return view! { <p class="hint">{move || S::NoOpenReceptions.text(lang.get())}</p> }
            .into_any();
    }
    let options = choices
        .into_iter()
        .map(|(value, label)| view! { <option value=value>{label}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{move || S::Reception.text(lang.get())}</label>
            <select id=id on:change=move |ev| chosen.set(event_target_value(&ev))>
                <option value="">{move || S::ChooseReception.text(lang.get())}</option>
                {options}
            </select>
        </div>
    }
    .into_any()
}

/// R19, R33: the units whose agreement the request needs, and recording it.
#[component]
pub fn AgreementPanel(booking: StaffBooking, changed: Callback<StaffBooking>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let code = booking.booking.code.clone();
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let units = booking
        .agreement
        .needed
        .iter()
        .map(|a| {
            let (clause, text) = (a.clause.clone(), a.explanation.clone());
            view! { <li>{clause} " — " {move || text.get(lang.get()).to_owned()}</li> }
        })
        .collect_view();
    let recorded = booking.agreement.recorded_at.map(|at| {
        let date = iso_date(almaty(at).date());
        let note = booking.agreement.note.clone().unwrap_or_default();
        move || t::agreement_recorded_on(&date, &note, lang.get())
    });
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = note.get_untracked();
        if text.trim().is_empty() {
            error.set(Some(S::Required.text(lang.get_untracked()).to_owned()));
            return;
        }
        let code = code.clone();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = api::record_agreement(&code, text).await;
            busy.set(false);
            match answer {
                Ok(b) => changed.run(b.booking),
                Err(e) if !session.keeps(&e) => {}
                Err(e) => error.set(Some(error_text(&e, lang.get_untracked()))),
            }
        });
    };
    let form = recorded.is_none().then(|| {
        view! {
            <form class="console-form" novalidate on:submit=record>
                <div class="field">
                    <label for="agreement-note">{move || t(S::AgreementNoteLabel)}</label>
                    <textarea id="agreement-note" rows="3" prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </div>
                <div role="alert">
                    {move || error.get().map(|e| view! { <p class="status error">{e}</p> })}
                </div>
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>{move || t(S::RecordAgreement)}</button>
                </div>
            </form>
        }
    });
    view! {
        <fieldset class="group agreement">
            <legend>{move || t(S::Agreement)}</legend>
            <p>{move || t(S::AgreementUnits)}</p>
            <ul>{units}</ul>
            {recorded.map(|r| view! { <p class="status success">{r}</p> })}
            {form}
        </fieldset>
    }
}

/// R3.d: forward the request to a reception of an office below this one.
#[component]
pub fn ForwardPanel(
    code: String,
    office: OfficeId,
    moved: Callback<StaffBooking>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let below = LocalResource::new(move || public_api::office(office.to_string()));
    let target = RwSignal::new(String::new());
    let schedule = RwSignal::new(None::<Result<Schedule, public_api::FetchError>>);
    let reception = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let choose_office = move |id: String| {
        target.set(id.clone());
        reception.set(String::new());
        schedule.set(None);
        if !id.is_empty() {
            spawn_local(async move {
                let s = public_api::schedule(id.clone()).await;
                // The answer of the office still chosen only.
                if target.get_untracked() == id {
                    schedule.set(Some(s));
                }
            });
        }
    };
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (office, reception_id) = (target.get_untracked(), reception.get_untracked());
        let Ok(office_id) = OfficeId::parse(&office) else {
            error.set(Some(S::Required.text(lang.get_untracked()).to_owned()));
            return;
        };
        if reception_id.is_empty() {
            error.set(Some(S::Required.text(lang.get_untracked()).to_owned()));
            return;
        }
        let code = code.clone();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let input = ForwardInput {
                office_id,
                reception_id,
            };
            let answer = api::forward(&code, &input).await;
            busy.set(false);
            match answer {
                Ok(b) => moved.run(b.booking),
                Err((e, _)) if !session.keeps(&e) => {}
                Err(r) => error.set(Some(refused_text(&r, lang.get_untracked()))),
            }
        });
    };
    let offices = move || {
        below.get().map(|r| match r {
            Err(_) => view! { <p class="status error">{t(S::ErrNetwork)}</p> }.into_any(),
            Ok(detail) if detail.children.is_empty() => {
                view! { <p class="hint">{t(S::NoOfficeBelow)}</p> }.into_any()
            }
            Ok(detail) => {
                let options = detail
                    .children
                    .into_iter()
                    .map(|o| {
                        let id = o.id.to_string();
                        view! { <option value=id>{move || o.name.get(lang.get()).to_owned()}</option> }
                    })
                    .collect_view();
                view! {
                    <div class="field">
                        <label for="forward-office">{move || t(S::Office)}</label>
                        <select id="forward-office" on:change=move |ev| choose_office(event_target_value(&ev))>
                            <option value="">{move || t(S::ChooseOffice)}</option>
                            {options}
                        </select>
                    </div>
                }
                .into_any()
            }
        })
    };
    let receptions = move || {
        schedule.get().map(|s| match s {
            Err(_) => view! { <p class="status error">{t(S::ErrNetwork)}</p> }.into_any(),
            Ok(s) => view! {
                <ReceptionSelect id="forward-reception" choices=open_receptions(&s, |_| true, "") chosen=reception />
            }
            .into_any(),
        })
    };
    view! {
        <form class="console-form" novalidate on:submit=send>
            <fieldset class="group">
                <legend>{move || t(S::ForwardTitle)}</legend>
                <p class="hint">{move || t(S::ForwardIntro)}</p>
                {offices}
                {receptions}
                <div role="alert">
                    {move || error.get().map(|e| view! { <p class="status error">{e}</p> })}
                </div>
                <div class="actions">
                    <button type="submit" class="secondary" disabled=move || busy.get()>{move || t(S::Forward)}</button>
                </div>
            </fieldset>
        </form>
    }
}

/// R27: delegate the request to a reception of a deputy of the same office.
#[component]
pub fn ReassignPanel(
    code: String,
    office: OfficeId,
    current: String,
    moved: Callback<StaffBooking>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let schedule = LocalResource::new(move || public_api::schedule(office.to_string()));
    let reception = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let reception_id = reception.get_untracked();
        if reception_id.is_empty() {
            error.set(Some(S::Required.text(lang.get_untracked()).to_owned()));
            return;
        }
        let code = code.clone();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = api::reassign(&code, &ReassignInput { reception_id }).await;
            busy.set(false);
            match answer {
                Ok(b) => moved.run(b.booking),
                Err((e, _)) if !session.keeps(&e) => {}
                Err(r) => error.set(Some(refused_text(&r, lang.get_untracked()))),
            }
        });
    };
    let receptions = move || {
        schedule.get().map(|s| match s {
            Err(_) => view! { <p class="status error">{t(S::ErrNetwork)}</p> }.into_any(),
            Ok(s) => view! {
                <ReceptionSelect id="reassign-reception" choices=open_receptions(&s, is_deputy, &current) chosen=reception />
            }
            .into_any(),
        })
    };
    view! {
        <form class="console-form" novalidate on:submit=send>
            <fieldset class="group">
                <legend>{move || t(S::ReassignTitle)}</legend>
                <p class="hint">{move || t(S::ReassignIntro)}</p>
                {receptions}
                <div role="alert">
                    {move || error.get().map(|e| view! { <p class="status error">{e}</p> })}
                </div>
                <div class="actions">
                    <button type="submit" class="secondary" disabled=move || busy.get()>{move || t(S::Reassign)}</button>
                </div>
            </fieldset>
        </form>
    }
}

/// What the console says once a request has moved.
pub fn moved_text(b: &StaffBooking, lang: rules::Lang) -> String {
    match &b.booking.forwarded_to {
        Some(new_code) => t::moved(&b.booking.code, new_code, lang),
        None => error_text(&StaffError::Server, lang),
    }
}
