//! Appending to the audit trail (R39-5): one row per staff action and per read of personal
//! data, in the same D1 batch as the action (a batch is one transaction: the action happens
//! if and only if its row is written). Each row carries the SHA-256 of the row before it
//! (`access::audit`); the `audit_log_gapless` trigger fails a batch whose writer read a stale
//! last row, and the append is then tried again on the new last row.

use access::audit::{next_prev_hash, Row};
use serde::Deserialize;
use time::OffsetDateTime;
use worker::{D1Database, D1PreparedStatement, D1Result};

/// What a row records; `at`, `seq` and `prev_hash` are the append's.
pub struct Entry<'a> {
    /// The account that acts (id, display name).
    pub actor: (&'a str, &'a str),
    /// The office the action concerns.
    pub office_id: &'a str,
    pub action: &'static str,
    pub object: Option<String>,
}

#[derive(Deserialize)]
struct Stored {
    seq: u64,
    at: String,
    actor_id: Option<String>,
    actor_name: Option<String>,
    office_id: Option<String>,
    action: String,
    object: Option<String>,
    prev_hash: String,
}

impl From<Stored> for Row {
    fn from(s: Stored) -> Row {
        Row {
            seq: s.seq,
            at: s.at,
            actor_id: s.actor_id,
            actor_name: s.actor_name,
            office_id: s.office_id,
            action: s.action,
            object: s.object,
            prev_hash: s.prev_hash,
        }
    }
}

/// RFC 3339 UTC to the second, fixed width, as `cargo xtask staff add` writes it: stored
/// times sort as text.
pub fn timestamp(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
    )
}

/// Runs `statements` and the audit row of `entry` as one batch, retrying when another
/// writer appended first. The results of `statements`, in order.
pub async fn commit(
    db: &D1Database,
    statements: Vec<D1PreparedStatement>,
    entry: &Entry<'_>,
) -> Result<Vec<D1Result>, worker::Error> {
    let actor = Actor {
        id: Some(entry.actor.0),
        name: entry.actor.1,
    };
    append(db, statements, &actor, entry).await
}

/// As [`commit`], for what the Worker does on its own (the cron): no account acts, the row
/// names the job (`actor_id` NULL, as for `cargo xtask staff add`).
pub async fn commit_system(
    db: &D1Database,
    statements: Vec<D1PreparedStatement>,
    job: &str,
    office_id: &str,
    action: &'static str,
    object: Option<String>,
) -> Result<Vec<D1Result>, worker::Error> {
    let entry = Entry {
        actor: ("", job),
        office_id,
        action,
        object,
    };
    let actor = Actor {
        id: None,
        name: job,
    };
    append(db, statements, &actor, &entry).await
}

struct Actor<'a> {
    id: Option<&'a str>,
    name: &'a str,
}

async fn append(
    db: &D1Database,
    statements: Vec<D1PreparedStatement>,
    actor: &Actor<'_>,
    entry: &Entry<'_>,
) -> Result<Vec<D1Result>, worker::Error> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let last: Option<Stored> = db
            .prepare(
                "SELECT seq, at, actor_id, actor_name, office_id, action, object, prev_hash \
                 FROM audit_log ORDER BY seq DESC LIMIT 1",
            )
            .first(None)
            .await?;
        let last: Option<Row> = last.map(Row::from);
        let seq = last.as_ref().map_or(1, |r| r.seq + 1);
        let row = Row {
            seq,
            at: timestamp(crate::clock::now()),
            actor_id: actor.id.map(str::to_owned),
            actor_name: Some(actor.name.to_owned()),
            office_id: Some(entry.office_id.to_owned()),
            action: entry.action.to_owned(),
            object: entry.object.clone(),
            prev_hash: next_prev_hash(last.as_ref()),
        };
        let mut batch = statements.clone();
        batch.push(insert(db, &row)?);
        match db.batch(batch).await {
            Ok(mut results) => {
                results.pop();
                return Ok(results);
            }
            Err(e) if attempt < 8 && is_chain_race(&e.to_string()) => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Another writer took the row's `seq` (the trigger, or the primary key).
fn is_chain_race(message: &str) -> bool {
    message.contains("audit_log: seq must follow") || message.contains("audit_log.seq")
}

fn insert(db: &D1Database, row: &Row) -> Result<D1PreparedStatement, worker::Error> {
    let opt = |v: &Option<String>| {
        v.as_deref()
            .map_or(worker::wasm_bindgen::JsValue::NULL, Into::into)
    };
    db.prepare(
        "INSERT INTO audit_log (seq, at, actor_id, actor_name, office_id, action, object, \
         prev_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .bind(&[
        (row.seq as f64).into(),
        row.at.as_str().into(),
        opt(&row.actor_id),
        opt(&row.actor_name),
        opt(&row.office_id),
        row.action.as_str().into(),
        opt(&row.object),
        row.prev_hash.as_str().into(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn times_are_fixed_width_utc() {
        assert_eq!(
            timestamp(datetime!(2026-11-27 15:04:05.007 +05:00)),
            "2026-11-27T10:04:05Z"
        );
        assert!(is_chain_race(
            "D1_ERROR: audit_log: seq must follow the last row: SQLITE_CONSTRAINT"
        ));
        assert!(is_chain_race("UNIQUE constraint failed: audit_log.seq"));
        assert!(!is_chain_race(
            "UNIQUE constraint failed: staff_accounts.login"
        ));
    }
}
