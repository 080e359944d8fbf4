//! The Worker's clock, in Kazakhstan time (UTC+5 everywhere since 2024-03-01). Registration
//! windows are decided against this clock, never the browser's (R3.a, R16, R34).

use rules::window::ALMATY;
use time::{Date, OffsetDateTime};

pub fn now() -> OffsetDateTime {
    let millis = worker::Date::now().as_millis() as i128;
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
