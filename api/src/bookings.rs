//! `POST /api/v1/bookings` and the owner's endpoints (`GET /api/v1/bookings/{code}`,
//! `POST …/cancel`): the booking as its owner sees it. Public facts about the reception and
//! the booking's own state only; the applicant's personal data never come back.

use crate::decisions::{OfficeReason, Refusal};
use crate::schedule::BookedReception;
use crate::Lenient;
use rules::booking::{BookingStatus, Document};
use rules::schedule::Format;
use rules::Lang;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The request body: the form as the SPA keeps it, checked field by field by `rules`.
pub use rules::booking::{ApplicantInput, BookingInput, MatterInput, OnBehalfInput};

/// `201`: the booking and, once, its manage token (R15, R30: staff study the request while
/// the place is held).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingCreated {
    pub booking: Booking,
    /// 256 random bits, base64url; sent as `Authorization: Bearer` to the manage endpoints.
    pub manage_token: String,
    /// `/bookings/{code}#t={token}`: the token stays in the fragment, out of server logs.
    pub manage_path: String,
}

/// `200` of the manage endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingBody {
    pub booking: Booking,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    /// `XXXX-XXXX-XXXX` (Crockford base32).
    pub code: String,
    pub status: Lenient<BookingStatus>,
    pub review: Review,
    pub reception: BookedReception,
    /// R11: the format asked for (`video` is the applicant's consent).
    pub format: Format,
    /// R39-4: the language of the reception (`en` with an interpreter, R7).
    pub language: Lang,
    /// R7: the language an interpreter is needed for.
    pub interpreter: Option<String>,
    /// R8: the applicant comes from another town.
    pub out_of_town: bool,
    /// R10: what to bring.
    pub documents: Vec<Lenient<Document>>,
    #[serde(with = "rules::dates::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(
        default,
        with = "rules::dates::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub cancelled_at: Option<OffsetDateTime>,
    /// When staff decided the request (confirmed or refused it, R15, R30).
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub decided_at: Option<OffsetDateTime>,
    /// `refused`: the clause, the explanation and what to do instead (R18, R24, R32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<Refusal>,
    /// `cancelled_by_office`: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_reason: Option<OfficeReason>,
    /// R3.d, R27: staff moved the request to another reception (an office below, or a
    /// deputy): the code of the booking that continues it, opened with the same manage
    /// token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded_to: Option<String>,
}

impl Booking {
    /// Whether the booking holds a place (and so can be cancelled); `false` for a status
    /// this build does not know.
    pub fn holds_place(&self) -> bool {
        self.status.known().is_some_and(|s| s.holds_place())
    }
}

/// Who studies the request before it is confirmed: `R15` (the Centre, for the PG and
/// deputies) or `R30` (the responsible officer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Review {
    pub clause: String,
}

impl From<&rules::booking::Review> for Review {
    fn from(r: &rules::booking::Review) -> Review {
        Review {
            clause: r.clause.to_owned(),
        }
    }
}
