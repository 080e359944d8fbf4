//! The receiver's console (`receiver`, `official`; the person's own office): today's
//! electronic queue (R39-3) — call the next by R9's order to a room, verify or reject a
//! priority claim, call again, absent, finished — the outcome of the called ticket (R39-6,
//! R40, R41, R12), and the appeals on control (R44) with taking one off control on its final
//! answer and the notification (R42). Every answer is announced in a live region.

use super::api::{self, StaffError};
use super::form::{error_text, set_title};
use super::layout::{ForRole, Waiting};
use super::screen::Screen;
use super::session::use_session;
use crate::i18n::staff::{field_named, R, S};
use crate::lang::use_lang;
use ::api::outcomes::{
    Appeal, CloseInput, NotificationMeans, OutcomeDetail, OutcomeInput, OutcomeKind, Received,
};
use ::api::queue::{StaffQueue, StaffTicket, TicketStatus};
use ::api::staff::StaffMember;
use ::api::{ErrorCode, Lenient};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::dates::{iso_date, parse_iso_date};
use rules::{Lang, OfficeId};

#[component]
pub fn ReceptionPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::NavReception);
    view! {
        <h1>{move || R::Title.text(lang.get())}</h1>
        <ForRole screen=Screen::Reception let:member>
            <Reception member />
        </ForRole>
    }
}

/// The text of a refused action, by the codes of the queue and of outcomes.
fn refusal(refused: &api::Refused, lang: Lang) -> String {
    let (error, field) = refused;
    let own = match error {
        StaffError::Api(ErrorCode::QueueEmpty) => Some(R::QueueEmpty),
        StaffError::Api(ErrorCode::OutcomeRecorded) => Some(R::ErrOutcomeRecorded),
        StaffError::Api(ErrorCode::NotReceived) => Some(R::ErrNotReceived),
        StaffError::Api(ErrorCode::NotCalled) => Some(R::ErrNotCalled),
        StaffError::Api(ErrorCode::NotWaiting) => Some(R::ErrNotWaiting),
        StaffError::Api(ErrorCode::PreviouslyDecided) => Some(R::ErrPreviouslyDecided),
        StaffError::Api(ErrorCode::NotOnControl) => Some(R::ErrNotOnControl),
        _ => None,
    };
    match (own, field) {
        (Some(r), _) => r.text(lang).to_owned(),
        (None, Some(f)) if matches!(error, StaffError::Api(ErrorCode::Required)) => {
            format!("{} {}", R::ErrRequired.text(lang), label_of(f, lang))
        }
        (None, Some(f)) => format!("{} {}", error_text(error, lang), label_of(f, lang)),
        (None, None) => error_text(error, lang),
    }
}

/// The label of a field the Worker names, as the form shows it.
fn label_of(field: &str, lang: Lang) -> String {
    let r = match field {
        "room" => R::Room,
        "outcome.registration_number" => R::RegistrationNumber,
        "outcome.consent" => R::Consent,
        "notes" => R::Notes,
        "answer_reference" => R::AnswerReference,
        "answer_date" => R::AnswerDate,
        "notified_by" => R::NotifiedBy,
        "notification_reference" => R::NotificationReference,
        other => return field_named(other, lang),
    };
    format!("«{}»", r.text(lang))
}

fn status_text(t: &StaffTicket, lang: Lang) -> String {
    match t.status {
        Lenient::Known(TicketStatus::Waiting) => R::Waiting.text(lang).to_owned(),
        Lenient::Known(TicketStatus::Called) => format!(
            "{} {}",
            R::CalledTo.text(lang),
            t.room.clone().unwrap_or_default()
        ),
        Lenient::Known(TicketStatus::Absent) => R::Absent.text(lang).to_owned(),
        Lenient::Known(TicketStatus::Finished) => R::Finished.text(lang).to_owned(),
        Lenient::Unknown(_) => "—".to_owned(),
    }
}

#[component]
fn Reception(member: StaffMember) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let office = member.office_id.clone();
    let queue = RwSignal::new(None::<Result<StaffQueue, StaffError>>);
    let announce = RwSignal::new(None::<String>);
    let room = RwSignal::new(String::new());
    let outcome_for = RwSignal::new(None::<u32>);
    let control_version = RwSignal::new(0u32);
    let busy = RwSignal::new(false);

    let load = {
        let office = office.clone();
        move || {
            let office = office.clone();
            spawn_local(async move {
                match api::staff_queue(&office).await {
                    Err(e) if !session.keeps(&e) => {}
                    r => queue.set(Some(r)),
                }
            });
        }
    };
    load();

    // One action on the queue: its answer announced, the list read again.
    let act = {
        let load = load.clone();
        move |action: QueueAction| {
            let load = load.clone();
            busy.set(true);
            let office = action.office.clone();
            spawn_local(async move {
                let result = match action.kind {
                    ActionKind::Next(room) => api::call_next(&office, room).await,
                    ActionKind::Priority(n, verified) => {
                        api::verify_priority(&office, n, verified).await
                    }
                    ActionKind::Step(n, step) => api::ticket_step(&office, n, step).await,
                };
                busy.set(false);
                let l = lang.get_untracked();
                match result {
                    Ok(called) => {
                        if action.announces_call {
                            let mut text = format!("{}{}", R::Called.text(l), called.ticket.number);
                            if called.out_of_town_waiting > 0 {
                                text.push_str(&format!(
                                    " {} {}",
                                    R::OutOfTownWaiting.text(l),
                                    called.out_of_town_waiting
                                ));
                            }
                            announce.set(Some(text));
                        } else {
                            announce.set(None);
                        }
                    }
                    Err((e, _)) if !session.keeps(&e) => return,
                    Err(refused) => announce.set(Some(refusal(&refused, l))),
                }
                load();
            });
        }
    };

    let t = move |r: R| r.text(lang.get());
    let next_office = office.clone();
    let act_next = act.clone();
    view! {
        <p class="lead">{move || t(R::Intro)}</p>
        <section aria-labelledby="queue-heading">
            <h2 id="queue-heading">{move || t(R::QueueHeading)}</h2>
            <form
                class="console-form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    act_next(QueueAction {
                        office: next_office.clone(),
                        kind: ActionKind::Next(room.get_untracked()),
                        announces_call: true,
                    });
                }
            >
                <div class="field">
                    <label for="reception-room">{move || t(R::Room)}</label>
                    <input
                        id="reception-room"
                        maxlength="32"
                        autocomplete="off"
                        aria-describedby="reception-room-hint"
                        prop:value=move || room.get()
                        on:input=move |ev| room.set(event_target_value(&ev))
                    />
                    <p class="hint" id="reception-room-hint">{move || t(R::RoomHint)}</p>
                </div>
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>{move || t(R::CallNext)}</button>
                </div>
            </form>
            <p class="status" role="status" aria-live="polite">{move || announce.get()}</p>
            {move || match queue.get() {
                None => view! { <Waiting /> }.into_any(),
                Some(Err(e)) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
                Some(Ok(q)) => {
                    let closed = (!q.open).then(|| view! { <p class="notice">{t(R::Closed)}</p> });
                    let office = office.clone();
                    let act = act.clone();
                    view! {
                        {closed}
                        <QueueTable q office act outcome_for />
                    }
                    .into_any()
                }
            }}
        </section>
        {move || outcome_for.get().map(|n| {
            let office = member.office_id.clone();
            view! { <OutcomeForm office number=n outcome_for control_version /> }
        })}
        <ControlSection version=control_version />
    }
}

#[derive(Clone)]
struct QueueAction {
    office: OfficeId,
    kind: ActionKind,
    announces_call: bool,
}

#[derive(Clone)]
enum ActionKind {
    Next(String),
    Priority(u32, bool),
    Step(u32, &'static str),
}

#[component]
fn QueueTable<F>(
    q: StaffQueue,
    office: OfficeId,
    act: F,
    outcome_for: RwSignal<Option<u32>>,
) -> impl IntoView
where
    F: Fn(QueueAction) + Clone + Send + Sync + 'static,
{
    let lang = use_lang();
    let t = move |r: R| r.text(lang.get());
    if q.tickets.is_empty() {
        return view! { <p>{t(R::QueueEmpty)}</p> }.into_any();
    }
    view! {
        <table class="stacked queue">
            <caption class="visually-hidden">{move || t(R::QueueHeading)}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || t(R::Number)}</th>
                    <th scope="col">{move || t(R::Status)}</th>
                    <th scope="col">{move || t(R::Language)}</th>
                    <th scope="col">{move || t(R::Priority)}</th>
                    <th scope="col">{move || t(R::Actions)}</th>
                </tr>
            </thead>
            <tbody>
                {q.tickets
                    .into_iter()
                    .map(|ticket| {
                        let n = ticket.number;
                        let status = ticket.status.clone();
                        let waiting = status == Lenient::Known(TicketStatus::Waiting);
                        let called = status == Lenient::Known(TicketStatus::Called);
                        let received = called || status == Lenient::Known(TicketStatus::Finished);
                        let claim = ticket.priority;
                        let unverified = waiting && claim.as_ref().is_some_and(|c| !c.verified);
                        let language = match ticket.language {
                            Lenient::Known(l) => l.code().to_owned(),
                            Lenient::Unknown(_) => "—".to_owned(),
                        };
                        let ticket_view = ticket.clone();
                        let button = {
                            let act = act.clone();
                            let office = office.clone();
                            move |label: R, kind: ActionKind| {
                                let act = act.clone();
                                let office = office.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="secondary"
                                        aria-label=move || format!("{} — {} {}", label.text(lang.get()), R::Number.text(lang.get()), n)
                                        on:click=move |_| act(QueueAction { office: office.clone(), kind: kind.clone(), announces_call: matches!(kind, ActionKind::Step(_, "recall")) })
                                    >
                                        {move || label.text(lang.get())}
                                    </button>
                                }
                            }
                        };
                        view! {
                            <tr>
                                <th scope="row" data-label=move || t(R::Number)>{n}</th>
                                <td data-label=move || t(R::Status)>
                                    {move || status_text(&ticket_view, lang.get())}
                                    {ticket.out_of_town.then(|| view! { " · " {move || t(R::OutOfTown)} })}
                                </td>
                                <td data-label=move || t(R::Language)>{language}</td>
                                <td data-label=move || t(R::Priority)>
                                    {claim.map(|c| {
                                        let mark = if c.verified { R::Verified } else { R::Unverified };
                                        view! { {move || c.category.name().get(lang.get())} " (" {move || t(mark)} ")" }
                                    })}
                                </td>
                                <td data-label=move || t(R::Actions) class="actions">
                                    {unverified.then(|| view! {
                                        {button(R::Verify, ActionKind::Priority(n, true))}
                                        {button(R::Reject, ActionKind::Priority(n, false))}
                                    })}
                                    {called.then(|| view! {
                                        {button(R::Recall, ActionKind::Step(n, "recall"))}
                                        {button(R::MarkAbsent, ActionKind::Step(n, "absent"))}
                                        {button(R::Finish, ActionKind::Step(n, "finish"))}
                                    })}
                                    {received.then(|| view! {
                                        <button type="button" on:click=move |_| outcome_for.set(Some(n))>
                                            {move || format!("{} — {} {}", t(R::RecordOutcome), t(R::Number), n)}
                                        </button>
                                    })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn OutcomeForm(
    office: OfficeId,
    number: u32,
    outcome_for: RwSignal<Option<u32>>,
    control_version: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |r: R| r.text(lang.get());
    let kind = RwSignal::new(OutcomeKind::WrittenAppealRegistered);
    let registration = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let takes_part = RwSignal::new(false);
    let notes = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let kinds = [
        (OutcomeKind::WrittenAppealRegistered, R::WrittenAppeal),
        (OutcomeKind::OralAnswered, R::OralAnswered),
        (OutcomeKind::Consultation, R::Consultation),
        (OutcomeKind::DidNotAttend, R::DidNotAttend),
    ];
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let k = kind.get_untracked();
        let input = OutcomeInput {
            received: Received::Ticket {
                office_id: office.clone(),
                number,
            },
            outcome: OutcomeDetail {
                kind: k,
                registration_number: (k == OutcomeKind::WrittenAppealRegistered)
                    .then(|| registration.get_untracked()),
                due: None,
                due_reason: None,
                repeats: None,
                consent: (k == OutcomeKind::OralAnswered).then(|| consent.get_untracked()),
                referral: None,
            },
            takes_part: takes_part.get_untracked(),
            notes: Some(notes.get_untracked()).filter(|n| !n.trim().is_empty()),
        };
        busy.set(true);
        spawn_local(async move {
            let result = api::record_outcome(&input).await;
            busy.set(false);
            let l = lang.get_untracked();
            match result {
                Ok(recorded) => {
                    let mut text = R::OutcomeSaved.text(l).to_owned();
                    if let Some(c) = recorded.control {
                        text.push_str(&format!(
                            " {} {}",
                            R::OnControlUntil.text(l),
                            iso_date(c.due)
                        ));
                        control_version.update(|v| *v += 1);
                    }
                    message.set(Some((true, text)));
                }
                Err((e, _)) if !session.keeps(&e) => {}
                Err(refused) => message.set(Some((false, refusal(&refused, l)))),
            }
        });
    };
    view! {
        <section aria-labelledby="outcome-heading">
            <h2 id="outcome-heading" tabindex="-1">{move || format!("{}{}", t(R::OutcomeHeading), number)}</h2>
            <form class="console-form" novalidate on:submit=submit>
                <fieldset class="group">
                    <legend>{move || t(R::Kind)}</legend>
                    {kinds
                        .into_iter()
                        .map(|(k, label)| {
                            let id = format!("outcome-kind-{}", k.code());
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="outcome-kind"
                                        id=id.clone()
                                        prop:checked=move || kind.get() == k
                                        on:change=move |_| kind.set(k)
                                    />
                                    <label for=id>{move || t(label)}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <Show when=move || kind.get() == OutcomeKind::WrittenAppealRegistered>
                    <div class="field">
                        <label for="outcome-registration">{move || t(R::RegistrationNumber)}</label>
                        <input
                            id="outcome-registration"
                            maxlength="64"
                            required
                            aria-describedby="outcome-registration-hint"
                            prop:value=move || registration.get()
                            on:input=move |ev| registration.set(event_target_value(&ev))
                        />
                        <p class="hint" id="outcome-registration-hint">{move || t(R::RegistrationHint)}</p>
                    </div>
                </Show>
                <Show when=move || kind.get() == OutcomeKind::OralAnswered>
                    <div class="choice">
                        <input
                            type="checkbox"
                            id="outcome-consent"
                            prop:checked=move || consent.get()
                            on:change=move |ev| consent.set(event_target_checked(&ev))
                        />
                        <label for="outcome-consent">{move || t(R::Consent)}</label>
                    </div>
                </Show>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="outcome-takes-part"
                        prop:checked=move || takes_part.get()
                        on:change=move |ev| takes_part.set(event_target_checked(&ev))
                    />
                    <label for="outcome-takes-part">{move || t(R::TakesPart)}</label>
                </div>
                <div class="field">
                    <label for="outcome-notes">{move || t(R::Notes)}</label>
                    <textarea
                        id="outcome-notes"
                        maxlength="2000"
                        rows="3"
                        prop:value=move || notes.get()
                        on:input=move |ev| notes.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>{move || t(R::Save)}</button>
                    <button type="button" class="secondary" on:click=move |_| outcome_for.set(None)>
                        {move || t(R::Cancel)}
                    </button>
                </div>
                <p role="status" aria-live="polite" class=move || match message.get() {
                    Some((false, _)) => "status error",
                    _ => "status",
                }>
                    {move || message.get().map(|(_, m)| m)}
                </p>
            </form>
        </section>
    }
}

#[component]
fn ControlSection(version: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |r: R| r.text(lang.get());
    let list = RwSignal::new(None::<Result<Vec<Appeal>, StaffError>>);
    Effect::new(move |_| {
        version.get();
        spawn_local(async move {
            match api::control().await.map(|c| c.appeals) {
                Err(e) if !session.keeps(&e) => {}
                r => list.set(Some(r)),
            }
        });
    });
    view! {
        <section aria-labelledby="control-heading">
            <h2 id="control-heading">{move || t(R::ControlHeading)}</h2>
            {move || match list.get() {
                None => view! { <Waiting /> }.into_any(),
                Some(Err(e)) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
                Some(Ok(appeals)) if appeals.is_empty() => view! { <p>{t(R::NoAppeals)}</p> }.into_any(),
                Some(Ok(appeals)) => view! {
                    <ul class="control-list">
                        {appeals.into_iter().map(|a| view! { <li><AppealItem appeal=a version /></li> }).collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn AppealItem(appeal: Appeal, version: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |r: R| r.text(lang.get());
    let id = appeal.id.clone();
    let reference = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let means = RwSignal::new(NotificationMeans::RegisteredLetter);
    let notification = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let input = CloseInput {
                answer_reference: Some(reference.get_untracked()),
                answer_date: parse_iso_date(date.get_untracked().trim()),
                notified_by: Some(means.get_untracked()),
                notification_reference: Some(notification.get_untracked()),
            };
            let id = id.clone();
            busy.set(true);
            spawn_local(async move {
                let result = api::close_appeal(&id, &input).await;
                busy.set(false);
                let l = lang.get_untracked();
                match result {
                    Ok(_) => {
                        message.set(Some(R::ClosedOk.text(l).to_owned()));
                        version.update(|v| *v += 1);
                    }
                    Err((e, _)) if !session.keeps(&e) => {}
                    Err(refused) => message.set(Some(refusal(&refused, l))),
                }
            });
        }
    };
    let field_id = move |name: &str| format!("close-{name}-{}", appeal.id);
    let (ref_id, date_id, means_id, note_id) = (
        field_id("reference"),
        field_id("date"),
        field_id("means"),
        field_id("notification"),
    );
    view! {
        <article class="card">
            <h3>
                {appeal.registration_number.clone()} " — " {move || t(R::Due)} " " {iso_date(appeal.due)}
                {appeal.overdue.then(|| view! { " " <strong class="overdue">{move || t(R::Overdue)}</strong> })}
            </h3>
            <form class="console-form" novalidate on:submit=submit>
                <div class="field">
                    <label for=ref_id.clone()>{move || t(R::AnswerReference)}</label>
                    <input id=ref_id maxlength="64" required prop:value=move || reference.get() on:input=move |ev| reference.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for=date_id.clone()>{move || t(R::AnswerDate)}</label>
                    <input id=date_id type="date" required prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for=means_id.clone()>{move || t(R::NotifiedBy)}</label>
                    <select id=means_id on:change=move |ev| {
                        if let Some(m) = NotificationMeans::parse(&event_target_value(&ev)) {
                            means.set(m);
                        }
                    }>
                        {[(NotificationMeans::RegisteredLetter, R::RegisteredLetter), (NotificationMeans::InPerson, R::InPerson), (NotificationMeans::Other, R::OtherMeans)]
                            .into_iter()
                            .map(|(m, label)| view! { <option value=m.code() selected=move || means.get() == m>{move || t(label)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=note_id.clone()>{move || t(R::NotificationReference)}</label>
                    <input id=note_id maxlength="64" required prop:value=move || notification.get() on:input=move |ev| notification.set(event_target_value(&ev)) />
                </div>
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>{move || t(R::Close)}</button>
                </div>
                <p class="status" role="status" aria-live="polite">{move || message.get()}</p>
            </form>
        </article>
    }
}
