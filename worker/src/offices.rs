//! The directory of offices: the list from its KV snapshot, one office from D1.

use crate::error::ApiError;
use crate::http;
use api::offices::{OfficeBody, OfficeDetail, OfficeRef};
use rules::{Directory, LocalizedText, Office, OfficeId, OfficeLevel, Snapshot, Specialisation};
use serde::{Deserialize, Serialize};
use worker::{Env, Request, Response};

/// The KV key the seed step publishes the directory under; its metadata holds the ETag.
pub const SNAPSHOT_KEY: &str = "snapshot:offices";
const LIST_CACHE: &str = "public, max-age=300, stale-while-revalidate=86400";
const OFFICE_CACHE: &str = "public, max-age=300";

const COLUMNS: &str = "id, level, parent_id, region_id, specialisation, name_kk, name_ru, \
                       name_en, address_kk, address_ru, address_en, phone";

#[derive(Deserialize, Serialize)]
struct SnapshotMeta {
    etag: String,
}

pub async fn list(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let cached = crate::cache::get_text_with_meta::<SnapshotMeta>(env, SNAPSHOT_KEY).await;
    let snapshot = match cached {
        Some((body, SnapshotMeta { etag })) => Snapshot { body, etag },
        // Not published yet, evicted, or KV failing: rebuilt from D1, the source of truth,
        // and published after the response.
        None => {
            let snapshot = Directory::new(all(env).await?)
                .map_err(|e| ApiError::Unexpected(format!("directory in D1: {e}")))?
                .snapshot();
            crate::cache::put_after_response(
                env,
                SNAPSHOT_KEY.to_owned(),
                snapshot.body.clone(),
                Some(SnapshotMeta {
                    etag: snapshot.etag.clone(),
                }),
                None,
            );
            snapshot
        }
    };
    if let Some(inm) = req.headers().get("If-None-Match")? {
        if http::etag_matches(&inm, &snapshot.etag) {
            return Ok(http::not_modified(&snapshot.etag, LIST_CACHE));
        }
    }
    let mut response = http::text(200, snapshot.body, "application/json; charset=utf-8");
    let headers = response.headers_mut();
    headers.set("ETag", &snapshot.etag)?;
    headers.set("Cache-Control", LIST_CACHE)?;
    Ok(response)
}

/// One office from D1, `None` if there is none with this id.
pub async fn find(env: &Env, id: &OfficeId) -> Result<Option<Office>, ApiError> {
    env.d1("DB")?
        .prepare(format!("SELECT {COLUMNS} FROM offices WHERE id = ?1"))
        .bind(&[id.as_str().into()])?
        .first::<OfficeRow>(None)
        .await?
        .map(OfficeRow::into_office)
        .transpose()
}

pub async fn get(env: &Env, id: &OfficeId) -> Result<Response, ApiError> {
    let db = env.d1("DB")?;
    let office = find(env, id)
        .await?
        .ok_or(ApiError::NotFound { field: Some("id") })?;
    let parent = match &office.parent_id {
        Some(pid) => db
            .prepare(format!("SELECT {COLUMNS} FROM offices WHERE id = ?1"))
            .bind(&[pid.as_str().into()])?
            .first::<OfficeRow>(None)
            .await?
            .map(OfficeRow::into_office)
            .transpose()?
            .map(OfficeRef::from),
        None => None,
    };
    let children = db
        .prepare(format!(
            "SELECT {COLUMNS} FROM offices WHERE parent_id = ?1 ORDER BY sort_order"
        ))
        .bind(&[id.as_str().into()])?
        .all()
        .await?
        .results::<OfficeRow>()?
        .into_iter()
        .map(OfficeRow::into_office)
        .collect::<Result<Vec<_>, _>>()?;
    let mut response = http::json(
        200,
        &OfficeBody {
            office: OfficeDetail {
                office,
                parent,
                children,
            },
        },
    );
    response.headers_mut().set("Cache-Control", OFFICE_CACHE)?;
    Ok(response)
}

pub async fn all(env: &Env) -> Result<Vec<Office>, ApiError> {
    env.d1("DB")?
        .prepare(format!("SELECT {COLUMNS} FROM offices ORDER BY sort_order"))
        .all()
        .await?
        .results::<OfficeRow>()?
        .into_iter()
        .map(OfficeRow::into_office)
        .collect()
}

/// One row of the `offices` table, as D1 returns it.
#[derive(Deserialize)]
struct OfficeRow {
    id: String,
    level: String,
    parent_id: Option<String>,
    region_id: Option<String>,
    specialisation: Option<String>,
    name_kk: String,
    name_ru: String,
    name_en: String,
    address_kk: Option<String>,
    address_ru: Option<String>,
    address_en: Option<String>,
    phone: Option<String>,
}

impl OfficeRow {
    /// Rows are checked on the way out too: a bad row is our bug, reported as such.
    fn into_office(self) -> Result<Office, ApiError> {
        let bad = |what: &str| ApiError::Unexpected(format!("offices row {}: bad {what}", self.id));
        let id_of = |s: &str| OfficeId::parse(s).map_err(|_| bad("id"));
        let address = match (&self.address_kk, &self.address_ru, &self.address_en) {
            (Some(kk), Some(ru), Some(en)) => Some(LocalizedText {
                kk: kk.clone(),
                ru: ru.clone(),
                en: en.clone(),
            }),
            _ => None,
        };
        Ok(Office {
            id: id_of(&self.id)?,
            level: OfficeLevel::parse(&self.level).ok_or_else(|| bad("level"))?,
            parent_id: self.parent_id.as_deref().map(id_of).transpose()?,
            region_id: self.region_id.as_deref().map(id_of).transpose()?,
            specialisation: match self.specialisation.as_deref() {
                None => None,
                Some(s) => Some(Specialisation::parse(s).ok_or_else(|| bad("specialisation"))?),
            },
            name: LocalizedText {
                kk: self.name_kk.clone(),
                ru: self.name_ru.clone(),
                en: self.name_en.clone(),
            },
            address,
            phone: self.phone.clone(),
        })
    }
}
