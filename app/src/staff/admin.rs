//! The office's administration (admin, offices in scope): an official's schedule, edited with
//! the checks of `cargo xtask import-schedules` (R13, R26, R38); one reception date cancelled
//! or moved — first the active bookings it affects, then the reason in kk and ru; the
//! video-only mode with its reason (R11); the office's address, the responsible officers'
//! phone (the Order's para 2(1)) and the Reception Centre's room and hours (R39-1). Every
//! change is the Worker's (`/api/v1/staff/…`), which checks the scope and audits it.

use super::api::{self, StaffError};
use super::form::{error_text, refused_text, set_title, ReasonFields, ReasonInputs};
use super::layout::{ForRole, Waiting};
use super::offices;
use super::screen::Screen;
use super::session::use_session;
use crate::api::{self as public_api, Schedule};
use crate::i18n::staff::S;
use crate::lang::use_lang;
use ::api::office_admin::{
    AffectedBookings, CancelReception, CentreSettings, MoveReception, OfficeSettings,
    OfficeSettingsInput, ScheduleEdit, VideoOnlySwitch,
};
use ::api::staff::StaffMember;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::dates::{almaty, iso_date, parse_iso_date};
use rules::schedule::ScheduleRow;
use rules::LocalizedText;
use serde_json::{Map, Value};

/// The offices the admin reaches, to choose one (their own first).
#[component]
fn OfficePicker(member: StaffMember, value: RwSignal<String>) -> impl IntoView {
    let lang = use_lang();
    let directory = offices::directory();
    let root = member.office_id.clone();
    value.set(root.to_string());
    let options = move || {
        directory
            .get()
            .and_then(|r| r.ok())
            .map(|all| offices::below(&all, &root))
            .unwrap_or_default()
            .into_iter()
            .map(|o| {
                let id = o.id.to_string();
                let selected = {
                    let id = id.clone();
                    move || value.get() == id
                };
                view! { <option value=id selected=selected>{o.name.get(lang.get()).to_owned()}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="admin-office">{move || S::Office.text(lang.get())}</label>
            <select id="admin-office" on:change=move |ev| value.set(event_target_value(&ev))>{options}</select>
        </div>
    }
}

/// A labelled single-line input.
#[component]
fn Input(
    id: &'static str,
    label: S,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field">
            <label for=id>{move || label.text(lang.get())}</label>
            <input id=id type=kind prop:value=move || value.get() spellcheck="false"
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// A status line: the outcome of the last action.
fn outcome_view(outcome: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    move || {
        outcome.get().map(|o| match o {
            Ok(m) => view! { <p class="status success" role="status">{m}</p> }.into_any(),
            Err(e) => view! { <p class="status error" role="alert">{e}</p> }.into_any(),
        })
    }
}

fn hhmm(t: time::Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

fn parse_hhmm(s: &str) -> Option<time::Time> {
    let (h, m) = s.trim().split_once(':')?;
    time::Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
}

// ---- Office settings and video-only (R11, R39-1, the Order's para 2(1)) ----

#[component]
pub fn OfficeSettingsPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::OfficeSettingsTitle);
    view! {
        <h1>{move || S::OfficeSettingsTitle.text(lang.get())}</h1>
        <ForRole screen=Screen::Office let:member>
            <OfficeSettingsScreen member />
        </ForRole>
    }
}

#[component]
fn OfficeSettingsScreen(member: StaffMember) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let office = RwSignal::new(String::new());
    let settings = RwSignal::new(None::<Result<OfficeSettings, StaffError>>);
    Effect::new(move |_| {
        let id = office.get();
        settings.set(None);
        if id.is_empty() {
            return;
        }
        spawn_local(async move {
            match api::office_settings(&id).await {
                Err(e) if !session.keeps(&e) => {}
                r => {
                    if office.get_untracked() == id {
                        settings.set(Some(r));
                    }
                }
            }
        });
    });
    view! {
        <p class="lead">{move || t(S::OfficeSettingsIntro)}</p>
        <OfficePicker member value=office />
        {move || match settings.get() {
            None => view! { <Waiting /> }.into_any(),
            Some(Err(e)) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
            Some(Ok(s)) => view! {
                <SettingsForm settings=s.clone() changed=Callback::new(move |s| settings.set(Some(Ok(s)))) />
                <VideoOnlyForm settings=s changed=Callback::new(move |s| settings.set(Some(Ok(s)))) />
            }
            .into_any(),
        }}
    }
}

#[component]
fn SettingsForm(settings: OfficeSettings, changed: Callback<OfficeSettings>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let id = settings.office_id.to_string();
    let text = |v: Option<&str>| RwSignal::new(v.unwrap_or_default().to_owned());
    let address = settings.address.as_ref();
    let (a_kk, a_ru, a_en) = (
        text(address.map(|a| a.kk.as_str())),
        text(address.map(|a| a.ru.as_str())),
        text(address.map(|a| a.en.as_str())),
    );
    let phone = text(settings.responsible_phone.as_deref());
    let centre = settings.reception_centre.as_ref();
    let room = centre.and_then(|c| c.room.as_ref());
    let (r_kk, r_ru, r_en) = (
        text(room.map(|r| r.kk.as_str())),
        text(room.map(|r| r.ru.as_str())),
        text(room.map(|r| r.en.as_str())),
    );
    let opens = RwSignal::new(centre.map(|c| hhmm(c.opens)).unwrap_or_default());
    let closes = RwSignal::new(centre.map(|c| hhmm(c.closes)).unwrap_or_default());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let trio = |kk: RwSignal<String>, ru: RwSignal<String>, en: RwSignal<String>| {
            let v = [kk, ru, en].map(|s| s.get_untracked().trim().to_owned());
            // All blank: not published; otherwise the Worker names a blank language.
            (!v.iter().all(String::is_empty)).then(|| LocalizedText {
                kk: v[0].clone(),
                ru: v[1].clone(),
                en: v[2].clone(),
            })
        };
        let room = trio(r_kk, r_ru, r_en);
        let (o, c) = (opens.get_untracked(), closes.get_untracked());
        let reception_centre = if room.is_none() && o.trim().is_empty() && c.trim().is_empty() {
            None
        } else {
            match (parse_hhmm(&o), parse_hhmm(&c), room) {
                (Some(opens), Some(closes), Some(room)) => Some(CentreSettings {
                    room,
                    opens,
                    closes,
                }),
                (_, _, None) => {
                    outcome.set(Some(Err(S::Required.text(l).to_owned())));
                    return;
                }
                _ => {
                    outcome.set(Some(Err(S::ErrTimeFormat.text(l).to_owned())));
                    return;
                }
            }
        };
        let phone = phone.get_untracked().trim().to_owned();
        let input = OfficeSettingsInput {
            address: trio(a_kk, a_ru, a_en),
            responsible_phone: (!phone.is_empty()).then_some(phone),
            reception_centre,
        };
        let id = id.clone();
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let answer = api::edit_office_settings(&id, &input).await;
            busy.set(false);
            match answer {
                Ok(s) => {
                    changed.run(s);
                }
                Err((e, _)) if !session.keeps(&e) => {}
                Err(r) => outcome.set(Some(Err(refused_text(&r, lang.get_untracked())))),
            }
        });
    };
    view! {
        <form class="console-form settings" novalidate on:submit=save>
            <fieldset class="group">
                <legend>{move || t(S::OfficeSettingsTitle)}</legend>
                <Input id="address-kk" label=S::AddressKk value=a_kk />
                <Input id="address-ru" label=S::AddressRu value=a_ru />
                <Input id="address-en" label=S::AddressEn value=a_en />
                <Input id="responsible-phone" label=S::ResponsiblePhone value=phone kind="tel" />
            </fieldset>
            <fieldset class="group">
                <legend>{move || t(S::CentreTitle)}</legend>
                <Input id="room-kk" label=S::RoomKk value=r_kk />
                <Input id="room-ru" label=S::RoomRu value=r_ru />
                <Input id="room-en" label=S::RoomEn value=r_en />
                <Input id="centre-opens" label=S::Opens value=opens />
                <Input id="centre-closes" label=S::Closes value=closes />
            </fieldset>
            {outcome_view(outcome)}
            <div class="actions">
                <button type="submit" disabled=move || busy.get()>{move || t(S::Save)}</button>
            </div>
        </form>
    }
}

#[component]
fn VideoOnlyForm(settings: OfficeSettings, changed: Callback<OfficeSettings>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let id = settings.office_id.to_string();
    let reason = ReasonFields::new();
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let now = settings.video_only.clone();
    let on = now.is_some();
    let switch = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let input = if on {
            VideoOnlySwitch { reason: None }
        } else {
            let v = [reason.kk, reason.ru, reason.en].map(|s| s.get_untracked().trim().to_owned());
            if v.iter().any(String::is_empty) {
                outcome.set(Some(Err(S::ReasonAllThree.text(l).to_owned())));
                return;
            }
            VideoOnlySwitch {
                reason: Some(LocalizedText {
                    kk: v[0].clone(),
                    ru: v[1].clone(),
                    en: v[2].clone(),
                }),
            }
        };
        let id = id.clone();
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let answer = api::video_only(&id, &input).await;
            busy.set(false);
            match answer {
                Ok(s) => changed.run(s),
                Err((e, _)) if !session.keeps(&e) => {}
                Err(r) => outcome.set(Some(Err(refused_text(&r, lang.get_untracked())))),
            }
        });
    };
    view! {
        <form class="console-form video-only" novalidate on:submit=switch>
            <fieldset class="group">
                <legend>{move || t(S::VideoOnlyTitle)}</legend>
                <p class="hint">{move || t(S::VideoOnlyIntro)}</p>
                {match now {
                    Some(v) => view! {
                        <p class="notice">{move || t(S::VideoOnlyNow)} " " {move || v.reason.get(lang.get()).to_owned()}</p>
                    }
                    .into_any(),
                    None => view! {
                        <p>{move || t(S::VideoOnlyOff)}</p>
                        <ReasonInputs prefix="video" reason />
                    }
                    .into_any(),
                }}
                {outcome_view(outcome)}
                <div class="actions">
                    <button type="submit" class=if on { "secondary" } else { "danger" } disabled=move || busy.get()>
                        {move || t(if on { S::VideoOnlyEnd } else { S::VideoOnlyOn })}
                    </button>
                </div>
            </fieldset>
        </form>
    }
}

// ---- One date cancelled or moved ----

#[component]
pub fn DatesPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::DatesTitle);
    view! {
        <h1>{move || S::DatesTitle.text(lang.get())}</h1>
        <ForRole screen=Screen::Dates let:member>
            <Dates member />
        </ForRole>
    }
}

/// The receptions of an office's schedule, `(id, "2026-12-07 10:00 — Name")`.
fn receptions_of(s: &Schedule) -> Vec<(String, String)> {
    s.receptions
        .iter()
        .filter_map(|r| {
            let official = s
                .officials
                .iter()
                .find(|o| o.id == r.reception.official_id)?;
            let local = almaty(r.reception.start);
            Some((
                r.reception.id.clone(),
                format!(
                    "{} {:02}:{:02} — {}",
                    iso_date(local.date()),
                    local.hour(),
                    local.minute(),
                    official.full_name()
                ),
            ))
        })
        .collect()
}

#[component]
fn Dates(member: StaffMember) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let office = RwSignal::new(String::new());
    let schedule = RwSignal::new(None::<Result<Schedule, public_api::FetchError>>);
    let reception = RwSignal::new(String::new());
    let affected = RwSignal::new(None::<Result<AffectedBookings, StaffError>>);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    Effect::new(move |_| {
        let id = office.get();
        schedule.set(None);
        reception.set(String::new());
        affected.set(None);
        if id.is_empty() {
            return;
        }
        spawn_local(async move {
            let s = public_api::schedule(id.clone()).await;
            if office.get_untracked() == id {
                schedule.set(Some(s));
            }
        });
    });
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = reception.get_untracked();
        if id.is_empty() {
            return;
        }
        affected.set(None);
        outcome.set(None);
        spawn_local(async move {
            match api::affected(&id).await {
                Err(e) if !session.keeps(&e) => {}
                r => affected.set(Some(r)),
            }
        });
    };
    let done = Callback::new(move |message: String| {
        outcome.set(Some(Ok(message)));
        affected.set(None);
        // The schedule no longer holds the date: read it again.
        let id = office.get_untracked();
        spawn_local(async move {
            let s = public_api::schedule(id).await;
            schedule.set(Some(s));
        });
    });
    view! {
        <p class="lead">{move || t(S::DatesIntro)}</p>
        <OfficePicker member value=office />
        {move || schedule.get().map(|s| match s {
            Err(_) => view! { <p class="status error" role="alert">{t(S::ErrNetwork)}</p> }.into_any(),
            Ok(s) => {
                let options = receptions_of(&s)
                    .into_iter()
                    .map(|(v, label)| view! { <option value=v>{label}</option> })
                    .collect_view();
                view! {
                    <form class="console-form filter" novalidate on:submit=check>
                        <div class="field">
                            <label for="dates-reception">{move || t(S::Reception)}</label>
                            <select id="dates-reception" on:change=move |ev| {
                                reception.set(event_target_value(&ev));
                                affected.set(None);
                            }>
                                <option value="">{move || t(S::ChooseReception)}</option>
                                {options}
                            </select>
                        </div>
                        <div class="actions">
                            <button type="submit" disabled=move || reception.get().is_empty()>{move || t(S::CheckAffected)}</button>
                        </div>
                    </form>
                }
                .into_any()
            }
        })}
        {outcome_view(outcome)}
        {move || affected.get().map(|a| match a {
            Err(e) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
            Ok(a) => view! { <DateChange affected=a done /> }.into_any(),
        })}
    }
}

/// The affected bookings, then cancel or move with the reason.
#[component]
fn DateChange(affected: AffectedBookings, done: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let id = affected.reception_id.clone();
    let action = RwSignal::new("cancel".to_owned());
    let to = RwSignal::new(String::new());
    let reason = ReasonFields::new();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let codes = affected
        .codes
        .iter()
        .map(|c| view! { <li class="code">{c.clone()}</li> })
        .collect_view();
    let count = affected.count;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let Some(reason) = reason.reason() else {
            error.set(Some(S::Required.text(l).to_owned()));
            return;
        };
        let moving = action.get_untracked() == "move";
        let date = parse_iso_date(to.get_untracked().trim());
        if moving && date.is_none() {
            error.set(Some(S::ErrInvalidDate.text(l).to_owned()));
            return;
        }
        let id = id.clone();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = match date.filter(|_| moving) {
                Some(to) => api::move_reception(&id, &MoveReception { to, reason }).await,
                None => api::cancel_reception(&id, &CancelReception { reason }).await,
            };
            busy.set(false);
            match answer {
                Ok(r) => done.run(crate::i18n::staff::date_changed(
                    &r.reception_id,
                    r.cancelled.len(),
                    r.moved_to.as_deref(),
                    lang.get_untracked(),
                )),
                Err((e, _)) if !session.keeps(&e) => {}
                Err(r) => error.set(Some(refused_text(&r, lang.get_untracked()))),
            }
        });
    };
    view! {
        <section class="affected" aria-labelledby="affected-heading">
            <h2 id="affected-heading">{format!("{} — {}", affected.reception_id, iso_date(affected.date))}</h2>
            <p class="notice">{move || crate::i18n::staff::affected_count(count as usize, lang.get())}</p>
            {(count > 0).then(|| view! { <ul class="affected-codes">{codes}</ul> })}
            <form class="console-form" novalidate on:submit=submit>
                <fieldset class="group">
                    <legend>{move || t(S::DatesTitle)}</legend>
                    <div class="field radio-group">
                        <label class="radio">
                            <input type="radio" name="date-action" prop:checked=move || action.get() == "cancel"
                                on:change=move |_| action.set("cancel".into()) />
                            {move || t(S::CancelDate)}
                        </label>
                        <label class="radio">
                            <input type="radio" name="date-action" prop:checked=move || action.get() == "move"
                                on:change=move |_| action.set("move".into()) />
                            {move || t(S::MoveDate)}
                        </label>
                    </div>
                    {move || (action.get() == "move").then(|| view! { <Input id="move-to" label=S::MoveTo value=to kind="date" /> })}
                    <ReasonInputs prefix="date" reason />
                    <div role="alert">
                        {move || error.get().map(|e| view! { <p class="status error">{e}</p> })}
                    </div>
                    <div class="actions">
                        <button type="submit" class="danger" disabled=move || busy.get()>{move || t(S::ConfirmChange)}</button>
                    </div>
                </fieldset>
            </form>
        </section>
    }
}

// ---- An official's schedule (R13, R26, R38) ----

#[component]
pub fn SchedulesPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::SchedulesTitle);
    view! {
        <h1>{move || S::SchedulesTitle.text(lang.get())}</h1>
        <ForRole screen=Screen::Schedules let:member>
            <Schedules member />
        </ForRole>
    }
}

/// The official's columns (the same on every row) and each schedule's own, with their labels.
const OFFICIAL_COLUMNS: [(&str, S); 9] = [
    ("surname", S::Surname),
    ("given_name", S::GivenName),
    ("patronymic", S::Patronymic),
    ("position_kk", S::PositionKk),
    ("position_ru", S::PositionRu),
    ("position_en", S::PositionEn),
    ("competence_kk", S::CompetenceKk),
    ("competence_ru", S::CompetenceRu),
    ("competence_en", S::CompetenceEn),
];
const ROW_COLUMNS: [(&str, S); 17] = [
    ("schedule_id", S::ScheduleId),
    ("recurrence", S::Recurrence),
    ("start", S::StartTime),
    ("end", S::EndTime),
    ("place", S::Place),
    ("place_name_kk", S::PlaceNameKk),
    ("place_name_ru", S::PlaceNameRu),
    ("place_name_en", S::PlaceNameEn),
    ("place_address_kk", S::PlaceAddressKk),
    ("place_address_ru", S::PlaceAddressRu),
    ("place_address_en", S::PlaceAddressEn),
    ("format", S::Format),
    ("capacity", S::Capacity),
    ("valid_from", S::ValidFrom),
    ("valid_to", S::ValidTo),
    ("cancelled", S::Cancelled),
    ("moved", S::Moved),
];

/// A row as its columns (the import format's names), to edit one by one.
fn columns(row: &ScheduleRow) -> Map<String, Value> {
    match serde_json::to_value(row) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

fn cell(row: &Map<String, Value>, column: &str) -> String {
    row.get(column)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

#[component]
fn Schedules(member: StaffMember) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let office = RwSignal::new(String::new());
    let schedule = RwSignal::new(None::<Result<Schedule, public_api::FetchError>>);
    let official = RwSignal::new(String::new());
    let rows = RwSignal::new(None::<Result<Vec<Map<String, Value>>, StaffError>>);
    Effect::new(move |_| {
        let id = office.get();
        schedule.set(None);
        official.set(String::new());
        rows.set(None);
        if id.is_empty() {
            return;
        }
        spawn_local(async move {
            let s = public_api::schedule(id.clone()).await;
            if office.get_untracked() == id {
                schedule.set(Some(s));
            }
        });
    });
    let load = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = official.get_untracked();
        if id.is_empty() {
            return;
        }
        rows.set(None);
        spawn_local(async move {
            match api::official_schedule(&id).await {
                Err(e) if !session.keeps(&e) => {}
                r => rows.set(Some(r.map(|s| s.rows.iter().map(columns).collect()))),
            }
        });
    };
    view! {
        <p class="lead">{move || t(S::SchedulesIntro)}</p>
        <OfficePicker member value=office />
        {move || schedule.get().map(|s| match s {
            Err(_) => view! { <p class="status error" role="alert">{t(S::ErrNetwork)}</p> }.into_any(),
            Ok(s) => {
                let options = s
                    .officials
                    .iter()
                    .map(|o| view! { <option value=o.id.to_string()>{o.full_name()}</option> })
                    .collect_view();
                view! {
                    <form class="console-form filter" novalidate on:submit=load>
                        <div class="field">
                            <label for="schedule-official">{move || t(S::Official)}</label>
                            <select id="schedule-official" on:change=move |ev| official.set(event_target_value(&ev))>
                                <option value="">{move || t(S::ChooseOfficial)}</option>
                                {options}
                            </select>
                        </div>
                        <div class="actions">
                            <button type="submit" disabled=move || official.get().is_empty()>{move || t(S::Load)}</button>
                        </div>
                    </form>
                }
                .into_any()
            }
        })}
        {move || rows.get().map(|r| match r {
            Err(e) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
            Ok(r) => view! { <ScheduleEditor official=official.get_untracked() rows=r /> }.into_any(),
        })}
    }
}

/// The official's fields once, each schedule's fields in its own group; saved whole.
#[component]
fn ScheduleEditor(official: String, rows: Vec<Map<String, Value>>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let first = rows.first().cloned().unwrap_or_default();
    let person: Vec<(&'static str, S, RwSignal<String>)> = OFFICIAL_COLUMNS
        .iter()
        .map(|(c, s)| (*c, *s, RwSignal::new(cell(&first, c))))
        .collect();
    let rows = RwSignal::new(rows);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let set_cell = move |i: usize, column: &'static str, v: String| {
        rows.update(|r| {
            if let Some(row) = r.get_mut(i) {
                row.insert(column.to_owned(), Value::String(v));
            }
        });
    };
    let save = {
        let person = person.clone();
        let official = official.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut edited = rows.get_untracked();
            for row in &mut edited {
                for (c, _, v) in &person {
                    row.insert((*c).to_owned(), Value::String(v.get_untracked()));
                }
            }
            let parsed: Result<Vec<ScheduleRow>, _> = edited
                .into_iter()
                .map(|m| serde_json::from_value(Value::Object(m)))
                .collect();
            let Ok(rows_out) = parsed else {
                outcome.set(Some(Err(S::ErrInvalid
                    .text(lang.get_untracked())
                    .to_owned())));
                return;
            };
            let official = official.clone();
            busy.set(true);
            outcome.set(None);
            spawn_local(async move {
                let answer = api::edit_schedule(&official, &ScheduleEdit { rows: rows_out }).await;
                busy.set(false);
                match answer {
                    Ok(s) => {
                        rows.set(s.rows.iter().map(columns).collect());
                        outcome.set(Some(Ok(S::Saved.text(lang.get_untracked()).to_owned())));
                    }
                    Err((e, _)) if !session.keeps(&e) => {}
                    Err(r) => outcome.set(Some(Err(refused_text(&r, lang.get_untracked())))),
                }
            });
        }
    };
    let add = move |_| {
        rows.update(|r| {
            if let Some(last) = r.last().cloned() {
                let mut new = last;
                let id = cell(&new, "schedule_id");
                new.insert("schedule_id".into(), Value::String(format!("{id}-2")));
                new.insert("cancelled".into(), Value::String(String::new()));
                new.insert("moved".into(), Value::String(String::new()));
                r.push(new);
            }
        });
    };
    let person_fields = person
        .into_iter()
        .map(|(c, s, v)| {
            let id = format!("official-{c}");
            view! {
                <div class="field">
                    <label for=id.clone()>{move || s.text(lang.get())} " " <code>{c}</code></label>
                    <input id=id type="text" prop:value=move || v.get() on:input=move |ev| v.set(event_target_value(&ev)) />
                </div>
            }
        })
        .collect_view();
    let groups = move || {
        let n = rows.with(Vec::len);
        (0..n)
            .map(|i| {
                let fields = ROW_COLUMNS
                    .iter()
                    .map(|(c, s)| {
                        let (c, s) = (*c, *s);
                        let id = format!("row{i}-{c}");
                        let value = move || rows.with(|r| r.get(i).map(|row| cell(row, c)).unwrap_or_default());
                        view! {
                            <div class="field">
                                <label for=id.clone()>{move || s.text(lang.get())} " " <code>{format!("rows[{i}].{c}")}</code></label>
                                <input id=id type="text" prop:value=value spellcheck="false"
                                    on:change=move |ev| set_cell(i, c, event_target_value(&ev)) />
                            </div>
                        }
                    })
                    .collect_view();
                let legend = move || rows.with(|r| r.get(i).map(|row| cell(row, "schedule_id")).unwrap_or_default());
                view! {
                    <fieldset class="group schedule-row">
                        <legend>{legend}</legend>
                        {fields}
                        <div class="actions">
                            <button type="button" class="secondary" on:click=move |_| rows.update(|r| { if i < r.len() { r.remove(i); } })>
                                {move || t(S::RemoveSchedule)}
                            </button>
                        </div>
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        <form class="console-form schedule-editor" novalidate on:submit=save>
            <fieldset class="group">
                <legend>{move || t(S::OfficialFields)} " — " {official.clone()}</legend>
                {person_fields}
            </fieldset>
            {groups}
            <div class="actions">
                <button type="button" class="secondary" on:click=add>{move || t(S::AddSchedule)}</button>
            </div>
            {outcome_view(outcome)}
            <div class="actions">
                <button type="submit" disabled=move || busy.get()>{move || t(S::Save)}</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row edited column by column goes back to the import format unchanged (R13, R26).
    #[test]
    fn a_schedule_row_round_trips_through_its_columns() {
        let row = ScheduleRow {
            office_id: "ulytau-region".into(),
            official_id: "ulytau-region-head".into(),
            schedule_id: "ulytau-region-head-weekly".into(),
            recurrence: "weekly:mon".into(),
            start: "10:00".into(),
            end: "12:00".into(),
            capacity: "5".into(),
            ..ScheduleRow::default()
        };
        let mut m = columns(&row);
        assert_eq!(cell(&m, "start"), "10:00");
        assert_eq!(m.len(), ScheduleRow::COLUMNS.len());
        m.insert("start".into(), Value::String("11:00".into()));
        let back: ScheduleRow = serde_json::from_value(Value::Object(m)).unwrap();
        assert_eq!(back.start, "11:00");
        assert_eq!(back.end, row.end);
        // Every column the editor shows is a column of the import format.
        for (c, _) in OFFICIAL_COLUMNS.iter().chain(ROW_COLUMNS.iter()) {
            assert!(ScheduleRow::COLUMNS.contains(c), "{c}");
        }
    }

    /// R39-1: the Centre's hours are `HH:MM`.
    #[test]
    fn r39_1_centre_hours_read_as_hh_mm() {
        assert_eq!(parse_hhmm("09:30").map(hhmm).as_deref(), Some("09:30"));
        assert_eq!(parse_hhmm(" 18:00 ").map(hhmm).as_deref(), Some("18:00"));
        assert_eq!(parse_hhmm("25:00"), None);
        assert_eq!(parse_hhmm("9"), None);
        assert_eq!(parse_hhmm("aa:bb"), None);
    }
}
