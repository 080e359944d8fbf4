//! `GET /api/v1/open-data/schedules.csv` and `.json`: every office's receptions for the next
//! eight weeks, one row per reception, with the columns documented in the README
//! ("Open data"). Public data only: counts, never who booked.

use crate::error::ApiError;
use crate::schedule::{self, StoredReception};
use crate::{clock, http};
use rules::calendar::Calendar;
use rules::schedule::upcoming;
use rules::{Office, OfficialKind};
use serde::Serialize;
use std::collections::HashMap;
use worker::{Env, Response};

/// One reception; the field order is the CSV column order.
#[derive(Serialize)]
struct Row<'a> {
    reception_id: &'a str,
    office_id: &'a str,
    office_level: &'a str,
    office_name_kk: &'a str,
    office_name_ru: &'a str,
    office_name_en: &'a str,
    official_id: &'a str,
    official_kind: &'a str,
    official_name: String,
    position_kk: &'a str,
    position_ru: &'a str,
    position_en: &'a str,
    date: String,
    start: String,
    end: String,
    place_kind: &'a str,
    place_name_kk: &'a str,
    place_name_ru: &'a str,
    place_name_en: &'a str,
    format: &'a str,
    capacity: u32,
    booked: u32,
    registration_state: String,
    registration_closes_at: String,
    sample: bool,
}

#[derive(Clone, Copy)]
pub enum Format {
    Csv,
    Json,
}

struct Official {
    kind: OfficialKind,
    value: serde_json::Value,
    sample: bool,
}

pub async fn schedules(env: &Env, format: Format) -> Result<Response, ApiError> {
    let today = clock::today();
    let now = clock::now();
    let offices: HashMap<String, Office> = crate::offices::all(env)
        .await?
        .into_iter()
        .map(|o| (o.id.to_string(), o))
        .collect();
    let pairs = schedule::load(env, None).await?;
    let officials: HashMap<String, Official> = pairs
        .iter()
        .map(|(o, _)| {
            let value = serde_json::to_value(o).unwrap_or_default();
            (
                o.id.to_string(),
                Official {
                    kind: o.kind,
                    sample: o.sample,
                    value,
                },
            )
        })
        .collect();
    let kinds: HashMap<String, OfficialKind> = officials
        .iter()
        .map(|(id, o)| (id.clone(), o.kind))
        .collect();
    let office_of: HashMap<String, String> = pairs
        .iter()
        .map(|(o, _)| (o.id.to_string(), o.office_id.to_string()))
        .collect();
    let schedules: Vec<_> = pairs.iter().map(|(_, s)| s).collect();
    let occurrences = upcoming(
        schedules,
        Calendar::kazakhstan(),
        today,
        rules::schedule::UPCOMING_WEEKS,
    );
    let booked = schedule::booked_from(env, today).await?;
    let stored: Vec<StoredReception> = occurrences
        .iter()
        .map(|o| schedule::stored(o, &kinds, &booked))
        .collect::<Result<_, _>>()?;

    let mut rows = Vec::with_capacity(stored.len());
    for r in &stored {
        let (Some(official), Some(office)) = (
            officials.get(&r.official_id),
            office_of.get(&r.official_id).and_then(|id| offices.get(id)),
        ) else {
            continue;
        };
        let public = serde_json::to_value(schedule::public(r, now)).unwrap_or_default();
        let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
        let o = &official.value;
        rows.push((
            r,
            office,
            official,
            public,
            s(&o["surname"]),
            s(&o["given_name"]),
            s(&o["patronymic"]),
        ));
    }
    let rows: Vec<Row> = rows
        .iter()
        .map(
            |(r, office, official, public, surname, given, patronymic)| {
                let o = &official.value;
                Row {
                    reception_id: &r.id,
                    office_id: office.id.as_str(),
                    office_level: office.level.code(),
                    office_name_kk: &office.name.kk,
                    office_name_ru: &office.name.ru,
                    office_name_en: &office.name.en,
                    official_id: &r.official_id,
                    official_kind: official.kind.code(),
                    official_name: [surname.as_str(), given.as_str(), patronymic.as_str()]
                        .into_iter()
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                    position_kk: o["position"]["kk"].as_str().unwrap_or_default(),
                    position_ru: o["position"]["ru"].as_str().unwrap_or_default(),
                    position_en: o["position"]["en"].as_str().unwrap_or_default(),
                    date: public["date"].as_str().unwrap_or_default().to_owned(),
                    start: public["start"].as_str().unwrap_or_default().to_owned(),
                    end: public["end"].as_str().unwrap_or_default().to_owned(),
                    place_kind: r.place["kind"].as_str().unwrap_or_default(),
                    place_name_kk: r.place["name"]["kk"].as_str().unwrap_or_default(),
                    place_name_ru: r.place["name"]["ru"].as_str().unwrap_or_default(),
                    place_name_en: r.place["name"]["en"].as_str().unwrap_or_default(),
                    format: r.format.as_str().unwrap_or_default(),
                    capacity: r.capacity,
                    booked: r.booked,
                    registration_state: public["registration"]["state"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                    registration_closes_at: public["registration"]["closes_at"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                    sample: official.sample,
                }
            },
        )
        .collect();

    let (body, content_type) = match format {
        Format::Json => (
            serde_json::to_string(&serde_json::json!({ "receptions": rows }))
                .map_err(|e| ApiError::Unexpected(e.to_string()))?,
            "application/json; charset=utf-8",
        ),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            for row in &rows {
                writer
                    .serialize(row)
                    .map_err(|e| ApiError::Unexpected(e.to_string()))?;
            }
            let bytes = writer
                .into_inner()
                .map_err(|e| ApiError::Unexpected(e.to_string()))?;
            (
                String::from_utf8(bytes).map_err(|e| ApiError::Unexpected(e.to_string()))?,
                "text/csv; charset=utf-8",
            )
        }
    };
    let mut response = http::text(200, body, content_type);
    response
        .headers_mut()
        .set("Cache-Control", "public, max-age=300")?;
    Ok(response)
}
