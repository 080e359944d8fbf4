//! A version of the Rules as data: the questions that decide whether a person may be
//! pre-registered with an official (R17, R19, R22, R23, R27, R31, R33), with their clause
//! ids, the official kinds they apply to, and every text in Kazakh, Russian and English;
//! the order that approved the Rules, its amendments and its repeal; and the values the
//! Rules leave to other law (the consideration period of R15).
//!
//! The data is static so that the SPA (in the browser) and the Worker read the very same
//! table; [`crate::eligibility`] turns answers to it into a verdict that names the rule set.
//!
//! # Which rule set applies
//!
//! Order No. 87 as amended on 08.10.2021 (No. 132) is the first rule set the service ships.
//! It was repealed by Order No. 29 of 17.01.2023, and the rule set records that as data
//! (`repealed_by`, `effective_to`), but the dates are provenance shown to people, not a
//! switch (RULES.md, "Readings", 9): callers take [`RuleSet::current`] (the rule set this
//! build applies) and store its `id` with a booking, so a later rule set never changes how
//! an earlier request was decided ([`RuleSet::by_id`] finds it again).
//! [`RuleSet::in_force_on`] answers the historical question only.

mod questions;

use crate::lang::Tr;
use crate::official::OfficialKind;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use time::macros::date;
use time::Date;

/// One version of the Rules.
#[derive(Debug, Serialize)]
pub struct RuleSet {
    /// Stable id stored with every decision, e.g. `order-87-2021`.
    pub id: &'static str,
    pub title: Tr,
    /// The order of the Prosecutor General that approved the Rules: No. 87 of 24.08.2017.
    pub order: Act,
    /// Its state registration in the register of normative legal acts: No. 15810 of
    /// 28.09.2017.
    pub registered: Act,
    /// The orders that amended it, oldest first: No. 42 of 29.03.2018, No. 132 of
    /// 08.10.2021.
    pub amendments: &'static [Act],
    /// The order that repealed it, if any: No. 29 of 17.01.2023.
    pub repealed_by: Option<Act>,
    /// The repeal, in words, for display.
    pub repeal_note: Option<Tr>,
    /// The version's date: the last amending order (No. 132 of 08.10.2021). That order took
    /// effect on its first official publication, whose exact day the seed does not give.
    #[serde(serialize_with = "serialize_date")]
    pub effective_from: Date,
    /// The date of the repealing order, if any. The repeal took effect on that order's first
    /// official publication, on or after this date.
    #[serde(serialize_with = "serialize_opt_date")]
    pub effective_to: Option<Date>,
    /// R15: how long a registration request is considered (the Order's para 2(2) sends the
    /// consideration of applications to the Administrative Procedural Code).
    pub consideration_period: ConsiderationPeriod,
    /// All questions, in the order a questionnaire asks them.
    pub questions: &'static [Question],
}

/// An order (or its registration) by number and date: `{"number":87,"date":"2017-08-24"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Act {
    pub number: u32,
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
}

/// R15: the period in which a registration request is considered, in working days from the
/// day it is received (registered, R3.a). `{"working_days":15}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ConsiderationPeriod {
    pub working_days: u32,
}

/// Who a rule set is, without its questions: what a verdict, a refusal or the SPA's
/// questionnaire shows as "decided under". Serialises like [`RuleSet`] minus `questions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleSetIdentity {
    pub id: &'static str,
    pub title: Tr,
    pub order: Act,
    pub registered: Act,
    pub amendments: &'static [Act],
    pub repealed_by: Option<Act>,
    pub repeal_note: Option<Tr>,
    #[serde(serialize_with = "serialize_date")]
    pub effective_from: Date,
    #[serde(serialize_with = "serialize_opt_date")]
    pub effective_to: Option<Date>,
}

/// What a "yes" (or, for competence, a "no") to a question means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A "yes" refuses pre-registration unless an exception cancels it (R17, R23, R31).
    Ground,
    /// One of the cases R19 lists for a request to the PG: a "yes" marks the request for
    /// the agreement of the GPO's units; no answer refuses (RULES.md, "Readings", 1).
    Agreement,
    /// A follow-up to a ground in `exception_to`: a "yes" cancels that ground, and the
    /// request goes to staff review (R19.2, R23.3, R31.1, R33).
    Exception,
    /// "Is the matter within this official's competence (or did the PG / GPO instruct the
    /// reception)?" — a "no" refuses (R22, R27).
    Competence,
}

/// Whose agreement a request needs before the responsible officer confirms it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementWith {
    /// R19: the relevant structural units of the General Prosecutor's Office.
    GpoUnits,
    /// R33: the relevant structural unit of the office (agency, institution, education
    /// organisation).
    StructuralUnit,
}

impl AgreementWith {
    /// What the applicant is told about the mark.
    pub fn text(self) -> Tr {
        questions::agreement_text(self)
    }
}

/// One yes / no / don't-know question of the eligibility questionnaire.
#[derive(Debug, Serialize)]
pub struct Question {
    /// Stable slug, e.g. `r17_1_outside_competence`; the key of the answer.
    pub id: &'static str,
    /// The clause the question decides, e.g. `R17.1`; for a ground that another clause
    /// borrows, both: `R23.4 (R17.1)`.
    pub clause: &'static str,
    pub role: Role,
    /// For an exception (and the R19.2 case, which is also one): the grounds a "yes"
    /// cancels, by question id.
    pub exception_to: &'static [&'static str],
    /// R19, R33: a "yes" (once the question is asked) marks the request for this agreement.
    pub agreement: Option<AgreementWith>,
    pub applies_to: &'static [OfficialKind],
    /// The question in everyday words, as a person who is no lawyer can answer it: at most
    /// 200 characters, no article numbers. The questionnaire asks this.
    pub plain: Tr,
    /// The question as the Rules put it, with the articles it cites: shown, with `help`,
    /// under "why we ask" (and to staff).
    pub text: Tr,
    pub help: Tr,
    /// Grounds and competence: the plain-language explanation of the refusal (R18, R24,
    /// R32), saying what to do instead.
    pub refusal: Option<Tr>,
    /// Grounds and competence: what to do instead, besides the district office that
    /// every refusal offers (R39).
    pub alternatives: &'static [Alternative],
    /// Exceptions: what staff will check when the exception cancels a ground (R19.2,
    /// R23.3, R31.1, R33).
    pub review: Option<Tr>,
}

/// Something a refused person can do instead (R18, R24, R32). Serialises as
/// `{"code":"district_office_walk_in","text":{"kk","ru","en"}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Alternative {
    /// R37, R39: the district office receives everyone, without registration.
    DistrictOfficeWalkIn,
    /// R17.1: the body that decides the matter.
    CompetentAuthority,
    /// R17.3: the court decides the matter.
    Court,
    /// R17.5, R31.2: the person appeals the court act.
    AppealCourtAct,
    /// R17.4: the court may restore a missed deadline.
    RestoreDeadline,
    /// R23.3: the person applies to the cassation court.
    CassationAppeal,
    /// R17.2, R31.1: a repeat application with new evidence (R19.2, R33).
    RepeatWithNewEvidence,
    /// R22, R27: the official whose competence covers the matter.
    CompetentOfficial,
    /// R22: the regional prosecutor (R27, R34).
    RegionalProsecutor,
    /// A written application (egov.kz or paper, R3.a); R23.1, R23.2: the way to bring new
    /// evidence to a matter a deputy may not receive again.
    AppealInWriting,
}

impl Alternative {
    pub const ALL: [Alternative; 10] = [
        Alternative::DistrictOfficeWalkIn,
        Alternative::CompetentAuthority,
        Alternative::Court,
        Alternative::AppealCourtAct,
        Alternative::RestoreDeadline,
        Alternative::CassationAppeal,
        Alternative::RepeatWithNewEvidence,
        Alternative::CompetentOfficial,
        Alternative::RegionalProsecutor,
        Alternative::AppealInWriting,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Alternative::DistrictOfficeWalkIn => "district_office_walk_in",
            Alternative::CompetentAuthority => "competent_authority",
            Alternative::Court => "court",
            Alternative::AppealCourtAct => "appeal_court_act",
            Alternative::RestoreDeadline => "restore_deadline",
            Alternative::CassationAppeal => "cassation_appeal",
            Alternative::RepeatWithNewEvidence => "repeat_with_new_evidence",
            Alternative::CompetentOfficial => "competent_official",
            Alternative::RegionalProsecutor => "regional_prosecutor",
            Alternative::AppealInWriting => "appeal_in_writing",
        }
    }

    pub fn parse(code: &str) -> Option<Alternative> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    pub fn text(self) -> Tr {
        questions::alternative_text(self)
    }
}

impl Serialize for Alternative {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Alternative", 2)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("text", &self.text())?;
        s.end()
    }
}

static ORDER_87_2021: RuleSet = RuleSet {
    id: "order-87-2021",
    title: questions::TITLE,
    order: Act {
        number: 87,
        date: date!(2017 - 08 - 24),
    },
    registered: Act {
        number: 15810,
        date: date!(2017 - 09 - 28),
    },
    amendments: &[
        Act {
            number: 42,
            date: date!(2018 - 03 - 29),
        },
        Act {
            number: 132,
            date: date!(2021 - 10 - 08),
        },
    ],
    repealed_by: Some(Act {
        number: 29,
        date: date!(2023 - 01 - 17),
    }),
    repeal_note: Some(questions::REPEALED_BY),
    effective_from: date!(2021 - 10 - 08),
    effective_to: Some(date!(2023 - 01 - 17)),
    // RULES.md, "Readings", 6: the default of the Administrative Procedural Code.
    consideration_period: ConsiderationPeriod { working_days: 15 },
    questions: questions::QUESTIONS,
};

static ALL: [&RuleSet; 1] = [&ORDER_87_2021];

impl RuleSet {
    /// Order No. 87 of 24.08.2017 as amended on 29.03.2018 (No. 42) and 08.10.2021 (No. 132).
    pub fn order_87_2021() -> &'static RuleSet {
        &ORDER_87_2021
    }

    /// The rule set this build applies to new requests (see the module docs: chosen by the
    /// release, not by today's date).
    pub fn current() -> &'static RuleSet {
        &ORDER_87_2021
    }

    /// Every rule set the build knows, oldest first.
    pub fn all() -> &'static [&'static RuleSet] {
        &ALL
    }

    /// The rule set a stored decision names.
    pub fn by_id(id: &str) -> Option<&'static RuleSet> {
        ALL.iter().copied().find(|r| r.id == id)
    }

    /// The rule set's name and provenance, without its questions.
    pub fn identity(&self) -> RuleSetIdentity {
        RuleSetIdentity {
            id: self.id,
            title: self.title,
            order: self.order,
            registered: self.registered,
            amendments: self.amendments,
            repealed_by: self.repealed_by,
            repeal_note: self.repeal_note,
            effective_from: self.effective_from,
            effective_to: self.effective_to,
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The grounds on which the responsible officer may refuse a request to an official of
    /// `kind` (R17 for the PG, R23 for his deputies, R31 for regional heads and deputies),
    /// and the competence those officials are limited to (R22, R27), in questionnaire order:
    /// the questions whose answer refuses. Empty for kinds without pre-registration (R37):
    /// nothing there is refused.
    pub fn refusal_grounds(&self, kind: OfficialKind) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.applies_to(kind) && q.refuses())
    }

    /// The refusal ground a staff member names by `clause`, for an official of `kind`: the
    /// clause as the rule set writes it (`R31.3 (R17.4)`), or the ground it borrows from
    /// R17 (`R17.4`), or its own clause (`R31.2`) where that names one ground only. `None`
    /// for a clause that is no ground for this kind (`R17.2` for a regional head: R31(3)
    /// does not borrow it) or that names several (`R31.3`).
    pub fn refusal_ground(&self, kind: OfficialKind, clause: &str) -> Option<&Question> {
        let clause = clause.trim();
        let matching: [fn(&Question, &str) -> bool; 3] = [
            |q, c| q.clause == c,
            |q, c| q.borrowed_clause() == Some(c),
            |q, c| q.base_clause() == c,
        ];
        matching.into_iter().find_map(|matches| {
            let mut hits = self.refusal_grounds(kind).filter(|q| matches(q, clause));
            match (hits.next(), hits.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        })
    }

    /// Whether the version was in force on `day` (historical; both ends inclusive, see
    /// `effective_to`). Not used to pick the rule set.
    pub fn in_force_on(&self, day: Date) -> bool {
        self.effective_from <= day && self.effective_to.is_none_or(|to| day <= to)
    }
}

impl Question {
    /// The clause id the question decides, without a borrowed ground: `R23.4` for
    /// `R23.4 (R17.1)`.
    pub fn base_clause(&self) -> &'static str {
        self.clause.split(' ').next().unwrap_or(self.clause)
    }

    pub fn applies_to(&self, kind: OfficialKind) -> bool {
        self.applies_to.contains(&kind)
    }

    /// Whether the question's answer refuses pre-registration: a ground (R17, R23, R31) or
    /// competence (R22, R27).
    pub fn refuses(&self) -> bool {
        matches!(self.role, Role::Ground | Role::Competence)
    }

    /// The R17 ground that R23(4) or R31(3) borrows: `R17.1` for `R23.4 (R17.1)`.
    pub fn borrowed_clause(&self) -> Option<&'static str> {
        let (_, borrowed) = self.clause.split_once(" (")?;
        borrowed.strip_suffix(')')
    }

    /// What a person refused on this question can do instead (R18, R24, R32): its own
    /// alternatives, then the district office, which receives everyone (R37, R39).
    pub fn refusal_alternatives(&self) -> Vec<Alternative> {
        let mut all: Vec<Alternative> = self
            .alternatives
            .iter()
            .copied()
            .filter(|a| *a != Alternative::DistrictOfficeWalkIn)
            .collect();
        all.push(Alternative::DistrictOfficeWalkIn);
        all
    }
}

fn format_date(d: Date) -> String {
    crate::dates::iso_date(d)
}

/// ISO 8601 (`2021-10-08`) whatever the serializer: the API shows dates as strings.
fn serialize_date<S: Serializer>(d: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&format_date(*d))
}

fn serialize_opt_date<S: Serializer>(d: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => serializer.serialize_some(&format_date(*d)),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests;
