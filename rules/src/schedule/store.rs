//! How schedule rows are stored in D1 (`officials`, `schedules`: the import format's columns,
//! README "Importing schedules"): the statements that write a valid set of rows, as SQL with
//! numbered parameters. One definition for the two writers — `cargo xtask import-schedules`
//! renders the parameters as SQL literals into a file, the Worker's schedule editor binds
//! them — so both store the same columns the same way. Nothing here runs SQL.

use super::import::ScheduleRow;

/// A statement with `?1`, `?2`, … and the text of each parameter, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub sql: String,
    pub params: Vec<String>,
}

impl Statement {
    /// The statement with each `?N` replaced by `literal(params[N - 1])` (for a SQL file).
    pub fn render(&self, literal: impl Fn(&str) -> String) -> String {
        let mut out = String::with_capacity(self.sql.len());
        let mut chars = self.sql.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            if c != '?' {
                out.push(c);
                continue;
            }
            let mut n = 0usize;
            while let Some(d) = chars.peek().and_then(|(_, d)| d.to_digit(10)) {
                n = n * 10 + d as usize;
                chars.next();
            }
            match n.checked_sub(1).and_then(|i| self.params.get(i)) {
                Some(value) => out.push_str(&literal(value)),
                // Not a parameter of ours: kept as written.
                None => out.push('?'),
            }
        }
        out
    }
}

fn upsert(table: &str, columns: &[&str], values: Vec<String>) -> Statement {
    let quoted = |c: &str| {
        if c == "end" {
            "\"end\"".to_owned()
        } else {
            c.to_owned()
        }
    };
    let names: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let updates: Vec<String> = names[1..]
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    Statement {
        sql: format!(
            "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT (id) DO UPDATE SET {};",
            names.join(", "),
            placeholders.join(", "),
            updates.join(", ")
        ),
        params: values,
    }
}

/// The trimmed values; an empty `sample` (the last one) is `false`, the parser's reading,
/// as the column's CHECK wants it.
fn values<const N: usize>(values: [&String; N]) -> Vec<String> {
    let mut out: Vec<String> = values.iter().map(|v| v.trim().to_owned()).collect();
    if let Some(sample) = out.last_mut().filter(|s| s.is_empty()) {
        *sample = "false".to_owned();
    }
    out
}

/// The upsert of a row's official (`officials`).
pub fn upsert_official(r: &ScheduleRow) -> Statement {
    upsert(
        "officials",
        &[
            "id",
            "office_id",
            "official_kind",
            "surname",
            "given_name",
            "patronymic",
            "position_kk",
            "position_ru",
            "position_en",
            "competence_kk",
            "competence_ru",
            "competence_en",
            "sample",
        ],
        values([
            &r.official_id,
            &r.office_id,
            &r.official_kind,
            &r.surname,
            &r.given_name,
            &r.patronymic,
            &r.position_kk,
            &r.position_ru,
            &r.position_en,
            &r.competence_kk,
            &r.competence_ru,
            &r.competence_en,
            &r.sample,
        ]),
    )
}

/// The upsert of a row's schedule (`schedules`); its official must exist first.
pub fn upsert_schedule(r: &ScheduleRow) -> Statement {
    upsert(
        "schedules",
        &[
            "id",
            "official_id",
            "office_id",
            "recurrence",
            "start",
            "end",
            "place",
            "place_name_kk",
            "place_name_ru",
            "place_name_en",
            "place_address_kk",
            "place_address_ru",
            "place_address_en",
            "format",
            "capacity",
            "valid_from",
            "valid_to",
            "cancelled",
            "moved",
            "sample",
        ],
        values([
            &r.schedule_id,
            &r.official_id,
            &r.office_id,
            &r.recurrence,
            &r.start,
            &r.end,
            &r.place,
            &r.place_name_kk,
            &r.place_name_ru,
            &r.place_name_en,
            &r.place_address_kk,
            &r.place_address_ru,
            &r.place_address_en,
            &r.format,
            &r.capacity,
            &r.valid_from,
            &r.valid_to,
            &r.cancelled,
            &r.moved,
            &r.sample,
        ]),
    )
}

/// Upserts of the officials, then of the schedules (their foreign keys need the officials).
pub fn upserts(rows: &[ScheduleRow]) -> Vec<Statement> {
    rows.iter()
        .map(upsert_official)
        .chain(rows.iter().map(upsert_schedule))
        .collect()
}

/// Which schedules a set of rows replaces: every schedule of these offices (an import: the
/// file is the whole schedule of each office in it) or of this one official (the editor).
pub enum Replaced<'a> {
    Offices(Vec<&'a str>),
    Official(&'a str),
}

/// Removes the replaced schedules the rows no longer list, with their receptions nobody
/// ever booked. A reception with bookings (even cancelled ones, its history) keeps its
/// schedule: the foreign key refuses the delete, so no booking is ever dropped silently.
pub fn remove_unlisted(replaced: &Replaced<'_>, listed: &[&str]) -> Vec<Statement> {
    let mut params: Vec<String> = Vec::new();
    let list = |values: &[&str], params: &mut Vec<String>| -> String {
        let mut values: Vec<&str> = values.to_vec();
        values.sort_unstable();
        values.dedup();
        values
            .into_iter()
            .map(|v| {
                params.push(v.trim().to_owned());
                format!("?{}", params.len())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let owner = match replaced {
        Replaced::Offices(offices) => format!("office_id IN ({})", list(offices, &mut params)),
        Replaced::Official(official) => format!("official_id = {}", list(&[official], &mut params)),
    };
    let stale = if listed.is_empty() {
        owner
    } else {
        format!("{owner} AND id NOT IN ({})", list(listed, &mut params))
    };
    vec![
        Statement {
            sql: format!(
                "DELETE FROM receptions WHERE booked = 0 AND schedule_id IN (SELECT id FROM \
                 schedules WHERE {stale}) AND NOT EXISTS (SELECT 1 FROM bookings b WHERE \
                 b.reception_id = receptions.id);"
            ),
            params: params.clone(),
        },
        Statement {
            sql: format!("DELETE FROM schedules WHERE {stale};"),
            params,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(s: &str) -> String {
        format!("'{}'", s.replace('\'', "''"))
    }

    #[test]
    fn parameters_render_as_literals_in_order() {
        let s = Statement {
            sql: "SELECT ?1, ?2, ?10, ?".into(),
            params: (1..=10).map(|i| format!("v{i}'")).collect(),
        };
        assert_eq!(s.render(quote), "SELECT 'v1''', 'v2''', 'v10''', ?");
    }

    #[test]
    fn a_schedule_upsert_writes_every_column() {
        let row = ScheduleRow {
            schedule_id: "gpo-pg-a".into(),
            end: "13:00".into(),
            ..ScheduleRow::default()
        };
        let s = upsert_schedule(&row);
        assert_eq!(s.params.len(), 20);
        assert!(s.sql.contains("\"end\" = excluded.\"end\""));
        assert!(s.sql.contains("?20)"));
        assert_eq!(s.params[0], "gpo-pg-a");
        assert_eq!(s.params[5], "13:00");
        assert_eq!(s.params[19], "false", "an empty sample is false");
        assert_eq!(upsert_official(&row).params.len(), 13);
    }

    #[test]
    fn only_the_replaced_schedules_go() {
        let [receptions, schedules] =
            &remove_unlisted(&Replaced::Official("gpo-pg"), &["gpo-pg-b", "gpo-pg-a"])[..]
        else {
            panic!("two statements")
        };
        assert_eq!(
            schedules.render(quote),
            "DELETE FROM schedules WHERE official_id = 'gpo-pg' AND id NOT IN ('gpo-pg-a', 'gpo-pg-b');"
        );
        assert!(receptions
            .sql
            .contains("NOT EXISTS (SELECT 1 FROM bookings b"));
        assert_eq!(receptions.params, schedules.params);
        let offices = remove_unlisted(&Replaced::Offices(vec!["gpo", "gpo"]), &["x"]);
        assert_eq!(
            offices[1].render(quote),
            "DELETE FROM schedules WHERE office_id IN ('gpo') AND id NOT IN ('x');"
        );
    }
}
