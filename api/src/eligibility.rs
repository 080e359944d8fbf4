//! `GET /api/v1/rules` and `POST /api/v1/eligibility`: the questionnaire of the rule set and
//! its verdict (R17–R19, R22, R23, R27, R31, R33, R37).
//!
//! The rule set's texts are static data in `rules` (`Tr`), so they travel as owned
//! [`LocalizedText`]; each type here is built from its `rules` original, and the tests
//! prove the JSON is the one `rules` serialises.

use crate::Lenient;
use rules::eligibility::{Answers, ReviewCode};
use rules::ruleset::{AgreementWith, Alternative, Role, RuleSet};
use rules::{Access, LocalizedText, OfficeLevel, OfficialKind};
use serde::{Deserialize, Serialize};
use time::Date;

/// `GET /api/v1/rules`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RulesBody {
    pub rule_set: RuleSetHead,
    pub official_kinds: Vec<KindInfo>,
    pub questions: Vec<Question>,
}

/// Who the rule set is (RULES.md, "Readings", 9): every decision names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleSetHead {
    /// Stored with every decision, e.g. `order-87-2021`.
    pub id: String,
    pub title: LocalizedText,
    /// The order that approved the Rules (No. 87 of 24.08.2017).
    pub order: Act,
    /// Its state registration (No. 15810).
    pub registered: Act,
    /// The amending orders this version includes, oldest first.
    pub amendments: Vec<Act>,
    /// The order that repealed it (No. 29 of 17.01.2023), if any.
    pub repealed_by: Option<Act>,
    pub repeal_note: Option<LocalizedText>,
    #[serde(with = "rules::calendar::iso_date")]
    pub effective_from: Date,
    #[serde(with = "rules::calendar::iso_date::option")]
    pub effective_to: Option<Date>,
}

/// An order or a registration, by number and date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Act {
    pub number: u32,
    #[serde(with = "rules::calendar::iso_date")]
    pub date: Date,
}

impl From<rules::ruleset::Act> for Act {
    fn from(a: rules::ruleset::Act) -> Act {
        Act {
            number: a.number,
            date: a.date,
        }
    }
}

impl From<&RuleSet> for RuleSetHead {
    fn from(set: &RuleSet) -> RuleSetHead {
        let id = set.identity();
        RuleSetHead {
            id: id.id.to_owned(),
            title: id.title.into(),
            order: id.order.into(),
            registered: id.registered.into(),
            amendments: id.amendments.iter().map(|a| (*a).into()).collect(),
            repealed_by: id.repealed_by.map(Into::into),
            repeal_note: id.repeal_note.map(Into::into),
            effective_from: id.effective_from,
            effective_to: id.effective_to,
        }
    }
}

/// How a person reaches an official of this kind (R3, R14, R28, R37).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KindInfo {
    pub id: OfficialKind,
    pub level: OfficeLevel,
    pub access: Access,
}

/// One question of the questionnaire (`rules::ruleset::Question`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// The key of the answer, e.g. `r17_1_outside_competence`.
    pub id: String,
    /// `R17.1`, or `R23.4 (R17.1)` for a borrowed ground.
    pub clause: String,
    pub role: Lenient<Role>,
    /// An exception's grounds, by question id.
    pub exception_to: Vec<String>,
    /// R19, R33: a "yes" marks the request for this agreement.
    pub agreement: Option<Lenient<AgreementWith>>,
    pub applies_to: Vec<OfficialKind>,
    /// The question in everyday words (at most 200 characters, no article numbers).
    pub plain: LocalizedText,
    /// The question as the Rules word it, with the articles they cite.
    pub text: LocalizedText,
    pub help: LocalizedText,
    pub refusal: Option<LocalizedText>,
    pub alternatives: Vec<Lenient<Alternative>>,
    pub review: Option<LocalizedText>,
}

impl From<&RuleSet> for RulesBody {
    fn from(set: &RuleSet) -> RulesBody {
        RulesBody {
            rule_set: set.into(),
            official_kinds: OfficialKind::ALL
                .into_iter()
                .map(|k| KindInfo {
                    id: k,
                    level: k.level(),
                    access: k.access(),
                })
                .collect(),
            questions: set.questions.iter().map(Question::from).collect(),
        }
    }
}

impl From<&rules::ruleset::Question> for Question {
    fn from(q: &rules::ruleset::Question) -> Question {
        Question {
            id: q.id.to_owned(),
            clause: q.clause.to_owned(),
            role: q.role.into(),
            exception_to: q.exception_to.iter().map(|s| (*s).to_owned()).collect(),
            agreement: q.agreement.map(Into::into),
            applies_to: q.applies_to.to_vec(),
            plain: q.plain.into(),
            text: q.text.into(),
            help: q.help.into(),
            refusal: q.refusal.map(Into::into),
            alternatives: q.alternatives.iter().map(|a| (*a).into()).collect(),
            review: q.review.map(Into::into),
        }
    }
}

/// `POST /api/v1/eligibility`. `official_kind` stays a string so that an unknown kind is
/// answered `422 unknown_official_kind` rather than as a type error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EligibilityRequest {
    #[cfg_attr(feature = "openapi", schema(value_type = OfficialKind))]
    pub official_kind: String,
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = std::collections::BTreeMap<String, rules::eligibility::Answer>)
    )]
    pub answers: Answers,
}

/// The verdict: `{"rule_set","verdict","grounds","reasons","alternatives","agreements"}`,
/// always all six.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Verdict {
    /// The id of the rule set that decided (RULES.md, "Readings", 9).
    pub rule_set: String,
    pub verdict: Lenient<VerdictCode>,
    pub grounds: Vec<Ground>,
    pub reasons: Vec<ReviewReason>,
    pub alternatives: Vec<Lenient<Alternative>>,
    /// R19, R33: whose agreement staff record before confirming.
    pub agreements: Vec<Agreement>,
}

/// R19, R33: the request states a case that needs the units' agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agreement {
    /// `R19.1`, `R19.2`, `R19.3` or `R33`.
    pub clause: String,
    /// The question answered "yes".
    pub question: String,
    pub with: Lenient<AgreementWith>,
    pub explanation: LocalizedText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VerdictCode {
    Eligible,
    NeedsReview,
    Refused,
    NoPreRegistration,
}

/// A refusing clause with its explanation (R18, R24, R32).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ground {
    pub clause: String,
    /// The question whose answer refused.
    pub question: String,
    pub explanation: LocalizedText,
}

/// Why staff study the request before it is registered (R15, R30, R33).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewReason {
    pub code: Lenient<ReviewCode>,
    pub clause: String,
    /// The question answered "don't know", or the exception answered "yes".
    pub question: String,
    pub explanation: LocalizedText,
}

impl From<&rules::eligibility::Verdict> for Verdict {
    fn from(v: &rules::eligibility::Verdict) -> Verdict {
        use rules::eligibility::Outcome as O;
        Verdict {
            rule_set: v.rule_set.to_owned(),
            verdict: match v.outcome {
                O::Eligible => VerdictCode::Eligible,
                O::NeedsReview { .. } => VerdictCode::NeedsReview,
                O::Refused { .. } => VerdictCode::Refused,
                O::NoPreRegistration => VerdictCode::NoPreRegistration,
            }
            .into(),
            grounds: v.grounds().iter().map(Ground::from).collect(),
            reasons: v.reasons().iter().map(ReviewReason::from).collect(),
            alternatives: v.alternatives().iter().map(|a| (*a).into()).collect(),
            agreements: v.agreements.iter().map(Agreement::from).collect(),
        }
    }
}

impl From<&rules::eligibility::Ground> for Ground {
    fn from(g: &rules::eligibility::Ground) -> Ground {
        Ground {
            clause: g.clause.to_owned(),
            question: g.question.to_owned(),
            explanation: g.explanation.into(),
        }
    }
}

impl From<&rules::eligibility::ReviewReason> for ReviewReason {
    fn from(r: &rules::eligibility::ReviewReason) -> ReviewReason {
        ReviewReason {
            code: r.code.into(),
            clause: r.clause.to_owned(),
            question: r.question.to_owned(),
            explanation: r.explanation.into(),
        }
    }
}

impl From<&rules::eligibility::Agreement> for Agreement {
    fn from(a: &rules::eligibility::Agreement) -> Agreement {
        Agreement {
            clause: a.clause.to_owned(),
            question: a.question.to_owned(),
            with: a.with.into(),
            explanation: a.explanation.into(),
        }
    }
}
