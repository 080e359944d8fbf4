//! The electronic queue of the daily reception (R39-3), its public side: taking a ticket
//! (R4, R37, R39-2: working days 09:00–18:30; R39-4 language; R8 out of town; R9 claim),
//! the office's queue for the board, and the ticket's own page. No personal data exists in
//! it: a ticket is its number and a token, of which only the hash is kept.
//!
//! **Storage: D1, one table (migration 0012), not a Durable Object per office and day.**
//! - *Gapless numbers under any concurrency*: D1 runs one statement at a time on its one
//!   primary, and the ticket's number is computed inside its own `INSERT … SELECT MAX + 1`,
//!   so two requests can never read the same last number; the `queue_tickets_gapless`
//!   trigger refuses any other number. The same statement makes `issued_at` never earlier
//!   than the ticket before, so arrival order (R9) and number order agree.
//! - *Ordering*: the calling order is `rules::queue`'s, in Rust, over the day's waiting
//!   tickets (a few hundred at most); a call is a state change the `queue_tickets_transitions`
//!   trigger checks, so two receivers calling at once cannot call one ticket twice — the
//!   second batch fails and takes the next ticket.
//! - *The board's reads*: one indexed query per poll (every few seconds per screen), far
//!   below what D1 serves; a Durable Object would push instead of being polled, but needs a
//!   class binding and migrations of its own, and its state would live outside the audit
//!   trail's database, so the action and its audit row (R39-5) could no longer be one batch.

use crate::bookings::secret;
use crate::error::ApiError;
use crate::{body, clock, http, rate_limit};
use api::queue::{
    Category, QueueState, ReceptionLanguage, Serving, Ticket as PublicTicket, TicketRequest,
    TicketStatus, TicketTaken, TicketView,
};
use api::ErrorCode;
use rules::calendar::Calendar;
use rules::queue::{self as order, PriorityCategory, PriorityClaim};
use rules::OfficeId;
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};
use worker::{D1Database, Env, Request, Response};

/// A stored ticket.
#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    pub number: u32,
    pub issued_at: String,
    pub language: String,
    pub out_of_town: u8,
    pub priority_category: Option<String>,
    pub priority_verified: u8,
    pub status: String,
    pub room: Option<String>,
    pub called_at: Option<String>,
    pub calls: u32,
    pub token_hash: String,
}

pub const COLUMNS: &str = "number, issued_at, language, out_of_town, priority_category, \
    priority_verified, status, room, called_at, calls, token_hash";

impl Row {
    pub fn status(&self) -> Result<TicketStatus, ApiError> {
        TicketStatus::parse(&self.status)
            .ok_or_else(|| ApiError::Unexpected("queue_tickets.status unknown".into()))
    }

    pub fn issued_at(&self) -> Result<OffsetDateTime, ApiError> {
        parse_time(&self.issued_at)
    }

    pub fn language(&self) -> Result<ReceptionLanguage, ApiError> {
        ReceptionLanguage::parse(&self.language)
            .ok_or_else(|| ApiError::Unexpected("queue_tickets.language unknown".into()))
    }

    pub fn priority(&self) -> Option<PriorityClaim> {
        let category = PriorityCategory::parse(self.priority_category.as_deref()?)?;
        Some(PriorityClaim {
            category,
            verified: self.priority_verified == 1,
        })
    }

    /// The ticket as `rules::queue` orders it.
    pub fn ordered(&self) -> Result<order::Ticket, ApiError> {
        Ok(order::Ticket {
            number: self.number,
            issued_at: self.issued_at()?,
            priority: self.priority(),
            out_of_town: self.out_of_town == 1,
        })
    }
}

pub fn parse_time(s: &str) -> Result<OffsetDateTime, ApiError> {
    OffsetDateTime::parse(s, &Rfc3339)
        .map_err(|_| ApiError::Unexpected("queue_tickets: a malformed time".into()))
}

/// RFC 3339 to the second at +05:00, fixed width (25 characters): sorts as text.
pub fn timestamp(at: OffsetDateTime) -> String {
    let at = at.to_offset(rules::window::ALMATY);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+05:00",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
    )
}

/// The office, if it exists (an office id that cannot exist is as unknown as one that
/// does not).
pub async fn office(env: &Env, raw: &str) -> Result<OfficeId, ApiError> {
    let not_found = || ApiError::NotFound {
        field: Some("office_id"),
    };
    let id = OfficeId::parse(raw).map_err(|_| not_found())?;
    #[derive(Deserialize)]
    struct Found {
        #[allow(dead_code)]
        id: String,
    }
    let found: Option<Found> = env
        .d1("DB")?
        .prepare("SELECT id FROM offices WHERE id = ?1")
        .bind(&[id.as_str().into()])?
        .first(None)
        .await?;
    found.map(|_| id).ok_or_else(not_found)
}

/// The day's tickets of an office, by number.
pub async fn day_tickets(db: &D1Database, office: &str, day: Date) -> Result<Vec<Row>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM queue_tickets WHERE office_id = ?1 AND day = ?2 ORDER BY number"
        ))
        .bind(&[office.into(), clock::iso(day).into()])?
        .all()
        .await?
        .results()?)
}

/// The waiting tickets in `rules::queue`'s calling order.
pub fn waiting_in_order(rows: &[Row]) -> Result<Vec<order::Ticket>, ApiError> {
    let waiting: Vec<order::Ticket> = rows
        .iter()
        .filter(|r| r.status == TicketStatus::Waiting.code())
        .map(Row::ordered)
        .collect::<Result<_, _>>()?;
    Ok(order::order(&waiting).into_iter().copied().collect())
}

/// The numbers being called (not yet absent or finished), the latest call first.
pub fn serving(rows: &[Row]) -> Result<Vec<Serving>, ApiError> {
    let mut serving: Vec<Serving> = rows
        .iter()
        .filter(|r| r.status == TicketStatus::Called.code())
        .map(|r| {
            Ok(Serving {
                number: r.number,
                room: r.room.clone().unwrap_or_default(),
                called_at: parse_time(r.called_at.as_deref().unwrap_or(&r.issued_at))?,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    serving.sort_by_key(|s| std::cmp::Reverse((s.called_at, s.number)));
    Ok(serving)
}

/// How many waiting tickets `rules::queue` calls before this one (0 once it is called).
fn ahead(rows: &[Row], row: &Row) -> Result<u32, ApiError> {
    if row.status != TicketStatus::Waiting.code() {
        return Ok(0);
    }
    let me = row.ordered()?;
    let before = waiting_in_order(rows)?
        .iter()
        .take_while(|t| t.number != me.number)
        .count();
    Ok(before as u32)
}

fn public_ticket(rows: &[Row], row: &Row) -> Result<PublicTicket, ApiError> {
    Ok(PublicTicket {
        number: row.number,
        issued_at: row.issued_at()?,
        ahead: ahead(rows, row)?,
        status: row.status()?.into(),
    })
}

/// `POST /api/v1/queue/{office_id}/tickets`.
pub async fn take(req: &mut Request, env: &Env, office_id: &str) -> Result<Response, ApiError> {
    let office = office(env, office_id).await?;
    let input: TicketRequest = body::json(req).await?;
    // A ticket costs a proof of work, as a booking does: no client fills a day's queue. It
    // comes before the hours (as before a booking's rules): a request without one is refused
    // as such whenever it comes.
    crate::challenge::redeem(req, env).await?;
    let now = clock::now_for(req);
    if !order::is_open(Calendar::kazakhstan(), now) {
        return Err(ApiError::Conflict {
            code: ErrorCode::QueueClosed,
            field: None,
            clause: Some("R4"),
        });
    }
    let token = secret::random::<{ secret::TOKEN_BYTES }>()?;
    let db = env.d1("DB")?;
    let day = now.date();
    let null = worker::wasm_bindgen::JsValue::NULL;
    #[derive(Deserialize)]
    struct Issued {
        number: u32,
    }
    // One statement: D1 runs it alone, so MAX + 1 is read and written at once (module doc).
    let issued: Option<Issued> = db
        .prepare(
            "INSERT INTO queue_tickets (office_id, day, number, issued_at, language, out_of_town, \
             priority_category, token_hash) \
             SELECT ?1, ?2, COALESCE(MAX(number), 0) + 1, MAX(?3, COALESCE(MAX(issued_at), ?3)), \
             ?4, ?5, ?6, ?7 FROM queue_tickets WHERE office_id = ?1 AND day = ?2 \
             RETURNING number",
        )
        .bind(&[
            office.as_str().into(),
            clock::iso(day).into(),
            timestamp(now).into(),
            input.language.code().into(),
            f64::from(u8::from(input.out_of_town)).into(),
            input.priority_claim.map_or(null, |c| c.code().into()),
            secret::token_hash(&token).into(),
        ])?
        .first(None)
        .await?;
    let number = issued
        .ok_or_else(|| ApiError::Unexpected("queue ticket insert returned nothing".into()))?
        .number;
    let rows = day_tickets(&db, office.as_str(), day).await?;
    let row = rows
        .iter()
        .find(|r| r.number == number)
        .ok_or_else(|| ApiError::Unexpected("the new ticket is not found".into()))?;
    let mut response = http::json(
        201,
        &TicketTaken {
            ticket: public_ticket(&rows, row)?,
            ticket_token: secret::encode_token(&token),
        },
    );
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

/// `GET /api/v1/queue/{office_id}`: polled by the board and the ticket page.
pub async fn state(req: &Request, env: &Env, office_id: &str) -> Result<Response, ApiError> {
    let office = office(env, office_id).await?;
    let now = clock::now_for(req);
    let rows = day_tickets(&env.d1("DB")?, office.as_str(), now.date()).await?;
    let waiting = rows
        .iter()
        .filter(|r| r.status == TicketStatus::Waiting.code())
        .count() as u32;
    let state = QueueState {
        office_id: office,
        open: order::is_open(Calendar::kazakhstan(), now),
        serving: serving(&rows)?,
        waiting,
        priority_categories: PriorityCategory::ALL.map(Category::of).to_vec(),
    };
    let mut response = http::json(200, &state);
    // Changes with every call: the board asks again within seconds.
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

fn bearer(req: &Request) -> Result<Option<[u8; secret::TOKEN_BYTES]>, ApiError> {
    Ok(req
        .headers()
        .get("Authorization")?
        .and_then(|h| {
            // The scheme name is case-insensitive (RFC 9110 §11.1).
            let (scheme, token) = h.trim().split_once(' ')?;
            scheme
                .eq_ignore_ascii_case("bearer")
                .then(|| token.trim().to_owned())
        })
        .and_then(|t| secret::decode_token(&t)))
}

/// A ticket number as the path gives it: `1`…, no sign, no leading zero.
pub fn parse_number(raw: &str) -> Option<u32> {
    if raw.is_empty() || raw.len() > 6 || raw.starts_with('0') {
        return None;
    }
    if !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.parse().ok()
}

/// `GET /api/v1/queue/{office_id}/tickets/{number}` with the ticket token; a missing or
/// wrong token and an unknown number answer the same `404`.
pub async fn ticket(
    req: &Request,
    env: &Env,
    office_id: &str,
    number: &str,
) -> Result<Response, ApiError> {
    let not_found = || ApiError::NotFound {
        field: Some("number"),
    };
    let office = office(env, office_id).await?;
    let number = parse_number(number).ok_or_else(not_found)?;
    let token = bearer(req)?.ok_or_else(not_found)?;
    let now = clock::now_for(req);
    let rows = day_tickets(&env.d1("DB")?, office.as_str(), now.date()).await?;
    let row = rows
        .iter()
        .find(|r| r.number == number)
        .filter(|r| secret::same(&r.token_hash, &secret::token_hash(&token)))
        .ok_or_else(not_found)?;
    let view = TicketView {
        ticket: public_ticket(&rows, row)?,
        room: (row.status == TicketStatus::Called.code())
            .then(|| row.room.clone())
            .flatten(),
        serving: serving(&rows)?,
    };
    let mut response = http::json(200, &view);
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

/// The queue's public endpoints are counted per client address, by their own limiter
/// (rate_limit.rs): a board and a phone poll; taking a ticket has a budget of its own, which
/// no poll uses up.
pub async fn limit(req: &Request, env: &Env, what: rate_limit::QueueUse) -> Result<(), ApiError> {
    rate_limit::check_queue(req, env, what).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn times_are_fixed_width_kazakhstan() {
        let t = timestamp(datetime!(2026-12-14 04:05:06.7 UTC));
        assert_eq!(t, "2026-12-14T09:05:06+05:00");
        assert_eq!(t.len(), 25);
        assert_eq!(parse_time(&t).unwrap(), datetime!(2026-12-14 09:05:06 +5));
    }

    #[test]
    fn ticket_numbers_in_paths() {
        assert_eq!(parse_number("1"), Some(1));
        assert_eq!(parse_number("120"), Some(120));
        for bad in ["", "0", "01", "-1", "+1", "1.0", "1234567", "x"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }
}
