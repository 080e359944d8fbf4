//! The wire contract of Qabyldau's API (`/api/v1/`): every request and response body, once.
//! The Worker serialises these types and the SPA deserialises the very same ones, so a
//! change on one side that the other cannot read does not compile, or fails the round-trip
//! tests here.
//!
//! The bodies are built from the `rules` types (offices, places, formats, registration
//! states, booking statuses, documents, verdicts). Closed sets that a newer Worker may
//! extend are [`Lenient`]: the SPA reads an unknown value as such instead of failing.
//!
//! With the `openapi` feature (native only: the Worker's build script, tests) every body
//! has its JSON schema and [`openapi::document`] renders the OpenAPI 3.1 document.

pub mod bookings;
pub mod challenge;
pub mod decisions;
pub mod desk;
pub mod eligibility;
pub mod error;
mod lenient;
pub mod office_admin;
pub mod offices;
pub mod open_data;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod outcomes;
pub mod queue;
pub mod reception_card;
mod routes;
pub mod schedule;
pub mod staff;
#[cfg(test)]
mod tests;

pub use error::{ErrorBody, ErrorCode, ErrorDetail};
pub use lenient::{Lenient, Unknown};
pub use routes::{Method, ROUTES};
/// `GET /api/v1/calendar/{year}`.
pub use rules::calendar::YearCalendar;

use serde::{Deserialize, Serialize};

/// `GET /api/v1/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    pub status: HealthStatus,
    /// The Worker's version (its crate version).
    pub version: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    Ok,
}

/// Local times as `HH:MM`.
mod hhmm {
    use rules::schedule::{format_hhmm, parse_hhmm};
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Time;

    pub fn serialize<S: Serializer>(t: &Time, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_hhmm(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
        let s = String::deserialize(d)?;
        parse_hhmm(&s).ok_or_else(|| serde::de::Error::custom(format!("not HH:MM: {s:?}")))
    }
}
