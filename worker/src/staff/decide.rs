//! The responsible officer's actions on the office's bookings (registrar):
//! `POST /api/v1/staff/bookings/{code}/decision` (confirm, or refuse on a ground of the
//! official's kind — R17, R23, R31, competence R22, R27 — with an explanation, R18, R24, R32;
//! a refusal frees the place), `POST …/agreement` (R19, R33: recorded before confirming where
//! the verdict marks it) and `POST /api/v1/staff/bookings/release` (abusive bookings
//! released with the reason shown to each applicant, their places freed).
//!
//! Each action is one D1 batch with its audit row; a booking outside the office is `404`.
//! A request is decided once: `409 already_decided` afterwards.

use super::audit::{self, Entry};
use super::requests::{self, checked_code, not_found, registrar};
use super::session;
use crate::bookings::secret;
use crate::bookings::view::{self, Row};
use crate::error::ApiError;
use crate::{body, clock, http};
use api::decisions::{
    AgreementInput, DecisionInput, DecisionKind, OfficeReason, ReleaseBody, ReleaseInput,
};
use api::eligibility::Verdict;
use api::ErrorCode;
use rules::booking::BookingStatus;
use rules::ruleset::{AgreementWith, RuleSet};
use time::format_description::well_known::Rfc3339;
use worker::wasm_bindgen::JsValue;
use worker::{Env, Request, Response};

fn invalid(code: ErrorCode, field: &str) -> ApiError {
    ApiError::Invalid {
        code,
        field: field.into(),
    }
}

pub(super) fn already_decided() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::AlreadyDecided,
        field: Some("code"),
        clause: None,
    }
}

fn now_text() -> Result<String, ApiError> {
    clock::now()
        .format(&Rfc3339)
        .map_err(|e| ApiError::Unexpected(e.to_string()))
}

/// A staff-written text: trimmed, 1 to `max` characters, no control characters but line
/// breaks.
fn text(value: Option<&str>, field: &str, max: usize) -> Result<String, ApiError> {
    let value = value.map(str::trim).unwrap_or_default();
    if value.is_empty() {
        return Err(invalid(ErrorCode::Required, field));
    }
    if value.chars().count() > max
        || value
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(invalid(ErrorCode::Invalid, field));
    }
    Ok(value.to_owned())
}

/// The booking in scope as its owner's row and the stored verdict, or `404`.
struct Found {
    row: Row,
    office_id: String,
    verdict: Option<Verdict>,
    agreement_recorded: bool,
}

async fn find(
    db: &worker::D1Database,
    scope: &super::scope::Scope<'_>,
    code: &str,
) -> Result<Found, ApiError> {
    #[derive(serde::Deserialize)]
    struct Extra {
        verdict: String,
        agreement_recorded_at: Option<String>,
    }
    let row: Option<Row> = db
        .prepare(format!(
            "{}SELECT {} FROM bookings WHERE code = ?2 AND office_id IN (SELECT id FROM scope)",
            scope.cte(1),
            view::COLUMNS
        ))
        .bind(&[scope.office.into(), code.into()])?
        .first(None)
        .await?;
    let row = row.ok_or_else(not_found)?;
    let extra: Option<Extra> = db
        .prepare("SELECT verdict, agreement_recorded_at FROM bookings WHERE code = ?1")
        .bind(&[code.into()])?
        .first(None)
        .await?;
    let extra = extra.ok_or_else(not_found)?;
    Ok(Found {
        office_id: row.office_id.clone(),
        verdict: serde_json::from_str(&extra.verdict).ok(),
        agreement_recorded: extra.agreement_recorded_at.is_some(),
        row,
    })
}

/// The clause of the agreement a request needs (R19 for the GPO's units, R33 for the
/// structural unit), if it needs one.
fn agreement_clause(verdict: Option<&Verdict>) -> Option<&'static str> {
    let first = verdict?.agreements.first()?;
    Some(match first.with.known() {
        Some(AgreementWith::StructuralUnit) => "R33",
        _ => "R19",
    })
}

pub async fn decision(req: &mut Request, env: &Env, code: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = registrar(&staff)?;
    checked_code(code)?;
    let db = env.d1("DB")?;
    let found = find(&db, &scope, code).await?;
    let input: DecisionInput = body::json(req).await?;
    if found.row.status()? != BookingStatus::Requested {
        return Err(already_decided());
    }
    let stored = found.row.stored_reception()?;
    let kind = stored.kind;
    let now = now_text()?;
    let (status, clause, explanation, action) = match input.decision {
        DecisionKind::Confirm => {
            if input.clause.is_some() {
                return Err(invalid(ErrorCode::InvalidField, "clause"));
            }
            if input.explanation.is_some() {
                return Err(invalid(ErrorCode::InvalidField, "explanation"));
            }
            // A confirmation tells the person to come (R15): once the reception has begun it
            // would send them to one they can no longer attend. A refusal still informs them.
            if stored.reception.start <= clock::now() {
                return Err(ApiError::Conflict {
                    code: ErrorCode::ReceptionPassed,
                    field: Some("code"),
                    clause: None,
                });
            }
            // R19, R33: the units' agreement first, where the verdict marks the request.
            if let Some(clause) = agreement_clause(found.verdict.as_ref()) {
                if !found.agreement_recorded {
                    return Err(ApiError::Conflict {
                        code: ErrorCode::AgreementRequired,
                        field: Some("agreement"),
                        clause: Some(clause),
                    });
                }
            }
            (
                BookingStatus::Confirmed,
                JsValue::NULL,
                JsValue::NULL,
                "booking_confirm",
            )
        }
        DecisionKind::Refuse => {
            let rule_set = found
                .verdict
                .as_ref()
                .and_then(|v| RuleSet::by_id(&v.rule_set))
                .unwrap_or_else(RuleSet::current);
            let clause = input
                .clause
                .as_deref()
                .filter(|c| !c.trim().is_empty())
                .ok_or_else(|| invalid(ErrorCode::Required, "clause"))?;
            let ground = rule_set
                .refusal_ground(kind, clause)
                .ok_or_else(|| invalid(ErrorCode::NotAGround, "clause"))?;
            let explanation = text(
                input.explanation.as_deref(),
                "explanation",
                DecisionInput::MAX_EXPLANATION,
            )?;
            (
                BookingStatus::Refused,
                ground.clause.into(),
                explanation.into(),
                "booking_refuse",
            )
        }
    };
    // The status condition keeps a decision from overwriting another; the triggers of
    // migration 0005 free the place of a refusal.
    let update = db
        .prepare(format!(
            "{}UPDATE bookings SET status = ?3, decision_clause = ?4, \
             decision_explanation = ?5, decided_at = ?6, decided_by = ?7 \
             WHERE code = ?2 AND status = 'requested' AND office_id IN (SELECT id FROM scope)",
            scope.cte(1)
        ))
        .bind(&[
            scope.office.into(),
            code.into(),
            status.code().into(),
            clause,
            explanation,
            now.as_str().into(),
            staff.id.as_str().into(),
        ])?;
    let guard = requests::guard(&db, "code = ?1 AND status != 'requested'", &[code.into()])?;
    let [owner, extra] = requests::selects(&db, &scope, "code = ?2", &[code.into()])?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: &found.office_id,
        action,
        object: Some(format!("booking:{code}")),
    };
    let results = commit(
        &db,
        vec![guard, update, owner, extra],
        &entry,
        already_decided,
    )
    .await?;
    if !status.holds_place() {
        // A refusal frees the place: the office's public schedule shows it at once.
        crate::schedule_answer::forget_id(&found.office_id);
    }
    requests::one(requests::read(&results, 2)?)
}

pub async fn agreement(req: &mut Request, env: &Env, code: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = registrar(&staff)?;
    checked_code(code)?;
    let db = env.d1("DB")?;
    let found = find(&db, &scope, code).await?;
    let input: AgreementInput = body::json(req).await?;
    if found.row.status()? != BookingStatus::Requested {
        return Err(already_decided());
    }
    if agreement_clause(found.verdict.as_ref()).is_none() {
        // Nothing in the request calls for the units' agreement (R19, R33).
        return Err(invalid(ErrorCode::NotApplicable, "agreement"));
    }
    if found.agreement_recorded {
        return Err(ApiError::Conflict {
            code: ErrorCode::AgreementRecorded,
            field: Some("agreement"),
            clause: None,
        });
    }
    let note = text(Some(&input.note), "note", 1000)?;
    let now = now_text()?;
    let update = db
        .prepare(format!(
            "{}UPDATE bookings SET agreement_recorded_at = ?3, agreement_recorded_by = ?4, \
             agreement_note = ?5 WHERE code = ?2 AND status = 'requested' \
             AND agreement_recorded_at IS NULL AND office_id IN (SELECT id FROM scope)",
            scope.cte(1)
        ))
        .bind(&[
            scope.office.into(),
            code.into(),
            now.as_str().into(),
            staff.id.as_str().into(),
            note.as_str().into(),
        ])?;
    let guard = requests::guard(
        &db,
        "code = ?1 AND (status != 'requested' OR agreement_recorded_at IS NOT NULL)",
        &[code.into()],
    )?;
    let [owner, extra] = requests::selects(&db, &scope, "code = ?2", &[code.into()])?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: &found.office_id,
        action: "agreement_record",
        object: Some(format!("booking:{code}")),
    };
    let results = commit(
        &db,
        vec![guard, update, owner, extra],
        &entry,
        already_decided,
    )
    .await?;
    requests::one(requests::read(&results, 2)?)
}

/// The action's batch with its audit row; `stale()` when its guard found the booking
/// decided in the meantime ([`requests::guard`]).
pub(super) async fn commit(
    db: &worker::D1Database,
    statements: Vec<worker::D1PreparedStatement>,
    entry: &Entry<'_>,
    stale: impl Fn() -> ApiError,
) -> Result<Vec<worker::D1Result>, ApiError> {
    match audit::commit(db, statements, entry).await {
        Ok(results) => Ok(results),
        Err(e) if requests::is_stale(&e.to_string()) => Err(stale()),
        Err(e) => Err(e.into()),
    }
}

fn reason(input: &OfficeReason) -> Result<OfficeReason, ApiError> {
    Ok(OfficeReason {
        kk: text(Some(&input.kk), "reason.kk", OfficeReason::MAX_CHARS)?,
        ru: text(Some(&input.ru), "reason.ru", OfficeReason::MAX_CHARS)?,
        en: match input.en.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(en) => Some(text(Some(en), "reason.en", OfficeReason::MAX_CHARS)?),
        },
    })
}

pub async fn release(req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = registrar(&staff)?;
    let input: ReleaseInput = body::json(req).await?;
    let mut codes = input.codes.clone();
    codes.sort();
    codes.dedup();
    if codes.is_empty() {
        return Err(invalid(ErrorCode::Required, "codes"));
    }
    if codes.len() > ReleaseInput::MAX_CODES || !codes.iter().all(|c| secret::is_code(c)) {
        return Err(invalid(ErrorCode::Invalid, "codes"));
    }
    let reason = reason(&input.reason)?;
    let db = env.d1("DB")?;
    // Every code a booking of the office that holds a place, else nothing is released.
    let placeholders: Vec<String> = (0..codes.len()).map(|i| format!("?{}", i + 2)).collect();
    let filter = format!("code IN ({})", placeholders.join(", "));
    let params: Vec<JsValue> = codes.iter().map(|c| c.as_str().into()).collect();
    let [owner, _] = requests::selects(&db, &scope, &filter, &params)?;
    let rows: Vec<Row> = owner.all().await?.results()?;
    if rows.len() != codes.len() {
        return Err(ApiError::NotFound {
            field: Some("codes"),
        });
    }
    for row in &rows {
        if !row.status()?.holds_place() {
            return Err(ApiError::Conflict {
                code: ErrorCode::NotActive,
                field: Some("codes"),
                clause: None,
            });
        }
    }
    let now = now_text()?;
    let n = codes.len();
    let mut bind: Vec<JsValue> = vec![scope.office.into()];
    bind.extend(params.iter().cloned());
    bind.extend([
        reason.kk.as_str().into(),
        reason.ru.as_str().into(),
        reason.en.as_deref().map_or(JsValue::NULL, Into::into),
        now.as_str().into(),
    ]);
    let update = db
        .prepare(format!(
            "{}UPDATE bookings SET status = 'cancelled_by_office', office_reason_kk = ?{}, \
             office_reason_ru = ?{}, office_reason_en = ?{}, cancelled_at = ?{} \
             WHERE {filter} AND status IN ('requested', 'confirmed') \
             AND office_id IN (SELECT id FROM scope)",
            scope.cte(1),
            n + 2,
            n + 3,
            n + 4,
            n + 5,
        ))
        .bind(&bind)?;
    let guard_filter = format!(
        "code IN ({}) AND status NOT IN ('requested', 'confirmed')",
        (1..=n)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let guard = requests::guard(&db, &guard_filter, &params)?;
    let [owner, extra] = requests::selects(&db, &scope, &filter, &params)?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: staff.office_id.as_str(),
        action: "booking_release",
        object: Some(format!("bookings:{}", codes.join(","))),
    };
    let not_active = || ApiError::Conflict {
        code: ErrorCode::NotActive,
        field: Some("codes"),
        clause: None,
    };
    let results = commit(&db, vec![guard, update, owner, extra], &entry, not_active).await?;
    // Their places are free: the offices' public schedules show it at once.
    for row in &rows {
        crate::schedule_answer::forget_id(&row.office_id);
    }
    let released = requests::read(&results, 2)?;
    Ok(http::json(200, &ReleaseBody { released }))
}
