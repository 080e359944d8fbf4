//! Calls to the booking endpoints (`POST /api/v1/bookings`, the manage endpoints) and the
//! shapes of their answers. The applicant's data go out only in the request body; the
//! manage token only in the `Authorization` header, never in a URL the server sees.

use crate::api::{FetchError, Format, Place};
use gloo_net::http::{Request, Response};
use rules::booking::BookingStatus;
use rules::LocalizedText;
use serde::Deserialize;
use time::{Date, OffsetDateTime};
use wasm_bindgen::JsValue;

/// How long one attempt may take before it counts as a dropped connection.
const TIMEOUT_MS: i32 = 30_000;

/// `201 {"booking", "manage_token", "manage_path"}` and the manage endpoints' `{"booking"}`.
#[derive(Debug, Clone, Deserialize)]
pub struct Envelope {
    pub booking: Booking,
    #[serde(default)]
    pub manage_token: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Booking {
    pub code: String,
    pub status: String,
    #[serde(default)]
    pub review: Option<ReviewRef>,
    pub reception: BookedReception,
    #[serde(default)]
    pub format: Option<Format>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub interpreter: Option<String>,
    #[serde(default)]
    pub out_of_town: bool,
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
}

impl Booking {
    /// Whether the booking still holds a place (and so can be cancelled); a status this
    /// build does not know holds none.
    pub fn is_active(&self) -> bool {
        BookingStatus::parse(&self.status).is_some_and(BookingStatus::holds_place)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReviewRef {
    pub clause: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct BookedReception {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub office_id: Option<String>,
    #[serde(with = "rules::calendar::iso_date")]
    pub date: Date,
    #[serde(with = "time::serde::rfc3339")]
    pub start: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub end: OffsetDateTime,
    /// The same shape as the schedule's (`api::Place`).
    #[serde(default)]
    pub place: Option<Place>,
    #[serde(default)]
    pub format: Option<Format>,
}

/// `{"document":"identity_document"|"passport"|"authority","kind"?}` (R10).
#[derive(Debug, Clone, Deserialize)]
pub struct DocumentRef {
    pub document: String,
    #[serde(default)]
    pub kind: Option<String>,
}

/// The API's error body, `{"error":{"code","message","field",…}}`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApiError {
    pub code: String,
    #[serde(default)]
    pub field: Option<String>,
    #[serde(default)]
    pub clause: Option<String>,
    #[serde(default)]
    pub grounds: Vec<WireGround>,
    #[serde(default)]
    pub alternatives: Vec<WireAlternative>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WireGround {
    pub clause: String,
    #[serde(default)]
    pub explanation: Option<LocalizedText>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WireAlternative {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub text: Option<LocalizedText>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ApiError,
}

/// Why a submission did not produce a booking.
#[derive(Debug, Clone)]
pub enum SubmitError {
    /// No answer: the same key and body are sent again.
    Network,
    /// The server failed (5xx): retrying with the same key and body is safe.
    Server,
    /// 429: retry after so many seconds, with the same key and body.
    RateLimited(Option<u64>),
    /// A definitive answer: nothing was booked.
    Api(ApiError),
}

/// A `fetch` with a time limit: an attempt that hangs counts as a dropped connection.
async fn send(request: gloo_net::http::RequestBuilder, body: Option<&str>) -> Option<Response> {
    let controller = web_sys::AbortController::new().ok();
    let request = request.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let request = match body {
        Some(b) => request.body(JsValue::from_str(b)).ok()?,
        None => request.build().ok()?,
    };
    let handle = controller.clone().and_then(|c| {
        leptos::prelude::set_timeout_with_handle(
            move || c.abort(),
            std::time::Duration::from_millis(TIMEOUT_MS as u64),
        )
        .ok()
    });
    let response = request.send().await.ok();
    if let Some(h) = handle {
        h.clear();
    }
    response
}

async fn error_of(response: &Response) -> ApiError {
    response
        .json::<ErrorBody>()
        .await
        .map(|b| b.error)
        .unwrap_or_default()
}

/// `POST /api/v1/bookings` with exactly `body` (the stored string, byte for byte) and `key`.
/// The booking comes with the answer's text, to be kept for a reload of the confirmation.
pub async fn create(key: &str, body: &str) -> Result<(Envelope, String), SubmitError> {
    let request = Request::post("/api/v1/bookings")
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key);
    let response = send(request, Some(body))
        .await
        .ok_or(SubmitError::Network)?;
    match response.status() {
        200 | 201 => {
            let text = response.text().await.map_err(|_| SubmitError::Network)?;
            let envelope = serde_json::from_str(&text).map_err(|_| SubmitError::Server)?;
            Ok((envelope, text))
        }
        429 => Err(SubmitError::RateLimited(
            response
                .headers()
                .get("Retry-After")
                .and_then(|s| s.trim().parse().ok()),
        )),
        400..=499 => Err(SubmitError::Api(error_of(&response).await)),
        _ => Err(SubmitError::Server),
    }
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

fn booking_url(code: &str) -> String {
    let code: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!("/api/v1/bookings/{code}")
}

/// `GET /api/v1/bookings/{code}`; a wrong code or token is `NotFound`.
pub async fn get(code: &str, token: &str) -> Result<Booking, FetchError> {
    let request = Request::get(&booking_url(code))
        .header("Authorization", &bearer(token))
        .cache(web_sys::RequestCache::NoStore);
    let response = send(request, None).await.ok_or(FetchError::Network)?;
    match response.status() {
        200 => response
            .json::<Envelope>()
            .await
            .map(|e| e.booking)
            .map_err(|_| FetchError::Server),
        404 | 401 | 403 => Err(FetchError::NotFound),
        _ => Err(FetchError::Server),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CancelError {
    NotFound,
    /// 409 `reception_started`.
    Started,
    Network,
    Other,
}

/// `POST /api/v1/bookings/{code}/cancel`.
pub async fn cancel(code: &str, token: &str) -> Result<(), CancelError> {
    let request = Request::post(&format!("{}/cancel", booking_url(code)))
        .header("Authorization", &bearer(token));
    let response = send(request, None).await.ok_or(CancelError::Network)?;
    match response.status() {
        200..=299 => Ok(()),
        404 | 401 | 403 => Err(CancelError::NotFound),
        409 => match error_of(&response).await.code.as_str() {
            "reception_started" | "registration_closed" => Err(CancelError::Started),
            _ => Err(CancelError::Other),
        },
        _ => Err(CancelError::Other),
    }
}

/// `GET /api/v1/bookings/{code}/booking.ics`, saved by the browser as a file.
pub async fn download_ics(code: &str, token: &str) -> Result<(), FetchError> {
    let request = Request::get(&format!("{}/booking.ics", booking_url(code)))
        .header("Authorization", &bearer(token));
    let response = send(request, None).await.ok_or(FetchError::Network)?;
    match response.status() {
        200 => {}
        404 => return Err(FetchError::NotFound),
        _ => return Err(FetchError::Server),
    }
    let bytes = response.binary().await.map_err(|_| FetchError::Network)?;
    save_file(&bytes, &format!("qabyldau-{code}.ics"), "text/calendar")
        .map_err(|_| FetchError::Server)
}

fn save_file(bytes: &[u8], name: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement =
        wasm_bindgen::JsCast::unchecked_into(document.create_element("a")?);
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    if let Some(body) = document.body() {
        body.append_child(&a)?;
        a.click();
        body.remove_child(&a)?;
    }
    // Let the download start before the URL goes.
    let _ = leptos::prelude::set_timeout_with_handle(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Waits, e.g. between attempts after a dropped connection.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A new Idempotency-Key: a random UUID (crypto.randomUUID; the page is served over HTTPS
/// or from loopback, both secure contexts).
pub fn new_key() -> String {
    leptos::prelude::window()
        .crypto()
        .ok()
        .map(|c| c.random_uuid())
        .filter(|k| k.len() >= 8)
        .unwrap_or_else(|| {
            // Not a secure context: still unique enough for one person's drafts.
            let a = (js_sys::Math::random() * 1e16) as u64;
            let b = (js_sys::Date::now()) as u64;
            format!("k-{b:x}-{a:x}")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `201` of the contract (README "Bookings") reads.
    #[test]
    fn created_booking_deserialises() {
        let json = r#"{"booking":{"code":"QB-7K3M9P","status":"requested","review":{"clause":"R30"},
          "reception":{"id":"shymkent-head-weekly-20261207","office_id":"shymkent","official_id":"shymkent-head",
            "date":"2026-12-07","start":"2026-12-07T10:00:00+05:00","end":"2026-12-07T13:00:00+05:00",
            "place":{"kind":"office","name":null,"address":null},"format":"in_person"},
          "format":"in_person","language":"kk","interpreter":null,"out_of_town":false,
          "documents":[{"document":"identity_document"},{"document":"authority","kind":"power_of_attorney"}],
          "created_at":"2026-11-25T10:00:00+05:00"},
          "manage_token":"abc","manage_path":"/bookings/QB-7K3M9P#t=abc"}"#;
        let e: Envelope = serde_json::from_str(json).unwrap();
        assert_eq!(e.booking.code, "QB-7K3M9P");
        assert_eq!(e.manage_token.as_deref(), Some("abc"));
        assert!(e.booking.is_active());
        assert_eq!(e.booking.review.unwrap().clause, "R30");
        assert_eq!(
            e.booking.documents[1].kind.as_deref(),
            Some("power_of_attorney")
        );
        assert_eq!(e.booking.reception.format, Some(Format::InPerson));
        assert!(e.booking.reception.place.is_some());
    }

    /// A booking holds a place as `rules` says; a status this build does not know holds none.
    #[test]
    fn only_a_booking_that_holds_a_place_is_active() {
        let json = |status: &str| {
            format!(
                r#"{{"code":"QB-1","status":"{status}","reception":{{"date":"2026-12-07",
                  "start":"2026-12-07T10:00:00+05:00","end":"2026-12-07T13:00:00+05:00"}}}}"#
            )
        };
        let active = |status: &str| {
            serde_json::from_str::<Booking>(&json(status))
                .unwrap()
                .is_active()
        };
        assert!(active("requested") && active("confirmed"));
        assert!(!active("cancelled") && !active("refused") && !active("archived"));
    }

    #[test]
    fn refusal_error_deserialises() {
        let json = r#"{"error":{"code":"refused","message":"…","field":null,
          "grounds":[{"clause":"R17.4","question":"r17_4_cassation_deadline_missed",
                      "explanation":{"kk":"к","ru":"р","en":"e"}}],
          "alternatives":[{"code":"restore_deadline","text":{"kk":"к","ru":"р","en":"e"}},
                          {"code":"district_office_walk_in"}]}}"#;
        let e: ErrorBody = serde_json::from_str(json).unwrap();
        assert_eq!(e.error.code, "refused");
        assert_eq!(e.error.grounds[0].clause, "R17.4");
        assert_eq!(e.error.alternatives[0].text.as_ref().unwrap().ru, "р");
        assert!(e.error.alternatives[1].text.is_none());
    }
}
