use super::*;
use crate::eligibility::{eligibility, Answer, Outcome, Verdict};
use crate::ruleset::RuleSet;
use crate::schedule::Format;
use crate::values::AuthorityInput;
use crate::{Lang, OfficialKind};
use serde_json::json;
use time::macros::date;

const TODAY: time::Date = date!(2026 - 11 - 25);

fn valid() -> serde_json::Value {
    json!({
        "reception_id": "almaty-region-head-mon-20261207",
        "language": "kk",
        "applicant": {
            "kind": "individual",
            "citizenship": "citizen",
            "iin": "900101300017",
            "surname": "Сейтқали",
            "given_name": "Айгүл",
            "patronymic": "Маратқызы",
            "phone": "8 701 123 45 67",
            "email": null
        },
        "on_behalf_of": null,
        "matter": {
            "substance": "Аудандық сот шешімінің орындалмауы туралы шағым, үш ай бойы жауап жоқ.",
            "answers": {"r27_competence": "yes"}
        },
        "format": "in_person",
        "interpreter": null,
        "out_of_town": true
    })
}

fn input(value: serde_json::Value) -> BookingInput {
    serde_json::from_value(value).expect("the wire form reads")
}

fn errors(value: serde_json::Value) -> Vec<(String, &'static str)> {
    match input(value).validate(TODAY) {
        Ok(_) => vec![],
        Err(errors) => errors.into_iter().map(|e| (e.field, e.code)).collect(),
    }
}

fn with(path: &[&str], value: serde_json::Value) -> serde_json::Value {
    let mut body = valid();
    let mut at = &mut body;
    for key in &path[..path.len() - 1] {
        at = &mut at[*key];
    }
    at[path[path.len() - 1]] = value;
    body
}

#[test]
fn a_valid_request_reads_into_checked_values() {
    let request = input(valid()).validate(TODAY).unwrap();
    assert_eq!(request.reception_id, "almaty-region-head-mon-20261207");
    assert_eq!(request.schedule_id.as_str(), "almaty-region-head-mon");
    assert_eq!(request.reception_date, date!(2026 - 12 - 07));
    assert_eq!(request.language, Lang::Kk);
    assert_eq!(
        request.applicant.contact.phone().map(|p| p.as_str()),
        Some("+77011234567")
    );
    assert_eq!(request.applicant.person.key(), "iin:900101300017");
    assert_eq!(request.acting, Acting::ForSelf);
    assert_eq!(request.format, Format::InPerson);
    assert!(request.out_of_town);
    assert_eq!(request.documents(), vec![Document::IdentityDocument]);
}

#[test]
fn each_wrong_field_is_named_with_its_code() {
    // Table: one change to a valid request → the one error it must cause.
    let cases: Vec<(&[&str], serde_json::Value, &str, &str)> = vec![
        (
            &["reception_id"],
            json!("gpo-pg"),
            "reception_id",
            "invalid",
        ),
        (&["language"], json!("de"), "language", "unknown"),
        (
            &["applicant", "kind"],
            json!("company"),
            "applicant.kind",
            "unknown",
        ),
        (
            &["applicant", "citizenship"],
            json!("martian"),
            "applicant.citizenship",
            "unknown",
        ),
        (
            &["applicant", "iin"],
            json!("900101300018"),
            "applicant.iin",
            "bad_checksum",
        ),
        (
            &["applicant", "iin"],
            json!(null),
            "applicant.iin",
            "required",
        ),
        (
            &["applicant", "passport"],
            json!("N1234567"),
            "applicant.passport",
            "iin_needed",
        ),
        (
            &["applicant", "surname"],
            json!(""),
            "applicant.surname",
            "empty",
        ),
        (
            &["applicant", "given_name"],
            json!("A1"),
            "applicant.given_name",
            "bad_character",
        ),
        (
            &["applicant", "phone"],
            json!("12"),
            "applicant.phone",
            "wrong_length",
        ),
        (
            &["applicant", "email"],
            json!("no-at-sign"),
            "applicant.email",
            "bad_at",
        ),
        (
            &["matter", "substance"],
            json!("help"),
            "matter.substance",
            "too_short",
        ),
        (&["format"], json!("phone"), "format", "unknown"),
        (
            &["language"],
            json!("en"),
            "interpreter",
            "required_for_english",
        ),
        // R1, R3.b: a representative must name the entity and the authority.
        (
            &["applicant", "kind"],
            json!("representative"),
            "on_behalf_of",
            "required",
        ),
    ];
    for (path, value, field, code) in cases {
        let got = errors(with(path, value.clone()));
        assert!(
            got.contains(&(field.to_owned(), code)),
            "{path:?} = {value}: expected {field} {code}, got {got:?}"
        );
    }
}

#[test]
fn all_errors_are_reported_in_form_order() {
    let mut body = with(&["applicant", "iin"], json!("123"));
    body["applicant"]["phone"] = json!("");
    body["matter"]["substance"] = json!("");
    let fields: Vec<String> = errors(body).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        ["applicant.iin", "applicant.phone", "matter.substance"]
    );
}

/// R7, R15: a foreigner reaches us by an international number or an e-mail address; a
/// citizen by a Kazakhstan number, as before; nobody without a way to be reached.
#[test]
fn r7_foreigners_give_an_international_phone_or_an_email() {
    let mut body = valid();
    body["applicant"]["citizenship"] = json!("foreigner");
    body["applicant"]["iin"] = json!(null);
    body["applicant"]["passport"] = json!("FA1234567");
    body["applicant"]["phone"] = json!("+998 90 123 45 67");
    let request = input(body.clone()).validate(TODAY).unwrap();
    assert_eq!(
        request.applicant.contact.phone().map(|p| p.as_str()),
        Some("+998901234567")
    );
    body["applicant"]["phone"] = json!("");
    body["applicant"]["email"] = json!("aziz@mail.uz");
    let request = input(body.clone()).validate(TODAY).unwrap();
    assert_eq!(request.applicant.contact.phone(), None);
    body["applicant"]["email"] = json!(null);
    assert_eq!(
        errors(body),
        [("applicant.phone".into(), "contact_required")]
    );
    let citizen = with(&["applicant", "phone"], json!("+998 90 123 45 67"));
    assert_eq!(
        errors(citizen),
        [("applicant.phone".into(), "not_kazakhstan")]
    );
}

#[test]
fn foreigners_identify_by_passport_and_may_ask_for_an_interpreter() {
    // R7
    let mut body = valid();
    body["applicant"]["citizenship"] = json!("foreigner");
    body["applicant"]["iin"] = json!(null);
    body["applicant"]["passport"] = json!("N1234567");
    body["language"] = json!("en");
    body["interpreter"] = json!("English");
    let request = input(body.clone()).validate(TODAY).unwrap();
    assert_eq!(request.documents(), vec![Document::Passport]);
    assert_eq!(request.applicant.person.key(), "passport:N1234567");
    let mut spaced = body.clone();
    spaced["applicant"]["passport"] = json!("n 1234-567");
    spaced["applicant"]["citizenship"] = json!("stateless");
    let spaced = input(spaced).validate(TODAY).unwrap();
    assert_eq!(spaced.subject_key(), request.subject_key());
    body["applicant"]["iin"] = json!("900101300017");
    assert!(errors(body).contains(&("applicant.iin".into(), "passport_needed")));
}

fn authority() -> serde_json::Value {
    json!({"kind": "power_of_attorney", "number": "№ 12-345", "date": "2026-11-01"})
}

#[test]
fn acting_for_a_person_needs_their_identity_and_the_authority() {
    // R3.b, R10
    let body = with(
        &["on_behalf_of"],
        json!({
            "citizenship": "citizen", "iin": "900101300017",
            "surname": "Ахметов", "given_name": "Нұрлан",
            "authority": authority()
        }),
    );
    let request = input(body.clone()).validate(TODAY).unwrap();
    assert_eq!(request.acting.applicant_kind(), "individual");
    // The one represented is whose booking it is, not the proxy's.
    let mut other = body.clone();
    other["on_behalf_of"]["iin"] = json!("900101300027");
    let other = input(other).validate(TODAY).unwrap();
    assert_ne!(other.subject_key(), request.subject_key());
    assert_eq!(request.subject_key(), "iin:900101300017");
    assert!(matches!(request.acting, Acting::ForPerson { .. }));
    assert_eq!(
        request.documents(),
        vec![
            Document::IdentityDocument,
            Document::Authority {
                kind: crate::values::AuthorityKind::PowerOfAttorney
            }
        ]
    );
    let mut late = body.clone();
    late["on_behalf_of"]["authority"]["date"] = json!("2026-11-26");
    assert_eq!(
        errors(late),
        vec![("on_behalf_of.authority.date".into(), "in_future")]
    );
    let mut nameless = body.clone();
    nameless["on_behalf_of"]["surname"] = json!(null);
    assert_eq!(
        errors(nameless),
        vec![("on_behalf_of.surname".into(), "empty")]
    );
    let mut with_bin = body;
    with_bin["on_behalf_of"]["bin"] = json!("050440000121");
    assert_eq!(
        errors(with_bin),
        vec![("on_behalf_of.bin".into(), "not_expected")]
    );
}

#[test]
fn a_representative_names_the_entity_by_bin() {
    // R1
    let mut body = with(
        &["on_behalf_of"],
        json!({"bin": "050440000121", "authority": {
            "kind": "legal_entity_charter_or_order", "number": "7", "date": "2025-01-10"}}),
    );
    body["applicant"]["kind"] = json!("representative");
    let request = input(body.clone()).validate(TODAY).unwrap();
    assert_eq!(request.acting.applicant_kind(), "representative");
    assert_eq!(request.subject_key(), "bin:050440000121");
    body["on_behalf_of"]["bin"] = json!("050440000122");
    assert_eq!(
        errors(body.clone()),
        vec![("on_behalf_of.bin".into(), "bad_checksum")]
    );
    body["on_behalf_of"]["bin"] = json!("050440000121");
    body["on_behalf_of"]["surname"] = json!("Ахметов");
    assert_eq!(
        errors(body),
        vec![("on_behalf_of.surname".into(), "not_expected")]
    );
}

#[test]
fn unknown_fields_are_refused_when_read() {
    for body in [
        with(&["extra"], json!(1)),
        with(&["applicant", "nickname"], json!("x")),
        with(&["matter", "answers", "r27_competence"], json!("maybe")),
    ] {
        assert!(serde_json::from_value::<BookingInput>(body).is_err());
    }
    let _ = AuthorityInput::default();
}

#[test]
fn format_follows_the_reception_and_the_video_only_mode() {
    // R11
    let request = input(valid()).validate(TODAY).unwrap();
    let facts = |format, video_only| ReceptionFacts {
        kind: OfficialKind::RegionalHead,
        date: date!(2026 - 12 - 07),
        start: time::macros::time!(10:00),
        format,
        video_only,
    };
    assert_eq!(
        request.check_format(&facts(Format::InPerson, false)),
        Ok(())
    );
    assert_eq!(
        request.check_format(&facts(Format::InPerson, true)),
        Err(FormatError::VideoOnlyMode)
    );
    assert_eq!(
        request.check_format(&facts(Format::Video, false)),
        Err(FormatError::VideoReception)
    );
    let video = input(with(&["format"], json!("video")))
        .validate(TODAY)
        .unwrap();
    assert_eq!(video.check_format(&facts(Format::InPerson, true)), Ok(()));
}

/// R11: the format a reception forces, as the SPA shows it before the form: video-only
/// mode first, then a video reception; nothing for an in-person reception.
#[test]
fn r11_forced_video_by_reception_and_mode() {
    let cases = [
        (Format::InPerson, false, None),
        (Format::InPerson, true, Some(FormatError::VideoOnlyMode)),
        (Format::Video, false, Some(FormatError::VideoReception)),
        (Format::Video, true, Some(FormatError::VideoOnlyMode)),
    ];
    for (format, video_only, forced) in cases {
        assert_eq!(
            forced_video(format, video_only),
            forced,
            "{format:?} {video_only}"
        );
        let facts = ReceptionFacts::at(
            OfficialKind::RegionalHead,
            time::macros::datetime!(2026-12-07 05:00 UTC),
            format,
            video_only,
        );
        // 05:00 UTC is 10:00 in Almaty.
        assert_eq!(facts.start, time::macros::time!(10:00));
        assert_eq!(facts.date, date!(2026 - 12 - 07));
        assert_eq!(facts.forced_video(), forced);
        // In person is refused exactly when video is forced; video never is.
        assert_eq!(check_format(Format::InPerson, &facts).err(), forced);
        assert_eq!(check_format(Format::Video, &facts), Ok(()));
        assert!(forced.is_none_or(|f| f.clause() == "R11"));
    }
}

#[test]
fn online_requests_start_as_requested_for_review() {
    // R15 for the GPO, R30 for regional officials; refusals take no booking.
    let set = RuleSet::current();
    let answers = crate::eligibility::questions_for(set, OfficialKind::RegionalHead)
        .filter(|q| q.role != crate::ruleset::Role::Exception)
        .map(|q| {
            let yes = q.id == "r27_competence";
            (q.id.to_owned(), if yes { Answer::Yes } else { Answer::No })
        })
        .collect();
    let verdict = eligibility(set, OfficialKind::RegionalHead, &answers).unwrap();
    assert_eq!(verdict.outcome, Outcome::Eligible);
    let (status, review) = initial_status(OfficialKind::RegionalHead, &verdict).unwrap();
    assert_eq!((status, review.clause), (BookingStatus::Requested, "R30"));
    let (_, review) = initial_status(OfficialKind::ProsecutorGeneral, &verdict).unwrap();
    assert_eq!(review.clause, "R15");
    let walk_in = Verdict::new(set, Outcome::NoPreRegistration);
    assert!(initial_status(OfficialKind::DistrictHead, &walk_in).is_none());
    assert!(BookingStatus::Requested.holds_place() && !BookingStatus::Cancelled.holds_place());
    assert_eq!(
        BookingStatus::parse("confirmed"),
        Some(BookingStatus::Confirmed)
    );
}

/// R3.a, R3.c: a request staff enter without the substance of the matter is returned
/// unconsidered, not refused as input; every other field is checked as online, and a
/// stated matter reads exactly as online.
#[test]
fn r3_c_an_entered_request_without_substance_is_unstated() {
    for (substance, kept) in [
        ("", None),
        ("   ", None),
        ("Көмектесіңіз", Some("Көмектесіңіз")),
        (
            "шағым шағым шағым шағым шағым шағым шағым",
            Some("шағым шағым шағым шағым шағым шағым шағым"),
        ),
    ] {
        let body = with(&["matter", "substance"], json!(substance));
        assert_eq!(
            errors(body.clone())
                .into_iter()
                .map(|(f, _)| f)
                .collect::<Vec<_>>(),
            ["matter.substance"],
            "{substance:?}"
        );
        match input(body).validate_entered(TODAY) {
            Ok(Entered::Unstated(r)) => {
                assert_eq!(r.substance.as_written.as_deref(), kept);
                assert_eq!(r.substance.text(), kept);
            }
            other => panic!("{substance:?}: {other:?}"),
        }
    }
    // Stated: the online request itself.
    match input(valid()).validate_entered(TODAY) {
        Ok(Entered::Stated(r)) => assert_eq!(r, input(valid()).validate(TODAY).unwrap()),
        other => panic!("{other:?}"),
    }
    // Other fields are still input errors, with or without a substance.
    let bad_iin = with(&["applicant", "iin"], json!("900101300018"));
    let bad_iin = {
        let mut b = bad_iin;
        b["matter"]["substance"] = json!("");
        b
    };
    let fields: Vec<String> = match input(bad_iin).validate_entered(TODAY) {
        Err(e) => e.into_iter().map(|e| e.field).collect(),
        Ok(other) => panic!("{other:?}"),
    };
    assert_eq!(fields, ["applicant.iin"]);
    // Too long is a field to correct, not a missing substance.
    let long = with(&["matter", "substance"], json!("сөз ".repeat(2000)));
    match input(long).validate_entered(TODAY) {
        Err(e) => assert_eq!(
            (e[0].field.as_str(), e[0].code),
            ("matter.substance", "too_long")
        ),
        Ok(other) => panic!("{other:?}"),
    }
}
