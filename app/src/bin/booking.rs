//! The `booking` bundle: the pre-registration wizard, `/register/{office}/{reception}` (R3,
//! R3.a, R15, R30), written without Leptos (src/pages/booking/). A path of another bundle
//! that reaches it is loaded again (the server gives that bundle); another `/register/…`
//! path is "not found".

fn main() {
    // Drafts and manage tokens past their time leave this device first.
    app::storage::sweep();
    app::pages::booking::start();
}
