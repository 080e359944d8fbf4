//! Moving a request to another reception (registrar): `POST …/forward` to an office below
//! the booking's (R3.d: "the organisation of the reception is delegated to a lower
//! prosecution body"), and `POST …/reassign` to a deputy of the same office (R27).
//!
//! A booking's reception is fixed (the trigger `bookings_stay`), so a move makes a new
//! booking at the new reception — the applicant's data, matter, verdict and manage token
//! copied, `requested` again, `forwarded_from` the old code — and ends the old one as
//! `cancelled_by_office` with the reason and `forwarded_to` the new code, freeing its place.
//! The applicant opens the new booking with the same token and sees the new office and
//! official; the office below decides it. Both happen in one batch with the audit row.

use super::audit::{self, Entry};
use super::requests::{self, checked_code, not_found, registrar};
use super::scope::Scope;
use super::session;
use crate::bookings::{ensure_reception, reception_schedule, secret, view::Row};
use crate::error::ApiError;
use crate::{body, clock, schedule};
use api::decisions::{ForwardInput, ReassignInput};
use api::ErrorCode;
use rules::booking::BookingStatus;
use rules::calendar::Calendar;

use rules::schedule::parse_reception_id;
use rules::{Access, OfficeId, OfficeLevel, OfficialKind};
use serde::Deserialize;
use std::collections::HashMap;
use time::format_description::well_known::Rfc3339;
use worker::{D1Database, Env, Request, Response};

fn invalid(code: ErrorCode, field: &str) -> ApiError {
    ApiError::Invalid {
        code,
        field: field.into(),
    }
}

/// The reception a request moves to: as its schedule publishes it, of an official who
/// takes pre-registration, not yet started.
struct Target {
    office: OfficeId,
    kind: OfficialKind,
    schedule_id: String,
    reception: schedule::StoredReception,
}

async fn target(env: &Env, reception_id: &str) -> Result<Target, ApiError> {
    let unknown = || invalid(ErrorCode::UnknownReception, "reception_id");
    let (schedule_id, date) = parse_reception_id(reception_id.trim()).ok_or_else(unknown)?;
    let (official, schedule, _) = reception_schedule(env, schedule_id.as_str())
        .await
        .map_err(|e| match e {
            ApiError::Invalid { .. } => unknown(),
            other => other,
        })?;
    let occurrence = schedule
        .occurrences(Calendar::kazakhstan(), date, date)
        .into_iter()
        .find(|o| o.reception_id() == reception_id.trim())
        .ok_or_else(unknown)?;
    if official.kind.access() != Access::PreRegistration {
        return Err(ApiError::NoPreRegistration { clause: None });
    }
    let kinds: HashMap<String, OfficialKind> = [(official.id.to_string(), official.kind)].into();
    let reception = schedule::stored(&occurrence, &kinds, &HashMap::new())?;
    if reception.reception.start <= clock::now() {
        return Err(ApiError::Conflict {
            code: ErrorCode::ReceptionStarted,
            field: Some("reception_id"),
            clause: None,
        });
    }
    Ok(Target {
        office: official.office_id.clone(),
        kind: official.kind,
        schedule_id: schedule_id.as_str().to_owned(),
        reception,
    })
}

/// The booking in scope, still `requested`.
async fn requested(db: &D1Database, scope: &Scope<'_>, code: &str) -> Result<Row, ApiError> {
    let row: Option<Row> = db
        .prepare(format!(
            "{}SELECT {} FROM bookings WHERE code = ?2 AND office_id IN (SELECT id FROM scope)",
            scope.cte(1),
            crate::bookings::view::COLUMNS
        ))
        .bind(&[scope.office.into(), code.into()])?
        .first(None)
        .await?;
    let row = row.ok_or_else(not_found)?;
    if row.status()? != BookingStatus::Requested {
        return Err(ApiError::Conflict {
            code: ErrorCode::AlreadyDecided,
            field: Some("code"),
            clause: None,
        });
    }
    Ok(row)
}

#[derive(Deserialize)]
struct Names {
    name_kk: String,
    name_ru: String,
    name_en: String,
}

/// The office's names, if it exists.
async fn office_names(db: &D1Database, office: &str) -> Result<Option<Names>, ApiError> {
    Ok(db
        .prepare("SELECT name_kk, name_ru, name_en FROM offices WHERE id = ?1")
        .bind(&[office.into()])?
        .first(None)
        .await?)
}

pub async fn forward(req: &mut Request, env: &Env, code: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = registrar(&staff)?;
    checked_code(code)?;
    let db = env.d1("DB")?;
    let row = requested(&db, &scope, code).await?;
    let input: ForwardInput = body::json(req).await?;
    let names = office_names(&db, input.office_id.as_str())
        .await?
        .ok_or(ApiError::NotFound {
            field: Some("office_id"),
        })?;
    #[derive(Deserialize)]
    struct Below {
        #[allow(dead_code)]
        id: String,
    }
    let below: Option<Below> = db
        .prepare(
            "WITH RECURSIVE below(id) AS (SELECT id FROM offices WHERE parent_id = ?1 \
             UNION SELECT o.id FROM offices o JOIN below b ON o.parent_id = b.id) \
             SELECT id FROM below WHERE id = ?2",
        )
        .bind(&[
            row.office_id.as_str().into(),
            input.office_id.as_str().into(),
        ])?
        .first(None)
        .await?;
    if below.is_none() {
        // R3.d: a lower body; a sibling, a parent or the office itself is none.
        return Err(invalid(ErrorCode::NotBelow, "office_id"));
    }
    let target = target(env, &input.reception_id).await?;
    if target.office != input.office_id {
        return Err(invalid(ErrorCode::UnknownReception, "reception_id"));
    }
    let reason = [
        format!(
            "Өтініш қабылдауды ұйымдастыру үшін төмен тұрған прокуратура органына жіберілді: {} (Қағидалардың 3-тармағы).",
            names.name_kk
        ),
        format!(
            "Обращение передано для организации приёма в нижестоящий орган прокуратуры: {} (пункт 3 Правил).",
            names.name_ru
        ),
        format!(
            "The request was forwarded to a lower prosecutor's office to organise the reception: {} (Rules, para 3).",
            names.name_en
        ),
    ];
    let statements = move_request(&db, &scope, &row, &target, &reason)?;
    let moved = finish(&db, &scope, &staff, code, statements, "booking_forward").await?;
    forget_both(&row, &target);
    Ok(moved)
}

/// A move frees the old place and takes the new one: both offices' public schedules show
/// it at once.
fn forget_both(row: &Row, target: &Target) {
    crate::schedule_answer::forget_id(&row.office_id);
    crate::schedule_answer::forget(&target.office);
}

pub async fn reassign(req: &mut Request, env: &Env, code: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = registrar(&staff)?;
    checked_code(code)?;
    let db = env.d1("DB")?;
    let row = requested(&db, &scope, code).await?;
    let input: ReassignInput = body::json(req).await?;
    let target = target(env, &input.reception_id).await?;
    let deputy = matches!(
        target.kind,
        OfficialKind::RegionalDeputy | OfficialKind::ProsecutorGeneralDeputy
    );
    if !deputy || target.office.as_str() != row.office_id {
        // R27: the head delegates to a deputy of the same office.
        return Err(invalid(ErrorCode::NotADeputy, "reception_id"));
    }
    let reason = [
        "Қабылдау прокурордың орынбасарына тапсырылды (Қағидалардың 27-тармағы).".to_owned(),
        "Приём поручен заместителю прокурора (пункт 27 Правил).".to_owned(),
        "The reception was delegated to the prosecutor's deputy (Rules, para 27).".to_owned(),
    ];
    let statements = move_request(&db, &scope, &row, &target, &reason)?;
    let moved = finish(&db, &scope, &staff, code, statements, "booking_reassign").await?;
    forget_both(&row, &target);
    Ok(moved)
}

/// The statements of a move: the new reception's row, the old booking ended (its place
/// freed by the trigger), the new booking copied from it (its place taken by the trigger,
/// which also refuses a full reception or a duplicate).
fn move_request(
    db: &D1Database,
    scope: &Scope<'_>,
    row: &Row,
    target: &Target,
    reason: &[String; 3],
) -> Result<Vec<worker::D1PreparedStatement>, ApiError> {
    let code = row.code.as_str();
    let new = secret::new_code()?;
    let now = clock::now()
        .format(&Rfc3339)
        .map_err(|e| ApiError::Unexpected(e.to_string()))?;
    let reception_json = serde_json::to_string(&target.reception)
        .map_err(|e| ApiError::Unexpected(e.to_string()))?;
    let review = match target.kind.level() {
        OfficeLevel::General => "R15",
        OfficeLevel::Regional | OfficeLevel::District => "R30",
    };
    let end_old = db
        .prepare(format!(
            "{}UPDATE bookings SET status = 'cancelled_by_office', office_reason_kk = ?3, \
             office_reason_ru = ?4, office_reason_en = ?5, cancelled_at = ?6, \
             forwarded_to = ?7 WHERE code = ?2 AND status = 'requested' \
             AND office_id IN (SELECT id FROM scope)",
            scope.cte(1)
        ))
        .bind(&[
            scope.office.into(),
            code.into(),
            reason[0].as_str().into(),
            reason[1].as_str().into(),
            reason[2].as_str().into(),
            now.as_str().into(),
            new.as_str().into(),
        ])?;
    // A key of its own (the column is unique), derived from the old code.
    let key_hash = secret::sha256_hex(format!("qabyldau/forward\0{code}").as_bytes());
    let copy = db
        .prepare(
            "INSERT INTO bookings (code, reception_id, office_id, official_id, reception_date, \
             reception, status, review_clause, channel, language, format, interpreter, \
             out_of_town, documents, applicant_kind, citizenship, iin, passport, surname, \
             given_name, patronymic, phone, email, on_behalf_of, substance, answers, verdict, \
             person_hash, manage_token_hash, idempotency_key_hash, request_hash, token_seal, \
             created_at, entered_by, forwarded_from) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, 'requested', ?7, channel, language, format, \
             interpreter, out_of_town, documents, applicant_kind, citizenship, iin, passport, \
             surname, given_name, patronymic, phone, email, on_behalf_of, substance, answers, \
             verdict, person_hash, manage_token_hash, ?8, request_hash, NULL, created_at, \
             entered_by, code FROM bookings WHERE code = ?9",
        )
        .bind(&[
            new.as_str().into(),
            target.reception.reception.id.as_str().into(),
            target.office.as_str().into(),
            target.reception.reception.official_id.as_str().into(),
            clock::iso(target.reception.reception.date).into(),
            reception_json.as_str().into(),
            review.into(),
            key_hash.as_str().into(),
            code.into(),
        ])?;
    Ok(vec![
        ensure_reception(db, &target.reception, &target.schedule_id, &target.office)?,
        end_old,
        copy,
    ])
}

/// Runs the move with its audit row; answers the old booking as it is now (the new one
/// belongs to the office that decides it).
async fn finish(
    db: &D1Database,
    scope: &Scope<'_>,
    staff: &session::Staff,
    code: &str,
    mut statements: Vec<worker::D1PreparedStatement>,
    action: &'static str,
) -> Result<Response, ApiError> {
    statements.insert(
        0,
        requests::guard(db, "code = ?1 AND status != 'requested'", &[code.into()])?,
    );
    let [owner, extra] = requests::selects(db, scope, "code = ?2", &[code.into()])?;
    let at = statements.len();
    statements.extend([owner, extra]);
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: staff.office_id.as_str(),
        action,
        object: Some(format!("booking:{code}")),
    };
    let results = match audit::commit(db, statements, &entry).await {
        Ok(results) => results,
        Err(e) => {
            let message = e.to_string();
            if requests::is_stale(&message) {
                return Err(super::decide::already_decided());
            }
            for (word, code) in [
                ("reception_full", ErrorCode::ReceptionFull),
                ("duplicate_booking", ErrorCode::DuplicateBooking),
            ] {
                if message.contains(word) {
                    return Err(ApiError::Conflict {
                        code,
                        field: Some("reception_id"),
                        clause: None,
                    });
                }
            }
            return Err(ApiError::Unexpected(message));
        }
    };
    requests::one(requests::read(&results, at)?)
}
