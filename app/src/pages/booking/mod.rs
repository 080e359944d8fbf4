//! Pre-registration for one reception (R3, R3.a, R15, R30): `/register/:office/:reception`.
//!
//! Three steps and a confirmation, each its own component: the eligibility questions for the
//! official's kind, decided in the browser by `rules::eligibility` (a refusal sends nothing);
//! the form, checked field by field by `rules::booking`; a review; then the request with an
//! Idempotency-Key, retried with the same key and body until the server has answered. The
//! draft lives in localStorage (see [`draft`]).

pub mod confirmation;
pub mod details;
pub mod draft;
mod fields;
mod form;
mod questions;
mod review;
mod ruleset;
pub mod slip;
mod submit;

use crate::api::{self, Official, Reception, Schedule};
use crate::booking_api::{BookingCreated, SubmitError};
use crate::components::schedule::{format_msg, hm, place_text};
use crate::components::status::Fetched;
use crate::i18n::booking::{step_of, B};
use crate::i18n::{long_date, Msg};
use crate::lang::{href, use_lang};
use crate::pages::not_found::NotFound;
use crate::storage;
use ::api::{ErrorCode, ErrorDetail, Lenient};
use draft::{asked_answers, Draft, Form, Step};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use rules::booking::{FormatError, ReceptionFacts};
use rules::eligibility::{eligibility, Verdict};
use rules::ruleset::RuleSet;
use rules::window::RegistrationState;
use rules::{Lang, LocalizedText, OfficialKind};
use time::{Date, OffsetDateTime};
use wasm_bindgen::JsCast;

/// Today in Kazakhstan, by the browser's clock (an authority may not be dated later).
pub fn today() -> Date {
    crate::clock::today().unwrap_or(OffsetDateTime::UNIX_EPOCH.date())
}

/// Moves the keyboard focus (and a screen reader) to an element, once it is rendered.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

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

/// Where the request stands, as the review shows it ([`Ctx::send_state`]).
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

/// Everything the steps share.
#[derive(Clone)]
pub struct Ctx {
    pub office_id: String,
    pub office_name: LocalizedText,
    pub reception: Reception,
    pub official: Official,
    pub kind: OfficialKind,
    /// The reception as `rules` decides on it (R11's format, R16/R34's window).
    pub facts: ReceptionFacts,
    /// R11: why only a video conference can be had (a video reception, or the office in
    /// video-only mode); `None` when the person chooses.
    pub video_forced: Option<FormatError>,
    pub draft: RwSignal<Draft>,
    /// The form's errors by `rules::booking` (and the video consent), in form order.
    pub errors: Memo<Vec<(String, String)>>,
    /// Field errors the server reported for the last request.
    pub server_errors: RwSignal<Vec<(String, String)>>,
    /// After "Next" or "Send": every error is shown, touched or not.
    pub show_errors: RwSignal<bool>,
    /// The request (see [`submit`]): pending while its attempts are made, then the answer.
    pub request: Action<submit::Request, submit::Answer>,
    pub sending: Memo<bool>,
    pub answer: MappedSignal<Option<submit::Answer>>,
    /// The attempt being made, from 1.
    pub attempt: RwSignal<u32>,
    /// What the attempt is doing.
    pub phase: RwSignal<Phase>,
    pub done: RwSignal<Option<BookingCreated>>,
    /// The step was changed by the person: the new step's heading takes the focus.
    pub moved: RwSignal<bool>,
}

impl Ctx {
    pub fn reception_id(&self) -> &str {
        &self.reception.reception.id
    }

    /// The error to show for a field (one of `fields`, the paths that belong to one
    /// control): the server's, or the form's once the field was touched or on "Next".
    pub fn error_for(&self, fields: &[&str]) -> Option<(String, String)> {
        let server = self.server_errors.with(|s| {
            s.iter()
                .find(|(f, _)| fields.contains(&f.as_str()))
                .cloned()
        });
        if server.is_some() {
            return server;
        }
        let shown = self.show_errors.get()
            || self
                .draft
                .with(|d| fields.iter().any(|f| d.touched.contains(*f)));
        if !shown {
            return None;
        }
        self.errors.with(|es| {
            es.iter()
                .find(|(f, _)| fields.contains(&f.as_str()))
                .cloned()
        })
    }

    pub fn touch(&self, fields: &[&str]) {
        let new = self
            .draft
            .with_untracked(|d| fields.iter().any(|f| !d.touched.contains(*f)));
        if new {
            self.draft.update(|d| {
                d.touched.extend(fields.iter().map(|f| (*f).to_owned()));
            });
        }
    }

    /// A changed value makes the server's old complaint about it moot.
    pub fn edited(&self, fields: &[&str]) {
        let has = self
            .server_errors
            .with_untracked(|s| s.iter().any(|(f, _)| fields.contains(&f.as_str())));
        if has {
            self.server_errors
                .update(|s| s.retain(|(f, _)| !fields.contains(&f.as_str())));
        }
    }

    /// Where the request stands: its attempt while it is sent, then what its last answer
    /// leaves to say on the review (a booking, or a field to fix, leave nothing).
    pub fn send_state(&self) -> SendState {
        if self.sending.get() {
            return SendState::Sending {
                attempt: self.attempt.get(),
                phase: self.phase.get(),
            };
        }
        self.answer.with(|answer| match answer {
            Some(Err(SubmitError::Network)) => SendState::FailedNetwork,
            Some(Err(SubmitError::Server)) => SendState::FailedServer,
            Some(Err(SubmitError::RateLimited(after))) => SendState::RateLimited(*after),
            Some(Err(SubmitError::Api(e)))
                if matches!(
                    e.code,
                    ErrorCode::ChallengeRequired | ErrorCode::ChallengeInvalid
                ) =>
            {
                SendState::FailedCheck
            }
            Some(Err(SubmitError::Api(e))) if !submit::names_a_field(e) => {
                SendState::Rejected(e.clone())
            }
            _ => SendState::Idle,
        })
    }

    pub fn go(&self, step: Step) {
        // The last answer belongs to the review the person leaves.
        if !self.sending.get_untracked() {
            self.request.clear();
        }
        self.show_errors.set(false);
        self.moved.set(true);
        self.draft.update(|d| d.step = step);
    }

    /// The questionnaire's verdict on the answers so far; `None` while some are missing.
    pub fn verdict(&self) -> Option<Verdict> {
        let answers = self.draft.with(|d| asked_answers(self.kind, &d.answers));
        eligibility(RuleSet::current(), self.kind, &answers).ok()
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// Where a field's control is, for the error summary's links.
pub fn dom_id(field: &str) -> String {
    let last = field.rsplit('.').next().unwrap_or(field);
    match field {
        "applicant.iin" | "applicant.passport" => "applicant-document".into(),
        "on_behalf_of.iin" | "on_behalf_of.passport" => "other-document".into(),
        "applicant.kind" => "applicant-kind-0".into(),
        "applicant.citizenship" => "applicant-citizenship-0".into(),
        "on_behalf_of" => "acting-0".into(),
        "on_behalf_of.citizenship" => "other-citizenship-0".into(),
        "on_behalf_of.bin" => "entity-bin".into(),
        "on_behalf_of.authority.kind" => "authority-kind".into(),
        "on_behalf_of.authority.number" => "authority-number".into(),
        "on_behalf_of.authority.date" => "authority-date".into(),
        "matter.substance" => "matter-substance".into(),
        "format" => "format-0".into(),
        "format.consent" => "format-consent".into(),
        "language" => "language-0".into(),
        "interpreter" => "interpreter".into(),
        f if f.starts_with("on_behalf_of.") => format!("other-{}", last.replace('_', "-")),
        f if f.starts_with("applicant.") => format!("applicant-{}", last.replace('_', "-")),
        f => f.replace(['.', '_'], "-"),
    }
}

/// The label a field is known by in the error summary.
pub fn label_of(field: &str, lang: Lang) -> String {
    let last = field.rsplit('.').next().unwrap_or(field);
    let label = match (field, last) {
        ("applicant.kind", _) => B::ApplicantKind,
        (_, "citizenship") => B::Citizenship,
        (_, "iin") => B::Iin,
        (_, "passport") => B::Passport,
        (_, "surname") => B::Surname,
        (_, "given_name") => B::GivenName,
        (_, "patronymic") => B::Patronymic,
        (_, "phone") => B::Phone,
        (_, "email") => B::Email,
        (_, "bin") => B::Bin,
        ("on_behalf_of", _) => B::Acting,
        ("on_behalf_of.authority.kind", _) => B::AuthorityKind,
        ("on_behalf_of.authority.number", _) => B::AuthorityNumber,
        ("on_behalf_of.authority.date", _) => B::AuthorityDate,
        ("matter.substance", _) => B::Substance,
        ("format" | "format.consent", _) => B::FormatLegend,
        ("interpreter", _) => B::InterpreterLanguage,
        ("language", _) => B::Language,
        (f, _) if f.starts_with("matter.answers") => B::StepQuestions,
        _ => B::DateTime,
    };
    let text = label.text(lang);
    if field.starts_with("on_behalf_of.")
        && !field.starts_with("on_behalf_of.authority")
        && field != "on_behalf_of.bin"
    {
        format!("{} — {text}", B::OtherPerson.text(lang))
    } else {
        text.to_owned()
    }
}

/// The form's order on the screen, which the error summary follows.
fn order(field: &str) -> usize {
    const ORDER: [&str; 24] = [
        "reception_id",
        "applicant.kind",
        "applicant.citizenship",
        "applicant.iin",
        "applicant.passport",
        "applicant.surname",
        "applicant.given_name",
        "applicant.patronymic",
        "applicant.phone",
        "applicant.email",
        "on_behalf_of",
        "on_behalf_of.bin",
        "on_behalf_of.citizenship",
        "on_behalf_of.iin",
        "on_behalf_of.passport",
        "on_behalf_of.surname",
        "on_behalf_of.given_name",
        "on_behalf_of.patronymic",
        "on_behalf_of.authority.kind",
        "on_behalf_of.authority.number",
        "on_behalf_of.authority.date",
        "matter.substance",
        "format",
        "format.consent",
    ];
    match field {
        "interpreter" => ORDER.len(),
        "language" => ORDER.len() + 1,
        f => ORDER
            .iter()
            .position(|o| *o == f)
            .unwrap_or(ORDER.len() + 2),
    }
}

fn done_key(reception_id: &str) -> String {
    format!("qabyldau.done.{reception_id}")
}

/// The confirmation of a booking made in this tab, kept for a reload of the page.
pub fn forget_confirmation(reception_id: &str) {
    storage::session_remove(&done_key(reception_id));
}

fn remember_confirmation(reception_id: &str, json: &str) {
    storage::session_set(&done_key(reception_id), json);
}

fn remembered_confirmation(reception_id: &str) -> Option<BookingCreated> {
    crate::booking_api::read_created(&storage::session_get(&done_key(reception_id))?)
}

#[component]
pub fn BookingPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let office = move || params.read().get("office").unwrap_or_default();
    let reception_id = move || params.read().get("reception").unwrap_or_default();
    let schedule = LocalResource::new(move || api::schedule(office()));
    Effect::new(move |_| super::set_title(B::WizardTitle.text(lang.get())));
    view! {
        <Fetched resource=schedule not_found=|| view! { <NotFound /> } let:s>
            {start(s, office(), reception_id())}
        </Fetched>
    }
}

/// What the page shows for the reception asked: the wizard, or why there is none.
fn start(schedule: Schedule, office_id: String, reception_id: String) -> AnyView {
    let reception = schedule
        .receptions
        .iter()
        .find(|r| r.reception.id == reception_id)
        .cloned();
    let official = reception.as_ref().and_then(|r| {
        schedule
            .officials
            .iter()
            .find(|o| o.id == r.reception.official_id)
            .cloned()
    });
    let (Some(reception), Some(official)) = (reception, official) else {
        return view! { <NoWizard office_id title=B::WizardTitle text=B::ReceptionNotFound /> }
            .into_any();
    };
    let kind = official.kind;
    // R37, R14, R28 (and R4, R6): no questionnaire and no booking.
    if rules::admission::no_registration_clause(kind).is_some() {
        let note = if kind.access() == rules::official::Access::AsNeeded {
            Msg::ClosedAsNeeded
        } else {
            Msg::ReceptionDistrict
        };
        return view! { <NoWizard office_id title=B::NoPreRegTitle note ruleset=true /> }
            .into_any();
    }
    let done = remembered_confirmation(&reception.reception.id);
    let stored = Draft::load(&reception.reception.id);
    let pending = stored.as_ref().is_some_and(|d| d.pending.is_some());
    let open = matches!(
        reception.registration,
        Lenient::Known(RegistrationState::Open { .. })
    );
    if done.is_none() && !pending && (!open || reception.places_left() == 0) {
        let text = if open {
            B::ErrReceptionFull
        } else {
            B::NotOpenTitle
        };
        return view! { <NoWizard office_id title=B::NotOpenTitle text /> }.into_any();
    }
    // R11, as `rules::admission` will check it.
    let facts = ReceptionFacts::at(
        kind,
        reception.reception.start,
        reception.reception.format,
        schedule.office.video_only.is_some(),
    );
    view! {
        <Wizard
            office_id
            office_name=schedule.office.name.clone()
            reception
            official
            facts
            stored
            done
        />
    }
    .into_any()
}

#[component]
fn NoWizard(
    office_id: String,
    title: B,
    #[prop(optional)] text: Option<B>,
    #[prop(optional)] note: Option<Msg>,
    /// The Rules decided it (R37, R14, R28): name them.
    #[prop(optional)]
    ruleset: bool,
) -> impl IntoView {
    let lang = use_lang();
    let back = move || href(lang.get(), &format!("/offices/{office_id}"));
    view! {
        <h1>{move || title.text(lang.get())}</h1>
        {text.map(|text| view! { <p>{move || text.text(lang.get())}</p> })}
        {note.map(|note| view! { <p>{move || note.text(lang.get())}</p> })}
        {ruleset.then(|| view! { <ruleset::RuleSetNote /> })}
        <p><a href=back rel="external">{move || Msg::BackToOffice.text(lang.get())}</a></p>
    }
}

#[component]
fn Wizard(
    office_id: String,
    office_name: LocalizedText,
    reception: Reception,
    official: Official,
    facts: ReceptionFacts,
    stored: Option<Draft>,
    done: Option<BookingCreated>,
) -> impl IntoView {
    let lang = use_lang();
    let video_forced = facts.forced_video();
    let restored = stored.is_some() && done.is_none();
    let mut initial = stored.unwrap_or_else(|| Draft {
        form: Form::new(lang.get_untracked(), video_forced.is_some()),
        // What the "where should I go?" guide learned, for this official's questions.
        answers: asked_answers(
            official.kind,
            &crate::pages::guide::take_handover(official.kind),
        ),
        ..Draft::default()
    });
    if initial.key.is_empty() {
        initial.key = crate::booking_api::new_key();
    }
    if video_forced.is_some() {
        initial.form.format = "video".into();
    }
    let auto_retry = initial.pending.is_some() && done.is_none();
    if auto_retry {
        // The request whose answer was lost is sent again, from the review step.
        initial.step = Step::Review;
    }
    let draft = RwSignal::new(initial);
    // What a draft is before anything was typed: never stored.
    let blank = {
        let mut form = Form::new(lang.get_untracked(), video_forced.is_some());
        if video_forced.is_some() {
            form.format = "video".into();
        }
        form
    };
    let today = today();
    let rid = reception.reception.id.clone();
    let kind = official.kind;
    let errors = Memo::new(move |_| {
        draft.with(|d| {
            let input = d.form.to_input(&rid, &asked_answers(kind, &d.answers));
            let mut errors: Vec<(String, String)> = match input.validate(today) {
                Ok(_) => Vec::new(),
                Err(es) => es
                    .into_iter()
                    .map(|e| (e.field, e.code.to_owned()))
                    .collect(),
            };
            errors.extend(d.form.ui_errors());
            errors.sort_by_key(|(f, _)| order(f));
            errors
        })
    });
    let attempt = RwSignal::new(1);
    let phase = RwSignal::new(Phase::Sending);
    let request = submit::action(attempt, phase);
    let ctx = Ctx {
        office_id,
        office_name,
        reception,
        official,
        kind,
        facts,
        video_forced,
        draft,
        errors,
        server_errors: RwSignal::new(Vec::new()),
        show_errors: RwSignal::new(false),
        request,
        sending: request.pending(),
        answer: request.value(),
        attempt,
        phase,
        done: RwSignal::new(done),
        moved: RwSignal::new(false),
    };
    provide_context(ctx.clone());

    // Every change of the draft is kept at once (draft.rs: for a day at most); nothing after
    // the booking is made, nothing before anything is typed.
    let rid = ctx.reception.reception.id.clone();
    let done = ctx.done;
    {
        let blank = blank.clone();
        Effect::new(move |_| {
            let d = draft.get();
            if done.get_untracked().is_none() {
                if d.answers.is_empty() && d.form == blank && d.pending.is_none() {
                    Draft::remove(&rid);
                } else {
                    d.save(&rid);
                }
            }
        });
    }
    // "Forget what I typed": the draft leaves the device and the wizard starts again.
    let restored = RwSignal::new(restored);
    let forgotten = RwSignal::new(false);
    let forget = {
        let (rid, blank) = (ctx.reception.reception.id.clone(), blank.clone());
        let (server_errors, show_errors) = (ctx.server_errors, ctx.show_errors);
        move |_| {
            Draft::remove(&rid);
            draft.set(Draft {
                form: blank.clone(),
                key: crate::booking_api::new_key(),
                ..Draft::default()
            });
            server_errors.set(Vec::new());
            show_errors.set(false);
            restored.set(false);
            forgotten.set(true);
            focus_later("draft-forgotten".into());
        }
    };
    // Each answer, once, as it comes.
    let version = request.version();
    let answered = ctx.clone();
    Effect::new(move |_| {
        if version.get() > 0 {
            if let Some(answer) = answered.answer.get_untracked() {
                submit::answered(&answered, answer);
            }
        }
    });
    if auto_retry {
        submit::submit(ctx.clone());
    }

    let step = Memo::new(move |_| draft.with(|d| d.step));
    let is_done = Memo::new(move |_| done.with(Option::is_some));
    let body = move || {
        if is_done.get() {
            return view! { <confirmation::Confirmation /> }.into_any();
        }
        match step.get() {
            Step::Questions => view! { <questions::QuestionsStep /> }.into_any(),
            Step::Form => view! { <form::FormStep /> }.into_any(),
            Step::Review => view! { <review::ReviewStep /> }.into_any(),
        }
    };
    let back = {
        let id = ctx.office_id.clone();
        move || href(lang.get(), &format!("/offices/{id}"))
    };
    let sending = ctx.sending;
    view! {
        <nav class="breadcrumbs" aria-label=move || Msg::Breadcrumbs.text(lang.get())>
            <ol>
                <li><a href=back rel="external">{move || Msg::BackToOffice.text(lang.get())}</a></li>
            </ol>
        </nav>
        <article class="booking">
            <h1>{move || B::WizardTitle.text(lang.get())}</h1>
            <ReceptionCard />
            // "Restored" is news on opening the page: gone by the review and the confirmation.
            {move || (restored.get() && step.get() != Step::Review && !is_done.get()).then(|| view! {
                <p class="notice restored" role="status">{move || B::DraftRestored.text(lang.get())}</p>
            })}
            <p id="draft-forgotten" class="notice" role="status" tabindex="-1"
                hidden=move || !forgotten.get()>
                {move || forgotten.get().then(|| B::DraftForgotten.text(lang.get()))}
            </p>
            {body}
            {move || (!is_done.get() && !sending.get()).then(|| {
                let forget = forget.clone();
                view! {
                    <div class="forget-draft">
                        <p class="hint">{move || B::ForgetDraftNote.text(lang.get())}</p>
                        <button type="button" class="secondary" on:click=forget>
                            {move || B::ForgetDraft.text(lang.get())}
                        </button>
                    </div>
                }
            })}
        </article>
    }
}

/// Which reception the request is for.
#[component]
fn ReceptionCard() -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let r = ctx.reception.reception.clone();
    let o = ctx.official.clone();
    let office_name = ctx.office_name.clone();
    move || {
        let lang = lang.get();
        view! {
            <dl class="facts booking-reception">
                <dt>{B::Official.text(lang)}</dt>
                <dd>
                    {o.full_name()}", "{o.position.get(lang).to_owned()}
                </dd>
                <dt>{B::DateTime.text(lang)}</dt>
                <dd>
                    {long_date(r.date, lang)}", "{hm(r.start)}"–"{hm(r.end)}
                </dd>
                <dt>{B::Place.text(lang)}</dt>
                <dd>{office_name.get(lang).to_owned()}" · "{place_text(&r.place, lang)}</dd>
                <dt>{B::Format.text(lang)}</dt>
                <dd>{format_msg(r.format).text(lang)}</dd>
            </dl>
        }
    }
}

/// The heading of a step: "Step 2 of 3: Your details", focused when the person moved there.
#[component]
pub fn StepHeading(step: Step, name: B) -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    if ctx.moved.get_untracked() {
        focus_later("step-heading".into());
    }
    view! {
        <h2 id="step-heading" tabindex="-1">
            {move || step_of(step.number(), 3, name.text(lang.get()), lang.get())}
        </h2>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_control_and_a_label() {
        for field in [
            "applicant.iin",
            "applicant.passport",
            "applicant.surname",
            "applicant.given_name",
            "on_behalf_of.given_name",
            "on_behalf_of.authority.date",
            "format.consent",
        ] {
            assert!(!dom_id(field).contains('.'), "{field}");
            assert!(!dom_id(field).contains('_'), "{field}");
        }
        assert_eq!(dom_id("applicant.given_name"), "applicant-given-name");
        assert_eq!(dom_id("on_behalf_of.surname"), "other-surname");
        assert_eq!(label_of("applicant.surname", Lang::Ru), "Фамилия");
        assert!(label_of("on_behalf_of.surname", Lang::En).starts_with("The person you act for"));
        assert!(order("applicant.iin") < order("matter.substance"));
        assert!(order("format.consent") < order("language"));
    }
}
