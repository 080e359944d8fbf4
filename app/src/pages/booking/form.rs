//! Step 2: who applies and about what. Every field is checked by `rules::booking` as it is
//! typed; its error shows once the field was left, or for all fields on "Next", with a
//! summary whose links lead to the fields.

use super::draft::{needs_passport, Form, Step};
use super::fields::{self, checkbox, error_summary, radio_group, select, TextField};
use super::page::{St, Wizard};
use super::{today, B};
use crate::i18n::booking::authority_kind;
use crate::i18n::manage::M;
use crate::plain::esc;
use rules::booking::FormatError;
use rules::eligibility::{Outcome, ReviewReason};
use rules::values::AuthorityKind;
use rules::Lang;
use std::fmt::Write;

fn citizenships(lang: Lang) -> [(&'static str, &'static str); 3] {
    [
        ("citizen", B::Citizen.text(lang)),
        ("foreigner", B::Foreigner.text(lang)),
        ("stateless", B::Stateless.text(lang)),
    ]
}

pub fn html(w: &Wizard, st: &St) -> String {
    let lang = w.lang;
    let f: &Form = &st.draft.form;
    let errors = w.errors(st);
    let err = |id: &str| fields::control(id).and_then(|c| w.error_for(st, &errors, c.fields));
    let text = |field: TextField, value: &str| {
        let error = err(field.id);
        field.html(value, error.as_deref(), lang)
    };
    let mut out = String::new();

    // R15, R30: "don't know" answers (or an exception) send the request to review first.
    if let Some(Outcome::NeedsReview { reasons }) = w.verdict().map(|v| v.outcome) {
        let mut notes = String::new();
        for text in distinct_explanations(&reasons, lang) {
            let _ = write!(notes, "<p>{}</p>", esc(text));
        }
        let _ = write!(
            out,
            "<div class=\"notice review\"><p class=\"notice-title\">{}</p>{notes}</div>",
            esc(B::ReviewTitle.text(lang))
        );
    }
    let _ = write!(
        out,
        "<p class=\"lead\">{}</p><div id=\"error-summary-slot\">{}</div>\
         <form class=\"booking-form\" novalidate>",
        esc(B::FormIntro.text(lang)),
        error_summary(&w.summary(st, &errors), false, lang),
    );
    out.push_str(&radio_group(
        "applicant-kind",
        B::ApplicantKind.text(lang),
        &[
            ("individual", B::KindIndividual.text(lang)),
            ("representative", B::KindRepresentative.text(lang)),
        ],
        &f.kind,
        err("applicant-kind").as_deref(),
    ));
    out.push_str(&radio_group(
        "applicant-citizenship",
        B::Citizenship.text(lang),
        &citizenships(lang),
        &f.citizenship,
        err("applicant-citizenship").as_deref(),
    ));
    // R7: a citizen's IIN, or a foreigner's or stateless person's passport, in one field.
    out.push_str(&text(
        document("applicant-document", needs_passport(&f.citizenship)),
        &f.document,
    ));
    out.push_str(&text(
        TextField {
            autocomplete: Some("family-name"),
            ..TextField::new("applicant-surname", B::Surname)
        },
        &f.surname,
    ));
    out.push_str(&text(
        TextField {
            autocomplete: Some("given-name"),
            ..TextField::new("applicant-given-name", B::GivenName)
        },
        &f.given_name,
    ));
    out.push_str(&text(
        TextField {
            optional: true,
            autocomplete: Some("additional-name"),
            ..TextField::new("applicant-patronymic", B::Patronymic)
        },
        &f.patronymic,
    ));
    // R7, R15: a foreigner's contact is a number of any country or an e-mail address.
    let international = needs_passport(&f.citizenship);
    out.push_str(&text(
        TextField {
            hint: Some(if international {
                B::PhoneHintInternational
            } else {
                B::PhoneHint
            }),
            input_type: "tel",
            autocomplete: Some("tel"),
            ..TextField::new("applicant-phone", B::Phone)
        },
        &f.phone,
    ));
    out.push_str(&text(
        TextField {
            hint: Some(if international {
                B::EmailHintInternational
            } else {
                B::EmailHint
            }),
            optional: true,
            input_type: "email",
            autocomplete: Some("email"),
            ..TextField::new("applicant-email", B::Email)
        },
        &f.email,
    ));
    if f.is_representative() {
        let _ = write!(
            out,
            "<fieldset class=\"group\"><legend>{}</legend>{}</fieldset>",
            esc(B::Entity.text(lang)),
            text(
                TextField {
                    autocomplete: Some("off"),
                    inputmode: Some("numeric"),
                    ..TextField::new("entity-bin", B::Bin)
                },
                &f.bin
            )
        );
    } else {
        let mut options = String::new();
        for (i, (value, label)) in [(false, B::ForSelf), (true, B::ForOther)]
            .into_iter()
            .enumerate()
        {
            let _ = write!(
                options,
                "<div class=\"choice\"><input type=\"radio\" id=\"acting-{i}\" name=\"acting\"{}>\
                 <label for=\"acting-{i}\">{}</label></div>",
                if f.for_other == value { " checked" } else { "" },
                esc(label.text(lang))
            );
        }
        let _ = write!(
            out,
            "<fieldset class=\"field choices\"><legend>{}</legend>{options}</fieldset>",
            esc(B::Acting.text(lang))
        );
        if f.for_other {
            let _ = write!(
                out,
                "<fieldset class=\"group\"><legend>{}</legend>{}{}{}{}{}</fieldset>",
                esc(B::OtherPerson.text(lang)),
                radio_group(
                    "other-citizenship",
                    B::Citizenship.text(lang),
                    &citizenships(lang),
                    &f.other_citizenship,
                    err("other-citizenship").as_deref(),
                ),
                text(
                    document("other-document", needs_passport(&f.other_citizenship)),
                    &f.other_document
                ),
                text(
                    TextField {
                        autocomplete: Some("off"),
                        ..TextField::new("other-surname", B::Surname)
                    },
                    &f.other_surname
                ),
                text(
                    TextField {
                        autocomplete: Some("off"),
                        ..TextField::new("other-given-name", B::GivenName)
                    },
                    &f.other_given_name
                ),
                text(
                    TextField {
                        optional: true,
                        autocomplete: Some("off"),
                        ..TextField::new("other-patronymic", B::Patronymic)
                    },
                    &f.other_patronymic
                ),
            );
        }
    }
    if f.acts_for_someone() {
        let kinds: Vec<(&str, &str)> = AuthorityKind::ALL
            .into_iter()
            .map(|k| (k.code(), authority_kind(k, lang)))
            .collect();
        let max_date = rules::dates::iso_date(today());
        let _ = write!(
            out,
            "<fieldset class=\"group\"><legend>{}</legend>{}{}{}</fieldset>",
            esc(B::Authority.text(lang)),
            select(
                "authority-kind",
                B::AuthorityKind.text(lang),
                &kinds,
                &f.authority_kind,
                err("authority-kind").as_deref(),
                lang,
            ),
            text(
                TextField {
                    autocomplete: Some("off"),
                    ..TextField::new("authority-number", B::AuthorityNumber)
                },
                &f.authority_number
            ),
            text(
                TextField {
                    input_type: "date",
                    max: Some(&max_date),
                    ..TextField::new("authority-date", B::AuthorityDate)
                },
                &f.authority_date
            ),
        );
    }
    out.push_str(&text(
        TextField {
            hint: Some(B::SubstanceHint),
            multiline: true,
            ..TextField::new("matter-substance", B::Substance)
        },
        &f.substance,
    ));
    let consent = checkbox(
        "format-consent",
        B::VideoConsent.text(lang),
        f.video_consent,
        err("format-consent").as_deref(),
    );
    match w.video_forced {
        Some(forced) => {
            let reason = match forced {
                FormatError::VideoOnlyMode => B::VideoOnlyOffice,
                FormatError::VideoReception => B::VideoOnlyReception,
            };
            let _ = write!(
                out,
                "<fieldset class=\"field choices\"><legend>{}</legend><p>{}</p>{consent}</fieldset>",
                esc(B::FormatLegend.text(lang)),
                esc(reason.text(lang)),
            );
        }
        None => {
            // R11: the reception is in person; video only at the person's wish.
            out.push_str(&radio_group(
                "format",
                B::FormatLegend.text(lang),
                &[
                    ("in_person", B::FormatInPersonHere.text(lang)),
                    ("video", B::FormatVideoInstead.text(lang)),
                ],
                &f.format,
                err("format").as_deref(),
            ));
            if f.format == "video" {
                // Here the consent shows only its own error; the format's is the group's.
                let error = w.error_for(st, &errors, &["format.consent"]);
                out.push_str(&checkbox(
                    "format-consent",
                    B::VideoConsent.text(lang),
                    f.video_consent,
                    error.as_deref(),
                ));
            }
        }
    }
    out.push_str(&checkbox(
        "interpreter-needed",
        B::InterpreterNeeded.text(lang),
        f.interpreter_needed,
        None,
    ));
    if f.interpreter_needed {
        out.push_str(&text(
            TextField {
                hint: Some(B::InterpreterHint),
                autocomplete: Some("off"),
                ..TextField::new("interpreter", B::InterpreterLanguage)
            },
            &f.interpreter,
        ));
    }
    out.push_str(&checkbox(
        "out-of-town",
        B::Shared(M::OutOfTown).text(lang),
        f.out_of_town,
        None,
    ));
    out.push_str(&radio_group(
        "language",
        B::Shared(M::Language).text(lang),
        &[
            ("kk", B::Shared(M::LangKk).text(lang)),
            ("ru", B::Shared(M::LangRu).text(lang)),
        ],
        &f.language,
        err("language").as_deref(),
    ));
    let _ = write!(
        out,
        "<div class=\"actions\"><button type=\"button\" class=\"secondary\" \
         data-act=\"back-to-questions\">{}</button><button type=\"submit\">{}</button></div></form>",
        esc(B::Back.text(lang)),
        esc(B::Next.text(lang)),
    );
    format!("{}{out}", w.step_heading(Step::Form, B::StepForm))
}

/// R7: the IIN of a citizen, the passport of anyone else.
fn document(id: &'static str, passport: bool) -> TextField<'static> {
    if passport {
        TextField {
            hint: Some(B::PassportHint),
            autocomplete: Some("off"),
            ..TextField::new(id, B::Passport)
        }
    } else {
        TextField {
            hint: Some(B::IinHint),
            autocomplete: Some("off"),
            inputmode: Some("numeric"),
            ..TextField::new(id, B::Iin)
        }
    }
}

/// The review notes, each said once: several "don't know" answers share one explanation
/// (R15, R30), which the person needs to read only once.
fn distinct_explanations(reasons: &[ReviewReason], lang: Lang) -> Vec<&'static str> {
    let mut texts: Vec<&'static str> = Vec::new();
    for r in reasons {
        let text = r.explanation.get(lang);
        if !texts.contains(&text) {
            texts.push(text);
        }
    }
    texts
}
