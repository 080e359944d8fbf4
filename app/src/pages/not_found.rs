use crate::i18n::Msg;
use crate::lang::{href, use_lang};
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| super::set_title(Msg::NotFoundTitle.text(lang.get())));
    view! { <NotFound /> }
}

/// Shared by unknown paths and unknown office ids.
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let t = move |m: Msg| m.text(lang.get());
    view! {
        <h1>{move || t(Msg::NotFoundTitle)}</h1>
        <p>{move || t(Msg::NotFoundText)}</p>
        <p>
            <a href=move || href(lang.get(), "/") rel="external">{move || t(Msg::BackToDirectory)}</a>
        </p>
    }
}
