//! The request body of `POST /api/v1/bookings` and the SPA's draft: plain strings, so that
//! every wrong value is reported against its own field instead of failing the whole body.
//! Unknown fields are refused (`422` naming the field), so a misspelt optional field is
//! never silently dropped.

use crate::eligibility::Answers;
use crate::values::AuthorityInput;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookingInput {
    /// `{schedule_id}-{YYYYMMDD}`, as the schedule publishes it.
    pub reception_id: String,
    /// R39-4: the language of the reception, `kk` or `ru` (`en` with an interpreter, R7).
    pub language: String,
    pub applicant: ApplicantInput,
    /// R3.b, R1: the person or legal entity the applicant acts for, with the authority.
    #[serde(default)]
    pub on_behalf_of: Option<OnBehalfInput>,
    pub matter: MatterInput,
    /// R11: `in_person`, or `video` — choosing it is the applicant's consent.
    pub format: String,
    /// R7: the language an interpreter is needed for; `null` or blank if none.
    #[serde(default)]
    pub interpreter: Option<String>,
    /// R8: the applicant comes from another town.
    #[serde(default)]
    pub out_of_town: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicantInput {
    /// R1: `individual` or `representative` (of a legal entity).
    pub kind: String,
    /// R7: `citizen`, `foreigner` or `stateless`.
    pub citizenship: String,
    /// A citizen's IIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iin: Option<String>,
    /// A foreigner's or stateless person's passport number (R7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passport: Option<String>,
    pub surname: String,
    pub given_name: String,
    #[serde(default)]
    pub patronymic: Option<String>,
    /// A citizen's Kazakhstan number (required); a foreigner's or stateless person's number
    /// of any country in E.164, which may be blank when `email` is given (R7, R15).
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: Option<String>,
}

/// Whom the applicant acts for: a legal entity by its `bin` (the applicant is its
/// representative), or another person by citizenship, IIN or passport, and names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnBehalfInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizenship: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passport: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    pub authority: AuthorityInput,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatterInput {
    /// R3.c: the substance of the matter.
    pub substance: String,
    /// The eligibility questionnaire's answers by question id.
    #[serde(default)]
    pub answers: Answers,
}
