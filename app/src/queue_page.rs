//! The `queue` bundle (src/bin/queue.rs): the electronic queue's public pages (R39-3),
//! written without Leptos as the office page is (src/office_page.rs, the kit src/plain.rs):
//!
//! - `/queue/{office}/take`: a phone takes a ticket — the reception's language (R39-4), the
//!   out-of-town mark (R8), an R9 claim — without any personal data, then goes to its page;
//! - `/queue/{office}/ticket/{n}`: the number, how many are ahead, the numbers called and,
//!   once called, the room; polled every 3 seconds;
//! - `/queue/{office}/kiosk`: taking a ticket on a tablet at the entrance, big buttons, kk and ru;
//! - `/queue/{office}/board`: the hall's screen, the numbers called and their rooms, large,
//!   in kk and ru, polled every 2 seconds, a new call announced visibly (and by a tone once a
//!   staff member has turned sound on, as browsers allow sound only after a gesture).
//!
//! Each page is HTML text from the API's answers and the catalogue. A page that polls keeps
//! its last answer through failures and the service's `429` (src/queue_page/poll.rs), and
//! writes again only the parts whose text changed, so its live regions are announced on a
//! change, not on every poll. Links to other bundles are page loads.

mod board;
mod kiosk;
pub mod poll;
mod take;
mod ticket;

use crate::i18n::queue::Q;
use crate::i18n::Msg;
use crate::plain::{self, esc, not_found, set_title, Written};
use crate::queue_api::Polled;
use crate::shell::Bundle;
use poll::{Note, Poll};
use rules::Lang;
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use time::OffsetDateTime;
use web_sys::Element;

pub fn start() {
    let Some(path) = plain::owned_path(Bundle::Queue) else {
        return;
    };
    let Some((lang, main)) = plain::mount(&path) else {
        return;
    };
    // "Retry" after a failure before any answer: the page again.
    plain::on_click(&main, "button[data-retry]", |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    match Route::of(&path) {
        Some(Route::Take(office)) => take::start(lang, main, office),
        Some(Route::Ticket(office, number)) => ticket::start(lang, main, office, number),
        Some(Route::Kiosk(office)) => kiosk::start(main, office),
        Some(Route::Board(office)) => board::start(main, office),
        None => {
            set_title(Msg::NotFoundTitle.text(lang));
            main.set_inner_html(&not_found(lang));
        }
    }
}

/// The pages of the bundle, by path.
#[derive(Debug, PartialEq, Eq)]
enum Route {
    Take(String),
    Ticket(String, u32),
    Kiosk(String),
    Board(String),
}

impl Route {
    fn of(path: &str) -> Option<Route> {
        let rest = path.strip_prefix(Bundle::QUEUE_PREFIX)?;
        let parts: Vec<&str> = rest.split('/').collect();
        let office = (*parts.first()?).to_owned();
        if office.is_empty() {
            return None;
        }
        match parts[1..] {
            ["take"] => Some(Route::Take(office)),
            ["ticket", n] => n.parse().ok().map(|n| Route::Ticket(office, n)),
            ["kiosk"] => Some(Route::Kiosk(office)),
            ["board"] => Some(Route::Board(office)),
            _ => None,
        }
    }
}

/// Both languages of the hall (R39-4): Kazakh first, then Russian.
fn both(q: Q) -> String {
    format!("{} / {}", q.text(Lang::Kk), q.text(Lang::Ru))
}

/// Now by the browser's clock.
fn now() -> OffsetDateTime {
    crate::clock::now().unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The empty region a polling page's note is written into ([`View`]).
const NOTE_REGION: &str = "<div class=\"poll-note\" role=\"status\"></div>";

/// The note of a polling page in `langs` (the hall's pages say it in kk and ru).
fn note_html(note: Option<Note>, langs: &[Lang]) -> String {
    let Some(note) = note else {
        return String::new();
    };
    langs
        .iter()
        .map(|l| {
            format!(
                "<p class=\"status offline\" lang=\"{}\">{}</p>",
                l.code(),
                esc(&note.text(*l))
            )
        })
        .collect()
}

/// A page's frame and the regions inside it, each written only when its text changed.
struct View {
    frame: Written,
    regions: Vec<(&'static str, Written)>,
}

impl View {
    fn new(selectors: &[&'static str]) -> View {
        View {
            frame: Written::default(),
            regions: selectors.iter().map(|s| (*s, Written::default())).collect(),
        }
    }

    /// Writes `frame` into `main` if it changed, then each region's HTML (in the order of
    /// the selectors) into its element if it changed or the frame was written anew.
    fn show(&self, main: &Element, frame: &str, regions: &[String]) {
        if self.frame.write(main, frame) {
            for (_, written) in &self.regions {
                written.forget();
            }
        }
        for ((selector, written), html) in self.regions.iter().zip(regions) {
            if let Some(el) = main.query_selector(selector).ok().flatten() {
                written.write(&el, html);
            }
        }
    }
}

/// Polls with `fetch` for as long as the page is open: each answer into `poll`, then
/// `render`, then the pause the answer calls for (the poll's own, or a `429`'s).
fn keep_polling<T, F, Fut>(poll: Rc<RefCell<Poll<T>>>, fetch: F, render: impl Fn() + 'static)
where
    T: 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Polled<T>> + 'static,
{
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            let polled = fetch().await;
            let wait = poll.borrow_mut().take(polled, now());
            render();
            plain::sleep(wait.saturating_mul(1000)).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r39_3_the_queues_paths() {
        let office = || "ulytau-region".to_owned();
        assert_eq!(
            Route::of("/queue/ulytau-region/take"),
            Some(Route::Take(office()))
        );
        assert_eq!(
            Route::of("/queue/ulytau-region/ticket/12"),
            Some(Route::Ticket(office(), 12))
        );
        assert_eq!(
            Route::of("/queue/ulytau-region/kiosk"),
            Some(Route::Kiosk(office()))
        );
        assert_eq!(
            Route::of("/queue/ulytau-region/board"),
            Some(Route::Board(office()))
        );
        assert_eq!(Route::of("/queue/ulytau-region/ticket/x"), None);
        assert_eq!(Route::of("/queue//take"), None);
        assert_eq!(Route::of("/queue/ulytau-region"), None);
        assert_eq!(Route::of("/queue/ulytau-region/board/more"), None);
    }

    /// The hall's pages say the note in both languages, each marked with its own.
    #[test]
    fn r39_4_the_note_in_kazakh_and_russian() {
        let note = Note {
            limited: true,
            as_of: None,
        };
        let html = note_html(Some(note), &[Lang::Kk, Lang::Ru]);
        assert!(html.contains(&format!(
            "<p class=\"status offline\" lang=\"kk\">{}</p>",
            Q::UpdatingLessOften.text(Lang::Kk)
        )));
        assert!(html.contains(Q::UpdatingLessOften.text(Lang::Ru)));
        assert_eq!(note_html(None, &[Lang::Kk]), "");
    }
}
