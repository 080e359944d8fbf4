//! `/bookings/:code#t=<token>`: the applicant's own booking — its status and reception — with
//! a cancel that frees the place. The token comes in the URL's fragment (never sent to a
//! server), is kept on this device for the code, and is removed from the address bar.
//!
//! A decision shows as the booking carries it: a refusal with its clause, the officer's
//! explanation in the applicant's language and what to do instead (R18, R24, R32); an
//! office's cancellation with its reason; a request moved to another office or official
//! (R3.d, R27) with the booking that continues it, opened with the same token.

use crate::booking_api::{self, Booking, CancelError};
use crate::components::status::Fetched;
use crate::i18n::booking::{clause_text, B};
use crate::i18n::slip::S;
use crate::i18n::Msg;
use crate::lang::{href, use_lang};
use crate::pages::booking::confirmation::manage_path;
use crate::pages::booking::details::BookingDetails;
use crate::pages::booking::slip::Slip;
use crate::pages::booking::{focus_later, forget_confirmation};
use crate::storage;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};
use wasm_bindgen::JsValue;

#[derive(Debug, Clone, PartialEq)]
enum CancelUi {
    Idle,
    Confirming,
    Cancelling,
    Done,
    Failed(CancelError),
}

/// The token of the link just opened, if any; the fragment leaves the address bar.
fn token_from_link(code: &str) -> Option<String> {
    let location = use_location();
    let hash = location.hash.get_untracked();
    let hash = if hash.is_empty() {
        window().location().hash().unwrap_or_default()
    } else {
        hash
    };
    let token = hash
        .trim_start_matches('#')
        .strip_prefix("t=")
        .filter(|t| !t.is_empty())?
        .to_owned();
    storage::set_manage_token(code, &token, None);
    let l = window().location();
    let clean = format!(
        "{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&clean));
    }
    Some(token)
}

#[component]
pub fn ManagePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let code = params.read_untracked().get("code").unwrap_or_default();
    let token = token_from_link(&code).or_else(|| storage::manage_token(&code));
    Effect::new(move |_| super::set_title(B::ManageTitle.text(lang.get())));

    let Some(token) = token else {
        // Without the token nothing is asked of the server: the page is the same whether
        // the code exists or not.
        return view! {
            <h1>{move || B::ManageTitle.text(lang.get())}</h1>
            <NoToken />
        }
        .into_any();
    };
    let booking = {
        let (code, token) = (code.clone(), token.clone());
        LocalResource::new(move || {
            let (code, token) = (code.clone(), token.clone());
            async move { booking_api::get(&code, &token).await }
        })
    };
    // The cancel, an action run at most once at a time; its outcome stays for the status line.
    let cancel = {
        let (code, token) = (code.clone(), token.clone());
        Action::new_local(move |reception_id: &String| {
            let (code, token) = (code.clone(), token.clone());
            let reception_id = reception_id.clone();
            async move {
                let outcome = booking_api::cancel(&code, &token).await;
                if outcome.is_ok() {
                    forget_confirmation(&reception_id);
                    booking.refetch();
                }
                focus_later("cancel-status".into());
                outcome
            }
        })
    };
    let (cancelling, outcome) = (cancel.pending(), cancel.value());
    // "Do you really want to cancel?" before the action is dispatched.
    let confirming = RwSignal::new(false);
    let cancel_ui = move || {
        if confirming.get() {
            CancelUi::Confirming
        } else if cancelling.get() {
            CancelUi::Cancelling
        } else {
            match outcome.get() {
                None => CancelUi::Idle,
                Some(Ok(())) => CancelUi::Done,
                Some(Err(e)) => CancelUi::Failed(e),
            }
        }
    };

    let (kept_code, kept_token) = (code.clone(), token.clone());
    let body = move |b: Booking| {
        // The reception's day, known now: the token leaves this device after it.
        storage::set_manage_token(&kept_code, &kept_token, Some(b.reception.reception.date));
        let active = b.holds_place();
        let reception_id = b.reception.reception.id.clone();
        let office = b.reception.office_id.clone();
        let actions = move || {
            let lang = lang.get();
            let reception_id = reception_id.clone();
            match cancel_ui() {
                // A failed attempt may be tried again, as its message says.
                CancelUi::Idle | CancelUi::Failed(CancelError::Network | CancelError::Other)
                    if active =>
                {
                    view! {
                        <button type="button" class="danger" on:click=move |_| {
                            confirming.set(true);
                            focus_later("cancel-confirm".into());
                        }>
                            {B::Cancel.text(lang)}
                        </button>
                    }
                    .into_any()
                }
                CancelUi::Confirming => view! {
                    <div class="confirm" id="cancel-confirm" tabindex="-1" role="group"
                        aria-labelledby="cancel-confirm-text">
                        <p id="cancel-confirm-text">{B::CancelConfirm.text(lang)}</p>
                        <div class="actions">
                            <button type="button" class="danger"
                                on:click=move |_| {
                                    confirming.set(false);
                                    cancel.dispatch_local(reception_id.clone());
                                }>
                                {B::CancelYes.text(lang)}
                            </button>
                            <button type="button" class="secondary"
                                on:click=move |_| confirming.set(false)>
                                {B::CancelNo.text(lang)}
                            </button>
                        </div>
                    </div>
                }
                .into_any(),
                _ => ().into_any(),
            }
        };
        let decision = view! { <Decision booking=b.clone() token=token.clone() /> };
        let url = {
            let (code, token) = (kept_code.clone(), kept_token.clone());
            let origin = window().location().origin().unwrap_or_default();
            Signal::derive(move || format!("{origin}{}", manage_path(&code, &token, lang.get())))
        };
        view! {
            <Slip booking=b manage_url=url />
            {decision}
            <div class="manage-actions">{actions}</div>
            <p>
                <a href=move || href(lang.get(), &format!("/offices/{office}")) rel="external">
                    {move || Msg::BackToOffice.text(lang.get())}
                </a>
            </p>
        }
    };
    let status = move || {
        let lang = lang.get();
        match cancel_ui() {
            CancelUi::Cancelling => view! {
                <p class="status loading">
                    <span class="spinner" aria-hidden="true"></span>
                    {B::Cancelling.text(lang)}
                </p>
            }
            .into_any(),
            CancelUi::Done => {
                view! { <p class="notice">{B::CancelledNow.text(lang)}</p> }.into_any()
            }
            CancelUi::Failed(e) => {
                let text = match e {
                    CancelError::Started => B::ReceptionStarted,
                    CancelError::NotFound => B::BookingNotFound,
                    CancelError::Network | CancelError::Other => B::CancelFailed,
                };
                view! { <div class="status error"><p>{text.text(lang)}</p></div> }.into_any()
            }
            _ => ().into_any(),
        }
    };
    view! {
        <article class="manage">
            <h1>{move || B::ManageTitle.text(lang.get())}</h1>
            <div id="cancel-status" tabindex="-1" role="status">{status}</div>
            <Fetched resource=booking not_found=|| view! { <NotFoundBooking /> } children=body />
        </article>
    }
    .into_any()
}

#[component]
fn NotFoundBooking() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="status error">{move || B::BookingNotFound.text(lang.get())}</p>
        <p><a href=move || href(lang.get(), "/") rel="external">{move || Msg::BackToDirectory.text(lang.get())}</a></p>
    }
}

/// `/bookings/{code}` opened without its token: how to get back in — the link (or its QR
/// code), this device's "My bookings", or the office by phone.
#[component]
fn NoToken() -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    view! {
        <section class="no-token" aria-labelledby="no-token-heading">
            <h2 id="no-token-heading">{move || t(S::NoTokenTitle)}</h2>
            <p>{move || t(S::NoTokenLink)}</p>
            <p>
                {move || t(S::NoTokenDevice)}" "
                <a href=move || href(lang.get(), crate::pages::my_bookings::PATH)>{move || t(S::MyBookings)}</a>
            </p>
            <p>{move || t(S::NoTokenOffice)}</p>
            <p><a href=move || href(lang.get(), "/") rel="external">{move || Msg::BackToDirectory.text(lang.get())}</a></p>
        </section>
    }
}

/// What the office decided, as the booking carries it (nothing for a booking it has not).
#[component]
fn Decision(booking: Booking, token: String) -> impl IntoView {
    let lang = use_lang();
    let refusal = booking.refusal.clone().map(|r| {
        // The explanation is in the booking's language (R18, R24, R32), whatever the page's.
        let written_in = booking.language.code();
        let alternatives = r
            .alternatives
            .iter()
            .filter_map(|a| a.known())
            .map(|a| {
                let text = a.text();
                view! { <li data-alternative=a.code()>{move || text.get(lang.get()).to_owned()}</li> }
            })
            .collect_view();
        let clause = r.clause.clone();
        view! {
            <section class="refusal decision" aria-labelledby="refusal-heading" data-clause=r.clause.clone()>
                <h2 id="refusal-heading">{move || B::RefusalHeading.text(lang.get())}</h2>
                <p class="clause">{move || clause_text(&clause, lang.get())}</p>
                <h3>{move || B::RefusalExplanation.text(lang.get())}</h3>
                <p class="explanation" lang=written_in>{r.explanation.clone()}</p>
                <h3>{move || B::Alternatives.text(lang.get())}</h3>
                <ul class="alternatives">{alternatives}</ul>
                <p><a href=move || href(lang.get(), "/") rel="external">{move || B::FindDistrictOffice.text(lang.get())}</a></p>
            </section>
        }
    });
    let reason = booking.office_reason.clone().map(|r| {
        let text = move || match lang.get() {
            rules::Lang::Kk => r.kk.clone(),
            rules::Lang::Ru => r.ru.clone(),
            rules::Lang::En => r.en.clone().unwrap_or_else(|| r.ru.clone()),
        };
        view! {
            <section class="decision office-reason" aria-labelledby="reason-heading">
                <h2 id="reason-heading">{move || B::OfficeReasonHeading.text(lang.get())}</h2>
                <p>{text}</p>
            </section>
        }
    });
    let forwarded = booking
        .forwarded_to
        .clone()
        .map(|code| view! { <Forwarded code token /> });
    view! { {refusal} {reason} {forwarded} }
}

/// R3.d, R27: the booking that continues a moved request — its office, when and where —
/// opened with the same token (kept on this device for the new code too).
#[component]
fn Forwarded(code: String, token: String) -> impl IntoView {
    let lang = use_lang();
    let next = {
        let (code, token) = (code.clone(), token.clone());
        LocalResource::new(move || {
            let (code, token) = (code.clone(), token.clone());
            async move { booking_api::get(&code, &token).await }
        })
    };
    storage::set_manage_token(&code, &token, None);
    let body = move |b: Booking| {
        let office = b.reception.office_id.clone();
        let path = format!("/bookings/{}", b.code);
        let name = LocalResource::new({
            let office = office.clone();
            move || crate::api::office(office.to_string())
        });
        let office_name = move || {
            name.get()
                .and_then(|r| r.ok())
                .map(|d| d.office.name.get(lang.get()).to_owned())
                .unwrap_or_else(|| office.to_string())
        };
        view! {
            <p class="forwarded-office">{office_name}</p>
            <BookingDetails booking=b />
            <p><a href=move || href(lang.get(), &path) rel="external">{move || B::OpenForwarded.text(lang.get())}</a></p>
        }
    };
    view! {
        <section class="decision forwarded" aria-labelledby="forwarded-heading">
            <h2 id="forwarded-heading">{move || B::ForwardedHeading.text(lang.get())}</h2>
            <Fetched resource=next not_found=|| () children=body />
        </section>
    }
}
