//! After the booking: its code and status (`requested`: staff review it while the place is
//! held, R15 / R30), when and where, what to bring (R10), the calendar file, and the manage
//! link — shown once, with the token in the fragment so it never reaches a server log.

use super::slip::Slip;
use super::use_ctx;
use crate::booking_api;
use crate::i18n::booking::B;
use crate::i18n::Msg;
use crate::lang::{href, use_lang};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The manage page's path with the token in the fragment.
pub fn manage_path(code: &str, token: &str, lang: rules::Lang) -> String {
    format!("{}#t={token}", href(lang, &format!("/bookings/{code}")))
}

/// Downloads the booking's .ics, with its progress and failure.
#[component]
pub fn IcsButton(code: String, token: String) -> impl IntoView {
    let lang = use_lang();
    // None: idle; Some(true): downloading; Some(false): failed.
    let state = RwSignal::new(None::<bool>);
    let download = move |_| {
        let (code, token) = (code.clone(), token.clone());
        state.set(Some(true));
        spawn_local(async move {
            let ok = booking_api::download_ics(&code, &token).await.is_ok();
            state.set(if ok { None } else { Some(false) });
        });
    };
    view! {
        <div class="ics">
            <button type="button" class="secondary" on:click=download
                disabled=move || state.get() == Some(true)>
                {move || B::DownloadIcs.text(lang.get())}
            </button>
            <span role="status" class="ics-status">
                {move || match state.get() {
                    Some(true) => Msg::Loading.text(lang.get()),
                    Some(false) => B::IcsFailed.text(lang.get()),
                    None => "",
                }}
            </span>
        </div>
    }
}

#[component]
pub fn Confirmation() -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let Some(envelope) = ctx.done.get_untracked() else {
        return ().into_any();
    };
    let booking = envelope.booking;
    let token = envelope.manage_token;
    let code = booking.code.clone();
    let path = {
        let (code, token) = (code.clone(), token.clone());
        move || manage_path(&code, &token, lang.get())
    };
    let origin = window().location().origin().unwrap_or_default();
    let url = {
        let path = path.clone();
        Signal::derive(move || format!("{origin}{}", path()))
    };
    let office = ctx.office_id.clone();
    view! {
        <section class="confirmation" aria-labelledby="done-heading">
            <h2 id="done-heading" tabindex="-1">{move || B::DoneTitle.text(lang.get())}</h2>
            <Slip booking manage_url=url />
            <IcsButton code=code.clone() token=token.clone() />
            <div class="notice manage-link">
                <h3>{move || B::ManageLink.text(lang.get())}</h3>
                <p><a href=path class="manage-url">{url}</a></p>
                <p>{move || B::ManageKeep.text(lang.get())}</p>
            </div>
            <p>
                <a href=move || href(lang.get(), &format!("/offices/{office}")) rel="external">
                    {move || Msg::BackToOffice.text(lang.get())}
                </a>
            </p>
        </section>
    }
    .into_any()
}
