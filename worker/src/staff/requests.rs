//! `GET /api/v1/staff/requests?status=requested` and `GET /api/v1/staff/bookings/{code}`
//! (registrar): the office's requests and one whole booking, personal data included (R15,
//! R30: the responsible officer studies them). Both are reads of personal data, recorded in
//! the audit trail with the read itself (one batch); a booking outside the office is `404`.

use super::audit::{self, Entry};
use super::scope::Scope;
use super::session::{self, Staff};
use crate::bookings::secret;
use crate::bookings::view::{self, Row};
use crate::error::ApiError;
use crate::{clock, http};
use api::decisions::{
    AgreementState, ApplicantData, Due, Matter, RefusalGround, RequestList, StaffBooking,
    StaffBookingBody,
};
use api::eligibility::Verdict;
use api::staff::Role;
use api::ErrorCode;
use rules::booking::BookingStatus;
use rules::calendar::Calendar;
use rules::ruleset::RuleSet;
use serde::Deserialize;
use std::collections::HashMap;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use worker::{D1Database, D1PreparedStatement, D1Result, Env, Request, Response};

/// At most this many requests in one answer.
pub const MAX_REQUESTS: u32 = 500;

/// What staff see besides the owner's view ([`view::Row`]).
#[derive(Deserialize)]
pub struct StaffRow {
    code: String,
    channel: String,
    applicant_kind: String,
    citizenship: Option<String>,
    iin: Option<String>,
    passport: Option<String>,
    surname: Option<String>,
    given_name: Option<String>,
    patronymic: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    on_behalf_of: Option<String>,
    substance: Option<String>,
    answers: Option<String>,
    verdict: String,
    decided_by: Option<String>,
    agreement_recorded_at: Option<String>,
    agreement_recorded_by: Option<String>,
    agreement_note: Option<String>,
}

const STAFF_COLUMNS: &str = "code, channel, applicant_kind, citizenship, iin, passport, surname, \
    given_name, patronymic, phone, email, on_behalf_of, substance, answers, verdict, \
    decided_by, agreement_recorded_at, agreement_recorded_by, agreement_note";

/// The registrar's scope: their own office (R15, R30), or `403 forbidden`.
pub fn registrar(staff: &Staff) -> Result<Scope<'_>, ApiError> {
    if staff.has(Role::Registrar) {
        Ok(Scope::of(staff, Role::Registrar))
    } else {
        Err(ApiError::Forbidden)
    }
}

pub fn not_found() -> ApiError {
    ApiError::NotFound {
        field: Some("code"),
    }
}

/// A booking code that can exist, or `404`.
pub fn checked_code(code: &str) -> Result<(), ApiError> {
    if secret::is_code(code) {
        Ok(())
    } else {
        Err(not_found())
    }
}

/// The two selects of the bookings in scope matching `filter` (parameters from `?2`), the
/// owner's columns and the staff's, in the same order.
pub fn selects(
    db: &D1Database,
    scope: &Scope<'_>,
    filter: &str,
    params: &[worker::wasm_bindgen::JsValue],
) -> Result<[D1PreparedStatement; 2], ApiError> {
    let mut bind = vec![scope.office.into()];
    bind.extend_from_slice(params);
    let select = |columns: &str| -> Result<D1PreparedStatement, ApiError> {
        Ok(db
            .prepare(format!(
                "{}SELECT {columns} FROM bookings WHERE office_id IN (SELECT id FROM scope) \
                 AND {filter} ORDER BY created_at, code LIMIT {MAX_REQUESTS}",
                scope.cte(1)
            ))
            .bind(&bind)?)
    };
    Ok([select(view::COLUMNS)?, select(STAFF_COLUMNS)?])
}

/// The bookings of the two selects' results (`results[at]`, `results[at + 1]`).
pub fn read(results: &[D1Result], at: usize) -> Result<Vec<StaffBooking>, ApiError> {
    let (Some(owner), Some(staff)) = (results.get(at), results.get(at + 1)) else {
        return Err(ApiError::Unexpected("D1 batch gave fewer results".into()));
    };
    let owner: Vec<Row> = owner.results()?;
    let staff: Vec<StaffRow> = staff.results()?;
    let mut by_code: HashMap<String, StaffRow> =
        staff.into_iter().map(|s| (s.code.clone(), s)).collect();
    let now = clock::now();
    owner
        .into_iter()
        .map(|row| {
            let extra = by_code
                .remove(&row.code)
                .ok_or_else(|| ApiError::Unexpected("booking rows differ".into()))?;
            staff_booking(&row, extra, now)
        })
        .collect()
}

fn instant(s: &Option<String>) -> Option<OffsetDateTime> {
    s.as_deref()
        .and_then(|s| OffsetDateTime::parse(s, &Rfc3339).ok())
}

/// The whole booking, with its due dates as of `now` (R15, R30; RULES.md, "Readings", 6).
pub fn staff_booking(
    row: &Row,
    s: StaffRow,
    now: OffsetDateTime,
) -> Result<StaffBooking, ApiError> {
    let booking = row.booking()?;
    let kind = row.stored_reception()?.kind;
    let verdict: Option<Verdict> = serde_json::from_str(&s.verdict).ok();
    let rule_set = verdict
        .as_ref()
        .and_then(|v| RuleSet::by_id(&v.rule_set))
        .unwrap_or_else(RuleSet::current);
    let calendar = Calendar::kazakhstan();
    let registered_on = rules::window::registration_date(calendar, booking.created_at);
    let date = booking.reception.reception.date;
    let decision = rules::deadlines::decision_due(calendar, rule_set, kind, registered_on, date);
    let note = rules::deadlines::request_note_due(calendar, rule_set, kind, registered_on, date)
        .map(|d| d.due);
    let requested = row.status()? == BookingStatus::Requested;
    let today = rules::dates::almaty(now).date();
    Ok(StaffBooking {
        official_kind: kind,
        channel: s.channel,
        applicant: ApplicantData {
            kind: s.applicant_kind,
            citizenship: s.citizenship,
            iin: non_empty(s.iin),
            passport: non_empty(s.passport),
            surname: s.surname,
            given_name: s.given_name,
            patronymic: non_empty(s.patronymic),
            phone: s.phone,
            email: non_empty(s.email),
        },
        on_behalf_of: non_empty(s.on_behalf_of).and_then(|j| serde_json::from_str(&j).ok()),
        matter: Matter {
            substance: s.substance,
            answers: s
                .answers
                .as_deref()
                .and_then(|a| serde_json::from_str(a).ok())
                .unwrap_or_default(),
        },
        agreement: AgreementState {
            needed: verdict
                .as_ref()
                .map(|v| v.agreements.clone())
                .unwrap_or_default(),
            recorded_at: instant(&s.agreement_recorded_at),
            recorded_by: s.agreement_recorded_by,
            note: s.agreement_note,
        },
        verdict,
        due: Due {
            decision,
            note,
            overdue: requested && decision.is_some_and(|d| d < today),
        },
        grounds: rule_set
            .refusal_grounds(kind)
            .map(RefusalGround::from)
            .collect(),
        decided_by: s.decided_by,
        filling_fast: None,
        booking,
    })
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.is_empty())
}

/// `GET /api/v1/staff/requests?status=…` (default `requested`): overdue first, then oldest
/// first.
pub async fn list(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = registrar(&staff)?;
    let url = req.url()?;
    let mut status = BookingStatus::Requested;
    for (key, value) in url.query_pairs() {
        match key.as_ref() {
            "status" => {
                status = BookingStatus::parse(&value).ok_or_else(|| ApiError::Invalid {
                    code: ErrorCode::Invalid,
                    field: "status".into(),
                })?;
            }
            other => {
                return Err(ApiError::Invalid {
                    code: ErrorCode::UnknownParameter,
                    field: other.to_owned(),
                })
            }
        }
    }
    let db = env.d1("DB")?;
    let statements = selects(&db, &scope, "status = ?2", &[status.code().into()])?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: staff.office_id.as_str(),
        action: "request_list",
        object: None,
    };
    let results = audit::commit(&db, statements.into(), &entry).await?;
    let mut requests = read(&results, 0)?;
    super::filling::flag(env, &scope, &mut requests).await?;
    // Stable: the oldest first within each group, as the query gave them.
    requests.sort_by_key(|r| !r.due.overdue);
    Ok(http::json(200, &RequestList { requests }))
}

/// `GET /api/v1/staff/bookings/{code}`.
pub async fn get(req: &Request, env: &Env, code: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = registrar(&staff)?;
    checked_code(code)?;
    let db = env.d1("DB")?;
    let office = office_of(&db, &scope, code).await?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: &office,
        action: "booking_read",
        object: Some(format!("booking:{code}")),
    };
    let statements = selects(&db, &scope, "code = ?2", &[code.into()])?;
    let results = audit::commit(&db, statements.into(), &entry).await?;
    let mut bookings = read(&results, 0)?;
    super::filling::flag(env, &scope, &mut bookings).await?;
    one(bookings)
}

/// `200 {"booking":…}` of the one booking read, or `404`.
pub fn one(mut bookings: Vec<StaffBooking>) -> Result<Response, ApiError> {
    let booking = bookings.pop().ok_or_else(not_found)?;
    Ok(http::json(200, &StaffBookingBody { booking }))
}

/// A guard put first in an action's batch: it fails the batch (the NOT NULL of the primary
/// key) when a booking matching `filter` (parameters from `?1`) is no longer as the action
/// read it — someone decided it in between — so that neither the action nor its audit row
/// happens. [`is_stale`] recognises the failure.
pub fn guard(
    db: &D1Database,
    filter: &str,
    params: &[worker::wasm_bindgen::JsValue],
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(format!("UPDATE bookings SET code = NULL WHERE {filter}"))
        .bind(params)?)
}

/// Whether a batch failed on its [`guard`].
pub fn is_stale(message: &str) -> bool {
    message.contains("NOT NULL constraint failed: bookings.code")
}

/// The office of a booking in scope, or `404` (before anything is recorded: nothing was
/// read).
pub async fn office_of(db: &D1Database, scope: &Scope<'_>, code: &str) -> Result<String, ApiError> {
    #[derive(Deserialize)]
    struct Found {
        office_id: String,
    }
    let found: Option<Found> = db
        .prepare(format!(
            "{}SELECT office_id FROM bookings WHERE code = ?2 \
             AND office_id IN (SELECT id FROM scope)",
            scope.cte(1)
        ))
        .bind(&[scope.office.into(), code.into()])?
        .first(None)
        .await?;
    Ok(found.ok_or_else(not_found)?.office_id)
}

#[cfg(test)]
mod tests {
    use super::is_stale;

    #[test]
    fn a_guard_failure_is_told_from_other_failures() {
        assert!(is_stale(
            "D1_ERROR: NOT NULL constraint failed: bookings.code: SQLITE_CONSTRAINT"
        ));
        assert!(!is_stale(
            "D1_ERROR: reception_full: SQLITE_CONSTRAINT_TRIGGER"
        ));
        assert!(!is_stale("NOT NULL constraint failed: bookings.office_id"));
    }
}
