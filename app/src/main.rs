//! The `app` bundle: the directory, the office pages and their posters.

use app::pages::{directory::DirectoryPage, office::OfficePage, poster::PosterPage};
use app::shell::{Bundle, Shell};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

fn main() {
    // The panic message with its stack in the console, in development only: on the first
    // screen its formatting machinery is weight every phone downloads, and a release build
    // aborts on a panic anyway (the console still shows where, as a wasm trap).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // `/` comes with the directory already painted (app/src/first_paint.rs).
    app::first_paint::mount(|| {
        view! {
            <Router>
                <app::first_paint::HandOverOnLeaving />
                <Shell bundle=Bundle::Public>
                    <Routes fallback=|| Bundle::Public.fallback()>
                        <Route path=path!("/") view=DirectoryPage />
                        <Route path=path!("/offices/:id") view=OfficePage />
                        <Route path=path!("/offices/:id/print") view=PosterPage />
                    </Routes>
                </Shell>
            </Router>
        }
    });
}
