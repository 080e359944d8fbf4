//! `GET`/`POST /api/v1/staff/officials/{id}/schedule` (admin): an official's schedules as
//! rows of the import format, and their replacement with exactly the checks of `cargo xtask
//! import-schedules` — every field of every row (`rules::schedule::parse_row`), then the
//! rules across rows (`rules::schedule::check_rows`: duplicate ids, the official's rows
//! agreeing, R13, R26, R38 over the coming year, R38 per institution with the office's other
//! duty prosecutors) — and the same statements (`rules::schedule::store`).

use super::super::audit::{self, Entry};
use super::super::scope::Scope;
use super::super::session;
use super::{admin, forget_snapshots, office_in_scope};
use crate::error::ApiError;
use crate::schedule::ROW_COLUMNS;
use crate::{body, clock, http};
use api::office_admin::{OfficialSchedule, ScheduleEdit};
use api::ErrorCode;
use rules::calendar::Calendar;
use rules::schedule::store::{remove_unlisted, upserts, Replaced, Statement};
use rules::schedule::{check_rows, parse_reception_id, parse_row, OfficialId, ScheduleRow};
use rules::OfficeId;
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Env, Request, Response};

fn not_found() -> ApiError {
    ApiError::NotFound { field: Some("id") }
}

#[derive(Deserialize)]
struct OfficeOf {
    office_id: String,
}

/// The office of an official, wherever it is (`None`: no such official).
async fn office_of(db: &D1Database, official: &OfficialId) -> Result<Option<String>, ApiError> {
    let found: Option<OfficeOf> = db
        .prepare("SELECT office_id FROM officials WHERE id = ?1")
        .bind(&[official.as_str().into()])?
        .first(None)
        .await?;
    Ok(found.map(|f| f.office_id))
}

/// The official's rows, if the official is in scope.
async fn rows_in_scope(
    db: &D1Database,
    scope: &Scope<'_>,
    official: &OfficialId,
) -> Result<Option<OfficialSchedule>, ApiError> {
    let found: Option<OfficeOf> = db
        .prepare(format!(
            "{}SELECT office_id FROM officials WHERE id = ?2 AND office_id IN (SELECT id FROM scope)",
            scope.cte(1)
        ))
        .bind(&[scope.office.into(), official.as_str().into()])?
        .first(None)
        .await?;
    let Some(found) = found else {
        return Ok(None);
    };
    let rows = db
        .prepare(format!(
            "{}SELECT {ROW_COLUMNS} FROM schedules s JOIN officials o ON o.id = s.official_id \
             WHERE o.id = ?2 AND o.office_id IN (SELECT id FROM scope) ORDER BY s.id",
            scope.cte(1)
        ))
        .bind(&[scope.office.into(), official.as_str().into()])?
        .all()
        .await?
        .results::<ScheduleRow>()?;
    Ok(Some(OfficialSchedule {
        official_id: official.clone(),
        office_id: OfficeId::parse(&found.office_id)
            .map_err(|_| ApiError::Unexpected("officials.office_id malformed".into()))?,
        rows,
    }))
}

pub async fn read(req: &Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = admin(&staff)?;
    let official = OfficialId::parse(id).map_err(|_| not_found())?;
    let db = env.d1("DB")?;
    let schedule = rows_in_scope(&db, &scope, &official)
        .await?
        .ok_or_else(not_found)?;
    Ok(http::json(200, &schedule))
}

/// `rows[i].field` for one row, `rows[i,j].field` for a problem across rows.
fn row_field(rows: &[usize], field: &str) -> String {
    let rows: Vec<String> = rows.iter().map(usize::to_string).collect();
    format!("rows[{}].{field}", rows.join(","))
}

fn schedule_error(
    code: &'static str,
    rows: &[usize],
    field: &str,
    clause: Option<&'static str>,
) -> ApiError {
    ApiError::Schedule {
        code: ErrorCode::from_rules(code),
        field: row_field(rows, field),
        clause,
    }
}

/// The first problem the import would report for `rows` (the official's new rows) among
/// `others` (the office's other officials' rows, as stored), or none.
pub fn first_problem(
    others: &[ScheduleRow],
    rows: &[ScheduleRow],
    today: time::Date,
) -> Option<ApiError> {
    let mut parsed = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match parse_row(row) {
            Ok(pair) => parsed.push(pair),
            Err(errors) => {
                let e = errors.first()?;
                return Some(schedule_error(e.code, &[i], e.field, None));
            }
        }
    }
    // The office's other rows parsed as the Worker reads them (they passed these checks
    // when stored); a row that no longer parses is left out rather than blamed on this edit.
    let mut all: Vec<_> = others.iter().filter_map(|r| parse_row(r).ok()).collect();
    let first_new = all.len();
    all.extend(parsed);
    check_rows(&all, Calendar::kazakhstan(), today)
        .into_iter()
        .find(|e| e.rows.iter().any(|&i| i >= first_new))
        .map(|e| {
            let rows: Vec<usize> = e
                .rows
                .iter()
                .filter(|&&i| i >= first_new)
                .map(|&i| i - first_new)
                .collect();
            schedule_error(e.code(), &rows, e.field, e.clause())
        })
}

#[derive(Deserialize)]
struct ReceptionOf {
    reception_id: String,
}

/// The receptions among `held` that the schedules of `rows` (valid rows) no longer hold.
fn dropped<'a>(rows: &[ScheduleRow], held: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let schedules: Vec<_> = rows.iter().filter_map(|r| parse_row(r).ok()).collect();
    held.filter(|id| {
        let Some((schedule_id, date)) = parse_reception_id(id) else {
            return true;
        };
        !schedules.iter().any(|(_, s)| {
            s.id() == &schedule_id
                && s.occurrences(Calendar::kazakhstan(), date, date)
                    .iter()
                    .any(|o| o.date() == date)
        })
    })
    .collect()
}

fn bind(db: &D1Database, s: &Statement) -> Result<D1PreparedStatement, ApiError> {
    let params: Vec<worker::wasm_bindgen::JsValue> =
        s.params.iter().map(|p| p.as_str().into()).collect();
    Ok(db.prepare(&s.sql).bind(&params)?)
}

pub async fn edit(req: &mut Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = admin(&staff)?;
    let official = OfficialId::parse(id).map_err(|_| not_found())?;
    let input: ScheduleEdit = body::json(req).await?;
    let db = env.d1("DB")?;
    // An official of another office out of scope is as absent as one that does not exist;
    // its id cannot be taken over by a new official either.
    let stored_office = office_of(&db, &official).await?;
    if let Some(office) = &stored_office {
        if !office_in_scope(&db, &scope, office).await? {
            return Err(not_found());
        }
    }
    let rows = &input.rows;
    if rows.is_empty() {
        return Err(ApiError::Invalid {
            code: ErrorCode::Required,
            field: "rows".into(),
        });
    }
    for (i, row) in rows.iter().enumerate() {
        if row.official_id.trim() != official.as_str() {
            return Err(schedule_error("invalid", &[i], "official_id", None));
        }
    }
    // One office for the official: the stored one, or for a new official the first row's,
    // which must be in scope.
    let office = match &stored_office {
        Some(office) => office.clone(),
        None => rows[0].office_id.trim().to_owned(),
    };
    for (i, row) in rows.iter().enumerate() {
        if row.office_id.trim() != office {
            return Err(schedule_error("invalid", &[i], "office_id", None));
        }
    }
    if stored_office.is_none() && !office_in_scope(&db, &scope, &office).await? {
        return Err(ApiError::NotFound {
            field: Some("rows[0].office_id"),
        });
    }
    let office =
        OfficeId::parse(&office).map_err(|_| schedule_error("invalid", &[0], "office_id", None))?;
    // The office's other officials' rows: R38 is checked per institution across them.
    let others: Vec<ScheduleRow> = db
        .prepare(format!(
            "SELECT {ROW_COLUMNS} FROM schedules s JOIN officials o ON o.id = s.official_id \
             WHERE s.office_id = ?1 AND o.id <> ?2 ORDER BY o.id, s.id"
        ))
        .bind(&[office.as_str().into(), official.as_str().into()])?
        .all()
        .await?
        .results()?;
    if let Some(problem) = first_problem(&others, rows, clock::today()) {
        return Err(problem);
    }
    let listed: Vec<&str> = rows.iter().map(|r| r.schedule_id.trim()).collect();
    // A schedule id another official holds is not this official's to take.
    #[derive(Deserialize)]
    struct Held {
        id: String,
        official_id: String,
        booked: u32,
    }
    let held: Vec<Held> = db
        .prepare(
            "SELECT s.id, s.official_id, (SELECT COUNT(*) FROM receptions r JOIN bookings b \
             ON b.reception_id = r.id WHERE r.schedule_id = s.id) AS booked \
             FROM schedules s WHERE s.official_id = ?1 OR s.id IN (SELECT value FROM json_each(?2))",
        )
        .bind(&[
            official.as_str().into(),
            serde_json::to_string(&listed)
                .map_err(|e| ApiError::Unexpected(e.to_string()))?
                .into(),
        ])?
        .all()
        .await?
        .results()?;
    if let Some(taken) = held.iter().find(|h| h.official_id != official.as_str()) {
        let i = listed.iter().position(|l| *l == taken.id).unwrap_or(0);
        return Err(schedule_error(
            "schedule_id_taken",
            &[i],
            "schedule_id",
            None,
        ));
    }
    // A schedule left out whose receptions have bookings keeps them: its bookings are
    // cancelled one reception at a time first (…/cancel), with the reason for each person.
    if held
        .iter()
        .any(|h| h.booked > 0 && !listed.contains(&h.id.as_str()))
    {
        return Err(ApiError::Conflict {
            code: ErrorCode::ScheduleInUse,
            field: Some("rows"),
            clause: None,
        });
    }
    // An active booking whose reception the new schedule no longer holds would be left
    // without one: the office cancels or moves that reception first (…/cancel, …/move),
    // which tells the person why.
    let active: Vec<ReceptionOf> = db
        .prepare(
            "SELECT reception_id FROM bookings WHERE official_id = ?1 \
             AND status IN ('requested', 'confirmed') AND reception_date >= ?2",
        )
        .bind(&[official.as_str().into(), clock::iso(clock::today()).into()])?
        .all()
        .await?
        .results()?;
    if !dropped(rows, active.iter().map(|a| a.reception_id.as_str())).is_empty() {
        return Err(ApiError::Conflict {
            code: ErrorCode::ScheduleInUse,
            field: Some("rows"),
            clause: None,
        });
    }
    let mut statements = Vec::new();
    for s in upserts(rows).iter().chain(&remove_unlisted(
        &Replaced::Official(official.as_str()),
        &listed,
    )) {
        statements.push(bind(&db, s)?);
    }
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: office.as_str(),
        action: "schedule_edit",
        object: Some(format!("official:{official}")),
    };
    audit::commit(&db, statements, &entry).await?;
    forget_snapshots(env, &office).await?;
    let schedule = rows_in_scope(&db, &scope, &official)
        .await?
        .ok_or_else(|| ApiError::Unexpected("the schedule written is not there".into()))?;
    Ok(http::json(200, &schedule))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn row(schedule: &str, recurrence: &str, from: &str, to: &str) -> ScheduleRow {
        ScheduleRow {
            office_id: "zhetisu-region".into(),
            official_id: "zhetisu-region-head".into(),
            official_kind: "regional_head".into(),
            surname: "Үлгі-Образцов".into(),
            given_name: "Айгүл".into(),
            position_kk: "Облыс прокуроры".into(),
            position_ru: "Прокурор области".into(),
            position_en: "Regional prosecutor".into(),
            schedule_id: schedule.into(),
            recurrence: recurrence.into(),
            start: "10:00".into(),
            end: "13:00".into(),
            place: "office".into(),
            format: "in_person".into(),
            capacity: "8".into(),
            valid_from: from.into(),
            valid_to: to.into(),
            sample: "false".into(),
            ..ScheduleRow::default()
        }
    }

    fn field_and_clause(e: Option<ApiError>) -> Option<(String, Option<&'static str>, String)> {
        match e? {
            ApiError::Schedule {
                code,
                field,
                clause,
            } => Some((field, clause, code.code().to_owned())),
            other => panic!("{other:?}"),
        }
    }

    /// R26: a regional head's schedules that leave the first week of February 2027
    /// without a reception are refused, naming the rows, `valid_to` and the clause.
    #[test]
    fn r26_a_week_without_a_reception_is_refused_naming_it() {
        let today = date!(2026 - 11 - 27);
        let rows = [
            row("zh-a", "weekly:tue", "2026-01-01", "2027-01-31"),
            row("zh-b", "weekly:tue", "2027-02-08", ""),
        ];
        assert_eq!(
            field_and_clause(first_problem(&[], &rows, today)),
            Some((
                "rows[0,1].valid_to".into(),
                Some("R26"),
                "week_without_reception".into()
            ))
        );
        let continuous = [row("zh-a", "weekly:tue,fri", "2026-01-01", "")];
        assert!(first_problem(&[], &continuous, today).is_none());
    }

    /// Receptions with active bookings that an edit would drop (a shorter validity, another
    /// day of the week, a removed schedule) are named; those it keeps are not.
    #[test]
    fn receptions_the_edit_no_longer_holds_are_named() {
        let rows = [row("zh-a", "weekly:tue,fri", "2026-01-01", "2026-12-31")];
        let held = [
            "zh-a-20261201", // a Tuesday: kept
            "zh-a-20261202", // a Wednesday: dropped
            "zh-a-20270105", // after valid_to: dropped
            "zh-b-20261201", // a schedule no longer listed: dropped
        ];
        assert_eq!(
            dropped(&rows, held.into_iter()),
            ["zh-a-20261202", "zh-a-20270105", "zh-b-20261201"]
        );
    }

    #[test]
    fn a_field_error_names_its_row_and_column() {
        let mut bad = row("zh-b", "weekly:tue", "2026-01-01", "");
        bad.start = "25:00".into();
        let rows = [row("zh-a", "weekly:tue", "2026-01-01", ""), bad];
        assert_eq!(
            field_and_clause(first_problem(&[], &rows, date!(2026 - 11 - 27))),
            Some(("rows[1].start".into(), None, "bad_time".into()))
        );
    }

    /// The office's other rows are checked with the edit (an R38 institution spans duty
    /// prosecutors), but a problem only of theirs is not this edit's.
    #[test]
    fn problems_of_other_officials_alone_are_not_the_edits() {
        let mut other = row("zh-other", "weekly:tue", "2026-01-01", "2027-01-31");
        other.official_id = "zhetisu-region-deputy".into();
        other.official_kind = "regional_deputy".into();
        let rows = [row("zh-a", "weekly:tue,fri", "2026-01-01", "")];
        let problem = first_problem(&[other], &rows, date!(2026 - 11 - 27));
        assert!(problem.is_none(), "{problem:?}");
    }
}
