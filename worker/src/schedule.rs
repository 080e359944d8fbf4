//! Reception schedules: `GET /api/v1/offices/{id}/schedule` and `GET /api/v1/receptions`.
//!
//! The dated receptions are computed by `rules::schedule` from the schedules in D1 (never on
//! a day off), created in D1 on demand so that bookings can count places, and published per
//! office and day as a KV snapshot. The registration state of each reception is decided
//! against the Worker's clock (`rules::window`) when the answer is computed, and the answer
//! is kept no longer than those states hold (`schedule_answer`), so it never shows a stale
//! "open".

use crate::error::ApiError;
use crate::{cache, clock, http, schedule_answer};
use api::schedule::{
    Official, Reception, ReceptionCentre, ReceptionList, ScheduleBody, ScheduleOffice,
    ScheduledReception, VideoOnly,
};
use api::ErrorCode;
use rules::calendar::Calendar;
use rules::schedule::{
    parse_hhmm, parse_row, upcoming, Capacity, Occurrence, Schedule, ScheduleRow,
};
use rules::window::{state_at, window, RegistrationState, Window};
use rules::{LocalizedText, OfficeId, OfficialKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::Date;
use worker::{Env, Request, Response};

use rules::schedule::UPCOMING_WEEKS as WEEKS;
const CACHE: &str = "public, max-age=60";
/// Snapshots are per day; old days expire on their own.
const SNAPSHOT_TTL_SECONDS: u64 = 2 * 24 * 3600;

pub const ROW_COLUMNS: &str = "o.office_id, o.id AS official_id, o.official_kind, o.surname, \
    o.given_name, o.patronymic, o.position_kk, o.position_ru, o.position_en, o.competence_kk, \
    o.competence_ru, o.competence_en, s.id AS schedule_id, s.recurrence, s.start, s.\"end\", \
    s.place, s.place_name_kk, s.place_name_ru, s.place_name_en, s.place_address_kk, \
    s.place_address_ru, s.place_address_en, s.format, s.capacity, s.valid_from, s.valid_to, \
    s.cancelled, s.moved, s.sample";

/// What KV keeps for an office and a day: everything but the registration states (and the
/// places taken, read fresh from D1).
#[derive(Serialize, Deserialize)]
pub struct Snapshot {
    pub office: ScheduleOffice,
    pub officials: Vec<Official>,
    pub receptions: Vec<StoredReception>,
    pub sample: bool,
}

/// A reception as KV and the `bookings.reception` column keep it: the contract's reception
/// with the official's kind (for its registration window) and its places.
#[derive(Serialize, Deserialize, Clone)]
pub struct StoredReception {
    #[serde(flatten)]
    pub reception: Reception,
    pub kind: OfficialKind,
    pub capacity: Capacity,
    pub booked: u32,
}

/// Whether a request made at `now` can take the reception (R3.a, R16, R34, R37).
pub fn registration(r: &StoredReception, now: time::OffsetDateTime) -> RegistrationState {
    state_at(
        Calendar::kazakhstan(),
        r.kind,
        r.reception.date,
        r.reception.start.time(),
        now,
    )
}

/// A reception as the API shows it: the stored fields and its registration state now.
pub fn public(r: &StoredReception, now: time::OffsetDateTime) -> ScheduledReception {
    ScheduledReception {
        reception: r.reception.clone(),
        capacity: r.capacity,
        booked: r.booked,
        registration: registration(r, now).into(),
    }
}

fn snapshot_key(id: &OfficeId, day: Date) -> String {
    format!("schedule:{id}:{day}")
}

/// The office's published snapshot for today; built from D1 on a miss (or when KV fails),
/// and published after the response.
pub async fn snapshot(env: &Env, id: &OfficeId) -> Result<Snapshot, ApiError> {
    let today = clock::today();
    let key = snapshot_key(id, today);
    if let Some(s) = cache::get_json::<Snapshot>(env, &key).await {
        return Ok(s);
    }
    let s = build(env, id, today).await?;
    let json = serde_json::to_string(&s).map_err(|e| ApiError::Unexpected(e.to_string()))?;
    cache::put_after_response(env, key, json, None::<()>, Some(SNAPSHOT_TTL_SECONDS));
    Ok(s)
}

/// The cron, before midnight in Kazakhstan: tomorrow's snapshot of every office that has
/// schedules, so that no request of the new day builds one. Offices without schedules
/// are built on their first request (nothing to materialise). The number written.
pub async fn prepare_tomorrow(env: &Env) -> Result<usize, ApiError> {
    #[derive(Deserialize)]
    struct Office {
        office_id: String,
    }
    let tomorrow = clock::today() + time::Duration::days(1);
    let offices = env
        .d1("DB")?
        .prepare("SELECT DISTINCT office_id FROM schedules ORDER BY office_id")
        .all()
        .await?
        .results::<Office>()?;
    let mut written = 0;
    for office in offices {
        let Ok(id) = OfficeId::parse(&office.office_id) else {
            continue;
        };
        let s = build(env, &id, tomorrow).await?;
        let json = serde_json::to_string(&s).map_err(|e| ApiError::Unexpected(e.to_string()))?;
        cache::put(
            env,
            &snapshot_key(&id, tomorrow),
            &json,
            cache::Put {
                metadata: None,
                ttl_seconds: Some(SNAPSHOT_TTL_SECONDS),
            },
        )
        .await;
        written += 1;
    }
    Ok(written)
}

/// The office's schedule with the places taken and the registration states now: the kept
/// answer while it holds (`schedule_answer`), else computed and kept — by one request of the
/// isolate at a time, the others waiting for its answer.
pub async fn office_schedule(
    req: &Request,
    env: &Env,
    id: &OfficeId,
) -> Result<Response, ApiError> {
    loop {
        if let Some(answer) = schedule_answer::kept(id, clock::now()) {
            return answer.respond(req, CACHE);
        }
        match schedule_answer::begin(id) {
            Some(computing) => {
                let answer = compute(env, id).await;
                drop(computing);
                return answer?.respond(req, CACHE);
            }
            // Another request computes it: looked for again shortly (then computed here if
            // it was not kept after all: failed, or forgotten by a write meanwhile).
            None => worker::Delay::from(schedule_answer::WAIT).await,
        }
    }
}

async fn compute(env: &Env, id: &OfficeId) -> Result<schedule_answer::Answer, ApiError> {
    let start = schedule_answer::start();
    let mut snapshot = snapshot(env, id).await?;
    // The snapshot keeps everything that changes only on import; the places taken change
    // with every booking, so they are read fresh from D1 (one indexed query).
    let booked = booked_between(
        env,
        id,
        clock::today(),
        clock::today() + time::Duration::weeks(i64::from(WEEKS)),
    )
    .await?;
    for r in &mut snapshot.receptions {
        r.booked = booked.get(&r.reception.id).copied().unwrap_or(0);
    }
    let now = clock::now();
    let next_change = next_change(&snapshot.receptions, now);
    let body = ScheduleBody {
        receptions: snapshot.receptions.iter().map(|r| public(r, now)).collect(),
        office: snapshot.office,
        officials: snapshot.officials,
        sample: snapshot.sample,
    };
    let body = serde_json::to_string(&body).map_err(|e| ApiError::Unexpected(e.to_string()))?;
    worker::console_log!("schedule: computed {id}");
    let answer = schedule_answer::Answer::new(body);
    schedule_answer::keep(id, start, now, next_change, &answer);
    Ok(answer)
}

/// The earliest instant after `now` at which one of the receptions' registration states
/// changes: its window closes (R16, R34) or it starts.
fn next_change(
    receptions: &[StoredReception],
    now: time::OffsetDateTime,
) -> Option<time::OffsetDateTime> {
    receptions
        .iter()
        .filter_map(|r| {
            match window(
                Calendar::kazakhstan(),
                r.kind,
                r.reception.date,
                r.reception.start.time(),
            ) {
                Window::Registration(w) => [w.closes_at(), w.starts_at()]
                    .into_iter()
                    .find(|t| *t > now),
                Window::WalkIn | Window::NoRegistration(_) => None,
            }
        })
        .min()
}

/// Loads the office's officials and schedules from D1 through the same parser the import
/// validated them with.
pub async fn load(
    env: &Env,
    office: Option<&OfficeId>,
) -> Result<Vec<(rules::schedule::Official, Schedule)>, ApiError> {
    let db = env.d1("DB")?;
    let query = format!(
        "SELECT {ROW_COLUMNS} FROM schedules s JOIN officials o ON o.id = s.official_id {} \
         ORDER BY o.id, s.id",
        if office.is_some() {
            "WHERE s.office_id = ?1"
        } else {
            ""
        }
    );
    let statement = db.prepare(query);
    let statement = match office {
        Some(id) => statement.bind(&[id.as_str().into()])?,
        None => statement,
    };
    let rows = statement.all().await?.results::<ScheduleRow>()?;
    rows.iter()
        .map(|row| {
            parse_row(row).map_err(|errors| {
                ApiError::Unexpected(format!(
                    "schedule row {} in D1: {errors:?}",
                    row.schedule_id
                ))
            })
        })
        .collect()
}

async fn build(env: &Env, id: &OfficeId, today: Date) -> Result<Snapshot, ApiError> {
    let office = crate::offices::find(env, id)
        .await?
        .ok_or(ApiError::NotFound { field: Some("id") })?;
    let pairs = load(env, Some(id)).await?;
    let occurrences = upcoming(
        pairs.iter().map(|(_, s)| s),
        Calendar::kazakhstan(),
        today,
        WEEKS,
    );
    let kinds: HashMap<String, OfficialKind> = pairs
        .iter()
        .map(|(o, _)| (o.id.to_string(), o.kind))
        .collect();
    let booked = materialise(env, id, &occurrences).await?;
    let mut officials: Vec<Official> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (official, _) in &pairs {
        if seen.insert(official.id.to_string()) {
            officials.push(Official::from(official));
        }
    }
    let receptions = occurrences
        .iter()
        .map(|o| stored(o, &kinds, &booked))
        .collect::<Result<Vec<_>, _>>()?;
    let settings = settings(env, id).await?;
    Ok(Snapshot {
        office: ScheduleOffice {
            id: office.id,
            level: office.level,
            name: office.name,
            video_only: settings.video_only,
            reception_centre: settings.centre,
            responsible_phone: settings.responsible_phone,
        },
        sample: !pairs.is_empty() && pairs.iter().all(|(o, _)| o.sample),
        officials,
        receptions,
    })
}

pub fn stored(
    o: &Occurrence,
    kinds: &HashMap<String, OfficialKind>,
    booked: &HashMap<String, u32>,
) -> Result<StoredReception, ApiError> {
    let reception = Reception::from(o);
    Ok(StoredReception {
        kind: *kinds
            .get(o.official_id().as_str())
            .ok_or_else(|| ApiError::Unexpected(format!("no official for {}", reception.id)))?,
        capacity: o.capacity(),
        booked: booked.get(&reception.id).copied().unwrap_or(0),
        reception,
    })
}

#[derive(Deserialize)]
struct Booked {
    id: String,
    booked: u32,
}

/// Creates the receptions that do not exist yet (so a booking finds its row) and returns the
/// booked counts of the office's receptions. Only the missing rows are written: concurrent
/// misses of one office read, and rewrite nothing (the cron has created the rows already).
async fn materialise(
    env: &Env,
    office: &OfficeId,
    occurrences: &[Occurrence],
) -> Result<HashMap<String, u32>, ApiError> {
    let Some(first) = occurrences.iter().map(|o| o.date()).min() else {
        return Ok(HashMap::new());
    };
    let rows = env
        .d1("DB")?
        .prepare("SELECT id, booked FROM receptions WHERE office_id = ?1 AND date >= ?2")
        .bind(&[office.as_str().into(), clock::iso(first).into()])?
        .all()
        .await?
        .results::<Booked>()?;
    let existing: std::collections::HashSet<&str> = rows.iter().map(|b| b.id.as_str()).collect();
    insert(
        env,
        occurrences
            .iter()
            .filter(|o| !existing.contains(o.reception_id().as_str()))
            .map(|o| (office, o)),
    )
    .await?;
    Ok(rows
        .iter()
        .filter(|b| b.booked > 0)
        .map(|b| (b.id.clone(), b.booked))
        .collect())
}

/// The cron trigger's work: the next weeks' receptions of every office.
pub async fn materialise_all(env: &Env) -> Result<(), ApiError> {
    let pairs = load(env, None).await?;
    let office_of: HashMap<&str, &OfficeId> = pairs
        .iter()
        .map(|(o, _)| (o.id.as_str(), &o.office_id))
        .collect();
    let occurrences = upcoming(
        pairs.iter().map(|(_, s)| s),
        Calendar::kazakhstan(),
        clock::today(),
        WEEKS,
    );
    insert(
        env,
        occurrences
            .iter()
            .filter_map(|o| Some((*office_of.get(o.official_id().as_str())?, o))),
    )
    .await
}

/// `INSERT OR IGNORE` in batches of 100 (each one transaction in D1): rows that exist keep
/// their booked counts.
async fn insert<'a>(
    env: &Env,
    receptions: impl Iterator<Item = (&'a OfficeId, &'a Occurrence)>,
) -> Result<(), ApiError> {
    let db = env.d1("DB")?;
    let mut statements = Vec::new();
    for (office, o) in receptions {
        statements.push(
            db.prepare(
                "INSERT OR IGNORE INTO receptions (id, schedule_id, office_id, official_id, date, capacity) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .bind(&[
                o.reception_id().into(),
                o.schedule_id().as_str().into(),
                office.as_str().into(),
                o.official_id().as_str().into(),
                clock::iso(o.date()).into(),
                f64::from(o.capacity().get()).into(),
            ])?,
        );
    }
    for chunk in statements.chunks(100) {
        db.batch(chunk.to_vec()).await?;
    }
    Ok(())
}

#[derive(Deserialize)]
struct SettingsRow {
    video_only_reason_kk: Option<String>,
    video_only_reason_ru: Option<String>,
    video_only_reason_en: Option<String>,
    centre_opens: Option<String>,
    centre_closes: Option<String>,
    centre_room_kk: Option<String>,
    centre_room_ru: Option<String>,
    centre_room_en: Option<String>,
    responsible_phone: Option<String>,
}

/// What an office publishes with its schedule (`office_settings`).
#[derive(Default)]
pub struct Settings {
    /// R11.
    pub video_only: Option<VideoOnly>,
    /// R39-1.
    pub centre: Option<ReceptionCentre>,
    /// The Order's para 2(1).
    pub responsible_phone: Option<String>,
}

pub async fn settings(env: &Env, id: &OfficeId) -> Result<Settings, ApiError> {
    let row: Option<SettingsRow> = env
        .d1("DB")?
        .prepare(
            "SELECT video_only_reason_kk, video_only_reason_ru, video_only_reason_en, \
             centre_opens, centre_closes, centre_room_kk, centre_room_ru, centre_room_en, \
             responsible_phone FROM office_settings WHERE office_id = ?1",
        )
        .bind(&[id.as_str().into()])?
        .first(None)
        .await?;
    let Some(row) = row else {
        return Ok(Settings::default());
    };
    let video = match (
        row.video_only_reason_kk,
        row.video_only_reason_ru,
        row.video_only_reason_en,
    ) {
        (Some(kk), Some(ru), Some(en)) => Some(VideoOnly {
            reason: LocalizedText { kk, ru, en },
        }),
        _ => None,
    };
    let room = match (row.centre_room_kk, row.centre_room_ru, row.centre_room_en) {
        (Some(kk), Some(ru), Some(en)) => Some(LocalizedText { kk, ru, en }),
        _ => None,
    };
    let centre = match (row.centre_opens, row.centre_closes) {
        (Some(opens), Some(closes)) => match (parse_hhmm(&opens), parse_hhmm(&closes)) {
            (Some(opens), Some(closes)) => Some(ReceptionCentre {
                opens,
                closes,
                room,
            }),
            // Not HH:MM: not published, rather than a broken schedule page.
            _ => {
                worker::console_error!("office_settings {id}: centre hours are not HH:MM");
                None
            }
        },
        _ => None,
    };
    Ok(Settings {
        video_only: video,
        centre,
        responsible_phone: row.responsible_phone,
    })
}

/// Ranges longer than a quarter are refused: open data covers the rest.
const MAX_RANGE_DAYS: i64 = 92;

fn invalid(code: ErrorCode, field: &str) -> ApiError {
    ApiError::Invalid {
        code,
        field: field.to_owned(),
    }
}

fn date_param(params: &HashMap<String, String>, name: &str) -> Result<Option<Date>, ApiError> {
    match params.get(name) {
        None => Ok(None),
        Some(v) => clock::parse_iso(v)
            .map(Some)
            .ok_or_else(|| invalid(ErrorCode::InvalidDate, name)),
    }
}

/// `GET /api/v1/receptions?office=…&official=…&from=YYYY-MM-DD&to=YYYY-MM-DD`
pub async fn receptions(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let url = req.url()?;
    let params: HashMap<String, String> = url.query_pairs().into_owned().collect();
    if let Some(unknown) = params
        .keys()
        .find(|k| !["office", "official", "from", "to"].contains(&k.as_str()))
    {
        return Err(invalid(ErrorCode::UnknownParameter, unknown));
    }
    let office = params
        .get("office")
        .ok_or_else(|| invalid(ErrorCode::Required, "office"))?;
    let office = OfficeId::parse(office).map_err(|_| invalid(ErrorCode::Invalid, "office"))?;
    let today = clock::today();
    let from = date_param(&params, "from")?.unwrap_or(today);
    let to = date_param(&params, "to")?.unwrap_or(from + time::Duration::days(55));
    if to < from {
        return Err(invalid(ErrorCode::BeforeFrom, "to"));
    }
    if (to - from).whole_days() > MAX_RANGE_DAYS {
        return Err(invalid(ErrorCode::RangeTooLong, "to"));
    }
    if crate::offices::find(env, &office).await?.is_none() {
        return Err(ApiError::NotFound {
            field: Some("office"),
        });
    }
    let pairs = load(env, Some(&office)).await?;
    let official = params.get("official");
    if let Some(wanted) = official {
        // A value that cannot be an id is a malformed request; a well-formed unknown one is
        // simply not there.
        if rules::schedule::OfficialId::parse(wanted).is_err() {
            return Err(invalid(ErrorCode::Invalid, "official"));
        }
        if !pairs.iter().any(|(o, _)| o.id.as_str() == wanted) {
            return Err(ApiError::NotFound {
                field: Some("official"),
            });
        }
    }
    let kinds: HashMap<String, OfficialKind> = pairs
        .iter()
        .map(|(o, _)| (o.id.to_string(), o.kind))
        .collect();
    let calendar = Calendar::kazakhstan();
    let mut occurrences: Vec<Occurrence> = pairs
        .iter()
        .filter(|(o, _)| official.is_none_or(|w| o.id.as_str() == w))
        .flat_map(|(_, s)| s.occurrences(calendar, from, to))
        .collect();
    occurrences.sort_by(|a, b| {
        (a.date(), a.hours().start(), a.reception_id()).cmp(&(
            b.date(),
            b.hours().start(),
            b.reception_id(),
        ))
    });
    let booked = booked_between(env, &office, from, to).await?;
    let stored: Vec<StoredReception> = occurrences
        .iter()
        .map(|o| stored(o, &kinds, &booked))
        .collect::<Result<_, _>>()?;
    let now = clock::now();
    let body = ReceptionList {
        receptions: stored.iter().map(|r| public(r, now)).collect(),
    };
    let mut response = http::json(200, &body);
    response.headers_mut().set("Cache-Control", CACHE)?;
    Ok(response)
}

async fn booked_between(
    env: &Env,
    office: &OfficeId,
    from: Date,
    to: Date,
) -> Result<HashMap<String, u32>, ApiError> {
    let rows = env
        .d1("DB")?
        .prepare("SELECT id, booked FROM receptions WHERE office_id = ?1 AND date BETWEEN ?2 AND ?3 AND booked > 0")
        .bind(&[
            office.as_str().into(),
            clock::iso(from).into(),
            clock::iso(to).into(),
        ])?
        .all()
        .await?
        .results::<Booked>()?;
    Ok(rows.into_iter().map(|b| (b.id, b.booked)).collect())
}

/// Booked counts of every reception from `from` on (open data).
pub async fn booked_from(env: &Env, from: Date) -> Result<HashMap<String, u32>, ApiError> {
    let rows = env
        .d1("DB")?
        .prepare("SELECT id, booked FROM receptions WHERE date >= ?1 AND booked > 0")
        .bind(&[clock::iso(from).into()])?
        .all()
        .await?
        .results::<Booked>()?;
    Ok(rows.into_iter().map(|b| (b.id, b.booked)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What the code before the contract wrote to KV (`schedule:{office}:{day}`) and to
    /// `bookings.reception` still reads, and is written back the same.
    #[test]
    fn stored_snapshots_and_receptions_still_read() {
        let reception = json!({"id": "gpo-pg-monthly-20261209", "official_id": "gpo-pg",
            "kind": "prosecutor_general", "date": "2026-12-09",
            "start": "2026-12-09T10:00:00+05:00", "end": "2026-12-09T13:00:00+05:00",
            "place": {"kind": "outreach", "name": {"kk": "a", "ru": "b", "en": "c"},
                      "address": {"kk": "a", "ru": "b", "en": "c"}},
            "format": "in_person", "capacity": 10, "booked": 3});
        let stored: StoredReception = serde_json::from_value(reception.clone()).unwrap();
        assert_eq!(stored.kind, OfficialKind::ProsecutorGeneral);
        assert_eq!(serde_json::to_value(&stored).unwrap(), reception);
        let snapshot = json!({
            "office": {"id": "gpo", "level": "general",
                       "name": {"kk": "a", "ru": "b", "en": "c"},
                       "video_only": null,
                       "reception_centre": {"opens": "09:00", "closes": "18:30"}},
            "officials": [{"id": "gpo-pg", "kind": "prosecutor_general", "surname": "Үлгі",
                           "given_name": "Асқар", "patronymic": null,
                           "position": {"kk": "a", "ru": "b", "en": "c"},
                           "competence": [], "sample": true}],
            "receptions": [reception],
            "sample": true});
        let read: Snapshot = serde_json::from_value(snapshot.clone()).unwrap();
        assert_eq!(serde_json::to_value(&read).unwrap(), snapshot);
    }
}
