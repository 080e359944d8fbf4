//! The `manage` bundle (src/bin/manage.rs), without Leptos: `/bookings/{code}#t=<token>`,
//! the applicant's own booking — its slip, status and reception — with a cancel that frees
//! the place; and `/bookings/mine` (src/my_bookings.rs). The token comes in the URL's
//! fragment (never sent to a server), is kept on this device for the code, and is removed
//! from the address bar.
//!
//! Just after a booking (the wizard opens the link with `&new=1` in the fragment) the page
//! is the confirmation: the booking's code and status (`requested`: staff review it while
//! the place is held, R15 / R30), the slip, the calendar file and the manage link, shown
//! once.
//!
//! A decision shows as the booking carries it: a refusal with its clause, the officer's
//! explanation in the applicant's language and what to do instead (R18, R24, R32); an
//! office's cancellation with its reason; a request moved to another office or official
//! (R3.d, R27) with the booking that continues it, opened with the same token.

use crate::api::FetchError;
use crate::booking_api::{self, Booking, CancelError};
use crate::i18n::booking::clause_text;
use crate::i18n::manage::M;
use crate::i18n::slip::S;
use crate::i18n::Msg;
use crate::lang::href;
use crate::plain::{self, esc, load_error, loading, set_title};
use crate::shell::Bundle;
use crate::slip::{self, Names};
use crate::storage;
use rules::Lang;
use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;
use web_sys::Element;

/// The path of "My bookings".
pub const MINE: &str = "/bookings/mine";

/// What the link's fragment carries: the token, and whether the booking was just made.
#[derive(Debug, PartialEq, Eq)]
pub struct Fragment {
    pub token: Option<String>,
    pub new: bool,
}

/// `#t=<token>` or `#t=<token>&new=1`.
pub fn read_fragment(hash: &str) -> Fragment {
    let mut fragment = Fragment {
        token: None,
        new: false,
    };
    for pair in hash.trim_start_matches('#').split('&') {
        match pair.split_once('=') {
            Some(("t", t)) if !t.is_empty() => fragment.token = Some(t.to_owned()),
            Some(("new", "1")) => fragment.new = true,
            _ => {}
        }
    }
    fragment
}

/// The manage page's path with the token in the fragment.
pub fn manage_path(code: &str, token: &str, lang: Lang) -> String {
    format!("{}#t={token}", href(lang, &format!("/bookings/{code}")))
}

pub fn start() {
    let Some(path) = plain::owned_path(Bundle::Manage) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    // Drafts and manage tokens past their time leave this device first.
    storage::sweep();
    let code = path
        .strip_prefix("/bookings/")
        .filter(|c| !c.is_empty() && !c.contains('/') && path != MINE)
        .map(str::to_owned);
    // The token of the link just opened, if any; the fragment leaves the address bar.
    let fragment = read_fragment(&location.hash().unwrap_or_default());
    if let (Some(code), Some(token)) = (&code, &fragment.token) {
        storage::set_manage_token(code, token, None);
    }
    if !location.hash().unwrap_or_default().is_empty() {
        let clean = format!("{path}{}", location.search().unwrap_or_default());
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
        }
    }
    let Some((lang, main)) = plain::mount(&path) else {
        return;
    };
    if path == MINE {
        crate::my_bookings::show(lang, &main);
        return;
    }
    let Some(code) = code else {
        set_title(Msg::NotFoundTitle.text(lang));
        main.set_inner_html(&plain::not_found(lang));
        return;
    };
    let token = fragment.token.or_else(|| storage::manage_token(&code));
    let Some(token) = token else {
        // Without the token nothing is asked of the server: the page is the same whether
        // the code exists or not.
        set_title(M::ManageTitle.text(lang));
        main.set_inner_html(&format!(
            "<h1>{}</h1>{}",
            esc(M::ManageTitle.text(lang)),
            no_token(lang)
        ));
        return;
    };
    let page = Rc::new(Page {
        lang,
        main,
        code,
        token,
        new: fragment.new,
        state: RefCell::new(State::default()),
    });
    set_title(
        if page.new {
            M::WizardTitle
        } else {
            M::ManageTitle
        }
        .text(lang),
    );
    page.render();
    page.listen();
    page.fetch();
}

#[derive(Debug, Clone, PartialEq)]
enum CancelUi {
    Idle,
    Confirming,
    Cancelling,
    Done,
    Failed(CancelError),
}

/// The booking a moved request continues as, and its office's name.
struct Next {
    booking: Booking,
    office: Option<rules::LocalizedText>,
}

#[derive(Default)]
struct State {
    /// The booking with the names of its office and official; `None` while on its way.
    booking: Option<Result<(Booking, Names), FetchError>>,
    /// R3.d, R27: `None` while on its way (or when the request was not moved).
    next: Option<Result<Next, FetchError>>,
    cancel: Option<CancelUi>,
    /// The .ics download: `None` idle, `Some(true)` on its way, `Some(false)` failed.
    ics: Option<bool>,
}

struct Page {
    lang: Lang,
    main: Element,
    code: String,
    token: String,
    /// Just booked: the confirmation.
    new: bool,
    state: RefCell<State>,
}

impl Page {
    fn manage_url(&self) -> String {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        format!(
            "{origin}{}",
            manage_path(&self.code, &self.token, self.lang)
        )
    }

    fn cancel_ui(&self) -> CancelUi {
        self.state.borrow().cancel.clone().unwrap_or(CancelUi::Idle)
    }

    fn fetch(self: Rc<Self>) {
        self.state.borrow_mut().booking = None;
        wasm_bindgen_futures::spawn_local(async move {
            let result = match booking_api::get(&self.code, &self.token).await {
                Ok(b) => {
                    // The reception's day, known now: the token leaves this device after it.
                    storage::set_manage_token(
                        &self.code,
                        &self.token,
                        Some(b.reception.reception.date),
                    );
                    let names = slip::names(&b).await;
                    Ok((b, names))
                }
                Err(e) => Err(e),
            };
            let forwarded = result
                .as_ref()
                .ok()
                .and_then(|(b, _)| b.forwarded_to.clone());
            self.state.borrow_mut().booking = Some(result);
            self.render();
            if let Some(next) = forwarded {
                self.fetch_next(next);
            }
        });
    }

    /// R3.d, R27: the booking that continues a moved request, with the same token (kept on
    /// this device for the new code too).
    fn fetch_next(self: Rc<Self>, code: String) {
        storage::set_manage_token(&code, &self.token, None);
        self.state.borrow_mut().next = None;
        wasm_bindgen_futures::spawn_local(async move {
            let result = match booking_api::get(&code, &self.token).await {
                Ok(booking) => {
                    let office = slip::office(&booking.reception.office_id.to_string())
                        .await
                        .ok()
                        .map(|d| d.office.name);
                    Ok(Next { booking, office })
                }
                Err(e) => Err(e),
            };
            self.state.borrow_mut().next = Some(result);
            self.render();
        });
    }

    fn cancel(self: Rc<Self>) {
        self.state.borrow_mut().cancel = Some(CancelUi::Cancelling);
        self.render_cancel();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = booking_api::cancel(&self.code, &self.token).await;
            let done = outcome.is_ok();
            self.state.borrow_mut().cancel = Some(match outcome {
                Ok(()) => CancelUi::Done,
                Err(e) => CancelUi::Failed(e),
            });
            if done {
                // The wizard's confirmation of this reception, kept for a reload, is over.
                let reception = self.state.borrow().booking.as_ref().and_then(|b| {
                    b.as_ref()
                        .ok()
                        .map(|(b, _)| b.reception.reception.id.clone())
                });
                if let Some(id) = reception {
                    storage::session_remove(&format!("qabyldau.done.{id}"));
                }
                self.render_cancel();
                // The booking again, with its new status.
                if let Ok(b) = booking_api::get(&self.code, &self.token).await {
                    if let Some(Ok((old, _))) = self.state.borrow_mut().booking.as_mut() {
                        *old = b;
                    }
                }
                self.render();
            } else {
                self.render_cancel();
            }
            plain::focus("cancel-status");
        });
    }

    fn download_ics(self: Rc<Self>) {
        self.state.borrow_mut().ics = Some(true);
        self.render_ics();
        wasm_bindgen_futures::spawn_local(async move {
            let ok = booking_api::download_ics(&self.code, &self.token)
                .await
                .is_ok();
            self.state.borrow_mut().ics = if ok { None } else { Some(false) };
            self.render_ics();
        });
    }

    /// The buttons (`data-act`, `data-retry`): one listener for the page's life.
    fn listen(self: &Rc<Self>) {
        let page = self.clone();
        plain::on_click(&self.main, "button", move |button| {
            if let Some(what) = button.get_attribute("data-retry") {
                match what.as_str() {
                    "booking" => page.clone().fetch(),
                    "forwarded" => {
                        let next = page.state.borrow().booking.as_ref().and_then(|b| {
                            b.as_ref().ok().and_then(|(b, _)| b.forwarded_to.clone())
                        });
                        if let Some(next) = next {
                            page.clone().fetch_next(next);
                        }
                    }
                    _ => return,
                }
                page.render();
                return;
            }
            let Some(what) = button.get_attribute("data-act") else {
                return;
            };
            match what.as_str() {
                "cancel" => {
                    page.state.borrow_mut().cancel = Some(CancelUi::Confirming);
                    page.render_cancel();
                    plain::focus("cancel-confirm");
                }
                "cancel-yes" => page.clone().cancel(),
                "cancel-no" => {
                    page.state.borrow_mut().cancel = None;
                    page.render_cancel();
                    plain::focus("cancel-button");
                }
                "ics" => page.clone().download_ics(),
                other => {
                    let state = page.state.borrow();
                    if let Some(Ok((b, names))) = &state.booking {
                        slip::act(other, b, names, &page.manage_url(), page.lang);
                    }
                }
            }
        });
    }

    /// The whole page.
    fn render(&self) {
        let lang = self.lang;
        let state = self.state.borrow();
        let body = match &state.booking {
            None => loading(lang),
            Some(Err(FetchError::NotFound)) => format!(
                "<p class=\"status error\">{}</p><p><a href=\"{}\" rel=\"external\">{}</a></p>",
                esc(M::BookingNotFound.text(lang)),
                esc(&href(lang, "/")),
                esc(Msg::BackToDirectory.text(lang))
            ),
            Some(Err(e)) => load_error(*e, "booking", lang),
            Some(Ok((b, names))) if self.new => self.confirmation(b, names),
            Some(Ok((b, names))) => {
                let mut h = slip::slip(b, names, &self.manage_url(), lang);
                h.push_str(&decision(b, &state.next, lang));
                let _ = write!(
                    h,
                    "<div class=\"manage-actions\">{}</div><p><a href=\"{}\" rel=\"external\">{}</a></p>",
                    self.actions(b),
                    esc(&href(lang, &format!("/offices/{}", b.reception.office_id))),
                    esc(Msg::BackToOffice.text(lang))
                );
                h
            }
        };
        let (class, title) = if self.new {
            ("booking", M::WizardTitle)
        } else {
            ("manage", M::ManageTitle)
        };
        self.main.set_inner_html(&format!(
            "<article class=\"{class}\"><h1>{}</h1>\
             <div id=\"cancel-status\" tabindex=\"-1\" role=\"status\">{}</div>{body}</article>",
            esc(title.text(lang)),
            self.cancel_status(),
        ));
        if self.new && matches!(state.booking, Some(Ok(_))) {
            plain::focus("done-heading");
        }
    }

    /// The wizard's confirmation, as src/pages/booking/confirmation.rs shows it.
    fn confirmation(&self, b: &Booking, names: &Names) -> String {
        let lang = self.lang;
        let url = self.manage_url();
        format!(
            "<section class=\"confirmation\" aria-labelledby=\"done-heading\">\
             <h2 id=\"done-heading\" tabindex=\"-1\">{done}</h2>{slip}\
             <div class=\"ics\"><button type=\"button\" class=\"secondary\" data-act=\"ics\">{ics}</button>\
             <span role=\"status\" class=\"ics-status\"></span></div>\
             <div class=\"notice manage-link\"><h3>{link_t}</h3>\
             <p><a href=\"{path}\" class=\"manage-url\">{url}</a></p><p>{keep}</p></div>\
             <p><a href=\"{office}\" rel=\"external\">{back}</a></p></section>",
            done = esc(M::DoneTitle.text(lang)),
            slip = slip::slip(b, names, &url, lang),
            ics = esc(M::DownloadIcs.text(lang)),
            link_t = esc(M::ManageLink.text(lang)),
            path = esc(&manage_path(&self.code, &self.token, lang)),
            url = esc(&url),
            keep = esc(M::ManageKeep.text(lang)),
            office = esc(&href(lang, &format!("/offices/{}", b.reception.office_id))),
            back = esc(Msg::BackToOffice.text(lang)),
        )
    }

    /// The cancel button, or "do you really want to cancel?".
    fn actions(&self, b: &Booking) -> String {
        let lang = self.lang;
        let t = |m: M| esc(m.text(lang));
        match self.cancel_ui() {
            // A failed attempt may be tried again, as its message says.
            CancelUi::Idle | CancelUi::Failed(CancelError::Network | CancelError::Other)
                if b.holds_place() =>
            {
                format!(
                    "<button type=\"button\" class=\"danger\" id=\"cancel-button\" data-act=\"cancel\">{}</button>",
                    t(M::Cancel)
                )
            }
            CancelUi::Confirming => format!(
                "<div class=\"confirm\" id=\"cancel-confirm\" tabindex=\"-1\" role=\"group\" \
                 aria-labelledby=\"cancel-confirm-text\"><p id=\"cancel-confirm-text\">{}</p>\
                 <div class=\"actions\">\
                 <button type=\"button\" class=\"danger\" data-act=\"cancel-yes\">{}</button>\
                 <button type=\"button\" class=\"secondary\" data-act=\"cancel-no\">{}</button>\
                 </div></div>",
                t(M::CancelConfirm),
                t(M::CancelYes),
                t(M::CancelNo)
            ),
            _ => String::new(),
        }
    }

    fn cancel_status(&self) -> String {
        let lang = self.lang;
        match self.cancel_ui() {
            CancelUi::Cancelling => format!(
                "<p class=\"status loading\"><span class=\"spinner\" aria-hidden=\"true\"></span>{}</p>",
                esc(M::Cancelling.text(lang))
            ),
            CancelUi::Done => format!(
                "<p class=\"notice\">{}</p>",
                esc(M::CancelledNow.text(lang))
            ),
            CancelUi::Failed(e) => {
                let text = match e {
                    CancelError::Started => M::ReceptionStarted,
                    CancelError::NotFound => M::BookingNotFound,
                    CancelError::Network | CancelError::Other => M::CancelFailed,
                };
                format!(
                    "<div class=\"status error\"><p>{}</p></div>",
                    esc(text.text(lang))
                )
            }
            _ => String::new(),
        }
    }

    /// The cancel's status line and buttons, written again without the rest of the page.
    fn render_cancel(&self) {
        if let Some(status) = plain::by_id("cancel-status") {
            status.set_inner_html(&self.cancel_status());
        }
        let state = self.state.borrow();
        if let (Some(Ok((b, _))), Ok(Some(actions))) =
            (&state.booking, self.main.query_selector(".manage-actions"))
        {
            actions.set_inner_html(&self.actions(b));
        }
    }

    fn render_ics(&self) {
        let lang = self.lang;
        let text = match self.state.borrow().ics {
            Some(true) => Msg::Loading.text(lang),
            Some(false) => M::IcsFailed.text(lang),
            None => "",
        };
        if let Ok(Some(line)) = self.main.query_selector(".ics-status") {
            line.set_text_content(Some(text));
        }
        if let Ok(Some(button)) = self.main.query_selector("button[data-act=\"ics\"]") {
            if self.state.borrow().ics == Some(true) {
                let _ = button.set_attribute("disabled", "");
            } else {
                let _ = button.remove_attribute("disabled");
            }
        }
    }
}

/// `/bookings/{code}` opened without its token: how to get back in — the link (or its QR
/// code), this device's "My bookings", or the office by phone.
fn no_token(lang: Lang) -> String {
    let s = |m: S| esc(m.text(lang));
    format!(
        "<section class=\"no-token\" aria-labelledby=\"no-token-heading\">\
         <h2 id=\"no-token-heading\">{}</h2><p>{}</p><p>{} <a href=\"{}\">{}</a></p><p>{}</p>\
         <p><a href=\"{}\" rel=\"external\">{}</a></p></section>",
        s(S::NoTokenTitle),
        s(S::NoTokenLink),
        s(S::NoTokenDevice),
        esc(&href(lang, MINE)),
        s(S::MyBookings),
        s(S::NoTokenOffice),
        esc(&href(lang, "/")),
        esc(Msg::BackToDirectory.text(lang)),
    )
}

/// What the office decided, as the booking carries it (nothing for a booking it has not).
fn decision(b: &Booking, next: &Option<Result<Next, FetchError>>, lang: Lang) -> String {
    let t = |m: M| esc(m.text(lang));
    let mut h = String::new();
    if let Some(r) = &b.refusal {
        let _ = write!(
            h,
            "<section class=\"refusal decision\" aria-labelledby=\"refusal-heading\" data-clause=\"{}\">\
             <h2 id=\"refusal-heading\">{}</h2><p class=\"clause\">{}</p><h3>{}</h3>\
             <p class=\"explanation\" lang=\"{}\">{}</p><h3>{}</h3><ul class=\"alternatives\">",
            esc(&r.clause),
            t(M::RefusalHeading),
            esc(&clause_text(&r.clause, lang)),
            t(M::RefusalExplanation),
            // The explanation is in the booking's language (R18, R24, R32), whatever the
            // page's.
            b.language.code(),
            esc(&r.explanation),
            t(M::Alternatives),
        );
        for a in r.alternatives.iter().filter_map(|a| a.known()) {
            let _ = write!(
                h,
                "<li data-alternative=\"{}\">{}</li>",
                a.code(),
                esc(a.text().get(lang))
            );
        }
        let _ = write!(
            h,
            "</ul><p><a href=\"{}\" rel=\"external\">{}</a></p></section>",
            esc(&href(lang, "/")),
            t(M::FindDistrictOffice)
        );
    }
    if let Some(r) = &b.office_reason {
        let text = match lang {
            Lang::Kk => &r.kk,
            Lang::Ru => &r.ru,
            Lang::En => r.en.as_ref().unwrap_or(&r.ru),
        };
        let _ = write!(
            h,
            "<section class=\"decision office-reason\" aria-labelledby=\"reason-heading\">\
             <h2 id=\"reason-heading\">{}</h2><p>{}</p></section>",
            t(M::OfficeReasonHeading),
            esc(text)
        );
    }
    if b.forwarded_to.is_some() {
        let body = match next {
            None => loading(lang),
            Some(Err(FetchError::NotFound)) => String::new(),
            Some(Err(e)) => load_error(*e, "forwarded", lang),
            Some(Ok(Next { booking, office })) => format!(
                "<p class=\"forwarded-office\">{}</p>{}<p><a href=\"{}\" rel=\"external\">{}</a></p>",
                esc(&office.as_ref().map_or_else(
                    || booking.reception.office_id.to_string(),
                    |n| n.get(lang).to_owned()
                )),
                slip::details(booking, lang),
                esc(&href(lang, &format!("/bookings/{}", booking.code))),
                t(M::OpenForwarded)
            ),
        };
        let _ = write!(
            h,
            "<section class=\"decision forwarded\" aria-labelledby=\"forwarded-heading\">\
             <h2 id=\"forwarded-heading\">{}</h2>{body}</section>",
            t(M::ForwardedHeading)
        );
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booking_api::read_created;
    use crate::booking_api::tests::booking;

    /// The token and the wizard's "just booked" mark come in the fragment, in either order;
    /// an empty token is none.
    #[test]
    fn the_fragment_carries_the_token_and_the_new_mark() {
        assert_eq!(
            read_fragment("#t=abc_-1&new=1"),
            Fragment {
                token: Some("abc_-1".into()),
                new: true
            }
        );
        assert_eq!(
            read_fragment("#new=1&t=x"),
            Fragment {
                token: Some("x".into()),
                new: true
            }
        );
        assert_eq!(
            read_fragment("#t="),
            Fragment {
                token: None,
                new: false
            }
        );
        assert_eq!(read_fragment("").token, None);
        assert_eq!(
            manage_path("7K3M", "tok", Lang::Kk),
            "/bookings/7K3M?lang=kk#t=tok"
        );
    }

    /// R18, R24, R32: a refusal names its clause, gives the explanation in the booking's
    /// language (as text), and what to do instead; an office's reason in the page's
    /// language, Russian where it has no English.
    #[test]
    fn r18_r24_r32_a_refusal_and_an_office_reason_show_as_the_booking_carries_them() {
        let mut b = read_created(&booking("refused", r#"{"document":"passport"}"#))
            .unwrap()
            .booking;
        b.refusal = Some(
            serde_json::from_str(
                r#"{"clause":"R31.3 (R17.4)","rule_set":"x","explanation":"<i>себебі</i>",
                    "alternatives":[{"code":"district_office_walk_in","text":{"kk":"к","ru":"р","en":"e"}}]}"#,
            )
            .unwrap(),
        );
        b.office_reason = Some(serde_json::from_str(r#"{"kk":"к","ru":"причина"}"#).unwrap());
        let html = decision(&b, &None, Lang::En);
        assert!(html.contains("data-clause=\"R31.3 (R17.4)\""));
        assert!(html.contains(&esc(&clause_text("R31.3 (R17.4)", Lang::En))));
        assert!(html.contains("<p class=\"explanation\" lang=\"kk\">&lt;i&gt;себебі&lt;/i&gt;</p>"));
        assert!(html.contains("data-alternative=\"district_office_walk_in\""));
        assert!(html.contains("<p>причина</p>"));
        assert!(!html.contains("forwarded"));
        assert!(decision(
            &read_created(&booking("confirmed", r#"{"document":"passport"}"#))
                .unwrap()
                .booking,
            &None,
            Lang::Kk
        )
        .is_empty());
    }

    /// Without the token: how to get back in, and no word of whether the code exists.
    #[test]
    fn without_the_token_the_page_says_how_to_get_back_in() {
        let html = no_token(Lang::Ru);
        assert!(html.contains(&esc(S::NoTokenTitle.text(Lang::Ru))));
        assert!(html.contains("href=\"/bookings/mine?lang=ru\""));
        assert!(!html.contains(M::BookingNotFound.text(Lang::Ru)));
    }
}
