//! What came of a reception, and written appeals on control (R12, R39-6, R39-8, R40, R41,
//! R42, R44), for the one who received (`receiver`, `official`), the person's own office
//! only: anything of another office is `404`, exactly as if it did not exist. Each action is
//! one audit row in the batch of what it records (R39-5).
//!
//! - An outcome is recorded once per reception (a ticket of today that has been called, or
//!   a confirmed booking whose day has come). A registered written appeal is marked "from
//!   personal reception" (R40) and put on control (R44) with the rule set's due date
//!   (`rules::appeals`), or the officer's own with a reason. A booking that led to one is
//!   kept by retention until `RETENTION_DAYS_AFTER_CONTROL` after it leaves control
//!   (`bookings.appeal_on_control`, `appeal_control_ended_at`, migration 0011).
//! - A referral (R39-8) books the applicant with another official of the office through the
//!   one booking function ([`crate::bookings::book`]), channel `referral`.
//! - R44: the officer may change the due date of an appeal on control, never before its
//!   registration and always with a reason. The appeal keeps the latest reason; the audit
//!   trail keeps every change's old and new dates (free text stays out of the trail).
//! - R42: an appeal is assigned only to an active `receiver` or `official` of the office, and
//!   not to anyone recorded as having decided an earlier appeal of its thread (a new appeal
//!   joins a thread by the earlier appeal's id or registration number); it is taken off
//!   control only with the final answer and the notification.
//! - The control list names the office's assignable staff, and is a read in the audit trail.

use super::audit::{self, Entry};
use super::session::{self, Staff};
use crate::bookings::{self, Clerk, Keyed, Origin};
use crate::error::ApiError;
use crate::pseudonym::Pseudonyms;
use crate::{body, clock, http, queue};
use api::desk::Channel;
use api::outcomes::{
    Appeal, AppealBody, AssignInput, Assignee, CloseInput, Closed, ControlList, DueChange,
    DueInput, NotificationMeans, Outcome, OutcomeInput, OutcomeKind, OutcomeRecorded, Received,
    Referral,
};
use api::queue::TicketStatus;
use api::staff::Role;
use api::ErrorCode;
use rules::appeals::{self, PreviouslyDecided};
use rules::booking::Entered;
use rules::calendar::Calendar;
use rules::ruleset::RuleSet;
use serde::Deserialize;
use time::OffsetDateTime;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, Env, Request, Response};

/// R12: notes are at most this many characters.
const MAX_NOTES: usize = 2000;

fn who_received(staff: &Staff) -> Result<(), ApiError> {
    if staff.has(Role::Receiver) || staff.has(Role::Official) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

fn invalid(code: ErrorCode, field: &str) -> ApiError {
    ApiError::Invalid {
        code,
        field: field.to_owned(),
    }
}

fn not_found(field: &'static str) -> ApiError {
    ApiError::NotFound { field: Some(field) }
}

fn conflict(code: ErrorCode, field: Option<&'static str>) -> ApiError {
    ApiError::Conflict {
        code,
        field,
        clause: None,
    }
}

/// A reference (registration number, answer, letter): required, bounded.
fn required_reference(value: Option<&str>, field: &str) -> Result<String, ApiError> {
    match appeals::reference(value) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(invalid(ErrorCode::Required, field)),
        Err(e) => Err(invalid(ErrorCode::from_rules(e.code()), field)),
    }
}

/// Free text: trimmed, bounded, no control character but line breaks and tabs.
fn text(value: Option<&str>, max: usize, field: &str) -> Result<Option<String>, ApiError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().count() > max {
        return Err(invalid(ErrorCode::from_rules("too_long"), field));
    }
    if v.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(invalid(ErrorCode::from_rules("forbidden_character"), field));
    }
    Ok(Some(v.to_owned()))
}

fn new_id(prefix: &str) -> Result<String, ApiError> {
    let bytes = crate::bookings::secret::random::<8>()?;
    Ok(format!(
        "{prefix}_{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    ))
}

fn rfc3339(at: OffsetDateTime) -> Result<String, ApiError> {
    at.format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| ApiError::Unexpected(e.to_string()))
}

#[derive(Deserialize)]
struct BookingFacts {
    status: String,
    reception_date: String,
    official_id: String,
}

/// `POST /api/v1/staff/outcomes`.
pub async fn record(req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    who_received(&staff)?;
    let input: OutcomeInput = body::json(req).await?;
    let now = clock::now_for(req);
    let today = now.date();
    let db = env.d1("DB")?;
    let office = staff.office_id.as_str();

    // What was received, in the person's own office.
    let (ticket, booking_code) = match &input.received {
        Received::Ticket { office_id, number } => {
            if office_id.as_str() != office {
                return Err(not_found("received.office_id"));
            }
            let row: Option<queue::Row> = db
                .prepare(format!(
                    "SELECT {} FROM queue_tickets WHERE office_id = ?1 AND day = ?2 \
                     AND number = ?3",
                    queue::COLUMNS
                ))
                .bind(&[
                    office.into(),
                    clock::iso(today).into(),
                    f64::from(*number).into(),
                ])?
                .first(None)
                .await?;
            let row = row.ok_or_else(|| not_found("received.number"))?;
            if row.status == TicketStatus::Waiting.code() {
                return Err(conflict(ErrorCode::NotReceived, Some("received.number")));
            }
            (Some((clock::iso(today), *number)), None)
        }
        Received::Booking { code } => {
            let facts: Option<BookingFacts> = db
                .prepare(
                    "SELECT status, reception_date, official_id FROM bookings WHERE code = ?1 \
                     AND office_id = ?2",
                )
                .bind(&[code.as_str().into(), office.into()])?
                .first(None)
                .await?;
            let facts = facts.ok_or_else(|| not_found("received.code"))?;
            if facts.status != "confirmed" || facts.reception_date > clock::iso(today) {
                return Err(conflict(ErrorCode::NotReceived, Some("received.code")));
            }
            (None, Some((code.clone(), facts.official_id)))
        }
    };
    // The official who received a booking's applicant, whom a referral must not name again.
    let (booking_code, received_by) = match booking_code {
        Some((code, official)) => (Some(code), Some(official)),
        None => (None, None),
    };

    let detail = &input.outcome;
    let kind = detail.kind;
    let written = kind == OutcomeKind::WrittenAppealRegistered;
    // What a kind does not take is refused rather than silently dropped.
    let not_for_kind = |present: bool, field: &str| -> Result<(), ApiError> {
        if present {
            Err(invalid(ErrorCode::NotApplicable, field))
        } else {
            Ok(())
        }
    };
    if !written {
        not_for_kind(
            detail.registration_number.is_some(),
            "outcome.registration_number",
        )?;
        not_for_kind(detail.due.is_some(), "outcome.due")?;
        not_for_kind(detail.due_reason.is_some(), "outcome.due_reason")?;
        not_for_kind(detail.repeats.is_some(), "outcome.repeats")?;
    }
    if kind != OutcomeKind::OralAnswered {
        not_for_kind(detail.consent.is_some(), "outcome.consent")?;
    }
    if kind != OutcomeKind::Referred {
        not_for_kind(detail.referral.is_some(), "outcome.referral")?;
    }
    let notes = text(input.notes.as_deref(), MAX_NOTES, "notes")?;
    let registration_number = if written {
        // R40: the appeal is registered in the external system: its number is required.
        Some(required_reference(
            detail.registration_number.as_deref(),
            "outcome.registration_number",
        )?)
    } else {
        None
    };
    // R39-6: an oral answer only with the person's consent.
    let consent = kind == OutcomeKind::OralAnswered;
    if consent && detail.consent != Some(true) {
        return Err(invalid(ErrorCode::Required, "outcome.consent"));
    }
    // R44: the due date, and R42's thread.
    let control = if written {
        let reason = text(
            detail.due_reason.as_deref(),
            appeals::MAX_TEXT,
            "outcome.due_reason",
        )?;
        let (due, due_reason) = appeals::check_due(
            RuleSet::current(),
            Calendar::kazakhstan(),
            today,
            detail.due,
            reason.as_deref(),
        )
        .map_err(|e| match e {
            appeals::DueError::ReasonRequired => invalid(ErrorCode::Required, "outcome.due_reason"),
            appeals::DueError::BeforeRegistration => {
                invalid(ErrorCode::BeforeRegistration, "outcome.due")
            }
        })?;
        let earlier = match &detail.repeats {
            Some(earlier) => {
                let earlier = required_reference(Some(earlier.as_str()), "outcome.repeats")?;
                Some(
                    earlier_appeal(&db, office, &earlier)
                        .await?
                        .ok_or_else(|| not_found("outcome.repeats"))?,
                )
            }
            None => None,
        };
        Some((due, due_reason, earlier))
    } else {
        None
    };
    // Once per reception: refused before a referral books anything.
    let recorded: Option<IdOnly> = db
        .prepare(
            "SELECT id FROM reception_outcomes WHERE (booking_code IS NOT NULL AND \
             booking_code = ?1) OR (office_id = ?2 AND ticket_day = ?3 AND ticket_number = ?4)",
        )
        .bind(&[
            booking_code.as_deref().unwrap_or("").into(),
            office.into(),
            ticket
                .as_ref()
                .map_or(JsValue::NULL, |t| t.0.as_str().into()),
            ticket
                .as_ref()
                .map_or(JsValue::NULL, |t| f64::from(t.1).into()),
        ])?
        .first(None)
        .await?;
    if let Some(recorded) = recorded {
        // A referral sent again with its key after its answer was lost gets that answer
        // again — the new booking's code and manage link, shown once to hand over (R39-8).
        if kind == OutcomeKind::Referred {
            if let Some(replayed) =
                referral_replayed(req, env, &db, &staff, &recorded.id, &input).await?
            {
                return Ok(replayed);
            }
        }
        return Err(conflict(ErrorCode::OutcomeRecorded, None));
    }

    // R39-8: the referral booking, through the one booking function.
    let referral = if kind == OutcomeKind::Referred {
        let form = detail
            .referral
            .as_ref()
            .ok_or_else(|| invalid(ErrorCode::Required, "outcome.referral"))?;
        let key = bookings::idempotency_key(req)?;
        let bytes = serde_json::to_vec(form).map_err(|e| ApiError::Unexpected(e.to_string()))?;
        let keyed = Keyed::new(&Pseudonyms::of(env)?, key, &bytes);
        let prefixed = |e: ApiError| match e {
            ApiError::Invalid { code, field } => ApiError::Invalid {
                code,
                field: format!("outcome.referral.{field}"),
            },
            e => e,
        };
        let made = match bookings::replay(env, &keyed).await? {
            Some(made) if made.row.office_id == office => made,
            Some(_) => return Err(not_found("outcome.referral.reception_id")),
            None => {
                let request = form
                    .validate_entered(today)
                    .map_err(|e| prefixed(bookings::first_error(e)))?;
                // R39-8: a referral is to *another* official; the one who received the
                // person would receive them again. An unknown reception is left to `book`.
                if let Some(received_by) = &received_by {
                    let schedule_id = match &request {
                        Entered::Stated(r) => r.schedule_id.as_str(),
                        Entered::Unstated(r) => r.schedule_id.as_str(),
                    };
                    if let Ok((official, _, _)) =
                        bookings::reception_schedule(env, schedule_id).await
                    {
                        if official.id.as_str() == received_by {
                            return Err(invalid(
                                ErrorCode::SameOfficial,
                                "outcome.referral.reception_id",
                            ));
                        }
                    }
                }
                let origin = Origin::Entered {
                    channel: Channel::Referral.code(),
                    clerk: Clerk {
                        id: &staff.id,
                        name: &staff.name,
                        office: &staff.office_id,
                    },
                };
                bookings::book(env, &keyed, request, &origin, clock::now())
                    .await
                    .map_err(|e| match e {
                        ApiError::NotFound { .. } => not_found("outcome.referral.reception_id"),
                        e => prefixed(e),
                    })?
            }
        };
        let booking = made.booking()?;
        Some(Referral {
            manage_path: format!("/bookings/{}#t={}", booking.code, made.token),
            booking,
            channel: Channel::Referral.into(),
            manage_token: made.token,
        })
    } else {
        None
    };

    let outcome_id = new_id("oc")?;
    let recorded_at = rfc3339(now)?;
    let mut statements = vec![db
        .prepare(
            "INSERT INTO reception_outcomes (id, office_id, ticket_day, ticket_number, \
             booking_code, kind, registration_number, from_personal_reception, consent, \
             referral_code, takes_part, notes, recorded_by, recorded_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )
        .bind(&[
            outcome_id.as_str().into(),
            office.into(),
            ticket
                .as_ref()
                .map_or(JsValue::NULL, |t| t.0.as_str().into()),
            ticket
                .as_ref()
                .map_or(JsValue::NULL, |t| f64::from(t.1).into()),
            booking_code.as_deref().map_or(JsValue::NULL, Into::into),
            kind.code().into(),
            registration_number
                .as_deref()
                .map_or(JsValue::NULL, Into::into),
            f64::from(u8::from(written)).into(),
            f64::from(u8::from(consent)).into(),
            referral
                .as_ref()
                .map_or(JsValue::NULL, |r| r.booking.code.as_str().into()),
            f64::from(u8::from(input.takes_part)).into(),
            notes.as_deref().map_or(JsValue::NULL, Into::into),
            staff.id.as_str().into(),
            recorded_at.as_str().into(),
        ])?];
    let mut object = format!("outcome:{outcome_id}");
    let appeal = match (&control, &registration_number) {
        (Some((due, due_reason, earlier)), Some(number)) => {
            let id = new_id("ap")?;
            let thread = earlier.as_ref().map_or(id.clone(), |e| e.thread.clone());
            statements.push(
                db.prepare(
                    "INSERT INTO appeals_on_control (id, office_id, outcome_id, \
                     registration_number, registered_on, due, due_reason, thread, takes_part) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .bind(&[
                    id.as_str().into(),
                    office.into(),
                    outcome_id.as_str().into(),
                    number.as_str().into(),
                    clock::iso(today).into(),
                    clock::iso(*due).into(),
                    due_reason.as_deref().map_or(JsValue::NULL, Into::into),
                    thread.as_str().into(),
                    f64::from(u8::from(input.takes_part)).into(),
                ])?,
            );
            // Retention keeps the booking's personal data while the appeal is on control.
            if let Some(code) = &booking_code {
                statements.push(
                    db.prepare("UPDATE bookings SET appeal_on_control = 1 WHERE code = ?1")
                        .bind(&[code.as_str().into()])?,
                );
            }
            object.push_str(&format!(" appeal:{id}"));
            Some(Appeal {
                overdue: appeals::is_overdue(*due, today),
                id,
                office_id: staff.office_id.clone(),
                outcome_id: outcome_id.clone(),
                registration_number: number.clone(),
                registered_on: today,
                due: *due,
                due_reason: due_reason.clone(),
                due_changes: Vec::new(),
                thread,
                assigned_to: None,
                takes_part: input.takes_part,
                closed: None,
            })
        }
        _ => None,
    };
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: office,
        action: "outcome_record",
        object: Some(object),
    };
    match audit::commit(&db, statements, &entry).await {
        Ok(_) => {}
        Err(e)
            if e.to_string()
                .contains("UNIQUE constraint failed: reception_outcomes") =>
        {
            return Err(conflict(ErrorCode::OutcomeRecorded, None));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(http::json(
        201,
        &OutcomeRecorded {
            outcome: Outcome {
                id: outcome_id,
                office_id: staff.office_id.clone(),
                received: input.received.clone(),
                kind: kind.into(),
                registration_number,
                from_personal_reception: written,
                consent,
                referral_code: referral.as_ref().map(|r| r.booking.code.clone()),
                takes_part: input.takes_part,
                notes,
                recorded_by: staff.id.clone(),
                recorded_at: now,
            },
            control: appeal,
            referral,
        },
    ))
}

#[derive(Deserialize)]
struct IdOnly {
    id: String,
}

/// An outcome as stored, for answering a replayed referral.
#[derive(Deserialize)]
struct RecordedReferral {
    referral_code: Option<String>,
    takes_part: u8,
    notes: Option<String>,
    recorded_by: String,
    recorded_at: String,
}

/// The first answer again when the recorded outcome `id` is the referral this request's
/// Idempotency-Key made (the same key and body as its booking); `None` otherwise.
async fn referral_replayed(
    req: &Request,
    env: &Env,
    db: &D1Database,
    staff: &Staff,
    id: &str,
    input: &OutcomeInput,
) -> Result<Option<Response>, ApiError> {
    let Some(form) = input.outcome.referral.as_ref() else {
        return Ok(None);
    };
    let key = bookings::idempotency_key(req)?;
    let bytes = serde_json::to_vec(form).map_err(|e| ApiError::Unexpected(e.to_string()))?;
    let keyed = Keyed::new(&Pseudonyms::of(env)?, key, &bytes);
    let Some(made) = bookings::replay(env, &keyed).await? else {
        return Ok(None);
    };
    let row: Option<RecordedReferral> = db
        .prepare(
            "SELECT referral_code, takes_part, notes, recorded_by, recorded_at \
             FROM reception_outcomes WHERE id = ?1",
        )
        .bind(&[id.into()])?
        .first(None)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let booking = made.booking()?;
    if row.referral_code.as_deref() != Some(booking.code.as_str()) {
        return Ok(None);
    }
    let recorded_at = rules::dates::parse_rfc3339(&row.recorded_at)
        .ok_or_else(|| ApiError::Unexpected(format!("a stored instant: {}", row.recorded_at)))?;
    Ok(Some(http::json(
        201,
        &OutcomeRecorded {
            outcome: Outcome {
                id: id.to_owned(),
                office_id: staff.office_id.clone(),
                received: input.received.clone(),
                kind: OutcomeKind::Referred.into(),
                registration_number: None,
                from_personal_reception: false,
                consent: false,
                referral_code: Some(booking.code.clone()),
                takes_part: row.takes_part != 0,
                notes: row.notes,
                recorded_by: row.recorded_by,
                recorded_at,
            },
            control: None,
            referral: Some(Referral {
                manage_path: format!("/bookings/{}#t={}", booking.code, made.token),
                booking,
                channel: Channel::Referral.into(),
                manage_token: made.token,
            }),
        },
    )))
}

const APPEAL_COLUMNS: &str = "id, office_id, outcome_id, registration_number, registered_on, \
    due, due_reason, due_changes, thread, assigned_to, takes_part, answer_reference, \
    answer_date, notified_by, notification_reference, decided_by, closed_by, closed_at";

/// R42, R44: who may be assigned an appeal — an active account of the office that receives
/// (`receiver` or `official`); the list the console offers and the check of an assignment.
const ASSIGNABLE: &str = "a.status = 'active' AND EXISTS (SELECT 1 FROM staff_roles r \
    WHERE r.account_id = a.id AND r.role IN ('receiver', 'official'))";

#[derive(Clone, Deserialize)]
struct AppealRow {
    id: String,
    office_id: String,
    outcome_id: String,
    registration_number: String,
    registered_on: String,
    due: String,
    due_reason: Option<String>,
    /// JSON: `[DueChange]` (migration 0014).
    due_changes: String,
    thread: String,
    assigned_to: Option<String>,
    takes_part: u8,
    answer_reference: Option<String>,
    answer_date: Option<String>,
    notified_by: Option<String>,
    notification_reference: Option<String>,
    decided_by: Option<String>,
    closed_by: Option<String>,
    closed_at: Option<String>,
}

fn date(s: &str) -> Result<time::Date, ApiError> {
    clock::parse_iso(s).ok_or_else(|| ApiError::Unexpected(format!("a stored date: {s}")))
}

impl AppealRow {
    fn appeal(&self, today: time::Date) -> Result<Appeal, ApiError> {
        let due = date(&self.due)?;
        let closed = match (
            &self.answer_reference,
            &self.answer_date,
            &self.notified_by,
            &self.notification_reference,
            &self.decided_by,
            &self.closed_by,
            &self.closed_at,
        ) {
            (Some(r), Some(d), Some(n), Some(nr), Some(db), Some(cb), Some(at)) => Some(Closed {
                answer_reference: r.clone(),
                answer_date: date(d)?,
                notified_by: NotificationMeans::parse(n)
                    .map(Into::into)
                    .ok_or_else(|| ApiError::Unexpected(format!("notified_by {n}")))?,
                notification_reference: nr.clone(),
                decided_by: db.clone(),
                closed_by: cb.clone(),
                closed_at: OffsetDateTime::parse(
                    at,
                    &time::format_description::well_known::Rfc3339,
                )
                .map_err(|e| ApiError::Unexpected(e.to_string()))?,
            }),
            _ => None,
        };
        Ok(Appeal {
            id: self.id.clone(),
            office_id: rules::OfficeId::parse(&self.office_id)
                .map_err(|_| ApiError::Unexpected("a stored office id".into()))?,
            outcome_id: self.outcome_id.clone(),
            registration_number: self.registration_number.clone(),
            registered_on: date(&self.registered_on)?,
            due,
            due_reason: self.due_reason.clone(),
            due_changes: serde_json::from_str(&self.due_changes)
                .map_err(|e| ApiError::Unexpected(format!("stored due changes: {e}")))?,
            overdue: closed.is_none() && appeals::is_overdue(due, today),
            thread: self.thread.clone(),
            assigned_to: self.assigned_to.clone(),
            takes_part: self.takes_part == 1,
            closed,
        })
    }
}

/// R42: the earlier appeal a new one repeats, as staff name it: its id, or its registration
/// number (what the earlier answer letter carries). A number this office registered more
/// than once names no one appeal: `409 ambiguous_reference`, and staff give the id.
async fn earlier_appeal(
    db: &D1Database,
    office: &str,
    earlier: &str,
) -> Result<Option<AppealRow>, ApiError> {
    let found = db
        .prepare(format!(
            "SELECT {APPEAL_COLUMNS} FROM appeals_on_control WHERE office_id = ?2 \
             AND (id = ?1 OR registration_number = ?1) ORDER BY id = ?1 DESC, id LIMIT 2"
        ))
        .bind(&[earlier.into(), office.into()])?
        .all()
        .await?
        .results::<AppealRow>()?;
    match found.as_slice() {
        [] => Ok(None),
        [one, ..] if one.id == earlier => Ok(Some(one.clone())),
        [one] => Ok(Some(one.clone())),
        _ => Err(conflict(
            ErrorCode::AmbiguousReference,
            Some("outcome.repeats"),
        )),
    }
}

async fn load_appeal(
    db: &D1Database,
    office: &str,
    id: &str,
) -> Result<Option<AppealRow>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {APPEAL_COLUMNS} FROM appeals_on_control WHERE id = ?1 AND office_id = ?2"
        ))
        .bind(&[id.into(), office.into()])?
        .first(None)
        .await?)
}

/// `GET /api/v1/staff/control`: overdue first, then by due date (R44).
pub async fn list(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    who_received(&staff)?;
    let today = clock::now_for(req).date();
    let db = env.d1("DB")?;
    // Who an appeal may be assigned to: the office's active accounts that receive. Their
    // names are personal data, so the list is a read in the audit trail (R39-5).
    #[derive(Deserialize)]
    struct AssigneeRow {
        id: String,
        name: String,
    }
    let office = staff.office_id.as_str();
    let statements = vec![
        db.prepare(format!(
            "SELECT {APPEAL_COLUMNS} FROM appeals_on_control WHERE office_id = ?1 \
             AND closed_at IS NULL"
        ))
        .bind(&[office.into()])?,
        db.prepare(format!(
            "SELECT a.id, a.name FROM staff_accounts a WHERE a.office_id = ?1 \
             AND {ASSIGNABLE} ORDER BY a.name, a.id"
        ))
        .bind(&[office.into()])?,
    ];
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: office,
        action: "control_list",
        object: None,
    };
    let results = audit::commit(&db, statements, &entry).await?;
    let read = |i: usize| {
        results
            .get(i)
            .ok_or_else(|| ApiError::Unexpected("control list: a result is missing".into()))
    };
    let rows = read(0)?.results::<AppealRow>()?;
    let assignees = read(1)?
        .results::<AssigneeRow>()?
        .into_iter()
        .map(|r| Assignee {
            id: r.id,
            name: r.name,
        })
        .collect();
    let mut appeals = rows
        .iter()
        .map(|r| r.appeal(today))
        .collect::<Result<Vec<_>, _>>()?;
    appeals.sort_by(|a, b| {
        appeals::control_order(today, (a.due, a.registered_on), (b.due, b.registered_on))
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(http::json(200, &ControlList { appeals, assignees }))
}

async fn open_appeal(db: &D1Database, staff: &Staff, id: &str) -> Result<AppealRow, ApiError> {
    let row = load_appeal(db, staff.office_id.as_str(), id)
        .await?
        .ok_or_else(|| not_found("id"))?;
    if row.closed_at.is_some() {
        return Err(conflict(ErrorCode::NotOnControl, None));
    }
    Ok(row)
}

fn closed_meanwhile(e: &worker::Error) -> bool {
    e.to_string()
        .contains("appeals_on_control: taken off control")
}

async fn answer(
    db: &D1Database,
    staff: &Staff,
    id: &str,
    today: time::Date,
) -> Result<Response, ApiError> {
    let row = load_appeal(db, staff.office_id.as_str(), id)
        .await?
        .ok_or_else(|| ApiError::Unexpected("the appeal acted on is gone".into()))?;
    Ok(http::json(
        200,
        &AppealBody {
            appeal: row.appeal(today)?,
        },
    ))
}

/// `POST /api/v1/staff/control/{id}/assign` (R42).
pub async fn assign(req: &mut Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    who_received(&staff)?;
    let input: AssignInput = body::json(req).await?;
    let today = clock::now_for(req).date();
    let db = env.d1("DB")?;
    let row = open_appeal(&db, &staff, id).await?;
    let assignee: Option<IdOnly> = db
        .prepare(format!(
            "SELECT a.id FROM staff_accounts a WHERE a.id = ?1 AND a.office_id = ?2 \
             AND {ASSIGNABLE}"
        ))
        .bind(&[
            input.assignee.as_str().into(),
            staff.office_id.as_str().into(),
        ])?
        .first(None)
        .await?;
    if assignee.is_none() {
        return Err(not_found("assignee"));
    }
    #[derive(Deserialize)]
    struct Decider {
        decided_by: String,
    }
    let deciders = db
        .prepare(
            "SELECT decided_by FROM appeals_on_control WHERE thread = ?1 AND id <> ?2 \
             AND decided_by IS NOT NULL",
        )
        .bind(&[row.thread.as_str().into(), row.id.as_str().into()])?
        .all()
        .await?
        .results::<Decider>()?;
    appeals::check_assignment(
        &input.assignee,
        deciders.iter().map(|d| d.decided_by.as_str()),
    )
    .map_err(|PreviouslyDecided| ApiError::Conflict {
        code: ErrorCode::PreviouslyDecided,
        field: Some("assignee"),
        clause: Some(PreviouslyDecided::CLAUSE),
    })?;
    let statement = db
        .prepare("UPDATE appeals_on_control SET assigned_to = ?2 WHERE id = ?1")
        .bind(&[row.id.as_str().into(), input.assignee.as_str().into()])?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: staff.office_id.as_str(),
        action: "appeal_assign",
        object: Some(format!("appeal:{} assignee:{}", row.id, input.assignee)),
    };
    match audit::commit(&db, vec![statement], &entry).await {
        Ok(_) => answer(&db, &staff, &row.id, today).await,
        Err(e) if closed_meanwhile(&e) => Err(conflict(ErrorCode::NotOnControl, None)),
        Err(e) => Err(e.into()),
    }
}

/// `POST /api/v1/staff/control/{id}/due` (R44): another due date, with its reason.
pub async fn due(req: &mut Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    who_received(&staff)?;
    let input: DueInput = body::json(req).await?;
    let now = clock::now_for(req);
    let today = now.date();
    let db = env.d1("DB")?;
    let row = open_appeal(&db, &staff, id).await?;
    let asked = input
        .due
        .ok_or_else(|| invalid(ErrorCode::Required, "due"))?;
    let reason = text(input.due_reason.as_deref(), appeals::MAX_TEXT, "due_reason")?;
    let (due, reason) = appeals::change_due(date(&row.registered_on)?, asked, reason.as_deref())
        .map_err(|e| match e {
            appeals::DueError::ReasonRequired => invalid(ErrorCode::Required, "due_reason"),
            appeals::DueError::BeforeRegistration => invalid(ErrorCode::BeforeRegistration, "due"),
        })?;
    let change = DueChange {
        from: date(&row.due)?,
        to: due,
        reason: reason.clone(),
        by: staff.id.clone(),
        at: now,
    };
    let change = serde_json::to_string(&change).map_err(|e| ApiError::Unexpected(e.to_string()))?;
    let statement = db
        .prepare(
            "UPDATE appeals_on_control SET due = ?2, due_reason = ?3, \
             due_changes = json_insert(due_changes, '$[#]', json(?4)) WHERE id = ?1",
        )
        .bind(&[
            row.id.as_str().into(),
            clock::iso(due).into(),
            reason.as_str().into(),
            change.as_str().into(),
        ])?;
    // The trail keeps every change, the old date and the new; the reasons stay with the
    // appeal, each with its change (free text is kept out of the trail).
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: staff.office_id.as_str(),
        action: "appeal_due",
        object: Some(format!(
            "appeal:{} due:{}->{}",
            row.id,
            row.due,
            clock::iso(due)
        )),
    };
    match audit::commit(&db, vec![statement], &entry).await {
        Ok(_) => answer(&db, &staff, &row.id, today).await,
        Err(e) if closed_meanwhile(&e) => Err(conflict(ErrorCode::NotOnControl, None)),
        Err(e) => Err(e.into()),
    }
}

/// `POST /api/v1/staff/control/{id}/close` (R42, R44).
pub async fn close(req: &mut Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    who_received(&staff)?;
    let input: CloseInput = body::json(req).await?;
    let now = clock::now_for(req);
    let db = env.d1("DB")?;
    let row = open_appeal(&db, &staff, id).await?;
    // R44: only on the final answer, by its reference and date.
    let answer_reference =
        required_reference(input.answer_reference.as_deref(), "answer_reference")?;
    let answer_date = input
        .answer_date
        .ok_or_else(|| invalid(ErrorCode::Required, "answer_date"))?;
    if answer_date < date(&row.registered_on)? {
        return Err(invalid(ErrorCode::BeforeRegistration, "answer_date"));
    }
    // R42: how the applicant was told, with its record.
    let notified_by = input
        .notified_by
        .ok_or_else(|| invalid(ErrorCode::Required, "notified_by"))?;
    let notification_reference = required_reference(
        input.notification_reference.as_deref(),
        "notification_reference",
    )?;
    // R42: the one recorded as having decided it.
    let decided_by = row.assigned_to.clone().unwrap_or_else(|| staff.id.clone());
    let closed_at = rfc3339(now)?;
    let statements = vec![
        db.prepare(
            "UPDATE appeals_on_control SET answer_reference = ?2, answer_date = ?3, \
             notified_by = ?4, notification_reference = ?5, decided_by = ?6, closed_by = ?7, \
             closed_at = ?8 WHERE id = ?1",
        )
        .bind(&[
            row.id.as_str().into(),
            answer_reference.as_str().into(),
            clock::iso(answer_date).into(),
            notified_by.code().into(),
            notification_reference.as_str().into(),
            decided_by.as_str().into(),
            staff.id.as_str().into(),
            closed_at.as_str().into(),
        ])?,
        // Retention counts RETENTION_DAYS_AFTER_CONTROL from here for the booking.
        db.prepare(
            "UPDATE bookings SET appeal_control_ended_at = ?2 WHERE code = \
             (SELECT booking_code FROM reception_outcomes WHERE id = ?1)",
        )
        .bind(&[row.outcome_id.as_str().into(), closed_at.as_str().into()])?,
    ];
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: staff.office_id.as_str(),
        action: "appeal_close",
        object: Some(format!("appeal:{}", row.id)),
    };
    match audit::commit(&db, statements, &entry).await {
        Ok(_) => answer(&db, &staff, &row.id, now.date()).await,
        Err(e) if closed_meanwhile(&e) => Err(conflict(ErrorCode::NotOnControl, None)),
        Err(e) => Err(e.into()),
    }
}
