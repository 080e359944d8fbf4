//! The Worker's clock, in Kazakhstan time (UTC+5 everywhere since 2024-03-01). Registration
//! windows are decided against this clock, never the browser's (R3.a, R16, R34).

//!
//! A test server may run with its clock moved: `CLOCK_OFFSET_SECONDS` (a `--var` of `wrangler
//! dev`, never in wrangler.toml) shifts every decision of the Worker — windows, session
//! expiry, retention — so that tests see what happens later without waiting for it.

use rules::window::ALMATY;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use time::{Date, OffsetDateTime};

/// The variable that moves the clock of a test server.
pub const OFFSET_VAR: &str = "CLOCK_OFFSET_SECONDS";

static OFFSET_SECONDS: AtomicI64 = AtomicI64::new(0);

/// The variable (a `--var` of the test servers only, never in wrangler.toml) that lets a
/// request name its own instant in [`TEST_CLOCK_HEADER`], for the decisions of the queue
/// (R4, R39-2: open hours and days), so that tests of 18:31 or 16 December run at any time.
pub const TEST_CLOCK_VAR: &str = "TEST_CLOCK_HEADER";
/// `X-Qabyldau-Test-Clock: 2026-12-14T18:31:00+05:00`, read only where [`TEST_CLOCK_VAR`] is
/// `1`.
pub const TEST_CLOCK_HEADER: &str = "X-Qabyldau-Test-Clock";

static TEST_CLOCK: AtomicBool = AtomicBool::new(false);

/// Reads [`OFFSET_VAR`] at the start of every event; absent or unreadable, the clock is true.
pub fn configure(env: &worker::Env) {
    let offset = env
        .var(OFFSET_VAR)
        .ok()
        .and_then(|v| v.to_string().trim().parse::<i64>().ok())
        .unwrap_or(0);
    OFFSET_SECONDS.store(offset, Ordering::Relaxed);
    let test_clock = env
        .var(TEST_CLOCK_VAR)
        .is_ok_and(|v| v.to_string().trim() == "1");
    TEST_CLOCK.store(test_clock, Ordering::Relaxed);
}

/// The instant a request is decided at: [`now`], or on a test server the instant the
/// request names in [`TEST_CLOCK_HEADER`]. Passed along explicitly (never stored), so
/// concurrent requests each keep their own.
pub fn now_for(req: &worker::Request) -> OffsetDateTime {
    if TEST_CLOCK.load(Ordering::Relaxed) {
        let named = req
            .headers()
            .get(TEST_CLOCK_HEADER)
            .ok()
            .flatten()
            .and_then(|v| {
                OffsetDateTime::parse(v.trim(), &time::format_description::well_known::Rfc3339).ok()
            });
        if let Some(at) = named {
            return at.to_offset(ALMATY);
        }
    }
    now()
}

pub fn now() -> OffsetDateTime {
    let millis = worker::Date::now().as_millis() as i128
        + i128::from(OFFSET_SECONDS.load(Ordering::Relaxed)) * 1000;
    OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .to_offset(ALMATY)
}

pub fn today() -> Date {
    now().date()
}

/// `YYYY-MM-DD`, as dates are stored in D1 and shown in the API.
pub fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A strict `YYYY-MM-DD` (a real calendar date, four-digit year), as query parameters carry.
pub fn parse_iso(s: &str) -> Option<Date> {
    if s.len() != 10 {
        return None;
    }
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
}
