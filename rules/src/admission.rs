//! May this request take this reception now? The whole decision, in one place, for the
//! Worker (which decides) and the SPA (which checks before sending):
//!
//! 1. The booking horizon: only receptions published now can be taken — from today to
//!    [`UPCOMING_WEEKS`] weeks ahead (Asia/Almaty); a reception in the past or beyond is
//!    `unknown_reception`.
//! 2. Access (R3): officials received without registration (R37 district prosecutors and
//!    deputies, R4 receiving prosecutors, R6 duty prosecutors) or as the need arises (R14,
//!    R28) take no pre-registration: `no_pre_registration` with that clause.
//! 3. Eligibility (R17–R33, [`crate::eligibility`]): bad answers are the
//!    [`EligibilityError`]s; a refusal carries its grounds and alternatives (R18, R24, R32)
//!    and the rule set that decided.
//! 4. The registration window against the given clock ([`state_at`], R3.a, R16, R34):
//!    closed is `registration_closed` with [`ClosedReason::clause`].
//! 5. The format (R11): in person is refused in video-only mode or for a video reception.
//!
//! The admission says how the booking starts (R15, R30: `requested`, reviewed by the Centre
//! or the responsible officer), with the verdict, its agreement marks (R19, R33) and its
//! rule set. No caller chooses a clause id: every one comes from here.

use crate::booking::{
    check_format, initial_status, BookingStatus, FormatError, ReceptionFacts, Review,
};
use crate::calendar::Calendar;
use crate::eligibility::{eligibility, Agreement, Answers, EligibilityError, Verdict};
use crate::official::OfficialKind;
use crate::ruleset::RuleSet;
use crate::schedule::{Format, UPCOMING_WEEKS};
use crate::window::{state_at, ClosedReason, RegistrationState};
use serde::Serialize;
use time::{Duration, OffsetDateTime};

/// A request admitted to a reception.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Admission {
    /// Always `requested` for an online request (R15, R30).
    pub status: BookingStatus,
    /// Who reviews it: `R15` (the Centre) or `R30` (the responsible officer).
    pub review: Review,
    /// Eligible or needs review, with its agreement marks and rule set.
    pub verdict: Verdict,
}

impl Admission {
    /// The id of the rule set that decided.
    pub fn rule_set(&self) -> &'static str {
        self.verdict.rule_set
    }

    /// R19, R33: whose agreement staff record before confirming.
    pub fn agreements(&self) -> &[Agreement] {
        &self.verdict.agreements
    }
}

/// Why a request may not take the reception. Every variant has a stable [`code`], the
/// request [`field`] it concerns and the [`clause`] that decides it, if one does.
///
/// [`code`]: Rejection::code
/// [`field`]: Rejection::field
/// [`clause`]: Rejection::clause
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Not a reception published now: in the past, or beyond the published weeks.
    UnknownReception,
    /// R3, R4, R6, R14, R28, R37: this official takes no pre-registration.
    NoPreRegistration { kind: OfficialKind },
    /// The answers do not fit the questionnaire of the official's kind.
    Eligibility(EligibilityError),
    /// R17, R22, R23, R27, R31: refused; the verdict holds the grounds and alternatives.
    Refused(Verdict),
    /// R3.a, R14, R16, R28, R34: registration is closed now.
    RegistrationClosed(ClosedReason),
    /// R11: only a video conference can be had.
    Format(FormatError),
}

impl Rejection {
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::UnknownReception => "unknown_reception",
            Rejection::NoPreRegistration { .. } => "no_pre_registration",
            Rejection::Eligibility(e) => e.code(),
            Rejection::Refused(_) => "refused",
            Rejection::RegistrationClosed(_) => "registration_closed",
            Rejection::Format(e) => e.code(),
        }
    }

    /// The request field, as the API names it: `reception_id`, `format`, `matter.answers`
    /// or `matter.answers.<question id>`.
    pub fn field(&self) -> String {
        match self {
            Rejection::UnknownReception
            | Rejection::NoPreRegistration { .. }
            | Rejection::RegistrationClosed(_) => "reception_id".into(),
            Rejection::Eligibility(e) => format!("matter.{}", e.field()),
            Rejection::Refused(_) => "matter.answers".into(),
            Rejection::Format(_) => "format".into(),
        }
    }

    /// The clause that decides the rejection; `None` for an unknown reception, bad answers,
    /// a calendar year not yet published, and a refusal, whose grounds carry their clauses.
    pub fn clause(&self) -> Option<&'static str> {
        match self {
            Rejection::UnknownReception | Rejection::Eligibility(_) | Rejection::Refused(_) => None,
            Rejection::NoPreRegistration { kind } => no_registration_clause(*kind),
            Rejection::RegistrationClosed(reason) => reason.clause(),
            Rejection::Format(e) => Some(e.clause()),
        }
    }
}

/// The clause under which an official of `kind` is reached without pre-registration;
/// `None` for the kinds that take it (R3).
pub fn no_registration_clause(kind: OfficialKind) -> Option<&'static str> {
    match kind {
        OfficialKind::ProsecutorGeneral
        | OfficialKind::ProsecutorGeneralDeputy
        | OfficialKind::RegionalHead
        | OfficialKind::RegionalDeputy => None,
        OfficialKind::DistrictHead | OfficialKind::DistrictDeputy => Some("R37"),
        OfficialKind::ReceivingProsecutor => Some("R4"),
        OfficialKind::DutyProsecutor => Some("R6"),
        OfficialKind::GpoUnitHead => Some("R14"),
        OfficialKind::RegionalUnitHead => Some("R28"),
    }
}

/// Whether `reception` is one published at `now`: from today to the last day of
/// [`UPCOMING_WEEKS`] weeks (the schedule's horizon, `rules::schedule::upcoming`).
pub fn within_horizon(reception: &ReceptionFacts, now: OffsetDateTime) -> bool {
    let today = crate::dates::almaty(now).date();
    let last = today.saturating_add(Duration::days(i64::from(UPCOMING_WEEKS) * 7 - 1));
    today <= reception.date && reception.date <= last
}

/// Decides whether a request with `answers`, in `format`, may take `reception` at `now`
/// under `rule_set` (see the module docs for the order of the checks).
pub fn admit(
    rule_set: &RuleSet,
    calendar: &Calendar,
    reception: &ReceptionFacts,
    answers: &Answers,
    format: Format,
    now: OffsetDateTime,
) -> Result<Admission, Rejection> {
    if !within_horizon(reception, now) {
        return Err(Rejection::UnknownReception);
    }
    let kind = reception.kind;
    if no_registration_clause(kind).is_some() {
        return Err(Rejection::NoPreRegistration { kind });
    }
    let verdict = eligibility(rule_set, kind, answers).map_err(Rejection::Eligibility)?;
    if verdict.is_refused() {
        return Err(Rejection::Refused(verdict));
    }
    match state_at(calendar, kind, reception.date, reception.start, now) {
        RegistrationState::Open { .. } => {}
        RegistrationState::Closed { reason } => return Err(Rejection::RegistrationClosed(reason)),
        // Walk-in kinds were answered above; kept total rather than trusted.
        RegistrationState::WalkIn => return Err(Rejection::NoPreRegistration { kind }),
    }
    check_format(format, reception).map_err(Rejection::Format)?;
    let (status, review) =
        initial_status(kind, &verdict).ok_or(Rejection::NoPreRegistration { kind })?;
    Ok(Admission {
        status,
        review,
        verdict,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::{questions_for, Answer, Outcome};
    use crate::ruleset::{AgreementWith, Role};
    use crate::window::{AsNeededClause, WindowClause};
    use time::macros::{date, datetime, time};
    use time::Date;
    use OfficialKind::*;

    fn rules() -> &'static RuleSet {
        RuleSet::current()
    }

    fn kz() -> &'static Calendar {
        Calendar::kazakhstan()
    }

    /// Every question "no" but competence "yes": eligible.
    fn clear(kind: OfficialKind) -> Answers {
        questions_for(rules(), kind)
            .filter(|q| q.role != Role::Exception)
            .map(|q| {
                let a = if q.role == Role::Competence {
                    Answer::Yes
                } else {
                    Answer::No
                };
                (q.id.to_owned(), a)
            })
            .collect()
    }

    fn facts(kind: OfficialKind, date: Date) -> ReceptionFacts {
        ReceptionFacts {
            kind,
            date,
            start: time!(10:00),
            format: Format::InPerson,
            video_only: false,
        }
    }

    /// Tue 1 Dec 2026, 12:00 in Almaty.
    const NOW: OffsetDateTime = datetime!(2026-12-01 12:00 +5);

    fn admit_at(
        reception: ReceptionFacts,
        answers: &Answers,
        format: Format,
        now: OffsetDateTime,
    ) -> Result<Admission, Rejection> {
        admit(rules(), kz(), &reception, answers, format, now)
    }

    /// (code, field, clause) of a rejection, or the status, review clause and verdict code
    /// of an admission.
    fn summary(r: &Result<Admission, Rejection>) -> (String, String, Option<&'static str>) {
        match r {
            Ok(a) => (
                format!("{}:{}", a.status.code(), a.verdict.code()),
                String::new(),
                Some(a.review.clause),
            ),
            Err(e) => (e.code().to_owned(), e.field(), e.clause()),
        }
    }

    /// R3, R3.a, R4, R6, R11, R14, R15, R16, R28, R30, R34, R37 and the horizon: one row
    /// per way a request is admitted or rejected.
    #[test]
    fn r3_r11_r16_r34_r37_admission_cases() {
        let mon_14 = date!(2026 - 12 - 14);
        let video = |mut f: ReceptionFacts| {
            f.format = Format::Video;
            f
        };
        let video_only = |mut f: ReceptionFacts| {
            f.video_only = true;
            f
        };
        // (case, reception, format asked, now, (code, field, clause) expected)
        type Expected = (&'static str, &'static str, Option<&'static str>);
        type Case = (
            &'static str,
            ReceptionFacts,
            Format,
            OffsetDateTime,
            Expected,
        );
        #[rustfmt::skip]
        let cases: Vec<Case> = vec![
            ("R15 PG, open", facts(ProsecutorGeneral, mon_14), Format::InPerson, NOW,
                ("requested:eligible", "", Some("R15"))),
            ("R30 regional deputy, open", facts(RegionalDeputy, mon_14), Format::InPerson, NOW,
                ("requested:eligible", "", Some("R30"))),
            ("R16 passed: 18:30 on Wed 9 Dec", facts(ProsecutorGeneralDeputy, mon_14), Format::InPerson,
                datetime!(2026-12-09 18:30 +5), ("registration_closed", "reception_id", Some("R16"))),
            ("R16 started", facts(ProsecutorGeneral, date!(2026 - 12 - 01)), Format::InPerson,
                datetime!(2026-12-01 10:30 +5), ("registration_closed", "reception_id", Some("R16"))),
            ("R34 passed: Fri 11 Dec 18:30 for Mon 14", facts(RegionalHead, mon_14), Format::InPerson,
                datetime!(2026-12-11 18:30 +5), ("registration_closed", "reception_id", Some("R34"))),
            ("R34 started", facts(RegionalHead, date!(2026 - 12 - 01)), Format::InPerson,
                datetime!(2026-12-01 11:00 +5), ("registration_closed", "reception_id", Some("R34"))),
            ("R3.a not a working day (Independence Day)", facts(RegionalHead, date!(2026 - 12 - 16)),
                Format::InPerson, NOW, ("registration_closed", "reception_id", Some("R3.a"))),
            ("R37 district head", facts(DistrictHead, mon_14), Format::InPerson, NOW,
                ("no_pre_registration", "reception_id", Some("R37"))),
            ("R37 district deputy", facts(DistrictDeputy, mon_14), Format::InPerson, NOW,
                ("no_pre_registration", "reception_id", Some("R37"))),
            ("R4 receiving prosecutor", facts(ReceivingProsecutor, mon_14), Format::InPerson, NOW,
                ("no_pre_registration", "reception_id", Some("R4"))),
            ("R6 duty prosecutor", facts(DutyProsecutor, mon_14), Format::InPerson, NOW,
                ("no_pre_registration", "reception_id", Some("R6"))),
            ("R14 GPO unit head", facts(GpoUnitHead, mon_14), Format::InPerson, NOW,
                ("no_pre_registration", "reception_id", Some("R14"))),
            ("R28 regional unit head", facts(RegionalUnitHead, mon_14), Format::InPerson, NOW,
                ("no_pre_registration", "reception_id", Some("R28"))),
            ("R11 video-only mode, in person", video_only(facts(RegionalHead, mon_14)), Format::InPerson,
                NOW, ("video_only", "format", Some("R11"))),
            ("R11 video-only mode, video", video_only(facts(RegionalHead, mon_14)), Format::Video, NOW,
                ("requested:eligible", "", Some("R30"))),
            ("R11 video reception, in person", video(facts(RegionalHead, mon_14)), Format::InPerson, NOW,
                ("video_reception", "format", Some("R11"))),
            ("R11 in-person reception by video (consent)", facts(RegionalHead, mon_14), Format::Video, NOW,
                ("requested:eligible", "", Some("R30"))),
            ("horizon: yesterday", facts(RegionalHead, date!(2026 - 11 - 30)), Format::InPerson, NOW,
                ("unknown_reception", "reception_id", None)),
            ("horizon: the last published day", facts(RegionalHead, date!(2027 - 01 - 25)),
                Format::InPerson, NOW, ("requested:eligible", "", Some("R30"))),
            ("horizon: beyond the published weeks", facts(RegionalHead, date!(2027 - 01 - 26)),
                Format::InPerson, NOW, ("unknown_reception", "reception_id", None)),
            ("horizon before access: a district reception in the past",
                facts(DistrictHead, date!(2026 - 11 - 30)), Format::InPerson, NOW,
                ("unknown_reception", "reception_id", None)),
        ];
        for (name, reception, format, now, (code, field, clause)) in cases {
            let answers = clear(reception.kind);
            let got = admit_at(reception, &answers, format, now);
            assert_eq!(
                summary(&got),
                (code.to_owned(), field.to_owned(), clause),
                "{name}"
            );
        }
    }

    /// R17, R18: a refusal is a rejection that carries the grounds, the alternatives and
    /// the rule set; the window is not even looked at (the SPA shows the refusal first).
    #[test]
    fn r17_r18_refusal_is_a_rejection_with_its_verdict() {
        let mut answers = clear(ProsecutorGeneral);
        answers.insert("r17_3_court_jurisdiction".into(), Answer::Yes);
        let closed = datetime!(2026-12-10 12:00 +5);
        let got = admit_at(
            facts(ProsecutorGeneral, date!(2026 - 12 - 14)),
            &answers,
            Format::InPerson,
            closed,
        );
        let Err(Rejection::Refused(verdict)) = &got else {
            panic!("{got:?}");
        };
        assert_eq!(verdict.rule_set, "order-87-2021");
        assert_eq!(verdict.grounds()[0].clause, "R17.3");
        assert!(!verdict.alternatives().is_empty());
        assert_eq!(
            summary(&got),
            ("refused".into(), "matter.answers".into(), None)
        );
    }

    /// Bad answers are the eligibility errors, named under `matter.answers`.
    #[test]
    fn unanswered_and_unknown_questions_name_their_field() {
        let mut answers = clear(RegionalHead);
        answers.remove("r27_competence");
        let got = admit_at(
            facts(RegionalHead, date!(2026 - 12 - 14)),
            &answers,
            Format::InPerson,
            NOW,
        );
        assert_eq!(
            summary(&got),
            (
                "unanswered".into(),
                "matter.answers.r27_competence".into(),
                None
            )
        );
        let mut answers = clear(RegionalHead);
        answers.insert("r19_1_protest_court_act".into(), Answer::Yes);
        let got = admit_at(
            facts(RegionalHead, date!(2026 - 12 - 14)),
            &answers,
            Format::InPerson,
            NOW,
        );
        assert_eq!(got.map_err(|e| e.code()), Err("not_applicable"));
    }

    /// R19, R33 (RULES.md, "Readings", 1): an admitted request carries its agreement marks
    /// and the rule set that decided; "don't know" is admitted for review.
    #[test]
    fn r19_r33_admission_carries_agreement_marks() {
        let mut answers = clear(ProsecutorGeneral);
        answers.insert("r19_1_protest_court_act".into(), Answer::Yes);
        let admitted = admit_at(
            facts(ProsecutorGeneral, date!(2026 - 12 - 14)),
            &answers,
            Format::InPerson,
            NOW,
        )
        .expect("admitted");
        assert_eq!(admitted.rule_set(), "order-87-2021");
        assert_eq!(admitted.status, BookingStatus::Requested);
        assert_eq!(admitted.agreements().len(), 1);
        assert_eq!(admitted.agreements()[0].clause, "R19.1");
        assert_eq!(admitted.agreements()[0].with, AgreementWith::GpoUnits);

        let mut answers = clear(RegionalHead);
        answers.insert("r31_1_already_received".into(), Answer::Yes);
        answers.insert("r31_1_gpo_instructed".into(), Answer::No);
        answers.insert("r33_new_evidence".into(), Answer::Yes);
        let admitted = admit_at(
            facts(RegionalHead, date!(2026 - 12 - 14)),
            &answers,
            Format::InPerson,
            NOW,
        )
        .expect("admitted");
        assert!(matches!(
            admitted.verdict.outcome,
            Outcome::NeedsReview { .. }
        ));
        assert_eq!(admitted.review.clause, "R30");
        assert_eq!(admitted.agreements()[0].clause, "R33");
        let json = serde_json::to_value(&admitted).expect("json");
        assert_eq!(json["status"], "requested");
        assert_eq!(json["review"]["clause"], "R30");
        assert_eq!(json["verdict"]["rule_set"], "order-87-2021");
        assert_eq!(json["verdict"]["agreements"][0]["with"], "structural_unit");
    }

    /// The order of the checks: the horizon, access, answers, the window, the format.
    #[test]
    fn checks_come_in_order() {
        let passed = datetime!(2026-12-11 18:30 +5);
        let mut bad = clear(RegionalHead);
        bad.remove("r27_competence");
        let mut refusing = clear(RegionalHead);
        refusing.insert("r31_2_pending_court_case".into(), Answer::Yes);
        let video_only_closed = ReceptionFacts {
            video_only: true,
            ..facts(RegionalHead, date!(2026 - 12 - 14))
        };
        // Bad answers before the window; a refusal before the window; the window before
        // the format.
        for (answers, code) in [
            (&bad, "unanswered"),
            (&refusing, "refused"),
            (&clear(RegionalHead), "registration_closed"),
        ] {
            let got = admit_at(video_only_closed, answers, Format::InPerson, passed);
            assert_eq!(got.map_err(|e| e.code()).err(), Some(code));
        }
        // A calendar year not yet published: closed, with no clause.
        let far = facts(RegionalHead, date!(2029 - 01 - 15));
        let got = admit_at(
            far,
            &clear(RegionalHead),
            Format::InPerson,
            datetime!(2028-12-01 10:00 +5),
        );
        assert_eq!(
            got,
            Err(Rejection::RegistrationClosed(
                ClosedReason::CalendarNotAvailable
            ))
        );
        assert_eq!(got.err().and_then(|e| e.clause()), None);
    }

    /// Every kind's access clause agrees with the window module (R14, R28) and R3.
    #[test]
    fn r3_r14_r28_r37_no_registration_clauses() {
        for kind in OfficialKind::ALL {
            assert_eq!(
                no_registration_clause(kind).is_none(),
                kind.takes_pre_registration(),
                "{kind:?}"
            );
        }
        let as_needed = |kind| match crate::window::window(kz(), kind, NOW.date(), time!(10:00)) {
            crate::window::Window::NoRegistration(
                crate::window::NoRegistration::NoPublicRegistration { clause },
            ) => Some(clause),
            _ => None,
        };
        assert_eq!(as_needed(GpoUnitHead), Some(AsNeededClause::R14));
        assert_eq!(
            no_registration_clause(GpoUnitHead),
            Some(AsNeededClause::R14.id())
        );
        assert_eq!(
            no_registration_clause(RegionalUnitHead),
            Some(AsNeededClause::R28.id())
        );
        assert_eq!(WindowClause::R16.id(), "R16");
    }

    /// The horizon is the schedule's: exactly the days `upcoming` publishes.
    #[test]
    fn the_horizon_is_the_published_weeks() {
        let today = NOW.date();
        let days = i64::from(UPCOMING_WEEKS) * 7;
        for offset in -3..days + 3 {
            let date = today + Duration::days(offset);
            let inside = (0..days).contains(&offset);
            assert_eq!(
                within_horizon(&facts(RegionalHead, date), NOW),
                inside,
                "{date}"
            );
        }
        // "Today" is Almaty's: 20:00 UTC on 30 Nov is 1 Dec in Almaty.
        let late = datetime!(2026-11-30 20:00 UTC);
        assert!(!within_horizon(
            &facts(RegionalHead, date!(2026 - 11 - 30)),
            late
        ));
        assert!(within_horizon(
            &facts(RegionalHead, date!(2026 - 12 - 01)),
            late
        ));
    }
}
