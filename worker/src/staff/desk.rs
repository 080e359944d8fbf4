//! The registrar's desk (R3.a–R3.c, R20, R25, R35), for a `registrar` of the office's own
//! receptions only (another office's reception is `404`, as if it did not exist):
//!
//! - `POST /api/v1/staff/bookings`: a request that came via egov.kz, on paper or by the
//!   call centre, entered through the very function that books online
//!   ([`crate::bookings::book`]), the channel and the clerk recorded, the audit row in the
//!   booking's own batch. Without the substance of the matter it is `returned` (R3.c).
//! - `GET /api/v1/staff/receptions?from=&to=`: the office's receptions with their lists'
//!   states and active requests (counts only: not a read of personal data).
//! - `GET /api/v1/staff/receptions/{id}/list` and `…/list.csv`: the registration list, an
//!   audited read of personal data. Provisional or frozen is `rules::registration_list`'s
//!   decision on the Worker's clock; the deadlines are `rules::deadlines`'.

use super::audit::{self, Entry};
use super::scope::Scope;
use super::session::{self, Staff};
use crate::bookings::{self, Clerk, Keyed, Made, Origin};
use crate::error::ApiError;
use crate::schedule::{self, StoredReception, ROW_COLUMNS};
use crate::{body, clock, http};
use api::desk::{
    Channel, DeskReception, DeskReceptionList, EnteredBooking, EnteredChannel, ListEntry,
    ListState, RegistrationList, StaffDeadline,
};
use api::eligibility::Agreement;
use api::schedule::Official;
use api::staff::Role;
use api::{ErrorCode, Lenient};
use rules::booking::BookingStatus;
use rules::calendar::Calendar;
use rules::deadlines::staff_deadlines;
use rules::registration_list::list_state;
use rules::schedule::{parse_reception_id, parse_row, Format, ScheduleRow};
use rules::{Lang, OfficialKind};
use serde::Deserialize;
use std::collections::HashMap;
use time::Date;
use worker::{Env, Request, Response};

fn registrar(staff: &Staff) -> Result<Scope<'_>, ApiError> {
    if staff.has(Role::Registrar) {
        Ok(Scope::of(staff, Role::Registrar))
    } else {
        Err(ApiError::Forbidden)
    }
}

fn invalid(code: ErrorCode, field: &str) -> ApiError {
    ApiError::Invalid {
        code,
        field: field.to_owned(),
    }
}

/// The body: the online form's fields and `channel` beside them. The form is read by the
/// online path's own reader, so every field error is named exactly as online.
fn read_body(bytes: &[u8]) -> Result<(EnteredChannel, api::bookings::BookingInput), ApiError> {
    let mut object: serde_json::Map<String, serde_json::Value> = body::parse(bytes)?;
    let channel = object
        .remove("channel")
        .ok_or_else(|| invalid(ErrorCode::InvalidField, "channel"))?;
    let channel: EnteredChannel =
        serde_json::from_value(channel).map_err(|_| invalid(ErrorCode::InvalidField, "channel"))?;
    let rest = serde_json::to_vec(&object).map_err(|e| ApiError::Unexpected(e.to_string()))?;
    Ok((channel, body::parse(&rest)?))
}

fn channel_code(channel: EnteredChannel) -> &'static str {
    Channel::from(channel).code()
}

pub async fn create(req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    registrar(&staff)?;
    let key = bookings::idempotency_key(req)?;
    let bytes = body::bytes(req).await?;
    let (channel, input) = read_body(&bytes)?;
    let keyed = Keyed::new(&crate::pseudonym::Pseudonyms::of(env)?, key, &bytes);
    if let Some(made) = bookings::replay(env, &keyed).await? {
        // A key of another office's booking names nothing here.
        if made.row.office_id != staff.office_id.as_str() {
            return Err(ApiError::NotFound {
                field: Some("reception_id"),
            });
        }
        return entered(made, channel, &staff);
    }
    let now = clock::now();
    let request = input
        .validate_entered(now.date())
        .map_err(bookings::first_error)?;
    let origin = Origin::Entered {
        channel: channel_code(channel),
        clerk: Clerk {
            id: &staff.id,
            name: &staff.name,
            office: &staff.office_id,
        },
    };
    let made = bookings::book(env, &keyed, request, &origin, now).await?;
    entered(made, channel, &staff)
}

fn entered(made: Made, channel: EnteredChannel, staff: &Staff) -> Result<Response, ApiError> {
    let booking = made.booking()?;
    let manage_path = format!("/bookings/{}#t={}", booking.code, made.token);
    Ok(http::json(
        201,
        &EnteredBooking {
            booking,
            channel,
            entered_by: staff.id.clone(),
            manage_token: made.token,
            manage_path,
        },
    ))
}

/// Ranges longer than a quarter are refused, as for the public receptions.
const MAX_RANGE_DAYS: i64 = 92;

pub async fn receptions(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = registrar(&staff)?;
    let url = req.url()?;
    let params: HashMap<String, String> = url.query_pairs().into_owned().collect();
    if let Some(unknown) = params
        .keys()
        .find(|k| !["from", "to"].contains(&k.as_str()))
    {
        return Err(invalid(ErrorCode::UnknownParameter, unknown));
    }
    let date = |name: &str| -> Result<Option<Date>, ApiError> {
        params
            .get(name)
            .map(|v| clock::parse_iso(v).ok_or_else(|| invalid(ErrorCode::InvalidDate, name)))
            .transpose()
    };
    let from = date("from")?.unwrap_or_else(clock::today);
    let to = date("to")?.unwrap_or(from + time::Duration::days(55));
    if to < from {
        return Err(invalid(ErrorCode::BeforeFrom, "to"));
    }
    if (to - from).whole_days() > MAX_RANGE_DAYS {
        return Err(invalid(ErrorCode::RangeTooLong, "to"));
    }
    let pairs = schedule::load(env, Some(&staff.office_id)).await?;
    let kinds: HashMap<String, OfficialKind> = pairs
        .iter()
        .map(|(o, _)| (o.id.to_string(), o.kind))
        .collect();
    let calendar = Calendar::kazakhstan();
    let mut occurrences: Vec<_> = pairs
        .iter()
        .flat_map(|(_, s)| s.occurrences(calendar, from, to))
        .collect();
    occurrences.sort_by_key(|o| (o.date(), o.hours().start(), o.reception_id()));

    #[derive(Deserialize)]
    struct Count {
        reception_id: String,
        status: String,
        n: u32,
    }
    let counts: Vec<Count> = env
        .d1("DB")?
        .prepare(format!(
            "{}SELECT reception_id, status, COUNT(*) AS n FROM bookings \
             WHERE office_id IN (SELECT id FROM scope) AND reception_date BETWEEN ?2 AND ?3 \
             AND status IN ('requested', 'confirmed') GROUP BY reception_id, status",
            scope.cte(1)
        ))
        .bind(&[
            scope.office.into(),
            clock::iso(from).into(),
            clock::iso(to).into(),
        ])?
        .all()
        .await?
        .results()?;
    let mut by_status: HashMap<(String, BookingStatus), u32> = HashMap::new();
    for c in counts {
        if let Some(status) = BookingStatus::parse(&c.status) {
            by_status.insert((c.reception_id, status), c.n);
        }
    }
    let count = |id: &str, status| by_status.get(&(id.to_owned(), status)).copied();
    let now = clock::now();
    let mut receptions = Vec::with_capacity(occurrences.len());
    for o in &occurrences {
        let mut stored = schedule::stored(o, &kinds, &HashMap::new())?;
        let id = stored.reception.id.clone();
        let requested = count(&id, BookingStatus::Requested).unwrap_or(0);
        let confirmed = count(&id, BookingStatus::Confirmed).unwrap_or(0);
        stored.booked = requested + confirmed;
        receptions.push(DeskReception {
            list: list_of(&stored, now).map(ListState::from),
            reception: schedule::public(&stored, now),
            requested,
            confirmed,
        });
    }
    Ok(http::json(200, &DeskReceptionList { receptions }))
}

fn list_of(
    r: &StoredReception,
    now: time::OffsetDateTime,
) -> Option<rules::registration_list::ListState> {
    list_state(
        Calendar::kazakhstan(),
        r.kind,
        r.reception.date,
        r.reception.start.time(),
        now,
    )
}

/// A registration list's answer.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Json,
    Csv,
}

/// An active booking as the list reads it.
#[derive(Deserialize)]
struct EntryRow {
    code: String,
    status: String,
    channel: String,
    surname: Option<String>,
    given_name: Option<String>,
    patronymic: Option<String>,
    iin: Option<String>,
    passport: Option<String>,
    applicant_kind: String,
    on_behalf_of: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    language: String,
    format: String,
    interpreter: String,
    substance: Option<String>,
    verdict: String,
    agreement_recorded: u8,
    created_at: String,
}

#[derive(Deserialize)]
struct StoredAgreements {
    #[serde(default)]
    agreements: Vec<Agreement>,
}

impl EntryRow {
    fn entry(self) -> Result<ListEntry, ApiError> {
        use time::format_description::well_known::Rfc3339;
        let bad = |what: &str| ApiError::Unexpected(format!("booking row: bad {what}"));
        let some = |v: Option<String>| v.filter(|s| !s.is_empty());
        let agreements = serde_json::from_str::<Option<StoredAgreements>>(&self.verdict)
            .map_err(|_| bad("verdict"))?
            .map_or_else(Vec::new, |v| v.agreements);
        Ok(ListEntry {
            status: BookingStatus::parse(&self.status)
                .map(Lenient::from)
                .ok_or_else(|| bad("status"))?,
            channel: Channel::parse(&self.channel)
                .map(Lenient::from)
                .ok_or_else(|| bad("channel"))?,
            surname: self.surname.unwrap_or_default(),
            given_name: self.given_name.unwrap_or_default(),
            patronymic: some(self.patronymic),
            iin: some(self.iin),
            passport: some(self.passport),
            applicant_kind: self.applicant_kind,
            for_another: self.on_behalf_of.is_some_and(|o| !o.is_empty()),
            phone: self.phone.unwrap_or_default(),
            email: some(self.email),
            language: self.language.parse::<Lang>().map_err(|_| bad("language"))?,
            format: Format::parse(&self.format).ok_or_else(|| bad("format"))?,
            interpreter: some(Some(self.interpreter)),
            substance: self.substance.unwrap_or_default(),
            agreements,
            agreement_recorded: self.agreement_recorded == 1,
            created_at: time::OffsetDateTime::parse(&self.created_at, &Rfc3339)
                .map_err(|_| bad("created_at"))?,
            code: self.code,
        })
    }
}

fn not_found() -> ApiError {
    ApiError::NotFound { field: Some("id") }
}

pub async fn list(
    req: &Request,
    env: &Env,
    id: &str,
    format: ListFormat,
) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = registrar(&staff)?;
    let (schedule_id, date) = parse_reception_id(id).ok_or_else(not_found)?;
    let db = env.d1("DB")?;
    let row: Option<ScheduleRow> = db
        .prepare(format!(
            "{}SELECT {ROW_COLUMNS} FROM schedules s JOIN officials o ON o.id = s.official_id \
             WHERE s.id = ?2 AND s.office_id IN (SELECT id FROM scope)",
            scope.cte(1)
        ))
        .bind(&[scope.office.into(), schedule_id.as_str().into()])?
        .first(None)
        .await?;
    let row = row.ok_or_else(not_found)?;
    let (official, schedule) = parse_row(&row).map_err(|errors| {
        ApiError::Unexpected(format!(
            "schedule row {} in D1: {errors:?}",
            row.schedule_id
        ))
    })?;
    let occurrence = schedule
        .occurrences(Calendar::kazakhstan(), date, date)
        .into_iter()
        .find(|o| o.reception_id() == id)
        .ok_or_else(not_found)?;
    let kinds: HashMap<String, OfficialKind> = [(official.id.to_string(), official.kind)].into();
    let mut stored = schedule::stored(&occurrence, &kinds, &HashMap::new())?;
    let now = clock::now();
    // A reception that takes no registration has no list.
    let state = list_of(&stored, now).ok_or_else(not_found)?;
    let select = db
        .prepare(format!(
            "{}SELECT code, status, channel, surname, given_name, patronymic, iin, passport, \
             applicant_kind, on_behalf_of, phone, email, language, format, interpreter, \
             substance, verdict, (agreement_recorded_at IS NOT NULL) AS agreement_recorded, \
             created_at FROM bookings WHERE reception_id = ?2 \
             AND office_id IN (SELECT id FROM scope) \
             AND status IN ('requested', 'confirmed') ORDER BY created_at, code",
            scope.cte(1)
        ))
        .bind(&[scope.office.into(), id.into()])?;
    // Names, IINs and matters: the read is recorded with it.
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: official.office_id.as_str(),
        action: match format {
            ListFormat::Json => "registration_list_read",
            ListFormat::Csv => "registration_list_csv",
        },
        object: Some(format!("reception:{id}")),
    };
    let results = audit::commit(&db, vec![select], &entry).await?;
    let rows: Vec<EntryRow> = match results.first() {
        Some(result) => result.results()?,
        None => return Err(ApiError::Unexpected("D1 batch gave fewer results".into())),
    };
    let entries = rows
        .into_iter()
        .map(EntryRow::entry)
        .collect::<Result<Vec<_>, _>>()?;
    stored.booked = u32::try_from(entries.len()).unwrap_or(u32::MAX);
    let list = RegistrationList {
        office_id: official.office_id.clone(),
        reception: schedule::public(&stored, now),
        official: Official::from(&official),
        list: state.into(),
        deadlines: staff_deadlines(Calendar::kazakhstan(), official.kind, date)
            .iter()
            .map(StaffDeadline::from)
            .collect(),
        entries,
    };
    match format {
        ListFormat::Json => Ok(http::json(200, &list)),
        ListFormat::Csv => csv(&list, id),
    }
}

/// The CSV columns, one row per person.
const CSV_HEADER: [&str; 22] = [
    "no",
    "reception_id",
    "list",
    "code",
    "status",
    "channel",
    "surname",
    "given_name",
    "patronymic",
    "iin",
    "passport",
    "applicant_kind",
    "for_another",
    "phone",
    "email",
    "language",
    "format",
    "interpreter",
    "substance",
    "agreements",
    "agreement_recorded",
    "created_at",
];

/// A cell a spreadsheet would read as a formula (or whose leading control character hides
/// one) starts with `'`, so Excel and LibreOffice show it as text (OWASP, CSV injection).
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

fn csv_rows(list: &RegistrationList) -> Vec<[String; 22]> {
    let state = if list.list.is_frozen() {
        "frozen"
    } else {
        "provisional"
    };
    list.entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            [
                (i + 1).to_string(),
                list.reception.reception.id.clone(),
                state.to_owned(),
                e.code.clone(),
                word(&e.status),
                word(&e.channel),
                e.surname.clone(),
                e.given_name.clone(),
                e.patronymic.clone().unwrap_or_default(),
                e.iin.clone().unwrap_or_default(),
                e.passport.clone().unwrap_or_default(),
                e.applicant_kind.clone(),
                e.for_another.to_string(),
                e.phone.clone(),
                e.email.clone().unwrap_or_default(),
                e.language.code().to_owned(),
                e.format.code().to_owned(),
                e.interpreter.clone().unwrap_or_default(),
                e.substance.clone(),
                e.agreements
                    .iter()
                    .map(|a| a.clause.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                e.agreement_recorded.to_string(),
                e.created_at
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default(),
            ]
        })
        .collect()
}

/// The wire word of a value, as the JSON has it (a status or channel this build does not
/// know included).
fn word<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// UTF-8 with a byte order mark: Excel reads Kazakh and Russian letters right only with it.
fn csv_text(list: &RegistrationList) -> Result<Vec<u8>, ApiError> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut writer = csv::Writer::from_writer(&mut out);
    let broken = |e: csv::Error| ApiError::Unexpected(format!("csv: {e}"));
    writer.write_record(CSV_HEADER).map_err(broken)?;
    for row in csv_rows(list) {
        writer
            .write_record(row.iter().map(|c| neutralise(c).into_owned()))
            .map_err(broken)?;
    }
    writer
        .flush()
        .map_err(|e| ApiError::Unexpected(e.to_string()))?;
    drop(writer);
    Ok(out)
}

fn csv(list: &RegistrationList, id: &str) -> Result<Response, ApiError> {
    let text = csv_text(list)?;
    let mut response = Response::from_bytes(text)?.with_status(200);
    let headers = response.headers_mut();
    headers.set("Content-Type", "text/csv; charset=utf-8")?;
    // The id is `{schedule_id}-{YYYYMMDD}` of the schedule's own characters: safe in a name.
    headers.set(
        "Content-Disposition",
        &format!("attachment; filename=\"{id}.csv\""),
    )?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// OWASP's CSV injection: a cell that a spreadsheet would evaluate is shown as text.
    #[test]
    fn r20_formula_cells_are_neutralised() {
        for (cell, out) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+77011234567", "'+77011234567"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("Жер учаскесі", "Жер учаскесі"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), out, "{cell:?}");
        }
    }

    /// The body is the online form with `channel` beside it: the form's errors are named
    /// exactly as online, and `online` is not a channel staff enter.
    #[test]
    fn r3_a_the_body_is_the_online_form_and_its_channel() {
        let field = |body: serde_json::Value| match read_body(body.to_string().as_bytes()) {
            Err(ApiError::Invalid { field, .. }) => field,
            Err(other) => panic!("{other:?}"),
            Ok(_) => "ok".into(),
        };
        let form = serde_json::json!({"reception_id": "x-20261201", "language": "kk"});
        assert_eq!(field(form.clone()), "channel");
        let mut online = form.clone();
        online["channel"] = "online".into();
        assert_eq!(field(online), "channel");
        let mut paper = form;
        paper["channel"] = "paper".into();
        // The form itself misses its applicant: named as the online path names it.
        assert_eq!(field(paper.clone()), "applicant");
        paper["unknown"] = 1.into();
        assert_eq!(field(paper), "unknown");
    }
}
