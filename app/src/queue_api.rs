//! Calls to the queue's public endpoints (`api::queue`), read as the contract's types. No
//! personal data is ever sent or received: a ticket is its number and its token, which is
//! kept on this device only.

use crate::api::{read, FetchError};
use ::api::queue::{QueueState, TicketRequest, TicketTaken, TicketView};
use ::api::{ErrorBody, ErrorCode};
use gloo_net::http::Request;
use rules::OfficeId;

/// Why a ticket was not issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakeError {
    /// `409 queue_closed` (R4, R39-2).
    Closed,
    /// Anything else: nothing was issued, try again.
    Failed,
}

/// `GET /api/v1/queue/{office_id}`: polled, never from a cache.
pub async fn state(office: &str) -> Result<QueueState, FetchError> {
    let office = OfficeId::parse(office).map_err(|_| FetchError::NotFound)?;
    let response = Request::get(&format!("/api/v1/queue/{office}"))
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    match response.status() {
        200 => read(&response.text().await.map_err(|_| FetchError::Network)?),
        404 => Err(FetchError::NotFound),
        _ => Err(FetchError::Server),
    }
}

/// `POST /api/v1/queue/{office_id}/tickets`.
pub async fn take(office: &str, request: &TicketRequest) -> Result<TicketTaken, TakeError> {
    let office = OfficeId::parse(office).map_err(|_| TakeError::Failed)?;
    let body = serde_json::to_string(request).map_err(|_| TakeError::Failed)?;
    // A ticket costs a proof of work, as a booking does: no one fills a day's queue.
    let challenge = Request::get("/api/v1/challenge")
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .map_err(|_| TakeError::Failed)?
        .json::<::api::challenge::Challenge>()
        .await
        .map_err(|_| TakeError::Failed)?;
    let proof = crate::proof_of_work::solved(&challenge).await;
    let mut post = Request::post(&format!("/api/v1/queue/{office}/tickets"))
        .header("Content-Type", "application/json");
    if let Some(proof) = proof {
        post = post.header(::api::challenge::HEADER, &proof);
    }
    let response = post
        .body(body)
        .map_err(|_| TakeError::Failed)?
        .send()
        .await
        .map_err(|_| TakeError::Failed)?;
    let text = response.text().await.map_err(|_| TakeError::Failed)?;
    match response.status() {
        201 => read(&text).map_err(|_| TakeError::Failed),
        409 => match serde_json::from_str::<ErrorBody>(&text) {
            Ok(e) if e.error.code == ErrorCode::QueueClosed => Err(TakeError::Closed),
            _ => Err(TakeError::Failed),
        },
        _ => Err(TakeError::Failed),
    }
}

/// `GET /api/v1/queue/{office_id}/tickets/{number}` with the ticket's token.
pub async fn ticket(office: &str, number: u32, token: &str) -> Result<TicketView, FetchError> {
    let office = OfficeId::parse(office).map_err(|_| FetchError::NotFound)?;
    let response = Request::get(&format!("/api/v1/queue/{office}/tickets/{number}"))
        .header("Authorization", &format!("Bearer {token}"))
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    match response.status() {
        200 => read(&response.text().await.map_err(|_| FetchError::Network)?),
        404 => Err(FetchError::NotFound),
        _ => Err(FetchError::Server),
    }
}

/// The token of a ticket taken on this device, by office and number (tickets are per day;
/// an old one answers `404` and the page says so).
pub fn token(office: &str, number: u32) -> Option<String> {
    crate::storage::local_get(&format!("qabyldau.ticket.{office}.{number}"))
}

pub fn keep_token(office: &str, number: u32, token: &str) {
    crate::storage::local_set(&format!("qabyldau.ticket.{office}.{number}"), token);
}
