//! `GET /api/v1/calendar/{year}`: the working calendar of Kazakhstan for a supported year.

use crate::error::ApiError;
use crate::http;
use rules::calendar::Calendar;
use worker::Response;

pub fn year(raw: &str) -> Result<Response, ApiError> {
    let not_found = || ApiError::NotFound {
        field: Some("year"),
    };
    if raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_found());
    }
    let year: i32 = raw.parse().map_err(|_| not_found())?;
    let calendar = Calendar::kazakhstan();
    if !calendar.supports(year) {
        return Err(not_found());
    }
    let body = calendar.year(year).ok_or_else(not_found)?;
    let mut response = http::json(200, &body);
    // Changes only with a release (or a staff edit, which will purge it).
    response
        .headers_mut()
        .set("Cache-Control", "public, max-age=86400")?;
    Ok(response)
}
