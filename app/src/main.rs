//! Qabyldau's SPA: client-side rendered Leptos, served as static assets by the Worker.

mod api;
mod app;
mod booking_api;
mod components;
mod i18n;
mod lang;
mod pages;
mod storage;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
