//! Office scope: staff of one office reading or acting on anything of another answer `404`,
//! exactly as if it did not exist, on every staff endpoint; admins and auditors reach the
//! offices below theirs, and no further.

use api_tests::staff_client::*;
use api_tests::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// What one staff operation does with office B's things, asked by an admin + auditor of
/// office A (a regional office with districts of its own).
enum Case {
    /// Names B's object: `404 not_found` naming the field, as for one that does not exist.
    NotFound {
        method: &'static str,
        path: String,
        body: Option<Value>,
        field: &'static str,
    },
    /// As `NotFound`, for a POST with a fresh `Idempotency-Key` and B's reception in its body.
    KeyedNotFound {
        path: String,
        body: Value,
        field: &'static str,
    },
    /// A list: answers `200` without anything of B.
    Listed { path: String, absent: String },
    /// The person's own session or account only: no object of any office to name.
    OwnOnly,
    /// Scope-tested by the table of its own part's test (the file named), with that part's
    /// objects.
    TabledIn(&'static str),
}

#[test]
fn r39_5_scope_another_offices_things_are_404_on_every_staff_endpoint() {
    let offices = offices();
    let admin = gpo_admin();
    // Office A: region A (admin + auditor); office B: region B, with an account and rows.
    let mut a = admin.create_enrolled(&offices.region_a, &["admin", "auditor", "registrar"]);
    let b = admin.create_account(&offices.region_b, &["registrar"]);
    let b_below = admin.create_account(&offices.district_b, &["registrar"]);
    let session = a.sign_in();
    // A reception of B's.
    let b_reception = get(&format!("/api/v1/receptions?office={}", offices.region_b)).json()
        ["receptions"][0]["id"]
        .as_str()
        .expect("a reception of office B")
        .to_owned();
    let b_list = format!("/api/v1/staff/receptions/{b_reception}/list");

    let table: Vec<(&str, &str, Case)> = vec![
        ("POST", "/api/v1/staff/session", Case::OwnOnly),
        ("DELETE", "/api/v1/staff/session", Case::OwnOnly),
        ("POST", "/api/v1/staff/enrolment", Case::OwnOnly),
        ("GET", "/api/v1/staff/me", Case::OwnOnly),
        ("POST", "/api/v1/staff/password", Case::OwnOnly),
        (
            "GET",
            "/api/v1/staff/accounts",
            Case::Listed {
                path: "/api/v1/staff/accounts".into(),
                absent: b.id.clone(),
            },
        ),
        (
            "POST",
            "/api/v1/staff/accounts",
            Case::NotFound {
                method: "POST",
                path: "/api/v1/staff/accounts".into(),
                body: Some(json!({
                    "login": format!("t{:x}@test.qabyldau.kz", fresh()),
                    "name": "Тест",
                    "office_id": offices.region_b,
                    "roles": ["registrar"],
                })),
                field: "office_id",
            },
        ),
        (
            "POST",
            "/api/v1/staff/accounts/{id}/disable",
            Case::NotFound {
                method: "POST",
                path: format!("/api/v1/staff/accounts/{}/disable", b.id),
                body: None,
                field: "id",
            },
        ),
        (
            "GET",
            "/api/v1/staff/audit",
            Case::NotFound {
                method: "GET",
                path: format!("/api/v1/staff/audit?office={}", offices.region_b),
                body: None,
                field: "office",
            },
        ),
        (
            "POST",
            "/api/v1/staff/bookings",
            Case::KeyedNotFound {
                path: "/api/v1/staff/bookings".into(),
                body: with(booking_body(&b_reception), "/channel", json!("paper")),
                field: "reception_id",
            },
        ),
        (
            "GET",
            "/api/v1/staff/receptions",
            Case::Listed {
                path: "/api/v1/staff/receptions".into(),
                absent: offices.region_b.clone(),
            },
        ),
        (
            "GET",
            "/api/v1/staff/receptions/{id}/list",
            Case::NotFound {
                method: "GET",
                path: b_list.clone(),
                body: None,
                field: "id",
            },
        ),
        (
            "GET",
            "/api/v1/staff/receptions/{id}/list.csv",
            Case::NotFound {
                method: "GET",
                path: format!("{b_list}.csv"),
                body: None,
                field: "id",
            },
        ),
        // The office's administration: tests/api/office_admin.rs, its own scope table.
        (
            "GET",
            "/api/v1/staff/officials/{id}/schedule",
            Case::TabledIn("office_admin.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/officials/{id}/schedule",
            Case::TabledIn("office_admin.rs"),
        ),
        (
            "GET",
            "/api/v1/staff/receptions/{id}/affected",
            Case::TabledIn("office_admin.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/receptions/{id}/cancel",
            Case::TabledIn("office_admin.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/receptions/{id}/move",
            Case::TabledIn("office_admin.rs"),
        ),
        (
            "GET",
            "/api/v1/staff/offices/{id}/settings",
            Case::TabledIn("office_admin.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/offices/{id}/settings",
            Case::TabledIn("office_admin.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/offices/{id}/video-only",
            Case::TabledIn("office_admin.rs"),
        ),
        // The electronic queue: a receiver's own office only (queue.rs, with its tickets).
        (
            "GET",
            "/api/v1/staff/queue/{office_id}",
            Case::TabledIn("queue.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/queue/{office_id}/next",
            Case::TabledIn("queue.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/queue/{office_id}/tickets/{number}/priority",
            Case::TabledIn("queue.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/queue/{office_id}/tickets/{number}/recall",
            Case::TabledIn("queue.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/queue/{office_id}/tickets/{number}/absent",
            Case::TabledIn("queue.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/queue/{office_id}/tickets/{number}/finish",
            Case::TabledIn("queue.rs"),
        ),
        // Outcomes and appeals on control: the one who received, own office only
        // (outcomes.rs, with its tickets and appeals).
        (
            "POST",
            "/api/v1/staff/outcomes",
            Case::TabledIn("outcomes.rs"),
        ),
        (
            "GET",
            "/api/v1/staff/control",
            Case::TabledIn("outcomes.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/control/{id}/assign",
            Case::TabledIn("outcomes.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/control/{id}/due",
            Case::TabledIn("outcomes.rs"),
        ),
        (
            "POST",
            "/api/v1/staff/control/{id}/close",
            Case::TabledIn("outcomes.rs"),
        ),
    ];

    // The table covers every staff operation of the served document.
    let document = get("/api/v1/openapi.json").json();
    let documented: BTreeSet<(String, String)> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, _)| path.starts_with("/api/v1/staff/"))
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    // The responsible officer's operations have a table of their own (staff_decide.rs).
    let tabled: BTreeSet<(String, String)> = table
        .iter()
        .map(|(m, p, _)| (m.to_string(), p.to_string()))
        .chain(
            crate::staff_decide::OPERATIONS
                .iter()
                .map(|(m, p)| (m.to_string(), p.to_string())),
        )
        .collect();
    assert_eq!(tabled, documented);

    for (method, template, case) in &table {
        match case {
            Case::NotFound {
                method,
                path,
                body,
                field,
            } => {
                let reply = session.send(method, path, body.as_ref());
                let error = reply.assert_error(404, "not_found");
                assert_eq!(error["field"], *field, "{method} {path}");
                // Exactly as something that does not exist.
                let missing = path
                    .replace(&b.id, "st_ffffffffffffffff")
                    .replace(&offices.region_b, "no-such-office");
                let body = body.as_ref().map(|b| {
                    let mut b = b.clone();
                    if b.get("office_id").is_some() {
                        b["office_id"] = json!("no-such-office");
                    }
                    b
                });
                let nothing = session.send(method, &missing, body.as_ref());
                assert_eq!(nothing.status, 404, "{method} {missing}: {}", nothing.body);
                assert_eq!(nothing.body, reply.body, "{method} {template}");
            }
            Case::KeyedNotFound { path, body, field } => {
                let keyed = || [("Idempotency-Key", fresh_key())];
                let reply = session.send_with("POST", path, Some(body), &keyed());
                let error = reply.assert_error(404, "not_found");
                assert_eq!(error["field"], *field, "POST {path}");
                let missing: Value = serde_json::from_str(
                    &body
                        .to_string()
                        .replace(&offices.region_b, "no-such-office"),
                )
                .unwrap();
                let nothing = session.send_with("POST", path, Some(&missing), &keyed());
                assert_eq!(nothing.body, reply.body, "POST {template}");
            }
            Case::Listed { path, absent } => {
                let reply = session.get(path);
                assert_eq!(reply.status, 200, "{}", reply.body);
                assert!(!reply.body.contains(absent.as_str()), "{method} {template}");
                assert!(!reply.body.contains(&b_below.id), "{method} {template}");
            }
            Case::TabledIn(file) => {
                let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("api")
                    .join(file);
                assert!(path.exists(), "{method} {template}: {}", path.display());
            }
            Case::OwnOnly => {}
        }
    }
    // B's account is still active: the refused disable did nothing.
    let list = admin.get("/api/v1/staff/accounts");
    let listed = list.json()["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == b.id.as_str())
        .cloned()
        .expect("B's account");
    assert_eq!(listed["status"], "active");
    // A's audit trail has nothing of B.
    let trail = session.get("/api/v1/staff/audit");
    assert_eq!(trail.status, 200, "{}", trail.body);
    for entry in trail.json()["entries"].as_array().unwrap() {
        assert_ne!(entry["office_id"], offices.region_b.as_str(), "{entry}");
        assert_ne!(entry["office_id"], offices.district_b.as_str(), "{entry}");
    }
}

#[test]
fn r39_5_scope_a_regional_admin_creates_below_and_not_in_another_region() {
    let offices = offices();
    let admin = gpo_admin();
    let mut regional = admin.create_enrolled(&offices.region_a, &["admin"]);
    let session = regional.sign_in();
    // Below: a district office of the region.
    let below = session.create_account(&offices.district_a, &["registrar"]);
    assert!(below.id.starts_with("st_"));
    // Its own office.
    session.create_account(&offices.region_a, &["receiver"]);
    // Another region's district, the other region, and the GPO above: as if absent.
    for office in [&offices.district_b, &offices.region_b, &"gpo".to_owned()] {
        let reply = session.post(
            "/api/v1/staff/accounts",
            &json!({"login": format!("t{:x}@test.qabyldau.kz", fresh()), "name": "Тест", "office_id": office, "roles": ["registrar"]}),
        );
        let error = reply.assert_error(404, "not_found");
        assert_eq!(error["field"], "office_id", "{office}");
    }
    // The list has the district's account, and none of the GPO's.
    let list = session.get("/api/v1/staff/accounts");
    assert_eq!(list.status, 200, "{}", list.body);
    let accounts = list.json()["accounts"].as_array().unwrap().clone();
    assert!(accounts.iter().any(|a| a["id"] == below.id.as_str()));
    for account in &accounts {
        let office = account["office_id"].as_str().unwrap();
        for outside in [
            "gpo",
            offices.region_b.as_str(),
            offices.district_b.as_str(),
        ] {
            assert_ne!(office, outside, "{account}");
        }
    }
    // It may disable the district's account, not the GPO admin's.
    let disabled = session.post_empty(&format!("/api/v1/staff/accounts/{}/disable", below.id));
    assert_eq!(disabled.status, 200, "{}", disabled.body);
    session
        .post_empty(&format!(
            "/api/v1/staff/accounts/{}/disable",
            admin.staff_id()
        ))
        .assert_error(404, "not_found");
    assert_eq!(admin.get("/api/v1/staff/me").status, 200);
}
