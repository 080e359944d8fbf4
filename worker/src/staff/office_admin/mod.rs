//! The office's own administration (`admin`, offices in scope; `api::office_admin`): an
//! official's schedule with the import's checks (R13, R26, R38), one reception cancelled or
//! moved with the reason shown to the applicants whose bookings it cancels, the video-only
//! mode (R11), and what the office publishes about itself (its address, the responsible
//! officers' phone — the Order's para 2(1) —, the Reception Centre's room and hours, R39-1).
//!
//! Every query names the scope ([`Scope::cte`]), so another region's office, official or
//! reception is `404` as if it did not exist; every change is one audit row in the same D1
//! batch; the published snapshots of the office are dropped after it, as the import does.

mod receptions;
mod schedule_edit;
mod settings;

pub use receptions::{affected, cancel, move_to};
pub use schedule_edit::{edit, read};
pub use settings::{edit_settings, read_settings, video_only};

use super::scope::Scope;
use super::session::Staff;
use crate::error::ApiError;
use api::office_admin::OfficeReason;
use api::staff::Role;
use api::ErrorCode;
use rules::{LocalizedText, OfficeId};
use serde::Deserialize;
use worker::{D1Database, Env};

fn admin(staff: &Staff) -> Result<Scope<'_>, ApiError> {
    if staff.has(Role::Admin) {
        Ok(Scope::of(staff, Role::Admin))
    } else {
        Err(ApiError::Forbidden)
    }
}

/// The office, if it is in the scope.
async fn office_in_scope(
    db: &D1Database,
    scope: &Scope<'_>,
    office: &str,
) -> Result<bool, ApiError> {
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
        .bind(&[scope.office.into(), office.into()])?
        .first(None)
        .await?;
    Ok(found.is_some())
}

/// The office of the path, if it exists and is in scope; else `404` naming `id`.
async fn scoped_office(db: &D1Database, scope: &Scope<'_>, id: &str) -> Result<OfficeId, ApiError> {
    let not_found = ApiError::NotFound { field: Some("id") };
    let office = OfficeId::parse(id).map_err(|_| ApiError::NotFound { field: Some("id") })?;
    if office_in_scope(db, scope, office.as_str()).await? {
        Ok(office)
    } else {
        Err(not_found)
    }
}

/// Drops the office's published schedule snapshots (`schedule:{office}:{day}`), as
/// `cargo xtask import-schedules` drops them all, and its kept answer
/// (`schedule_answer`): the next request rebuilds them from D1.
async fn forget_snapshots(env: &Env, office: &OfficeId) -> Result<(), ApiError> {
    // The answer kept in this isolate first: D1 has changed already.
    crate::schedule_answer::forget(office);
    let kv = env.kv("KV")?;
    let mut cursor = None;
    loop {
        let mut list = kv.list().prefix(format!("schedule:{office}:"));
        if let Some(c) = cursor {
            list = list.cursor(c);
        }
        let page = list.execute().await?;
        for key in &page.keys {
            kv.delete(&key.name).await?;
        }
        if page.list_complete || page.cursor.is_none() {
            // Again once the snapshots are gone: a read made meanwhile may have computed its
            // answer from a snapshot deleted just now.
            crate::schedule_answer::forget(office);
            return Ok(());
        }
        cursor = page.cursor;
    }
}

fn invalid(code: ErrorCode, field: impl Into<String>) -> ApiError {
    ApiError::Invalid {
        code,
        field: field.into(),
    }
}

/// A text staff type for the public: trimmed, not empty, at most `max` characters, no
/// control characters but line breaks.
fn public_text(value: &str, max: usize, field: &str) -> Result<String, ApiError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(invalid(ErrorCode::Required, field));
    }
    if v.chars().count() > max || v.chars().any(|c| c.is_control() && c != '\n') {
        return Err(invalid(ErrorCode::Invalid, field));
    }
    Ok(v.to_owned())
}

/// A reason in kk and ru, en optional (an empty en is none).
fn checked_reason(r: &OfficeReason, field: &str) -> Result<OfficeReason, ApiError> {
    let max = OfficeReason::MAX_CHARS;
    Ok(OfficeReason {
        kk: public_text(&r.kk, max, &format!("{field}.kk"))?,
        ru: public_text(&r.ru, max, &format!("{field}.ru"))?,
        en: match r.en.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(en) => Some(public_text(en, max, &format!("{field}.en"))?),
        },
    })
}

/// A text in the three languages, each checked.
fn checked_text(t: &LocalizedText, max: usize, field: &str) -> Result<LocalizedText, ApiError> {
    Ok(LocalizedText {
        kk: public_text(&t.kk, max, &format!("{field}.kk"))?,
        ru: public_text(&t.ru, max, &format!("{field}.ru"))?,
        en: public_text(&t.en, max, &format!("{field}.en"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_need_kk_and_ru_and_take_en_when_given() {
        let reason = |kk: &str, ru: &str, en: Option<&str>| OfficeReason {
            kk: kk.into(),
            ru: ru.into(),
            en: en.map(Into::into),
        };
        let ok = checked_reason(&reason(" Себебі ", "Причина", Some(" ")), "reason").unwrap();
        assert_eq!((ok.kk.as_str(), ok.en), ("Себебі", None));
        assert!(checked_reason(&reason("a", "b", Some("c")), "reason")
            .unwrap()
            .en
            .is_some());
        for bad in [reason("", "b", None), reason("a", " ", None)] {
            assert!(matches!(
                checked_reason(&bad, "reason"),
                Err(ApiError::Invalid {
                    code: ErrorCode::Required,
                    ..
                })
            ));
        }
        let long = "ы".repeat(OfficeReason::MAX_CHARS + 1);
        assert!(checked_reason(&reason(&long, "b", None), "reason").is_err());
        assert!(checked_reason(&reason("a\u{7}", "b", None), "reason").is_err());
        assert!(checked_reason(&reason("a\nb", "b", None), "reason").is_ok());
    }
}
