//! `/bookings/:code#t=<token>`: the applicant's own booking — its status and reception — with
//! a cancel that frees the place. The token comes in the URL's fragment (never sent to a
//! server), is kept on this device for the code, and is removed from the address bar.

use crate::booking_api::{self, Booking, CancelError};
use crate::components::status::Fetched;
use crate::i18n::booking::B;
use crate::i18n::Msg;
use crate::lang::{href, use_lang};
use crate::pages::booking::details::BookingDetails;
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
        return view! {
            <h1>{move || B::ManageTitle.text(lang.get())}</h1>
            <NotFoundBooking />
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
        view! {
            <BookingDetails booking=b />
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
