//! Every response body, serialised with sample data and read back with the same types (as
//! the SPA reads them); the README's examples read; and the bodies built from `rules`
//! types give exactly the JSON `rules` itself serialises.

use crate::bookings::{Booking, BookingBody, BookingCreated, BookingInput, Review};
use crate::eligibility::{EligibilityRequest, RulesBody, Verdict};
use crate::offices::{OfficeBody, OfficeDetail, OfficeList, OfficeRef};
use crate::open_data::{OpenDataList, OpenDataRow, StateName};
use crate::schedule::{
    BookedReception, Official, Reception, ReceptionCentre, ReceptionList, ScheduleBody,
    ScheduleOffice, ScheduledReception, VideoOnly,
};
use crate::*;
use rules::booking::{BookingStatus, Document};
use rules::calendar::Calendar;
use rules::eligibility::{eligibility, pending, questions_for, Answer, Answers};
use rules::ruleset::{Alternative, Role, RuleSet};
use rules::schedule::{Capacity, Format, OfficialId, Place, PlaceKind};
use rules::values::{AuthorityKind, PersonName};
use rules::window::{AsNeededClause, ClosedReason, RegistrationState, WindowClause};
use rules::{Directory, Lang, LocalizedText, Office, OfficeId, OfficeLevel, OfficialKind};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use std::fmt::Debug;
use time::macros::{date, datetime, time};

/// A body with its schema in the OpenAPI document (when the feature is on).
#[cfg(feature = "openapi")]
trait Documented: utoipa::ToSchema {}
#[cfg(feature = "openapi")]
impl<T: utoipa::ToSchema> Documented for T {}
#[cfg(not(feature = "openapi"))]
trait Documented {}
#[cfg(not(feature = "openapi"))]
impl<T> Documented for T {}

/// Serialises, reads back, and compares; with the `openapi` feature also validates the JSON
/// against the type's schema in the document. Returns the JSON.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug + Documented>(v: &T) -> Value {
    let text = serde_json::to_string(v).unwrap();
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(&back, v, "{text}");
    let json: Value = serde_json::from_str(&text).unwrap();
    #[cfg(feature = "openapi")]
    documented::validate(&T::name(), &json);
    json
}

fn text(s: &str) -> LocalizedText {
    LocalizedText {
        kk: format!("{s} kk"),
        ru: format!("{s} ru"),
        en: format!("{s} en"),
    }
}

fn office(id: &str, level: OfficeLevel, parent: Option<&str>, region: Option<&str>) -> Office {
    Office {
        id: OfficeId::parse(id).unwrap(),
        level,
        parent_id: parent.map(|p| OfficeId::parse(p).unwrap()),
        region_id: region.map(|p| OfficeId::parse(p).unwrap()),
        specialisation: None,
        name: text(id),
        address: (level == OfficeLevel::General).then(|| text("address")),
        phone: (level == OfficeLevel::General).then(|| "+77172000000".to_owned()),
    }
}

fn offices() -> Vec<Office> {
    vec![
        office("gpo", OfficeLevel::General, None, None),
        office(
            "shymkent",
            OfficeLevel::Regional,
            Some("gpo"),
            Some("shymkent"),
        ),
        office(
            "shymkent-abay",
            OfficeLevel::District,
            Some("shymkent"),
            Some("shymkent"),
        ),
    ]
}

fn reception(id: &str, place: Place, format: Format) -> Reception {
    Reception {
        id: id.to_owned(),
        official_id: OfficialId::parse("gpo-pg").unwrap(),
        date: date!(2026 - 12 - 09),
        start: datetime!(2026-12-09 10:00 +5),
        end: datetime!(2026-12-09 13:00 +5),
        place,
        format,
    }
}

fn places() -> Vec<Place> {
    vec![
        Place::Office,
        Place::ReceptionCentre,
        Place::Outreach {
            settlement: text("settlement"),
            address: text("street"),
        },
        Place::Institution {
            name: text("institution"),
            address: None,
        },
    ]
}

fn states() -> Vec<RegistrationState> {
    let closed = |reason| RegistrationState::Closed { reason };
    vec![
        RegistrationState::Open {
            closes_at: datetime!(2026-12-04 18:30 +5),
        },
        closed(ClosedReason::WindowPassed {
            clause: WindowClause::R16,
        }),
        closed(ClosedReason::Started {
            clause: WindowClause::R34,
        }),
        closed(ClosedReason::NotAWorkingDay),
        closed(ClosedReason::NoPublicRegistration {
            clause: AsNeededClause::R28,
        }),
        closed(ClosedReason::CalendarNotAvailable),
        RegistrationState::WalkIn,
    ]
}

fn scheduled() -> Vec<ScheduledReception> {
    places()
        .into_iter()
        .zip(states().into_iter().cycle())
        .enumerate()
        .map(|(i, (place, state))| ScheduledReception {
            reception: reception(
                &format!("gpo-pg-monthly-2026120{i}"),
                place,
                if i % 2 == 0 {
                    Format::InPerson
                } else {
                    Format::Video
                },
            ),
            capacity: Capacity::new(10).unwrap(),
            booked: i as u32,
            registration: state.into(),
        })
        .chain(states().into_iter().map(|state| ScheduledReception {
            reception: reception("gpo-pg-monthly-20261210", Place::Office, Format::InPerson),
            capacity: Capacity::new(500).unwrap(),
            booked: 500,
            registration: state.into(),
        }))
        .collect()
}

fn official(patronymic: Option<&str>) -> Official {
    Official {
        id: OfficialId::parse("gpo-pg").unwrap(),
        kind: OfficialKind::ProsecutorGeneral,
        surname: PersonName::parse("Үлгі-Образцов").unwrap(),
        given_name: PersonName::parse("Асқар").unwrap(),
        patronymic: patronymic.map(|p| PersonName::parse(p).unwrap()),
        position: text("position"),
        competence: vec![text("competence")],
        sample: true,
    }
}

fn booking(status: BookingStatus) -> Booking {
    Booking {
        code: "7K3M-9PQR-STVW".to_owned(),
        status: status.into(),
        review: Review {
            clause: "R30".to_owned(),
        },
        reception: BookedReception {
            office_id: OfficeId::parse("shymkent").unwrap(),
            reception: reception(
                "shymkent-head-weekly-20261207",
                Place::Office,
                Format::Video,
            ),
        },
        format: Format::Video,
        language: Lang::Kk,
        interpreter: (status == BookingStatus::Confirmed).then(|| "uzbek".to_owned()),
        out_of_town: status == BookingStatus::Requested,
        documents: vec![
            Document::IdentityDocument.into(),
            Document::Passport.into(),
            Document::Authority {
                kind: AuthorityKind::ParentOfMinor,
            }
            .into(),
        ],
        created_at: datetime!(2026-11-25 10:00:00.123 +5),
        cancelled_at: matches!(
            status,
            BookingStatus::Cancelled | BookingStatus::CancelledByOffice
        )
        .then_some(datetime!(2026-11-26 09:15:00.5 +5)),
        decided_at: (status == BookingStatus::Refused).then_some(datetime!(2026-11-26 10:00:00 +5)),
        refusal: (status == BookingStatus::Refused).then(|| crate::decisions::Refusal {
            clause: "R31.3 (R17.4)".into(),
            rule_set: "order-87-2021".into(),
            explanation: "Кассациялық шағым беру мерзімі өтіп кеткен.".into(),
            alternatives: vec![
                rules::ruleset::Alternative::RestoreDeadline.into(),
                rules::ruleset::Alternative::DistrictOfficeWalkIn.into(),
            ],
        }),
        office_reason: (status == BookingStatus::CancelledByOffice).then(|| {
            crate::decisions::OfficeReason {
                kk: "Қабылдау күні ауыстырылды.".into(),
                ru: "День приёма перенесён.".into(),
                en: None,
            }
        }),
        forwarded_to: (status == BookingStatus::CancelledByOffice)
            .then(|| "8M4N-0PQR-STVW".to_owned()),
    }
}

/// Answers that `pending` no longer asks for: `base` first, every other question `no`, the
/// competence question `yes`.
fn answered(kind: OfficialKind, base: &[(&str, Answer)]) -> Answers {
    let set = RuleSet::current();
    let mut answers: Answers = base.iter().map(|(k, a)| ((*k).to_owned(), *a)).collect();
    loop {
        let Some(q) = pending(set, kind, &answers).next() else {
            return answers;
        };
        let a = if q.role == Role::Competence {
            Answer::Yes
        } else {
            Answer::No
        };
        answers.insert(q.id.to_owned(), a);
    }
}

/// Verdicts of every kind the rule set gives.
fn verdicts() -> Vec<rules::eligibility::Verdict> {
    let set = RuleSet::current();
    let kind = OfficialKind::RegionalHead;
    let grounds: Vec<&str> = questions_for(set, kind)
        .filter(|q| q.role == Role::Ground)
        .map(|q| q.id)
        .collect();
    let mut all = vec![eligibility(set, kind, &answered(kind, &[])).unwrap()];
    for id in &grounds {
        for a in [Answer::Yes, Answer::Unknown] {
            all.push(eligibility(set, kind, &answered(kind, &[(id, a)])).unwrap());
        }
    }
    all.push(eligibility(set, OfficialKind::DistrictHead, &Answers::new()).unwrap());
    let codes: std::collections::BTreeSet<&str> = all.iter().map(|v| v.code()).collect();
    assert_eq!(codes.len(), 4, "every verdict kind is exercised: {codes:?}");
    all
}

#[test]
fn health_and_directory_read_back() {
    round_trip(&Health {
        status: HealthStatus::Ok,
        version: "0.1.0".into(),
    });
    let directory = Directory::new(offices()).unwrap();
    // The KV snapshot `rules` publishes is exactly this body.
    let snapshot = directory.snapshot();
    let list: OfficeList = serde_json::from_str(&snapshot.body).unwrap();
    assert_eq!(serde_json::to_string(&list).unwrap(), snapshot.body);
    round_trip(&list);
    let [gpo, region, district] = <[Office; 3]>::try_from(offices()).unwrap();
    let detail = |office, parent: Option<Office>, children| OfficeBody {
        office: OfficeDetail {
            office,
            parent: parent.map(OfficeRef::from),
            children,
        },
    };
    let json = round_trip(&detail(gpo.clone(), None, vec![region.clone()]));
    assert_eq!(json["office"]["parent"], Value::Null);
    assert_eq!(json["office"]["id"], "gpo");
    let json = round_trip(&detail(district, Some(region), vec![]));
    assert_eq!(
        json["office"]["parent"],
        json!({"id": "shymkent", "level": "regional", "name": text("shymkent")})
    );
}

#[test]
fn schedules_and_receptions_read_back() {
    for (video_only, centre) in [(true, true), (false, false)] {
        let body = ScheduleBody {
            office: ScheduleOffice {
                id: OfficeId::parse("gpo").unwrap(),
                level: OfficeLevel::General,
                name: text("gpo"),
                video_only: video_only.then(|| VideoOnly {
                    reason: text("reason"),
                }),
                reception_centre: centre.then(|| ReceptionCentre {
                    opens: time!(09:00),
                    closes: time!(18:30),
                    room: Some(text("room")),
                }),
                responsible_phone: centre.then(|| "+77172712345".into()),
            },
            officials: vec![official(None), official(Some("Ұлы"))],
            receptions: scheduled(),
            sample: video_only,
        };
        let json = round_trip(&body);
        if centre {
            assert_eq!(
                json["office"]["reception_centre"],
                json!({"opens": "09:00", "closes": "18:30",
                       "room": {"kk": "room kk", "ru": "room ru", "en": "room en"}})
            );
            assert_eq!(json["office"]["responsible_phone"], "+77172712345");
        } else {
            assert_eq!(json["office"]["video_only"], Value::Null);
            // Absent, as a Worker before the settings wrote it.
            assert!(json["office"].get("responsible_phone").is_none());
        }
    }
    let list = ReceptionList {
        receptions: scheduled(),
    };
    let json = round_trip(&list);
    assert_eq!(
        json["receptions"][1],
        json!({"id": "gpo-pg-monthly-20261201", "official_id": "gpo-pg", "date": "2026-12-09",
               "start": "2026-12-09T10:00:00+05:00", "end": "2026-12-09T13:00:00+05:00",
               "place": {"kind": "reception_centre", "name": null, "address": null},
               "format": "video", "capacity": 10, "booked": 1,
               "registration": {"state": "closed", "reason": "window_passed", "clause": "R16"}})
    );
    assert_eq!(official(Some("Ұлы")).full_name(), "Үлгі-Образцов Асқар Ұлы");
    assert_eq!(scheduled()[1].places_left(), 9);
}

/// The wizard's card of a reception is what the schedule publishes of it, its texts in one
/// language (R5), with R11's facts, the places left and whether registration is open (R16).
#[test]
fn r5_r11_a_reception_card_is_the_schedule_in_one_language() {
    use crate::reception_card::ReceptionCard;
    let office = |video_only: bool| ScheduleOffice {
        id: OfficeId::parse("gpo").unwrap(),
        level: OfficeLevel::General,
        name: text("gpo"),
        video_only: video_only.then(|| VideoOnly {
            reason: text("reason"),
        }),
        reception_centre: None,
        responsible_phone: None,
    };
    let all = scheduled();
    let card = ReceptionCard::of(Lang::Ru, &office(false), &official(Some("Ұлы")), &all[2]);
    let json = round_trip(&card);
    assert_eq!(
        json,
        json!({"id": "gpo-pg-monthly-20261202", "office_name": "gpo ru", "video_only": false,
               "official_kind": "prosecutor_general",
               "official_name": "Үлгі-Образцов Асқар Ұлы",
               "official_position": "position ru", "competence": ["competence ru"],
               "date": "2026-12-09", "start": "2026-12-09T10:00:00+05:00",
               "end": "2026-12-09T13:00:00+05:00", "place": "outreach",
               "place_details": ["settlement ru", "street ru"], "format": "in_person",
               "places_left": 8, "registration_open": false})
    );
    for (r, lang) in all.iter().zip(Lang::ALL.into_iter().cycle()) {
        let card = ReceptionCard::of(lang, &office(true), &official(None), r);
        round_trip(&card);
        assert!(card.video_only);
        assert_eq!(card.office_name, format!("gpo {}", lang.code()));
        assert_eq!(card.place, r.reception.place.kind());
        assert_eq!(card.places_left, r.places_left());
        assert_eq!(
            card.registration_open,
            serde_json::to_value(&r.registration).unwrap()["state"] == "open"
        );
    }
}

/// The schedule's `reception` is what `rules` publishes for an occurrence, less capacity.
#[test]
fn a_reception_is_the_occurrence_of_rules() {
    let row = rules::schedule::ScheduleRow {
        office_id: "gpo".into(),
        official_id: "gpo-pg".into(),
        official_kind: "prosecutor_general".into(),
        surname: "Үлгі".into(),
        given_name: "Асқар".into(),
        position_kk: "a".into(),
        position_ru: "b".into(),
        position_en: "c".into(),
        schedule_id: "gpo-pg-monthly".into(),
        recurrence: "monthly:2:wed".into(),
        start: "10:00".into(),
        end: "13:00".into(),
        place: "office".into(),
        format: "in_person".into(),
        capacity: "10".into(),
        valid_from: "2026-01-01".into(),
        sample: "true".into(),
        ..Default::default()
    };
    let (o, schedule) = rules::schedule::parse_row(&row).unwrap();
    let occurrence = &schedule.occurrences(
        Calendar::kazakhstan(),
        date!(2026 - 12 - 01),
        date!(2026 - 12 - 31),
    )[0];
    let mut expected = serde_json::to_value(occurrence).unwrap();
    expected.as_object_mut().unwrap().remove("capacity");
    assert_eq!(round_trip(&Reception::from(occurrence)), expected);
    assert_eq!(
        round_trip(&Official::from(&o)),
        serde_json::to_value(&o).unwrap()
    );
}

#[test]
fn open_data_reads_back() {
    let rows = states()
        .iter()
        .zip(PlaceKind::ALL.into_iter().cycle())
        .map(|(state, place_kind)| OpenDataRow {
            reception_id: "gpo-pg-monthly-20261209".into(),
            office_id: OfficeId::parse("gpo").unwrap(),
            office_level: OfficeLevel::General,
            office_name_kk: "a".into(),
            office_name_ru: "b".into(),
            office_name_en: "c".into(),
            official_id: OfficialId::parse("gpo-pg").unwrap(),
            official_kind: OfficialKind::ProsecutorGeneral,
            official_name: "Үлгі Асқар".into(),
            position_kk: "a".into(),
            position_ru: "b".into(),
            position_en: "c".into(),
            date: date!(2026 - 12 - 09),
            start: datetime!(2026-12-09 10:00 +5),
            end: datetime!(2026-12-09 13:00 +5),
            place_kind,
            place_name_kk: String::new(),
            place_name_ru: String::new(),
            place_name_en: String::new(),
            format: Format::InPerson,
            capacity: Capacity::new(10).unwrap(),
            booked: 3,
            registration_state: StateName::from(state),
            registration_closes_at: open_data::closes_at(state),
            sample: true,
        })
        .collect();
    let json = round_trip(&OpenDataList { receptions: rows });
    assert_eq!(json["receptions"][0]["registration_state"], "open");
    assert_eq!(
        json["receptions"][0]["registration_closes_at"],
        "2026-12-04T18:30:00+05:00"
    );
    assert_eq!(json["receptions"][1]["registration_closes_at"], "");
    assert_eq!(json["receptions"][6]["registration_state"], "walk_in");
}

#[test]
fn the_rule_set_reads_back_as_rules_serialises_it() {
    let set = RuleSet::current();
    let json = round_trip(&RulesBody::from(set));
    for (q, wire) in set
        .questions
        .iter()
        .zip(json["questions"].as_array().unwrap())
    {
        assert_eq!(wire, &serde_json::to_value(q).unwrap(), "{}", q.id);
    }
    assert_eq!(json["rule_set"]["id"], set.id);
    assert_eq!(
        json["rule_set"]["title"],
        serde_json::to_value(set.title).unwrap()
    );
    assert_eq!(json["rule_set"]["effective_to"], "2023-01-17");
    assert_eq!(json["official_kinds"].as_array().unwrap().len(), 10);
}

#[test]
fn verdicts_read_back_as_rules_serialises_them() {
    for v in verdicts() {
        let wire = Verdict::from(&v);
        assert_eq!(round_trip(&wire), serde_json::to_value(&v).unwrap());
    }
    round_trip(&EligibilityRequest {
        official_kind: "regional_head".into(),
        answers: answered(OfficialKind::RegionalHead, &[]),
    });
}

#[test]
fn calendar_years_read_back() {
    for year in 2024..=2028 {
        round_trip(&Calendar::kazakhstan().year(year).unwrap());
    }
}

#[test]
fn bookings_read_back() {
    for status in BookingStatus::ALL {
        let json = round_trip(&BookingBody {
            booking: booking(status),
        });
        assert_eq!(json["booking"]["status"], status.code());
        let by_office = status == BookingStatus::CancelledByOffice;
        assert_eq!(
            json["booking"].get("cancelled_at").is_some(),
            status == BookingStatus::Cancelled || by_office
        );
        assert_eq!(json["booking"].get("office_reason").is_some(), by_office);
        assert_eq!(booking(status).holds_place(), status.holds_place());
    }
    let created = BookingCreated {
        booking: booking(BookingStatus::Requested),
        manage_token: "t".repeat(43),
        manage_path: format!("/bookings/7K3M-9PQR-STVW#t={}", "t".repeat(43)),
    };
    let json = round_trip(&created);
    assert_eq!(
        json["booking"]["created_at"],
        "2026-11-25T10:00:00.123+05:00"
    );
    assert_eq!(
        json["booking"]["documents"],
        json!([{"document": "identity_document"}, {"document": "passport"},
               {"document": "authority", "kind": "parent_of_minor"}])
    );
    assert_eq!(json["booking"]["reception"]["office_id"], "shymkent");
}

/// The `201` example of the README ("Bookings") and a status of a newer Worker.
#[test]
fn the_readme_booking_example_reads() {
    let json = r#"{"booking":{"code":"QB7K-3M9P-QRST","status":"requested","review":{"clause":"R30"},
      "reception":{"id":"shymkent-head-weekly-20261207","office_id":"shymkent","official_id":"shymkent-head",
        "date":"2026-12-07","start":"2026-12-07T10:00:00+05:00","end":"2026-12-07T13:00:00+05:00",
        "place":{"kind":"office","name":null,"address":null},"format":"in_person"},
      "format":"in_person","language":"kk","interpreter":null,"out_of_town":false,
      "documents":[{"document":"identity_document"},{"document":"authority","kind":"power_of_attorney"}],
      "created_at":"2026-11-25T10:00:00+05:00"},
      "manage_token":"abc","manage_path":"/bookings/QB7K-3M9P-QRST#t=abc"}"#;
    let created: BookingCreated = serde_json::from_str(json).unwrap();
    assert!(created.booking.holds_place());
    let newer = json
        .replace("\"requested\"", "\"on_hold\"")
        .replace("power_of_attorney", "notarial_deed");
    let created: BookingCreated = serde_json::from_str(&newer).unwrap();
    assert!(!created.booking.holds_place());
    assert!(matches!(created.booking.status, Lenient::Unknown(_)));
    assert!(matches!(created.booking.documents[1], Lenient::Unknown(_)));
}

/// A registration state or reason a newer Worker sends does not break the schedule.
#[test]
fn an_unknown_registration_state_reads() {
    let mut json = round_trip(&ReceptionList {
        receptions: scheduled(),
    });
    json["receptions"][0]["registration"] = json!({"state": "waitlist"});
    json["receptions"][1]["registration"] = json!({"state": "closed", "reason": "strike"});
    let list: ReceptionList = serde_json::from_value(json).unwrap();
    assert!(matches!(
        list.receptions[0].registration,
        Lenient::Unknown(_)
    ));
    assert!(matches!(
        list.receptions[1].registration,
        Lenient::Unknown(_)
    ));
    assert!(list.receptions[2].registration.known().is_some());
}

#[test]
fn error_bodies_read_back() {
    let refused = verdicts()
        .into_iter()
        .find(|v| v.code() == "refused")
        .unwrap();
    let wire = Verdict::from(&refused);
    let bodies = [
        ErrorDetail {
            code: ErrorCode::Refused,
            message: "m".into(),
            field: Some("matter.answers".into()),
            clause: None,
            grounds: Some(wire.grounds.clone()),
            alternatives: Some(wire.alternatives.clone()),
        },
        ErrorDetail {
            code: ErrorCode::RegistrationClosed,
            message: "m".into(),
            field: Some("reception_id".into()),
            clause: Some("R16".into()),
            grounds: None,
            alternatives: None,
        },
        ErrorDetail {
            code: ErrorCode::from_rules("bad_checksum"),
            message: "m".into(),
            field: Some("applicant.iin".into()),
            clause: None,
            grounds: None,
            alternatives: None,
        },
    ];
    for error in bodies {
        round_trip(&ErrorBody { error });
    }
    for code in ErrorCode::NAMED {
        let json = round_trip(&ErrorBody {
            error: ErrorDetail {
                code: code.clone(),
                message: "m".into(),
                field: None,
                clause: None,
                grounds: None,
                alternatives: None,
            },
        });
        assert_eq!(
            json,
            json!({"error": {"code": code.code(), "message": "m", "field": null}})
        );
    }
    let alternatives = round_trip(&ErrorBody {
        error: ErrorDetail {
            code: ErrorCode::Refused,
            message: "m".into(),
            field: None,
            clause: None,
            grounds: Some(vec![]),
            alternatives: Some(vec![Alternative::DistrictOfficeWalkIn.into()]),
        },
    });
    assert_eq!(
        alternatives["error"]["alternatives"][0]["code"],
        "district_office_walk_in"
    );
}

#[test]
fn request_bodies_read_back() {
    let input: BookingInput = serde_json::from_value(json!({
        "reception_id": "shymkent-head-weekly-20261207", "language": "kk",
        "applicant": {"kind": "individual", "citizenship": "citizen", "iin": "900101300017",
                      "surname": "Абай", "given_name": "Құнанбай", "patronymic": null,
                      "phone": "+77011234567", "email": null},
        "on_behalf_of": null,
        "matter": {"substance": "…", "answers": {"r27_competence": "yes"}},
        "format": "in_person", "interpreter": null, "out_of_town": false}))
    .unwrap();
    round_trip(&input);
}

/// The OpenAPI document: 3.1, exactly the routes of the contract, every reference resolved,
/// and (through `round_trip`) every sample above valid against its schema.
#[cfg(feature = "openapi")]
mod documented {
    use super::*;
    use std::collections::BTreeSet;
    use std::sync::OnceLock;

    fn document() -> &'static Value {
        static DOCUMENT: OnceLock<Value> = OnceLock::new();
        DOCUMENT.get_or_init(|| serde_json::from_str(&crate::openapi::json()).unwrap())
    }

    pub fn validate(schema: &str, json: &Value) {
        let root = json!({
            "$ref": format!("#/components/schemas/{schema}"),
            "components": document()["components"],
        });
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&root)
            .unwrap_or_else(|e| panic!("schema {schema}: {e}"));
        let errors: Vec<String> = validator
            .iter_errors(json)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{schema}: {errors:#?}\n{json}");
    }

    #[test]
    fn the_document_is_openapi_3_1_with_every_route() {
        let doc = document();
        assert_eq!(doc["openapi"], "3.1.0");
        let documented: BTreeSet<(String, String)> = doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, item)| {
                item.as_object()
                    .unwrap()
                    .keys()
                    .filter(|k| {
                        ["get", "post", "put", "patch", "delete", "head"].contains(&k.as_str())
                    })
                    .map(move |m| (m.to_uppercase(), path.clone()))
            })
            .collect();
        let routes: BTreeSet<(String, String)> = ROUTES
            .iter()
            .map(|(m, p)| (m.as_str().to_owned(), (*p).to_owned()))
            .collect();
        assert_eq!(documented, routes);
    }

    fn refs(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(o) => {
                if let Some(Value::String(r)) = o.get("$ref") {
                    out.insert(r.clone());
                }
                o.values().for_each(|v| refs(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_reference_resolves() {
        let doc = document();
        let mut all = BTreeSet::new();
        refs(doc, &mut all);
        assert!(!all.is_empty());
        for r in all {
            let name = r.strip_prefix("#/components/schemas/").expect(&r);
            assert!(doc["components"]["schemas"].get(name).is_some(), "{r}");
        }
        assert!(doc["components"]["securitySchemes"]["manage_token"].is_object());
        // The staff session: the cookie, by its exact name.
        let staff = &doc["components"]["securitySchemes"]["staff_session"];
        assert_eq!(staff["type"], "apiKey");
        assert_eq!(staff["in"], "cookie");
        assert_eq!(staff["name"], "__Host-qabyldau_staff");
    }

    /// Every error answer of every operation is the error body; every operation documents
    /// the 405 of another method.
    #[test]
    fn every_error_is_the_error_body() {
        for (path, item) in document()["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let responses = op["responses"].as_object().unwrap();
                assert!(responses.contains_key("405"), "{method} {path}");
                for (status, response) in responses {
                    if status.starts_with('4') {
                        assert_eq!(
                            response["content"]["application/json"]["schema"]["$ref"],
                            "#/components/schemas/ErrorBody",
                            "{method} {path} {status}"
                        );
                    }
                }
            }
        }
    }

    /// A body that is no JSON object or misses a field does not validate: the check above
    /// can fail.
    #[test]
    fn the_schemas_refuse_what_the_types_do_not_write() {
        let root = json!({
            "$ref": "#/components/schemas/ScheduledReception",
            "components": document()["components"],
        });
        let validator = jsonschema::validator_for(&root).unwrap();
        assert!(!validator.is_valid(&json!({"id": "x"})));
        let body = serde_json::to_value(&scheduled()[0]).unwrap();
        assert!(validator.is_valid(&body));
        let mut wrong = body.clone();
        wrong["registration"] = json!({"state": "closed", "reason": "window_passed"});
        assert!(!validator.is_valid(&wrong));
    }
}

/// The staff bodies read back, and `Role`/`AccountStatus` are the snake_case words the
/// Worker stores and the console shows.
#[test]
fn staff_bodies_round_trip() {
    use crate::staff::*;
    let office = OfficeId::parse("almaty-city").unwrap();
    let member = StaffMember {
        id: "st_0123456789abcdef".into(),
        name: "Registrar".into(),
        office_id: office.clone(),
        roles: vec![Lenient::from(Role::Registrar), Lenient::from(Role::Auditor)],
    };
    let json = round_trip(&StaffBody {
        staff: member.clone(),
    });
    assert_eq!(json["staff"]["roles"], json!(["registrar", "auditor"]));
    assert!(member.has(Role::Auditor) && !member.has(Role::Admin));
    let account = Account {
        id: member.id.clone(),
        login: "registrar@example.kz".into(),
        name: member.name.clone(),
        office_id: office.clone(),
        roles: member.roles.clone(),
        status: Lenient::from(AccountStatus::Active),
        enrolled: false,
        created_at: datetime!(2026-11-27 10:00 UTC),
    };
    round_trip(&AccountList {
        accounts: vec![account.clone()],
    });
    let created = round_trip(&AccountBody {
        account: account.clone(),
        initial_password: Some("x".repeat(20)),
    });
    assert_eq!(created["account"]["status"], json!("active"));
    let disabled = round_trip(&AccountBody {
        account,
        initial_password: None,
    });
    assert!(disabled.get("initial_password").is_none());
    round_trip(&Enrolment {
        secret: "JBSWY3DPEHPK3PXP".into(),
        otpauth_uri: "otpauth://totp/Qabyldau:a@b.kz?secret=JBSWY3DPEHPK3PXP".into(),
        qr_svg: "<svg/>".into(),
    });
    round_trip(&AuditPage {
        entries: vec![AuditEntry {
            seq: 1,
            at: datetime!(2026-11-27 10:00 UTC),
            actor_id: None,
            actor_name: None,
            office_id: Some(office),
            action: "account_create".into(),
            object: Some("account:st_0123456789abcdef".into()),
            prev_hash: "0".repeat(64),
        }],
    });
    for role in Role::ALL {
        assert_eq!(Role::parse(role.as_str()), Some(role));
        assert_eq!(serde_json::to_value(role).unwrap(), json!(role.as_str()));
    }
    // Requests refuse unknown fields: a forged `roles` in a sign-in is an error, not ignored.
    assert!(serde_json::from_value::<SignIn>(
        json!({"login":"a@b.kz","password":"p","code":"123456","roles":["admin"]})
    )
    .is_err());
}

/// The desk's bodies read back; the entered form is the online one with `channel` beside its
/// fields, and the list's state is `rules::registration_list`'s.
#[test]
fn desk_bodies_round_trip() {
    use crate::desk::*;
    let form: BookingInput = serde_json::from_value(json!({
        "reception_id": "shymkent-head-weekly-20261207", "language": "ru",
        "applicant": {"kind": "individual", "citizenship": "citizen", "iin": "900101300017",
                      "surname": "Абай", "given_name": "Құнанбай", "patronymic": null,
                      "phone": "+77011234567", "email": null},
        "on_behalf_of": null,
        "matter": {"substance": "", "answers": {}},
        "format": "in_person", "interpreter": null, "out_of_town": false}))
    .unwrap();
    let mut flat = serde_json::to_value(&form).unwrap();
    flat["channel"] = json!("call_centre");
    let entered: ChannelBookingInput = serde_json::from_value(flat.clone()).unwrap();
    assert_eq!(entered.channel, EnteredChannel::CallCentre);
    assert_eq!(entered.request, form);
    assert_eq!(serde_json::to_value(&entered).unwrap(), flat);
    // Valid against its schema: one object, not an `allOf` no body could satisfy.
    round_trip(&entered);
    for c in Channel::ALL {
        assert_eq!(Channel::parse(c.code()), Some(c));
        assert_eq!(serde_json::to_value(c).unwrap(), json!(c.code()));
    }
    assert!(serde_json::from_value::<EnteredChannel>(json!("online")).is_err());
    let booking = booking(BookingStatus::Returned);
    round_trip(&EnteredBooking {
        manage_path: format!("/bookings/{}#t={}", booking.code, "t".repeat(43)),
        booking,
        channel: EnteredChannel::Paper,
        entered_by: "st_0123456789abcdef".into(),
        manage_token: "t".repeat(43),
    });
    let frozen: ListState = rules::registration_list::ListState::Frozen {
        closed_at: datetime!(2026-12-14 18:30 +05:00),
    }
    .into();
    assert!(frozen.is_frozen());
    let deadline = rules::deadlines::staff_deadlines(
        Calendar::kazakhstan(),
        OfficialKind::ProsecutorGeneral,
        date!(2026 - 12 - 14),
    );
    let list = RegistrationList {
        office_id: OfficeId::parse("gpo").unwrap(),
        reception: scheduled()[0].clone(),
        official: official(None),
        list: frozen,
        deadlines: deadline.iter().map(StaffDeadline::from).collect(),
        entries: vec![ListEntry {
            code: "0123-4567-89AB".into(),
            status: BookingStatus::Requested.into(),
            channel: Channel::Egov.into(),
            surname: "Серікбаев".into(),
            given_name: "Нұрлан".into(),
            patronymic: None,
            iin: Some("900101300017".into()),
            passport: None,
            applicant_kind: "individual".into(),
            for_another: false,
            phone: "+77011234567".into(),
            email: None,
            language: Lang::Kk,
            format: Format::InPerson,
            interpreter: None,
            substance: "=HYPERLINK(1)".into(),
            agreements: Vec::new(),
            agreement_recorded: false,
            created_at: datetime!(2026-11-27 10:00 UTC),
        }],
    };
    let json = round_trip(&list);
    assert_eq!(
        json["list"],
        json!({"state": "frozen", "closed_at": "2026-12-14T18:30:00+05:00"})
    );
    assert_eq!(
        json["deadlines"],
        json!([{"task": "notes_to_centre", "clause": "R20", "due": "2026-12-09"}])
    );
    round_trip(&DeskReceptionList {
        receptions: vec![DeskReception {
            reception: scheduled()[0].clone(),
            list: Some(ListState::Provisional {
                closes_at: datetime!(2026-12-14 18:30 +05:00),
            }),
            requested: 2,
            confirmed: 1,
        }],
    });
}

/// The office administration's bodies (`api::office_admin`) read back and match their
/// schemas; the reason's English is optional, unknown fields are refused.
#[test]
fn office_admin_bodies_read_back() {
    use crate::office_admin::*;
    let row = rules::schedule::ScheduleRow {
        office_id: "zhetisu-region".into(),
        official_id: "zhetisu-region-head".into(),
        schedule_id: "zhetisu-region-head-weekly".into(),
        recurrence: "weekly:tue".into(),
        ..Default::default()
    };
    let schedule = round_trip(&OfficialSchedule {
        official_id: OfficialId::parse("zhetisu-region-head").unwrap(),
        office_id: OfficeId::parse("zhetisu-region").unwrap(),
        rows: vec![row.clone()],
    });
    assert_eq!(schedule["rows"][0]["recurrence"], "weekly:tue");
    assert_eq!(schedule["rows"][0]["moved"], "");
    round_trip(&ScheduleEdit { rows: vec![row] });
    let reason: OfficeReason =
        serde_json::from_value(json!({"kk": "Себебі", "ru": "Причина"})).unwrap();
    assert_eq!(reason.en, None);
    assert!(serde_json::from_value::<OfficeReason>(json!({"kk": "a", "ru": "b", "x": 1})).is_err());
    round_trip(&CancelReception {
        reason: reason.clone(),
    });
    let moved = round_trip(&MoveReception {
        to: date!(2026 - 12 - 17),
        reason,
    });
    assert_eq!(moved["to"], "2026-12-17");
    round_trip(&AffectedBookings {
        reception_id: "zhetisu-region-head-weekly-20261215".into(),
        official_id: OfficialId::parse("zhetisu-region-head").unwrap(),
        office_id: OfficeId::parse("zhetisu-region").unwrap(),
        date: date!(2026 - 12 - 15),
        count: 1,
        codes: vec!["ABCD-EFGH-JKMN".into()],
    });
    round_trip(&ReceptionChanged {
        reception_id: "zhetisu-region-head-weekly-20261215".into(),
        cancelled: vec![],
        moved_to: Some("zhetisu-region-head-weekly-20261217".into()),
    });
    round_trip(&VideoOnlySwitch { reason: None });
    round_trip(&VideoOnlySwitch {
        reason: Some(text("reason")),
    });
    let input = round_trip(&OfficeSettingsInput {
        address: Some(text("address")),
        responsible_phone: Some("+77282123456".into()),
        reception_centre: Some(CentreSettings {
            room: text("room"),
            opens: time!(09:00),
            closes: time!(18:00),
        }),
    });
    assert_eq!(input["reception_centre"]["opens"], "09:00");
    round_trip(&OfficeSettings {
        office_id: OfficeId::parse("zhetisu-region").unwrap(),
        address: None,
        responsible_phone: None,
        reception_centre: None,
        video_only: None,
    });
}

/// The queue's bodies read back, match their schemas, and have the issue's shapes: a ticket
/// request with an unknown category is refused, as is English (R39-4: kk or ru).
#[test]
fn queue_bodies_read_back() {
    use crate::queue::*;
    use rules::queue::{PriorityCategory, PriorityClaim};
    let ticket = Ticket {
        number: 12,
        issued_at: datetime!(2026-12-14 09:05 +5),
        ahead: 3,
        status: TicketStatus::Waiting.into(),
    };
    let taken = round_trip(&TicketTaken {
        ticket: ticket.clone(),
        ticket_token: "t".repeat(43),
    });
    assert_eq!(
        taken,
        json!({"ticket": {"number": 12, "issued_at": "2026-12-14T09:05:00+05:00", "ahead": 3,
               "status": "waiting"}, "ticket_token": "t".repeat(43)})
    );
    let serving = Serving {
        number: 7,
        room: "12".into(),
        called_at: datetime!(2026-12-14 09:30 +5),
    };
    let state = round_trip(&QueueState {
        office_id: OfficeId::parse("gpo").unwrap(),
        open: true,
        serving: vec![serving.clone()],
        waiting: 4,
        priority_categories: PriorityCategory::ALL.map(Category::of).to_vec(),
    });
    assert_eq!(state["priority_categories"][1]["id"], "disability");
    assert_eq!(
        state["priority_categories"][1]["name"]["ru"],
        "Лица с инвалидностью"
    );
    round_trip(&TicketView {
        ticket,
        room: None,
        serving: vec![serving],
    });
    let staff_ticket = StaffTicket {
        number: 3,
        issued_at: datetime!(2026-12-14 09:10 +5),
        status: TicketStatus::Called.into(),
        language: ReceptionLanguage::Kk.into(),
        out_of_town: true,
        priority: Some(PriorityClaim {
            category: PriorityCategory::Pregnancy,
            verified: true,
        }),
        room: Some("3".into()),
        calls: 1,
    };
    round_trip(&StaffQueue {
        office_id: OfficeId::parse("gpo").unwrap(),
        date: date!(2026 - 12 - 14),
        open: true,
        tickets: vec![staff_ticket.clone()],
        awaiting_verification: vec![],
    });
    round_trip(&Called {
        ticket: staff_ticket,
        out_of_town_waiting: 0,
    });
    let request: TicketRequest =
        serde_json::from_value(json!({"language": "ru", "priority_claim": "disability"})).unwrap();
    assert!(!request.out_of_town);
    round_trip(&request);
    for bad in [
        json!({"language": "en"}),
        json!({"language": "kk", "priority_claim": "veteran"}),
        json!({"language": "kk", "name": "x"}),
    ] {
        assert!(
            serde_json::from_value::<TicketRequest>(bad.clone()).is_err(),
            "{bad}"
        );
    }
    round_trip(&CallNext { room: "5".into() });
    round_trip(&VerifyPriority { verified: false });
}

#[test]
fn outcome_bodies_read_back() {
    use crate::outcomes::*;
    let input: OutcomeInput = serde_json::from_value(json!({
        "received": {"kind": "ticket", "office_id": "gpo", "number": 3},
        "outcome": {"kind": "written_appeal_registered", "registration_number": "ЖТ-1",
                    "due": "2027-01-29", "due_reason": "extra check"},
        "takes_part": true}))
    .unwrap();
    assert_eq!(input.outcome.kind, OutcomeKind::WrittenAppealRegistered);
    assert_eq!(input.outcome.due, Some(time::macros::date!(2027 - 01 - 29)));
    assert_eq!(input.notes, None);
    round_trip(&input);
    // Unknown fields are refused.
    assert!(serde_json::from_value::<OutcomeInput>(json!({
        "received": {"kind": "booking", "code": "X"}, "outcome": {"kind": "consultation"},
        "extra": 1}))
    .is_err());
    let appeal = Appeal {
        id: "ap_0123456789abcdef".into(),
        office_id: OfficeId::parse("gpo").unwrap(),
        outcome_id: "oc_0123456789abcdef".into(),
        registration_number: "ЖТ-1".into(),
        registered_on: time::macros::date!(2027 - 01 - 05),
        due: time::macros::date!(2027 - 01 - 26),
        due_reason: Some("Запрос в суд".into()),
        due_changes: vec![DueChange {
            from: time::macros::date!(2027 - 01 - 19),
            to: time::macros::date!(2027 - 01 - 26),
            reason: "Запрос в суд".into(),
            by: "st_0123456789abcdef".into(),
            at: datetime!(2027-01-10 10:00 +5),
        }],
        overdue: false,
        thread: "ap_0123456789abcdef".into(),
        assigned_to: None,
        takes_part: true,
        closed: Some(Closed {
            answer_reference: "12/3".into(),
            answer_date: time::macros::date!(2027 - 01 - 20),
            notified_by: NotificationMeans::RegisteredLetter.into(),
            notification_reference: "RR1".into(),
            decided_by: "st_0123456789abcdef".into(),
            closed_by: "st_0123456789abcdef".into(),
            closed_at: datetime!(2027-01-20 10:00 +5),
        }),
    };
    let body = round_trip(&ControlList {
        appeals: vec![appeal],
        assignees: vec![Assignee {
            id: "st_0123456789abcdef".into(),
            name: "Т. Қабылдаушы".into(),
        }],
    });
    assert_eq!(body["assignees"][0]["id"], "st_0123456789abcdef");
    assert_eq!(body["appeals"][0]["due"], "2027-01-26");
    assert_eq!(body["appeals"][0]["due_changes"][0]["from"], "2027-01-19");
    assert_eq!(
        body["appeals"][0]["due_changes"][0]["at"],
        "2027-01-10T10:00:00+05:00"
    );
    // An appeal stored before the history was kept reads as having none.
    let mut old = body["appeals"][0].clone();
    old.as_object_mut().unwrap().remove("due_changes");
    assert!(serde_json::from_value::<Appeal>(old)
        .unwrap()
        .due_changes
        .is_empty());
    assert_eq!(
        body["appeals"][0]["closed"]["notified_by"],
        "registered_letter"
    );
    let close: CloseInput = serde_json::from_value(json!({"answer_reference": "1"})).unwrap();
    assert_eq!(close.answer_date, None);
    // R44: another due date, with its reason; a list without `assignees` still reads.
    let due: DueInput =
        serde_json::from_value(json!({"due": "2027-02-15", "due_reason": "экспертиза"})).unwrap();
    assert_eq!(due.due, Some(time::macros::date!(2027 - 02 - 15)));
    round_trip(&due);
    assert!(serde_json::from_value::<DueInput>(json!({"due": "2027-02-15", "x": 1})).is_err());
    let old: ControlList = serde_json::from_value(json!({"appeals": []})).unwrap();
    assert!(old.assignees.is_empty());
}
