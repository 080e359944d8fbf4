//! Unknown things are 404, wrong methods 405 with `Allow`; always the one JSON error shape.

use api_tests::{get, request};

#[test]
fn an_unknown_office_is_404_not_found() {
    for id in [
        "no-such-office",
        "Shymkent",
        "gpo%20x",
        "a--b",
        "x".repeat(200).as_str(),
    ] {
        let error = get(&format!("/api/v1/offices/{id}")).assert_error(404, "not_found");
        assert_eq!(error["field"], "id", "{id}");
    }
}

#[test]
fn unknown_paths_under_api_are_404_json() {
    for path in [
        "/api/",
        "/api/v1",
        "/api/v1/",
        "/api/v1/nothing",
        "/api/v1/offices/gpo/extra",
        "/api/v2/health",
        "/api/v1/HEALTH",
    ] {
        get(path).assert_error(404, "not_found");
    }
}

#[test]
fn wrong_methods_are_405_with_allow() {
    for (method, path) in [
        ("POST", "/api/v1/offices"),
        ("PUT", "/api/v1/offices/gpo"),
        ("DELETE", "/api/v1/offices/gpo"),
        ("PATCH", "/api/v1/health"),
        ("POST", "/api/v1/health"),
    ] {
        let reply = request(method, path, &[]);
        reply.assert_error(405, "method_not_allowed");
        let allow = reply.header("allow").unwrap_or_default();
        assert!(allow.contains("GET"), "{method} {path}: Allow {allow:?}");
        assert!(!allow.contains(method), "{method} {path}: Allow {allow:?}");
    }
}

#[test]
fn errors_are_not_cached() {
    let reply = get("/api/v1/offices/no-such-office");
    assert_eq!(reply.header("cache-control"), Some("no-store"));
}
