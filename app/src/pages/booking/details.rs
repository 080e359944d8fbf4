//! A booking as its owner sees it — code, status, when, where, what to bring (R10) — on the
//! confirmation and on the manage page.

use crate::booking_api::Booking;
use crate::components::schedule::{format_msg, hm, place_text};
use crate::i18n::booking::{authority_kind, status_requested, B};
use crate::i18n::long_date;
use crate::lang::use_lang;
use ::api::Lenient;
use leptos::prelude::*;
use rules::booking::{BookingStatus, Document};
use rules::schedule::Format;
use rules::Lang;

/// The status in words: `requested` says the place is held while staff review it, under
/// the clause the answer names (R15, R30); a status this build does not know, generically.
pub fn status_text(b: &Booking, lang: Lang) -> String {
    match b.status {
        Lenient::Known(BookingStatus::Requested) => status_requested(&b.review.clause, lang),
        Lenient::Known(BookingStatus::Confirmed) => B::StatusConfirmed.text(lang).to_owned(),
        Lenient::Known(BookingStatus::Refused) => B::StatusRefused.text(lang).to_owned(),
        Lenient::Known(BookingStatus::Cancelled) => B::StatusCancelled.text(lang).to_owned(),
        Lenient::Known(BookingStatus::CancelledByOffice) => {
            B::StatusCancelledByOffice.text(lang).to_owned()
        }
        Lenient::Known(BookingStatus::Returned) => B::StatusReturned.text(lang).to_owned(),
        Lenient::Unknown(_) => B::StatusUnknown.text(lang).to_owned(),
    }
}

/// What to bring (R10); a document this build does not know, generically.
pub fn document_text(document: &Lenient<Document>, lang: Lang) -> String {
    match document {
        Lenient::Known(Document::IdentityDocument) => B::DocIdentity.text(lang).to_owned(),
        Lenient::Known(Document::Passport) => B::DocPassport.text(lang).to_owned(),
        Lenient::Known(Document::Authority { kind }) => format!(
            "{}: {}",
            B::DocAuthority.text(lang),
            authority_kind(*kind, lang)
        ),
        Lenient::Unknown(_) => B::DocUnknown.text(lang).to_owned(),
    }
}

#[component]
pub fn BookingDetails(#[prop(into)] booking: Signal<Booking>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let b = booking.get();
        let lang = lang.get();
        let r = &b.reception.reception;
        let format = b.format;
        let documents_title = if format == Format::Video {
            B::DocumentsVideo
        } else {
            B::Documents
        };
        view! {
            <dl class="facts booking-facts">
                <dt>{B::Code.text(lang)}</dt>
                <dd><strong class="booking-code">{b.code.clone()}</strong></dd>
                <dt>{B::Status.text(lang)}</dt>
                <dd class="booking-status" data-status=b.status.known().map(|s| s.code())>{status_text(&b, lang)}</dd>
                <dt>{B::DateTime.text(lang)}</dt>
                <dd>{long_date(r.date, lang)}", "{hm(r.start)}"–"{hm(r.end)}</dd>
                <dt>{B::Place.text(lang)}</dt>
                <dd>{place_text(&r.place, lang)}</dd>
                <dt>{B::Format.text(lang)}</dt>
                <dd>{format_msg(format).text(lang)}</dd>
                {match b.language {
                    Lang::Kk => Some(B::LangKk),
                    Lang::Ru => Some(B::LangRu),
                    Lang::En => None,
                }.map(|l| view! {
                    <dt>{B::Language.text(lang)}</dt>
                    <dd>{l.text(lang)}</dd>
                })}
                {b.out_of_town.then(|| view! {
                    <dt>{B::OutOfTown.text(lang)}</dt>
                    <dd>{B::Yes.text(lang)}</dd>
                })}
                {b.interpreter.clone().map(|i| view! {
                    <dt>{B::Interpreter.text(lang)}</dt>
                    <dd>{i}</dd>
                })}
            </dl>
            {(!b.documents.is_empty()).then(|| view! {
                <h3>{documents_title.text(lang)}</h3>
                <ul class="documents">
                    {b.documents
                        .iter()
                        .map(|d| view! { <li>{document_text(d, lang)}</li> })
                        .collect_view()}
                </ul>
            })}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booking_api::read_created;
    use crate::booking_api::tests::{booking, review_clause};
    use crate::i18n::booking::clause_text;

    /// A status and a document a newer Worker sends show the generic texts (kk, ru, en),
    /// the rest of the booking as usual.
    #[test]
    fn an_unknown_status_and_document_show_generic_texts() {
        let b = read_created(&booking("on_hold", r#"{"document":"court_summons"}"#))
            .unwrap()
            .booking;
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            assert_eq!(status_text(&b, lang), B::StatusUnknown.text(lang));
            assert_eq!(
                document_text(&b.documents[1], lang),
                B::DocUnknown.text(lang)
            );
            assert_eq!(
                document_text(&b.documents[0], lang),
                B::DocIdentity.text(lang)
            );
        }
    }

    /// `requested` names the review clause the answer gives (R15 or R30), not one of its own.
    #[test]
    fn requested_names_the_answers_review_clause() {
        let b = read_created(&booking("requested", r#"{"document":"passport"}"#))
            .unwrap()
            .booking;
        let text = status_text(&b, Lang::Ru);
        assert!(
            text.contains(&clause_text(review_clause(), Lang::Ru)),
            "{text}"
        );
    }
}
