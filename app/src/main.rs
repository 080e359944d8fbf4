//! The `app` bundle: the directory, the office pages and their posters.

use app::pages::{directory::DirectoryPage, office::OfficePage, poster::PosterPage};
use app::shell::{Bundle, Shell};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Shell bundle=Bundle::Public>
                    <Routes fallback=|| Bundle::Public.fallback()>
                        <Route path=path!("/") view=DirectoryPage />
                        <Route path=path!("/offices/:id") view=OfficePage />
                        <Route path=path!("/offices/:id/print") view=PosterPage />
                    </Routes>
                </Shell>
            </Router>
        }
    });
}
