//! The clause table `rules/CLAUSES.md` stays complete: every clause id of the spec
//! (`../shared/spec/RULES.md`, beside the repository) has a row, the table cites nothing
//! else except the sub-items the rule set uses (`R17.1`, ...), and the tests it cites exist.
//!
//! The spec is read at test time, not embedded: it lives outside the crate. A missing spec
//! fails the test (it never skips), so CI cannot pass without checking the table.

use crate::ruleset::RuleSet;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const SPEC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/spec/RULES.md");
const TABLE: &str = include_str!("../CLAUSES.md");

fn spec() -> String {
    read_spec(SPEC_PATH)
}

fn read_spec(path: &str) -> String {
    match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => panic!(
            "cannot read the spec at {path} ({e}). The clause table rules/CLAUSES.md is \
             checked against shared/spec/RULES.md, which must sit beside the repository \
             (../shared/spec/RULES.md from its root)."
        ),
    }
}

/// `R17`, `R17.1`, `R3.a`, `R39-1`.
fn is_clause_id(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('R') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let tail = &rest[digits..];
    if tail.is_empty() {
        return true;
    }
    if let Some(k) = tail.strip_prefix('.') {
        return !k.is_empty()
            && (k.bytes().all(|c| c.is_ascii_digit())
                || (k.len() == 1 && k.bytes().all(|c| c.is_ascii_lowercase())));
    }
    if let Some(k) = tail.strip_prefix('-') {
        return !k.is_empty() && k.bytes().all(|c| c.is_ascii_digit());
    }
    false
}

/// The cells of a markdown table row, trimmed; `None` for other lines.
fn cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.trim().strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').map(str::trim).collect())
}

/// The clause ids in the first column of every table of a markdown text, in order.
fn first_column_ids(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter_map(cells)
        .filter_map(|row| row.first().map(|c| c.trim_matches('`')))
        .filter(|c| is_clause_id(c))
        .collect()
}

/// `R23.4` for `R23.4`; the parent paragraph `R23` for a numbered sub-item.
fn parent(id: &str) -> &str {
    id.split('.').next().unwrap_or(id)
}

/// Every clause id the rule set cites: `R23.4 (R17.1)` gives both `R23.4` and `R17.1`.
fn cited_by_rule_set() -> BTreeSet<&'static str> {
    let rules = RuleSet::current();
    let mut ids = BTreeSet::new();
    for q in rules.questions {
        for part in q.clause.split(' ') {
            ids.insert(part.trim_matches(|c| c == '(' || c == ')'));
        }
    }
    ids
}

fn list(ids: &BTreeSet<&str>) -> String {
    ids.iter().copied().collect::<Vec<_>>().join(", ")
}

#[test]
fn the_spec_is_read_whole() {
    let spec = spec();
    let ids = first_column_ids(&spec);
    // The chapters' first and last rows, and each kind of id, so that a parsing slip
    // cannot make the other tests pass on an empty list.
    for anchor in [
        "R1", "R3", "R3.a", "R3.d", "R17", "R39", "R39-1", "R39-8", "R42", "R44",
    ] {
        assert!(ids.contains(&anchor), "{anchor} not found in {SPEC_PATH}");
    }
    assert!(
        ids.len() >= 55,
        "only {} clause ids found in the spec",
        ids.len()
    );
}

#[test]
fn every_clause_of_the_spec_is_in_the_table() {
    let spec = spec();
    let table: BTreeSet<_> = first_column_ids(TABLE).into_iter().collect();
    let missing: BTreeSet<_> = first_column_ids(&spec)
        .into_iter()
        .filter(|id| !table.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "rules/CLAUSES.md has no row for these clauses of RULES.md: {}",
        list(&missing)
    );
}

#[test]
fn the_table_cites_only_clauses_of_the_spec_or_sub_items_the_rule_set_uses() {
    let spec = spec();
    let spec_ids: BTreeSet<_> = first_column_ids(&spec).into_iter().collect();
    let cited = cited_by_rule_set();
    let unknown: BTreeSet<_> = first_column_ids(TABLE)
        .into_iter()
        .filter(|id| !spec_ids.contains(id))
        .filter(|id| !(cited.contains(id) && spec_ids.contains(parent(id))))
        .collect();
    assert!(
        unknown.is_empty(),
        "rules/CLAUSES.md names clauses that are neither in RULES.md nor sub-items the rule \
         set cites: {}",
        list(&unknown)
    );
}

#[test]
fn every_clause_the_rule_set_cites_is_in_the_table() {
    let table: BTreeSet<_> = first_column_ids(TABLE).into_iter().collect();
    let missing: BTreeSet<_> = cited_by_rule_set()
        .into_iter()
        .filter(|id| !table.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "the rule set cites clauses with no row in rules/CLAUSES.md: {}",
        list(&missing)
    );
}

#[test]
fn the_table_has_one_full_row_per_clause() {
    let mut seen = BTreeSet::new();
    for row in TABLE.lines().filter_map(cells) {
        let Some(id) = row.first().map(|c| c.trim_matches('`')) else {
            continue;
        };
        if !is_clause_id(id) {
            continue;
        }
        assert!(seen.insert(id), "{id} has two rows in rules/CLAUSES.md");
        assert_eq!(
            row.len(),
            4,
            "{id}: a row is clause | code item | tests | status"
        );
        assert!(row.iter().all(|c| !c.is_empty()), "{id}: an empty cell");
        let status = row[3];
        assert!(
            ["done", "partial", "planned: ", "organisational, no code"]
                .iter()
                .any(|s| status.starts_with(s)),
            "{id}: unknown status {status:?}"
        );
    }
}

/// The source files a test path such as `values::iin::tests::name` may live in.
fn candidate_files(module: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let dir = src.join(module.replace("::", "/"));
    vec![
        dir.with_extension("rs"),
        dir.join("mod.rs"),
        dir.join("tests.rs"),
    ]
}

#[test]
fn every_test_the_table_cites_exists() {
    let mut checked = 0;
    for row in TABLE.lines().filter_map(cells) {
        let Some(id) = row.first().map(|c| c.trim_matches('`')) else {
            continue;
        };
        if !is_clause_id(id) || row.len() < 3 {
            continue;
        }
        for path in row[2].split('`').skip(1).step_by(2) {
            let Some((module, name)) = path.split_once("::tests::") else {
                panic!("{id}: {path:?} is not a test path (module::tests::name)");
            };
            let needle = format!("fn {name}(");
            let found = candidate_files(module)
                .iter()
                .filter_map(|f| std::fs::read_to_string(f).ok())
                .any(|source| source.contains(&needle));
            assert!(
                found,
                "{id}: rules/CLAUSES.md cites {path}, which does not exist"
            );
            checked += 1;
        }
    }
    assert!(
        checked > 50,
        "only {checked} test paths found in rules/CLAUSES.md"
    );
}

/// Without the spec the check fails; it never passes by skipping.
#[test]
#[should_panic(expected = "cannot read the spec")]
fn a_missing_spec_fails() {
    read_spec(concat!(env!("CARGO_MANIFEST_DIR"), "/no-such-dir/RULES.md"));
}

#[test]
fn clause_ids_are_recognised() {
    for ok in ["R1", "R17", "R17.1", "R3.a", "R39-1", "R44"] {
        assert!(is_clause_id(ok), "{ok}");
    }
    for bad in [
        "R", "r17", "R17.", "R3.ab", "R39-", "R17 (R1)", "id", "Rx", "R17.1a",
    ] {
        assert!(!is_clause_id(bad), "{bad}");
    }
    assert_eq!(
        first_column_ids("| id | x |\n|---|---|\n| R3.a | y |\n| `R39-2` | z |\ntext | R5 |"),
        ["R3.a", "R39-2"]
    );
}
