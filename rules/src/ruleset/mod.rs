//! A version of the Rules as data: the questions that decide whether a person may be
//! pre-registered with an official (R17, R19, R22, R23, R27, R31, R33), with their clause
//! ids, the official kinds they apply to, and every text in Kazakh, Russian and English.
//!
//! The data is static so that the SPA (in the browser) and the Worker read the very same
//! table; [`crate::eligibility`] turns answers to it into a verdict.
//!
//! # Which rule set applies
//!
//! Order No. 87 as amended on 08.10.2021 (No. 132) is the first rule set the service ships.
//! It was repealed by Order No. 29 of 17.01.2023, and the rule set records that as data
//! (`effective_to`), but the dates are provenance shown to people, not a switch: callers
//! take [`RuleSet::current`] (the rule set this build applies) and store its `id` with a
//! booking, so a later rule set never changes how an earlier request was decided
//! ([`RuleSet::by_id`] finds it again). [`RuleSet::in_force_on`] answers the historical
//! question only.

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
    /// The version's date: the amending order No. 132 of 08.10.2021. That order took effect
    /// on its first official publication, whose exact day the seed does not give.
    #[serde(serialize_with = "serialize_date")]
    pub effective_from: Date,
    /// The date of the repealing order (No. 29 of 17.01.2023), if any. The repeal took effect
    /// on that order's first official publication, on or after this date.
    #[serde(serialize_with = "serialize_opt_date")]
    pub effective_to: Option<Date>,
    /// The act that repealed this version, for display.
    pub repealed_by: Option<Tr>,
    /// All questions, in the order a questionnaire asks them.
    pub questions: &'static [Question],
    /// R19: a request to the PG needs one of the `basis` questions answered "yes".
    pub basis: BasisRule,
}

/// What a "yes" (or, for competence, a "no") to a question means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A "yes" refuses pre-registration unless an exception cancels it (R17, R23, R31).
    Ground,
    /// A request to the PG needs at least one "yes" among these (R19.1–R19.3).
    Basis,
    /// A follow-up to a ground in `exception_to`: a "yes" cancels that ground, and the
    /// request goes to staff review (R19.2, R31.1, R33).
    Exception,
    /// "Is the matter within this official's competence (or did the PG / GPO instruct the
    /// reception)?" — a "no" refuses (R22, R27).
    Competence,
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
    /// For an exception (and the R19.2 basis, which is also one): the grounds a "yes"
    /// cancels, by question id.
    pub exception_to: &'static [&'static str],
    pub applies_to: &'static [OfficialKind],
    pub text: Tr,
    pub help: Tr,
    /// Grounds and competence: the plain-language explanation of the refusal (R18, R24,
    /// R32), saying what to do instead.
    pub refusal: Option<Tr>,
    /// Grounds and competence: what to do instead, besides the district office that
    /// every refusal offers (R39).
    pub alternatives: &'static [Alternative],
    /// Exceptions: what staff will check when the exception cancels a ground (R19.2, R33).
    pub review: Option<Tr>,
}

/// R19: the rule that a PG request needs a basis, with its refusal.
#[derive(Debug, Serialize)]
pub struct BasisRule {
    pub clause: &'static str,
    /// Every basis question answered "no".
    pub refusal: Tr,
    /// No "yes" and at least one "don't know".
    pub unknown: Tr,
    pub alternatives: &'static [Alternative],
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
    /// R17.2, R23.1, R23.2, R31.1: a repeat application with new evidence (R19.2, R33).
    RepeatWithNewEvidence,
    /// R22, R27: the official whose competence covers the matter.
    CompetentOfficial,
    /// R19, R22: the regional prosecutor (R27, R34).
    RegionalProsecutor,
    /// A written application (egov.kz or paper, R3.a).
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
    effective_from: date!(2021 - 10 - 08),
    effective_to: Some(date!(2023 - 01 - 17)),
    repealed_by: Some(questions::REPEALED_BY),
    questions: questions::QUESTIONS,
    basis: questions::BASIS,
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

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
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
