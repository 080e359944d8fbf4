//! The office's own administration (`admin`, offices in scope), `/api/v1/staff/…`:
//!
//! * an official's schedule, read and replaced with the checks of `cargo xtask
//!   import-schedules` (every field, then R13, R26, R38 over the coming year):
//!   `GET`/`POST /api/v1/staff/officials/{id}/schedule`;
//! * one reception cancelled or moved to another working day: first
//!   `GET /api/v1/staff/receptions/{id}/affected` (the active bookings it would cancel), then
//!   `POST …/cancel` or `POST …/move` with the reason in kk and ru (en optional); those
//!   bookings become `cancelled_by_office` and their manage pages show the reason;
//! * the video-only mode (R11) with its reason: `POST /api/v1/staff/offices/{id}/video-only`;
//! * the office's settings — its address, the responsible officers' phone (the Order's para
//!   2(1); RULES.md "Readings", 10), the Citizens' Reception Centre's room and hours
//!   (R39-1): `GET`/`POST /api/v1/staff/offices/{id}/settings`, published through
//!   `GET /api/v1/offices/{id}` and `GET /api/v1/offices/{id}/schedule`.
//!
//! Anything outside the admin's scope is `404`; every action is one row of the audit trail.

use crate::schedule::{ReceptionCentre, VideoOnly};
use rules::schedule::{OfficialId, ScheduleRow};
use rules::{LocalizedText, OfficeId};
use serde::{Deserialize, Serialize};
use time::Date;

/// `GET`/`POST /api/v1/staff/officials/{id}/schedule`: the official's schedules as rows of
/// the import format, by schedule id (the official's fields repeated on each row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficialSchedule {
    pub official_id: OfficialId,
    pub office_id: OfficeId,
    pub rows: Vec<ScheduleRow>,
}

/// `POST /api/v1/staff/officials/{id}/schedule`: the official's whole schedule, replacing
/// the stored one (schedules not listed go, unless a booking holds one of their receptions).
/// Every row names this official and an office in scope; at least one row. A new official
/// id makes a new official of that office. A refused edit is `422` with the first problem
/// the import would report: its code (`required`, `bad_time`, …, or
/// `month_without_reception` R13 / `week_without_reception` R26, R38 with `clause`) and
/// its field, `rows[i].column` (`rows[i,j].column` for a problem across rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleEdit {
    pub rows: Vec<ScheduleRow>,
}

/// The reason of an office's cancellation, shown to the applicant: Kazakh and Russian
/// required (R5's languages), English optional (the Russian is shown without it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfficeReason {
    pub kk: String,
    pub ru: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl OfficeReason {
    /// The longest reason accepted, per language.
    pub const MAX_CHARS: usize = 1000;
}

/// `GET /api/v1/staff/receptions/{id}/affected`: what cancelling or moving the reception
/// would cancel — its active bookings (`requested`, `confirmed`), by code only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AffectedBookings {
    pub reception_id: String,
    pub official_id: OfficialId,
    pub office_id: OfficeId,
    #[serde(with = "rules::calendar::iso_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    pub count: u32,
    pub codes: Vec<String>,
}

/// `POST /api/v1/staff/receptions/{id}/cancel`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CancelReception {
    pub reason: OfficeReason,
}

/// `POST /api/v1/staff/receptions/{id}/move`: held on `to` (a working day, not a day the
/// schedule already holds one) instead; its bookings are cancelled (a booking stays with its
/// reception), and the applicants book the new day again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MoveReception {
    #[serde(with = "rules::calendar::iso_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub to: Date,
    pub reason: OfficeReason,
}

/// `200` of `…/cancel` and `…/move`: the bookings now `cancelled_by_office`, and for a move
/// the new reception's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceptionChanged {
    pub reception_id: String,
    pub cancelled: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<String>,
}

/// `POST /api/v1/staff/offices/{id}/video-only`: `{"reason":{kk,ru,en}}` switches the
/// office to video conferences only (R11: emergencies, restrictive measures, safety),
/// `{"reason":null}` back to in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VideoOnlySwitch {
    pub reason: Option<LocalizedText>,
}

/// The Citizens' Reception Centre (R39-1): its room and daily hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CentreSettings {
    /// The room (number, floor, entrance), in three languages.
    pub room: LocalizedText,
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^[0-2][0-9]:[0-5][0-9]$"))]
    pub opens: time::Time,
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^[0-2][0-9]:[0-5][0-9]$"))]
    pub closes: time::Time,
}

/// `POST /api/v1/staff/offices/{id}/settings`: what the office publishes about itself;
/// `null` clears a setting ("not published yet", never an invented value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfficeSettingsInput {
    pub address: Option<LocalizedText>,
    /// The responsible officers' contact phone (the Order's para 2(1)): `+7` and 10 digits.
    pub responsible_phone: Option<String>,
    pub reception_centre: Option<CentreSettings>,
}

/// `200` of `GET`/`POST /api/v1/staff/offices/{id}/settings` and of `…/video-only`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeSettings {
    pub office_id: OfficeId,
    pub address: Option<LocalizedText>,
    pub responsible_phone: Option<String>,
    pub reception_centre: Option<ReceptionCentre>,
    pub video_only: Option<VideoOnly>,
}

/// The operations' declarations for the OpenAPI document (`crate::openapi`).
#[cfg(feature = "openapi")]
#[allow(dead_code)] // the functions exist for their `utoipa::path` attributes
pub(crate) mod paths {
    use super::*;
    use crate::ErrorBody;

    #[utoipa::path(get, path = "/api/v1/staff/officials/{id}/schedule", tag = "staff",
        params(("id" = OfficialId, Path, description = "The official's id")),
        security(("staff_session" = [])),
        responses(
            (status = 200, description = "The official's schedules as rows of the import \
                format (README, \"Importing schedules\").", body = OfficialSchedule),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`forbidden`: not an admin.", body = ErrorBody),
            (status = 404, description = "No official of an office in scope has this id.",
             body = ErrorBody),
        ))]
    pub fn official_schedule() {}

    #[utoipa::path(post, path = "/api/v1/staff/officials/{id}/schedule", tag = "staff",
        params(
            ("id" = OfficialId, Path, description = "The official's id (a new one makes a new official)"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = ScheduleEdit, content_type = "application/json"),
        responses(
            (status = 200, description = "Replaced, with the checks of `cargo xtask \
                import-schedules`; the office's published schedule is rebuilt.",
             body = OfficialSchedule),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not an admin.", body = ErrorBody),
            (status = 404, description = "`not_found`: the official (field `id`) or the new \
                official's office (field `rows[0].office_id`) is not in scope.", body = ErrorBody),
            (status = 409, description = "`schedule_in_use`: a schedule left out has booked \
                receptions, or an active booking's reception would no longer be held (cancel \
                or move it first).", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "The first problem the import would report, field \
                `rows[i].column`: a field code (`required`, `bad_time`, …, `invalid` for \
                another official or office, `schedule_id_taken`), or \
                `month_without_reception` (R13) / `week_without_reception` (R26, R38) with \
                `clause`; `required` (`rows`) for none; `invalid_field`.", body = ErrorBody),
        ))]
    pub fn edit_official_schedule() {}

    #[utoipa::path(get, path = "/api/v1/staff/receptions/{id}/affected", tag = "staff",
        params(("id" = String, Path, description = "The reception id, `{schedule_id}-{YYYYMMDD}`")),
        security(("staff_session" = [])),
        responses(
            (status = 200, description = "The active bookings cancelling or moving the \
                reception would cancel, by code.", body = AffectedBookings),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`forbidden`: not an admin.", body = ErrorBody),
            (status = 404, description = "No reception of a schedule in scope has this id.",
             body = ErrorBody),
        ))]
    pub fn reception_affected() {}

    #[utoipa::path(post, path = "/api/v1/staff/receptions/{id}/cancel", tag = "staff",
        params(
            ("id" = String, Path, description = "The reception id"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = CancelReception, content_type = "application/json"),
        responses(
            (status = 200, description = "Cancelled: the schedule no longer holds it, its \
                bookings are `cancelled_by_office` with the reason.", body = ReceptionChanged),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not an admin.", body = ErrorBody),
            (status = 404, description = "No reception of a schedule in scope has this id.",
             body = ErrorBody),
            (status = 409, description = "`reception_passed`: it has started.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`required` / `invalid` (`reason.kk`, `reason.ru`, \
                `reason.en`), `invalid_field`.", body = ErrorBody),
        ))]
    pub fn reception_cancel() {}

    #[utoipa::path(post, path = "/api/v1/staff/receptions/{id}/move", tag = "staff",
        params(
            ("id" = String, Path, description = "The reception id"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = MoveReception, content_type = "application/json"),
        responses(
            (status = 200, description = "Moved: held on `to`; its bookings are \
                `cancelled_by_office` with the reason.", body = ReceptionChanged),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not an admin.", body = ErrorBody),
            (status = 404, description = "No reception of a schedule in scope has this id.",
             body = ErrorBody),
            (status = 409, description = "`reception_passed`: it has started.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`to`: `not_a_working_day_ahead`, `reception_exists` \
                (the schedule holds one that day), or a code of the row's checks; `required` \
                / `invalid` (`reason.*`), `invalid_field`.", body = ErrorBody),
        ))]
    pub fn reception_move() {}

    #[utoipa::path(get, path = "/api/v1/staff/offices/{id}/settings", tag = "staff",
        params(("id" = OfficeId, Path, description = "The office id")),
        security(("staff_session" = [])),
        responses(
            (status = 200, description = "What the office publishes about itself.",
             body = OfficeSettings),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`forbidden`: not an admin.", body = ErrorBody),
            (status = 404, description = "No office in scope has this id.", body = ErrorBody),
        ))]
    pub fn office_settings() {}

    #[utoipa::path(post, path = "/api/v1/staff/offices/{id}/settings", tag = "staff",
        params(
            ("id" = OfficeId, Path, description = "The office id"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = OfficeSettingsInput, content_type = "application/json"),
        responses(
            (status = 200, description = "Set, and published on the office's page and \
                schedule.", body = OfficeSettings),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not an admin.", body = ErrorBody),
            (status = 404, description = "No office in scope has this id.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`required` / `invalid` naming the field \
                (`address.kk`, `responsible_phone`, `reception_centre.room.ru`, …), \
                `end_not_after_start` (`reception_centre.closes`), `invalid_field`.",
             body = ErrorBody),
        ))]
    pub fn edit_office_settings() {}

    #[utoipa::path(post, path = "/api/v1/staff/offices/{id}/video-only", tag = "staff",
        params(
            ("id" = OfficeId, Path, description = "The office id"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = VideoOnlySwitch, content_type = "application/json"),
        responses(
            (status = 200, description = "Switched (R11): with a reason, in-person bookings \
                are refused and the schedule shows why; `null` ends it.", body = OfficeSettings),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not an admin.", body = ErrorBody),
            (status = 404, description = "No office in scope has this id.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`required` / `invalid` (`reason.kk`, …), \
                `invalid_field`.", body = ErrorBody),
        ))]
    pub fn video_only() {}
}
