//! `GET /api/v1/health`, `GET /api/v1/offices`, `GET /api/v1/offices/{id}`.

use api_tests::{get, request, SETTINGS_OFFICE};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

fn offices() -> Vec<Value> {
    let reply = get("/api/v1/offices");
    assert_eq!(reply.status, 200);
    reply.json()["offices"]
        .as_array()
        .expect("offices array")
        .clone()
}

#[test]
fn health_is_ok_with_a_version() {
    let reply = get("/api/v1/health");
    assert_eq!(reply.status, 200);
    let body = reply.json();
    assert_eq!(body["status"], "ok");
    assert!(body["version"].as_str().is_some_and(|v| !v.is_empty()));
}

#[test]
fn the_directory_has_every_office_in_three_languages() {
    let offices = offices();
    assert!(offices.len() >= 249, "{} offices", offices.len());
    let by_level = |l: &str| offices.iter().filter(|o| o["level"] == l).count();
    assert_eq!(by_level("general"), 1);
    assert_eq!(
        by_level("regional"),
        20,
        "17 oblasts, Astana, Almaty, Shymkent"
    );
    assert!(by_level("district") >= 228);

    let ids: HashSet<&str> = offices.iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), offices.len(), "ids are unique");
    let levels: HashMap<&str, &str> = offices
        .iter()
        .map(|o| (o["id"].as_str().unwrap(), o["level"].as_str().unwrap()))
        .collect();
    for o in &offices {
        let id = o["id"].as_str().unwrap();
        assert!(
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && id.parse::<u64>().is_err(),
            "id {id:?} is a URL-safe slug, not a row number"
        );
        for lang in ["kk", "ru", "en"] {
            assert!(
                o["name"][lang]
                    .as_str()
                    .is_some_and(|n| !n.trim().is_empty()),
                "{id} has a {lang} name"
            );
        }
        // Nothing invented: no address or phone until an office supplies one (the
        // office-admin test's office supplies its address through the staff API).
        assert!(o["phone"].is_null(), "{id}");
        if id != SETTINGS_OFFICE {
            assert!(o["address"].is_null(), "{id}");
        }
        let parent = o["parent_id"].as_str();
        match o["level"].as_str().unwrap() {
            "general" => assert!(parent.is_none() && o["region_id"].is_null()),
            "regional" => {
                assert_eq!(parent.map(|p| levels[p]), Some("general"), "{id}");
                assert_eq!(o["region_id"], o["id"], "{id}");
            }
            "district" => {
                assert_eq!(parent.map(|p| levels[p]), Some("regional"), "{id}");
                assert_eq!(o["region_id"].as_str(), parent, "{id}");
            }
            other => panic!("{id}: level {other}"),
        }
    }
    let talgar = offices
        .iter()
        .find(|o| o["name"]["ru"] == "Прокуратура Талгарского района")
        .expect("the Talgar district office");
    assert_eq!(talgar["name"]["kk"], "Талғар ауданының прокуратурасы");
    for city in ["Астаны", "Алматы", "Шымкент"] {
        let name = format!("Прокуратура города {city}");
        assert!(
            offices
                .iter()
                .any(|o| o["level"] == "regional" && o["name"]["ru"] == name),
            "{name}"
        );
    }
}

#[test]
fn the_directory_is_cacheable_and_revalidates_with_304() {
    let first = get("/api/v1/offices");
    let etag = first.header("etag").expect("ETag").to_owned();
    assert!(
        etag.starts_with('"') && etag.ends_with('"'),
        "strong ETag {etag}"
    );
    let cache = first.header("cache-control").expect("Cache-Control");
    assert!(cache.contains("max-age="), "{cache}");
    assert!(first
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/json")));

    for sent in [
        etag.clone(),
        format!("W/{etag}"),
        format!("\"other\", {etag}"),
    ] {
        let again = request("GET", "/api/v1/offices", &[("If-None-Match", &sent)]);
        assert_eq!(again.status, 304, "If-None-Match: {sent}");
        assert!(again.body.is_empty(), "a 304 has no body");
        assert_eq!(again.header("etag"), Some(etag.as_str()));
    }
    let stale = request("GET", "/api/v1/offices", &[("If-None-Match", "\"stale\"")]);
    assert_eq!(stale.status, 200);
    assert_eq!(stale.body, first.body, "the same snapshot");
}

#[test]
fn a_regional_office_has_its_parent_and_children() {
    let reply = get("/api/v1/offices/shymkent");
    assert_eq!(reply.status, 200);
    assert!(reply.header("cache-control").is_some());
    let office = &reply.json()["office"];
    assert_eq!(office["id"], "shymkent");
    assert_eq!(office["level"], "regional");
    assert_eq!(office["name"]["ru"], "Прокуратура города Шымкент");
    assert_eq!(office["name"]["kk"], "Шымкент қаласының прокуратурасы");
    assert_eq!(office["parent"]["id"], "gpo");
    let children = office["children"].as_array().unwrap();
    assert_eq!(children.len(), 5, "Shymkent has five city districts");
    assert!(children
        .iter()
        .all(|c| c["level"] == "district" && c["parent_id"] == "shymkent"));
}

#[test]
fn the_gpo_has_every_regional_office_as_child() {
    let office = &get("/api/v1/offices/gpo").json()["office"];
    assert_eq!(office["level"], "general");
    assert!(office["parent"].is_null());
    assert_eq!(office["children"].as_array().unwrap().len(), 20);
}

#[test]
fn a_district_office_has_no_children() {
    let offices = offices();
    let district = offices.iter().find(|o| o["level"] == "district").unwrap();
    let id = district["id"].as_str().unwrap();
    let office = &get(&format!("/api/v1/offices/{id}")).json()["office"];
    assert_eq!(office["children"].as_array().map(Vec::len), Some(0));
    assert_eq!(office["parent"]["id"], district["parent_id"]);
}

/// The list comes from the KV snapshot, each office from D1: they must agree.
#[test]
fn the_snapshot_and_the_database_agree_on_every_office() {
    for listed in offices() {
        let id = listed["id"].as_str().unwrap();
        let reply = get(&format!("/api/v1/offices/{id}"));
        assert_eq!(reply.status, 200, "{id}");
        let mut office = reply.json()["office"].clone();
        let obj = office.as_object_mut().unwrap();
        obj.remove("children");
        obj.remove("parent");
        let mut listed = listed.clone();
        if id == SETTINGS_OFFICE {
            // The office-admin test sets and clears this office's address meanwhile: the
            // two reads may see either side of a change (that test checks both agree).
            obj.remove("address");
            listed.as_object_mut().unwrap().remove("address");
        }
        assert_eq!(office, listed, "{id}");
    }
}

#[test]
fn the_spa_is_served_for_deep_links() {
    for path in ["/", "/offices/shymkent", "/offices/no-such-office"] {
        let reply = get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert!(reply.body.contains("<html"), "{path} is the SPA's page");
    }
}
