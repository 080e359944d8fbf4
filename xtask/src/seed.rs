//! Applies the D1 migrations to a local database and loads `data/` into it, then publishes
//! the directory snapshot to the local KV. Idempotent: rows are upserted by their stable id,
//! and the snapshot key is overwritten with the same bytes.

use crate::sh;
use crate::target::Target;
use rules::{Directory, Office};
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
struct OfficesFile {
    offices: Vec<Office>,
}

pub fn load_directory(root: &Path) -> Result<Directory, String> {
    let path = root.join("data/offices.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file: OfficesFile =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Directory::new(file.offices).map_err(|e| format!("{}: {e}", path.display()))
}

/// `persist_to`: the local state directory; `None` is wrangler's default (.wrangler/state),
/// the one `wrangler dev` uses.
pub fn run(root: &Path, persist_to: Option<&Path>) -> Result<(), String> {
    let directory = load_directory(root)?;
    let target = Target::Local(persist_to);
    target.migrate(root)?;

    let work = root.join("target/seed");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let sql_path = work.join("offices.sql");
    std::fs::write(&sql_path, offices_sql(&directory)).map_err(|e| e.to_string())?;
    target.execute_sql(root, &sql_path)?;

    let snapshot = directory.snapshot();
    let body_path = work.join("offices-snapshot.json");
    std::fs::write(&body_path, &snapshot.body).map_err(|e| e.to_string())?;
    let metadata = serde_json::json!({ "etag": snapshot.etag }).to_string();
    let mut publish = sh::cmd(root, "wrangler");
    publish
        .args([
            "kv",
            "key",
            "put",
            "snapshot:offices",
            "--binding",
            "KV",
            "--path",
        ])
        .arg(&body_path)
        .args(["--metadata", &metadata]);
    sh::run(target.scope(&mut publish))?;
    // The sample schedules go through the same validating import as an office's own file.
    crate::import::import(root, &root.join("data/schedules.csv"), target)?;
    println!(
        "xtask: seeded {} offices; snapshot {}",
        directory.offices().len(),
        snapshot.etag
    );
    Ok(())
}

fn sql_text(value: Option<&str>) -> String {
    match value {
        Some(v) => format!("'{}'", v.replace('\'', "''")),
        None => "NULL".into(),
    }
}

/// Upserts in file order: parents come before their children, so foreign keys hold. An
/// address or phone the file does not give keeps the one the office set in the staff
/// console (a re-seed never erases it).
fn offices_sql(directory: &Directory) -> String {
    let mut sql = String::new();
    for (order, o) in directory.offices().iter().enumerate() {
        let address = o.address.as_ref();
        let _ = writeln!(
            sql,
            "INSERT INTO offices (id, level, parent_id, region_id, specialisation, name_kk, \
             name_ru, name_en, address_kk, address_ru, address_en, phone, sort_order) VALUES \
             ({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {order}) ON CONFLICT (id) DO UPDATE \
             SET level = excluded.level, parent_id = excluded.parent_id, region_id = \
             excluded.region_id, specialisation = excluded.specialisation, name_kk = \
             excluded.name_kk, name_ru = excluded.name_ru, name_en = excluded.name_en, \
             address_kk = COALESCE(excluded.address_kk, offices.address_kk), address_ru = \
             COALESCE(excluded.address_ru, offices.address_ru), address_en = \
             COALESCE(excluded.address_en, offices.address_en), phone = \
             COALESCE(excluded.phone, offices.phone), sort_order = excluded.sort_order;",
            sql_text(Some(o.id.as_str())),
            sql_text(Some(o.level.code())),
            sql_text(o.parent_id.as_ref().map(|p| p.as_str())),
            sql_text(o.region_id.as_ref().map(|p| p.as_str())),
            sql_text(o.specialisation.map(|s| s.code())),
            sql_text(Some(&o.name.kk)),
            sql_text(Some(&o.name.ru)),
            sql_text(Some(&o.name.en)),
            sql_text(address.map(|a| a.kk.as_str())),
            sql_text(address.map(|a| a.ru.as_str())),
            sql_text(address.map(|a| a.en.as_str())),
            sql_text(o.phone.as_deref()),
        );
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_directory_is_complete() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let dir = load_directory(root).unwrap();
        let count = |level| dir.offices().iter().filter(|o| o.level == level).count();
        assert_eq!(count(rules::OfficeLevel::General), 1);
        assert_eq!(count(rules::OfficeLevel::Regional), 20);
        assert!(count(rules::OfficeLevel::District) >= 228);
        assert!(dir
            .offices()
            .iter()
            .all(|o| o.address.is_none() && o.phone.is_none()));
        let talgar = dir
            .offices()
            .iter()
            .find(|o| o.name.ru == "Прокуратура Талгарского района")
            .expect("Talgar district office");
        assert_eq!(talgar.name.kk, "Талғар ауданының прокуратурасы");
    }

    #[test]
    fn sql_quotes_apostrophes() {
        assert_eq!(sql_text(Some("Prosecutor's")), "'Prosecutor''s'");
        assert_eq!(sql_text(None), "NULL");
    }
}
