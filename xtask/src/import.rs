//! `cargo xtask import-schedules FILE [--remote]`: validates a schedule file (CSV or JSON,
//! format in the README) with `rules::schedule` — every field of every row, then the rules
//! across rows (R13, R26, R38) — and reports each problem with its line and field. It loads
//! nothing unless the whole file is valid; then it upserts officials and schedules into D1
//! and drops the published schedule snapshots so the Worker rebuilds them.

use crate::sh;
use crate::target::Target;
use rules::calendar::Calendar;
use rules::schedule::{check_rows, parse_row, ScheduleRow};
use std::fmt::Write as _;
use std::path::Path;

/// A row with the line it starts on (1-based, the header being line 1 in a CSV).
pub struct Numbered {
    pub line: usize,
    pub row: ScheduleRow,
}

pub fn read(path: &Path) -> Result<Vec<Numbered>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        read_json(&text)
    } else {
        read_csv(&text)
    }
}

fn read_csv(text: &str) -> Result<Vec<Numbered>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.deserialize::<ScheduleRow>() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            format!("line {line}: {e}")
        })?;
        rows.push(record);
    }
    // csv reports positions only on errors; rows are one line each (fields with newlines
    // are refused by the parser), so row i is on line i + 2.
    Ok(rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| Numbered { line: i + 2, row })
        .collect())
}

fn read_json(text: &str) -> Result<Vec<Numbered>, String> {
    let raw: Vec<&serde_json::value::RawValue> =
        serde_json::from_str(text).map_err(|e| format!("line {}: {e}", e.line()))?;
    raw.into_iter()
        .map(|value| {
            // The raw value is a slice of `text`: its offset gives the line it starts on.
            let offset = value.get().as_ptr() as usize - text.as_ptr() as usize;
            let line = text[..offset].matches('\n').count() + 1;
            let row = serde_json::from_str(value.get()).map_err(|e| format!("line {line}: {e}"))?;
            Ok(Numbered { line, row })
        })
        .collect()
}

/// Every problem of the file, as `line N: field: code (clause)` lines; empty when valid.
pub fn problems(
    rows: &[Numbered],
    today: time::Date,
) -> (
    Vec<String>,
    Vec<(rules::schedule::Official, rules::schedule::Schedule)>,
) {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    let mut lines = Vec::new();
    for n in rows {
        match parse_row(&n.row) {
            Ok(pair) => {
                parsed.push(pair);
                lines.push(n.line);
            }
            Err(errors) => {
                for e in errors {
                    problems.push(format!("line {}: {}: {}", n.line, e.field, e.code));
                }
            }
        }
    }
    // The rules across rows run on the rows that parsed, so one pass reports everything.
    {
        for e in check_rows(&parsed, Calendar::kazakhstan(), today) {
            let at: Vec<String> = e.rows.iter().map(|&i| lines[i].to_string()).collect();
            let clause = e.clause().map(|c| format!(" ({c})")).unwrap_or_default();
            // Which month or week is missing, as the rule set reports it.
            let detail = serde_json::to_value(&e).unwrap_or_default();
            let clause = match (&detail["year"], &detail["month"], &detail["monday"]) {
                (serde_json::Value::Number(y), serde_json::Value::Number(m), _) => {
                    format!("{clause} {y}-{:02}", m.as_u64().unwrap_or(0))
                }
                (_, _, serde_json::Value::String(monday)) => format!("{clause} week of {monday}"),
                _ => clause,
            };
            problems.push(format!(
                "line {}: {}: {}{clause}",
                at.join(", "),
                e.field,
                e.code()
            ));
        }
    }
    (problems, parsed)
}

fn today() -> time::Date {
    rules::dates::almaty(time::OffsetDateTime::now_utc()).date()
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let file = args
        .first()
        .ok_or("usage: cargo xtask import-schedules FILE [--remote]")?;
    let remote = args.iter().any(|a| a == "--remote");
    import(
        root,
        Path::new(file),
        if remote {
            Target::Remote
        } else {
            Target::Local(None)
        },
    )
}

pub fn import(root: &Path, file: &Path, target: Target) -> Result<(), String> {
    let rows = read(file)?;
    let (problems, parsed) = problems(&rows, today());
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{}: {p}", file.display());
        }
        return Err(format!(
            "{} problem(s) in {}; nothing was loaded",
            problems.len(),
            file.display()
        ));
    }
    let sql_path = root.join("target/seed/schedules.sql");
    std::fs::create_dir_all(root.join("target/seed")).map_err(|e| e.to_string())?;
    std::fs::write(&sql_path, sql(&rows)).map_err(|e| e.to_string())?;
    target.execute_sql(root, &sql_path)?;
    invalidate_snapshots(root, target)?;
    println!(
        "xtask: imported {} schedules of {} officials",
        parsed.len(),
        {
            let mut ids: Vec<_> = parsed.iter().map(|(o, _)| o.id.to_string()).collect();
            ids.sort();
            ids.dedup();
            ids.len()
        }
    );
    Ok(())
}

/// Drops every published schedule snapshot (`schedule:*` keys) and the published open-data
/// files (`open-data:*`, worker/src/open_data.rs); the Worker rebuilds them.
pub fn invalidate_snapshots(root: &Path, target: Target) -> Result<(), String> {
    let mut keys: Vec<serde_json::Value> = Vec::new();
    for prefix in ["schedule:", "open-data:"] {
        let mut list = sh::cmd(root, "wrangler");
        list.args(["kv", "key", "list", "--binding", "KV", "--prefix", prefix]);
        target.scope(&mut list);
        let listed = sh::output(&mut list).ok_or("wrangler kv key list failed")?;
        let found: Vec<serde_json::Value> =
            serde_json::from_str(listed.trim()).map_err(|e| format!("kv key list: {e}"))?;
        keys.extend(found);
    }
    if keys.is_empty() {
        return Ok(());
    }
    let names: Vec<&serde_json::Value> = keys.iter().map(|k| &k["name"]).collect();
    let path = root.join("target/seed/stale-keys.json");
    std::fs::write(
        &path,
        serde_json::to_string(&names).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let mut delete = sh::cmd(root, "wrangler");
    delete
        .args(["kv", "bulk", "delete", "--binding", "KV", "--force"])
        .arg(&path);
    sh::run(target.scope(&mut delete))
}

pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Upserts officials, then schedules (their foreign keys need the officials first), then
/// removes the schedules the file no longer lists for its offices: the statements of
/// `rules::schedule::store`, which the staff console's schedule editor runs too.
fn sql(rows: &[Numbered]) -> String {
    use rules::schedule::store::{remove_unlisted, upserts, Replaced};
    let plain: Vec<ScheduleRow> = rows.iter().map(|n| n.row.clone()).collect();
    let offices: Vec<&str> = plain.iter().map(|r| r.office_id.as_str()).collect();
    let listed: Vec<&str> = plain.iter().map(|r| r.schedule_id.as_str()).collect();
    let mut sql = String::new();
    for statement in upserts(&plain)
        .iter()
        .chain(&remove_unlisted(&Replaced::Offices(offices), &listed))
    {
        let _ = writeln!(sql, "{}", statement.render(quote));
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "office_id,official_id,official_kind,surname,given_name,patronymic,position_kk,position_ru,position_en,competence_kk,competence_ru,competence_en,schedule_id,recurrence,start,end,place,place_name_kk,place_name_ru,place_name_en,place_address_kk,place_address_ru,place_address_en,format,capacity,valid_from,valid_to,cancelled,sample";

    fn pg_row(id: &str, from: &str, to: &str) -> String {
        format!("gpo,gpo-pg,prosecutor_general,Үлгі-Образцов,Асқар,,Бас Прокурор,Генеральный Прокурор,Prosecutor General,,,,{id},monthly:2:wed,10:00,13:00,office,,,,,,,in_person,10,{from},{to},,true")
    }

    fn check(text: &str) -> Vec<String> {
        let rows = read_csv(text).unwrap();
        problems(&rows, time::macros::date!(2026 - 11 - 25)).0
    }

    /// R13: a PG schedule that leaves March 2027 without a reception is refused, naming
    /// the lines of the PG's rows and the month.
    #[test]
    fn r13_a_pg_schedule_that_skips_a_month_is_refused_with_its_lines() {
        let text = [
            HEADER.to_owned(),
            pg_row("gpo-pg-a", "2027-01-01", "2027-02-28"),
            pg_row("gpo-pg-b", "2027-04-01", "2027-12-31"),
        ]
        .join("\n");
        let problems = check(&text);
        assert_eq!(
            problems,
            ["line 2, 3: valid_to: month_without_reception (R13) 2027-03"],
        );
    }

    #[test]
    fn a_continuous_pg_schedule_passes() {
        let text = [HEADER.to_owned(), pg_row("gpo-pg-a", "2026-01-01", "")].join("\n");
        assert_eq!(check(&text), Vec::<String>::new());
    }

    #[test]
    fn field_errors_name_line_and_field() {
        let bad = pg_row("gpo-pg-a", "2026-01-01", "").replace("10:00,13:00", "25:00,13:00");
        let text = [HEADER.to_owned(), pg_row("gpo-pg-b", "2026-01-01", ""), bad].join("\n");
        assert_eq!(check(&text), ["line 3: start: bad_time"]);
    }

    #[test]
    fn the_import_removes_schedules_the_file_no_longer_lists() {
        let text = [HEADER.to_owned(), pg_row("gpo-pg-a", "2026-01-01", "")].join("\n");
        let sql = sql(&read_csv(&text).unwrap());
        assert!(sql.contains(
            "DELETE FROM schedules WHERE office_id IN ('gpo') AND id NOT IN ('gpo-pg-a');"
        ));
        assert!(sql.contains("DELETE FROM receptions WHERE booked = 0 AND schedule_id IN"));
        assert!(sql.contains("NOT EXISTS (SELECT 1 FROM bookings b"));
        let upsert = sql.find("INSERT INTO schedules").unwrap();
        assert!(
            sql.find("DELETE FROM schedules").unwrap() > upsert,
            "after the upserts"
        );
    }

    #[test]
    fn json_rows_carry_their_line_numbers() {
        let text = "[\n  {\"office_id\": \"gpo\"},\n\n  {\"office_id\": \"x\"}\n]";
        let rows = read_json(text).unwrap();
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
    }

    /// The seed imports the sample data with the real date, so it must stay valid whenever
    /// it runs: check it from the first day of every quarter across the calendar's years.
    #[test]
    fn the_committed_sample_schedules_are_valid_whenever_the_seed_runs() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let rows = read(&root.join("data/schedules.csv")).unwrap();
        for year in 2026..=2028 {
            for month in [1, 4, 7, 10] {
                let month = time::Month::try_from(month).unwrap();
                let today = time::Date::from_calendar_date(year, month, 1).unwrap();
                let (problems, parsed) = problems(&rows, today);
                assert_eq!(problems, Vec::<String>::new(), "imported on {today}");
                assert!(
                    parsed.iter().all(|(o, _)| o.sample),
                    "every sample row says so"
                );
            }
        }
    }
}
