//! The responsible officer's decisions on requests (R15, R17–R19, R23, R24, R30–R33): the
//! requests inbox, the whole booking for staff (personal data included: every read is
//! audited), confirming, refusing on a ground of the official's kind with an explanation,
//! the units' agreement, and releasing abusive bookings with a reason; and what the
//! applicant sees of a decision on their own booking ([`Refusal`], [`OfficeReason`]).
//!
//! Staff bodies only travel under `/api/v1/staff/…` (`Cache-Control: no-store`); the public
//! booking carries the decision, never the applicant's personal data.

use crate::bookings::Booking;
use crate::eligibility::{Agreement, Verdict};
use crate::Lenient;
use rules::eligibility::Answer;
use rules::ruleset::Alternative;
use rules::{LocalizedText, OfficialKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};

/// What the applicant sees of a refusal (R18, R24, R32): the clause of the ground, the
/// explanation staff wrote in the booking's language, and what to do instead (the
/// ground's alternatives, the district office last, R39).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Refusal {
    /// As the rule set names it: `R17.4`, `R31.3 (R17.4)`.
    pub clause: String,
    /// The rule set that applied (RULES.md, "Readings", 9).
    pub rule_set: String,
    /// In the booking's language.
    pub explanation: String,
    pub alternatives: Vec<Lenient<Alternative>>,
}

/// Why the office cancelled a booking (`cancelled_by_office`): the one type of
/// `api::office_admin`, whichever staff action cancelled it.
pub use crate::office_admin::OfficeReason;

/// `POST /api/v1/staff/bookings/{code}/decision`: `{"decision":"confirm"}`, or
/// `{"decision":"refuse","clause":"R17.4","explanation":"…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    pub decision: DecisionKind,
    /// `refuse`: a ground of the official's kind (R17 for the PG, R23 for his deputies,
    /// R31 for regional officials; competence R22, R27), as the rule set names it or by the
    /// R17 ground R23(4) / R31(3) borrows (`R17.4`). Another kind's ground is
    /// `422 not_a_ground`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// `refuse`: the explanation to the applicant (R18, R24, R32), in the booking's
    /// language; at most [`DecisionInput::MAX_EXPLANATION`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

impl DecisionInput {
    pub const MAX_EXPLANATION: usize = 2000;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Confirm,
    Refuse,
}

/// `POST /api/v1/staff/bookings/{code}/agreement`: the units concerned agreed (R19, R33).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AgreementInput {
    /// Which unit agreed, and its reference; at most 1000 characters.
    pub note: String,
}

/// `POST /api/v1/staff/bookings/{code}/forward` (R3.d): the request goes to a reception of
/// an office below the booking's (one that takes pre-registration: the GPO forwards to a
/// regional office; a district office receives without registration, R37). The booking
/// ends as `cancelled_by_office` naming the new booking (`forwarded_to`), which the
/// applicant opens with the same manage token and which the office below decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ForwardInput {
    pub office_id: rules::OfficeId,
    /// A reception of that office, as its schedule publishes it.
    pub reception_id: String,
}

/// `POST /api/v1/staff/bookings/{code}/reassign` (R27): the request goes to a reception of
/// a deputy of the same office, as a forward does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReassignInput {
    pub reception_id: String,
}

/// `POST /api/v1/staff/bookings/release`: abusive bookings of the office released at once,
/// their places freed (`cancelled_by_office`, the reason shown to each applicant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReleaseInput {
    /// 1 to [`ReleaseInput::MAX_CODES`] booking codes, each of an active booking of the
    /// office.
    pub codes: Vec<String>,
    pub reason: OfficeReason,
}

impl ReleaseInput {
    pub const MAX_CODES: usize = 100;
}

/// `200` of the release: the bookings as they are now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReleaseBody {
    pub released: Vec<StaffBooking>,
}

/// `GET /api/v1/staff/requests?status=requested` (registrar): the office's requests, overdue
/// first, then oldest first. An audited read (the requests carry personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestList {
    pub requests: Vec<StaffBooking>,
}

/// `200` of `GET /api/v1/staff/bookings/{code}` and of the actions on one booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffBookingBody {
    pub booking: StaffBooking,
}

/// The whole booking, as the office's staff see it: what the applicant sees, and the
/// applicant's personal data, the matter, the questionnaire's verdict, the agreement mark,
/// the due dates and the grounds a refusal may cite. Personal data are `null` once the
/// retention period has cleared them.
///
/// Read by its own `Deserialize` (below): serde's `flatten` buffers the fields through its
/// generic content, which cannot carry the booking's [`Lenient`] values (they read a
/// `RawValue`), so a derived reader refuses every staff booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffBooking {
    #[serde(flatten)]
    pub booking: Booking,
    pub official_kind: OfficialKind,
    /// R3.a: `online`, `egov`, `paper`, `call_centre`, `referral`.
    pub channel: String,
    pub applicant: ApplicantData,
    /// R3.b, R1: whom the applicant acts for, with the authority, as it was entered.
    pub on_behalf_of: Option<serde_json::Value>,
    pub matter: Matter,
    /// The questionnaire's verdict when the request was made.
    pub verdict: Option<Verdict>,
    /// R19, R33: whose agreement is needed, and whether it has been recorded.
    pub agreement: AgreementState,
    pub due: Due,
    /// The grounds a refusal of this request may cite (the official's kind's rule set).
    pub grounds: Vec<RefusalGround>,
    /// The staff account that decided, if any.
    pub decided_by: Option<String>,
    /// The reception is filling unusually fast — many online bookings within the last hour
    /// — which may be one client with many IINs (the bookings can be released in bulk).
    /// Absent when it is not (on the inbox and on `GET /api/v1/staff/bookings/{code}`;
    /// absent on the answers of the actions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filling_fast: Option<FillingFast>,
}

/// How fast a reception fills: the online bookings of the last hour against its places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FillingFast {
    /// Online bookings made for the reception within the last hour (active or not).
    pub last_hour: u32,
    pub capacity: u32,
}

/// The fields of a [`StaffBooking`] beside the booking's, read from the same object.
#[derive(Deserialize)]
struct StaffFields {
    official_kind: OfficialKind,
    channel: String,
    applicant: ApplicantData,
    on_behalf_of: Option<serde_json::Value>,
    matter: Matter,
    verdict: Option<Verdict>,
    agreement: AgreementState,
    due: Due,
    grounds: Vec<RefusalGround>,
    decided_by: Option<String>,
    #[serde(default)]
    filling_fast: Option<FillingFast>,
}

impl<'de> Deserialize<'de> for StaffBooking {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        // The object kept as its JSON text, then read twice: as the booking (which ignores
        // the staff fields) and as the staff fields (which ignore the booking's).
        let raw = Box::<serde_json::value::RawValue>::deserialize(d)?;
        let booking: Booking = serde_json::from_str(raw.get()).map_err(D::Error::custom)?;
        let f: StaffFields = serde_json::from_str(raw.get()).map_err(D::Error::custom)?;
        Ok(StaffBooking {
            booking,
            official_kind: f.official_kind,
            channel: f.channel,
            applicant: f.applicant,
            on_behalf_of: f.on_behalf_of,
            matter: f.matter,
            verdict: f.verdict,
            agreement: f.agreement,
            due: f.due,
            grounds: f.grounds,
            decided_by: f.decided_by,
            filling_fast: f.filling_fast,
        })
    }
}

/// The applicant's personal data (R1, R7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantData {
    /// `individual` or `representative`.
    pub kind: String,
    pub citizenship: Option<String>,
    pub iin: Option<String>,
    pub passport: Option<String>,
    pub surname: Option<String>,
    pub given_name: Option<String>,
    pub patronymic: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The matter: its substance (R3.c) and the questionnaire's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Matter {
    pub substance: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, Answer>))]
    pub answers: BTreeMap<String, Answer>,
}

/// R19, R33: the agreement marks of the verdict; confirming waits for `recorded_at`
/// where `needed` is not empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementState {
    pub needed: Vec<Agreement>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub recorded_at: Option<OffsetDateTime>,
    pub recorded_by: Option<String>,
    pub note: Option<String>,
}

/// The request's due dates (R15, R30; RULES.md, "Readings", 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Due {
    /// The end of the consideration period: the request is decided by then.
    #[serde(with = "rules::calendar::iso_date::option")]
    pub decision: Option<Date>,
    /// R15 (the PG and his deputies only): the GPO units' note to the Centre.
    #[serde(with = "rules::calendar::iso_date::option")]
    pub note: Option<Date>,
    /// Still `requested` after `decision`.
    pub overdue: bool,
}

/// A ground a refusal may cite, with the rule set's explanation as a starting text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefusalGround {
    pub clause: String,
    pub question: String,
    pub explanation: LocalizedText,
    pub alternatives: Vec<Lenient<Alternative>>,
}

impl From<&rules::ruleset::Question> for RefusalGround {
    fn from(q: &rules::ruleset::Question) -> RefusalGround {
        RefusalGround {
            clause: q.clause.to_owned(),
            question: q.id.to_owned(),
            explanation: q.refusal.map(Into::into).unwrap_or_else(|| q.text.into()),
            alternatives: q
                .refusal_alternatives()
                .into_iter()
                .map(Into::into)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_decision_reads_with_or_without_its_ground() {
        let confirm: DecisionInput =
            serde_json::from_value(json!({"decision": "confirm"})).unwrap();
        assert_eq!(confirm.decision, DecisionKind::Confirm);
        assert_eq!(confirm.clause, None);
        let refuse: DecisionInput = serde_json::from_value(
            json!({"decision": "refuse", "clause": "R17.4", "explanation": "…"}),
        )
        .unwrap();
        assert_eq!(refuse.clause.as_deref(), Some("R17.4"));
        assert!(serde_json::from_value::<DecisionInput>(
            json!({"decision": "confirm", "reason": "x"})
        )
        .is_err());
    }

    /// R18: a ground offers the rule set's explanation and the district office last.
    #[test]
    fn r18_a_ground_carries_its_explanation_and_alternatives() {
        let rules = rules::ruleset::RuleSet::current();
        let q = rules
            .refusal_ground(OfficialKind::ProsecutorGeneral, "R17.4")
            .unwrap();
        let ground = RefusalGround::from(q);
        let value = serde_json::to_value(&ground).unwrap();
        assert_eq!(value["clause"], "R17.4");
        assert_eq!(
            value["alternatives"][1]["code"],
            json!("district_office_walk_in")
        );
        assert!(value["explanation"]["kk"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
    }

    /// The inbox as the Worker sends it reads back whole, its `Lenient` status and
    /// documents included (a derived `flatten` reader refused it), and writes the same JSON.
    #[test]
    fn r15_r30_a_staff_booking_reads_as_the_worker_writes_it() {
        let sent = json!({
            "code": "JWYH-Q8M2-CQ0R",
            "status": "requested",
            "review": {
                "clause": "R30"
            },
            "reception": {
                "office_id": "ulytau-region",
                "id": "ulytau-region-test-head-cap5-20261201",
                "official_id": "ulytau-region-test-head",
                "date": "2026-12-01",
                "start": "2026-12-01T09:00:00+05:00",
                "end": "2026-12-01T09:30:00+05:00",
                "place": {
                    "kind": "office",
                    "name": null,
                    "address": null
                },
                "format": "in_person"
            },
            "format": "in_person",
            "language": "kk",
            "interpreter": null,
            "out_of_town": false,
            "documents": [
                {
                    "document": "identity_document"
                }
            ],
            "created_at": "2026-11-27T19:08:20.878+05:00",
            "official_kind": "regional_head",
            "channel": "online",
            "applicant": {
                "kind": "individual",
                "citizenship": "citizen",
                "iin": "811223319035",
                "passport": null,
                "surname": "Серікбаев",
                "given_name": "Нұрлан",
                "patronymic": null,
                "phone": "+77011234567",
                "email": null
            },
            "on_behalf_of": null,
            "matter": {
                "substance": "Мәселе.",
                "answers": {
                    "r27_competence": "yes",
                    "r31_1_already_received": "no",
                    "r31_1_gpo_instructed": "no",
                    "r31_2_pending_court_case": "no",
                    "r31_3_cassation_deadline_missed": "no",
                    "r31_3_civil_case_not_listed": "no",
                    "r31_3_court_jurisdiction": "no",
                    "r31_3_not_subject_to_cassation": "no",
                    "r31_3_outside_competence": "no",
                    "r33_new_evidence": "no"
                }
            },
            "verdict": {
                "rule_set": "order-87-2021",
                "verdict": "eligible",
                "grounds": [],
                "reasons": [],
                "alternatives": [],
                "agreements": []
            },
            "agreement": {
                "needed": [],
                "recorded_at": null,
                "recorded_by": null,
                "note": null
            },
            "due": {
                "decision": "2026-11-30",
                "note": null,
                "overdue": false
            },
            "grounds": [
                {
                    "clause": "R27",
                    "question": "r27_competence",
                    "explanation": {
                        "kk": "к",
                        "ru": "р",
                        "en": "e"
                    },
                    "alternatives": []
                }
            ],
            "decided_by": null
        });
        let list: RequestList =
            serde_json::from_value(json!({"requests": [sent.clone()]})).unwrap();
        let text = serde_json::to_string(&json!({"requests": [sent.clone()]})).unwrap();
        let read: RequestList = serde_json::from_str(&text).unwrap();
        assert_eq!(read, list);
        let b = &read.requests[0];
        assert_eq!(
            b.booking.status,
            Lenient::Known(rules::booking::BookingStatus::Requested)
        );
        assert!(b.booking.documents[0].known().is_some());
        assert_eq!(b.applicant.surname.as_deref(), Some("Серікбаев"));
        assert_eq!(b.official_kind, OfficialKind::RegionalHead);
        assert_eq!(b.grounds[0].clause, "R27");
        assert_eq!(serde_json::to_value(b).unwrap(), sent);
        // The inbox's mark of a reception filling fast reads too.
        let mut fast = sent.clone();
        fast["filling_fast"] = json!({"last_hour": 12, "capacity": 10});
        let read: StaffBooking = serde_json::from_value(fast.clone()).unwrap();
        assert_eq!(
            read.filling_fast,
            Some(FillingFast {
                last_hour: 12,
                capacity: 10
            })
        );
        assert_eq!(serde_json::to_value(&read).unwrap(), fast);
    }
}
