//! The wizard's draft: the answers, the form as typed, the step, and — while a request is
//! on its way — the Idempotency-Key with the exact body sent. Kept in localStorage per
//! reception, so a reload or a dropped connection loses nothing and a retry sends the very
//! same request (never a second booking); removed once the booking is made.

use crate::storage;
use rules::booking::{ApplicantInput, BookingInput, MatterInput, OnBehalfInput};
use rules::eligibility::{is_asked, questions_for, Answers};
use rules::ruleset::RuleSet;
use rules::values::{AuthorityInput, Citizenship};
use rules::{Lang, OfficialKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Questions,
    Form,
    Review,
}

impl Step {
    pub fn number(self) -> usize {
        match self {
            Step::Questions => 1,
            Step::Form => 2,
            Step::Review => 3,
        }
    }
}

/// The form as the person typed it. Every value is kept as typed; `rules::booking` checks
/// and normalises it (in the browser and again on the server).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Form {
    /// `individual` or `representative` (R1).
    pub kind: String,
    /// `citizen`, `foreigner`, `stateless` (R7).
    pub citizenship: String,
    /// The IIN of a citizen, the passport number of anyone else.
    pub document: String,
    pub surname: String,
    pub given_name: String,
    pub patronymic: String,
    pub phone: String,
    pub email: String,
    /// An individual acting for another person (R3.b).
    pub for_other: bool,
    pub other_citizenship: String,
    pub other_document: String,
    pub other_surname: String,
    pub other_given_name: String,
    pub other_patronymic: String,
    /// The legal entity a representative acts for (R1).
    pub bin: String,
    pub authority_kind: String,
    pub authority_number: String,
    /// `YYYY-MM-DD`, as `<input type=date>` gives it.
    pub authority_date: String,
    pub substance: String,
    /// `in_person` or `video` (R11).
    pub format: String,
    /// R11: the explicit consent to a video conference.
    pub video_consent: bool,
    /// Consent to the processing of the personal data the request carries, asked on the
    /// review step before sending (what is kept and for how long: README, "Personal data").
    pub data_consent: bool,
    pub interpreter_needed: bool,
    pub interpreter: String,
    pub out_of_town: bool,
    /// R39-4: `kk` or `ru`.
    pub language: String,
}

impl Default for Form {
    fn default() -> Form {
        Form {
            kind: "individual".into(),
            citizenship: "citizen".into(),
            document: String::new(),
            surname: String::new(),
            given_name: String::new(),
            patronymic: String::new(),
            phone: String::new(),
            email: String::new(),
            for_other: false,
            other_citizenship: "citizen".into(),
            other_document: String::new(),
            other_surname: String::new(),
            other_given_name: String::new(),
            other_patronymic: String::new(),
            bin: String::new(),
            authority_kind: String::new(),
            authority_number: String::new(),
            authority_date: String::new(),
            substance: String::new(),
            format: "in_person".into(),
            video_consent: false,
            data_consent: false,
            interpreter_needed: false,
            interpreter: String::new(),
            out_of_town: false,
            language: String::new(),
        }
    }
}

/// R7: foreigners and stateless persons identify by passport (`rules` decides); a value not
/// chosen yet asks for the IIN, the form's default.
pub fn needs_passport(citizenship: &str) -> bool {
    Citizenship::parse(citizenship).is_some_and(Citizenship::needs_passport)
}

fn some(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.to_owned())
}

impl Form {
    /// A new form in the interface's language: Kazakh or Russian is also the language of
    /// the reception until the person chooses (R39-4); in English they choose.
    pub fn new(lang: Lang, video_only: bool) -> Form {
        Form {
            language: match lang {
                Lang::Kk => "kk".into(),
                Lang::Ru => "ru".into(),
                Lang::En => String::new(),
            },
            format: if video_only { "video" } else { "in_person" }.into(),
            ..Form::default()
        }
    }

    pub fn is_representative(&self) -> bool {
        self.kind == "representative"
    }

    /// Whether the form names someone the applicant acts for (and so an authority).
    pub fn acts_for_someone(&self) -> bool {
        self.is_representative() || self.for_other
    }

    /// The body of `POST /api/v1/bookings` (`rules::booking::BookingInput`).
    pub fn to_input(&self, reception_id: &str, answers: &Answers) -> BookingInput {
        let (iin, passport) = if needs_passport(&self.citizenship) {
            (None, Some(self.document.clone()))
        } else {
            (Some(self.document.clone()), None)
        };
        let authority = AuthorityInput {
            kind: self.authority_kind.clone(),
            number: self.authority_number.clone(),
            date: self.authority_date.clone(),
        };
        let on_behalf_of = if self.is_representative() {
            Some(OnBehalfInput {
                bin: Some(self.bin.clone()),
                authority,
                ..OnBehalfInput::default()
            })
        } else if self.for_other {
            let (iin, passport) = if needs_passport(&self.other_citizenship) {
                (None, Some(self.other_document.clone()))
            } else {
                (Some(self.other_document.clone()), None)
            };
            Some(OnBehalfInput {
                bin: None,
                citizenship: Some(self.other_citizenship.clone()),
                iin,
                passport,
                surname: Some(self.other_surname.clone()),
                given_name: Some(self.other_given_name.clone()),
                patronymic: some(&self.other_patronymic),
                authority,
            })
        } else {
            None
        };
        BookingInput {
            reception_id: reception_id.to_owned(),
            language: self.language.clone(),
            applicant: ApplicantInput {
                kind: self.kind.clone(),
                citizenship: self.citizenship.clone(),
                iin,
                passport,
                surname: self.surname.clone(),
                given_name: self.given_name.clone(),
                patronymic: some(&self.patronymic),
                phone: self.phone.clone(),
                email: some(&self.email),
            },
            on_behalf_of,
            matter: MatterInput {
                substance: self.substance.clone(),
                answers: answers.clone(),
            },
            format: self.format.clone(),
            interpreter: if self.interpreter_needed {
                Some(self.interpreter.clone())
            } else {
                None
            },
            out_of_town: self.out_of_town,
        }
    }

    /// What the form itself asks beyond the Rules' field checks: the explicit consent to a
    /// video conference (R11). Field paths as in `rules::booking`.
    pub fn ui_errors(&self) -> Vec<(String, String)> {
        let mut errors = Vec::new();
        if self.format == "video" && !self.video_consent {
            errors.push(("format.consent".to_owned(), "consent_required".to_owned()));
        }
        errors
    }
}

/// The answers a request carries: those to questions that are asked now (an exception
/// answered before its ground was changed back to "no" is dropped).
pub fn asked_answers(kind: OfficialKind, answers: &Answers) -> Answers {
    questions_for(RuleSet::current(), kind)
        .filter(|q| is_asked(q, answers))
        .filter_map(|q| answers.get(q.id).map(|a| (q.id.to_owned(), *a)))
        .collect()
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub step: Step,
    pub answers: Answers,
    pub form: Form,
    /// Fields the person has left (their errors are shown from then on).
    pub touched: BTreeSet<String>,
    /// The Idempotency-Key of this draft's request.
    pub key: String,
    /// The exact JSON body being submitted, until the server has answered it.
    pub pending: Option<String>,
    /// When the stored draft ends (unix seconds): set on every save ([`expiry`]).
    pub expires_at: Option<i64>,
}

fn storage_key(reception_id: &str) -> String {
    format!("{}{reception_id}", storage::DRAFT_PREFIX)
}

/// A draft holds an IIN and the matter: on a shared phone it is kept no longer than a day
/// after it was last changed, and never past the end of its reception's day in Kazakhstan
/// (the reception's date ends its id, `…-YYYYMMDD`).
pub const KEEP_SECONDS: i64 = 24 * 3600;

pub fn expiry(reception_id: &str, now: i64) -> i64 {
    let day_end = reception_id
        .rsplit('-')
        .next()
        .filter(|d| d.len() == 8 && d.is_ascii())
        // `rules`' own reading of a date, not `time`'s generic parser (its weight).
        .and_then(|d| {
            rules::dates::parse_iso_date(&format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]))
        })
        .map(|d| {
            (d + time::Duration::days(1))
                .midnight()
                .assume_offset(time::macros::offset!(+5))
                .unix_timestamp()
        });
    let day_after = now + KEEP_SECONDS;
    day_end.map_or(day_after, |end| end.min(day_after))
}

impl Draft {
    /// The stored draft for a reception, if there is one still in its time (one past it is
    /// removed).
    pub fn load(reception_id: &str) -> Option<Draft> {
        let text = storage::local_get(&storage_key(reception_id))?;
        let now = crate::clock::now()?.unix_timestamp();
        if storage::draft_expired(&text, now) {
            Draft::remove(reception_id);
            return None;
        }
        serde_json::from_str(&text).ok()
    }

    pub fn save(&self, reception_id: &str) {
        let Some(now) = crate::clock::now() else {
            return;
        };
        let kept = Draft {
            expires_at: Some(expiry(reception_id, now.unix_timestamp())),
            ..self.clone()
        };
        if let Ok(text) = serde_json::to_string(&kept) {
            storage::local_set(&storage_key(reception_id), &text);
        }
    }

    pub fn remove(reception_id: &str) {
        storage::local_remove(&storage_key(reception_id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::eligibility::Answer;
    use time::macros::date;

    fn filled() -> Form {
        Form {
            document: "900101300017".into(),
            surname: "Сейтқали".into(),
            given_name: "Айгерім".into(),
            phone: "+7 701 123 45 67".into(),
            substance: "Сот орындаушысы алимент өндіру туралы шешімді үш ай бойы орындамай отыр."
                .into(),
            ..Form::new(Lang::Kk, false)
        }
    }

    #[test]
    fn a_draft_ends_after_a_day_or_with_its_reception_day() {
        // 2026-12-07 ends at 2026-12-08T00:00+05:00 = 2026-12-07T19:00Z.
        let day_end = 1_796_670_000;
        assert_eq!(
            time::OffsetDateTime::from_unix_timestamp(day_end).unwrap(),
            time::macros::datetime!(2026-12-07 19:00 UTC)
        );
        let id = "shymkent-head-weekly-20261207";
        // Days before: a day after the last change.
        assert_eq!(expiry(id, day_end - 3 * 86_400), day_end - 2 * 86_400);
        // On the reception's day: its end.
        assert_eq!(expiry(id, day_end - 3_600), day_end);
        // No date in the id: a day.
        assert_eq!(expiry("odd", 10), 10 + KEEP_SECONDS);
    }

    #[test]
    fn a_filled_form_is_a_valid_request() {
        let input = filled().to_input("shymkent-head-weekly-20261207", &Answers::new());
        let request = input.validate(date!(2026 - 11 - 25)).unwrap();
        assert_eq!(request.language, Lang::Kk);
        assert!(filled().ui_errors().is_empty());
    }

    #[test]
    fn r7_passport_for_foreigners_and_stateless_iin_otherwise() {
        assert!(needs_passport("foreigner") && needs_passport("stateless"));
        assert!(!needs_passport("citizen"));
        // Not chosen yet (or unknown): the IIN field, the form's default.
        assert!(!needs_passport("") && !needs_passport("martian"));
    }

    #[test]
    fn the_document_goes_to_the_field_the_citizenship_needs() {
        let mut form = filled();
        form.citizenship = "foreigner".into();
        form.document = "N1234567".into();
        let input = form.to_input("x-20261207", &Answers::new());
        assert_eq!(input.applicant.passport.as_deref(), Some("N1234567"));
        assert_eq!(input.applicant.iin, None);
        input.validate(date!(2026 - 11 - 25)).unwrap();
    }

    #[test]
    fn a_representative_names_the_entity_and_the_authority() {
        let mut form = filled();
        form.kind = "representative".into();
        form.for_other = true; // ignored for a representative
        let errors = form
            .to_input("x-20261207", &Answers::new())
            .validate(date!(2026 - 11 - 25))
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["on_behalf_of.authority.kind", "on_behalf_of.bin"]);
    }

    #[test]
    fn video_needs_consent() {
        let mut form = Form::new(Lang::En, true);
        assert_eq!(form.format, "video");
        assert_eq!(form.language, "");
        assert_eq!(form.ui_errors().len(), 1);
        form.video_consent = true;
        assert!(form.ui_errors().is_empty());
    }

    #[test]
    fn answers_to_questions_no_longer_asked_are_dropped() {
        let mut answers = Answers::new();
        answers.insert("r31_1_already_received".into(), Answer::No);
        answers.insert("r33_new_evidence".into(), Answer::Yes);
        let kept = asked_answers(OfficialKind::RegionalHead, &answers);
        assert!(kept.contains_key("r31_1_already_received"));
        assert!(!kept.contains_key("r33_new_evidence"));
    }

    #[test]
    fn a_draft_round_trips_through_json() {
        let draft = Draft {
            step: Step::Form,
            form: filled(),
            key: "k".into(),
            pending: Some("{}".into()),
            ..Draft::default()
        };
        let text = serde_json::to_string(&draft).unwrap();
        assert_eq!(serde_json::from_str::<Draft>(&text).unwrap(), draft);
    }
}
