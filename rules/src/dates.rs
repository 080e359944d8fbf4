//! Kazakhstan's clock and the one date format of the service: every part (rules, Worker,
//! SPA, tools) formats and reads `YYYY-MM-DD` and converts to local time here (R3.a, R16,
//! R34 count in Asia/Almaty time).

use time::macros::offset;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

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
///
/// Read by hand rather than by `time`'s format descriptions: their generic parser is about
/// ten kilobytes of every phone's download, for three fixed formats.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&b[0..4])?).ok()?;
    let month = Month::try_from(u8::try_from(digits(&b[5..7])?).ok()?).ok()?;
    let day = u8::try_from(digits(&b[8..10])?).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// The value of a run of ASCII digits (at most nine), `None` if any byte is not one.
fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// An RFC 3339 date-time, `2026-12-09T10:00:00+05:00` (also `…:00.123Z`, `t`/`z` in lower
/// case, as RFC 3339 §5.6 allows): the contract's instants. Leap seconds (`:60`) are refused.
pub fn parse_rfc3339(s: &str) -> Option<OffsetDateTime> {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = parse_iso_date(s.get(..10)?)?;
    let two = |i: usize| digits(&b[i..i + 2]).and_then(|n| u8::try_from(n).ok());
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    let mut rest = &b[19..];
    let mut nanos = 0u32;
    if let [b'.', tail @ ..] = rest {
        let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        nanos = digits(&tail[..n])? * 10u32.pow(9 - n as u32);
        rest = &tail[n..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => UtcOffset::UTC,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = i8::try_from(digits(&[*h1, *h2])?).ok()?;
            let m = i8::try_from(digits(&[*m1, *m2])?).ok()?;
            let (h, m) = if *sign == b'-' { (-h, -m) } else { (h, m) };
            UtcOffset::from_hms(h, m, 0).ok()?
        }
        _ => return None,
    };
    let time = Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    Some(PrimitiveDateTime::new(date, time).assume_offset(offset))
}

/// Serde for RFC 3339 instants: written by `time`, read by [`parse_rfc3339`].
pub mod rfc3339 {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use time::OffsetDateTime;

    pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        time::serde::rfc3339::serialize(t, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        super::parse_rfc3339(&s).ok_or_else(|| D::Error::custom("not an RFC 3339 date-time"))
    }

    /// The same for an optional instant (`null` or absent is `None`).
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};
        use time::OffsetDateTime;

        pub fn serialize<S: Serializer>(
            t: &Option<OffsetDateTime>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            time::serde::rfc3339::option::serialize(t, s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<OffsetDateTime>, D::Error> {
            #[derive(Deserialize)]
            #[serde(transparent)]
            struct Wire(#[serde(with = "super")] OffsetDateTime);
            Ok(Option::<Wire>::deserialize(d)?.map(|w| w.0))
        }
    }
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

    /// The hand-written reader agrees with `time`'s RFC 3339 parser on what both accept.
    #[test]
    fn rfc3339_reads_as_time_does() {
        use time::format_description::well_known::Rfc3339;
        for ok in [
            "2026-12-09T10:00:00+05:00",
            "2026-12-09t10:00:00z",
            "2026-12-09T05:00:00Z",
            "2026-12-09T10:00:00.5+05:00",
            "2026-12-09T10:00:00.123456789-03:30",
            "2024-02-29T23:59:59+00:00",
        ] {
            let want = OffsetDateTime::parse(ok, &Rfc3339).unwrap();
            let got = parse_rfc3339(ok).unwrap_or_else(|| panic!("{ok}"));
            assert_eq!((got, got.offset()), (want, want.offset()), "{ok}");
        }
        for bad in [
            "2026-12-09 10:00:00+05:00",
            "2026-12-09T10:00+05:00",
            "2026-12-09T10:00:00",
            "2026-12-09T10:00:00+0500",
            "2026-12-09T24:00:00Z",
            "2026-12-09T10:00:00.Z",
            "2026-12-09T10:00:00.1234567891Z",
            "2025-02-29T10:00:00Z",
            "2026-12-09T10:00:00+05:00 ",
            "2026-12-09T10:00:0a+05:00",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
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
