//! The Worker's clock, in Kazakhstan time (UTC+5 everywhere since 2024-03-01). Registration
//! windows are decided against this clock, never the browser's (R3.a, R16, R34).

//!
//! A test server may run with its clock moved: `CLOCK_OFFSET_SECONDS` (a `--var` of `wrangler
//! dev`, never in wrangler.toml) shifts every decision of the Worker — windows, session
//! expiry, retention — so that tests see what happens later without waiting for it.

use rules::window::ALMATY;
use std::sync::atomic::{AtomicI64, Ordering};
use time::{Date, OffsetDateTime};

/// The variable that moves the clock of a test server.
pub const OFFSET_VAR: &str = "CLOCK_OFFSET_SECONDS";

static OFFSET_SECONDS: AtomicI64 = AtomicI64::new(0);

/// Reads [`OFFSET_VAR`] at the start of every event; absent or unreadable, the clock is true.
pub fn configure(env: &worker::Env) {
    let offset = env
        .var(OFFSET_VAR)
        .ok()
        .and_then(|v| v.to_string().trim().parse::<i64>().ok())
        .unwrap_or(0);
    OFFSET_SECONDS.store(offset, Ordering::Relaxed);
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
