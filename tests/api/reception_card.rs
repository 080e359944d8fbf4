//! The booking wizard's reception card: `GET /api/v1/offices/{id}/receptions/{reception}
//! ?lang=` says of one reception what the office's schedule says of it, in one language (R5,
//! R11), with its places left and registration state read now (R3.a, R16, R34).

use api_tests::*;
use serde_json::{json, Value};

const LANGS: [&str; 3] = ["kk", "ru", "en"];

fn schedule(office: &str) -> Value {
    let reply = get(&format!("/api/v1/offices/{office}/schedule"));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

fn card_path(office: &str, reception: &str, lang: &str) -> String {
    format!("/api/v1/offices/{office}/receptions/{reception}?lang={lang}")
}

fn card(office: &str, reception: &str, lang: &str) -> Value {
    let reply = get(&card_path(office, reception, lang));
    assert_eq!(
        reply.status, 200,
        "{office} {reception} {lang}: {}",
        reply.body
    );
    assert_eq!(reply.header("content-language"), Some(lang));
    assert!(reply.header("etag").is_some(), "ETag");
    assert!(reply
        .header("cache-control")
        .is_some_and(|c| c.starts_with("public") && c.contains("max-age")));
    reply.json()
}

/// What the card must say of `r`, read off the schedule `s` in `lang`.
fn expected(s: &Value, r: &Value, lang: &str) -> Value {
    let official = s["officials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == r["official_id"])
        .unwrap_or_else(|| panic!("the official of {}", r["id"]));
    let name: Vec<&str> = ["surname", "given_name", "patronymic"]
        .iter()
        .filter_map(|k| official[*k].as_str())
        .collect();
    let details: Vec<&str> = ["name", "address"]
        .iter()
        .filter_map(|k| r["place"][*k][lang].as_str())
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .collect();
    let competence: Vec<&Value> = official["competence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c[lang])
        .collect();
    json!({
        "id": r["id"],
        "office_name": s["office"]["name"][lang],
        "video_only": !s["office"]["video_only"].is_null(),
        "official_kind": official["kind"],
        "official_name": name.join(" "),
        "official_position": official["position"][lang],
        "competence": competence,
        "date": r["date"],
        "start": r["start"],
        "end": r["end"],
        "place": r["place"]["kind"],
        "place_details": details,
        "format": r["format"],
        "places_left": r["capacity"].as_u64().unwrap() - r["booked"].as_u64().unwrap(),
        "registration_open": r["registration"]["state"] == "open",
    })
}

/// R5, R11: for receptions of the General Prosecutor's Office, a regional office (with an
/// outreach reception, R29) and the office in video-only mode, in each language, the card
/// is exactly what the schedule publishes of the reception.
#[test]
fn r5_r11_the_card_is_what_the_schedule_says_in_each_language() {
    let (mut outreach, mut video_only) = (0, 0);
    for office in ["gpo", "shymkent", VIDEO_ONLY_OFFICE] {
        let s = schedule(office);
        let all = s["receptions"].as_array().unwrap();
        assert!(!all.is_empty(), "{office} publishes receptions");
        // The first few, and every one held elsewhere than the office.
        let chosen = all
            .iter()
            .enumerate()
            .filter(|(i, r)| *i < 3 || r["place"]["kind"] != "office")
            .map(|(_, r)| r);
        for r in chosen {
            for lang in LANGS {
                let id = r["id"].as_str().unwrap();
                let got = card(office, id, lang);
                assert_eq!(got, expected(&s, r, lang), "{office} {id} {lang}");
                outreach += usize::from(got["place"] == "outreach");
                video_only += usize::from(got["video_only"] == true);
            }
        }
    }
    assert!(outreach > 0, "an outreach reception was compared");
    assert!(video_only > 0, "the video-only office's cards say so (R11)");
}

#[test]
fn the_card_revalidates_with_304() {
    let s = schedule("gpo");
    let id = s["receptions"][0]["id"].as_str().unwrap().to_owned();
    let path = card_path("gpo", &id, "kk");
    let first = get(&path);
    assert_eq!(first.status, 200, "{}", first.body);
    let etag = first.header("etag").expect("ETag").to_owned();
    let again = request("GET", &path, &[("If-None-Match", &etag)]);
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    // Another language is another body.
    let ru = get(&card_path("gpo", &id, "ru"));
    assert_ne!(ru.header("etag"), Some(etag.as_str()));
}

#[test]
fn an_unknown_office_or_reception_is_404_naming_it() {
    let s = schedule("gpo");
    let id = s["receptions"][0]["id"].as_str().unwrap().to_owned();
    let error = get(&card_path("no-such-office", &id, "kk")).assert_error(404, "not_found");
    assert_eq!(error["field"], "id");
    let error = get(&card_path("NOT_AN_ID", &id, "kk")).assert_error(404, "not_found");
    assert_eq!(error["field"], "id");
    for reception in [
        "gpo-pg-monthly-20000105",
        "no-such-reception",
        // Another office's reception is not this office's.
        schedule("shymkent")["receptions"][0]["id"]
            .as_str()
            .unwrap(),
    ] {
        let error = get(&card_path("gpo", reception, "kk")).assert_error(404, "not_found");
        assert_eq!(error["field"], "reception", "{reception}");
    }
}

#[test]
fn the_language_is_required_and_one_of_three_else_422_naming_it() {
    let s = schedule("gpo");
    let id = s["receptions"][0]["id"].as_str().unwrap().to_owned();
    for (query, code, field) in [
        ("", "required", "lang"),
        ("?lang=fr", "unknown_language", "lang"),
        ("?lang=", "unknown_language", "lang"),
        ("?lang=kk&office=gpo", "unknown_parameter", "office"),
    ] {
        let error =
            get(&format!("/api/v1/offices/gpo/receptions/{id}{query}")).assert_error(422, code);
        assert_eq!(error["field"], field, "{query}");
    }
}

/// A booking takes a place (R3): the card, read fresh, shows one place fewer, as the
/// schedule's listing does.
#[test]
fn r3_a_booking_takes_a_place_the_card_shows() {
    let reception = open_reception(HEAD_OPEN, 25);
    let id = reception["id"].as_str().unwrap();
    let before = card(OFFICE, id, "ru");
    assert_eq!(before["registration_open"], true, "{before}");
    Client::new().book_ok(&booking_body(id));
    let after = card(OFFICE, id, "ru");
    assert_eq!(
        after["places_left"].as_u64().unwrap(),
        before["places_left"].as_u64().unwrap() - 1,
        "{after}"
    );
    let listed = api_tests::reception(id);
    assert_eq!(
        after["places_left"].as_u64().unwrap(),
        listed["capacity"].as_u64().unwrap() - listed["booked"].as_u64().unwrap()
    );
}
