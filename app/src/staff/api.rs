//! Calls to `/api/v1/staff/…`, read as the contract's types (`api::staff`). The session is
//! the `HttpOnly` cookie the browser keeps: nothing of it (nor any staff data) is stored by
//! the console. Every state-changing request carries `X-Qabyldau-Staff: 1` (the Worker
//! answers `403 csrf` without it); every request is same-origin and never cached.

use ::api::decisions::{
    AgreementInput, DecisionInput, ForwardInput, ReassignInput, ReleaseBody, ReleaseInput,
    RequestList, StaffBookingBody,
};
use ::api::desk::{ChannelBookingInput, DeskReceptionList, EnteredBooking, RegistrationList};
use ::api::office_admin::{
    AffectedBookings, CancelReception, MoveReception, OfficeSettings, OfficeSettingsInput,
    OfficialSchedule, ReceptionChanged, ScheduleEdit, VideoOnlySwitch,
};
use ::api::outcomes::{
    AppealBody, AssignInput, CloseInput, ControlList, DueInput, OutcomeInput, OutcomeRecorded,
};
use ::api::queue::{CallNext, Called, StaffQueue, VerifyPriority};
use ::api::staff::{
    AccountBody, AccountList, AuditPage, Enrolment, EnrolmentRequest, NewAccount, PasswordChange,
    SignIn, StaffBody, StaffMember,
};
use ::api::{ErrorBody, ErrorCode};
use gloo_net::http::{Request, RequestBuilder};
use rules::OfficeId;
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::{RequestCache, RequestCredentials};

/// Why a staff call did not give its answer. The UI names each in the person's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffError {
    /// No live session (`401 unauthenticated`): the console goes back to sign-in.
    Unauthenticated,
    /// `429 too_many_attempts` (or `rate_limited`), with `Retry-After` in seconds.
    TooMany(Option<u64>),
    /// Any other 4xx, by its code.
    Api(ErrorCode),
    /// No answer (offline, dropped connection).
    Network,
    /// A 5xx or an answer that does not read.
    Server,
}

const BASE: &str = "/api/v1/staff";

fn prepare(request: RequestBuilder, changes_state: bool) -> RequestBuilder {
    let request = request
        .credentials(RequestCredentials::SameOrigin)
        .cache(RequestCache::NoStore);
    if changes_state {
        request.header("X-Qabyldau-Staff", "1")
    } else {
        request
    }
}

/// Sends the request; `Ok` with the body's text for a 2xx.
async fn send(request: RequestBuilder, body: Option<String>) -> Result<String, StaffError> {
    send_detailed(request, body).await.map_err(|(e, _)| e)
}

/// A refusal of a form: why, and the field it names (`applicant.iin`, `rows[2].start`).
pub type Refused = (StaffError, Option<String>);

/// As [`send`], with the field a `4xx` names.
async fn send_detailed(request: RequestBuilder, body: Option<String>) -> Result<String, Refused> {
    let request = match body {
        Some(b) => request
            .header("Content-Type", "application/json")
            .body(b)
            .map_err(|_| (StaffError::Network, None))?,
        None => request.build().map_err(|_| (StaffError::Network, None))?,
    };
    let response = request
        .send()
        .await
        .map_err(|_| (StaffError::Network, None))?;
    let status = response.status();
    let retry_after = response
        .headers()
        .get("Retry-After")
        .and_then(|s| s.trim().parse().ok());
    let text = response
        .text()
        .await
        .map_err(|_| (StaffError::Network, None))?;
    classify(status, &text, retry_after).map_err(|e| (e, field_of(&text)))
}

/// The field an error body names, if any.
pub fn field_of(text: &str) -> Option<String> {
    serde_json::from_str::<ErrorBody>(text)
        .ok()
        .and_then(|b| b.error.field)
}

/// The outcome of an answer by its status and error code (pure, for the tests).
pub fn classify(status: u16, text: &str, retry_after: Option<u64>) -> Result<String, StaffError> {
    if (200..300).contains(&status) {
        return Ok(text.to_owned());
    }
    if !(400..500).contains(&status) {
        return Err(StaffError::Server);
    }
    let code = serde_json::from_str::<ErrorBody>(text)
        .map(|b| b.error.code)
        .ok();
    Err(match code {
        Some(ErrorCode::Unauthenticated) => StaffError::Unauthenticated,
        Some(ErrorCode::TooManyAttempts | ErrorCode::RateLimited) => {
            StaffError::TooMany(retry_after)
        }
        Some(code) => StaffError::Api(code),
        // A 401 without a readable body is still "no session"; a 429 still a wait.
        None if status == 401 => StaffError::Unauthenticated,
        None if status == 429 => StaffError::TooMany(retry_after),
        None => StaffError::Server,
    })
}

fn read<T: DeserializeOwned>(text: &str) -> Result<T, StaffError> {
    serde_json::from_str(text).map_err(|_| StaffError::Server)
}

fn json<T: Serialize>(body: &T) -> Option<String> {
    serde_json::to_string(body).ok()
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, StaffError> {
    read(&send(prepare(Request::get(path), false), None).await?)
}

async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, StaffError> {
    read(&send(prepare(Request::post(path), true), json(body)).await?)
}

/// `GET /api/v1/staff/me`.
pub async fn me() -> Result<StaffMember, StaffError> {
    get::<StaffBody>(&format!("{BASE}/me"))
        .await
        .map(|b| b.staff)
}

/// `POST /api/v1/staff/session`: the cookie comes with the answer.
pub async fn sign_in(body: SignIn) -> Result<StaffMember, StaffError> {
    post::<_, StaffBody>(&format!("{BASE}/session"), &body)
        .await
        .map(|b| b.staff)
}

/// `DELETE /api/v1/staff/session`.
pub async fn sign_out() -> Result<(), StaffError> {
    send(
        prepare(Request::delete(&format!("{BASE}/session")), true),
        None,
    )
    .await
    .map(|_| ())
}

/// `POST /api/v1/staff/enrolment`: the authenticator's secret, for a first sign-in.
pub async fn enrol(body: EnrolmentRequest) -> Result<Enrolment, StaffError> {
    post(&format!("{BASE}/enrolment"), &body).await
}

/// `POST /api/v1/staff/password` (`204`): every session of the account ends.
pub async fn change_password(body: PasswordChange) -> Result<(), StaffError> {
    send(
        prepare(Request::post(&format!("{BASE}/password")), true),
        json(&body),
    )
    .await
    .map(|_| ())
}

/// `GET /api/v1/staff/accounts` (admin).
pub async fn accounts() -> Result<AccountList, StaffError> {
    get(&format!("{BASE}/accounts")).await
}

/// `POST /api/v1/staff/accounts` (admin): the `initial_password` comes once, here.
pub async fn create_account(body: NewAccount) -> Result<AccountBody, StaffError> {
    post(&format!("{BASE}/accounts"), &body).await
}

/// `POST /api/v1/staff/accounts/{id}/disable` (admin).
pub async fn disable_account(id: &str) -> Result<AccountBody, StaffError> {
    // Account ids are `st_` + hex; anything else is not sent as a path.
    if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err(StaffError::Api(ErrorCode::NotFound));
    }
    post(&format!("{BASE}/accounts/{id}/disable"), &()).await
}

/// The filter of the audit trail: one office in scope or all, and a range of dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub office: Option<OfficeId>,
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
}

impl AuditFilter {
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(o) = &self.office {
            parts.push(format!("office={o}"));
        }
        if let Some(d) = self.from {
            parts.push(format!("from={}", rules::dates::iso_date(d)));
        }
        if let Some(d) = self.to {
            parts.push(format!("to={}", rules::dates::iso_date(d)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// `GET /api/v1/staff/audit?office=&from=&to=` (auditor, admin).
pub async fn audit(filter: AuditFilter) -> Result<AuditPage, StaffError> {
    get(&format!("{BASE}/audit{}", filter.query())).await
}

/// A booking code (`XXXX-XXXX-XXXX`); anything else is not sent as a path.
fn booking_path(code: &str) -> Result<String, StaffError> {
    if code.len() == 14 && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Ok(format!("{BASE}/bookings/{code}"))
    } else {
        Err(StaffError::Api(ErrorCode::NotFound))
    }
}

/// `GET /api/v1/staff/requests?status=requested` (registrar): overdue first, then oldest.
pub async fn requests() -> Result<RequestList, StaffError> {
    get(&format!("{BASE}/requests?status=requested")).await
}

/// `GET /api/v1/staff/bookings/{code}` (registrar): the whole booking, an audited read.
pub async fn staff_booking(code: &str) -> Result<StaffBookingBody, StaffError> {
    get(&booking_path(code)?).await
}

/// `POST /api/v1/staff/bookings/{code}/decision`: confirm, or refuse on a ground.
pub async fn decide(code: &str, input: &DecisionInput) -> Result<StaffBookingBody, StaffError> {
    post(&format!("{}/decision", booking_path(code)?), input).await
}

/// A reception id as the schedule makes them (`office-official-schedule-yyyymmdd`); anything
/// else is not sent as a path.
pub fn reception_path(id: &str) -> Option<String> {
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .then(|| format!("{BASE}/receptions/{id}"))
}

/// `GET /api/v1/staff/receptions` (registrar): the office's receptions of the coming weeks.
pub async fn desk_receptions() -> Result<DeskReceptionList, StaffError> {
    get(&format!("{BASE}/receptions")).await
}

/// `GET /api/v1/staff/receptions/{id}/list` (registrar): an audited read of personal data.
pub async fn registration_list(id: &str) -> Result<RegistrationList, StaffError> {
    let path = reception_path(id).ok_or(StaffError::Api(ErrorCode::NotFound))?;
    get(&format!("{path}/list")).await
}

/// Where the list's CSV is downloaded (`…/list.csv`, the session cookie goes with it).
pub fn registration_list_csv(id: &str) -> Option<String> {
    reception_path(id).map(|p| format!("{p}/list.csv"))
}

async fn post_detailed<B: Serialize, T: DeserializeOwned>(
    request: RequestBuilder,
    body: &B,
) -> Result<T, Refused> {
    read(&send_detailed(prepare(request, true), json(body)).await?).map_err(|e| (e, None))
}

/// `POST /api/v1/staff/bookings/{code}/agreement` (R19, R33): the units concerned agreed.
pub async fn record_agreement(code: &str, note: String) -> Result<StaffBookingBody, StaffError> {
    post(
        &format!("{}/agreement", booking_path(code)?),
        &AgreementInput { note },
    )
    .await
}

/// `POST /api/v1/staff/bookings/{code}/forward` (R3.d): to a reception of an office below.
pub async fn forward(code: &str, input: &ForwardInput) -> Result<StaffBookingBody, Refused> {
    let path = booking_path(code).map_err(|e| (e, None))?;
    post_detailed(Request::post(&format!("{path}/forward")), input).await
}

/// `POST /api/v1/staff/bookings/{code}/reassign` (R27): to a deputy of the same office.
pub async fn reassign(code: &str, input: &ReassignInput) -> Result<StaffBookingBody, Refused> {
    let path = booking_path(code).map_err(|e| (e, None))?;
    post_detailed(Request::post(&format!("{path}/reassign")), input).await
}

/// `POST /api/v1/staff/bookings/release`: the selected bookings released with a reason.
pub async fn release(input: &ReleaseInput) -> Result<ReleaseBody, Refused> {
    post_detailed(Request::post(&format!("{BASE}/bookings/release")), input).await
}

/// `POST /api/v1/staff/bookings` (R3.a): a request from another channel, with its
/// `Idempotency-Key` (the same key for a retry of the same form).
pub async fn enter_booking(
    key: &str,
    input: &ChannelBookingInput,
) -> Result<EnteredBooking, Refused> {
    post_detailed(
        Request::post(&format!("{BASE}/bookings")).header("Idempotency-Key", key),
        input,
    )
    .await
}

/// An official's or office's id as a path segment; anything else is not sent.
fn id_segment(id: &str) -> Result<&str, Refused> {
    if !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        Ok(id)
    } else {
        Err((StaffError::Api(ErrorCode::NotFound), None))
    }
}

/// `GET /api/v1/staff/officials/{id}/schedule` (admin).
pub async fn official_schedule(id: &str) -> Result<OfficialSchedule, StaffError> {
    let id = id_segment(id).map_err(|(e, _)| e)?;
    get(&format!("{BASE}/officials/{id}/schedule")).await
}

/// `POST /api/v1/staff/officials/{id}/schedule` (admin): refused with the row and column.
pub async fn edit_schedule(id: &str, edit: &ScheduleEdit) -> Result<OfficialSchedule, Refused> {
    let id = id_segment(id)?;
    post_detailed(
        Request::post(&format!("{BASE}/officials/{id}/schedule")),
        edit,
    )
    .await
}

/// `GET /api/v1/staff/receptions/{id}/affected` (admin): what a cancel or move would cancel.
pub async fn affected(id: &str) -> Result<AffectedBookings, StaffError> {
    let path = reception_path(id).ok_or(StaffError::Api(ErrorCode::NotFound))?;
    get(&format!("{path}/affected")).await
}

/// `POST /api/v1/staff/receptions/{id}/cancel` (admin).
pub async fn cancel_reception(
    id: &str,
    input: &CancelReception,
) -> Result<ReceptionChanged, Refused> {
    let path = reception_path(id).ok_or((StaffError::Api(ErrorCode::NotFound), None))?;
    post_detailed(Request::post(&format!("{path}/cancel")), input).await
}

/// `POST /api/v1/staff/receptions/{id}/move` (admin).
pub async fn move_reception(id: &str, input: &MoveReception) -> Result<ReceptionChanged, Refused> {
    let path = reception_path(id).ok_or((StaffError::Api(ErrorCode::NotFound), None))?;
    post_detailed(Request::post(&format!("{path}/move")), input).await
}

/// `GET /api/v1/staff/offices/{id}/settings` (admin).
pub async fn office_settings(id: &str) -> Result<OfficeSettings, StaffError> {
    let id = id_segment(id).map_err(|(e, _)| e)?;
    get(&format!("{BASE}/offices/{id}/settings")).await
}

/// `POST /api/v1/staff/offices/{id}/settings` (admin).
pub async fn edit_office_settings(
    id: &str,
    input: &OfficeSettingsInput,
) -> Result<OfficeSettings, Refused> {
    let id = id_segment(id)?;
    post_detailed(
        Request::post(&format!("{BASE}/offices/{id}/settings")),
        input,
    )
    .await
}

/// `POST /api/v1/staff/offices/{id}/video-only` (admin, R11).
pub async fn video_only(id: &str, input: &VideoOnlySwitch) -> Result<OfficeSettings, Refused> {
    let id = id_segment(id)?;
    post_detailed(
        Request::post(&format!("{BASE}/offices/{id}/video-only")),
        input,
    )
    .await
}

/// An office id as a path segment: only the directory's slug characters are sent.
fn office_path(office: &OfficeId) -> String {
    format!("{BASE}/queue/{}", office.as_str())
}

/// `GET /api/v1/staff/queue/{office_id}` (receiver): today's tickets in calling order.
pub async fn staff_queue(office: &OfficeId) -> Result<StaffQueue, StaffError> {
    get(&office_path(office)).await
}

/// `POST /api/v1/staff/queue/{office_id}/next` (R9, R8): the next ticket called to `room`.
pub async fn call_next(office: &OfficeId, room: String) -> Result<Called, Refused> {
    post_detailed(
        Request::post(&format!("{}/next", office_path(office))),
        &CallNext { room },
    )
    .await
}

/// `POST …/tickets/{number}/priority` (R9): the claim verified or rejected.
pub async fn verify_priority(
    office: &OfficeId,
    number: u32,
    verified: bool,
) -> Result<Called, Refused> {
    post_detailed(
        Request::post(&format!(
            "{}/tickets/{number}/priority",
            office_path(office)
        )),
        &VerifyPriority { verified },
    )
    .await
}

/// `POST …/tickets/{number}/recall`, `…/absent`, `…/finish`.
pub async fn ticket_step(
    office: &OfficeId,
    number: u32,
    step: &'static str,
) -> Result<Called, Refused> {
    post_detailed(
        Request::post(&format!("{}/tickets/{number}/{step}", office_path(office))),
        &(),
    )
    .await
}

/// `POST /api/v1/staff/outcomes` (R39-6, R40, R41, R12); a referral (R39-8) books with
/// `key` as its `Idempotency-Key` (the same key for a retry of the same form).
pub async fn record_outcome(
    input: &OutcomeInput,
    key: Option<&str>,
) -> Result<OutcomeRecorded, Refused> {
    let request = Request::post(&format!("{BASE}/outcomes"));
    let request = match key {
        Some(key) => request.header("Idempotency-Key", key),
        None => request,
    };
    post_detailed(request, input).await
}

/// `GET /api/v1/staff/control` (R44): overdue first.
pub async fn control() -> Result<ControlList, StaffError> {
    get(&format!("{BASE}/control")).await
}

/// `POST /api/v1/staff/control/{id}/{action}`; appeal ids are `ap_` + hex, anything else
/// is not sent as a path.
fn appeal_path(id: &str, action: &str) -> Result<String, Refused> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Err((StaffError::Api(ErrorCode::NotFound), None));
    }
    Ok(format!("{BASE}/control/{id}/{action}"))
}

/// `POST /api/v1/staff/control/{id}/assign` (R42).
pub async fn assign_appeal(id: &str, input: &AssignInput) -> Result<AppealBody, Refused> {
    post_detailed(Request::post(&appeal_path(id, "assign")?), input).await
}

/// `POST /api/v1/staff/control/{id}/due` (R44).
pub async fn change_due(id: &str, input: &DueInput) -> Result<AppealBody, Refused> {
    post_detailed(Request::post(&appeal_path(id, "due")?), input).await
}

/// `POST /api/v1/staff/control/{id}/close` (R42, R44).
pub async fn close_appeal(id: &str, input: &CloseInput) -> Result<AppealBody, Refused> {
    post_detailed(Request::post(&appeal_path(id, "close")?), input).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_reception_ids_become_paths() {
        assert_eq!(
            registration_list_csv("shymkent-head-weekly-20261207").as_deref(),
            Some("/api/v1/staff/receptions/shymkent-head-weekly-20261207/list.csv")
        );
        assert_eq!(reception_path("../accounts"), None);
        assert!(booking_path("0123-4567-89AB").is_ok());
        assert!(booking_path("../../accounts").is_err());
        assert_eq!(reception_path("a?b=c"), None);
        assert_eq!(
            appeal_path("ap_0123456789abcdef", "due").ok().as_deref(),
            Some("/api/v1/staff/control/ap_0123456789abcdef/due")
        );
        assert!(appeal_path("../accounts", "assign").is_err());
        assert!(appeal_path("", "close").is_err());
        assert_eq!(reception_path(""), None);
    }

    fn error(code: &str) -> String {
        format!(r#"{{"error":{{"code":"{code}","message":"m","field":null}}}}"#)
    }

    #[test]
    fn answers_are_classified_by_code() {
        assert_eq!(classify(200, "{}", None), Ok("{}".into()));
        assert_eq!(classify(204, "", None), Ok(String::new()));
        assert_eq!(
            classify(401, &error("unauthenticated"), None),
            Err(StaffError::Unauthenticated)
        );
        assert_eq!(
            classify(401, &error("invalid_credentials"), None),
            Err(StaffError::Api(ErrorCode::InvalidCredentials))
        );
        assert_eq!(
            classify(429, &error("too_many_attempts"), Some(840)),
            Err(StaffError::TooMany(Some(840)))
        );
        assert_eq!(
            classify(403, &error("csrf"), None),
            Err(StaffError::Api(ErrorCode::Csrf))
        );
        assert_eq!(classify(401, "", None), Err(StaffError::Unauthenticated));
        assert_eq!(classify(502, "", None), Err(StaffError::Server));
    }

    #[test]
    fn audit_filter_query() {
        assert_eq!(AuditFilter::default().query(), "");
        let f = AuditFilter {
            office: Some(OfficeId::parse("ulytau-region").unwrap()),
            from: rules::dates::parse_iso_date("2026-12-01"),
            to: rules::dates::parse_iso_date("2026-12-07"),
        };
        assert_eq!(
            f.query(),
            "?office=ulytau-region&from=2026-12-01&to=2026-12-07"
        );
    }
}
