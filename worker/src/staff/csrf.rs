//! Cross-site request forgery: a state-changing staff request (sign-in included) must carry
//! `X-Qabyldau-Staff: 1`, which a cross-site form cannot send and a cross-site script cannot
//! send without a CORS preflight the Worker never grants, and must come from this origin:
//! `Origin` equal to the Worker's own, or, without `Origin`, `Sec-Fetch-Site: same-origin`.
//! Otherwise `403 csrf`, before anything else is read.

use crate::error::ApiError;
use worker::Request;

pub const HEADER: &str = "X-Qabyldau-Staff";

pub fn check(req: &Request) -> Result<(), ApiError> {
    let headers = req.headers();
    let own_origin = req.url()?.origin().ascii_serialization();
    let allowed = same_origin(
        headers.get(HEADER)?.as_deref(),
        headers.get("Origin")?.as_deref(),
        headers.get("Sec-Fetch-Site")?.as_deref(),
        &own_origin,
    );
    if allowed {
        Ok(())
    } else {
        Err(ApiError::Csrf)
    }
}

/// Separated from the request so that every case is tested natively.
fn same_origin(
    marker: Option<&str>,
    origin: Option<&str>,
    fetch_site: Option<&str>,
    own_origin: &str,
) -> bool {
    if marker.map(str::trim) != Some("1") {
        return false;
    }
    // A browser that says where the request comes from must say "here".
    if fetch_site.is_some_and(|site| site.trim() != "same-origin") {
        return false;
    }
    match origin {
        Some(origin) => origin.trim() == own_origin,
        None => fetch_site.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::same_origin;

    const OWN: &str = "https://qabyldau.kz";

    #[test]
    fn only_the_consoles_requests_from_this_origin_pass() {
        let ok = |m, o, s| same_origin(m, o, s, OWN);
        assert!(ok(Some("1"), Some(OWN), None));
        assert!(ok(Some("1"), Some(OWN), Some("same-origin")));
        assert!(ok(Some("1"), None, Some("same-origin")));
        // No marker, or another value.
        assert!(!ok(None, Some(OWN), Some("same-origin")));
        assert!(!ok(Some("0"), Some(OWN), None));
        assert!(!ok(Some("true"), Some(OWN), None));
        // A foreign or opaque origin, or none at all.
        assert!(!ok(Some("1"), Some("https://evil.example"), None));
        assert!(!ok(
            Some("1"),
            Some("https://qabyldau.kz.evil.example"),
            None
        ));
        assert!(!ok(Some("1"), Some("null"), None));
        assert!(!ok(Some("1"), None, None));
        // The browser says the request is cross-site or from another site of the same one.
        assert!(!ok(Some("1"), Some(OWN), Some("cross-site")));
        assert!(!ok(Some("1"), None, Some("same-site")));
        assert!(!ok(Some("1"), None, Some("none")));
    }
}
