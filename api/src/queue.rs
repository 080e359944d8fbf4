//! The electronic queue of the daily reception (R4, R37, R39-2, R39-3, R8, R9): tickets
//! taken without any personal data, the public state of an office's queue for the board and
//! the person's own page, and the receiving prosecutor's calls.
//!
//! Public (rate-limited, nothing personal anywhere):
//! - `POST /api/v1/queue/{office_id}/tickets` [`TicketRequest`] → `201` [`TicketTaken`];
//!   outside the daily reception's hours or days `409 queue_closed` (R4, R39-2); an unknown
//!   category `422` naming `priority_claim`.
//! - `GET /api/v1/queue/{office_id}` → [`QueueState`]: open now, the numbers being called
//!   with their rooms, how many wait, the R9 categories.
//! - `GET /api/v1/queue/{office_id}/tickets/{number}` with `Authorization: Bearer <ticket
//!   token>` → [`TicketView`]; without it or with another ticket's token `404`.
//!
//! Staff (`receiver`, the person's own office only, every action audited, R39-5):
//! - `GET /api/v1/staff/queue/{office_id}` → [`StaffQueue`]: today's tickets in calling
//!   order, the claims to verify first.
//! - `POST /api/v1/staff/queue/{office_id}/next` [`CallNext`] → [`Called`]: by
//!   `rules::queue` (verified priority first, then arrival); `409 queue_empty`.
//! - `POST …/tickets/{number}/priority` [`VerifyPriority`]: verified, or the claim removed.
//! - `POST …/tickets/{number}/recall` (called again), `…/absent`, `…/finish`.

use crate::Lenient;
use rules::queue::PriorityCategory;
use rules::Lang;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// R39-4: the reception is in the state language or Russian, at the applicant's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ReceptionLanguage {
    Kk,
    Ru,
}

impl ReceptionLanguage {
    pub fn code(self) -> &'static str {
        match self {
            ReceptionLanguage::Kk => "kk",
            ReceptionLanguage::Ru => "ru",
        }
    }

    pub fn parse(s: &str) -> Option<ReceptionLanguage> {
        [ReceptionLanguage::Kk, ReceptionLanguage::Ru]
            .into_iter()
            .find(|l| l.code() == s)
    }
}

/// `POST /api/v1/queue/{office_id}/tickets`: nothing that names the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketRequest {
    pub language: ReceptionLanguage,
    /// R8: the person has come from out of town (received the same day).
    #[serde(default)]
    pub out_of_town: bool,
    /// R9: the out-of-turn category the person claims; staff verify it on sight.
    #[serde(default)]
    pub priority_claim: Option<PriorityCategory>,
}

/// Where a ticket is in the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = TicketStatus))]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    Waiting,
    /// Called to a room (and possibly called again).
    Called,
    /// Called and did not come.
    Absent,
    /// Received.
    Finished,
}

impl TicketStatus {
    pub const ALL: [TicketStatus; 4] = [
        TicketStatus::Waiting,
        TicketStatus::Called,
        TicketStatus::Absent,
        TicketStatus::Finished,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TicketStatus::Waiting => "waiting",
            TicketStatus::Called => "called",
            TicketStatus::Absent => "absent",
            TicketStatus::Finished => "finished",
        }
    }

    pub fn parse(s: &str) -> Option<TicketStatus> {
        TicketStatus::ALL.into_iter().find(|t| t.code() == s)
    }
}

/// A ticket as its holder sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ticket {
    /// 1, 2, 3, … per office and day, without gaps.
    pub number: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub issued_at: OffsetDateTime,
    /// Waiting tickets that will be called before this one now (0 once it is called).
    pub ahead: u32,
    pub status: Lenient<TicketStatus>,
}

/// `201` of `POST /api/v1/queue/{office_id}/tickets`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketTaken {
    pub ticket: Ticket,
    /// 256 random bits, base64url, for `Authorization: Bearer` on the ticket's page; shown
    /// once (only its hash is kept).
    pub ticket_token: String,
}

/// A number being called and the room to go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Serving {
    pub number: u32,
    pub room: String,
    /// When it was (last) called: the board announces a number again when this changes.
    #[serde(with = "time::serde::rfc3339")]
    pub called_at: OffsetDateTime,
}

/// An R9 category with its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub id: Lenient<PriorityCategory>,
    pub name: rules::LocalizedText,
}

impl Category {
    pub fn of(category: PriorityCategory) -> Category {
        // Through `get`, which a one-language build of the SPA also has (the Worker's is
        // never one).
        let name = category.name();
        Category {
            id: category.into(),
            name: rules::LocalizedText {
                kk: name.get(Lang::Kk).into(),
                ru: name.get(Lang::Ru).into(),
                en: name.get(Lang::En).into(),
            },
        }
    }
}

/// `GET /api/v1/queue/{office_id}`: the board's and the ticket page's view of today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueState {
    pub office_id: rules::OfficeId,
    /// Whether a ticket can be taken now (R4, R39-2).
    pub open: bool,
    /// The numbers called and not yet finished, the latest call first.
    pub serving: Vec<Serving>,
    /// Tickets waiting to be called.
    pub waiting: u32,
    pub priority_categories: Vec<Category>,
}

/// `GET /api/v1/queue/{office_id}/tickets/{number}`: the ticket, and what the board shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketView {
    pub ticket: Ticket,
    /// The room this ticket is called to, while it is called.
    pub room: Option<String>,
    pub serving: Vec<Serving>,
}

/// A ticket as the receiving prosecutor sees it (no personal data exists to show).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffTicket {
    pub number: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub issued_at: OffsetDateTime,
    pub status: Lenient<TicketStatus>,
    /// R39-4.
    pub language: Lenient<ReceptionLanguage>,
    /// R8.
    pub out_of_town: bool,
    /// R9: the claim and whether it is verified; `null` without one (or rejected).
    pub priority: Option<rules::queue::PriorityClaim>,
    pub room: Option<String>,
    /// How many times it has been called.
    pub calls: u32,
}

/// `GET /api/v1/staff/queue/{office_id}`: today's tickets, waiting ones in calling order
/// first, then the others by number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffQueue {
    pub office_id: rules::OfficeId,
    #[serde(with = "rules::calendar::iso_date")]
    pub date: time::Date,
    pub open: bool,
    pub tickets: Vec<StaffTicket>,
    /// R9: waiting tickets whose claim is not verified yet, by number: check them first.
    pub awaiting_verification: Vec<u32>,
}

/// `POST /api/v1/staff/queue/{office_id}/next`: the room the person is called to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CallNext {
    /// 1–32 characters, as the board shows it (`12`, `Кабинет 3`).
    pub room: String,
}

/// `POST …/tickets/{number}/priority`: the document was shown (`true`) or not (`false`: the
/// claim is removed and the ticket keeps its place by arrival, R9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyPriority {
    pub verified: bool,
}

/// `200` of the staff queue actions: the ticket acted on, as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Called {
    pub ticket: StaffTicket,
    /// R8: out-of-town visitors still waiting today — received today even after 18:30.
    pub out_of_town_waiting: u32,
}

/// The operations' declarations for the OpenAPI document (`crate::openapi`).
#[cfg(feature = "openapi")]
#[allow(dead_code)] // the functions exist for their `utoipa::path` attributes
pub(crate) mod paths {
    use super::*;
    use crate::ErrorBody;

    #[utoipa::path(post, path = "/api/v1/queue/{office_id}/tickets", tag = "queue",
        params(("office_id" = rules::OfficeId, Path, description = "The office"),
               ("X-Qabyldau-Challenge" = String, Header,
                description = "The solved proof of work of `GET /api/v1/challenge`, as for \
                `POST /api/v1/bookings`.")),
        request_body(content = TicketRequest, content_type = "application/json"),
        responses(
            (status = 201, description = "The ticket and its token (shown once).", body = TicketTaken),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 404, description = "No such office.", body = ErrorBody),
            (status = 409, description = "`queue_closed`: outside the daily reception's \
                working days and hours, 09:00–18:30 (R4, R39-2); with `clause`.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`challenge_required` / `challenge_invalid` (field \
                `X-Qabyldau-Challenge`), or `invalid_field` naming `language` (kk or ru, \
                R39-4), `out_of_town` or `priority_claim` (an R9 category).", body = ErrorBody),
            (status = 429, description = "`rate_limited`.", body = ErrorBody,
             headers(("Retry-After" = u64, description = "Seconds to wait"))),
        ))]
    pub fn take_ticket() {}

    #[utoipa::path(get, path = "/api/v1/queue/{office_id}", tag = "queue",
        params(("office_id" = rules::OfficeId, Path, description = "The office")),
        responses(
            (status = 200, description = "Today's queue: open, the numbers called and their \
                rooms, how many wait, the R9 categories.", body = QueueState),
            (status = 404, description = "No such office.", body = ErrorBody),
            (status = 429, description = "`rate_limited`.", body = ErrorBody,
             headers(("Retry-After" = u64, description = "Seconds to wait"))),
        ))]
    pub fn queue_state() {}

    #[utoipa::path(get, path = "/api/v1/queue/{office_id}/tickets/{number}", tag = "queue",
        params(
            ("office_id" = rules::OfficeId, Path, description = "The office"),
            ("number" = u32, Path, description = "The ticket's number today"),
        ),
        security(("ticket_token" = [])),
        responses(
            (status = 200, description = "The ticket: how many are ahead, its status and room, \
                and the numbers called.", body = TicketView),
            (status = 404, description = "No ticket of today with this number and token.", body = ErrorBody),
            (status = 429, description = "`rate_limited`.", body = ErrorBody,
             headers(("Retry-After" = u64, description = "Seconds to wait"))),
        ))]
    pub fn ticket() {}

    #[utoipa::path(get, path = "/api/v1/staff/queue/{office_id}", tag = "staff",
        params(("office_id" = rules::OfficeId, Path, description = "The person's own office")),
        security(("staff_session" = [])),
        responses(
            (status = 200, description = "Today's tickets in calling order.", body = StaffQueue),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`forbidden`: not a receiver.", body = ErrorBody),
            (status = 404, description = "Not the person's office.", body = ErrorBody),
        ))]
    pub fn staff_queue() {}

    #[utoipa::path(post, path = "/api/v1/staff/queue/{office_id}/next", tag = "staff",
        params(
            ("office_id" = rules::OfficeId, Path, description = "The person's own office"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = CallNext, content_type = "application/json"),
        responses(
            (status = 200, description = "Called: the next ticket by R9 (verified priority \
                first, then arrival) is shown on the board with the room.", body = Called),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not a receiver.", body = ErrorBody),
            (status = 404, description = "Not the person's office.", body = ErrorBody),
            (status = 409, description = "`queue_empty`: nobody waits.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`invalid` (`room`: 1–32 characters), `invalid_field`.", body = ErrorBody),
        ))]
    pub fn call_next() {}

    #[utoipa::path(post, path = "/api/v1/staff/queue/{office_id}/tickets/{number}/priority", tag = "staff",
        params(
            ("office_id" = rules::OfficeId, Path, description = "The person's own office"),
            ("number" = u32, Path, description = "The ticket's number today"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        request_body(content = VerifyPriority, content_type = "application/json"),
        responses(
            (status = 200, description = "Verified (out of turn from its arrival, R9), or the \
                claim removed.", body = Called),
            (status = 400, description = "`malformed_json`.", body = ErrorBody),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not a receiver.", body = ErrorBody),
            (status = 404, description = "No such ticket today in the person's office.", body = ErrorBody),
            (status = 409, description = "`no_priority_claim`: nothing to verify; \
                `not_waiting`: the ticket has been called.", body = ErrorBody),
            (status = 413, description = "`payload_too_large`.", body = ErrorBody),
            (status = 415, description = "`unsupported_media_type`.", body = ErrorBody),
            (status = 422, description = "`invalid_field`.", body = ErrorBody),
        ))]
    pub fn verify_priority() {}

    #[utoipa::path(post, path = "/api/v1/staff/queue/{office_id}/tickets/{number}/recall", tag = "staff",
        params(
            ("office_id" = rules::OfficeId, Path, description = "The person's own office"),
            ("number" = u32, Path, description = "The ticket's number today"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        responses(
            (status = 200, description = "Called again: the board announces it again.", body = Called),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not a receiver.", body = ErrorBody),
            (status = 404, description = "No such ticket today in the person's office.", body = ErrorBody),
            (status = 409, description = "`not_called`: the ticket is not being called.", body = ErrorBody),
        ))]
    pub fn recall() {}

    #[utoipa::path(post, path = "/api/v1/staff/queue/{office_id}/tickets/{number}/absent", tag = "staff",
        params(
            ("office_id" = rules::OfficeId, Path, description = "The person's own office"),
            ("number" = u32, Path, description = "The ticket's number today"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        responses(
            (status = 200, description = "Marked absent: off the board.", body = Called),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not a receiver.", body = ErrorBody),
            (status = 404, description = "No such ticket today in the person's office.", body = ErrorBody),
            (status = 409, description = "`not_called`: the ticket is not being called.", body = ErrorBody),
        ))]
    pub fn absent() {}

    #[utoipa::path(post, path = "/api/v1/staff/queue/{office_id}/tickets/{number}/finish", tag = "staff",
        params(
            ("office_id" = rules::OfficeId, Path, description = "The person's own office"),
            ("number" = u32, Path, description = "The ticket's number today"),
            ("X-Qabyldau-Staff" = String, Header, pattern = "^1$", description = "`1`"),
        ),
        security(("staff_session" = [])),
        responses(
            (status = 200, description = "Received: off the board.", body = Called),
            (status = 401, description = "`unauthenticated`.", body = ErrorBody),
            (status = 403, description = "`csrf`, or `forbidden`: not a receiver.", body = ErrorBody),
            (status = 404, description = "No such ticket today in the person's office.", body = ErrorBody),
            (status = 409, description = "`not_called`: the ticket is not being called.", body = ErrorBody),
        ))]
    pub fn finish() {}
}
