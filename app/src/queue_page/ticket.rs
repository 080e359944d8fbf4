//! `/queue/{office}/ticket/{n}`: the ticket taken on this device (R39-3) — its number, how
//! many are ahead, the numbers called and, once it is called, the room — polled every 3
//! seconds with the ticket's token, which never leaves this device otherwise.

use super::poll::Poll;
use super::{keep_polling, note_html, now, View, NOTE_REGION};
use crate::api::FetchError;
use crate::i18n::queue::Q;
use crate::lang::href;
use crate::plain::{esc, load_error, loading, set_title};
use crate::queue_api;
use ::api::queue::{Serving, TicketStatus, TicketView};
use rules::Lang;
use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;
use web_sys::Element;

/// The live regions of the ticket's page, written only when their text changes.
const STATE: &str = ".ticket-state";
const CALLED: &str = "section[aria-labelledby=now-called]";

pub(super) fn start(lang: Lang, main: Element, office: String, number: u32) {
    set_title(Q::TicketTitle.text(lang));
    let Some(token) = queue_api::token(&office, number) else {
        main.set_inner_html(&no_ticket(lang, &office));
        return;
    };
    let poll = Rc::new(RefCell::new(Poll::new(3)));
    let view = View::new(&[".poll-note", STATE, CALLED]);
    let render = {
        let poll = poll.clone();
        move || {
            let poll = poll.borrow();
            let (frame, state, called) = page_html(lang, number, poll.shown());
            let note = note_html(poll.note(now()), &[lang]);
            view.show(&main, &frame, &[note, state, called]);
        }
    };
    render();
    keep_polling(
        poll,
        move || {
            let (office, token) = (office.clone(), token.clone());
            async move { queue_api::ticket(&office, number, &token).await }
        },
        render,
    );
}

fn no_ticket(lang: Lang, office: &str) -> String {
    format!(
        "<article class=\"queue-ticket\"><h1>{}</h1><p class=\"status error\" role=\"alert\">{}</p>\
         <p><a class=\"button\" href=\"{}\">{}</a></p></article>",
        esc(Q::TicketTitle.text(lang)),
        esc(Q::NoTicket.text(lang)),
        esc(&href(lang, &format!("/queue/{office}/take"))),
        esc(Q::Take.text(lang)),
    )
}

/// The page's frame, then the ticket's state and the numbers called (the regions).
fn page_html(
    lang: Lang,
    number: u32,
    shown: Option<&Result<TicketView, FetchError>>,
) -> (String, String, String) {
    let t = |q: Q| esc(q.text(lang));
    let mut frame = format!(
        "<article class=\"queue-ticket\"><h1>{}</h1><p class=\"ticket-number\">\
         <span class=\"label\">{}</span><span class=\"big-number\">{number}</span></p>{NOTE_REGION}",
        t(Q::TicketTitle),
        t(Q::YourNumber),
    );
    let (mut state, mut called) = (String::new(), String::new());
    match shown {
        None => frame.push_str(&loading(lang)),
        Some(Err(FetchError::NotFound)) => {
            let _ = write!(
                frame,
                "<p class=\"status error\" role=\"alert\">{}</p>",
                t(Q::NoTicket)
            );
        }
        Some(Err(e)) => frame.push_str(&load_error(*e, "ticket", lang)),
        Some(Ok(v)) => {
            frame.push_str(
                "<div class=\"ticket-state\" aria-live=\"polite\"></div>\
                 <section aria-labelledby=\"now-called\"></section>",
            );
            state = state_html(lang, v);
            called = called_html(lang, &v.serving);
        }
    }
    let _ = write!(frame, "<p class=\"hint\">{}</p></article>", t(Q::KeepPage));
    (frame, state, called)
}

fn state_html(lang: Lang, v: &TicketView) -> String {
    let t = |q: Q| esc(q.text(lang));
    let status = v.ticket.status.known().copied();
    match status {
        Some(TicketStatus::Called) => format!(
            "<p class=\"status called\" role=\"alert\"><strong>{}</strong> {} \
             <strong class=\"room\">{}</strong></p>",
            t(Q::YouAreCalled),
            t(Q::GoToRoom),
            esc(v.room.as_deref().unwrap_or_default())
        ),
        Some(TicketStatus::Waiting) => format!(
            "<p class=\"ahead\">{}: <strong>{}</strong></p><p class=\"hint\">{}</p>",
            t(Q::Ahead),
            v.ticket.ahead,
            t(Q::StatusWaiting)
        ),
        Some(TicketStatus::Absent) => format!("<p class=\"status\">{}</p>", t(Q::StatusAbsent)),
        _ => format!("<p class=\"status\">{}</p>", t(Q::StatusFinished)),
    }
}

fn called_html(lang: Lang, serving: &[Serving]) -> String {
    let t = |q: Q| esc(q.text(lang));
    let mut h = format!("<h2 id=\"now-called\">{}</h2>", t(Q::NowCalled));
    if serving.is_empty() {
        let _ = write!(h, "<p class=\"muted\">{}</p>", t(Q::NobodyCalled));
        return h;
    }
    h.push_str("<ul class=\"serving\">");
    for s in serving {
        let _ = write!(
            h,
            "<li><span class=\"serving-number\">{}</span><span class=\"serving-room\">{} {}</span></li>",
            s.number,
            t(Q::Room),
            esc(&s.room)
        );
    }
    h.push_str("</ul>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(status: &str, room: &str) -> TicketView {
        crate::api::read(&format!(
            r#"{{"ticket": {{"number": 12, "issued_at": "2027-03-12T10:00:00+05:00", "ahead": 3,
                 "status": "{status}"}}, "room": {room},
                "serving": [{{"number": 9, "room": "<7>", "called_at": "2027-03-12T10:05:00+05:00"}}]}}"#
        ))
        .unwrap()
    }

    /// R39-3: waiting shows how many are ahead and the numbers called; called shows the
    /// room as an alert (the one alert of the page); the data is text, never markup.
    #[test]
    fn r39_3_the_ticket_waiting_then_called() {
        let waiting = view("waiting", "null");
        let (frame, state, called) = page_html(Lang::Kk, 12, Some(&Ok(waiting)));
        assert!(frame.contains("<span class=\"big-number\">12</span>"));
        assert!(frame.contains("<div class=\"ticket-state\" aria-live=\"polite\"></div>"));
        assert!(state.contains(&format!("{}: <strong>3</strong>", Q::Ahead.text(Lang::Kk))));
        assert!(called.contains("<span class=\"serving-number\">9</span>"));
        assert!(called.contains("&lt;7&gt;"));
        let (_, state, _) = page_html(Lang::Kk, 12, Some(&Ok(view("called", "\"7\""))));
        assert!(state.contains("role=\"alert\""));
        assert!(state.contains(Q::YouAreCalled.text(Lang::Kk)));
        assert!(state.contains("<strong class=\"room\">7</strong>"));
        let (_, nobody, _) = page_html(Lang::En, 12, Some(&Ok(view("finished", "null"))));
        assert!(nobody.contains(Q::StatusFinished.text(Lang::En)));
    }

    /// An old ticket (another day) is "not found"; a failure offers a retry.
    #[test]
    fn unknown_ticket_and_failures() {
        let (frame, state, _) = page_html(Lang::Ru, 12, Some(&Err(FetchError::NotFound)));
        assert!(frame.contains(Q::NoTicket.text(Lang::Ru)));
        assert!(state.is_empty());
        let (frame, _, _) = page_html(Lang::Ru, 12, Some(&Err(FetchError::Network)));
        assert!(frame.contains("data-retry=\"ticket\""));
        assert!(no_ticket(Lang::Ru, "gpo").contains("href=\"/queue/gpo/take?lang=ru\""));
    }
}
