//! `GET`/`POST /api/v1/staff/offices/{id}/settings` and `POST …/video-only` (admin): what
//! the office publishes about itself — its address (`offices`, in the directory and on its
//! page), the responsible officers' phone (the Order's para 2(1); RULES.md "Readings", 10)
//! and the Citizens' Reception Centre's room and hours (R39-1), on its schedule — and the
//! video-only mode with its reason (R11), as `cargo xtask video-only` switches it: in-person
//! bookings are then refused (`422 video_only`) and the schedule says why.

use super::super::audit::{self, Entry};
use super::super::session;
use super::{admin, checked_text, forget_snapshots, invalid, scoped_office};
use crate::error::ApiError;
use crate::offices::SNAPSHOT_KEY;
use crate::{body, http, schedule};
use api::office_admin::{OfficeSettings, OfficeSettingsInput, VideoOnlySwitch};
use api::ErrorCode;
use rules::schedule::format_hhmm;
use rules::{LocalizedText, OfficeId};
use worker::wasm_bindgen::JsValue;
use worker::{Env, Request, Response};

const ADDRESS_MAX: usize = 300;
const ROOM_MAX: usize = 200;

/// `+7` and ten digits; spaces, hyphens and brackets as people write them are dropped.
fn phone(value: &str) -> Result<String, ApiError> {
    let compact: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let digits = compact.strip_prefix("+7").unwrap_or_default();
    if digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(compact)
    } else {
        Err(invalid(ErrorCode::Invalid, "responsible_phone"))
    }
}

async fn current(env: &Env, office: &OfficeId) -> Result<OfficeSettings, ApiError> {
    let stored = crate::offices::find(env, office)
        .await?
        .ok_or(ApiError::NotFound { field: Some("id") })?;
    let published = schedule::settings(env, office).await?;
    Ok(OfficeSettings {
        office_id: office.clone(),
        address: stored.address,
        responsible_phone: published.responsible_phone,
        reception_centre: published.centre,
        video_only: published.video_only,
    })
}

pub async fn read_settings(req: &Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = admin(&staff)?;
    let db = env.d1("DB")?;
    let office = scoped_office(&db, &scope, id).await?;
    Ok(http::json(200, &current(env, &office).await?))
}

fn text_or_null(t: Option<&LocalizedText>, lang: fn(&LocalizedText) -> &str) -> JsValue {
    t.map_or(JsValue::NULL, |t| lang(t).into())
}

/// Drops what publishes the office: its schedule snapshots and the directory's.
async fn republish(env: &Env, office: &OfficeId) -> Result<(), ApiError> {
    forget_snapshots(env, office).await?;
    env.kv("KV")?.delete(SNAPSHOT_KEY).await?;
    Ok(())
}

pub async fn edit_settings(req: &mut Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = admin(&staff)?;
    let db = env.d1("DB")?;
    let office = scoped_office(&db, &scope, id).await?;
    let input: OfficeSettingsInput = body::json(req).await?;
    let address = input
        .address
        .as_ref()
        .map(|a| checked_text(a, ADDRESS_MAX, "address"))
        .transpose()?;
    let phone = input.responsible_phone.as_deref().map(phone).transpose()?;
    let centre = match &input.reception_centre {
        None => None,
        Some(c) => {
            if c.closes <= c.opens {
                return Err(invalid(
                    ErrorCode::from_rules("end_not_after_start"),
                    "reception_centre.closes",
                ));
            }
            Some((
                checked_text(&c.room, ROOM_MAX, "reception_centre.room")?,
                format_hhmm(c.opens),
                format_hhmm(c.closes),
            ))
        }
    };
    let room = centre.as_ref().map(|(room, _, _)| room);
    let hours = |i: usize| -> JsValue {
        centre.as_ref().map_or(
            JsValue::NULL,
            |(_, o, c)| if i == 0 { o.into() } else { c.into() },
        )
    };
    let statements = vec![
        db.prepare(format!(
            "{}UPDATE offices SET address_kk = ?3, address_ru = ?4, address_en = ?5 \
             WHERE id = ?2 AND id IN (SELECT id FROM scope)",
            scope.cte(1)
        ))
        .bind(&[
            scope.office.into(),
            office.as_str().into(),
            text_or_null(address.as_ref(), |t| &t.kk),
            text_or_null(address.as_ref(), |t| &t.ru),
            text_or_null(address.as_ref(), |t| &t.en),
        ])?,
        db.prepare(
            "INSERT INTO office_settings (office_id, responsible_phone, centre_opens, \
             centre_closes, centre_room_kk, centre_room_ru, centre_room_en) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (office_id) DO UPDATE SET \
             responsible_phone = excluded.responsible_phone, centre_opens = \
             excluded.centre_opens, centre_closes = excluded.centre_closes, centre_room_kk = \
             excluded.centre_room_kk, centre_room_ru = excluded.centre_room_ru, \
             centre_room_en = excluded.centre_room_en",
        )
        .bind(&[
            office.as_str().into(),
            phone.as_deref().map_or(JsValue::NULL, Into::into),
            hours(0),
            hours(1),
            text_or_null(room, |t| &t.kk),
            text_or_null(room, |t| &t.ru),
            text_or_null(room, |t| &t.en),
        ])?,
    ];
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: office.as_str(),
        action: "office_settings",
        object: Some(format!("office:{office}")),
    };
    audit::commit(&db, statements, &entry).await?;
    republish(env, &office).await?;
    Ok(http::json(200, &current(env, &office).await?))
}

pub async fn video_only(req: &mut Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = admin(&staff)?;
    let db = env.d1("DB")?;
    let office = scoped_office(&db, &scope, id).await?;
    let input: VideoOnlySwitch = body::json(req).await?;
    let reason = input
        .reason
        .as_ref()
        .map(|r| checked_text(r, api::office_admin::OfficeReason::MAX_CHARS, "reason"))
        .transpose()?;
    let statement = db
        .prepare(
            "INSERT INTO office_settings (office_id, video_only_reason_kk, video_only_reason_ru, \
             video_only_reason_en) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (office_id) DO UPDATE SET \
             video_only_reason_kk = excluded.video_only_reason_kk, video_only_reason_ru = \
             excluded.video_only_reason_ru, video_only_reason_en = excluded.video_only_reason_en",
        )
        .bind(&[
            office.as_str().into(),
            text_or_null(reason.as_ref(), |t| &t.kk),
            text_or_null(reason.as_ref(), |t| &t.ru),
            text_or_null(reason.as_ref(), |t| &t.en),
        ])?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: office.as_str(),
        action: if reason.is_some() {
            "video_only_on"
        } else {
            "video_only_off"
        },
        object: Some(format!("office:{office}")),
    };
    audit::commit(&db, vec![statement], &entry).await?;
    forget_snapshots(env, &office).await?;
    Ok(http::json(200, &current(env, &office).await?))
}

#[cfg(test)]
mod tests {
    use super::phone;

    #[test]
    fn the_responsible_phone_is_a_kazakhstan_number() {
        assert_eq!(phone("+7 (7282) 12-34-56").unwrap(), "+77282123456");
        assert_eq!(phone("+77011234567").unwrap(), "+77011234567");
        for bad in [
            "87011234567",
            "+7701123456",
            "+770112345678",
            "+7701123456x",
            "",
        ] {
            assert!(phone(bad).is_err(), "{bad}");
        }
    }
}
