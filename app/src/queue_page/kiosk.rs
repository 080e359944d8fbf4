//! `/queue/{office}/kiosk`: a tablet at the entrance issues tickets (R39-3) with big
//! buttons, every text in Kazakh and Russian (R39-4): the reception's language, an R9
//! claim, the out-of-town mark (R8), then the number. The queue's state is polled every 30
//! seconds for whether tickets are issued and the categories.

use super::poll::Poll;
use super::{both, keep_polling, note_html, now, View, NOTE_REGION};
use crate::i18n::queue::Q;
use crate::plain::{self, esc, set_title};
use crate::queue_api::{self, TakeError};
use ::api::queue::{QueueState, ReceptionLanguage, TicketRequest};
use rules::queue::PriorityCategory;
use rules::Lang;
use std::cell::{Cell, RefCell};
use std::fmt::Write;
use std::rc::Rc;
use web_sys::Element;

/// The kiosk's steps.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Language,
    Priority(ReceptionLanguage),
    OutOfTown(ReceptionLanguage, Option<PriorityCategory>),
    Issuing,
    Issued(u32),
    Failed(TakeError),
}

impl Step {
    /// The step a button (`data-kiosk`) leads to from this one; `Issuing` asks for a ticket.
    fn after(self, button: &str) -> Option<(Step, Option<TicketRequest>)> {
        let (what, value) = button.split_once(':').unwrap_or((button, ""));
        match (self, what) {
            (_, "done") => Some((Step::Language, None)),
            (Step::Language, "lang") => {
                ReceptionLanguage::parse(value).map(|l| (Step::Priority(l), None))
            }
            (Step::Priority(l), "claim") => {
                let claim = PriorityCategory::parse(value);
                (value.is_empty() || claim.is_some()).then_some((Step::OutOfTown(l, claim), None))
            }
            (Step::OutOfTown(language, priority_claim), "out") => Some((
                Step::Issuing,
                Some(TicketRequest {
                    language,
                    out_of_town: value == "yes",
                    priority_claim,
                }),
            )),
            _ => None,
        }
    }
}

struct Page {
    office: String,
    main: Element,
    poll: Rc<RefCell<Poll<QueueState>>>,
    step: Cell<Step>,
    /// Counts the tickets issued, so that a ticket's timed reset leaves a later one alone.
    issued: Cell<u32>,
    view: View,
}

pub(super) fn start(main: Element, office: String) {
    set_title(&both(Q::KioskTitle));
    let page = Rc::new(Page {
        office: office.clone(),
        main,
        poll: Rc::new(RefCell::new(Poll::new(30))),
        step: Cell::new(Step::Language),
        issued: Cell::new(0),
        view: View::new(&[".poll-note"]),
    });
    {
        let page = page.clone();
        plain::on_click(&page.main.clone(), "button[data-kiosk]", move |button| {
            let Some(act) = button.get_attribute("data-kiosk") else {
                return;
            };
            if let Some((next, request)) = page.step.get().after(&act) {
                page.step.set(next);
                page.render();
                if let Some(request) = request {
                    page.clone().take(request);
                }
            }
        });
    }
    page.render();
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
        let state = poll.shown().map(|s| s.as_ref().ok());
        let html = page_html(self.step.get(), state);
        let note = note_html(poll.note(now()), &[Lang::Kk, Lang::Ru]);
        self.view.show(&self.main, &html, &[note]);
    }

    fn take(self: Rc<Self>, request: TicketRequest) {
        wasm_bindgen_futures::spawn_local(async move {
            match queue_api::take(&self.office, &request).await {
                Ok(taken) => {
                    let issued = self.issued.get() + 1;
                    self.issued.set(issued);
                    self.step.set(Step::Issued(taken.ticket.number));
                    self.render();
                    // The next person starts afresh.
                    plain::sleep(20_000).await;
                    if self.issued.get() == issued && matches!(self.step.get(), Step::Issued(_)) {
                        self.step.set(Step::Language);
                        self.render();
                    }
                }
                Err(e) => {
                    self.step.set(Step::Failed(e));
                    self.render();
                }
            }
        });
    }
}

fn lang_of(language: ReceptionLanguage) -> Lang {
    match language {
        ReceptionLanguage::Ru => Lang::Ru,
        ReceptionLanguage::Kk => Lang::Kk,
    }
}

/// A big button leading on (`data-kiosk`), in `lang` if it is one language's.
fn button(act: &str, class: &str, lang: Option<Lang>, text: &str) -> String {
    let lang = lang.map_or(String::new(), |l| format!(" lang=\"{}\"", l.code()));
    format!(
        "<button type=\"button\" class=\"{class}\"{lang} data-kiosk=\"{}\">{}</button>",
        esc(act),
        esc(text)
    )
}

/// The kiosk for `step`; `state` is `None` before the first answer, `Some(None)` after a
/// failure (tickets are still offered: the service decides).
fn page_html(step: Step, state: Option<Option<&QueueState>>) -> String {
    let mut h = format!(
        "<article class=\"queue-kiosk\"><h1>{}</h1>{NOTE_REGION}",
        esc(&both(Q::KioskTitle))
    );
    let closed = matches!(state, Some(Some(s)) if !s.open);
    if closed && !matches!(step, Step::Issued(_)) {
        let _ = write!(
            h,
            "<div class=\"status closed\" role=\"status\"><p><strong lang=\"kk\">{}</strong></p>\
             <p lang=\"ru\"><strong>{}</strong></p><p lang=\"kk\">{}</p><p lang=\"ru\">{}</p></div>\
             </article>",
            esc(Q::Closed.text(Lang::Kk)),
            esc(Q::Closed.text(Lang::Ru)),
            esc(Q::ClosedHint.text(Lang::Kk)),
            esc(Q::ClosedHint.text(Lang::Ru)),
        );
        return h;
    }
    match step {
        Step::Language => {
            let _ = write!(
                h,
                "<h2>{}</h2><div class=\"kiosk-buttons\">{}{}</div>",
                esc(&both(Q::KioskChooseLanguage)),
                button("lang:kk", "button kiosk", Some(Lang::Kk), "ҚАЗАҚША"),
                button("lang:ru", "button kiosk", Some(Lang::Ru), "НА РУССКОМ"),
            );
        }
        Step::Priority(language) => {
            let l = lang_of(language);
            let _ = write!(
                h,
                "<h2 lang=\"{code}\">{}</h2><p class=\"hint\" lang=\"{code}\">{}</p>\
                 <div class=\"kiosk-buttons\">{}",
                esc(Q::KioskPriorityQuestion.text(l)),
                esc(Q::PriorityHint.text(l)),
                button(
                    "claim:",
                    "button kiosk",
                    Some(l),
                    Q::KioskNoPriority.text(l)
                ),
                code = l.code(),
            );
            let categories = state.flatten().map_or(&[][..], |s| &s.priority_categories);
            for c in categories {
                if let Some(id) = c.id.known() {
                    h.push_str(&button(
                        &format!("claim:{}", id.code()),
                        "button kiosk secondary",
                        Some(l),
                        c.name.get(l),
                    ));
                }
            }
            h.push_str("</div>");
        }
        Step::OutOfTown(language, _) => {
            let l = lang_of(language);
            let _ = write!(
                h,
                "<h2 lang=\"{}\">{}</h2><div class=\"kiosk-buttons\">{}{}</div>",
                l.code(),
                esc(Q::KioskOutOfTownQuestion.text(l)),
                button("out:yes", "button kiosk", Some(l), Q::Yes.text(l)),
                button("out:no", "button kiosk", Some(l), Q::No.text(l)),
            );
        }
        Step::Issuing => {
            let _ = write!(
                h,
                "<p class=\"status\" role=\"status\">{}</p>",
                esc(&both(Q::Taking))
            );
        }
        Step::Issued(number) => {
            let _ = write!(
                h,
                "<div class=\"kiosk-ticket\" role=\"status\"><p>{}</p><p class=\"big-number\">{number}</p>\
                 <p lang=\"kk\">{}</p><p lang=\"ru\">{}</p>{}</div>",
                esc(&both(Q::KioskYourTicket)),
                esc(Q::KioskRemember.text(Lang::Kk)),
                esc(Q::KioskRemember.text(Lang::Ru)),
                button("done", "button kiosk", None, &both(Q::KioskDone)),
            );
        }
        Step::Failed(e) => {
            let q = if e == TakeError::Closed {
                Q::Closed
            } else {
                Q::Failed
            };
            let _ = write!(
                h,
                "<p class=\"status error\" role=\"alert\">{}</p>{}",
                esc(&both(q)),
                button("done", "button kiosk", None, &both(Q::KioskDone)),
            );
        }
    }
    h.push_str("</article>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(open: bool) -> QueueState {
        crate::api::read(&format!(
            r#"{{"office_id": "gpo", "open": {open}, "serving": [], "waiting": 0,
                "priority_categories": [
                  {{"id": "pregnancy", "name": {{"kk": "Жүкті әйелдер", "ru": "Беременные женщины", "en": "Pregnant women"}}}}]}}"#
        ))
        .unwrap()
    }

    /// R39-3, R39-4, R9, R8: language, claim, out of town, then the ticket is asked for with
    /// what was chosen; a button of another step does nothing.
    #[test]
    fn r39_3_the_kiosks_steps_lead_to_the_request() {
        let (step, none) = Step::Language.after("lang:ru").unwrap();
        assert_eq!(step, Step::Priority(ReceptionLanguage::Ru));
        assert!(none.is_none());
        let (step, _) = step.after("claim:pregnancy").unwrap();
        assert_eq!(
            step,
            Step::OutOfTown(ReceptionLanguage::Ru, Some(PriorityCategory::Pregnancy))
        );
        let (step, request) = step.after("out:no").unwrap();
        assert_eq!(step, Step::Issuing);
        assert_eq!(
            request,
            Some(TicketRequest {
                language: ReceptionLanguage::Ru,
                out_of_town: false,
                priority_claim: Some(PriorityCategory::Pregnancy),
            })
        );
        assert!(Step::Language.after("out:yes").is_none());
        assert!(Step::Priority(ReceptionLanguage::Kk)
            .after("claim:nonsense")
            .is_none());
        assert_eq!(
            Step::Priority(ReceptionLanguage::Kk)
                .after("claim:")
                .map(|s| s.0),
            Some(Step::OutOfTown(ReceptionLanguage::Kk, None))
        );
        assert_eq!(
            Step::Issued(4).after("done").map(|s| s.0),
            Some(Step::Language)
        );
    }

    /// The pages of each step, in the chosen language; closed says so in kk and ru.
    #[test]
    fn r39_4_the_kiosk_in_the_chosen_language() {
        let open = state(true);
        let html = page_html(Step::Priority(ReceptionLanguage::Ru), Some(Some(&open)));
        assert!(html.contains("<h2 lang=\"ru\">Есть ли у вас право на приём вне очереди?</h2>"));
        assert!(html.contains("data-kiosk=\"claim:pregnancy\">Беременные женщины</button>"));
        let issued = page_html(Step::Issued(17), Some(Some(&open)));
        assert!(issued.contains("<p class=\"big-number\">17</p>"));
        let closed = page_html(Step::Language, Some(Some(&state(false))));
        assert!(closed.contains(Q::Closed.text(Lang::Kk)));
        assert!(closed.contains(Q::Closed.text(Lang::Ru)));
        assert!(!closed.contains("data-kiosk"));
        let first = page_html(Step::Language, None);
        assert!(first.contains(">ҚАЗАҚША</button>"));
    }
}
