//! The `booking` bundle: the pre-registration wizard, `/register/{office}/{reception}` (R3,
//! R3.a, R15, R30), written without Leptos (src/pages/booking/). Any other path that reaches
//! it is "not found" (the guide, the manage page and "My bookings" are served by a bundle of
//! their own; reloading here could loop while the server still sends this one).

fn main() {
    // Drafts and manage tokens past their time leave this device first.
    app::storage::sweep();
    app::pages::booking::start();
}
