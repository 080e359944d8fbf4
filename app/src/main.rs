//! The `app` bundle: the office pages. It is also the single-page fallback (`dist/index.html`)
//! for paths no other bundle owns, which it answers "not found".

use app::pages::office::OfficePage;
use app::shell::{Bundle, Shell};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

fn main() {
    // The panic message with its stack in the console, in development only: its formatting
    // machinery is weight every phone downloads, and a release build aborts on a panic anyway
    // (the console still shows where, as a wasm trap).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Shell bundle=Bundle::Public>
                    <Routes fallback=|| Bundle::Public.fallback()>
                        <Route path=path!("/offices/:id") view=OfficePage />
                    </Routes>
                </Shell>
            </Router>
        }
    });
}
