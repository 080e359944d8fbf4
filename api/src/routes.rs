//! Every operation of `/api/v1/`, as path templates: the Worker's route table is tested
//! against this list, and the OpenAPI document must describe exactly these.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`, and `HEAD` with it.
    Get,
    Post,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

pub const ROUTES: &[(Method, &str)] = &[
    (Method::Get, "/api/v1/health"),
    (Method::Get, "/api/v1/openapi.json"),
    (Method::Get, "/api/v1/offices"),
    (Method::Get, "/api/v1/offices/{id}"),
    (Method::Get, "/api/v1/offices/{id}/schedule"),
    (Method::Get, "/api/v1/offices/{id}/schedule.ics"),
    (Method::Get, "/api/v1/offices/{id}/receptions/{reception}"),
    (Method::Get, "/api/v1/receptions"),
    (Method::Get, "/api/v1/open-data/schedules.csv"),
    (Method::Get, "/api/v1/open-data/schedules.json"),
    (Method::Get, "/api/v1/rules"),
    (Method::Post, "/api/v1/eligibility"),
    (Method::Get, "/api/v1/calendar/{year}"),
    (Method::Get, "/api/v1/challenge"),
    (Method::Post, "/api/v1/bookings"),
    (Method::Get, "/api/v1/bookings/{code}"),
    (Method::Post, "/api/v1/bookings/{code}/cancel"),
    (Method::Get, "/api/v1/bookings/{code}/booking.ics"),
    (Method::Post, "/api/v1/staff/session"),
    (Method::Delete, "/api/v1/staff/session"),
    (Method::Post, "/api/v1/staff/enrolment"),
    (Method::Get, "/api/v1/staff/me"),
    (Method::Get, "/api/v1/staff/accounts"),
    (Method::Post, "/api/v1/staff/accounts"),
    (Method::Post, "/api/v1/staff/accounts/{id}/disable"),
    (Method::Post, "/api/v1/staff/password"),
    (Method::Get, "/api/v1/staff/audit"),
    // The registrar's desk (R3.a, R20, R25, R35).
    (Method::Post, "/api/v1/staff/bookings"),
    (Method::Get, "/api/v1/staff/receptions"),
    (Method::Get, "/api/v1/staff/receptions/{id}/list"),
    (Method::Get, "/api/v1/staff/receptions/{id}/list.csv"),
    // The office's administration (`crate::office_admin`).
    (Method::Get, "/api/v1/staff/officials/{id}/schedule"),
    (Method::Post, "/api/v1/staff/officials/{id}/schedule"),
    (Method::Get, "/api/v1/staff/receptions/{id}/affected"),
    (Method::Post, "/api/v1/staff/receptions/{id}/cancel"),
    (Method::Post, "/api/v1/staff/receptions/{id}/move"),
    (Method::Get, "/api/v1/staff/offices/{id}/settings"),
    (Method::Post, "/api/v1/staff/offices/{id}/settings"),
    (Method::Post, "/api/v1/staff/offices/{id}/video-only"),
    // The responsible officer's decisions (R15, R17–R19, R23, R24, R30–R33).
    (Method::Get, "/api/v1/staff/requests"),
    (Method::Get, "/api/v1/staff/bookings/{code}"),
    (Method::Post, "/api/v1/staff/bookings/{code}/decision"),
    (Method::Post, "/api/v1/staff/bookings/{code}/agreement"),
    (Method::Post, "/api/v1/staff/bookings/release"),
    (Method::Post, "/api/v1/staff/bookings/{code}/forward"),
    (Method::Post, "/api/v1/staff/bookings/{code}/reassign"),
    // The electronic queue of the daily reception (`crate::queue`: R4, R8, R9, R39-3).
    (Method::Post, "/api/v1/queue/{office_id}/tickets"),
    (Method::Get, "/api/v1/queue/{office_id}"),
    (Method::Get, "/api/v1/queue/{office_id}/tickets/{number}"),
    (Method::Get, "/api/v1/staff/queue/{office_id}"),
    (Method::Post, "/api/v1/staff/queue/{office_id}/next"),
    (
        Method::Post,
        "/api/v1/staff/queue/{office_id}/tickets/{number}/priority",
    ),
    (
        Method::Post,
        "/api/v1/staff/queue/{office_id}/tickets/{number}/recall",
    ),
    (
        Method::Post,
        "/api/v1/staff/queue/{office_id}/tickets/{number}/absent",
    ),
    (
        Method::Post,
        "/api/v1/staff/queue/{office_id}/tickets/{number}/finish",
    ),
    // Outcomes and appeals on control (`crate::outcomes`: R39-6, R40–R42, R44).
    (Method::Post, "/api/v1/staff/outcomes"),
    (Method::Get, "/api/v1/staff/control"),
    (Method::Post, "/api/v1/staff/control/{id}/assign"),
    (Method::Post, "/api/v1/staff/control/{id}/due"),
    (Method::Post, "/api/v1/staff/control/{id}/close"),
];
