//! Calls to the Worker's API. Errors are kinds the UI can explain, never raw messages.

use gloo_net::http::Request;
use rules::{LocalizedText, Office, OfficeId, OfficeLevel, OfficialKind};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use time::{Date, OffsetDateTime};

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

/// `GET /api/v1/offices/{id}/schedule`: who receives at an office and the receptions of the
/// next weeks, each with its registration state computed by `rules` on the Worker's clock.
#[derive(Debug, Clone, Deserialize)]
pub struct Schedule {
    pub office: ScheduleOffice,
    #[serde(default)]
    pub officials: Vec<Official>,
    /// Sorted by start.
    #[serde(default)]
    pub receptions: Vec<Reception>,
    /// Sample data, shown as such until the office publishes its own schedule.
    #[serde(default)]
    pub sample: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ScheduleOffice {
    #[allow(dead_code)] // part of the wire format; the page knows the id from its URL
    pub id: OfficeId,
    pub level: OfficeLevel,
    pub name: LocalizedText,
    /// R11: the office receives only by video conference, for this reason.
    #[serde(default)]
    pub video_only: Option<VideoOnly>,
    /// R39-1: the Citizens' Reception Centre's daily hours, when published.
    #[serde(default)]
    pub reception_centre: Option<ReceptionCentre>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct VideoOnly {
    pub reason: LocalizedText,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReceptionCentre {
    /// "HH:MM", local time.
    pub opens: String,
    pub closes: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Official {
    pub id: String,
    pub kind: OfficialKind,
    pub surname: String,
    pub given_name: String,
    #[serde(default)]
    pub patronymic: Option<String>,
    pub position: LocalizedText,
    #[serde(default)]
    pub competence: Vec<LocalizedText>,
    #[serde(default)]
    pub sample: bool,
}

impl Official {
    /// Surname, given name and patronymic (if any), as R5 asks the schedule to name them.
    pub fn full_name(&self) -> String {
        [
            Some(self.surname.as_str()),
            Some(self.given_name.as_str()),
            self.patronymic.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Reception {
    pub id: String,
    pub official_id: String,
    #[serde(with = "rules::calendar::iso_date")]
    pub date: Date,
    /// Local time (+05:00) on the wire.
    #[serde(with = "time::serde::rfc3339")]
    pub start: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub end: OffsetDateTime,
    pub place: Place,
    pub format: Format,
    pub capacity: u32,
    pub booked: u32,
    pub registration: Registration,
}

impl Reception {
    pub fn places_left(&self) -> u32 {
        self.capacity.saturating_sub(self.booked)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Place {
    pub kind: PlaceKind,
    /// Outreach: the settlement (R29); institution: its name (R6).
    #[serde(default)]
    pub name: Option<LocalizedText>,
    #[serde(default)]
    pub address: Option<LocalizedText>,
}

/// One definition of places and formats: the wire names `rules::schedule` publishes.
pub use rules::schedule::{Format, PlaceKind};

/// Whether a request made now can take the reception. Lenient: a reason or state this
/// version does not know is still shown (as "closed" or not at all), never a broken page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Registration {
    /// Open until `closes_at` (R16, R34).
    Open {
        #[serde(with = "time::serde::rfc3339")]
        closes_at: OffsetDateTime,
    },
    Closed {
        #[serde(default)]
        reason: Option<String>,
        #[serde(default)]
        clause: Option<String>,
    },
    /// No registration: come any working day (R37).
    WalkIn,
    #[serde(other)]
    Unknown,
}

/// Why registration is closed, from the wire's `reason` and `clause`
/// (`rules::window::ClosedReason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosedWhy {
    /// R16: closes 5 days before a reception of the PG or a deputy.
    WindowPassedR16,
    /// R34: closes one day before a reception of a regional head or deputy.
    WindowPassedR34,
    Started,
    NotAWorkingDay,
    /// R14: heads of GPO units receive as the need arises.
    AsNeededR14,
    /// R28: heads of regional units and senior assistants, as the need arises.
    AsNeededR28,
    /// R14 or R28, clause not given.
    AsNeeded,
    CalendarNotAvailable,
    Unknown,
}

impl ClosedWhy {
    pub fn of(reason: Option<&str>, clause: Option<&str>) -> ClosedWhy {
        match (reason, clause) {
            (Some("window_passed"), Some("R16")) => ClosedWhy::WindowPassedR16,
            (Some("window_passed"), Some("R34")) => ClosedWhy::WindowPassedR34,
            (Some("started"), _) => ClosedWhy::Started,
            (Some("not_a_working_day"), _) => ClosedWhy::NotAWorkingDay,
            (Some("no_public_registration"), Some("R14")) => ClosedWhy::AsNeededR14,
            (Some("no_public_registration"), Some("R28")) => ClosedWhy::AsNeededR28,
            (Some("no_public_registration"), _) => ClosedWhy::AsNeeded,
            (Some("calendar_not_available"), _) => ClosedWhy::CalendarNotAvailable,
            _ => ClosedWhy::Unknown,
        }
    }
}

pub async fn schedule(id: String) -> Result<Schedule, FetchError> {
    let id = OfficeId::parse(&id).map_err(|_| FetchError::NotFound)?;
    // Revalidated every time (a cheap 304 with the ETag), so that the places a booking or a
    // cancel has just taken or freed show at once despite `max-age`.
    let response = Request::get(&format!("/api/v1/offices/{id}/schedule"))
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    match response.status() {
        200 => response.json().await.map_err(|_| FetchError::Server),
        404 => Err(FetchError::NotFound),
        _ => Err(FetchError::Server),
    }
}

/// The office's iCalendar feed (RFC 5545), for a phone's calendar.
pub fn schedule_ics_url(id: &str) -> String {
    format!("/api/v1/offices/{id}/schedule.ics")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the contract (`GET /api/v1/offices/{id}/schedule`) reads, and a state or
    /// reason this version does not know does not break the page.
    #[test]
    fn schedule_contract_example_deserialises() {
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
             "place": {"kind": "office", "name": null, "address": null}, "format": "in_person",
             "capacity": 10, "booked": 3,
             "registration": {"state": "open", "closes_at": "2026-12-04T18:30:00+05:00"}},
            {"id": "b", "official_id": "gpo-pg", "date": "2026-12-10",
             "start": "2026-12-10T10:00:00+05:00", "end": "2026-12-10T13:00:00+05:00",
             "place": {"kind": "outreach", "name": {"kk": "а", "ru": "б", "en": "c"},
                       "address": {"kk": "а", "ru": "б", "en": "c"}},
             "format": "video", "capacity": 10, "booked": 10,
             "registration": {"state": "closed", "reason": "window_passed", "clause": "R16"}},
            {"id": "c", "official_id": "gpo-pg", "date": "2026-12-11",
             "start": "2026-12-11T10:00:00+05:00", "end": "2026-12-11T13:00:00+05:00",
             "place": {"kind": "institution", "name": {"kk": "а", "ru": "б", "en": "c"}, "address": null},
             "format": "in_person", "capacity": 10, "booked": 0,
             "registration": {"state": "walk_in"}},
            {"id": "d", "official_id": "gpo-pg", "date": "2026-12-14",
             "start": "2026-12-14T10:00:00+05:00", "end": "2026-12-14T13:00:00+05:00",
             "place": {"kind": "reception_centre", "name": null, "address": null},
             "format": "in_person", "capacity": 10, "booked": 0,
             "registration": {"state": "waitlist"}}
          ],
          "sample": true}"#;
        let s: Schedule = serde_json::from_str(json).unwrap();
        assert!(s.sample && s.office.video_only.is_some());
        assert_eq!(s.officials[0].full_name(), "Үлгі Асқар");
        let r = &s.receptions;
        assert_eq!(r[0].date.to_string(), "2026-12-09");
        assert_eq!(r[0].places_left(), 7);
        assert!(matches!(r[0].registration, Registration::Open { closes_at }
            if closes_at.to_string() == "2026-12-04 18:30:00.0 +05:00:00"));
        match &r[1].registration {
            Registration::Closed { reason, clause } => assert_eq!(
                ClosedWhy::of(reason.as_deref(), clause.as_deref()),
                ClosedWhy::WindowPassedR16
            ),
            other => panic!("{other:?}"),
        }
        assert_eq!(r[1].format, Format::Video);
        assert_eq!(r[2].registration, Registration::WalkIn);
        assert_eq!(r[2].place.kind, PlaceKind::Institution);
        assert_eq!(r[3].registration, Registration::Unknown);
        assert_eq!(
            ClosedWhy::of(Some("something_new"), None),
            ClosedWhy::Unknown
        );
    }
}
