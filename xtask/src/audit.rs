//! The audit trail (R39-5) from the command line: `cargo xtask audit-verify` recomputes the
//! hash chain of `audit_log` with `access::audit` — the Worker's own definition of a row's
//! bytes — and names the first row that breaks it; and the rows xtask itself appends
//! (`staff add`) are chained the same way.

use crate::target::Target;
use access::audit::{next_prev_hash, verify_chain, Row};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub const USAGE: &str = "usage: cargo xtask audit-verify [--remote | --persist-to DIR]";

/// Rows read per query: bounded output from wrangler, whatever the table's size.
const PAGE: u64 = 2000;

const COLUMNS: &str = "seq, at, actor_id, actor_name, office_id, action, object, prev_hash";

/// An audit row to append, before it has its place in the chain.
pub struct NewEntry {
    pub at: String,
    pub actor_name: Option<String>,
    pub office_id: Option<String>,
    pub action: String,
    pub object: Option<String>,
}

/// Now, as the audit trail stores times: RFC 3339, UTC, whole seconds.
pub fn now() -> String {
    let now = time::OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&time::format_description::well_known::Rfc3339)
        .expect("a UTC time formats as RFC 3339")
}

fn text(v: &Value, column: &str) -> Result<Option<String>, String> {
    match &v[column] {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        other => Err(format!("audit_log.{column}: not text: {other}")),
    }
}

fn row(v: &Value) -> Result<Row, String> {
    let required = |column: &str| -> Result<String, String> {
        text(v, column)?.ok_or_else(|| format!("audit_log.{column} is NULL"))
    };
    Ok(Row {
        seq: v["seq"]
            .as_u64()
            .ok_or_else(|| format!("audit_log.seq: {}", v["seq"]))?,
        at: required("at")?,
        actor_id: text(v, "actor_id")?,
        actor_name: text(v, "actor_name")?,
        office_id: text(v, "office_id")?,
        action: required("action")?,
        object: text(v, "object")?,
        prev_hash: required("prev_hash")?,
    })
}

/// The entry as the row that follows the current last row of the chain.
pub fn next_row(root: &Path, target: Target, entry: NewEntry) -> Result<Row, String> {
    let last = target.query(
        root,
        &format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1"),
    )?;
    let last = last.first().map(row).transpose()?;
    Ok(Row {
        seq: last.as_ref().map_or(1, |r| r.seq + 1),
        prev_hash: next_prev_hash(last.as_ref()),
        at: entry.at,
        actor_id: None,
        actor_name: entry.actor_name,
        office_id: entry.office_id,
        action: entry.action,
        object: entry.object,
    })
}

pub fn insert_sql(row: &Row) -> String {
    let q = crate::import::quote;
    let opt = |v: &Option<String>| v.as_deref().map_or("NULL".to_owned(), q);
    let mut sql = String::new();
    let _ = writeln!(
        sql,
        "INSERT INTO audit_log ({COLUMNS}) VALUES ({}, {}, {}, {}, {}, {}, {}, {});",
        row.seq,
        q(&row.at),
        opt(&row.actor_id),
        opt(&row.actor_name),
        opt(&row.office_id),
        q(&row.action),
        opt(&row.object),
        q(&row.prev_hash)
    );
    sql
}

/// Every row, in `seq` order, page by page.
fn all_rows(root: &Path, target: Target) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    let mut after = 0u64;
    loop {
        let page = target.query(
            root,
            &format!(
                "SELECT {COLUMNS} FROM audit_log WHERE seq > {after} ORDER BY seq LIMIT {PAGE}"
            ),
        )?;
        for v in &page {
            rows.push(row(v)?);
        }
        match rows.last() {
            Some(last) if page.len() as u64 == PAGE => after = last.seq,
            _ => return Ok(rows),
        }
    }
}

/// Checks the chain on `target`: the number of rows, or the first broken row.
pub fn verify(root: &Path, target: Target) -> Result<u64, String> {
    let rows = all_rows(root, target)?;
    verify_chain(&rows)
        .map_err(|b| format!("the audit trail is broken at row {}: {}", b.seq, b.reason))
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let mut it = args.iter();
    let target_dir: Option<PathBuf>;
    let target = match (it.next().map(String::as_str), it.next(), it.next()) {
        (None, _, _) => Target::Local(None),
        (Some("--remote"), None, _) => Target::Remote,
        (Some("--persist-to"), Some(dir), None) => {
            target_dir = Some(PathBuf::from(dir));
            Target::Local(target_dir.as_deref())
        }
        _ => return Err(USAGE.into()),
    };
    let n = verify(root, target)?;
    println!("xtask: the audit trail is intact: {n} rows, every link verified");
    Ok(())
}

/// The suite's proof that `audit-verify` catches tampering: in a copy of the tests' state,
/// one row's stored hash is changed (the append-only triggers dropped first, as someone
/// with the database file could) and `verify` must name exactly that row.
pub fn tampered_copy_is_caught(root: &Path, state: &Path) -> Result<(), String> {
    let copy = root.join("target/tamper-state");
    let _ = std::fs::remove_dir_all(&copy);
    crate::fuzz::copy_state(state, &copy)?;
    let target = Target::Local(Some(&copy));
    let n = verify(root, target)?;
    if n < 2 {
        return Err(format!(
            "only {n} audit rows in the test state: nothing to tamper with"
        ));
    }
    let victim = n / 2 + 1;
    let path = root.join("target/seed/tamper.sql");
    std::fs::write(
        &path,
        format!(
            "DROP TRIGGER audit_log_no_update;\n\
             UPDATE audit_log SET prev_hash = '{}' WHERE seq = {victim};\n",
            "f".repeat(64)
        ),
    )
    .map_err(|e| e.to_string())?;
    target.execute_sql(root, &path)?;
    let result = match verify(root, target) {
        Ok(n) => Err(format!("the edited row {victim} went unnoticed ({n} rows)")),
        Err(e) if e.contains(&format!("broken at row {victim}:")) => {
            println!("xtask: audit-verify on the tampered copy: {e}");
            Ok(())
        }
        Err(e) => Err(format!("expected row {victim} to be named, got: {e}")),
    };
    let _ = std::fs::remove_dir_all(&copy);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rows_read_back_from_d1_json() {
        let v = json!({"seq": 3, "at": "2026-11-27T10:00:00Z", "actor_id": null,
            "actor_name": "cargo xtask staff add", "office_id": "gpo", "action": "account_create",
            "object": "account:st_0123456789abcdef", "prev_hash": "0".repeat(64)});
        let r = row(&v).unwrap();
        assert_eq!(r.seq, 3);
        assert_eq!(r.actor_id, None);
        assert_eq!(r.office_id.as_deref(), Some("gpo"));
        assert!(row(&json!({"seq": 1})).is_err());
    }

    #[test]
    fn the_insert_quotes_every_text() {
        let sql = insert_sql(&Row {
            seq: 7,
            at: "t".into(),
            actor_id: None,
            actor_name: Some("O'Brien".into()),
            office_id: None,
            action: "a".into(),
            object: None,
            prev_hash: "p".into(),
        });
        assert!(
            sql.contains("VALUES (7, 't', NULL, 'O''Brien', NULL, 'a', NULL, 'p');"),
            "{sql}"
        );
    }

    #[test]
    fn now_is_whole_seconds_utc() {
        let t = now();
        assert!(t.ends_with('Z') && !t.contains('.'), "{t}");
    }
}
