//! The second factor: TOTP (RFC 6238 over RFC 4226 HOTP) with HMAC-SHA-1, 30-second steps and
//! 6 digits, as every authenticator app reads from an `otpauth://` URI. A code is accepted
//! within one step either side of now, and once: the caller keeps the last accepted step.

use hmac::{Hmac, Mac};
use sha1::Sha1;
use subtle::ConstantTimeEq;

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: usize = 6;
/// Steps either side of now a code is still accepted for (clock drift, typing time).
pub const SKEW_STEPS: i64 = 1;
const ISSUER: &str = "Qabyldau";

/// A TOTP secret: 20 random bytes (160 bits, RFC 4226's recommendation).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret([u8; 20]);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl Secret {
    pub fn generate() -> Secret {
        Secret(crate::random())
    }

    pub fn from_bytes(b: &[u8]) -> Option<Secret> {
        Some(Secret(b.try_into().ok()?))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// RFC 4648 base32 without padding (32 characters), as apps take it typed in.
    pub fn to_base32(&self) -> String {
        data_encoding::BASE32_NOPAD.encode(&self.0)
    }

    /// Reads a secret typed or pasted: spaces, dashes and case ignored.
    pub fn from_base32(s: &str) -> Option<Secret> {
        let clean: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = data_encoding::BASE32_NOPAD
            .decode(clean.trim_end_matches('=').as_bytes())
            .ok()?;
        Secret::from_bytes(&bytes)
    }

    /// The Key Uri Format of authenticator apps, labelled `Qabyldau:{login}`.
    pub fn otpauth_uri(&self, login: &str) -> String {
        format!(
            "otpauth://totp/{ISSUER}:{}?secret={}&issuer={ISSUER}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            percent_encode(login),
            self.to_base32()
        )
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters (`@` too).
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The step a moment falls in.
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// RFC 4226 HOTP of counter `step`, as 6 digits.
pub fn code(secret: &Secret, step: i64) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(&secret.0).expect("HMAC takes any key length");
    mac.update(&(step as u64).to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let value = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    format!("{:06}", value % 1_000_000)
}

/// The step `code` belongs to, if it is one of now ± [`SKEW_STEPS`] and later than
/// `last_used_step` (so a code, once accepted, is refused after: RFC 6238 §5.2). `None` for a
/// wrong, reused or malformed code. Every candidate is compared in constant time.
pub fn verify(
    secret: &Secret,
    code_given: &str,
    unix_now: i64,
    last_used_step: Option<i64>,
) -> Option<i64> {
    let given = code_given.trim();
    if given.len() != DIGITS || !given.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step_at(unix_now);
    let mut accepted = None;
    for step in now - SKEW_STEPS..=now + SKEW_STEPS {
        let matches: bool = code(secret, step).as_bytes().ct_eq(given.as_bytes()).into();
        if matches && last_used_step.is_none_or(|last| step > last) && accepted.is_none() {
            accepted = Some(step);
        }
    }
    accepted
}

/// The URI as a QR code: a standalone SVG document (medium error correction, quiet zone).
pub fn qr_svg(uri: &str) -> String {
    use qrcode::render::svg;
    use qrcode::{EcLevel, QrCode};
    QrCode::with_error_correction_level(uri.as_bytes(), EcLevel::M)
        .expect("an otpauth URI fits a QR code")
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 Appendix B, SHA-1 rows (the last 6 of the 8 digits).
    #[test]
    fn rfc_6238_test_vectors() {
        let secret = Secret::from_bytes(b"12345678901234567890").unwrap();
        for (time, expected) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(code(&secret, step_at(time)), expected, "T = {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_once() {
        let secret = Secret::generate();
        let now = 1_800_000_015;
        let step = step_at(now);
        assert_eq!(verify(&secret, &code(&secret, step), now, None), Some(step));
        assert_eq!(
            verify(&secret, &code(&secret, step - 1), now, None),
            Some(step - 1)
        );
        assert_eq!(
            verify(&secret, &code(&secret, step + 1), now, None),
            Some(step + 1)
        );
        assert_eq!(verify(&secret, &code(&secret, step - 2), now, None), None);
        assert_eq!(verify(&secret, &code(&secret, step + 2), now, None), None);
        // Once accepted, the same code (and any older one) is refused.
        assert_eq!(verify(&secret, &code(&secret, step), now, Some(step)), None);
        assert_eq!(
            verify(&secret, &code(&secret, step - 1), now, Some(step)),
            None
        );
        assert_eq!(
            verify(&secret, &code(&secret, step + 1), now, Some(step)),
            Some(step + 1)
        );
    }

    #[test]
    fn malformed_codes_are_refused() {
        let secret = Secret::generate();
        let now = 1_800_000_015;
        let good = code(&secret, step_at(now));
        assert_eq!(
            verify(&secret, &format!(" {good} "), now, None),
            Some(step_at(now))
        );
        for bad in ["", "12345", "1234567", "12a456", "１２３４５６"] {
            assert_eq!(verify(&secret, bad, now, None), None, "{bad:?}");
        }
    }

    #[test]
    fn the_secret_reads_back_from_base32_as_typed() {
        let secret = Secret::generate();
        let text = secret.to_base32();
        assert_eq!(text.len(), 32);
        let typed: String = text
            .to_lowercase()
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(Secret::from_base32(&typed), Some(secret.clone()));
        assert_eq!(Secret::from_base32("not base32!"), None);
        assert_eq!(
            Secret::from_base32("GEZDGNBV"),
            None,
            "5 bytes is too short"
        );
        assert_eq!(format!("{secret:?}"), "Secret(…)");
    }

    #[test]
    fn the_uri_and_qr_code_carry_the_secret() {
        let secret = Secret::from_bytes(b"12345678901234567890").unwrap();
        let uri = secret.otpauth_uri("registrar@prokuror.kz");
        assert_eq!(
            uri,
            "otpauth://totp/Qabyldau:registrar%40prokuror.kz?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\
             &issuer=Qabyldau&algorithm=SHA1&digits=6&period=30"
        );
        let svg = qr_svg(&uri);
        assert!(svg.contains("<svg") && svg.ends_with("</svg>"), "{svg}");
        assert!(!svg.contains("<script"));
    }
}
