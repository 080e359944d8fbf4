//! What `POST /api/v1/bookings` answers to a request it cannot take: each wrong field named
//! (so the form can mark it, R39-7), and the protocol errors (key, JSON, size, type, rate).

use api_tests::*;
use serde_json::{json, Value};

/// An error of any code: the one JSON error shape, with this status.
fn assert_error_status(reply: &Reply, status: u16) -> Value {
    assert_eq!(reply.status, status, "{}", reply.body);
    let code = reply.json()["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code: {}", reply.body))
        .to_owned();
    reply.assert_error(status, &code)
}

/// Every wrong field is `422` with the field's path and the Rules' code; nothing is booked.
#[test]
fn each_invalid_field_is_422_naming_the_field() {
    let client = Client::new();
    let id = open_reception(HEAD_OPEN, 10)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = booked(&id);
    let valid = booking_body(&id);
    type Case = (&'static str, Value, &'static str, &'static str);
    let cases: Vec<Case> = vec![
        (
            "a wrong check digit",
            with(valid.clone(), "/applicant/iin", json!("900101300018")),
            "applicant.iin",
            "bad_checksum",
        ),
        (
            "an IIN of eleven digits",
            with(valid.clone(), "/applicant/iin", json!("90010130001")),
            "applicant.iin",
            "wrong_length",
        ),
        (
            "no IIN for a citizen",
            without(valid.clone(), "/applicant/iin"),
            "applicant.iin",
            "required",
        ),
        (
            // R3.c: an application that does not state the substance is returned.
            "a blank substance",
            with(valid.clone(), "/matter/substance", json!("   ")),
            "matter.substance",
            "empty",
        ),
        (
            "a substance of a few words",
            with(valid.clone(), "/matter/substance", json!("Прошу принять")),
            "matter.substance",
            "too_short",
        ),
        (
            "filler for a substance",
            with(
                valid.clone(),
                "/matter/substance",
                json!("ааааааааааааааааааааааааааааааааааааааа"),
            ),
            "matter.substance",
            "not_meaningful",
        ),
        (
            // R27: the competence question is asked of a regional head.
            "the competence question unanswered",
            without(valid.clone(), "/matter/answers/r27_competence"),
            "matter.answers.r27_competence",
            "unanswered",
        ),
        (
            "an answer to no question",
            with(valid.clone(), "/matter/answers/r99_made_up", json!("no")),
            "matter.answers.r99_made_up",
            "unknown_question",
        ),
        (
            "a PG question asked of a regional head",
            with(
                valid.clone(),
                "/matter/answers/r17_1_outside_competence",
                json!("no"),
            ),
            "matter.answers.r17_1_outside_competence",
            "not_applicable",
        ),
        (
            "a phone that is not Kazakhstan's",
            with(valid.clone(), "/applicant/phone", json!("+79161234567")),
            "applicant.phone",
            "not_kazakhstan",
        ),
        (
            "a name with digits",
            with(valid.clone(), "/applicant/surname", json!("R2D2")),
            "applicant.surname",
            "",
        ),
        (
            "a language of no reception",
            with(valid.clone(), "/language", json!("de")),
            "language",
            "unknown",
        ),
        (
            // R7, R39-4: English only through an interpreter.
            "English without an interpreter",
            with(valid.clone(), "/language", json!("en")),
            "interpreter",
            "required_for_english",
        ),
        (
            "a format of no reception",
            with(valid.clone(), "/format", json!("hologram")),
            "format",
            "unknown",
        ),
        (
            // R7: a foreigner identifies by passport, not by IIN.
            "a foreigner with an IIN",
            with(valid.clone(), "/applicant/citizenship", json!("foreigner")),
            "applicant.iin",
            "passport_needed",
        ),
        (
            // R7, R15: a foreigner may give an e-mail instead of a phone, but not nothing.
            "a foreigner with no way to be reached",
            with(
                with(
                    with(
                        with(valid.clone(), "/applicant/citizenship", json!("foreigner")),
                        "/applicant/iin",
                        json!(null),
                    ),
                    "/applicant/passport",
                    json!("N1234567"),
                ),
                "/applicant/phone",
                json!(""),
            ),
            "applicant.phone",
            "contact_required",
        ),
        (
            "an applicant of no kind",
            with(valid.clone(), "/applicant/kind", json!("robot")),
            "applicant.kind",
            "unknown",
        ),
        (
            "a malformed reception id",
            with(valid.clone(), "/reception_id", json!("Not An Id")),
            "reception_id",
            "invalid",
        ),
        (
            "an unknown field",
            with(valid.clone(), "/nickname", json!("Нұрик")),
            "nickname",
            "invalid_field",
        ),
        (
            "an unknown field of the applicant",
            with(valid.clone(), "/applicant/nickname", json!("Нұрик")),
            "applicant.nickname",
            "invalid_field",
        ),
    ];
    for (what, body, field, code) in cases {
        let reply = client.book(&body);
        let error = assert_error_status(&reply, 422);
        assert_eq!(error["field"], field, "{what}: {error}");
        if !code.is_empty() {
            assert_eq!(error["code"], code, "{what}: {error}");
        }
        // The personal data of a refused request is not echoed either.
        let iin = valid["applicant"]["iin"].as_str().unwrap();
        assert!(!reply.body.contains(iin), "{what}: {}", reply.body);
    }
    assert_eq!(booked(&id), before, "no invalid request took a place");
}

#[test]
fn a_missing_or_malformed_idempotency_key_is_400() {
    let client = Client::new();
    let id = open_reception(HEAD_OPEN, 11)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = booking_body(&id).to_string();
    client
        .post_booking(None, &body)
        .assert_error(400, "idempotency_key_required");
    // 16–128 characters of A–Z a–z 0–9 - _ . :
    for key in [
        "short",
        "fifteen-chars-x",
        &"k".repeat(129),
        "has space in it",
        "slash/in/the/key",
    ] {
        let reply = client.post_booking(Some(key), &body);
        assert_eq!(reply.status, 400, "key {key:?}: {}", reply.body);
        assert_error_status(&reply, 400);
    }
    // The limits themselves are fine.
    for key in [
        format!("{:016}", fresh() % 10_000_000_000_000_000),
        "a".repeat(120) + &fresh_key()[..8],
    ] {
        let body = booking_body(&id).to_string();
        let reply = client.post_booking(Some(&key), &body);
        assert_eq!(reply.status, 201, "key {key:?}: {}", reply.body);
    }
}

#[test]
fn a_body_that_is_not_json_is_400_malformed_json() {
    let client = Client::new();
    for body in ["", "{", "not json", "{\"reception_id\": }"] {
        client
            .post_booking(Some(&fresh_key()), body)
            .assert_error(400, "malformed_json");
    }
    // A valid request followed by more text is not one JSON document: nothing is booked.
    let id = open_reception(HEAD_OPEN, 23)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = booked(&id);
    for tail in ["}", "garbage", " {}", "\n{\"reception_id\":\"x\"}"] {
        let body = format!("{}{tail}", booking_body(&id));
        client
            .post_booking(Some(&fresh_key()), &body)
            .assert_error(400, "malformed_json");
    }
    assert_eq!(booked(&id), before);
    // Well-formed JSON that is not a request: a 400 or a 422, never a booking or a 5xx.
    for body in [
        "[1, 2, 3]",
        "\"a string\"",
        "null",
        "{\"reception_id\":\"x\"}",
    ] {
        let reply = client.post_booking(Some(&fresh_key()), body);
        assert!(
            reply.status == 400 || reply.status == 422,
            "{body}: {} {}",
            reply.status,
            reply.body
        );
        assert_error_status(&reply, reply.status);
    }
}

/// At most 16 KiB: a larger body is 413 before anything else is looked at.
#[test]
fn a_body_over_16_kib_is_413() {
    let client = Client::new();
    let id = open_reception(HEAD_OPEN, 12)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = booked(&id);
    // A valid request padded with a long substance (the Rules allow 4000 characters).
    let body = with(
        booking_body(&id),
        "/matter/substance",
        json!("Жер учаскесі туралы шағымым қаралмады. ".repeat(500)),
    )
    .to_string();
    assert!(body.len() > 16 * 1024);
    assert_error_status(&client.post_booking(Some(&fresh_key()), &body), 413);
    // Padding with whitespace is still size.
    let padded = format!("{}{}", booking_body(&id), " ".repeat(17 * 1024));
    assert_error_status(&client.post_booking(Some(&fresh_key()), &padded), 413);
    // Without Content-Length (chunked), the Worker stops reading at the limit.
    let status = post_chunked(&client, &padded);
    assert_eq!(status, 413, "a chunked body over 16 KiB");
    assert_eq!(booked(&id), before);
}

/// `POST /api/v1/bookings` with `Transfer-Encoding: chunked`, written by hand so that no
/// client library adds a Content-Length; the response's status code.
fn post_chunked(client: &Client, body: &str) -> u16 {
    use std::io::{Read, Write};
    let url = base_url();
    let authority = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(authority).expect("connect to the Worker");
    let mut request = format!(
        "POST /api/v1/bookings HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\n\
         Idempotency-Key: {}\r\nCF-Connecting-IP: {}\r\nTransfer-Encoding: chunked\r\n\
         Connection: close\r\n\r\n",
        fresh_key(),
        client.ip
    );
    for chunk in body.as_bytes().chunks(1024) {
        request.push_str(&format!("{:x}\r\n", chunk.len()));
        request.push_str(std::str::from_utf8(chunk).unwrap_or(""));
        request.push_str("\r\n");
    }
    request.push_str("0\r\n\r\n");
    // The server may answer and close before reading everything: a failed write is fine.
    let _ = stream.write_all(request.as_bytes());
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_body_that_is_not_declared_json_is_415() {
    let client = Client::new();
    let id = open_reception(HEAD_OPEN, 24)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = booking_body(&id).to_string();
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        None,
    ] {
        let key = fresh_key();
        let mut headers = vec![("Idempotency-Key", key.as_str())];
        if let Some(c) = content_type {
            headers.push(("Content-Type", c));
        }
        let reply = client.send("POST", "/api/v1/bookings", &headers, Some(&body));
        assert_error_status(&reply, 415);
    }
    // A charset parameter is still JSON.
    let reply = client.send(
        "POST",
        "/api/v1/bookings",
        &[
            ("Idempotency-Key", &fresh_key()),
            ("Content-Type", "application/json; charset=utf-8"),
            ("X-Qabyldau-Challenge", &solved_challenge()),
        ],
        Some(&body),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
}

#[test]
fn bookings_accept_only_post() {
    let reply = Client::new().send("GET", "/api/v1/bookings", &[], None);
    reply.assert_error(405, "method_not_allowed");
    assert!(reply.header("allow").is_some_and(|a| a.contains("POST")));
}

/// More than `BOOKING_REQUESTS_PER_MINUTE` (120) booking requests in a minute from one
/// address (`CF-Connecting-IP`) are `429 rate_limited` with `Retry-After`; another address
/// is not affected.
#[test]
fn more_than_120_requests_a_minute_from_one_address_are_429() {
    let client = Client::new();
    // Requests that would be refused anyway (a bad IIN): nothing is booked.
    let id = open_reception(HEAD_OPEN, 13)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = with(booking_body(&id), "/applicant/iin", json!("900101300018")).to_string();
    let mut first_429 = None;
    // 2 × 120 + 1: even if the requests straddle a minute boundary, one minute gets 121.
    // Without a proof of work (422 challenge_required): the limit counts before it.
    for n in 1..=241 {
        let reply = client.post_booking_with(Some(&fresh_key()), &body, None);
        if reply.status == 429 {
            first_429 = Some((n, reply));
            break;
        }
        assert_eq!(reply.status, 422, "request {n}: {}", reply.body);
    }
    let (n, reply) = first_429.expect("no 429 after 241 requests from one address");
    assert!(n > 120, "limited after only {n} requests");
    reply.assert_error(429, "rate_limited");
    let retry = reply
        .header("retry-after")
        .expect("Retry-After on a 429")
        .trim()
        .parse::<u64>()
        .expect("Retry-After in seconds");
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    // The manage endpoints count too, and the limit is per address.
    let manage = client.manage("GET", "no-such-code", "", Some("x"));
    assert_eq!(manage.status, 429, "{}", manage.body);
    let other = Client::new().post_booking(Some(&fresh_key()), &body);
    assert_eq!(other.status, 422, "another address: {}", other.body);
}
