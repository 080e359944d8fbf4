//! Acceptance: every page and API response carries the security headers — the
//! Content-Security-Policy that allows only the service's own scripts, HSTS,
//! Permissions-Policy, nosniff and no referrer — whether the Worker answers it (`/`, the
//! booking and staff pages, the API) or the asset server alone (`/offices/…`).

use api_tests::*;

/// Every directive the policy must hold.
const CSP_DIRECTIVES: &[&str] = &[
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
];

fn assert_secure(path: &str, reply: &Reply) {
    let csp = reply
        .header("content-security-policy")
        .unwrap_or_else(|| panic!("{path}: no Content-Security-Policy"));
    let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
    for want in CSP_DIRECTIVES {
        assert!(directives.contains(want), "{path}: {want:?} not in {csp:?}");
    }
    // Only the service's own scripts: no inline code, no other origin, no eval of text.
    let scripts = directives
        .iter()
        .find(|d| d.starts_with("script-src"))
        .unwrap();
    for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "http", "*", "data:"] {
        assert!(!scripts.contains(forbidden), "{path}: {scripts}");
    }
    let hsts = reply
        .header("strict-transport-security")
        .unwrap_or_else(|| panic!("{path}: no Strict-Transport-Security"));
    assert!(hsts.contains("max-age="), "{path}: {hsts}");
    let permissions = reply
        .header("permissions-policy")
        .unwrap_or_else(|| panic!("{path}: no Permissions-Policy"));
    assert!(permissions.contains("camera=()"), "{path}: {permissions}");
    assert_eq!(
        reply.header("x-content-type-options"),
        Some("nosniff"),
        "{path}"
    );
    assert_eq!(
        reply.header("referrer-policy"),
        Some("no-referrer"),
        "{path}"
    );
}

#[test]
fn every_page_and_api_response_carries_the_security_headers() {
    for path in [
        "/",
        "/?lang=ru",
        "/offices/gpo",
        "/offices/ulytau-region",
        "/register/ulytau-region-test-head-open-20300101",
        "/bookings/ABCD-EFGH-JKMN",
        "/staff/",
        "/staff",
        "/queue/ulytau-region/board",
        "/queue/ulytau-region/kiosk",
        "/api/v1/health",
        "/api/v1/offices/gpo",
        "/api/v1/challenge",
        "/api/v1/no-such-thing",
    ] {
        let reply = get(path);
        assert!(
            matches!(reply.status, 200 | 404),
            "{path}: {} {}",
            reply.status,
            reply.body
        );
        assert_secure(path, &reply);
    }
    // An error of a booking request too.
    let reply = Client::new().post_booking_with(Some(&fresh_key()), "{}", None);
    assert_secure("POST /api/v1/bookings", &reply);
}

/// The pages load no inline script (the policy would refuse it): Trunk's loader is a file.
#[test]
fn the_pages_have_no_inline_script() {
    for path in [
        "/",
        "/offices/gpo",
        "/register/x-20300101",
        "/staff/",
        "/queue/ulytau-region/board",
    ] {
        let reply = get(path);
        let mut rest = reply.body.as_str();
        let mut scripts = 0;
        while let Some(at) = rest.find("<script") {
            let tag_end = rest[at..].find('>').expect("a closed tag") + at;
            assert!(
                rest[at..tag_end].contains(" src="),
                "{path}: an inline script: {}",
                &rest[at..(tag_end + 80).min(rest.len())]
            );
            scripts += 1;
            rest = &rest[tag_end..];
        }
        assert!(scripts > 0, "{path}: no script at all");
    }
}
