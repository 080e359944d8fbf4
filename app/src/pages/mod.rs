pub mod booking;
pub mod guide;
pub mod not_found;
pub mod poster;

/// Sets the browser tab's title: what the page is, then the service.
fn set_title(what: &str) {
    leptos::prelude::document().set_title(&format!("{what} — Qabyldau"));
}
