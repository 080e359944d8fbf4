//! The browser's clock, read in Kazakhstan's time through `rules::dates` (R3.a, R16, R34
//! count in Asia/Almaty time): the one place the SPA asks what time it is.

use rules::dates::almaty;
use time::{Date, OffsetDateTime};

/// Now, by the browser's clock; `None` when it cannot be read.
pub fn now() -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp((js_sys::Date::now() / 1000.0) as i64).ok()
}

/// Today in Kazakhstan, by the browser's clock.
pub fn today() -> Option<Date> {
    now().map(|t| almaty(t).date())
}
