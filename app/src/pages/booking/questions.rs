//! Step 1: the eligibility questions for the official's kind (R17, R19, R22, R23, R27, R31,
//! R33), from `rules::ruleset`, decided in the browser by `rules::eligibility`. A refusal
//! shows each ground's clause and explanation and what to do instead, the district office
//! last (R18, R24, R32, R39) — and sends nothing to the server.

use super::draft::{asked_answers, Step};
use super::fields::ErrorSummary;
use super::ruleset::RuleSetNote;
use super::{focus_later, use_ctx, StepHeading};
use crate::i18n::booking::{clause_text, B};
use crate::i18n::guide::{answer_question, G};
use crate::lang::{href, use_lang};
use leptos::prelude::*;
use rules::eligibility::{is_asked, questions_for, Answer, Outcome};
use rules::ruleset::{Question, Role, RuleSet};
use rules::{Lang, LocalizedText, Tr};

const ANSWERS: [(Answer, B, &str); 3] = [
    (Answer::Yes, B::AnswerYes, "yes"),
    (Answer::No, B::AnswerNo, "no"),
    (Answer::Unknown, B::AnswerUnknown, "unknown"),
];

fn localized(t: Tr) -> LocalizedText {
    LocalizedText {
        kk: t.kk.to_owned(),
        ru: t.ru.to_owned(),
        en: t.en.to_owned(),
    }
}

#[component]
pub fn QuestionsStep() -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let draft = ctx.draft;
    let kind = ctx.kind;
    let questions: Vec<&'static Question> = questions_for(RuleSet::current(), kind).collect();
    // The refusal is shown once the person asks to go on with refusing answers.
    let refused = RwSignal::new(false);

    let unanswered = move || -> Vec<&'static Question> {
        draft.with(|d| {
            questions_for(RuleSet::current(), kind)
                .filter(|q| is_asked(q, &d.answers) && !d.answers.contains_key(q.id))
                .collect()
        })
    };
    // Short lines ("Answer question 3"), each a link to its question: the summary stays
    // shorter than a phone's screen however many are unanswered.
    let summary = Signal::derive(move || {
        if !ctx.show_errors.get() {
            return Vec::new();
        }
        let lang = lang.get();
        draft.with(|d| {
            questions_for(RuleSet::current(), kind)
                .filter(|q| is_asked(q, &d.answers))
                .enumerate()
                .filter(|(_, q)| !d.answers.contains_key(q.id))
                .map(|(i, q)| (format!("q-{}-yes", q.id), answer_question(i + 1, lang)))
                .collect()
        })
    });
    let next_ctx = ctx.clone();
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !unanswered().is_empty() {
            next_ctx.show_errors.set(true);
            focus_later("error-summary".into());
            return;
        }
        match next_ctx.verdict() {
            Some(v) if v.is_refused() => {
                refused.set(true);
                focus_later("refusal-heading".into());
            }
            Some(_) => next_ctx.go(Step::Form),
            None => {}
        }
    };

    let list = questions
        .into_iter()
        .map(|q| view! { <QuestionView q /> })
        .collect_view();
    let form = view! {
        <p class="lead">{move || B::QuestionsIntro.text(lang.get())}</p>
        <ErrorSummary items=summary compact=true />
        <form class="questions" novalidate on:submit=next>
            {list}
            <div class="actions">
                <button type="submit">{move || B::Next.text(lang.get())}</button>
            </div>
        </form>
        <RuleSetNote />
    };
    let refusal = move || {
        let outcome = ctx.verdict().map(|v| v.outcome);
        let (grounds, alternatives) = match &outcome {
            Some(Outcome::Refused {
                grounds,
                alternatives,
            }) => (
                grounds
                    .iter()
                    .map(|g| (g.clause.to_owned(), Some(localized(g.explanation))))
                    .collect(),
                alternatives
                    .iter()
                    .map(|a| (a.code().to_owned(), Some(localized(a.text()))))
                    .collect(),
            ),
            _ => (Vec::new(), Vec::new()),
        };
        view! {
            <RefusalPanel
                grounds
                alternatives
                local=true
                change=Callback::new(move |()| {
                    refused.set(false);
                    focus_later("step-heading".into());
                })
            />
        }
    };
    view! {
        <StepHeading step=Step::Questions name=B::StepQuestions />
        <div hidden=move || refused.get()>{form}</div>
        {move || refused.get().then(refusal.clone())}
    }
}

/// One question: yes / no / don't know, with its explanation; an exception appears only
/// after a "yes" on a ground it excepts.
#[component]
fn QuestionView(q: &'static Question) -> impl IntoView {
    let ctx = use_ctx();
    let lang = use_lang();
    let draft = ctx.draft;
    let kind = ctx.kind;
    let asked = Memo::new(move |_| draft.with(|d| is_asked(q, &d.answers)));
    // The question's number among those asked, as the error summary names it.
    let number = Memo::new(move |_| {
        draft.with(|d| {
            questions_for(RuleSet::current(), kind)
                .filter(|x| is_asked(x, &d.answers))
                .position(|x| x.id == q.id)
                .map_or(0, |i| i + 1)
        })
    });
    // R22, R27: the competence question names what this official is responsible for.
    let competence = (q.role == Role::Competence).then(|| {
        let areas = ctx.official.competence.clone();
        move || {
            let lang = lang.get();
            if areas.is_empty() {
                view! { <p class="competence muted">{G::CompetenceNotListed.text(lang)}</p> }
                    .into_any()
            } else {
                view! {
                    <div class="competence">
                        <p class="label">{G::OfficialCompetence.text(lang)}":"</p>
                        <ul>
                            {areas.iter().map(|c| view! { <li>{c.get(lang).to_owned()}</li> }).collect_view()}
                        </ul>
                    </div>
                }
                .into_any()
            }
        }
    });
    let missing =
        Memo::new(move |_| ctx.show_errors.get() && draft.with(|d| !d.answers.contains_key(q.id)));
    let error_id = format!("q-{}-error", q.id);
    let described = {
        let error_id = error_id.clone();
        move || missing.get().then(|| error_id.clone())
    };
    let radios = ANSWERS
        .into_iter()
        .map(|(answer, label, slug)| {
            let id = format!("q-{}-{slug}", q.id);
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=format!("q-{}", q.id)
                        value=slug
                        prop:checked=move || draft.with(|d| d.answers.get(q.id) == Some(&answer))
                        on:change=move |_| {
                            draft.update(|d| {
                                d.answers.insert(q.id.to_owned(), answer);
                                d.answers = asked_answers(kind, &d.answers);
                            });
                        }
                    />
                    <label for=id>{move || label.text(lang.get())}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="question"
            data-question=q.id
            hidden=move || !asked.get()
            aria-describedby=described
        >
            <legend>
                <span class="qnum">{move || format!("{}. ", number.get())}</span>
                {move || q.plain.get(lang.get())}
            </legend>
            {competence}
            <div class="answers">{radios}</div>
            <details class="help">
                <summary>{move || G::WhyWeAsk.text(lang.get())}</summary>
                <p>{move || q.help.get(lang.get())}</p>
                <p class="legal-label">{move || G::InTheRules.text(lang.get())}":"</p>
                <blockquote class="legal">
                    <p>{move || q.text.get(lang.get())}</p>
                    <footer>{move || clause_text(q.clause, lang.get())}</footer>
                </blockquote>
            </details>
            {move || missing.get().then(|| view! {
                <p class="field-error" id=error_id.clone()>{B::AnswerThis.text(lang.get())}</p>
            })}
        </fieldset>
    }
}

/// Why pre-registration is refused: every ground with its clause and explanation, then what
/// the person can do instead, the district office last (R39). Used for the questionnaire's
/// verdict and for a refusal by the server.
#[component]
pub fn RefusalPanel(
    grounds: Vec<(String, Option<LocalizedText>)>,
    alternatives: Vec<(String, Option<LocalizedText>)>,
    /// Decided in the browser: nothing was sent.
    #[prop(optional)]
    local: bool,
    #[prop(optional)] change: Option<Callback<()>>,
) -> impl IntoView {
    let lang = use_lang();
    let alternative_text = |code: &str, text: &Option<LocalizedText>, lang: Lang| -> String {
        match (text, rules::ruleset::Alternative::parse(code)) {
            (Some(t), _) => t.get(lang).to_owned(),
            (None, Some(a)) => a.text().get(lang).to_owned(),
            (None, None) => String::new(),
        }
    };
    let body = move || {
        let lang = lang.get();
        let grounds = grounds
            .iter()
            .map(|(clause, explanation)| {
                view! {
                    <li data-clause=clause.clone()>
                        <p class="clause">{clause_text(clause, lang)}</p>
                        {explanation.as_ref().map(|e| view! { <p>{e.get(lang).to_owned()}</p> })}
                    </li>
                }
            })
            .collect_view();
        let alternatives = alternatives
            .iter()
            .map(|(code, text)| {
                view! {
                    <li data-alternative=code.clone()>{alternative_text(code, text, lang)}</li>
                }
            })
            .collect_view();
        view! {
            <h4>{B::Grounds.text(lang)}</h4>
            <ul class="grounds">{grounds}</ul>
            <h4>{B::Alternatives.text(lang)}</h4>
            <ul class="alternatives">{alternatives}</ul>
            <p><a href=href(lang, "/") rel="external">{B::FindDistrictOffice.text(lang)}</a></p>
            {local.then(|| view! { <p class="muted">{B::NothingSent.text(lang)}</p> })}
        }
    };
    view! {
        <section class="refusal" aria-labelledby="refusal-heading">
            <h3 id="refusal-heading" tabindex="-1">{move || B::RefusedTitle.text(lang.get())}</h3>
            {body}
            <RuleSetNote />
            {change.map(|change| view! {
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| change.run(())>
                        {move || B::ChangeAnswers.text(lang.get())}
                    </button>
                </div>
            })}
        </section>
    }
}
