//! The slip a person shows at the door: the office (name, address, phone), the official,
//! the booking's code, status, day and hour, place, format and the documents to bring (R10),
//! and a QR code of the manage link; it prints on one page, can be saved as an image, and
//! its link can be copied or shared. On the confirmation and on the manage page alike.

use super::details::BookingDetails;
use crate::api;
use crate::booking_api::Booking;
use crate::components::qr::qr_data_url;
use crate::components::schedule::hm;
use crate::i18n::booking::B;
use crate::i18n::long_date;
use crate::i18n::slip::S;
use crate::lang::use_lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::Lang;
use wasm_bindgen::JsCast;

/// What the office and the official are called, fetched from the public directory and
/// schedule (the booking carries their ids only).
#[derive(Clone, Default)]
struct Names {
    office: Option<rules::LocalizedText>,
    address: Option<rules::LocalizedText>,
    phone: Option<String>,
    official: Option<String>,
    position: Option<rules::LocalizedText>,
}

async fn names(b: &Booking) -> Names {
    let office_id = b.reception.office_id.to_string();
    let mut names = Names::default();
    if let Ok(d) = api::office(office_id.clone()).await {
        names.office = Some(d.office.name);
        names.address = d.office.address;
        names.phone = d.office.phone;
    }
    if let Ok(s) = api::schedule(office_id).await {
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

#[component]
pub fn Slip(booking: Booking, #[prop(into)] manage_url: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    let names = {
        let b = booking.clone();
        LocalResource::new(move || {
            let b = b.clone();
            async move { names(&b).await }
        })
    };
    let got = move || names.get().unwrap_or_default();
    let office = move || {
        got()
            .office
            .map(|n| n.get(lang.get()).to_owned())
            .unwrap_or_default()
    };
    let address = move || {
        let lang = lang.get();
        let n = got();
        match n.address {
            Some(a) => a.get(lang).to_owned(),
            None => S::AddressNotPublished.text(lang).to_owned(),
        }
    };
    let phone = move || got().phone;
    let official = move || {
        let lang = lang.get();
        let n = got();
        n.official.map(|name| match n.position {
            Some(p) => format!("{name}, {}", p.get(lang)),
            None => name,
        })
    };
    let qr = move || qr_data_url(&manage_url.get());
    let code = booking.code.clone();
    let image = {
        let b = booking.clone();
        move |_| {
            let lang = lang.get_untracked();
            let n = got();
            let lines = [
                b.code.clone(),
                n.office.map(|o| o.get(lang).to_owned()).unwrap_or_default(),
                address(),
                n.official.unwrap_or_default(),
                when_line(&b, lang),
            ];
            save_image(&lines, qr_data_url(&manage_url.get_untracked()), &b.code);
        }
    };
    view! {
        <section class="slip" aria-labelledby="slip-heading">
            <h2 id="slip-heading" class="slip-heading">{move || S::SlipTitle.text(lang.get())}</h2>
            <dl class="facts slip-office">
                <dt>{move || S::Office.text(lang.get())}</dt>
                <dd class="slip-office-name">{office}</dd>
                <dt>{move || S::Address.text(lang.get())}</dt>
                <dd class="slip-address">{address}</dd>
                {move || phone().map(|p| view! {
                    <dt>{S::Phone.text(lang.get())}</dt>
                    <dd><a href=format!("tel:{}", p.replace(' ', ""))>{p.clone()}</a></dd>
                })}
                <dt>{move || S::Official.text(lang.get())}</dt>
                <dd class="slip-official">{move || official().unwrap_or_default()}</dd>
            </dl>
            <BookingDetails booking=booking.clone() />
            <figure class="slip-qr">
                {move || qr().map(|src| view! {
                    <img src=src width="176" height="176" alt=S::QrAlt.text(lang.get()) />
                })}
                <figcaption>{move || S::QrCaption.text(lang.get())}</figcaption>
            </figure>
        </section>
        <div class="slip-actions">
            <button type="button" class="secondary" on:click=|_| { let _ = window().print(); }>
                {move || S::Print.text(lang.get())}
            </button>
            <button type="button" class="secondary" on:click=image>
                {move || S::SaveImage.text(lang.get())}
            </button>
        </div>
        <LinkActions url=manage_url code />
    }
}

/// Copy and share the manage link, with what happened said in a status line.
#[component]
pub fn LinkActions(#[prop(into)] url: Signal<String>, code: String) -> impl IntoView {
    let lang = use_lang();
    let said = RwSignal::new(None::<S>);
    let copy = move |_| {
        let url = url.get_untracked();
        spawn_local(async move {
            let clipboard = window().navigator().clipboard();
            let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&url))
                .await
                .is_ok();
            said.set(Some(if ok { S::Copied } else { S::CopyFailed }));
        });
    };
    let can_share = js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false);
    let share = move |_| {
        let data = web_sys::ShareData::new();
        data.set_title(&format!("{} {code}", B::Code.text(lang.get_untracked())));
        data.set_url(&url.get_untracked());
        let promise = window().navigator().share_with_data(&data);
        spawn_local(async move {
            // A share the person closed is no failure to report.
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    };
    view! {
        <div class="link-actions">
            <button type="button" class="secondary" on:click=copy>
                {move || S::CopyLink.text(lang.get())}
            </button>
            {can_share.then(|| view! {
                <button type="button" class="secondary" on:click=share.clone()>
                    {move || S::ShareLink.text(lang.get())}
                </button>
            })}
            <span role="status" class="link-status">{move || said.get().map(|s| s.text(lang.get()))}</span>
        </div>
    }
}

/// Draws the slip's main lines and its QR code on a canvas and downloads it as a PNG.
fn save_image(lines: &[String], qr: Option<String>, code: &str) {
    let Some(document) = window().document() else {
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
    let Some(a) = window()
        .document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    a.click();
}

/// «2026 жылғы 9 желтоқсан, сәрсенбі, 10:00–12:00».
fn when_line(b: &Booking, lang: Lang) -> String {
    let r = &b.reception.reception;
    format!("{}, {}–{}", long_date(r.date, lang), hm(r.start), hm(r.end))
}
