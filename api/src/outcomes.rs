//! What came of a reception, and the written appeals kept on control (R12, R39-6, R39-8,
//! R40, R41, R42, R44). For the one who received (`receiver`, `official`), the person's own
//! office only (anything of another office is `404`, as if it did not exist); every action
//! is in the audit trail in its own batch (R39-5).
//!
//! - `POST /api/v1/staff/outcomes` [`OutcomeInput`] → `201` [`OutcomeRecorded`]: the outcome
//!   of a ticket of today or of a booking, once. A `written_appeal_registered` needs the
//!   registration number in the external system (`422 required` naming
//!   `outcome.registration_number`), carries the mark "from personal reception" (R40) and is
//!   put on control (R44); `oral_answered` needs the person's consent (R39-6); `referred`
//!   books the applicant with another official (channel `referral`, R39-8) through the one
//!   booking function, with an `Idempotency-Key`.
//! - `GET /api/v1/staff/control` → [`ControlList`]: the appeals on control, overdue first.
//! - `POST /api/v1/staff/control/{id}/assign` [`AssignInput`]: R42 refuses (`409
//!   previously_decided`) an employee recorded as having decided an earlier appeal of the
//!   same person on the same matter.
//! - `POST /api/v1/staff/control/{id}/due` [`DueInput`]: the officer sets another due date,
//!   never before the registration and always with a reason (R44).
//! - `POST /api/v1/staff/control/{id}/close` [`CloseInput`]: taken off control only with the
//!   final answer's reference and date and how the applicant was told (R42, R44).

use crate::bookings::BookingInput;
use crate::desk::Channel;
use crate::Lenient;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// What was received: a ticket of today's queue, or a booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Received {
    /// A ticket of the office's queue, today (R39-3).
    Ticket {
        office_id: rules::OfficeId,
        number: u32,
    },
    /// A booking of the office (pre-registration, or any other channel).
    Booking { code: String },
}

/// The kinds of outcome (R39-6, R39-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// R39-6, R40: a written appeal registered in the external system.
    WrittenAppealRegistered,
    /// R39-6: answered orally at the reception with the person's consent.
    OralAnswered,
    /// R39-1: a legal consultation.
    Consultation,
    /// R39-8: referred to another official (a booking with channel `referral`).
    Referred,
    /// The person did not come.
    DidNotAttend,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 5] = [
        OutcomeKind::WrittenAppealRegistered,
        OutcomeKind::OralAnswered,
        OutcomeKind::Consultation,
        OutcomeKind::Referred,
        OutcomeKind::DidNotAttend,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutcomeKind::WrittenAppealRegistered => "written_appeal_registered",
            OutcomeKind::OralAnswered => "oral_answered",
            OutcomeKind::Consultation => "consultation",
            OutcomeKind::Referred => "referred",
            OutcomeKind::DidNotAttend => "did_not_attend",
        }
    }

    pub fn parse(s: &str) -> Option<OutcomeKind> {
        OutcomeKind::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// The outcome and what its kind needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OutcomeDetail {
    pub kind: OutcomeKind,
    /// `written_appeal_registered`: the registration number in the external system (R40);
    /// required.
    #[serde(default)]
    pub registration_number: Option<String>,
    /// `written_appeal_registered`: the due date if not the rule set's default (R44), with
    /// `due_reason`.
    #[serde(default, with = "crate::outcomes::opt_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub due: Option<Date>,
    #[serde(default)]
    pub due_reason: Option<String>,
    /// `written_appeal_registered`: an earlier appeal of the same person on the same matter,
    /// on control or answered, by its id or its registration number in this office (R40; the
    /// latest registered if a number was given twice). R42: its deciders may not be assigned
    /// this one.
    #[serde(default)]
    pub repeats: Option<String>,
    /// `oral_answered`: the person consented to an oral answer (R39-6); must be `true`.
    #[serde(default)]
    pub consent: Option<bool>,
    /// `referred`: the booking made for the applicant with another official of the office
    /// (R39-8), the online form's fields.
    #[serde(default)]
    pub referral: Option<BookingInput>,
}

/// `POST /api/v1/staff/outcomes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OutcomeInput {
    pub received: Received,
    pub outcome: OutcomeDetail,
    /// R41: the applicant asked to take part in the consideration.
    #[serde(default)]
    pub takes_part: bool,
    /// R12: what was done to check the applicant's arguments (at most 2000 characters).
    #[serde(default)]
    pub notes: Option<String>,
}

/// An outcome as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outcome {
    pub id: String,
    pub office_id: rules::OfficeId,
    pub received: Received,
    pub kind: Lenient<OutcomeKind>,
    pub registration_number: Option<String>,
    /// R40: every appeal registered here is marked "from personal reception".
    pub from_personal_reception: bool,
    /// R39-6.
    pub consent: bool,
    /// R39-8: the referral booking's code.
    pub referral_code: Option<String>,
    /// R41.
    pub takes_part: bool,
    /// R12.
    pub notes: Option<String>,
    pub recorded_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: OffsetDateTime,
}

/// R39-8: the booking made on the applicant's behalf, with its link to hand over once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Referral {
    pub booking: crate::bookings::Booking,
    pub channel: Lenient<Channel>,
    pub manage_token: String,
    pub manage_path: String,
}

/// `201` of `POST /api/v1/staff/outcomes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutcomeRecorded {
    pub outcome: Outcome,
    /// R44: the appeal put on control, for a registered written appeal.
    pub control: Option<Appeal>,
    /// R39-8.
    pub referral: Option<Referral>,
}

/// R42: how the applicant was told of the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotificationMeans {
    /// In person at the reception (a refusal is explained in person, R42).
    InPerson,
    RegisteredLetter,
    /// Another means that records the notification.
    Other,
}

impl NotificationMeans {
    pub const ALL: [NotificationMeans; 3] = [
        NotificationMeans::InPerson,
        NotificationMeans::RegisteredLetter,
        NotificationMeans::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotificationMeans::InPerson => "in_person",
            NotificationMeans::RegisteredLetter => "registered_letter",
            NotificationMeans::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<NotificationMeans> {
        NotificationMeans::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// The final answer and the notification, once taken off control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Closed {
    pub answer_reference: String,
    #[serde(with = "rules::calendar::iso_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub answer_date: Date,
    pub notified_by: Lenient<NotificationMeans>,
    /// The registered letter's number or the record of the notification.
    pub notification_reference: String,
    /// R42: the employee recorded as having decided it (the assignee, else who closed it).
    pub decided_by: String,
    pub closed_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub closed_at: OffsetDateTime,
}

/// One change of an appeal's due date (R44), with its reason: who made it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DueChange {
    #[serde(with = "rules::calendar::iso_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub from: Date,
    #[serde(with = "rules::calendar::iso_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub to: Date,
    pub reason: String,
    /// The employee's id.
    pub by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// A written appeal on control (R44).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Appeal {
    pub id: String,
    pub office_id: rules::OfficeId,
    pub outcome_id: String,
    pub registration_number: String,
    #[serde(with = "rules::calendar::iso_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub registered_on: Date,
    #[serde(with = "rules::calendar::iso_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub due: Date,
    /// Why the due date is not the rule set's default.
    pub due_reason: Option<String>,
    /// Every change of the due date, oldest first (the last one's reason is `due_reason`).
    #[serde(default)]
    pub due_changes: Vec<DueChange>,
    pub overdue: bool,
    /// R42: the first appeal of the same person on the same matter (this one's id if none
    /// came before).
    pub thread: String,
    pub assigned_to: Option<String>,
    /// R41.
    pub takes_part: bool,
    pub closed: Option<Closed>,
}

/// An employee of the office an appeal may be assigned to: an active account that receives
/// (`receiver` or `official`), by its id and name (no login, no roles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignee {
    pub id: String,
    pub name: String,
}

/// `GET /api/v1/staff/control`: the appeals on control, overdue first, then by due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ControlList {
    pub appeals: Vec<Appeal>,
    /// Who the appeals may be assigned to (R42 may still refuse one for a given appeal).
    #[serde(default)]
    pub assignees: Vec<Assignee>,
}

/// `200` of the control actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppealBody {
    pub appeal: Appeal,
}

/// `POST /api/v1/staff/control/{id}/assign`: the staff account that prepares the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AssignInput {
    pub assignee: String,
}

/// `POST /api/v1/staff/control/{id}/due`: another due date, with the reason for it (R44).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DueInput {
    /// The new due date, not before the registration; required.
    #[serde(default, with = "crate::outcomes::opt_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub due: Option<Date>,
    /// Why it changes (at most 500 characters); required.
    #[serde(default)]
    pub due_reason: Option<String>,
}

/// `POST /api/v1/staff/control/{id}/close`: the final answer and how the applicant was told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CloseInput {
    /// The final reasoned answer's outgoing number; required.
    #[serde(default)]
    pub answer_reference: Option<String>,
    /// Its date; required.
    #[serde(default, with = "crate::outcomes::opt_date")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub answer_date: Option<Date>,
    /// R42: how the applicant was told; required.
    #[serde(default)]
    pub notified_by: Option<NotificationMeans>,
    /// The registered letter's number or the notification's record; required.
    #[serde(default)]
    pub notification_reference: Option<String>,
}

/// Optional `YYYY-MM-DD`.
pub(crate) mod opt_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => rules::calendar::iso_date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        #[derive(Deserialize)]
        struct Wrap(#[serde(with = "rules::calendar::iso_date")] Date);
        Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
    }
}

/// The operations' declarations for the OpenAPI document (`crate::openapi`).
#[cfg(feature = "openapi")]
#[allow(dead_code)] // the functions exist for their `utoipa::path` attributes
pub(crate) mod paths {
    use super::*;
    use crate::ErrorBody;

    #[utoipa::path(post, path = "/api/v1/staff/outcomes", tag = "staff",
        params(
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
            ("Idempotency-Key" = Option<String>, Header,
             description = "Required for `referred` (the referral booking, as `POST /api/v1/staff/bookings`)."),
        ),
        security(("staff_session" = [])),
        request_body(content = OutcomeInput, content_type = "application/json"),
        responses(
            (status = 201, description = "Recorded; a registered written appeal is on \
                control (R44), a referral booked (R39-8).", body = OutcomeRecorded),
            (status = 400, description = "`malformed_json`, `idempotency_key_required`, \
                `invalid_idempotency_key`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: neither a receiver nor an \
                official.", body = ErrorBody),
            (status = 404, description = "No such ticket today or booking in the person's \
                office (`received…`), or no such earlier appeal (`outcome.repeats`), or the \
                referral's reception (`outcome.referral.reception_id`).", body = ErrorBody),
            (status = 409, description = "`outcome_recorded`: this reception has its outcome \
                already; `not_received`: the ticket has not been called or the booking is \
                not a confirmed one of today or before; `ambiguous_reference` (`outcome.repeats`, \
                R42): the registration number names more than one appeal, give the id; a \
                referral's booking conflicts (`reception_full`, `duplicate_booking`, \
                `registration_closed`).", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`required` naming `outcome.registration_number` \
                (R40), `outcome.consent` (R39-6), `outcome.referral` or `outcome.due_reason` \
                (R44); `before_registration` (`outcome.due`); `same_official` \
                (`outcome.referral.reception_id`, R39-8: a booking's applicant referred to \
                the official who received them); `not_applicable` for a field \
                the kind does not take; the referral's form errors as for a booking.", body = ErrorBody),
        ))]
    pub fn record_outcome() {}

    #[utoipa::path(get, path = "/api/v1/staff/control", tag = "staff",
        security(("staff_session" = [])),
        responses(
            (status = 200, description = "The appeals on control of the person's office, \
                overdue first, then by due date (R44), and the office's active accounts that \
                receive, to assign them to.", body = ControlList),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`forbidden`: neither a receiver nor an official.", body = ErrorBody),
        ))]
    pub fn control_list() {}

    #[utoipa::path(post, path = "/api/v1/staff/control/{id}/assign", tag = "staff",
        params(
            ("id" = String, Path, description = "The appeal on control"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = AssignInput, content_type = "application/json"),
        responses(
            (status = 200, description = "Assigned.", body = AppealBody),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`.", body = ErrorBody),
            (status = 404, description = "No such appeal, or no such active account, in the \
                person's office.", body = ErrorBody),
            (status = 409, description = "`previously_decided` (clause `R42`): the assignee \
                decided an earlier appeal of the same person on the same matter; \
                `not_on_control`: taken off control already.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`invalid_field`.", body = ErrorBody),
        ))]
    pub fn control_assign() {}

    #[utoipa::path(post, path = "/api/v1/staff/control/{id}/due", tag = "staff",
        params(
            ("id" = String, Path, description = "The appeal on control"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = DueInput, content_type = "application/json"),
        responses(
            (status = 200, description = "The due date changed, with its reason (R44).", body = AppealBody),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`.", body = ErrorBody),
            (status = 404, description = "No such appeal in the person's office.", body = ErrorBody),
            (status = 409, description = "`not_on_control`: taken off control already.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`required` naming `due` or `due_reason` (R44); \
                `before_registration` (`due`); `too_long`, `forbidden_character` \
                (`due_reason`); `invalid_field`.", body = ErrorBody),
        ))]
    pub fn control_due() {}

    #[utoipa::path(post, path = "/api/v1/staff/control/{id}/close", tag = "staff",
        params(
            ("id" = String, Path, description = "The appeal on control"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = CloseInput, content_type = "application/json"),
        responses(
            (status = 200, description = "Taken off control (R44).", body = AppealBody),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`.", body = ErrorBody),
            (status = 404, description = "No such appeal in the person's office.", body = ErrorBody),
            (status = 409, description = "`not_on_control`: taken off control already.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`required` naming `answer_reference`, \
                `answer_date`, `notified_by` or `notification_reference` (R42, R44); \
                `before_registration` (`answer_date`); `too_long`, `forbidden_character`, \
                `invalid_field`.", body = ErrorBody),
        ))]
    pub fn control_close() {}
}
