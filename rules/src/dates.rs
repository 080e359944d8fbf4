//! Kazakhstan's clock and the one date format of the service: every part (rules, Worker,
//! SPA, tools) formats and reads `YYYY-MM-DD` and converts to local time here (R3.a, R16,
//! R34 count in Asia/Almaty time).

use time::macros::{format_description, offset};
use time::{Date, OffsetDateTime, UtcOffset};

/// Asia/Almaty (and all of Kazakhstan, UTC+5) since 2024-03-01.
pub const ALMATY: UtcOffset = offset!(+5);

/// `instant` in Almaty time. (At the very end of representable time, where +05:00 cannot be
/// represented, the instant is kept in its own offset.)
pub fn almaty(instant: OffsetDateTime) -> OffsetDateTime {
    instant.checked_to_offset(ALMATY).unwrap_or(instant)
}

/// `YYYY-MM-DD`, as dates are stored, sent and shown in machine form.
pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A strict `YYYY-MM-DD`: a real calendar date with a four-digit year, nothing around it.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    if s.len() != 10 {
        return None;
    }
    Date::parse(s, format_description!("[year]-[month]-[day]")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn iso_dates_round_trip() {
        assert_eq!(iso_date(date!(2026 - 12 - 07)), "2026-12-07");
        assert_eq!(parse_iso_date("2026-12-07"), Some(date!(2026 - 12 - 07)));
        for bad in [
            "2026-2-7",
            "2026-02-30",
            "02026-12-07",
            " 2026-12-07",
            "2026-12-07x",
            "",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn r3a_instants_are_read_in_almaty_time() {
        // 13:31 UTC is 18:31 in Almaty: after R3.a's 18:30.
        let local = almaty(datetime!(2026-12-09 13:31 UTC));
        assert_eq!(local.offset(), ALMATY);
        assert_eq!((local.hour(), local.minute()), (18, 31));
    }
}
