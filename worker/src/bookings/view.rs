//! The booking as its owner sees it: in the `201` of a booking, its replays, and the manage
//! endpoints. Public facts about the reception and the booking's own state only — never the
//! applicant's personal data, which staff alone see.

use crate::error::ApiError;
use crate::schedule::StoredReception;
use serde::{Deserialize, Serialize};

/// A `bookings` row as far as the owner's view needs it.
#[derive(Deserialize)]
pub struct Row {
    pub code: String,
    pub office_id: String,
    pub reception: String,
    pub status: String,
    pub review_clause: String,
    pub language: String,
    pub format: String,
    pub interpreter: String,
    pub out_of_town: u8,
    pub documents: String,
    pub created_at: String,
    pub cancelled_at: Option<String>,
    pub manage_token_hash: String,
    pub request_hash: String,
    pub token_seal: String,
}

/// The columns [`Row`] reads.
pub const COLUMNS: &str = "code, office_id, reception, status, review_clause, language, format, \
    interpreter, out_of_town, documents, created_at, cancelled_at, manage_token_hash, \
    request_hash, token_seal";

#[derive(Serialize)]
pub struct Booking {
    pub code: String,
    pub status: String,
    pub review: Review,
    pub reception: Reception,
    pub format: String,
    pub language: String,
    pub interpreter: Option<String>,
    pub out_of_town: bool,
    pub documents: serde_json::Value,
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled_at: Option<String>,
}

#[derive(Serialize)]
pub struct Review {
    pub clause: String,
}

#[derive(Serialize)]
pub struct Reception {
    pub id: String,
    pub office_id: String,
    pub official_id: String,
    #[serde(with = "rules::calendar::iso_date")]
    pub date: time::Date,
    #[serde(with = "time::serde::rfc3339")]
    pub start: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub end: time::OffsetDateTime,
    pub place: serde_json::Value,
    pub format: serde_json::Value,
}

#[derive(Serialize)]
pub struct Envelope<'a> {
    pub booking: &'a Booking,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manage_token: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manage_path: Option<String>,
}

fn unexpected(e: serde_json::Error) -> ApiError {
    ApiError::Unexpected(format!("booking row: {e}"))
}

impl Row {
    pub fn stored_reception(&self) -> Result<StoredReception, ApiError> {
        serde_json::from_str(&self.reception).map_err(unexpected)
    }

    pub fn booking(&self) -> Result<Booking, ApiError> {
        let r = self.stored_reception()?;
        Ok(Booking {
            code: self.code.clone(),
            status: self.status.clone(),
            review: Review {
                clause: self.review_clause.clone(),
            },
            reception: Reception {
                id: r.id,
                office_id: self.office_id.clone(),
                official_id: r.official_id,
                date: r.date,
                start: r.start,
                end: r.end,
                place: r.place,
                format: r.format,
            },
            format: self.format.clone(),
            language: self.language.clone(),
            interpreter: (!self.interpreter.is_empty()).then(|| self.interpreter.clone()),
            out_of_town: self.out_of_town == 1,
            documents: serde_json::from_str(&self.documents).map_err(unexpected)?,
            created_at: self.created_at.clone(),
            cancelled_at: self.cancelled_at.clone(),
        })
    }
}

/// `200`/`201 {"booking":…}`, with the manage token when it is being handed over.
pub fn response(
    status: u16,
    booking: &Booking,
    token: Option<&str>,
) -> Result<worker::Response, ApiError> {
    let envelope = Envelope {
        booking,
        manage_token: token,
        manage_path: token.map(|t| format!("/bookings/{}#t={t}", booking.code)),
    };
    let mut response = crate::http::json(status, &envelope);
    // Personal to its owner: never in a shared cache.
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}
