//! The `manage` bundle: a person's own bookings, `/bookings/{code}` (the slip, the
//! decisions, the cancel; the confirmation just after booking) and `/bookings/mine`, written
//! without Leptos (src/manage_page.rs, src/my_bookings.rs).

fn main() {
    app::manage_page::start();
}
