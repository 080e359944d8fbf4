//! The `booking` bundle: the pre-registration wizard and the manage page (R3, R3.a, R15,
//! R30), and the "where should I go?" guide that leads into it (R37, R39), loaded only by
//! those who book or ask.

use app::pages::{
    booking::BookingPage, guide::GuidePage, manage::ManagePage, my_bookings::MyBookingsPage,
};
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
                        <Route path=path!("/register/guide") view=GuidePage />
                        <Route path=path!("/register/:office/:reception") view=BookingPage />
                        // Before `:code`: no booking code is "mine" (Crockford base32, 14 characters).
                        <Route path=path!("/bookings/mine") view=MyBookingsPage />
                        <Route path=path!("/bookings/:code") view=ManagePage />
                    </Routes>
                </Shell>
            </Router>
        }
    });
}
