//! The staff side, `/api/v1/staff/…` (R39-5: who acts is known, for which office, and every
//! action is recorded): sign-in with two factors, sessions, accounts and the audit trail.
//!
//! Every request that changes state passes the CSRF check first ([`csrf`]); every other
//! operation but sign-in and enrolment needs a live session ([`session`]); every query that
//! reads or acts on an office's things is limited to the person's scope in SQL ([`scope`]),
//! so what is outside it is `404` as if it did not exist; every action and every read of
//! personal data appends a row to the audit trail in the same D1 batch ([`audit`]). Every
//! response is `Cache-Control: no-store`.

mod accounts;
pub(crate) mod audit;
mod audit_page;
mod credentials;
mod csrf;
mod decide;
mod desk;
mod enrolment;
mod failures;
mod filling;
mod keys;
mod me;
mod office_admin;
mod outcomes;
mod password;
mod queue;
mod requests;
mod scope;
mod session;
mod sign_in;
mod transfer;

use crate::error::ApiError;
pub use queue::Step as QueueStep;
use worker::{Env, Request, Response};

/// The staff operations of `api::ROUTES`.
pub enum Operation {
    SignIn,
    SignOut,
    Enrolment,
    Me,
    Accounts,
    CreateAccount,
    DisableAccount(String),
    Password,
    Audit,
    /// The registrar's desk (R3.a, R20, R25, R35).
    EnterBooking,
    DeskReceptions,
    RegistrationList(String),
    RegistrationListCsv(String),
    // The office's administration (`api::office_admin`), by path id.
    OfficialSchedule(String),
    EditOfficialSchedule(String),
    AffectedBookings(String),
    CancelReception(String),
    MoveReception(String),
    OfficeSettings(String),
    EditOfficeSettings(String),
    VideoOnly(String),
    Requests,
    Booking(String),
    Decision(String),
    Agreement(String),
    Release,
    Forward(String),
    Reassign(String),
    /// The electronic queue (R39-3), by path office id (and ticket number).
    Queue(String),
    CallNext(String),
    VerifyPriority(String, String),
    QueueStep(String, String, queue::Step),
    /// Outcomes and appeals on control (R39-6, R40–R42, R44), by path appeal id.
    RecordOutcome,
    Control,
    AssignAppeal(String),
    AppealDue(String),
    CloseAppeal(String),
}

impl Operation {
    fn changes_state(&self) -> bool {
        !matches!(
            self,
            Operation::Me
                | Operation::Accounts
                | Operation::Audit
                | Operation::DeskReceptions
                | Operation::RegistrationList(_)
                | Operation::RegistrationListCsv(_)
                | Operation::OfficialSchedule(_)
                | Operation::AffectedBookings(_)
                | Operation::OfficeSettings(_)
                | Operation::Requests
                | Operation::Booking(_)
                | Operation::Queue(_)
                | Operation::Control
        )
    }
}

pub async fn handle(op: Operation, req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    if op.changes_state() {
        csrf::check(req)?;
    }
    let mut response = match op {
        Operation::SignIn => sign_in::sign_in(req, env).await?,
        Operation::SignOut => sign_in::sign_out(req, env).await?,
        Operation::Enrolment => enrolment::enrolment(req, env).await?,
        Operation::Me => me::me(req, env).await?,
        Operation::Accounts => accounts::list(req, env).await?,
        Operation::CreateAccount => accounts::create(req, env).await?,
        Operation::DisableAccount(id) => accounts::disable(req, env, &id).await?,
        Operation::Password => password::change(req, env).await?,
        Operation::Audit => audit_page::list(req, env).await?,
        Operation::EnterBooking => desk::create(req, env).await?,
        Operation::DeskReceptions => desk::receptions(req, env).await?,
        Operation::RegistrationList(id) => {
            desk::list(req, env, &id, desk::ListFormat::Json).await?
        }
        Operation::RegistrationListCsv(id) => {
            desk::list(req, env, &id, desk::ListFormat::Csv).await?
        }
        Operation::OfficialSchedule(id) => office_admin::read(req, env, &id).await?,
        Operation::EditOfficialSchedule(id) => office_admin::edit(req, env, &id).await?,
        Operation::AffectedBookings(id) => office_admin::affected(req, env, &id).await?,
        Operation::CancelReception(id) => office_admin::cancel(req, env, &id).await?,
        Operation::MoveReception(id) => office_admin::move_to(req, env, &id).await?,
        Operation::OfficeSettings(id) => office_admin::read_settings(req, env, &id).await?,
        Operation::EditOfficeSettings(id) => office_admin::edit_settings(req, env, &id).await?,
        Operation::VideoOnly(id) => office_admin::video_only(req, env, &id).await?,
        Operation::Requests => requests::list(req, env).await?,
        Operation::Booking(code) => requests::get(req, env, &code).await?,
        Operation::Decision(code) => decide::decision(req, env, &code).await?,
        Operation::Agreement(code) => decide::agreement(req, env, &code).await?,
        Operation::Release => decide::release(req, env).await?,
        Operation::Forward(code) => transfer::forward(req, env, &code).await?,
        Operation::Reassign(code) => transfer::reassign(req, env, &code).await?,
        Operation::Queue(office) => queue::list(req, env, &office).await?,
        Operation::CallNext(office) => queue::next(req, env, &office).await?,
        Operation::VerifyPriority(office, number) => {
            queue::priority(req, env, &office, &number).await?
        }
        Operation::QueueStep(office, number, step) => {
            queue::step(req, env, &office, &number, step).await?
        }
        Operation::RecordOutcome => outcomes::record(req, env).await?,
        Operation::Control => outcomes::list(req, env).await?,
        Operation::AssignAppeal(id) => outcomes::assign(req, env, &id).await?,
        Operation::AppealDue(id) => outcomes::due(req, env, &id).await?,
        Operation::CloseAppeal(id) => outcomes::close(req, env, &id).await?,
    };
    // Staff answers are for this person only: never stored by a browser or a proxy.
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

/// `204` with headers only.
fn no_content() -> Response {
    Response::builder().with_status(204).empty()
}

/// The cron's cleanup: failed sign-ins past the lockout window, sessions past their expiry.
pub async fn forget_past(env: &Env) -> Result<(), ApiError> {
    let now = crate::clock::now().unix_timestamp();
    failures::forget_past(env, now).await?;
    session::forget_expired(env, now).await
}
