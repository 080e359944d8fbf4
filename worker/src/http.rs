//! Small helpers for building responses.

use serde::Serialize;
use worker::{Headers, Response};

/// The request's method as sent. workers-rs reads a method it has no variant for (`QUERY`,
/// `PROPFIND`, ...) as `GET`, which would let it through a GET route; the raw one cannot.
pub fn method(req: &worker::Request) -> String {
    req.inner().method()
}

/// A JSON response; serialising our own types cannot fail, so a failure is a plain 500.
pub fn json<T: Serialize>(status: u16, value: &T) -> Response {
    match serde_json::to_string(value) {
        Ok(body) => text(status, body, "application/json; charset=utf-8"),
        Err(_) => text(500, String::new(), "text/plain"),
    }
}

pub fn text(status: u16, body: String, content_type: &str) -> Response {
    let headers = Headers::new();
    let _ = headers.set("Content-Type", content_type);
    Response::builder()
        .with_status(status)
        .with_headers(headers)
        .fixed(body.into_bytes())
}

pub fn not_modified(etag: &str, cache_control: &str) -> Response {
    let headers = Headers::new();
    let _ = headers.set("ETag", etag);
    let _ = headers.set("Cache-Control", cache_control);
    Response::builder()
        .with_status(304)
        .with_headers(headers)
        .empty()
}

/// Whether an `If-None-Match` header value matches our (strong) ETag. Compared weakly, as
/// RFC 9110 says for `If-None-Match`, so `W/"x"` matches `"x"`.
pub fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    if_none_match
        .split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == etag)
}

/// A strong ETag over a body's bytes: the first 128 bits of its SHA-256, quoted.
pub fn strong_etag(body: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// A JSON body that may be revalidated: a strong ETag over its bytes, `304` when the
/// client already has them.
pub fn cached_json(
    req: &worker::Request,
    body: String,
    cache_control: &str,
) -> Result<Response, crate::error::ApiError> {
    let etag = strong_etag(body.as_bytes());
    tagged_json(req, body, &etag, cache_control)
}

/// As [`cached_json`], with the body's ETag already computed (a kept answer's).
pub fn tagged_json(
    req: &worker::Request,
    body: String,
    etag: &str,
    cache_control: &str,
) -> Result<Response, crate::error::ApiError> {
    if let Some(inm) = req.headers().get("If-None-Match")? {
        if etag_matches(&inm, etag) {
            return Ok(not_modified(etag, cache_control));
        }
    }
    let mut response = text(200, body, "application/json; charset=utf-8");
    let headers = response.headers_mut();
    headers.set("ETag", etag)?;
    headers.set("Cache-Control", cache_control)?;
    Ok(response)
}

/// The Content-Security-Policy of every page and API response: the service's own scripts
/// only (the built pages have no inline script: xtask/src/csp.rs), its own wasm
/// (`'wasm-unsafe-eval'`), its own styles, requests and Web Workers (the service worker, the
/// proof of work); never framed, no `<base>`, no plugins, forms only to itself. `data:`
/// images are the staff enrolment's QR code. public/_headers sends the same for the pages
/// the asset server answers alone (a test keeps them equal).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
    script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; worker-src 'self'; manifest-src 'self'; font-src 'self'; \
    object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Nothing the service does needs the device's sensors, camera, microphone or payments.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), geolocation=(), \
    gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

/// Two years, subdomains included (Cloudflare serves the service over HTTPS only).
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains";

/// The security headers of every response the Worker gives: API answers, errors, and the
/// pages it serves from the assets binding (`/`, the booking and staff pages).
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY),
    ("Permissions-Policy", PERMISSIONS_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
];

/// Sets [`SECURITY_HEADERS`] on a response.
pub fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        let _ = headers.set(name, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::{etag_matches, SECURITY_HEADERS};

    /// public/_headers gives the pages the asset server answers alone (`/offices/…`, the
    /// SPA's fallback) exactly the Worker's headers.
    #[test]
    fn the_assets_headers_are_the_workers() {
        let file = include_str!("../../public/_headers");
        let all_paths = file
            .split("\n/")
            .find(|block| block.starts_with("*\n") || block.starts_with("/*\n"))
            .expect("a /* rule")
            .to_owned()
            + "\n";
        for (name, value) in SECURITY_HEADERS {
            let line = format!("  {name}: {value}\n");
            assert!(all_paths.contains(&line), "public/_headers lacks {line:?}");
        }
    }

    #[test]
    fn if_none_match_forms() {
        let tag = "\"abc\"";
        assert!(etag_matches("\"abc\"", tag));
        assert!(etag_matches("W/\"abc\"", tag));
        assert!(etag_matches("\"x\", \"abc\"", tag));
        assert!(etag_matches("*", tag));
        assert!(!etag_matches("\"abd\"", tag));
        assert!(!etag_matches("", tag));
    }
}
