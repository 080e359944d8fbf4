//! `GET /api/v1/open-data/schedules.csv` and `.json`: every office's receptions for the next
//! eight weeks, one row per reception (`api::open_data::OpenDataRow`, the columns of the
//! README's "Open data"). Public data only: counts, never who booked.
//!
//! Computing them reads every office's schedules and bookings (megabytes of CSV), so no
//! request does it: the cron publishes both files to KV every ten minutes (so the counts and
//! registration states are at most that old, the time in `Last-Modified`), and requests
//! serve what was published — from the Cache API when this location has it, else from KV —
//! with its ETag (`304` on a match). Only when nothing is published yet (a fresh deployment,
//! `wrangler dev` before any cron) does a request compute and publish, logging
//! `open-data: computed`. Compression is the platform's: the edge (and `wrangler dev`) gzip
//! the text for a client that accepts it.

use crate::error::ApiError;
use crate::schedule::{self, StoredReception};
use crate::{clock, http};
use api::open_data::{closes_at, OpenDataRow, StateName};
use rules::calendar::Calendar;
use rules::schedule::{upcoming, Official};
use rules::{Office, OfficialKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use worker::{Cache, Env, Headers, Request, Response};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    const ALL: [Format; 2] = [Format::Csv, Format::Json];

    fn file(self) -> &'static str {
        match self {
            Format::Csv => "schedules.csv",
            Format::Json => "schedules.json",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json; charset=utf-8",
        }
    }

    fn kv_key(self) -> String {
        format!("open-data:{}", self.file())
    }
}

/// Clients and the Cache API keep a file five minutes; the cron refreshes it every ten.
const CACHE_CONTROL: &str = "public, max-age=300";

/// What KV keeps beside a published file.
#[derive(Serialize, Deserialize)]
pub struct Published {
    etag: String,
    /// When it was computed, as an HTTP date (`Last-Modified`).
    computed_at: String,
}

fn unexpected(e: impl std::fmt::Display) -> ApiError {
    ApiError::Unexpected(e.to_string())
}

/// The file as a request gets it: `304` when `If-None-Match` names its ETag.
pub async fn schedules(req: &Request, env: &Env, format: Format) -> Result<Response, ApiError> {
    let if_none_match = req.headers().get("If-None-Match")?;
    let url = req.url()?;
    let cache_key = format!(
        "{}/api/v1/open-data/{}",
        url.origin().ascii_serialization(),
        format.file()
    );
    let cache = Cache::default();
    if let Some(mut cached) = cache.get(cache_key.as_str(), false).await? {
        let etag = cached.headers().get("ETag")?.unwrap_or_default();
        if if_none_match.is_some_and(|inm| http::etag_matches(&inm, &etag)) {
            return Ok(http::not_modified(&etag, CACHE_CONTROL));
        }
        // A copy of our own headers (the cache's response has immutable ones, and a
        // `Content-Length` that would keep the platform from compressing the body).
        let headers = Headers::new();
        for name in ["Content-Type", "Cache-Control", "ETag", "Last-Modified"] {
            if let Some(value) = cached.headers().get(name)? {
                headers.set(name, &value)?;
            }
        }
        return Ok(Response::builder()
            .with_headers(headers)
            .fixed(cached.bytes().await?));
    }

    let (body, meta) =
        match crate::cache::get_text_with_meta::<Published>(env, &format.kv_key()).await {
            Some(published) => published,
            // Nothing published yet, or KV failing: computed from D1, published after the
            // response.
            None => {
                let mut files = compute_files(env).await?;
                for (format, (body, published)) in Format::ALL.iter().zip(&files) {
                    crate::cache::put_after_response(
                        env,
                        format.kv_key(),
                        body.clone(),
                        Some(published),
                        None,
                    );
                }
                files.swap_remove(Format::ALL.iter().position(|f| *f == format).unwrap_or(0))
            }
        };
    let headers = Headers::new();
    headers.set("Content-Type", format.content_type())?;
    headers.set("Cache-Control", CACHE_CONTROL)?;
    headers.set("ETag", &meta.etag)?;
    headers.set("Last-Modified", &meta.computed_at)?;
    let mut response = Response::builder()
        .with_headers(headers)
        .fixed(body.into_bytes());
    cache.put(cache_key.as_str(), response.cloned()?).await?;
    if if_none_match.is_some_and(|inm| http::etag_matches(&inm, &meta.etag)) {
        return Ok(http::not_modified(&meta.etag, CACHE_CONTROL));
    }
    Ok(response)
}

/// Computes both files and publishes them to KV (the cron).
pub async fn publish(env: &Env) -> Result<(), ApiError> {
    let files = compute_files(env).await?;
    for (format, (body, published)) in Format::ALL.iter().zip(&files) {
        let metadata = serde_json::to_value(published).map_err(unexpected)?;
        crate::cache::put(
            env,
            &format.kv_key(),
            body,
            crate::cache::Put {
                metadata: Some(metadata),
                ttl_seconds: None,
            },
        )
        .await;
    }
    Ok(())
}

/// Both files, in the order of [`Format::ALL`].
async fn compute_files(env: &Env) -> Result<Vec<(String, Published)>, ApiError> {
    let rows = compute(env).await?;
    let computed_at = http_date(clock::now());
    let mut files = Vec::new();
    for format in Format::ALL {
        let body = render(&rows, format)?;
        let published = Published {
            etag: http::strong_etag(body.as_bytes()),
            computed_at: computed_at.clone(),
        };
        files.push((body, published));
    }
    worker::console_log!("open-data: computed {} receptions", rows.len());
    Ok(files)
}

fn render(rows: &[OpenDataRow], format: Format) -> Result<String, ApiError> {
    match format {
        // `api::open_data::OpenDataList`'s shape, without copying the rows into one.
        Format::Json => {
            #[derive(Serialize)]
            struct List<'a> {
                receptions: &'a [OpenDataRow],
            }
            serde_json::to_string(&List { receptions: rows }).map_err(unexpected)
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            for row in rows {
                writer.serialize(row).map_err(unexpected)?;
            }
            let bytes = writer.into_inner().map_err(unexpected)?;
            String::from_utf8(bytes).map_err(unexpected)
        }
    }
}

/// RFC 9110 IMF-fixdate, for `Last-Modified`.
fn http_date(t: time::OffsetDateTime) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[usize::from(t.weekday().number_days_from_monday())],
        t.day(),
        MONTHS[usize::from(u8::from(t.month())) - 1],
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Every office's receptions of the coming weeks, with their places taken and states now.
async fn compute(env: &Env) -> Result<Vec<OpenDataRow>, ApiError> {
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

    Ok(stored
        .iter()
        .filter_map(|r| {
            let official = officials.get(r.reception.official_id.as_str())?;
            let office = offices.get(official.office_id.as_str())?;
            Some(row(r, office, official, now))
        })
        .collect())
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

#[cfg(test)]
mod tests {
    use super::http_date;
    use time::macros::datetime;

    #[test]
    fn last_modified_is_an_imf_fixdate() {
        assert_eq!(
            http_date(datetime!(2026-12-07 00:05:09 +05:00)),
            "Sun, 06 Dec 2026 19:05:09 GMT"
        );
    }
}
