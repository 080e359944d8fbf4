//! One reception cancelled or moved by its office (admin): `GET
//! /api/v1/staff/receptions/{id}/affected` lists the active bookings it would cancel;
//! `POST …/cancel` and `POST …/move` change the schedule's `cancelled` / `moved` columns
//! (the import's own mechanism, migration 0003: the public schedule drops the day, or holds
//! the reception on the new one) and, in the same batch, make those bookings
//! `cancelled_by_office` with the reason (kk, ru, en optional) their manage pages show; the
//! triggers of migration 0007 give their places back. A booking stays with its reception
//! (`bookings_stay`), so a move cancels too: the applicants book the new day again.

use super::super::audit::{self, Entry};
use super::super::scope::Scope;
use super::super::session::{self, Staff};
use super::{admin, checked_reason, forget_snapshots, invalid};
use crate::error::ApiError;
use crate::schedule::ROW_COLUMNS;
use crate::{body, clock, http};
use api::office_admin::{AffectedBookings, CancelReception, MoveReception, ReceptionChanged};
use api::ErrorCode;
use rules::calendar::Calendar;
use rules::schedule::{parse_reception_id, parse_row, reception_id, Schedule, ScheduleRow};
use rules::OfficeId;
use serde::Deserialize;
use std::collections::BTreeMap;
use time::Date;
use worker::{D1Database, Env, Request, Response};

fn not_found() -> ApiError {
    ApiError::NotFound { field: Some("id") }
}

/// A reception of a schedule in scope, as stored.
struct Found {
    row: ScheduleRow,
    schedule: Schedule,
    office: OfficeId,
    date: Date,
}

/// The reception `id` if its schedule is in scope and holds it on its day; else `404`.
async fn find(db: &D1Database, scope: &Scope<'_>, id: &str) -> Result<Found, ApiError> {
    let (schedule_id, date) = parse_reception_id(id).ok_or_else(not_found)?;
    let row: Option<ScheduleRow> = db
        .prepare(format!(
            "{}SELECT {ROW_COLUMNS} FROM schedules s JOIN officials o ON o.id = s.official_id \
             WHERE s.id = ?2 AND s.office_id IN (SELECT id FROM scope)",
            scope.cte(1)
        ))
        .bind(&[scope.office.into(), schedule_id.as_str().into()])?
        .first(None)
        .await?;
    let row = row.ok_or_else(not_found)?;
    let (official, schedule) = parse_row(&row)
        .map_err(|e| ApiError::Unexpected(format!("schedule row {schedule_id} in D1: {e:?}")))?;
    let held = schedule
        .occurrences(Calendar::kazakhstan(), date, date)
        .iter()
        .any(|o| o.date() == date);
    if !held {
        return Err(not_found());
    }
    Ok(Found {
        row,
        schedule,
        office: official.office_id,
        date,
    })
}

#[derive(Deserialize)]
struct Code {
    code: String,
}

async fn active_codes(db: &D1Database, reception: &str) -> Result<Vec<String>, ApiError> {
    Ok(db
        .prepare(
            "SELECT code FROM bookings WHERE reception_id = ?1 \
             AND status IN ('requested', 'confirmed') ORDER BY created_at, code",
        )
        .bind(&[reception.into()])?
        .all()
        .await?
        .results::<Code>()?
        .into_iter()
        .map(|c| c.code)
        .collect())
}

pub async fn affected(req: &Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = admin(&staff)?;
    let db = env.d1("DB")?;
    let found = find(&db, &scope, id).await?;
    let codes = active_codes(&db, id).await?;
    Ok(http::json(
        200,
        &AffectedBookings {
            reception_id: id.to_owned(),
            official_id: found.schedule.official_id().clone(),
            office_id: found.office,
            date: found.date,
            count: codes.len() as u32,
            codes,
        },
    ))
}

/// `;`-separated dates, as the import writes them.
fn dates(set: &std::collections::BTreeSet<Date>) -> String {
    set.iter()
        .map(|d| clock::iso(*d))
        .collect::<Vec<_>>()
        .join(";")
}

fn moves(map: &BTreeMap<Date, Date>) -> String {
    map.iter()
        .map(|(a, b)| format!("{}>{}", clock::iso(*a), clock::iso(*b)))
        .collect::<Vec<_>>()
        .join(";")
}

/// What the change does to the schedule: the reception on `date` no longer held there
/// (cancelled), or held on `to` instead (moved). A reception moved before is the scheduled
/// day's: cancelling it cancels that day, moving it again moves that day elsewhere.
fn changed(schedule: &Schedule, date: Date, to: Option<Date>) -> (String, String) {
    let parts = schedule.parts();
    let mut cancelled = parts.cancelled.clone();
    let mut moved = parts.moved.clone();
    let scheduled = moved
        .iter()
        .find(|(_, target)| **target == date)
        .map(|(from, _)| *from)
        .unwrap_or(date);
    match to {
        None => {
            moved.remove(&scheduled);
            cancelled.insert(scheduled);
        }
        Some(to) => {
            moved.insert(scheduled, to);
        }
    }
    (dates(&cancelled), moves(&moved))
}

async fn change(
    env: &Env,
    staff: &Staff,
    id: &str,
    to: Option<Date>,
    reason: &api::office_admin::OfficeReason,
) -> Result<Response, ApiError> {
    let scope = admin(staff)?;
    let db = env.d1("DB")?;
    let found = find(&db, &scope, id).await?;
    let reason = checked_reason(reason, "reason")?;
    let now = clock::now();
    let starts = found
        .schedule
        .occurrences(Calendar::kazakhstan(), found.date, found.date)
        .first()
        .map(|o| o.starts_at())
        .ok_or_else(not_found)?;
    if starts <= now {
        return Err(ApiError::Conflict {
            code: ErrorCode::ReceptionPassed,
            field: Some("id"),
            clause: None,
        });
    }
    let (cancelled, moved) = changed(&found.schedule, found.date, to);
    let mut row = found.row.clone();
    row.cancelled = cancelled;
    row.moved = moved;
    let new_id = match to {
        None => None,
        Some(to) => {
            let calendar = Calendar::kazakhstan();
            if to <= clock::today() || !calendar.is_working_day(to) {
                return Err(invalid(
                    ErrorCode::from_rules("not_a_working_day_ahead"),
                    "to",
                ));
            }
            // Never a second reception of the schedule on a day that has one.
            let already = found
                .schedule
                .occurrences(calendar, to, to)
                .iter()
                .any(|o| o.date() == to);
            if already || to == found.date {
                return Err(invalid(ErrorCode::from_rules("reception_exists"), "to"));
            }
            Some(reception_id(found.schedule.id(), to))
        }
    };
    // The changed row passes the import's checks of a row (the day within its validity…).
    parse_row(&row).map_err(|errors| {
        let code = errors.first().map_or("invalid", |e| e.code);
        invalid(ErrorCode::from_rules(code), "to")
    })?;
    let at = now
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| ApiError::Unexpected(e.to_string()))?;
    let opt = |v: &Option<String>| {
        v.as_deref()
            .map_or(worker::wasm_bindgen::JsValue::NULL, Into::into)
    };
    let statements = vec![
        db.prepare(format!(
            "{}UPDATE schedules SET cancelled = ?3, moved = ?4 WHERE id = ?2 \
             AND office_id IN (SELECT id FROM scope)",
            scope.cte(1)
        ))
        .bind(&[
            scope.office.into(),
            found.schedule.id().as_str().into(),
            row.cancelled.as_str().into(),
            row.moved.as_str().into(),
        ])?,
        db.prepare(
            "UPDATE bookings SET status = 'cancelled_by_office', cancelled_at = ?2, \
             office_reason_kk = ?3, office_reason_ru = ?4, office_reason_en = ?5 \
             WHERE reception_id = ?1 AND office_id = ?6 \
             AND status IN ('requested', 'confirmed') RETURNING code",
        )
        .bind(&[
            id.into(),
            at.as_str().into(),
            reason.kk.as_str().into(),
            reason.ru.as_str().into(),
            opt(&reason.en),
            found.office.as_str().into(),
        ])?,
    ];
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: found.office.as_str(),
        action: if to.is_some() {
            "reception_move"
        } else {
            "reception_cancel"
        },
        object: Some(format!("reception:{id}")),
    };
    let results = audit::commit(&db, statements, &entry).await?;
    let mut cancelled: Vec<String> = match results.get(1) {
        Some(result) => result
            .results::<Code>()?
            .into_iter()
            .map(|c| c.code)
            .collect(),
        None => return Err(ApiError::Unexpected("D1 batch gave fewer results".into())),
    };
    cancelled.sort();
    forget_snapshots(env, &found.office).await?;
    Ok(http::json(
        200,
        &ReceptionChanged {
            reception_id: id.to_owned(),
            cancelled,
            moved_to: new_id,
        },
    ))
}

pub async fn cancel(req: &mut Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    // The session and the role are checked before the body is read.
    let staff = session::require(req, env).await?;
    admin(&staff)?;
    let input: CancelReception = body::json(req).await?;
    change(env, &staff, id, None, &input.reason).await
}

pub async fn move_to(req: &mut Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    admin(&staff)?;
    let input: MoveReception = body::json(req).await?;
    change(env, &staff, id, Some(input.to), &input.reason).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::schedule::parse_row;
    use time::macros::date;

    fn schedule(cancelled: &str, moved: &str) -> Schedule {
        let row = ScheduleRow {
            office_id: "zhetisu-region".into(),
            official_id: "zhetisu-region-head".into(),
            official_kind: "regional_head".into(),
            surname: "Үлгі".into(),
            given_name: "Айгүл".into(),
            position_kk: "a".into(),
            position_ru: "b".into(),
            position_en: "c".into(),
            schedule_id: "zh-a".into(),
            recurrence: "weekly:tue".into(),
            start: "10:00".into(),
            end: "13:00".into(),
            place: "office".into(),
            format: "in_person".into(),
            capacity: "8".into(),
            valid_from: "2026-01-01".into(),
            cancelled: cancelled.into(),
            moved: moved.into(),
            ..ScheduleRow::default()
        };
        parse_row(&row).unwrap().1
    }

    #[test]
    fn a_cancelled_or_moved_day_is_written_as_the_import_reads_it() {
        let s = schedule("2026-12-01", "");
        assert_eq!(
            changed(&s, date!(2026 - 12 - 08), None),
            ("2026-12-01;2026-12-08".into(), "".into())
        );
        assert_eq!(
            changed(&s, date!(2026 - 12 - 08), Some(date!(2026 - 12 - 10))),
            ("2026-12-01".into(), "2026-12-08>2026-12-10".into())
        );
        // A reception moved before is its scheduled day's.
        let moved = schedule("", "2026-12-08>2026-12-10");
        assert_eq!(
            changed(&moved, date!(2026 - 12 - 10), None),
            ("2026-12-08".into(), "".into())
        );
        assert_eq!(
            changed(&moved, date!(2026 - 12 - 10), Some(date!(2026 - 12 - 11))),
            ("".into(), "2026-12-08>2026-12-11".into())
        );
    }
}
