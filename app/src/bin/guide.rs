//! The `guide` bundle: "Where should I go?", `/register/guide` (R37, R39), written without
//! Leptos (src/guide_page.rs), loaded only by those who ask.

fn main() {
    app::guide_page::start();
}
