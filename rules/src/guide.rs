//! "Where should I go?": a few plain questions before any booking, ending in one answer
//! that the Rules give.
//!
//! Most matters go to the district (or equated) prosecutor's office, which receives everyone
//! any working day, 09:00–18:30, without registration and may not refuse (R37, R39). The
//! leadership — the Prosecutor General and his deputies (R13, R17, R22, R23), the regional
//! prosecutor and his deputies (R26, R27, R31) — receive by pre-registration only, and the
//! guide asks the grounds a person can answer without a lawyer: whether a court has the case
//! now (R17.3, R23.4, R31.2) and whether this level has already received them on it (R17.2,
//! R23.1, R31.1). A "yes" to a ground refuses as the questionnaire would, with its
//! alternatives (R18, R24, R32), the district office last (R39); otherwise the guide sends
//! the person to the official's schedule, and the wizard starts with the answers it learned.

use crate::eligibility::{Answer, Answers};
use crate::official::OfficialKind;
use crate::ruleset::{Alternative, Question, RuleSet};

/// Whom the person wants to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whom {
    /// Anyone who can look into the matter: the district office (R37, R39).
    AnyProsecutor,
    /// The regional (or equated) prosecutor or a deputy (R26).
    RegionalHead,
    /// The Prosecutor General (R13).
    ProsecutorGeneral,
}

impl Whom {
    pub const ALL: [Whom; 3] = [
        Whom::AnyProsecutor,
        Whom::RegionalHead,
        Whom::ProsecutorGeneral,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Whom::AnyProsecutor => "any",
            Whom::RegionalHead => "regional",
            Whom::ProsecutorGeneral => "general",
        }
    }

    pub fn parse(s: &str) -> Option<Whom> {
        Whom::ALL.into_iter().find(|w| w.code() == s)
    }

    /// The official kind pre-registered with, if any.
    pub fn kind(self) -> Option<OfficialKind> {
        match self {
            Whom::AnyProsecutor => None,
            Whom::RegionalHead => Some(OfficialKind::RegionalHead),
            Whom::ProsecutorGeneral => Some(OfficialKind::ProsecutorGeneral),
        }
    }
}

/// What the person told the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuideAnswers {
    pub whom: Whom,
    /// "Is a court hearing your case right now?"
    pub court_now: Answer,
    /// "Has this official (this level) already received you on the same matter?"
    pub already_received: Answer,
}

/// The guide's one answer.
#[derive(Debug, Clone)]
pub enum Destination {
    /// R37, R39: the district office, any working day 09:00–18:30, without registration.
    DistrictOffice,
    /// R3: pre-registration with an official of this kind; the questionnaire starts with
    /// `answers` (the guide's "no"s and "don't know"s, by question id).
    PreRegistration {
        kind: OfficialKind,
        answers: Answers,
    },
    /// A ground refuses pre-registration: the question that decided, and what to do
    /// instead, the district office last (R18, R24, R32, R39).
    Refused {
        ground: &'static Question,
        alternatives: Vec<Alternative>,
    },
}

/// The questionnaire's question that asks "a court has the case now" of this kind.
fn court_question(kind: OfficialKind) -> &'static str {
    match kind {
        OfficialKind::ProsecutorGeneral => "r17_3_court_jurisdiction",
        OfficialKind::ProsecutorGeneralDeputy => "r23_4_court_jurisdiction",
        _ => "r31_2_pending_court_case",
    }
}

/// The questionnaire's question that asks "already received on the same matter".
fn received_question(kind: OfficialKind) -> &'static str {
    match kind {
        OfficialKind::ProsecutorGeneral => "r17_2_already_received",
        OfficialKind::ProsecutorGeneralDeputy => "r23_1_already_received",
        _ => "r31_1_already_received",
    }
}

/// Decides where the person goes, by the rule set's own questions.
pub fn destination(rule_set: &'static RuleSet, answers: GuideAnswers) -> Destination {
    let Some(kind) = answers.whom.kind() else {
        return Destination::DistrictOffice;
    };
    let mut known = Answers::new();
    for (id, answer) in [
        (court_question(kind), answers.court_now),
        (received_question(kind), answers.already_received),
    ] {
        if let Some(q) = rule_set.question(id).filter(|q| q.applies_to(kind)) {
            if answer == Answer::Yes && q.refuses() {
                return Destination::Refused {
                    ground: q,
                    alternatives: q.refusal_alternatives(),
                };
            }
            known.insert(q.id.to_owned(), answer);
        }
    }
    Destination::PreRegistration {
        kind,
        answers: known,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::*;

    fn go(whom: Whom, court_now: Answer, already_received: Answer) -> Destination {
        destination(
            RuleSet::current(),
            GuideAnswers {
                whom,
                court_now,
                already_received,
            },
        )
    }

    #[test]
    fn r37_r39_anyone_goes_to_the_district_office() {
        for court in [Yes, No, Unknown] {
            assert!(matches!(
                go(Whom::AnyProsecutor, court, Yes),
                Destination::DistrictOffice
            ));
        }
    }

    #[test]
    fn r31_2_a_case_before_a_court_refuses_the_regional_prosecutor() {
        let Destination::Refused {
            ground,
            alternatives,
        } = go(Whom::RegionalHead, Yes, No)
        else {
            panic!("refused");
        };
        assert_eq!(ground.clause, "R31.2");
        assert_eq!(
            alternatives,
            [
                Alternative::AppealCourtAct,
                Alternative::DistrictOfficeWalkIn
            ]
        );
    }

    #[test]
    fn r31_1_already_received_offers_new_arguments_and_the_district_office() {
        let Destination::Refused {
            ground,
            alternatives,
        } = go(Whom::RegionalHead, No, Yes)
        else {
            panic!("refused");
        };
        assert_eq!(ground.clause, "R31.1");
        assert_eq!(
            alternatives.last(),
            Some(&Alternative::DistrictOfficeWalkIn)
        );
        assert!(alternatives.contains(&Alternative::RepeatWithNewEvidence));
    }

    #[test]
    fn r17_the_prosecutor_general_is_decided_by_his_own_grounds() {
        let Destination::Refused { ground, .. } = go(Whom::ProsecutorGeneral, No, Yes) else {
            panic!("refused");
        };
        assert_eq!(ground.clause, "R17.2");
        let Destination::Refused { ground, .. } = go(Whom::ProsecutorGeneral, Yes, No) else {
            panic!("refused");
        };
        assert_eq!(ground.clause, "R17.3");
    }

    /// No ground: the schedule, with the answers the wizard will start from (the same
    /// question ids the questionnaire asks, so `eligibility` reads them).
    #[test]
    fn r3_otherwise_pre_registration_with_what_was_learned() {
        let Destination::PreRegistration { kind, answers } = go(Whom::RegionalHead, No, Unknown)
        else {
            panic!("pre-registration");
        };
        assert_eq!(kind, OfficialKind::RegionalHead);
        assert_eq!(answers.get("r31_2_pending_court_case"), Some(&No));
        assert_eq!(answers.get("r31_1_already_received"), Some(&Unknown));
        for id in answers.keys() {
            let q = RuleSet::current().question(id).unwrap();
            assert!(q.applies_to(kind), "{id}");
        }
    }
}
