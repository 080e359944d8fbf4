//! The error body of every 4xx (and the 500): `{"error":{"code","message","field",
//! "clause"?,"grounds"?,"alternatives"?}}`. Every code the Worker answers is a variant of
//! [`ErrorCode`] with its one HTTP status; a field refused by `rules` (`bad_checksum` on
//! `applicant.iin`) carries the code `rules` gave it ([`ErrorCode::Field`]).

use crate::eligibility::Ground;
use crate::Lenient;
use rules::ruleset::Alternative;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal => $status:literal,)*) => {
        /// Every error code of the API.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($(#[$doc])* $variant,)*
            /// 422: a field's value refused by `rules` (`bad_checksum`, `too_long`, …),
            /// named by `field`. Reading a code this build does not know also gives this
            /// variant: the SPA shows its generic "not accepted" text.
            Field(FieldCode),
        }

        impl ErrorCode {
            /// Every code but [`ErrorCode::Field`], in the order of the README's table.
            pub const NAMED: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            pub fn code(&self) -> &str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                    ErrorCode::Field(code) => code.as_str(),
                }
            }

            pub fn status(&self) -> u16 {
                match self {
                    $(ErrorCode::$variant => $status,)*
                    ErrorCode::Field(_) => 422,
                }
            }

            fn named(code: &str) -> Option<ErrorCode> {
                match code {
                    $($code => Some(ErrorCode::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

error_codes! {
    /// The body is not well-formed JSON (or has text after the value).
    MalformedJson = "malformed_json" => 400,
    /// Staff sign-in: an unknown login, a wrong password and a wrong or reused code alike.
    InvalidCredentials = "invalid_credentials" => 401,
    /// A staff endpoint without a live session (none, expired, signed out).
    Unauthenticated = "unauthenticated" => 401,
    /// A state-changing staff request without `X-Qabyldau-Staff: 1` from the same origin.
    Csrf = "csrf" => 403,
    /// Signed in, in scope, but without the role the action needs.
    Forbidden = "forbidden" => 403,
    IdempotencyKeyRequired = "idempotency_key_required" => 400,
    InvalidIdempotencyKey = "invalid_idempotency_key" => 400,
    /// Nothing at this address, or a booking whose code and token do not match.
    NotFound = "not_found" => 404,
    /// See the `Allow` header.
    MethodNotAllowed = "method_not_allowed" => 405,
    /// The key was sent with another body, or more than 48 hours after its booking was made
    /// (the token can no longer be handed over again: README, "Personal data").
    IdempotencyKeyReused = "idempotency_key_reused" => 409,
    ReceptionFull = "reception_full" => 409,
    /// With the clause of the window (R16, R34), when one decides it.
    RegistrationClosed = "registration_closed" => 409,
    DuplicateBooking = "duplicate_booking" => 409,
    /// A staff account with this login exists already.
    LoginTaken = "login_taken" => 409,
    ReceptionStarted = "reception_started" => 409,
    /// A booking staff refused cannot be cancelled.
    NotCancellable = "not_cancellable" => 409,
    // The responsible officer's decisions (R15, R17–R19, R23, R24, R30–R33).
    /// The request was decided already (confirmed, refused, cancelled or released).
    AlreadyDecided = "already_decided" => 409,
    /// R19, R33: the units' agreement must be recorded before confirming; with `clause`.
    AgreementRequired = "agreement_required" => 409,
    /// R19, R33: the agreement of this request is recorded already.
    AgreementRecorded = "agreement_recorded" => 409,
    /// The booking holds no place to release (refused, cancelled, released).
    NotActive = "not_active" => 409,
    /// R17, R23, R31: the clause is no ground of refusal for this official's kind.
    NotAGround = "not_a_ground" => 422,
    /// R3.d: a request is forwarded only to an office below the booking's.
    NotBelow = "not_below" => 422,
    /// R27: a request is reassigned only to a deputy of the same office.
    NotADeputy = "not_a_deputy" => 422,
    PayloadTooLarge = "payload_too_large" => 413,
    UnsupportedMediaType = "unsupported_media_type" => 415,
    /// A field of the wrong type, or an unknown field.
    InvalidField = "invalid_field" => 422,
    /// The answers refuse (R17, R23, R31, …): with `grounds` and `alternatives`.
    Refused = "refused" => 422,
    /// The official takes no pre-registration (R37, R14, R28): with `clause`.
    NoPreRegistration = "no_pre_registration" => 422,
    UnknownReception = "unknown_reception" => 422,
    /// `POST /api/v1/bookings` without the proof of work (`X-Qabyldau-Challenge`).
    ChallengeRequired = "challenge_required" => 422,
    /// A proof of work that is not one the Worker issued, is wrong, has expired or was
    /// used already: solve a new one.
    ChallengeInvalid = "challenge_invalid" => 422,
    /// R11: the office receives only by video conference now.
    VideoOnly = "video_only" => 422,
    /// R11: the reception is held by video conference.
    VideoReception = "video_reception" => 422,
    UnknownOfficialKind = "unknown_official_kind" => 422,
    UnknownQuestion = "unknown_question" => 422,
    NotApplicable = "not_applicable" => 422,
    Unanswered = "unanswered" => 422,
    UnknownLanguage = "unknown_language" => 422,
    UnknownParameter = "unknown_parameter" => 422,
    Required = "required" => 422,
    Invalid = "invalid" => 422,
    /// A new staff password too short, too long, or the same as the current one.
    WeakPassword = "weak_password" => 422,
    InvalidDate = "invalid_date" => 422,
    BeforeFrom = "before_from" => 422,
    RangeTooLong = "range_too_long" => 422,
    // The office's administration (`api::office_admin`).
    /// A schedule edit would leave bookings without their reception: cancel or move the
    /// reception first.
    ScheduleInUse = "schedule_in_use" => 409,
    /// The reception has started or is over: it can no longer be cancelled, moved or
    /// confirmed.
    ReceptionPassed = "reception_passed" => 409,
    // The electronic queue (`api::queue`: R4, R9, R39-2, R39-3).
    /// R4, R39-2: no ticket outside the daily reception's working days and hours; with
    /// `clause`.
    QueueClosed = "queue_closed" => 409,
    /// Nobody waits to be called.
    QueueEmpty = "queue_empty" => 409,
    /// The ticket is not being called (recall, absent, finish).
    NotCalled = "not_called" => 409,
    /// The ticket has been called: its claim is no longer verified or rejected.
    NotWaiting = "not_waiting" => 409,
    /// R9: the ticket claims no category to verify.
    NoPriorityClaim = "no_priority_claim" => 409,
    // Outcomes and appeals on control (`api::outcomes`: R39-6, R40, R42, R44).
    /// The reception (a ticket or a booking) has its outcome recorded already.
    OutcomeRecorded = "outcome_recorded" => 409,
    /// The ticket has not been called, or the booking is not a confirmed one whose
    /// reception has come.
    NotReceived = "not_received" => 409,
    /// R42: the assignee decided an earlier appeal of the same person on the same matter;
    /// with `clause`.
    PreviouslyDecided = "previously_decided" => 409,
    /// R44: the appeal has been taken off control already.
    NotOnControl = "not_on_control" => 409,
    /// R42: the registration number names more than one appeal of the office; give the
    /// earlier appeal's id.
    AmbiguousReference = "ambiguous_reference" => 409,
    /// R44: a date before the appeal was registered.
    BeforeRegistration = "before_registration" => 422,
    /// R39-8: a referral names the very official who received the person; it is to another.
    SameOfficial = "same_official" => 422,
    /// See the `Retry-After` header.
    RateLimited = "rate_limited" => 429,
    /// Staff sign-in locked for this login or address for a while: see `Retry-After`.
    TooManyAttempts = "too_many_attempts" => 429,
    /// Our failure; nothing about it is detailed.
    Internal = "internal" => 500,
}

impl ErrorCode {
    /// The code `rules` gave a refused value (`FieldError::code`, `EligibilityError::code`,
    /// `FormatError::code`): its own variant where the API names it, else [`ErrorCode::Field`].
    pub fn from_rules(code: &'static str) -> ErrorCode {
        ErrorCode::named(code).unwrap_or(ErrorCode::Field(FieldCode(Cow::Borrowed(code))))
    }

    /// Whether the error asks to correct the value of its `field` (rather than being about
    /// the request as a whole: a full reception, a refusal, a closed window, …).
    pub fn is_about_a_value(&self) -> bool {
        matches!(
            self,
            ErrorCode::Field(_)
                | ErrorCode::InvalidField
                | ErrorCode::VideoOnly
                | ErrorCode::VideoReception
                | ErrorCode::UnknownQuestion
                | ErrorCode::NotApplicable
                | ErrorCode::Unanswered
                | ErrorCode::UnknownOfficialKind
                | ErrorCode::UnknownLanguage
                | ErrorCode::UnknownParameter
                | ErrorCode::Required
                | ErrorCode::Invalid
                | ErrorCode::WeakPassword
                | ErrorCode::InvalidDate
                | ErrorCode::BeforeFrom
                | ErrorCode::RangeTooLong
                | ErrorCode::NotAGround
                | ErrorCode::NotBelow
                | ErrorCode::NotADeputy
                | ErrorCode::BeforeRegistration
        )
    }
}

/// A code of `rules`' field validation. The Worker makes one only from the codes compiled
/// into `rules` ([`ErrorCode::from_rules`]); the SPA translates it, or shows a generic text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldCode(Cow<'static, str>);

impl FieldCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Ok(ErrorCode::named(&code).unwrap_or(ErrorCode::Field(FieldCode(Cow::Owned(code)))))
    }
}

/// `{"error":{…}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    pub code: ErrorCode,
    /// English, for developers; the SPA shows its own text by `code`.
    pub message: String,
    /// The request field, parameter or header at fault (`applicant.iin`, `office`,
    /// `Idempotency-Key`), `null` when the whole request is.
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub field: Option<String>,
    /// The clause of the Rules that decides (`R16`, `R37`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// `refused`: the refusing clauses with their explanations (R18, R24, R32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grounds: Option<Vec<Ground>>,
    /// `refused`: what to do instead, the district office last (R39).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<Vec<Lenient<Alternative>>>,
}

#[cfg(feature = "openapi")]
mod schema {
    use super::ErrorCode;
    use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
    use utoipa::openapi::{RefOr, Schema};
    use utoipa::{PartialSchema, ToSchema};

    /// A named code, or a field code of `rules` (any snake_case word).
    impl PartialSchema for ErrorCode {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::String))
                .pattern(Some("^[a-z][a-z0-9_]*$"))
                .examples(ErrorCode::NAMED.iter().map(|c| c.code()))
                .description(Some(
                    "One of the API's codes (listed as examples), or the code `rules` gave \
                     a refused field (e.g. `bad_checksum`).",
                ))
                .into()
        }
    }

    impl ToSchema for ErrorCode {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_code_reads_back_with_its_status() {
        for code in ErrorCode::NAMED {
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(&serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
            assert!((400..=500).contains(&code.status()), "{json}");
        }
        assert_eq!(ErrorCode::NotFound.status(), 404);
        assert_eq!(ErrorCode::RateLimited.status(), 429);
    }

    #[test]
    fn rules_codes_keep_their_own_variant() {
        assert_eq!(ErrorCode::from_rules("unanswered"), ErrorCode::Unanswered);
        assert_eq!(ErrorCode::from_rules("video_only"), ErrorCode::VideoOnly);
        let checksum = ErrorCode::from_rules("bad_checksum");
        assert_eq!(checksum.code(), "bad_checksum");
        assert_eq!(checksum.status(), 422);
        assert!(checksum.is_about_a_value());
        assert!(!ErrorCode::ReceptionFull.is_about_a_value());
        // A code from a newer Worker reads as a field code: a generic text, no failure.
        let newer: ErrorCode = serde_json::from_str("\"some_newer_code\"").unwrap();
        assert_eq!(newer.code(), "some_newer_code");
        assert_eq!(newer.status(), 422);
    }
}
