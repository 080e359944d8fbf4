//! The `queue` bundle: the electronic queue's pages (R39-3) — taking a ticket, the ticket's
//! page, the kiosk and the board — loaded only by those who queue, under `/queue/`.

use app::pages::queue::{BoardPage, KioskPage, TakePage, TicketPage};
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
                <Shell bundle=Bundle::Queue>
                    <Routes fallback=|| Bundle::Queue.fallback()>
                        <Route path=path!("/queue/:office/take") view=TakePage />
                        <Route path=path!("/queue/:office/ticket/:number") view=TicketPage />
                        <Route path=path!("/queue/:office/kiosk") view=KioskPage />
                        <Route path=path!("/queue/:office/board") view=BoardPage />
                    </Routes>
                </Shell>
            </Router>
        }
    });
}
