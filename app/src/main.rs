//! The `app` bundle: the office pages, written without Leptos (src/office_page.rs). It is
//! also the single-page fallback (`dist/index.html`) for paths no other bundle owns, which
//! it answers "not found".

fn main() {
    app::office_page::start();
}
