//! `GET /api/v1/offices/{id}/receptions/{reception}?lang=kk|ru|en`: one published reception
//! as the booking wizard shows and checks it, with its texts already in the language asked.
//!
//! The card says what the schedule says of the reception (R5: the official's full name and
//! position, the date, hours and place; R11: the format and whether the office receives only
//! by video; the places left and whether a request made now is registered in time, R3.a,
//! R16, R34), and nothing else: the wizard reads one reception, not the office's whole
//! schedule, and no multilingual text it would only pick one language of. It is built by
//! [`ReceptionCard::of`] from the very values the schedule publishes, so the two cannot
//! disagree.

use crate::schedule::{Official, ScheduleOffice, ScheduledReception};
use crate::Lenient;
use rules::schedule::{Format, PlaceKind};
use rules::window::RegistrationState;
use rules::{Lang, OfficialKind};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// `{"id","office_name","video_only","official_kind","official_name","official_position",
/// "competence","date","start","end","place","place_details","format","places_left",
/// "registration_open"}`; times in Kazakhstan time (+05:00).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceptionCard {
    /// The reception, `{schedule_id}-{YYYYMMDD}`.
    pub id: String,
    pub office_name: String,
    /// R11: the office receives only by video conference now.
    pub video_only: bool,
    pub official_kind: OfficialKind,
    /// R5: surname, given name and patronymic (if any).
    pub official_name: String,
    pub official_position: String,
    /// The areas the official handles (R22, R27).
    pub competence: Vec<String>,
    #[serde(with = "rules::calendar::iso_date")]
    pub date: Date,
    #[serde(with = "rules::dates::rfc3339")]
    pub start: OffsetDateTime,
    #[serde(with = "rules::dates::rfc3339")]
    pub end: OffsetDateTime,
    /// The kind of place (R6, R29, R38, R39-1); what says where is in `place_details`.
    pub place: PlaceKind,
    /// The settlement or institution, then the address, when the kind has them
    /// (`rules::schedule::Place::details`).
    pub place_details: Vec<String>,
    pub format: Format,
    /// The capacity less the places taken (a count; nothing about who).
    pub places_left: u32,
    /// Whether a request made now is registered in time for the reception (R3.a, R16,
    /// R34): the schedule's `registration` is `open`.
    pub registration_open: bool,
}

impl ReceptionCard {
    /// The card of `reception`, published by `office` for `official`, in `lang`.
    pub fn of(
        lang: Lang,
        office: &ScheduleOffice,
        official: &Official,
        reception: &ScheduledReception,
    ) -> ReceptionCard {
        let r = &reception.reception;
        ReceptionCard {
            id: r.id.clone(),
            office_name: office.name.get(lang).to_owned(),
            video_only: office.video_only.is_some(),
            official_kind: official.kind,
            official_name: official.full_name(),
            official_position: official.position.get(lang).to_owned(),
            competence: official
                .competence
                .iter()
                .map(|c| c.get(lang).to_owned())
                .collect(),
            date: r.date,
            start: r.start,
            end: r.end,
            place: r.place.kind(),
            place_details: r
                .place
                .details(lang)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            format: r.format,
            places_left: reception.places_left(),
            registration_open: matches!(
                reception.registration,
                Lenient::Known(RegistrationState::Open { .. })
            ),
        }
    }
}

#[cfg(feature = "openapi")]
#[allow(dead_code)] // the function exists for its `utoipa::path` attribute
pub(crate) mod paths {
    use super::*;
    use crate::ErrorBody;

    #[utoipa::path(get, path = "/api/v1/offices/{id}/receptions/{reception}", tag = "schedules",
        params(
            ("id" = String, Path, description = "The office id"),
            ("reception" = String, Path, description = "The reception, `{schedule_id}-{YYYYMMDD}`"),
            ("lang" = Lang, Query, description = "The language of the card's texts"),
            ("If-None-Match" = Option<String>, Header, description = "An ETag of the card"),
        ),
        responses(
            (status = 200, description = "The reception as the office's schedule publishes it \
                now (its places left and registration state read at this moment), its texts \
                in `lang`: what the booking wizard shows.", body = ReceptionCard,
             headers(("ETag" = String, description = "Strong ETag of the body"),
                     ("Content-Language" = String, description = "`lang`"))),
            (status = 304, description = "Unchanged since the ETag given.",
             headers(("ETag" = String, description = "Strong ETag of the body"))),
            (status = 404, description = "No office has this id (field `id`), or the \
                reception is not in its published schedule (field `reception`): a past day, \
                one beyond the eight published weeks, or none.", body = ErrorBody),
            (status = 422, description = "`required` or `unknown_language` (field `lang`), \
                `unknown_parameter` naming another parameter.", body = ErrorBody),
        ))]
    pub fn reception_card() {}
}
