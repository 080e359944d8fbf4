//! How long personal data is kept (R39-4; README, "Personal data: how long it is kept").
//!
//! Every cron run:
//! * clears the personal data of the bookings whose time is up — `RETENTION_DAYS_AFTER_RECEPTION`
//!   days (default 30) after the reception, or, for a booking that led to an appeal on
//!   control, `RETENTION_DAYS_AFTER_CONTROL` days (default 365) after the appeal is taken off
//!   control (migration 0011's columns, set by the appeals on control of
//!   `staff/outcomes.rs`: on control when a written appeal from its reception is registered,
//!   ended when it is taken off control). Names, IIN or passport, phone, e-mail, the represented person and the authority,
//!   the matter, the answers, the interpreter's language and staff's free-text notes become
//!   NULL or empty; the person and body hashes too. What stays (office, reception, status,
//!   outcome and its clause, channel, language, format) is enough for statistics, and the
//!   owner's manage page (the token's hash stays) still shows the reception and the status;
//!   staff's notes on the reception's outcome (R12) are cleared with them (a ticket's, the
//!   same days after its day, or after its appeal left control);
//! * drops the sealed manage token 48 hours after the booking: a replay of its request can
//!   no longer hand the token over again (409), the owner's link still opens the booking;
//! * recomputes, as HMACs, the person hashes of rows written before they were keyed.
//!
//! A run that changed anything, and every daily run, is one row of the audit trail (R39-5):
//! counts only, under the root office, by the job's name.

use crate::clock;
use crate::error::ApiError;
use crate::pseudonym::Pseudonyms;
use crate::staff::audit;
use serde::Deserialize;
use time::{Duration, OffsetDateTime};
use worker::Env;

pub const AFTER_RECEPTION_VAR: &str = "RETENTION_DAYS_AFTER_RECEPTION";
pub const AFTER_CONTROL_VAR: &str = "RETENTION_DAYS_AFTER_CONTROL";
const DEFAULT_AFTER_RECEPTION_DAYS: u32 = 30;
const DEFAULT_AFTER_CONTROL_DAYS: u32 = 365;
/// The sealed manage token lives this long after the booking.
const SEAL_HOURS: i64 = 48;
/// At most this many bookings per run and kind of work; the next run (10 minutes later)
/// takes the rest.
const PER_RUN: u32 = 2000;
/// The audit trail's name for the job.
pub const JOB: &str = "cron: retention";

/// The retention periods, from wrangler.toml `[vars]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub after_reception_days: u32,
    pub after_control_days: u32,
}

impl Policy {
    pub fn of(env: &Env) -> Policy {
        let days = |name: &str, default: u32| {
            env.var(name)
                .ok()
                .and_then(|v| v.to_string().trim().parse().ok())
                .unwrap_or(default)
        };
        Policy {
            after_reception_days: days(AFTER_RECEPTION_VAR, DEFAULT_AFTER_RECEPTION_DAYS),
            after_control_days: days(AFTER_CONTROL_VAR, DEFAULT_AFTER_CONTROL_DAYS),
        }
    }

    /// The last reception day whose bookings are cleared at `now`.
    pub fn reception_cutoff(&self, now: OffsetDateTime) -> time::Date {
        now.date() - Duration::days(i64::from(self.after_reception_days))
    }

    /// The last moment an appeal may have left control for its booking to be cleared.
    pub fn control_cutoff(&self, now: OffsetDateTime) -> OffsetDateTime {
        now - Duration::days(i64::from(self.after_control_days))
    }
}

/// What a run did: counts, never data.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub cleared: usize,
    pub seals_dropped: usize,
    pub rehashed: usize,
}

impl Run {
    fn object(&self, policy: &Policy) -> String {
        format!(
            "cleared:{} seals_dropped:{} rehashed:{} days_after_reception:{} \
             days_after_control:{}",
            self.cleared,
            self.seals_dropped,
            self.rehashed,
            policy.after_reception_days,
            policy.after_control_days
        )
    }
}

#[derive(Deserialize)]
struct Code {
    code: String,
}

fn rfc3339(at: OffsetDateTime) -> Result<String, ApiError> {
    at.format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| ApiError::Unexpected(e.to_string()))
}

async fn codes(
    env: &Env,
    sql: &str,
    binds: &[worker::wasm_bindgen::JsValue],
) -> Result<Vec<String>, ApiError> {
    Ok(env
        .d1("DB")?
        .prepare(sql)
        .bind(binds)?
        .all()
        .await?
        .results::<Code>()?
        .into_iter()
        .map(|c| c.code)
        .collect())
}

/// The cron's work; `daily` runs are recorded even when nothing was due.
pub async fn run(env: &Env, daily: bool) -> Result<Run, ApiError> {
    let now = clock::now();
    let policy = Policy::of(env);
    let mut run = Run {
        rehashed: rehash_legacy(env).await?,
        ..Run::default()
    };
    let due = codes(
        env,
        &format!(
            "SELECT code FROM bookings WHERE personal_data_cleared_at IS NULL AND \
             ((appeal_on_control = 0 AND reception_date <= ?1) OR \
              (appeal_control_ended_at IS NOT NULL \
               AND julianday(appeal_control_ended_at) <= julianday(?2))) LIMIT {PER_RUN}"
        ),
        &[
            clock::iso(policy.reception_cutoff(now)).into(),
            rfc3339(policy.control_cutoff(now))?.into(),
        ],
    )
    .await?;
    let sealed = codes(
        env,
        &format!(
            "SELECT code FROM bookings WHERE token_seal IS NOT NULL \
             AND julianday(created_at) <= julianday(?1) LIMIT {PER_RUN}"
        ),
        &[rfc3339(now - Duration::hours(SEAL_HOURS))?.into()],
    )
    .await?;
    run.cleared = due.len();
    run.seals_dropped = sealed.len();
    if !daily && run == Run::default() {
        return Ok(run);
    }
    let db = env.d1("DB")?;
    let json = |codes: &[String]| {
        serde_json::to_string(codes).map_err(|e| ApiError::Unexpected(e.to_string()))
    };
    let statements = vec![
        db.prepare(
            "UPDATE bookings SET citizenship = NULL, iin = NULL, passport = NULL, \
             surname = NULL, given_name = NULL, patronymic = NULL, phone = NULL, email = NULL, \
             on_behalf_of = NULL, substance = NULL, answers = NULL, interpreter = '', \
             decision_explanation = NULL, agreement_note = NULL, person_hash = '', \
             request_hash = '', token_seal = NULL, legacy_hashes = 0, \
             personal_data_cleared_at = ?2 \
             WHERE code IN (SELECT value FROM json_each(?1))",
        )
        .bind(&[json(&due)?.into(), rfc3339(now)?.into()])?,
        db.prepare(
            "UPDATE bookings SET token_seal = NULL WHERE code IN (SELECT value FROM json_each(?1))",
        )
        .bind(&[json(&sealed)?.into()])?,
        // Staff's notes on a reception's outcome (R12) go with the booking's data; a ticket's
        // after the same days from its day, unless its appeal is still on control.
        db.prepare(
            "UPDATE reception_outcomes SET notes = NULL WHERE notes IS NOT NULL AND \
             (booking_code IN (SELECT value FROM json_each(?1)) OR \
              (ticket_day IS NOT NULL AND ticket_day <= ?2 AND NOT EXISTS \
               (SELECT 1 FROM appeals_on_control a WHERE a.outcome_id = reception_outcomes.id \
                AND (a.closed_at IS NULL OR julianday(a.closed_at) > julianday(?3)))))",
        )
        .bind(&[
            json(&due)?.into(),
            clock::iso(policy.reception_cutoff(now)).into(),
            rfc3339(policy.control_cutoff(now))?.into(),
        ])?,
    ];
    let root: Option<Root> = db
        .prepare("SELECT id FROM offices WHERE parent_id IS NULL ORDER BY sort_order LIMIT 1")
        .first(None)
        .await?;
    let root = root.ok_or_else(|| ApiError::Unexpected("no root office".into()))?;
    audit::commit_system(
        &db,
        statements,
        JOB,
        &root.id,
        "retention_run",
        Some(run.object(&policy)),
    )
    .await?;
    Ok(run)
}

#[derive(Deserialize)]
struct Root {
    id: String,
}

#[derive(Deserialize)]
struct Legacy {
    code: String,
    iin: Option<String>,
    passport: Option<String>,
    on_behalf_of: Option<String>,
}

/// The subject key (`BookingRequest::subject_key`) of a stored booking: the represented
/// person or entity, else the applicant. `None` once the data are cleared.
fn subject_key(
    iin: Option<&str>,
    passport: Option<&str>,
    on_behalf_of: Option<&str>,
) -> Option<String> {
    let passport_key = |p: &str| {
        format!(
            "passport:{}",
            p.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        )
    };
    match on_behalf_of {
        Some(json) if !json.is_empty() => {
            let v: serde_json::Value = serde_json::from_str(json).ok()?;
            if let Some(bin) = v.get("bin").and_then(|b| b.as_str()) {
                Some(format!("bin:{bin}"))
            } else if let Some(iin) = v.get("iin").and_then(|i| i.as_str()) {
                Some(format!("iin:{iin}"))
            } else {
                v.get("passport").and_then(|p| p.as_str()).map(passport_key)
            }
        }
        Some(_) => match (iin, passport) {
            (Some(iin), _) if !iin.is_empty() => Some(format!("iin:{iin}")),
            (_, Some(p)) if !p.is_empty() => Some(passport_key(p)),
            _ => None,
        },
        None => None,
    }
}

/// Rows written before the hashes were keyed (migration 0011): their person hash, recomputed
/// from the identity they still hold; a row with none left gets an empty one.
async fn rehash_legacy(env: &Env) -> Result<usize, ApiError> {
    let db = env.d1("DB")?;
    let rows = db
        .prepare(format!(
            "SELECT code, iin, passport, on_behalf_of FROM bookings WHERE legacy_hashes = 1 \
             LIMIT {PER_RUN}"
        ))
        .all()
        .await?
        .results::<Legacy>()?;
    if rows.is_empty() {
        return Ok(0);
    }
    let pseudonyms = Pseudonyms::of(env)?;
    let mut statements = Vec::with_capacity(rows.len());
    for row in &rows {
        let hash = subject_key(
            row.iin.as_deref(),
            row.passport.as_deref(),
            row.on_behalf_of.as_deref(),
        )
        .map(|key| pseudonyms.person(&key))
        .unwrap_or_default();
        statements.push(
            db.prepare("UPDATE bookings SET person_hash = ?2, legacy_hashes = 0 WHERE code = ?1")
                .bind(&[row.code.as_str().into(), hash.into()])?,
        );
    }
    for chunk in statements.chunks(100) {
        db.batch(chunk.to_vec()).await?;
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn the_policy_counts_days_after_the_reception_and_after_control() {
        let policy = Policy {
            after_reception_days: 30,
            after_control_days: 365,
        };
        let now = datetime!(2026-11-27 00:10 +05:00);
        // A reception on 28 October is cleared on 27 November, not before.
        assert_eq!(policy.reception_cutoff(now), date!(2026 - 10 - 28));
        assert_eq!(
            policy.control_cutoff(now),
            datetime!(2025-11-27 00:10 +05:00)
        );
    }

    #[test]
    fn the_subject_key_is_the_one_the_booking_was_made_with() {
        // For oneself: the applicant's IIN, else the passport without separators.
        assert_eq!(
            subject_key(Some("900101300009"), Some(""), Some("")).as_deref(),
            Some("iin:900101300009")
        );
        assert_eq!(
            subject_key(Some(""), Some("N 123-456"), Some("")).as_deref(),
            Some("passport:N123456")
        );
        // For a legal entity or another person: theirs.
        assert_eq!(
            subject_key(
                Some("900101300009"),
                Some(""),
                Some(r#"{"bin":"123456789012","authority":"x"}"#)
            )
            .as_deref(),
            Some("bin:123456789012")
        );
        assert_eq!(
            subject_key(
                Some("900101300009"),
                Some(""),
                Some(r#"{"iin":"850202400018","surname":"A"}"#)
            )
            .as_deref(),
            Some("iin:850202400018")
        );
        // Cleared: nothing to hash.
        assert_eq!(subject_key(None, None, None), None);
    }
}
