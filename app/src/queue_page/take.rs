//! `/queue/{office}/take`: a phone takes a ticket (R39-3) — the reception's language
//! (R39-4), the out-of-town mark (R8), an R9 claim — without any personal data; the queue's
//! state is polled every 30 seconds for whether tickets are issued and the categories.

use super::poll::Poll;
use super::{keep_polling, note_html, now, View, NOTE_REGION};
use crate::i18n::queue::Q;
use crate::i18n::Msg;
use crate::lang::href;
use crate::plain::{self, esc, load_error, loading, set_title};
use crate::queue_api::{self, TakeError};
use ::api::queue::{QueueState, ReceptionLanguage, TicketRequest};
use rules::queue::PriorityCategory;
use rules::Lang;
use std::cell::{Cell, RefCell};
use std::fmt::Write;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// What the form says, kept as it is changed so that writing the page again keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Form {
    language: ReceptionLanguage,
    out_of_town: bool,
    claim: Option<PriorityCategory>,
}

struct Page {
    lang: Lang,
    office: String,
    main: Element,
    poll: Rc<RefCell<Poll<QueueState>>>,
    form: Cell<Form>,
    busy: Cell<bool>,
    error: Cell<Option<TakeError>>,
    view: View,
}

pub(super) fn start(lang: Lang, main: Element, office: String) {
    set_title(Q::TakeTitle.text(lang));
    let page = Rc::new(Page {
        lang,
        office: office.clone(),
        main,
        poll: Rc::new(RefCell::new(Poll::new(30))),
        form: Cell::new(Form {
            language: if lang == Lang::Ru {
                ReceptionLanguage::Ru
            } else {
                ReceptionLanguage::Kk
            },
            out_of_town: false,
            claim: None,
        }),
        busy: Cell::new(false),
        error: Cell::new(None),
        view: View::new(&[".poll-note"]),
    });
    page.render();
    page.listen();
    let render = page.clone();
    keep_polling(
        page.poll.clone(),
        move || {
            let office = office.clone();
            async move { queue_api::state(&office).await }
        },
        move || render.render(),
    );
}

impl Page {
    fn render(&self) {
        let poll = self.poll.borrow();
        let html = page_html(
            self.lang,
            &self.office,
            poll.shown(),
            self.form.get(),
            self.busy.get(),
            self.error.get(),
        );
        let note = note_html(poll.note(now()), &[self.lang]);
        self.view.show(&self.main, &html, &[note]);
    }

    fn listen(self: &Rc<Self>) {
        let page = self.clone();
        plain::on(&self.main, "change", "input, select", move |el, _| {
            let mut form = page.form.get();
            let value = el.get_attribute("value").unwrap_or_default();
            match el.get_attribute("name").as_deref() {
                Some("language") => {
                    if let Some(l) = ReceptionLanguage::parse(&value) {
                        form.language = l;
                    }
                }
                Some("out_of_town") => {
                    form.out_of_town = el
                        .dyn_ref::<HtmlInputElement>()
                        .is_some_and(HtmlInputElement::checked);
                }
                Some("priority_claim") => {
                    let chosen = el
                        .query_selector("option:checked")
                        .ok()
                        .flatten()
                        .and_then(|o| o.get_attribute("value"))
                        .unwrap_or_default();
                    form.claim = PriorityCategory::parse(&chosen);
                }
                _ => {}
            }
            page.form.set(form);
        });
        let page = self.clone();
        plain::on(&self.main, "submit", "form.queue-form", move |form, e| {
            e.prevent_default();
            page.clone().submit(&form);
        });
    }

    fn submit(self: Rc<Self>, form: &Element) {
        if self.busy.get() {
            return;
        }
        self.busy.set(true);
        self.error.set(None);
        // The button is changed where it is (it keeps the focus), and the page's text
        // follows.
        if let Ok(Some(error)) = form.query_selector(".status.error") {
            error.remove();
        }
        if let Ok(Some(button)) = form.query_selector("button[type=submit]") {
            button.set_text_content(Some(Q::Taking.text(self.lang)));
            let _ = button.set_attribute("disabled", "");
        }
        {
            let poll = self.poll.borrow();
            self.view.frame.assume(&page_html(
                self.lang,
                &self.office,
                poll.shown(),
                self.form.get(),
                true,
                None,
            ));
        }
        let form = self.form.get();
        let request = TicketRequest {
            language: form.language,
            out_of_town: form.out_of_town,
            priority_claim: form.claim,
        };
        wasm_bindgen_futures::spawn_local(async move {
            match queue_api::take(&self.office, &request).await {
                Ok(taken) => {
                    let number = taken.ticket.number;
                    queue_api::keep_token(&self.office, number, &taken.ticket_token);
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().assign(&href(
                            self.lang,
                            &format!("/queue/{}/ticket/{number}", self.office),
                        ));
                    }
                }
                Err(e) => {
                    self.error.set(Some(e));
                    self.busy.set(false);
                    self.render();
                }
            }
        });
    }
}

fn page_html(
    lang: Lang,
    office: &str,
    shown: Option<&Result<QueueState, crate::api::FetchError>>,
    form: Form,
    busy: bool,
    error: Option<TakeError>,
) -> String {
    let t = |q: Q| esc(q.text(lang));
    let mut h = format!(
        "<nav class=\"breadcrumbs\" aria-label=\"{}\"><ol><li><a rel=\"external\" href=\"{}\">{}</a>\
         </li></ol></nav><article class=\"queue-take\"><h1>{}</h1><p>{}</p>{NOTE_REGION}",
        esc(Msg::Breadcrumbs.text(lang)),
        esc(&href(lang, &format!("/offices/{office}"))),
        esc(Msg::BackToDirectory.text(lang)),
        t(Q::TakeTitle),
        t(Q::TakeIntro),
    );
    match shown {
        None => h.push_str(&loading(lang)),
        Some(Err(e)) => h.push_str(&load_error(*e, "queue", lang)),
        Some(Ok(s)) if !s.open || error == Some(TakeError::Closed) => {
            let _ = write!(
                h,
                "<div class=\"status closed\" role=\"status\"><p><strong>{}</strong></p><p>{}</p></div>",
                t(Q::Closed),
                t(Q::ClosedHint)
            );
        }
        Some(Ok(s)) => h.push_str(&form_html(lang, s, form, busy, error)),
    }
    h.push_str("</article>");
    h
}

fn form_html(
    lang: Lang,
    state: &QueueState,
    form: Form,
    busy: bool,
    error: Option<TakeError>,
) -> String {
    let t = |q: Q| esc(q.text(lang));
    let checked = |on: bool| if on { " checked" } else { "" };
    let mut h = format!(
        "<form class=\"queue-form\"><fieldset><legend>{}</legend>\
         <label class=\"choice\"><input type=\"radio\" name=\"language\" value=\"kk\"{}> {}</label>\
         <label class=\"choice\"><input type=\"radio\" name=\"language\" value=\"ru\"{}> {}</label>\
         </fieldset>\
         <label class=\"choice\"><input type=\"checkbox\" name=\"out_of_town\" \
         aria-describedby=\"out-of-town-hint\"{}> {}</label>\
         <p id=\"out-of-town-hint\" class=\"hint\">{}</p>\
         <label for=\"priority\">{}</label>\
         <select id=\"priority\" name=\"priority_claim\" aria-describedby=\"priority-hint\">\
         <option value=\"\"{}>{}</option>",
        t(Q::ReceptionLanguage),
        checked(form.language == ReceptionLanguage::Kk),
        t(Q::Kazakh),
        checked(form.language == ReceptionLanguage::Ru),
        t(Q::Russian),
        checked(form.out_of_town),
        t(Q::OutOfTown),
        t(Q::OutOfTownHint),
        t(Q::Priority),
        if form.claim.is_none() {
            " selected"
        } else {
            ""
        },
        t(Q::PriorityNone),
    );
    for c in &state.priority_categories {
        let Some(id) = c.id.known().copied() else {
            continue;
        };
        let _ = write!(
            h,
            "<option value=\"{}\"{}>{}</option>",
            id.code(),
            if form.claim == Some(id) {
                " selected"
            } else {
                ""
            },
            esc(c.name.get(lang))
        );
    }
    let _ = write!(
        h,
        "</select><p id=\"priority-hint\" class=\"hint\">{}</p>",
        t(Q::PriorityHint)
    );
    if error == Some(TakeError::Failed) {
        let _ = write!(
            h,
            "<p class=\"status error\" role=\"alert\">{}</p>",
            t(Q::Failed)
        );
    }
    let _ = write!(
        h,
        "<button type=\"submit\" class=\"button big\"{}>{}</button></form>",
        if busy { " disabled" } else { "" },
        if busy { t(Q::Taking) } else { t(Q::Take) }
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(open: bool) -> QueueState {
        crate::api::read(&format!(
            r#"{{"office_id": "gpo", "open": {open}, "serving": [], "waiting": 0,
                "priority_categories": [
                  {{"id": "pregnancy", "name": {{"kk": "Жүкті <әйелдер>", "ru": "Беременные", "en": "Pregnant"}}}},
                  {{"id": "from_the_future", "name": {{"kk": "?", "ru": "?", "en": "?"}}}}]}}"#
        ))
        .unwrap()
    }

    const FORM: Form = Form {
        language: ReceptionLanguage::Ru,
        out_of_town: true,
        claim: None,
    };

    /// R39-4, R8, R9: the form keeps what the person chose when written again, lists the
    /// known categories only (escaped), and needs nothing personal.
    #[test]
    fn r39_3_the_form_keeps_the_choices_and_lists_known_categories() {
        let form = Form {
            claim: PriorityCategory::parse("pregnancy"),
            ..FORM
        };
        let html = page_html(Lang::Kk, "gpo", Some(&Ok(state(true))), form, false, None);
        assert!(html.contains("value=\"ru\" checked>"));
        assert!(!html.contains("value=\"kk\" checked>"));
        assert!(html.contains("aria-describedby=\"out-of-town-hint\" checked>"));
        assert!(
            html.contains("<option value=\"pregnancy\" selected>Жүкті &lt;әйелдер&gt;</option>")
        );
        assert!(!html.contains("from_the_future"));
        assert!(html.contains(&format!("{}</button>", Q::Take.text(Lang::Kk))));
        assert!(html.contains("href=\"/offices/gpo?lang=kk\""));
        assert!(html.contains("<div class=\"poll-note\" role=\"status\"></div>"));
    }

    /// R4, R39-2: closed, or refused as closed, says so instead of the form; a failure says
    /// to try again, and a busy button is disabled.
    #[test]
    fn r4_closed_and_failed_takes_say_so() {
        let closed = page_html(Lang::Ru, "gpo", Some(&Ok(state(false))), FORM, false, None);
        assert!(closed.contains(Q::Closed.text(Lang::Ru)));
        assert!(!closed.contains("<form"));
        let refused = page_html(
            Lang::Ru,
            "gpo",
            Some(&Ok(state(true))),
            FORM,
            false,
            Some(TakeError::Closed),
        );
        assert!(refused.contains(Q::ClosedHint.text(Lang::Ru)));
        let failed = page_html(
            Lang::Ru,
            "gpo",
            Some(&Ok(state(true))),
            FORM,
            false,
            Some(TakeError::Failed),
        );
        assert!(failed.contains(&format!(
            "<p class=\"status error\" role=\"alert\">{}</p>",
            Q::Failed.text(Lang::Ru)
        )));
        let busy = page_html(Lang::Ru, "gpo", Some(&Ok(state(true))), FORM, true, None);
        assert!(busy.contains(&format!(" disabled>{}</button>", Q::Taking.text(Lang::Ru))));
    }
}
