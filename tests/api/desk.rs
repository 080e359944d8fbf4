//! The registrar's desk: requests from the other channels (R3.a–R3.c) and the registration
//! lists (R20, R25, R35), against the booking fixture's office (`ulytau-region`, daily
//! receptions): scoped to the registrar's own office, every action and read audited once.

use api_tests::staff_client::*;
use api_tests::*;
use serde_json::{json, Value};

const ENTER: &str = "/api/v1/staff/bookings";

/// A registrar of the fixture's office, signed in (one per test: its own audit rows).
fn registrar() -> (Person, Session) {
    let mut person = gpo_admin().create_enrolled(OFFICE, &["registrar"]);
    let session = person.sign_in();
    (person, session)
}

/// The online form of a fresh citizen for a reception, entered from `channel`.
fn entered(reception_id: &str, channel: &str) -> Value {
    with(booking_body(reception_id), "/channel", json!(channel))
}

fn list_path(reception_id: &str) -> String {
    format!("/api/v1/staff/receptions/{reception_id}/list")
}

/// An open reception of the 500-place schedule (places never run out).
fn open_id(n: usize) -> String {
    open_reception(HEAD_OPEN, n)["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

/// A fixture reception whose registration has closed (today's, or the next working day's
/// once today's window has passed), as the desk lists it.
fn frozen_reception(session: &Session) -> Value {
    let reply = session.get(&format!(
        "/api/v1/staff/receptions?from={}&to={}",
        kazakhstan_day(0),
        kazakhstan_day(7)
    ));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["receptions"]
        .as_array()
        .expect("receptions")
        .iter()
        .find(|r| of_schedule(&r["reception"], HEAD_OPEN) && r["list"]["state"] == "frozen")
        .cloned()
        .expect("a reception of the fixture whose registration has closed")
}

#[test]
fn r3_c_a_paper_request_without_substance_is_returned_unconsidered() {
    let (_, session) = registrar();
    let id = open_id(3);
    let before = booked(&id);
    for substance in ["", "Көмектесіңіз"] {
        let body = with(entered(&id, "paper"), "/matter/substance", json!(substance));
        let reply = session.post_keyed(ENTER, &body);
        assert_eq!(reply.status, 201, "{substance:?}: {}", reply.body);
        let answer = reply.json();
        assert_eq!(answer["booking"]["status"], "returned", "{answer}");
        assert_eq!(answer["channel"], "paper");
        assert_eq!(answer["entered_by"], session.staff_id().as_str());
        let code = answer["booking"]["code"].as_str().unwrap();
        let token = answer["manage_token"].as_str().unwrap();
        assert_eq!(
            answer["manage_path"],
            format!("/bookings/{code}#t={token}").as_str()
        );
        // The person sees it returned on the manage page, with the token handed over.
        let own = Client::new().manage("GET", code, "", Some(token));
        assert_eq!(own.status, 200, "{}", own.body);
        assert_eq!(own.json()["booking"]["status"], "returned");
        // Online, the same form is refused as input (R3.c): only staff record it.
        let online = Client::new().book(&without(body, "/channel"));
        let code = if substance.is_empty() {
            "empty"
        } else {
            "too_short"
        };
        let error = online.assert_error(422, code);
        assert_eq!(error["field"], "matter.substance");
    }
    // A returned request holds no place, and is on no list.
    assert_eq!(booked(&id), before);
    let list = session.get(&list_path(&id)).json();
    assert!(list["entries"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["status"] != "returned"));
}

#[test]
fn r3_b_a_call_centre_request_for_a_third_party_needs_the_authority() {
    let (_, session) = registrar();
    let id = open_id(4);
    let third_party = json!({
        "citizenship": "citizen",
        "iin": valid_iin(),
        "surname": "Әбенова",
        "given_name": "Гүлнар"
    });
    let body = with(
        entered(&id, "call_centre"),
        "/on_behalf_of",
        third_party.clone(),
    );
    let error = session
        .post_keyed(ENTER, &body)
        .assert_error(422, "invalid_field");
    assert_eq!(error["field"], "on_behalf_of.authority");
    // An authority without its number is named to its own field.
    let mut blank = third_party.clone();
    blank["authority"] = json!({"kind": "power_of_attorney", "number": "", "date": "2026-01-15"});
    let reply = session.post_keyed(ENTER, &with(body.clone(), "/on_behalf_of", blank));
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(
        reply.json()["error"]["field"],
        "on_behalf_of.authority.number"
    );
    // With it, the request is entered like an online one, the authority among the documents.
    let mut authorised = third_party;
    authorised["authority"] =
        json!({"kind": "power_of_attorney", "number": "№ 12-345", "date": "2026-01-15"});
    let reply = session.post_keyed(ENTER, &with(body, "/on_behalf_of", authorised));
    assert_eq!(reply.status, 201, "{}", reply.body);
    let booking = &reply.json()["booking"];
    assert_eq!(booking["status"], "requested");
    assert!(
        booking["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["document"] == "authority"),
        "{booking}"
    );
}

#[test]
fn r3_a_an_entered_request_is_admitted_as_online_and_listed_with_its_channel() {
    let (_, session) = registrar();
    let id = open_id(5);
    let before = booked(&id);
    let online = Client::new().book_ok(&booking_body(&id));
    let reply = session.post_keyed(ENTER, &entered(&id, "egov"));
    assert_eq!(reply.status, 201, "{}", reply.body);
    let answer = reply.json();
    assert_eq!(answer["booking"]["status"], "requested");
    assert_eq!(answer["booking"]["review"]["clause"], "R30");
    // It holds a place as an online request does.
    assert_eq!(booked(&id), before + 2);
    let code = answer["booking"]["code"].as_str().unwrap();
    let list = session.get(&list_path(&id));
    assert_eq!(list.status, 200, "{}", list.body);
    let list = list.json();
    assert_eq!(list["list"]["state"], "provisional", "{list}");
    assert_eq!(list["office_id"], OFFICE);
    assert_eq!(list["reception"]["id"], id.as_str());
    assert_eq!(list["official"]["id"], HEAD);
    // R35: regional lists set no deadline of the GPO's.
    assert_eq!(list["deadlines"], json!([]));
    let entries = list["entries"].as_array().unwrap();
    let entry = |code: &str| {
        entries
            .iter()
            .find(|e| e["code"] == code)
            .unwrap_or_else(|| panic!("{code} not listed: {list}"))
            .clone()
    };
    let ours = entry(code);
    assert_eq!(ours["channel"], "egov");
    assert_eq!(ours["status"], "requested");
    assert_eq!(ours["surname"], "Серікбаев");
    assert!(ours["substance"]
        .as_str()
        .unwrap()
        .starts_with("Аудандық әкімдік"));
    assert_eq!(ours["agreement_recorded"], false);
    assert_eq!(
        entry(online["booking"]["code"].as_str().unwrap())["channel"],
        "online"
    );
    // The same key and body answer the same booking, and take no second place.
    let key = fresh_key();
    let body = entered(&id, "paper");
    let first = session.send_with(
        "POST",
        ENTER,
        Some(&body),
        &[("Idempotency-Key", key.clone())],
    );
    let again = session.send_with("POST", ENTER, Some(&body), &[("Idempotency-Key", key)]);
    assert_eq!((first.status, again.status), (201, 201), "{}", again.body);
    assert_eq!(first.json(), again.json());
    assert_eq!(booked(&id), before + 3);
    // The desk's list of receptions counts them.
    let day = &id[id.len() - 8..];
    let day = format!("{}-{}-{}", &day[..4], &day[4..6], &day[6..]);
    let desk = session.get(&format!("/api/v1/staff/receptions?from={day}&to={day}"));
    assert_eq!(desk.status, 200, "{}", desk.body);
    let row = desk.json()["receptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reception"]["id"] == id.as_str())
        .cloned()
        .expect("the reception at the desk");
    assert_eq!(row["list"]["state"], "provisional");
    assert!(row["requested"].as_u64().unwrap() >= 3, "{row}");
    assert_eq!(
        row["reception"]["booked"].as_u64(),
        Some(row["requested"].as_u64().unwrap() + row["confirmed"].as_u64().unwrap())
    );
}

#[test]
fn r20_r35_the_list_is_frozen_once_registration_closes() {
    let (_, session) = registrar();
    let frozen = frozen_reception(&session);
    let id = frozen["reception"]["id"].as_str().unwrap().to_owned();
    let list = session.get(&list_path(&id));
    assert_eq!(list.status, 200, "{}", list.body);
    let list = list.json();
    assert_eq!(list["list"]["state"], "frozen", "{list}");
    assert_eq!(list["list"]["closed_at"], frozen["list"]["closed_at"]);
    assert_eq!(
        list["reception"]["registration"]["state"], "closed",
        "{list}"
    );
    // The same admission as online: nothing joins a frozen list, by any channel.
    let error = session
        .post_keyed(ENTER, &entered(&id, "paper"))
        .assert_error(409, "registration_closed");
    assert_eq!(error["clause"], "R34");
    let after = session.get(&list_path(&id)).json();
    assert_eq!(after["entries"], list["entries"]);
    // An open one of the same schedule is provisional, closing at 18:30 (R3.a).
    let open = session.get(&list_path(&open_id(6))).json();
    assert_eq!(open["list"]["state"], "provisional");
    assert!(open["list"]["closes_at"]
        .as_str()
        .unwrap()
        .ends_with("T18:30:00+05:00"));
}

#[test]
fn r20_the_csv_parses_and_formula_cells_are_neutralised() {
    let (_, session) = registrar();
    let id = open_id(7);
    let substance = "=HYPERLINK(\"http://evil.example\",\"ашу\") Аудандық әкімдік жер \
                     учаскесін заңсыз алып қойды, шағымыма жауап берілмеді.";
    let body = with(entered(&id, "paper"), "/matter/substance", json!(substance));
    let reply = session.post_keyed(ENTER, &body);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let code = reply.json()["booking"]["code"].as_str().unwrap().to_owned();
    let csv = session.get(&format!("{}.csv", list_path(&id)));
    assert_eq!(csv.status, 200, "{}", csv.body);
    assert!(csv
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/csv")));
    assert_eq!(
        csv.header("content-disposition"),
        Some(format!("attachment; filename=\"{id}.csv\"").as_str())
    );
    assert_eq!(csv.header("cache-control"), Some("no-store"));
    // UTF-8 with a byte order mark, for Excel.
    let text = csv.body.strip_prefix('\u{feff}').expect("a BOM");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = rows
        .iter()
        .find(|r| r[column("code")] == code)
        .unwrap_or_else(|| panic!("{code} not in the CSV"));
    assert_eq!(row[column("substance")], format!("'{substance}"));
    assert_eq!(&row[column("phone")], "'+77011234567");
    assert_eq!(&row[column("channel")], "paper");
    assert_eq!(&row[column("list")], "provisional");
    assert_eq!(&row[column("surname")], "Серікбаев");
    // The JSON list has the substance as written: only the CSV neutralises it.
    let list = session.get(&list_path(&id)).json();
    let entry = list["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == code.as_str())
        .cloned()
        .unwrap();
    assert_eq!(entry["substance"], substance);
    assert_eq!(rows.len(), list["entries"].as_array().unwrap().len());
}

/// Office B's registrar: every desk endpoint on office A's receptions is `404`, exactly as
/// for a reception that does not exist; its desk lists none of A's.
#[test]
fn r39_5_scope_another_offices_receptions_are_404_at_the_desk() {
    let offices = offices();
    let mut b = gpo_admin().create_enrolled(&offices.region_b, &["registrar"]);
    let session = b.sign_in();
    let id = open_id(8);
    let missing = "ulytau-region-test-head-none-20301202";
    let table: Vec<(&str, String, Option<Value>, String, &str)> = vec![
        (
            "POST",
            ENTER.into(),
            Some(entered(&id, "paper")),
            ENTER.into(),
            "reception_id",
        ),
        ("GET", list_path(&id), None, list_path(missing), "id"),
        (
            "GET",
            format!("{}.csv", list_path(&id)),
            None,
            format!("{}.csv", list_path(missing)),
            "id",
        ),
    ];
    for (method, path, body, nothing_path, field) in &table {
        let keyed = || vec![("Idempotency-Key", fresh_key())];
        let reply = session.send_with(method, path, body.as_ref(), &keyed());
        let error = reply.assert_error(404, "not_found");
        assert_eq!(error["field"], *field, "{method} {path}");
        let nothing_body = body
            .as_ref()
            .map(|b| with(b.clone(), "/reception_id", json!(missing)));
        let nothing = session.send_with(method, nothing_path, nothing_body.as_ref(), &keyed());
        assert_eq!(nothing.body, reply.body, "{method} {path}");
    }
    let desk = session.get("/api/v1/staff/receptions");
    assert_eq!(desk.status, 200, "{}", desk.body);
    assert!(!desk.body.contains(OFFICE), "{}", desk.body);
    assert!(desk.json()["receptions"].as_array().is_some());
    // Without the role: forbidden, whatever the office.
    let mut admin = gpo_admin().create_enrolled(OFFICE, &["admin"]);
    let admin = admin.sign_in();
    for (method, path, body, _, _) in &table {
        let reply = admin.send_with(
            method,
            path,
            body.as_ref(),
            &[("Idempotency-Key", fresh_key())],
        );
        reply.assert_error(403, "forbidden");
    }
    admin
        .get("/api/v1/staff/receptions")
        .assert_error(403, "forbidden");
}

/// Entering a request and each read of a list is in the audit trail once, with the object;
/// the refused attempts record nothing.
#[test]
fn r39_5_each_desk_action_and_list_read_is_audited_once() {
    let (person, session) = registrar();
    let id = open_id(9);
    let reply = session.post_keyed(ENTER, &entered(&id, "call_centre"));
    assert_eq!(reply.status, 201, "{}", reply.body);
    let code = reply.json()["booking"]["code"].as_str().unwrap().to_owned();
    assert_eq!(session.get(&list_path(&id)).status, 200);
    assert_eq!(session.get(&format!("{}.csv", list_path(&id))).status, 200);
    // Refused: bad input, another office's nothing, a reception without a list.
    let bad = with(entered(&id, "paper"), "/applicant/iin", json!("123"));
    assert_eq!(session.post_keyed(ENTER, &bad).status, 422);
    assert_eq!(
        session
            .get(&list_path("ulytau-region-test-head-none-20301202"))
            .status,
        404
    );
    // Counts are not personal data: not a recorded read.
    assert_eq!(session.get("/api/v1/staff/receptions").status, 200);
    let today = kazakhstan_day(0);
    let trail = gpo_admin().get(&format!(
        "/api/v1/staff/audit?office={OFFICE}&from={today}&to={today}"
    ));
    assert_eq!(trail.status, 200, "{}", trail.body);
    let ours: Vec<(String, String)> = trail.json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["actor_id"] == person.id.as_str())
        .filter(|e| !["sign_in", "enrolment"].contains(&e["action"].as_str().unwrap()))
        .map(|e| {
            assert_eq!(e["office_id"], OFFICE, "{e}");
            (
                e["action"].as_str().unwrap().to_owned(),
                e["object"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let reception = format!("reception:{id}");
    assert_eq!(
        ours,
        [
            ("booking_enter".to_owned(), format!("booking:{code}")),
            ("registration_list_read".to_owned(), reception.clone()),
            ("registration_list_csv".to_owned(), reception),
        ]
    );
}

/// R20, R25: the GPO's lists carry their deadlines — the units' notes three working days
/// before the PG's reception, the deputies' list the working day before theirs — as
/// `rules::deadlines` counts them on the working calendar.
#[test]
fn r20_r25_the_gpos_lists_carry_their_deadlines() {
    use rules::calendar::Calendar;
    use rules::deadlines::{deputies_list_due, note_due};
    let mut person = gpo_admin().create_enrolled("gpo", &["registrar"]);
    let session = person.sign_in();
    let desk = session.get("/api/v1/staff/receptions");
    assert_eq!(desk.status, 200, "{}", desk.body);
    let desk = desk.json();
    let receptions = desk["receptions"].as_array().unwrap();
    let cases = [
        ("gpo-pg", "notes_to_centre", "R20"),
        ("gpo-deputy", "list_to_deputy_assistants", "R25"),
    ];
    for (official, task, clause) in cases {
        let reception = receptions
            .iter()
            .find(|r| {
                r["reception"]["official_id"]
                    .as_str()
                    .is_some_and(|o| o.starts_with(official))
            })
            .unwrap_or_else(|| panic!("no reception of {official} in the coming weeks"));
        let id = reception["reception"]["id"].as_str().unwrap();
        let list = session.get(&list_path(id));
        assert_eq!(list.status, 200, "{}", list.body);
        let list = list.json();
        assert_eq!(list["list"], reception["list"], "{id}");
        let (_, date) = rules::schedule::parse_reception_id(id).expect("a reception id");
        let kz = Calendar::kazakhstan();
        let due = match clause {
            "R20" => note_due(kz, date),
            _ => deputies_list_due(kz, date),
        };
        assert_eq!(
            list["deadlines"],
            json!([{"task": task, "clause": clause, "due": due.to_string()}]),
            "{id}"
        );
    }
}
