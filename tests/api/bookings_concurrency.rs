//! Acceptance: no reception is ever over-booked, and a retried request is one booking, when
//! the requests arrive at the same moment.

use api_tests::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Barrier;

/// Sends every request on its own thread, all released at once; the answers in order.
fn all_at_once(requests: Vec<(Client, String, String)>) -> Vec<Reply> {
    let barrier = Barrier::new(requests.len());
    std::thread::scope(|scope| {
        let handles: Vec<_> = requests
            .iter()
            .map(|(client, key, body)| {
                let barrier = &barrier;
                scope.spawn(move || {
                    barrier.wait();
                    client.post_booking(Some(key), body)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a request thread"))
            .collect()
    })
}

/// 50 people (distinct IINs) ask at the same moment for a reception with 5 places: exactly
/// 5 are booked, 45 are told it is full, and the reception shows 5 booked.
#[test]
fn fifty_simultaneous_requests_for_five_places_book_exactly_five() {
    let reception = unbooked_open_reception(HEAD_CAP5);
    let id = reception["id"].as_str().unwrap();
    assert_eq!(reception["capacity"], 5, "{reception}");
    // Fifty people, each from an address of their own: one address may book a reception only
    // a few times (`BOOKINGS_PER_ADDRESS_PER_RECEPTION`), and three winners sharing one
    // would see a 429 that says nothing about the places.
    let requests: Vec<(Client, String, String)> = (0..50)
        .map(|_| (Client::new(), fresh_key(), booking_body(id).to_string()))
        .collect();
    let replies = all_at_once(requests);
    let mut by_outcome: BTreeMap<String, usize> = BTreeMap::new();
    let mut codes = Vec::new();
    for reply in &replies {
        let outcome = match reply.status {
            201 => {
                codes.push(reply.json()["booking"]["code"].as_str().unwrap().to_owned());
                "201".to_owned()
            }
            status => {
                let code = reply.json()["error"]["code"]
                    .as_str()
                    .unwrap_or("?")
                    .to_owned();
                format!("{status} {code}")
            }
        };
        *by_outcome.entry(outcome).or_default() += 1;
    }
    let want: BTreeMap<String, usize> =
        [("201".to_owned(), 5), ("409 reception_full".to_owned(), 45)].into();
    assert_eq!(by_outcome, want, "outcomes of 50 simultaneous requests");
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 5, "five different bookings");
    assert_eq!(booked(id), 5, "the reception shows its five places taken");
}

/// One request sent 10 times at once with the same key (a client retrying over a bad
/// connection): one booking, and every answer is that booking, token included.
#[test]
fn ten_simultaneous_replays_of_one_request_are_one_booking() {
    let reception = open_reception(HEAD_OPEN, 20);
    let id = reception["id"].as_str().unwrap();
    let before = booked(id);
    let client = Client::new();
    let key = fresh_key();
    let body = booking_body(id).to_string();
    let requests = (0..10)
        .map(|_| {
            (
                Client {
                    ip: client.ip.clone(),
                },
                key.clone(),
                body.clone(),
            )
        })
        .collect();
    let replies = all_at_once(requests);
    let statuses: Vec<u16> = replies.iter().map(|r| r.status).collect();
    assert!(
        statuses.iter().all(|&s| s == 201),
        "every replay answers 201: {statuses:?}; {:?}",
        replies
            .iter()
            .filter(|r| r.status != 201)
            .map(|r| r.body.as_str())
            .collect::<Vec<_>>()
    );
    let answers: Vec<Value> = replies.iter().map(Reply::json).collect();
    for answer in &answers {
        assert_eq!(answer, &answers[0], "the same booking and token");
    }
    assert!(answers[0]["manage_token"].is_string());
    assert_eq!(booked(id), before + 1, "one place taken");
}
