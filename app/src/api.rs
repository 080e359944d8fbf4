//! Calls to the Worker's API. Errors are kinds the UI can explain, never raw messages.

use gloo_net::http::Request;
use rules::{LocalizedText, Office, OfficeId, OfficeLevel};
use serde::de::DeserializeOwned;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// The API answered 404: nothing exists at that id.
    NotFound,
    /// No answer (offline, dropped connection): worth retrying.
    Network,
    /// The server answered with an error or something unreadable.
    Server,
}

#[derive(Debug, Clone, Deserialize)]
struct OfficesBody {
    offices: Vec<Office>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct OfficeRef {
    pub id: OfficeId,
    #[allow(dead_code)] // part of the wire format; the page shows only the name
    pub level: OfficeLevel,
    pub name: LocalizedText,
}

#[derive(Debug, Clone, Deserialize)]
pub struct OfficeDetail {
    #[serde(flatten)]
    pub office: Office,
    pub parent: Option<OfficeRef>,
    pub children: Vec<Office>,
}

#[derive(Debug, Clone, Deserialize)]
struct OfficeBody {
    office: OfficeDetail,
}

async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, FetchError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    match response.status() {
        200 => response.json().await.map_err(|_| FetchError::Server),
        404 => Err(FetchError::NotFound),
        _ => Err(FetchError::Server),
    }
}

pub async fn offices() -> Result<Vec<Office>, FetchError> {
    get_json::<OfficesBody>("/api/v1/offices")
        .await
        .map(|b| b.offices)
}

pub async fn office(id: String) -> Result<OfficeDetail, FetchError> {
    // Ids that cannot exist are not sent to the server at all.
    let id = OfficeId::parse(&id).map_err(|_| FetchError::NotFound)?;
    get_json::<OfficeBody>(&format!("/api/v1/offices/{id}"))
        .await
        .map(|b| b.office)
}
