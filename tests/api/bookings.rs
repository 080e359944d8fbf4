//! `POST /api/v1/bookings` (README "Bookings"): a person pre-registers with a regional
//! official of the test fixture (tests/fixtures/booking-schedules.csv, imported by
//! `cargo xtask test`) and gets what the contract promises, or the error that says why not.

use api_tests::*;
use serde_json::{json, Value};

/// base64url without padding, of at least `bytes` bytes.
fn assert_base64url_of_at_least(token: &str, bytes: usize) {
    assert!(
        !token.is_empty()
            && token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "manage_token is not base64url: {token:?}"
    );
    assert!(
        token.len() * 6 / 8 >= bytes,
        "manage_token of {} characters carries fewer than {} bits",
        token.len(),
        bytes * 8
    );
}

/// The 201 answer, checked against the contract for a citizen booking for themselves.
fn assert_booked(answer: &Value, reception: &Value, official: &str) {
    let booking = &answer["booking"];
    let code = booking["code"].as_str().expect("booking.code");
    assert!(
        !code.is_empty()
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "a code that fits a URL path: {code:?}"
    );
    // R30: a regional official's request is studied by the responsible officer while the
    // place is held.
    assert_eq!(booking["status"], "requested", "{answer}");
    assert_eq!(booking["review"]["clause"], "R30", "{answer}");
    let r = &booking["reception"];
    assert_eq!(r["id"], reception["id"], "{answer}");
    assert_eq!(r["office_id"], OFFICE);
    assert_eq!(r["official_id"], official);
    for key in ["date", "start", "end", "format"] {
        assert_eq!(r[key], reception[key], "reception.{key}");
    }
    assert!(r["place"].is_object() || r["place"].is_string(), "{answer}");
    assert_eq!(booking["format"], "in_person");
    assert_eq!(booking["language"], "kk");
    assert_eq!(booking["interpreter"], Value::Null);
    assert_eq!(booking["out_of_town"], false);
    // R10: a citizen brings the identity document, nothing else when acting for themselves.
    assert_eq!(
        booking["documents"],
        json!([{"document": "identity_document"}]),
        "{answer}"
    );
    assert!(
        booking["created_at"]
            .as_str()
            .is_some_and(|t| t.len() >= 20 && t.contains('T')),
        "created_at as RFC 3339: {answer}"
    );
    let token = answer["manage_token"].as_str().expect("manage_token");
    // 256 random bits per the README; at the very least 128.
    assert_base64url_of_at_least(token, 16);
    let path = answer["manage_path"].as_str().expect("manage_path");
    assert!(
        path.starts_with(&format!("/bookings/{code}")),
        "manage_path {path:?} for {code}"
    );
    // The token is never in the part of the link a server sees (it goes in the fragment).
    let (before_fragment, fragment) = path.split_once('#').unwrap_or((path, ""));
    assert!(
        !before_fragment.contains(token),
        "token outside the fragment: {path}"
    );
    if !fragment.is_empty() {
        assert_eq!(fragment, format!("t={token}"), "{path}");
    }
    // The 201 answer repeats nothing personal.
    let text = answer.to_string();
    assert!(
        !text.contains("Серікбаев") && !text.contains("+77011234567"),
        "{text}"
    );
}

#[test]
fn a_citizen_books_a_regional_head_and_the_place_is_taken() {
    let client = Client::new();
    let reception = open_reception(HEAD_OPEN, 0);
    let id = reception["id"].as_str().unwrap();
    let before = booked(id);
    let body = booking_body(id);
    let reply = client.book(&body);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert!(reply
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/json")));
    let answer = reply.json();
    assert_booked(&answer, &reception, HEAD);
    assert_eq!(booked(id), before + 1, "the place is held (R30)");
    // The answer carries a secret: no cache may keep it.
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_iin_never_echoed(&reply, &body);
}

fn assert_iin_never_echoed(reply: &Reply, body: &Value) {
    let iin = body["applicant"]["iin"].as_str().unwrap();
    assert!(
        !reply.body.contains(iin),
        "the IIN is echoed: {}",
        reply.body
    );
}

#[test]
fn a_regional_deputy_is_booked_the_same_way() {
    let client = Client::new();
    let reception = open_reception(DEPUTY_OPEN, 1);
    let id = reception["id"].as_str().unwrap();
    let answer = client.book_ok(&booking_body(id));
    assert_booked(&answer, &reception, DEPUTY);
}

/// The same key with the same body (byte for byte) is the same booking: the same answer,
/// one place.
#[test]
fn a_replay_with_the_same_key_and_body_returns_the_same_booking() {
    let client = Client::new();
    let reception = open_reception(HEAD_OPEN, 1);
    let id = reception["id"].as_str().unwrap();
    let before = booked(id);
    let key = fresh_key();
    let body = booking_body(id).to_string();
    let first = client.post_booking(Some(&key), &body);
    assert_eq!(first.status, 201, "{}", first.body);
    for _ in 0..3 {
        let again = client.post_booking(Some(&key), &body);
        assert_eq!(again.status, 201, "{}", again.body);
        assert_eq!(
            again.json(),
            first.json(),
            "the same answer, token included"
        );
    }
    assert_eq!(booked(id), before + 1, "one booking, one place");
}

#[test]
fn the_same_key_with_another_body_is_409_idempotency_key_reused() {
    let client = Client::new();
    let id = open_reception(HEAD_OPEN, 2)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let key = fresh_key();
    let body = booking_body(&id);
    let first = client.post_booking(Some(&key), &body.to_string());
    assert_eq!(first.status, 201, "{}", first.body);
    let before = booked(&id);
    // Another person, and then the same person with one field changed.
    for other in [
        booking_body(&id),
        with(body.clone(), "/out_of_town", json!(true)),
    ] {
        client
            .post_booking(Some(&key), &other.to_string())
            .assert_error(409, "idempotency_key_reused");
    }
    // Byte for byte: the same JSON written differently is another body.
    let pretty = serde_json::to_string_pretty(&body).unwrap();
    assert_ne!(pretty, body.to_string());
    client
        .post_booking(Some(&key), &pretty)
        .assert_error(409, "idempotency_key_reused");
    assert_eq!(booked(&id), before, "nothing more was booked");
}

/// One active booking per person with an official: the same IIN under a new key is refused,
/// at another reception of the same official too.
#[test]
fn the_same_person_twice_with_one_official_is_409_duplicate_booking() {
    let client = Client::new();
    let first = open_reception(HEAD_OPEN, 3)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let second = open_reception(HEAD_OPEN, 4)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let iin = valid_iin();
    client.book_ok(&booking_for(&first, &iin));
    let before = (booked(&first), booked(&second));
    for id in [&first, &second] {
        client
            .book(&booking_for(id, &iin))
            .assert_error(409, "duplicate_booking");
    }
    assert_eq!((booked(&first), booked(&second)), before);
    // Another official of the office is another matter.
    let deputy = open_reception(DEPUTY_OPEN, 2)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    client.book_ok(&booking_for(&deputy, &iin));
}

#[test]
fn a_foreigner_books_by_passport_and_brings_it() {
    let client = Client::new();
    let reception = open_reception(HEAD_OPEN, 5);
    let body = booking_body(reception["id"].as_str().unwrap());
    let body = without(body, "/applicant/iin");
    let body = with(body, "/applicant/citizenship", json!("foreigner"));
    let passport = format!("P{:08}", fresh() % 100_000_000);
    let body = with(body, "/applicant/passport", json!(passport));
    // R7: an English-speaking foreigner, with an interpreter.
    let body = with(body, "/language", json!("en"));
    let body = with(body, "/interpreter", json!("English"));
    let answer = client.book_ok(&body);
    let booking = &answer["booking"];
    assert_eq!(booking["documents"], json!([{"document": "passport"}]));
    assert_eq!(booking["language"], "en");
    assert!(!answer.to_string().contains(&passport));
    // The same passport again: the same person (R7 identity), a duplicate.
    client
        .book(&with(
            body,
            "/reception_id",
            open_reception(HEAD_OPEN, 6)["id"].clone(),
        ))
        .assert_error(409, "duplicate_booking");
}

#[test]
fn a_representative_of_a_legal_entity_brings_the_authority() {
    let client = Client::new();
    let id = open_reception(HEAD_OPEN, 7)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = with(
        booking_body(&id),
        "/applicant/kind",
        json!("representative"),
    );
    let body = with(
        body,
        "/on_behalf_of",
        json!({
            "bin": valid_bin(),
            "authority": {"kind": "power_of_attorney", "number": "17-2026", "date": "2026-01-15"}
        }),
    );
    let reply = client.book(&body);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(
        reply.json()["booking"]["documents"],
        json!([
            {"document": "identity_document"},
            {"document": "authority", "kind": "power_of_attorney"}
        ])
    );
}

/// R11: a video reception is booked with the applicant's consent (`format: video`); asking
/// to come in person to it is `422 video_reception` on `format`.
#[test]
fn a_video_reception_needs_the_video_format() {
    let client = Client::new();
    let reception = open_reception(HEAD_VIDEO, 0);
    let id = reception["id"].as_str().unwrap();
    assert_eq!(reception["format"], "video", "{reception}");
    let error = client
        .book(&booking_body(id))
        .assert_error(422, "video_reception");
    assert_eq!(error["field"], "format");
    let answer = client.book_ok(&with(booking_body(id), "/format", json!("video")));
    assert_eq!(answer["booking"]["format"], "video");
    assert_eq!(answer["booking"]["reception"]["format"], "video");
}

/// R11: an office in video-only mode (`cargo xtask test` switches one on) takes video
/// bookings only: in person is `422 video_only` on `format`.
#[test]
fn an_office_in_video_only_mode_refuses_in_person_bookings() {
    let client = Client::new();
    let schedule = get(&format!("/api/v1/offices/{VIDEO_ONLY_OFFICE}/schedule")).json();
    let head = schedule["officials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "regional_head")
        .expect("a regional head in the sample data")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reception = receptions(VIDEO_ONLY_OFFICE, &head)
        .into_iter()
        .find(is_open)
        .expect("an open reception of the regional head");
    let id = reception["id"].as_str().unwrap();
    let before = reception["booked"].as_u64().unwrap();
    let body = booking_to_kind(id, &valid_iin(), "regional_head");
    let error = client.book(&body).assert_error(422, "video_only");
    assert_eq!(error["field"], "format", "{error}");
    let answer = client.book_ok(&with(body, "/format", json!("video")));
    assert_eq!(answer["booking"]["format"], "video");
    let after = get(&format!(
        "/api/v1/receptions?office={VIDEO_ONLY_OFFICE}&official={head}"
    ))
    .json()["receptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .map(|r| r["booked"].as_u64().unwrap());
    assert_eq!(after, Some(before + 1));
}

/// R30 with "don't know": the request is still taken, for staff to study.
#[test]
fn an_unknown_answer_is_booked_for_review() {
    let client = Client::new();
    let id = open_reception(HEAD_OPEN, 8)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = with(
        booking_body(&id),
        "/matter/answers/r27_competence",
        json!("unknown"),
    );
    let answer = client.book_ok(&body);
    assert_eq!(answer["booking"]["status"], "requested");
    assert_eq!(answer["booking"]["review"]["clause"], "R30");
}

/// R31, R27 (R32: the refusal explains itself and says where to go instead, R39).
#[test]
fn refusing_answers_are_422_refused_with_the_clause_and_alternatives() {
    let client = Client::new();
    let reception = open_reception(HEAD_OPEN, 9);
    let id = reception["id"].as_str().unwrap();
    let before = booked(id);
    for (question, answer, clause) in [
        ("r31_2_pending_court_case", "yes", "R31.2"),
        ("r27_competence", "no", "R27"),
        ("r31_1_already_received", "yes", "R31.1"),
    ] {
        let mut body = with(
            booking_body(id),
            &format!("/matter/answers/{question}"),
            json!(answer),
        );
        if question == "r31_1_already_received" {
            // Its follow-up questions (exceptions) are asked after a "yes".
            for exception in ["r31_1_gpo_instructed", "r33_new_evidence"] {
                body = with(body, &format!("/matter/answers/{exception}"), json!("no"));
            }
        }
        let error = client.book(&body).assert_error(422, "refused");
        let grounds = error["grounds"]
            .as_array()
            .unwrap_or_else(|| panic!("{question}: no grounds in {error}"));
        assert!(
            grounds
                .iter()
                .any(|g| g["clause"].as_str().is_some_and(|c| c.starts_with(clause))),
            "{question}: {clause} in {error}"
        );
        for g in grounds {
            for lang in ["kk", "ru", "en"] {
                assert!(
                    g["explanation"][lang]
                        .as_str()
                        .is_some_and(|t| !t.is_empty()),
                    "{question}: explanation.{lang} in {error}"
                );
            }
        }
        let alternatives = error["alternatives"]
            .as_array()
            .unwrap_or_else(|| panic!("{question}: no alternatives in {error}"));
        assert!(
            alternatives
                .iter()
                .any(|a| a["code"] == "district_office_walk_in"),
            "{question}: R39, the district office, is always offered: {error}"
        );
    }
    assert_eq!(booked(id), before, "a refusal takes no place");
}

/// R37: a district official receives without pre-registration; there is nothing to book.
#[test]
fn a_district_reception_is_422_no_pre_registration() {
    let client = Client::new();
    let office = "almaty-region-talgar";
    let listed = get(&format!("/api/v1/offices/{office}/schedule")).json();
    let district = listed["officials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "district_head")
        .expect("a district head in the sample data")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reception = receptions(office, &district)
        .into_iter()
        .next()
        .expect("a district reception");
    assert_eq!(reception["registration"]["state"], "walk_in");
    let body = booking_body(reception["id"].as_str().unwrap());
    // A district official has no questionnaire: no answers to give.
    let body = with(body, "/matter/answers", json!({}));
    let error = client.book(&body).assert_error(422, "no_pre_registration");
    assert_eq!(error["clause"], "R37", "{error}");
}

#[test]
fn a_reception_that_is_not_published_is_422_unknown_reception() {
    let client = Client::new();
    let listed: Vec<Value> = receptions(OFFICE, HEAD)
        .into_iter()
        .filter(|r| of_schedule(r, HEAD_OPEN))
        .collect();
    let date = listed[0]["id"]
        .as_str()
        .unwrap()
        .rsplit('-')
        .next()
        .unwrap()
        .to_owned();
    // A day in the listed range on which the daily schedule holds no reception: a day off.
    let held: Vec<&str> = listed.iter().map(|r| r["date"].as_str().unwrap()).collect();
    let first = chrono::NaiveDate::parse_from_str(held[0], "%Y-%m-%d").unwrap();
    let day_off = first
        .iter_days()
        .take(14)
        .find(|d| !held.contains(&d.format("%Y-%m-%d").to_string().as_str()))
        .expect("a day off within two weeks")
        .format("%Y%m%d");
    for id in [
        format!("no-such-schedule-{date}"),
        format!("{HEAD_OPEN}x-{date}"),
        format!("{HEAD_OPEN}-{day_off}"),
    ] {
        let error = client
            .book(&booking_body(&id))
            .assert_error(422, "unknown_reception");
        assert_eq!(error["field"], "reception_id", "{id}");
    }
}

/// R34: a regional reception takes requests until 18:30 of the last working day before it.
/// The listing says which receptions are closed now (today's, or tomorrow's after 18:30).
#[test]
fn a_reception_whose_window_passed_is_409_registration_closed() {
    let client = Client::new();
    let all = receptions(OFFICE, HEAD);
    let closed: Vec<&Value> = all
        .iter()
        .filter(|r| r["registration"]["state"] == "closed")
        .collect();
    let reception = closed
        .iter()
        .find(|r| r["registration"]["reason"] == "window_passed")
        .or_else(|| closed.first())
        .unwrap_or_else(|| panic!("no closed reception of {HEAD} listed"));
    let id = reception["id"].as_str().unwrap();
    let before = reception["booked"].as_u64().unwrap();
    let mut body = booking_body(id);
    if reception["format"] == "video" {
        body = with(body, "/format", json!("video"));
    }
    let error = client.book(&body).assert_error(409, "registration_closed");
    // R34 whether the window has passed or the reception has already started.
    assert_eq!(error["clause"], "R34", "{error}");
    assert_eq!(booked(id), before);
}

/// A reception whose places are all taken answers `409 reception_full`, and taking none.
#[test]
fn a_full_reception_is_409_reception_full() {
    let reception = unbooked_open_reception(HEAD_CAP10);
    let id = reception["id"].as_str().unwrap();
    assert_eq!(reception["capacity"], 10);
    // Ten people, each from an address of their own (one address may book a reception only
    // `BOOKINGS_PER_ADDRESS_PER_RECEPTION` times).
    for _ in 0..10 {
        Client::new().book_ok(&booking_body(id));
    }
    assert_eq!(booked(id), 10);
    Client::new()
        .book(&booking_body(id))
        .assert_error(409, "reception_full");
    assert_eq!(booked(id), 10);
}

/// The generators the booking tests rely on make values the Rules accept.
#[test]
fn generated_iins_and_bins_are_valid() {
    for _ in 0..2000 {
        let iin = valid_iin();
        assert!(rules::values::Iin::parse(&iin).is_ok(), "{iin}");
        let bin = valid_bin();
        assert!(rules::values::Bin::parse(&bin).is_ok(), "{bin}");
    }
    assert_ne!(valid_iin(), valid_iin());
    // The checksum by hand (rules/src/values/iin.rs): 900101300017.
    assert_eq!(iin_check_digit(&[9, 0, 0, 1, 0, 1, 3, 0, 0, 0, 1]), Some(7));
}

/// The GPO's receptions (R15, R16): a deputy's request is reviewed by the Centre (`R15`),
/// and a reception whose 5-day window has passed is closed under `R16`.
#[test]
fn gpo_requests_are_reviewed_under_r15_and_close_under_r16() {
    let client = Client::new();
    let reply = get("/api/v1/offices/gpo/schedule");
    assert_eq!(reply.status, 200, "{}", reply.body);
    let schedule = reply.json();
    let kinds: std::collections::HashMap<String, String> = schedule["officials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["id"].as_str().unwrap().to_owned(),
                o["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let receptions = schedule["receptions"].as_array().unwrap();
    let open = receptions
        .iter()
        .find(|r| is_open(r) && kinds[r["official_id"].as_str().unwrap()] != "prosecutor_general")
        .expect("an open reception of a PG deputy in the sample data");
    let kind = &kinds[open["official_id"].as_str().unwrap()];
    let id = open["id"].as_str().unwrap();
    let booked = client.book_ok(&booking_to_kind(id, &valid_iin(), kind));
    assert_eq!(booked["booking"]["status"], "requested");
    assert_eq!(booked["booking"]["review"]["clause"], "R15");
    // Leave the sample schedule as it was.
    let code = booked["booking"]["code"].as_str().unwrap();
    let token = booked["manage_token"].as_str().unwrap();
    let cancel = client.manage("POST", code, "/cancel", Some(token));
    assert_eq!(cancel.status, 200, "{}", cancel.body);

    if let Some(passed) = receptions
        .iter()
        .find(|r| r["registration"]["reason"] == "window_passed")
    {
        let kind = &kinds[passed["official_id"].as_str().unwrap()];
        let body = booking_to_kind(passed["id"].as_str().unwrap(), &valid_iin(), kind);
        let error = client.book(&body).assert_error(409, "registration_closed");
        assert_eq!(error["clause"], "R16", "{error}");
    }
}
