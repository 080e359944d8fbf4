//! Acceptance: no one client can fill a reception. A booking costs a proof of work that is
//! used once; successful bookings from one address are limited per day and per reception
//! (IPv6 by /64 and /48); a reception beyond the published weeks cannot be taken; free text
//! with control or bidirectional characters is refused, naming the field (R3.c, R10, R3.b).

use api::challenge::{hash, Solution};
use api_tests::*;
use serde_json::{json, Value};

const HEADER: &str = "X-Qabyldau-Challenge";

fn an_open_reception(n: usize) -> String {
    open_reception(HEAD_OPEN, n)["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// An address of this run's own, outside the ranges `Client::new` hands out: nothing else
/// books from it.
fn own_ipv4() -> Client {
    let n = fresh();
    Client {
        ip: format!(
            "100.{}.{}.{}",
            64 + n % 64,
            (n >> 8) % 256,
            (n >> 16) % 254 + 1
        ),
    }
}

#[test]
fn the_challenge_is_altchas_json_signed_and_expiring() {
    let reply = get("/api/v1/challenge");
    assert_eq!(reply.status, 200, "{}", reply.body);
    let body = reply.json();
    assert_eq!(body["algorithm"], "SHA-256");
    let hex64 = |v: &Value| {
        v.as_str()
            .is_some_and(|s| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    assert!(
        hex64(&body["challenge"]) && hex64(&body["signature"]),
        "{body}"
    );
    assert!(
        body["maxnumber"].as_u64().is_some_and(|n| n >= 1000),
        "{body}"
    );
    let challenge: api::challenge::Challenge = serde_json::from_value(body).unwrap();
    let expires = Solution::of(&challenge, 0)
        .expires()
        .expect("the salt carries ?expires=");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(
        (now + 60..=now + 3600).contains(&expires),
        "expires {expires}, now {now}"
    );
    // Every challenge is another.
    assert_ne!(challenge.challenge, api_tests::challenge().challenge);
}

#[test]
fn a_booking_without_a_proof_of_work_is_422_challenge_required() {
    let client = Client::new();
    let body = booking_body(&an_open_reception(3)).to_string();
    for value in [None, Some(""), Some("   ")] {
        let reply = client.post_booking_with(Some(&fresh_key()), &body, value);
        let error = reply.assert_error(422, "challenge_required");
        assert_eq!(error["field"], HEADER, "{value:?}");
    }
}

#[test]
fn a_wrong_or_forged_proof_of_work_is_422_challenge_invalid() {
    let client = Client::new();
    let body = booking_body(&an_open_reception(4)).to_string();
    let challenge = api_tests::challenge();
    let number = api::challenge::solve(&challenge).unwrap();
    let right = Solution::of(&challenge, number);
    // A number of the client's own choosing, with a challenge to match and the signature of
    // another: only the Worker can sign.
    let self_made = Solution {
        challenge: hash(&challenge.salt, 0),
        number: 0,
        ..right.clone()
    };
    // A longer life written into the salt.
    let stretched = Solution {
        salt: challenge.salt.replace("expires=", "expires=9"),
        ..right.clone()
    };
    let cases: Vec<(&str, String)> = vec![
        ("not base64", "%%%".into()),
        ("base64 of no JSON", "aGVsbG8=".into()),
        ("an empty object", "e30=".into()),
        (
            "the wrong number",
            Solution {
                number: number + 1,
                ..right.clone()
            }
            .to_header(),
        ),
        ("self-made", self_made.to_header()),
        ("stretched", stretched.to_header()),
    ];
    for (what, value) in cases {
        let reply = client.post_booking_with(Some(&fresh_key()), &body, Some(&value));
        let error = reply.assert_error(422, "challenge_invalid");
        assert_eq!(error["field"], HEADER, "{what}");
    }
    // None of these spent the challenge: solved right, it books.
    let reply = client.post_booking_with(Some(&fresh_key()), &body, Some(&right.to_header()));
    assert_eq!(reply.status, 201, "{}", reply.body);
}

#[test]
fn a_proof_of_work_is_good_for_one_booking_only() {
    let client = Client::new();
    let proof = solved_challenge();
    let first_key = fresh_key();
    let first = booking_body(&an_open_reception(5)).to_string();
    let reply = client.post_booking_with(Some(&first_key), &first, Some(&proof));
    assert_eq!(reply.status, 201, "{}", reply.body);
    let code = reply.json()["booking"]["code"].clone();
    // Another booking with the same solution: refused.
    let second = booking_body(&an_open_reception(5)).to_string();
    let reply = client.post_booking_with(Some(&fresh_key()), &second, Some(&proof));
    let error = reply.assert_error(422, "challenge_invalid");
    assert_eq!(error["field"], HEADER);
    // A replay of the first request (a retry over a bad connection) makes nothing new: it
    // is answered with the same booking, with or without a proof.
    for proof in [Some(proof.as_str()), None] {
        let reply = client.post_booking_with(Some(&first_key), &first, proof);
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(reply.json()["booking"]["code"], code);
    }
}

/// Books `n` times (fresh IINs) from `client`, expecting `201` each time.
fn book_times(client: &Client, reception: &str, n: usize) {
    for i in 0..n {
        let reply = client.book(&booking_body(reception));
        assert_eq!(
            reply.status,
            201,
            "booking {} of {n} from {}: {}",
            i + 1,
            client.ip,
            reply.body
        );
    }
}

fn assert_limited(reply: &Reply) -> u64 {
    reply.assert_error(429, "rate_limited");
    let retry = reply
        .header("retry-after")
        .expect("Retry-After on a 429")
        .trim()
        .parse::<u64>()
        .expect("Retry-After in seconds");
    assert!(retry >= 1, "Retry-After {retry}");
    retry
}

/// `BOOKINGS_PER_ADDRESS_PER_RECEPTION` (3) successful bookings of one reception from one
/// address; the next is `429` with `Retry-After` while another address still books it. A
/// refused request (here a wrong IIN) costs nothing of the budget.
#[test]
fn successful_bookings_of_one_reception_from_one_address_are_limited() {
    let client = own_ipv4();
    let reception = an_open_reception(30);
    for _ in 0..4 {
        let bad = with(
            booking_body(&reception),
            "/applicant/iin",
            json!("900101300018"),
        );
        client.book(&bad).assert_error(422, "bad_checksum");
    }
    book_times(&client, &reception, 3);
    let retry = assert_limited(&client.book(&booking_body(&reception)));
    // Until the reception's day is over, at most.
    assert!(retry <= 60 * 86_400, "Retry-After {retry}");
    book_times(&own_ipv4(), &reception, 1);
    // Another reception from the same address still books.
    book_times(&client, &an_open_reception(31), 1);
}

/// `BOOKINGS_PER_ADDRESS_PER_DAY` (10) successful bookings a day from one address, whatever
/// the receptions; then `429` with `Retry-After` (at most until midnight in Kazakhstan).
#[test]
fn successful_bookings_from_one_address_are_limited_per_day() {
    let client = own_ipv4();
    for i in 0..10 {
        book_times(&client, &an_open_reception(32 + i), 1);
    }
    let retry = assert_limited(&client.book(&booking_body(&an_open_reception(45))));
    assert!(retry <= 86_400, "Retry-After {retry}");
    book_times(&own_ipv4(), &an_open_reception(45), 1);
}

/// IPv6: one /64 is one client, whichever of its addresses it uses; another /64 of the same
/// /48 has a budget of its own, and the /48 as a whole four times one /64's.
#[test]
fn ipv6_clients_are_limited_by_their_64_and_their_48() {
    let n = fresh();
    let site = format!("2001:db8:{:x}", n % 0xffff);
    let address = |net: u16, host: u64| Client {
        ip: format!("{site}:{net:x}:{:x}::{:x}", host % 0xffff, host % 0xfff + 1),
    };
    let reception = an_open_reception(50);
    // Three addresses of /64 number 1: one budget.
    for host in 1..=3 {
        book_times(&address(1, host), &reception, 1);
    }
    assert_limited(&address(1, 99).book(&booking_body(&reception)));
    // /64s 2, 3 and 4 of the same /48: three each, twelve in the /48.
    for net in 2..=4 {
        book_times(&address(net, 1), &reception, 3);
    }
    // The /48 has had its four times three: a fifth /64 of it is refused.
    assert_limited(&address(5, 1).book(&booking_body(&reception)));
    // Another /48 books.
    book_times(
        &Client {
            ip: format!("2001:db8:{:x}:1::1", (n % 0xffff) ^ 1),
        },
        &reception,
        1,
    );
}

/// The booking horizon (`rules::admission`): a reception further ahead than the published
/// weeks is `422 unknown_reception` naming `reception_id`, though its schedule would hold it.
#[test]
fn a_reception_beyond_the_published_weeks_is_422_unknown_reception() {
    let listed = receptions(OFFICE, HEAD);
    let last = listed
        .iter()
        .filter(|r| of_schedule(r, HEAD_OPEN))
        .filter_map(|r| r["date"].as_str())
        .max()
        .expect("a listed reception")
        .to_owned();
    let last = chrono::NaiveDate::parse_from_str(&last, "%Y-%m-%d").unwrap();
    let client = Client::new();
    // The daily schedule holds a reception on every working day after it too.
    for day in last.iter_days().skip(1).take(10) {
        let id = format!("{HEAD_OPEN}-{}", day.format("%Y%m%d"));
        let error = client
            .book(&booking_body(&id))
            .assert_error(422, "unknown_reception");
        assert_eq!(error["field"], "reception_id", "{id}");
    }
}

/// The characters refused in free text, one of each class (`rules::values::text`).
const FORBIDDEN: &[(&str, char)] = &[
    ("C0 control: bell", '\u{7}'),
    ("C0 control: escape", '\u{1B}'),
    ("C0 control: NUL", '\u{0}'),
    ("DEL", '\u{7F}'),
    ("C1 control: next line", '\u{85}'),
    ("zero width space", '\u{200B}'),
    ("zero width joiner", '\u{200D}'),
    ("left-to-right mark", '\u{200E}'),
    ("right-to-left mark", '\u{200F}'),
    ("left-to-right embedding", '\u{202A}'),
    ("right-to-left override", '\u{202E}'),
    ("left-to-right isolate", '\u{2066}'),
    ("pop directional isolate", '\u{2069}'),
    ("byte order mark", '\u{FEFF}'),
];

/// Every forbidden class in every free-text field is `422 forbidden_character` naming the
/// field; a line break or tab is refused only where the text has no lines.
#[test]
fn forbidden_characters_in_free_text_are_422_naming_the_field() {
    let reception = an_open_reception(60);
    let base = booking_body(&reception);
    let authorised = with(
        with(base.clone(), "/applicant/kind", json!("representative")),
        "/on_behalf_of",
        json!({
            "bin": valid_bin(),
            "authority": {"kind": "power_of_attorney", "number": "17-2026", "date": "2026-01-15"}
        }),
    );
    let substance = base["matter"]["substance"].as_str().unwrap().to_owned();
    // (the field as the error names it, its pointer, the body, a valid value, one line?)
    let fields: [(&str, &str, &Value, &str, bool); 6] = [
        (
            "matter.substance",
            "/matter/substance",
            &base,
            &substance,
            false,
        ),
        (
            "applicant.surname",
            "/applicant/surname",
            &base,
            "Серікбаев",
            true,
        ),
        (
            "applicant.given_name",
            "/applicant/given_name",
            &base,
            "Нұрлан",
            true,
        ),
        (
            "applicant.patronymic",
            "/applicant/patronymic",
            &base,
            "Асқарұлы",
            true,
        ),
        ("interpreter", "/interpreter", &base, "ұйғыр тілі", true),
        (
            "on_behalf_of.authority.number",
            "/on_behalf_of/authority/number",
            &authorised,
            "17-2026",
            true,
        ),
    ];
    for (field, pointer, body, valid, one_line) in fields {
        // One address per field: the per-minute limit counts every request.
        let client = Client::new();
        let mut cases: Vec<(&str, char)> = FORBIDDEN.to_vec();
        if one_line {
            cases.extend([("line feed", '\n'), ("tab", '\t')]);
        }
        for (class, c) in cases {
            let (head, tail) = valid.split_at(valid.char_indices().nth(3).unwrap().0);
            let value = format!("{head}{c}{tail}");
            let reply = client.book(&with(body.clone(), pointer, json!(value)));
            let error = reply.assert_error(422, "forbidden_character");
            assert_eq!(error["field"], field, "{class} in {field}");
        }
    }
    // The matter has lines: a line break and a tab are kept.
    let multi = format!("{substance}\n\tЕкінші жол: құжаттар көшірмесі бар.");
    let reply = Client::new().book(&with(base, "/matter/substance", json!(multi)));
    assert_eq!(reply.status, 201, "{}", reply.body);
}

/// Five online bookings of a ten-place reception within the hour: the registrar's inbox
/// flags the reception as filling unusually fast; a reception of 500 places with a few is not.
#[test]
fn a_reception_filling_fast_is_flagged_for_the_registrar() {
    use api_tests::staff_client::gpo_admin;
    // From the end: the booking tests take the first unbooked one.
    let reception = open_receptions(HEAD_CAP10)
        .into_iter()
        .rev()
        .find(|r| r["booked"] == 0)
        .expect("an unbooked reception of ten places: use a fresh server")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut codes = Vec::new();
    for _ in 0..5 {
        let created = Client::new().book_ok(&booking_body(&reception));
        codes.push(created["booking"]["code"].as_str().unwrap().to_owned());
    }
    let calm = Client::new().book_ok(&booking_body(&an_open_reception(70)));
    let mut person = gpo_admin().create_enrolled(OFFICE, &["registrar"]);
    let session = person.sign_in();
    for code in &codes {
        let reply = session.get(&format!("/api/v1/staff/bookings/{code}"));
        assert_eq!(reply.status, 200, "{}", reply.body);
        let flag = &reply.json()["booking"]["filling_fast"];
        assert_eq!(flag["capacity"], 10, "{flag}");
        assert!(flag["last_hour"].as_u64().is_some_and(|n| n >= 5), "{flag}");
    }
    let code = calm["booking"]["code"].as_str().unwrap();
    let reply = session.get(&format!("/api/v1/staff/bookings/{code}"));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(
        reply.json()["booking"].get("filling_fast").is_none(),
        "{}",
        reply.body
    );
}
