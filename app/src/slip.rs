//! The slip a person shows at the door, without Leptos (the manage page, src/manage_page.rs):
//! the office (name, address, phone), the official, the booking's code, status, day and
//! hour, place, format and the documents to bring (R10), and a QR code of the manage link;
//! it prints on one page, can be saved as an image, and its link can be copied or shared.
//! The markup is that of src/pages/booking/slip.rs and details.rs, so the stylesheet and the
//! e2e checks serve both.

use crate::api::{FetchError, OfficeDetail, Schedule};
use crate::booking_api::Booking;
use crate::components::qr::qr_data_url;
use crate::components::schedule::{format_msg, hm, place_text};
use crate::i18n::booking::{authority_kind, status_requested};
use crate::i18n::long_date;
use crate::i18n::manage::M;
use crate::i18n::slip::S;
use crate::plain::{esc, get};
use ::api::Lenient;
use rules::booking::{BookingStatus, Document};
use rules::schedule::Format;
use rules::{Lang, LocalizedText};
use std::fmt::Write;
use wasm_bindgen::JsCast;

/// What the office and the official are called, fetched from the public directory and
/// schedule (the booking carries their ids only). Empty where an answer did not come.
#[derive(Clone, Default)]
pub struct Names {
    pub office: Option<LocalizedText>,
    pub address: Option<LocalizedText>,
    pub phone: Option<String>,
    pub official: Option<String>,
    pub position: Option<LocalizedText>,
}

/// The office's name alone (a moved request's new office).
pub async fn office(id: &str) -> Result<OfficeDetail, FetchError> {
    let id = rules::OfficeId::parse(id).map_err(|_| FetchError::NotFound)?;
    let (body, _) = get(&format!("/api/v1/offices/{id}"), false).await;
    body.and_then(|text| crate::api::read::<::api::offices::OfficeBody>(&text).map(|b| b.office))
}

pub async fn names(b: &Booking) -> Names {
    let office_id = b.reception.office_id.to_string();
    let mut names = Names::default();
    if let Ok(d) = office(&office_id).await {
        names.office = Some(d.office.name);
        names.address = d.office.address;
        names.phone = d.office.phone;
    }
    let (body, _) = get(&format!("/api/v1/offices/{office_id}/schedule"), false).await;
    if let Ok(s) = body.and_then(|text| crate::api::read::<Schedule>(&text)) {
        if let Some(o) = s
            .officials
            .iter()
            .find(|o| o.id == b.reception.reception.official_id)
        {
            names.official = Some(o.full_name());
            names.position = Some(o.position.clone());
        }
    }
    names
}

/// The status in words: `requested` says the place is held while staff review it, under
/// the clause the answer names (R15, R30); a status this build does not know, generically.
pub fn status_text(b: &Booking, lang: Lang) -> String {
    let text = match b.status {
        Lenient::Known(BookingStatus::Requested) => {
            return status_requested(&b.review.clause, lang)
        }
        Lenient::Known(BookingStatus::Confirmed) => M::StatusConfirmed,
        Lenient::Known(BookingStatus::Refused) => M::StatusRefused,
        Lenient::Known(BookingStatus::Cancelled) => M::StatusCancelled,
        Lenient::Known(BookingStatus::CancelledByOffice) => M::StatusCancelledByOffice,
        Lenient::Known(BookingStatus::Returned) => M::StatusReturned,
        Lenient::Unknown(_) => M::StatusUnknown,
    };
    text.text(lang).to_owned()
}

/// What to bring (R10); a document this build does not know, generically.
pub fn document_text(document: &Lenient<Document>, lang: Lang) -> String {
    match document {
        Lenient::Known(Document::IdentityDocument) => M::DocIdentity.text(lang).to_owned(),
        Lenient::Known(Document::Passport) => M::DocPassport.text(lang).to_owned(),
        Lenient::Known(Document::Authority { kind }) => format!(
            "{}: {}",
            M::DocAuthority.text(lang),
            authority_kind(*kind, lang)
        ),
        Lenient::Unknown(_) => M::DocUnknown.text(lang).to_owned(),
    }
}

/// «2026 жылғы 9 желтоқсан, сәрсенбі, 10:00–12:00».
pub fn when_line(b: &Booking, lang: Lang) -> String {
    let r = &b.reception.reception;
    format!("{}, {}–{}", long_date(r.date, lang), hm(r.start), hm(r.end))
}

/// src/pages/booking/details.rs `BookingDetails`: code, status, when, where, format,
/// language, and what to bring (R10).
pub fn details(b: &Booking, lang: Lang) -> String {
    let t = |m: M| esc(m.text(lang));
    let r = &b.reception.reception;
    let status = b
        .status
        .known()
        .map(|s| format!(" data-status=\"{}\"", s.code()))
        .unwrap_or_default();
    let mut h = format!(
        "<dl class=\"facts booking-facts\"><dt>{}</dt><dd><strong class=\"booking-code\">{}</strong></dd>\
         <dt>{}</dt><dd class=\"booking-status\"{status}>{}</dd>\
         <dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>",
        t(M::Code),
        esc(&b.code),
        t(M::Status),
        esc(&status_text(b, lang)),
        t(M::DateTime),
        esc(&when_line(b, lang)),
        t(M::Place),
        esc(&place_text(&r.place, lang)),
        t(M::Format),
        esc(format_msg(b.format).text(lang)),
    );
    let language = match b.language {
        Lang::Kk => Some(M::LangKk),
        Lang::Ru => Some(M::LangRu),
        Lang::En => None,
    };
    if let Some(l) = language {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", t(M::Language), t(l));
    }
    if b.out_of_town {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", t(M::OutOfTown), t(M::Yes));
    }
    if let Some(i) = &b.interpreter {
        let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", t(M::Interpreter), esc(i));
    }
    h.push_str("</dl>");
    if !b.documents.is_empty() {
        let title = if b.format == Format::Video {
            M::DocumentsVideo
        } else {
            M::Documents
        };
        let _ = write!(h, "<h3>{}</h3><ul class=\"documents\">", t(title));
        for d in &b.documents {
            let _ = write!(h, "<li>{}</li>", esc(&document_text(d, lang)));
        }
        h.push_str("</ul>");
    }
    h
}

/// The slip, its print and image buttons and the link's copy and share (`data-act` on each
/// button: `print`, `image`, `copy`, `share`; see [`act`]).
pub fn slip(b: &Booking, names: &Names, manage_url: &str, lang: Lang) -> String {
    let s = |m: S| esc(m.text(lang));
    let address = match &names.address {
        Some(a) => esc(a.get(lang)),
        None => s(S::AddressNotPublished),
    };
    let phone = names
        .phone
        .as_ref()
        .map(|p| {
            format!(
                "<dt>{}</dt><dd><a href=\"tel:{}\">{}</a></dd>",
                s(S::Phone),
                esc(&p.replace(' ', "")),
                esc(p)
            )
        })
        .unwrap_or_default();
    let official = match (&names.official, &names.position) {
        (Some(name), Some(p)) => format!("{name}, {}", p.get(lang)),
        (Some(name), None) => name.clone(),
        _ => String::new(),
    };
    let qr = qr_data_url(manage_url)
        .map(|src| {
            format!(
                "<img src=\"{}\" width=\"176\" height=\"176\" alt=\"{}\">",
                esc(&src),
                s(S::QrAlt)
            )
        })
        .unwrap_or_default();
    let can_share = web_sys::window()
        .and_then(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).ok())
        .unwrap_or(false);
    let share = if can_share {
        format!(
            "<button type=\"button\" class=\"secondary\" data-act=\"share\">{}</button>",
            s(S::ShareLink)
        )
    } else {
        String::new()
    };
    format!(
        "<section class=\"slip\" aria-labelledby=\"slip-heading\">\
         <h2 id=\"slip-heading\" class=\"slip-heading\">{title}</h2>\
         <dl class=\"facts slip-office\"><dt>{office_t}</dt><dd class=\"slip-office-name\">{office}</dd>\
         <dt>{address_t}</dt><dd class=\"slip-address\">{address}</dd>{phone}\
         <dt>{official_t}</dt><dd class=\"slip-official\">{official}</dd></dl>\
         {details}<figure class=\"slip-qr\">{qr}<figcaption>{caption}</figcaption></figure></section>\
         <div class=\"slip-actions\">\
         <button type=\"button\" class=\"secondary\" data-act=\"print\">{print}</button>\
         <button type=\"button\" class=\"secondary\" data-act=\"image\">{image}</button></div>\
         <div class=\"link-actions\">\
         <button type=\"button\" class=\"secondary\" data-act=\"copy\">{copy}</button>{share}\
         <span role=\"status\" class=\"link-status\"></span></div>",
        title = s(S::SlipTitle),
        office_t = s(S::Office),
        office = names
            .office
            .as_ref()
            .map(|n| esc(n.get(lang)))
            .unwrap_or_default(),
        address_t = s(S::Address),
        official_t = s(S::Official),
        official = esc(&official),
        details = details(b, lang),
        caption = s(S::QrCaption),
        print = s(S::Print),
        image = s(S::SaveImage),
        copy = s(S::CopyLink),
    )
}

/// What a button of the slip does (`data-act`); `false` when it is none of the slip's.
pub fn act(what: &str, b: &Booking, names: &Names, manage_url: &str, lang: Lang) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match what {
        "print" => {
            let _ = window.print();
        }
        "image" => {
            let lines = [
                b.code.clone(),
                names
                    .office
                    .as_ref()
                    .map(|o| o.get(lang).to_owned())
                    .unwrap_or_default(),
                names
                    .address
                    .as_ref()
                    .map_or(S::AddressNotPublished.text(lang), |a| a.get(lang))
                    .to_owned(),
                names.official.clone().unwrap_or_default(),
                when_line(b, lang),
            ];
            save_image(&lines, qr_data_url(manage_url), &b.code);
        }
        "copy" => {
            let promise = window.navigator().clipboard().write_text(manage_url);
            wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                say(if ok { S::Copied } else { S::CopyFailed }, lang);
            });
        }
        "share" => {
            let data = web_sys::ShareData::new();
            data.set_title(&format!("{} {}", M::Code.text(lang), b.code));
            data.set_url(manage_url);
            let promise = window.navigator().share_with_data(&data);
            wasm_bindgen_futures::spawn_local(async move {
                // A share the person closed is no failure to report.
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
        _ => return false,
    }
    true
}

/// What a copy did, in the link's status line.
fn say(what: S, lang: Lang) {
    let line = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".link-status").ok().flatten());
    if let Some(line) = line {
        line.set_text_content(Some(what.text(lang)));
    }
}

/// Draws the slip's main lines and its QR code on a canvas and downloads it as a PNG.
fn save_image(lines: &[String], qr: Option<String>, code: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(canvas) = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    let (width, line_height, qr_size) = (720u32, 40.0, 320.0);
    let height = 48 + (lines.len() as u32) * 40 + 340;
    canvas.set_width(width);
    canvas.set_height(height);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    ctx.set_fill_style_str("#000000");
    let mut y = 56.0;
    for (i, line) in lines.iter().enumerate() {
        ctx.set_font(if i == 0 {
            "bold 34px sans-serif"
        } else {
            "24px sans-serif"
        });
        let _ = ctx.fill_text_with_max_width(line, 24.0, y, f64::from(width) - 48.0);
        y += line_height;
    }
    let name = format!("qabyldau-{code}.png");
    let finish = move |canvas: &web_sys::HtmlCanvasElement| {
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            download(&url, &name);
        }
    };
    match qr.and_then(|src| {
        let img = web_sys::HtmlImageElement::new().ok()?;
        img.set_src(&src);
        Some(img)
    }) {
        Some(img) => {
            let img2 = img.clone();
            let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
                    &img2, 24.0, y, qr_size, qr_size,
                );
                finish(&canvas);
            });
            img.set_onload(Some(onload.unchecked_ref()));
        }
        None => finish(&canvas),
    }
}

fn download(url: &str, name: &str) {
    let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    a.click();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booking_api::read_created;
    use crate::booking_api::tests::booking;

    /// A status and a document a newer Worker sends show the generic texts; each known one
    /// its own, in every language.
    #[test]
    fn unknown_statuses_and_documents_read_as_generic() {
        let read = |status: &str, document: &str| {
            read_created(&booking(status, document)).unwrap().booking
        };
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let known: Vec<String> = ["requested", "confirmed", "refused", "cancelled"]
                .iter()
                .map(|s| status_text(&read(s, r#"{"document":"passport"}"#), lang))
                .collect();
            assert!(known.iter().all(|t| !t.is_empty()), "{known:?}");
            for (i, a) in known.iter().enumerate() {
                assert!(known[i + 1..].iter().all(|b| b != a), "{known:?}");
            }
            let unknown = status_text(&read("on_hold", r#"{"document":"passport"}"#), lang);
            assert!(!unknown.is_empty() && !known.contains(&unknown));
            let court = read("confirmed", r#"{"document":"court_summons"}"#);
            let passport = read("confirmed", r#"{"document":"passport"}"#);
            // The fixture lists the identity document first, then the one asked for.
            assert_ne!(
                document_text(court.documents.last().unwrap(), lang),
                document_text(passport.documents.last().unwrap(), lang)
            );
        }
    }

    /// R10: what to bring is listed; the status carries its code for the page's checks; an
    /// unknown status has none; what the booking says is text, never markup.
    #[test]
    fn r10_details_list_the_documents_and_escape_the_data() {
        let mut b = read_created(&booking("requested", r#"{"document":"passport"}"#))
            .unwrap()
            .booking;
        b.interpreter = Some("<b>uz</b>".into());
        let html = details(&b, Lang::Ru);
        assert!(html.contains("<strong class=\"booking-code\">7K3M-9PQR-2XYZ</strong>"));
        assert!(html.contains("class=\"booking-status\" data-status=\"requested\""));
        assert!(html.contains("<ul class=\"documents\">"));
        assert!(html.contains(&esc(M::DocPassport.text(Lang::Ru))));
        assert!(html.contains("&lt;b&gt;uz&lt;/b&gt;") && !html.contains("<b>"));
        let unknown = read_created(&booking("on_hold", r#"{"document":"passport"}"#))
            .unwrap()
            .booking;
        let html = details(&unknown, Lang::En);
        assert!(html.contains("<dd class=\"booking-status\">"));
    }
}
