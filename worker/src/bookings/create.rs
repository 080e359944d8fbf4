//! `POST /api/v1/bookings`: re-checks the request with `rules` and takes one place of the
//! reception, exactly once per Idempotency-Key. [`book`] is the one way a booking is made:
//! the staff's desk enters requests from the other channels (R3.a) through it too.

use super::secret::{self, TOKEN_BYTES};
use super::view::{self, Row};
use crate::error::ApiError;
use crate::pseudonym::Pseudonyms;
use crate::schedule::{self, StoredReception, ROW_COLUMNS};
use crate::staff::audit;
use crate::{body, clock};
use api::eligibility::Ground;
use api::ErrorCode;
use rules::admission::{admit, no_registration_clause, within_horizon, Rejection};
use rules::booking::{
    Acting, BookingInput, BookingRequest, BookingStatus, Entered, FieldError, MatterText,
    ReceptionFacts, Review,
};
use rules::calendar::Calendar;
use rules::ruleset::RuleSet;
use rules::schedule::{parse_row, Official, Schedule, ScheduleRow};
use rules::{OfficeId, OfficialKind};
use std::collections::HashMap;
use worker::{D1PreparedStatement, Env, Request, Response};

pub async fn create(req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    let key = idempotency_key(req)?;
    let bytes = body::bytes(req).await?;
    let input: BookingInput = body::parse(&bytes)?;
    let keyed = Keyed::new(&Pseudonyms::of(env)?, key, &bytes);
    // A replay makes nothing new: it needs no proof of work (a client retrying over a bad
    // connection has spent its solution on the first attempt).
    if let Some(replay) = replay(env, &keyed).await? {
        return view::created(replay.booking()?, replay.token);
    }
    crate::challenge::redeem(req, env).await?;
    let now = clock::now();
    let request = input.validate(now.date()).map_err(first_error)?;
    let budget = crate::booking_limit::check(
        req,
        env,
        request.reception_id.as_str(),
        request.reception_date,
    )
    .await?;
    let made = book(env, &keyed, Entered::Stated(request), &Origin::Online, now).await?;
    // The booking is made: a failure to count it is logged, never turned into an error.
    if let Err(e) = budget.spend(env).await {
        worker::console_error!("booking limit: counting failed: {e:?}");
    }
    view::created(made.booking()?, made.token)
}

/// The `Idempotency-Key` header, required and well-formed.
pub fn idempotency_key(req: &Request) -> Result<String, ApiError> {
    let key = req
        .headers()
        .get("Idempotency-Key")?
        .map(|k| k.trim().to_owned())
        .unwrap_or_default();
    if key.is_empty() {
        return Err(ApiError::BadHeader {
            code: ErrorCode::IdempotencyKeyRequired,
            header: "Idempotency-Key",
        });
    }
    if !secret::is_idempotency_key(&key) {
        return Err(ApiError::BadHeader {
            code: ErrorCode::InvalidIdempotencyKey,
            header: "Idempotency-Key",
        });
    }
    Ok(key)
}

/// A request's Idempotency-Key and the hashes that identify it and its body.
pub struct Keyed {
    key: String,
    key_hash: String,
    request_hash: String,
}

impl Keyed {
    pub fn new(pseudonyms: &Pseudonyms, key: String, body: &[u8]) -> Keyed {
        Keyed {
            key_hash: pseudonyms.idempotency_key(&key),
            request_hash: pseudonyms.request(body),
            key,
        }
    }
}

/// How a request came in (R3.a): the applicant's own form, or entered by a member of staff
/// from another channel, for a reception of their own office.
pub enum Origin<'a> {
    Online,
    Entered {
        /// `egov`, `paper` or `call_centre` (`bookings.channel`).
        channel: &'static str,
        clerk: Clerk<'a>,
    },
}

/// The member of staff who enters a request: recorded in `entered_by` and the audit trail.
pub struct Clerk<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub office: &'a OfficeId,
}

/// A booking made (or found again by its key), with the manage token to hand over.
pub struct Made {
    pub row: Row,
    pub token: String,
}

impl Made {
    pub fn booking(&self) -> Result<api::bookings::Booking, ApiError> {
        self.row.booking()
    }
}

/// The one way a booking is made, online or entered by staff: the request checked by
/// `rules` against the reception it asks for and the Worker's clock, and stored with its
/// place exactly once per Idempotency-Key. A request without the substance of the matter
/// (only ever entered by staff, R3.c) is not considered: it is stored `returned`, holding no
/// place.
pub async fn book(
    env: &Env,
    keyed: &Keyed,
    entered: Entered,
    origin: &Origin<'_>,
    now: time::OffsetDateTime,
) -> Result<Made, ApiError> {
    let (schedule_id, reception_date, reception_id) = match &entered {
        Entered::Stated(r) => (&r.schedule_id, r.reception_date, r.reception_id.as_str()),
        Entered::Unstated(r) => (&r.schedule_id, r.reception_date, r.reception_id.as_str()),
    };
    // Staff reach their own office's receptions only: another office's is `404`, exactly
    // as one that does not exist.
    let unknown = || match origin {
        Origin::Online => unknown_reception(),
        Origin::Entered { .. } => ApiError::NotFound {
            field: Some("reception_id"),
        },
    };
    let (official, schedule, video_only) = reception_schedule(env, schedule_id.as_str())
        .await
        .map_err(|e| match e {
            ApiError::Invalid {
                code: ErrorCode::UnknownReception,
                ..
            } => unknown(),
            e => e,
        })?;
    if let Origin::Entered { clerk, .. } = origin {
        if &official.office_id != clerk.office {
            return Err(unknown());
        }
    }
    let kind = official.kind;
    let calendar = Calendar::kazakhstan();
    let occurrence = schedule
        .occurrences(calendar, reception_date, reception_date)
        .into_iter()
        .find(|o| o.reception_id() == reception_id)
        .ok_or_else(unknown)?;
    let facts = ReceptionFacts::of(&occurrence, kind, video_only);
    let office = official.office_id.clone();
    let kinds: HashMap<String, OfficialKind> = [(official.id.to_string(), kind)].into();
    let reception = schedule::stored(&occurrence, &kinds, &HashMap::new())?;
    let token = secret::random::<TOKEN_BYTES>()?;
    let pseudonyms = Pseudonyms::of(env)?;
    let stored = match &entered {
        Entered::Stated(request) => {
            // The whole decision is the Rules' (access, eligibility, the window against the
            // Worker's clock, never the browser's, R11's format), as the SPA's pre-check
            // makes it.
            let admission = admit(
                RuleSet::current(),
                calendar,
                &facts,
                &request.answers,
                request.format,
                now,
            )
            .map_err(rejected)?;
            Stored {
                status: admission.status.code(),
                review_clause: admission.review.clause,
                verdict: json(serde_json::to_string(&admission.verdict))?,
                fields: Fields::of(request, &pseudonyms)?,
                returned: false,
            }
        }
        Entered::Unstated(request) => {
            // R3.c: returned unconsidered — but only for a reception one could register for.
            if !within_horizon(&facts, now) {
                return Err(rejected(Rejection::UnknownReception));
            }
            if no_registration_clause(kind).is_some() {
                return Err(rejected(Rejection::NoPreRegistration { kind }));
            }
            Stored {
                status: BookingStatus::Returned.code(),
                review_clause: Review::of(kind).clause,
                // Not considered: no verdict.
                verdict: "null".to_owned(),
                fields: Fields::of(request, &pseudonyms)?,
                returned: true,
            }
        }
    };
    let new = NewBooking {
        office: &office,
        reception: &reception,
        stored: &stored,
        origin,
        token: &token,
        keyed,
        now,
    };
    // A code collision (60 random bits) is retried; anything else decides.
    for _ in 0..3 {
        let code = secret::new_code()?;
        match insert(env, &new, &code).await {
            Ok(row) => {
                return Ok(Made {
                    row,
                    token: secret::encode_token(&token),
                });
            }
            Err(e) => {
                let message = e.to_string();
                // A concurrent twin with the same key got there first: answer as it did.
                if let Some(replay) = replay(env, keyed).await? {
                    return Ok(replay);
                }
                if message.contains("bookings.code") {
                    continue;
                }
                return Err(conflict(&message).unwrap_or(ApiError::Unexpected(message)));
            }
        }
    }
    Err(ApiError::Unexpected("no free booking code".into()))
}

fn json(v: serde_json::Result<String>) -> Result<String, ApiError> {
    v.map_err(|e| ApiError::Unexpected(e.to_string()))
}

pub fn first_error(errors: Vec<FieldError>) -> ApiError {
    match errors.into_iter().next() {
        Some(e) => ApiError::Invalid {
            code: ErrorCode::from_rules(e.code),
            field: e.field,
        },
        None => ApiError::Unexpected("validation failed without an error".into()),
    }
}

fn unknown_reception() -> ApiError {
    ApiError::Invalid {
        code: ErrorCode::UnknownReception,
        field: "reception_id".into(),
    }
}

/// A request the Rules do not admit, as the API answers it: the code, field and clause
/// all come from `rules::admission`.
fn rejected(rejection: Rejection) -> ApiError {
    let code = ErrorCode::from_rules(rejection.code());
    match rejection {
        Rejection::Refused(verdict) => ApiError::Refused {
            grounds: verdict.grounds().iter().map(Ground::from).collect(),
            alternatives: verdict.alternatives().iter().map(|a| (*a).into()).collect(),
        },
        Rejection::NoPreRegistration { .. } => ApiError::NoPreRegistration {
            clause: rejection.clause(),
        },
        Rejection::RegistrationClosed(_) => ApiError::Conflict {
            code,
            field: Some("reception_id"),
            clause: rejection.clause(),
        },
        Rejection::UnknownReception | Rejection::Eligibility(_) | Rejection::Format(_) => {
            ApiError::Invalid {
                code,
                field: rejection.field(),
            }
        }
    }
}

/// The triggers of migration 0004 abort with these messages.
fn conflict(message: &str) -> Option<ApiError> {
    let conflict = |code: ErrorCode| ApiError::Conflict {
        code,
        field: Some("reception_id"),
        clause: None,
    };
    if message.contains("reception_full") {
        Some(conflict(ErrorCode::ReceptionFull))
    } else if message.contains("duplicate_booking") {
        Some(conflict(ErrorCode::DuplicateBooking))
    } else if message.contains("unknown_reception") {
        Some(unknown_reception())
    } else {
        None
    }
}

#[derive(serde::Deserialize)]
struct VideoOnly {
    video_only: u8,
}

/// The schedule and official of the requested reception, read through the same parser the
/// import validated them with, and whether its office receives only by video now (R11):
/// one round trip.
pub async fn reception_schedule(
    env: &Env,
    id: &str,
) -> Result<(Official, Schedule, bool), ApiError> {
    let db = env.d1("DB")?;
    let results = db
        .batch(vec![
            db.prepare(format!(
                "SELECT {ROW_COLUMNS} FROM schedules s JOIN officials o ON o.id = s.official_id \
                 WHERE s.id = ?1"
            ))
            .bind(&[id.into()])?,
            db.prepare(
                "SELECT (os.video_only_reason_kk IS NOT NULL) AS video_only FROM schedules s \
                 JOIN office_settings os ON os.office_id = s.office_id WHERE s.id = ?1",
            )
            .bind(&[id.into()])?,
        ])
        .await?;
    let mut results = results.into_iter();
    let (Some(rows), Some(settings)) = (results.next(), results.next()) else {
        return Err(ApiError::Unexpected("D1 batch gave fewer results".into()));
    };
    let row = rows
        .results::<ScheduleRow>()?
        .into_iter()
        .next()
        .ok_or_else(unknown_reception)?;
    let video_only = settings
        .results::<VideoOnly>()?
        .first()
        .is_some_and(|v| v.video_only == 1);
    let (official, schedule) = parse_row(&row).map_err(|errors| {
        ApiError::Unexpected(format!(
            "schedule row {} in D1: {errors:?}",
            row.schedule_id
        ))
    })?;
    Ok((official, schedule, video_only))
}

async fn find_by_key(env: &Env, key_hash: &str) -> Result<Option<Row>, ApiError> {
    Ok(env
        .d1("DB")?
        .prepare(format!(
            "SELECT {} FROM bookings WHERE idempotency_key_hash = ?1",
            view::COLUMNS
        ))
        .bind(&[key_hash.into()])?
        .first(None)
        .await?)
}

/// The booking a request's Idempotency-Key already made, with its token: the same `201`
/// for the same body, `409 idempotency_key_reused` for another.
pub async fn replay(env: &Env, keyed: &Keyed) -> Result<Option<Made>, ApiError> {
    let Some(row) = find_by_key(env, &keyed.key_hash).await? else {
        return Ok(None);
    };
    if !secret::same(&row.request_hash, &keyed.request_hash) {
        return Err(ApiError::Conflict {
            code: ErrorCode::IdempotencyKeyReused,
            field: Some("Idempotency-Key"),
            clause: None,
        });
    }
    // The seal is dropped 48 hours after the booking (retention.rs): the key has been used,
    // and the token can no longer be handed over again.
    let Some(seal) = row.token_seal.as_deref() else {
        return Err(ApiError::Conflict {
            code: ErrorCode::IdempotencyKeyReused,
            field: Some("Idempotency-Key"),
            clause: None,
        });
    };
    let token = secret::unseal(seal, &keyed.key, &keyed.request_hash)
        .ok_or_else(|| ApiError::Unexpected("token seal unreadable".into()))?;
    Ok(Some(Made {
        row,
        token: secret::encode_token(&token),
    }))
}

/// The request's fields as `bookings` stores them.
struct Fields {
    schedule_id: String,
    language: &'static str,
    format: &'static str,
    interpreter: String,
    out_of_town: bool,
    documents: String,
    applicant_kind: &'static str,
    citizenship: &'static str,
    iin: String,
    passport: String,
    surname: String,
    given_name: String,
    patronymic: String,
    phone: String,
    email: String,
    on_behalf_of: String,
    substance: Option<String>,
    answers: String,
    person_hash: String,
}

impl Fields {
    fn of<S: MatterText>(
        r: &BookingRequest<S>,
        pseudonyms: &Pseudonyms,
    ) -> Result<Fields, ApiError> {
        let person = &r.applicant.person;
        let (iin, passport) = match person.identity.identity() {
            rules::values::Identity::Iin(i) => (i.as_str().to_owned(), String::new()),
            rules::values::Identity::Passport(p) => (String::new(), p.as_str().to_owned()),
        };
        Ok(Fields {
            schedule_id: r.schedule_id.as_str().to_owned(),
            language: r.language.code(),
            format: r.format.code(),
            interpreter: r.interpreter.as_ref().map_or("", |i| i.as_str()).to_owned(),
            out_of_town: r.out_of_town,
            documents: json(serde_json::to_string(&r.documents()))?,
            applicant_kind: r.acting.applicant_kind(),
            citizenship: person.identity.citizenship().code(),
            iin,
            passport,
            surname: person.surname.as_str().to_owned(),
            given_name: person.given_name.as_str().to_owned(),
            patronymic: person
                .patronymic
                .as_ref()
                .map_or("", |p| p.as_str())
                .to_owned(),
            // R7: a foreigner may give only one of the two; "" is "not given", as before.
            phone: r
                .applicant
                .contact
                .phone()
                .map_or("", |p| p.as_str())
                .to_owned(),
            email: r
                .applicant
                .contact
                .email()
                .map_or("", |e| e.as_str())
                .to_owned(),
            on_behalf_of: json(on_behalf_of_json(&r.acting))?,
            substance: r.substance.text().map(str::to_owned),
            answers: json(serde_json::to_string(&r.answers))?,
            person_hash: pseudonyms.person(&r.subject_key()),
        })
    }
}

/// What is stored of a request, decided.
struct Stored {
    status: &'static str,
    review_clause: &'static str,
    /// The verdict's JSON; `null` for a request returned unconsidered.
    verdict: String,
    fields: Fields,
    /// R3.c: returned unconsidered, with the clause as the decision.
    returned: bool,
}

/// The statement that creates the reception's row if it is not there yet (or brings its
/// capacity up to date), so that a booking's triggers find it.
pub fn ensure_reception(
    db: &worker::D1Database,
    reception: &StoredReception,
    schedule_id: &str,
    office: &OfficeId,
) -> Result<D1PreparedStatement, worker::Error> {
    db.prepare(
        // The capacity published now, never below the places already taken: an import
        // may have changed it since the row was created.
        "INSERT INTO receptions (id, schedule_id, office_id, official_id, date, capacity) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (id) DO UPDATE SET capacity = MAX(excluded.capacity, receptions.booked)",
    )
    .bind(&[
        reception.reception.id.as_str().into(),
        schedule_id.into(),
        office.as_str().into(),
        reception.reception.official_id.as_str().into(),
        clock::iso(reception.reception.date).into(),
        f64::from(reception.capacity.get()).into(),
    ])
}

struct NewBooking<'a> {
    office: &'a OfficeId,
    reception: &'a StoredReception,
    stored: &'a Stored,
    origin: &'a Origin<'a>,
    token: &'a [u8; TOKEN_BYTES],
    keyed: &'a Keyed,
    now: time::OffsetDateTime,
}

/// One batch (one D1 transaction): the reception row (created, or its capacity brought up to
/// date), then the booking, whose triggers check the place and the person and count it; for
/// a request entered by staff, its row of the audit trail too.
async fn insert(env: &Env, b: &NewBooking<'_>, code: &str) -> Result<Row, worker::Error> {
    let db = env.d1("DB")?;
    let f = &b.stored.fields;
    let reception_json =
        serde_json::to_string(b.reception).map_err(|e| worker::Error::RustError(e.to_string()))?;
    let created_at = b
        .now
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| worker::Error::RustError(e.to_string()))?;
    let token_hash = secret::token_hash(b.token);
    let seal = secret::seal(b.token, &b.keyed.key, &b.keyed.request_hash);
    let ensure_reception = ensure_reception(&db, b.reception, f.schedule_id.as_str(), b.office)?;
    let null = worker::wasm_bindgen::JsValue::NULL;
    let (channel, clerk) = match b.origin {
        Origin::Online => ("online", None),
        Origin::Entered { channel, clerk } => (*channel, Some(clerk)),
    };
    let clerk_id = clerk.map_or(null.clone(), |c| c.id.into());
    let (decision_clause, decided_at, decided_by) = if b.stored.returned {
        ("R3.c".into(), created_at.as_str().into(), clerk_id.clone())
    } else {
        (null.clone(), null.clone(), null.clone())
    };
    let values: Vec<worker::wasm_bindgen::JsValue> = vec![
        code.into(),
        b.reception.reception.id.as_str().into(),
        b.office.as_str().into(),
        b.reception.reception.official_id.as_str().into(),
        clock::iso(b.reception.reception.date).into(),
        reception_json.as_str().into(),
        b.stored.status.into(),
        b.stored.review_clause.into(),
        f.language.into(),
        f.format.into(),
        f.interpreter.as_str().into(),
        f64::from(u8::from(f.out_of_town)).into(),
        f.documents.as_str().into(),
        f.applicant_kind.into(),
        f.citizenship.into(),
        f.iin.as_str().into(),
        f.passport.as_str().into(),
        f.surname.as_str().into(),
        f.given_name.as_str().into(),
        f.patronymic.as_str().into(),
        f.phone.as_str().into(),
        f.email.as_str().into(),
        f.on_behalf_of.as_str().into(),
        f.substance.as_deref().map_or(null.clone(), Into::into),
        f.answers.as_str().into(),
        b.stored.verdict.as_str().into(),
        f.person_hash.as_str().into(),
        token_hash.as_str().into(),
        b.keyed.key_hash.as_str().into(),
        b.keyed.request_hash.as_str().into(),
        seal.as_str().into(),
        created_at.as_str().into(),
        channel.into(),
        clerk_id,
        decision_clause,
        decided_at,
        decided_by,
    ];
    let booking = db
        .prepare(
            "INSERT INTO bookings (code, reception_id, office_id, official_id, reception_date, \
             reception, status, review_clause, language, format, interpreter, out_of_town, \
             documents, applicant_kind, citizenship, iin, passport, surname, given_name, \
             patronymic, phone, email, on_behalf_of, substance, answers, verdict, person_hash, \
             manage_token_hash, idempotency_key_hash, request_hash, token_seal, created_at, \
             channel, entered_by, decision_clause, decided_at, decided_by) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, \
             ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, \
             ?33, ?34, ?35, ?36, ?37)",
        )
        .bind(&values)?;
    let statements = vec![ensure_reception, booking];
    match clerk {
        None => {
            db.batch(statements).await?;
        }
        Some(clerk) => {
            let entry = audit::Entry {
                actor: (clerk.id, clerk.name),
                office_id: b.office.as_str(),
                action: "booking_enter",
                object: Some(format!("booking:{code}")),
            };
            audit::commit(&db, statements, &entry).await?;
        }
    }
    // A place is taken: the office's public schedule shows it at once.
    crate::schedule_answer::forget(b.office);
    // What was just written: no need to read it back.
    Ok(Row {
        code: code.to_owned(),
        office_id: b.office.to_string(),
        reception: reception_json,
        status: b.stored.status.to_owned(),
        review_clause: b.stored.review_clause.to_owned(),
        language: f.language.to_owned(),
        format: f.format.to_owned(),
        interpreter: f.interpreter.clone(),
        out_of_town: u8::from(f.out_of_town),
        documents: f.documents.clone(),
        decided_at: b.stored.returned.then(|| created_at.clone()),
        created_at,
        cancelled_at: None,
        manage_token_hash: token_hash,
        request_hash: b.keyed.request_hash.clone(),
        token_seal: Some(seal),
        decision_clause: b.stored.returned.then(|| "R3.c".to_owned()),
        decision_explanation: None,
        rule_set: None,
        office_reason_kk: None,
        office_reason_ru: None,
        office_reason_en: None,
        forwarded_to: None,
    })
}

/// Whom the applicant acts for, for staff (R3.b, R10): `""` for themselves.
fn on_behalf_of_json(acting: &Acting) -> serde_json::Result<String> {
    let value = match acting {
        Acting::ForSelf => return Ok(String::new()),
        Acting::ForLegalEntity { bin, authority } => {
            serde_json::json!({"bin": bin.as_str(), "authority": authority})
        }
        Acting::ForPerson { person, authority } => {
            let (document, number) = match person.identity.identity() {
                rules::values::Identity::Iin(i) => ("iin", i.as_str()),
                rules::values::Identity::Passport(p) => ("passport", p.as_str()),
            };
            serde_json::json!({
                "citizenship": person.identity.citizenship().code(),
                document: number,
                "surname": person.surname.as_str(),
                "given_name": person.given_name.as_str(),
                "patronymic": person.patronymic.as_ref().map(|p| p.as_str()),
                "authority": authority,
            })
        }
    };
    serde_json::to_string(&value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::window::WindowClause;

    #[test]
    fn trigger_messages_become_conflicts() {
        let code = |m: &str| match conflict(m) {
            Some(ApiError::Conflict { code, .. }) => Some(code.code().to_owned()),
            Some(ApiError::Invalid { code, .. }) => Some(code.code().to_owned()),
            _ => None,
        };
        assert_eq!(
            code("D1_ERROR: reception_full: SQLITE_CONSTRAINT"),
            Some("reception_full".into())
        );
        assert_eq!(code("duplicate_booking"), Some("duplicate_booking".into()));
        assert_eq!(code("unknown_reception"), Some("unknown_reception".into()));
        assert_eq!(code("UNIQUE constraint failed: bookings.code"), None);
    }

    #[test]
    fn rejections_keep_the_rules_code_field_and_clause() {
        use rules::booking::FormatError;
        use rules::window::ClosedReason;
        // R37: a district official takes no pre-registration; the clause is the Rules'.
        let district = Rejection::NoPreRegistration {
            kind: OfficialKind::DistrictHead,
        };
        let r37 = district.clause();
        assert!(r37.is_some());
        match rejected(district) {
            ApiError::NoPreRegistration { clause } => assert_eq!(clause, r37),
            other => panic!("{other:?}"),
        }
        // R34: a regional window that has passed is a conflict on the reception.
        let passed = Rejection::RegistrationClosed(ClosedReason::WindowPassed {
            clause: WindowClause::R34,
        });
        match rejected(passed) {
            ApiError::Conflict {
                code,
                field,
                clause,
            } => {
                assert_eq!(code, ErrorCode::RegistrationClosed);
                assert_eq!(field, Some("reception_id"));
                assert_eq!(clause, Some(WindowClause::R34.id()));
            }
            other => panic!("{other:?}"),
        }
        // R11: in person during the video-only mode names the format.
        match rejected(Rejection::Format(FormatError::VideoOnlyMode)) {
            ApiError::Invalid { code, field } => {
                assert_eq!(code, ErrorCode::from_rules("video_only"));
                assert_eq!(field, "format");
            }
            other => panic!("{other:?}"),
        }
    }
}
