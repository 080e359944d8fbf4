//! The route table: which paths exist under `/api/`, which methods each accepts, and what
//! answers a path that does not exist (404) or a method it does not accept (405 + Allow).

use crate::error::ApiError;
use crate::staff::{self, Operation, QueueStep};
use crate::{
    bookings, calendar, challenge, eligibility, http, ics, offices, open_data, queue, rate_limit,
    reception_card, schedule,
};
use rules::OfficeId;
use worker::{Env, Request, Response};

/// The OpenAPI 3.1 document of the contract, rendered by build.rs.
const OPENAPI: &str = include_str!(concat!(env!("OUT_DIR"), "/openapi.json"));

const READ: &[&str] = &["GET", "HEAD"];
const SUBMIT: &[&str] = &["POST"];
const SESSION: &[&str] = &["POST", "DELETE"];
const READ_OR_SUBMIT: &[&str] = &["GET", "HEAD", "POST"];

enum Route {
    Health,
    OpenApi,
    Offices,
    Office(String),
    Rules,
    Eligibility,
    Calendar(String),
    Schedule(String),
    ScheduleIcs(String),
    /// The office and the reception.
    ReceptionCard(String, String),
    Receptions,
    OpenData(open_data::Format),
    Challenge,
    Bookings,
    Booking(String),
    BookingCancel(String),
    BookingIcs(String),
    StaffSession,
    StaffEnrolment,
    StaffMe,
    StaffAccounts,
    StaffAccountDisable(String),
    StaffPassword,
    StaffAudit,
    DeskBookings,
    DeskReceptions,
    DeskList(String),
    DeskListCsv(String),
    StaffOfficialSchedule(String),
    StaffReceptionAffected(String),
    StaffReceptionCancel(String),
    StaffReceptionMove(String),
    StaffOfficeSettings(String),
    StaffOfficeVideoOnly(String),
    StaffRequests,
    StaffBooking(String),
    StaffDecision(String),
    StaffAgreement(String),
    StaffRelease,
    StaffForward(String),
    StaffReassign(String),
    QueueTickets(String),
    Queue(String),
    QueueTicket(String, String),
    StaffQueue(String),
    StaffQueueNext(String),
    StaffQueuePriority(String, String),
    StaffQueueStep(String, String, QueueStep),
    StaffOutcomes,
    StaffControl,
    StaffControlAssign(String),
    StaffControlDue(String),
    StaffControlClose(String),
}

impl Route {
    /// The path template of the route, as `api::ROUTES` and the OpenAPI document name it.
    #[cfg(test)]
    fn template(&self) -> &'static str {
        match self {
            Route::Health => "/api/v1/health",
            Route::OpenApi => "/api/v1/openapi.json",
            Route::Offices => "/api/v1/offices",
            Route::Office(_) => "/api/v1/offices/{id}",
            Route::Schedule(_) => "/api/v1/offices/{id}/schedule",
            Route::ScheduleIcs(_) => "/api/v1/offices/{id}/schedule.ics",
            Route::ReceptionCard(..) => "/api/v1/offices/{id}/receptions/{reception}",
            Route::Receptions => "/api/v1/receptions",
            Route::OpenData(open_data::Format::Csv) => "/api/v1/open-data/schedules.csv",
            Route::OpenData(open_data::Format::Json) => "/api/v1/open-data/schedules.json",
            Route::Rules => "/api/v1/rules",
            Route::Eligibility => "/api/v1/eligibility",
            Route::Calendar(_) => "/api/v1/calendar/{year}",
            Route::Challenge => "/api/v1/challenge",
            Route::Bookings => "/api/v1/bookings",
            Route::Booking(_) => "/api/v1/bookings/{code}",
            Route::BookingCancel(_) => "/api/v1/bookings/{code}/cancel",
            Route::BookingIcs(_) => "/api/v1/bookings/{code}/booking.ics",
            Route::StaffSession => "/api/v1/staff/session",
            Route::StaffEnrolment => "/api/v1/staff/enrolment",
            Route::StaffMe => "/api/v1/staff/me",
            Route::StaffAccounts => "/api/v1/staff/accounts",
            Route::StaffAccountDisable(_) => "/api/v1/staff/accounts/{id}/disable",
            Route::StaffPassword => "/api/v1/staff/password",
            Route::StaffAudit => "/api/v1/staff/audit",
            Route::DeskBookings => "/api/v1/staff/bookings",
            Route::DeskReceptions => "/api/v1/staff/receptions",
            Route::DeskList(_) => "/api/v1/staff/receptions/{id}/list",
            Route::DeskListCsv(_) => "/api/v1/staff/receptions/{id}/list.csv",
            Route::StaffOfficialSchedule(_) => "/api/v1/staff/officials/{id}/schedule",
            Route::StaffReceptionAffected(_) => "/api/v1/staff/receptions/{id}/affected",
            Route::StaffReceptionCancel(_) => "/api/v1/staff/receptions/{id}/cancel",
            Route::StaffReceptionMove(_) => "/api/v1/staff/receptions/{id}/move",
            Route::StaffOfficeSettings(_) => "/api/v1/staff/offices/{id}/settings",
            Route::StaffOfficeVideoOnly(_) => "/api/v1/staff/offices/{id}/video-only",
            Route::StaffRequests => "/api/v1/staff/requests",
            Route::StaffBooking(_) => "/api/v1/staff/bookings/{code}",
            Route::StaffDecision(_) => "/api/v1/staff/bookings/{code}/decision",
            Route::StaffAgreement(_) => "/api/v1/staff/bookings/{code}/agreement",
            Route::StaffRelease => "/api/v1/staff/bookings/release",
            Route::StaffForward(_) => "/api/v1/staff/bookings/{code}/forward",
            Route::StaffReassign(_) => "/api/v1/staff/bookings/{code}/reassign",
            Route::QueueTickets(_) => "/api/v1/queue/{office_id}/tickets",
            Route::Queue(_) => "/api/v1/queue/{office_id}",
            Route::QueueTicket(..) => "/api/v1/queue/{office_id}/tickets/{number}",
            Route::StaffQueue(_) => "/api/v1/staff/queue/{office_id}",
            Route::StaffQueueNext(_) => "/api/v1/staff/queue/{office_id}/next",
            Route::StaffQueuePriority(..) => {
                "/api/v1/staff/queue/{office_id}/tickets/{number}/priority"
            }
            Route::StaffQueueStep(_, _, QueueStep::Recall) => {
                "/api/v1/staff/queue/{office_id}/tickets/{number}/recall"
            }
            Route::StaffQueueStep(_, _, QueueStep::Absent) => {
                "/api/v1/staff/queue/{office_id}/tickets/{number}/absent"
            }
            Route::StaffQueueStep(_, _, QueueStep::Finish) => {
                "/api/v1/staff/queue/{office_id}/tickets/{number}/finish"
            }
            Route::StaffOutcomes => "/api/v1/staff/outcomes",
            Route::StaffControl => "/api/v1/staff/control",
            Route::StaffControlAssign(_) => "/api/v1/staff/control/{id}/assign",
            Route::StaffControlDue(_) => "/api/v1/staff/control/{id}/due",
            Route::StaffControlClose(_) => "/api/v1/staff/control/{id}/close",
        }
    }

    fn allow(&self) -> &'static [&'static str] {
        match self {
            Route::Eligibility
            | Route::Bookings
            | Route::BookingCancel(_)
            | Route::StaffEnrolment
            | Route::StaffAccountDisable(_)
            | Route::StaffPassword
            | Route::DeskBookings
            | Route::StaffReceptionCancel(_)
            | Route::StaffReceptionMove(_)
            | Route::StaffOfficeVideoOnly(_)
            | Route::StaffDecision(_)
            | Route::StaffAgreement(_)
            | Route::StaffRelease
            | Route::StaffForward(_)
            | Route::StaffReassign(_)
            | Route::QueueTickets(_)
            | Route::StaffQueueNext(_)
            | Route::StaffQueuePriority(..)
            | Route::StaffQueueStep(..)
            | Route::StaffOutcomes
            | Route::StaffControlAssign(_)
            | Route::StaffControlDue(_)
            | Route::StaffControlClose(_) => SUBMIT,
            Route::StaffSession => SESSION,
            Route::StaffAccounts
            | Route::StaffOfficialSchedule(_)
            | Route::StaffOfficeSettings(_) => READ_OR_SUBMIT,
            _ => READ,
        }
    }
}

fn route(path: &str) -> Option<Route> {
    let rest = path.strip_prefix("/api/v1/")?;
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    match segments.as_slice() {
        ["health"] => Some(Route::Health),
        ["openapi.json"] => Some(Route::OpenApi),
        ["offices"] => Some(Route::Offices),
        ["offices", id] if !id.is_empty() => Some(Route::Office((*id).to_owned())),
        ["offices", id, "schedule"] if !id.is_empty() => Some(Route::Schedule((*id).to_owned())),
        ["offices", id, "schedule.ics"] if !id.is_empty() => {
            Some(Route::ScheduleIcs((*id).to_owned()))
        }
        ["offices", id, "receptions", reception] if !id.is_empty() && !reception.is_empty() => {
            Some(Route::ReceptionCard(
                (*id).to_owned(),
                (*reception).to_owned(),
            ))
        }
        ["receptions"] => Some(Route::Receptions),
        ["open-data", "schedules.csv"] => Some(Route::OpenData(open_data::Format::Csv)),
        ["open-data", "schedules.json"] => Some(Route::OpenData(open_data::Format::Json)),
        ["rules"] => Some(Route::Rules),
        ["eligibility"] => Some(Route::Eligibility),
        ["challenge"] => Some(Route::Challenge),
        ["bookings"] => Some(Route::Bookings),
        ["bookings", code] => Some(Route::Booking((*code).to_owned())),
        ["bookings", code, "cancel"] => Some(Route::BookingCancel((*code).to_owned())),
        ["bookings", code, "booking.ics"] => Some(Route::BookingIcs((*code).to_owned())),
        ["calendar", year] if !year.is_empty() => Some(Route::Calendar((*year).to_owned())),
        ["staff", "session"] => Some(Route::StaffSession),
        ["staff", "enrolment"] => Some(Route::StaffEnrolment),
        ["staff", "me"] => Some(Route::StaffMe),
        ["staff", "accounts"] => Some(Route::StaffAccounts),
        ["staff", "accounts", id, "disable"] if !id.is_empty() => {
            Some(Route::StaffAccountDisable((*id).to_owned()))
        }
        ["staff", "password"] => Some(Route::StaffPassword),
        ["staff", "audit"] => Some(Route::StaffAudit),
        ["staff", "bookings"] => Some(Route::DeskBookings),
        ["staff", "receptions"] => Some(Route::DeskReceptions),
        ["staff", "receptions", id, "list"] if !id.is_empty() => {
            Some(Route::DeskList((*id).to_owned()))
        }
        ["staff", "receptions", id, "list.csv"] if !id.is_empty() => {
            Some(Route::DeskListCsv((*id).to_owned()))
        }
        ["staff", "officials", id, "schedule"] if !id.is_empty() => {
            Some(Route::StaffOfficialSchedule((*id).to_owned()))
        }
        ["staff", "receptions", id, "affected"] if !id.is_empty() => {
            Some(Route::StaffReceptionAffected((*id).to_owned()))
        }
        ["staff", "receptions", id, "cancel"] if !id.is_empty() => {
            Some(Route::StaffReceptionCancel((*id).to_owned()))
        }
        ["staff", "receptions", id, "move"] if !id.is_empty() => {
            Some(Route::StaffReceptionMove((*id).to_owned()))
        }
        ["staff", "offices", id, "settings"] if !id.is_empty() => {
            Some(Route::StaffOfficeSettings((*id).to_owned()))
        }
        ["staff", "offices", id, "video-only"] if !id.is_empty() => {
            Some(Route::StaffOfficeVideoOnly((*id).to_owned()))
        }
        ["staff", "requests"] => Some(Route::StaffRequests),
        // Before `{code}`: no code is `release` (codes are 14 characters).
        ["staff", "bookings", "release"] => Some(Route::StaffRelease),
        ["staff", "bookings", code] if !code.is_empty() => {
            Some(Route::StaffBooking((*code).to_owned()))
        }
        ["staff", "bookings", code, "decision"] if !code.is_empty() => {
            Some(Route::StaffDecision((*code).to_owned()))
        }
        ["staff", "bookings", code, "agreement"] if !code.is_empty() => {
            Some(Route::StaffAgreement((*code).to_owned()))
        }
        ["staff", "bookings", code, "forward"] if !code.is_empty() => {
            Some(Route::StaffForward((*code).to_owned()))
        }
        ["staff", "bookings", code, "reassign"] if !code.is_empty() => {
            Some(Route::StaffReassign((*code).to_owned()))
        }
        ["queue", office] if !office.is_empty() => Some(Route::Queue((*office).to_owned())),
        ["queue", office, "tickets"] if !office.is_empty() => {
            Some(Route::QueueTickets((*office).to_owned()))
        }
        ["queue", office, "tickets", number] if !office.is_empty() && !number.is_empty() => Some(
            Route::QueueTicket((*office).to_owned(), (*number).to_owned()),
        ),
        ["staff", "queue", office] if !office.is_empty() => {
            Some(Route::StaffQueue((*office).to_owned()))
        }
        ["staff", "queue", office, "next"] if !office.is_empty() => {
            Some(Route::StaffQueueNext((*office).to_owned()))
        }
        ["staff", "queue", office, "tickets", number, action]
            if !office.is_empty() && !number.is_empty() =>
        {
            let (office, number) = ((*office).to_owned(), (*number).to_owned());
            match *action {
                "priority" => Some(Route::StaffQueuePriority(office, number)),
                "recall" => Some(Route::StaffQueueStep(office, number, QueueStep::Recall)),
                "absent" => Some(Route::StaffQueueStep(office, number, QueueStep::Absent)),
                "finish" => Some(Route::StaffQueueStep(office, number, QueueStep::Finish)),
                _ => None,
            }
        }
        ["staff", "outcomes"] => Some(Route::StaffOutcomes),
        ["staff", "control"] => Some(Route::StaffControl),
        ["staff", "control", id, "assign"] if !id.is_empty() => {
            Some(Route::StaffControlAssign((*id).to_owned()))
        }
        ["staff", "control", id, "due"] if !id.is_empty() => {
            Some(Route::StaffControlDue((*id).to_owned()))
        }
        ["staff", "control", id, "close"] if !id.is_empty() => {
            Some(Route::StaffControlClose((*id).to_owned()))
        }
        _ => None,
    }
}

pub async fn dispatch(mut req: Request, env: &Env) -> Result<Response, ApiError> {
    let path = req.path();
    let Some(route) = route(&path) else {
        return Err(ApiError::NotFound { field: None });
    };
    let allow = route.allow();
    let method = http::method(&req);
    if !allow.contains(&method.as_str()) {
        return Err(ApiError::MethodNotAllowed { allow });
    }
    let submitted = method == "POST";
    match route {
        Route::Health => Ok(health()),
        Route::OpenApi => http::cached_json(&req, OPENAPI.to_owned(), "public, max-age=3600"),
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
        Route::ReceptionCard(id, reception) => {
            let id = OfficeId::parse(&id).map_err(|_| ApiError::NotFound { field: Some("id") })?;
            reception_card::card(&req, env, &id, &reception).await
        }
        Route::Receptions => schedule::receptions(&req, env).await,
        Route::OpenData(format) => open_data::schedules(&req, env, format).await,
        Route::Challenge => challenge::issue(env).await,
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
        Route::StaffSession if submitted => staff::handle(Operation::SignIn, &mut req, env).await,
        Route::StaffSession => staff::handle(Operation::SignOut, &mut req, env).await,
        Route::StaffEnrolment => staff::handle(Operation::Enrolment, &mut req, env).await,
        Route::StaffMe => staff::handle(Operation::Me, &mut req, env).await,
        Route::StaffAccounts if submitted => {
            staff::handle(Operation::CreateAccount, &mut req, env).await
        }
        Route::StaffAccounts => staff::handle(Operation::Accounts, &mut req, env).await,
        Route::StaffAccountDisable(id) => {
            staff::handle(Operation::DisableAccount(id), &mut req, env).await
        }
        Route::StaffPassword => staff::handle(Operation::Password, &mut req, env).await,
        Route::StaffAudit => staff::handle(Operation::Audit, &mut req, env).await,
        Route::DeskBookings => staff::handle(Operation::EnterBooking, &mut req, env).await,
        Route::DeskReceptions => staff::handle(Operation::DeskReceptions, &mut req, env).await,
        Route::DeskList(id) => staff::handle(Operation::RegistrationList(id), &mut req, env).await,
        Route::DeskListCsv(id) => {
            staff::handle(Operation::RegistrationListCsv(id), &mut req, env).await
        }
        Route::StaffOfficialSchedule(id) if submitted => {
            staff::handle(Operation::EditOfficialSchedule(id), &mut req, env).await
        }
        Route::StaffOfficialSchedule(id) => {
            staff::handle(Operation::OfficialSchedule(id), &mut req, env).await
        }
        Route::StaffReceptionAffected(id) => {
            staff::handle(Operation::AffectedBookings(id), &mut req, env).await
        }
        Route::StaffReceptionCancel(id) => {
            staff::handle(Operation::CancelReception(id), &mut req, env).await
        }
        Route::StaffReceptionMove(id) => {
            staff::handle(Operation::MoveReception(id), &mut req, env).await
        }
        Route::StaffOfficeSettings(id) if submitted => {
            staff::handle(Operation::EditOfficeSettings(id), &mut req, env).await
        }
        Route::StaffOfficeSettings(id) => {
            staff::handle(Operation::OfficeSettings(id), &mut req, env).await
        }
        Route::StaffOfficeVideoOnly(id) => {
            staff::handle(Operation::VideoOnly(id), &mut req, env).await
        }
        Route::StaffRequests => staff::handle(Operation::Requests, &mut req, env).await,
        Route::StaffBooking(code) => staff::handle(Operation::Booking(code), &mut req, env).await,
        Route::StaffDecision(code) => staff::handle(Operation::Decision(code), &mut req, env).await,
        Route::StaffAgreement(code) => {
            staff::handle(Operation::Agreement(code), &mut req, env).await
        }
        Route::StaffRelease => staff::handle(Operation::Release, &mut req, env).await,
        Route::StaffForward(code) => staff::handle(Operation::Forward(code), &mut req, env).await,
        Route::StaffReassign(code) => staff::handle(Operation::Reassign(code), &mut req, env).await,
        Route::QueueTickets(office) => {
            queue::limit(&req, env, crate::rate_limit::QueueUse::Ticket).await?;
            queue::take(&mut req, env, &office).await
        }
        Route::Queue(office) => {
            queue::limit(&req, env, crate::rate_limit::QueueUse::Poll).await?;
            queue::state(&req, env, &office).await
        }
        Route::QueueTicket(office, number) => {
            queue::limit(&req, env, crate::rate_limit::QueueUse::Poll).await?;
            queue::ticket(&req, env, &office, &number).await
        }
        Route::StaffQueue(office) => staff::handle(Operation::Queue(office), &mut req, env).await,
        Route::StaffQueueNext(office) => {
            staff::handle(Operation::CallNext(office), &mut req, env).await
        }
        Route::StaffQueuePriority(office, number) => {
            staff::handle(Operation::VerifyPriority(office, number), &mut req, env).await
        }
        Route::StaffQueueStep(office, number, step) => {
            staff::handle(Operation::QueueStep(office, number, step), &mut req, env).await
        }
        Route::StaffOutcomes => staff::handle(Operation::RecordOutcome, &mut req, env).await,
        Route::StaffControl => staff::handle(Operation::Control, &mut req, env).await,
        Route::StaffControlAssign(id) => {
            staff::handle(Operation::AssignAppeal(id), &mut req, env).await
        }
        Route::StaffControlDue(id) => staff::handle(Operation::AppealDue(id), &mut req, env).await,
        Route::StaffControlClose(id) => {
            staff::handle(Operation::CloseAppeal(id), &mut req, env).await
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

    /// The route table and the contract's list (which the OpenAPI document is tested
    /// against) name the same operations.
    #[test]
    fn every_route_of_the_contract_is_served() {
        let mut operations = std::collections::BTreeSet::new();
        for (method, template) in api::ROUTES {
            let path = template
                .replace("{id}", "gpo")
                .replace("{year}", "2026")
                .replace("{code}", "0123-4567-89AB")
                .replace("{office_id}", "gpo")
                .replace("{number}", "12")
                .replace("{reception}", "gpo-pg-monthly-20261209");
            let r = route(&path).unwrap_or_else(|| panic!("{path}"));
            assert_eq!(r.template(), *template);
            assert!(r.allow().contains(&method.as_str()), "{method:?} {path}");
            operations.insert((method.as_str(), *template));
        }
        assert_eq!(operations.len(), api::ROUTES.len());
        // DELETE only where the contract has it.
        assert_eq!(
            route("/api/v1/staff/session").map(|r| r.allow()),
            Some(SESSION)
        );
        assert!(!route("/api/v1/staff/me")
            .unwrap()
            .allow()
            .contains(&"DELETE"));
    }

    #[test]
    fn the_served_document_is_the_contracts() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        let paths = doc["paths"].as_object().unwrap();
        for (method, template) in api::ROUTES {
            let op = &paths[*template][method.as_str().to_lowercase()];
            assert!(op.is_object(), "{method:?} {template}");
        }
    }
}
