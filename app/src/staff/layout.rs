//! The console's frame: a header with the language switch, who is signed in and sign-out;
//! the navigation by role; the routed screen. It also keeps the person where their session
//! lets them be: signed out → sign-in; signed in → not on sign-in or enrolment.

use super::api;
use super::screen::{self, Screen};
use super::session::{use_session, Session, SessionState};
use crate::components::lang_switch::LangSwitch;
use crate::i18n::staff::S;
use crate::lang::{self, href, use_lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

#[component]
pub fn Console(children: Children) -> impl IntoView {
    let lang = lang::provide();
    let session = Session::provide();
    let t = move |s: S| s.text(lang.get());
    let location = use_location();
    let navigate = use_navigate();

    Effect::new(move |_| {
        let path = location.pathname.get();
        let target = match session.state.get() {
            SessionState::Checking => None,
            SessionState::SignedOut => screen::needs_session(&path).then_some(screen::SIGN_IN),
            SessionState::SignedIn(_) => (!screen::needs_session(&path)).then_some(screen::PREFIX),
        };
        if let Some(target) = target {
            navigate(
                &href(lang.get_untracked(), target),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    view! {
        <a class="skip-link" href="#main">{move || t(S::SkipToContent)}</a>
        <header class="site-header console-header">
            <div class="wrap header-row">
                <a href=move || href(lang.get(), screen::PREFIX) class="brand">
                    <span class="brand-name">"Qabyldau"</span>
                    <span class="brand-tagline">{move || t(S::ConsoleName)}</span>
                </a>
                <LangSwitch />
            </div>
            <Who />
        </header>
        <Nav />
        <main id="main" class="wrap" tabindex="-1">
            {children()}
        </main>
    }
}

/// The person signed in, and sign-out.
#[component]
fn Who() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let busy = RwSignal::new(false);
    let sign_out = move |_| {
        busy.set(true);
        spawn_local(async move {
            // Signed out here whatever the answer: a `401` means the session had ended anyway,
            // and a network failure leaves a cookie the Worker expires within 30 minutes.
            let _ = api::sign_out().await;
            busy.set(false);
            session.end(S::SignedOut);
        });
    };
    move || {
        session.member().map(|m| {
            view! {
                <div class="wrap who">
                    <p>
                        <span class="visually-hidden">{move || S::SignedInAs.text(lang.get())} " "</span>
                        <span class="who-name">{m.name.clone()}</span>
                    </p>
                    <button type="button" class="secondary sign-out" on:click=sign_out disabled=move || busy.get()>
                        {move || S::SignOut.text(lang.get())}
                    </button>
                </div>
            }
        })
    }
}

/// The screens the person's roles open.
#[component]
fn Nav() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let location = use_location();
    move || {
        session.member().map(|m| {
            let items = Screen::ALL
                .into_iter()
                .filter(|s| s.open_to(&m))
                .map(|s| {
                    let current = move || {
                        (location.pathname.get().trim_end_matches('/') == s.path())
                            .then_some("page")
                    };
                    view! {
                        <li>
                            <a href=move || href(lang.get(), s.path()) aria-current=current>
                                {move || s.label().text(lang.get())}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <nav class="console-nav" aria-label=move || S::MainNav.text(lang.get())>
                    <ul class="wrap">{items}</ul>
                </nav>
            }
        })
    }
}

/// A screen for the signed-in: its content once the session is known (nothing while the
/// guard above moves a signed-out person to sign-in).
#[component]
pub fn SignedIn<F, V>(children: F) -> impl IntoView
where
    F: Fn(::api::staff::StaffMember) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let session = use_session();
    move || match session.state.get() {
        SessionState::Checking => Some(view! { <Waiting /> }.into_any()),
        SessionState::SignedOut => None,
        SessionState::SignedIn(m) => Some(children(m).into_any()),
    }
}

/// A screen only some roles open; the others see why not.
#[component]
pub fn ForRole<F, V>(screen: Screen, children: F) -> impl IntoView
where
    F: Fn(::api::staff::StaffMember) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    view! {
        <SignedIn let:member>
            {if screen.open_to(&member) {
                children(member).into_any()
            } else {
                view! { <p class="status error">{move || S::ErrForbidden.text(lang.get())}</p> }
                    .into_any()
            }}
        </SignedIn>
    }
}

#[component]
pub fn Waiting() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="status loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {move || S::Loading.text(lang.get())}
        </p>
    }
}
