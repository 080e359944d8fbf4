//! The `poster` bundle: an office's printable schedule (R5), `/offices/{id}/print`, with its
//! QR code; loaded only by those who print it, so the office page does not carry it.

use app::pages::poster::PosterPage;
use app::shell::{Bundle, Shell};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

fn main() {
    // As in the public bundle (src/main.rs): the panic hook only in development.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Shell bundle=Bundle::Poster>
                    <Routes fallback=|| Bundle::Poster.fallback()>
                        <Route path=path!("/offices/:id/print") view=PosterPage />
                    </Routes>
                </Shell>
            </Router>
        }
    });
}
