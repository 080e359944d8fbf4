//! The responsible officer's decisions against the real Worker (R15, R17–R19, R23, R24,
//! R30–R33): the requests inbox, the whole booking, confirm and refuse (and what the
//! applicant then sees), the units' agreement, the release of abusive bookings; each
//! in the office's scope only, each in the audit trail once.

use api_tests::staff_client::*;
use api_tests::*;
use serde_json::{json, Value};

/// The operations of this part: the scope test of every staff endpoint leaves them to
/// [`r39_5_scope_another_offices_bookings_are_404_on_every_decision_endpoint`].
pub const OPERATIONS: &[(&str, &str)] = &[
    ("GET", "/api/v1/staff/requests"),
    ("GET", "/api/v1/staff/bookings/{code}"),
    ("POST", "/api/v1/staff/bookings/{code}/decision"),
    ("POST", "/api/v1/staff/bookings/{code}/agreement"),
    ("POST", "/api/v1/staff/bookings/release"),
    ("POST", "/api/v1/staff/bookings/{code}/forward"),
    ("POST", "/api/v1/staff/bookings/{code}/reassign"),
];

/// A registrar of the booking fixture's office, signed in.
fn registrar() -> (Person, Session) {
    let mut person = gpo_admin().create_enrolled(OFFICE, &["registrar"]);
    let session = person.sign_in();
    (person, session)
}

/// A request booked by an applicant of its own: (code, manage token).
fn book(body: &Value) -> (String, String) {
    let created = Client::new().book_ok(body);
    (
        created["booking"]["code"]
            .as_str()
            .expect("code")
            .to_owned(),
        created["manage_token"].as_str().expect("token").to_owned(),
    )
}

/// The id of the `n`-th open reception of a fixture schedule counted from the last: the
/// booking tests take theirs from the first, and count their places.
fn late(schedule: &str, n: usize) -> String {
    let open = open_receptions(schedule);
    open[open.len() - 1 - n % open.len()]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A request to the fixture's regional deputy (R34), on its `n`-th last open reception.
fn deputy_request(n: usize) -> (String, String, String) {
    let reception = late(DEPUTY_OPEN, n);
    let (code, token) = book(&booking_body(&reception));
    (code, token, reception)
}

/// A request to the fixture's regional head, on its `n`-th last open reception.
fn head_request(n: usize) -> (String, String) {
    book(&booking_body(&late(HEAD_OPEN, n)))
}

/// What the applicant sees: `GET /api/v1/bookings/{code}` with the manage token.
fn applicant_view(code: &str, token: &str) -> Value {
    let reply = Client::new().manage("GET", code, "", Some(token));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["booking"].clone()
}

fn decide(session: &Session, code: &str, body: Value) -> Reply {
    session.post(&format!("/api/v1/staff/bookings/{code}/decision"), &body)
}

#[test]
fn r15_r30_the_inbox_lists_the_offices_requests_with_personal_data_and_due_dates() {
    let (_, session) = registrar();
    let (code, _, _) = deputy_request(0);
    let reply = session.get("/api/v1/staff/requests?status=requested");
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let requests = reply.json()["requests"].as_array().unwrap().clone();
    let mine = requests
        .iter()
        .find(|r| r["code"] == code.as_str())
        .unwrap_or_else(|| panic!("{code} is not in the inbox"));
    assert_eq!(mine["status"], "requested");
    assert_eq!(mine["official_kind"], "regional_deputy");
    assert_eq!(mine["channel"], "online");
    assert_eq!(mine["applicant"]["surname"], "Серікбаев");
    assert!(mine["matter"]["substance"]
        .as_str()
        .is_some_and(|s| s.starts_with("Аудандық")));
    assert_eq!(mine["matter"]["answers"]["r27_competence"], "yes");
    // R30 (RULES.md, "Readings", 6): decided by the end of the consideration period, never
    // after registration closes (R34); R15's note binds the GPO only.
    let due = mine["due"]["decision"]
        .as_str()
        .expect("a decision due date");
    assert!(due <= mine["reception"]["date"].as_str().unwrap(), "{mine}");
    assert!(mine["due"]["note"].is_null(), "{mine}");
    assert_eq!(mine["due"]["overdue"], false);
    // R31: the grounds a refusal may cite, for this official's kind.
    let grounds: Vec<&str> = mine["grounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["clause"].as_str().unwrap())
        .collect();
    assert!(grounds.contains(&"R31.3 (R17.4)"), "{grounds:?}");
    assert!(!grounds
        .iter()
        .any(|g| g.starts_with("R17.2") || g.starts_with("R23")));
    // Every listed request is the office's and `requested`; overdue ones first.
    let mut seen_on_time = false;
    for r in &requests {
        assert_eq!(r["reception"]["office_id"], OFFICE);
        assert_eq!(r["status"], "requested");
        let overdue = r["due"]["overdue"] == true;
        assert!(!(overdue && seen_on_time), "overdue after on time: {r}");
        seen_on_time |= !overdue;
    }
    // Another status, and bad parameters.
    let confirmed = session.get("/api/v1/staff/requests?status=confirmed");
    assert_eq!(confirmed.status, 200, "{}", confirmed.body);
    assert!(!confirmed.body.contains(&code));
    let error = session
        .get("/api/v1/staff/requests?status=approved")
        .assert_error(422, "invalid");
    assert_eq!(error["field"], "status");
    let error = session
        .get("/api/v1/staff/requests?office=gpo")
        .assert_error(422, "unknown_parameter");
    assert_eq!(error["field"], "office");
}

#[test]
fn r15_r30_confirm_and_refuse_the_applicant_sees_each_outcome_and_a_refusal_frees_the_place() {
    let (_, session) = registrar();
    let (confirmed, confirmed_token, _) = deputy_request(1);
    let (refused, refused_token, reception) = deputy_request(2);

    // The whole booking, personal data included (an audited read).
    let whole = session.get(&format!("/api/v1/staff/bookings/{refused}"));
    assert_eq!(whole.status, 200, "{}", whole.body);
    assert_eq!(whole.header("cache-control"), Some("no-store"));
    let whole = whole.json()["booking"].clone();
    assert_eq!(whole["code"], refused.as_str());
    assert!(whole["applicant"]["iin"]
        .as_str()
        .is_some_and(|i| i.len() == 12));

    let reply = decide(&session, &confirmed, json!({"decision": "confirm"}));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["booking"]["status"], "confirmed");
    let seen = applicant_view(&confirmed, &confirmed_token);
    assert_eq!(seen["status"], "confirmed");
    assert!(seen["decided_at"].is_string(), "{seen}");
    assert!(seen.get("refusal").is_none(), "{seen}");

    let before = booked(&reception);
    assert_eq!(booked_on_schedule(&reception), before);
    let explanation = "Сот актісіне кассациялық шағым беру мерзімі өтіп кеткен (Қағидалардың 31-тармағының 3) тармақшасы).";
    let reply = decide(
        &session,
        &refused,
        json!({"decision": "refuse", "clause": "R17.4", "explanation": explanation}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let staff_view = reply.json()["booking"].clone();
    assert_eq!(staff_view["status"], "refused");
    assert!(staff_view["decided_by"].is_string());
    // R31(3) borrows R17(4): the ground is recorded as the rule set names it.
    assert_eq!(staff_view["refusal"]["clause"], "R31.3 (R17.4)");
    // The place is free again, on the office's public schedule at once too.
    assert_eq!(booked(&reception), before - 1);
    assert_eq!(booked_on_schedule(&reception), before - 1);

    // R18, R24, R32: the applicant sees the clause, the explanation in the booking's
    // language and the alternatives, the district office last (R39) — and no personal data.
    let manage = Client::new().manage("GET", &refused, "", Some(&refused_token));
    let seen = manage.json()["booking"].clone();
    assert_eq!(seen["status"], "refused");
    assert_eq!(seen["refusal"]["clause"], "R31.3 (R17.4)");
    assert_eq!(seen["refusal"]["explanation"], explanation);
    assert_eq!(seen["refusal"]["rule_set"], "order-87-2021");
    let alternatives: Vec<&str> = seen["refusal"]["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        alternatives,
        ["restore_deadline", "district_office_walk_in"]
    );
    for personal in [
        whole["applicant"]["iin"].as_str().unwrap(),
        "Серікбаев",
        "+77011234567",
        "Аудандық әкімдік",
    ] {
        assert!(
            !manage.body.contains(personal),
            "{personal} in {}",
            manage.body
        );
    }
    // A refused booking is not the applicant's to cancel.
    Client::new()
        .manage("POST", &refused, "/cancel", Some(&refused_token))
        .assert_error(409, "not_cancellable");

    // Deciding twice.
    for (code, body) in [
        (&confirmed, json!({"decision": "confirm"})),
        (
            &confirmed,
            json!({"decision": "refuse", "clause": "R31.2", "explanation": "…"}),
        ),
        (&refused, json!({"decision": "confirm"})),
    ] {
        decide(&session, code, body).assert_error(409, "already_decided");
    }
    assert_eq!(
        applicant_view(&refused, &refused_token)["status"],
        "refused"
    );
}

#[test]
fn r17_r23_r31_a_ground_of_another_kind_is_422_naming_clause() {
    let (_, session) = registrar();
    let (code, token, _) = deputy_request(3);
    // R17.2 (not borrowed by R31(3)), R23.1 (a PG deputy's), R19.2 (never a ground),
    // R31.3 (five grounds), something else.
    for clause in ["R17.2", "R23.1", "R19.2", "R31.3", "R99", "=cmd"] {
        let error = decide(
            &session,
            &code,
            json!({"decision": "refuse", "clause": clause, "explanation": "Түсіндірме."}),
        )
        .assert_error(422, "not_a_ground");
        assert_eq!(error["field"], "clause", "{clause}");
    }
    let error = decide(
        &session,
        &code,
        json!({"decision": "refuse", "explanation": "x"}),
    )
    .assert_error(422, "required");
    assert_eq!(error["field"], "clause");
    let error = decide(
        &session,
        &code,
        json!({"decision": "refuse", "clause": "R31.2"}),
    )
    .assert_error(422, "required");
    assert_eq!(error["field"], "explanation");
    let error = decide(
        &session,
        &code,
        json!({"decision": "refuse", "clause": "R31.2", "explanation": "x".repeat(2001)}),
    )
    .assert_error(422, "invalid");
    assert_eq!(error["field"], "explanation");
    decide(&session, &code, json!({"decision": "approve"})).assert_error(422, "invalid_field");
    // Nothing was decided.
    assert_eq!(applicant_view(&code, &token)["status"], "requested");
}

#[test]
fn r33_the_units_agreement_is_recorded_before_confirming() {
    let (_, session) = registrar();
    // R31(1) answered yes, R33 (new evidence) yes: the request goes to review, marked for
    // the structural unit's agreement.
    let reception = late(DEPUTY_OPEN, 4);
    let mut body = booking_body(&reception);
    body["matter"]["answers"]["r31_1_already_received"] = json!("yes");
    body["matter"]["answers"]["r31_1_gpo_instructed"] = json!("no");
    body["matter"]["answers"]["r33_new_evidence"] = json!("yes");
    let (code, _) = book(&body);
    let whole = session
        .get(&format!("/api/v1/staff/bookings/{code}"))
        .json()["booking"]
        .clone();
    assert_eq!(whole["agreement"]["needed"][0]["clause"], "R33", "{whole}");
    assert!(whole["agreement"]["recorded_at"].is_null());

    let error = decide(&session, &code, json!({"decision": "confirm"}))
        .assert_error(409, "agreement_required");
    assert_eq!(error["field"], "agreement");
    assert_eq!(error["clause"], "R33");

    let path = format!("/api/v1/staff/bookings/{code}/agreement");
    let error = session
        .post(&path, &json!({"note": "  "}))
        .assert_error(422, "required");
    assert_eq!(error["field"], "note");
    let reply = session.post(
        &path,
        &json!({"note": "Келісілді: әлеуметтік-экономикалық сала бөлімі, № 12-34"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let agreement = &reply.json()["booking"]["agreement"];
    assert!(agreement["recorded_at"].is_string(), "{agreement}");
    assert!(agreement["recorded_by"].is_string(), "{agreement}");
    session
        .post(&path, &json!({"note": "again"}))
        .assert_error(409, "agreement_recorded");

    let reply = decide(&session, &code, json!({"decision": "confirm"}));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["booking"]["status"], "confirmed");

    // A request that states no case of R19 / R33 needs no agreement.
    let (plain, _, _) = deputy_request(5);
    let error = session
        .post(
            &format!("/api/v1/staff/bookings/{plain}/agreement"),
            &json!({"note": "x"}),
        )
        .assert_error(422, "not_applicable");
    assert_eq!(error["field"], "agreement");
}

#[test]
fn abusive_bookings_are_released_with_the_reason_shown_to_each_applicant() {
    let (_, session) = registrar();
    let (a, a_token, reception) = deputy_request(6);
    let (b, b_token, _) = deputy_request(6);
    let before = booked(&reception);
    let reason = json!({
        "kk": "Жазылу жалған деректермен жасалған.",
        "ru": "Запись сделана с ложными данными.",
    });
    // Nothing of another office, nothing twice, a reason in kk and ru.
    let error = session
        .post(
            "/api/v1/staff/bookings/release",
            &json!({"codes": [a, b], "reason": {"kk": "Себеп", "ru": ""}}),
        )
        .assert_error(422, "required");
    assert_eq!(error["field"], "reason.ru");
    let error = session
        .post(
            "/api/v1/staff/bookings/release",
            &json!({"codes": [], "reason": reason}),
        )
        .assert_error(422, "required");
    assert_eq!(error["field"], "codes");
    let reply = session.post(
        "/api/v1/staff/bookings/release",
        &json!({"codes": [a, b], "reason": reason}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let released = reply.json()["released"].as_array().unwrap().clone();
    assert_eq!(released.len(), 2);
    assert!(released
        .iter()
        .all(|r| r["status"] == "cancelled_by_office"));
    assert_eq!(booked(&reception), before - 2);
    for (code, token) in [(&a, &a_token), (&b, &b_token)] {
        let seen = applicant_view(code, token);
        assert_eq!(seen["status"], "cancelled_by_office");
        assert_eq!(seen["office_reason"]["ru"], reason["ru"]);
        assert_eq!(seen["office_reason"]["kk"], reason["kk"]);
    }
    let error = session
        .post(
            "/api/v1/staff/bookings/release",
            &json!({"codes": [a], "reason": reason}),
        )
        .assert_error(409, "not_active");
    assert_eq!(error["field"], "codes");
    decide(&session, &a, json!({"decision": "confirm"})).assert_error(409, "already_decided");
}

/// A request to another region's head (office B), from the sample schedules.
fn office_b_request(region: &str) -> String {
    let official = format!("{region}-head");
    let reception = receptions(region, &official)
        .into_iter()
        .find(is_open)
        .unwrap_or_else(|| panic!("no open reception of {official}"));
    let body = booking_to_kind(
        reception["id"].as_str().unwrap(),
        &valid_iin(),
        "regional_head",
    );
    book(&body).0
}

#[test]
fn r39_5_scope_another_offices_bookings_are_404_on_every_decision_endpoint() {
    let offices = offices();
    let (_, session) = registrar();
    let b = office_b_request(&offices.region_b);
    let missing = "ZZZZ-ZZZZ-ZZZZ";
    let reason = json!({"kk": "Себеп", "ru": "Причина"});
    let deputy = json!(late(DEPUTY_OPEN, 7));
    // (method, template, path with B's booking, body, field): each exactly as a booking that
    // does not exist.
    let table: Vec<(&str, &str, String, Option<Value>, &str)> = vec![
        (
            "GET",
            "/api/v1/staff/bookings/{code}",
            format!("/api/v1/staff/bookings/{b}"),
            None,
            "code",
        ),
        (
            "POST",
            "/api/v1/staff/bookings/{code}/decision",
            format!("/api/v1/staff/bookings/{b}/decision"),
            Some(json!({"decision": "confirm"})),
            "code",
        ),
        (
            "POST",
            "/api/v1/staff/bookings/{code}/agreement",
            format!("/api/v1/staff/bookings/{b}/agreement"),
            Some(json!({"note": "x"})),
            "code",
        ),
        (
            "POST",
            "/api/v1/staff/bookings/release",
            "/api/v1/staff/bookings/release".into(),
            Some(json!({"codes": [b], "reason": reason})),
            "codes",
        ),
        (
            "POST",
            "/api/v1/staff/bookings/{code}/forward",
            format!("/api/v1/staff/bookings/{b}/forward"),
            Some(json!({"office_id": offices.district_b, "reception_id": deputy})),
            "code",
        ),
        (
            "POST",
            "/api/v1/staff/bookings/{code}/reassign",
            format!("/api/v1/staff/bookings/{b}/reassign"),
            Some(json!({"reception_id": deputy})),
            "code",
        ),
    ];
    let mut covered: Vec<(&str, &str)> = table.iter().map(|(m, t, ..)| (*m, *t)).collect();
    covered.push(("GET", "/api/v1/staff/requests"));
    covered.sort();
    let mut operations = OPERATIONS.to_vec();
    operations.sort();
    assert_eq!(covered, operations);

    for (method, template, path, body, field) in &table {
        let reply = session.send(method, path, body.as_ref());
        let error = reply.assert_error(404, "not_found");
        assert_eq!(error["field"], *field, "{method} {template}");
        let nothing_path = path.replace(&b, missing);
        let nothing_body = body
            .as_ref()
            .map(|v| serde_json::from_str(&v.to_string().replace(&b, missing)).unwrap());
        let nothing = session.send(method, &nothing_path, nothing_body.as_ref());
        assert_eq!(nothing.body, reply.body, "{method} {template}");
    }
    // The inbox has none of B's requests.
    let inbox = session.get("/api/v1/staff/requests");
    assert_eq!(inbox.status, 200, "{}", inbox.body);
    assert!(!inbox.body.contains(&b));
    // B's request is untouched, and B's own registrar sees it.
    let mut b_registrar = gpo_admin().create_enrolled(&offices.region_b, &["registrar"]);
    let b_session = b_registrar.sign_in();
    let theirs = b_session.get(&format!("/api/v1/staff/bookings/{b}"));
    assert_eq!(theirs.status, 200, "{}", theirs.body);
    assert_eq!(theirs.json()["booking"]["status"], "requested");
    // Not a registrar: forbidden, even above the office (an admin of the GPO).
    for (method, _, path, body, _) in &table {
        gpo_admin()
            .send(method, path, body.as_ref())
            .assert_error(403, "forbidden");
    }
    gpo_admin()
        .get("/api/v1/staff/requests")
        .assert_error(403, "forbidden");
}

#[test]
fn r39_5_every_decision_and_every_read_is_in_the_audit_trail_once() {
    let (person, session) = registrar();
    let (a, _, _) = deputy_request(8);
    let (b, _, _) = deputy_request(8);
    let (c, _, _) = deputy_request(8);
    let (d, _) = head_request(3);
    let mut marked = booking_body(&late(DEPUTY_OPEN, 8));
    marked["matter"]["answers"]["r31_1_already_received"] = json!("yes");
    marked["matter"]["answers"]["r33_new_evidence"] = json!("yes");
    let (e, _) = book(&marked);
    assert_eq!(session.get("/api/v1/staff/requests").status, 200);
    assert_eq!(
        session.get(&format!("/api/v1/staff/bookings/{a}")).status,
        200
    );
    assert_eq!(
        decide(&session, &a, json!({"decision": "confirm"})).status,
        200
    );
    let refused = decide(
        &session,
        &b,
        json!({"decision": "refuse", "clause": "R31.2", "explanation": "Іс сотта қаралуда."}),
    );
    assert_eq!(refused.status, 200, "{}", refused.body);
    let released = session.post(
        "/api/v1/staff/bookings/release",
        &json!({"codes": [c], "reason": {"kk": "Себеп", "ru": "Причина"}}),
    );
    assert_eq!(released.status, 200, "{}", released.body);
    let reassigned = session.post(
        &format!("/api/v1/staff/bookings/{d}/reassign"),
        &json!({"reception_id": late(DEPUTY_OPEN, 9)}),
    );
    assert_eq!(reassigned.status, 200, "{}", reassigned.body);
    let agreed = session.post(
        &format!("/api/v1/staff/bookings/{e}/agreement"),
        &json!({"note": "Келісілді"}),
    );
    assert_eq!(agreed.status, 200, "{}", agreed.body);
    // Refused requests record nothing.
    decide(&session, &a, json!({"decision": "confirm"})).assert_error(409, "already_decided");
    decide(
        &session,
        &c,
        json!({"decision": "refuse", "clause": "R17.2", "explanation": "x"}),
    )
    .assert_error(409, "already_decided");

    let trail = gpo_admin().get(&format!("/api/v1/staff/audit?office={OFFICE}"));
    assert_eq!(trail.status, 200, "{}", trail.body);
    let mine: Vec<(String, Option<String>)> = trail.json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["actor_id"] == person.id.as_str())
        .filter(|e| e["action"] != "sign_in" && e["action"] != "enrolment")
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["object"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let booking = |code: &str| Some(format!("booking:{code}"));
    assert_eq!(
        mine,
        vec![
            ("request_list".to_owned(), None),
            ("booking_read".to_owned(), booking(&a)),
            ("booking_confirm".to_owned(), booking(&a)),
            ("booking_refuse".to_owned(), booking(&b)),
            ("booking_release".to_owned(), Some(format!("bookings:{c}"))),
            ("booking_reassign".to_owned(), booking(&d)),
            ("agreement_record".to_owned(), booking(&e)),
        ]
    );
    // No personal data in the trail.
    assert!(!trail.body.contains("Серікбаев"));
}

#[test]
fn r3_d_a_request_is_forwarded_only_to_an_office_below_and_the_applicant_sees_the_new_office() {
    let offices = offices();
    let admin = gpo_admin();
    // The Centre of the GPO (R15) and the responsible officer of a region below it (R30).
    let mut centre = admin.create_enrolled("gpo", &["registrar"]);
    let centre = centre.sign_in();
    let (_, regional) = registrar();
    // A request to a deputy of the Prosecutor General.
    let deputy = receptions("gpo", "gpo-deputy-1")
        .into_iter()
        .find(is_open)
        .expect("an open reception of a PG deputy");
    let (code, token) = book(&booking_to_kind(
        deputy["id"].as_str().unwrap(),
        &valid_iin(),
        "prosecutor_general_deputy",
    ));
    // R15 ("Readings", 6): the GPO units' note is due three working days before the end of
    // the request's consideration period, and not before it arrived.
    let studied = centre.get(&format!("/api/v1/staff/bookings/{code}"));
    assert_eq!(studied.status, 200, "{}", studied.body);
    let due = studied.json()["booking"]["due"].clone();
    let (note, decision) = (due["note"].as_str(), due["decision"].as_str());
    assert!(
        note.zip(decision).is_some_and(|(n, d)| n <= d),
        "R15 due dates: {due}"
    );
    let target = json!(late(HEAD_OPEN, 0));
    let forward = |session: &Session, code: &str, body: Value| {
        session.post(&format!("/api/v1/staff/bookings/{code}/forward"), &body)
    };
    // Not below: the office itself; no such office.
    let error = forward(
        &centre,
        &code,
        json!({"office_id": "gpo", "reception_id": target}),
    )
    .assert_error(422, "not_below");
    assert_eq!(error["field"], "office_id");
    let error = forward(
        &centre,
        &code,
        json!({"office_id": "no-such-office", "reception_id": target}),
    )
    .assert_error(404, "not_found");
    assert_eq!(error["field"], "office_id");
    // A reception of another office than the one named.
    let error = forward(
        &centre,
        &code,
        json!({"office_id": offices.region_b, "reception_id": target}),
    )
    .assert_error(422, "unknown_reception");
    assert_eq!(error["field"], "reception_id");

    let reply = forward(
        &centre,
        &code,
        json!({"office_id": OFFICE, "reception_id": target}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let old = reply.json()["booking"].clone();
    assert_eq!(old["status"], "cancelled_by_office");
    let new = old["forwarded_to"]
        .as_str()
        .expect("forwarded_to")
        .to_owned();

    // The applicant: the old booking says where it went; the same token opens the new one,
    // at the new office.
    let seen = applicant_view(&code, &token);
    assert_eq!(seen["forwarded_to"], new.as_str());
    assert!(seen["office_reason"]["ru"]
        .as_str()
        .is_some_and(|r| r.contains("пункт 3")));
    let continued = applicant_view(&new, &token);
    assert_eq!(continued["status"], "requested");
    assert_eq!(continued["reception"]["office_id"], OFFICE);
    assert_eq!(continued["reception"]["id"], target);
    assert_eq!(continued["review"]["clause"], "R30");

    // The office below decides it; the GPO no longer sees it.
    let theirs = regional.get(&format!("/api/v1/staff/bookings/{new}"));
    assert_eq!(theirs.status, 200, "{}", theirs.body);
    assert_eq!(theirs.json()["booking"]["official_kind"], "regional_head");
    centre
        .get(&format!("/api/v1/staff/bookings/{new}"))
        .assert_error(404, "not_found");
    forward(
        &centre,
        &code,
        json!({"office_id": OFFICE, "reception_id": target}),
    )
    .assert_error(409, "already_decided");

    // A sibling and a parent are not below.
    let (mine, _, _) = deputy_request(10);
    for office in [offices.region_b.as_str(), "gpo"] {
        let error = forward(
            &regional,
            &mine,
            json!({"office_id": office, "reception_id": target}),
        )
        .assert_error(422, "not_below");
        assert_eq!(error["field"], "office_id", "{office}");
    }
    // The forward is in the GPO's trail once.
    let trail = admin.get("/api/v1/staff/audit?office=gpo");
    let forwards = trail.json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "booking_forward" && e["object"] == format!("booking:{code}"))
        .count();
    assert_eq!(forwards, 1);
}

#[test]
fn r27_a_request_is_reassigned_to_a_deputy_of_the_same_office_only() {
    let offices = offices();
    let (_, session) = registrar();
    let (code, token) = head_request(1);
    let reassign = |code: &str, reception: &Value| {
        session.post(
            &format!("/api/v1/staff/bookings/{code}/reassign"),
            &json!({"reception_id": reception}),
        )
    };
    // The head again, and another region's deputy.
    let head = json!(late(HEAD_OPEN, 2));
    let error = reassign(&code, &head).assert_error(422, "not_a_deputy");
    assert_eq!(error["field"], "reception_id");
    let other = receptions(&offices.region_b, &format!("{}-deputy", offices.region_b))
        .into_iter()
        .find(is_open)
        .expect("an open reception of another region's deputy");
    reassign(&code, &other["id"]).assert_error(422, "not_a_deputy");
    reassign(&code, &json!("no-such-reception-20261207")).assert_error(422, "unknown_reception");

    let deputy = json!(late(DEPUTY_OPEN, 11));
    let reply = reassign(&code, &deputy);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let old = reply.json()["booking"].clone();
    assert_eq!(old["status"], "cancelled_by_office");
    let new = old["forwarded_to"].as_str().unwrap().to_owned();
    let continued = applicant_view(&new, &token);
    assert_eq!(continued["status"], "requested");
    assert_eq!(continued["reception"]["official_id"], DEPUTY);
    let whole = session.get(&format!("/api/v1/staff/bookings/{new}")).json()["booking"].clone();
    assert_eq!(whole["official_kind"], "regional_deputy");
    // R31 for the deputy too: the new request is decided like any other.
    let reply = decide(&session, &new, json!({"decision": "confirm"}));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reassign(&code, &deputy).assert_error(409, "already_decided");
}
