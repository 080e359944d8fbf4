//! The public feeds: iCalendar per office and open data (CSV, JSON), read back with real
//! parsers and compared with the schedule they publish.

use api_tests::{get, request};
use icalendar::{Calendar, CalendarComponent, Component};
use std::collections::BTreeSet;

fn schedule_ids(office: &str) -> BTreeSet<String> {
    get(&format!("/api/v1/offices/{office}/schedule")).json()["receptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_ics_feed_parses_and_has_one_event_per_reception() {
    for office in ["gpo", "shymkent"] {
        let reply = get(&format!("/api/v1/offices/{office}/schedule.ics"));
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert!(reply
            .header("content-type")
            .is_some_and(|c| c.starts_with("text/calendar")));
        // RFC 5545: CRLF line ends, lines folded at 75 octets.
        for line in reply.body.split("\r\n") {
            assert!(!line.contains('\n'), "bare LF in {line:?}");
            assert!(
                line.len() <= 75,
                "unfolded line of {} octets: {line}",
                line.len()
            );
        }
        let calendar: Calendar = reply.body.parse().expect("a valid iCalendar document");
        let uids: Vec<String> = calendar
            .components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => e.get_uid().map(str::to_owned),
                _ => None,
            })
            .collect();
        let want: BTreeSet<String> = schedule_ids(office)
            .into_iter()
            .map(|id| format!("{id}@qabyldau"))
            .collect();
        assert_eq!(uids.len(), want.len(), "{office}: one event per reception");
        assert_eq!(
            uids.into_iter().collect::<BTreeSet<_>>(),
            want,
            "{office}: stable UIDs"
        );
        for c in &calendar.components {
            if let CalendarComponent::Event(e) = c {
                assert!(e.get_start().is_some() && e.get_end().is_some());
                assert!(
                    e.get_summary()
                        .is_some_and(|s| s.contains("қабылдау") && s.contains("приём")),
                    "kk and ru (R5)"
                );
            }
        }
    }
    let ru = get("/api/v1/offices/gpo/schedule.ics?lang=ru");
    assert!(ru.body.contains("Личный приём") && !ru.body.contains("Жеке қабылдау"));
    get("/api/v1/offices/gpo/schedule.ics?lang=fr").assert_error(422, "unknown_language");
    get("/api/v1/offices/no-such-office/schedule.ics").assert_error(404, "not_found");
}

#[test]
fn one_reception_is_a_file_of_its_own_event_and_the_feed_stays_whole() {
    let ids = schedule_ids("shymkent");
    let id = ids
        .iter()
        .next()
        .expect("the fixture's Shymkent schedule has receptions");
    let reply = get(&format!(
        "/api/v1/offices/shymkent/schedule.ics?reception={id}&lang=ru"
    ));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(reply
        .header("content-disposition")
        .is_some_and(|d| d.starts_with("attachment") && d.contains(&format!("{id}.ics"))));
    let calendar: Calendar = reply.body.parse().expect("a valid iCalendar document");
    let uids: Vec<String> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => e.get_uid().map(str::to_owned),
            _ => None,
        })
        .collect();
    assert_eq!(uids, [format!("{id}@qabyldau")]);
    // A reception of another office, or none at all, is not there to add.
    let gpo = schedule_ids("gpo").into_iter().next().unwrap();
    get(&format!(
        "/api/v1/offices/shymkent/schedule.ics?reception={gpo}"
    ))
    .assert_error(404, "not_found");
    get("/api/v1/offices/shymkent/schedule.ics?reception=no-such-reception")
        .assert_error(404, "not_found");
    assert!(ids.len() > 1, "the whole feed has more than the one");
}

const COLUMNS: [&str; 25] = [
    "reception_id",
    "office_id",
    "office_level",
    "office_name_kk",
    "office_name_ru",
    "office_name_en",
    "official_id",
    "official_kind",
    "official_name",
    "position_kk",
    "position_ru",
    "position_en",
    "date",
    "start",
    "end",
    "place_kind",
    "place_name_kk",
    "place_name_ru",
    "place_name_en",
    "format",
    "capacity",
    "booked",
    "registration_state",
    "registration_closes_at",
    "sample",
];

#[test]
fn open_data_csv_has_a_row_per_reception() {
    let reply = get("/api/v1/open-data/schedules.csv");
    assert_eq!(reply.status, 200);
    assert!(reply
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/csv")));
    let mut reader = csv::Reader::from_reader(reply.body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, COLUMNS, "the documented columns, in order");
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("a well-formed row"))
        .collect();
    let ids: BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids.len(), rows.len(), "one row per reception");
    for office in ["gpo", "shymkent", "almaty-region-talgar"] {
        let of_office: BTreeSet<String> = rows
            .iter()
            .filter(|r| &r[1] == office)
            .map(|r| r[0].to_owned())
            .collect();
        assert_eq!(of_office, schedule_ids(office), "{office}");
    }
    assert!(rows
        .iter()
        .all(|r| ["open", "closed", "walk_in"].contains(&&r[22])));
    let offices: BTreeSet<&str> = rows.iter().map(|r| &r[1]).collect();
    assert!(
        offices.len() >= 249,
        "every office has receptions: {}",
        offices.len()
    );

    let json = get("/api/v1/open-data/schedules.json").json();
    let list = json["receptions"].as_array().unwrap();
    assert_eq!(list.len(), rows.len());
    let keys: Vec<&String> = list[0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), COLUMNS.len());
}

/// The open-data files are published, not recomputed per request: a second GET is served
/// from what the first published (no new `open-data: computed` in the Worker's log), and its
/// ETag answers `304`.
#[test]
fn open_data_is_served_as_published_with_its_etag() {
    let computed = || {
        std::env::var("QABYLDAU_LOG")
            .ok()
            .and_then(|log| std::fs::read_to_string(log).ok())
            .map(|log| log.matches("open-data: computed").count())
    };
    let first = get("/api/v1/open-data/schedules.csv");
    assert_eq!(first.status, 200);
    let etag = first.header("etag").expect("an ETag").to_owned();
    assert!(first.header("last-modified").is_some());
    let before = computed();
    let second = get("/api/v1/open-data/schedules.csv");
    assert_eq!(second.status, 200);
    assert_eq!(second.header("etag"), Some(etag.as_str()));
    assert_eq!(second.body, first.body);
    let unchanged = request(
        "GET",
        "/api/v1/open-data/schedules.csv",
        &[("If-None-Match", &etag)],
    );
    assert_eq!(unchanged.status, 304);
    assert!(unchanged.body.is_empty());
    assert_eq!(
        computed(),
        before,
        "no recomputation after the first request"
    );
    if let Some(n) = before {
        assert!(n >= 1, "the first request (or the cron) computed the files");
    }
}
