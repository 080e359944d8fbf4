//! The authority to act on someone else's behalf (R3.b: a request in the interest of a third
//! party is accepted only with information on the authority; R10: the documents confirming
//! representation are shown at reception; R1: a legal entity is received through its
//! representative).

use serde::{Deserialize, Serialize};
use time::Date;

/// The kind of document that gives the authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorityKind {
    PowerOfAttorney,
    /// A representative of a legal entity: its charter, or an order appointing the person.
    LegalEntityCharterOrOrder,
    /// A guardian or trustee appointed by a court.
    CourtDecision,
    /// A parent acting for a minor child (the birth certificate).
    ParentOfMinor,
    Other,
}

impl AuthorityKind {
    pub const ALL: [AuthorityKind; 5] = [
        AuthorityKind::PowerOfAttorney,
        AuthorityKind::LegalEntityCharterOrOrder,
        AuthorityKind::CourtDecision,
        AuthorityKind::ParentOfMinor,
        AuthorityKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AuthorityKind::PowerOfAttorney => "power_of_attorney",
            AuthorityKind::LegalEntityCharterOrOrder => "legal_entity_charter_or_order",
            AuthorityKind::CourtDecision => "court_decision",
            AuthorityKind::ParentOfMinor => "parent_of_minor",
            AuthorityKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<AuthorityKind> {
        AuthorityKind::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// A validated authority: the document's kind, its number (1–40 characters, trimmed, no
/// control characters) and the date it was issued, not after the day it was checked.
///
/// There is no `Deserialize`: "not in the future" needs today's date, which the crate
/// cannot know (no clock). Deserialize an [`AuthorityInput`] and call [`Authority::from_input`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Authority {
    kind: AuthorityKind,
    number: String,
    #[serde(with = "iso_date")]
    date: Date,
}

/// The form field an [`AuthorityError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorityField {
    Kind,
    Number,
    Date,
}

impl AuthorityField {
    pub fn code(self) -> &'static str {
        match self {
            AuthorityField::Kind => "kind",
            AuthorityField::Number => "number",
            AuthorityField::Date => "date",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorityError {
    /// `kind`: not one of the wire names of [`AuthorityKind`].
    UnknownKind,
    /// `number`: blank.
    NumberEmpty,
    /// `number`: longer than [`Authority::MAX_NUMBER_LEN`] characters.
    NumberTooLong,
    /// `number`: a control character (a line break, a tab, ...) or a bidirectional or
    /// format character (`text`).
    NumberBadCharacter,
    /// `date`: not a `YYYY-MM-DD` calendar date.
    DateBadFormat,
    /// `date`: after today.
    DateInFuture,
}

impl AuthorityError {
    pub fn code(self) -> &'static str {
        match self {
            AuthorityError::UnknownKind => "unknown",
            AuthorityError::NumberEmpty => "empty",
            AuthorityError::NumberTooLong => "too_long",
            AuthorityError::NumberBadCharacter => super::text::FORBIDDEN_CHARACTER,
            AuthorityError::DateBadFormat => "bad_format",
            AuthorityError::DateInFuture => "in_future",
        }
    }

    pub fn field(self) -> AuthorityField {
        match self {
            AuthorityError::UnknownKind => AuthorityField::Kind,
            AuthorityError::NumberEmpty
            | AuthorityError::NumberTooLong
            | AuthorityError::NumberBadCharacter => AuthorityField::Number,
            AuthorityError::DateBadFormat | AuthorityError::DateInFuture => AuthorityField::Date,
        }
    }
}

/// The authority as it arrives from a form or over the wire, unchecked; all strings, so that
/// each wrong field is reported as such (e.g. a `422` naming `date`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorityInput {
    pub kind: String,
    pub number: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

impl Authority {
    pub const MAX_NUMBER_LEN: usize = 40;

    /// Checks the number and that the document was issued on or before `today` (the
    /// caller's date in Asia/Almaty).
    pub fn new(
        kind: AuthorityKind,
        number: &str,
        date: Date,
        today: Date,
    ) -> Result<Authority, AuthorityError> {
        let number = check_number(number)?;
        if date > today {
            return Err(AuthorityError::DateInFuture);
        }
        Ok(Authority { kind, number, date })
    }

    /// Validates an [`AuthorityInput`], field by field in form order (kind, number, date).
    pub fn from_input(input: &AuthorityInput, today: Date) -> Result<Authority, AuthorityError> {
        let kind = AuthorityKind::parse(input.kind.trim()).ok_or(AuthorityError::UnknownKind)?;
        check_number(&input.number)?;
        let date =
            crate::dates::parse_iso_date(input.date.trim()).ok_or(AuthorityError::DateBadFormat)?;
        Authority::new(kind, &input.number, date, today)
    }

    pub fn kind(&self) -> AuthorityKind {
        self.kind
    }

    pub fn number(&self) -> &str {
        &self.number
    }

    /// The date the document was issued.
    pub fn date(&self) -> Date {
        self.date
    }

    /// Back to the wire form, e.g. to store it and validate it again when read.
    pub fn to_input(&self) -> AuthorityInput {
        AuthorityInput {
            kind: self.kind.code().to_owned(),
            number: self.number.clone(),
            date: iso_date::format(self.date),
        }
    }
}

/// The document number, in NFC, trimmed: 1–40 characters, none of them a control,
/// bidirectional or format character.
fn check_number(number: &str) -> Result<String, AuthorityError> {
    let number = super::text::normalise(number.trim(), super::text::Lines::One)
        .map_err(|_| AuthorityError::NumberBadCharacter)?;
    let number = number.trim();
    if number.is_empty() {
        return Err(AuthorityError::NumberEmpty);
    }
    if number.chars().count() > Authority::MAX_NUMBER_LEN {
        return Err(AuthorityError::NumberTooLong);
    }
    Ok(number.to_owned())
}

/// `YYYY-MM-DD`, the date form used on the wire.
mod iso_date {
    use serde::Serializer;
    use time::Date;

    pub fn format(date: Date) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )
    }

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format(*date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 12 - 14);

    fn input(kind: &str, number: &str, date: &str) -> AuthorityInput {
        AuthorityInput {
            kind: kind.to_owned(),
            number: number.to_owned(),
            date: date.to_owned(),
        }
    }

    #[test]
    fn a_valid_authority() {
        // R3.b, R10: kind, number and date of the document giving the authority.
        let a = Authority::new(
            AuthorityKind::PowerOfAttorney,
            "  №  123-Д/2026 ",
            date!(2026 - 11 - 02),
            TODAY,
        )
        .unwrap();
        assert_eq!(a.kind(), AuthorityKind::PowerOfAttorney);
        assert_eq!(a.number(), "№  123-Д/2026");
        assert_eq!(a.date(), date!(2026 - 11 - 02));
        // Issued today is not in the future.
        assert!(Authority::new(AuthorityKind::CourtDecision, "2-1234/2026", TODAY, TODAY).is_ok());
        assert!(Authority::new(AuthorityKind::Other, &"N".repeat(40), TODAY, TODAY).is_ok());
    }

    #[test]
    fn each_error_names_its_field() {
        // R3.b: without a valid authority the request for a third party is not accepted.
        for (kind, number, date, err, field) in [
            (
                "proxy",
                "1",
                "2026-01-01",
                AuthorityError::UnknownKind,
                "kind",
            ),
            ("", "1", "2026-01-01", AuthorityError::UnknownKind, "kind"),
            (
                "power_of_attorney",
                "  ",
                "2026-01-01",
                AuthorityError::NumberEmpty,
                "number",
            ),
            (
                "court_decision",
                &"1".repeat(41),
                "2026-01-01",
                AuthorityError::NumberTooLong,
                "number",
            ),
            (
                "other",
                "12\n34",
                "2026-01-01",
                AuthorityError::NumberBadCharacter,
                "number",
            ),
            (
                "parent_of_minor",
                "I-АЛ 123456",
                "",
                AuthorityError::DateBadFormat,
                "date",
            ),
            (
                "parent_of_minor",
                "I-АЛ 123456",
                "14.12.2026",
                AuthorityError::DateBadFormat,
                "date",
            ),
            (
                "parent_of_minor",
                "I-АЛ 123456",
                "2026-02-30",
                AuthorityError::DateBadFormat,
                "date",
            ),
            (
                "legal_entity_charter_or_order",
                "15-к",
                "2026-12-15",
                AuthorityError::DateInFuture,
                "date",
            ),
            // Errors come in form order: the number before the date.
            (
                "power_of_attorney",
                "",
                "someday",
                AuthorityError::NumberEmpty,
                "number",
            ),
        ] {
            let e = Authority::from_input(&input(kind, number, date), TODAY).unwrap_err();
            assert_eq!(e, err, "{kind:?} {number:?} {date:?}");
            assert_eq!(e.field().code(), field);
        }
    }

    #[test]
    fn wire_names_and_round_trip() {
        let names: Vec<&str> = AuthorityKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(
            names,
            [
                "power_of_attorney",
                "legal_entity_charter_or_order",
                "court_decision",
                "parent_of_minor",
                "other"
            ]
        );
        for kind in AuthorityKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
            assert_eq!(serde_json::from_str::<AuthorityKind>(&json).unwrap(), kind);
            assert_eq!(AuthorityKind::parse(kind.code()), Some(kind));
        }
        let a = Authority::from_input(
            &input(
                "legal_entity_charter_or_order",
                "Приказ № 15-к",
                "2024-03-01",
            ),
            TODAY,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::json!({
                "kind": "legal_entity_charter_or_order",
                "number": "Приказ № 15-к",
                "date": "2024-03-01"
            })
        );
        let wire: AuthorityInput =
            serde_json::from_value(serde_json::to_value(&a).unwrap()).unwrap();
        assert_eq!(wire, a.to_input());
        assert_eq!(Authority::from_input(&wire, TODAY), Ok(a));
    }
}
