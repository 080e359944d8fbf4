//! KV is a cache (R39-4's data live in D1): with every KV call failing (`KV_FAILS`, a test
//! server's variable), the public reads are answered from D1 and the failure is logged.
//! Run by `cargo xtask test` on a Worker restarted with KV failing.

use api_tests::{get, OFFICE};

fn worker_log() -> String {
    let path = std::env::var("QABYLDAU_LOG").expect("QABYLDAU_LOG: the Worker's log");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
#[ignore = "run by cargo xtask test on a Worker whose KV fails"]
fn kv_down_the_directory_and_a_schedule_come_from_d1() {
    let offices = get("/api/v1/offices");
    assert_eq!(offices.status, 200, "{}", offices.body);
    assert!(offices.json()["offices"]
        .as_array()
        .is_some_and(|o| o.len() > 100));
    let schedule = get(&format!("/api/v1/offices/{OFFICE}/schedule"));
    assert_eq!(schedule.status, 200, "{}", schedule.body);
    let body = schedule.json();
    assert_eq!(body["office"]["id"], OFFICE);
    assert!(body["receptions"].as_array().is_some_and(|r| !r.is_empty()));
    let feed = get("/api/v1/open-data/schedules.json");
    assert_eq!(feed.status, 200);
    // Logged as a failure, answered all the same.
    let log = worker_log();
    assert!(log.contains("KV read of snapshot:offices failed"), "log");
    assert!(
        log.contains(&format!("KV read of schedule:{OFFICE}:")),
        "the schedule's KV failure is logged"
    );
}
