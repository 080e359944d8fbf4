//! `GET /api/v1/staff/audit?office=&from=&to=` (auditor, admin): the audit trail (R39-5) of
//! the offices in scope, oldest first. Reading it is itself recorded (it names staff).

use super::audit::{self, Entry};
use super::scope::Scope;
use super::session;
use crate::error::ApiError;
use crate::{clock, http};
use api::staff::{AuditEntry, AuditPage, Role};
use api::ErrorCode;
use rules::window::ALMATY;
use rules::OfficeId;
use serde::Deserialize;
use std::collections::HashMap;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time};
use worker::{Env, Request, Response};

/// A page is bounded; `from`/`to` narrow it.
pub const MAX_ROWS: u32 = 1000;

#[derive(Deserialize)]
struct Row {
    seq: u64,
    at: String,
    actor_id: Option<String>,
    actor_name: Option<String>,
    office_id: Option<String>,
    action: String,
    object: Option<String>,
    prev_hash: String,
}

impl Row {
    fn entry(self) -> Result<AuditEntry, ApiError> {
        use time::format_description::well_known::Rfc3339;
        let broken = |what: &str| ApiError::Unexpected(format!("audit_log.{what} malformed"));
        Ok(AuditEntry {
            seq: self.seq,
            at: OffsetDateTime::parse(&self.at, &Rfc3339).map_err(|_| broken("at"))?,
            actor_id: self.actor_id,
            actor_name: self.actor_name,
            office_id: self
                .office_id
                .map(|o| OfficeId::parse(&o).map_err(|_| broken("office_id")))
                .transpose()?,
            action: self.action,
            object: self.object,
            prev_hash: self.prev_hash,
        })
    }
}

fn invalid(code: ErrorCode, field: &str) -> ApiError {
    ApiError::Invalid {
        code,
        field: field.into(),
    }
}

/// The start of a day in Kazakhstan, as stored times are written (UTC text).
fn day_start(date: Date) -> String {
    audit::timestamp(PrimitiveDateTime::new(date, Time::MIDNIGHT).assume_offset(ALMATY))
}

pub async fn list(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let role = if staff.has(Role::Auditor) {
        Role::Auditor
    } else if staff.has(Role::Admin) {
        Role::Admin
    } else {
        return Err(ApiError::Forbidden);
    };
    let scope = Scope::of(&staff, role);
    let url = req.url()?;
    let params: HashMap<String, String> = url.query_pairs().into_owned().collect();
    if let Some(unknown) = params
        .keys()
        .find(|k| !["office", "from", "to"].contains(&k.as_str()))
    {
        return Err(invalid(ErrorCode::UnknownParameter, unknown));
    }
    let date = |name: &str| -> Result<Option<Date>, ApiError> {
        params
            .get(name)
            .map(|v| clock::parse_iso(v).ok_or_else(|| invalid(ErrorCode::InvalidDate, name)))
            .transpose()
    };
    let (from, to) = (date("from")?, date("to")?);
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            return Err(invalid(ErrorCode::BeforeFrom, "to"));
        }
    }
    let office = params
        .get("office")
        .map(|o| OfficeId::parse(o).map_err(|_| invalid(ErrorCode::Invalid, "office")))
        .transpose()?;
    let db = env.d1("DB")?;
    // Bounds as text (stored times sort as text); the whole range when absent.
    let lower = from.map_or_else(|| "0".to_owned(), day_start);
    let upper = to
        .and_then(Date::next_day)
        .map_or_else(|| "9".to_owned(), day_start);
    let wanted = office.as_ref().map_or(scope.office, OfficeId::as_str);
    if office.is_some() {
        #[derive(Deserialize)]
        struct Found {
            #[allow(dead_code)]
            id: String,
        }
        let found: Option<Found> = db
            .prepare(format!(
                "{}SELECT id FROM scope WHERE id = ?2",
                scope.cte(1)
            ))
            .bind(&[scope.office.into(), wanted.into()])?
            .first(None)
            .await?;
        if found.is_none() {
            return Err(ApiError::NotFound {
                field: Some("office"),
            });
        }
    }
    let select = db
        .prepare(format!(
            "{}SELECT seq, at, actor_id, actor_name, office_id, action, object, prev_hash \
             FROM audit_log WHERE office_id IN (SELECT id FROM scope) \
             AND (?2 = 0 OR office_id = ?3) AND at >= ?4 AND at < ?5 \
             ORDER BY seq LIMIT {MAX_ROWS}",
            scope.cte(1)
        ))
        .bind(&[
            scope.office.into(),
            f64::from(u8::from(office.is_some())).into(),
            wanted.into(),
            lower.into(),
            upper.into(),
        ])?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: wanted,
        action: "audit_read",
        object: None,
    };
    let results = audit::commit(&db, vec![select], &entry).await?;
    let rows: Vec<Row> = match results.first() {
        Some(result) => result.results()?,
        None => return Err(ApiError::Unexpected("D1 batch gave fewer results".into())),
    };
    let entries = rows
        .into_iter()
        .map(Row::entry)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(http::json(200, &AuditPage { entries }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// A day in Kazakhstan starts at 19:00 UTC the day before.
    #[test]
    fn days_are_kazakhstan_days() {
        assert_eq!(day_start(date!(2026 - 11 - 27)), "2026-11-26T19:00:00Z");
    }
}
