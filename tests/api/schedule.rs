//! Reception schedules: `GET /api/v1/offices/{id}/schedule` and `GET /api/v1/receptions`
//! against the sample schedules the seed step imports (R5, R13, R16, R34, R37).

use api_tests::{
    booked, booked_on_schedule, booking_body, get, open_reception, request, with, Client,
    HEAD_VIDEO,
};
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn schedule(office: &str) -> Value {
    let reply = get(&format!("/api/v1/offices/{office}/schedule"));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

fn receptions(body: &Value) -> &Vec<Value> {
    body["receptions"].as_array().expect("receptions")
}

fn official_kind<'a>(body: &'a Value, id: &str) -> &'a str {
    body["officials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == id)
        .and_then(|o| o["kind"].as_str())
        .unwrap_or_else(|| panic!("official {id}"))
}

/// R13: the Prosecutor General receives at least once a month.
#[test]
fn the_pg_receives_in_each_of_the_next_two_calendar_months() {
    let body = schedule("gpo");
    assert_eq!(body["office"]["id"], "gpo");
    assert_eq!(body["sample"], true, "the seeded schedules are sample data");
    let months: BTreeSet<String> = receptions(&body)
        .iter()
        .filter(|r| {
            official_kind(&body, r["official_id"].as_str().unwrap()) == "prosecutor_general"
        })
        .map(|r| r["date"].as_str().unwrap()[..7].to_owned())
        .collect();
    // The months after today's in Kazakhstan (not after the first listed reception's: late on
    // a month's last working day that is already in the next month).
    let today = api_tests::kazakhstan_day(0);
    let (y, m): (i32, u32) = (today[..4].parse().unwrap(), today[5..7].parse().unwrap());
    let next = |(y, m): (i32, u32)| if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    for (y, m) in [next((y, m)), next(next((y, m)))] {
        assert!(
            months.contains(&format!("{y:04}-{m:02}")),
            "a PG reception in {y}-{m:02}: {months:?}"
        );
    }
}

#[test]
fn receptions_have_the_published_shape() {
    let body = schedule("shymkent");
    let list = receptions(&body);
    assert!(!list.is_empty());
    for r in list {
        for key in [
            "id",
            "official_id",
            "date",
            "start",
            "end",
            "place",
            "format",
            "capacity",
            "booked",
            "registration",
        ] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
        assert!(r["start"].as_str().unwrap().ends_with("+05:00"), "{r}");
        assert!(r["start"]
            .as_str()
            .unwrap()
            .starts_with(r["date"].as_str().unwrap()));
        assert!(r["booked"].as_u64().unwrap() <= r["capacity"].as_u64().unwrap());
        assert!(["in_person", "video"].contains(&r["format"].as_str().unwrap()));
        assert!(
            ["open", "closed", "walk_in"].contains(&r["registration"]["state"].as_str().unwrap())
        );
    }
    // Public data only: counts, never who booked.
    let text = body.to_string();
    for personal in ["iin", "phone", "matter", "email"] {
        assert!(!text.contains(&format!("\"{personal}\"")), "{personal}");
    }
}

/// No reception on a day off of the working calendar (rules::calendar), whatever office.
#[test]
fn no_reception_falls_on_a_day_off() {
    let days_off: BTreeSet<String> = ["2026", "2027"]
        .iter()
        .flat_map(|y| {
            get(&format!("/api/v1/calendar/{y}")).json()["days_off"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["date"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    for office in ["gpo", "shymkent", "almaty-region-talgar", "astana"] {
        for r in receptions(&schedule(office)) {
            let date = r["date"].as_str().unwrap();
            assert!(
                !days_off.contains(date),
                "{office}: {} on day off {date}",
                r["id"]
            );
        }
    }
    // Over an explicit range that spans the New Year holidays too.
    let reply = get("/api/v1/receptions?office=almaty-region-talgar&from=2026-12-10&to=2027-01-15");
    assert_eq!(reply.status, 200, "{}", reply.body);
    let dates: BTreeSet<String> = reply.json()["receptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        dates.contains("2026-12-15"),
        "daily district receptions on working days"
    );
    for day_off in ["2026-12-16", "2027-01-01", "2027-01-02", "2027-01-07"] {
        assert!(!dates.contains(day_off), "{day_off}");
    }
}

/// R37: district offices receive without pre-registration.
#[test]
fn district_receptions_are_walk_in() {
    let body = schedule("almaty-region-talgar");
    let list = receptions(&body);
    assert!(!list.is_empty());
    for r in list {
        assert_eq!(
            r["registration"],
            serde_json::json!({"state": "walk_in"}),
            "{r}"
        );
    }
}

/// R16, R34: registration closes at 18:30 on the last working day at least 5 (PG) or 1
/// (regional) days before the reception; an open window always closes before it starts.
#[test]
fn closes_at_follows_the_windows() {
    for office in ["gpo", "shymkent"] {
        let body = schedule(office);
        let mut open = 0;
        for r in receptions(&body) {
            let reg = &r["registration"];
            if reg["state"] != "open" {
                continue;
            }
            open += 1;
            let closes = reg["closes_at"].as_str().unwrap();
            assert!(closes.ends_with("T18:30:00+05:00"), "{closes}");
            assert!(closes < r["start"].as_str().unwrap(), "{r}");
            let kind = official_kind(&body, r["official_id"].as_str().unwrap());
            let days_before = |a: &str, b: &str| {
                let d = |s: &str| time_days(&s[..10]);
                d(b) - d(a)
            };
            let gap = days_before(&closes[..10], r["date"].as_str().unwrap());
            let min = if kind.starts_with("prosecutor_general") {
                5
            } else {
                1
            };
            assert!(
                gap >= min,
                "{kind}: closes {closes} for {} ({gap} days)",
                r["date"]
            );
            assert!(
                gap <= min + 9,
                "{kind}: closes too early: {closes} for {}",
                r["date"]
            );
        }
        assert!(open > 0, "{office} has open receptions");
    }
}

/// Days since 0000-03-01, enough to subtract two ISO dates.
fn time_days(iso: &str) -> i64 {
    let (y, m, d): (i64, i64, i64) = (
        iso[..4].parse().unwrap(),
        iso[5..7].parse().unwrap(),
        iso[8..10].parse().unwrap(),
    );
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d
}

/// How many times the Worker computed an office's schedule answer, from its log
/// (`schedule: computed {office}`); `None` without the log (`QABYLDAU_LOG`).
fn computed(office: &str) -> Option<usize> {
    let log = std::fs::read_to_string(std::env::var("QABYLDAU_LOG").ok()?).ok()?;
    Some(
        log.matches(&format!("schedule: computed {office}\n"))
            .count(),
    )
}

/// A repeated read answers the same body and ETag without computing it again (the Worker
/// keeps the answer until its minute ends: at most one more computation here), and the ETag
/// answers `304`. An office no other test books or edits, so that nothing changes it meanwhile.
#[test]
fn the_schedule_is_kept_between_reads_and_revalidates_with_304() {
    let path = "/api/v1/offices/atyrau-region/schedule";
    let first = get(path);
    assert_eq!(first.status, 200, "{}", first.body);
    let etag = first.header("etag").expect("ETag").to_owned();
    assert_eq!(first.header("cache-control"), Some("public, max-age=60"));
    let before = computed("atyrau-region");
    for _ in 0..5 {
        let again = get(path);
        assert_eq!(again.status, 200);
        assert_eq!(again.header("etag"), Some(etag.as_str()));
        assert_eq!(again.header("cache-control"), Some("public, max-age=60"));
        assert_eq!(again.body, first.body);
    }
    let unchanged = request("GET", path, &[("If-None-Match", &etag)]);
    assert_eq!(unchanged.status, 304);
    assert!(unchanged.body.is_empty());
    assert_eq!(unchanged.header("etag"), Some(etag.as_str()));
    assert_eq!(
        unchanged.header("cache-control"),
        Some("public, max-age=60")
    );
    // The Worker's log counts the computations; the suite always has it (QABYLDAU_LOG).
    let (before, after) = (
        before.expect("the worker's log (QABYLDAU_LOG)"),
        computed("atyrau-region").expect("the worker's log (QABYLDAU_LOG)"),
    );
    assert!(before >= 1, "the first read computed it");
    assert!(
        after <= before + 1,
        "6 reads computed it {} times: the answer is not kept",
        after - before
    );
}

/// R30: a booking holds its place, and the office's schedule shows it on the very next read
/// although the answer is kept between reads; a cancellation frees it the same way.
#[test]
fn r30_a_booking_and_its_cancellation_show_on_the_office_schedule_at_once() {
    // A video reception no other test books (they take the first of this schedule).
    let id = open_reception(HEAD_VIDEO, 10)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = booked_on_schedule(&id);
    assert_eq!(booked_on_schedule(&id), before, "kept, unchanged");
    let client = Client::new();
    let answer = client.book_ok(&with(booking_body(&id), "/format", json!("video")));
    assert_eq!(booked_on_schedule(&id), before + 1, "the place is taken");
    let code = answer["booking"]["code"].as_str().unwrap();
    let token = answer["manage_token"].as_str().unwrap();
    let cancelled = client.manage("POST", code, "/cancel", Some(token));
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(booked_on_schedule(&id), before, "the place is free again");
    assert_eq!(booked(&id), before, "as the receptions query says");
}

#[test]
fn unknown_office_schedule_is_404() {
    get("/api/v1/offices/no-such-office/schedule").assert_error(404, "not_found");
}

#[test]
fn the_receptions_query_refuses_bad_parameters_with_422() {
    for (query, field) in [
        ("office=gpo&from=2026-13-01", "from"),
        ("office=gpo&from=yesterday", "from"),
        ("office=gpo&to=2026-02-30", "to"),
        ("office=gpo&from=2026-12-10&to=2026-12-01", "to"),
        ("office=gpo&from=2026-12-01&to=2027-03-15", "to"),
        ("from=2026-12-01", "office"),
        ("office=Bad%20Id", "office"),
        ("office=gpo&colour=red", "colour"),
        ("office=gpo&official=Not%20An%20Id", "official"),
    ] {
        let reply = get(&format!("/api/v1/receptions?{query}"));
        assert_eq!(reply.status, 422, "{query}: {}", reply.body);
        assert_eq!(reply.json()["error"]["field"], field, "{query}");
    }
    let ok = get("/api/v1/receptions?office=gpo&from=2026-12-01&to=2027-03-02");
    assert_eq!(ok.status, 200, "92 days is allowed: {}", ok.body);
    get("/api/v1/receptions?office=no-such-office").assert_error(404, "not_found");
    get("/api/v1/receptions?office=gpo&official=no-such-official").assert_error(404, "not_found");
}

#[test]
fn receptions_can_be_filtered_by_official() {
    let body = schedule("gpo");
    let pg = body["officials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "prosecutor_general")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reply = get(&format!(
        "/api/v1/receptions?office=gpo&official={pg}&from=2026-12-01&to=2027-02-28"
    ));
    assert_eq!(reply.status, 200, "{}", reply.body);
    let list = reply.json()["receptions"].as_array().unwrap().clone();
    assert!(list.len() >= 3, "at least one a month");
    assert!(list.iter().all(|r| r["official_id"] == pg.as_str()));
}
