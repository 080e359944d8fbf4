//! The application shell shared by the Leptos bundles: header with the language switch, the
//! routed page, the footer; and the hand-over between the bundles.

use crate::components::lang_switch::LangSwitch;
use crate::i18n::Msg;
use crate::lang;
use crate::pages::not_found::NotFoundPage;
use leptos::prelude::*;

/// Which bundle is running. `/` belongs to `directory`, `/offices/{id}/print` to `poster`,
/// [`Bundle::GUIDE_PATH`] to `guide`, paths under [`Bundle::BOOKINGS_PREFIX`] to `manage`,
/// the other paths under [`Bundle::BOOKING_PREFIXES`] to `booking`, under
/// [`Bundle::QUEUE_PREFIX`] to `queue`, all others to `public`; the Worker serves each
/// bundle's HTML for its own paths (worker/src/lib.rs `page_bundle`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bundle {
    /// The first screen `/` (src/bin/directory.rs, its first paint made live; no Shell).
    Directory,
    /// The office pages (src/main.rs), and "not found".
    Public,
    /// An office's printable poster (src/bin/poster.rs), `/offices/{id}/print`.
    Poster,
    /// The pre-registration wizard (src/bin/booking.rs), `/register/{office}/{reception}`.
    Booking,
    /// "Where should I go?" (src/bin/guide.rs), `/register/guide`.
    Guide,
    /// A person's bookings (src/bin/manage.rs): `/bookings/{code}`, `/bookings/mine`.
    Manage,
    /// The electronic queue's pages (src/bin/queue.rs) under `/queue/`.
    Queue,
}

impl Bundle {
    /// The pages of the booking bundles (the wizard, the guide, a person's bookings).
    pub const BOOKING_PREFIXES: [&'static str; 2] = ["/register/", "/bookings/"];
    pub const GUIDE_PATH: &'static str = "/register/guide";
    pub const BOOKINGS_PREFIX: &'static str = "/bookings/";
    pub const QUEUE_PREFIX: &'static str = "/queue/";

    /// `/offices/{id}/print`.
    pub fn is_poster(path: &str) -> bool {
        path.strip_prefix("/offices/")
            .and_then(|rest| rest.strip_suffix("/print"))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
    }

    pub fn owning(path: &str) -> Bundle {
        if path == "/" {
            Bundle::Directory
        } else if Bundle::is_poster(path) {
            Bundle::Poster
        } else if path == Bundle::GUIDE_PATH {
            Bundle::Guide
        } else if path.starts_with(Bundle::BOOKINGS_PREFIX) {
            Bundle::Manage
        } else if Bundle::BOOKING_PREFIXES.iter().any(|p| path.starts_with(p)) {
            Bundle::Booking
        } else if path.starts_with(Bundle::QUEUE_PREFIX) {
            Bundle::Queue
        } else {
            Bundle::Public
        }
    }

    /// For a path no route of this bundle matches: if another bundle owns it (a link
    /// followed inside the page; links across bundles are `rel="external"`, this is the
    /// safety net), load it from the server; otherwise it is not found.
    pub fn fallback(self) -> AnyView {
        let path = window().location().pathname().unwrap_or_default();
        if Bundle::owning(&path) != self {
            let _ = window().location().reload();
            // Nothing to show while the other bundle loads.
            return ().into_any();
        }
        view! { <NotFoundPage /> }.into_any()
    }
}

#[component]
pub fn Shell(bundle: Bundle, children: Children) -> impl IntoView {
    let lang = lang::provide();
    let t = move |m: Msg| m.text(lang.get());
    let home = move || lang::href(lang.get(), "/");
    let brand = move || {
        view! {
            <span class="brand-name">{move || t(Msg::SiteName)}</span>
            <span class="brand-tagline">{move || t(Msg::Tagline)}</span>
        }
    };
    // The directory is a bundle of its own: a full page load from every other.
    // (So the brand is the same in every bundle; `bundle` names the caller's all the same.)
    let brand = view! { <a href=home class="brand" rel="external">{brand()}</a> };
    let _ = bundle;
    view! {
        <a class="skip-link" href="#main">{move || t(Msg::SkipToContent)}</a>
        <header class="site-header">
            <div class="wrap header-row">
                {brand}
                <LangSwitch />
            </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">
            <OfflineNote />
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p class="footer-links">
                    // The bookings kept on this device (the booking bundle): a full page load.
                    <a href=move || lang::href(lang.get(), crate::manage_page::MINE) rel="external">
                        {move || crate::i18n::slip::S::MyBookings.text(lang.get())}
                    </a>
                </p>
                <p>{move || t(Msg::Footer)}</p>
            </div>
        </footer>
    }
}

/// "Offline, as of …" while the page shows data the service worker had stored.
#[component]
fn OfflineNote() -> impl IntoView {
    let lang = lang::use_lang();
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        crate::offline::forget();
    });
    move || {
        let t = rules::dates::almaty(crate::offline::as_of()?);
        let hm = format!("{:02}:{:02}", t.hour(), t.minute());
        let text = crate::i18n::offline_as_of(
            &crate::i18n::date_time(t.date(), &hm, lang.get()),
            lang.get(),
        );
        Some(view! { <p class="status offline" role="status">{text}</p> })
    }
}

#[cfg(test)]
mod tests {
    use super::Bundle;

    #[test]
    fn paths_belong_to_one_bundle() {
        assert!(Bundle::owning("/register/gpo/gpo-pg-1-20261209") == Bundle::Booking);
        assert!(Bundle::owning("/bookings/ABCD-EFGH-JKMN") == Bundle::Manage);
        assert!(Bundle::owning("/bookings/mine") == Bundle::Manage);
        assert!(Bundle::owning("/register/guide") == Bundle::Guide);
        assert!(Bundle::owning("/register/guide/x") == Bundle::Booking);
        assert!(Bundle::owning("/offices/gpo") == Bundle::Public);
        assert!(Bundle::owning("/offices/gpo/print") == Bundle::Poster);
        assert!(Bundle::owning("/offices/print") == Bundle::Public);
        assert!(Bundle::owning("/") == Bundle::Directory);
        assert!(Bundle::owning("/registered") == Bundle::Public);
        assert!(Bundle::owning("/queue/gpo/board") == Bundle::Queue);
        assert!(Bundle::owning("/queues") == Bundle::Public);
    }
}
