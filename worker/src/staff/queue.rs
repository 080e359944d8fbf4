//! The receiving prosecutor's side of the electronic queue (R39-3, R9, R8), role `receiver`,
//! the person's own office only (another office's queue is `404`, as if it did not exist);
//! every call and every verification is in the audit trail in the same batch (R39-5).
//!
//! - "Call next" takes the first waiting ticket of `rules::queue`'s order: verified R9
//!   priority first, each class by arrival. Calling is not cut off at 18:30: who took a ticket
//!   in hours is received, and R8's out-of-town visitors the same day — the answer counts
//!   those still waiting (`out_of_town_waiting`), so none is sent home.
//! - A claim is verified when the document is shown (the ticket is then out of turn with its
//!   original arrival, R9), or rejected (the claim is removed; the ticket keeps its place).
//! - A called ticket is called again, marked absent, or finished.

use super::audit::{self, Entry};
use super::scope::Scope;
use super::session::{self, Staff};
use crate::error::ApiError;
use crate::queue::{self, Row};
use crate::{body, clock, http};
use api::queue::{CallNext, Called, StaffQueue, StaffTicket, TicketStatus, VerifyPriority};
use api::staff::Role;
use api::ErrorCode;
use rules::calendar::Calendar;
use rules::queue as order;
use serde::Deserialize;
use time::Date;
use worker::{D1Database, Env, Request, Response};

/// The person, a receiver whose scope holds the office; else `403` / `404`.
async fn receiver(req: &Request, env: &Env, office_id: &str) -> Result<Staff, ApiError> {
    let staff = session::require(req, env).await?;
    if !staff.has(Role::Receiver) {
        return Err(ApiError::Forbidden);
    }
    let scope = Scope::of(&staff, Role::Receiver);
    #[derive(Deserialize)]
    struct InScope {
        #[allow(dead_code)]
        id: String,
    }
    let found: Option<InScope> = env
        .d1("DB")?
        .prepare(format!(
            "{}SELECT id FROM scope WHERE id = ?2",
            scope.cte(1)
        ))
        .bind(&[scope.office.into(), office_id.into()])?
        .first(None)
        .await?;
    if found.is_none() {
        return Err(ApiError::NotFound {
            field: Some("office_id"),
        });
    }
    Ok(staff)
}

fn staff_ticket(row: &Row) -> Result<StaffTicket, ApiError> {
    Ok(StaffTicket {
        number: row.number,
        issued_at: row.issued_at()?,
        status: row.status()?.into(),
        language: row.language()?.into(),
        out_of_town: row.out_of_town == 1,
        priority: row.priority(),
        room: row.room.clone(),
        calls: row.calls,
    })
}

fn out_of_town_waiting(rows: &[Row]) -> u32 {
    rows.iter()
        .filter(|r| r.status == TicketStatus::Waiting.code() && r.out_of_town == 1)
        .count() as u32
}

/// `GET /api/v1/staff/queue/{office_id}`: today's tickets, the waiting ones in calling
/// order first, then the others by number.
pub async fn list(req: &Request, env: &Env, office_id: &str) -> Result<Response, ApiError> {
    let staff = receiver(req, env, office_id).await?;
    let now = clock::now_for(req);
    let db = env.d1("DB")?;
    let rows = queue::day_tickets(&db, office_id, now.date()).await?;
    let waiting = queue::waiting_in_order(&rows)?;
    let mut tickets = Vec::with_capacity(rows.len());
    for t in &waiting {
        if let Some(row) = rows.iter().find(|r| r.number == t.number) {
            tickets.push(staff_ticket(row)?);
        }
    }
    for row in rows
        .iter()
        .filter(|r| r.status != TicketStatus::Waiting.code())
    {
        tickets.push(staff_ticket(row)?);
    }
    let awaiting_verification = order::awaiting_verification(&waiting)
        .iter()
        .map(|t| t.number)
        .collect();
    Ok(http::json(
        200,
        &StaffQueue {
            office_id: staff.office_id.clone(),
            date: now.date(),
            open: order::is_open(Calendar::kazakhstan(), now),
            tickets,
            awaiting_verification,
        },
    ))
}

/// A state change the `queue_tickets_transitions` trigger refused: another receiver acted
/// on the ticket between our read and our write.
fn is_stale(e: &worker::Error) -> bool {
    e.to_string().contains("queue_tickets: not a transition")
}

fn object(office_id: &str, day: Date, number: u32) -> String {
    format!("queue:{office_id}:{}:{number}", clock::iso(day))
}

async fn answer(
    db: &D1Database,
    office_id: &str,
    day: Date,
    number: u32,
) -> Result<Response, ApiError> {
    let rows = queue::day_tickets(db, office_id, day).await?;
    let row = rows
        .iter()
        .find(|r| r.number == number)
        .ok_or_else(|| ApiError::Unexpected("the ticket acted on is gone".into()))?;
    Ok(http::json(
        200,
        &Called {
            ticket: staff_ticket(row)?,
            out_of_town_waiting: out_of_town_waiting(&rows),
        },
    ))
}

/// `POST /api/v1/staff/queue/{office_id}/next` `{"room"}`.
pub async fn next(req: &mut Request, env: &Env, office_id: &str) -> Result<Response, ApiError> {
    let staff = receiver(req, env, office_id).await?;
    let input: CallNext = body::json(req).await?;
    let room = input.room.trim().to_owned();
    if room.is_empty() || room.chars().count() > 32 || room.chars().any(char::is_control) {
        return Err(ApiError::Invalid {
            code: ErrorCode::Invalid,
            field: "room".into(),
        });
    }
    let now = clock::now_for(req);
    let day = now.date();
    let db = env.d1("DB")?;
    // Two receivers may call at once: the one whose write comes second finds the ticket
    // called already (the trigger refuses) and takes the next one.
    for _ in 0..8 {
        let rows = queue::day_tickets(&db, office_id, day).await?;
        let waiting = queue::waiting_in_order(&rows)?;
        let Some(next) = order::next_to_call(&waiting) else {
            return Err(ApiError::Conflict {
                code: ErrorCode::QueueEmpty,
                field: None,
                clause: None,
            });
        };
        let number = next.number;
        let call = db
            .prepare(
                "UPDATE queue_tickets SET status = 'called', room = ?4, called_at = ?5, \
                 calls = calls + 1 WHERE office_id = ?1 AND day = ?2 AND number = ?3",
            )
            .bind(&[
                office_id.into(),
                clock::iso(day).into(),
                f64::from(number).into(),
                room.as_str().into(),
                queue::timestamp(now).into(),
            ])?;
        let entry = Entry {
            actor: (&staff.id, &staff.name),
            office_id,
            action: "queue_call",
            object: Some(object(office_id, day, number)),
        };
        match audit::commit(&db, vec![call], &entry).await {
            Ok(_) => return answer(&db, office_id, day, number).await,
            Err(e) if is_stale(&e) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(ApiError::Unexpected(
        "call next: the queue kept changing".into(),
    ))
}

/// The ticket of today with this number in the office, or `404`.
async fn today_ticket(
    db: &D1Database,
    office_id: &str,
    day: Date,
    number: &str,
) -> Result<Row, ApiError> {
    let not_found = || ApiError::NotFound {
        field: Some("number"),
    };
    let number = queue::parse_number(number).ok_or_else(not_found)?;
    let row: Option<Row> = db
        .prepare(format!(
            "SELECT {} FROM queue_tickets WHERE office_id = ?1 AND day = ?2 AND number = ?3",
            queue::COLUMNS
        ))
        .bind(&[
            office_id.into(),
            clock::iso(day).into(),
            f64::from(number).into(),
        ])?
        .first(None)
        .await?;
    row.ok_or_else(not_found)
}

fn conflict(code: ErrorCode) -> ApiError {
    ApiError::Conflict {
        code,
        field: Some("number"),
        clause: None,
    }
}

/// `POST …/tickets/{number}/priority` `{"verified"}` (R9).
pub async fn priority(
    req: &mut Request,
    env: &Env,
    office_id: &str,
    number: &str,
) -> Result<Response, ApiError> {
    let staff = receiver(req, env, office_id).await?;
    let input: VerifyPriority = body::json(req).await?;
    let day = clock::now_for(req).date();
    let db = env.d1("DB")?;
    let row = today_ticket(&db, office_id, day, number).await?;
    if row.status != TicketStatus::Waiting.code() {
        return Err(conflict(ErrorCode::NotWaiting));
    }
    if row.priority().is_none() {
        return Err(conflict(ErrorCode::NoPriorityClaim));
    }
    let (sql, action) = if input.verified {
        (
            "UPDATE queue_tickets SET priority_verified = 1 \
             WHERE office_id = ?1 AND day = ?2 AND number = ?3",
            "queue_priority_verify",
        )
    } else {
        (
            "UPDATE queue_tickets SET priority_category = NULL, priority_verified = 0 \
             WHERE office_id = ?1 AND day = ?2 AND number = ?3",
            "queue_priority_reject",
        )
    };
    let statement = db.prepare(sql).bind(&[
        office_id.into(),
        clock::iso(day).into(),
        f64::from(row.number).into(),
    ])?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id,
        action,
        object: Some(object(office_id, day, row.number)),
    };
    match audit::commit(&db, vec![statement], &entry).await {
        Ok(_) => answer(&db, office_id, day, row.number).await,
        Err(e) if is_stale(&e) => Err(conflict(ErrorCode::NotWaiting)),
        Err(e) => Err(e.into()),
    }
}

/// What is done to a called ticket.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    Recall,
    Absent,
    Finish,
}

/// `POST …/tickets/{number}/recall`, `…/absent`, `…/finish`.
pub async fn step(
    req: &Request,
    env: &Env,
    office_id: &str,
    number: &str,
    step: Step,
) -> Result<Response, ApiError> {
    let staff = receiver(req, env, office_id).await?;
    let now = clock::now_for(req);
    let day = now.date();
    let db = env.d1("DB")?;
    let row = today_ticket(&db, office_id, day, number).await?;
    if row.status != TicketStatus::Called.code() {
        return Err(conflict(ErrorCode::NotCalled));
    }
    let (sql, action) = match step {
        Step::Recall => (
            "UPDATE queue_tickets SET calls = calls + 1, called_at = ?4 \
             WHERE office_id = ?1 AND day = ?2 AND number = ?3",
            "queue_recall",
        ),
        Step::Absent => (
            "UPDATE queue_tickets SET status = 'absent' \
             WHERE office_id = ?1 AND day = ?2 AND number = ?3",
            "queue_absent",
        ),
        Step::Finish => (
            "UPDATE queue_tickets SET status = 'finished' \
             WHERE office_id = ?1 AND day = ?2 AND number = ?3",
            "queue_finish",
        ),
    };
    let mut params = vec![
        office_id.into(),
        clock::iso(day).into(),
        f64::from(row.number).into(),
    ];
    if matches!(step, Step::Recall) {
        params.push(queue::timestamp(now).into());
    }
    let statement = db.prepare(sql).bind(&params)?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id,
        action,
        object: Some(object(office_id, day, row.number)),
    };
    match audit::commit(&db, vec![statement], &entry).await {
        Ok(_) => answer(&db, office_id, day, row.number).await,
        Err(e) if is_stale(&e) => Err(conflict(ErrorCode::NotCalled)),
        Err(e) => Err(e.into()),
    }
}
