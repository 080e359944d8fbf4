//! Step 3: everything the request says, then "Send", with the progress of the request, a
//! Retry when the connection dropped, and the server's answer when it refuses. What the
//! request's progress changes (the status line, the buttons) is written again alone.

use super::draft::{needs_passport, Form, Step};
use super::page::{Phase, SendState, St, Wizard};
use super::questions::refusal_panel;
use super::{focus, ruleset, submit, B};
use crate::i18n::booking::{
    attempt, authority_kind, clause_text, rate_limited, registration_closed,
};
use crate::i18n::guide::{decision_notice, G};
use crate::i18n::manage::M;
use crate::i18n::Msg;
use crate::lang::href;
use crate::plain::esc;
use ::api::{ErrorCode, ErrorDetail, Lenient};
use rules::eligibility::{is_asked, questions_for, Answer};
use rules::ruleset::RuleSet;
use rules::values::AuthorityKind;
use rules::Lang;
use std::fmt::Write;
use std::rc::Rc;

fn answer_text(a: Answer, lang: Lang) -> &'static str {
    match a {
        Answer::Yes => B::Shared(M::AnswerYes).text(lang),
        Answer::No => B::Shared(M::AnswerNo).text(lang),
        Answer::Unknown => B::Shared(M::AnswerUnknown).text(lang),
    }
}

fn choice(value: &str, lang: Lang) -> String {
    let b = match value {
        "individual" => B::KindIndividual,
        "representative" => B::KindRepresentative,
        "citizen" => B::Citizen,
        "foreigner" => B::Foreigner,
        "stateless" => B::Stateless,
        "kk" => B::Shared(M::LangKk),
        "ru" => B::Shared(M::LangRu),
        "in_person" => return Msg::FormatInPerson.text(lang).to_owned(),
        "video" => return Msg::FormatVideo.text(lang).to_owned(),
        other => return other.to_owned(),
    };
    b.text(lang).to_owned()
}

fn yes_no(v: bool, lang: Lang) -> &'static str {
    if v {
        B::Shared(M::Yes).text(lang)
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
        (t(B::Shared(M::Format)), choice(&f.format, lang)),
        (
            t(B::Shared(M::Interpreter)),
            if f.interpreter_needed {
                f.interpreter.trim().to_owned()
            } else {
                t(B::None)
            },
        ),
        (
            t(B::Shared(M::OutOfTown)),
            yes_no(f.out_of_town, lang).to_owned(),
        ),
        (t(B::Shared(M::Language)), choice(&f.language, lang)),
    ]);
    rows
}

/// While the outcome of a request is unknown, the request may not change.
fn locked(st: &St) -> bool {
    st.draft.pending.is_some() || st.send.sending()
}

fn disabled(yes: bool) -> &'static str {
    if yes {
        " disabled"
    } else {
        ""
    }
}

pub fn html(w: &Wizard, st: &St) -> String {
    let lang = w.lang;
    let t = |b: B| esc(b.text(lang));
    let g = |b: G| esc(b.text(lang));
    let locked = locked(st);
    let mut answers = String::new();
    for q in questions_for(RuleSet::current(), w.kind).filter(|q| is_asked(q, &st.draft.answers)) {
        if let Some(a) = st.draft.answers.get(q.id) {
            let _ = write!(
                answers,
                "<dt>{}</dt><dd>{}</dd>",
                esc(q.plain.get(lang)),
                esc(answer_text(*a, lang))
            );
        }
    }
    let mut details = String::new();
    for (label, value) in rows(&st.draft.form, lang) {
        let _ = write!(details, "<dt>{}</dt><dd>{}</dd>", esc(&label), esc(&value));
    }
    let consented = st.draft.form.data_consent;
    let consent_error = st.consent_missing && !consented;
    format!(
        "{heading}<p class=\"lead\">{intro}</p>\
         <section aria-labelledby=\"review-answers\"><div class=\"section-head\">\
         <h3 id=\"review-answers\">{your_answers}</h3>\
         <button type=\"button\" class=\"link edit\" data-act=\"edit-answers\"{dis}>{change}</button>\
         </div><dl class=\"review\">{answers}</dl></section>\
         <section aria-labelledby=\"review-details\"><div class=\"section-head\">\
         <h3 id=\"review-details\">{your_details}</h3>\
         <button type=\"button\" class=\"link edit\" data-act=\"edit-details\"{dis}>{edit}</button>\
         </div><dl class=\"review\">{details}</dl></section>\
         <section class=\"notice decision\" aria-labelledby=\"review-decision\">\
         <h3 id=\"review-decision\">{decision_title}</h3><p>{decision}</p></section>\
         <form class=\"send\" novalidate>\
         <fieldset class=\"field checkbox consent{has_error}\"><legend>{consent_title}</legend>\
         <p class=\"hint\">{consent_text}</p><div class=\"choice\">\
         <input type=\"checkbox\" id=\"data-consent\" name=\"data-consent\"{checked}{dis}{invalid}>\
         <label for=\"data-consent\">{consent_label}</label></div>{consent_err}</fieldset>\
         <div id=\"send-status\" class=\"send-status\" tabindex=\"-1\" role=\"status\" \
         aria-live=\"polite\">{status}</div><div class=\"actions\">{actions}</div></form>",
        heading = w.step_heading(Step::Review, B::StepReview),
        intro = t(B::ReviewIntro),
        your_answers = t(B::YourAnswers),
        change = t(B::ChangeAnswers),
        your_details = t(B::YourDetails),
        edit = g(G::EditDetails),
        dis = disabled(locked),
        decision_title = g(G::DecisionTitle),
        decision = esc(&decision_notice(
            RuleSet::current().consideration_period.working_days,
            lang
        )),
        has_error = if consent_error { " has-error" } else { "" },
        consent_title = g(G::ConsentTitle),
        consent_text = g(G::ConsentText),
        checked = if consented { " checked" } else { "" },
        invalid = if consent_error {
            " aria-invalid=\"true\" aria-describedby=\"data-consent-error\""
        } else {
            ""
        },
        consent_label = g(G::ConsentLabel),
        consent_err = consent_error_line(consent_error, lang),
        status = status(w, &st.send),
        actions = actions(st, lang),
    )
}

fn consent_error_line(shown: bool, lang: Lang) -> String {
    if shown {
        format!(
            "<p class=\"field-error\" id=\"data-consent-error\">{}</p>",
            esc(G::ConsentRequired.text(lang))
        )
    } else {
        String::new()
    }
}

/// Back, and Send (or Retry when the request can be sent again as it is).
fn actions(st: &St, lang: Lang) -> String {
    let retry = matches!(
        st.send,
        SendState::FailedNetwork
            | SendState::FailedServer
            | SendState::FailedCheck
            | SendState::RateLimited(_)
    );
    let main = if retry {
        format!(
            "<button type=\"button\" data-act=\"retry\">{}</button>",
            esc(Msg::Retry.text(lang))
        )
    } else {
        format!(
            "<button type=\"submit\"{}>{}</button>",
            disabled(matches!(
                st.send,
                SendState::Sending { .. } | SendState::Rejected(_)
            )),
            esc(B::Send.text(lang))
        )
    };
    format!(
        "<button type=\"button\" class=\"secondary\" data-act=\"back-to-form\"{}>{}</button>{main}",
        disabled(locked(st)),
        esc(B::Back.text(lang)),
    )
}

fn status(w: &Wizard, send: &SendState) -> String {
    let lang = w.lang;
    let failure = |text: &str| format!("<div class=\"status error\"><p>{}</p></div>", esc(text));
    match send {
        SendState::Idle => String::new(),
        SendState::Sending {
            phase: Phase::Offline,
            ..
        } => format!(
            "<p class=\"status offline\">{}</p>",
            esc(B::WaitingForConnection.text(lang))
        ),
        SendState::Sending { attempt: n, phase } => format!(
            "<p class=\"status loading\"><span class=\"spinner\" aria-hidden=\"true\"></span>{}{}</p>",
            esc(if *phase == Phase::Checking {
                B::Checking.text(lang)
            } else {
                B::Sending.text(lang)
            }),
            if *n > 1 {
                esc(&format!(" ({})", attempt(*n, lang)))
            } else {
                String::new()
            }
        ),
        SendState::FailedNetwork => failure(B::SendFailedNetwork.text(lang)),
        SendState::FailedServer => failure(B::SendFailedServer.text(lang)),
        SendState::FailedCheck => failure(B::SendFailedCheck.text(lang)),
        SendState::RateLimited(after) => failure(&rate_limited(*after, lang)),
        SendState::Rejected(e) => rejection(e, &w.office_id, lang),
    }
}

/// The review's parts that follow the request and the consent, written again.
pub fn refresh(w: &Wizard) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(st) = w.st.try_borrow() else {
        return;
    };
    if st.draft.step != Step::Review {
        return;
    }
    let lang = w.lang;
    let locked = locked(&st);
    let set_disabled = |el: &web_sys::Element| {
        let _ = if locked {
            el.set_attribute("disabled", "")
        } else {
            el.remove_attribute("disabled")
        };
    };
    for edit in ["[data-act=edit-answers]", "[data-act=edit-details]"] {
        if let Some(el) = doc.query_selector(edit).ok().flatten() {
            set_disabled(&el);
        }
    }
    let consent_error = st.consent_missing && !st.draft.form.data_consent;
    if let Some(input) = doc.get_element_by_id("data-consent") {
        set_disabled(&input);
        if consent_error {
            let _ = input.set_attribute("aria-invalid", "true");
            let _ = input.set_attribute("aria-describedby", "data-consent-error");
        } else {
            let _ = input.remove_attribute("aria-invalid");
            let _ = input.remove_attribute("aria-describedby");
        }
        if let Some(fieldset) = input.closest("fieldset").ok().flatten() {
            let _ = fieldset
                .class_list()
                .toggle_with_force("has-error", consent_error);
            let shown = doc.get_element_by_id("data-consent-error");
            match (shown, consent_error) {
                (Some(p), false) => p.remove(),
                (None, true) => {
                    let _ =
                        fieldset.insert_adjacent_html("beforeend", &consent_error_line(true, lang));
                }
                _ => {}
            }
        }
    }
    let write = |selector: &str, html: String| {
        if let Some(el) = doc.query_selector(selector).ok().flatten() {
            if el.inner_html() != html {
                el.set_inner_html(&html);
            }
        }
    };
    write("#send-status", status(w, &st.send));
    write("form.send .actions", actions(&st, lang));
    if let Some(forget) = doc.query_selector(".forget-draft").ok().flatten() {
        let _ = if st.send.sending() {
            forget.set_attribute("hidden", "")
        } else {
            forget.remove_attribute("hidden")
        };
    }
}

/// "Send": asks for the consent first.
pub fn send(w: &Rc<Wizard>) {
    if !w.st.borrow().draft.form.data_consent {
        w.st.borrow_mut().consent_missing = true;
        refresh(w);
        focus("data-consent");
        return;
    }
    submit::submit(w);
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
fn rejection(e: &ErrorDetail, office_id: &str, lang: Lang) -> String {
    let text = esc(&rejection_text(e, lang));
    if e.code == ErrorCode::Refused {
        let grounds: Vec<(String, String)> = e
            .grounds
            .iter()
            .flatten()
            .map(|g| (g.clause.clone(), g.explanation.get(lang).to_owned()))
            .collect();
        // An alternative this build does not know has no text to show.
        let alternatives: Vec<(String, String)> = e
            .alternatives
            .iter()
            .flatten()
            .filter_map(|a| match a {
                Lenient::Known(a) => Some((a.code().to_owned(), a.text().get(lang).to_owned())),
                Lenient::Unknown(_) => None,
            })
            .collect();
        return format!(
            "<div class=\"status error\"><p>{text}</p>{}</div>",
            refusal_panel(&grounds, &alternatives, false, lang)
        );
    }
    // R37, R14, R28: decided by the Rules, which the note names.
    let note = if e.code == ErrorCode::NoPreRegistration {
        ruleset::note(lang)
    } else {
        String::new()
    };
    format!(
        "<div class=\"status error\"><p>{text}</p>{note}<p><a href=\"{}\" rel=\"external\">{}</a></p></div>",
        esc(&href(lang, &format!("/offices/{office_id}"))),
        esc(B::ChooseAnother.text(lang)),
    )
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
