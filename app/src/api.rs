//! Calls to the Worker's API, read as the contract's types (`api`): no wire struct is
//! defined in the SPA. Errors are kinds the UI can explain, never raw messages.

use gloo_net::http::{Request, RequestBuilder};
use rules::{Office, OfficeId};
use serde::de::DeserializeOwned;

pub use ::api::offices::OfficeDetail;
pub use ::api::schedule::{Official, ScheduleBody as Schedule, ScheduledReception as Reception};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// The API answered 404: nothing exists at that id.
    NotFound,
    /// No answer (offline, dropped connection): worth retrying.
    Network,
    /// The server answered with an error or something unreadable.
    Server,
}

/// An answer's body as the contract's type `T`; unreadable is the server's fault.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, FetchError> {
    serde_json::from_str(text).map_err(|_| FetchError::Server)
}

async fn get_json<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, FetchError> {
    let response = request.send().await.map_err(|_| FetchError::Network)?;
    crate::offline::note(response.headers().get(crate::offline::STORED_AT));
    match response.status() {
        200 => read(&response.text().await.map_err(|_| FetchError::Network)?),
        404 => Err(FetchError::NotFound),
        _ => Err(FetchError::Server),
    }
}

pub async fn offices() -> Result<Vec<Office>, FetchError> {
    get_json::<::api::offices::OfficeList>(Request::get("/api/v1/offices"))
        .await
        .map(|b| b.offices)
}

pub async fn office(id: String) -> Result<OfficeDetail, FetchError> {
    // Ids that cannot exist are not sent to the server at all.
    let id = OfficeId::parse(&id).map_err(|_| FetchError::NotFound)?;
    get_json::<::api::offices::OfficeBody>(Request::get(&format!("/api/v1/offices/{id}")))
        .await
        .map(|b| b.office)
}

/// `GET /api/v1/offices/{id}/schedule`: who receives at an office and the receptions of the
/// next weeks, each with its registration state computed by `rules` on the Worker's clock.
pub async fn schedule(id: String) -> Result<Schedule, FetchError> {
    let id = OfficeId::parse(&id).map_err(|_| FetchError::NotFound)?;
    // Revalidated every time (a cheap 304 with the ETag), so that the places a booking or a
    // cancel has just taken or freed show at once despite `max-age`.
    get_json(
        Request::get(&format!("/api/v1/offices/{id}/schedule"))
            .cache(web_sys::RequestCache::NoCache),
    )
    .await
}

/// The office's iCalendar feed (RFC 5545), for a phone's calendar.
pub fn schedule_ics_url(id: &str) -> String {
    format!("/api/v1/offices/{id}/schedule.ics")
}

/// One reception as an iCalendar file, to add that reception alone.
pub fn reception_ics_url(office: &str, reception: &str, lang: rules::Lang) -> String {
    format!(
        "/api/v1/offices/{office}/schedule.ics?reception={reception}&lang={}",
        lang.code()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::api::Lenient;
    use rules::schedule::{Format, PlaceKind};
    use rules::window::{ClosedReason, RegistrationState, WindowClause};

    /// The example of the contract (`GET /api/v1/offices/{id}/schedule`) reads, and a state
    /// this version does not know does not break the page.
    #[test]
    fn schedule_contract_example_deserialises() {
        let closed = ClosedReason::WindowPassed {
            clause: WindowClause::R16,
        };
        let registration =
            serde_json::to_string(&RegistrationState::Closed { reason: closed }).unwrap();
        let json = r#"{
          "office": {"id": "gpo", "level": "general",
                     "name": {"kk": "Бас прокуратура", "ru": "Генеральная прокуратура", "en": "GPO"},
                     "video_only": {"reason": {"kk": "к", "ru": "р", "en": "e"}},
                     "reception_centre": {"opens": "09:00", "closes": "18:30"}},
          "officials": [{"id": "gpo-pg", "kind": "prosecutor_general", "surname": "Үлгі",
                         "given_name": "Асқар", "patronymic": null,
                         "position": {"kk": "Бас Прокурор", "ru": "Генеральный Прокурор", "en": "PG"},
                         "competence": [], "sample": true}],
          "receptions": [
            {"id": "gpo-pg-monthly-20261209", "official_id": "gpo-pg", "date": "2026-12-09",
             "start": "2026-12-09T10:00:00+05:00", "end": "2026-12-09T13:00:00+05:00",
             "place": {"kind": "office"}, "format": "in_person",
             "capacity": 10, "booked": 3,
             "registration": {"state": "open", "closes_at": "2026-12-04T18:30:00+05:00"}},
            {"id": "gpo-pg-monthly-20261210", "official_id": "gpo-pg", "date": "2026-12-10",
             "start": "2026-12-10T10:00:00+05:00", "end": "2026-12-10T13:00:00+05:00",
             "place": {"kind": "outreach", "name": {"kk": "а", "ru": "б", "en": "c"},
                       "address": {"kk": "а", "ru": "б", "en": "c"}},
             "format": "video", "capacity": 10, "booked": 10,
             "registration": CLOSED},
            {"id": "gpo-pg-monthly-20261214", "official_id": "gpo-pg", "date": "2026-12-14",
             "start": "2026-12-14T10:00:00+05:00", "end": "2026-12-14T13:00:00+05:00",
             "place": {"kind": "reception_centre"},
             "format": "in_person", "capacity": 10, "booked": 0,
             "registration": {"state": "waitlist"}}
          ],
          "sample": true}"#
            .replace("CLOSED", &registration);
        let s: Schedule = read(&json).unwrap();
        assert!(s.sample && s.office.video_only.is_some());
        assert_eq!(s.officials[0].full_name(), "Үлгі Асқар");
        let r = &s.receptions;
        assert_eq!(r[0].reception.date.to_string(), "2026-12-09");
        assert_eq!(r[0].places_left(), 7);
        assert!(
            matches!(r[0].registration, Lenient::Known(RegistrationState::Open { closes_at })
            if closes_at.to_string() == "2026-12-04 18:30:00.0 +05:00:00")
        );
        assert_eq!(
            r[1].registration,
            Lenient::Known(RegistrationState::Closed { reason: closed })
        );
        assert_eq!(r[1].reception.format, Format::Video);
        assert_eq!(r[1].reception.place.kind(), PlaceKind::Outreach);
        assert_eq!(r[2].registration.known(), None);
    }
}
