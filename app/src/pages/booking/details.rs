//! A booking as its owner sees it — code, status, when, where, what to bring (R10) — on the
//! confirmation and on the manage page.

use crate::booking_api::Booking;
use crate::components::schedule::{format_msg, hm, place_text};
use crate::i18n::booking::{authority_kind, status_requested, B};
use crate::i18n::long_date;
use crate::lang::use_lang;
use leptos::prelude::*;
use rules::schedule::Format;
use rules::values::AuthorityKind;
use rules::Lang;

/// The status in words: `requested` says the place is held while staff review it (R15, R30).
pub fn status_text(b: &Booking, lang: Lang) -> String {
    match b.status.as_str() {
        "requested" => {
            status_requested(b.review.as_ref().map_or("R30", |r| r.clause.as_str()), lang)
        }
        "confirmed" => B::StatusConfirmed.text(lang).to_owned(),
        "refused" => B::StatusRefused.text(lang).to_owned(),
        "cancelled" => B::StatusCancelled.text(lang).to_owned(),
        other => other.to_owned(),
    }
}

fn document_text(document: &str, kind: Option<&str>, lang: Lang) -> String {
    match document {
        "identity_document" => B::DocIdentity.text(lang).to_owned(),
        "passport" => B::DocPassport.text(lang).to_owned(),
        _ => match kind.and_then(AuthorityKind::parse) {
            Some(k) => format!(
                "{}: {}",
                B::DocAuthority.text(lang),
                authority_kind(k, lang)
            ),
            None => B::DocAuthority.text(lang).to_owned(),
        },
    }
}

#[component]
pub fn BookingDetails(#[prop(into)] booking: Signal<Booking>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let b = booking.get();
        let lang = lang.get();
        let r = &b.reception;
        let format = b.format.or(r.format).unwrap_or(Format::InPerson);
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
                <dd class="booking-status" data-status=b.status.clone()>{status_text(&b, lang)}</dd>
                <dt>{B::DateTime.text(lang)}</dt>
                <dd>{long_date(r.date, lang)}", "{hm(r.start)}"–"{hm(r.end)}</dd>
                {r.place.as_ref().map(|p| view! {
                    <dt>{B::Place.text(lang)}</dt>
                    <dd>{place_text(p, lang)}</dd>
                })}
                <dt>{B::Format.text(lang)}</dt>
                <dd>{format_msg(format).text(lang)}</dd>
                {b.language.as_deref().and_then(|l| match l {
                    "kk" => Some(B::LangKk),
                    "ru" => Some(B::LangRu),
                    _ => None,
                }).map(|l| view! {
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
                        .map(|d| view! { <li>{document_text(&d.document, d.kind.as_deref(), lang)}</li> })
                        .collect_view()}
                </ul>
            })}
        }
    }
}
