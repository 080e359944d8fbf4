//! The owner's endpoints: `GET /api/v1/bookings/{code}`, `POST …/cancel` and
//! `GET …/booking.ics`, each with `Authorization: Bearer <manage token>`. A missing or wrong
//! token and an unknown code all answer the same `404`, so nobody learns that a code exists.

use super::secret;
use super::view::{self, Row};
use crate::error::ApiError;
use crate::{clock, ics, schedule};
use api::ErrorCode;
use icalendar::Component;
use rules::booking::BookingStatus;
use rules::{Lang, OfficeId};
use worker::{Env, Request, Response};

fn not_found() -> ApiError {
    ApiError::NotFound {
        field: Some("code"),
    }
}

/// The booking whose code and token match, or `404`.
async fn authorised(req: &Request, env: &Env, code: &str) -> Result<Row, ApiError> {
    if !secret::is_code(code) {
        return Err(not_found());
    }
    let token = req
        .headers()
        .get("Authorization")?
        .and_then(|h| {
            // The scheme name is case-insensitive (RFC 9110 §11.1).
            let (scheme, token) = h.trim().split_once(' ')?;
            scheme
                .eq_ignore_ascii_case("bearer")
                .then(|| token.trim().to_owned())
        })
        .and_then(|t| secret::decode_token(&t));
    let row: Option<Row> = env
        .d1("DB")?
        .prepare(format!(
            "SELECT {} FROM bookings WHERE code = ?1",
            view::COLUMNS
        ))
        .bind(&[code.into()])?
        .first(None)
        .await?;
    match (row, token) {
        (Some(row), Some(token))
            if secret::same(&row.manage_token_hash, &secret::token_hash(&token)) =>
        {
            Ok(row)
        }
        _ => Err(not_found()),
    }
}

pub async fn get(req: &Request, env: &Env, code: &str) -> Result<Response, ApiError> {
    let row = authorised(req, env, code).await?;
    view::response(row.booking()?)
}

/// Frees the place (the trigger of migration 0004 counts it back). Cancelling twice is
/// harmless; after the reception has started it is too late (`409 reception_started`).
pub async fn cancel(req: &Request, env: &Env, code: &str) -> Result<Response, ApiError> {
    let row = authorised(req, env, code).await?;
    let status = row.status()?;
    if status == BookingStatus::Cancelled {
        return view::response(row.booking()?);
    }
    if !status.holds_place() {
        return Err(ApiError::Conflict {
            code: ErrorCode::NotCancellable,
            field: Some("code"),
            clause: None,
        });
    }
    let now = clock::now();
    if row.stored_reception()?.reception.start <= now {
        return Err(ApiError::Conflict {
            code: ErrorCode::ReceptionStarted,
            field: Some("code"),
            clause: None,
        });
    }
    let at = now
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| ApiError::Unexpected(e.to_string()))?;
    env.d1("DB")?
        .prepare(
            "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 \
             WHERE code = ?1 AND status IN ('requested', 'confirmed')",
        )
        .bind(&[code.into(), at.into()])?
        .run()
        .await?;
    // The place is free again: the office's public schedule shows it at once.
    crate::schedule_answer::forget_id(&row.office_id);
    let row = authorised(req, env, code).await?;
    view::response(row.booking()?)
}

pub async fn calendar(req: &Request, env: &Env, code: &str) -> Result<Response, ApiError> {
    let row = authorised(req, env, code).await?;
    let reception = row.stored_reception()?;
    let office = OfficeId::parse(&row.office_id)
        .map_err(|_| ApiError::Unexpected(format!("office id {}", row.office_id)))?;
    let snapshot = schedule::snapshot(env, &office).await?;
    let officials = ics::by_id(&snapshot.officials);
    let lang = row.language.parse::<Lang>().ok();
    let office_name = snapshot
        .office
        .name
        .get(lang.unwrap_or_default())
        .to_owned();
    let mut event = ics::event(&reception, &officials, &office_name, lang);
    event.uid(&format!("{}@qabyldau", row.code));
    // A request under review is tentative until staff confirm it (R15, R30).
    event.status(match row.status()? {
        BookingStatus::Confirmed => icalendar::EventStatus::Confirmed,
        BookingStatus::Requested => icalendar::EventStatus::Tentative,
        BookingStatus::Refused
        | BookingStatus::Cancelled
        | BookingStatus::CancelledByOffice
        | BookingStatus::Returned => icalendar::EventStatus::Cancelled,
    });
    let mut calendar = icalendar::Calendar::new();
    calendar.push(event.done());
    let mut response = crate::http::text(
        200,
        calendar.done().to_string(),
        "text/calendar; charset=utf-8",
    );
    let headers = response.headers_mut();
    headers.set("Cache-Control", "no-store")?;
    headers.set(
        "Content-Disposition",
        &format!("attachment; filename=\"{}.ics\"", row.code),
    )?;
    Ok(response)
}
