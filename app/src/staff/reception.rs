//! The receiver's console (`receiver`, `official`; the person's own office): today's
//! electronic queue (R39-3) — call the next by R9's order to a room, verify or reject a
//! priority claim, call again, absent, finished — the outcome of a called ticket or of a
//! booking received (R39-6, R40, R41, R12; a referral books the applicant with another
//! official through the desk's booking form, R39-8), and the appeals on control (R44):
//! assigned to an employee (R42 refuses the one who decided an earlier appeal of the same
//! person on the same matter), given another due date with a reason, and taken off control
//! on the final answer and the notification (R42). Every answer is announced in a live
//! region.

use super::api::{self, StaffError};
use super::booking_form::{kind_of, BookingFields, BookingFieldsets, ShownOnce};
use super::form::{error_text, set_title};
use super::layout::{ForRole, Waiting};
use super::screen::Screen;
use super::session::use_session;
use crate::api as public_api;
use crate::i18n::staff::{field_named, R, S};
use crate::lang::use_lang;
use ::api::outcomes::{
    Appeal, AssignInput, Assignee, CloseInput, ControlList, DueInput, NotificationMeans,
    OutcomeDetail, OutcomeInput, OutcomeKind, Received, Referral,
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
        StaffError::Api(ErrorCode::NotReceived) if field.as_deref() == Some("received.code") => {
            Some(R::ErrBookingNotReceived)
        }
        StaffError::Api(ErrorCode::NotReceived) => Some(R::ErrNotReceived),
        StaffError::Api(ErrorCode::NotCalled) => Some(R::ErrNotCalled),
        StaffError::Api(ErrorCode::NotWaiting) => Some(R::ErrNotWaiting),
        StaffError::Api(ErrorCode::PreviouslyDecided) => Some(R::ErrPreviouslyDecided),
        StaffError::Api(ErrorCode::NotOnControl) => Some(R::ErrNotOnControl),
        StaffError::Api(ErrorCode::AmbiguousReference) => Some(R::ErrAmbiguousReference),
        StaffError::Api(ErrorCode::SameOfficial) => Some(R::ErrSameOfficial),
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
        "received.code" => R::BookingCode,
        "assignee" => R::AssignedTo,
        "due" => R::NewDue,
        "due_reason" => R::DueReason,
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
    let outcome_for = RwSignal::new(None::<Received>);
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
        <BookingReceived outcome_for />
        {move || outcome_for.get().map(|received| {
            let office = member.office_id.clone();
            view! { <OutcomeForm office received outcome_for control_version /> }
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
    outcome_for: RwSignal<Option<Received>>,
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
                        let received_ticket = Received::Ticket { office_id: office.clone(), number: n };
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
                                        <button type="button" on:click=move |_| outcome_for.set(Some(received_ticket.clone()))>
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

/// A booking's code as typed: trimmed, in capitals; blank is none.
fn booking_code(typed: &str) -> Option<String> {
    let code = typed.trim().to_uppercase();
    (!code.is_empty()).then_some(code)
}

/// A booking received (pre-registration, or any channel): its code opens the outcome form.
#[component]
fn BookingReceived(outcome_for: RwSignal<Option<Received>>) -> impl IntoView {
    let lang = use_lang();
    let t = move |r: R| r.text(lang.get());
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        match booking_code(&code.get_untracked()) {
            Some(code) => {
                error.set(None);
                outcome_for.set(Some(Received::Booking { code }));
            }
            None => error.set(Some(format!(
                "{} {}",
                R::ErrRequired.text(l),
                label_of("received.code", l)
            ))),
        }
    };
    view! {
        <section aria-labelledby="booking-heading">
            <h2 id="booking-heading">{move || t(R::BookingHeading)}</h2>
            <form class="console-form" novalidate on:submit=submit>
                <div class="field">
                    <label for="booking-code">{move || t(R::BookingCode)}</label>
                    <input
                        id="booking-code"
                        maxlength="20"
                        autocomplete="off"
                        spellcheck="false"
                        autocapitalize="characters"
                        aria-describedby="booking-code-hint"
                        prop:value=move || code.get()
                        on:input=move |ev| code.set(event_target_value(&ev))
                    />
                    <p class="hint" id="booking-code-hint">{move || t(R::BookingCodeHint)}</p>
                </div>
                <div class="actions">
                    <button type="submit">{move || t(R::RecordOutcome)}</button>
                </div>
                <div role="alert">
                    {move || error.get().map(|e| view! { <p class="status error">{e}</p> })}
                </div>
            </form>
        </section>
    }
}

#[component]
fn OutcomeForm(
    office: OfficeId,
    received: Received,
    outcome_for: RwSignal<Option<Received>>,
    control_version: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |r: R| r.text(lang.get());
    let kind = RwSignal::new(OutcomeKind::WrittenAppealRegistered);
    let registration = RwSignal::new(String::new());
    let repeats = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let takes_part = RwSignal::new(false);
    let notes = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    // R39-8: the referral's booking, entered as the desk enters a request; one key per form
    // (a retry of the same form books once), and what was booked, shown once.
    let referral = BookingFields::new();
    let key = RwSignal::new(None::<String>);
    let made = RwSignal::new(None::<Referral>);
    let schedule = {
        let office = office.to_string();
        LocalResource::new(move || public_api::schedule(office.clone()))
    };
    let kinds = [
        (OutcomeKind::WrittenAppealRegistered, R::WrittenAppeal),
        (OutcomeKind::OralAnswered, R::OralAnswered),
        (OutcomeKind::Consultation, R::Consultation),
        (OutcomeKind::Referred, R::Referred),
        (OutcomeKind::DidNotAttend, R::DidNotAttend),
    ];
    let heading = {
        let received = received.clone();
        move || match &received {
            Received::Ticket { number, .. } => format!("{}{}", t(R::OutcomeHeading), number),
            Received::Booking { code } => format!("{}{}", t(R::OutcomeOfBooking), code),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let k = kind.get_untracked();
        let referred = k == OutcomeKind::Referred;
        if referred && referral.lacks_required() {
            message.set(Some((false, S::Required.text(l).to_owned())));
            return;
        }
        let booking = referred.then(|| {
            let official_kind = schedule
                .get_untracked()
                .and_then(|s| s.ok())
                .and_then(|s| kind_of(&s, &referral.reception.get_untracked()));
            referral.request(official_kind)
        });
        let k_used = referred.then(|| {
            let k = key
                .get_untracked()
                .unwrap_or_else(crate::booking_api::new_key);
            key.set(Some(k.clone()));
            k
        });
        let input = OutcomeInput {
            received: received.clone(),
            outcome: OutcomeDetail {
                kind: k,
                registration_number: (k == OutcomeKind::WrittenAppealRegistered)
                    .then(|| registration.get_untracked()),
                due: None,
                due_reason: None,
                repeats: (k == OutcomeKind::WrittenAppealRegistered)
                    .then(|| repeats.get_untracked().trim().to_owned())
                    .filter(|r| !r.is_empty()),
                consent: (k == OutcomeKind::OralAnswered).then(|| consent.get_untracked()),
                referral: booking,
            },
            takes_part: takes_part.get_untracked(),
            notes: Some(notes.get_untracked()).filter(|n| !n.trim().is_empty()),
        };
        busy.set(true);
        message.set(None);
        spawn_local(async move {
            let result = api::record_outcome(&input, k_used.as_deref()).await;
            busy.set(false);
            let l = lang.get_untracked();
            match result {
                Ok(recorded) => {
                    key.set(None);
                    let mut text = R::OutcomeSaved.text(l).to_owned();
                    if let Some(c) = recorded.control {
                        text.push_str(&format!(
                            " {} {}",
                            R::OnControlUntil.text(l),
                            iso_date(c.due)
                        ));
                        control_version.update(|v| *v += 1);
                    }
                    match recorded.referral {
                        Some(r) => made.set(Some(r)),
                        None => message.set(Some((true, text))),
                    }
                }
                Err((e, _)) if !session.keeps(&e) => {}
                Err(refused) => message.set(Some((false, refusal(&refused, l)))),
            }
        });
    };
    let focus = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = focus.get() {
            let _ = h.focus();
        }
    });
    let referral_fields = move || {
        match schedule.get() {
        None => view! { <Waiting /> }.into_any(),
        Some(Err(_)) => {
            view! { <p class="status error" role="alert">{S::ErrNetwork.text(lang.get())}</p> }
                .into_any()
        }
        Some(Ok(s)) => view! {
            <BookingFieldsets prefix="referral" f=referral schedule=s by_official=true nested=true />
        }
        .into_any(),
    }
    };
    let form = view! {
        <section aria-labelledby="outcome-heading">
            <h2 id="outcome-heading" tabindex="-1" node_ref=focus>{heading}</h2>
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
                    // R42: the same person on the same matter again — linked by the earlier
                    // appeal's number, so that its decider is not assigned this one.
                    <div class="field">
                        <label for="outcome-repeats">{move || t(R::Repeats)}</label>
                        <input
                            id="outcome-repeats"
                            maxlength="64"
                            autocomplete="off"
                            aria-describedby="outcome-repeats-hint"
                            prop:value=move || repeats.get()
                            on:input=move |ev| repeats.set(event_target_value(&ev))
                        />
                        <p class="hint" id="outcome-repeats-hint">{move || t(R::RepeatsHint)}</p>
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
                <Show when=move || kind.get() == OutcomeKind::Referred>
                    <fieldset class="group referral">
                        <legend>{move || t(R::ReferralHeading)}</legend>
                        <p class="hint">{move || t(R::ReferralHint)}</p>
                        {referral_fields}
                    </fieldset>
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
    };
    // Once the referral is booked, its code and link take the form's place, shown this once.
    view! {
        <div hidden=move || made.with(Option::is_some)>{form}</div>
        {move || made.get().map(|r| view! {
            <ShownOnce
                class="referral-made"
                code=r.booking.code.clone()
                status=r.booking.status.clone()
                manage_path=r.manage_path.clone()
                said=Signal::derive(move || R::ReferralMade.text(lang.get()).to_owned())
                done_label=Signal::derive(move || R::Done.text(lang.get()).to_owned())
                done=Callback::new(move |_| outcome_for.set(None))
            />
        })}
    }
}

/// What an appeal's card shows, as the key of its place in the list.
fn card_key(a: &Appeal) -> (String, String, Option<String>, usize, bool, bool) {
    (
        a.id.clone(),
        iso_date(a.due),
        a.assigned_to.clone(),
        a.due_changes.len(),
        a.overdue,
        a.closed.is_some(),
    )
}

#[component]
fn ControlSection(version: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |r: R| r.text(lang.get());
    let list = RwSignal::new(None::<Result<ControlList, StaffError>>);
    let announce = RwSignal::new(None::<String>);
    let heading = NodeRef::<leptos::html::H2>::new();
    let appeals = Memo::new(move |_| {
        list.with(|l| match l {
            Some(Ok(c)) => c.appeals.clone(),
            _ => Vec::new(),
        })
    });
    let assignees = Memo::new(move |_| {
        list.with(|l| match l {
            Some(Ok(c)) => c.assignees.clone(),
            _ => Vec::new(),
        })
    });
    Effect::new(move |_| {
        version.get();
        spawn_local(async move {
            match api::control().await {
                Err(e) if !session.keeps(&e) => {}
                r => list.set(Some(r)),
            }
        });
    });
    // An action done: announced, the list read again (the item is drawn anew), and the focus
    // back on the section's heading, so that the keyboard goes on from there.
    let done = Callback::new(move |text: String| {
        announce.set(Some(text));
        version.update(|v| *v += 1);
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    });
    view! {
        <section aria-labelledby="control-heading">
            <h2 id="control-heading" tabindex="-1" node_ref=heading>{move || t(R::ControlHeading)}</h2>
            <p class="status" role="status" aria-live="polite">{move || announce.get()}</p>
            {move || match list.get() {
                None => view! { <Waiting /> }.into_any(),
                Some(Err(e)) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
                Some(Ok(c)) if c.appeals.is_empty() => view! { <p>{t(R::NoAppeals)}</p> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            // Keyed by what a card shows: a card the new list leaves as it was keeps its DOM
            // (a form someone has opened stays open); a changed one is drawn anew.
            <ul class="control-list" hidden=move || appeals.with(Vec::is_empty)>
                <For each=move || appeals.get() key=card_key let:appeal>
                    <li><AppealItem appeal assignees=assignees.get_untracked() done /></li>
                </For>
            </ul>
        </section>
    }
}

/// The employee's name, else the account's id (one no longer among those who receive).
fn assignee_name(id: &str, assignees: &[Assignee]) -> String {
    assignees
        .iter()
        .find(|a| a.id == id)
        .map_or_else(|| id.to_owned(), |a| a.name.clone())
}

#[component]
fn AppealItem(appeal: Appeal, assignees: Vec<Assignee>, done: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |r: R| r.text(lang.get());
    let id = appeal.id.clone();
    let refused = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // One action on this appeal: done (announced by the section), or refused here.
    let settle = move |result: Result<::api::outcomes::AppealBody, api::Refused>, ok: R| {
        busy.set(false);
        let l = lang.get_untracked();
        match result {
            Ok(_) => {
                refused.set(None);
                done.run(ok.text(l).to_owned());
            }
            Err((e, _)) if !session.keeps(&e) => {}
            Err(r) => refused.set(Some(refusal(&r, l))),
        }
    };

    // R42: the employee who prepares the answer.
    let assignee = RwSignal::new(String::new());
    let assign = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let who = assignee.get_untracked();
            if who.is_empty() {
                let l = lang.get_untracked();
                refused.set(Some(format!(
                    "{} {}",
                    R::ErrRequired.text(l),
                    label_of("assignee", l)
                )));
                return;
            }
            let id = id.clone();
            busy.set(true);
            spawn_local(async move {
                let result = api::assign_appeal(&id, &AssignInput { assignee: who }).await;
                settle(result, R::AssignedOk);
            });
        }
    };
    // R44: another due date, with the reason.
    let due = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let change_due = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let input = DueInput {
                due: parse_iso_date(due.get_untracked().trim()),
                due_reason: Some(reason.get_untracked()).filter(|r| !r.trim().is_empty()),
            };
            let id = id.clone();
            busy.set(true);
            spawn_local(async move {
                let result = api::change_due(&id, &input).await;
                settle(result, R::DueChangedOk);
            });
        }
    };
    // R42, R44: the final answer and how the applicant was told.
    let reference = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let means = RwSignal::new(NotificationMeans::RegisteredLetter);
    let notification = RwSignal::new(String::new());
    let close = {
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
                settle(result, R::ClosedOk);
            });
        }
    };

    let field_id = move |name: &str| format!("{name}-{}", appeal.id);
    let assigned = appeal
        .assigned_to
        .as_deref()
        .map(|a| assignee_name(a, &assignees));
    // R44: every change of the due date with its reason, who made it and when; an appeal
    // registered with another date than the default shows that reason alone.
    let changes = appeal
        .due_changes
        .iter()
        .map(|c| {
            let line = format!(
                "{} → {}: {} ({}, {})",
                iso_date(c.from),
                iso_date(c.to),
                c.reason,
                assignee_name(&c.by, &assignees),
                iso_date(c.at.date()),
            );
            view! { <li>{line}</li> }
        })
        .collect_view();
    let changed = !appeal.due_changes.is_empty();
    let options = assignees
        .into_iter()
        .map(|a| view! { <option value=a.id>{a.name}</option> })
        .collect_view();
    let due_reason = appeal.due_reason.clone().filter(|_| !changed);
    view! {
        <article class="card appeal" data-appeal=id>
            <h3>
                {appeal.registration_number.clone()} " — " {move || t(R::Due)} " " {iso_date(appeal.due)}
                {appeal.overdue.then(|| view! { " " <strong class="overdue">{move || t(R::Overdue)}</strong> })}
            </h3>
            <p>
                {move || t(R::Registered)} " " {iso_date(appeal.registered_on)} ". "
                {move || t(R::AssignedTo)} ": "
                <span class="assignee">{
                    let assigned = assigned.clone();
                    move || assigned.clone().unwrap_or_else(|| t(R::NotAssigned).to_owned())
                }</span>
            </p>
            {due_reason.map(|r| view! { <p>{move || t(R::ReasonShown)} " " {r}</p> })}
            {changed.then(|| view! {
                <div class="due-changes">
                    <p>{move || t(R::DueChanges)}</p>
                    <ul>{changes}</ul>
                </div>
            })}
            {appeal.takes_part.then(|| view! { <p>{move || t(R::TakesPartShort)}</p> })}
            <div role="alert">
                {move || refused.get().map(|m| view! { <p class="status error">{m}</p> })}
            </div>
            <details>
                <summary>{move || t(R::AssignSummary)}</summary>
                <form class="console-form" novalidate on:submit=assign>
                    <div class="field">
                        <label for=field_id("assignee")>{move || t(R::AssignedTo)}</label>
                        <select id=field_id("assignee") on:change=move |ev| assignee.set(event_target_value(&ev))>
                            <option value="">{move || t(R::ChooseAssignee)}</option>
                            {options}
                        </select>
                    </div>
                    <div class="actions">
                        <button type="submit" disabled=move || busy.get()>{move || t(R::Assign)}</button>
                    </div>
                </form>
            </details>
            <details>
                <summary>{move || t(R::DueSummary)}</summary>
                <form class="console-form" novalidate on:submit=change_due>
                    <div class="field">
                        <label for=field_id("due")>{move || t(R::NewDue)}</label>
                        <input id=field_id("due") type="date" required prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for=field_id("due-reason")>{move || t(R::DueReason)}</label>
                        <textarea id=field_id("due-reason") rows="2" maxlength="500" required prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="actions">
                        <button type="submit" disabled=move || busy.get()>{move || t(R::ChangeDue)}</button>
                    </div>
                </form>
            </details>
            <details>
                <summary>{move || t(R::CloseSummary)}</summary>
                <form class="console-form" novalidate on:submit=close>
                    <div class="field">
                        <label for=field_id("close-reference")>{move || t(R::AnswerReference)}</label>
                        <input id=field_id("close-reference") maxlength="64" required prop:value=move || reference.get() on:input=move |ev| reference.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for=field_id("close-date")>{move || t(R::AnswerDate)}</label>
                        <input id=field_id("close-date") type="date" required prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for=field_id("close-means")>{move || t(R::NotifiedBy)}</label>
                        <select id=field_id("close-means") on:change=move |ev| {
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
                        <label for=field_id("close-notification")>{move || t(R::NotificationReference)}</label>
                        <input id=field_id("close-notification") maxlength="64" required prop:value=move || notification.get() on:input=move |ev| notification.set(event_target_value(&ev)) />
                    </div>
                    <div class="actions">
                        <button type="submit" disabled=move || busy.get()>{move || t(R::Close)}</button>
                    </div>
                </form>
            </details>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_booking_code_is_trimmed_and_in_capitals() {
        assert_eq!(
            booking_code(" 7k3m-q9px-2d4t ").as_deref(),
            Some("7K3M-Q9PX-2D4T")
        );
        assert_eq!(booking_code("   "), None);
    }

    /// R42: the refused assignment is said in the person's language, citing the clause.
    #[test]
    fn r42_the_earlier_decider_refused_cites_r42_in_each_language() {
        let refused = (
            StaffError::Api(ErrorCode::PreviouslyDecided),
            Some("assignee".to_owned()),
        );
        for (lang, clause) in [(Lang::Kk, "42-т."), (Lang::Ru, "п. 42"), (Lang::En, "R42")] {
            let text = refusal(&refused, lang);
            assert_eq!(text, R::ErrPreviouslyDecided.text(lang));
            assert!(text.contains(clause), "{text}");
        }
    }

    /// R44: a due date change the Worker refuses names the field by the form's label; a
    /// booking not yet received is told apart from a ticket not yet called.
    #[test]
    fn r44_refusals_name_the_fields_by_their_labels() {
        let required = |field: &str| (StaffError::Api(ErrorCode::Required), Some(field.to_owned()));
        assert_eq!(
            refusal(&required("due_reason"), Lang::Ru),
            "Заполните: «Причина изменения срока»"
        );
        assert_eq!(
            refusal(&required("due"), Lang::En),
            "Fill in: «New due date»"
        );
        let not_received = |field: &str| {
            (
                StaffError::Api(ErrorCode::NotReceived),
                Some(field.to_owned()),
            )
        };
        assert_eq!(
            refusal(&not_received("received.code"), Lang::Kk),
            R::ErrBookingNotReceived.text(Lang::Kk)
        );
        assert_eq!(
            refusal(&not_received("received.number"), Lang::Kk),
            R::ErrNotReceived.text(Lang::Kk)
        );
        let named = vec![Assignee {
            id: "st_1".into(),
            name: "Т. Орындаушы".into(),
        }];
        assert_eq!(assignee_name("st_1", &named), "Т. Орындаушы");
        assert_eq!(assignee_name("st_2", &named), "st_2");
    }
}
