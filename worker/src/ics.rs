//! `GET /api/v1/offices/{id}/schedule.ics`: the office's receptions as an iCalendar feed a
//! phone calendar can subscribe to. Times in UTC (RFC 5545 form 2), stable UIDs (the
//! reception id), so a refreshed feed updates events instead of duplicating them. Texts in
//! Kazakh and Russian (R5), or one language with `?lang=kk|ru|en`. With
//! `?reception={id}` it is that one reception alone, a file to add to a calendar once
//! (the whole feed stays the subscription).

use crate::error::ApiError;
use crate::schedule::{self, StoredReception};
use api::schedule::Official;
use api::ErrorCode;
use icalendar::{Calendar, Component, Event, EventLike};
use rules::{Lang, LocalizedText, OfficeId};
use std::collections::HashMap;
use worker::{Env, Request, Response};

fn utc(t: time::OffsetDateTime) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(t.unix_timestamp(), 0).unwrap_or_default()
}

/// Kazakh and Russian side by side unless one language was asked for.
fn text(t: &LocalizedText, lang: Option<Lang>) -> String {
    match lang {
        Some(l) => t.get(l).to_owned(),
        None if t.kk == t.ru => t.kk.clone(),
        None => format!("{} / {}", t.kk, t.ru),
    }
}

fn reception_title(lang: Option<Lang>) -> &'static str {
    match lang {
        Some(Lang::Kk) => "Жеке қабылдау",
        Some(Lang::Ru) => "Личный приём",
        Some(Lang::En) => "Personal reception",
        None => "Жеке қабылдау / Личный приём",
    }
}

pub async fn feed(req: &Request, env: &Env, id: &OfficeId) -> Result<Response, ApiError> {
    let url = req.url()?;
    let lang = match url.query_pairs().find(|(k, _)| k == "lang") {
        Some((_, v)) => Some(v.parse::<Lang>().map_err(|_| ApiError::Invalid {
            code: ErrorCode::UnknownLanguage,
            field: "lang".into(),
        })?),
        None => None,
    };
    let one = url
        .query_pairs()
        .find(|(k, _)| k == "reception")
        .map(|(_, v)| v.into_owned());
    let snapshot = schedule::snapshot(env, id).await?;
    let officials = by_id(&snapshot.officials);
    let office_name = text(&snapshot.office.name, lang);
    let receptions: Vec<&StoredReception> = snapshot
        .receptions
        .iter()
        .filter(|r| one.as_ref().is_none_or(|id| &r.reception.id == id))
        .collect();
    // A reception not (or no longer) in the schedule: nothing to add.
    if one.is_some() && receptions.is_empty() {
        return Err(ApiError::NotFound {
            field: Some("reception"),
        });
    }
    let mut calendar = Calendar::new();
    calendar.name(&office_name);
    calendar.append_property(("X-WR-TIMEZONE", "Asia/Almaty"));
    for r in receptions {
        calendar.push(event(r, &officials, &office_name, lang));
    }
    let mut response = crate::http::text(
        200,
        calendar.done().to_string(),
        "text/calendar; charset=utf-8",
    );
    let headers = response.headers_mut();
    headers.set("Cache-Control", "public, max-age=900")?;
    let disposition = match &one {
        // One event: a file the phone offers to add (only the id's safe characters).
        Some(r) => format!(
            "attachment; filename=\"{}.ics\"",
            r.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "")
        ),
        None => format!("inline; filename=\"{id}.ics\""),
    };
    headers.set("Content-Disposition", &disposition)?;
    Ok(response)
}

/// The officials of a schedule by id.
pub fn by_id(officials: &[Official]) -> HashMap<&str, &Official> {
    officials.iter().map(|o| (o.id.as_str(), o)).collect()
}

pub fn event(
    r: &StoredReception,
    officials: &HashMap<&str, &Official>,
    office_name: &str,
    lang: Option<Lang>,
) -> Event {
    let r = &r.reception;
    let official = officials.get(r.official_id.as_str());
    let name = official.map(|o| o.full_name()).unwrap_or_default();
    let position = official
        .map(|o| text(&o.position, lang))
        .unwrap_or_default();
    let place = match (r.place.name(), r.place.address()) {
        (Some(n), Some(a)) => format!("{}, {}", text(n, lang), text(a, lang)),
        (Some(n), None) => text(n, lang),
        _ => office_name.to_owned(),
    };
    Event::new()
        .uid(&format!("{}@qabyldau", r.id))
        .summary(&format!("{}: {name}", reception_title(lang)))
        .description(&format!("{position}\n{office_name}"))
        .location(&place)
        .starts(utc(r.start))
        .ends(utc(r.end))
        .done()
}
