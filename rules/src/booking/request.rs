//! A checked pre-registration request and the decisions that depend on its reception.

use super::input::{ApplicantInput, BookingInput, OnBehalfInput};
use crate::eligibility::{Answers, Outcome, Verdict};
use crate::lang::Lang;
use crate::office::OfficeLevel;
use crate::official::OfficialKind;
use crate::schedule::{parse_reception_id, Format, Occurrence, ScheduleId};
use crate::values::{
    ApplicantIdentity, Authority, AuthorityKind, Bin, Citizenship, Contact, ContactError, Identity,
    InterpreterLanguage, MatterSubstance, MatterSubstanceError, PersonName,
};
use serde::Serialize;
use time::{Date, OffsetDateTime, Time};

/// One wrong field: `field` is its path in the request (`applicant.iin`,
/// `on_behalf_of.authority.date`), `code` a stable id the UI translates (`bad_checksum`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
}

impl FieldError {
    fn new(field: impl Into<String>, code: &'static str) -> FieldError {
        FieldError {
            field: field.into(),
            code,
        }
    }
}

/// A person named in the request, with an identity document that fits their citizenship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub identity: ApplicantIdentity,
    pub surname: PersonName,
    pub given_name: PersonName,
    pub patronymic: Option<PersonName>,
}

impl Person {
    /// Who this person is for the "one active booking per person and official" rule: the
    /// IIN, or the passport number without separators (`AB 123-456` is `AB123456`), whatever
    /// citizenship was ticked. Personal data: the Worker stores only a hash of it.
    pub fn key(&self) -> String {
        match self.identity.identity() {
            Identity::Iin(iin) => format!("iin:{}", iin.as_str()),
            Identity::Passport(p) => format!(
                "passport:{}",
                p.as_str()
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicant {
    pub person: Person,
    /// R7, R15: how the responsible officer reaches the person.
    pub contact: Contact,
}

/// For whom the applicant comes (R1, R3.b). An individual acts for themselves or, with an
/// authority, for another person; a representative always acts for a legal entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acting {
    ForSelf,
    ForPerson {
        person: Person,
        authority: Authority,
    },
    ForLegalEntity {
        bin: Bin,
        authority: Authority,
    },
}

impl Acting {
    /// The wire name of the applicant kind (R1).
    pub fn applicant_kind(&self) -> &'static str {
        match self {
            Acting::ForLegalEntity { .. } => "representative",
            Acting::ForSelf | Acting::ForPerson { .. } => "individual",
        }
    }

    pub fn authority(&self) -> Option<&Authority> {
        match self {
            Acting::ForSelf => None,
            Acting::ForPerson { authority, .. } | Acting::ForLegalEntity { authority, .. } => {
                Some(authority)
            }
        }
    }
}

/// A request whose every field is valid. Built only by [`BookingInput::validate`] and, for
/// a request entered by staff, [`BookingInput::validate_entered`]: `S` is the substance of
/// the matter, [`MatterSubstance`] unless the request states none ([`Unstated`], R3.c).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingRequest<S = MatterSubstance> {
    pub schedule_id: ScheduleId,
    pub reception_date: Date,
    pub reception_id: String,
    pub language: Lang,
    pub applicant: Applicant,
    pub acting: Acting,
    pub substance: S,
    pub answers: Answers,
    pub format: Format,
    pub interpreter: Option<InterpreterLanguage>,
    pub out_of_town: bool,
}

/// Collects errors in form order while reading the fields.
#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn check<T, E>(
        &mut self,
        field: &str,
        result: Result<T, E>,
        code: impl Fn(E) -> &'static str,
    ) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(FieldError::new(field, code(e)));
                None
            }
        }
    }

    fn push(&mut self, field: &str, code: &'static str) {
        self.0.push(FieldError::new(field, code));
    }
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// R3.c: a request that does not state the substance of the matter (blank, a few
/// characters, or filler): returned unconsidered. What it said, if anything, is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unstated {
    pub as_written: Option<String>,
}

/// The text of the matter as it is stored with the booking.
pub trait MatterText {
    fn text(&self) -> Option<&str>;
}

impl MatterText for MatterSubstance {
    fn text(&self) -> Option<&str> {
        Some(self.as_str())
    }
}

impl MatterText for Unstated {
    fn text(&self) -> Option<&str> {
        self.as_written.as_deref()
    }
}

/// A request entered by staff from another channel (R3.a), every other field valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entered {
    /// Stated: admitted or not exactly as an online request.
    Stated(BookingRequest),
    /// R3.c: no substance of the matter: recorded as returned unconsidered.
    Unstated(BookingRequest<Unstated>),
}

impl BookingInput {
    /// Checks every field, as of `today` (Asia/Almaty; an authority may not be dated
    /// later). All errors are returned, in form order, so the form can mark each field.
    pub fn validate(&self, today: Date) -> Result<BookingRequest, Vec<FieldError>> {
        self.read(today, |text, errors| {
            errors.check("matter.substance", MatterSubstance::parse(text), |e| {
                e.code()
            })
        })
    }

    /// R3.a, R3.c: the same checks for a request that staff enter from egov.kz, paper or
    /// the call centre, except that a request without the substance of the matter is not
    /// refused as input: it is [`Entered::Unstated`], to be returned unconsidered. A
    /// substance longer than the form takes is still an error of the field.
    pub fn validate_entered(&self, today: Date) -> Result<Entered, Vec<FieldError>> {
        match MatterSubstance::parse(&self.matter.substance) {
            Err(e) if e != MatterSubstanceError::TooLong => {
                let text = self.matter.substance.trim();
                let as_written = (!text.is_empty()).then(|| text.to_owned());
                self.read(today, |_, _| {
                    Some(Unstated {
                        as_written: as_written.clone(),
                    })
                })
                .map(Entered::Unstated)
            }
            _ => self.validate(today).map(Entered::Stated),
        }
    }

    fn read<S>(
        &self,
        today: Date,
        substance: impl FnOnce(&str, &mut Errors) -> Option<S>,
    ) -> Result<BookingRequest<S>, Vec<FieldError>> {
        let mut errors = Errors::default();
        let reception = parse_reception_id(self.reception_id.trim());
        if reception.is_none() {
            errors.push("reception_id", "invalid");
        }
        let language = errors.check("language", self.language.parse::<Lang>(), |_| "unknown");
        let kind = self.applicant.kind.as_str();
        if !["individual", "representative"].contains(&kind) {
            errors.push("applicant.kind", "unknown");
        }
        let applicant = applicant(&self.applicant, &mut errors);
        let acting = acting(kind, self.on_behalf_of.as_ref(), today, &mut errors);
        let substance = substance(&self.matter.substance, &mut errors);
        let format = Format::parse(&self.format);
        if format.is_none() {
            errors.push("format", "unknown");
        }
        let interpreter = errors.check(
            "interpreter",
            InterpreterLanguage::parse_optional(self.interpreter.as_deref().unwrap_or("")),
            |e| e.code(),
        );
        // R39-4: the reception is held in Kazakh or Russian; English only through an
        // interpreter (R7).
        if language == Some(Lang::En) && matches!(interpreter, Some(None)) {
            errors.push("interpreter", "required_for_english");
        }
        match (
            reception,
            language,
            applicant,
            acting,
            substance,
            format,
            interpreter,
        ) {
            (
                Some((schedule_id, reception_date)),
                Some(language),
                Some(applicant),
                Some(acting),
                Some(substance),
                Some(format),
                Some(interpreter),
            ) if errors.0.is_empty() => Ok(BookingRequest {
                reception_id: crate::schedule::reception_id(&schedule_id, reception_date),
                schedule_id,
                reception_date,
                language,
                applicant,
                acting,
                substance,
                answers: self.matter.answers.clone(),
                format,
                interpreter,
                out_of_town: self.out_of_town,
            }),
            _ => Err(errors.0),
        }
    }
}

/// A person's citizenship, document and names under `prefix` (`applicant`, `on_behalf_of`).
fn person(
    prefix: &str,
    citizenship: Option<&str>,
    iin: &Option<String>,
    passport: &Option<String>,
    names: [Option<&str>; 3],
    errors: &mut Errors,
) -> Option<Person> {
    let field = |name: &str| format!("{prefix}.{name}");
    let citizenship = match citizenship.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            errors.push(&field("citizenship"), "required");
            None
        }
        Some(c) => {
            let parsed = Citizenship::parse(c);
            if parsed.is_none() {
                errors.push(&field("citizenship"), "unknown");
            }
            parsed
        }
    };
    let identity = citizenship.and_then(|c| {
        // R7: a citizen by IIN; a foreigner or stateless person by passport, not by IIN.
        let (wanted, wanted_name, other, other_code) = if c.needs_passport() {
            (passport, "passport", iin, "passport_needed")
        } else {
            (iin, "iin", passport, "iin_needed")
        };
        if !blank(other) {
            let other_name = if c.needs_passport() {
                "iin"
            } else {
                "passport"
            };
            errors.push(&field(other_name), other_code);
            return None;
        }
        match wanted.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => {
                errors.push(&field(wanted_name), "required");
                None
            }
            Some(value) => errors.check(
                &field(wanted_name),
                ApplicantIdentity::parse(c, value),
                |e| e.code(),
            ),
        }
    });
    let [surname, given_name, patronymic] = names;
    let mut name = |which: &str, value: Option<&str>| {
        errors.check(&field(which), PersonName::parse(value.unwrap_or("")), |e| {
            e.code()
        })
    };
    let surname = name("surname", surname);
    let given_name = name("given_name", given_name);
    let patronymic = match patronymic.map(str::trim).filter(|s| !s.is_empty()) {
        None => Some(None),
        Some(p) => errors
            .check(&field("patronymic"), PersonName::parse(p), |e| e.code())
            .map(Some),
    };
    Some(Person {
        identity: identity?,
        surname: surname?,
        given_name: given_name?,
        patronymic: patronymic?,
    })
}

fn applicant(input: &ApplicantInput, errors: &mut Errors) -> Option<Applicant> {
    let person = person(
        "applicant",
        Some(&input.citizenship),
        &input.iin,
        &input.passport,
        [
            Some(&input.surname),
            Some(&input.given_name),
            input.patronymic.as_deref(),
        ],
        errors,
    );
    // R7, R15: a way to reach the person; a foreigner's may be international or an e-mail.
    let contact = match Contact::parse(
        Citizenship::parse(&input.citizenship),
        &input.phone,
        input.email.as_deref(),
    ) {
        Ok(c) => Some(c),
        Err(faults) => {
            for f in faults {
                let field = match f {
                    ContactError::Email(_) => "applicant.email",
                    ContactError::Phone(_) | ContactError::Missing => "applicant.phone",
                };
                errors.push(field, f.code());
            }
            None
        }
    };
    Some(Applicant {
        person: person?,
        contact: contact?,
    })
}

fn acting(
    kind: &str,
    input: Option<&OnBehalfInput>,
    today: Date,
    errors: &mut Errors,
) -> Option<Acting> {
    let Some(input) = input else {
        if kind == "representative" {
            // R1, R3.b: a representative names the entity and the authority.
            errors.push("on_behalf_of", "required");
            return None;
        }
        return Some(Acting::ForSelf);
    };
    let person_fields = [
        ("citizenship", &input.citizenship),
        ("iin", &input.iin),
        ("passport", &input.passport),
        ("surname", &input.surname),
        ("given_name", &input.given_name),
        ("patronymic", &input.patronymic),
    ];
    let authority = errors.check(
        "on_behalf_of.authority",
        Authority::from_input(&input.authority, today),
        |e| e.code(),
    );
    // Name the authority's own field (kind, number or date), not the whole object.
    if let Some(last) = errors.0.last_mut() {
        if last.field == "on_behalf_of.authority" {
            if let Err(e) = Authority::from_input(&input.authority, today) {
                last.field = format!("on_behalf_of.authority.{}", e.field().code());
            }
        }
    }
    match kind {
        "representative" => {
            for (name, value) in person_fields {
                if !blank(value) {
                    errors.push(&format!("on_behalf_of.{name}"), "not_expected");
                }
            }
            let bin = match input
                .bin
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                None => {
                    errors.push("on_behalf_of.bin", "required");
                    None
                }
                Some(b) => errors.check("on_behalf_of.bin", Bin::parse(b), |e| e.code()),
            };
            Some(Acting::ForLegalEntity {
                bin: bin?,
                authority: authority?,
            })
        }
        "individual" => {
            if !blank(&input.bin) {
                errors.push("on_behalf_of.bin", "not_expected");
            }
            let person = person(
                "on_behalf_of",
                input.citizenship.as_deref(),
                &input.iin,
                &input.passport,
                [
                    input.surname.as_deref(),
                    input.given_name.as_deref(),
                    input.patronymic.as_deref(),
                ],
                errors,
            );
            Some(Acting::ForPerson {
                person: person?,
                authority: authority?,
            })
        }
        // The kind itself is reported by the caller.
        _ => None,
    }
}

/// What both the Worker (from the schedule it parsed) and the SPA (from the published
/// schedule) know about the reception asked for: enough to decide admission
/// ([`crate::admission::admit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReceptionFacts {
    pub kind: OfficialKind,
    /// The reception's day.
    pub date: Date,
    /// Its start, local time (UTC+05:00).
    pub start: Time,
    /// The format the schedule publishes for this reception.
    pub format: Format,
    /// R11: the office (or the service) receives only by video conference now.
    pub video_only: bool,
}

impl ReceptionFacts {
    /// The facts of a dated reception of the schedule, for an official of `kind`.
    pub fn of(occurrence: &Occurrence, kind: OfficialKind, video_only: bool) -> ReceptionFacts {
        ReceptionFacts {
            kind,
            date: occurrence.date(),
            start: occurrence.hours().start(),
            format: occurrence.format(),
            video_only,
        }
    }

    /// The facts of a published reception whose start is an instant (the schedule API's
    /// `start`, RFC 3339), read in Almaty time.
    pub fn at(
        kind: OfficialKind,
        start: OffsetDateTime,
        format: Format,
        video_only: bool,
    ) -> ReceptionFacts {
        let local = crate::dates::almaty(start);
        ReceptionFacts {
            kind,
            date: local.date(),
            start: local.time(),
            format,
            video_only,
        }
    }

    /// R11: why only a video conference can be had at this reception, if so.
    pub fn forced_video(&self) -> Option<FormatError> {
        forced_video(self.format, self.video_only)
    }
}

/// R11: why an in-person reception cannot be had, if so: the office is in video-only mode
/// (emergency, restrictive measures, safety), or the reception is held by video.
pub fn forced_video(reception_format: Format, video_only: bool) -> Option<FormatError> {
    if video_only {
        Some(FormatError::VideoOnlyMode)
    } else if reception_format == Format::Video {
        Some(FormatError::VideoReception)
    } else {
        None
    }
}

/// Why the requested format cannot be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatError {
    /// R11: emergency, restrictive measures or safety: video conference only.
    VideoOnlyMode,
    /// The reception is held by video conference; it has no room to come to.
    VideoReception,
}

impl FormatError {
    pub fn code(self) -> &'static str {
        match self {
            FormatError::VideoOnlyMode => "video_only",
            FormatError::VideoReception => "video_reception",
        }
    }

    /// Both come from R11.
    pub fn clause(self) -> &'static str {
        "R11"
    }
}

/// Why staff must study the request before it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    /// `R15` (the Centre, for the PG and deputies) or `R30` (the responsible officer).
    pub clause: &'static str,
}

impl Review {
    /// Whose requests to an official of `kind` are: the Centre's (R15) for the GPO's
    /// officials, the responsible officer's (R30) for the others.
    pub fn of(kind: OfficialKind) -> Review {
        Review {
            clause: match kind.level() {
                OfficeLevel::General => "R15",
                OfficeLevel::Regional | OfficeLevel::District => "R30",
            },
        }
    }
}

/// The life of a booking: `requested` (a place held, staff review it), `confirmed`,
/// `refused` by staff with a clause (R17, R23, R31), `cancelled` by the applicant,
/// `cancelled_by_office` (a date cancelled or moved, or an abusive booking released, with the
/// reason shown to the applicant), or `returned` unconsidered for want of the substance of the
/// matter (R3.c).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Requested,
    Confirmed,
    Refused,
    Cancelled,
    CancelledByOffice,
    Returned,
}

impl BookingStatus {
    pub const ALL: [BookingStatus; 6] = [
        BookingStatus::Requested,
        BookingStatus::Confirmed,
        BookingStatus::Refused,
        BookingStatus::Cancelled,
        BookingStatus::CancelledByOffice,
        BookingStatus::Returned,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BookingStatus::Requested => "requested",
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Refused => "refused",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::CancelledByOffice => "cancelled_by_office",
            BookingStatus::Returned => "returned",
        }
    }

    pub fn parse(s: &str) -> Option<BookingStatus> {
        BookingStatus::ALL.into_iter().find(|b| b.code() == s)
    }

    /// Whether the booking holds a place of its reception.
    pub fn holds_place(self) -> bool {
        matches!(self, BookingStatus::Requested | BookingStatus::Confirmed)
    }
}

/// A document to bring to the reception (R10), or to show on camera for a video reception.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "document", rename_all = "snake_case")]
pub enum Document {
    /// A citizen's identity card or passport with the IIN.
    IdentityDocument,
    /// A foreigner's or stateless person's passport or travel document (R7).
    Passport,
    /// The document giving the authority to act for someone else (R3.b, R10).
    Authority { kind: AuthorityKind },
}

impl<S> BookingRequest<S> {
    /// Whose matter this is, for "one active booking per person and official": the person
    /// or legal entity represented (R3.b, R1), else the applicant. A lawyer booking for two
    /// clients is two people; one client booked through two proxies is one.
    pub fn subject_key(&self) -> String {
        match &self.acting {
            Acting::ForSelf => self.applicant.person.key(),
            Acting::ForPerson { person, .. } => person.key(),
            Acting::ForLegalEntity { bin, .. } => format!("bin:{}", bin.as_str()),
        }
    }

    /// R11: the format must be one the reception and the office allow now. An in-person
    /// reception may be held by video with the applicant's consent, never the reverse.
    pub fn check_format(&self, facts: &ReceptionFacts) -> Result<(), FormatError> {
        check_format(self.format, facts)
    }

    /// R10: what to bring.
    pub fn documents(&self) -> Vec<Document> {
        let mut documents = vec![if self
            .applicant
            .person
            .identity
            .citizenship()
            .needs_passport()
        {
            Document::Passport
        } else {
            Document::IdentityDocument
        }];
        if let Some(authority) = self.acting.authority() {
            documents.push(Document::Authority {
                kind: authority.kind(),
            });
        }
        documents
    }
}

/// R11: whether a request in `format` may take the reception of `facts`. Video is always
/// possible (the applicant's consent); in person only when nothing forces video.
pub fn check_format(format: Format, facts: &ReceptionFacts) -> Result<(), FormatError> {
    match (format, facts.forced_video()) {
        (Format::InPerson, Some(forced)) => Err(forced),
        _ => Ok(()),
    }
}

/// The status a booking starts with, given the questionnaire's verdict: every online
/// request is studied before it is confirmed — by the Centre for the PG and deputies (R15),
/// by the responsible officer for regional officials (R30) — so it starts as `requested`
/// with a place held. `None` for verdicts that do not allow a booking at all.
pub fn initial_status(kind: OfficialKind, verdict: &Verdict) -> Option<(BookingStatus, Review)> {
    match verdict.outcome {
        Outcome::Eligible | Outcome::NeedsReview { .. } => {
            Some((BookingStatus::Requested, Review::of(kind)))
        }
        Outcome::Refused { .. } | Outcome::NoPreRegistration => None,
    }
}
