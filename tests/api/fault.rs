//! Faults: bookings under load while `cargo xtask test` kills the `wrangler dev` process
//! (SIGKILL) and restarts it on the same data and port. This test sends the load, marks in
//! `QABYLDAU_FAULT_DIR` when it starts (`started`) and watches for the restart
//! (`restarted`); then it replays every request that got no answer with its own key and
//! body, and leaves every code it was given in `result.json`. xtask then checks D1 directly:
//! the bookings made during the test are exactly those codes, and every reception's `booked`
//! equals its active bookings (R3: a place is taken exactly once).

use api_tests::{base_url, booking_body, fresh_key, open_receptions, Client, HEAD_OPEN};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const THREADS: usize = 6;
/// How long the load goes on after the restart is seen.
const AFTER_RESTART: Duration = Duration::from_secs(3);
/// The longest the load may wait for the restart.
const LIMIT: Duration = Duration::from_secs(240);

fn dir() -> PathBuf {
    std::env::var_os("QABYLDAU_FAULT_DIR")
        .expect("QABYLDAU_FAULT_DIR is not set: run through `cargo xtask test`")
        .into()
}

#[derive(Default)]
struct Outcomes {
    /// Key and code of every `201`.
    answered: Vec<(String, String)>,
    /// Key and body of every request that got no answer (the connection failed, or a
    /// `5xx` from wrangler while its Worker was down).
    unanswered: Vec<(String, String)>,
    /// Any other answer: none is expected (fresh people, roomy receptions).
    refused: Vec<String>,
}

fn healthy_within(limit: Duration) -> bool {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(5))
        .build();
    let started = Instant::now();
    while started.elapsed() < limit {
        if agent
            .get(&format!("{}/api/v1/health", base_url()))
            .call()
            .is_ok_and(|r| r.status() == 200)
        {
            return true;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    false
}

#[test]
#[ignore = "run by cargo xtask test, which kills and restarts the server during it"]
fn fault_r3_bookings_survive_a_killed_server() {
    let dir = dir();
    let receptions: Vec<String> = open_receptions(HEAD_OPEN)
        .iter()
        .take(4)
        .map(|r| r["id"].as_str().expect("id").to_owned())
        .collect();
    // Everything the bodies need is read before the load (the rules, the receptions).
    let bodies_ready = booking_body(&receptions[0]);
    assert!(bodies_ready.is_object());
    let outcomes = Arc::new(Mutex::new(Outcomes::default()));
    let restarted = dir.join("restarted");
    std::fs::write(dir.join("started"), "").expect("the started mark");
    let started = Instant::now();
    let threads: Vec<_> = (0..THREADS)
        .map(|t| {
            let outcomes = Arc::clone(&outcomes);
            let receptions = receptions.clone();
            let restarted = restarted.clone();
            std::thread::spawn(move || {
                let mut seen: Option<Instant> = None;
                for n in 0.. {
                    if seen.is_none() && restarted.exists() {
                        seen = Some(Instant::now());
                    }
                    if seen.is_some_and(|s| s.elapsed() > AFTER_RESTART)
                        || started.elapsed() > LIMIT
                    {
                        return;
                    }
                    let reception = &receptions[(t + n) % receptions.len()];
                    let body = booking_body(reception).to_string();
                    let key = fresh_key();
                    // A client address of its own for each request: the load is many people.
                    let reply = Client::new().try_post_booking(Some(&key), &body);
                    let mut o = outcomes.lock().unwrap_or_else(|e| e.into_inner());
                    match reply {
                        Ok(r) if r.status == 201 => {
                            let code = r.json()["booking"]["code"]
                                .as_str()
                                .expect("code")
                                .to_owned();
                            o.answered.push((key, code));
                        }
                        Ok(r) if r.status >= 500 => o.unanswered.push((key, body)),
                        Ok(r) => o.refused.push(format!("{} {}", r.status, r.body)),
                        Err(_) => {
                            o.unanswered.push((key, body));
                            drop(o);
                            // The server is down: do not spin.
                            std::thread::sleep(Duration::from_millis(100));
                        }
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("a load thread");
    }
    assert!(
        restarted.exists(),
        "the server was not restarted within {LIMIT:?}"
    );
    assert!(
        healthy_within(Duration::from_secs(180)),
        "the restarted server does not answer"
    );
    let o = std::mem::take(&mut *outcomes.lock().unwrap());
    assert!(o.refused.is_empty(), "unexpected answers: {:?}", o.refused);
    assert!(!o.answered.is_empty(), "no booking was answered");
    // Each unanswered request, replayed with its key: one booking each — the one it made
    // before the kill, or a new one if it never reached D1.
    let restart: chrono::DateTime<chrono::Utc> = std::fs::metadata(&restarted)
        .and_then(|m| m.modified())
        .expect("the restarted mark's time")
        .into();
    let mut replayed = Vec::new();
    // Replays answered with a booking made before the restart: requests that reached D1 but
    // whose answer the kill lost.
    let mut lost_answers = 0;
    for (key, body) in &o.unanswered {
        let reply = Client::new()
            .try_post_booking(Some(key), body)
            .unwrap_or_else(|e| panic!("a replay after the restart: {e}"));
        assert_eq!(reply.status, 201, "replay: {}", reply.body);
        let created = reply.json()["booking"]["created_at"]
            .as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .expect("created_at");
        if created < restart {
            lost_answers += 1;
        }
        let code = reply.json()["booking"]["code"]
            .as_str()
            .expect("code")
            .to_owned();
        // And again: the same booking, not another.
        let again = Client::new()
            .try_post_booking(Some(key), body)
            .unwrap_or_else(|e| panic!("a second replay: {e}"));
        assert_eq!(again.status, 201, "second replay: {}", again.body);
        assert_eq!(again.json()["booking"]["code"], code.as_str());
        replayed.push((key.clone(), code));
    }
    let mut codes: Vec<&str> = o
        .answered
        .iter()
        .chain(&replayed)
        .map(|(_, c)| c.as_str())
        .collect();
    codes.sort_unstable();
    let total = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), total, "two requests were given one booking");
    let pairs = |v: &[(String, String)]| -> Vec<Value> {
        v.iter()
            .map(|(k, c)| json!({"key": k, "code": c}))
            .collect()
    };
    println!(
        "fault: {} answered, {} unanswered and replayed ({lost_answers} of them booked before \
         the kill, their answer lost), in {:.1}s",
        o.answered.len(),
        replayed.len(),
        started.elapsed().as_secs_f32()
    );
    std::fs::write(
        dir.join("result.json"),
        json!({
            "answered": pairs(&o.answered),
            "replayed": pairs(&replayed),
            "receptions": receptions,
        })
        .to_string(),
    )
    .expect("result.json");
}
