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

/// Answers that make a request admissible: no ground applies, no case of R19 is stated
/// (R19 is not a precondition), the matter is within the official's competence (R22,
/// R27), no exception is claimed.
fn admissible(rules: &Value, kind: &str) -> Map<String, Value> {
    let mut answers = Map::new();
    for q in questions_for(rules, kind) {
        let answer = match q["role"].as_str().unwrap() {
            "ground" | "exception" | "agreement" => "no",
            "competence" => "yes",
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
    for key in ["grounds", "reasons", "alternatives", "agreements"] {
        assert!(verdict[key].is_array(), "{key} in {verdict}");
    }
    // RULES.md, "Readings", 9: every verdict, refusals included, names its rule set.
    assert_eq!(verdict["rule_set"], "order-87-2021", "{verdict}");
    verdict
}

fn with_answers(mut answers: Map<String, Value>, changes: &[(&str, &str)]) -> Map<String, Value> {
    for (id, answer) in changes {
        answers.insert((*id).to_owned(), json!(answer));
    }
    answers
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
    // The rule set names itself as data: Order No. 87 of 24.08.2017 (registered No. 15810),
    // amended by No. 42 and No. 132, repealed by No. 29 of 17.01.2023.
    let set = &rules["rule_set"];
    assert_eq!(
        set["order"],
        json!({"number": 87, "date": "2017-08-24"}),
        "{set}"
    );
    assert_eq!(set["registered"]["number"], 15810, "{set}");
    assert_eq!(
        set["amendments"],
        json!([{"number": 42, "date": "2018-03-29"}, {"number": 132, "date": "2021-10-08"}]),
        "{set}"
    );
    assert_eq!(
        set["repealed_by"],
        json!({"number": 29, "date": "2023-01-17"}),
        "{set}"
    );
    for lang in ["kk", "ru", "en"] {
        assert!(
            set["repeal_note"][lang]
                .as_str()
                .is_some_and(|t| t.contains("29")),
            "{set}"
        );
    }
    let kinds = rules["official_kinds"].as_array().unwrap();
    assert_eq!(kinds.len(), 10, "{kinds:?}");
    let questions = rules["questions"].as_array().unwrap();
    let clauses: Vec<&str> = questions
        .iter()
        .map(|q| q["clause"].as_str().unwrap())
        .collect();
    for clause in [
        "R17.1", "R17.2", "R17.6", "R19.1", "R19.2", "R19.3", "R22", "R23.1", "R23.3", "R27",
        "R31.1", "R31.2", "R33",
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

/// RULES.md, "Readings", 1: R19 is not a precondition. A PG request stating none of its
/// three cases is eligible; one stating a case is marked for the GPO units' agreement.
#[test]
fn r19_is_not_a_precondition_and_marks_for_agreement() {
    let rules = rules();
    let pg = "prosecutor_general";
    let none = decide(pg, &admissible(&rules, pg));
    assert_eq!(none["verdict"], "eligible", "{none}");
    assert_eq!(none["agreements"], json!([]), "{none}");
    for (id, clause) in [
        ("r19_1_protest_court_act", "R19.1"),
        ("r19_2_new_evidence", "R19.2"),
        ("r19_3_protest_supreme_court", "R19.3"),
    ] {
        let verdict = decide(pg, &with_answers(admissible(&rules, pg), &[(id, "yes")]));
        assert_eq!(verdict["verdict"], "eligible", "{id}: {verdict}");
        let marks = verdict["agreements"].as_array().unwrap();
        assert_eq!(marks.len(), 1, "{verdict}");
        assert_eq!(marks[0]["clause"], clause);
        assert_eq!(marks[0]["question"], id);
        assert_eq!(marks[0]["with"], "gpo_units");
        assert!(marks[0]["explanation"]["kk"].is_string());
        // "Don't know" sends it to review, never to a refusal.
        let verdict = decide(
            pg,
            &with_answers(admissible(&rules, pg), &[(id, "unknown")]),
        );
        assert_eq!(verdict["verdict"], "needs_review", "{id}: {verdict}");
    }
}

/// RULES.md, "Readings", 2: R19(2) excepts R17(2) for the PG only. For a PG deputy,
/// R23(1) and R23(2) refuse on "yes"; no new-evidence question is asked.
#[test]
fn r19_2_does_not_except_r23_for_deputies() {
    let rules = rules();
    let deputy = "prosecutor_general_deputy";
    assert!(questions_for(&rules, deputy)
        .iter()
        .all(|q| !q["clause"].as_str().unwrap().starts_with("R19")));
    for (id, clause) in [
        ("r23_1_already_received", "R23.1"),
        ("r23_2_has_answer", "R23.2"),
    ] {
        let verdict = decide(
            deputy,
            &with_answers(admissible(&rules, deputy), &[(id, "yes")]),
        );
        assert_eq!(verdict["verdict"], "refused", "{id}: {verdict}");
        assert_eq!(verdict["grounds"][0]["clause"], clause, "{verdict}");
    }
    // The old exception is no question of the rule set.
    let answers = with_answers(
        admissible(&rules, deputy),
        &[
            ("r23_1_already_received", "yes"),
            ("r19_2_deputy_new_evidence", "yes"),
        ],
    );
    let reply = post_json(
        "/api/v1/eligibility",
        &json!({ "official_kind": deputy, "answers": answers }),
    );
    let error = reply.assert_error(422, "unknown_question");
    assert_eq!(error["field"], "answers.r19_2_deputy_new_evidence");
    // For the PG, new evidence still excepts R17(2): review, with the agreement mark.
    let pg = "prosecutor_general";
    let verdict = decide(
        pg,
        &with_answers(
            admissible(&rules, pg),
            &[
                ("r17_2_already_received", "yes"),
                ("r19_2_new_evidence", "yes"),
            ],
        ),
    );
    assert_eq!(verdict["verdict"], "needs_review", "{verdict}");
    assert_eq!(verdict["reasons"][0]["code"], "exception_to_confirm");
    assert_eq!(verdict["agreements"][0]["clause"], "R19.2");
}

/// RULES.md, "Readings", 3 and 4: R23(3) excepts petitions of persons named in Civil
/// Procedure Code art. 112(1), a follow-up to "yes" on R23(3): "yes" → review, "no" →
/// refused, "don't know" → review.
#[test]
fn r23_3_article_112_exception() {
    let rules = rules();
    let deputy = "prosecutor_general_deputy";
    let exception = questions_for(&rules, deputy)
        .into_iter()
        .find(|q| q["role"] == "exception")
        .expect("an exception for deputies");
    assert_eq!(exception["id"], "r23_3_article_112_petition");
    assert_eq!(exception["clause"], "R23.3");
    assert_eq!(
        exception["exception_to"],
        json!(["r23_3_cassation_not_used"])
    );
    for lang in ["kk", "ru", "en"] {
        assert!(
            exception["text"][lang].as_str().unwrap().contains("112"),
            "{lang}"
        );
    }
    // Asked only after "yes": without it the request is incomplete.
    let mut answers = admissible(&rules, deputy);
    answers.remove("r23_3_article_112_petition");
    answers.insert("r23_3_cassation_not_used".into(), json!("yes"));
    let reply = post_json(
        "/api/v1/eligibility",
        &json!({ "official_kind": deputy, "answers": answers }),
    );
    let error = reply.assert_error(422, "unanswered");
    assert_eq!(error["field"], "answers.r23_3_article_112_petition");
    for (answer, verdict_code, reason) in [
        ("yes", "needs_review", Some("exception_to_confirm")),
        ("no", "refused", None),
        ("unknown", "needs_review", Some("unknown_answer")),
    ] {
        let verdict = decide(
            deputy,
            &with_answers(
                admissible(&rules, deputy),
                &[
                    ("r23_3_cassation_not_used", "yes"),
                    ("r23_3_article_112_petition", answer),
                ],
            ),
        );
        assert_eq!(verdict["verdict"], verdict_code, "{answer}: {verdict}");
        if let Some(code) = reason {
            assert_eq!(verdict["reasons"][0]["code"], code, "{verdict}");
            assert_eq!(verdict["reasons"][0]["clause"], "R23.3", "{verdict}");
        } else {
            assert_eq!(verdict["grounds"][0]["clause"], "R23.3", "{verdict}");
        }
    }
}

/// RULES.md, "Readings", 4: "don't know" on any exception of a ground answered "yes" sends
/// the request to review instead of refusing.
#[test]
fn dont_know_on_an_exception_needs_review() {
    let rules = rules();
    for kind in PRE_REGISTRATION_KINDS {
        for q in questions_for(&rules, kind).iter().filter(|q| {
            q["role"] == "exception" || !q["exception_to"].as_array().unwrap().is_empty()
        }) {
            for ground in q["exception_to"].as_array().unwrap() {
                let answers = with_answers(
                    admissible(&rules, kind),
                    &[
                        (ground.as_str().unwrap(), "yes"),
                        (q["id"].as_str().unwrap(), "unknown"),
                    ],
                );
                let verdict = decide(kind, &answers);
                assert_eq!(
                    verdict["verdict"], "needs_review",
                    "{kind} {} after {ground}: {verdict}",
                    q["id"]
                );
                assert_eq!(verdict["grounds"], json!([]), "{verdict}");
            }
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
