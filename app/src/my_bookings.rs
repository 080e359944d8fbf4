//! `/bookings/mine` (the `bookings` bundle, without Leptos): the bookings kept on this device
//! (their codes and manage tokens, kept until the reception's day), each with its status
//! fetched now and a link to its page. Nothing about a booking leaves the device but the
//! request for its own status.

use crate::booking_api::{self, Booking};
use crate::components::schedule::hm;
use crate::i18n::long_date;
use crate::i18n::slip::S;
use crate::lang::href;
use crate::plain::{esc, set_title};
use crate::slip::status_text;
use crate::storage;
use rules::Lang;
use std::fmt::Write;
use web_sys::Element;

/// The list, each booking's status written into its item as it comes.
pub fn show(lang: Lang, main: &Element) {
    set_title(S::MyBookings.text(lang));
    let kept = storage::kept_bookings();
    let codes: Vec<&str> = kept.iter().map(|(code, _)| code.as_str()).collect();
    main.set_inner_html(&page(&codes, lang));
    for (i, (code, token)) in kept.into_iter().enumerate() {
        wasm_bindgen_futures::spawn_local(async move {
            let html = match booking_api::get(&code, &token).await {
                Ok(b) => summary(&b, lang),
                Err(_) => format!(
                    "<p class=\"muted\">{}</p>",
                    esc(S::StatusUnavailable.text(lang))
                ),
            };
            if let Some(item) = crate::plain::by_id(&format!("kept-{i}")) {
                item.set_inner_html(&html);
            }
        });
    }
}

fn page(codes: &[&str], lang: Lang) -> String {
    let s = |m: S| esc(m.text(lang));
    let mut h = format!(
        "<h1>{}</h1><p>{}</p>",
        s(S::MyBookings),
        s(S::MyBookingsIntro)
    );
    if codes.is_empty() {
        let _ = write!(
            h,
            "<p class=\"muted my-bookings-empty\">{}</p>",
            s(S::MyBookingsEmpty)
        );
        return h;
    }
    h.push_str("<ul class=\"my-bookings\">");
    for (i, code) in codes.iter().enumerate() {
        let _ = write!(
            h,
            "<li class=\"kept-booking\"><h2 class=\"kept-code\"><a href=\"{}\" rel=\"external\">\
             <span class=\"visually-hidden\">{} </span>{}</a></h2>\
             <div id=\"kept-{i}\"><p class=\"muted\">{}</p></div></li>",
            esc(&href(lang, &format!("/bookings/{code}"))),
            s(S::OpenBooking),
            esc(code),
            s(S::StatusLoading)
        );
    }
    h.push_str("</ul>");
    h
}

fn summary(b: &Booking, lang: Lang) -> String {
    let r = &b.reception.reception;
    let status = b
        .status
        .known()
        .map(|s| format!(" data-status=\"{}\"", s.code()))
        .unwrap_or_default();
    format!(
        "<p class=\"kept-when\">{}, {}–{}</p><p class=\"booking-status\"{status}>{}</p>",
        esc(&long_date(r.date, lang)),
        hm(r.start),
        hm(r.end),
        esc(&status_text(b, lang))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kept code links to its page in the page's language; none kept says so.
    #[test]
    fn kept_codes_link_to_their_pages() {
        let html = page(&["7K3M-9PQR-2XYZ"], Lang::Kk);
        assert!(html.contains("<li class=\"kept-booking\">"));
        assert!(html.contains("href=\"/bookings/7K3M-9PQR-2XYZ?lang=kk\""));
        assert!(html.contains("id=\"kept-0\""));
        assert!(page(&[], Lang::Kk).contains("my-bookings-empty"));
    }
}
