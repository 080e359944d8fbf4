//! Calls to the queue's public endpoints (`api::queue`), read as the contract's types. No
//! personal data is ever sent or received: a ticket is its number and its token, which is
//! kept on this device only.

use crate::api::{read, FetchError};
use ::api::queue::{QueueState, TicketRequest, TicketTaken, TicketView};
use ::api::{ErrorBody, ErrorCode};
use gloo_net::http::{Request, RequestBuilder};
use rules::OfficeId;

/// Why a ticket was not issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TakeError {
    /// `409 queue_closed` (R4, R39-2).
    Closed,
    /// Anything else: nothing was issued, try again.
    Failed,
}

/// What a poll brought: the answer, the service's `429 rate_limited` with its
/// `Retry-After` (the polls of one network are limited, R39-3), or a failure.
#[derive(Debug, Clone, PartialEq)]
pub enum Polled<T> {
    Answer(T),
    Limited { retry_after: u32 },
    Failed(FetchError),
}

/// `Retry-After` in seconds, as the Worker sends it; a minute (the limiter's period) when
/// it is missing or unreadable, at most ten.
pub fn retry_after(header: Option<&str>) -> u32 {
    header
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(60)
        .min(600)
}

/// How long a poll may take: one that hangs is given up as a failure, so the page says how
/// old what it shows is instead of waiting without end (a small GET; generous on a weak
/// network).
const POLL_TIMEOUT_MS: i32 = 8_000;

/// A poll's GET, never from a cache.
async fn poll<T: serde::de::DeserializeOwned>(request: RequestBuilder) -> Polled<T> {
    let request = request.cache(web_sys::RequestCache::NoStore);
    let Some(response) = crate::booking_api::send_within(request, None, POLL_TIMEOUT_MS).await
    else {
        return Polled::Failed(FetchError::Network);
    };
    match response.status() {
        200 => match response.text().await {
            Ok(text) => read(&text).map_or_else(Polled::Failed, Polled::Answer),
            Err(_) => Polled::Failed(FetchError::Network),
        },
        404 => Polled::Failed(FetchError::NotFound),
        429 => Polled::Limited {
            retry_after: retry_after(response.headers().get("Retry-After").as_deref()),
        },
        _ => Polled::Failed(FetchError::Server),
    }
}

/// `GET /api/v1/queue/{office_id}`.
pub async fn state(office: &str) -> Polled<QueueState> {
    let Ok(office) = OfficeId::parse(office) else {
        return Polled::Failed(FetchError::NotFound);
    };
    poll(Request::get(&format!("/api/v1/queue/{office}"))).await
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
pub async fn ticket(office: &str, number: u32, token: &str) -> Polled<TicketView> {
    let Ok(office) = OfficeId::parse(office) else {
        return Polled::Failed(FetchError::NotFound);
    };
    poll(
        Request::get(&format!("/api/v1/queue/{office}/tickets/{number}"))
            .header("Authorization", &format!("Bearer {token}")),
    )
    .await
}

/// The token of a ticket taken on this device, by office and number (tickets are per day;
/// an old one answers `404` and the page says so).
pub fn token(office: &str, number: u32) -> Option<String> {
    crate::storage::local_get(&format!("qabyldau.ticket.{office}.{number}"))
}

pub fn keep_token(office: &str, number: u32, token: &str) {
    crate::storage::local_set(&format!("qabyldau.ticket.{office}.{number}"), token);
}

#[cfg(test)]
mod tests {
    use super::retry_after;

    #[test]
    fn r39_3_retry_after_is_the_servers_seconds_or_a_minute() {
        assert_eq!(retry_after(Some("17")), 17);
        assert_eq!(retry_after(Some(" 60 ")), 60);
        assert_eq!(retry_after(None), 60);
        assert_eq!(retry_after(Some("soon")), 60);
        assert_eq!(retry_after(Some("0")), 60);
        assert_eq!(retry_after(Some("86400")), 600);
    }
}
