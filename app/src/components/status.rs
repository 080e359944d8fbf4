//! What a page shows while it waits or when it could not load: never a blank screen.

use crate::api::FetchError;
use crate::i18n::Msg;
use crate::lang::use_lang;
use leptos::prelude::*;

#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="status loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {move || Msg::Loading.text(lang.get())}
        </p>
    }
}

/// A failure with a way forward: retry for a network or server error.
#[component]
pub fn LoadError(error: FetchError, retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let hint = match error {
        FetchError::Network => Some(Msg::Offline),
        _ => None,
    };
    view! {
        <div class="status error" role="alert">
            <p>{move || Msg::LoadFailed.text(lang.get())}</p>
            {hint.map(|h| view! { <p>{move || h.text(lang.get())}</p> })}
            <button type="button" on:click=move |_| retry.run(())>
                {move || Msg::Retry.text(lang.get())}
            </button>
        </div>
    }
}
