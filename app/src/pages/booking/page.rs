//! The wizard's page: the reception asked for (its card, `api::reception_card`: what the
//! office's schedule says of it, in the page's language), what the person
//! has done so far (the draft and where the request stands), the article written once per
//! step, and one listener per kind of event on `<main>` that outlives every writing.

use super::draft::{asked_answers, Draft, Form, Step};
use super::fields::{self, show_error, Value};
use super::{dom_id, focus, label_of, order, questions, review, ruleset, submit};
use crate::api::FetchError;
use crate::booking_api::SubmitError;
use crate::components::schedule::{format_msg, hm, place_line};
use crate::i18n::booking::{field_error, step_of, B};
use crate::i18n::manage::M;
use crate::i18n::{long_date, Msg};
use crate::lang::href;
use crate::plain::{self, esc, load_error, loading, not_found, set_title};
use ::api::reception_card::ReceptionCard;
use ::api::{ErrorCode, ErrorDetail};
use rules::booking::{FormatError, ReceptionFacts};
use rules::eligibility::{eligibility, Verdict};
use rules::ruleset::RuleSet;
use rules::{Lang, OfficialKind};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// What an attempt of the request is doing, for the progress shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The proof of work is being solved ("checking…").
    Checking,
    Sending,
    /// The device is offline: the request, stored with its key, waits for the connection
    /// and is then sent by itself, once (the same key and body).
    Offline,
}

/// Where the request stands, as the review shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum SendState {
    Idle,
    Sending {
        attempt: u32,
        phase: Phase,
    },
    /// No answer after the automatic attempts: the person retries.
    FailedNetwork,
    FailedServer,
    /// The proof of work was refused or could not be made: the person retries.
    FailedCheck,
    RateLimited(Option<u64>),
    /// A definitive refusal (by the server, or by the same `rules::admission` before
    /// sending); nothing was booked.
    Rejected(ErrorDetail),
}

impl SendState {
    /// What an answer without a booking leaves to say on the review (a field to fix leaves
    /// nothing: the form says it).
    pub fn after(error: &SubmitError) -> SendState {
        match error {
            SubmitError::Network => SendState::FailedNetwork,
            SubmitError::Server => SendState::FailedServer,
            SubmitError::RateLimited(after) => SendState::RateLimited(*after),
            SubmitError::Api(e)
                if matches!(
                    e.code,
                    ErrorCode::ChallengeRequired | ErrorCode::ChallengeInvalid
                ) =>
            {
                SendState::FailedCheck
            }
            SubmitError::Api(e) if !submit::names_a_field(e) => SendState::Rejected(e.clone()),
            SubmitError::Api(_) => SendState::Idle,
        }
    }

    pub fn sending(&self) -> bool {
        matches!(self, SendState::Sending { .. })
    }
}

/// What changes while the page is open.
pub struct St {
    pub draft: Draft,
    /// Field errors the server reported for the last request.
    pub server_errors: Vec<(String, String)>,
    /// After "Next" or "Send": every error is shown, touched or not.
    pub show_errors: bool,
    pub send: SendState,
    /// Step 1's refusal is shown (the person asked to go on with refusing answers).
    pub refused: bool,
    /// The draft was restored on opening the page.
    pub restored: bool,
    /// "Forget what I typed" was used.
    pub forgotten: bool,
    /// "Send" without the consent to the processing of personal data.
    pub consent_missing: bool,
}

/// The wizard for one reception.
pub struct Wizard {
    pub lang: Lang,
    pub main: Element,
    pub office_id: String,
    /// The reception, its official and office, in `lang`.
    pub card: ReceptionCard,
    pub kind: OfficialKind,
    /// The reception as `rules` decides on it (R11's format, R16/R34's window).
    pub facts: ReceptionFacts,
    /// R11: why only a video conference can be had; `None` when the person chooses.
    pub video_forced: Option<FormatError>,
    /// What a draft is before anything was typed: never stored.
    pub blank: Form,
    pub st: RefCell<St>,
}

pub fn start() {
    let Some(path) = plain::owned_path(crate::shell::Bundle::Booking) else {
        return;
    };
    let Some((lang, main)) = plain::mount(&path) else {
        return;
    };
    set_title(B::Shared(M::WizardTitle).text(lang));
    let Some((office, reception)) = wizard_path(&path) else {
        set_title(Msg::NotFoundTitle.text(lang));
        main.set_inner_html(&not_found(lang));
        return;
    };
    let (office, reception) = (office.to_owned(), reception.to_owned());
    {
        let (office, reception, main2) = (office.clone(), reception.clone(), main.clone());
        plain::on_click(&main, "[data-retry]", move |_| {
            fetch(lang, main2.clone(), office.clone(), reception.clone());
        });
    }
    fetch(lang, main, office, reception);
}

/// `/register/{office}/{reception}`, the wizard's only path.
pub fn wizard_path(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix("/register/")?;
    let (office, reception) = rest.split_once('/')?;
    let ok = |s: &str| !s.is_empty() && !s.contains('/');
    (ok(office) && ok(reception) && office != "guide").then_some((office, reception))
}

fn fetch(lang: Lang, main: Element, office: String, reception: String) {
    // The retry listener stays for a failure; a wizard shown has its own.
    if main.query_selector(".booking").ok().flatten().is_some() {
        return;
    }
    main.set_inner_html(&loading(lang));
    wasm_bindgen_futures::spawn_local(async move {
        let result = match rules::OfficeId::parse(&office) {
            Err(_) => Err(FetchError::NotFound),
            Ok(id) => read_card(&id, &reception, lang).await,
        };
        match result {
            Ok(Some(card)) => open(lang, main, card, office),
            Ok(None) => main.set_inner_html(&no_wizard(
                lang,
                &office,
                B::Shared(M::WizardTitle),
                Some(B::ReceptionNotFound.text(lang)),
                false,
            )),
            Err(FetchError::NotFound) => {
                set_title(Msg::NotFoundTitle.text(lang));
                main.set_inner_html(&not_found(lang));
            }
            Err(e) => main.set_inner_html(&load_error(e, "schedule", lang)),
        }
    });
}

/// The reception's card in `lang`; `None` when the office publishes no such reception (it
/// is over, or was removed), `NotFound` when there is no such office.
async fn read_card(
    office: &rules::OfficeId,
    reception: &str,
    lang: Lang,
) -> Result<Option<ReceptionCard>, FetchError> {
    let url = format!(
        "/api/v1/offices/{office}/receptions/{reception}?lang={}",
        lang.code()
    );
    // Revalidated (a cheap 304 with the ETag), so that the places a booking or a cancel has
    // just taken or freed show at once despite `max-age`.
    let Ok(response) = gloo_net::http::Request::get(&url)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
    else {
        return Err(FetchError::Network);
    };
    let text = response.text().await.map_err(|_| FetchError::Network)?;
    match response.status() {
        200 => crate::api::read(&text).map(Some),
        404 if crate::booking_api::read_error(&text).field.as_deref() == Some("reception") => {
            Ok(None)
        }
        404 => Err(FetchError::NotFound),
        _ => Err(FetchError::Server),
    }
}

/// What the page shows for the reception asked: the wizard, or why there is none.
fn open(lang: Lang, main: Element, card: ReceptionCard, office_id: String) {
    let kind = card.official_kind;
    // R37, R14, R28 (and R4, R6): no questionnaire and no booking.
    if rules::admission::no_registration_clause(kind).is_some() {
        let note = if kind.access() == rules::official::Access::AsNeeded {
            Msg::ClosedAsNeeded
        } else {
            Msg::ReceptionDistrict
        };
        main.set_inner_html(&no_wizard(
            lang,
            &office_id,
            B::NoPreRegTitle,
            Some(note.text(lang)),
            true,
        ));
        return;
    }
    let stored = Draft::load(&card.id);
    let pending = stored.as_ref().is_some_and(|d| d.pending.is_some());
    let open = card.registration_open;
    if !pending && (!open || card.places_left == 0) {
        let text = if open {
            B::ErrReceptionFull
        } else {
            B::NotOpenTitle
        };
        main.set_inner_html(&no_wizard(
            lang,
            &office_id,
            B::NotOpenTitle,
            Some(text.text(lang)),
            false,
        ));
        return;
    }
    // R11, as `rules::admission` will check it.
    let facts = ReceptionFacts::at(kind, card.start, card.format, card.video_only);
    let video_forced = facts.forced_video();
    let blank = {
        let mut form = Form::new(lang, video_forced.is_some());
        if video_forced.is_some() {
            form.format = "video".into();
        }
        form
    };
    let restored = stored.is_some();
    let mut draft = stored.unwrap_or_else(|| Draft {
        form: blank.clone(),
        // What the "where should I go?" guide learned, for this official's questions.
        answers: asked_answers(kind, &crate::pages::guide::take_handover(kind)),
        ..Draft::default()
    });
    if draft.key.is_empty() {
        draft.key = crate::booking_api::new_key();
    }
    if video_forced.is_some() {
        draft.form.format = "video".into();
    }
    if pending {
        // The request whose answer was lost is sent again, from the review step.
        draft.step = Step::Review;
    }
    let wizard = Rc::new(Wizard {
        lang,
        main,
        office_id,
        card,
        kind,
        facts,
        video_forced,
        blank,
        st: RefCell::new(St {
            draft,
            server_errors: Vec::new(),
            show_errors: false,
            send: SendState::Idle,
            refused: false,
            restored,
            forgotten: false,
            consent_missing: false,
        }),
    });
    wizard.save();
    wizard.render();
    wizard.clone().listen();
    if pending {
        submit::submit(&wizard);
    }
}

fn no_wizard(lang: Lang, office_id: &str, title: B, text: Option<&str>, by_rules: bool) -> String {
    format!(
        "<h1>{}</h1>{}{}<p><a href=\"{}\" rel=\"external\">{}</a></p>",
        esc(title.text(lang)),
        text.map(|t| format!("<p>{}</p>", esc(t)))
            .unwrap_or_default(),
        if by_rules {
            ruleset::note(lang)
        } else {
            String::new()
        },
        esc(&href(lang, &format!("/offices/{office_id}"))),
        esc(Msg::BackToOffice.text(lang)),
    )
}

impl Wizard {
    pub fn reception_id(&self) -> &str {
        &self.card.id
    }

    /// Every change of the draft is kept at once (draft.rs: for a day at most); nothing
    /// before anything is typed.
    pub fn save(&self) {
        let st = self.st.borrow();
        let d = &st.draft;
        if d.answers.is_empty() && d.form == self.blank && d.pending.is_none() {
            Draft::remove(self.reception_id());
        } else {
            d.save(self.reception_id());
        }
    }

    /// The form's errors by `rules::booking` (and the video consent), in form order.
    pub fn errors(&self, st: &St) -> Vec<(String, String)> {
        let d = &st.draft;
        let input = d
            .form
            .to_input(self.reception_id(), &asked_answers(self.kind, &d.answers));
        let mut errors: Vec<(String, String)> = match input.validate(super::today()) {
            Ok(_) => Vec::new(),
            Err(es) => es
                .into_iter()
                .map(|e| (e.field, e.code.to_owned()))
                .collect(),
        };
        errors.extend(d.form.ui_errors());
        errors.sort_by_key(|(f, _)| order(f));
        errors
    }

    /// The error to show for a control (of `fields`, the paths that belong to it),
    /// translated: the server's, or the form's once the field was touched or on "Next".
    pub fn error_for(
        &self,
        st: &St,
        errors: &[(String, String)],
        fields: &[&str],
    ) -> Option<String> {
        let find = |list: &[(String, String)]| {
            list.iter()
                .find(|(f, _)| fields.contains(&f.as_str()))
                .map(|(f, c)| field_error(f, c, self.lang))
        };
        if let Some(server) = find(&st.server_errors) {
            return Some(server);
        }
        let shown = st.show_errors || fields.iter().any(|f| st.draft.touched.contains(*f));
        if !shown {
            return None;
        }
        find(errors)
    }

    /// The error summary of the form step: the server's errors, then the form's.
    pub fn summary(&self, st: &St, errors: &[(String, String)]) -> Vec<(String, String)> {
        if !st.show_errors {
            return Vec::new();
        }
        let mut all = st.server_errors.clone();
        for e in errors {
            if !all.iter().any(|(f, _)| *f == e.0) {
                all.push(e.clone());
            }
        }
        all.into_iter()
            .map(|(field, code)| {
                (
                    dom_id(&field),
                    format!(
                        "{}: {}",
                        label_of(&field, self.lang),
                        field_error(&field, &code, self.lang)
                    ),
                )
            })
            .collect()
    }

    /// The questionnaire's verdict on the answers so far; `None` while some are missing.
    pub fn verdict(&self) -> Option<Verdict> {
        let answers = asked_answers(self.kind, &self.st.borrow().draft.answers);
        eligibility(RuleSet::current(), self.kind, &answers).ok()
    }

    /// To another step, its heading focused (or, with `focus_on`, another element).
    pub fn go(&self, step: Step) {
        {
            let mut st = self.st.borrow_mut();
            // The last answer belongs to the review the person leaves.
            if !st.send.sending() {
                st.send = SendState::Idle;
            }
            st.show_errors = false;
            st.refused = false;
            st.consent_missing = false;
            st.draft.step = step;
        }
        self.save();
        self.render();
        focus("step-heading");
    }

    /// The whole article, for the step the draft is at.
    pub fn render(&self) {
        // Written with the state let go: a control the writing removes may report its blur.
        let html = self.html();
        self.main.set_inner_html(&html);
    }

    fn html(&self) -> String {
        let lang = self.lang;
        let t = |m: B| esc(m.text(lang));
        let st = self.st.borrow();
        let step = st.draft.step;
        let body = match step {
            Step::Questions => questions::html(self, &st),
            Step::Form => super::form::html(self, &st),
            Step::Review => review::html(self, &st),
        };
        // "Restored" is news on opening the page: gone by the review.
        let restored = if st.restored && step != Step::Review {
            format!(
                "<p class=\"notice restored\" role=\"status\">{}</p>",
                t(B::DraftRestored)
            )
        } else {
            String::new()
        };
        let forgotten = if st.forgotten {
            format!(
                "<p id=\"draft-forgotten\" class=\"notice\" role=\"status\" tabindex=\"-1\">{}</p>",
                t(B::DraftForgotten)
            )
        } else {
            "<p id=\"draft-forgotten\" class=\"notice\" role=\"status\" tabindex=\"-1\" hidden></p>"
                .to_owned()
        };
        let html = format!(
            "<nav class=\"breadcrumbs\" aria-label=\"{crumbs}\"><ol><li>\
             <a href=\"{back}\" rel=\"external\">{back_text}</a></li></ol></nav>\
             <article class=\"booking\"><h1>{title}</h1>{card}{restored}{forgotten}{body}\
             <div class=\"forget-draft\"{hidden}><p class=\"hint\">{forget_note}</p>\
             <button type=\"button\" class=\"secondary\" data-act=\"forget\">{forget}</button>\
             </div></article>",
            crumbs = esc(Msg::Breadcrumbs.text(lang)),
            back = esc(&href(lang, &format!("/offices/{}", self.office_id))),
            back_text = esc(Msg::BackToOffice.text(lang)),
            title = t(B::Shared(M::WizardTitle)),
            card = self.card(),
            hidden = if st.send.sending() { " hidden" } else { "" },
            forget_note = t(B::ForgetDraftNote),
            forget = t(B::ForgetDraft),
        );
        html
    }

    /// Which reception the request is for.
    fn card(&self) -> String {
        let lang = self.lang;
        let c = &self.card;
        format!(
            "<dl class=\"facts booking-reception\"><dt>{}</dt><dd>{}, {}</dd>\
             <dt>{}</dt><dd>{}, {}–{}</dd><dt>{}</dt><dd>{} · {}</dd><dt>{}</dt><dd>{}</dd></dl>",
            esc(B::Official.text(lang)),
            esc(&c.official_name),
            esc(&c.official_position),
            esc(B::Shared(M::DateTime).text(lang)),
            esc(&long_date(c.date, lang)),
            hm(c.start),
            hm(c.end),
            esc(B::Shared(M::Place).text(lang)),
            esc(&c.office_name),
            esc(&place_line(c.place, &c.place_details, lang)),
            esc(B::Shared(M::Format).text(lang)),
            esc(format_msg(c.format).text(lang)),
        )
    }

    /// The heading of a step: "Step 2 of 3: Your details".
    pub fn step_heading(&self, step: Step, name: B) -> String {
        format!(
            "<h2 id=\"step-heading\" tabindex=\"-1\">{}</h2>",
            esc(&step_of(step.number(), 3, name.text(self.lang), self.lang))
        )
    }

    /// The form step's error lines and summary, written again after a change.
    pub fn refresh_errors(&self) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(st) = self.st.try_borrow() else {
            return;
        };
        if st.draft.step != Step::Form {
            return;
        }
        let errors = self.errors(&st);
        for c in &fields::CONTROLS {
            // Beside the format's radio buttons, the consent shows only its own error.
            let fields = if c.id == "format-consent" && self.video_forced.is_none() {
                &["format.consent"][..]
            } else {
                c.fields
            };
            if fields.is_empty() {
                continue;
            }
            show_error(&doc, c, self.error_for(&st, &errors, fields).as_deref());
        }
        if let Some(slot) = doc.get_element_by_id("error-summary-slot") {
            let html = fields::error_summary(&self.summary(&st, &errors), false, self.lang);
            if slot.inner_html() != html {
                slot.set_inner_html(&html);
            }
        }
    }

    /// "Forget what I typed": the draft leaves the device and the wizard starts again.
    fn forget(&self) {
        Draft::remove(self.reception_id());
        {
            let mut st = self.st.borrow_mut();
            st.draft = Draft {
                form: self.blank.clone(),
                key: crate::booking_api::new_key(),
                ..Draft::default()
            };
            st.server_errors.clear();
            st.show_errors = false;
            st.refused = false;
            st.restored = false;
            st.forgotten = true;
            st.send = SendState::Idle;
        }
        self.render();
        focus("draft-forgotten");
    }

    fn listen(self: Rc<Self>) {
        let main = self.main.clone();
        let on = |event: &str, wizard: Rc<Wizard>, act: fn(&Rc<Wizard>, web_sys::Event)| {
            let closure =
                Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| act(&wizard, e));
            let _ = main.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            closure.forget();
        };
        on("input", self.clone(), Wizard::on_input);
        on("change", self.clone(), Wizard::on_change);
        on("focusout", self.clone(), Wizard::on_leave);
        on("submit", self.clone(), Wizard::on_submit);
        on("click", self, Wizard::on_click);
    }

    /// Text typed: kept, and its error line (once shown) follows.
    fn on_input(self: &Rc<Self>, e: web_sys::Event) {
        let Some(target) = target(&e) else {
            return;
        };
        let Some(c) = fields::control(&target.id()) else {
            return;
        };
        let Value::Text(value) = c.value else {
            return;
        };
        if c.shape != fields::Shape::Input {
            return;
        }
        let v = prop_string(&target, "value");
        {
            let mut st = self.st.borrow_mut();
            *value.get_mut(&mut st.draft.form) = v;
            // A changed value makes the server's old complaint about it moot.
            st.server_errors
                .retain(|(f, _)| !c.fields.contains(&f.as_str()));
        }
        self.save();
        self.refresh_errors();
    }

    /// A field left: its errors show from then on.
    fn on_leave(self: &Rc<Self>, e: web_sys::Event) {
        let Some(target) = target(&e) else {
            return;
        };
        let Some(c) = fields::control(&target.id()) else {
            return;
        };
        if c.shape != fields::Shape::Input {
            return;
        }
        self.touch(c.fields);
        self.refresh_errors();
    }

    fn touch(&self, fields: &[&str]) {
        let Ok(mut st) = self.st.try_borrow_mut() else {
            return;
        };
        for f in fields {
            if !st.draft.touched.contains(*f) {
                st.draft.touched.insert((*f).to_owned());
            }
        }
        drop(st);
        self.save();
    }

    /// A choice made (a radio button, a checkbox, a select): what the step shows may change
    /// with it, so the step is written again and the focus stays on the control.
    fn on_change(self: &Rc<Self>, e: web_sys::Event) {
        let Some(target) = target(&e) else {
            return;
        };
        // A text field's `change` (on leaving it) changes nothing its `input` did not.
        let choice = matches!(
            prop_string(&target, "type").as_str(),
            "radio" | "checkbox" | "select-one"
        );
        if !choice {
            return;
        }
        let id = target.id();
        let name = target.get_attribute("name").unwrap_or_default();
        let step = self.st.borrow().draft.step;
        match step {
            Step::Questions => {
                if !questions::changed(self, &name, &prop_string(&target, "value")) {
                    return;
                }
            }
            Step::Review => {
                if id == "data-consent" {
                    self.st.borrow_mut().draft.form.data_consent = prop_bool(&target, "checked");
                    self.save();
                    review::refresh(self);
                }
                return;
            }
            Step::Form => {
                if name == "acting" {
                    let mut st = self.st.borrow_mut();
                    st.draft.form.for_other = id == "acting-1";
                    st.server_errors.retain(|(f, _)| f != "on_behalf_of");
                } else {
                    // A radio group is known by its name, the rest by their ids.
                    let Some(c) = fields::control(&id).or_else(|| fields::control(&name)) else {
                        return;
                    };
                    let mut st = self.st.borrow_mut();
                    match c.value {
                        Value::Text(value) => {
                            *value.get_mut(&mut st.draft.form) = prop_string(&target, "value");
                        }
                        Value::Flag(flag) => {
                            flag.set(&mut st.draft.form, prop_bool(&target, "checked"));
                        }
                    }
                    st.server_errors
                        .retain(|(f, _)| !c.fields.contains(&f.as_str()));
                    drop(st);
                    if c.shape != fields::Shape::Checkbox {
                        self.touch(c.fields);
                    }
                }
            }
        }
        self.save();
        self.render();
        focus(&id);
    }

    fn on_submit(self: &Rc<Self>, e: web_sys::Event) {
        e.prevent_default();
        let step = self.st.borrow().draft.step;
        match step {
            Step::Questions => questions::next(self),
            Step::Form => self.next_from_form(),
            Step::Review => review::send(self),
        }
    }

    fn next_from_form(&self) {
        let has_errors = {
            let st = self.st.borrow();
            !self.errors(&st).is_empty() || !st.server_errors.is_empty()
        };
        if has_errors {
            self.st.borrow_mut().show_errors = true;
            self.render();
            focus("error-summary");
        } else {
            self.go(Step::Review);
        }
    }

    fn on_click(self: &Rc<Self>, e: web_sys::Event) {
        let Some(target) = target(&e) else {
            return;
        };
        if let Some(link) = target.closest(".error-summary a").ok().flatten() {
            // The field, focused: no jump of the URL's fragment.
            e.prevent_default();
            let id = link.get_attribute("href").unwrap_or_default();
            focus(id.trim_start_matches('#'));
            return;
        }
        let Some(button) = target.closest("[data-act]").ok().flatten() else {
            return;
        };
        match button.get_attribute("data-act").as_deref() {
            Some("forget") => self.forget(),
            Some("back-to-questions") | Some("edit-answers") => self.go(Step::Questions),
            Some("back-to-form") | Some("edit-details") => self.go(Step::Form),
            Some("retry") => submit::submit(self),
            Some("change-answers") => {
                self.st.borrow_mut().refused = false;
                self.render();
                focus("step-heading");
            }
            _ => {}
        }
    }
}

fn target(e: &web_sys::Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// A control's property (`value`, `checked`), read without a type per kind of control.
fn prop(el: &Element, name: &str) -> JsValue {
    js_sys::Reflect::get(el, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn prop_string(el: &Element, name: &str) -> String {
    prop(el, name).as_string().unwrap_or_default()
}

fn prop_bool(el: &Element, name: &str) -> bool {
    prop(el, name).as_bool().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wizard_has_one_path() {
        assert_eq!(
            wizard_path("/register/shymkent/shymkent-head-weekly-20261207"),
            Some(("shymkent", "shymkent-head-weekly-20261207"))
        );
        assert_eq!(wizard_path("/register/guide"), None);
        assert_eq!(wizard_path("/register/shymkent/"), None);
        assert_eq!(wizard_path("/register/a/b/c"), None);
        assert_eq!(wizard_path("/bookings/mine"), None);
    }
}
