//! QR codes as SVG images: the slip's (its manage link) and the poster's (the office page).

/// A QR code of `text` as an SVG image for an `<img src>`: medium error correction, a quiet
/// zone, black on white so that any phone's camera reads it.
pub fn qr_data_url(text: &str) -> Option<String> {
    use qrcode::render::svg;
    use qrcode::{EcLevel, QrCode};
    let svg = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .ok()?
        .render::<svg::Color<'_>>()
        .min_dimensions(176, 176)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    Some(format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    ))
}
