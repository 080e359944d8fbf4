//! The route table: which paths exist under `/api/`, which methods each accepts, and what
//! answers a path that does not exist (404) or a method it does not accept (405 + Allow).

use crate::error::ApiError;
use crate::{bookings, calendar, eligibility, http, ics, offices, open_data, rate_limit, schedule};
use rules::OfficeId;
use worker::{Env, Request, Response};

const READ: &[&str] = &["GET", "HEAD"];
const SUBMIT: &[&str] = &["POST"];

enum Route {
    Health,
    Offices,
    Office(String),
    Rules,
    Eligibility,
    Calendar(String),
    Schedule(String),
    ScheduleIcs(String),
    Receptions,
    OpenData(open_data::Format),
    Bookings,
    Booking(String),
    BookingCancel(String),
    BookingIcs(String),
}

impl Route {
    fn allow(&self) -> &'static [&'static str] {
        match self {
            Route::Eligibility | Route::Bookings | Route::BookingCancel(_) => SUBMIT,
            _ => READ,
        }
    }
}

fn route(path: &str) -> Option<Route> {
    let rest = path.strip_prefix("/api/v1/")?;
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    match segments.as_slice() {
        ["health"] => Some(Route::Health),
        ["offices"] => Some(Route::Offices),
        ["offices", id] if !id.is_empty() => Some(Route::Office((*id).to_owned())),
        ["offices", id, "schedule"] if !id.is_empty() => Some(Route::Schedule((*id).to_owned())),
        ["offices", id, "schedule.ics"] if !id.is_empty() => {
            Some(Route::ScheduleIcs((*id).to_owned()))
        }
        ["receptions"] => Some(Route::Receptions),
        ["open-data", "schedules.csv"] => Some(Route::OpenData(open_data::Format::Csv)),
        ["open-data", "schedules.json"] => Some(Route::OpenData(open_data::Format::Json)),
        ["rules"] => Some(Route::Rules),
        ["eligibility"] => Some(Route::Eligibility),
        ["bookings"] => Some(Route::Bookings),
        ["bookings", code] => Some(Route::Booking((*code).to_owned())),
        ["bookings", code, "cancel"] => Some(Route::BookingCancel((*code).to_owned())),
        ["bookings", code, "booking.ics"] => Some(Route::BookingIcs((*code).to_owned())),
        ["calendar", year] if !year.is_empty() => Some(Route::Calendar((*year).to_owned())),
        _ => None,
    }
}

pub async fn dispatch(mut req: Request, env: &Env) -> Result<Response, ApiError> {
    let path = req.path();
    let Some(route) = route(&path) else {
        return Err(ApiError::NotFound { field: None });
    };
    let allow = route.allow();
    if !allow.contains(&req.method().as_ref()) {
        return Err(ApiError::MethodNotAllowed { allow });
    }
    match route {
        Route::Health => Ok(health()),
        Route::Offices => offices::list(&req, env).await,
        Route::Office(id) => {
            // An id that cannot exist is as unknown as one that does not.
            let id = OfficeId::parse(&id).map_err(|_| ApiError::NotFound { field: Some("id") })?;
            offices::get(env, &id).await
        }
        Route::Rules => Ok(eligibility::rules()),
        Route::Eligibility => eligibility::decide(&mut req).await,
        Route::Calendar(year) => calendar::year(&year),
        Route::Schedule(id) => {
            let id = OfficeId::parse(&id).map_err(|_| ApiError::NotFound { field: Some("id") })?;
            schedule::office_schedule(&req, env, &id).await
        }
        Route::ScheduleIcs(id) => {
            let id = OfficeId::parse(&id).map_err(|_| ApiError::NotFound { field: Some("id") })?;
            ics::feed(&req, env, &id).await
        }
        Route::Receptions => schedule::receptions(&req, env).await,
        Route::OpenData(format) => open_data::schedules(env, format).await,
        Route::Bookings => {
            rate_limit::check(&req, env).await?;
            bookings::create(&mut req, env).await
        }
        Route::Booking(code) => {
            rate_limit::check(&req, env).await?;
            bookings::get(&req, env, &code).await
        }
        Route::BookingCancel(code) => {
            rate_limit::check(&req, env).await?;
            bookings::cancel(&req, env, &code).await
        }
        Route::BookingIcs(code) => {
            rate_limit::check(&req, env).await?;
            bookings::calendar(&req, env, &code).await
        }
    }
}

fn health() -> Response {
    let mut response = http::json(
        200,
        &api::Health {
            status: api::HealthStatus::Ok,
            version: env!("CARGO_PKG_VERSION").to_owned(),
        },
    );
    let _ = response.headers_mut().set("Cache-Control", "no-store");
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_to_routes() {
        assert!(matches!(route("/api/v1/health"), Some(Route::Health)));
        assert!(matches!(route("/api/v1/offices"), Some(Route::Offices)));
        assert!(matches!(route("/api/v1/offices/"), Some(Route::Offices)));
        assert!(matches!(route("/api/v1/offices/gpo"), Some(Route::Office(id)) if id == "gpo"));
        assert!(route("/api/v1/offices/gpo/x").is_none());
        assert!(matches!(route("/api/v1/calendar/2026"), Some(Route::Calendar(y)) if y == "2026"));
        assert_eq!(
            route("/api/v1/eligibility").map(|r| r.allow()),
            Some(SUBMIT)
        );
        assert_eq!(route("/api/v1/rules").map(|r| r.allow()), Some(READ));
        assert!(route("/api/v2/health").is_none());
        assert!(route("/api/").is_none());
    }
}
