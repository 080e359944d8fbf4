//! Outcomes of a reception and appeals on control against the running Worker (R12, R39-5,
//! R39-6, R39-8, R40, R41, R42, R44). The receptions are tickets of the receiver fixture's
//! queue, each test on a day of its own (the test server's clock header).

use api_tests::staff_client::{gpo_admin, receiver, Session, RECEIVER_OFFICE};
use api_tests::{solved_challenge, Client, Reply};
use serde_json::{json, Value};

const CLOCK: &str = "X-Qabyldau-Test-Clock";

fn staff(session: &Session, method: &str, path: &str, body: Option<&Value>, at: &str) -> Reply {
    session.send_with(method, path, body, &[(CLOCK, at.to_owned())])
}

/// A ticket taken and called at the receiver's office: its number.
fn called_ticket(at: &str) -> u64 {
    let taken = Client::new().send(
        "POST",
        &format!("/api/v1/queue/{RECEIVER_OFFICE}/tickets"),
        &[
            ("Content-Type", "application/json"),
            (CLOCK, at),
            (api::challenge::HEADER, &solved_challenge()),
        ],
        Some(&json!({"language": "kk"}).to_string()),
    );
    assert_eq!(taken.status, 201, "{}", taken.body);
    let number = taken.json()["ticket"]["number"].as_u64().unwrap();
    // Call until this one is called (earlier ones of the day are finished on the way).
    loop {
        let called = staff(
            receiver(),
            "POST",
            &format!("/api/v1/staff/queue/{RECEIVER_OFFICE}/next"),
            Some(&json!({"room": "2"})),
            at,
        );
        assert_eq!(called.status, 200, "{}", called.body);
        let n = called.json()["ticket"]["number"].as_u64().unwrap();
        if n == number {
            return number;
        }
        let finished = staff(
            receiver(),
            "POST",
            &format!("/api/v1/staff/queue/{RECEIVER_OFFICE}/tickets/{n}/finish"),
            None,
            at,
        );
        assert_eq!(finished.status, 200, "{}", finished.body);
    }
}

fn ticket(number: u64) -> Value {
    json!({"kind": "ticket", "office_id": RECEIVER_OFFICE, "number": number})
}

fn record(session: &Session, body: &Value, at: &str) -> Reply {
    staff(session, "POST", "/api/v1/staff/outcomes", Some(body), at)
}

fn written(number: u64, registration: &str) -> Value {
    json!({"received": ticket(number),
           "outcome": {"kind": "written_appeal_registered", "registration_number": registration},
           "takes_part": true, "notes": "Өтініш қабылданды"})
}

fn close_body() -> Value {
    json!({"answer_reference": "12-04/567", "answer_date": "2027-05-20",
           "notified_by": "registered_letter", "notification_reference": "RR123456789KZ"})
}

/// R40, R44: a written appeal is registered with its number, marked "from personal
/// reception" and put on control with the rule set's due date; without the number `422`.
#[test]
fn r40_r44_a_written_appeal_needs_its_registration_number_and_goes_on_control() {
    let at = "2027-05-04T10:00:00+05:00";
    let n = called_ticket(at);
    for missing in [
        json!({"received": ticket(n), "outcome": {"kind": "written_appeal_registered"}}),
        written(n, "   "),
    ] {
        let error = record(receiver(), &missing, at).assert_error(422, "required");
        assert_eq!(error["field"], "outcome.registration_number");
    }
    let reply = record(receiver(), &written(n, "ЖТ-2027/0001"), at);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let body = reply.json();
    assert_eq!(body["outcome"]["kind"], "written_appeal_registered");
    assert_eq!(body["outcome"]["from_personal_reception"], true);
    assert_eq!(body["outcome"]["registration_number"], "ЖТ-2027/0001");
    assert_eq!(body["outcome"]["takes_part"], true);
    let control = &body["control"];
    assert_eq!(control["registered_on"], "2027-05-04");
    // 15 working days from Tue 4 May 2027 (7 and 9–10 May are holidays): later than 24 May.
    assert!(control["due"].as_str().unwrap() > "2027-05-24", "{control}");
    assert_eq!(control["overdue"], false);
    assert_eq!(control["thread"], control["id"]);
    // Once per reception.
    record(receiver(), &written(n, "ЖТ-2027/0002"), at).assert_error(409, "outcome_recorded");
    // Listed on control; overdue once its day has passed, and overdue ones come first.
    let id = control["id"].as_str().unwrap();
    let later = "2027-07-01T10:00:00+05:00";
    let list = staff(receiver(), "GET", "/api/v1/staff/control", None, later);
    assert_eq!(list.status, 200, "{}", list.body);
    let appeals = list.json()["appeals"].as_array().unwrap().clone();
    let mine = appeals.iter().find(|a| a["id"] == id).expect("on control");
    assert_eq!(mine["overdue"], true);
    let flags: Vec<bool> = appeals
        .iter()
        .map(|a| a["overdue"].as_bool().unwrap())
        .collect();
    assert!(flags.windows(2).all(|w| w[0] || !w[1]), "{flags:?}");
}

/// R39-6 and the other kinds: an oral answer only with consent; a waiting ticket has no
/// outcome yet; a kind does not take another kind's fields; R44's own due date needs a
/// reason.
#[test]
fn r39_6_outcome_kinds_take_what_they_need() {
    let at = "2027-05-05T10:00:00+05:00";
    let n = called_ticket(at);
    let oral = json!({"received": ticket(n), "outcome": {"kind": "oral_answered"}});
    let error = record(receiver(), &oral, at).assert_error(422, "required");
    assert_eq!(error["field"], "outcome.consent");
    let with_number = json!({"received": ticket(n),
        "outcome": {"kind": "consultation", "registration_number": "1"}});
    let error = record(receiver(), &with_number, at).assert_error(422, "not_applicable");
    assert_eq!(error["field"], "outcome.registration_number");
    let own_due = json!({"received": ticket(n), "outcome": {"kind": "written_appeal_registered",
        "registration_number": "A-1", "due": "2027-08-01"}});
    let error = record(receiver(), &own_due, at).assert_error(422, "required");
    assert_eq!(error["field"], "outcome.due_reason");
    let referred = json!({"received": ticket(n), "outcome": {"kind": "referred"}});
    let error = record(receiver(), &referred, at).assert_error(422, "required");
    assert_eq!(error["field"], "outcome.referral");
    let consented = json!({"received": ticket(n),
        "outcome": {"kind": "oral_answered", "consent": true}, "notes": "R12: checked"});
    let reply = record(receiver(), &consented, at);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.json()["outcome"]["consent"], true);
    assert_eq!(reply.json()["control"], Value::Null);
    // A ticket still waiting has not been received.
    let waiting = Client::new().send(
        "POST",
        &format!("/api/v1/queue/{RECEIVER_OFFICE}/tickets"),
        &[
            ("Content-Type", "application/json"),
            (CLOCK, at),
            (api::challenge::HEADER, &solved_challenge()),
        ],
        Some(&json!({"language": "ru"}).to_string()),
    );
    let w = waiting.json()["ticket"]["number"].as_u64().unwrap();
    let body = json!({"received": ticket(w), "outcome": {"kind": "consultation"}});
    record(receiver(), &body, at).assert_error(409, "not_received");
}

/// R42, R44: taken off control only with the final answer's reference and date and the
/// notification's record; an appeal of the same person on the same matter is not assigned
/// to the one who decided the earlier one (`409`, clause R42).
#[test]
fn r42_r44_closing_needs_the_answer_and_the_earlier_decider_is_refused() {
    let at = "2027-05-06T10:00:00+05:00";
    let admin = gpo_admin();
    let decider = admin.create_account(RECEIVER_OFFICE, &["official"]);
    let other = admin.create_account(RECEIVER_OFFICE, &["official"]);
    let first = called_ticket(at);
    let reply = record(receiver(), &written(first, "ЖТ-2027/0101"), at);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let a = reply.json()["control"]["id"].as_str().unwrap().to_owned();
    let assign = |id: &str, who: &str| {
        staff(
            receiver(),
            "POST",
            &format!("/api/v1/staff/control/{id}/assign"),
            Some(&json!({"assignee": who})),
            at,
        )
    };
    let assigned = assign(&a, &decider.id);
    assert_eq!(assigned.status, 200, "{}", assigned.body);
    assert_eq!(
        assigned.json()["appeal"]["assigned_to"],
        decider.id.as_str()
    );
    let close = |id: &str, body: &Value| {
        staff(
            receiver(),
            "POST",
            &format!("/api/v1/staff/control/{id}/close"),
            Some(body),
            at,
        )
    };
    // R44: without the answer's reference (or its date, or R42's notification) `422`.
    for (field, body) in [
        ("answer_reference", {
            let mut b = close_body();
            b.as_object_mut().unwrap().remove("answer_reference");
            b
        }),
        ("answer_reference", {
            let mut b = close_body();
            b["answer_reference"] = json!(" ");
            b
        }),
        ("answer_date", {
            let mut b = close_body();
            b.as_object_mut().unwrap().remove("answer_date");
            b
        }),
        ("notified_by", {
            let mut b = close_body();
            b.as_object_mut().unwrap().remove("notified_by");
            b
        }),
        ("notification_reference", {
            let mut b = close_body();
            b.as_object_mut().unwrap().remove("notification_reference");
            b
        }),
    ] {
        let error = close(&a, &body).assert_error(422, "required");
        assert_eq!(error["field"], field);
    }
    let closed = close(&a, &close_body());
    assert_eq!(closed.status, 200, "{}", closed.body);
    let c = &closed.json()["appeal"]["closed"];
    assert_eq!(c["answer_reference"], "12-04/567");
    assert_eq!(c["notified_by"], "registered_letter");
    assert_eq!(c["decided_by"], decider.id.as_str());
    close(&a, &close_body()).assert_error(409, "not_on_control");
    let listed = staff(receiver(), "GET", "/api/v1/staff/control", None, at);
    assert!(!listed.body.contains(&a), "off control: {}", listed.body);

    // The same person comes again on the same matter: a repeat of A.
    let second = called_ticket(at);
    let mut repeat = written(second, "ЖТ-2027/0102");
    repeat["outcome"]["repeats"] = json!(a);
    let reply = record(receiver(), &repeat, at);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let b = reply.json()["control"]["id"].as_str().unwrap().to_owned();
    assert_eq!(reply.json()["control"]["thread"], a.as_str());
    let refused = assign(&b, &decider.id);
    let error = refused.assert_error(409, "previously_decided");
    assert_eq!(error["clause"], "R42");
    assert_eq!(error["field"], "assignee");
    let ok = assign(&b, &other.id);
    assert_eq!(ok.status, 200, "{}", ok.body);
    // Linked by the earlier appeal's registration number, as the console links it (R40): the
    // same thread, and the same refusal.
    let third = called_ticket(at);
    let mut by_number = written(third, "ЖТ-2027/0103");
    by_number["outcome"]["repeats"] = json!(" ЖТ-2027/0102 ");
    let reply = record(receiver(), &by_number, at);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let c = reply.json()["control"]["id"].as_str().unwrap().to_owned();
    assert_eq!(reply.json()["control"]["thread"], a.as_str());
    assign(&c, &decider.id).assert_error(409, "previously_decided");
    // An unknown earlier appeal (by id or by number) is `404`.
    let fourth = called_ticket(at);
    let mut by_unknown_number = written(fourth, "ЖТ-2027/0104");
    by_unknown_number["outcome"]["repeats"] = json!("ЖТ-2027/9999");
    let error = record(receiver(), &by_unknown_number, at).assert_error(404, "not_found");
    assert_eq!(error["field"], "outcome.repeats");
    let mut unknown = written(fourth, "ЖТ-2027/0104");
    unknown["outcome"]["repeats"] = json!("ap_ffffffffffffffff");
    let error = record(receiver(), &unknown, at).assert_error(404, "not_found");
    assert_eq!(error["field"], "outcome.repeats");
    // An empty reference is `422 required`; a number two appeals of the office carry names
    // no one appeal: `409 ambiguous_reference`, and staff give the id.
    let mut empty = written(fourth, "ЖТ-2027/0104");
    empty["outcome"]["repeats"] = json!("  ");
    let error = record(receiver(), &empty, at).assert_error(422, "required");
    assert_eq!(error["field"], "outcome.repeats");
    for _ in 0..2 {
        let n = called_ticket(at);
        let reply = record(receiver(), &written(n, "ЖТ-2027/0105"), at);
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let mut ambiguous = written(fourth, "ЖТ-2027/0104");
    ambiguous["outcome"]["repeats"] = json!("ЖТ-2027/0105");
    let error = record(receiver(), &ambiguous, at).assert_error(409, "ambiguous_reference");
    assert_eq!(error["field"], "outcome.repeats");
}

/// R39-5: another office's tickets and appeals are `404`, exactly as ones that do not
/// exist; a registrar is `403`; every action is in the audit trail.
#[test]
fn r39_5_outcomes_are_scoped_and_audited() {
    let at = "2027-05-13T10:00:00+05:00";
    let n = called_ticket(at);
    let reply = record(receiver(), &written(n, "ЖТ-2027/0201"), at);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let outcome = reply.json()["outcome"]["id"].as_str().unwrap().to_owned();
    let appeal = reply.json()["control"]["id"].as_str().unwrap().to_owned();

    // A receiver of another office.
    let mut stranger =
        gpo_admin().create_enrolled("ulytau-region-zhezkazgan-city", &["receiver", "official"]);
    let stranger = stranger.sign_in();
    let theirs = staff(
        &stranger,
        "POST",
        "/api/v1/staff/outcomes",
        Some(&json!({"received": ticket(n), "outcome": {"kind": "consultation"}})),
        at,
    );
    let error = theirs.assert_error(404, "not_found");
    assert_eq!(error["field"], "received.office_id");
    let nowhere = staff(
        &stranger,
        "POST",
        "/api/v1/staff/outcomes",
        Some(
            &json!({"received": {"kind": "ticket", "office_id": "no-such-office", "number": n},
                     "outcome": {"kind": "consultation"}}),
        ),
        at,
    );
    assert_eq!(nowhere.body, theirs.body);
    for action in ["assign", "due", "close"] {
        let body = match action {
            "assign" => json!({"assignee": stranger.staff_id()}),
            "due" => json!({"due": "2027-07-01", "due_reason": "R44"}),
            _ => close_body(),
        };
        let path = format!("/api/v1/staff/control/{appeal}/{action}");
        let reply = staff(&stranger, "POST", &path, Some(&body), at);
        let error = reply.assert_error(404, "not_found");
        assert_eq!(error["field"], "id");
        let missing = path.replace(&appeal, "ap_ffffffffffffffff");
        assert_eq!(
            staff(&stranger, "POST", &missing, Some(&body), at).body,
            reply.body
        );
    }
    let list = staff(&stranger, "GET", "/api/v1/staff/control", None, at);
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(!list.body.contains(&appeal));
    // Assigning to an account of another office is `404` too.
    let error = staff(
        receiver(),
        "POST",
        &format!("/api/v1/staff/control/{appeal}/assign"),
        Some(&json!({"assignee": stranger.staff_id()})),
        at,
    )
    .assert_error(404, "not_found");
    assert_eq!(error["field"], "assignee");
    // Neither a receiver nor an official: `403`.
    staff(gpo_admin(), "GET", "/api/v1/staff/control", None, at).assert_error(403, "forbidden");
    Client::new()
        .send("GET", "/api/v1/staff/control", &[], None)
        .assert_error(401, "unauthenticated");

    // Only an account that receives may be assigned (R42, R44): a registrar of the office is
    // `404` naming `assignee`, as one that does not exist.
    let registrar = gpo_admin().create_account(RECEIVER_OFFICE, &["registrar"]);
    let error = staff(
        receiver(),
        "POST",
        &format!("/api/v1/staff/control/{appeal}/assign"),
        Some(&json!({"assignee": registrar.id})),
        at,
    )
    .assert_error(404, "not_found");
    assert_eq!(error["field"], "assignee");
    // The control list names the office's assignable staff: a read in the audit trail.
    let listed = staff(receiver(), "GET", "/api/v1/staff/control", None, at);
    assert_eq!(listed.status, 200, "{}", listed.body);
    let assignees = listed.json()["assignees"].as_array().unwrap().clone();
    assert!(assignees.iter().all(|a| a["id"] != registrar.id.as_str()));

    // Assign to oneself, close: three rows of the receiver's.
    let me = receiver().staff_id();
    let assigned = staff(
        receiver(),
        "POST",
        &format!("/api/v1/staff/control/{appeal}/assign"),
        Some(&json!({"assignee": me})),
        at,
    );
    assert_eq!(assigned.status, 200, "{}", assigned.body);
    let closed = staff(
        receiver(),
        "POST",
        &format!("/api/v1/staff/control/{appeal}/close"),
        Some(&close_body()),
        at,
    );
    assert_eq!(closed.status, 200, "{}", closed.body);
    let audit = gpo_admin().get(&format!(
        "/api/v1/staff/audit?office={RECEIVER_OFFICE}&from={}",
        api_tests::kazakhstan_day(0)
    ));
    assert_eq!(audit.status, 200, "{}", audit.body);
    let entries = audit.json()["entries"].as_array().unwrap().clone();
    let mine = |action: &str, object: &str| {
        entries
            .iter()
            .any(|e| e["action"] == action && e["object"] == object && e["actor_id"] == me.as_str())
    };
    assert!(
        mine(
            "outcome_record",
            &format!("outcome:{outcome} appeal:{appeal}")
        ),
        "outcome_record"
    );
    assert!(
        mine("appeal_assign", &format!("appeal:{appeal} assignee:{me}")),
        "appeal_assign"
    );
    assert!(
        mine("appeal_close", &format!("appeal:{appeal}")),
        "appeal_close"
    );
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "control_list" && e["actor_id"] == me.as_str()),
        "control_list"
    );
}

/// R39-8: a referral books the applicant with another official of the office through the
/// booking function, channel `referral`; without an `Idempotency-Key` `400`; replayed with
/// the same key (its answer lost) it is the same outcome and booking, with its manage link.
#[test]
fn r39_8_a_referral_books_the_applicant_with_another_official() {
    let at = "2027-05-14T10:00:00+05:00";
    let office = api_tests::OFFICE;
    let mut person = gpo_admin().create_enrolled(office, &["receiver"]);
    let session = person.sign_in();
    let taken = Client::new().send(
        "POST",
        &format!("/api/v1/queue/{office}/tickets"),
        &[
            ("Content-Type", "application/json"),
            (CLOCK, at),
            (api::challenge::HEADER, &solved_challenge()),
        ],
        Some(&json!({"language": "kk"}).to_string()),
    );
    assert_eq!(taken.status, 201, "{}", taken.body);
    let number = loop {
        let called = staff(
            &session,
            "POST",
            &format!("/api/v1/staff/queue/{office}/next"),
            Some(&json!({"room": "1"})),
            at,
        );
        assert_eq!(called.status, 200, "{}", called.body);
        let n = called.json()["ticket"]["number"].as_u64().unwrap();
        if n == taken.json()["ticket"]["number"].as_u64().unwrap() {
            break n;
        }
    };
    let reception = api_tests::open_reception(api_tests::HEAD_OPEN, 5)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = json!({
        "received": {"kind": "ticket", "office_id": office, "number": number},
        "outcome": {"kind": "referred", "referral": api_tests::booking_body(&reception)}});
    record(&session, &body, at).assert_error(400, "idempotency_key_required");
    let key = api_tests::fresh_key();
    let headers = [(CLOCK, at.to_owned()), ("Idempotency-Key", key)];
    let reply = session.send_with("POST", "/api/v1/staff/outcomes", Some(&body), &headers);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let made = reply.json();
    assert_eq!(made["outcome"]["kind"], "referred");
    assert_eq!(made["referral"]["channel"], "referral");
    assert_eq!(
        made["referral"]["booking"]["reception"]["id"],
        reception.as_str()
    );
    let code = made["referral"]["booking"]["code"].as_str().unwrap();
    assert_eq!(made["outcome"]["referral_code"], code);
    // The person's manage link opens it.
    let token = made["referral"]["manage_token"].as_str().unwrap();
    let opened = Client::new().send(
        "GET",
        &format!("/api/v1/bookings/{code}"),
        &[("Authorization", &format!("Bearer {token}"))],
        None,
    );
    assert_eq!(opened.status, 200, "{}", opened.body);
    // Its answer lost, the same request with the same key gets it again: the same outcome,
    // booking and manage link to hand over.
    let again = session.send_with("POST", "/api/v1/staff/outcomes", Some(&body), &headers);
    assert_eq!(again.status, 201, "{}", again.body);
    let again = again.json();
    assert_eq!(again["outcome"]["id"], made["outcome"]["id"]);
    assert_eq!(again["referral"]["booking"]["code"], code);
    assert_eq!(again["referral"]["manage_token"], token);
    assert_eq!(
        again["referral"]["manage_path"],
        made["referral"]["manage_path"]
    );
    // Any other request: the reception has its outcome now.
    let other = [
        (CLOCK, at.to_owned()),
        ("Idempotency-Key", api_tests::fresh_key()),
    ];
    session
        .send_with("POST", "/api/v1/staff/outcomes", Some(&body), &other)
        .assert_error(409, "outcome_recorded");
}

/// A booking made online for one of the `open` receptions (the `nth` from the end), with the
/// reception's id, the booking's code and noon of its day in Kazakhstan (the clock of the
/// staff requests that receive the person).
fn booked_on_its_day(open: &[Value], nth: usize) -> (String, String, String) {
    let reception = open[open.len() - 1 - nth % open.len()]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let created = Client::new().book_ok(&api_tests::booking_body(&reception));
    let code = created["booking"]["code"].as_str().unwrap().to_owned();
    let date = reception.rsplit_once('-').unwrap().1;
    let day = format!(
        "{}-{}-{}T12:00:00+05:00",
        &date[..4],
        &date[4..6],
        &date[6..]
    );
    (reception, code, day)
}

/// R39-8: the person is referred to *another* official: a referral of a booking's applicant
/// to a reception of the official who received them is `422 same_official`, and books nothing.
#[test]
fn r39_8_a_referral_to_the_official_who_received_the_person_is_refused() {
    let office = api_tests::OFFICE;
    let mut person = gpo_admin().create_enrolled(office, &["registrar", "official"]);
    let session = person.sign_in();
    let open = api_tests::open_receptions(api_tests::DEPUTY_OPEN);
    let (reception, code, day) = booked_on_its_day(&open, 13);
    let confirmed = session.post(
        &format!("/api/v1/staff/bookings/{code}/decision"),
        &json!({"decision": "confirm"}),
    );
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    // Another reception of the same deputy.
    let again = open
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .find(|id| *id != reception)
        .expect("the deputy has more than one reception")
        .to_owned();
    let body = json!({"received": {"kind": "booking", "code": code},
                      "outcome": {"kind": "referred",
                                  "referral": api_tests::booking_body(&again)}});
    let headers = [
        (CLOCK, day.clone()),
        ("Idempotency-Key", api_tests::fresh_key()),
    ];
    let reply = session.send_with("POST", "/api/v1/staff/outcomes", Some(&body), &headers);
    let error = reply.assert_error(422, "same_official");
    assert_eq!(error["field"], "outcome.referral.reception_id");
    // Nothing was recorded: the outcome can still be given.
    let consultation = json!({"received": {"kind": "booking", "code": code},
                              "outcome": {"kind": "consultation"}});
    let reply = record(&session, &consultation, &day);
    assert_eq!(reply.status, 201, "{}", reply.body);
}

/// A booking is received by the official on its day: before it, or unconfirmed, `409
/// not_received`; then a written appeal from it goes on control (R39-6, R44).
#[test]
fn r39_6_r44_the_outcome_of_a_confirmed_booking_on_its_day() {
    let office = api_tests::OFFICE;
    let mut person = gpo_admin().create_enrolled(office, &["registrar", "official"]);
    let session = person.sign_in();
    let open = api_tests::open_receptions(api_tests::DEPUTY_OPEN);
    let (_, code, day) = booked_on_its_day(&open, 9);
    let body = json!({"received": {"kind": "booking", "code": code},
                      "outcome": {"kind": "written_appeal_registered",
                                  "registration_number": "ЖТ-2027/0301"}});
    // Requested, not confirmed yet.
    record(&session, &body, &day).assert_error(409, "not_received");
    let confirmed = session.post(
        &format!("/api/v1/staff/bookings/{code}/decision"),
        &json!({"decision": "confirm"}),
    );
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    // Not before its day.
    record(&session, &body, "2026-01-05T12:00:00+05:00").assert_error(409, "not_received");
    let reply = record(&session, &body, &day);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.json()["outcome"]["received"]["code"], code.as_str());
    assert_eq!(reply.json()["control"]["registered_on"], &day[..10]);
    // Taken off control (retention counts its days from here for the booking).
    let appeal = reply.json()["control"]["id"].as_str().unwrap().to_owned();
    let mut answer = close_body();
    answer["answer_date"] = json!(&day[..10]);
    answer["notified_by"] = json!("in_person");
    let closed = staff(
        &session,
        "POST",
        &format!("/api/v1/staff/control/{appeal}/close"),
        Some(&answer),
        &day,
    );
    assert_eq!(closed.status, 200, "{}", closed.body);
    assert_eq!(
        closed.json()["appeal"]["closed"]["decided_by"],
        session.staff_id().as_str()
    );
    // Another office's official cannot name it.
    let error = record(receiver(), &body, &day).assert_error(404, "not_found");
    assert_eq!(error["field"], "received.code");
}

/// R44: the officer changes an appeal's due date, always with a reason (`422 required`
/// naming `due_reason`), never before its registration (`422 before_registration` naming
/// `due`); the new date and its reason are listed; the change is audited; off control it is
/// `409`. Each change keeps its reason, with who and when. The control list names who the
/// appeals may be assigned to.
#[test]
fn r44_a_due_date_changes_only_with_a_reason() {
    let at = "2027-05-17T10:00:00+05:00";
    let n = called_ticket(at);
    let reply = record(receiver(), &written(n, "ЖТ-2027/0401"), at);
    assert_eq!(reply.status, 201, "{}", reply.body);
    let appeal = reply.json()["control"]["id"].as_str().unwrap().to_owned();
    let default_due = reply.json()["control"]["due"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/staff/control/{appeal}/due");
    let due = |body: Value| staff(receiver(), "POST", &path, Some(&body), at);
    for body in [
        json!({"due": "2027-07-30"}),
        json!({"due": "2027-07-30", "due_reason": "  "}),
        // Back to the default is a change too.
        json!({"due": default_due}),
    ] {
        let error = due(body).assert_error(422, "required");
        assert_eq!(error["field"], "due_reason");
    }
    let error = due(json!({"due_reason": "экспертиза"})).assert_error(422, "required");
    assert_eq!(error["field"], "due");
    let error = due(json!({"due": "2027-05-14", "due_reason": "экспертиза"}))
        .assert_error(422, "before_registration");
    assert_eq!(error["field"], "due");
    let long = "а".repeat(501);
    let error = due(json!({"due": "2027-07-30", "due_reason": long})).assert_error(422, "too_long");
    assert_eq!(error["field"], "due_reason");

    let changed = due(json!({"due": "2027-07-30", "due_reason": " Сараптама қажет "}));
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.json()["appeal"]["due"], "2027-07-30");
    assert_eq!(changed.json()["appeal"]["due_reason"], "Сараптама қажет");
    // Changed again: each change keeps its own reason, oldest first, with who and when.
    let again = due(json!({"due": "2027-08-13", "due_reason": "Ответ из суда не получен"}));
    assert_eq!(again.status, 200, "{}", again.body);
    let changes = again.json()["appeal"]["due_changes"].clone();
    let me = receiver().staff_id();
    assert_eq!(changes.as_array().map(Vec::len), Some(2), "{changes}");
    assert_eq!(changes[0]["from"], default_due.as_str());
    assert_eq!(changes[0]["to"], "2027-07-30");
    assert_eq!(changes[0]["reason"], "Сараптама қажет");
    assert_eq!(changes[1]["from"], "2027-07-30");
    assert_eq!(changes[1]["to"], "2027-08-13");
    assert_eq!(changes[1]["reason"], "Ответ из суда не получен");
    assert!(changes[1]["by"] == me.as_str() && changes[1]["at"].as_str().is_some());
    assert_eq!(
        again.json()["appeal"]["due_reason"],
        "Ответ из суда не получен"
    );
    let list = staff(receiver(), "GET", "/api/v1/staff/control", None, at);
    assert_eq!(list.status, 200, "{}", list.body);
    let listed = list.json();
    let mine = listed["appeals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == appeal.as_str())
        .expect("on control")
        .clone();
    assert_eq!(mine["due"], "2027-08-13");
    assert_eq!(mine["due_changes"], changes);
    // The receiver itself is among those it may be assigned to, by id and name only.
    let assignees = listed["assignees"].as_array().unwrap();
    let found = assignees
        .iter()
        .find(|a| a["id"] == me.as_str())
        .expect("listed");
    assert!(found["name"].as_str().is_some_and(|n| !n.is_empty()));
    assert!(assignees.iter().all(|a| a.as_object().unwrap().len() == 2));

    let audit = gpo_admin().get(&format!(
        "/api/v1/staff/audit?office={RECEIVER_OFFICE}&from={}",
        api_tests::kazakhstan_day(0)
    ));
    assert_eq!(audit.status, 200, "{}", audit.body);
    let object = format!("appeal:{appeal} due:{default_due}->2027-07-30");
    assert!(
        audit.json()["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "appeal_due"
                && e["object"] == object.as_str()
                && e["actor_id"] == me.as_str()),
        "appeal_due"
    );

    // Off control it no longer changes.
    let closed = staff(
        receiver(),
        "POST",
        &format!("/api/v1/staff/control/{appeal}/close"),
        Some(&close_body()),
        at,
    );
    assert_eq!(closed.status, 200, "{}", closed.body);
    due(json!({"due": "2027-08-02", "due_reason": "ещё"})).assert_error(409, "not_on_control");
}
