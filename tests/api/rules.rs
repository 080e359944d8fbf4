//! `GET /api/v1/rules`, `POST /api/v1/eligibility`, `GET /api/v1/calendar/{year}`: the
//! Worker answers from the same `rules` crate the browser runs.

use api_tests::{get, post_json, request};
use serde_json::{json, Map, Value};

/// R3: the officials reached by pre-registration only.
const PRE_REGISTRATION_KINDS: [&str; 4] = [
    "prosecutor_general",
    "prosecutor_general_deputy",
    "regional_head",
    "regional_deputy",
];

fn rules() -> Value {
    let reply = get("/api/v1/rules");
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()
}

fn questions_for(rules: &Value, kind: &str) -> Vec<Value> {
    rules["questions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| {
            q["applies_to"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k == kind)
        })
        .cloned()
        .collect()
}

/// Answers that make a request admissible: no ground applies, a basis (R19) is stated, the
/// matter is within the official's competence (R22, R27), no exception is claimed.
fn admissible(rules: &Value, kind: &str) -> Map<String, Value> {
    let mut answers = Map::new();
    let mut basis_given = false;
    for q in questions_for(rules, kind) {
        let answer = match q["role"].as_str().unwrap() {
            "ground" | "exception" => "no",
            "competence" => "yes",
            "basis" if !basis_given => {
                basis_given = true;
                "yes"
            }
            "basis" => "no",
            other => panic!("unknown role {other}"),
        };
        answers.insert(q["id"].as_str().unwrap().to_owned(), json!(answer));
    }
    answers
}

fn decide(kind: &str, answers: &Map<String, Value>) -> Value {
    let reply = post_json(
        "/api/v1/eligibility",
        &json!({ "official_kind": kind, "answers": answers }),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let verdict = reply.json();
    for key in ["grounds", "reasons", "alternatives"] {
        assert!(verdict[key].is_array(), "{key} in {verdict}");
    }
    verdict
}

#[test]
fn the_rule_set_is_published_with_its_questions() {
    let rules = rules();
    assert_eq!(rules["rule_set"]["id"], "order-87-2021");
    for lang in ["kk", "ru", "en"] {
        assert!(rules["rule_set"]["title"][lang]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
    }
    assert!(rules["rule_set"]["effective_from"].is_string());
    let kinds = rules["official_kinds"].as_array().unwrap();
    assert_eq!(kinds.len(), 10, "{kinds:?}");
    let questions = rules["questions"].as_array().unwrap();
    let clauses: Vec<&str> = questions
        .iter()
        .map(|q| q["clause"].as_str().unwrap())
        .collect();
    for clause in [
        "R17.1", "R17.2", "R17.6", "R19.1", "R19.2", "R19.3", "R22", "R23.1", "R23.3", "R27",
        "R31.1", "R31.2",
    ] {
        assert!(
            clauses.iter().any(|c| c.starts_with(clause)),
            "{clause} in {clauses:?}"
        );
    }
    for q in questions {
        for lang in ["kk", "ru", "en"] {
            assert!(
                q["text"][lang].as_str().is_some_and(|t| !t.is_empty()),
                "{q}"
            );
            assert!(q["help"][lang].is_string(), "{q}");
        }
        assert!(
            q["exception_to"].is_array() && q["applies_to"].is_array(),
            "{q}"
        );
    }
}

#[test]
fn r37_district_officials_need_no_pre_registration() {
    for kind in ["district_head", "district_deputy"] {
        let verdict = decide(kind, &Map::new());
        assert_eq!(verdict["verdict"], "no_pre_registration", "{kind}");
        assert_eq!(verdict["grounds"], json!([]));
    }
}

#[test]
fn admissible_answers_are_eligible_for_every_pre_registration_kind() {
    let rules = rules();
    for kind in PRE_REGISTRATION_KINDS {
        assert!(
            !questions_for(&rules, kind).is_empty(),
            "{kind} has questions"
        );
        let verdict = decide(kind, &admissible(&rules, kind));
        assert_eq!(verdict["verdict"], "eligible", "{kind}: {verdict}");
    }
}

/// R17, R23, R31: a "yes" on any ground refuses, citing the clause and offering the district
/// office (R18, R24, R32, R39).
#[test]
fn every_ground_refuses_with_its_clause_and_an_alternative() {
    let rules = rules();
    for kind in PRE_REGISTRATION_KINDS {
        for q in questions_for(&rules, kind)
            .iter()
            .filter(|q| q["role"] == "ground")
        {
            let mut answers = admissible(&rules, kind);
            answers.insert(q["id"].as_str().unwrap().to_owned(), json!("yes"));
            let verdict = decide(kind, &answers);
            assert_eq!(
                verdict["verdict"], "refused",
                "{kind} {}: {verdict}",
                q["id"]
            );
            let grounds = verdict["grounds"].as_array().unwrap();
            assert!(
                grounds.iter().any(|g| g["clause"] == q["clause"]),
                "{verdict}"
            );
            assert!(grounds.iter().all(|g| g["explanation"]["ru"]
                .as_str()
                .is_some_and(|e| !e.is_empty())));
            assert!(
                !verdict["alternatives"].as_array().unwrap().is_empty(),
                "{verdict}"
            );

            // "Don't know" sends it to staff instead of refusing.
            answers.insert(q["id"].as_str().unwrap().to_owned(), json!("unknown"));
            assert_eq!(
                decide(kind, &answers)["verdict"],
                "needs_review",
                "{kind} {}",
                q["id"]
            );
        }
    }
}

#[test]
fn eligibility_422s_name_the_field() {
    let rules = rules();
    let mut answers = admissible(&rules, "prosecutor_general");

    let reply = post_json(
        "/api/v1/eligibility",
        &json!({ "official_kind": "judge", "answers": answers }),
    );
    let error = reply.assert_error(422, "unknown_official_kind");
    assert_eq!(error["field"], "official_kind");

    answers.insert("no_such_question".into(), json!("no"));
    let reply = post_json(
        "/api/v1/eligibility",
        &json!({ "official_kind": "prosecutor_general", "answers": answers }),
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert_eq!(reply.json()["error"]["field"], "answers.no_such_question");

    let mut answers = admissible(&rules, "prosecutor_general");
    let first = questions_for(&rules, "prosecutor_general")
        .into_iter()
        .find(|q| q["role"] == "ground")
        .map(|q| q["id"].as_str().unwrap().to_owned())
        .unwrap();
    answers.remove(&first);
    let reply = post_json(
        "/api/v1/eligibility",
        &json!({ "official_kind": "prosecutor_general", "answers": answers }),
    );
    assert_eq!(reply.status, 422, "an unanswered question: {}", reply.body);
    assert_eq!(reply.json()["error"]["field"], format!("answers.{first}"));

    let reply = post_json(
        "/api/v1/eligibility",
        &json!({ "official_kind": "prosecutor_general", "answers": { first: "maybe" } }),
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(reply.json()["error"]["field"]
        .as_str()
        .unwrap()
        .starts_with("answers"));

    let reply = post_json(
        "/api/v1/eligibility",
        &json!({ "official_kind": "district_head", "answers": {}, "extra": 1 }),
    );
    assert_eq!(reply.status, 422, "unknown field: {}", reply.body);
    assert_eq!(reply.json()["error"]["field"], "extra");
}

#[test]
fn bad_bodies_get_4xx_not_500() {
    let url = "/api/v1/eligibility";
    let json_ct = [("Content-Type", "application/json")];
    request("POST", url, &json_ct).assert_error(400, "malformed_json");
    api_tests::request_with_body("POST", url, &json_ct, "{\"official_kind\":")
        .assert_error(400, "malformed_json");
    api_tests::request_with_body("POST", url, &[("Content-Type", "text/plain")], "{}")
        .assert_error(415, "unsupported_media_type");
    let huge = format!(
        "{{\"official_kind\":\"district_head\",\"answers\":{{\"x\":\"{}\"}}}}",
        "a".repeat(20_000)
    );
    api_tests::request_with_body("POST", url, &json_ct, &huge)
        .assert_error(413, "payload_too_large");
    let reply = get(url);
    reply.assert_error(405, "method_not_allowed");
    assert_eq!(reply.header("allow"), Some("POST"));
}

#[test]
fn the_working_calendar_by_year() {
    let year = get("/api/v1/calendar/2026");
    assert_eq!(year.status, 200, "{}", year.body);
    let body = year.json();
    assert_eq!(body["year"], 2026);
    let days = body["days_off"].as_array().unwrap();
    let day = |date: &str| days.iter().find(|d| d["date"] == date).cloned();
    let independence = day("2026-12-16").expect("16 Dec 2026 is a day off");
    assert_eq!(independence["kind"], "holiday");
    assert!(independence["name"]["kk"]
        .as_str()
        .is_some_and(|n| !n.is_empty()));
    for moved in [
        "2026-03-09",
        "2026-03-24",
        "2026-03-25",
        "2026-05-11",
        "2026-08-31",
        "2026-10-26",
    ] {
        assert!(day(moved).is_some(), "{moved} is off in 2026");
    }
    assert!(day("2026-05-27").is_some(), "Kurban Ait 2026");
    assert!(
        day("2026-12-17").is_none(),
        "17 Dec is a working day since 2022"
    );
    assert!(days
        .iter()
        .all(|d| d["date"].as_str().unwrap().starts_with("2026-")));

    let y2025 = get("/api/v1/calendar/2025").json();
    assert!(y2025["working_weekend_days"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d == "2025-01-05"));

    for other in ["2023", "2029", "1999", "abcd", "20261"] {
        get(&format!("/api/v1/calendar/{other}")).assert_error(404, "not_found");
    }
}
