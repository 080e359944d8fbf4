//! The booking as its owner sees it: in the `201` of a booking, its replays, and the manage
//! endpoints. Public facts about the reception and the booking's own state only — never the
//! applicant's personal data, which staff alone see.

use crate::error::ApiError;
use crate::schedule::StoredReception;
use api::bookings::{Booking, BookingBody, BookingCreated, Review};
use api::decisions::{OfficeReason, Refusal};
use api::schedule::BookedReception;
use rules::booking::{BookingStatus, Document};
use rules::ruleset::{Alternative, RuleSet};
use rules::schedule::Format;
use rules::OfficialKind;
use rules::{Lang, OfficeId};
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// A `bookings` row as far as the owner's view needs it.
#[derive(Deserialize)]
pub struct Row {
    pub code: String,
    pub office_id: String,
    pub reception: String,
    pub status: String,
    pub review_clause: String,
    pub language: String,
    pub format: String,
    pub interpreter: String,
    pub out_of_town: u8,
    pub documents: String,
    pub created_at: String,
    pub cancelled_at: Option<String>,
    pub manage_token_hash: String,
    pub request_hash: String,
    /// NULL for a booking staff made (a forwarded request, another channel): no key replays it.
    pub token_seal: Option<String>,
    pub decided_at: Option<String>,
    pub decision_clause: Option<String>,
    pub decision_explanation: Option<String>,
    /// The id of the rule set of the request's verdict (RULES.md, "Readings", 9).
    pub rule_set: Option<String>,
    pub office_reason_kk: Option<String>,
    pub office_reason_ru: Option<String>,
    pub office_reason_en: Option<String>,
    pub forwarded_to: Option<String>,
}

/// The columns [`Row`] reads.
pub const COLUMNS: &str = "code, office_id, reception, status, review_clause, language, format, \
    interpreter, out_of_town, documents, created_at, cancelled_at, manage_token_hash, \
    request_hash, token_seal, decided_at, decision_clause, decision_explanation, \
    json_extract(verdict, '$.rule_set') AS rule_set, office_reason_kk, office_reason_ru, \
    office_reason_en, forwarded_to";

fn unexpected(e: serde_json::Error) -> ApiError {
    ApiError::Unexpected(format!("booking row: {e}"))
}

impl Row {
    pub fn stored_reception(&self) -> Result<StoredReception, ApiError> {
        serde_json::from_str(&self.reception).map_err(unexpected)
    }

    pub fn status(&self) -> Result<BookingStatus, ApiError> {
        BookingStatus::parse(&self.status)
            .ok_or_else(|| ApiError::Unexpected(format!("booking status {}", self.status)))
    }

    pub fn booking(&self) -> Result<Booking, ApiError> {
        let bad = |what: &str| ApiError::Unexpected(format!("booking row: bad {what}"));
        let r = self.stored_reception()?;
        let documents: Vec<Document> = serde_json::from_str(&self.documents).map_err(unexpected)?;
        Ok(Booking {
            code: self.code.clone(),
            status: self.status()?.into(),
            review: Review {
                clause: self.review_clause.clone(),
            },
            reception: BookedReception {
                office_id: OfficeId::parse(&self.office_id).map_err(|_| bad("office_id"))?,
                reception: r.reception,
            },
            format: Format::parse(&self.format).ok_or_else(|| bad("format"))?,
            language: self.language.parse::<Lang>().map_err(|_| bad("language"))?,
            interpreter: (!self.interpreter.is_empty()).then(|| self.interpreter.clone()),
            out_of_town: self.out_of_town == 1,
            documents: documents.into_iter().map(Into::into).collect(),
            created_at: instant(&self.created_at).ok_or_else(|| bad("created_at"))?,
            cancelled_at: match &self.cancelled_at {
                None => None,
                Some(at) => Some(instant(at).ok_or_else(|| bad("cancelled_at"))?),
            },
            decided_at: match &self.decided_at {
                None => None,
                Some(at) => Some(instant(at).ok_or_else(|| bad("decided_at"))?),
            },
            refusal: self.refusal(r.kind),
            office_reason: match (&self.office_reason_kk, &self.office_reason_ru) {
                (Some(kk), Some(ru)) => Some(OfficeReason {
                    kk: kk.clone(),
                    ru: ru.clone(),
                    en: self.office_reason_en.clone(),
                }),
                _ => None,
            },
            forwarded_to: self.forwarded_to.clone(),
        })
    }

    /// The refusal as the applicant sees it (R18, R24, R32): the ground's clause and
    /// alternatives under the rule set the request was decided by, and the explanation
    /// staff wrote in the booking's language.
    fn refusal(&self, kind: OfficialKind) -> Option<Refusal> {
        // A `returned` request (R3.c) records its clause too, but was never refused.
        if self.status != BookingStatus::Refused.code() {
            return None;
        }
        let clause = self.decision_clause.as_deref()?;
        let rule_set = self
            .rule_set
            .as_deref()
            .and_then(RuleSet::by_id)
            .unwrap_or_else(RuleSet::current);
        let alternatives = rule_set
            .refusal_ground(kind, clause)
            .map(|q| q.refusal_alternatives())
            .unwrap_or_else(|| vec![Alternative::DistrictOfficeWalkIn]);
        Some(Refusal {
            clause: clause.to_owned(),
            rule_set: rule_set.id.to_owned(),
            explanation: self.decision_explanation.clone().unwrap_or_default(),
            alternatives: alternatives.into_iter().map(Into::into).collect(),
        })
    }
}

fn instant(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

fn no_store(mut response: worker::Response) -> Result<worker::Response, ApiError> {
    // Personal to its owner: never in a shared cache.
    response.headers_mut().set("Cache-Control", "no-store")?;
    Ok(response)
}

/// `200 {"booking":…}`.
pub fn response(booking: Booking) -> Result<worker::Response, ApiError> {
    no_store(crate::http::json(200, &BookingBody { booking }))
}

/// `201 {"booking":…,"manage_token","manage_path"}`: the manage token handed over.
pub fn created(booking: Booking, token: String) -> Result<worker::Response, ApiError> {
    let manage_path = format!("/bookings/{}#t={token}", booking.code);
    no_store(crate::http::json(
        201,
        &BookingCreated {
            booking,
            manage_token: token,
            manage_path,
        },
    ))
}
