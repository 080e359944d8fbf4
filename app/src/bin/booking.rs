//! The `booking` bundle: the pre-registration wizard (R3, R3.a, R15, R30), loaded only by
//! those who book. The guide and a person's bookings are bundles of their own
//! (src/bin/guide.rs, src/bin/manage.rs).

use app::pages::booking::BookingPage;
use app::shell::{Bundle, Shell};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

fn main() {
    // As in the public bundle (src/main.rs): the panic hook's formatting machinery only in
    // development; a release build aborts on a panic anyway.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Drafts and manage tokens past their time leave this device first.
    app::storage::sweep();
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Shell bundle=Bundle::Booking>
                    <Routes fallback=|| Bundle::Booking.fallback()>
                        <Route path=path!("/register/:office/:reception") view=BookingPage />
                    </Routes>
                </Shell>
            </Router>
        }
    });
}
