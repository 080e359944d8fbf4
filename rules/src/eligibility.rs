//! May this person be pre-registered with this official? The answers to the questions of a
//! [`RuleSet`] decide it, the same way in the browser and in the Worker, and the verdict
//! names the rule set that decided it (RULES.md, "Readings", 9).
//!
//! - A "yes" on a ground refuses (R17, R23, R31), unless one of its exceptions is also
//!   "yes" (R19.2, R23.3, R31.1, R33): then staff must confirm the exception, so the
//!   request goes to review.
//! - "Don't know" never refuses (RULES.md, "Readings", 4): on a ground, on competence, on
//!   an exception of a ground answered "yes", or on a case of R19, it sends the request to
//!   review. A ground answered "yes" refuses only when every exception to it is "no".
//! - Competence (R22, R27): "no" refuses.
//! - R19 is not a precondition (RULES.md, "Readings", 1): a PG request stating none of its
//!   three cases is not refused for that. A "yes" on one of them (and on R33 for a regional
//!   official) marks the request for the agreement of the units concerned, which staff
//!   record before confirming it ([`Agreement`]).
//! - R19(2) excepts R17(2) for the PG only; for PG deputies R23(1) and R23(2) have no
//!   exception (RULES.md, "Readings", 2).
//! - Refusal beats review: any refusing answer refuses, whatever else is unknown; a refused
//!   request carries no agreement marks.
//! - Officials who take no pre-registration (R37 district, R4/R6 receiving and duty
//!   prosecutors, R14/R28 unit heads "as the need arises") have no questionnaire:
//!   [`Outcome::NoPreRegistration`], never a refusal (R39).
//!
//! Input is strict, so that a client using the wrong question set is told rather than
//! silently judged on part of its answers: an unknown question id, an answer to a question
//! that does not apply to the official kind, and a missing answer to a question that is
//! asked are errors (HTTP 422 naming `answers.<id>`). Exceptions are follow-ups: they are
//! asked, and so required, only once a ground they except is answered "yes"; answered
//! otherwise they are accepted and have no effect.

use crate::lang::Tr;
use crate::official::{Access, OfficialKind};
use crate::ruleset::{AgreementWith, Alternative, Question, Role, RuleSet};
use crate::tr;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// An applicant's answer: yes / no / don't know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    Yes,
    No,
    Unknown,
}

/// Answers by question id, as the API receives them: `{"r17_1_outside_competence":"no"}`.
pub type Answers = BTreeMap<String, Answer>;

/// A refusing clause with its explanation (R18, R24, R32).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ground {
    /// `R17.1`, `R23.4 (R17.3)`, `R22`, ...
    pub clause: &'static str,
    /// The question whose answer refused.
    pub question: &'static str,
    pub explanation: Tr,
}

/// Why staff must look at the request before it can be registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewCode {
    /// "Don't know" on a ground, on competence, or on an exception of a ground answered
    /// "yes".
    UnknownAnswer,
    /// "Don't know" on a case of R19: staff find out whether the GPO's units must agree.
    UnknownAgreement,
    /// An exception cancelled a ground; staff confirm it (R19.2, R23.3, R31.1, R33).
    ExceptionToConfirm,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewReason {
    pub code: ReviewCode,
    pub clause: &'static str,
    /// The question answered "don't know", or the exception answered "yes".
    pub question: &'static str,
    pub explanation: Tr,
}

/// A mark on a request that staff record the agreement of the units concerned before they
/// confirm it (R19: the GPO's units; R33: the office's structural unit). Serialises as
/// `{"clause":"R19.1","question":"r19_1_protest_court_act","with":"gpo_units",
/// "explanation":{kk,ru,en}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agreement {
    /// `R19.1`, `R19.2`, `R19.3` or `R33`.
    pub clause: &'static str,
    /// The question answered "yes".
    pub question: &'static str,
    pub with: AgreementWith,
    pub explanation: Tr,
}

/// What the questionnaire decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Eligible,
    NeedsReview {
        reasons: Vec<ReviewReason>,
    },
    Refused {
        grounds: Vec<Ground>,
        /// Ground-specific alternatives first, then the district office (R39), which is
        /// always offered.
        alternatives: Vec<Alternative>,
    },
    /// This official takes no pre-registration (R37, R39, R4, R6, R14, R28).
    NoPreRegistration,
}

impl Outcome {
    pub fn code(&self) -> &'static str {
        match self {
            Outcome::Eligible => "eligible",
            Outcome::NeedsReview { .. } => "needs_review",
            Outcome::Refused { .. } => "refused",
            Outcome::NoPreRegistration => "no_pre_registration",
        }
    }
}

/// The outcome of the questionnaire under one rule set, with the agreement marks the
/// answers call for. Serialises as the API's
/// `{"rule_set","verdict","grounds","reasons","alternatives","agreements"}`, always with
/// every key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The id of the rule set that decided ([`RuleSet::id`]).
    pub rule_set: &'static str,
    pub outcome: Outcome,
    /// R19, R33: in questionnaire order; empty unless the outcome lets the request go on
    /// (eligible or needs review).
    pub agreements: Vec<Agreement>,
}

impl Verdict {
    /// A verdict without agreement marks.
    pub fn new(rule_set: &RuleSet, outcome: Outcome) -> Verdict {
        Verdict {
            rule_set: rule_set.id,
            outcome,
            agreements: Vec::new(),
        }
    }

    pub fn code(&self) -> &'static str {
        self.outcome.code()
    }

    pub fn is_refused(&self) -> bool {
        matches!(self.outcome, Outcome::Refused { .. })
    }

    pub fn grounds(&self) -> &[Ground] {
        match &self.outcome {
            Outcome::Refused { grounds, .. } => grounds,
            _ => &[],
        }
    }

    pub fn reasons(&self) -> &[ReviewReason] {
        match &self.outcome {
            Outcome::NeedsReview { reasons } => reasons,
            _ => &[],
        }
    }

    pub fn alternatives(&self) -> &[Alternative] {
        match &self.outcome {
            Outcome::Refused { alternatives, .. } => alternatives,
            _ => &[],
        }
    }
}

impl Serialize for Verdict {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Verdict", 6)?;
        s.serialize_field("rule_set", self.rule_set)?;
        s.serialize_field("verdict", self.code())?;
        s.serialize_field("grounds", self.grounds())?;
        s.serialize_field("reasons", self.reasons())?;
        s.serialize_field("alternatives", self.alternatives())?;
        s.serialize_field("agreements", &self.agreements)?;
        s.end()
    }
}

/// Bad input; the API answers 422 with `code()` and `field()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EligibilityError {
    /// No question of the rule set has this id.
    UnknownQuestion { id: String },
    /// The question exists but not for this official kind.
    NotApplicable { id: String },
    /// A question that is asked was not answered.
    Unanswered { id: String },
}

impl EligibilityError {
    pub fn code(&self) -> &'static str {
        match self {
            EligibilityError::UnknownQuestion { .. } => "unknown_question",
            EligibilityError::NotApplicable { .. } => "not_applicable",
            EligibilityError::Unanswered { .. } => "unanswered",
        }
    }

    pub fn id(&self) -> &str {
        match self {
            EligibilityError::UnknownQuestion { id }
            | EligibilityError::NotApplicable { id }
            | EligibilityError::Unanswered { id } => id,
        }
    }

    /// The request field at fault, e.g. `answers.r17_1_outside_competence`.
    pub fn field(&self) -> String {
        format!("answers.{}", self.id())
    }
}

impl fmt::Display for EligibilityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code(), self.field())
    }
}

impl std::error::Error for EligibilityError {}

/// "Don't know": the responsible officer studies the documents (R15, R30).
const UNKNOWN_ANSWER: Tr = tr! {
    kk: "Сіз «білмеймін» деп жауап бердіңіз: жауапты қызметкер құжаттарыңыз бен хат алмасу материалдарын зерделеп, сізді қабылдауға жазуға болатынын шешеді; шешім мен оның себептері сізге хабарланады.",
    ru: "Вы ответили «не знаю»: ответственный работник изучит ваши документы и материалы переписки и решит, можно ли записать вас на приём; о решении и его причинах вам сообщат.",
    en: "You answered “don't know”: the responsible officer will study your documents and correspondence and decide whether you can be registered; you will be told the decision and its reasons.",
};

/// "Don't know" on a case of R19: it never refuses, it only decides whether the GPO's
/// units must agree (RULES.md, "Readings", 1).
const UNKNOWN_AGREEMENT: Tr = tr! {
    kk: "Сіз «білмеймін» деп жауап бердіңіз: Орталық құжаттарыңызды зерделеп, өтінішіңіз Бас прокуратураның құрылымдық бөлімшелерімен келісуді қажет ететін Қағидалардың 19-тармағындағы жағдайлардың біріне жата ма, соны анықтайды. Бұл жауап жазудан бас тартуға негіз болмайды.",
    ru: "Вы ответили «не знаю»: Центр изучит ваши документы и определит, относится ли ваше обращение к случаям пункта 19 Правил, требующим согласования со структурными подразделениями Генеральной прокуратуры. Этот ответ не является основанием для отказа в записи.",
    en: "You answered “don't know”: the Centre will study your documents and determine whether your request is one of the cases of para 19 of the Rules that need the agreement of the General Prosecutor's Office's units. This answer is no ground to refuse registration.",
};

/// The questions of the rule set that apply to an official kind, in questionnaire order.
/// Empty for kinds that take no pre-registration.
pub fn questions_for<'a>(
    rule_set: &'a RuleSet,
    kind: OfficialKind,
) -> impl Iterator<Item = &'a Question> + 'a {
    rule_set
        .questions
        .iter()
        .filter(move |q| q.applies_to(kind))
}

/// Whether a question (of the applicable ones) is asked given the answers so far: always,
/// except an exception, which follows a "yes" on a ground it excepts.
pub fn is_asked(question: &Question, answers: &Answers) -> bool {
    question.role != Role::Exception
        || question
            .exception_to
            .iter()
            .any(|ground| answers.get(*ground) == Some(&Answer::Yes))
}

/// The questions still to answer, in order: what the SPA shows next.
pub fn pending<'a>(
    rule_set: &'a RuleSet,
    kind: OfficialKind,
    answers: &'a Answers,
) -> impl Iterator<Item = &'a Question> + 'a {
    questions_for(rule_set, kind)
        .filter(move |q| is_asked(q, answers) && !answers.contains_key(q.id))
}

/// Decides pre-registration with an official of `kind` from the answers.
pub fn eligibility(
    rule_set: &RuleSet,
    kind: OfficialKind,
    answers: &Answers,
) -> Result<Verdict, EligibilityError> {
    for id in answers.keys() {
        match rule_set.question(id) {
            None => return Err(EligibilityError::UnknownQuestion { id: id.clone() }),
            Some(q) if !q.applies_to(kind) => {
                return Err(EligibilityError::NotApplicable { id: id.clone() })
            }
            Some(_) => {}
        }
    }
    // R37, R39 (and R4, R6, R14, R28): no questionnaire, never a refusal.
    if kind.access() != Access::PreRegistration {
        return Ok(Verdict::new(rule_set, Outcome::NoPreRegistration));
    }
    if let Some(q) = pending(rule_set, kind, answers).next() {
        return Err(EligibilityError::Unanswered {
            id: q.id.to_owned(),
        });
    }

    let answer = |q: &Question| answers.get(q.id).copied();
    let mut grounds = Vec::new();
    let mut alternatives = Vec::new();
    let mut reasons = Reasons::default();
    let mut agreements = Vec::new();

    for q in questions_for(rule_set, kind) {
        match (q.role, answer(q)) {
            (Role::Ground, Some(Answer::Yes)) => {
                let exceptions: Vec<&Question> = questions_for(rule_set, kind)
                    .filter(|e| e.exception_to.contains(&q.id))
                    .collect();
                let with = |a: Answer| exceptions.iter().filter(move |e| answer(e) == Some(a));
                if with(Answer::Yes).next().is_some() {
                    for e in with(Answer::Yes) {
                        // Every exception has a review text (rule-set tests).
                        reasons.add(
                            ReviewCode::ExceptionToConfirm,
                            e,
                            e.review.unwrap_or(e.help),
                        );
                    }
                } else if with(Answer::Unknown).next().is_some() {
                    // RULES.md, "Readings", 4: "don't know" on an exception never refuses.
                    for e in with(Answer::Unknown) {
                        reasons.add(ReviewCode::UnknownAnswer, e, UNKNOWN_ANSWER);
                    }
                } else {
                    refuse(q, &mut grounds, &mut alternatives);
                }
            }
            (Role::Competence, Some(Answer::No)) => refuse(q, &mut grounds, &mut alternatives),
            (Role::Ground | Role::Competence, Some(Answer::Unknown)) => {
                reasons.add(ReviewCode::UnknownAnswer, q, UNKNOWN_ANSWER)
            }
            (Role::Agreement, Some(Answer::Unknown)) => {
                reasons.add(ReviewCode::UnknownAgreement, q, UNKNOWN_AGREEMENT)
            }
            _ => {}
        }
        if let (Some(with), Some(Answer::Yes), true) =
            (q.agreement, answer(q), is_asked(q, answers))
        {
            agreements.push(Agreement {
                clause: q.clause,
                question: q.id,
                with,
                explanation: with.text(),
            });
        }
    }

    let outcome = if !grounds.is_empty() {
        // R39: the district office is always the fallback, offered last.
        alternatives.retain(|a| *a != Alternative::DistrictOfficeWalkIn);
        alternatives.push(Alternative::DistrictOfficeWalkIn);
        agreements.clear();
        Outcome::Refused {
            grounds,
            alternatives,
        }
    } else if !reasons.0.is_empty() {
        Outcome::NeedsReview { reasons: reasons.0 }
    } else {
        Outcome::Eligible
    };
    Ok(Verdict {
        rule_set: rule_set.id,
        outcome,
        agreements,
    })
}

/// Review reasons in questionnaire order, one per question.
#[derive(Default)]
struct Reasons(Vec<ReviewReason>);

impl Reasons {
    fn add(&mut self, code: ReviewCode, q: &Question, explanation: Tr) {
        if !self.0.iter().any(|r| r.question == q.id) {
            self.0.push(ReviewReason {
                code,
                clause: q.clause,
                question: q.id,
                explanation,
            });
        }
    }
}

fn refuse(q: &Question, grounds: &mut Vec<Ground>, alternatives: &mut Vec<Alternative>) {
    grounds.push(Ground {
        clause: q.clause,
        question: q.id,
        // Every ground and competence question has a refusal text (rule-set tests); the
        // help, which explains the rule, is only a fallback.
        explanation: q.refusal.unwrap_or(q.help),
    });
    for a in q.alternatives {
        if !alternatives.contains(a) {
            alternatives.push(*a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use Answer::{No, Unknown, Yes};
    use OfficialKind::{
        ProsecutorGeneral as PG, ProsecutorGeneralDeputy as PGD, RegionalDeputy as RD,
        RegionalHead as RH,
    };

    fn rules() -> &'static RuleSet {
        RuleSet::order_87_2021()
    }

    fn question(id: &str) -> &'static Question {
        rules().question(id).expect("question exists")
    }

    /// Answers that make `kind` eligible: every ground and every case of R19 "no",
    /// competence "yes"; exceptions are not asked.
    fn eligible_answers(kind: OfficialKind) -> Answers {
        questions_for(rules(), kind)
            .filter(|q| q.role != Role::Exception)
            .map(|q| {
                let a = match q.role {
                    Role::Competence => Yes,
                    _ => No,
                };
                (q.id.to_owned(), a)
            })
            .collect()
    }

    fn answers(kind: OfficialKind, changes: &[(&str, Answer)]) -> Answers {
        let mut a = eligible_answers(kind);
        for (id, answer) in changes {
            a.insert((*id).to_owned(), *answer);
        }
        a
    }

    fn decide(kind: OfficialKind, changes: &[(&str, Answer)]) -> Verdict {
        eligibility(rules(), kind, &answers(kind, changes)).expect("valid answers")
    }

    fn refused(clause: &'static str, id: &'static str, alternatives: &[Alternative]) -> Verdict {
        let mut all = alternatives.to_vec();
        all.push(Alternative::DistrictOfficeWalkIn);
        Verdict::new(
            rules(),
            Outcome::Refused {
                grounds: vec![Ground {
                    clause,
                    question: id,
                    explanation: question(id).refusal.expect("refusal text"),
                }],
                alternatives: all,
            },
        )
    }

    fn needs_review(reasons: Vec<ReviewReason>) -> Verdict {
        Verdict::new(rules(), Outcome::NeedsReview { reasons })
    }

    fn eligible() -> Verdict {
        Verdict::new(rules(), Outcome::Eligible)
    }

    fn review(code: ReviewCode, clause: &'static str, id: &'static str) -> ReviewReason {
        ReviewReason {
            code,
            clause,
            question: id,
            explanation: match code {
                ReviewCode::ExceptionToConfirm => question(id).review.expect("review text"),
                ReviewCode::UnknownAgreement => UNKNOWN_AGREEMENT,
                ReviewCode::UnknownAnswer => UNKNOWN_ANSWER,
            },
        }
    }

    fn agreement(clause: &'static str, id: &'static str, with: AgreementWith) -> Agreement {
        Agreement {
            clause,
            question: id,
            with,
            explanation: with.text(),
        }
    }

    use Alternative::{
        AppealCourtAct, AppealInWriting, CassationAppeal, CompetentAuthority, Court,
        RepeatWithNewEvidence, RestoreDeadline,
    };

    /// Every ground of R17, R23 and R31, for every kind it applies to, with the
    /// ground-specific alternatives its refusal offers (the district office comes last).
    const GROUNDS: &[(&str, OfficialKind, &str, &[Alternative])] = &[
        // R17: the Prosecutor General.
        (
            "R17.1",
            PG,
            "r17_1_outside_competence",
            &[CompetentAuthority],
        ),
        (
            "R17.2",
            PG,
            "r17_2_already_received",
            &[RepeatWithNewEvidence],
        ),
        ("R17.3", PG, "r17_3_court_jurisdiction", &[Court]),
        (
            "R17.4",
            PG,
            "r17_4_cassation_deadline_missed",
            &[RestoreDeadline],
        ),
        (
            "R17.5",
            PG,
            "r17_5_civil_case_not_listed",
            &[AppealCourtAct],
        ),
        ("R17.6", PG, "r17_6_not_subject_to_cassation", &[]),
        // R23: deputies of the PG; R23.4 borrows R17(1), (3)-(6).
        ("R23.1", PGD, "r23_1_already_received", &[AppealInWriting]),
        ("R23.2", PGD, "r23_2_has_answer", &[AppealInWriting]),
        ("R23.3", PGD, "r23_3_cassation_not_used", &[CassationAppeal]),
        (
            "R23.4 (R17.1)",
            PGD,
            "r23_4_outside_competence",
            &[CompetentAuthority],
        ),
        ("R23.4 (R17.3)", PGD, "r23_4_court_jurisdiction", &[Court]),
        (
            "R23.4 (R17.4)",
            PGD,
            "r23_4_cassation_deadline_missed",
            &[RestoreDeadline],
        ),
        (
            "R23.4 (R17.5)",
            PGD,
            "r23_4_civil_case_not_listed",
            &[AppealCourtAct],
        ),
        ("R23.4 (R17.6)", PGD, "r23_4_not_subject_to_cassation", &[]),
        // R31: regional heads and their deputies; R31.3 borrows R17(1), (3)-(6).
        (
            "R31.1",
            RH,
            "r31_1_already_received",
            &[RepeatWithNewEvidence],
        ),
        ("R31.2", RH, "r31_2_pending_court_case", &[AppealCourtAct]),
        (
            "R31.3 (R17.1)",
            RH,
            "r31_3_outside_competence",
            &[CompetentAuthority],
        ),
        ("R31.3 (R17.3)", RH, "r31_3_court_jurisdiction", &[Court]),
        (
            "R31.3 (R17.4)",
            RH,
            "r31_3_cassation_deadline_missed",
            &[RestoreDeadline],
        ),
        (
            "R31.3 (R17.5)",
            RH,
            "r31_3_civil_case_not_listed",
            &[AppealCourtAct],
        ),
        ("R31.3 (R17.6)", RH, "r31_3_not_subject_to_cassation", &[]),
        (
            "R31.1",
            RD,
            "r31_1_already_received",
            &[RepeatWithNewEvidence],
        ),
        ("R31.2", RD, "r31_2_pending_court_case", &[AppealCourtAct]),
        (
            "R31.3 (R17.1)",
            RD,
            "r31_3_outside_competence",
            &[CompetentAuthority],
        ),
        ("R31.3 (R17.3)", RD, "r31_3_court_jurisdiction", &[Court]),
        (
            "R31.3 (R17.4)",
            RD,
            "r31_3_cassation_deadline_missed",
            &[RestoreDeadline],
        ),
        (
            "R31.3 (R17.5)",
            RD,
            "r31_3_civil_case_not_listed",
            &[AppealCourtAct],
        ),
        ("R31.3 (R17.6)", RD, "r31_3_not_subject_to_cassation", &[]),
    ];

    /// R22, R27: competence (or the PG's / GPO's instruction).
    const COMPETENCE: &[(&str, OfficialKind, &str, &[Alternative])] = &[
        (
            "R22",
            PGD,
            "r22_deputy_competence",
            &[
                Alternative::CompetentOfficial,
                Alternative::RegionalProsecutor,
            ],
        ),
        (
            "R27",
            RH,
            "r27_competence",
            &[Alternative::CompetentOfficial],
        ),
        (
            "R27",
            RD,
            "r27_competence",
            &[Alternative::CompetentOfficial],
        ),
    ];

    /// R19.2, R23.3, R31.1, R33: (kind, ground, exception, the exception's clause).
    const EXCEPTIONS: &[(OfficialKind, &str, &str, &str)] = &[
        // R19.2: a repeat application with new evidence to the PG (also a case of R19).
        (PG, "r17_2_already_received", "r19_2_new_evidence", "R19.2"),
        // R23.3: a petition of a person named in Civil Procedure Code art. 112(1).
        (
            PGD,
            "r23_3_cassation_not_used",
            "r23_3_article_112_petition",
            "R23.3",
        ),
        // R33: new evidence to a regional head or deputy.
        (RH, "r31_1_already_received", "r33_new_evidence", "R33"),
        (RD, "r31_1_already_received", "r33_new_evidence", "R33"),
        // R31.1: "unless the GPO instructed the reception".
        (
            RH,
            "r31_1_already_received",
            "r31_1_gpo_instructed",
            "R31.1",
        ),
        (
            RD,
            "r31_1_already_received",
            "r31_1_gpo_instructed",
            "R31.1",
        ),
    ];

    const PRE_REGISTRATION: [OfficialKind; 4] = [PG, PGD, RH, RD];

    /// Sets every exception of `ground` to "no", so only the one under test decides.
    fn exceptions_no(kind: OfficialKind, ground: &str) -> Vec<(&'static str, Answer)> {
        questions_for(rules(), kind)
            .filter(|q| q.exception_to.contains(&ground))
            .map(|q| (q.id, No))
            .collect()
    }

    /// R3: the baseline answers make every pre-registration kind eligible, under the rule
    /// set that decided.
    #[test]
    fn r3_all_clear_answers_are_eligible() {
        for kind in PRE_REGISTRATION {
            let verdict = decide(kind, &[]);
            assert_eq!(verdict, eligible(), "{kind:?}");
            assert_eq!(verdict.rule_set, "order-87-2021");
        }
    }

    /// R17.1–R17.6, R23.1–R23.4, R31.1–R31.3: a "yes" refuses with the clause, the
    /// explanation and the alternatives.
    #[test]
    fn r17_r23_r31_every_ground_refuses_on_yes() {
        for &(clause, kind, id, alternatives) in GROUNDS {
            let mut changes = vec![(id, Yes)];
            changes.extend(exceptions_no(kind, id));
            assert_eq!(
                decide(kind, &changes),
                refused(clause, id, alternatives),
                "{clause} {kind:?}"
            );
        }
    }

    /// R17, R23, R31: "don't know" on a ground sends the request to staff (R15, R30).
    #[test]
    fn r17_r23_r31_every_ground_goes_to_review_on_unknown() {
        for &(clause, kind, id, _) in GROUNDS {
            assert_eq!(
                decide(kind, &[(id, Unknown)]),
                needs_review(vec![review(ReviewCode::UnknownAnswer, clause, id)]),
                "{clause} {kind:?}"
            );
        }
    }

    /// The table above is the whole list: a new ground in the data needs a test row.
    #[test]
    fn the_ground_table_covers_every_ground_of_the_rule_set() {
        let mut in_data: Vec<(OfficialKind, &str, &str)> = Vec::new();
        for q in rules().questions.iter().filter(|q| q.role == Role::Ground) {
            for kind in q.applies_to {
                in_data.push((*kind, q.id, q.clause));
            }
        }
        let mut in_table: Vec<_> = GROUNDS.iter().map(|g| (g.1, g.2, g.0)).collect();
        in_data.sort();
        in_table.sort();
        assert_eq!(in_data, in_table);

        let mut competence: Vec<_> = rules()
            .questions
            .iter()
            .filter(|q| q.role == Role::Competence)
            .flat_map(|q| q.applies_to.iter().map(move |k| (*k, q.id, q.clause)))
            .collect();
        let mut table: Vec<_> = COMPETENCE.iter().map(|c| (c.1, c.2, c.0)).collect();
        competence.sort();
        table.sort();
        assert_eq!(competence, table);

        let mut exceptions: Vec<_> = rules()
            .questions
            .iter()
            .flat_map(|q| {
                q.exception_to
                    .iter()
                    .flat_map(move |g| q.applies_to.iter().map(move |k| (*k, *g, q.id, q.clause)))
            })
            .collect();
        let mut table: Vec<_> = EXCEPTIONS.to_vec();
        exceptions.sort();
        table.sort();
        assert_eq!(exceptions, table);
    }

    /// R22, R27: "no" refuses, "don't know" goes to review, "yes" is eligible.
    #[test]
    fn r22_r27_competence() {
        for &(clause, kind, id, alternatives) in COMPETENCE {
            assert_eq!(
                decide(kind, &[(id, No)]),
                refused(clause, id, alternatives),
                "{clause} {kind:?}"
            );
            assert_eq!(
                decide(kind, &[(id, Unknown)]),
                needs_review(vec![review(ReviewCode::UnknownAnswer, clause, id)]),
                "{clause} {kind:?}"
            );
            assert_eq!(decide(kind, &[(id, Yes)]), eligible(), "{clause} {kind:?}");
        }
    }

    /// RULES.md, "Readings", 1 (R19): no case of R19 is a precondition. "No" on all three
    /// is eligible; each "yes" is an agreement mark of the GPO's units; "don't know" sends
    /// the request to review, never to a refusal.
    #[test]
    fn r19_is_not_a_precondition_its_cases_mark_for_agreement() {
        use AgreementWith::GpoUnits;
        const IDS: [&str; 3] = [
            "r19_1_protest_court_act",
            "r19_2_new_evidence",
            "r19_3_protest_supreme_court",
        ];
        const CLAUSES: [&str; 3] = ["R19.1", "R19.2", "R19.3"];
        let cases: [([Answer; 3], &str); 8] = [
            ([No, No, No], "eligible"),
            ([Yes, No, No], "eligible"),
            ([No, Yes, No], "eligible"),
            ([No, No, Yes], "eligible"),
            ([Yes, Yes, Yes], "eligible"),
            ([Unknown, No, No], "needs_review"),
            ([Yes, Unknown, No], "needs_review"),
            ([Unknown, Unknown, Unknown], "needs_review"),
        ];
        for (given, code) in cases {
            let changes: Vec<(&str, Answer)> = IDS.iter().copied().zip(given).collect();
            let verdict = decide(PG, &changes);
            assert_eq!(verdict.code(), code, "{given:?}");
            let marks: Vec<Agreement> = (0..3)
                .filter(|i| given[*i] == Yes)
                .map(|i| agreement(CLAUSES[i], IDS[i], GpoUnits))
                .collect();
            assert_eq!(verdict.agreements, marks, "{given:?}");
            let unknown: Vec<ReviewReason> = (0..3)
                .filter(|i| given[*i] == Unknown)
                .map(|i| review(ReviewCode::UnknownAgreement, CLAUSES[i], IDS[i]))
                .collect();
            assert_eq!(verdict.reasons(), unknown, "{given:?}");
        }
    }

    /// RULES.md, "Readings", 1: R18 explains R17 refusals only; no refusal cites R19.
    #[test]
    fn r19_never_refuses() {
        for a in [Yes, No, Unknown] {
            for id in [
                "r19_1_protest_court_act",
                "r19_2_new_evidence",
                "r19_3_protest_supreme_court",
            ] {
                assert!(!decide(PG, &[(id, a)]).is_refused(), "{id} {a:?}");
            }
        }
        let verdict = decide(PG, &[("r17_3_court_jurisdiction", Yes)]);
        assert!(verdict
            .grounds()
            .iter()
            .all(|g| !g.clause.starts_with("R19")));
    }

    /// R19.2: new evidence cancels R17.2 for the PG; the request is reviewed and marked for
    /// the GPO's units' agreement.
    #[test]
    fn r19_2_new_evidence_excepts_r17_2_for_the_pg() {
        let verdict = decide(
            PG,
            &[("r17_2_already_received", Yes), ("r19_2_new_evidence", Yes)],
        );
        assert_eq!(
            verdict.reasons(),
            [review(
                ReviewCode::ExceptionToConfirm,
                "R19.2",
                "r19_2_new_evidence"
            )]
        );
        assert_eq!(
            verdict.agreements,
            [agreement(
                "R19.2",
                "r19_2_new_evidence",
                AgreementWith::GpoUnits
            )]
        );
    }

    /// RULES.md, "Readings", 2 (R19.2, R23.1, R23.2): for PG deputies a repeat matter has
    /// no new-evidence exception: "yes" refuses, and no such question is asked.
    #[test]
    fn r19_2_does_not_except_r23_1_r23_2_for_deputies() {
        for (clause, id) in [
            ("R23.1", "r23_1_already_received"),
            ("R23.2", "r23_2_has_answer"),
        ] {
            assert_eq!(
                decide(PGD, &[(id, Yes)]),
                refused(clause, id, &[AppealInWriting]),
                "{clause}"
            );
            assert!(
                questions_for(rules(), PGD).all(|q| !q.exception_to.contains(&id)),
                "{clause} has no exception"
            );
        }
        assert!(rules().question("r19_2_deputy_new_evidence").is_none());
        assert!(questions_for(rules(), PGD).all(|q| !q.clause.starts_with("R19")));
        // The answer a client of the old question set would send is refused as unknown.
        let mut a = eligible_answers(PGD);
        a.insert("r19_2_deputy_new_evidence".into(), Yes);
        assert_eq!(
            eligibility(rules(), PGD, &a).map_err(|e| e.code()),
            Err("unknown_question")
        );
    }

    /// RULES.md, "Readings", 3 (R23.3): a petition of a person named in Civil Procedure
    /// Code art. 112(1) is asked after "yes" on R23.3; "yes" sends the request to review,
    /// "no" refuses, "don't know" sends it to review too (Readings, 4).
    #[test]
    fn r23_3_article_112_petition_sends_to_review() {
        let ground = "r23_3_cassation_not_used";
        let exception = "r23_3_article_112_petition";
        assert!(!is_asked(question(exception), &answers(PGD, &[])));
        assert!(is_asked(
            question(exception),
            &answers(PGD, &[(ground, Yes)])
        ));
        assert_eq!(
            eligibility(rules(), PGD, &answers(PGD, &[(ground, Yes)])),
            Err(EligibilityError::Unanswered {
                id: exception.into()
            })
        );
        let cases = [
            (
                Yes,
                needs_review(vec![review(
                    ReviewCode::ExceptionToConfirm,
                    "R23.3",
                    exception,
                )]),
            ),
            (No, refused("R23.3", ground, &[CassationAppeal])),
            (
                Unknown,
                needs_review(vec![review(ReviewCode::UnknownAnswer, "R23.3", exception)]),
            ),
        ];
        for (a, want) in cases {
            assert_eq!(decide(PGD, &[(ground, Yes), (exception, a)]), want, "{a:?}");
        }
    }

    /// RULES.md, "Readings", 4: "don't know" on an exception of a ground answered "yes"
    /// never refuses; it goes to review. One "no" beside it does not refuse either.
    #[test]
    fn exception_unknown_goes_to_review_not_refusal() {
        for &(kind, ground, exception, clause) in EXCEPTIONS {
            let mut changes = vec![(ground, Yes)];
            changes.extend(exceptions_no(kind, ground));
            changes.push((exception, Unknown));
            assert_eq!(
                decide(kind, &changes),
                needs_review(vec![review(ReviewCode::UnknownAnswer, clause, exception)]),
                "{kind:?} {ground} {exception}"
            );
        }
    }

    /// R33: new evidence to a regional official is reviewed and marked for the agreement
    /// of the office's structural unit; the GPO's instruction (R31.1) carries no mark.
    #[test]
    fn r33_new_evidence_marks_for_the_structural_units_agreement() {
        for kind in [RH, RD] {
            let verdict = decide(
                kind,
                &[
                    ("r31_1_already_received", Yes),
                    ("r31_1_gpo_instructed", No),
                    ("r33_new_evidence", Yes),
                ],
            );
            assert_eq!(verdict.code(), "needs_review");
            assert_eq!(
                verdict.agreements,
                [agreement(
                    "R33",
                    "r33_new_evidence",
                    AgreementWith::StructuralUnit
                )]
            );
            let verdict = decide(
                kind,
                &[
                    ("r31_1_already_received", Yes),
                    ("r31_1_gpo_instructed", Yes),
                    ("r33_new_evidence", No),
                ],
            );
            assert_eq!(verdict.code(), "needs_review");
            assert!(verdict.agreements.is_empty());
        }
        // Not asked (its ground is "no"): no mark.
        assert!(decide(RH, &[("r33_new_evidence", Yes)])
            .agreements
            .is_empty());
    }

    /// A refused request needs nobody's agreement: marks are dropped with the refusal.
    #[test]
    fn r19_r33_refusal_carries_no_agreement_marks() {
        let verdict = decide(
            PG,
            &[
                ("r19_1_protest_court_act", Yes),
                ("r17_4_cassation_deadline_missed", Yes),
            ],
        );
        assert!(verdict.is_refused());
        assert!(verdict.agreements.is_empty());
    }

    /// R19.2, R23.3, R31.1, R33: a "yes" on an exception cancels its ground and sends the
    /// request to staff to confirm it; "no" leaves the refusal; "don't know" goes to review
    /// (RULES.md, "Readings", 4).
    #[test]
    fn r19_2_r23_3_r31_1_r33_exceptions_cancel_grounds_for_review() {
        for &(kind, ground, exception, clause) in EXCEPTIONS {
            let mut base = vec![(ground, Yes)];
            base.extend(exceptions_no(kind, ground));
            let with = |a: Answer| {
                let mut changes = base.clone();
                changes.push((exception, a));
                decide(kind, &changes)
            };
            assert_eq!(
                with(Yes).outcome,
                Outcome::NeedsReview {
                    reasons: vec![review(ReviewCode::ExceptionToConfirm, clause, exception)]
                },
                "{kind:?} {ground} {exception}"
            );
            let verdict = with(No);
            assert_eq!(verdict.code(), "refused", "{kind:?} {ground} {exception}");
            assert_eq!(verdict.grounds()[0].question, ground);
            assert_eq!(
                with(Unknown).code(),
                "needs_review",
                "{kind:?} {ground} {exception}"
            );
        }
    }

    /// R31.1: both exceptions "yes" give both reasons to confirm.
    #[test]
    fn r31_1_both_exceptions_are_reported() {
        let verdict = decide(
            RH,
            &[
                ("r31_1_already_received", Yes),
                ("r31_1_gpo_instructed", Yes),
                ("r33_new_evidence", Yes),
            ],
        );
        assert_eq!(
            verdict.reasons(),
            [
                review(
                    ReviewCode::ExceptionToConfirm,
                    "R31.1",
                    "r31_1_gpo_instructed"
                ),
                review(ReviewCode::ExceptionToConfirm, "R33", "r33_new_evidence"),
            ]
        );
    }

    /// Exceptions are follow-ups: not asked (so not required) unless their ground is "yes";
    /// then required.
    #[test]
    fn exceptions_are_asked_only_after_a_yes_on_their_ground() {
        // R19.2 for the PG is a case of R19 too, so always asked; the others are follow-ups.
        for &(kind, ground, exception, _) in EXCEPTIONS {
            if question(exception).role != Role::Exception {
                assert!(is_asked(question(exception), &Answers::new()));
                continue;
            }
            let a = answers(kind, &[]);
            assert!(!is_asked(question(exception), &a), "{exception}");
            let a = answers(kind, &[(ground, Unknown)]);
            assert!(!is_asked(question(exception), &a), "{exception}");
            let a = answers(kind, &[(ground, Yes)]);
            assert!(is_asked(question(exception), &a), "{exception}");
            let first_pending = pending(rules(), kind, &a).next().map(|q| q.id);
            assert!(first_pending.is_some(), "{exception}");
            assert_eq!(
                eligibility(rules(), kind, &a),
                Err(EligibilityError::Unanswered {
                    id: first_pending.unwrap_or_default().to_owned()
                })
            );
        }
        // The first missing follow-up of R31.1 is named.
        let a = answers(
            RH,
            &[("r31_1_already_received", Yes), ("r33_new_evidence", Yes)],
        );
        let err = eligibility(rules(), RH, &a).expect_err("follow-up missing");
        assert_eq!(err.field(), "answers.r31_1_gpo_instructed");
    }

    /// An exception answered "yes" while its ground is "no" changes nothing; with the
    /// ground unknown, the unknown answer alone is the review reason.
    #[test]
    fn an_exception_without_a_yes_ground_has_no_effect() {
        assert_eq!(decide(RH, &[("r31_1_gpo_instructed", Yes)]), eligible());
        assert_eq!(
            decide(
                PGD,
                &[
                    ("r23_3_cassation_not_used", Unknown),
                    ("r23_3_article_112_petition", Yes)
                ]
            ),
            needs_review(vec![review(
                ReviewCode::UnknownAnswer,
                "R23.3",
                "r23_3_cassation_not_used"
            )])
        );
    }

    /// A "yes" on a ground whose exceptions are all "no" refuses even when other answers
    /// are unknown.
    #[test]
    fn refusal_beats_review() {
        let verdict = decide(
            PG,
            &[
                ("r17_1_outside_competence", Yes),
                ("r17_3_court_jurisdiction", Unknown),
                ("r19_1_protest_court_act", Unknown),
                ("r19_2_new_evidence", Unknown),
                ("r19_3_protest_supreme_court", Unknown),
            ],
        );
        assert_eq!(
            verdict,
            refused("R17.1", "r17_1_outside_competence", &[CompetentAuthority])
        );
        // R27 unknown, R31.2 yes.
        let verdict = decide(
            RD,
            &[
                ("r27_competence", Unknown),
                ("r31_2_pending_court_case", Yes),
            ],
        );
        assert_eq!(
            verdict,
            refused("R31.2", "r31_2_pending_court_case", &[AppealCourtAct])
        );
        // An exception "yes" on one ground does not save another ground's refusal.
        let verdict = decide(
            RH,
            &[
                ("r31_1_already_received", Yes),
                ("r31_1_gpo_instructed", No),
                ("r33_new_evidence", Yes),
                ("r31_3_court_jurisdiction", Yes),
            ],
        );
        assert_eq!(
            verdict,
            refused("R31.3 (R17.3)", "r31_3_court_jurisdiction", &[Court])
        );
    }

    /// Every refusing answer is reported, in questionnaire order, and the alternatives are
    /// given once each, the district office last.
    #[test]
    fn several_grounds_are_all_cited() {
        let verdict = decide(
            PG,
            &[
                ("r17_3_court_jurisdiction", Yes),
                ("r17_4_cassation_deadline_missed", Yes),
                ("r19_1_protest_court_act", No),
            ],
        );
        let clauses: Vec<_> = verdict.grounds().iter().map(|g| g.clause).collect();
        assert_eq!(clauses, ["R17.3", "R17.4"]);
        assert_eq!(
            verdict.alternatives(),
            [Court, RestoreDeadline, Alternative::DistrictOfficeWalkIn]
        );
        let verdict = decide(
            RH,
            &[
                ("r31_2_pending_court_case", Yes),
                ("r31_3_civil_case_not_listed", Yes),
            ],
        );
        assert_eq!(verdict.grounds().len(), 2);
        assert_eq!(
            verdict.alternatives(),
            [AppealCourtAct, Alternative::DistrictOfficeWalkIn]
        );
    }

    /// R18, R24, R32, R39: every refusal, on every ground and for every kind, explains
    /// itself in kk, ru and en and offers the district office.
    #[test]
    fn r18_r24_r32_every_refusal_explains_and_offers_the_district_office() {
        let mut refusals = 0;
        for kind in PRE_REGISTRATION {
            let cases: Vec<Vec<(&str, Answer)>> = questions_for(rules(), kind)
                .filter_map(|q| match q.role {
                    Role::Ground => Some(vec![(q.id, Yes)]),
                    Role::Competence => Some(vec![(q.id, No)]),
                    _ => None,
                })
                .map(|mut c| {
                    let ground = c[0].0;
                    c.extend(exceptions_no(kind, ground));
                    c
                })
                .collect();
            for changes in cases {
                let verdict = decide(kind, &changes);
                assert_eq!(verdict.code(), "refused", "{kind:?} {changes:?}");
                for g in verdict.grounds() {
                    for lang in Lang::ALL {
                        assert!(!g.explanation.get(lang).trim().is_empty(), "{}", g.clause);
                    }
                }
                assert_eq!(
                    verdict.alternatives().last(),
                    Some(&Alternative::DistrictOfficeWalkIn),
                    "{kind:?} {changes:?}"
                );
                for a in verdict.alternatives() {
                    for lang in Lang::ALL {
                        assert!(!a.text().get(lang).trim().is_empty());
                    }
                }
                refusals += 1;
            }
        }
        // 6 (PG), 8 + R22 (deputy), 7 + R27 (regional head), 7 + R27 (regional deputy).
        assert_eq!(refusals, 31);
    }

    /// R37, R39: district officials (and the other walk-in and as-needed kinds, R4, R6,
    /// R14, R28) have no questionnaire and are never refused.
    #[test]
    fn r37_r39_no_pre_registration_and_never_a_refusal() {
        for kind in OfficialKind::ALL {
            if PRE_REGISTRATION.contains(&kind) {
                assert!(questions_for(rules(), kind).next().is_some(), "{kind:?}");
                continue;
            }
            assert_eq!(questions_for(rules(), kind).count(), 0, "{kind:?}");
            assert_eq!(
                eligibility(rules(), kind, &Answers::new()),
                Ok(Verdict::new(rules(), Outcome::NoPreRegistration)),
                "{kind:?}"
            );
        }
        let district = [OfficialKind::DistrictHead, OfficialKind::DistrictDeputy];
        for kind in district {
            assert_eq!(
                eligibility(rules(), kind, &Answers::new()).map(|v| v.outcome),
                Ok(Outcome::NoPreRegistration)
            );
        }
    }

    /// An answer to a question of another official kind is rejected, for walk-in kinds too.
    #[test]
    fn an_answer_that_does_not_apply_is_rejected() {
        let mut a = eligible_answers(PG);
        a.insert("r22_deputy_competence".into(), Yes);
        let err = eligibility(rules(), PG, &a).expect_err("not applicable");
        assert_eq!(
            err,
            EligibilityError::NotApplicable {
                id: "r22_deputy_competence".into()
            }
        );
        assert_eq!(err.code(), "not_applicable");
        assert_eq!(err.field(), "answers.r22_deputy_competence");

        let a = eligible_answers(PG);
        let err = eligibility(rules(), OfficialKind::DistrictHead, &a).expect_err("district");
        assert_eq!(err.code(), "not_applicable");
    }

    #[test]
    fn an_unknown_question_id_is_rejected() {
        let mut a = eligible_answers(RH);
        a.remove("r27_competence");
        a.insert("r99_bogus".into(), No);
        let err = eligibility(rules(), RH, &a).expect_err("unknown id");
        assert_eq!(
            err,
            EligibilityError::UnknownQuestion {
                id: "r99_bogus".into()
            }
        );
        assert_eq!(err.code(), "unknown_question");
        assert_eq!(err.field(), "answers.r99_bogus");
        assert_eq!(err.to_string(), "unknown_question (answers.r99_bogus)");
    }

    #[test]
    fn an_unanswered_question_is_rejected() {
        for kind in PRE_REGISTRATION {
            for q in questions_for(rules(), kind).filter(|q| q.role != Role::Exception) {
                let mut a = eligible_answers(kind);
                a.remove(q.id);
                let err = eligibility(rules(), kind, &a).expect_err("unanswered");
                assert_eq!(err, EligibilityError::Unanswered { id: q.id.into() });
                assert_eq!(err.code(), "unanswered");
                assert_eq!(err.field(), format!("answers.{}", q.id));
            }
        }
        // Nothing answered: the first question is named.
        let err = eligibility(rules(), PG, &Answers::new()).expect_err("empty");
        assert_eq!(err.field(), "answers.r17_1_outside_competence");
    }

    #[test]
    fn pending_lists_the_questions_still_to_answer() {
        let none = Answers::new();
        assert_eq!(
            pending(rules(), RH, &none).count(),
            questions_for(rules(), RH)
                .filter(|q| q.role != Role::Exception)
                .count()
        );
        let all = eligible_answers(RH);
        assert_eq!(pending(rules(), RH, &all).count(), 0);
    }

    #[test]
    fn answers_deserialise_from_the_api_shape() {
        let a: Answers = serde_json::from_str(
            r#"{"r17_1_outside_competence":"yes","r17_2_already_received":"no","r19_1_protest_court_act":"unknown"}"#,
        )
        .expect("valid answers");
        assert_eq!(a["r17_1_outside_competence"], Yes);
        assert_eq!(a["r17_2_already_received"], No);
        assert_eq!(a["r19_1_protest_court_act"], Unknown);
        assert!(
            serde_json::from_str::<Answers>(r#"{"r17_1_outside_competence":"maybe"}"#).is_err()
        );
        assert!(serde_json::from_str::<Answer>(r#""Yes""#).is_err());
        assert_eq!(
            serde_json::to_string(&Unknown).expect("json"),
            r#""unknown""#
        );
    }

    /// The API shape: always every key, empty arrays where nothing applies, and the rule
    /// set that decided (RULES.md, "Readings", 9), refusals included.
    #[test]
    fn verdicts_serialise_as_the_api_shape() {
        let json = |v: &Verdict| serde_json::to_value(v).expect("json");
        assert_eq!(
            json(&eligible()),
            serde_json::json!({"rule_set":"order-87-2021","verdict":"eligible","grounds":[],
                "reasons":[],"alternatives":[],"agreements":[]})
        );
        assert_eq!(
            json(&Verdict::new(rules(), Outcome::NoPreRegistration)),
            serde_json::json!({"rule_set":"order-87-2021","verdict":"no_pre_registration",
                "grounds":[],"reasons":[],"alternatives":[],"agreements":[]})
        );

        let refused = json(&decide(PG, &[("r17_4_cassation_deadline_missed", Yes)]));
        assert_eq!(refused["rule_set"], "order-87-2021");
        assert_eq!(refused["verdict"], "refused");
        assert_eq!(refused["reasons"], serde_json::json!([]));
        assert_eq!(refused["agreements"], serde_json::json!([]));
        assert_eq!(refused["grounds"][0]["clause"], "R17.4");
        assert_eq!(
            refused["grounds"][0]["question"],
            "r17_4_cassation_deadline_missed"
        );
        for lang in ["kk", "ru", "en"] {
            assert!(refused["grounds"][0]["explanation"][lang].is_string());
            assert!(refused["alternatives"][1]["text"][lang].is_string());
        }
        assert_eq!(refused["alternatives"][0]["code"], "restore_deadline");
        assert_eq!(
            refused["alternatives"][1]["code"],
            "district_office_walk_in"
        );

        let review = json(&decide(RD, &[("r27_competence", Unknown)]));
        assert_eq!(review["verdict"], "needs_review");
        assert_eq!(review["grounds"], serde_json::json!([]));
        assert_eq!(review["alternatives"], serde_json::json!([]));
        assert_eq!(review["reasons"][0]["code"], "unknown_answer");
        assert_eq!(review["reasons"][0]["clause"], "R27");
        assert_eq!(review["reasons"][0]["question"], "r27_competence");
        assert!(review["reasons"][0]["explanation"]["kk"].is_string());

        let unknown = json(&decide(PG, &[("r19_1_protest_court_act", Unknown)]));
        assert_eq!(unknown["reasons"][0]["code"], "unknown_agreement");
        assert_eq!(unknown["reasons"][0]["question"], "r19_1_protest_court_act");

        let marked = json(&decide(PG, &[("r19_3_protest_supreme_court", Yes)]));
        assert_eq!(marked["verdict"], "eligible");
        assert_eq!(
            marked["agreements"],
            serde_json::json!([{
                "clause": "R19.3",
                "question": "r19_3_protest_supreme_court",
                "with": "gpo_units",
                "explanation": serde_json::to_value(AgreementWith::GpoUnits.text()).expect("json"),
            }])
        );
    }
}
