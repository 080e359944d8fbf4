//! Step 3: everything the request says, then "Send", with the progress of the request, a
//! Retry when the connection dropped, and the server's answer when it refuses.

use super::draft::{needs_passport, Form, Step};
use super::questions::RefusalPanel;
use super::ruleset::RuleSetNote;
use super::{focus_later, submit, use_ctx, Phase, SendState, StepHeading};
use crate::i18n::booking::{
    attempt, authority_kind, clause_text, rate_limited, registration_closed, B,
};
use crate::i18n::guide::{decision_notice, G};
use crate::i18n::Msg;
use crate::lang::{href, use_lang};
use ::api::{ErrorCode, ErrorDetail, Lenient};
use leptos::prelude::*;
use rules::eligibility::{is_asked, questions_for, Answer};
use rules::ruleset::RuleSet;
use rules::values::AuthorityKind;
use rules::Lang;

fn answer_text(a: Answer, lang: Lang) -> &'static str {
    match a {
        Answer::Yes => B::AnswerYes.text(lang),
        Answer::No => B::AnswerNo.text(lang),
        Answer::Unknown => B::AnswerUnknown.text(lang),
    }
}

fn choice(value: &str, lang: Lang) -> String {
    let b = match value {
        "individual" => B::KindIndividual,
        "representative" => B::KindRepresentative,
        "citizen" => B::Citizen,
        "foreigner" => B::Foreigner,
        "stateless" => B::Stateless,
        "kk" => B::LangKk,
        "ru" => B::LangRu,
        "in_person" => return Msg::FormatInPerson.text(lang).to_owned(),
        "video" => return Msg::FormatVideo.text(lang).to_owned(),
        other => return other.to_owned(),
    };
    b.text(lang).to_owned()
}

fn yes_no(v: bool, lang: Lang) -> &'static str {
    if v {
        B::Yes.text(lang)
    } else {
        B::No.text(lang)
    }
}

/// The form as rows of the review: (label, value).
fn rows(f: &Form, lang: Lang) -> Vec<(String, String)> {
    let t = |b: B| b.text(lang).to_owned();
    let opt = |s: &str| {
        if s.trim().is_empty() {
            B::None.text(lang).to_owned()
        } else {
            s.trim().to_owned()
        }
    };
    let document = |citizenship: &str| {
        if needs_passport(citizenship) {
            t(B::Passport)
        } else {
            t(B::Iin)
        }
    };
    let mut rows = vec![
        (t(B::ApplicantKind), choice(&f.kind, lang)),
        (t(B::Citizenship), choice(&f.citizenship, lang)),
        (document(&f.citizenship), f.document.trim().to_owned()),
        (t(B::Surname), f.surname.trim().to_owned()),
        (t(B::GivenName), f.given_name.trim().to_owned()),
        (t(B::Patronymic), opt(&f.patronymic)),
        (t(B::Phone), f.phone.trim().to_owned()),
        (t(B::Email), opt(&f.email)),
    ];
    if f.is_representative() {
        rows.push((t(B::Bin), f.bin.trim().to_owned()));
    } else {
        rows.push((
            t(B::Acting),
            t(if f.for_other { B::ForOther } else { B::ForSelf }),
        ));
        if f.for_other {
            let who = B::OtherPerson.text(lang);
            rows.extend([
                (
                    format!("{who} — {}", t(B::Citizenship)),
                    choice(&f.other_citizenship, lang),
                ),
                (
                    format!("{who} — {}", document(&f.other_citizenship)),
                    f.other_document.trim().to_owned(),
                ),
                (
                    format!("{who} — {}", t(B::Surname)),
                    f.other_surname.trim().to_owned(),
                ),
                (
                    format!("{who} — {}", t(B::GivenName)),
                    f.other_given_name.trim().to_owned(),
                ),
                (
                    format!("{who} — {}", t(B::Patronymic)),
                    opt(&f.other_patronymic),
                ),
            ]);
        }
    }
    if f.acts_for_someone() {
        let kind = AuthorityKind::parse(&f.authority_kind)
            .map(|k| authority_kind(k, lang).to_owned())
            .unwrap_or_default();
        rows.extend([
            (t(B::AuthorityKind), kind),
            (t(B::AuthorityNumber), f.authority_number.trim().to_owned()),
            (t(B::AuthorityDate), f.authority_date.trim().to_owned()),
        ]);
    }
    rows.extend([
        (t(B::Substance), f.substance.trim().to_owned()),
        (t(B::Format), choice(&f.format, lang)),
        (
            t(B::Interpreter),
            if f.interpreter_needed {
                f.interpreter.trim().to_owned()
            } else {
                t(B::None)
            },
        ),
        (t(B::OutOfTown), yes_no(f.out_of_town, lang).to_owned()),
        (t(B::Language), choice(&f.language, lang)),
    ]);
    rows
}

#[component]
pub fn ReviewStep() -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let draft = ctx.draft;
    let kind = ctx.kind;
    let sending = ctx.sending;
    let send = {
        let ctx = ctx.clone();
        Memo::new(move |_| ctx.send_state())
    };
    // While the outcome of a request is unknown, the request may not change.
    let locked = Memo::new(move |_| draft.with(|d| d.pending.is_some()) || sending.get());

    let answers = move || {
        let lang = lang.get();
        draft.with(|d| {
            questions_for(RuleSet::current(), kind)
                .filter(|q| is_asked(q, &d.answers))
                .filter_map(|q| d.answers.get(q.id).map(|a| (q, *a)))
                .map(|(q, a)| {
                    view! {
                        <dt>{q.plain.get(lang)}</dt>
                        <dd>{answer_text(a, lang)}</dd>
                    }
                })
                .collect_view()
        })
    };
    let details = move || {
        let lang = lang.get();
        draft.with(|d| {
            rows(&d.form, lang)
                .into_iter()
                .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
                .collect_view()
        })
    };
    // Consent to the processing of personal data: asked before anything is sent.
    let consent_missing = RwSignal::new(false);
    let consented = Memo::new(move |_| draft.with(|d| d.form.data_consent));
    let send_ctx = ctx.clone();
    let on_send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !consented.get_untracked() {
            consent_missing.set(true);
            focus_later("data-consent".into());
            return;
        }
        submit::submit(send_ctx.clone());
    };
    let back_ctx = ctx.clone();
    let back = move |_| back_ctx.go(Step::Form);
    let edit_answers = {
        let ctx = ctx.clone();
        move |_| ctx.go(Step::Questions)
    };
    let edit_details = {
        let ctx = ctx.clone();
        move |_| ctx.go(Step::Form)
    };
    let consent_described = move || consent_missing.get().then_some("data-consent-error");
    let office = ctx.office_id.clone();
    let status = move || {
        let lang = lang.get();
        let office = office.clone();
        match send.get() {
            SendState::Idle => ().into_any(),
            SendState::Sending { phase: Phase::Offline, .. } => view! {
                <p class="status offline">{B::WaitingForConnection.text(lang)}</p>
            }
            .into_any(),
            SendState::Sending { attempt: n, phase } => view! {
                <p class="status loading">
                    <span class="spinner" aria-hidden="true"></span>
                    {if phase == Phase::Checking { B::Checking.text(lang) } else { B::Sending.text(lang) }}
                    {(n > 1).then(|| format!(" ({})", attempt(n, lang)))}
                </p>
            }
            .into_any(),
            SendState::FailedNetwork => failure(B::SendFailedNetwork.text(lang).to_owned()),
            SendState::FailedServer => failure(B::SendFailedServer.text(lang).to_owned()),
            SendState::FailedCheck => failure(B::SendFailedCheck.text(lang).to_owned()),
            SendState::RateLimited(after) => failure(rate_limited(after, lang)),
            SendState::Rejected(e) => rejection(e, &office, lang),
        }
    };
    let retry_ctx = ctx.clone();
    let retry_visible = move || {
        matches!(
            send.get(),
            SendState::FailedNetwork
                | SendState::FailedServer
                | SendState::FailedCheck
                | SendState::RateLimited(_)
        )
    };
    view! {
        <StepHeading step=Step::Review name=B::StepReview />
        <p class="lead">{move || B::ReviewIntro.text(lang.get())}</p>
        <section aria-labelledby="review-answers">
            <div class="section-head">
                <h3 id="review-answers">{move || B::YourAnswers.text(lang.get())}</h3>
                <button type="button" class="link edit" on:click=edit_answers
                    disabled=move || locked.get()>
                    {move || B::ChangeAnswers.text(lang.get())}
                </button>
            </div>
            <dl class="review">{answers}</dl>
        </section>
        <section aria-labelledby="review-details">
            <div class="section-head">
                <h3 id="review-details">{move || B::YourDetails.text(lang.get())}</h3>
                <button type="button" class="link edit" on:click=edit_details
                    disabled=move || locked.get()>
                    {move || G::EditDetails.text(lang.get())}
                </button>
            </div>
            <dl class="review">{details}</dl>
        </section>
        <section class="notice decision" aria-labelledby="review-decision">
            <h3 id="review-decision">{move || G::DecisionTitle.text(lang.get())}</h3>
            <p>
                {move || decision_notice(
                    RuleSet::current().consideration_period.working_days,
                    lang.get(),
                )}
            </p>
        </section>
        <form class="send" novalidate on:submit=on_send>
            <fieldset class="field checkbox consent"
                class:has-error=move || consent_missing.get() && !consented.get()>
                <legend>{move || G::ConsentTitle.text(lang.get())}</legend>
                <p class="hint">{move || G::ConsentText.text(lang.get())}</p>
                <div class="choice">
                    <input
                        type="checkbox"
                        id="data-consent"
                        name="data-consent"
                        prop:checked=move || consented.get()
                        disabled=move || locked.get()
                        on:change=move |ev| {
                            let checked = event_target_checked(&ev);
                            draft.update(|d| d.form.data_consent = checked);
                        }
                        aria-invalid=move || (consent_missing.get() && !consented.get()).then_some("true")
                        aria-describedby=consent_described
                    />
                    <label for="data-consent">{move || G::ConsentLabel.text(lang.get())}</label>
                </div>
                {move || (consent_missing.get() && !consented.get()).then(|| view! {
                    <p class="field-error" id="data-consent-error">
                        {G::ConsentRequired.text(lang.get())}
                    </p>
                })}
            </fieldset>
            <div id="send-status" class="send-status" tabindex="-1" role="status" aria-live="polite">
                {status}
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=back disabled=move || locked.get()>
                    {move || B::Back.text(lang.get())}
                </button>
                {move || if retry_visible() {
                    let ctx = retry_ctx.clone();
                    view! {
                        <button type="button" on:click=move |_| submit::submit(ctx.clone())>
                            {move || Msg::Retry.text(lang.get())}
                        </button>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="submit"
                            disabled=move || matches!(send.get(), SendState::Sending { .. } | SendState::Rejected(_))>
                            {move || B::Send.text(lang.get())}
                        </button>
                    }
                    .into_any()
                }}
            </div>
        </form>
    }
}

fn failure(text: String) -> AnyView {
    view! { <div class="status error"><p>{text}</p></div> }.into_any()
}

/// A definitive rejection (the server's, or `rules::admission`'s before sending) in words,
/// by its code and clause; a code this build does not know, generically.
pub fn rejection_text(e: &ErrorDetail, lang: Lang) -> String {
    match &e.code {
        ErrorCode::ReceptionFull => B::ErrReceptionFull.text(lang).to_owned(),
        ErrorCode::RegistrationClosed => registration_closed(e.clause.as_deref(), lang),
        ErrorCode::DuplicateBooking => B::ErrDuplicate.text(lang).to_owned(),
        ErrorCode::UnknownReception => B::ErrUnknownReception.text(lang).to_owned(),
        ErrorCode::VideoOnly => B::ErrVideoOnly.text(lang).to_owned(),
        ErrorCode::VideoReception => B::ErrVideoReception.text(lang).to_owned(),
        ErrorCode::Refused => B::ErrRefusedServer.text(lang).to_owned(),
        ErrorCode::NoPreRegistration => {
            let clause = e
                .clause
                .as_deref()
                .map(|c| format!(" ({})", clause_text(c, lang)))
                .unwrap_or_default();
            format!(
                "{}{clause}. {}",
                B::NoPreRegTitle.text(lang),
                Msg::ReceptionDistrict.text(lang)
            )
        }
        _ => B::ErrGeneric.text(lang).to_owned(),
    }
}

/// The definitive answer, in words; nothing was booked.
fn rejection(e: ErrorDetail, office_id: &str, lang: Lang) -> AnyView {
    let another = view! {
        <p><a href=href(lang, &format!("/offices/{office_id}")) rel="external">{B::ChooseAnother.text(lang)}</a></p>
    };
    let text = rejection_text(&e, lang);
    if e.code == ErrorCode::Refused {
        let grounds = e
            .grounds
            .unwrap_or_default()
            .into_iter()
            .map(|g| (g.clause, Some(g.explanation)))
            .collect();
        // An alternative this build does not know has no text to show.
        let alternatives = e
            .alternatives
            .unwrap_or_default()
            .into_iter()
            .filter_map(|a| match a {
                Lenient::Known(a) => Some((a.code().to_owned(), Some(a.text().into()))),
                Lenient::Unknown(_) => None,
            })
            .collect();
        return view! {
            <div class="status error">
                <p>{text}</p>
                <RefusalPanel grounds alternatives />
            </div>
        }
        .into_any();
    }
    // R37, R14, R28: decided by the Rules, which the note names.
    let by_rules = e.code == ErrorCode::NoPreRegistration;
    view! {
        <div class="status error">
            <p>{text}</p>
            {by_rules.then(|| view! { <RuleSetNote /> })}
            {another}
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booking_api::read_error;

    /// A code the server may answer with that this build does not know reads and shows the
    /// generic text in every language; a known one its own (R16 named by its clause).
    #[test]
    fn an_unknown_error_code_shows_the_generic_text() {
        let unknown = read_error(r#"{"error":{"code":"queue_closed","message":"","field":null}}"#);
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            assert_eq!(rejection_text(&unknown, lang), B::ErrGeneric.text(lang));
        }
        let r16 = rules::window::WindowClause::R16.id();
        let closed = read_error(&format!(
            r#"{{"error":{{"code":"registration_closed","message":"","field":"reception_id","clause":"{r16}"}}}}"#
        ));
        let text = rejection_text(&closed, Lang::En);
        assert!(text.contains(&clause_text(closed.clause.as_deref().unwrap(), Lang::En)));
        assert_ne!(text, B::ErrGeneric.text(Lang::En));
    }
}
