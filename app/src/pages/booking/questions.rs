//! Step 1: the eligibility questions for the official's kind (R17, R19, R22, R23, R27, R31,
//! R33), from `rules::ruleset`, decided in the browser by `rules::eligibility`. A refusal
//! shows each ground's clause and explanation and what to do instead, the district office
//! last (R18, R24, R32, R39) — and sends nothing to the server.

use super::draft::{asked_answers, Step};
use super::fields::error_summary;
use super::page::{St, Wizard};
use super::ruleset;
use super::{focus, B};
use crate::i18n::booking::clause_text;
use crate::i18n::guide::{answer_question, G};
use crate::i18n::manage::M;
use crate::lang::href;
use crate::plain::esc;
use rules::eligibility::{is_asked, questions_for, Answer, Outcome};
use rules::ruleset::{Alternative, Question, Role, RuleSet};
use rules::Lang;
use std::fmt::Write;

const ANSWERS: [(Answer, B, &str); 3] = [
    (Answer::Yes, B::Shared(M::AnswerYes), "yes"),
    (Answer::No, B::Shared(M::AnswerNo), "no"),
    (Answer::Unknown, B::Shared(M::AnswerUnknown), "unknown"),
];

pub fn html(w: &Wizard, st: &St) -> String {
    let lang = w.lang;
    let answers = &st.draft.answers;
    let mut list = String::new();
    let mut unanswered = Vec::new();
    let mut number = 0;
    for q in questions_for(RuleSet::current(), w.kind) {
        let asked = is_asked(q, answers);
        if asked {
            number += 1;
            if !answers.contains_key(q.id) {
                unanswered.push((format!("q-{}-yes", q.id), answer_question(number, lang)));
            }
        }
        list.push_str(&question(w, st, q, asked, number));
    }
    // Short lines ("Answer question 3"), each a link to its question: the summary stays
    // shorter than a phone's screen however many are unanswered.
    let summary = if st.show_errors {
        error_summary(&unanswered, true, lang)
    } else {
        String::new()
    };
    let hidden = if st.refused { " hidden" } else { "" };
    let refusal = if st.refused {
        refusal(w)
    } else {
        String::new()
    };
    format!(
        "{heading}<div{hidden}><p class=\"lead\">{intro}</p>{summary}\
         <form class=\"questions\" novalidate>{list}<div class=\"actions\">\
         <button type=\"submit\">{next}</button></div></form>{note}</div>{refusal}",
        heading = w.step_heading(Step::Questions, B::StepQuestions),
        intro = esc(B::QuestionsIntro.text(lang)),
        next = esc(B::Next.text(lang)),
        note = ruleset::note(lang),
    )
}

/// One question: yes / no / don't know, with its explanation; an exception appears only
/// after a "yes" on a ground it excepts.
fn question(w: &Wizard, st: &St, q: &Question, asked: bool, number: usize) -> String {
    let lang = w.lang;
    let current = st.draft.answers.get(q.id);
    let missing = st.show_errors && current.is_none();
    let id = q.id;
    // R22, R27: the competence question names what this official is responsible for.
    let competence = if q.role != Role::Competence {
        String::new()
    } else if w.card.competence.is_empty() {
        format!(
            "<p class=\"competence muted\">{}</p>",
            esc(G::CompetenceNotListed.text(lang))
        )
    } else {
        let mut items = String::new();
        for c in &w.card.competence {
            let _ = write!(items, "<li>{}</li>", esc(c));
        }
        format!(
            "<div class=\"competence\"><p class=\"label\">{}:</p><ul>{items}</ul></div>",
            esc(G::OfficialCompetence.text(lang))
        )
    };
    let mut radios = String::new();
    for (answer, label, slug) in ANSWERS {
        let checked = if current == Some(&answer) {
            " checked"
        } else {
            ""
        };
        let _ = write!(
            radios,
            "<div class=\"choice\"><input type=\"radio\" id=\"q-{id}-{slug}\" name=\"q-{id}\" \
             value=\"{slug}\"{checked}><label for=\"q-{id}-{slug}\">{}</label></div>",
            esc(label.text(lang))
        );
    }
    let (described, error) = if missing {
        (
            format!(" aria-describedby=\"q-{id}-error\""),
            format!(
                "<p class=\"field-error\" id=\"q-{id}-error\">{}</p>",
                esc(B::AnswerThis.text(lang))
            ),
        )
    } else {
        (String::new(), String::new())
    };
    format!(
        "<fieldset class=\"question\" data-question=\"{id}\"{hidden}{described}>\
         <legend><span class=\"qnum\">{num}. </span>{plain}</legend>{competence}\
         <div class=\"answers\">{radios}</div>\
         <details class=\"help\"><summary>{why}</summary><p>{help}</p>\
         <p class=\"legal-label\">{in_rules}:</p><blockquote class=\"legal\"><p>{text}</p>\
         <footer>{clause}</footer></blockquote></details>{error}</fieldset>",
        hidden = if asked { "" } else { " hidden" },
        num = if asked { number } else { 0 },
        plain = esc(q.plain.get(lang)),
        why = esc(G::WhyWeAsk.text(lang)),
        help = esc(q.help.get(lang)),
        in_rules = esc(G::InTheRules.text(lang)),
        text = esc(q.text.get(lang)),
        clause = esc(&clause_text(q.clause, lang)),
    )
}

/// A radio button of a question was chosen: whether it was one.
pub fn changed(w: &Wizard, name: &str, value: &str) -> bool {
    let Some(id) = name.strip_prefix("q-") else {
        return false;
    };
    let Some(q) = RuleSet::current().question(id) else {
        return false;
    };
    let Some((answer, _, _)) = ANSWERS.iter().find(|(_, _, slug)| *slug == value) else {
        return false;
    };
    let mut st = w.st.borrow_mut();
    st.draft.answers.insert(q.id.to_owned(), *answer);
    st.draft.answers = asked_answers(w.kind, &st.draft.answers);
    true
}

/// "Next": the unanswered questions, or the refusal, or the form.
pub fn next(w: &Wizard) {
    let unanswered = {
        let st = w.st.borrow();
        questions_for(RuleSet::current(), w.kind)
            .any(|q| is_asked(q, &st.draft.answers) && !st.draft.answers.contains_key(q.id))
    };
    if unanswered {
        w.st.borrow_mut().show_errors = true;
        w.render();
        focus("error-summary");
        return;
    }
    match w.verdict() {
        Some(v) if v.is_refused() => {
            w.st.borrow_mut().refused = true;
            w.render();
            focus("refusal-heading");
        }
        Some(_) => w.go(Step::Form),
        None => {}
    }
}

/// The questionnaire's refusal, decided here: nothing was sent.
fn refusal(w: &Wizard) -> String {
    let lang = w.lang;
    let Some(Outcome::Refused {
        grounds,
        alternatives,
    }) = w.verdict().map(|v| v.outcome)
    else {
        return String::new();
    };
    let grounds: Vec<(String, String)> = grounds
        .iter()
        .map(|g| (g.clause.to_owned(), g.explanation.get(lang).to_owned()))
        .collect();
    let alternatives: Vec<(String, String)> = alternatives
        .iter()
        .map(|a| (a.code().to_owned(), a.text().get(lang).to_owned()))
        .collect();
    refusal_panel(&grounds, &alternatives, true, lang)
}

/// Why pre-registration is refused: every ground with its clause and explanation, then what
/// the person can do instead, the district office last (R39). Used for the questionnaire's
/// verdict (`local`: nothing was sent, with "change the answers") and for a refusal by the
/// server. `grounds` are (clause, explanation), `alternatives` (code, text).
pub fn refusal_panel(
    grounds: &[(String, String)],
    alternatives: &[(String, String)],
    local: bool,
    lang: Lang,
) -> String {
    let mut g = String::new();
    for (clause, explanation) in grounds {
        let _ = write!(
            g,
            "<li data-clause=\"{}\"><p class=\"clause\">{}</p>{}</li>",
            esc(clause),
            esc(&clause_text(clause, lang)),
            if explanation.is_empty() {
                String::new()
            } else {
                format!("<p>{}</p>", esc(explanation))
            }
        );
    }
    let mut a = String::new();
    for (code, text) in alternatives {
        let text = if text.is_empty() {
            Alternative::parse(code)
                .map(|a| a.text().get(lang))
                .unwrap_or_default()
        } else {
            text
        };
        let _ = write!(
            a,
            "<li data-alternative=\"{}\">{}</li>",
            esc(code),
            esc(text)
        );
    }
    let (nothing_sent, change) = if local {
        (
            format!("<p class=\"muted\">{}</p>", esc(B::NothingSent.text(lang))),
            format!(
                "<div class=\"actions\"><button type=\"button\" class=\"secondary\" \
                 data-act=\"change-answers\">{}</button></div>",
                esc(B::ChangeAnswers.text(lang))
            ),
        )
    } else {
        (String::new(), String::new())
    };
    format!(
        "<section class=\"refusal\" aria-labelledby=\"refusal-heading\">\
         <h3 id=\"refusal-heading\" tabindex=\"-1\">{title}</h3>\
         <h4>{grounds_title}</h4><ul class=\"grounds\">{g}</ul>\
         <h4>{alt_title}</h4><ul class=\"alternatives\">{a}</ul>\
         <p><a href=\"{home}\" rel=\"external\">{district}</a></p>{nothing_sent}{note}{change}\
         </section>",
        title = esc(B::RefusedTitle.text(lang)),
        grounds_title = esc(B::Grounds.text(lang)),
        alt_title = esc(B::Shared(M::Alternatives).text(lang)),
        home = esc(&href(lang, "/")),
        district = esc(B::Shared(M::FindDistrictOffice).text(lang)),
        note = ruleset::note(lang),
    )
}
