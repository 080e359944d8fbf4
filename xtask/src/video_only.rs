//! `cargo xtask video-only`: switches an office (or every office) to receiving only by video
//! conference, with the reason shown to applicants in kk/ru/en, or back (R11: emergencies,
//! restrictive measures, safety). The Worker then refuses in-person bookings there
//! (`422 video_only`) and the office page says why. An office's admin has the same switch
//! in the staff console (`POST /api/v1/staff/offices/{id}/video-only`); this one also
//! switches every office at once.

use crate::import::{invalidate_snapshots, quote};
use crate::target::Target;
use std::path::{Path, PathBuf};

pub const USAGE: &str = "usage: cargo xtask video-only OFFICE|all (--kk TEXT --ru TEXT --en TEXT | --off) [--remote | --persist-to DIR]";

struct Args {
    office: String,
    reason: Option<[String; 3]>,
    remote: bool,
    persist_to: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    let office = it.next().ok_or(USAGE)?.clone();
    let (mut kk, mut ru, mut en, mut off, mut remote, mut persist_to) =
        (None, None, None, false, false, None);
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or(USAGE);
        match flag.as_str() {
            "--kk" => kk = Some(value()?),
            "--ru" => ru = Some(value()?),
            "--en" => en = Some(value()?),
            "--off" => off = true,
            "--remote" => remote = true,
            "--persist-to" => persist_to = Some(PathBuf::from(value()?)),
            _ => return Err(USAGE.into()),
        }
    }
    let reason = match (off, kk, ru, en) {
        (true, None, None, None) => None,
        (false, Some(kk), Some(ru), Some(en))
            if [&kk, &ru, &en].iter().all(|t| !t.trim().is_empty()) =>
        {
            Some([kk, ru, en])
        }
        _ => {
            return Err(format!(
                "the reason is needed in kk, ru and en, or --off\n{USAGE}"
            ))
        }
    };
    if office != "all" && rules::OfficeId::parse(&office).is_err() {
        return Err(format!("not an office id: {office}"));
    }
    Ok(Args {
        office,
        reason,
        remote,
        persist_to,
    })
}

fn sql(office: &str, reason: Option<&[String; 3]>) -> String {
    let offices = if office == "all" {
        // The WHERE keeps SQLite from reading ON CONFLICT as a join constraint.
        "SELECT id FROM offices WHERE true".to_owned()
    } else {
        format!("SELECT id FROM offices WHERE id = {}", quote(office))
    };
    match reason {
        Some([kk, ru, en]) => format!(
            "INSERT INTO office_settings (office_id, video_only_reason_kk, video_only_reason_ru, video_only_reason_en) \
             {offices_select} ON CONFLICT (office_id) DO UPDATE SET \
             video_only_reason_kk = excluded.video_only_reason_kk, \
             video_only_reason_ru = excluded.video_only_reason_ru, \
             video_only_reason_en = excluded.video_only_reason_en;\n",
            offices_select = offices.replacen(
                "SELECT id",
                &format!("SELECT id, {}, {}, {}", quote(kk), quote(ru), quote(en)),
                1
            ),
        ),
        None => format!(
            "UPDATE office_settings SET video_only_reason_kk = NULL, video_only_reason_ru = NULL, \
             video_only_reason_en = NULL WHERE office_id IN ({offices});\n"
        ),
    }
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let args = parse(args)?;
    let path = root.join("target/seed/video-only.sql");
    std::fs::create_dir_all(root.join("target/seed")).map_err(|e| e.to_string())?;
    std::fs::write(&path, sql(&args.office, args.reason.as_ref())).map_err(|e| e.to_string())?;
    let target = if args.remote {
        Target::Remote
    } else {
        Target::Local(args.persist_to.as_deref())
    };
    target.execute_sql(root, &path)?;
    invalidate_snapshots(root, target)?;
    println!(
        "xtask: {} {}",
        args.office,
        if args.reason.is_some() {
            "receives only by video conference now (R11)"
        } else {
            "receives in person again"
        }
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_reason_is_needed_in_three_languages() {
        assert!(parse(&args(&["gpo", "--kk", "a", "--ru", "b", "--en", "c"])).is_ok());
        assert!(parse(&args(&["all", "--off"])).is_ok());
        assert!(parse(&args(&["gpo", "--kk", "a", "--ru", "b"])).is_err());
        assert!(parse(&args(&["gpo", "--off", "--kk", "a"])).is_err());
        assert!(parse(&args(&["no such office!", "--off"])).is_err());
    }

    #[test]
    fn sql_upserts_or_clears_the_reason() {
        let reason = ["kk'".to_owned(), "ru".to_owned(), "en".to_owned()];
        let on = sql("gpo", Some(&reason));
        assert!(on.starts_with("INSERT INTO office_settings"));
        assert!(on.contains("SELECT id, 'kk''', 'ru', 'en' FROM offices WHERE id = 'gpo'"));
        assert!(on.contains("ON CONFLICT (office_id) DO UPDATE"));
        let off = sql("all", None);
        assert!(off.contains("WHERE office_id IN (SELECT id FROM offices WHERE true)"));
    }
}
