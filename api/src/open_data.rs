//! `GET /api/v1/open-data/schedules.csv` and `.json`: every office's receptions for the
//! next eight weeks, one row each (README "Open data"). Flat, so that the CSV and the JSON
//! have the same columns; public data only (a count of places taken, never who).

use rules::schedule::{Capacity, Format, OfficialId, PlaceKind};
use rules::window::RegistrationState;
use rules::{OfficeId, OfficeLevel, OfficialKind};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// `.json`: `{"receptions":[row…]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenDataList {
    pub receptions: Vec<OpenDataRow>,
}

/// One reception; the field order is the CSV's column order. Absent texts are empty
/// strings, as a CSV cell is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenDataRow {
    pub reception_id: String,
    pub office_id: OfficeId,
    pub office_level: OfficeLevel,
    pub office_name_kk: String,
    pub office_name_ru: String,
    pub office_name_en: String,
    pub official_id: OfficialId,
    pub official_kind: OfficialKind,
    pub official_name: String,
    pub position_kk: String,
    pub position_ru: String,
    pub position_en: String,
    #[serde(with = "rules::calendar::iso_date")]
    pub date: Date,
    #[serde(with = "rules::dates::rfc3339")]
    pub start: OffsetDateTime,
    #[serde(with = "rules::dates::rfc3339")]
    pub end: OffsetDateTime,
    pub place_kind: PlaceKind,
    pub place_name_kk: String,
    pub place_name_ru: String,
    pub place_name_en: String,
    pub format: Format,
    pub capacity: Capacity,
    pub booked: u32,
    pub registration_state: StateName,
    /// RFC 3339 while registration is open, else empty.
    #[serde(with = "rfc3339_or_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub registration_closes_at: Option<OffsetDateTime>,
    pub sample: bool,
}

/// The state of [`RegistrationState`] without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StateName {
    Open,
    Closed,
    WalkIn,
}

impl From<&RegistrationState> for StateName {
    fn from(s: &RegistrationState) -> StateName {
        match s {
            RegistrationState::Open { .. } => StateName::Open,
            RegistrationState::Closed { .. } => StateName::Closed,
            RegistrationState::WalkIn => StateName::WalkIn,
        }
    }
}

/// `closes_at` of an open registration, for the row.
pub fn closes_at(s: &RegistrationState) -> Option<OffsetDateTime> {
    match s {
        RegistrationState::Open { closes_at } => Some(*closes_at),
        _ => None,
    }
}

mod rfc3339_or_empty {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::format_description::well_known::Rfc3339;
    use time::OffsetDateTime;

    pub fn serialize<S: Serializer>(t: &Option<OffsetDateTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            None => s.serialize_str(""),
            Some(t) => s.serialize_str(&t.format(&Rfc3339).map_err(serde::ser::Error::custom)?),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        let s = String::deserialize(d)?;
        if s.is_empty() {
            return Ok(None);
        }
        OffsetDateTime::parse(&s, &Rfc3339)
            .map(Some)
            .map_err(serde::de::Error::custom)
    }
}
