//! `/queue/{office}/board`: the hall's screen (R39-3, R39-4) — the numbers called and their
//! rooms, large, in Kazakh and Russian, polled every 2 seconds; a new call is announced
//! visibly, and by a tone once a staff member has turned the sound on (browsers allow
//! sound only after a gesture on the page).

use super::poll::Poll;
use super::{both, keep_polling, note_html, now, View, NOTE_REGION};
use crate::i18n::queue::Q;
use crate::plain::{self, esc, set_title};
use crate::queue_api;
use ::api::queue::{QueueState, Serving};
use rules::Lang;
use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;
use web_sys::{AudioContext, Element};

/// The board's regions, written only when their text changes (the announcement only for a
/// new call, so that it flashes and is read out once).
const REGIONS: [&str; 4] = [
    ".poll-note",
    ".board-announce",
    ".board-table tbody",
    ".board-waiting strong",
];

/// What the board has announced.
#[derive(Default)]
struct Calls {
    /// The calls on the board at the last answer, by (number, called at): a recall changes
    /// `called_at` and is announced again. `None` before the first answer, which announces
    /// nothing.
    seen: Option<Vec<(u32, i64)>>,
    /// The latest new call, as the announcement shows it.
    announced: Option<Serving>,
}

impl Calls {
    /// Takes the calls now on the board; the new one, if any.
    fn take(&mut self, serving: &[Serving]) -> Option<&Serving> {
        let now: Vec<(u32, i64)> = serving
            .iter()
            .map(|c| (c.number, c.called_at.unix_timestamp()))
            .collect();
        let before = self.seen.replace(now);
        let new = before.and_then(|before| {
            serving
                .iter()
                .find(|c| !before.contains(&(c.number, c.called_at.unix_timestamp())))
        })?;
        self.announced = Some(new.clone());
        self.announced.as_ref()
    }
}

pub(super) fn start(main: Element, office: String) {
    set_title(&both(Q::BoardTitle));
    let poll = Rc::new(RefCell::new(Poll::<QueueState>::new(2)));
    let calls = Rc::new(RefCell::new(Calls::default()));
    let sound = Rc::new(RefCell::new(None::<AudioContext>));
    let view = View::new(&REGIONS);
    {
        let sound = sound.clone();
        plain::on_click(&main, "button.sound", move |button| {
            if let Ok(context) = AudioContext::new() {
                beep(&context);
                *sound.borrow_mut() = Some(context);
                // Removed where it is: the frame stays as written.
                button.remove();
            }
        });
    }
    let render = {
        let poll = poll.clone();
        move || {
            let poll = poll.borrow();
            let shown = poll.shown().and_then(|s| s.as_ref().ok());
            let mut calls = calls.borrow_mut();
            if let Some(s) = shown {
                if calls.take(&s.serving).is_some() {
                    // Written again even if the same text (a recall to the same room).
                    view.regions[1].1.forget();
                    if let Some(context) = sound.borrow().as_ref() {
                        beep(context);
                    }
                }
            }
            let regions = [
                note_html(poll.note(now()), &[Lang::Kk, Lang::Ru]),
                calls
                    .announced
                    .as_ref()
                    .map(announce_html)
                    .unwrap_or_default(),
                shown.map(rows_html).unwrap_or_default(),
                shown.map_or("…".to_owned(), |s| s.waiting.to_string()),
            ];
            view.show(&main, &frame(), &regions);
        }
    };
    render();
    keep_polling(
        poll,
        move || {
            let office = office.clone();
            async move { queue_api::state(&office).await }
        },
        render,
    );
}

fn frame() -> String {
    format!(
        "<article class=\"queue-board\" lang=\"kk\"><h1><span lang=\"kk\">{}</span>\
         <span class=\"sep\" aria-hidden=\"true\"> / </span><span lang=\"ru\">{}</span></h1>\
         {NOTE_REGION}<div class=\"board-announce\" role=\"alert\" aria-live=\"assertive\"></div>\
         <table class=\"board-table\"><caption>{}</caption><thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody></tbody></table>\
         <p class=\"board-waiting\">{}: <strong></strong></p>\
         <button type=\"button\" class=\"button sound\">{}</button></article>",
        esc(Q::BoardTitle.text(Lang::Kk)),
        esc(Q::BoardTitle.text(Lang::Ru)),
        esc(&both(Q::NowCalled)),
        esc(&both(Q::Number)),
        esc(&both(Q::Room)),
        esc(&both(Q::Waiting)),
        esc(&both(Q::SoundOn)),
    )
}

fn announce_html(s: &Serving) -> String {
    format!(
        "<p class=\"announce\"><span class=\"big-number\">{}</span>\
         <span class=\"arrow\" aria-hidden=\"true\"> → </span><span lang=\"kk\">{}</span> \
         <strong class=\"room\">{}</strong></p>",
        s.number,
        esc(Q::Room.text(Lang::Kk)),
        esc(&s.room)
    )
}

fn rows_html(s: &QueueState) -> String {
    let mut h = String::new();
    for c in &s.serving {
        let _ = write!(
            h,
            "<tr><td class=\"big-number\">{}</td><td class=\"room\">{}</td></tr>",
            c.number,
            esc(&c.room)
        );
    }
    h
}

/// A short tone, where the browser allows sound (after a gesture on the page).
fn beep(context: &AudioContext) {
    let Ok(oscillator) = context.create_oscillator() else {
        return;
    };
    let Ok(gain) = context.create_gain() else {
        return;
    };
    gain.gain().set_value(0.2);
    oscillator.frequency().set_value(880.0);
    let _ = oscillator.connect_with_audio_node(&gain);
    let _ = gain.connect_with_audio_node(&context.destination());
    let now = context.current_time();
    let _ = oscillator.start_with_when(now);
    let _ = oscillator.stop_with_when(now + 0.6);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serving(calls: &[(u32, &str, &str)]) -> Vec<Serving> {
        calls
            .iter()
            .map(|(number, room, at)| Serving {
                number: *number,
                room: (*room).to_owned(),
                called_at: rules::dates::parse_rfc3339(at).unwrap(),
            })
            .collect()
    }

    /// R39-3: the first answer announces nothing (those calls were made before the board
    /// was opened); a new number is announced, and a recall (a new `called_at`) again.
    #[test]
    fn r39_3_new_calls_and_recalls_are_announced_once() {
        let mut calls = Calls::default();
        let first = serving(&[(3, "7", "2027-03-12T10:00:00+05:00")]);
        assert!(calls.take(&first).is_none());
        assert!(calls.take(&first).is_none());
        let second = serving(&[
            (4, "<9>", "2027-03-12T10:02:00+05:00"),
            (3, "7", "2027-03-12T10:00:00+05:00"),
        ]);
        assert_eq!(calls.take(&second).map(|s| s.number), Some(4));
        assert!(calls.take(&second).is_none());
        assert_eq!(calls.announced.as_ref().map(|s| s.number), Some(4));
        let recalled = serving(&[
            (3, "7", "2027-03-12T10:03:00+05:00"),
            (4, "<9>", "2027-03-12T10:02:00+05:00"),
        ]);
        assert_eq!(calls.take(&recalled).map(|s| s.number), Some(3));
        let html = announce_html(&second[0]);
        assert!(html.contains("<span class=\"big-number\">4</span>"));
        assert!(html.contains("<strong class=\"room\">&lt;9&gt;</strong>"));
    }

    /// R39-4: the board is in Kazakh and Russian.
    #[test]
    fn r39_4_the_board_speaks_kazakh_and_russian() {
        let html = frame();
        for q in [Q::BoardTitle, Q::Number, Q::Room, Q::Waiting] {
            assert!(html.contains(q.text(Lang::Kk)), "{q:?}");
            assert!(html.contains(q.text(Lang::Ru)), "{q:?}");
        }
        assert!(html.contains("role=\"alert\" aria-live=\"assertive\""));
    }
}
