//! The manage link: `GET /api/v1/bookings/{code}`, `POST …/cancel` and `GET …/booking.ics`
//! answer only to the holder of the manage token, and a wrong token looks exactly like a
//! booking that does not exist.

use api_tests::*;
use icalendar::{Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
use serde_json::Value;

struct Booked {
    client: Client,
    reception: Value,
    code: String,
    token: String,
    iin: String,
}

fn book(schedule: &str, n: usize) -> Booked {
    let client = Client::new();
    let reception = open_reception(schedule, n);
    let iin = valid_iin();
    let answer = client.book_ok(&booking_for(reception["id"].as_str().unwrap(), &iin));
    Booked {
        client,
        reception,
        code: answer["booking"]["code"].as_str().unwrap().to_owned(),
        token: answer["manage_token"].as_str().unwrap().to_owned(),
        iin,
    }
}

#[test]
fn the_token_holder_sees_the_booking() {
    let b = book(HEAD_OPEN, 14);
    let reply = b.client.manage("GET", &b.code, "", Some(&b.token));
    assert_eq!(reply.status, 200, "{}", reply.body);
    let body = reply.json();
    let booking = &body["booking"];
    assert_eq!(booking["code"], b.code.as_str());
    assert_eq!(booking["status"], "requested");
    assert_eq!(booking["review"]["clause"], "R30");
    assert_eq!(booking["reception"]["id"], b.reception["id"]);
    assert_eq!(booking["reception"]["start"], b.reception["start"]);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    // The token is shown once, at booking; it is not handed out again.
    assert!(!reply.body.contains(&b.token), "{}", reply.body);
    assert!(!reply.body.contains(&b.iin), "{}", reply.body);
}

/// Without the token, with a wrong one, or for a code that does not exist: the same 404,
/// so nobody can learn which codes exist.
#[test]
fn without_the_right_token_a_booking_does_not_exist() {
    let b = book(HEAD_OPEN, 15);
    let other = book(HEAD_OPEN, 16);
    let mut flipped = b.token.clone();
    let last = flipped.pop().unwrap();
    flipped.push(if last == 'A' { 'B' } else { 'A' });
    let unknown_code = format!("{}x", b.code);
    let cases: Vec<(&str, &str, Option<&str>)> = vec![
        ("no token", &b.code, None),
        ("an empty token", &b.code, Some("")),
        ("a token one character off", &b.code, Some(&flipped)),
        ("another booking's token", &b.code, Some(&other.token)),
        ("an unknown code", &unknown_code, Some(&b.token)),
        ("an unknown code, no token", "ZZZZZZZZ", None),
    ];
    for suffix in ["", "/booking.ics"] {
        let mut bodies = Vec::new();
        for (what, code, token) in &cases {
            let reply = b.client.manage("GET", code, suffix, *token);
            let error = reply.assert_error(404, "not_found");
            bodies.push((what, error));
        }
        let first = &bodies[0].1;
        for (what, error) in &bodies {
            assert_eq!(error, first, "{suffix}: {what} differs from no token");
        }
    }
    // Not in the Bearer scheme, or the token in the query string: still nothing.
    for header in [b.token.clone(), format!("Basic {}", b.token)] {
        let reply = b.client.send(
            "GET",
            &format!("/api/v1/bookings/{}", b.code),
            &[("Authorization", header.as_str())],
            None,
        );
        reply.assert_error(404, "not_found");
    }
    let reply = b.client.send(
        "GET",
        &format!("/api/v1/bookings/{}?token={}", b.code, b.token),
        &[],
        None,
    );
    assert_eq!(reply.status, 404, "{}", reply.body);
    // A cancel without the right token changes nothing.
    let id = b.reception["id"].as_str().unwrap();
    let before = booked(id);
    b.client
        .manage("POST", &b.code, "/cancel", Some(&other.token))
        .assert_error(404, "not_found");
    b.client
        .manage("POST", &b.code, "/cancel", None)
        .assert_error(404, "not_found");
    assert_eq!(booked(id), before);
    let still = b.client.manage("GET", &b.code, "", Some(&b.token));
    assert_eq!(still.json()["booking"]["status"], "requested");
}

#[test]
fn cancelling_frees_the_place() {
    let b = book(HEAD_OPEN, 17);
    let id = b.reception["id"].as_str().unwrap();
    let before = booked(id);
    let reply = b.client.manage("POST", &b.code, "/cancel", Some(&b.token));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(
        reply.json()["booking"]["status"],
        "cancelled",
        "{}",
        reply.body
    );
    assert_eq!(booked(id), before - 1, "the place is free again");
    let seen = b.client.manage("GET", &b.code, "", Some(&b.token));
    assert_eq!(seen.status, 200, "{}", seen.body);
    assert_eq!(seen.json()["booking"]["status"], "cancelled");
    // Cancelling again frees nothing more.
    let again = b.client.manage("POST", &b.code, "/cancel", Some(&b.token));
    assert!(
        again.status == 200 || again.status == 409,
        "a second cancel: {} {}",
        again.status,
        again.body
    );
    assert_eq!(booked(id), before - 1);
    // The person holds no active booking with the official any more: they may book again.
    b.client.book_ok(&booking_for(id, &b.iin));
    assert_eq!(booked(id), before);
}

#[test]
fn the_booking_is_a_calendar_event_at_the_reception_start() {
    let b = book(HEAD_OPEN, 18);
    let reply = b
        .client
        .manage("GET", &b.code, "/booking.ics", Some(&b.token));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(
        reply
            .header("content-type")
            .is_some_and(|c| c.starts_with("text/calendar")),
        "{:?}",
        reply.header("content-type")
    );
    let calendar: Calendar = reply.body.parse().expect("a valid iCalendar document");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 1, "{}", reply.body);
    let start = b.reception["start"].as_str().unwrap();
    let want = chrono::DateTime::parse_from_rfc3339(start).expect("an RFC 3339 start");
    let got = events[0].get_start().expect("DTSTART");
    let same = match got {
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(t)) => t == want,
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            tzid.contains("Almaty") && date_time == want.naive_local()
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(t)) => t == want.naive_local(),
        DatePerhapsTime::Date(_) => false,
    };
    assert!(same, "DTSTART of {start}: {}", reply.body);
    assert!(events[0].get_end().is_some(), "DTEND");
    assert!(!reply.body.contains(&b.token));
    assert!(!reply.body.contains(&b.iin));
}

#[test]
fn manage_paths_take_only_their_methods() {
    let b = book(HEAD_OPEN, 19);
    for (method, suffix, allowed) in [
        ("DELETE", "", "GET"),
        ("PUT", "", "GET"),
        ("GET", "/cancel", "POST"),
        ("POST", "/booking.ics", "GET"),
    ] {
        let reply = b.client.manage(method, &b.code, suffix, Some(&b.token));
        reply.assert_error(405, "method_not_allowed");
        assert!(
            reply.header("allow").is_some_and(|a| a.contains(allowed)),
            "{method} {suffix}: {:?}",
            reply.header("allow")
        );
    }
}
