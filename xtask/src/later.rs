//! Phases of `cargo xtask test` that restart the Worker on the suite's data:
//! * retention (R39-4): the clock moved past the retention day of a booking the API tests
//!   left (`QABYLDAU_RETENTION`), KV failing all the while; the cron run, then D1 read
//!   directly, then the `retention_moved_clock_` and `kv_down_` API tests;
//! * the fault test: bookings under load while `wrangler dev` is killed (SIGKILL) and
//!   restarted on the same data and port (tests/api/fault.rs sends them), then D1 read
//!   directly; then, on the restarted server, the evening cron (tomorrow's schedule snapshots,
//!   read from KV directly).
//!
//! `cargo xtask phase retention|fault` runs one of them alone on the state `cargo xtask
//! test-server` left (target/test-state), the server stopped.

use crate::server::DevServer;
use crate::target::Target;
use crate::test::cargo_test;
use crate::{sh, staff};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};
use time::{Date, OffsetDateTime, UtcOffset};

/// Where the API tests leave the booking the retention phase checks.
pub const RETENTION_ENV: &str = "QABYLDAU_RETENTION";
/// wrangler.toml's `RETENTION_DAYS_AFTER_RECEPTION` (the phase checks the default).
const DAYS_AFTER_RECEPTION: i64 = 30;
/// The daily trigger of wrangler.toml (worker/src/lib.rs).
const DAILY: &str = "5 19 * * *";

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// SQL text literal (the values are our own: codes, timestamps).
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Seconds from now to noon in Kazakhstan on the day after the booking's retention day.
fn offset_past_retention(reception_date: &str) -> Result<i64, String> {
    let date = Date::parse(
        reception_date,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|e| format!("reception date {reception_date}: {e}"))?;
    let day = date + time::Duration::days(DAYS_AFTER_RECEPTION + 1);
    let kazakhstan = UtcOffset::from_hms(5, 0, 0).map_err(|e| e.to_string())?;
    let target = day
        .with_hms(12, 0, 0)
        .map_err(|e| e.to_string())?
        .assume_offset(kazakhstan);
    Ok((target - OffsetDateTime::now_utc()).whole_seconds())
}

const PERSONAL: [&str; 14] = [
    "citizenship",
    "iin",
    "passport",
    "surname",
    "given_name",
    "patronymic",
    "phone",
    "email",
    "on_behalf_of",
    "substance",
    "answers",
    "decision_explanation",
    "agreement_note",
    "token_seal",
];

/// The retention phase; the D1 checks count as one test.
pub fn retention(root: &Path, state: &Path, handover: &Path) -> Result<(usize, usize), String> {
    let left = read_json(handover)?;
    let field = |name: &str| {
        left[name]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("{}: no {name}", handover.display()))
    };
    let (code, reception_date) = (field("code")?, field("reception_date")?);
    let offset = offset_past_retention(&reception_date)?;
    println!(
        "xtask: the clock moved {} days, past the retention day of booking {code} \
         (reception {reception_date}); KV fails",
        offset / 86_400
    );
    let server = DevServer::start_with(
        root,
        state,
        &[
            ("CLOCK_OFFSET_SECONDS", &offset.to_string()),
            ("KV_FAILS", "1"),
        ],
    )?;
    let started = Instant::now();
    server.trigger_cron(DAILY)?;
    println!(
        "xtask: the daily cron ran in {:.1}s",
        started.elapsed().as_secs_f32()
    );
    let target = Target::Local(Some(state));
    let rows = target.query(
        root,
        &format!(
            "SELECT {}, interpreter, person_hash, request_hash, personal_data_cleared_at, \
             status, reception_id FROM bookings WHERE code = {}",
            PERSONAL.join(", "),
            quote(&code)
        ),
    )?;
    let row = rows
        .first()
        .ok_or_else(|| format!("booking {code} is not in D1"))?;
    let mut left_over: Vec<&str> = PERSONAL
        .iter()
        .copied()
        .filter(|c| !row[*c].is_null())
        .collect();
    for emptied in ["interpreter", "person_hash", "request_hash"] {
        if row[emptied] != "" {
            left_over.push(emptied);
        }
    }
    let mut failures = Vec::new();
    if !left_over.is_empty() {
        failures.push(format!("booking {code} still holds {left_over:?} in D1"));
    }
    if row["personal_data_cleared_at"].is_null() {
        failures.push(format!("booking {code} has no personal_data_cleared_at"));
    }
    // Nobody else's data outlived the day either — except a booking whose reception led to a
    // written appeal on control (R44): kept until RETENTION_DAYS_AFTER_CONTROL (365) days after
    // the appeal left control, far beyond the 34 days the clock moved.
    let cutoff = {
        let date = Date::parse(
            &reception_date,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .map_err(|e| e.to_string())?;
        date.to_string()
    };
    let held = target.query(
        root,
        &format!(
            "SELECT COUNT(*) AS n FROM bookings WHERE reception_date <= {} \
             AND appeal_on_control = 0 AND (iin IS NOT NULL OR surname IS NOT NULL OR phone IS NOT NULL \
                  OR substance IS NOT NULL)",
            quote(&cutoff)
        ),
    )?;
    if held.first().and_then(|r| r["n"].as_u64()) != Some(0) {
        failures.push(format!(
            "bookings of receptions up to {cutoff} still hold personal data: {held:?}"
        ));
    }
    let audit = target.query(
        root,
        "SELECT actor_id, actor_name, office_id, object FROM audit_log \
         WHERE action = 'retention_run' ORDER BY seq DESC LIMIT 1",
    )?;
    match audit.first() {
        Some(r)
            if r["actor_id"].is_null()
                && r["actor_name"] == "cron: retention"
                && r["object"]
                    .as_str()
                    .and_then(|o| o.strip_prefix("cleared:"))
                    .and_then(|o| o.split(' ').next())
                    .and_then(|n| n.parse::<u64>().ok())
                    .is_some_and(|n| n >= 1) =>
        {
            println!("xtask: the audit trail has the run: {}", r["object"]);
        }
        other => failures.push(format!("no retention run in the audit trail: {other:?}")),
    }
    let d1_checks = if failures.is_empty() {
        println!("xtask: D1 read directly: booking {code} holds no personal data");
        (1, 0)
    } else {
        for f in &failures {
            println!("xtask: retention: {f}");
        }
        (0, 1)
    };
    let (passed, failed) = cargo_test(
        sh::cmd(root, "cargo")
            .args([
                "test",
                "-p",
                "api-tests",
                "--",
                "--ignored",
                "retention_moved_clock_",
                "kv_down_",
            ])
            .env("QABYLDAU_URL", &server.url)
            .env(RETENTION_ENV, handover)
            .env("QABYLDAU_LOG", &server.log),
    )?;
    Ok((passed + d1_checks.0, failed + d1_checks.1))
}

/// The fault phase; the D1 checks count as one test. Prints how long it took.
pub fn fault(root: &Path, state: &Path) -> Result<(usize, usize), String> {
    let began = Instant::now();
    let dir = root.join("target/fault");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let since = crate::audit::now();
    // Many people book at once: the per-address limit is not what is tested here.
    let vars = [("BOOKING_REQUESTS_PER_MINUTE", "1000000")];
    let server = DevServer::start_with(root, state, &vars)?;
    let (url, port) = (server.url.clone(), server.port);
    let mut load = sh::cmd(root, "cargo");
    load.args([
        "test",
        "-p",
        "api-tests",
        "--",
        "--ignored",
        "fault_",
        "--nocapture",
    ])
    .env("QABYLDAU_URL", &url)
    .env("QABYLDAU_FAULT_DIR", &dir);
    let tests = std::thread::spawn(move || cargo_test(&mut load));
    let started = dir.join("started");
    let waiting = Instant::now();
    while !started.exists() {
        if tests.is_finished() || waiting.elapsed() > Duration::from_secs(600) {
            let result = tests
                .join()
                .map_err(|_| "the fault test panicked".to_owned())?;
            return Err(format!("the load never started: {result:?}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    // Under load for a while, then killed mid-request.
    std::thread::sleep(Duration::from_secs(3));
    let killed = Instant::now();
    server.kill();
    println!("xtask: fault: wrangler dev killed (SIGKILL) under load");
    std::thread::sleep(Duration::from_secs(1));
    let server = DevServer::start_on(root, state, &vars, port)?;
    println!(
        "xtask: fault: restarted on the same data and port, down {:.1}s",
        killed.elapsed().as_secs_f32()
    );
    std::fs::write(dir.join("restarted"), "").map_err(|e| e.to_string())?;
    let (passed, failed) = tests
        .join()
        .map_err(|_| "the fault test panicked".to_owned())??;
    let result = read_json(&dir.join("result.json"));
    let checks = result.and_then(|r| check_fault(root, state, &since, &r));
    println!(
        "xtask: fault: the whole phase took {:.0}s",
        began.elapsed().as_secs_f32()
    );
    // On the restarted server (its clock true, its KV working): the evening cron.
    let evening = tomorrow_snapshots(root, state, &server);
    drop(server);
    let mut tally = (passed, failed);
    for (what, check) in [("fault", checks), ("evening cron", evening)] {
        match check {
            Ok(()) => tally.0 += 1,
            Err(e) => {
                println!("xtask: {what}: {e}");
                tally.1 += 1;
            }
        }
    }
    Ok(tally)
}

/// The evening trigger of wrangler.toml (worker/src/lib.rs).
const EVENING: &str = "45 18 * * *";

/// The evening cron writes tomorrow's schedule snapshot of every office with schedules
/// before midnight in Kazakhstan, so that no request of the new day builds one.
fn tomorrow_snapshots(root: &Path, state: &Path, server: &DevServer) -> Result<(), String> {
    let kazakhstan = UtcOffset::from_hms(5, 0, 0).map_err(|e| e.to_string())?;
    let tomorrow = OffsetDateTime::now_utc().to_offset(kazakhstan).date() + time::Duration::days(1);
    server.trigger_cron(EVENING)?;
    let prefix = "schedule:ulytau-region:";
    let mut list = sh::cmd(root, "wrangler");
    list.args(["kv", "key", "list", "--binding", "KV", "--prefix", prefix]);
    Target::Local(Some(state)).scope(&mut list);
    let listed = sh::output(&mut list).ok_or("wrangler kv key list failed")?;
    let keys: Vec<Value> =
        serde_json::from_str(listed.trim()).map_err(|e| format!("kv key list: {e}"))?;
    let wanted = format!("{prefix}{tomorrow}");
    if keys.iter().any(|k| k["name"] == wanted.as_str()) {
        println!(
            "xtask: the evening cron wrote tomorrow's snapshot {wanted} (read from KV directly)"
        );
        Ok(())
    } else {
        Err(format!(
            "no {wanted} in KV after the evening cron: {keys:?}"
        ))
    }
}

/// D1 after the fault: the bookings made since `since` are exactly the codes the clients
/// were given (each once), and every reception's `booked` is its active bookings.
fn check_fault(root: &Path, state: &Path, since: &str, result: &Value) -> Result<(), String> {
    let target = Target::Local(Some(state));
    let given: BTreeSet<String> = ["answered", "replayed"]
        .iter()
        .flat_map(|k| result[*k].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p["code"].as_str().map(str::to_owned))
        .collect();
    let made: Vec<String> = target
        .query(
            root,
            &format!(
                "SELECT code FROM bookings WHERE julianday(created_at) >= julianday({})",
                quote(since)
            ),
        )?
        .iter()
        .filter_map(|r| r["code"].as_str().map(str::to_owned))
        .collect();
    let made_set: BTreeSet<String> = made.iter().cloned().collect();
    if made_set.len() != made.len() {
        return Err("a booking code twice in D1".into());
    }
    if made_set != given {
        let lost: Vec<_> = given.difference(&made_set).collect();
        let orphans: Vec<_> = made_set.difference(&given).collect();
        return Err(format!(
            "D1 and the answers differ: given but not in D1 {lost:?}; in D1 but given to \
             nobody {orphans:?}"
        ));
    }
    let miscounted = target.query(
        root,
        "SELECT id, booked, active FROM (SELECT r.id, r.booked, (SELECT COUNT(*) FROM \
         bookings b WHERE b.reception_id = r.id AND b.status IN ('requested', 'confirmed')) \
         AS active FROM receptions r) WHERE booked != active",
    )?;
    if !miscounted.is_empty() {
        return Err(format!(
            "booked differs from the active bookings: {miscounted:?}"
        ));
    }
    println!(
        "xtask: fault: D1 read directly: {} bookings, each given once; every reception's \
         booked equals its active bookings",
        given.len()
    );
    Ok(())
}

/// `cargo xtask phase retention|fault`: one phase on target/test-state, as
/// `cargo xtask test-server` left it (stop that server first). `retention` needs the booking
/// the API test `r39_4_a_booking_is_left_for_the_retention_run` left in
/// target/retention.json.
pub fn run_phase(root: &Path, args: &[String]) -> Result<(), String> {
    staff::ensure_dev_vars(root)?;
    let state = root.join("target/test-state");
    let (passed, failed) = match args.first().map(String::as_str) {
        Some("retention") => retention(root, &state, &root.join(crate::test::RETENTION_FILE))?,
        Some("fault") => fault(root, &state)?,
        _ => return Err("usage: cargo xtask phase retention|fault".into()),
    };
    println!("xtask: phase: {passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} failed"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_moves_past_the_retention_day() {
        let today = OffsetDateTime::now_utc().to_offset(UtcOffset::from_hms(5, 0, 0).unwrap());
        let date = today.date().to_string();
        let offset = offset_past_retention(&date).unwrap();
        let moved = today + time::Duration::seconds(offset);
        assert_eq!(
            moved.date(),
            today.date() + time::Duration::days(DAYS_AFTER_RECEPTION + 1)
        );
    }
}
