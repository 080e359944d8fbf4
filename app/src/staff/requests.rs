//! The requests inbox (R15, R30; registrar): the office's `requested` bookings as the Worker
//! orders them (overdue first, then oldest), with their due dates and the units' agreement
//! mark (R19, R33); one request's whole booking (an audited read of personal data); confirm,
//! or refuse on a ground of the official's kind's rule set (R17, R23, R31) with an
//! explanation to the applicant (R18, R24, R32).

use super::api::{self, StaffError};
use super::form::{error_text, refused_text, set_title, ReasonFields, ReasonInputs};
use super::layout::{ForRole, Waiting};
use super::screen::Screen;
use super::session::use_session;
use super::transfer::{moved_text, AgreementPanel, ForwardPanel, ReassignPanel};
use crate::i18n::staff::{self as t, S};
use crate::lang::use_lang;
use crate::pages::booking::focus_later;
use ::api::decisions::{DecisionInput, DecisionKind, ReleaseInput, StaffBooking};
use ::api::Lenient;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::booking::BookingStatus;
use rules::dates::{almaty, iso_date};

/// `2026-12-07 10:00`, Astana time: when the reception starts.
fn reception_start(b: &StaffBooking) -> String {
    let local = almaty(b.booking.reception.reception.start);
    format!(
        "{} {:02}:{:02}",
        iso_date(local.date()),
        local.hour(),
        local.minute()
    )
}

fn applicant_name(b: &StaffBooking) -> String {
    let a = &b.applicant;
    [&a.surname, &a.given_name, &a.patronymic]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// R19, R33: whether the request waits for the units' agreement before it can be confirmed.
fn agreement_mark(b: &StaffBooking) -> Option<S> {
    (!b.agreement.needed.is_empty()).then_some(if b.agreement.recorded_at.is_some() {
        S::AgreementRecorded
    } else {
        S::AgreementNeeded
    })
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::RequestsTitle);
    view! {
        <h1>{move || S::RequestsTitle.text(lang.get())}</h1>
        <ForRole screen=Screen::Requests let:_member>
            <Inbox />
        </ForRole>
    }
}

#[component]
fn Inbox() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let requests = RwSignal::new(None::<Result<Vec<StaffBooking>, StaffError>>);
    let open = RwSignal::new(None::<Result<StaffBooking, StaffError>>);
    let done = RwSignal::new(None::<String>);

    let load = move || {
        requests.set(None);
        spawn_local(async move {
            match api::requests().await.map(|r| r.requests) {
                Err(e) if !session.keeps(&e) => {}
                r => requests.set(Some(r)),
            }
        });
    };
    load();
    let show = move |code: String| {
        open.set(None);
        done.set(None);
        spawn_local(async move {
            match api::staff_booking(&code).await.map(|b| b.booking) {
                Err(e) if !session.keeps(&e) => {}
                r => {
                    open.set(Some(r));
                    // Keyboard and screen-reader users land on the request they opened.
                    focus_later("detail-heading".into());
                }
            }
        });
    };
    let decided = Callback::new(move |b: StaffBooking| {
        done.set(Some(t::decided(
            &b.booking.code,
            matches!(b.booking.status, Lenient::Known(BookingStatus::Confirmed)),
            lang.get_untracked(),
        )));
        open.set(None);
        load();
        focus_later("requests-outcome".into());
    });
    let changed = Callback::new(move |b: StaffBooking| {
        done.set(Some(
            S::AgreementSaved.text(lang.get_untracked()).to_owned(),
        ));
        open.set(Some(Ok(b)));
        focus_later("requests-outcome".into());
    });
    let selected = RwSignal::new(Vec::<String>::new());
    let released = Callback::new(move |n: usize| {
        done.set(Some(t::released(n, lang.get_untracked())));
        selected.set(Vec::new());
        open.set(None);
        load();
        focus_later("requests-outcome".into());
    });
    let moved = Callback::new(move |b: StaffBooking| {
        done.set(Some(moved_text(&b, lang.get_untracked())));
        open.set(None);
        load();
        focus_later("requests-outcome".into());
    });

    view! {
        <p class="lead">{move || t(S::RequestsIntro)}</p>
        <div aria-live="polite" id="requests-outcome" tabindex="-1">
            {move || done.get().map(|m| view! { <p class="status success" role="status">{m}</p> })}
        </div>
        {move || match requests.get() {
            None => view! { <Waiting /> }.into_any(),
            Some(Err(e)) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
            Some(Ok(all)) if all.is_empty() => view! { <p>{t(S::NoRequests)}</p> }.into_any(),
            Some(Ok(all)) => {
                let rows = all
                    .into_iter()
                    .map(|b| {
                        let code = b.booking.code.clone();
                        let label = t::open_request(&code, lang.get_untracked());
                        let overdue = b.due.overdue;
                        let due = b.due.decision.map(iso_date).unwrap_or_default();
                        let note = b.due.note.map(iso_date);
                        let mark = agreement_mark(&b);
                        let fast = b.filling_fast;
                        let select = t::select_label(&code, lang.get_untracked());
                        let checked = {
                            let code = code.clone();
                            move || selected.with(|s| s.contains(&code))
                        };
                        let toggle = {
                            let code = code.clone();
                            move |ev| {
                                let on = event_target_checked(&ev);
                                selected.update(|s| {
                                    s.retain(|c| c != &code);
                                    if on {
                                        s.push(code.clone());
                                    }
                                });
                            }
                        };
                        view! {
                            <tr class:overdue=overdue>
                                <td>
                                    <input type="checkbox" aria-label=select prop:checked=checked on:change=toggle />
                                </td>
                                <td>
                                    <button type="button" class="link" aria-label=label on:click={
                                        let code = code.clone();
                                        move |_| show(code.clone())
                                    }>{code.clone()}</button>
                                    {fast.map(|f| view! {
                                        <br />
                                        <strong class="filling-fast">{move || t::filling_fast(f.last_hour, f.capacity, lang.get())}</strong>
                                    })}
                                </td>
                                <td>{reception_start(&b)}</td>
                                <td>{applicant_name(&b)}</td>
                                <td>
                                    {due}
                                    {overdue.then(|| view! { " " <strong class="overdue-mark">{move || t(S::Overdue)}</strong> })}
                                </td>
                                <td>{note}</td>
                                <td>{mark.map(|m| move || t(m))}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="requests-caption">
                        <table class="list-table">
                            <caption id="requests-caption">{move || t(S::RequestsCaption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || t(S::SelectCol)}</th>
                                    <th scope="col">{move || t(S::ColCode)}</th>
                                    <th scope="col">{move || t(S::Reception)}</th>
                                    <th scope="col">{move || t(S::ColName)}</th>
                                    <th scope="col">{move || t(S::DueDecision)}</th>
                                    <th scope="col">{move || t(S::DueNote)}</th>
                                    <th scope="col">{move || t(S::Agreement)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <Release selected released />
                }
                .into_any()
            }
        }}
        {move || open.get().map(|r| match r {
            Err(e) => view! { <p class="status error" role="alert">{error_text(&e, lang.get())}</p> }.into_any(),
            Ok(b) => view! { <Detail booking=b decided changed moved /> }.into_any(),
        })}
    }
}

/// One request, whole, with the decision.
#[component]
fn Detail(
    booking: StaffBooking,
    decided: Callback<StaffBooking>,
    changed: Callback<StaffBooking>,
    moved: Callback<StaffBooking>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let code = booking.booking.code.clone();
    let a = booking.applicant.clone();
    let document = a.iin.clone().or(a.passport.clone()).unwrap_or_default();
    let substance = booking.matter.substance.clone().unwrap_or_default();
    let grounds = booking.grounds.clone();
    let clause = RwSignal::new(String::new());
    let explanation = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let language = booking.booking.language;
    let office = booking.booking.reception.office_id.clone();
    let current = booking.booking.reception.reception.id.clone();
    let agreement = (!booking.agreement.needed.is_empty())
        .then(|| view! { <AgreementPanel booking=booking.clone() changed /> });

    let send = move |input: DecisionInput| {
        let code = code.clone();
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = api::decide(&code, &input).await;
            busy.set(false);
            match answer {
                Ok(b) => decided.run(b.booking),
                Err(e) if !session.keeps(&e) => {}
                Err(e) => error.set(Some(error_text(&e, lang.get_untracked()))),
            }
        });
    };
    let confirm = {
        let send = send.clone();
        move |_| {
            send(DecisionInput {
                decision: DecisionKind::Confirm,
                clause: None,
                explanation: None,
            })
        }
    };
    let refuse = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, e) = (clause.get_untracked(), explanation.get_untracked());
        if c.is_empty() || e.trim().is_empty() {
            error.set(Some(S::Required.text(lang.get_untracked()).to_owned()));
            return;
        }
        send(DecisionInput {
            decision: DecisionKind::Refuse,
            clause: Some(c),
            explanation: Some(e),
        });
    };
    let ground_text = {
        let grounds = grounds.clone();
        move || {
            grounds
                .iter()
                .find(|g| g.clause == clause.get())
                .map(|g| g.explanation.get(lang.get()).to_owned())
        }
    };
    let options = grounds
        .into_iter()
        .map(|g| {
            let value = g.clause.clone();
            let label = move || format!("{} — {}", g.clause, g.explanation.get(lang.get()));
            view! { <option value=value>{label}</option> }
        })
        .collect_view();

    view! {
        <section class="request-detail" aria-labelledby="detail-heading">
            <h2 id="detail-heading" tabindex="-1">{t::request_heading(&booking.booking.code, lang.get_untracked())}</h2>
            <dl class="facts">
                <dt>{move || t(S::ColName)}</dt><dd>{applicant_name(&booking)}</dd>
                <dt>{move || t(S::ColDocument)}</dt><dd>{document}</dd>
                <dt>{move || t(S::ColPhone)}</dt><dd>{a.phone.clone().unwrap_or_default()}</dd>
                <dt>{move || t(S::Reception)}</dt><dd>{reception_start(&booking)}</dd>
                <dt>{move || t(S::ColSubstance)}</dt><dd class="substance">{substance}</dd>
                <dt>{move || t(S::Agreement)}</dt><dd>{agreement_mark(&booking).map(|m| move || t(m))}</dd>
            </dl>
            {agreement}
            <div aria-live="assertive">
                {move || error.get().map(|e| view! { <p class="status error" role="alert">{e}</p> })}
            </div>
            <div class="actions">
                <button type="button" on:click=confirm disabled=move || busy.get()>{move || t(S::Confirm)}</button>
            </div>
            <form class="console-form" novalidate on:submit=refuse>
                <fieldset class="group">
                    <legend>{move || t(S::Refuse)}</legend>
                    <div class="field">
                        <label for="refuse-ground">{move || t(S::Ground)}</label>
                        <select id="refuse-ground" on:change=move |ev| clause.set(event_target_value(&ev))>
                            <option value="">{move || t(S::ChooseGround)}</option>
                            {options}
                        </select>
                        <p class="hint">{ground_text}</p>
                    </div>
                    <div class="field">
                        <label for="refuse-explanation">{move || t::explanation_label(language, lang.get())}</label>
                        <textarea id="refuse-explanation" rows="5" prop:value=move || explanation.get()
                            on:input=move |ev| explanation.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="actions">
                        <button type="submit" class="danger" disabled=move || busy.get()>{move || t(S::Refuse)}</button>
                    </div>
                </fieldset>
            </form>
            <ForwardPanel code=booking.booking.code.clone() office=office.clone() moved />
            <ReassignPanel code=booking.booking.code.clone() office current moved />
        </section>
    }
}

/// Release the selected bookings at once with a reason (abuse of registration), after a
/// confirmation naming how many.
#[component]
fn Release(selected: RwSignal<Vec<String>>, released: Callback<usize>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let reason = ReasonFields::new();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let ask = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        if selected.with_untracked(Vec::is_empty) {
            error.set(Some(t(S::NothingSelected).to_owned()));
        } else if reason.reason().is_none() {
            error.set(Some(t(S::Required).to_owned()));
        } else {
            confirming.set(true);
        }
    };
    let release = move |_| {
        let Some(reason) = reason.reason() else {
            return;
        };
        let codes = selected.get_untracked();
        confirming.set(false);
        busy.set(true);
        spawn_local(async move {
            let answer = api::release(&ReleaseInput { codes, reason }).await;
            busy.set(false);
            match answer {
                Ok(r) => released.run(r.released.len()),
                Err((e, _)) if !session.keeps(&e) => {}
                Err(r) => error.set(Some(refused_text(&r, lang.get_untracked()))),
            }
        });
    };
    view! {
        <form class="console-form release" novalidate on:submit=ask>
            <fieldset class="group">
                <legend>{move || t(S::ReleaseTitle)}</legend>
                <p class="hint">{move || t(S::ReleaseIntro)}</p>
                <ReasonInputs prefix="release" reason />
                <div role="alert">
                    {move || error.get().map(|e| view! { <p class="status error">{e}</p> })}
                </div>
                {move || if confirming.get() {
                    view! {
                        <div class="confirm" role="group" aria-labelledby="release-confirm">
                            <p id="release-confirm">{t::release_confirm(selected.with(Vec::len), lang.get())}</p>
                            <div class="actions">
                                <button type="button" class="danger" on:click=release>{move || t(S::ReleaseYes)}</button>
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{move || t(S::Back)}</button>
                            </div>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <div class="actions">
                            <button type="submit" class="danger" disabled=move || busy.get()>
                                {move || t::release_button(selected.with(Vec::len), lang.get())}
                            </button>
                        </div>
                    }
                    .into_any()
                }}
            </fieldset>
        </form>
    }
}
