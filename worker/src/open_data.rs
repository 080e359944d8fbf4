//! `GET /api/v1/open-data/schedules.csv` and `.json`: every office's receptions for the next
//! eight weeks, one row per reception (`api::open_data::OpenDataRow`, the columns of the
//! README's "Open data"). Public data only: counts, never who booked.

use crate::error::ApiError;
use crate::schedule::{self, StoredReception};
use crate::{clock, http};
use api::open_data::{closes_at, OpenDataList, OpenDataRow, StateName};
use rules::calendar::Calendar;
use rules::schedule::{upcoming, Official};
use rules::{Office, OfficialKind};
use std::collections::HashMap;
use worker::{Env, Response};

#[derive(Clone, Copy)]
pub enum Format {
    Csv,
    Json,
}

fn unexpected(e: impl std::fmt::Display) -> ApiError {
    ApiError::Unexpected(e.to_string())
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
    let officials: HashMap<String, &Official> =
        pairs.iter().map(|(o, _)| (o.id.to_string(), o)).collect();
    let kinds: HashMap<String, OfficialKind> = officials
        .iter()
        .map(|(id, o)| (id.clone(), o.kind))
        .collect();
    let occurrences = upcoming(
        pairs.iter().map(|(_, s)| s),
        Calendar::kazakhstan(),
        today,
        rules::schedule::UPCOMING_WEEKS,
    );
    let booked = schedule::booked_from(env, today).await?;
    let stored: Vec<StoredReception> = occurrences
        .iter()
        .map(|o| schedule::stored(o, &kinds, &booked))
        .collect::<Result<_, _>>()?;

    let rows: Vec<OpenDataRow> = stored
        .iter()
        .filter_map(|r| {
            let official = officials.get(r.reception.official_id.as_str())?;
            let office = offices.get(official.office_id.as_str())?;
            Some(row(r, office, official, now))
        })
        .collect();

    let (body, content_type) = match format {
        Format::Json => (
            serde_json::to_string(&OpenDataList { receptions: rows }).map_err(unexpected)?,
            "application/json; charset=utf-8",
        ),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            for row in &rows {
                writer.serialize(row).map_err(unexpected)?;
            }
            let bytes = writer.into_inner().map_err(unexpected)?;
            (
                String::from_utf8(bytes).map_err(unexpected)?,
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

fn row(
    r: &StoredReception,
    office: &Office,
    official: &Official,
    now: time::OffsetDateTime,
) -> OpenDataRow {
    let state = schedule::registration(r, now);
    let reception = &r.reception;
    let place_name = reception.place.name();
    let name_in = |pick: fn(&rules::LocalizedText) -> &String| {
        place_name.map(|n| pick(n).clone()).unwrap_or_default()
    };
    OpenDataRow {
        reception_id: reception.id.clone(),
        office_id: office.id.clone(),
        office_level: office.level,
        office_name_kk: office.name.kk.clone(),
        office_name_ru: office.name.ru.clone(),
        office_name_en: office.name.en.clone(),
        official_id: official.id.clone(),
        official_kind: official.kind,
        official_name: api::schedule::Official::from(official).full_name(),
        position_kk: official.position.kk.clone(),
        position_ru: official.position.ru.clone(),
        position_en: official.position.en.clone(),
        date: reception.date,
        start: reception.start,
        end: reception.end,
        place_kind: reception.place.kind(),
        place_name_kk: name_in(|t| &t.kk),
        place_name_ru: name_in(|t| &t.ru),
        place_name_en: name_in(|t| &t.en),
        format: reception.format,
        capacity: r.capacity,
        booked: r.booked,
        registration_state: StateName::from(&state),
        registration_closes_at: closes_at(&state),
        sample: official.sample,
    }
}
