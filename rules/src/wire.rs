//! Reading back what the crate serialises, for the types whose `Serialize` lives next to
//! their logic: the SPA deserialises the API's answers into the same types the Worker
//! serialised (the `api` crate). Each `Deserialize` reads exactly the shape its `Serialize`
//! writes; the tests below round-trip every value.
//!
//! Values that only exist as static data (an [`Alternative`]'s text) are resolved by their
//! code, never copied from the wire.

use crate::booking::Document;
use crate::calendar::{iso_date, DayOff, YearCalendar};
use crate::eligibility::ReviewCode;
use crate::lang::Tr;
use crate::ruleset::{Alternative, Role};
use crate::values::AuthorityKind;
use crate::LocalizedText;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use time::Date;

impl From<Tr> for LocalizedText {
    fn from(t: Tr) -> LocalizedText {
        LocalizedText {
            kk: t.get(crate::Lang::Kk).to_owned(),
            ru: t.get(crate::Lang::Ru).to_owned(),
            en: t.get(crate::Lang::En).to_owned(),
        }
    }
}

/// `{"code":"court","text":{…}}`: the code decides; the text is the one this build has for it.
impl<'de> Deserialize<'de> for Alternative {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            code: String,
        }
        let Wire { code } = Wire::deserialize(d)?;
        Alternative::parse(&code)
            .ok_or_else(|| D::Error::custom(format!("unknown alternative {code:?}")))
    }
}

/// Parses a snake_case code with a type's own `code()` list.
fn by_code<'de, D: Deserializer<'de>, T: Copy>(
    d: D,
    all: &[T],
    code: fn(T) -> &'static str,
    what: &str,
) -> Result<T, D::Error> {
    let s = String::deserialize(d)?;
    all.iter()
        .copied()
        .find(|v| code(*v) == s)
        .ok_or_else(|| D::Error::custom(format!("unknown {what} {s:?}")))
}

pub(crate) const ROLES: [Role; 4] = [
    Role::Ground,
    Role::Agreement,
    Role::Exception,
    Role::Competence,
];

pub(crate) fn role_code(r: Role) -> &'static str {
    match r {
        Role::Ground => "ground",
        Role::Agreement => "agreement",
        Role::Exception => "exception",
        Role::Competence => "competence",
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        by_code(d, &ROLES, role_code, "role")
    }
}

pub(crate) const REVIEW_CODES: [ReviewCode; 3] = [
    ReviewCode::UnknownAnswer,
    ReviewCode::UnknownAgreement,
    ReviewCode::ExceptionToConfirm,
];

pub(crate) fn review_code(c: ReviewCode) -> &'static str {
    match c {
        ReviewCode::UnknownAnswer => "unknown_answer",
        ReviewCode::UnknownAgreement => "unknown_agreement",
        ReviewCode::ExceptionToConfirm => "exception_to_confirm",
    }
}

impl<'de> Deserialize<'de> for ReviewCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        by_code(d, &REVIEW_CODES, review_code, "review code")
    }
}

/// `{"document":"identity_document"}`, `{"document":"authority","kind":"power_of_attorney"}`.
impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            document: String,
            #[serde(default)]
            kind: Option<AuthorityKind>,
        }
        let w = Wire::deserialize(d)?;
        match (w.document.as_str(), w.kind) {
            ("identity_document", None) => Ok(Document::IdentityDocument),
            ("passport", None) => Ok(Document::Passport),
            ("authority", Some(kind)) => Ok(Document::Authority { kind }),
            (other, _) => Err(D::Error::custom(format!("unknown document {other:?}"))),
        }
    }
}

/// `{"year":2026,"days_off":[…],"working_weekend_days":["2026-…"]}`.
impl<'de> Deserialize<'de> for YearCalendar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(transparent)]
        struct Day(#[serde(with = "iso_date")] Date);
        #[derive(Deserialize)]
        struct Wire {
            year: i32,
            days_off: Vec<DayOff>,
            working_weekend_days: Vec<Day>,
        }
        let w = Wire::deserialize(d)?;
        Ok(YearCalendar {
            year: w.year,
            days_off: w.days_off,
            working_weekend_days: w.working_weekend_days.into_iter().map(|d| d.0).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use serde::Serialize;

    fn round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(v: T) {
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v, "{json}");
    }

    #[test]
    fn r18_alternatives_read_back_by_code() {
        for a in Alternative::ALL {
            round_trip(a);
        }
        assert!(serde_json::from_str::<Alternative>(r#"{"code":"x","text":null}"#).is_err());
    }

    #[test]
    fn roles_and_review_codes_read_back() {
        for r in ROLES {
            round_trip(r);
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::json!(role_code(r))
            );
        }
        for c in REVIEW_CODES {
            round_trip(c);
            assert_eq!(
                serde_json::to_value(c).unwrap(),
                serde_json::json!(review_code(c))
            );
        }
    }

    #[test]
    fn r10_documents_read_back() {
        round_trip(Document::IdentityDocument);
        round_trip(Document::Passport);
        for kind in AuthorityKind::ALL {
            round_trip(Document::Authority { kind });
        }
        for bad in [
            r#"{"document":"authority"}"#,
            r#"{"document":"passport","kind":"other"}"#,
            r#"{"document":"visa"}"#,
        ] {
            assert!(serde_json::from_str::<Document>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn calendar_years_read_back() {
        let calendar = Calendar::kazakhstan();
        for year in 2024..=2028 {
            round_trip(calendar.year(year).unwrap());
        }
    }

    #[test]
    fn tr_becomes_localized_text() {
        let t = Alternative::Court.text();
        assert_eq!(
            serde_json::to_value(LocalizedText::from(t)).unwrap(),
            serde_json::to_value(t).unwrap()
        );
    }
}
