//! The application shell: header with the language switch, the routed page, the footer.

use crate::components::lang_switch::LangSwitch;
use crate::i18n::Msg;
use crate::lang;
use crate::pages::{
    booking::BookingPage, directory::DirectoryPage, manage::ManagePage, not_found::NotFoundPage,
    office::OfficePage, poster::PosterPage,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let lang = lang::provide();
    let t = move |m: Msg| m.text(lang.get());
    view! {
        <a class="skip-link" href="#main">{move || t(Msg::SkipToContent)}</a>
        <header class="site-header">
            <div class="wrap header-row">
                <A href=move || lang::href(lang.get(), "/") attr:class="brand">
                    <span class="brand-name">{move || t(Msg::SiteName)}</span>
                    <span class="brand-tagline">{move || t(Msg::Tagline)}</span>
                </A>
                <LangSwitch />
            </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=DirectoryPage />
                <Route path=path!("/offices/:id") view=OfficePage />
                <Route path=path!("/offices/:id/print") view=PosterPage />
                <Route
                    path=path!("/offices/:office/receptions/:reception/register")
                    view=BookingPage
                />
                <Route path=path!("/bookings/:code") view=ManagePage />
            </Routes>
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{move || t(Msg::Footer)}</p>
            </div>
        </footer>
    }
}
