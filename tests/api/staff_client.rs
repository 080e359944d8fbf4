//! Helpers for the staff API tests: the fixture accounts of `cargo xtask test`
//! (`QABYLDAU_STAFF`), accounts of each test's own made through the API, an authenticator
//! that computes codes as an app does (RFC 6238), and sessions that send their cookie and
//! the console's CSRF headers.

use crate::{base_url, fresh, Client, Reply};
use access::totp::{self, Secret};
use serde_json::{json, Value};
use std::sync::OnceLock;

pub const COOKIE: &str = "__Host-qabyldau_staff";

/// `target/test-staff.json`, written by `cargo xtask test` after seeding.
pub fn fixtures() -> &'static Value {
    static FIXTURES: OnceLock<Value> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let path = std::env::var("QABYLDAU_STAFF").expect(
            "QABYLDAU_STAFF is not set: run the API tests through `cargo xtask test`, which \
             makes the staff fixture accounts and names their file",
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    })
}

/// The console's headers of a state-changing request: the marker and this origin.
pub fn console_headers() -> Vec<(&'static str, String)> {
    vec![("X-Qabyldau-Staff", "1".into()), ("Origin", base_url())]
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs() as i64
}

/// An authenticator app: the codes of one secret, never the same step twice.
pub struct Authenticator {
    secret: Secret,
    pub base32: String,
    last_step: Option<i64>,
}

impl Authenticator {
    pub fn new(base32: &str) -> Authenticator {
        Authenticator {
            secret: Secret::from_base32(base32).expect("a base32 TOTP secret"),
            base32: base32.to_owned(),
            last_step: None,
        }
    }

    /// A code the Worker accepts now and has not accepted before: the current step's, or
    /// the next one's (RFC 6238 allows one step of drift), or after waiting for the next.
    pub fn next_code(&mut self) -> String {
        loop {
            let now = totp::step_at(unix_now());
            let step = match self.last_step {
                None => now,
                Some(last) if last < now => now,
                Some(last) if last == now => now + 1,
                Some(_) => {
                    std::thread::sleep(std::time::Duration::from_secs(2));
                    continue;
                }
            };
            self.last_step = Some(step);
            return totp::code(&self.secret, step);
        }
    }

    /// The code of the step last used (to try it again).
    pub fn last_code(&self) -> String {
        totp::code(&self.secret, self.last_step.expect("a code was used"))
    }

    /// A code that is none of the steps the Worker would accept now.
    pub fn wrong_code(&self) -> String {
        let now = totp::step_at(unix_now());
        let valid: Vec<String> = (now - 2..=now + 2)
            .map(|s| totp::code(&self.secret, s))
            .collect();
        (0..1_000_000u32)
            .map(|n| format!("{:06}", (n * 7919 + 123_457) % 1_000_000))
            .find(|c| !valid.contains(c))
            .expect("a wrong code")
    }
}

/// A staff account a test uses: its login data and its authenticator.
pub struct Person {
    pub id: String,
    pub login: String,
    pub password: String,
    pub office_id: String,
    pub authenticator: Option<Authenticator>,
    pub client: Client,
}

impl Person {
    /// `POST /api/v1/staff/session` with this person's login, the given password and code.
    pub fn try_sign_in(&self, password: &str, code: &str) -> Reply {
        sign_in(&self.client, &self.login, password, code)
    }

    /// Signs in with the next code; panics unless `200`.
    pub fn sign_in(&mut self) -> Session {
        let code = self
            .authenticator
            .as_mut()
            .expect("an enrolled person")
            .next_code();
        let reply = self.try_sign_in(&self.password.clone(), &code);
        assert_eq!(
            reply.status, 200,
            "sign-in of {}: {}",
            self.login, reply.body
        );
        Session::from_reply(&reply, self.client.ip.clone())
    }

    /// `POST /api/v1/staff/enrolment`; on `200` keeps the secret as an app would.
    pub fn enrol(&mut self) -> Reply {
        let reply = send_owned(
            &self.client,
            "POST",
            "/api/v1/staff/enrolment",
            &with_console(&[("Content-Type", "application/json")]),
            Some(&json!({"login": self.login, "password": self.password}).to_string()),
        );
        if reply.status == 200 {
            let secret = reply.json()["secret"].as_str().expect("secret").to_owned();
            self.authenticator = Some(Authenticator::new(&secret));
        }
        reply
    }

    pub fn authenticator(&mut self) -> &mut Authenticator {
        self.authenticator.as_mut().expect("an enrolled person")
    }
}

fn with_console<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, String)> {
    let mut headers = console_headers();
    headers.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
    headers
}

fn send_owned(
    client: &Client,
    method: &str,
    path: &str,
    headers: &[(&str, String)],
    body: Option<&str>,
) -> Reply {
    let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.send(method, path, &headers, body)
}

/// `POST /api/v1/staff/session` from `client`, as the console sends it.
pub fn sign_in(client: &Client, login: &str, password: &str, code: &str) -> Reply {
    send_owned(
        client,
        "POST",
        "/api/v1/staff/session",
        &with_console(&[("Content-Type", "application/json")]),
        Some(&json!({"login": login, "password": password, "code": code}).to_string()),
    )
}

/// A signed-in session: the cookie as the browser would send it back.
#[derive(Clone)]
pub struct Session {
    /// `__Host-qabyldau_staff=<id>`.
    pub cookie: String,
    /// The `Set-Cookie` header it was given with.
    pub set_cookie: String,
    pub staff: Value,
    ip: String,
}

impl Session {
    pub fn from_reply(reply: &Reply, ip: String) -> Session {
        let set_cookie = reply
            .header("set-cookie")
            .unwrap_or_else(|| panic!("no Set-Cookie: {}", reply.body))
            .to_owned();
        let cookie = set_cookie.split(';').next().expect("name=value").to_owned();
        Session {
            cookie,
            set_cookie,
            staff: reply.json()["staff"].clone(),
            ip,
        }
    }

    /// The session id, as the cookie carries it.
    pub fn id(&self) -> &str {
        self.cookie
            .strip_prefix(&format!("{COOKIE}="))
            .expect("the session cookie")
    }

    pub fn staff_id(&self) -> String {
        self.staff["id"].as_str().expect("staff.id").to_owned()
    }

    /// Any request with the cookie; state-changing ones with the console's headers.
    pub fn send(&self, method: &str, path: &str, body: Option<&Value>) -> Reply {
        self.send_with(method, path, body, &[])
    }

    /// As [`Session::send`], with more headers (an `Idempotency-Key`).
    pub fn send_with(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        extra: &[(&'static str, String)],
    ) -> Reply {
        let mut headers = vec![
            ("CF-Connecting-IP", self.ip.clone()),
            ("Cookie", self.cookie.clone()),
        ];
        if method != "GET" {
            headers.extend(console_headers());
        }
        let text = body.map(Value::to_string);
        if text.is_some() {
            headers.push(("Content-Type", "application/json".into()));
        }
        headers.extend(extra.iter().cloned());
        let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        match text {
            Some(text) => crate::request_with_body(method, path, &headers, &text),
            None => crate::request(method, path, &headers),
        }
    }

    pub fn get(&self, path: &str) -> Reply {
        self.send("GET", path, None)
    }

    pub fn post(&self, path: &str, body: &Value) -> Reply {
        self.send("POST", path, Some(body))
    }

    /// A POST with a fresh `Idempotency-Key` (`/api/v1/staff/bookings`).
    pub fn post_keyed(&self, path: &str, body: &Value) -> Reply {
        self.send_with(
            "POST",
            path,
            Some(body),
            &[("Idempotency-Key", crate::fresh_key())],
        )
    }

    /// A POST without a body (`…/disable`).
    pub fn post_empty(&self, path: &str) -> Reply {
        self.send("POST", path, None)
    }

    /// Creates an account; panics unless `201`. Not yet enrolled.
    pub fn create_account(&self, office_id: &str, roles: &[&str]) -> Person {
        let login = format!("t{:016x}@test.qabyldau.kz", fresh());
        let reply = self.post(
            "/api/v1/staff/accounts",
            &json!({"login": login, "name": "Тест Қызметкер", "office_id": office_id, "roles": roles}),
        );
        assert_eq!(reply.status, 201, "creating {login}: {}", reply.body);
        let body = reply.json();
        Person {
            id: body["account"]["id"].as_str().expect("id").to_owned(),
            login,
            password: body["initial_password"]
                .as_str()
                .expect("initial_password")
                .to_owned(),
            office_id: office_id.to_owned(),
            authenticator: None,
            client: Client::new(),
        }
    }

    /// Creates an account and enrols its authenticator; panics on any failure.
    pub fn create_enrolled(&self, office_id: &str, roles: &[&str]) -> Person {
        let mut person = self.create_account(office_id, roles);
        let reply = person.enrol();
        assert_eq!(reply.status, 200, "enrolment: {}", reply.body);
        person
    }
}

/// The fixture admin of the GPO (admin + auditor), signed in once per test process: every
/// test shares this session (a code is accepted once, so each sign-in takes a step).
pub fn gpo_admin() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    SESSION.get_or_init(|| fixture_session("gpo_admin"))
}

/// The fixture receiver (`receiver` at [`RECEIVER_OFFICE`]), signed in once per process.
pub fn receiver() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    SESSION.get_or_init(|| fixture_session("receiver"))
}

/// The office of the fixture receiver (xtask/src/staff.rs), a district-level office.
pub const RECEIVER_OFFICE: &str = "ulytau-region-satpayev-city";

fn fixture_session(key: &str) -> Session {
    let f = &fixtures()[key];
    let mut person = Person {
        id: f["id"].as_str().unwrap_or_default().to_owned(),
        login: f["login"]
            .as_str()
            .unwrap_or_else(|| panic!("{key}.login"))
            .to_owned(),
        password: f["password"]
            .as_str()
            .unwrap_or_else(|| panic!("{key}.password"))
            .to_owned(),
        office_id: f["office_id"].as_str().unwrap_or_default().to_owned(),
        authenticator: Some(Authenticator::new(
            f["totp_secret"]
                .as_str()
                .unwrap_or_else(|| panic!("{key}.totp_secret")),
        )),
        client: Client::new(),
    };
    // Another test process against the same server may have spent this step's code:
    // the next step's is accepted too (RFC 6238 drift), then the one after.
    let mut last = None;
    for _ in 0..3 {
        let code = person.authenticator().next_code();
        let reply = person.try_sign_in(&person.password.clone(), &code);
        if reply.status == 200 {
            return Session::from_reply(&reply, person.client.ip.clone());
        }
        last = Some(reply);
    }
    let last = last.expect("an attempt");
    panic!(
        "the fixture {key} cannot sign in: {} {}",
        last.status, last.body
    )
}

/// Offices of the directory: a regional office, one of its district offices, and another
/// regional office with one of its own.
pub struct Offices {
    pub region_a: String,
    pub district_a: String,
    pub region_b: String,
    pub district_b: String,
}

pub fn offices() -> &'static Offices {
    static OFFICES: OnceLock<Offices> = OnceLock::new();
    OFFICES.get_or_init(|| {
        let reply = crate::get("/api/v1/offices");
        assert_eq!(reply.status, 200, "{}", reply.body);
        let all = reply.json()["offices"].as_array().expect("offices").clone();
        let child_of = |parent: &str| -> String {
            all.iter()
                .find(|o| o["parent_id"] == parent && o["level"] == "district")
                .and_then(|o| o["id"].as_str())
                .unwrap_or_else(|| panic!("no district office below {parent}"))
                .to_owned()
        };
        // Two regional offices other than the booking fixture's, each with a district below.
        let regions: Vec<String> = all
            .iter()
            .filter(|o| o["level"] == "regional" && o["specialisation"].is_null())
            .filter_map(|o| o["id"].as_str())
            .filter(|id| *id != crate::OFFICE && *id != crate::VIDEO_ONLY_OFFICE)
            .map(str::to_owned)
            .collect();
        assert!(regions.len() >= 2, "{regions:?}");
        Offices {
            district_a: child_of(&regions[0]),
            district_b: child_of(&regions[1]),
            region_a: regions[0].clone(),
            region_b: regions[1].clone(),
        }
    })
}
