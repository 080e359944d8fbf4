//! The registrar's desk (`/api/v1/staff/…`, role `registrar`, the office's own things only):
//! requests that came by another channel (R3.a: egov.kz, paper, the call centre), entered
//! with the same checks and admission as an online one, and the registration lists of the
//! office's receptions (R20, R25, R35).
//!
//! - `POST /api/v1/staff/bookings` [`ChannelBookingInput`] → `201` [`EnteredBooking`]: the
//!   booking, its channel, the clerk who entered it, and the manage token and path to hand
//!   to the person. A third party's request needs the authority (R3.b); a request without
//!   the substance of the matter is recorded as `returned` (returned unconsidered, R3.c)
//!   rather than refused as input.
//! - `GET /api/v1/staff/receptions?from=&to=` → [`DeskReceptionList`]: the office's
//!   receptions with their places and active requests, to choose a list.
//! - `GET /api/v1/staff/receptions/{id}/list` → [`RegistrationList`], and `…/list.csv`:
//!   the persons registered (active bookings), provisional while registration is open,
//!   frozen once it closes, with the staff deadlines (R20, R25). Personal data: every read
//!   is in the audit trail.

use crate::bookings::{Booking, BookingInput};
use crate::eligibility::Agreement;
use crate::schedule::{Official, ScheduledReception};
use crate::Lenient;
use rules::booking::BookingStatus;
use rules::schedule::Format;
use rules::Lang;
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// R3.a: where a booking came from, as stored and listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// This service's own form.
    Online,
    /// An e-application through the egov.kz portal.
    Egov,
    /// A paper application.
    Paper,
    /// A request to the GPO's call centre.
    CallCentre,
    /// Referred by another body.
    Referral,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Online,
        Channel::Egov,
        Channel::Paper,
        Channel::CallCentre,
        Channel::Referral,
    ];

    /// The wire and stored name (`bookings.channel`).
    pub fn code(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Egov => "egov",
            Channel::Paper => "paper",
            Channel::CallCentre => "call_centre",
            Channel::Referral => "referral",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == s)
    }
}

/// R3.a: the channels staff enter requests from (never `online`: that is the applicant's
/// own form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EnteredChannel {
    Egov,
    Paper,
    CallCentre,
}

impl From<EnteredChannel> for Channel {
    fn from(c: EnteredChannel) -> Channel {
        match c {
            EnteredChannel::Egov => Channel::Egov,
            EnteredChannel::Paper => Channel::Paper,
            EnteredChannel::CallCentre => Channel::CallCentre,
        }
    }
}

/// `POST /api/v1/staff/bookings` (with an `Idempotency-Key`, as online): the online form
/// as the person filled it in, with the channel it came by beside its fields. Errors name
/// the form's fields exactly as online (`applicant.iin`); an unknown field is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChannelBookingInput {
    pub channel: EnteredChannel,
    #[serde(flatten)]
    pub request: BookingInput,
}

/// `201` of `POST /api/v1/staff/bookings`: `requested` (a place held, as online), or
/// `returned` (R3.c, no place) — with the manage token and path to hand to the person, once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnteredBooking {
    pub booking: Booking,
    pub channel: EnteredChannel,
    /// The staff account that entered it.
    pub entered_by: String,
    /// 256 random bits, base64url, for `Authorization: Bearer` on the manage endpoints.
    pub manage_token: String,
    /// `/bookings/{code}#t={token}`: the link the person opens.
    pub manage_path: String,
}

/// Whether a registration list may still change: `{"state":"provisional","closes_at"}`
/// while registration is open, `{"state":"frozen","closed_at"}` once it has closed (R16,
/// R34), as `rules::registration_list` decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ListState {
    Provisional {
        #[serde(with = "time::serde::rfc3339")]
        closes_at: OffsetDateTime,
    },
    Frozen {
        #[serde(with = "time::serde::rfc3339")]
        closed_at: OffsetDateTime,
    },
}

impl From<rules::registration_list::ListState> for ListState {
    fn from(s: rules::registration_list::ListState) -> ListState {
        use rules::registration_list::ListState as L;
        match s {
            L::Provisional { closes_at } => ListState::Provisional { closes_at },
            L::Frozen { closed_at } => ListState::Frozen { closed_at },
        }
    }
}

impl ListState {
    pub fn is_frozen(&self) -> bool {
        matches!(self, ListState::Frozen { .. })
    }
}

/// A deadline of the staff around the reception: `notes_to_centre` (R20: the units' notes,
/// three working days before the PG's reception) or `list_to_deputy_assistants` (R25: the
/// list and notes to a deputy's assistants, the working day before).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffDeadline {
    pub task: String,
    /// `R20` or `R25`.
    pub clause: String,
    #[serde(with = "rules::calendar::iso_date")]
    pub due: Date,
}

impl From<&rules::deadlines::Deadline> for StaffDeadline {
    fn from(d: &rules::deadlines::Deadline) -> StaffDeadline {
        StaffDeadline {
            task: d.task.code().to_owned(),
            clause: d.clause.id().to_owned(),
            due: d.due,
        }
    }
}

/// A person registered for a reception (personal data: staff only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListEntry {
    pub code: String,
    /// `requested` or `confirmed`.
    pub status: Lenient<BookingStatus>,
    pub channel: Lenient<Channel>,
    pub surname: String,
    pub given_name: String,
    pub patronymic: Option<String>,
    /// A citizen's IIN, or a foreigner's passport number (R7).
    pub iin: Option<String>,
    pub passport: Option<String>,
    /// R1: `individual`, or `representative` of a legal entity.
    pub applicant_kind: String,
    /// R3.b: whether the person acts for someone else (with an authority).
    pub for_another: bool,
    pub phone: String,
    pub email: Option<String>,
    pub language: Lang,
    pub format: Format,
    pub interpreter: Option<String>,
    /// R3.c: the substance of the matter, for the units' notes (R20, R35).
    pub substance: String,
    /// R19, R33: the units whose agreement is recorded before confirming.
    pub agreements: Vec<Agreement>,
    /// Whether that agreement has been recorded.
    pub agreement_recorded: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// `GET /api/v1/staff/receptions/{id}/list`: the reception, its official, the list's state
/// and deadlines, and the persons registered, in the order they registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegistrationList {
    pub office_id: rules::OfficeId,
    pub reception: ScheduledReception,
    pub official: Official,
    pub list: ListState,
    pub deadlines: Vec<StaffDeadline>,
    pub entries: Vec<ListEntry>,
}

/// One of the office's receptions at the desk: as published, with the state of its list
/// (`null`: it takes no registration) and its active requests by status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskReception {
    pub reception: ScheduledReception,
    pub list: Option<ListState>,
    pub requested: u32,
    pub confirmed: u32,
}

/// `GET /api/v1/staff/receptions?from=&to=`, by start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskReceptionList {
    pub receptions: Vec<DeskReception>,
}
