//! Helpers for the black-box API tests: plain HTTP against the running Worker whose base
//! URL is in `QABYLDAU_URL` (`cargo xtask test` starts one and sets it).

use serde_json::Value;

pub mod staff_client;

pub struct Reply {
    pub status: u16,
    headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }

    /// Every API error has one shape: `{"error":{"code","message","field"}}`, served as JSON.
    pub fn assert_error(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status, status, "status; body {}", self.body);
        assert!(
            self.header("content-type")
                .is_some_and(|c| c.starts_with("application/json")),
            "content-type {:?}",
            self.header("content-type")
        );
        let body = self.json();
        let error = &body["error"];
        assert_eq!(error["code"], code, "{body}");
        assert!(
            error["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{body}"
        );
        assert!(
            error
                .get("field")
                .is_some_and(|f| f.is_null() || f.is_string()),
            "{body}"
        );
        assert_eq!(body.as_object().map(|o| o.len()), Some(1), "{body}");
        error.clone()
    }
}

pub fn base_url() -> String {
    std::env::var("QABYLDAU_URL").expect(
        "QABYLDAU_URL is not set: run the API tests through `cargo xtask test`, \
         or point QABYLDAU_URL at a running `cargo xtask dev`",
    )
}

pub fn request(method: &str, path: &str, headers: &[(&str, &str)]) -> Reply {
    send(method, path, headers, None)
}

pub fn request_with_body(method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    send(method, path, headers, Some(body))
}

pub fn post_json(path: &str, body: &Value) -> Reply {
    send(
        "POST",
        path,
        &[("Content-Type", "application/json")],
        Some(&body.to_string()),
    )
}

fn send(method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Reply {
    try_send(method, path, headers, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
}

/// As `send`, with a transport failure (no server, a connection cut) as an error: the fault
/// test sends while the server is killed.
fn try_send(
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<Reply, String> {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    // Bounded, so that a request to a server that died never hangs a test.
    let agent = AGENT.get_or_init(|| {
        ureq::AgentBuilder::new()
            .timeout(std::time::Duration::from_secs(120))
            .build()
    });
    let mut req = agent.request(method, &format!("{}{path}", base_url()));
    for (k, v) in headers {
        req = req.set(k, v);
    }
    let sent = match body {
        Some(body) => req.send_string(body),
        None => req.call(),
    };
    let response = match sent {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => return Err(e.to_string()),
    };
    let status = response.status();
    let headers = response
        .headers_names()
        .into_iter()
        .filter_map(|n| response.header(&n).map(|v| (n.clone(), v.to_owned())))
        .collect();
    // Not `into_string`: it stops at 10 MB, and the open-data feeds are larger.
    let mut body = String::new();
    std::io::Read::read_to_string(&mut response.into_reader(), &mut body)
        .map_err(|e| format!("unreadable body: {e}"))?;
    let reply = Reply {
        status,
        headers,
        body,
    };
    record(method, path, &reply);
    Ok(reply)
}

/// Appends the exchange to the JSON-lines file named by `QABYLDAU_EXCHANGES`, if set:
/// `cargo xtask test` validates every response in it against the OpenAPI document.
fn record(method: &str, path: &str, reply: &Reply) {
    use std::io::Write;
    static FILE: OnceLock<Option<Mutex<std::fs::File>>> = OnceLock::new();
    let file = FILE.get_or_init(|| {
        let path = std::env::var_os("QABYLDAU_EXCHANGES")?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("QABYLDAU_EXCHANGES {path:?}: {e}"));
        Some(Mutex::new(file))
    });
    let Some(file) = file else {
        return;
    };
    let mut line = json!({
        "method": method,
        "path": path,
        "status": reply.status,
        "headers": reply.headers,
        "body": reply.body,
    })
    .to_string();
    line.push('\n');
    // One write per line under the lock: tests run in parallel threads.
    let mut file = file.lock().unwrap_or_else(|e| e.into_inner());
    file.write_all(line.as_bytes())
        .expect("the exchanges file is writable");
}

/// The day `offset_days` from today in Kazakhstan (UTC+5), `YYYY-MM-DD`.
pub fn kazakhstan_day(offset_days: i64) -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        + 5 * 3600
        + offset_days * 86_400;
    let days = secs.div_euclid(86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn get(path: &str) -> Reply {
    request("GET", path, &[])
}

// ---------------------------------------------------------------------------------------
// Bookings: the fixture's receptions, valid applicants, and a client with its own address.
// ---------------------------------------------------------------------------------------

use serde_json::json;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

/// The regional office of `tests/fixtures/booking-schedules.csv`, which `cargo xtask test`
/// imports after the seed, and its test-only officials and schedules (all `daily`).
pub const OFFICE: &str = "ulytau-region";
pub const HEAD: &str = "ulytau-region-test-head";
pub const DEPUTY: &str = "ulytau-region-test-deputy";
/// The regional head: 5 places (the concurrency test), 10 places, 500 places, video (500).
pub const HEAD_CAP5: &str = "ulytau-region-test-head-cap5";
pub const HEAD_CAP10: &str = "ulytau-region-test-head-cap10";
pub const HEAD_OPEN: &str = "ulytau-region-test-head-open";
pub const HEAD_VIDEO: &str = "ulytau-region-test-head-video";
/// The regional deputy: 500 places.
pub const DEPUTY_OPEN: &str = "ulytau-region-test-deputy-open";
/// The office `cargo xtask test` switches to video-only mode (R11), with its sample schedules.
pub const VIDEO_ONLY_OFFICE: &str = "kyzylorda-region";
/// The office whose address, phone and Reception Centre the office-admin test sets through
/// the staff API (`tests/api/office_admin.rs`): the only one that supplies an address.
pub const SETTINGS_OFFICE: &str = "zhetisu-region-tekeli-city";

/// SplitMix64: a well-mixed 64-bit value from a counter.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Different in every run (time and process id), so that re-running the tests against the
/// same server never meets the previous run's applicants, keys or addresses.
fn run_seed() -> u64 {
    static SEED: OnceLock<u64> = OnceLock::new();
    *SEED.get_or_init(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        mix(nanos ^ (u64::from(std::process::id()) << 32))
    })
}

/// A fresh pseudo-random value: the run's seed and a process-wide counter.
pub fn fresh() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    mix(run_seed() ^ mix(COUNTER.fetch_add(1, Ordering::Relaxed)))
}

/// The IIN/BIN check digit of the first eleven digits: the Rules' own (one implementation
/// for the Worker, the tests and the bench).
pub use rules::values::check_digit as iin_check_digit;

/// The digit values of a string of ASCII digits.
fn digits(text: &str) -> Vec<u8> {
    text.bytes().map(|b| b - b'0').collect()
}

/// A valid IIN never handed out before in this run: `YYMMDD`, the century-and-sex digit
/// (3/4 for the 1900s, 5/6 for the 2000s), a four-digit serial and the check digit.
pub fn valid_iin() -> String {
    static ISSUED: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();
    let issued = ISSUED.get_or_init(Default::default);
    loop {
        let r = fresh();
        let year = 1950 + (r % 56) as u32; // 1950..=2005
        let month = 1 + ((r >> 8) % 12) as u32;
        let day = 1 + ((r >> 16) % 28) as u32;
        let female = ((r >> 24) & 1) as u32;
        let century = if year < 2000 { 3 } else { 5 } + female;
        let serial = ((r >> 32) % 10_000) as u32;
        let text = format!("{:02}{month:02}{day:02}{century}{serial:04}", year % 100);
        let Some(check) = iin_check_digit(&digits(&text)) else {
            continue;
        };
        let iin = format!("{text}{check}");
        if issued.lock().unwrap().insert(iin.clone()) {
            return iin;
        }
    }
}

/// An `Idempotency-Key` unique to this run (8–128 characters of `A–Z a–z 0–9 - _ . :`).
pub fn fresh_key() -> String {
    format!("test-{:016x}-{:016x}", run_seed(), fresh())
}

/// A fresh challenge of `GET /api/v1/challenge`.
pub fn challenge() -> api::challenge::Challenge {
    let reply = get("/api/v1/challenge");
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.header("Cache-Control"), Some("no-store"));
    serde_json::from_str(&reply.body).expect("ALTCHA's challenge JSON")
}

/// A fresh challenge, solved as a client solves it: the value of `X-Qabyldau-Challenge`.
pub fn solved_challenge() -> String {
    try_solved_challenge().unwrap_or_else(|e| panic!("GET /api/v1/challenge: {e}"))
}

/// As `solved_challenge`, a server that is down (the fault test) as an error.
pub fn try_solved_challenge() -> Result<String, String> {
    let reply = try_send("GET", "/api/v1/challenge", &[], None)?;
    if reply.status != 200 {
        return Err(format!("{}: {}", reply.status, reply.body));
    }
    let challenge: api::challenge::Challenge =
        serde_json::from_str(&reply.body).map_err(|e| e.to_string())?;
    let number = api::challenge::solve(&challenge).ok_or("a challenge without a solution")?;
    Ok(api::challenge::Solution::of(&challenge, number).to_header())
}

/// A client with an address of its own in `CF-Connecting-IP` (the documentation ranges
/// 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), so that tests running in parallel never
/// share a rate-limit budget (up to 768 clients per run).
pub struct Client {
    pub ip: String,
}

impl Default for Client {
    fn default() -> Self {
        Client::new()
    }
}

impl Client {
    pub fn new() -> Client {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = (run_seed() % 768 + NEXT.fetch_add(1, Ordering::Relaxed)) % 768;
        let net = ["192.0.2", "198.51.100", "203.0.113"][(n / 256) as usize];
        Client {
            ip: format!("{net}.{}", n % 256),
        }
    }

    /// Any request, with this client's address added.
    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Reply {
        let mut all: Vec<(&str, &str)> = vec![("CF-Connecting-IP", self.ip.as_str())];
        all.extend_from_slice(headers);
        send(method, path, &all, body)
    }

    /// `POST /api/v1/bookings` with this exact body text and key (none if `None`), with a
    /// proof of work solved for it (`solved_challenge`).
    pub fn post_booking(&self, key: Option<&str>, body: &str) -> Reply {
        self.try_post_booking(key, body)
            .unwrap_or_else(|e| panic!("POST /api/v1/bookings: {e}"))
    }

    /// As `post_booking`, a transport failure as an error. The one place every booking of
    /// the tests is sent from: what the endpoint requires besides the body goes here (a
    /// fresh proof of work each time, so that a replay after a lost answer has one too).
    pub fn try_post_booking(&self, key: Option<&str>, body: &str) -> Result<Reply, String> {
        let challenge = try_solved_challenge()?;
        self.try_post_booking_with(key, body, Some(&challenge))
    }

    /// `POST /api/v1/bookings` with this `X-Qabyldau-Challenge` value (none if `None`).
    pub fn post_booking_with(
        &self,
        key: Option<&str>,
        body: &str,
        challenge: Option<&str>,
    ) -> Reply {
        self.try_post_booking_with(key, body, challenge)
            .unwrap_or_else(|e| panic!("POST /api/v1/bookings: {e}"))
    }

    fn try_post_booking_with(
        &self,
        key: Option<&str>,
        body: &str,
        challenge: Option<&str>,
    ) -> Result<Reply, String> {
        let mut headers = vec![
            ("CF-Connecting-IP", self.ip.as_str()),
            ("Content-Type", "application/json"),
        ];
        if let Some(key) = key {
            headers.push(("Idempotency-Key", key));
        }
        if let Some(challenge) = challenge {
            headers.push((api::challenge::HEADER, challenge));
        }
        try_send("POST", "/api/v1/bookings", &headers, Some(body))
    }

    /// Books with a fresh key.
    pub fn book(&self, body: &Value) -> Reply {
        self.post_booking(Some(&fresh_key()), &body.to_string())
    }

    /// Books with a fresh key and expects `201`; the whole answer.
    pub fn book_ok(&self, body: &Value) -> Value {
        let reply = self.book(body);
        assert_eq!(
            reply.status, 201,
            "booking {}: {}",
            body["reception_id"], reply.body
        );
        reply.json()
    }

    /// `GET /api/v1/bookings/{code}{suffix}`, with `Authorization: Bearer <token>` if given.
    pub fn manage(&self, method: &str, code: &str, suffix: &str, token: Option<&str>) -> Reply {
        let bearer = token.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &str)> = bearer
            .as_deref()
            .map(|b| vec![("Authorization", b)])
            .unwrap_or_default();
        self.send(
            method,
            &format!("/api/v1/bookings/{code}{suffix}"),
            &headers,
            if method == "POST" { Some("") } else { None },
        )
    }
}

/// The receptions of an official of an office for the default range (from today, eight
/// weeks), as `GET /api/v1/receptions` lists them.
pub fn receptions(office: &str, official: &str) -> Vec<Value> {
    receptions_between(office, official, None)
}

fn receptions_between(office: &str, official: &str, day: Option<&str>) -> Vec<Value> {
    let range = day.map_or(String::new(), |d| format!("&from={d}&to={d}"));
    let reply = get(&format!(
        "/api/v1/receptions?office={office}&official={official}{range}"
    ));
    assert_eq!(
        reply.status, 200,
        "receptions of {official}: {}",
        reply.body
    );
    reply.json()["receptions"]
        .as_array()
        .unwrap_or_else(|| panic!("no receptions array: {}", reply.body))
        .clone()
}

/// Whether a listed reception belongs to a schedule (`{schedule_id}-{YYYYMMDD}`).
pub fn of_schedule(reception: &Value, schedule: &str) -> bool {
    reception["id"]
        .as_str()
        .and_then(|id| id.strip_prefix(schedule))
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|date| date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()))
}

pub fn is_open(reception: &Value) -> bool {
    reception["registration"]["state"] == "open"
}

/// The official a fixture schedule belongs to.
pub fn official_of(schedule: &str) -> &'static str {
    if schedule.starts_with(DEPUTY) {
        DEPUTY
    } else {
        HEAD
    }
}

/// The schedule's receptions open for registration now, earliest first.
pub fn open_receptions(schedule: &str) -> Vec<Value> {
    let open: Vec<Value> = receptions(OFFICE, official_of(schedule))
        .into_iter()
        .filter(|r| of_schedule(r, schedule) && is_open(r))
        .collect();
    assert!(
        !open.is_empty(),
        "no open reception of {schedule}: was tests/fixtures/booking-schedules.csv imported?"
    );
    open
}

/// The `n`-th open reception of a schedule (tests that count places take different ones,
/// so that tests running in parallel never book the reception another one counts).
pub fn open_reception(schedule: &str, n: usize) -> Value {
    let open = open_receptions(schedule);
    let len = open.len();
    open.into_iter().nth(n % len).expect("a reception")
}

/// The first open reception of a schedule that nobody has booked yet.
pub fn unbooked_open_reception(schedule: &str) -> Value {
    open_receptions(schedule)
        .into_iter()
        .find(|r| r["booked"] == 0)
        .unwrap_or_else(|| {
            panic!("every open reception of {schedule} is booked: use a fresh server")
        })
}

/// A reception as listed now (its `booked` count is read from D1 on every request).
pub fn reception(id: &str) -> Value {
    let (schedule, date) = id.rsplit_once('-').expect("{schedule_id}-{YYYYMMDD}");
    let day = format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]);
    receptions_between(OFFICE, official_of(schedule), Some(&day))
        .into_iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("reception {id} is not listed"))
}

pub fn booked(id: &str) -> u64 {
    reception(id)["booked"]
        .as_u64()
        .unwrap_or_else(|| panic!("no booked count for {id}"))
}

/// A reception's places taken as its office's public schedule shows them
/// (`GET /api/v1/offices/{id}/schedule`, whose answer the Worker keeps between reads).
pub fn booked_on_schedule(id: &str) -> u64 {
    let reply = get(&format!("/api/v1/offices/{OFFICE}/schedule"));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["receptions"]
        .as_array()
        .expect("receptions")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not on the schedule of {OFFICE}"))["booked"]
        .as_u64()
        .unwrap_or_else(|| panic!("no booked count for {id}"))
}

/// Answers that admit a request to an official of `kind`: every question the rule set asks
/// (`GET /api/v1/rules`) answered — competence (R22, R27) yes; grounds, exceptions and the
/// cases of R19 (no precondition, RULES.md "Readings", 1) no.
pub fn admissible_answers(kind: &str) -> Value {
    static RULES: OnceLock<Value> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        let reply = get("/api/v1/rules");
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    });
    let mut answers = serde_json::Map::new();
    for q in rules["questions"].as_array().expect("questions") {
        if !q["applies_to"]
            .as_array()
            .is_some_and(|kinds| kinds.iter().any(|k| k == kind))
        {
            continue;
        }
        let answer = match q["role"].as_str() {
            Some("competence") => "yes",
            _ => "no",
        };
        answers.insert(q["id"].as_str().unwrap().to_owned(), json!(answer));
    }
    Value::Object(answers)
}

/// A complete, valid request of a citizen for themselves to a regional official of the
/// fixture, with a fresh IIN.
pub fn booking_body(reception_id: &str) -> Value {
    booking_for(reception_id, &valid_iin())
}

pub fn booking_for(reception_id: &str, iin: &str) -> Value {
    let official = official_of(reception_id);
    let kind = if official == DEPUTY {
        "regional_deputy"
    } else {
        "regional_head"
    };
    booking_to_kind(reception_id, iin, kind)
}

/// A valid request to a reception of an official of `kind` (any office).
pub fn booking_to_kind(reception_id: &str, iin: &str, kind: &str) -> Value {
    json!({
        "reception_id": reception_id,
        "language": "kk",
        "applicant": {
            "kind": "individual",
            "citizenship": "citizen",
            "iin": iin,
            "surname": "Серікбаев",
            "given_name": "Нұрлан",
            "patronymic": null,
            "phone": "+77011234567",
            "email": null
        },
        "on_behalf_of": null,
        "matter": {
            "substance": "Аудандық әкімдік жер учаскесін заңсыз алып қойды, шағымыма жауап берілмеді.",
            "answers": admissible_answers(kind)
        },
        "format": "in_person",
        "interpreter": null,
        "out_of_town": false
    })
}

/// Replaces the value at a JSON pointer (`/applicant/iin`), creating the last key.
pub fn with(mut body: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let target = body
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent} in the body"));
    target
        .as_object_mut()
        .unwrap_or_else(|| panic!("{parent} is not an object"))
        .insert(key.to_owned(), value);
    body
}

/// Removes the value at a JSON pointer.
pub fn without(mut body: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    body.pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object {parent}"))
        .remove(key);
    body
}

/// A valid BIN of a resident legal entity's head organisation: `YYMM`, 4, 0, a five-digit
/// serial and the check digit (the IIN's).
pub fn valid_bin() -> String {
    loop {
        let r = fresh();
        let text = format!(
            "{:02}{:02}40{:05}",
            5 + r % 20,
            1 + (r >> 8) % 12,
            (r >> 16) % 100_000
        );
        if let Some(check) = iin_check_digit(&digits(&text)) {
            return format!("{text}{check}");
        }
    }
}
