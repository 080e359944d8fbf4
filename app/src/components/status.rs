//! What a page shows while it waits or when it could not load: never a blank screen.

use crate::api::FetchError;
use crate::i18n::Msg;
use crate::lang::use_lang;
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// A resource the page fetched, in its four states: `Loading` while it comes; `not_found` for
/// a 404 when the page has its own words for one (otherwise a 404 is a failure like any
/// other); `LoadError` with a Retry that fetches it again; `children` with the data.
///
/// ```ignore
/// <Fetched resource=schedule not_found=|| view! { <NotFound /> } let:s>
///     <Poster s />
/// </Fetched>
/// ```
#[component(transparent)]
pub fn Fetched<T, F, V>(
    resource: LocalResource<Result<T, FetchError>>,
    children: F,
    #[prop(optional, into)] not_found: Option<ViewFn>,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => EitherOf4::A(view! { <Loading /> }),
        Some(Err(FetchError::NotFound)) if not_found.is_some() => {
            EitherOf4::B(not_found.as_ref().map(ViewFn::run))
        }
        Some(Err(error)) => EitherOf4::C(
            view! { <LoadError error retry=Callback::new(move |()| resource.refetch()) /> },
        ),
        Some(Ok(data)) => EitherOf4::D(children(data)),
    }
}

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
