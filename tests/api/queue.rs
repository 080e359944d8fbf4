//! The electronic queue against the running Worker (R4, R8, R9, R39-2, R39-3, R39-5). Each
//! test names its own instant with the test server's clock header, so it runs at any real
//! time and on a day of its own (the queue is per office and day).

use api_tests::staff_client::{gpo_admin, receiver, Session, RECEIVER_OFFICE};
use api_tests::{solved_challenge, Client, Reply};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const CLOCK: &str = "X-Qabyldau-Test-Clock";

/// A ticket with its proof of work solved, as the phone and the kiosk take it.
fn take(client: &Client, office: &str, at: &str, body: &Value) -> Reply {
    take_with(client, office, at, body, Some(&solved_challenge()))
}

fn take_with(
    client: &Client,
    office: &str,
    at: &str,
    body: &Value,
    challenge: Option<&str>,
) -> Reply {
    let mut headers = vec![("Content-Type", "application/json"), (CLOCK, at)];
    if let Some(challenge) = challenge {
        headers.push((api::challenge::HEADER, challenge));
    }
    client.send(
        "POST",
        &format!("/api/v1/queue/{office}/tickets"),
        &headers,
        Some(&body.to_string()),
    )
}

fn take_ok(client: &Client, office: &str, at: &str, body: &Value) -> Value {
    let reply = take(client, office, at, body);
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()
}

fn state(client: &Client, office: &str, at: &str) -> Value {
    let reply = client.send(
        "GET",
        &format!("/api/v1/queue/{office}"),
        &[(CLOCK, at)],
        None,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

fn staff(session: &Session, method: &str, path: &str, body: Option<&Value>, at: &str) -> Reply {
    session.send_with(method, path, body, &[(CLOCK, at.to_owned())])
}

fn call_next(at: &str) -> Reply {
    staff(
        receiver(),
        "POST",
        &format!("/api/v1/staff/queue/{RECEIVER_OFFICE}/next"),
        Some(&json!({"room": "3"})),
        at,
    )
}

fn act(number: u64, action: &str, body: Option<&Value>, at: &str) -> Reply {
    staff(
        receiver(),
        "POST",
        &format!("/api/v1/staff/queue/{RECEIVER_OFFICE}/tickets/{number}/{action}"),
        body,
        at,
    )
}

/// Calls and finishes everyone still waiting that day (a re-run against the same data).
fn drain(at: &str) {
    loop {
        let reply = call_next(at);
        if reply.status == 409 {
            reply.assert_error(409, "queue_empty");
            return;
        }
        assert_eq!(reply.status, 200, "{}", reply.body);
        let number = reply.json()["ticket"]["number"].as_u64().unwrap();
        assert_eq!(act(number, "finish", None, at).status, 200);
    }
}

/// The acceptance: 100 concurrent ticket requests at one office give numbers 1…100 (after
/// those taken before on the day, none on a fresh server) exactly once each.
#[test]
fn r39_3_one_hundred_concurrent_tickets_are_numbered_without_gaps() {
    let at = "2027-03-02T10:00:00+05:00";
    let before = staff(
        receiver(),
        "GET",
        &format!("/api/v1/staff/queue/{RECEIVER_OFFICE}"),
        None,
        at,
    );
    assert_eq!(before.status, 200, "{}", before.body);
    let k = before.json()["tickets"].as_array().unwrap().len() as u64;
    let numbers: Vec<u64> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..100)
            .map(|i| {
                s.spawn(move || {
                    let client = Client::new();
                    let body = json!({"language": if i % 2 == 0 { "kk" } else { "ru" },
                                      "out_of_town": i % 7 == 0, "priority_claim": null});
                    take_ok(&client, RECEIVER_OFFICE, at, &body)["ticket"]["number"]
                        .as_u64()
                        .expect("a number")
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let unique: BTreeSet<u64> = numbers.iter().copied().collect();
    assert_eq!(unique.len(), 100, "a number given twice: {numbers:?}");
    assert_eq!(unique, (k + 1..=k + 100).collect::<BTreeSet<u64>>());
}

/// A ticket's answer and its page: the shape of the contract, the token, no personal data.
#[test]
fn r39_3_a_ticket_and_its_page() {
    let office = "ulytau-region-zhanaarka";
    let at = "2027-03-03T09:00:00+05:00";
    let client = Client::new();
    let taken = take_ok(&client, office, at, &json!({"language": "kk"}));
    let ticket = &taken["ticket"];
    assert_eq!(ticket["status"], "waiting");
    assert!(ticket["issued_at"]
        .as_str()
        .unwrap()
        .starts_with("2027-03-03T09:00:00"));
    let token = taken["ticket_token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 43);
    let number = ticket["number"].as_u64().unwrap();
    let second = take_ok(
        &client,
        office,
        at,
        &json!({"language": "ru", "out_of_town": true}),
    );
    assert_eq!(second["ticket"]["number"].as_u64(), Some(number + 1));
    assert_eq!(
        second["ticket"]["ahead"].as_u64(),
        Some(ticket["ahead"].as_u64().unwrap() + 1)
    );

    let page = |number: u64, token: Option<&str>| {
        let bearer = token.map(|t| format!("Bearer {t}"));
        let mut headers = vec![(CLOCK, at)];
        if let Some(b) = bearer.as_deref() {
            headers.push(("Authorization", b));
        }
        client.send(
            "GET",
            &format!("/api/v1/queue/{office}/tickets/{number}"),
            &headers,
            None,
        )
    };
    let seen = page(number, Some(&token));
    assert_eq!(seen.status, 200, "{}", seen.body);
    assert_eq!(seen.header("cache-control"), Some("no-store"));
    let seen = seen.json();
    assert_eq!(seen["ticket"]["number"].as_u64(), Some(number));
    assert_eq!(seen["room"], Value::Null);
    page(number, None).assert_error(404, "not_found");
    page(number + 1, Some(&token)).assert_error(404, "not_found");
    page(number, Some("x")).assert_error(404, "not_found");

    let board = state(&client, office, at);
    assert_eq!(board["open"], true);
    assert!(board["waiting"].as_u64().unwrap() >= 2);
    let categories = board["priority_categories"].as_array().unwrap();
    assert_eq!(categories.len(), 6);
    for c in categories {
        for lang in ["kk", "ru", "en"] {
            assert!(
                c["name"][lang].as_str().is_some_and(|n| !n.is_empty()),
                "{c}"
            );
        }
    }
    // No personal data exists to leak: the public bodies have exactly these fields.
    let keys = |v: &Value| -> BTreeSet<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(
        keys(&board),
        [
            "office_id",
            "open",
            "serving",
            "waiting",
            "priority_categories"
        ]
        .map(String::from)
        .into()
    );
    assert_eq!(
        keys(ticket),
        ["number", "issued_at", "ahead", "status"]
            .map(String::from)
            .into()
    );
}

/// R4, R37, R39-2: no ticket at 18:31, nor on 16 December (Independence Day), nor on a
/// Saturday; the board says it is closed.
#[test]
fn r4_r39_2_queue_closed_out_of_hours_and_on_holidays() {
    let client = Client::new();
    for at in [
        "2026-12-14T18:31:00+05:00",
        "2026-12-14T18:30:00+05:00",
        "2026-12-14T08:59:00+05:00",
        "2026-12-16T10:00:00+05:00",
        "2026-12-12T10:00:00+05:00",
    ] {
        let reply = take(&client, RECEIVER_OFFICE, at, &json!({"language": "kk"}));
        let error = reply.assert_error(409, "queue_closed");
        assert_eq!(error["clause"], "R4", "{at}");
        assert_eq!(state(&client, RECEIVER_OFFICE, at)["open"], false, "{at}");
    }
    assert_eq!(
        state(&client, RECEIVER_OFFICE, "2026-12-14T18:29:00+05:00")["open"],
        true
    );
}

/// A ticket costs a proof of work as a booking does (no client fills a day's queue): none, or
/// one used already, is `422` naming the header, and nothing is issued.
#[test]
fn r39_3_a_ticket_without_its_proof_of_work_is_refused() {
    let client = Client::new();
    let at = "2027-03-04T11:00:00+05:00";
    let office = "ulytau-region-ulytau";
    let body = json!({"language": "kk"});
    let before = state(&client, office, at)["waiting"].as_u64().unwrap();
    let error = take_with(&client, office, at, &body, None).assert_error(422, "challenge_required");
    assert_eq!(error["field"], api::challenge::HEADER);
    let proof = solved_challenge();
    let first = take_with(&client, office, at, &body, Some(&proof));
    assert_eq!(first.status, 201, "{}", first.body);
    let again = take_with(&client, office, at, &body, Some(&proof));
    assert_eq!(
        again.assert_error(422, "challenge_invalid")["field"],
        api::challenge::HEADER
    );
    assert_eq!(
        state(&client, office, at)["waiting"].as_u64().unwrap(),
        before + 1,
        "one ticket issued"
    );
}

/// R9, R39-4: an unknown category is refused naming `priority_claim`, English naming
/// `language`; an unknown office is `404`.
#[test]
fn r9_r39_4_a_ticket_request_names_its_wrong_field() {
    let client = Client::new();
    let at = "2027-03-03T11:00:00+05:00";
    let office = "ulytau-region-ulytau";
    for (body, field) in [
        (
            json!({"language": "kk", "priority_claim": "veteran"}),
            "priority_claim",
        ),
        (json!({"language": "en"}), "language"),
        (
            json!({"language": "kk", "out_of_town": "yes"}),
            "out_of_town",
        ),
        (json!({"language": "kk", "iin": "900101300017"}), "iin"),
        (json!({}), "language"),
    ] {
        let error = take(&client, office, at, &body).assert_error(422, "invalid_field");
        assert_eq!(error["field"], field, "{body}");
    }
    take(&client, "no-such-office", at, &json!({"language": "kk"})).assert_error(404, "not_found");
}

/// The acceptance's calling order: 1 plain, 2 an unverified claim, 3 a verified priority,
/// 4 plain and out of town (R8) are called 3, 1, 2, 4; verifying 2 before 1 is called puts 2
/// right after 3. Each call is on the board with its room.
#[test]
fn r9_r8_calling_order_3_1_2_4() {
    for (day, verify_2_early, expected) in [
        ("2027-03-04", false, [3, 1, 2, 4]),
        ("2027-03-05", true, [3, 2, 1, 4]),
    ] {
        let at = format!("{day}T10:00:00+05:00");
        let at = at.as_str();
        drain(at);
        let client = Client::new();
        let bodies = [
            json!({"language": "kk"}),
            json!({"language": "ru", "priority_claim": "disability"}),
            json!({"language": "kk", "priority_claim": "pregnancy"}),
            json!({"language": "kk", "out_of_town": true}),
        ];
        let numbers: Vec<u64> = bodies
            .iter()
            .map(|b| {
                take_ok(&client, RECEIVER_OFFICE, at, b)["ticket"]["number"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        let label = |n: u64| numbers.iter().position(|m| *m == n).unwrap() + 1;
        // 3's document is shown.
        let verified = act(numbers[2], "priority", Some(&json!({"verified": true})), at);
        assert_eq!(verified.status, 200, "{}", verified.body);
        assert_eq!(verified.json()["ticket"]["priority"]["verified"], true);
        let list = staff(
            receiver(),
            "GET",
            &format!("/api/v1/staff/queue/{RECEIVER_OFFICE}"),
            None,
            at,
        )
        .json();
        assert_eq!(list["awaiting_verification"], json!([numbers[1]]));
        let mut called = Vec::new();
        for i in 0..4 {
            if verify_2_early && i == 1 {
                assert_eq!(
                    act(numbers[1], "priority", Some(&json!({"verified": true})), at).status,
                    200
                );
            }
            let reply = call_next(at);
            assert_eq!(reply.status, 200, "{}", reply.body);
            let body = reply.json();
            let number = body["ticket"]["number"].as_u64().unwrap();
            assert_eq!(body["ticket"]["status"], "called");
            assert_eq!(body["ticket"]["room"], "3");
            let board = state(&client, RECEIVER_OFFICE, at);
            assert_eq!(
                board["serving"][0]["number"].as_u64(),
                Some(number),
                "{board}"
            );
            assert_eq!(board["serving"][0]["room"], "3");
            assert_eq!(act(number, "finish", None, at).status, 200);
            called.push(label(number));
        }
        assert_eq!(called, expected, "{day}");
        call_next(at).assert_error(409, "queue_empty");
    }
}

/// A called ticket is called again, then marked absent; a finished one can be neither; a
/// claim is no longer verified once the ticket is called; a rejected claim is removed.
#[test]
fn r39_3_recall_absent_finish_and_rejected_claims() {
    let at = "2027-03-09T10:00:00+05:00";
    drain(at);
    let client = Client::new();
    let first = take_ok(
        &client,
        RECEIVER_OFFICE,
        at,
        &json!({"language": "kk", "priority_claim": "enbek_eri"}),
    );
    let n = first["ticket"]["number"].as_u64().unwrap();
    let token = first["ticket_token"].as_str().unwrap().to_owned();
    let rejected = act(n, "priority", Some(&json!({"verified": false})), at);
    assert_eq!(rejected.status, 200, "{}", rejected.body);
    assert_eq!(rejected.json()["ticket"]["priority"], Value::Null);
    act(n, "priority", Some(&json!({"verified": true})), at).assert_error(409, "no_priority_claim");
    act(n, "recall", None, at).assert_error(409, "not_called");
    assert_eq!(call_next(at).json()["ticket"]["number"].as_u64(), Some(n));
    // The person's page shows the room while called.
    let page = client.send(
        "GET",
        &format!("/api/v1/queue/{RECEIVER_OFFICE}/tickets/{n}"),
        &[(CLOCK, at), ("Authorization", &format!("Bearer {token}"))],
        None,
    );
    assert_eq!(page.json()["room"], "3");
    assert_eq!(page.json()["ticket"]["status"], "called");
    let again = act(n, "recall", None, at);
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.json()["ticket"]["calls"], 2);
    let absent = act(n, "absent", None, at);
    assert_eq!(absent.json()["ticket"]["status"], "absent");
    act(n, "finish", None, at).assert_error(409, "not_called");
    act(n, "priority", Some(&json!({"verified": true})), at).assert_error(409, "not_waiting");
    act(999_999, "finish", None, at).assert_error(404, "not_found");
    assert!(state(&client, RECEIVER_OFFICE, at)["serving"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["number"].as_u64() != Some(n)));
}

/// Scope (R39-5): another office's queue is `404` as if it did not exist; a registrar is
/// `403`; without a session `401`; without the console header `403 csrf`.
#[test]
fn r39_5_the_queue_is_the_receivers_own_office_only() {
    let at = "2027-03-10T10:00:00+05:00";
    let other = "ulytau-region-zhezkazgan-city";
    take_ok(&Client::new(), other, at, &json!({"language": "kk"}));
    for (method, path, body) in [
        ("GET", format!("/api/v1/staff/queue/{other}"), None),
        (
            "POST",
            format!("/api/v1/staff/queue/{other}/next"),
            Some(json!({"room": "1"})),
        ),
        (
            "POST",
            format!("/api/v1/staff/queue/{other}/tickets/1/recall"),
            None,
        ),
        (
            "POST",
            format!("/api/v1/staff/queue/{other}/tickets/1/absent"),
            None,
        ),
        (
            "POST",
            format!("/api/v1/staff/queue/{other}/tickets/1/finish"),
            None,
        ),
        (
            "POST",
            format!("/api/v1/staff/queue/{other}/tickets/1/priority"),
            Some(json!({"verified": true})),
        ),
    ] {
        let reply = staff(receiver(), method, &path, body.as_ref(), at);
        let error = reply.assert_error(404, "not_found");
        assert_eq!(error["field"], "office_id", "{method} {path}");
        // Exactly as an office that does not exist.
        let missing = path.replace(other, "no-such-office");
        let nothing = staff(receiver(), method, &missing, body.as_ref(), at);
        assert_eq!(nothing.body, reply.body, "{method} {path}");
    }
    // The GPO admin reaches the offices below, but is no receiver.
    staff(
        gpo_admin(),
        "POST",
        &format!("/api/v1/staff/queue/{RECEIVER_OFFICE}/next"),
        Some(&json!({"room": "1"})),
        at,
    )
    .assert_error(403, "forbidden");
    Client::new()
        .send(
            "GET",
            &format!("/api/v1/staff/queue/{RECEIVER_OFFICE}"),
            &[],
            None,
        )
        .assert_error(401, "unauthenticated");
    staff(
        receiver(),
        "POST",
        &format!("/api/v1/staff/queue/{RECEIVER_OFFICE}/next"),
        Some(&json!({"room": ""})),
        at,
    )
    .assert_error(422, "invalid");
}

/// R39-5: every call and verification is in the audit trail, by ticket, with the receiver.
#[test]
fn r39_5_queue_actions_are_audited() {
    let at = "2027-03-11T10:00:00+05:00";
    drain(at);
    let taken = take_ok(
        &Client::new(),
        RECEIVER_OFFICE,
        at,
        &json!({"language": "ru", "priority_claim": "disability"}),
    );
    let n = taken["ticket"]["number"].as_u64().unwrap();
    assert_eq!(
        act(n, "priority", Some(&json!({"verified": true})), at).status,
        200
    );
    assert_eq!(call_next(at).json()["ticket"]["number"].as_u64(), Some(n));
    assert_eq!(act(n, "finish", None, at).status, 200);
    let audit = gpo_admin().get(&format!("/api/v1/staff/audit?office={RECEIVER_OFFICE}"));
    assert_eq!(audit.status, 200, "{}", audit.body);
    let object = format!("queue:{RECEIVER_OFFICE}:2027-03-11:{n}");
    let receiver_id = receiver().staff_id();
    let actions: Vec<String> = audit.json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["object"] == object.as_str() && e["actor_id"] == receiver_id.as_str())
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        actions,
        ["queue_priority_verify", "queue_call", "queue_finish"]
    );
}

/// Sends `GET path` from `client` on 4 threads until the service answers `429` (at most
/// 1201 requests: the limiter's windows are minutes of the wall clock, so 1201 requests
/// sent within a minute put at least 601 into one window); the refusal.
fn poll_until_refused(client: &Client, path: &str, at: &str) -> Reply {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let sent = AtomicUsize::new(0);
    let refused = AtomicBool::new(false);
    let refusal = std::sync::Mutex::new(None);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                while !refused.load(Ordering::SeqCst) && sent.fetch_add(1, Ordering::SeqCst) < 1201
                {
                    let reply = client.send("GET", path, &[(CLOCK, at)], None);
                    match reply.status {
                        200 => {}
                        429 => {
                            refused.store(true, Ordering::SeqCst);
                            *refusal.lock().unwrap() = Some(reply);
                        }
                        other => panic!("{other}: {}", reply.body),
                    }
                }
            });
        }
    });
    refusal
        .into_inner()
        .unwrap()
        .expect("no 429 after 1201 polls from one address")
}

/// R39-3: the queue's public endpoints have their own limiter per client address (600
/// requests a minute): past it a client gets `429 rate_limited` with `Retry-After`, while
/// another address is served.
#[test]
fn r39_3_the_queues_polls_are_limited_per_address() {
    let office = "ulytau-region-zhanaarka";
    let at = "2027-03-04T10:00:00+05:00";
    // An address outside the pool `Client::new` draws from, so that no other test shares
    // the minute it uses up (IPv6 documentation range, counted by its /64).
    let flooding = Client {
        ip: "2001:db8:3903::1".to_owned(),
    };
    let reply = poll_until_refused(&flooding, &format!("/api/v1/queue/{office}"), at);
    reply.assert_error(429, "rate_limited");
    let retry: u64 = reply
        .header("Retry-After")
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    // Another address (another phone in the hall, on another network) is served.
    let other = Client::new();
    assert_ne!(other.ip, flooding.ip);
    assert_eq!(state(&other, office, at)["open"], true);
}

/// R39-3: taking a ticket has its own budget per address: when a board's or the phones'
/// polls from one network have spent theirs, a person on that network still takes a
/// ticket (and the polls are still refused).
#[test]
fn r39_3_polls_never_starve_taking_a_ticket() {
    let office = "ulytau-region-ulytau";
    let at = "2027-03-05T10:00:00+05:00";
    let hall = Client {
        ip: "2001:db8:3904::1".to_owned(),
    };
    let path = format!("/api/v1/queue/{office}");
    poll_until_refused(&hall, &path, at).assert_error(429, "rate_limited");
    let taken = take_ok(&hall, office, at, &json!({"language": "kk"}));
    assert!(
        taken["ticket"]["number"].as_u64().is_some_and(|n| n >= 1),
        "{taken}"
    );
    assert!(taken["ticket_token"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    hall.send("GET", &path, &[(CLOCK, at)], None)
        .assert_error(429, "rate_limited");
}
