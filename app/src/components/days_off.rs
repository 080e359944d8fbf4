//! The working calendar on an office page (src/office_page.rs), computed in the browser by
//! `rules::calendar` (the same code the Worker uses for the registration windows, R3.a, R16,
//! R34).

use rules::calendar::{Calendar, DayOff};
use time::{Date, Weekday};

/// The next days off that fall on weekdays, when an office is unexpectedly closed.
pub fn upcoming(calendar: &Calendar, today: Date, count: usize) -> Vec<DayOff> {
    (today.year()..=today.year() + 1)
        .filter_map(|year| calendar.days_off(year))
        .flatten()
        .filter(|d| {
            d.date >= today && !matches!(d.date.weekday(), Weekday::Saturday | Weekday::Sunday)
        })
        .take(count)
        .collect()
}
