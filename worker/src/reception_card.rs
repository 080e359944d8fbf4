//! `GET /api/v1/offices/{id}/receptions/{reception}?lang=kk|ru|en`: one reception's card for
//! the booking wizard (`api::reception_card`), its texts in the language asked.
//!
//! It is the reception as the office's schedule publishes it (R5, R11): read from the same
//! snapshot, its places taken read fresh from D1 and its registration state decided now
//! against the Worker's clock (R3.a, R16, R34), by the schedule's own functions.

use crate::error::ApiError;
use crate::schedule::{self, StoredReception};
use crate::{clock, http};
use api::reception_card::ReceptionCard;
use api::ErrorCode;
use rules::{Lang, OfficeId};
use serde::Deserialize;
use worker::{Env, Request, Response};

/// As the schedule's: a booking or a cancel shows within a minute, at once for a client
/// that revalidates (the wizard does, with the ETag).
const CACHE: &str = "public, max-age=60";

fn invalid(code: ErrorCode, field: &str) -> ApiError {
    ApiError::Invalid {
        code,
        field: field.to_owned(),
    }
}

/// `?lang=`, the only parameter: required, one of the three languages (R5, R7).
fn language(req: &Request) -> Result<Lang, ApiError> {
    let url = req.url()?;
    let mut lang = None;
    for (name, value) in url.query_pairs() {
        if name != "lang" {
            return Err(invalid(ErrorCode::UnknownParameter, &name));
        }
        lang = Some(
            value
                .parse::<Lang>()
                .map_err(|_| invalid(ErrorCode::UnknownLanguage, "lang"))?,
        );
    }
    lang.ok_or_else(|| invalid(ErrorCode::Required, "lang"))
}

pub async fn card(
    req: &Request,
    env: &Env,
    office: &OfficeId,
    reception: &str,
) -> Result<Response, ApiError> {
    let lang = language(req)?;
    let not_found = || ApiError::NotFound {
        field: Some("reception"),
    };
    let snapshot = schedule::snapshot(env, office).await?;
    let mut stored: StoredReception = snapshot
        .receptions
        .iter()
        .find(|r| r.reception.id == reception)
        .cloned()
        .ok_or_else(not_found)?;
    let official = snapshot
        .officials
        .iter()
        .find(|o| o.id == stored.reception.official_id)
        .ok_or_else(not_found)?;
    stored.booked = booked(env, office, reception).await?;
    let card = ReceptionCard::of(
        lang,
        &snapshot.office,
        official,
        &schedule::public(&stored, clock::now()),
    );
    let body = serde_json::to_string(&card).map_err(|e| ApiError::Unexpected(e.to_string()))?;
    let mut response = http::cached_json(req, body, CACHE)?;
    response
        .headers_mut()
        .set("Content-Language", lang.code())?;
    Ok(response)
}

/// The places taken now (one row by its key); none when the row is not created yet.
async fn booked(env: &Env, office: &OfficeId, reception: &str) -> Result<u32, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        booked: u32,
    }
    let row: Option<Row> = env
        .d1("DB")?
        .prepare("SELECT booked FROM receptions WHERE id = ?1 AND office_id = ?2")
        .bind(&[reception.into(), office.as_str().into()])?
        .first(None)
        .await?;
    Ok(row.map_or(0, |r| r.booked))
}
