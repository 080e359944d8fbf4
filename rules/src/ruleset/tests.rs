//! The rule set's data is consistent: ids, clauses, exceptions, kinds and texts.

use super::*;
use crate::lang::Lang;
use crate::official::Access;
use std::collections::BTreeSet;

fn rules() -> &'static RuleSet {
    RuleSet::order_87_2021()
}

fn is_slug(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_lowercase()
        && !s.ends_with('_')
        && !s.contains("__")
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
}

/// `R17`, `R17.1`: a clause id as the questions use it.
fn is_clause_id(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('R') else {
        return false;
    };
    let mut parts = rest.splitn(2, '.');
    let n = parts.next().unwrap_or("");
    let k = parts.next();
    !n.is_empty()
        && n.bytes().all(|c| c.is_ascii_digit())
        && k.is_none_or(|k| !k.is_empty() && k.bytes().all(|c| c.is_ascii_digit()))
}

const KAZAKH_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Each text is present in all three languages, and each language is the one it claims:
/// Kazakh uses Kazakh letters, Russian is Cyrillic without them, English has no Cyrillic.
fn check_tr(what: &str, tr: &Tr) {
    for lang in Lang::ALL {
        assert!(!tr.get(lang).trim().is_empty(), "{what}: empty {lang}");
    }
    assert!(
        tr.kk.chars().any(|c| KAZAKH_LETTERS.contains(c)),
        "{what}: kk is not Kazakh"
    );
    assert!(tr.ru.chars().any(is_cyrillic), "{what}: ru is not Cyrillic");
    assert!(
        !tr.ru.chars().any(|c| KAZAKH_LETTERS.contains(c)),
        "{what}: ru has Kazakh letters"
    );
    assert!(!tr.en.chars().any(is_cyrillic), "{what}: en has Cyrillic");
}

#[test]
fn question_ids_are_unique_slugs() {
    let mut seen = BTreeSet::new();
    for q in rules().questions {
        assert!(is_slug(q.id), "{} is not a slug", q.id);
        assert!(seen.insert(q.id), "{} is duplicated", q.id);
        // The id starts with its clause, so a reader sees the clause in any answer map.
        let prefix = format!("{}_", q.base_clause().to_lowercase().replace('.', "_"));
        assert!(
            q.id.starts_with(&prefix),
            "{} does not start with {prefix}",
            q.id
        );
    }
}

/// Clause ids are well formed, and a role lives only in its clauses: grounds in R17, R23,
/// R31; agreement cases in R19; competence in R22, R27; exceptions in R23.3, R31.1, R33.
#[test]
fn clauses_match_roles() {
    for q in rules().questions {
        let base = q.base_clause();
        assert!(is_clause_id(base), "{}: bad clause {}", q.id, q.clause);
        if let Some(borrowed) = q.clause.strip_prefix(base).filter(|r| !r.is_empty()) {
            let inner = borrowed
                .strip_prefix(" (")
                .and_then(|r| r.strip_suffix(')'))
                .unwrap_or("");
            assert!(
                inner.starts_with("R17.") && is_clause_id(inner),
                "{}",
                q.clause
            );
            assert!(matches!(base, "R23.4" | "R31.3"), "{}", q.clause);
        }
        let parent = base.split('.').next().unwrap_or(base);
        let ok = match q.role {
            Role::Ground => matches!(parent, "R17" | "R23" | "R31") && base.contains('.'),
            Role::Agreement => matches!(base, "R19.1" | "R19.2" | "R19.3"),
            Role::Competence => matches!(base, "R22" | "R27"),
            Role::Exception => matches!(base, "R23.3" | "R31.1" | "R33"),
        };
        assert!(ok, "{}: role {:?} in clause {}", q.id, q.role, q.clause);
    }
}

/// Every `exception_to` names an existing ground that an exception may cancel (R17.2,
/// R23.3, R31.1 only: RULES.md, "Readings", 2 and 3), for exactly the kinds the ground
/// applies to.
#[test]
fn exceptions_name_grounds_they_may_cancel() {
    let mut exceptions = 0;
    for q in rules().questions {
        match q.role {
            Role::Exception => assert!(!q.exception_to.is_empty(), "{}", q.id),
            Role::Agreement => {}
            _ => assert!(q.exception_to.is_empty(), "{}", q.id),
        }
        if !q.exception_to.is_empty() {
            assert!(
                q.review.is_some(),
                "{}: an exception needs a review text",
                q.id
            );
        }
        for target in q.exception_to {
            let ground = rules().question(target);
            let Some(ground) = ground else {
                panic!("{}: exception_to names no question {target}", q.id);
            };
            assert_eq!(ground.role, Role::Ground, "{} -> {target}", q.id);
            assert!(
                matches!(ground.clause, "R17.2" | "R23.3" | "R31.1"),
                "{} may not cancel {}",
                q.id,
                ground.clause
            );
            let a: BTreeSet<_> = q.applies_to.iter().collect();
            let b: BTreeSet<_> = ground.applies_to.iter().collect();
            assert_eq!(a, b, "{} and {target} apply to different kinds", q.id);
            exceptions += 1;
        }
    }
    // R17.2 ← R19.2; R23.3 ← R23.3 (CPC art. 112(1)); R31.1 ← R31.1 (GPO), R33.
    assert_eq!(exceptions, 4);
}

/// R19, R33: exactly the cases of R19 (the GPO's units) and R33 (the structural unit) mark
/// a request for agreement; an agreement question never refuses.
#[test]
fn r19_r33_agreement_marks_are_where_the_rules_put_them() {
    let mut marks: Vec<(&str, AgreementWith)> = rules()
        .questions
        .iter()
        .filter_map(|q| q.agreement.map(|with| (q.clause, with)))
        .collect();
    marks.sort_by_key(|m| m.0);
    assert_eq!(
        marks,
        [
            ("R19.1", AgreementWith::GpoUnits),
            ("R19.2", AgreementWith::GpoUnits),
            ("R19.3", AgreementWith::GpoUnits),
            ("R33", AgreementWith::StructuralUnit),
        ]
    );
    for q in rules().questions {
        if q.role == Role::Agreement {
            assert!(q.agreement.is_some(), "{}", q.id);
            assert!(q.refusal.is_none(), "{}", q.id);
        }
    }
    for with in [AgreementWith::GpoUnits, AgreementWith::StructuralUnit] {
        check_tr("agreement", &with.text());
    }
}

/// Only pre-registration kinds (R3) have questions; each has its competence question
/// (R22, R27) or, for the PG, the cases of R19.
#[test]
fn r3_questions_apply_to_pre_registration_kinds_only() {
    for kind in OfficialKind::ALL {
        let qs: Vec<_> = rules()
            .questions
            .iter()
            .filter(|q| q.applies_to(kind))
            .collect();
        if kind.access() != Access::PreRegistration {
            assert!(qs.is_empty(), "{kind:?}");
            continue;
        }
        let competence = qs.iter().filter(|q| q.role == Role::Competence).count();
        let cases = qs.iter().filter(|q| q.role == Role::Agreement).count();
        if kind == OfficialKind::ProsecutorGeneral {
            assert_eq!((competence, cases), (0, 3));
        } else {
            assert_eq!((competence, cases), (1, 0), "{kind:?}");
        }
        assert!(qs.iter().any(|q| q.role == Role::Ground), "{kind:?}");
    }
}

/// R23.4 and R31.3 borrow the grounds of R17(1), (3), (4), (5), (6): each is asked once per
/// kind, with the borrowing clause and the same texts as for the PG.
#[test]
fn r23_4_r31_3_borrow_the_r17_grounds() {
    for k in [1, 3, 4, 5, 6] {
        let r17 = format!("R17.{k}");
        let pg = rules()
            .questions
            .iter()
            .find(|q| q.clause == r17)
            .unwrap_or_else(|| panic!("no {r17}"));
        for (borrower, kinds) in [
            ("R23.4", &[OfficialKind::ProsecutorGeneralDeputy][..]),
            (
                "R31.3",
                &[OfficialKind::RegionalHead, OfficialKind::RegionalDeputy][..],
            ),
        ] {
            let clause = format!("{borrower} ({r17})");
            let found: Vec<_> = rules()
                .questions
                .iter()
                .filter(|q| q.clause == clause)
                .collect();
            assert_eq!(found.len(), 1, "{clause}");
            let q = found[0];
            assert_eq!(q.applies_to, kinds, "{clause}");
            assert_eq!(q.role, Role::Ground);
            assert_eq!(
                (q.text, q.help, q.refusal),
                (pg.text, pg.help, pg.refusal),
                "{clause}"
            );
            assert_eq!(q.alternatives, pg.alternatives, "{clause}");
        }
    }
    // R23.4 and R31.3 borrow nothing else: 5 questions each.
    let borrowed = rules()
        .questions
        .iter()
        .filter(|q| q.clause.contains('('))
        .count();
    assert_eq!(borrowed, 10);
}

/// R18, R24, R32: grounds and competence explain a refusal; the others never refuse.
#[test]
fn refusing_questions_have_an_explanation() {
    for q in rules().questions {
        match q.role {
            Role::Ground | Role::Competence => assert!(q.refusal.is_some(), "{}", q.id),
            Role::Agreement | Role::Exception => {
                assert!(q.refusal.is_none(), "{}", q.id);
                assert!(q.alternatives.is_empty(), "{}", q.id);
            }
        }
        // The district office is added to every refusal by `eligibility` (R39).
        assert!(
            !q.alternatives.contains(&Alternative::DistrictOfficeWalkIn),
            "{}",
            q.id
        );
    }
}

/// A person who is not a lawyer can answer every question: each has a plain wording in
/// Kazakh, Russian and English of at most 200 characters that asks something and cites no
/// article, clause or code (those stay in `text` and `help`, under "why we ask").
#[test]
fn every_question_has_a_plain_text_without_article_numbers() {
    const LEGAL: [&str; 13] = [
        "стат",
        "ст.",
        "бап",
        "пункт",
        "тармақ",
        "кодекс",
        "article",
        "art.",
        "para",
        "code",
        "ч.",
        "УПК",
        "ГПК",
    ];
    for q in rules().questions {
        check_tr(&format!("{}.plain", q.id), &q.plain);
        for lang in Lang::ALL {
            let plain = q.plain.get(lang);
            let chars = plain.chars().count();
            assert!(chars <= 200, "{} {lang}: {chars} characters", q.id);
            assert!(plain.contains('?'), "{} {lang}: not a question", q.id);
            assert!(
                !plain.chars().any(|c| c.is_ascii_digit()),
                "{} {lang}: a number in {plain}",
                q.id
            );
            let lower = plain.to_lowercase();
            for word in LEGAL {
                assert!(
                    !lower.contains(&word.to_lowercase()),
                    "{} {lang}: «{word}» in {plain}",
                    q.id
                );
            }
        }
    }
}

#[test]
fn every_text_is_in_kazakh_russian_and_english() {
    let r = rules();
    check_tr("title", &r.title);
    if let Some(t) = &r.repeal_note {
        check_tr("repeal_note", t);
    }
    for q in r.questions {
        check_tr(&format!("{}.text", q.id), &q.text);
        check_tr(&format!("{}.help", q.id), &q.help);
        if let Some(t) = &q.refusal {
            check_tr(&format!("{}.refusal", q.id), t);
        }
        if let Some(t) = &q.review {
            check_tr(&format!("{}.review", q.id), t);
        }
        // A question is a question in every language.
        for lang in Lang::ALL {
            assert!(q.text.get(lang).ends_with('?'), "{} {lang}", q.id);
        }
    }
    for a in Alternative::ALL {
        check_tr(a.code(), &a.text());
    }
}

/// R37, R39: the district office alternative says "without registration", gives the hours
/// and cites the clauses, in every language.
#[test]
fn r37_r39_district_office_alternative() {
    let t = Alternative::DistrictOfficeWalkIn.text();
    for lang in Lang::ALL {
        let s = t.get(lang);
        assert!(s.contains("09:00") && s.contains("18:30"), "{lang}");
        assert!(s.contains("37") && s.contains("39"), "{lang}");
    }
}

#[test]
fn alternatives_have_unique_codes_and_serialise_with_their_text() {
    let mut seen = BTreeSet::new();
    for a in Alternative::ALL {
        assert!(is_slug(a.code()), "{}", a.code());
        assert!(seen.insert(a.code()));
        assert_eq!(Alternative::parse(a.code()), Some(a));
        let json = serde_json::to_value(a).expect("json");
        assert_eq!(json["code"], a.code());
        assert_eq!(json["text"]["ru"], a.text().ru);
    }
    assert_eq!(Alternative::parse("nowhere"), None);
}

/// The versioning decisions (RULES.md, "Readings", 9): Order 87 as amended 08.10.2021,
/// repealed 17.01.2023 (No. 29), still the rule set this build applies.
#[test]
fn order_87_2021_is_the_current_rule_set() {
    let r = RuleSet::order_87_2021();
    assert_eq!(r.id, "order-87-2021");
    assert!(std::ptr::eq(r, RuleSet::current()));
    assert!(std::ptr::eq(
        RuleSet::by_id("order-87-2021").expect("known"),
        r
    ));
    assert!(RuleSet::by_id("order-29-2023").is_none());
    assert_eq!(RuleSet::all().len(), 1);
    assert_eq!(r.effective_from, date!(2021 - 10 - 08));
    assert_eq!(r.effective_to, Some(date!(2023 - 01 - 17)));
    assert!(!r.in_force_on(date!(2021 - 10 - 07)));
    assert!(r.in_force_on(date!(2021 - 10 - 08)));
    assert!(r.in_force_on(date!(2023 - 01 - 17)));
    assert!(!r.in_force_on(date!(2023 - 01 - 18)));
}

/// The rule set names itself as typed data: Order No. 87 of 24.08.2017, registered
/// No. 15810 (28.09.2017), amended by No. 42 (29.03.2018) and No. 132 (08.10.2021),
/// repealed by No. 29 (17.01.2023); the period of R15 (RULES.md, "Readings", 6).
#[test]
fn order_87_2021_names_its_order_amendments_and_repeal() {
    let r = RuleSet::order_87_2021();
    let act = |number, date| Act { number, date };
    assert_eq!(r.order, act(87, date!(2017 - 08 - 24)));
    assert_eq!(r.registered, act(15810, date!(2017 - 09 - 28)));
    assert_eq!(
        r.amendments,
        [
            act(42, date!(2018 - 03 - 29)),
            act(132, date!(2021 - 10 - 08))
        ]
    );
    assert_eq!(r.repealed_by, Some(act(29, date!(2023 - 01 - 17))));
    // The dates agree with the version's span.
    assert_eq!(r.amendments.last().map(|a| a.date), Some(r.effective_from));
    assert_eq!(r.repealed_by.map(|a| a.date), r.effective_to);
    assert_eq!(r.consideration_period.working_days, 15);
    // The texts say the same numbers.
    for lang in Lang::ALL {
        assert!(r.title.get(lang).contains("87"), "{lang}");
        assert!(r.title.get(lang).contains("132"), "{lang}");
        assert!(r.repeal_note.expect("repealed").get(lang).contains("29"));
    }
    let id = serde_json::to_value(r.identity()).expect("json");
    assert_eq!(
        id,
        serde_json::json!({
            "id": "order-87-2021",
            "title": serde_json::to_value(r.title).expect("json"),
            "order": {"number": 87, "date": "2017-08-24"},
            "registered": {"number": 15810, "date": "2017-09-28"},
            "amendments": [
                {"number": 42, "date": "2018-03-29"},
                {"number": 132, "date": "2021-10-08"}
            ],
            "repealed_by": {"number": 29, "date": "2023-01-17"},
            "repeal_note": serde_json::to_value(r.repeal_note).expect("json"),
            "effective_from": "2021-10-08",
            "effective_to": "2023-01-17",
        })
    );
}

/// The shape `GET /api/v1/rules` builds on.
#[test]
fn rule_set_serialises_for_the_api() {
    let json = serde_json::to_value(rules()).expect("json");
    assert_eq!(json["id"], "order-87-2021");
    assert_eq!(json["effective_from"], "2021-10-08");
    assert_eq!(json["effective_to"], "2023-01-17");
    assert_eq!(json["order"]["number"], 87);
    assert_eq!(json["consideration_period"]["working_days"], 15);
    assert!(json["title"]["kk"].is_string());
    let q = &json["questions"][0];
    assert_eq!(q["id"], "r17_1_outside_competence");
    assert_eq!(q["clause"], "R17.1");
    assert_eq!(q["role"], "ground");
    assert_eq!(q["exception_to"], serde_json::json!([]));
    assert_eq!(q["applies_to"], serde_json::json!(["prosecutor_general"]));
    assert!(q["text"]["ru"].is_string() && q["help"]["en"].is_string());
    assert_eq!(q["alternatives"][0]["code"], "competent_authority");
    let exception = json["questions"]
        .as_array()
        .and_then(|qs| qs.iter().find(|q| q["id"] == "r31_1_gpo_instructed"))
        .expect("question");
    assert_eq!(exception["role"], "exception");
    assert_eq!(
        exception["exception_to"],
        serde_json::json!(["r31_1_already_received"])
    );
    assert_eq!(
        exception["applies_to"],
        serde_json::json!(["regional_head", "regional_deputy"])
    );
    assert_eq!(exception["refusal"], serde_json::Value::Null);
}

/// R17, R23, R31: the responsible officer refuses only on a ground of the official's own
/// kind's rule set (and on competence, R22, R27); a ground of another kind is no ground.
#[test]
fn r17_r23_r31_refusal_grounds_by_official_kind() {
    use OfficialKind::*;
    let r = rules();
    let clauses = |kind| -> Vec<&str> { r.refusal_grounds(kind).map(|q| q.clause).collect() };
    assert_eq!(
        clauses(ProsecutorGeneral),
        ["R17.1", "R17.2", "R17.3", "R17.4", "R17.5", "R17.6"]
    );
    assert_eq!(
        clauses(ProsecutorGeneralDeputy),
        [
            "R22",
            "R23.1",
            "R23.2",
            "R23.3",
            "R23.4 (R17.1)",
            "R23.4 (R17.3)",
            "R23.4 (R17.4)",
            "R23.4 (R17.5)",
            "R23.4 (R17.6)"
        ]
    );
    assert_eq!(
        clauses(RegionalHead),
        [
            "R27",
            "R31.1",
            "R31.2",
            "R31.3 (R17.1)",
            "R31.3 (R17.3)",
            "R31.3 (R17.4)",
            "R31.3 (R17.5)",
            "R31.3 (R17.6)"
        ]
    );
    assert_eq!(clauses(RegionalDeputy), clauses(RegionalHead));
    // R37, R39: nothing is refused where nobody registers.
    for kind in [
        DistrictHead,
        DistrictDeputy,
        ReceivingProsecutor,
        DutyProsecutor,
    ] {
        assert!(clauses(kind).is_empty(), "{kind:?}");
    }
}

/// R17, R23, R31: a clause names a ground by its full id, by the R17 ground that R23(4) or
/// R31(3) borrows, or by its own id when that is one ground; anything else is refused.
#[test]
fn r17_r23_r31_a_clause_names_one_ground_of_the_kind() {
    use OfficialKind::*;
    let r = rules();
    let id = |kind, clause| r.refusal_ground(kind, clause).map(|q| q.id);
    assert_eq!(
        id(ProsecutorGeneral, "R17.4"),
        Some("r17_4_cassation_deadline_missed")
    );
    assert_eq!(
        id(RegionalHead, "R17.4"),
        Some("r31_3_cassation_deadline_missed")
    );
    assert_eq!(
        id(RegionalDeputy, " R31.3 (R17.4) "),
        Some("r31_3_cassation_deadline_missed")
    );
    assert_eq!(
        id(ProsecutorGeneralDeputy, "R17.1"),
        Some("r23_4_outside_competence")
    );
    assert_eq!(
        id(ProsecutorGeneralDeputy, "R23.3"),
        Some("r23_3_cassation_not_used")
    );
    assert_eq!(id(RegionalHead, "R31.2"), Some("r31_2_pending_court_case"));
    assert_eq!(id(RegionalHead, "R27"), Some("r27_competence"));
    // Another kind's grounds.
    assert_eq!(id(RegionalHead, "R17.2"), None); // R31(3) does not borrow R17(2)
    assert_eq!(id(RegionalHead, "R23.1"), None);
    assert_eq!(id(ProsecutorGeneral, "R31.2"), None);
    assert_eq!(id(ProsecutorGeneral, "R22"), None);
    assert_eq!(id(ProsecutorGeneralDeputy, "R17.2"), None);
    // R19 and R33 never refuse (RULES.md, "Readings", 1); an ambiguous or unknown clause.
    assert_eq!(id(ProsecutorGeneral, "R19.2"), None);
    assert_eq!(id(RegionalHead, "R33"), None);
    assert_eq!(id(RegionalHead, "R31.3"), None);
    assert_eq!(id(RegionalHead, "R31.1 "), Some("r31_1_already_received"));
    assert_eq!(id(DistrictHead, "R17.1"), None);
    assert_eq!(id(ProsecutorGeneral, ""), None);
}

/// R18, R24, R32: a staff refusal offers the ground's alternatives and the district office
/// last (R39), once.
#[test]
fn r18_r24_r32_refusal_alternatives_end_with_the_district_office() {
    for kind in OfficialKind::ALL {
        for q in rules().refusal_grounds(kind) {
            let all = q.refusal_alternatives();
            assert_eq!(
                all.last(),
                Some(&Alternative::DistrictOfficeWalkIn),
                "{}",
                q.id
            );
            assert_eq!(
                all.iter()
                    .filter(|a| **a == Alternative::DistrictOfficeWalkIn)
                    .count(),
                1
            );
            assert_eq!(&all[..all.len() - 1], q.alternatives, "{}", q.id);
        }
    }
    let r17_4 = rules()
        .refusal_ground(OfficialKind::ProsecutorGeneral, "R17.4")
        .unwrap();
    assert_eq!(
        r17_4.refusal_alternatives(),
        [
            Alternative::RestoreDeadline,
            Alternative::DistrictOfficeWalkIn
        ]
    );
}
