//! The electronic queue's public pages (R39-3), in their own bundle (src/bin/queue.rs):
//!
//! - `/queue/:office/take`: a phone takes a ticket — the reception's language (R39-4), the
//!   out-of-town mark (R8), an R9 claim — without any personal data, then goes to its page;
//! - `/queue/:office/ticket/:number`: the number, how many are ahead, the numbers called and,
//!   once called, the room; refreshed every few seconds without reloading;
//! - `/queue/:office/kiosk`: the same for a tablet at the entrance, big buttons, kk and ru;
//! - `/queue/:office/board`: the hall's screen: the numbers called and their rooms, large, in
//!   kk and ru, refreshed every 2 seconds, a new call announced visibly (and by sound once a
//!   staff member has turned it on, as browsers allow sound only after a gesture).

use crate::api::FetchError;
use crate::i18n::queue::Q;
use crate::lang::{href, use_lang};
use crate::queue_api::{self, TakeError};
use ::api::queue::{
    Category, QueueState, ReceptionLanguage, Serving, TicketRequest, TicketStatus, TicketView,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};
use rules::queue::PriorityCategory;
use rules::Lang;
use std::time::Duration;

/// Runs `fetch` now and then every `every`, writing each answer into `into`, until the page
/// is left. A failed poll keeps the last answer (the next one tries again).
fn poll<T, F, Fut>(every: Duration, fetch: F, into: RwSignal<Option<Result<T, FetchError>>>)
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + Clone + 'static,
    Fut: std::future::Future<Output = Result<T, FetchError>> + 'static,
{
    let run = move || {
        let fetch = fetch.clone();
        spawn_local(async move {
            let answer = fetch().await;
            let keep_last = matches!(answer, Err(FetchError::Network | FetchError::Server))
                && into.with_untracked(|v| matches!(v, Some(Ok(_))));
            if !keep_last {
                into.set(Some(answer));
            }
        });
    };
    run();
    if let Ok(handle) = set_interval_with_handle(run, every) {
        on_cleanup(move || handle.clear());
    }
}

fn office_param() -> String {
    use_params_map()
        .read_untracked()
        .get("office")
        .unwrap_or_default()
}

fn category_name(c: &Category, lang: Lang) -> String {
    c.name.get(lang).to_owned()
}

/// `/queue/:office/take`.
#[component]
pub fn TakePage() -> impl IntoView {
    let lang = use_lang();
    let t = move |q: Q| q.text(lang.get());
    let office = office_param();
    Effect::new(move |_| super::set_title(Q::TakeTitle.text(lang.get())));
    let state = RwSignal::new(None::<Result<QueueState, FetchError>>);
    {
        let office = office.clone();
        poll(
            Duration::from_secs(30),
            move || {
                let office = office.clone();
                async move { queue_api::state(&office).await }
            },
            state,
        );
    }
    let language = RwSignal::new(if lang.get_untracked() == Lang::Ru {
        ReceptionLanguage::Ru
    } else {
        ReceptionLanguage::Kk
    });
    let out_of_town = RwSignal::new(false);
    let claim = RwSignal::new(None::<PriorityCategory>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<TakeError>);
    let navigate = use_navigate();
    let submit = {
        let office = office.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            error.set(None);
            let request = TicketRequest {
                language: language.get_untracked(),
                out_of_town: out_of_town.get_untracked(),
                priority_claim: claim.get_untracked(),
            };
            let office = office.clone();
            let navigate = navigate.clone();
            spawn_local(async move {
                match queue_api::take(&office, &request).await {
                    Ok(taken) => {
                        let number = taken.ticket.number;
                        queue_api::keep_token(&office, number, &taken.ticket_token);
                        navigate(
                            &href(
                                lang.get_untracked(),
                                &format!("/queue/{office}/ticket/{number}"),
                            ),
                            Default::default(),
                        );
                    }
                    Err(e) => {
                        error.set(Some(e));
                        busy.set(false);
                    }
                }
            });
        }
    };
    let office_link = office.clone();
    view! {
        <nav class="breadcrumbs" aria-label="breadcrumbs">
            <ol>
                <li><a rel="external" href=move || href(lang.get(), &format!("/offices/{office_link}"))>
                    {move || crate::i18n::Msg::BackToDirectory.text(lang.get())}
                </a></li>
            </ol>
        </nav>
        <article class="queue-take">
            <h1>{move || t(Q::TakeTitle)}</h1>
            <p>{move || t(Q::TakeIntro)}</p>
            {move || match state.get() {
                None => view! { <crate::components::status::Loading /> }.into_any(),
                Some(Err(e)) => view! {
                    <crate::components::status::LoadError error=e retry=Callback::new(move |()| { let _ = window().location().reload(); }) />
                }.into_any(),
                Some(Ok(s)) if !s.open || error.get() == Some(TakeError::Closed) => view! {
                    <div class="status closed" role="status">
                        <p><strong>{move || t(Q::Closed)}</strong></p>
                        <p>{move || t(Q::ClosedHint)}</p>
                    </div>
                }.into_any(),
                Some(Ok(s)) => {
                    let categories = s.priority_categories.clone();
                    view! {
                        <form class="queue-form" on:submit=submit.clone()>
                            <fieldset>
                                <legend>{move || t(Q::ReceptionLanguage)}</legend>
                                <label class="choice">
                                    <input type="radio" name="language" value="kk"
                                        prop:checked=move || language.get() == ReceptionLanguage::Kk
                                        on:change=move |_| language.set(ReceptionLanguage::Kk) />
                                    " " {move || t(Q::Kazakh)}
                                </label>
                                <label class="choice">
                                    <input type="radio" name="language" value="ru"
                                        prop:checked=move || language.get() == ReceptionLanguage::Ru
                                        on:change=move |_| language.set(ReceptionLanguage::Ru) />
                                    " " {move || t(Q::Russian)}
                                </label>
                            </fieldset>
                            <label class="choice">
                                <input type="checkbox" name="out_of_town"
                                    aria-describedby="out-of-town-hint"
                                    prop:checked=move || out_of_town.get()
                                    on:change=move |ev| out_of_town.set(event_target_checked(&ev)) />
                                " " {move || t(Q::OutOfTown)}
                            </label>
                            <p id="out-of-town-hint" class="hint">{move || t(Q::OutOfTownHint)}</p>
                            <label for="priority">{move || t(Q::Priority)}</label>
                            <select id="priority" name="priority_claim" aria-describedby="priority-hint"
                                on:change=move |ev| claim.set(PriorityCategory::parse(&event_target_value(&ev)))>
                                <option value="" selected=true>{move || t(Q::PriorityNone)}</option>
                                {categories.into_iter().filter_map(|c| {
                                    let id = c.id.known().copied()?;
                                    Some(view! {
                                        <option value=id.code()>{move || category_name(&c, lang.get())}</option>
                                    })
                                }).collect_view()}
                            </select>
                            <p id="priority-hint" class="hint">{move || t(Q::PriorityHint)}</p>
                            {move || (error.get() == Some(TakeError::Failed)).then(|| view! {
                                <p class="status error" role="alert">{t(Q::Failed)}</p>
                            })}
                            <button type="submit" class="button big" prop:disabled=move || busy.get()>
                                {move || if busy.get() { t(Q::Taking) } else { t(Q::Take) }}
                            </button>
                        </form>
                    }.into_any()
                }
            }}
        </article>
    }
}

/// The numbers called, as a list (the ticket page's and the board's).
#[component]
fn ServingList(serving: Vec<Serving>, #[prop(into)] room: Signal<String>) -> impl IntoView {
    view! {
        <ul class="serving">
            {serving.into_iter().map(|s| view! {
                <li>
                    <span class="serving-number">{s.number}</span>
                    <span class="serving-room">{move || room.get()}" "{s.room.clone()}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// `/queue/:office/ticket/:number`.
#[component]
pub fn TicketPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |q: Q| q.text(lang.get());
    let office = office_param();
    let number: u32 = use_params_map()
        .read_untracked()
        .get("number")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Effect::new(move |_| super::set_title(Q::TicketTitle.text(lang.get())));
    let Some(token) = queue_api::token(&office, number) else {
        return view! {
            <article class="queue-ticket">
                <h1>{move || t(Q::TicketTitle)}</h1>
                <p class="status error" role="alert">{move || t(Q::NoTicket)}</p>
                <p><a class="button" href=move || href(lang.get(), &format!("/queue/{office}/take"))>
                    {move || t(Q::Take)}
                </a></p>
            </article>
        }
        .into_any();
    };
    let view_signal = RwSignal::new(None::<Result<TicketView, FetchError>>);
    {
        let office = office.clone();
        poll(
            Duration::from_secs(3),
            move || {
                let (office, token) = (office.clone(), token.clone());
                async move { queue_api::ticket(&office, number, &token).await }
            },
            view_signal,
        );
    }
    view! {
        <article class="queue-ticket">
            <h1>{move || t(Q::TicketTitle)}</h1>
            <p class="ticket-number">
                <span class="label">{move || t(Q::YourNumber)}</span>
                <span class="big-number">{number}</span>
            </p>
            {move || match view_signal.get() {
                None => view! { <crate::components::status::Loading /> }.into_any(),
                Some(Err(FetchError::NotFound)) => view! {
                    <p class="status error" role="alert">{t(Q::NoTicket)}</p>
                }.into_any(),
                Some(Err(e)) => view! {
                    <crate::components::status::LoadError error=e retry=Callback::new(move |()| { let _ = window().location().reload(); }) />
                }.into_any(),
                Some(Ok(v)) => {
                    let status = v.ticket.status.known().copied();
                    let called = (status == Some(TicketStatus::Called)).then(|| v.room.clone().unwrap_or_default());
                    view! {
                        <div class="ticket-state" aria-live="polite">
                            {match (status, called) {
                                (_, Some(room)) => view! {
                                    <p class="status called" role="alert">
                                        <strong>{t(Q::YouAreCalled)}</strong>" "
                                        {t(Q::GoToRoom)}" "<strong class="room">{room}</strong>
                                    </p>
                                }.into_any(),
                                (Some(TicketStatus::Waiting), None) => view! {
                                    <p class="ahead">{t(Q::Ahead)}": "<strong>{v.ticket.ahead}</strong></p>
                                    <p class="hint">{t(Q::StatusWaiting)}</p>
                                }.into_any(),
                                (Some(TicketStatus::Absent), None) => view! {
                                    <p class="status">{t(Q::StatusAbsent)}</p>
                                }.into_any(),
                                _ => view! { <p class="status">{t(Q::StatusFinished)}</p> }.into_any(),
                            }}
                        </div>
                        <section aria-labelledby="now-called">
                            <h2 id="now-called">{t(Q::NowCalled)}</h2>
                            {if v.serving.is_empty() {
                                view! { <p class="muted">{t(Q::NobodyCalled)}</p> }.into_any()
                            } else {
                                view! { <ServingList serving=v.serving.clone() room=Signal::derive(move || t(Q::Room).to_owned()) /> }.into_any()
                            }}
                        </section>
                    }.into_any()
                }
            }}
            <p class="hint">{move || t(Q::KeepPage)}</p>
        </article>
    }
    .into_any()
}

/// Both languages of the hall (R39-4): Kazakh first, then Russian.
fn both(q: Q) -> String {
    format!("{} / {}", q.text(Lang::Kk), q.text(Lang::Ru))
}

/// A short tone, where the browser allows sound (after a gesture on the page).
fn beep(context: &web_sys::AudioContext) {
    let Ok(oscillator) = context.create_oscillator() else {
        return;
    };
    let Ok(gain) = context.create_gain() else {
        return;
    };
    gain.gain().set_value(0.2);
    oscillator.frequency().set_value(880.0);
    let _ = oscillator.connect_with_audio_node(&gain);
    let _ = gain.connect_with_audio_node(&context.destination());
    let now = context.current_time();
    let _ = oscillator.start_with_when(now);
    let _ = oscillator.stop_with_when(now + 0.6);
}

/// `/queue/:office/board`.
#[component]
pub fn BoardPage() -> impl IntoView {
    let office = office_param();
    super::set_title(&both(Q::BoardTitle));
    let state = RwSignal::new(None::<Result<QueueState, FetchError>>);
    {
        let office = office.clone();
        poll(
            Duration::from_secs(2),
            move || {
                let office = office.clone();
                async move { queue_api::state(&office).await }
            },
            state,
        );
    }
    // A call is new when its (number, called_at) was not on the board before: a recall
    // changes `called_at` and is announced again.
    let seen = StoredValue::new(None::<Vec<(u32, String)>>);
    let announcement = RwSignal::new(None::<Serving>);
    let sound = StoredValue::new_local(None::<web_sys::AudioContext>);
    Effect::new(move |_| {
        let Some(Ok(s)) = state.get() else {
            return;
        };
        let now: Vec<(u32, String)> = s
            .serving
            .iter()
            .map(|c| (c.number, c.called_at.to_string()))
            .collect();
        let before = seen.get_value();
        if let Some(before) = before {
            if let Some(new) = s
                .serving
                .iter()
                .find(|c| !before.contains(&(c.number, c.called_at.to_string())))
            {
                announcement.set(Some(new.clone()));
                sound.with_value(|ctx| {
                    if let Some(ctx) = ctx {
                        beep(ctx);
                    }
                });
            }
        }
        seen.set_value(Some(now));
    });
    let enable_sound = move |_| {
        if let Ok(ctx) = web_sys::AudioContext::new() {
            beep(&ctx);
            sound.set_value(Some(ctx));
        }
    };
    view! {
        <article class="queue-board" lang="kk">
            <h1>
                <span lang="kk">{Q::BoardTitle.text(Lang::Kk)}</span>
                <span class="sep" aria-hidden="true">" / "</span>
                <span lang="ru">{Q::BoardTitle.text(Lang::Ru)}</span>
            </h1>
            <div class="board-announce" role="alert" aria-live="assertive">
                {move || announcement.get().map(|s| view! {
                    <p class="announce" >
                        <span class="big-number">{s.number}</span>
                        <span class="arrow" aria-hidden="true">" → "</span>
                        <span lang="kk">{Q::Room.text(Lang::Kk)}</span>" "
                        <strong class="room">{s.room.clone()}</strong>
                    </p>
                })}
            </div>
            <table class="board-table">
                <caption>{both(Q::NowCalled)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{both(Q::Number)}</th>
                        <th scope="col">{both(Q::Room)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || match state.get() {
                        Some(Ok(s)) => s.serving.iter().map(|c| view! {
                            <tr>
                                <td class="big-number">{c.number}</td>
                                <td class="room">{c.room.clone()}</td>
                            </tr>
                        }).collect_view().into_any(),
                        _ => ().into_any(),
                    }}
                </tbody>
            </table>
            <p class="board-waiting">
                {both(Q::Waiting)}": "
                <strong>{move || match state.get() {
                    Some(Ok(s)) => s.waiting.to_string(),
                    _ => "…".to_owned(),
                }}</strong>
            </p>
            {move || sound.with_value(Option::is_none).then(|| view! {
                <button type="button" class="button sound" on:click=enable_sound>{both(Q::SoundOn)}</button>
            })}
        </article>
    }
}

/// The kiosk's steps.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Language,
    Priority(ReceptionLanguage),
    OutOfTown(ReceptionLanguage, Option<PriorityCategory>),
    Issuing,
    Issued(u32),
    Failed(TakeError),
}

/// `/queue/:office/kiosk`: a tablet at the entrance; every text in kk and ru.
#[component]
pub fn KioskPage() -> impl IntoView {
    let office = office_param();
    super::set_title(&both(Q::KioskTitle));
    let state = RwSignal::new(None::<Result<QueueState, FetchError>>);
    {
        let office = office.clone();
        poll(
            Duration::from_secs(30),
            move || {
                let office = office.clone();
                async move { queue_api::state(&office).await }
            },
            state,
        );
    }
    let step = RwSignal::new(Step::Language);
    let take = {
        let office = office.clone();
        move |language: ReceptionLanguage, claim: Option<PriorityCategory>, out_of_town: bool| {
            step.set(Step::Issuing);
            let office = office.clone();
            spawn_local(async move {
                let request = TicketRequest {
                    language,
                    out_of_town,
                    priority_claim: claim,
                };
                match queue_api::take(&office, &request).await {
                    Ok(taken) => {
                        step.set(Step::Issued(taken.ticket.number));
                        // The next person starts afresh.
                        let _ = set_timeout_with_handle(
                            move || {
                                if matches!(step.get_untracked(), Step::Issued(_)) {
                                    step.set(Step::Language);
                                }
                            },
                            Duration::from_secs(20),
                        );
                    }
                    Err(e) => step.set(Step::Failed(e)),
                }
            });
        }
    };
    let categories = move || match state.get() {
        Some(Ok(s)) => s.priority_categories,
        _ => Vec::new(),
    };
    let open = move || matches!(state.get(), Some(Ok(s)) if s.open);
    view! {
        <article class="queue-kiosk">
            <h1>{both(Q::KioskTitle)}</h1>
            {move || {
                if state.get().is_some() && !open() && !matches!(step.get(), Step::Issued(_)) {
                    return view! {
                        <div class="status closed" role="status">
                            <p><strong lang="kk">{Q::Closed.text(Lang::Kk)}</strong></p>
                            <p lang="ru"><strong>{Q::Closed.text(Lang::Ru)}</strong></p>
                            <p lang="kk">{Q::ClosedHint.text(Lang::Kk)}</p>
                            <p lang="ru">{Q::ClosedHint.text(Lang::Ru)}</p>
                        </div>
                    }.into_any();
                }
                let take = take.clone();
                match step.get() {
                    Step::Language => view! {
                        <h2>{both(Q::KioskChooseLanguage)}</h2>
                        <div class="kiosk-buttons">
                            <button type="button" class="button kiosk" lang="kk"
                                on:click=move |_| step.set(Step::Priority(ReceptionLanguage::Kk))>
                                "ҚАЗАҚША"
                            </button>
                            <button type="button" class="button kiosk" lang="ru"
                                on:click=move |_| step.set(Step::Priority(ReceptionLanguage::Ru))>
                                "НА РУССКОМ"
                            </button>
                        </div>
                    }.into_any(),
                    Step::Priority(language) => {
                        let l = if language == ReceptionLanguage::Ru { Lang::Ru } else { Lang::Kk };
                        view! {
                            <h2 lang=l.code()>{Q::KioskPriorityQuestion.text(l)}</h2>
                            <p class="hint" lang=l.code()>{Q::PriorityHint.text(l)}</p>
                            <div class="kiosk-buttons">
                                <button type="button" class="button kiosk" lang=l.code()
                                    on:click=move |_| step.set(Step::OutOfTown(language, None))>
                                    {Q::KioskNoPriority.text(l)}
                                </button>
                                {categories().into_iter().filter_map(|c| {
                                    let id = c.id.known().copied()?;
                                    Some(view! {
                                        <button type="button" class="button kiosk secondary" lang=l.code()
                                            on:click=move |_| step.set(Step::OutOfTown(language, Some(id)))>
                                            {category_name(&c, l)}
                                        </button>
                                    })
                                }).collect_view()}
                            </div>
                        }.into_any()
                    }
                    Step::OutOfTown(language, claim) => {
                        let l = if language == ReceptionLanguage::Ru { Lang::Ru } else { Lang::Kk };
                        let yes = take.clone();
                        let no = take.clone();
                        view! {
                            <h2 lang=l.code()>{Q::KioskOutOfTownQuestion.text(l)}</h2>
                            <div class="kiosk-buttons">
                                <button type="button" class="button kiosk" lang=l.code()
                                    on:click=move |_| yes(language, claim, true)>{Q::Yes.text(l)}</button>
                                <button type="button" class="button kiosk" lang=l.code()
                                    on:click=move |_| no(language, claim, false)>{Q::No.text(l)}</button>
                            </div>
                        }.into_any()
                    }
                    Step::Issuing => view! {
                        <p class="status" role="status">{both(Q::Taking)}</p>
                    }.into_any(),
                    Step::Issued(number) => view! {
                        <div class="kiosk-ticket" role="status">
                            <p>{both(Q::KioskYourTicket)}</p>
                            <p class="big-number">{number}</p>
                            <p lang="kk">{Q::KioskRemember.text(Lang::Kk)}</p>
                            <p lang="ru">{Q::KioskRemember.text(Lang::Ru)}</p>
                            <button type="button" class="button kiosk"
                                on:click=move |_| step.set(Step::Language)>{both(Q::KioskDone)}</button>
                        </div>
                    }.into_any(),
                    Step::Failed(e) => view! {
                        <p class="status error" role="alert">{both(if e == TakeError::Closed { Q::Closed } else { Q::Failed })}</p>
                        <button type="button" class="button kiosk"
                            on:click=move |_| step.set(Step::Language)>{both(Q::KioskDone)}</button>
                    }.into_any(),
                }
            }}
        </article>
    }
}
