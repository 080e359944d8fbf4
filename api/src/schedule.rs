//! `GET /api/v1/offices/{id}/schedule`, `GET /api/v1/receptions`: who receives at an office
//! and the dated receptions (R5), each with its registration state decided by `rules` on
//! the Worker's clock (R3.a, R16, R34, R37).
//!
//! [`Reception`] is the one definition of a reception on the wire: the schedule adds the
//! places and the registration state ([`ScheduledReception`]), a booking adds its office
//! ([`BookedReception`]).

use crate::Lenient;
use rules::schedule::{Capacity, Format, Occurrence, OfficialId, Place};
use rules::values::PersonName;
use rules::window::RegistrationState;
use rules::{LocalizedText, OfficeId, OfficeLevel, OfficialKind};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, Time};

/// A dated reception: `{"id":"gpo-pg-monthly-20261209","official_id","date","start","end",
/// "place","format"}`, times in Kazakhstan time (+05:00).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reception {
    /// `{schedule_id}-{YYYYMMDD}`: stable across re-imports.
    pub id: String,
    pub official_id: OfficialId,
    #[serde(with = "rules::calendar::iso_date")]
    pub date: Date,
    #[serde(with = "rules::dates::rfc3339")]
    pub start: OffsetDateTime,
    #[serde(with = "rules::dates::rfc3339")]
    pub end: OffsetDateTime,
    pub place: Place,
    pub format: Format,
}

impl From<&Occurrence> for Reception {
    fn from(o: &Occurrence) -> Reception {
        Reception {
            id: o.reception_id(),
            official_id: o.official_id().clone(),
            date: o.date(),
            start: o.starts_at(),
            end: o.ends_at(),
            place: o.place().clone(),
            format: o.format(),
        }
    }
}

/// A reception as the schedule publishes it: with its places and whether a request made now
/// can take it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(from = "FlatScheduledReception")]
pub struct ScheduledReception {
    #[serde(flatten)]
    pub reception: Reception,
    pub capacity: Capacity,
    /// Places taken (a count; nothing about who).
    pub booked: u32,
    pub registration: Lenient<RegistrationState>,
}

/// The same fields read flat: `flatten` would buffer every reception of a schedule through
/// serde's generic content, a cost the SPA's first screen pays in size.
#[derive(Deserialize)]
struct FlatScheduledReception {
    id: String,
    official_id: OfficialId,
    #[serde(with = "rules::calendar::iso_date")]
    date: Date,
    #[serde(with = "rules::dates::rfc3339")]
    start: OffsetDateTime,
    #[serde(with = "rules::dates::rfc3339")]
    end: OffsetDateTime,
    place: Place,
    format: Format,
    capacity: Capacity,
    booked: u32,
    registration: Lenient<RegistrationState>,
}

impl From<FlatScheduledReception> for ScheduledReception {
    fn from(f: FlatScheduledReception) -> ScheduledReception {
        ScheduledReception {
            reception: Reception {
                id: f.id,
                official_id: f.official_id,
                date: f.date,
                start: f.start,
                end: f.end,
                place: f.place,
                format: f.format,
            },
            capacity: f.capacity,
            booked: f.booked,
            registration: f.registration,
        }
    }
}

impl ScheduledReception {
    pub fn places_left(&self) -> u32 {
        u32::from(self.capacity.get()).saturating_sub(self.booked)
    }
}

/// The reception a booking holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookedReception {
    pub office_id: OfficeId,
    #[serde(flatten)]
    pub reception: Reception,
}

/// `GET /api/v1/offices/{id}/schedule`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduleBody {
    pub office: ScheduleOffice,
    pub officials: Vec<Official>,
    /// Sorted by start.
    pub receptions: Vec<ScheduledReception>,
    /// Sample data, shown as such until the office publishes its own schedule.
    pub sample: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduleOffice {
    pub id: OfficeId,
    pub level: OfficeLevel,
    pub name: LocalizedText,
    /// R11: the office receives only by video conference now, for this reason.
    pub video_only: Option<VideoOnly>,
    /// R39-1: the Citizens' Reception Centre's daily hours, when published.
    pub reception_centre: Option<ReceptionCentre>,
    /// The responsible officers' contact phone (the Order's para 2(1); RULES.md
    /// "Readings", 10), when the office has published one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VideoOnly {
    pub reason: LocalizedText,
}

/// Local times, `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceptionCentre {
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^[0-2][0-9]:[0-5][0-9]$"))]
    pub opens: Time,
    #[serde(with = "crate::hhmm")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, pattern = "^[0-2][0-9]:[0-5][0-9]$"))]
    pub closes: Time,
    /// The Centre's room (number, floor, entrance), when published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<LocalizedText>,
}

/// An official who receives (R2, R5: full name, patronymic if any), as the schedule names
/// them (`rules::schedule::Official` without its office, under which it is published).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Official {
    pub id: OfficialId,
    pub kind: OfficialKind,
    pub surname: PersonName,
    pub given_name: PersonName,
    pub patronymic: Option<PersonName>,
    pub position: LocalizedText,
    /// The areas the official handles (R22, R27).
    pub competence: Vec<LocalizedText>,
    pub sample: bool,
}

impl Official {
    /// Surname, given name and patronymic (if any), as R5 asks the schedule to name them.
    pub fn full_name(&self) -> String {
        [
            Some(self.surname.as_str()),
            Some(self.given_name.as_str()),
            self.patronymic.as_ref().map(PersonName::as_str),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    }
}

impl From<&rules::schedule::Official> for Official {
    fn from(o: &rules::schedule::Official) -> Official {
        Official {
            id: o.id.clone(),
            kind: o.kind,
            surname: o.surname.clone(),
            given_name: o.given_name.clone(),
            patronymic: o.patronymic.clone(),
            position: o.position.clone(),
            competence: o.competence.clone(),
            sample: o.sample,
        }
    }
}

/// `GET /api/v1/receptions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceptionList {
    pub receptions: Vec<ScheduledReception>,
}
