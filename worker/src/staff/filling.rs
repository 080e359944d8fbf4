//! The inbox's flag for a reception filling unusually fast: many online bookings within the
//! last hour, compared with its places. One client with many IINs can still book (each booking
//! costs a proof of work and the per-address limits, `booking_limit`), so the registrar is told,
//! and may release the bookings in bulk (`POST /api/v1/staff/bookings/release`).

use super::scope::Scope;
use crate::clock;
use crate::error::ApiError;
use api::decisions::{FillingFast, StaffBooking};
use serde::Deserialize;
use std::collections::HashMap;
use time::format_description::well_known::Rfc3339;
use time::Duration;
use worker::Env;

/// At least this many bookings in an hour, and at least half the places.
pub const MIN_LAST_HOUR: u32 = 5;

/// Whether `last_hour` bookings of a reception of `capacity` places is unusually fast.
pub fn is_fast(last_hour: u32, capacity: u32) -> bool {
    last_hour >= MIN_LAST_HOUR && last_hour * 2 >= capacity
}

#[derive(Deserialize)]
struct Recent {
    reception_id: String,
    last_hour: u32,
    capacity: u32,
}

/// Marks the requests whose reception fills fast (one read of the scope's last hour).
pub async fn flag(
    env: &Env,
    scope: &Scope<'_>,
    requests: &mut [StaffBooking],
) -> Result<(), ApiError> {
    if requests.is_empty() {
        return Ok(());
    }
    let since = (clock::now() - Duration::hours(1))
        .format(&Rfc3339)
        .map_err(|e| ApiError::Unexpected(e.to_string()))?;
    let rows: Vec<Recent> = env
        .d1("DB")?
        .prepare(format!(
            "{}SELECT b.reception_id, COUNT(*) AS last_hour, r.capacity FROM bookings b \
             JOIN receptions r ON r.id = b.reception_id \
             WHERE b.office_id IN (SELECT id FROM scope) AND b.channel = 'online' \
             AND b.created_at >= ?2 GROUP BY b.reception_id, r.capacity",
            scope.cte(1)
        ))
        .bind(&[scope.office.into(), since.into()])?
        .all()
        .await?
        .results()?;
    let fast: HashMap<String, FillingFast> = rows
        .into_iter()
        .filter(|r| is_fast(r.last_hour, r.capacity))
        .map(|r| {
            let flag = FillingFast {
                last_hour: r.last_hour,
                capacity: r.capacity,
            };
            (r.reception_id, flag)
        })
        .collect();
    for request in requests {
        request.filling_fast = fast
            .get(request.booking.reception.reception.id.as_str())
            .copied();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_fast;

    #[test]
    fn fast_is_many_bookings_and_half_the_places_within_an_hour() {
        assert!(!is_fast(4, 5), "four bookings are never unusual");
        assert!(is_fast(5, 5) && is_fast(5, 10));
        assert!(!is_fast(5, 11), "five of eleven places is not half");
        assert!(is_fast(250, 500) && !is_fast(249, 500));
    }
}
