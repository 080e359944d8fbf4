//! Calls to the booking endpoints (`POST /api/v1/bookings`, the manage endpoints), read as
//! the contract's types (`api::bookings`, `api::ErrorBody`). The applicant's data go out only
//! in the request body; the manage token only in the `Authorization` header, never in a URL
//! the server sees.

use crate::api::FetchError;
use ::api::bookings::BookingBody;
pub use ::api::bookings::{Booking, BookingCreated};
use ::api::{ErrorBody, ErrorCode, ErrorDetail};
use gloo_net::http::{Request, Response};
use wasm_bindgen::JsValue;

/// How long one attempt may take before it counts as a dropped connection.
const TIMEOUT_MS: i32 = 30_000;

/// The `201` of `POST /api/v1/bookings` (also kept for a reload of the confirmation).
pub fn read_created(text: &str) -> Option<BookingCreated> {
    serde_json::from_str(text).ok()
}

/// The error body of a 4xx. A body that does not read is `internal`: the UI's generic text.
/// An error code this build does not know reads too, and shows the generic text as well.
pub fn read_error(text: &str) -> ErrorDetail {
    serde_json::from_str::<ErrorBody>(text)
        .map(|b| b.error)
        .unwrap_or_else(|_| ErrorDetail {
            code: ErrorCode::Internal,
            message: String::new(),
            field: None,
            clause: None,
            grounds: None,
            alternatives: None,
        })
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
    Api(ErrorDetail),
}

/// A `fetch` with a time limit: an attempt that hangs counts as a dropped connection.
async fn send(request: gloo_net::http::RequestBuilder, body: Option<&str>) -> Option<Response> {
    send_within(request, body, TIMEOUT_MS).await
}

/// [`send`] with its own limit, in milliseconds: `None` when no answer came by then.
pub async fn send_within(
    request: gloo_net::http::RequestBuilder,
    body: Option<&str>,
    timeout_ms: i32,
) -> Option<Response> {
    let controller = web_sys::AbortController::new().ok();
    let request = request.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let request = match body {
        Some(b) => request.body(JsValue::from_str(b)).ok()?,
        None => request.build().ok()?,
    };
    let window = web_sys::window()?;
    // Kept here and dropped once the answer came (or the time ran out), so that a request
    // answered in time leaves no closure behind: polls run all day on a queue's screens.
    let abort = controller.map(|c| wasm_bindgen::closure::Closure::once(move || c.abort()));
    let handle = abort.as_ref().and_then(|abort| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                wasm_bindgen::JsCast::unchecked_ref(abort.as_ref()),
                timeout_ms,
            )
            .ok()
    });
    let response = request.send().await.ok();
    if let Some(h) = handle {
        window.clear_timeout_with_handle(h);
    }
    drop(abort);
    response
}

async fn error_of(response: &Response) -> ErrorDetail {
    read_error(&response.text().await.unwrap_or_default())
}

/// A proof of work for one booking (crate::proof_of_work): the value of
/// `X-Qabyldau-Challenge`, or none when this browser cannot solve one (the server's
/// `challenge_required` then says why). No answer from the server is a network failure.
pub async fn proof_of_work() -> Result<Option<String>, SubmitError> {
    let request = Request::get("/api/v1/challenge").cache(web_sys::RequestCache::NoStore);
    let response = send(request, None).await.ok_or(SubmitError::Network)?;
    if response.status() != 200 {
        return Err(SubmitError::Server);
    }
    let challenge: ::api::challenge::Challenge =
        response.json().await.map_err(|_| SubmitError::Server)?;
    Ok(crate::proof_of_work::solved(&challenge).await)
}

/// `POST /api/v1/bookings` with exactly `body` (the stored string, byte for byte) and `key`,
/// and the proof of work if there is one: the `201`'s text (`BookingCreated`), for the caller
/// to read what it needs of it.
pub async fn create(key: &str, body: &str, proof: Option<&str>) -> Result<String, SubmitError> {
    let mut request = Request::post("/api/v1/bookings")
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key);
    if let Some(proof) = proof {
        request = request.header(::api::challenge::HEADER, proof);
    }
    let response = send(request, Some(body))
        .await
        .ok_or(SubmitError::Network)?;
    match response.status() {
        200 | 201 => response.text().await.map_err(|_| SubmitError::Network),
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
        200 => {
            let text = response.text().await.map_err(|_| FetchError::Network)?;
            crate::api::read::<BookingBody>(&text).map(|b| b.booking)
        }
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
        409 => match error_of(&response).await.code {
            ErrorCode::ReceptionStarted | ErrorCode::RegistrationClosed => {
                Err(CancelError::Started)
            }
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
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
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
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            wasm_bindgen::JsCast::unchecked_ref(&revoke),
            30_000,
        );
    }
    Ok(())
}

/// Waits, e.g. between attempts after a dropped connection.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Whether the browser believes it is online (`navigator.onLine`: false means surely
/// offline; true may still be a dead network, which the attempts' time limit covers).
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Waits until the browser is online again, looking every second (the `online` event alone
/// is missed when it fires between two looks at the flag), for 30 seconds at most: a flag
/// wrongly stuck at "offline" then costs one more attempt every 30 seconds, not the request.
pub async fn until_online() {
    for _ in 0..30 {
        if online() {
            return;
        }
        sleep(1000).await;
    }
}

/// A new Idempotency-Key: a random UUID (crypto.randomUUID; the page is served over HTTPS
/// or from loopback, both secure contexts).
pub fn new_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
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
pub(crate) mod tests {
    use super::*;
    use ::api::Lenient;
    use rules::booking::{BookingStatus, Document};
    use rules::schedule::Format;

    /// The review clause `rules` gives a request to a regional head with clear answers.
    pub(crate) fn review_clause() -> &'static str {
        use rules::eligibility::{eligibility, questions_for, Answer, Answers};
        use rules::ruleset::{Role, RuleSet};
        use rules::OfficialKind;
        let kind = OfficialKind::RegionalHead;
        let answers: Answers = questions_for(RuleSet::current(), kind)
            .filter(|q| q.role != Role::Exception)
            .map(|q| {
                let yes = q.role == Role::Competence;
                (q.id.to_owned(), if yes { Answer::Yes } else { Answer::No })
            })
            .collect();
        let verdict = eligibility(RuleSet::current(), kind, &answers).unwrap();
        rules::booking::initial_status(kind, &verdict)
            .unwrap()
            .1
            .clause
    }

    pub(crate) fn booking(status: &str, document: &str) -> String {
        let review = review_clause();
        format!(
            r#"{{"booking":{{"code":"7K3M-9PQR-2XYZ","status":"{status}","review":{{"clause":"{review}"}},
          "reception":{{"id":"shymkent-head-weekly-20261207","office_id":"shymkent","official_id":"shymkent-head",
            "date":"2026-12-07","start":"2026-12-07T10:00:00+05:00","end":"2026-12-07T13:00:00+05:00",
            "place":{{"kind":"office"}},"format":"in_person"}},
          "format":"in_person","language":"kk","interpreter":null,"out_of_town":false,
          "documents":[{{"document":"identity_document"}},{document}],
          "created_at":"2026-11-25T10:00:00+05:00"}},
          "manage_token":"abc","manage_path":"/bookings/7K3M-9PQR-2XYZ#t=abc"}}"#
        )
    }

    /// The `201` of the contract (README "Bookings") reads; the booking holds a place.
    #[test]
    fn created_booking_deserialises() {
        let json = booking(
            "requested",
            r#"{"document":"authority","kind":"power_of_attorney"}"#,
        );
        let created = read_created(&json).unwrap();
        assert_eq!(created.booking.code, "7K3M-9PQR-2XYZ");
        assert_eq!(created.manage_token, "abc");
        assert_eq!(
            created.booking.status,
            Lenient::Known(BookingStatus::Requested)
        );
        assert!(created.booking.holds_place());
        assert!(matches!(
            created.booking.documents[1],
            Lenient::Known(Document::Authority { .. })
        ));
        assert_eq!(created.booking.reception.reception.format, Format::InPerson);
    }

    /// A status and a document a newer Worker sends still read: the booking shows, holding
    /// no place this build can vouch for.
    #[test]
    fn an_unknown_status_and_document_read_as_unknown() {
        let json = booking("on_hold", r#"{"document":"court_summons"}"#);
        let created = read_created(&json).expect("an unknown status does not fail the answer");
        assert!(matches!(created.booking.status, Lenient::Unknown(_)));
        assert!(matches!(created.booking.documents[1], Lenient::Unknown(_)));
        assert!(!created.booking.holds_place());
    }

    #[test]
    fn refusal_error_deserialises() {
        let question = "r17_4_cassation_deadline_missed";
        let clause = rules::ruleset::RuleSet::current()
            .questions
            .iter()
            .find(|q| q.id == question)
            .unwrap()
            .clause;
        let json = format!(
            r#"{{"error":{{"code":"refused","message":"…","field":"matter.answers",
          "grounds":[{{"clause":"{clause}","question":"{question}",
                      "explanation":{{"kk":"к","ru":"р","en":"e"}}}}],
          "alternatives":[{{"code":"restore_deadline","text":{{"kk":"к","ru":"р","en":"e"}}}},
                          {{"code":"something_newer","text":{{"kk":"к","ru":"р","en":"e"}}}}]}}}}"#
        );
        let e = read_error(&json);
        assert_eq!(e.code, ErrorCode::Refused);
        assert!(!e.code.is_about_a_value());
        assert_eq!(
            e.grounds.as_ref().unwrap()[0].question,
            "r17_4_cassation_deadline_missed"
        );
        let alternatives = e.alternatives.unwrap();
        assert!(alternatives[0].known().is_some());
        assert!(alternatives[1].known().is_none());
    }

    /// An error code this build does not know, or a body that does not read, is still an
    /// error the UI can word (generically), never a failure.
    #[test]
    fn an_unknown_error_code_reads() {
        let e = read_error(r#"{"error":{"code":"some_newer_code","message":"…","field":null}}"#);
        assert_eq!(e.code.code(), "some_newer_code");
        assert!(!ErrorCode::NAMED.contains(&e.code));
        assert_eq!(read_error("<html>").code, ErrorCode::Internal);
    }
}
