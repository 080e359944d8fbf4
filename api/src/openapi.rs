//! The OpenAPI 3.1 document of `/api/v1/`, generated from the contract's types: every path
//! of [`crate::ROUTES`] with its parameters, request body, every status it answers and the
//! body and headers of each. The Worker serves it at `GET /api/v1/openapi.json` (rendered at
//! build time by its build script, so none of this is in the Worker's wasm).
//!
//! The operations below are declarations only (`utoipa::path` on empty functions): the
//! handlers are the Worker's, which is tested against [`crate::ROUTES`] as this document is.

#![allow(dead_code)] // the functions exist for their `utoipa::path` attributes

use crate::bookings::{BookingBody, BookingCreated, BookingInput};
use crate::challenge::Challenge;
use crate::decisions::{
    AgreementInput, DecisionInput, ForwardInput, ReassignInput, ReleaseBody, ReleaseInput,
    RequestList, StaffBookingBody,
};
use crate::desk::{ChannelBookingInput, DeskReceptionList, EnteredBooking, RegistrationList};
use crate::eligibility::{EligibilityRequest, RulesBody, Verdict};
use crate::offices::{OfficeBody, OfficeList};
use crate::open_data::OpenDataList;
use crate::schedule::{ReceptionList, ScheduleBody};
use crate::staff::{
    AccountBody, AccountList, AuditPage, Enrolment, EnrolmentRequest, NewAccount, PasswordChange,
    SignIn, StaffBody,
};
use crate::{ErrorBody, Health, YearCalendar};
use rules::schedule::OfficialId;
use rules::{Lang, OfficeId};
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, ObjectBuilder, Ref, ResponseBuilder, Type};
use utoipa::{Modify, OpenApi, ToSchema};

/// The document, as served.
pub fn document() -> utoipa::openapi::OpenApi {
    Document::openapi()
}

/// The document as compact JSON text.
pub fn json() -> String {
    document().to_json().expect("the document serialises")
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Qabyldau API",
        description = "Pre-registration for personal reception at the prosecutor's offices of \
            Kazakhstan (Rules for personal reception, Order No. 87). Every error is \
            `{\"error\":{\"code\",\"message\",\"field\"}}` with a 4xx status; a method a path \
            does not accept is `405` with `Allow`; any other path under `/api/` is `404`.",
        license(name = "MIT", identifier = "MIT"),
    ),
    paths(
        health,
        openapi_json,
        offices,
        office,
        schedule,
        schedule_ics,
        crate::reception_card::paths::reception_card,
        receptions,
        open_data_csv,
        open_data_json,
        rules_body,
        eligibility,
        calendar,
        challenge,
        create_booking,
        booking,
        cancel_booking,
        booking_ics,
        staff_sign_in,
        staff_sign_out,
        staff_enrolment,
        staff_me,
        staff_accounts,
        staff_create_account,
        staff_disable_account,
        staff_password,
        staff_audit,
        desk_create_booking,
        desk_receptions,
        desk_list,
        desk_list_csv,
        crate::office_admin::paths::official_schedule,
        crate::office_admin::paths::edit_official_schedule,
        crate::office_admin::paths::reception_affected,
        crate::office_admin::paths::reception_cancel,
        crate::office_admin::paths::reception_move,
        crate::office_admin::paths::office_settings,
        crate::office_admin::paths::edit_office_settings,
        crate::office_admin::paths::video_only,
        staff_requests,
        staff_booking,
        staff_decision,
        staff_agreement,
        staff_release,
        staff_forward,
        staff_reassign,
        crate::queue::paths::take_ticket,
        crate::queue::paths::queue_state,
        crate::queue::paths::ticket,
        crate::queue::paths::staff_queue,
        crate::queue::paths::call_next,
        crate::queue::paths::verify_priority,
        crate::queue::paths::recall,
        crate::queue::paths::absent,
        crate::queue::paths::finish,
        crate::outcomes::paths::record_outcome,
        crate::outcomes::paths::control_list,
        crate::outcomes::paths::control_assign,
        crate::outcomes::paths::control_due,
        crate::outcomes::paths::control_close,
    ),
    modifiers(&ManageToken, &TicketToken, &StaffSession, &MethodNotAllowed, &ChannelBookingObject),
    tags(
        (name = "directory", description = "Offices (R2)"),
        (name = "schedules", description = "Receptions and open data (R5)"),
        (name = "rules", description = "The rule set, eligibility (R17–R33), the working calendar"),
        (name = "bookings", description = "Pre-registration (R3, R15, R30) and its management"),
        (name = "queue", description = "The electronic queue of the daily reception (R4, \
            R8, R9, R39-3): tickets without personal data, the board, the ticket's page"),
        (name = "staff", description = "Staff: sign-in with two factors, accounts, the audit \
            trail (R39-5). Every response is `Cache-Control: no-store`; every state-changing \
            request needs `X-Qabyldau-Staff: 1` and a same-origin `Origin` (or \
            `Sec-Fetch-Site: same-origin`), else `403 csrf`; anything outside the person's \
            office scope is `404`."),
    )
)]
struct Document;

/// `Authorization: Bearer <manage token>` of the manage endpoints.
struct ManageToken;

impl Modify for ManageToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "manage_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The manage token of the booking (base64url, 256 bits), given once in \
                         the 201 of `POST /api/v1/bookings`. Without it or with a wrong one \
                         the booking is `404`.",
                    ))
                    .build(),
            ),
        );
    }
}

/// `Authorization: Bearer <ticket token>` of a queue ticket's page.
struct TicketToken;

impl Modify for TicketToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "ticket_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "The ticket token (base64url, 256 bits), given once in the 201 of \
                         `POST /api/v1/queue/{office_id}/tickets`. Without it or with a wrong \
                         one the ticket is `404`.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The staff session cookie `__Host-qabyldau_staff` (`HttpOnly; Secure; SameSite=Strict;
/// Path=/`), set by `POST /api/v1/staff/session`.
struct StaffSession;

impl Modify for StaffSession {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "staff_session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "__Host-qabyldau_staff",
                "The staff session: 256 random bits (base64url), set by \
                 `POST /api/v1/staff/session`; idle timeout 30 minutes, absolute 12 hours. \
                 Without a live one a staff endpoint is `401 unauthenticated`.",
            ))),
        );
    }
}

/// `ChannelBookingInput` is `BookingInput` with `channel` beside its fields (`serde(flatten)`),
/// which utoipa renders as `allOf`. `BookingInput` admits no other field
/// (`additionalProperties: false`), so that `allOf` would admit no body at all: render the
/// one object the Worker reads instead.
struct ChannelBookingObject;

impl Modify for ChannelBookingObject {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        let json = |name: &str| serde_json::to_value(&components.schemas[name]).expect("a schema");
        let mut merged = json(BookingInput::name().as_ref());
        let own = json(ChannelBookingInput::name().as_ref());
        for part in own["allOf"].as_array().into_iter().flatten() {
            for (name, schema) in part["properties"].as_object().into_iter().flatten() {
                merged["properties"][name] = schema.clone();
            }
            for name in part["required"].as_array().into_iter().flatten() {
                merged["required"]
                    .as_array_mut()
                    .expect("BookingInput has required fields")
                    .push(name.clone());
            }
        }
        merged["description"] = own["description"].clone();
        components.schemas.insert(
            ChannelBookingInput::name().into(),
            serde_json::from_value(merged).expect("an object schema"),
        );
    }
}

/// Every operation may be asked with another method: `405` with `Allow`.
struct MethodNotAllowed;

impl Modify for MethodNotAllowed {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let response = ResponseBuilder::new()
            .description("Not a method this path accepts (see `Allow`).")
            .header(
                "Allow",
                HeaderBuilder::new()
                    .schema(ObjectBuilder::new().schema_type(Type::String))
                    .description(Some("The methods the path accepts, e.g. `GET, HEAD`."))
                    .build(),
            )
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name(ErrorBody::name())))
                    .build(),
            )
            .build();
        for item in openapi.paths.paths.values_mut() {
            for operation in [&mut item.get, &mut item.post, &mut item.delete]
                .into_iter()
                .flatten()
            {
                operation
                    .responses
                    .responses
                    .insert("405".into(), response.clone().into());
            }
        }
    }
}

#[utoipa::path(get, path = "/api/v1/health", tag = "directory",
    responses((status = 200, description = "The Worker is up.", body = Health)))]
fn health() {}

#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "directory",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag of this document")),
    responses(
        (status = 200, description = "This document.", content_type = "application/json",
         body = Object, headers(("ETag" = String, description = "Strong ETag of the body"))),
        (status = 304, description = "Unchanged since the ETag given.",
         headers(("ETag" = String, description = "Strong ETag of the body"))),
    ))]
fn openapi_json() {}

#[utoipa::path(get, path = "/api/v1/offices", tag = "directory",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag of the directory")),
    responses(
        (status = 200, description = "Every office (from the published snapshot).", body = OfficeList,
         headers(("ETag" = String, description = "Strong ETag of the body"),
                 ("Cache-Control" = String, description = "`public, max-age=300, stale-while-revalidate=86400`"))),
        (status = 304, description = "Unchanged since the ETag given.",
         headers(("ETag" = String, description = "Strong ETag of the body"))),
    ))]
fn offices() {}

#[utoipa::path(get, path = "/api/v1/offices/{id}", tag = "directory",
    params(("id" = String, Path, description = "The office id, e.g. `almaty-region-talgar`")),
    responses(
        (status = 200, description = "The office with its parent and children.", body = OfficeBody),
        (status = 404, description = "No office has this id (`not_found`, field `id`).", body = ErrorBody),
    ))]
fn office() {}

#[utoipa::path(get, path = "/api/v1/offices/{id}/schedule", tag = "schedules",
    params(
        ("id" = String, Path, description = "The office id"),
        ("If-None-Match" = Option<String>, Header, description = "An ETag of the schedule"),
    ),
    responses(
        (status = 200, description = "The office, its officials and its receptions for eight \
            weeks with their registration state now.", body = ScheduleBody,
         headers(("ETag" = String, description = "Strong ETag of the body"))),
        (status = 304, description = "Unchanged since the ETag given.",
         headers(("ETag" = String, description = "Strong ETag of the body"))),
        (status = 404, description = "No office has this id.", body = ErrorBody),
    ))]
fn schedule() {}

#[utoipa::path(get, path = "/api/v1/offices/{id}/schedule.ics", tag = "schedules",
    params(
        ("id" = String, Path, description = "The office id"),
        ("lang" = Option<Lang>, Query, description = "One language; Kazakh and Russian side by side without it"),
        ("reception" = Option<String>, Query, description = "One reception's id: that reception \
            alone, as a file to add once (without it, the feed to subscribe to)"),
    ),
    responses(
        (status = 200, description = "The receptions as iCalendar (RFC 5545).", body = String,
         content_type = "text/calendar"),
        (status = 404, description = "No office has this id, or the reception asked for is \
            not in its schedule.", body = ErrorBody),
        (status = 422, description = "`unknown_language` (field `lang`).", body = ErrorBody),
    ))]
fn schedule_ics() {}

#[utoipa::path(get, path = "/api/v1/receptions", tag = "schedules",
    params(
        ("office" = OfficeId, Query, description = "The office"),
        ("official" = Option<OfficialId>, Query, description = "Only this official's receptions"),
        ("from" = Option<String>, Query, format = Date, description = "First day (`YYYY-MM-DD`), today by default"),
        ("to" = Option<String>, Query, format = Date, description = "Last day, at most 92 days after `from`; 55 days after it by default"),
    ),
    responses(
        (status = 200, description = "The receptions in the range, with their registration state now.",
         body = ReceptionList),
        (status = 404, description = "No such office or official (field `office` or `official`).",
         body = ErrorBody),
        (status = 422, description = "A parameter is missing, unknown or invalid (`required`, \
            `unknown_parameter`, `invalid`, `invalid_date`, `before_from`, `range_too_long`), \
            naming it in `field`.", body = ErrorBody),
    ))]
fn receptions() {}

#[utoipa::path(get, path = "/api/v1/open-data/schedules.csv", tag = "schedules",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag of the file")),
    responses(
        (status = 200, description = "Every office's receptions for eight weeks, one row \
            each (the columns of `OpenDataRow`), as published by the cron every ten minutes.",
         body = String, content_type = "text/csv",
         headers(("ETag" = String, description = "Strong ETag of the body"),
                 ("Last-Modified" = String, description = "When the file was computed"),
                 ("Cache-Control" = String, description = "`public, max-age=300`"))),
        (status = 304, description = "Unchanged since the ETag given.",
         headers(("ETag" = String, description = "Strong ETag of the body"))),
    ))]
fn open_data_csv() {}

#[utoipa::path(get, path = "/api/v1/open-data/schedules.json", tag = "schedules",
    params(("If-None-Match" = Option<String>, Header, description = "An ETag of the file")),
    responses(
        (status = 200, description = "The same rows as the CSV.", body = OpenDataList,
         headers(("ETag" = String, description = "Strong ETag of the body"),
                 ("Last-Modified" = String, description = "When the file was computed"),
                 ("Cache-Control" = String, description = "`public, max-age=300`"))),
        (status = 304, description = "Unchanged since the ETag given.",
         headers(("ETag" = String, description = "Strong ETag of the body"))),
    ))]
fn open_data_json() {}

#[utoipa::path(get, path = "/api/v1/rules", tag = "rules",
    responses((status = 200, description = "The rule set, the official kinds and the \
        eligibility questions in kk/ru/en.", body = RulesBody)))]
fn rules_body() {}

#[utoipa::path(post, path = "/api/v1/eligibility", tag = "rules",
    request_body(content = EligibilityRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The verdict with its clauses and alternatives.", body = Verdict),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 413, description = "`payload_too_large`: more than 16 KiB.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not `application/json`.", body = ErrorBody),
        (status = 422, description = "`invalid_field`, `unknown_official_kind`, `unknown_question`, \
            `not_applicable`, `unanswered`, naming the field.", body = ErrorBody),
    ))]
fn eligibility() {}

#[utoipa::path(get, path = "/api/v1/calendar/{year}", tag = "rules",
    params(("year" = i32, Path, description = "2024–2028")),
    responses(
        (status = 200, description = "The working calendar of the year.", body = YearCalendar),
        (status = 404, description = "A year without a published calendar.", body = ErrorBody),
    ))]
fn calendar() {}

#[utoipa::path(get, path = "/api/v1/challenge", tag = "bookings",
    responses(
        (status = 200, description = "A proof of work to solve before `POST /api/v1/bookings` \
            (ALTCHA's scheme, SHA-256): find `number` in `0..=maxnumber` with \
            `hex(SHA-256(salt ‖ number)) == challenge`, then send the challenge's fields and the \
            number as base64 of ALTCHA's JSON payload in `X-Qabyldau-Challenge`. It expires with \
            the salt's `expires` and is good for one booking.", body = Challenge,
         headers(("Cache-Control" = String, description = "`no-store`"))),
    ))]
fn challenge() {}

#[utoipa::path(post, path = "/api/v1/bookings", tag = "bookings",
    params(("Idempotency-Key" = String, Header, min_length = 16, max_length = 128,
            pattern = "^[A-Za-z0-9._:-]{16,128}$",
            description = "One key per booking; the same key and body answer the same booking"),
           ("X-Qabyldau-Challenge" = String, Header,
            description = "The solved proof of work of `GET /api/v1/challenge`: base64 of \
            `{\"algorithm\",\"challenge\",\"number\",\"salt\",\"signature\"}` (ALTCHA's \
            payload). Not needed for a replay of a booking already made with this key and body.")),
    request_body(content = BookingInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Booked (`requested`: staff study the request while the \
            place is held, R15, R30), or the same key and body again.", body = BookingCreated),
        (status = 400, description = "`idempotency_key_required`, `invalid_idempotency_key`, \
            `malformed_json`.", body = ErrorBody),
        (status = 409, description = "`idempotency_key_reused`, `reception_full`, \
            `registration_closed` (+ `clause`), `duplicate_booking`.", body = ErrorBody),
        (status = 413, description = "`payload_too_large`: more than 16 KiB.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not `application/json`.", body = ErrorBody),
        (status = 422, description = "`challenge_required` / `challenge_invalid` (field \
            `X-Qabyldau-Challenge`: missing, or wrong, expired or used already), `refused` (+ \
            `grounds`, `alternatives`), `no_pre_registration` (+ `clause`), \
            `unknown_reception` (also a reception beyond the published weeks), `video_only`, \
            `video_reception`, or a field's code naming the field (`forbidden_character` for a \
            control, bidirectional or format character in free text).", body = ErrorBody),
        (status = 429, description = "`rate_limited`: too many requests from this address in \
            a minute, or too many bookings made from it today or for this reception.",
         body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
fn create_booking() {}

#[utoipa::path(get, path = "/api/v1/bookings/{code}", tag = "bookings",
    params(("code" = String, Path, description = "The booking code, `XXXX-XXXX-XXXX`")),
    security(("manage_token" = [])),
    responses(
        (status = 200, description = "The booking.", body = BookingBody),
        (status = 404, description = "No booking with this code and token.", body = ErrorBody),
        (status = 429, description = "`rate_limited`.", body = ErrorBody,
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
fn booking() {}

#[utoipa::path(post, path = "/api/v1/bookings/{code}/cancel", tag = "bookings",
    params(("code" = String, Path, description = "The booking code")),
    security(("manage_token" = [])),
    responses(
        (status = 200, description = "Cancelled, the place freed (cancelling twice answers the \
            cancelled booking).", body = BookingBody),
        (status = 404, description = "No booking with this code and token.", body = ErrorBody),
        (status = 409, description = "`reception_started`, `not_cancellable`.", body = ErrorBody),
        (status = 429, description = "`rate_limited`.", body = ErrorBody,
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
fn cancel_booking() {}

#[utoipa::path(get, path = "/api/v1/bookings/{code}/booking.ics", tag = "bookings",
    params(("code" = String, Path, description = "The booking code")),
    security(("manage_token" = [])),
    responses(
        (status = 200, description = "The booking as iCalendar.", body = String,
         content_type = "text/calendar"),
        (status = 404, description = "No booking with this code and token.", body = ErrorBody),
        (status = 429, description = "`rate_limited`.", body = ErrorBody,
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
fn booking_ics() {}

#[utoipa::path(post, path = "/api/v1/staff/session", tag = "staff",
    params(
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`: a request of the staff console (with a same-origin `Origin`)"),
    ),
    request_body(content = SignIn, content_type = "application/json"),
    responses(
        (status = 200, description = "Signed in: the session cookie is set. The first sign-in \
            with a code also completes the enrolment of the authenticator.", body = StaffBody,
         headers(("Set-Cookie" = String, description = "`__Host-qabyldau_staff=…; HttpOnly; Secure; SameSite=Strict; Path=/`"),
                 ("Cache-Control" = String, description = "`no-store`"))),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 401, description = "`invalid_credentials`: an unknown login, a wrong password, \
            a wrong or reused code, or a disabled account, alike.", body = ErrorBody),
        (status = 403, description = "`csrf`.", body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`invalid_field`.", body = ErrorBody),
        (status = 429, description = "`too_many_attempts`: 5 failures for the login within 15 \
            minutes lock it for 15 minutes; failures from one address are limited too.",
         body = ErrorBody, headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
fn staff_sign_in() {}

#[utoipa::path(delete, path = "/api/v1/staff/session", tag = "staff",
    params(
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    security(("staff_session" = [])),
    responses(
        (status = 204, description = "Signed out: the session is ended and the cookie cleared.",
         headers(("Set-Cookie" = String, description = "The cookie, expired"))),
        (status = 401, description = "`unauthenticated`: no live session.", body = ErrorBody),
        (status = 403, description = "`csrf`.", body = ErrorBody),
    ))]
fn staff_sign_out() {}

#[utoipa::path(post, path = "/api/v1/staff/enrolment", tag = "staff",
    params(
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    request_body(content = EnrolmentRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The TOTP secret of an account not yet enrolled, as text, \
            URI and QR code.", body = Enrolment),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 401, description = "`invalid_credentials`: an unknown login, a wrong \
            password, an account already enrolled or disabled, alike.", body = ErrorBody),
        (status = 403, description = "`csrf`.", body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`invalid_field`.", body = ErrorBody),
        (status = 429, description = "`too_many_attempts` (as for sign-in).", body = ErrorBody,
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
fn staff_enrolment() {}

#[utoipa::path(get, path = "/api/v1/staff/me", tag = "staff",
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "The person signed in.", body = StaffBody),
        (status = 401, description = "`unauthenticated`: no live session (none, expired, \
            signed out, the account disabled or its password changed).", body = ErrorBody),
    ))]
fn staff_me() {}

#[utoipa::path(get, path = "/api/v1/staff/accounts", tag = "staff",
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "The accounts of the offices in scope (admin), by office \
            and login.", body = AccountList),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: not an admin.", body = ErrorBody),
    ))]
fn staff_accounts() {}

#[utoipa::path(post, path = "/api/v1/staff/accounts", tag = "staff",
    params(
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    security(("staff_session" = [])),
    request_body(content = NewAccount, content_type = "application/json"),
    responses(
        (status = 201, description = "Created, with its initial password (shown once).",
         body = AccountBody),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`csrf`, or `forbidden`: not an admin.", body = ErrorBody),
        (status = 404, description = "`not_found` (field `office_id`): no office in scope has \
            this id.", body = ErrorBody),
        (status = 409, description = "`login_taken`.", body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`invalid_field`, `invalid` (`login`, `name`), `required` \
            (`roles`).", body = ErrorBody),
    ))]
fn staff_create_account() {}

#[utoipa::path(post, path = "/api/v1/staff/accounts/{id}/disable", tag = "staff",
    params(
        ("id" = String, Path, description = "The account id, `st_` and 16 hex digits"),
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "Disabled (again): its sessions are ended.", body = AccountBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`csrf`, or `forbidden`: not an admin.", body = ErrorBody),
        (status = 404, description = "No account in scope has this id.", body = ErrorBody),
    ))]
fn staff_disable_account() {}

#[utoipa::path(post, path = "/api/v1/staff/password", tag = "staff",
    params(
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    security(("staff_session" = [])),
    request_body(content = PasswordChange, content_type = "application/json"),
    responses(
        (status = 204, description = "Changed: every session of the account is ended, this one \
            included, and the cookie cleared.",
         headers(("Set-Cookie" = String, description = "The cookie, expired"))),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`, or `invalid_credentials`: the current \
            password is wrong.", body = ErrorBody),
        (status = 403, description = "`csrf`.", body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`weak_password` (field `new_password`), `invalid_field`.",
         body = ErrorBody),
        (status = 429, description = "`too_many_attempts`: the login is locked.", body = ErrorBody,
         headers(("Retry-After" = u64, description = "Seconds to wait"))),
    ))]
fn staff_password() {}

#[utoipa::path(get, path = "/api/v1/staff/audit", tag = "staff",
    params(
        ("office" = Option<OfficeId>, Query, description = "One office in scope (default: every office in scope)"),
        ("from" = Option<String>, Query, format = Date, description = "First day (`YYYY-MM-DD`, Kazakhstan time)"),
        ("to" = Option<String>, Query, format = Date, description = "Last day"),
    ),
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "The rows of the offices in scope, oldest first (at most \
            1000: narrow with `from`/`to`).", body = AuditPage),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: neither auditor nor admin.", body = ErrorBody),
        (status = 404, description = "`not_found` (field `office`): no office in scope has \
            this id.", body = ErrorBody),
        (status = 422, description = "`unknown_parameter`, `invalid` (`office`), \
            `invalid_date`, `before_from`, naming the parameter.", body = ErrorBody),
    ))]
fn staff_audit() {}

// The registrar's desk (R3.a–R3.c, R20, R25, R35).

#[utoipa::path(post, path = "/api/v1/staff/bookings", tag = "staff",
    params(
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ("Idempotency-Key" = String, Header, min_length = 16, max_length = 128,
            pattern = "^[A-Za-z0-9._:-]{16,128}$",
            description = "One key per request entered; the same key and body answer the same booking"),
    ),
    security(("staff_session" = [])),
    request_body(content = ChannelBookingInput, content_type = "application/json"),
    responses(
        (status = 201, description = "Entered (registrar, a reception of the person's own \
            office), with the same checks and admission as online: `requested` with a place \
            held, or `returned` (R3.c: no substance of the matter; no place). The manage token \
            and path are for the person, once; the same key and body answer the same.",
         body = EnteredBooking),
        (status = 400, description = "`idempotency_key_required`, `invalid_idempotency_key`, \
            `malformed_json`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`csrf`, or `forbidden`: not a registrar.", body = ErrorBody),
        (status = 404, description = "`not_found` (field `request.reception_id`): no \
            reception of the person's office has this id.", body = ErrorBody),
        (status = 409, description = "`idempotency_key_reused`, `reception_full`, \
            `registration_closed` (+ `clause`), `duplicate_booking`.", body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`invalid_field`, `refused` (+ `grounds`, \
            `alternatives`), `no_pre_registration` (+ `clause`), `unknown_reception`, \
            `video_only`, `video_reception`, or a field's code, naming the field under \
            `request` (R3.b: `request.on_behalf_of.authority…` for a third party without \
            the authority).", body = ErrorBody),
    ))]
fn desk_create_booking() {}

#[utoipa::path(get, path = "/api/v1/staff/receptions", tag = "staff",
    params(
        ("from" = Option<String>, Query, format = Date, description = "First day (`YYYY-MM-DD`), today by default"),
        ("to" = Option<String>, Query, format = Date, description = "Last day, at most 92 days after `from`; 55 days after it by default"),
    ),
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "The receptions of the person's office in the range, by \
            start, with the state of their lists and their active requests.",
         body = DeskReceptionList),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a registrar.", body = ErrorBody),
        (status = 422, description = "`unknown_parameter`, `invalid_date`, `before_from`, \
            `range_too_long`, naming the parameter.", body = ErrorBody),
    ))]
fn desk_receptions() {}

#[utoipa::path(get, path = "/api/v1/staff/receptions/{id}/list", tag = "staff",
    params(("id" = String, Path, description = "The reception, `{schedule_id}-{YYYYMMDD}`")),
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "The registration list (R20, R25, R35): provisional \
            while registration is open, frozen once it has closed, with the staff deadlines. \
            An audited read of personal data.", body = RegistrationList),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a registrar.", body = ErrorBody),
        (status = 404, description = "`not_found` (field `id`): no reception of the person's \
            office that takes registration has this id.", body = ErrorBody),
    ))]
fn desk_list() {}

#[utoipa::path(get, path = "/api/v1/staff/receptions/{id}/list.csv", tag = "staff",
    params(("id" = String, Path, description = "The reception, `{schedule_id}-{YYYYMMDD}`")),
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "The same list as CSV (UTF-8 with a byte order mark, \
            for Excel): a header row, then one row per person; a cell that a spreadsheet would \
            read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) starts with `'`. \
            An audited read of personal data.", body = String, content_type = "text/csv",
         headers(("Content-Disposition" = String, description = "`attachment; filename=\"{id}.csv\"`"))),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a registrar.", body = ErrorBody),
        (status = 404, description = "`not_found` (field `id`).", body = ErrorBody),
    ))]
fn desk_list_csv() {}

#[utoipa::path(get, path = "/api/v1/staff/requests", tag = "staff",
    params(
        ("status" = Option<String>, Query, description = "The bookings of this status: `requested` (default), `confirmed`, `refused`, `cancelled`, `cancelled_by_office`, `returned`"),
    ),
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "The office's requests (registrar, R15, R30) with personal \
            data, the agreement mark and the due dates: overdue first, then oldest first (at \
            most 500). An audited read.", body = RequestList),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a registrar.", body = ErrorBody),
        (status = 422, description = "`unknown_parameter`, `invalid` (`status`).", body = ErrorBody),
    ))]
fn staff_requests() {}

#[utoipa::path(get, path = "/api/v1/staff/bookings/{code}", tag = "staff",
    params(("code" = String, Path, description = "The booking code, `XXXX-XXXX-XXXX`")),
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "The whole booking, personal data included (an audited \
            read), with the grounds a refusal may cite.", body = StaffBookingBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`forbidden`: not a registrar.", body = ErrorBody),
        (status = 404, description = "No booking of the office has this code.", body = ErrorBody),
    ))]
fn staff_booking() {}

#[utoipa::path(post, path = "/api/v1/staff/bookings/{code}/decision", tag = "staff",
    params(
        ("code" = String, Path, description = "The booking code"),
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    security(("staff_session" = [])),
    request_body(content = DecisionInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Decided: `confirmed`, or `refused` with the clause and \
            the explanation the applicant sees (R18, R24, R32); a refusal frees the place.",
         body = StaffBookingBody),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`csrf`, or `forbidden`: not a registrar.", body = ErrorBody),
        (status = 404, description = "No booking of the office has this code.", body = ErrorBody),
        (status = 409, description = "`already_decided`; `agreement_required` (field \
            `agreement`, clause `R19` or `R33`): record the units' agreement first; \
            `reception_passed` (field `code`): a confirmation once the reception has begun.",
         body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`not_a_ground` (field `clause`): no ground of the \
            official's kind (R17, R23, R31); `required` (`clause`, `explanation`), `invalid` \
            (`explanation`), `invalid_field`.", body = ErrorBody),
    ))]
fn staff_decision() {}

#[utoipa::path(post, path = "/api/v1/staff/bookings/{code}/agreement", tag = "staff",
    params(
        ("code" = String, Path, description = "The booking code"),
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    security(("staff_session" = [])),
    request_body(content = AgreementInput, content_type = "application/json"),
    responses(
        (status = 200, description = "The units' agreement is recorded (R19, R33).",
         body = StaffBookingBody),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`csrf`, or `forbidden`: not a registrar.", body = ErrorBody),
        (status = 404, description = "No booking of the office has this code.", body = ErrorBody),
        (status = 409, description = "`already_decided`, `agreement_recorded`.", body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`not_applicable` (field `agreement`): the request needs \
            no agreement; `required`, `invalid` (`note`), `invalid_field`.", body = ErrorBody),
    ))]
fn staff_agreement() {}

#[utoipa::path(post, path = "/api/v1/staff/bookings/release", tag = "staff",
    params(
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    security(("staff_session" = [])),
    request_body(content = ReleaseInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Released: each booking `cancelled_by_office` with the \
            reason, its place freed.", body = ReleaseBody),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`csrf`, or `forbidden`: not a registrar.", body = ErrorBody),
        (status = 404, description = "`not_found` (field `codes`): a code is no booking of the \
            office; nothing is released.", body = ErrorBody),
        (status = 409, description = "`not_active` (field `codes`): a booking holds no place; \
            nothing is released.", body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`required` (`codes`, `reason.kk`, `reason.ru`), \
            `invalid` (`codes`, `reason.*`), `invalid_field`.", body = ErrorBody),
    ))]
fn staff_release() {}

#[utoipa::path(post, path = "/api/v1/staff/bookings/{code}/forward", tag = "staff",
    params(
        ("code" = String, Path, description = "The booking code"),
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    security(("staff_session" = [])),
    request_body(content = ForwardInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Forwarded (R3.d): this booking is `cancelled_by_office` \
            with the reason and `forwarded_to`, the new booking at the office below is \
            `requested` (same manage token).", body = StaffBookingBody),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`csrf`, or `forbidden`: not a registrar.", body = ErrorBody),
        (status = 404, description = "No booking of the office has this code; or no office \
            has this `office_id` (field `office_id`).", body = ErrorBody),
        (status = 409, description = "`already_decided`; `reception_full`, \
            `duplicate_booking`, `reception_started` (field `reception_id`).", body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`not_below` (field `office_id`): a sibling, a parent or \
            the office itself; `unknown_reception` (field `reception_id`), \
            `no_pre_registration`, `invalid_field`.", body = ErrorBody),
    ))]
fn staff_forward() {}

#[utoipa::path(post, path = "/api/v1/staff/bookings/{code}/reassign", tag = "staff",
    params(
        ("code" = String, Path, description = "The booking code"),
        ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
    ),
    security(("staff_session" = [])),
    request_body(content = ReassignInput, content_type = "application/json"),
    responses(
        (status = 200, description = "Reassigned to a deputy (R27), as a forward: this booking \
            is `cancelled_by_office` with `forwarded_to`.", body = StaffBookingBody),
        (status = 400, description = "`malformed_json`.", body = ErrorBody),
        (status = 401, description = "`unauthenticated`.", body = ErrorBody),
        (status = 403, description = "`csrf`, or `forbidden`: not a registrar.", body = ErrorBody),
        (status = 404, description = "No booking of the office has this code.", body = ErrorBody),
        (status = 409, description = "`already_decided`; `reception_full`, \
            `duplicate_booking`, `reception_started` (field `reception_id`).", body = ErrorBody),
        (status = 413, description = "`payload_too_large`.", body = ErrorBody),
        (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
        (status = 422, description = "`not_a_deputy` (field `reception_id`): not a reception \
            of a deputy of the same office; `unknown_reception`, `no_pre_registration`, \
            `invalid_field`.", body = ErrorBody),
    ))]
fn staff_reassign() {}
