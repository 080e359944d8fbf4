//! Pre-registration for one reception (R3, R3.a, R15, R30): `/register/{office}/{reception}`,
//! written without Leptos (as the office page, src/office_page.rs, with the kit src/plain.rs).
//!
//! Three steps: the eligibility questions for the official's kind, decided in the browser by
//! `rules::eligibility` (a refusal sends nothing); the form, checked field by field by
//! `rules::booking`; a review; then the request with an Idempotency-Key, retried with the same
//! key and body until the server has answered. Each step's HTML is written once when it is
//! entered; what the person types is kept in the draft on `input` events, and only the small
//! parts that change (an error line, the progress) are written again. The draft lives in
//! localStorage (see [`draft`]). The booking made, the manage page takes over.

pub mod draft;
mod fields;
mod form;
mod page;
mod questions;
mod review;
mod ruleset;
mod submit;

pub use page::start;

use crate::i18n::booking::B;
use crate::i18n::manage::M;
use crate::storage;
use leptos::prelude::*;
use rules::Lang;
use time::{Date, OffsetDateTime};
use wasm_bindgen::JsCast;

/// Today in Kazakhstan, by the browser's clock (an authority may not be dated later).
pub fn today() -> Date {
    crate::clock::today().unwrap_or(OffsetDateTime::UNIX_EPOCH.date())
}

/// Moves the keyboard focus (and a screen reader) to an element, once it is rendered.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

pub use crate::plain::focus;

/// Where a field's control is, for the error summary's links.
pub fn dom_id(field: &str) -> String {
    let last = field.rsplit('.').next().unwrap_or(field);
    match field {
        "applicant.iin" | "applicant.passport" => "applicant-document".into(),
        "on_behalf_of.iin" | "on_behalf_of.passport" => "other-document".into(),
        "applicant.kind" => "applicant-kind-0".into(),
        "applicant.citizenship" => "applicant-citizenship-0".into(),
        "on_behalf_of" => "acting-0".into(),
        "on_behalf_of.citizenship" => "other-citizenship-0".into(),
        "on_behalf_of.bin" => "entity-bin".into(),
        "on_behalf_of.authority.kind" => "authority-kind".into(),
        "on_behalf_of.authority.number" => "authority-number".into(),
        "on_behalf_of.authority.date" => "authority-date".into(),
        "matter.substance" => "matter-substance".into(),
        "format" => "format-0".into(),
        "format.consent" => "format-consent".into(),
        "language" => "language-0".into(),
        "interpreter" => "interpreter".into(),
        f if f.starts_with("on_behalf_of.") => format!("other-{}", last.replace('_', "-")),
        f if f.starts_with("applicant.") => format!("applicant-{}", last.replace('_', "-")),
        f => f.replace(['.', '_'], "-"),
    }
}

/// The label a field is known by in the error summary.
pub fn label_of(field: &str, lang: Lang) -> String {
    let last = field.rsplit('.').next().unwrap_or(field);
    let label = match (field, last) {
        ("applicant.kind", _) => B::ApplicantKind,
        (_, "citizenship") => B::Citizenship,
        (_, "iin") => B::Iin,
        (_, "passport") => B::Passport,
        (_, "surname") => B::Surname,
        (_, "given_name") => B::GivenName,
        (_, "patronymic") => B::Patronymic,
        (_, "phone") => B::Phone,
        (_, "email") => B::Email,
        (_, "bin") => B::Bin,
        ("on_behalf_of", _) => B::Acting,
        ("on_behalf_of.authority.kind", _) => B::AuthorityKind,
        ("on_behalf_of.authority.number", _) => B::AuthorityNumber,
        ("on_behalf_of.authority.date", _) => B::AuthorityDate,
        ("matter.substance", _) => B::Substance,
        ("format" | "format.consent", _) => B::FormatLegend,
        ("interpreter", _) => B::InterpreterLanguage,
        ("language", _) => B::Shared(M::Language),
        (f, _) if f.starts_with("matter.answers") => B::StepQuestions,
        _ => B::Shared(M::DateTime),
    };
    let text = label.text(lang);
    if field.starts_with("on_behalf_of.")
        && !field.starts_with("on_behalf_of.authority")
        && field != "on_behalf_of.bin"
    {
        format!("{} — {text}", B::OtherPerson.text(lang))
    } else {
        text.to_owned()
    }
}

/// The form's order on the screen, which the error summary follows.
fn order(field: &str) -> usize {
    const ORDER: [&str; 24] = [
        "reception_id",
        "applicant.kind",
        "applicant.citizenship",
        "applicant.iin",
        "applicant.passport",
        "applicant.surname",
        "applicant.given_name",
        "applicant.patronymic",
        "applicant.phone",
        "applicant.email",
        "on_behalf_of",
        "on_behalf_of.bin",
        "on_behalf_of.citizenship",
        "on_behalf_of.iin",
        "on_behalf_of.passport",
        "on_behalf_of.surname",
        "on_behalf_of.given_name",
        "on_behalf_of.patronymic",
        "on_behalf_of.authority.kind",
        "on_behalf_of.authority.number",
        "on_behalf_of.authority.date",
        "matter.substance",
        "format",
        "format.consent",
    ];
    match field {
        "interpreter" => ORDER.len(),
        "language" => ORDER.len() + 1,
        f => ORDER
            .iter()
            .position(|o| *o == f)
            .unwrap_or(ORDER.len() + 2),
    }
}

fn done_key(reception_id: &str) -> String {
    format!("qabyldau.done.{reception_id}")
}

/// The confirmation of a booking made in this tab, kept for a reload of the page.
pub fn forget_confirmation(reception_id: &str) {
    storage::session_remove(&done_key(reception_id));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_control_and_a_label() {
        for field in [
            "applicant.iin",
            "applicant.passport",
            "applicant.surname",
            "applicant.given_name",
            "on_behalf_of.given_name",
            "on_behalf_of.authority.date",
            "format.consent",
        ] {
            assert!(!dom_id(field).contains('.'), "{field}");
            assert!(!dom_id(field).contains('_'), "{field}");
        }
        assert_eq!(dom_id("applicant.given_name"), "applicant-given-name");
        assert_eq!(dom_id("on_behalf_of.surname"), "other-surname");
        assert_eq!(label_of("applicant.surname", Lang::Ru), "Фамилия");
        assert!(label_of("on_behalf_of.surname", Lang::En).starts_with("The person you act for"));
        assert!(order("applicant.iin") < order("matter.substance"));
        assert!(order("format.consent") < order("language"));
    }
}
